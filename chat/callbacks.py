"""Typed button payloads: each kind of button is declared once here, builds its payload and
reads it back, so no module spells ``"trn:yes:12"`` by hand.

A payload is ``prefix:action[:argument…]``, short ASCII only: Telegram allows 64 bytes, and a
Bengali label would take three bytes a letter, so labels never travel in it. Handlers bind a
handler and the role allowed to press it to each declaration (handlers/feature.py).
"""

from __future__ import annotations

from dataclasses import dataclass

SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class Callback:
    """One kind of button: ``prefix`` names the feature, ``action`` what pressing it does (None:
    the prefix alone says it, ``lang:bn``), ``arity`` how many arguments follow."""

    prefix: str
    action: str | None
    arity: int = 0

    def data(self, *arguments: object) -> str:
        if len(arguments) != self.arity:
            raise ValueError(f"{self} takes {self.arity} arguments")
        values = [str(a) for a in arguments]
        if any(SEPARATOR in v or not v.isascii() for v in values):
            raise ValueError(f"a payload argument must be ASCII without ':': {arguments!r}")
        head = [self.prefix] if self.action is None else [self.prefix, self.action]
        return SEPARATOR.join([*head, *values])


def split(data: str) -> tuple[str, tuple[str, ...]]:
    """The prefix of a payload and the parts after it."""
    prefix, _, rest = data.partition(SEPARATOR)
    return prefix, tuple(rest.split(SEPARATOR)) if rest else ()


# The conversation itself: an answer to the current question (flows/engine.py builds these),
# the language, a command from a menu button, one profile field to change, a page of choices.
FLOW = "f"
LANGUAGE = Callback("lang", None, 1)
MENU = Callback("menu", None, 1)  # menu:<command>: the same as typing /<command>
EDIT_FIELD = Callback("edit", None, 1)
MORE = Callback("more", None, 1)  # another page of the choices a channel cannot show at once

# One profile on two channels: the same number, registered on another channel.
LINK_YES = Callback("link", "yes")
LINK_NO = Callback("link", "no")

# The catalogue.
PRODUCT_NEW = Callback("prod", "new")
PRODUCT_LIST = Callback("prod", "list")
PRODUCT_PAGE = Callback("prod", "page", 1)
PRODUCT_XLSX = Callback("prod", "xlsx")
PRODUCT_VIEW = Callback("prod", "view", 1)
PRODUCT_RESUME = Callback("prod", "resume", 1)
PRODUCT_EDIT = Callback("prod", "edit", 1)
PRODUCT_PHOTOS = Callback("prod", "photos", 1)
PRODUCT_DELETE = Callback("prod", "del", 1)

# The export check.
CHECK_START = Callback("elig", "start")
CHECK_PRODUCT = Callback("elig", "product", 1)
CHECK_DETAILS = Callback("elig", "details", 1)  # a saved check: why, steps, cost, where, advice
CHECK_SOURCES = Callback("elig", "src", 1)  # a saved check: where each rule comes from

# What exporting a product costs.
PRICE_START = Callback("price", "start")
PRICE_PRODUCT = Callback("price", "product", 1)
PRICE_QUOTE = Callback("price", "quote", 2)  # product, destination
PRICE_DETAILS = Callback("price", "details", 2)  # product, destination

# Trainings.
TRAINING_YES = Callback("trn", "yes", 1)
TRAINING_NO = Callback("trn", "no", 1)
TRAINING_LIST = Callback("trn", "list")
TRAINING_ATTENDANCE = Callback("trn", "att", 1)
TRAINING_MARK = Callback("trn", "att", 2)  # training, seller: present or not
TRAINING_ATTENDANCE_DONE = Callback("trn", "attdone", 1)
TRAINING_CANCEL = Callback("trn", "cancel", 1)
TRAINING_CANCEL_CONFIRMED = Callback("trn", "cancelok", 1)

# Orders.
ORDER_LIST = Callback("ord", "list")
ORDER_NEW = Callback("ord", "new")
ORDER_SHIPPED = Callback("ord", "ship", 1)

# Announcements.
BROADCAST_VIEW = Callback("bc", "view", 1)
BROADCAST_NEW = Callback("bc", "new")

# The coordinator console.
SELLERS_PAGE = Callback("cs", "page", 3)  # page, district or *, stage or *
SELLER_CARD = Callback("cs", "card", 1)
NUDGE = Callback("cs", "nudge", 2)  # seller, pending stage
PENDING_PAGE = Callback("cs", "pend", 3)  # stage, district or *, page


def menu(command: str) -> str:
    """The payload of a menu button that runs ``/command``."""
    return MENU.data(command)
