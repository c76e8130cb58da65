"""Logging set-up: text for a person at a terminal, one JSON object per line for a service,
and a filter that masks phone numbers, GSTIN and PAN in anything that slips through.

The code logs ids and kinds only; the filter is the last line of defence, not the policy.
A JSON formatter is a few lines over the standard library, so no library is pulled in for it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

# Loggers kept at WARNING whatever LOG_LEVEL says: httpx logs every request URL at INFO, and Bot
# API URLs contain the bot token; at DEBUG python-telegram-bot logs whole updates (message
# text, phone numbers); aiohttp.access would log every webhook call and metrics scrape.
QUIET_LOGGERS = (
    "httpx",
    "httpcore",
    "telegram",
    "aiosqlite",
    "alembic",
    "apscheduler",
    "aiohttp.access",
)
FORMATS = ("auto", "text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_DIGIT = "[0-9০-৯]"  # ASCII and Bengali digits: sellers type both
# An Indian mobile number: optional +91 / 91 / 0, then ten digits starting 6–9, with the
# spaces or dashes people put in ("+91 98300-12345").
_MOBILE = re.compile(
    rf"(?<![0-9০-৯])(?:(?:\+|00)?91[\s-]?|0)?[6-9৬-৯](?:[\s-]?{_DIGIT}){{9}}(?![0-9০-৯])"
)
# GSTIN: state code, the PAN, entity number, Z, check character (15 characters).
_GSTIN = re.compile(
    r"(?<![0-9A-Za-z])\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z](?![0-9A-Za-z])", re.IGNORECASE
)
# PAN (also the IEC): five letters, four digits, a letter.
_PAN = re.compile(r"(?<![0-9A-Za-z])[A-Z]{5}\d{4}[A-Z](?![0-9A-Za-z])", re.IGNORECASE)
# A bot token (in a Bot API URL of a library's message): never in a log.
_TOKEN = re.compile(r"(?<![0-9])[0-9]{5,}:[A-Za-z0-9_-]{30,}")
MASKS = ((_TOKEN, "[token]"), (_GSTIN, "[gstin]"), (_PAN, "[pan]"), (_MOBILE, "[phone]"))
# Libraries that may put a whole API answer in a log argument (python-telegram-bot logs an
# unparseable getUpdates body, i.e. users' messages, at ERROR): their string arguments go.
_OPAQUE = ("telegram", "httpx", "httpcore")

# Attributes every LogRecord has; anything else was passed with ``extra=`` and is logged too.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def mask(text: str) -> str:
    """``text`` with phone numbers, GSTINs and PANs replaced by a tag naming what was there."""
    for pattern, tag in MASKS:
        text = pattern.sub(tag, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Masks personal ids in a record's message, string arguments, extras and traceback.

    Integer arguments are left alone: they are update and user ids, which are what logs are
    for, and a ten-digit Telegram user id would otherwise read as a phone number.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask(record.msg)
        if record.name.split(".")[0] in _OPAQUE and isinstance(record.args, tuple):
            record.args = tuple("[omitted]" if isinstance(a, str) else a for a in record.args)
        if isinstance(record.args, tuple):
            record.args = tuple(mask(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: mask(v) if isinstance(v, str) else v for k, v in record.args.items()}
        for key, value in vars(record).items():
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, mask(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, pid, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry:
                entry[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def resolve_format(log_format: str, stream: Any = None) -> str:
    """ "auto" is text on a terminal (a person reads it) and JSON otherwise (a service)."""
    if log_format != "auto":
        return log_format
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return "text" if isatty is not None and isatty() else "json"


def setup_logging(level: str, log_format: str = "auto") -> None:
    """Configure the root logger once per process (replacing earlier handlers)."""
    if log_format not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not {log_format!r}")
    handler = logging.StreamHandler(sys.stderr)
    if resolve_format(log_format, sys.stderr) == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    # On the handler, not a logger: a logger's filters do not see records of its children.
    handler.addFilter(PersonalDataFilter())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    for noisy in QUIET_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
