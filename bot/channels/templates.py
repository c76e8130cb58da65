"""WhatsApp message templates: what goes to a user outside the 24-hour window.

One template per kind of unasked message (content/data/whatsapp_templates.yaml: name and
category), in each language (the words in content/locales/*/whatsapp.ftl, the message itself
as the one body parameter). ``python -m bot.channels.templates`` prints them as JSON in the
form Meta's template manager (and its API, POST /<WABA_ID>/message_templates) takes.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from bot.i18n import Messages
from chat.markup import whatsapp
from content import LOCALES

PARAMETER = "{{1}}"
PARAMETER_LIMIT = 1024  # kept well inside the body's 1024 characters with its own words
QUICK_REPLIES = 3  # buttons one template may show here (Meta: 10, a phone shows 3)
BUTTON_TEXT_LIMIT = 25  # characters of a template's button
_SPACES = re.compile(r"\s{4,}")


@dataclass(frozen=True, slots=True)
class Template:
    kind: str  # the outbox kind it carries
    name: str
    category: str  # UTILITY or MARKETING
    # Quick-reply buttons (their words' message keys): the message's own buttons, in order,
    # go as their payloads, so a tap answers as the button itself would (an RSVP).
    buttons: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"wa-template-{self.kind}"


@functools.cache
def templates() -> dict[str, Template]:
    """The templates by outbox kind (read once)."""
    text = resources.files("content").joinpath("data/whatsapp_templates.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    found = {}
    for kind, entry in raw.items():
        name, category = str(entry["name"]), str(entry["category"]).upper()
        if not re.fullmatch(r"[a-z0-9_]{1,512}", name) or category not in ("UTILITY", "MARKETING"):
            raise ValueError(f"whatsapp_templates.yaml: {kind}: bad name or category")
        buttons = tuple(str(key) for key in entry.get("buttons") or ())
        if len(buttons) > QUICK_REPLIES:
            raise ValueError(f"whatsapp_templates.yaml: {kind}: more than {QUICK_REPLIES} buttons")
        found[str(kind)] = Template(str(kind), name, category, buttons)
    return found


def parameter(text: str) -> str:
    """A message as a template's body parameter, which may hold no line break, no tab and no
    run of more than 4 spaces (Meta refuses them)."""
    flat = " · ".join(line.strip() for line in text.splitlines() if line.strip())
    flat = _SPACES.sub("   ", flat.replace("\t", " "))
    return flat if len(flat) <= PARAMETER_LIMIT else flat[: PARAMETER_LIMIT - 1] + "…"


def button_text(messages: Messages, locale: str, key: str) -> str:
    return whatsapp(messages.text(locale, key))[:BUTTON_TEXT_LIMIT]


def payloads(template: Template, choices: list[str], fallback: str) -> list[str]:
    """The payload of each of the template's buttons: the message's own buttons in order,
    ``fallback`` (the menu) for any it does not have."""
    return [choices[n] if n < len(choices) else fallback for n in range(len(template.buttons))]


def definitions(messages: Messages) -> list[dict[str, Any]]:
    """Every template in every language, as Meta's template manager asks for them."""
    result = []
    for template in templates().values():
        for locale in LOCALES:
            body = whatsapp(messages.text(locale, template.key, {"text": PARAMETER}))
            example = whatsapp(messages.text(locale, "wa-template-example"))
            components: list[dict[str, Any]] = [
                {"type": "BODY", "text": body, "example": {"body_text": [[example]]}}
            ]
            if template.buttons:
                components.append(
                    {
                        "type": "BUTTONS",
                        "buttons": [
                            {"type": "QUICK_REPLY", "text": button_text(messages, locale, key)}
                            for key in template.buttons
                        ],
                    }
                )
            result.append(
                {
                    "name": template.name,
                    "language": locale,
                    "category": template.category,
                    "components": components,
                }
            )
    return result


def main() -> int:
    json.dump(definitions(Messages()), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
