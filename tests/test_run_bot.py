"""The entry point as a user runs it: console by pipe, refusal without a token or terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], stdin: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))
    }
    environment.update(DATA_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, str(ROOT / "run_bot.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no .env there
        env=environment,
        timeout=60,
    )


def test_console_by_pipe_registers_and_exits_at_end_of_input(tmp_path: Path) -> None:
    script = "/start\n1\n1\nরিনা দাস\n/skip\nবাঁকুড়া\n৯৮৩০০১২৩৪৫\n1\n/skip\n/skip\n/skip\n1\n"
    result = _run(["--console"], script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "BotFather" in result.stdout
    assert "[1] বাংলা" in result.stdout
    assert "নিবন্ধন হয়ে গেছে" in result.stdout
    assert (tmp_path / "export_sathi.db").exists()


def test_console_as_another_user(tmp_path: Path) -> None:
    result = _run(
        ["--console", "--as", "900001"],
        "/addcoordinator 5 Bankura\n",
        tmp_path,
        ADMIN_TELEGRAM_IDS="900001",
    )
    assert result.returncode == 0, result.stderr
    assert "সমন্বয়কারী" in result.stdout and "বাঁকুড়া" in result.stdout


def test_without_token_and_without_terminal_it_refuses_to_idle(tmp_path: Path) -> None:
    result = _run([], "", tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "BotFather" in result.stderr


def test_settings_hide_secrets_and_read_admins() -> None:
    settings = Settings(
        _env_file=None,
        telegram_bot_token="123:SECRET",
        webhook_secret="hush",
        admin_telegram_ids="1, 2;3",
        telegram_api_url="http://localhost:8081/",
    )
    assert "SECRET" not in repr(settings) and "hush" not in repr(settings)
    assert settings.admin_ids == {1, 2, 3}
    assert settings.telegram_api_url == "http://localhost:8081"


def test_database_url_forms() -> None:
    assert (
        Settings(_env_file=None, data_dir="x").database == "sqlite+aiosqlite:///x/export_sathi.db"
    )
    pg = Settings(_env_file=None, database_url="postgresql://u@h/db").database
    assert pg == "postgresql+asyncpg://u@h/db"


def test_a_malformed_rules_file_stops_the_start_with_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nquestions:\n  - id: food\n    message: [unclosed\n", "utf-8")
    result = _run(["--console"], "/start\n", tmp_path, ELIGIBILITY_RULES=str(rules))
    assert result.returncode == 2
    assert "rules.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_the_example_env_file_is_valid_as_it_stands(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text("utf-8"), "utf-8")
    result = _run(["--console"], "/start\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "নমস্কার" in result.stdout
