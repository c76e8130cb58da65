"""JSON log lines and the filter that masks phone numbers, GSTIN and PAN in anything logged."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.logs import JsonFormatter, PersonalDataFilter, mask, resolve_format
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text",
    [
        "9830012345",
        "+919830012345",
        "+91 98300 12345",
        "+91-98300-12345",
        "09830012345",
        "919830012345",
        "৯৮৩০০১২৩৪৫",
        "+91 ৯৮৩০০ ১২৩৪৫",
    ],
)
def test_indian_mobile_numbers_are_masked(text: str) -> None:
    masked = mask(f"number {text} given")
    assert masked == "number [phone] given"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GSTIN 19AAECF2320D1Z5 ok", "GSTIN [gstin] ok"),
        ("gstin 19aaecf2320d1z5", "gstin [gstin]"),
        ("PAN AAECF2320D, IEC aaecf2320d.", "PAN [pan], IEC [pan]."),
        ("both 19AAECF2320D1Z5/AAECF2320D", "both [gstin]/[pan]"),
    ],
)
def test_gstin_and_pan_are_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "update 123456789 (text) from user 42",
        "pin code 700001",
        "5830012345",  # not a mobile number: mobiles start with 6-9
        "98300123456789",  # too long to be one
        "outbox sender vm:1234:af26f420 stopped",
        "ES-BNK-000001.MAIN.jpg",
        "UDYAMWB10",
    ],
)
def test_what_is_not_personal_is_left_alone(text: str) -> None:
    assert mask(text) == text


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(PersonalDataFilter())
    logger = logging.getLogger("tests.logging.json")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_json_line_has_time_level_logger_message_and_extras(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    logger.info("update %s handled", 77, extra={"update_id": 77, "kind": "command"})
    (line,) = _lines(stream)
    assert line["level"] == "INFO" and line["logger"] == "tests.logging.json"
    assert line["message"] == "update 77 handled"
    assert line["update_id"] == 77 and line["kind"] == "command"
    assert str(line["time"]).endswith("+00:00") and "T" in str(line["time"])
    assert isinstance(line["pid"], int)


def test_personal_data_is_masked_in_message_arguments_extras_and_tracebacks(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    logger.warning("contact +91 98300 12345 from %s", 9876543210)  # an int id stays
    logger.warning("seller %s gave %s", "19AAECF2320D1Z5", "9830012345")
    logger.info("saved", extra={"note": "pan AAECF2320D"})
    try:
        raise ValueError("bad row: phone 9830012345")
    except ValueError:
        logger.exception("update %s failed", 5)
    text = stream.getvalue()
    for secret in ("98300 12345", "9830012345", "19AAECF2320D1Z5", "AAECF2320D"):
        assert secret not in text
    lines = _lines(stream)
    assert lines[0]["message"] == "contact [phone] from 9876543210"
    assert lines[1]["message"] == "seller [gstin] gave [phone]"
    assert lines[2]["note"] == "pan [pan]"
    assert "ValueError: bad row: phone [phone]" in str(lines[3]["exception"])


def test_text_format_is_masked_too() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(PersonalDataFilter())
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "phone %s", ("9830012345",), None)
    handler.handle(record)
    assert stream.getvalue() == "INFO phone [phone]\n"


def test_auto_is_text_on_a_terminal_and_json_otherwise() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert resolve_format("auto", Terminal()) == "text"
    assert resolve_format("auto", io.StringIO()) == "json"
    assert resolve_format("text", io.StringIO()) == "text"
    assert resolve_format("json", Terminal()) == "json"


def test_log_format_setting_is_checked() -> None:
    assert Settings(_env_file=None, log_format="JSON").log_format == "json"
    assert Settings(_env_file=None, log_format="").log_format == "auto"
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        Settings(_env_file=None, log_format="xml")


def test_a_service_process_logs_json_lines_by_default() -> None:
    script = (
        "import logging\n"
        "from bot.logs import setup_logging\n"
        "setup_logging('INFO')\n"
        "logging.getLogger('httpx').info('GET https://api.telegram.org/bot123:SECRET/getMe')\n"
        "logging.getLogger('bot.x').info('user %s shared %s', 42, '+919830012345')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [line["message"] for line in lines] == ["user 42 shared [phone]"]
    assert "SECRET" not in result.stderr


def test_library_log_arguments_and_bot_tokens_are_never_written() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(PersonalDataFilter())
    body = '{"ok":true,"result":[{"message":{"text":"my secret recipe"}}'
    url = "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe"
    for record in (
        logging.LogRecord(
            "telegram.request.BaseRequest",
            logging.ERROR,
            __file__,
            1,
            'bad JSON: "%s"',
            (body,),
            None,
        ),
        logging.LogRecord("export_sathi", logging.WARNING, __file__, 1, f"GET {url}", None, None),
    ):
        handler.handle(record)
    written = stream.getvalue()
    assert "secret recipe" not in written and "[omitted]" in written
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in written and "[token]" in written
