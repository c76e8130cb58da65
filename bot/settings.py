"""Configuration from the environment (and `.env`): the one place that reads it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.exports import DEFAULT_INR_PER_USD, DEFAULT_RATE_DATE, MarketTerms

# Telegram's rule for a webhook secret_token: 1-256 characters of A-Z a-z 0-9 _ -.
WEBHOOK_SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")


# The WhatsApp settings that must all be given for the channel to run.
WHATSAPP_REQUIRED = (
    "whatsapp_token",
    "whatsapp_phone_number_id",
    "whatsapp_app_secret",
    "whatsapp_verify_token",
)


def wa_id(number: str) -> str:
    """A phone number as WhatsApp names its user (wa_id): digits only, "+91 98300-12345" →
    "919830012345"."""
    return "".join(ch for ch in number if ch.isdigit())


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
    # Messages per second the bot sends on Telegram, replies and outbox together (Telegram:
    # about 30; more is answered 429). Replies go first; the outbox stays within broadcast_rate.
    telegram_rate: float = Field(default=30.0, gt=0)
    quiet_hours: str = "21:00-08:00"
    # The exchange rate the catalogue files price in (RBI reference rate) and its date; the
    # export message and the Amazon file say which rate was used.
    inr_per_usd: Decimal = Field(default=DEFAULT_INR_PER_USD, gt=0)
    inr_per_usd_date: date = DEFAULT_RATE_DATE
    # eBay business policies by name, for the eBay file's policy columns.
    ebay_shipping_policy: str = ""
    ebay_return_policy: str = ""
    ebay_payment_policy: str = ""
    # Shiprocket's API user (Settings → API in the Shiprocket panel) for live courier quotes in
    # /price; empty: the dated rate card in content/data/export_costs.yaml answers.
    shiprocket_email: str | None = None
    shiprocket_password: SecretStr | None = None
    shiprocket_api_url: str = "https://apiv2.shiprocket.in"
    image_base_url: str = ""  # where exported photos will be hosted; image columns = this + name
    eligibility_rules: Path | None = None  # another rules file than content/data/eligibility.yaml
    # WhatsApp Cloud API (bot/channels/whatsapp.py): all four of the first group, or none.
    whatsapp_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_api_url: str = "https://graph.facebook.com"
    whatsapp_api_version: str = "v25.0"
    admin_whatsapp_numbers: str = ""  # +91… of administrators on WhatsApp, comma-separated
    # Messages per second the outbox sends on WhatsApp (Meta: 80/s per business number, 1,000
    # once upgraded; a number shared with the Business app: 20).
    whatsapp_rate: float = Field(default=80.0, gt=0)
    log_level: str = "INFO"
    log_format: str = "auto"  # auto: text on a terminal, JSON lines otherwise (bot/logs.py)

    @field_validator(
        "telegram_bot_token",
        "webhook_secret",
        "eligibility_rules",
        "whatsapp_token",
        "whatsapp_phone_number_id",
        "whatsapp_app_secret",
        "whatsapp_verify_token",
        "shiprocket_email",
        "shiprocket_password",
        mode="before",
    )
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

    @field_validator("telegram_api_url", "whatsapp_api_url")
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
        for number in self.admin_whatsapp_numbers.replace(";", ",").split(","):
            if wa_id(number):
                found.add(("whatsapp", wa_id(number)))
        for part in self.admins.replace(";", ",").split(","):
            channel, _, external = part.strip().partition(":")
            channel, external = channel.strip().lower(), external.strip()
            if channel and external:
                found.add((channel, wa_id(external) if channel == "whatsapp" else external))
        return frozenset(found)

    @property
    def whatsapp_missing(self) -> list[str]:
        """The WhatsApp settings not given (names only); all of them when none is."""
        return [name.upper() for name in WHATSAPP_REQUIRED if getattr(self, name) is None]

    @property
    def whatsapp(self) -> bool:
        """All WhatsApp settings are given (half of them is a configuration error)."""
        return not self.whatsapp_missing

    @property
    def postgres(self) -> bool:
        return self.database.startswith("postgresql")

    @property
    def market(self) -> MarketTerms:
        return MarketTerms(
            inr_per_usd=self.inr_per_usd,
            rate_date=self.inr_per_usd_date,
            ebay_shipping_policy=self.ebay_shipping_policy,
            ebay_return_policy=self.ebay_return_policy,
            ebay_payment_policy=self.ebay_payment_policy,
        )

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
