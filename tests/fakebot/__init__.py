"""Fake Telegram Bot API server and simulated users for end-to-end tests of the real bot."""

from .server import (
    ApiError,
    FakeBotApi,
    Message,
    Recorded,
    StoredFile,
    UploadedFile,
    Violation,
    parse_html,
    utf16_len,
)
from .user import FakeUser

__all__ = [
    "ApiError",
    "FakeBotApi",
    "FakeUser",
    "Message",
    "Recorded",
    "StoredFile",
    "UploadedFile",
    "Violation",
    "parse_html",
    "utf16_len",
]
