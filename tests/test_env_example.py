"""Every setting is documented: in .env.example and in the README's settings table."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _names() -> set[str]:
    return {name.upper() for name in Settings.model_fields}


def test_every_setting_is_in_the_example_env_file() -> None:
    text = (ROOT / ".env.example").read_text("utf-8")
    listed = set(re.findall(r"^([A-Z_]+)=", text, flags=re.MULTILINE))
    assert _names() <= listed, _names() - listed
    assert listed <= _names(), listed - _names()  # nothing stale either


def test_every_setting_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[readme.index("### Settings") :]
    table = table[: table.index("\n## ")]
    documented = set(re.findall(r"`([A-Z][A-Z_]+)`", table))
    assert _names() <= documented, _names() - documented
