"""What the bot says and knows: messages per locale (locales/) and data files (data/)."""

# The languages the bot speaks, one folder of messages each; Bengali first, the default and the
# fallback.
LOCALES: tuple[str, ...] = ("bn", "en", "hi")
DEFAULT_LOCALE = "bn"


def locale_or_default(code: str | None) -> str:
    """One of LOCALES: the given code if we speak it, else the default."""
    return code if code in LOCALES else DEFAULT_LOCALE
