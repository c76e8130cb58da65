"""Configuration from the environment (and `.env`): the one place that reads it."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Telegram's rule for a webhook secret_token: 1-256 characters of A-Z a-z 0-9 _ -.
WEBHOOK_SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    """Names are the contract in DESIGN.md; secrets are SecretStr so they never print."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str | None = None
    data_dir: Path = Path("data")
    admin_telegram_ids: str = ""  # the older way to name administrators (Telegram ids)
    admins: str = ""  # channel:id pairs, e.g. telegram:123,whatsapp:+919830012345
    timezone: str = "Asia/Kolkata"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0:8080"
    broadcast_rate: float = Field(default=25.0, gt=0)
    quiet_hours: str = "21:00-08:00"
    image_base_url: str = ""  # where exported photos will be hosted; image columns = this + name
    eligibility_rules: Path | None = None  # another rules file than content/data/eligibility.yaml
    log_level: str = "INFO"
    log_format: str = "auto"  # auto: text on a terminal, JSON lines otherwise (bot/logs.py)

    @field_validator("telegram_bot_token", "webhook_secret", "eligibility_rules", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("log_format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        value = value.strip().lower() or "auto"
        if value not in ("auto", "text", "json"):
            raise ValueError("LOG_FORMAT must be auto, text or json")
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def admin_ids(self) -> frozenset[int]:
        ids = (part.strip() for part in self.admin_telegram_ids.replace(";", ",").split(","))
        return frozenset(int(part) for part in ids if part.lstrip("-").isdigit())

    @property
    def administrators(self) -> frozenset[tuple[str, str]]:
        """(channel, id) of every administrator: ADMINS, and ADMIN_TELEGRAM_IDS on Telegram.
        Those Telegram ids are administrators on the console too (`--as ID`): whoever can run
        the console on the bot's machine can read its database anyway."""
        found: set[tuple[str, str]] = set()
        for number in self.admin_ids:
            found |= {("telegram", str(number)), ("console", str(number))}
        for part in self.admins.replace(";", ",").split(","):
            channel, _, external = part.strip().partition(":")
            if channel.strip() and external.strip():
                found.add((channel.strip().lower(), external.strip()))
        return frozenset(found)

    @property
    def postgres(self) -> bool:
        return self.database.startswith("postgresql")

    @property
    def database(self) -> str:
        """The SQLAlchemy async URL; SQLite under DATA_DIR unless DATABASE_URL says otherwise."""
        if self.database_url:
            url = self.database_url
            if url.startswith("postgresql://") or url.startswith("postgres://"):
                url = "postgresql+asyncpg://" + url.split("://", 1)[1]
            elif url.startswith("sqlite:///"):
                url = "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
            return url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'export_sathi.db').as_posix()}"
