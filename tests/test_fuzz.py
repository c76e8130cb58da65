"""Property-based fuzzing through the real Router: random sequences of Telegram updates for
every flow and every kind of person, with hostile texts, every media kind, stale and forged
button payloads and junk command arguments.

Updates are built as Bot API JSON and turned into Inbound by the Telegram channel's own
converter, so what reaches the router is what Telegram could deliver. Properties, after every
update: the router answers (a redelivered update id excepted: then it answers nothing), nothing
failed inside it (no error logged, no missing or broken message), and every message it answers
with, sends later (albums) or queues in the outbox is valid for the Bot API
(tests/botapi_rules.py).

Each example plays fresh user ids against a database seeded once per test; SQLite runs many
examples, PostgreSQL fewer (a fresh database per test, slower statements).
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from telegram import Update

from bot.channels.telegram import CAPABILITIES, telegram_deliver, to_inbound
from bot.delivery import Sender
from bot.i18n import Messages
from bot.language import detect_language
from chat.capabilities import UNLIMITED
from chat.inbound import FileTooBig, Media
from chat.outbound import Delivery, Outbound
from handlers.render import Renderer
from handlers.router import Router
from storage.db import Database
from storage.models import outbox_t
from storage.outbox import OutboxItem, Recipient
from storage.records import SellerRecord
from tests.botapi_rules import assert_valid
from tests.chat import ChatUser, FileShelf
from tests.conftest import ZONE
from tests.delivery_helpers import make_bot
from tests.fakebot import FakeBotApi
from tests.images import dark_photo, good_photo, pdf_bytes, tiny_photo
from tests.test_products import describe_in_bengali
from tests.test_registration import register_in_bengali, to_step

# Slow by nature (real processes, real time): the second stage of .ci/run, `pytest -m slow`.
pytestmark = pytest.mark.slow

# Examples per persona; FUZZ_EXAMPLES=500 makes a longer bug hunt (PostgreSQL gets a fifth).
SQLITE_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
POSTGRES_EXAMPLES = max(SQLITE_EXAMPLES // 5, 1)
MAX_EVENTS = 25
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ON_SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
ON_POSTGRES = pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)

TOKEN = "123456:FUZZ-token"
TEMPLATE, OTHER = 700001, 700002  # sellers of the seeded programme nobody plays here
SEED_ADMIN = 700000
_user_ids = itertools.count(800_000)
_update_ids = itertools.count(50_000_000)
_query_ids = itertools.count(1)

# --- what people type ------------------------------------------------------------------------

INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"
)
COMBINING = "\u0300\u0301\u0308\u0332\u034f\u0489\u0981\u09bc\u09cd\u20dd"
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x1c\x7f\x85\x9f"
BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
ODD = [
    BENGALI_DIGITS, "०१२३", "٣٤٥", "１２３", "½", "²", "Ⅻ", "<", ">", "&", "&amp;", "&lt;", "&#0;",
    "&#x110000;", "&nbsp;", "<b>", "</b>", "<i>", "<script>alert(1)</script>", "</code>",
    "<a href='x'>", '"', "'", "\\", "{", "}", "{ $name }", "%s", "%", "_", "\n", "\r\n", "\t",
    " ", "\x00", "\x07", "\x1b", "\u2028", "\u2029", "😀", "👩🏽‍🎨", "🇮🇳", "ﷺ", "ǅ", "ß", "İ",
    "ﬃ", "স্ক্র", "ক্ষ", "আমি", "हिन्दी", "مرحبا", "שלום", "𝔘𝔫𝔦", "\ue000", "\uffff",
    "'; DROP TABLE sellers; --", '" OR 1=1 --', INVISIBLE, COMBINING, CONTROL,
]  # fmt: skip
# Answers that move the flows along: names, districts, phones, ids, sizes, prices, dates.
VOCAB = [
    "Rina Das", "রিনা দাস", "रीना", "Dokra Crafts", "বাঁকুড়া", "Bankura", "howrah", "Kolkata",
    "দার্জিলিং", "9830012345", "৯৮৩০০ ১২৩৪৫", "+91 70000 12345", "19AAECF2320D1Z5",
    "19AAECF2320D1Z6", "AAECF2320D", "UDYAM-WB-10-0012345", "ডোকরা", "dokra", "kantha",
    "পিতল", "brass", "cotton", "10 x 20 cm", "১০ x ২০ সেমি", "4 inch", "500 g", "৫০০ গ্রাম",
    "1.5 kg", "red", "লাল", "500", "৫০০ টাকা", "Rs. 1,200", "5", "৭", "0", "-3", "100001",
    "হাতে তৈরি", "yes", "no", "হ্যাঁ", "না", "Skip", "বাদ দিন", "tomorrow 11am",
    "25/12/2030 10:30", "কাল সকাল ১০টা", "Block office, Bishnupur", "30", "USA", "Germany",
    "food", "peacock feather", "ivory", "STOP", "বন্ধ", "help", "menu",
]  # fmt: skip
COMMANDS = [
    "start", "menu", "help", "language", "cancel", "back", "skip", "profile", "addproduct",
    "products", "check", "trainings", "orders", "mydata", "delete", "stop", "stats", "sellers",
    "seller", "pending", "export", "checks", "broadcast", "broadcasts", "newtraining",
    "importorders", "addcoordinator", "removecoordinator", "coordinators", "audit",
]  # fmt: skip
ARGS = [
    "-1", "0", "1", "2", "99999999999999999999999", "১২৩", "৯৮৩০০১২৩৪৫", "Bankura",
    "বাঁকুড়া", "Bankura, Howrah", "sellers", "sellers Howrah", "sellers Nowhere", "*", "all",
    "en", "bn", "hi", "zz", "ready", "blocked", "registered_only", "2 3", "1e9", "NaN", "%",
    "_", "Rina", "+919830012345", str(TEMPLATE), f"{OTHER} Bankura", f"{TEMPLATE} Howrah",
    "'; DROP TABLE sellers; --", '" OR 1=1 --', "<b>", "@everyone",
]  # fmt: skip
PHONES = [
    "+919830012345", "919830012345", "9830012345", "৯৮৩০০১২৩৪৫", "+1 555 0100", "", "abc",
    "0", "+" + "9" * 30, "+91 70000 12345", "+91-98300-12345",
]  # fmt: skip
# Button payload prefixes and the actions each knows (plus junk).
ACTIONS = {
    "lang": ["bn", "en", "hi", "keep", "zz", ""],
    "menu": [*COMMANDS, "", "nope"],
    "edit": ["name", "business", "district", "phone", "craft", "gstin", "iec", "udyam", "x"],
    "prod": ["new", "list", "page", "xlsx", "view", "resume", "edit", "photos", "del", "x"],
    "elig": ["start", "product", "x"],
    "trn": ["list", "yes", "no", "att", "attdone", "cancel", "cancelok", "x"],
    "ord": ["list", "new", "ship", "x"],
    "bc": ["view", "new", "x"],
    "cs": ["card", "page", "pend", "nudge", "x"],
}
# Files users send, by file id; "missing" fails to download, "toobig" is refused by Telegram.
FILES = ["good0", "good1", "good2", "tiny", "dark", "junk", "pdf", "empty", "report"]
FILES += ["missing", "toobig"]
MIMES = [
    "image/jpeg", "image/png", "image/heic", "application/pdf", "text/csv",
    "text/tab-separated-values", "text/plain", "application/zip", "application/octet-stream",
    "application/vnd.ms-excel", "", "x/<b>",
]  # fmt: skip
KINDS = ["voice", "audio", "sticker", "video", "video_note", "animation", "location", "venue"]


def _bytes64(text: str) -> str:
    """Telegram's callback_data is at most 64 bytes: a longer payload cannot reach the bot."""
    return text.encode("utf-8")[:64].decode("utf-8", "ignore")


def huge_texts() -> st.SearchStrategy[str]:
    units = ["a", "অ", "😀", "<b>", "&", "\u200f", "a\u0301", "৯", " ", "\n", "x\n"]
    return st.builds(
        lambda unit, size: unit * (size // len(unit)),
        st.sampled_from(units),
        st.sampled_from([1001, 1025, 4097, 100_000]),
    )


def texts(small: bool = False) -> st.SearchStrategy[str]:
    options = [
        st.sampled_from(VOCAB),
        st.text(max_size=40),
        st.lists(st.sampled_from(ODD + VOCAB), max_size=8).map("".join),
        st.text(
            st.sampled_from(INVISIBLE + COMBINING + CONTROL + BENGALI_DIGITS + " a<&"), max_size=30
        ),
        st.builds(
            lambda pre, word, post: pre + word + post,
            st.sampled_from(["", *INVISIBLE, *COMBINING]),
            st.sampled_from(VOCAB),
            st.sampled_from(["", *INVISIBLE, *COMBINING, " ", "\n"]),
        ),
    ]
    return st.one_of(options if small else [*options, huge_texts()])


def _put(answer: str, where: list[tuple[int, str]]) -> str:
    for at, piece in sorted(where, reverse=True):
        answer = answer[:at] + piece + answer[at:]
    return answer


# Odd fragments and where to put them into a good answer.
SPOILERS = st.lists(
    st.tuples(
        st.integers(0, 40),
        st.one_of(
            st.sampled_from(ODD),
            st.sampled_from(CONTROL),
            st.text(st.sampled_from(INVISIBLE + COMBINING + CONTROL), min_size=1, max_size=3),
            st.text(min_size=1, max_size=3),
        ),
    ),
    min_size=1,
    max_size=3,
)


def spoilt(answers: list[str]) -> st.SearchStrategy[str]:
    """A good answer with odd fragments put in at random places."""
    return st.builds(_put, st.sampled_from(answers), SPOILERS)


def commands() -> st.SearchStrategy[str]:
    name = st.one_of(st.sampled_from(COMMANDS), st.text(max_size=12))
    args = st.one_of(st.just(""), st.sampled_from(ARGS), texts())
    mention = st.sampled_from(["", "", "@ExportSathiBot", "@other_bot"])
    return st.builds(lambda n, m, a: f"/{n}{m} {a}" if a else f"/{n}{m}", name, mention, args)


# --- the world: a seeded programme, its files, and the people playing in it -----------------


@dataclass(repr=False)
class World:
    db: Database
    messages: Messages
    data_dir: Path
    shelf: FileShelf
    ids: list[str]  # ids of other people's things, for forged payloads
    flow_steps: list[tuple[str, str]]
    template_product: int
    outbox_seen: int = 0

    def __repr__(self) -> str:
        return f"World({self.db.dialect})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))  # how Hypothesis prints a failing example's arguments

    def router(self, admin_ids: frozenset[int] = frozenset()) -> Router:
        return Router(
            self.db,
            self.messages,
            detect_language,
            zone=ZONE,
            admins={("telegram", str(i)) for i in admin_ids}
            | {("test", str(i)) for i in admin_ids},
            data_dir=self.data_dir,
            fetch_media=self.fetch,
        )

    async def fetch(self, media: Media) -> bytes:
        if media.file_id == "toobig":
            raise FileTooBig(media.file_id)
        return self.shelf.files[media.file_id]  # "missing": a failed download


@cache
def _files() -> dict[str, bytes]:
    report = (
        "order-id\torder-item-id\tpurchase-date\tsku\tquantity-purchased\tship-by-date\n"
        "171-5512345-1234567\t1\t2030-01-01\tES-BNK-000001\t2\t2030-01-05\n"
        "171-5512345-1234568\t2\t2030-01-01\t<b>\t-1\tsoon\n"
    )
    return {
        "good0": good_photo(),
        "good1": good_photo(1),
        "good2": good_photo(2),
        "tiny": tiny_photo(),
        "dark": dark_photo(),
        "junk": bytes(range(256)) * 4,
        "pdf": pdf_bytes(),
        "empty": b"",
        "report": report.encode(),
    }


async def _seed(db: Database, router: Router, shelf: FileShelf) -> tuple[list[str], int]:
    """A seller with a finished product (through the chat), another seller, an order, an
    upcoming and a started training; returns ids for forged payloads and the product."""
    template = ChatUser(router, TEMPLATE, language_code="bn", shelf=shelf)
    await register_in_bengali(template, name="রিনা <b>দাস</b> & কোং")
    await template.says("/addproduct")
    await template.sends_photo(_files()["good0"])
    await template.presses("হয়ে গেছে")
    await describe_in_bengali(template)
    await template.presses("হ্যাঁ, সব ঠিক আছে")
    now = datetime.now(UTC)
    async with db.transaction() as repo:
        [product] = await repo.products.of_seller(TEMPLATE)
        await repo.users.touch(OTHER, "en", "en")
        await repo.users.attach("telegram", str(OTHER), OTHER)
        await repo.sellers.save(
            SellerRecord(OTHER, "'; DROP TABLE sellers; --", "HWH", "+919830054321")
        )
        other_product = await repo.products.create(OTHER, "HWH", {"material": "<i>jute</i>"})
        order = await repo.orders.create(TEMPLATE, product.sku, 2, None, TEMPLATE, product.id)
        trainings = [
            await repo.trainings.create(
                title="<b>Photo</b> & pricing",
                place="Block office",
                starts_at=now + timedelta(days=days),
                capacity=capacity,
                created_by=SEED_ADMIN,
                districts=districts,
                invited=1,
            )
            for days, capacity, districts in ((2, 1, ["BNK"]), (-0.05, None, ["BNK", "HWH"]))
        ]
    ids = [str(i) for i in (product.id, other_product, order, *trainings, TEMPLATE, OTHER)]
    return ids, product.id


@pytest.fixture
async def world(db: Database, messages: Messages, tmp_path: Path) -> World:
    shelf = FileShelf()
    shelf.files.update(_files())
    data_dir = tmp_path / "data"
    probe = World(db, messages, data_dir, shelf, [], [], 0)
    ids, product = await _seed(db, probe.router(frozenset({SEED_ADMIN})), shelf)
    steps = [
        (flow.name, step.name)
        for flow in probe.router().engine.flows.values()
        for step in flow.steps
    ]
    async with db.transaction() as repo:
        seen = (await repo.connection.execute(select(func.max(outbox_t.c.id)))).scalar()
    return World(db, messages, data_dir, shelf, ids, steps, product, seen or 0)


def forged(world: World) -> st.SearchStrategy[str]:
    """Real payload shapes with wrong values, other flows' payloads, and random bytes."""
    values = st.one_of(
        st.sampled_from(world.ids),
        st.sampled_from(["-1", "0", "2147483648", str(2**63), "9" * 30, "১", "x", "", "1:2"]),
        st.integers(-(2**70), 2**70).map(str),
        st.text(max_size=12),
    )
    shaped = st.builds(
        lambda prefix_action, value, extra: ":".join(
            part for part in (*prefix_action, value, extra) if part is not None
        ),
        st.sampled_from([(p, a) for p, actions in ACTIONS.items() for a in actions]),
        values,
        st.one_of(st.none(), values),
    )
    flow_answers = st.builds(
        lambda step, value: f"f:{step[0]}:{step[1]}:{value}",
        st.sampled_from(world.flow_steps),
        st.one_of(values, st.sampled_from(["yes", "no", "done", "BNK", "dokra", "_ok"])),
    )
    random_bytes = st.binary(max_size=64).map(lambda b: b.decode("utf-8", "replace"))
    return st.one_of(shaped, flow_answers, random_bytes, st.text(max_size=64)).map(_bytes64)


# --- one person playing ----------------------------------------------------------------------


class _Failures(logging.Handler):
    """Errors logged anywhere (the router logs what it caught) and catalogue warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.name == "bot.i18n":
            self.records.append(record)


@contextmanager
def failures_logged() -> Iterator[_Failures]:
    handler = _Failures()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


@dataclass
class Player:
    """One fuzzed person: what they do becomes Bot API JSON, then Inbound through the channel's
    converter, then the router's answer, which is checked at once."""

    world: World
    router: Router
    user_id: int
    language_code: str | None
    buttons: list[str] = field(default_factory=list)  # callback data of the latest answer
    labels: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    sent: list[Outbound] = field(default_factory=list)
    last: dict[str, Any] | None = None
    flow: str | None = None  # the flow open now, if any
    step: str | None = None  # and its question

    def _user(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.user_id, "is_bot": False, "first_name": "F"}
        if self.language_code is not None:
            user["language_code"] = self.language_code
        return user

    def _message(self, **content: Any) -> dict[str, Any]:
        chat = {"id": self.user_id, "type": "private", "first_name": "F"}
        message = {"message_id": next(_query_ids), "date": 0, "chat": chat, "from": self._user()}
        return {"update_id": next(_update_ids), "message": message | content}

    def _file(self, key: str, size: int | None = None) -> dict[str, Any]:
        data = self.world.shelf.files.get(key, b"")
        return {"file_id": key, "file_unique_id": key, "file_size": size or len(data) or None}

    def update(self, action: tuple[Any, ...]) -> dict[str, Any]:
        """Bot API JSON of one thing the person does."""
        kind = action[0]
        if kind in ("press", "button"):
            query = {
                "id": str(next(_query_ids)),
                "from": self._user(),
                "chat_instance": "fuzz",
                "data": action[1],
                "message": self._message()["message"],
            }
            return {"update_id": next(_update_ids), "callback_query": query}
        if kind == "text":
            return self._message(text=action[1])
        if kind == "contact":
            _, phone, whose = action
            contact = {"phone_number": phone, "first_name": "F"}
            if whose is not None:
                contact["user_id"] = self.user_id if whose == "own" else whose
            return self._message(contact=contact)
        if kind == "photo":
            _, key, big, caption, album = action
            size = self._file(key, 25_000_000 if big else None)
            content: dict[str, Any] = {"photo": [size | {"width": 1200, "height": 900}]}
            if album:
                content["media_group_id"] = album
        elif kind == "document":
            _, key, big, caption, mime, name = action
            document = self._file(key, 25_000_000 if big else None)
            content = {"document": document | {"mime_type": mime or None, "file_name": name}}
        else:
            caption = None
            content = _other_media(kind, self._file(kind))
        if caption:
            content["caption"] = caption
        return self._message(**content)

    async def do(self, action: tuple[Any, ...]) -> None:
        note(f"user {self.user_id}: {action!r}"[:300])
        again = action[0] == "again"
        if again and self.last is None:
            return
        update = self.last if again and self.last is not None else self.update(action)
        inbound = to_inbound(Update.de_json(update, None))
        assert inbound is not None
        outbound = await self.router.handle(inbound, self._send)
        self.last = update
        if again:
            assert outbound == [], "a redelivered update is answered again"
            return
        assert outbound, f"no answer to {action!r}"
        assert_valid(outbound, self.user_id)
        with_buttons = [o for o in outbound if o.buttons]
        if with_buttons:
            rows = [b for o in with_buttons for row in o.buttons for b in row]
            self.buttons = [b.data for b in rows]
            self.labels = [b.label for b in rows]
            self.seen = list(dict.fromkeys([*self.seen, *self.buttons]))[-40:]
        async with self.world.db.transaction() as repo:
            state = await repo.conversations.of_identity("telegram", str(self.user_id))
        active = state is not None and state.active
        self.flow = state.flow if state is not None and active else None
        self.step = state.step if state is not None and active else None
        event(f"state: {state.flow}:{state.step}" if state is not None and active else "idle")

    async def _send(self, outbound: list[Outbound]) -> None:
        self.sent += outbound


def _other_media(kind: str, file: dict[str, Any]) -> dict[str, Any]:
    media = {
        "voice": {"voice": file | {"duration": 3}},
        "audio": {"audio": file | {"duration": 3}},
        "sticker": {
            "sticker": file
            | {"type": "regular", "width": 512, "height": 512, "is_animated": False}
            | {"is_video": False}
        },
        "video": {"video": file | {"width": 640, "height": 480, "duration": 3}},
        "video_note": {"video_note": file | {"length": 240, "duration": 3}},
        "animation": {"animation": file | {"width": 320, "height": 240, "duration": 1}},
        "location": {"location": {"latitude": 23.23, "longitude": 87.07}},
        "venue": {
            "venue": {
                "location": {"latitude": 22.57, "longitude": 88.36},
                "title": "<b>Haat</b>",
                "address": "Bishnupur",
            }
        },
    }
    return media.get(kind, {"dice": {"emoji": "🎲", "value": 3}})


# Good answers to each question (by step name), so that walks reach the end of every flow.
_GOOD_PHOTO = [("photo", key, False, None, None) for key in ("good0", "good1", "good2")]
STEP_ANSWERS: dict[str, list[tuple[Any, ...]]] = {
    "name": [("text", t) for t in ("Rina Das", "রিনা দাস", "<b>Rina</b> & 'Das'", "Ri\x00na")],
    "business": [("text", t) for t in ("Dokra Crafts", "মা দুর্গা হস্তশিল্প", "<i>A&B</i>\x07")],
    "district": [("text", t) for t in ("বাঁকুড়া", "Bankura", "howrah", "Nowhere")],
    "phone": [
        ("contact", "+919830012345", "own"),
        ("text", "৯৮৩০০ ১২৩৪৫"),
        ("text", "+91 70000 12345"),
    ],
    "craft": [("text", t) for t in ("ডোকরা", "kantha", "<b>clay</b> pots")],
    "gstin": [("text", t) for t in ("19AAECF2320D1Z5", "19AAECF2320D1Z6")],
    "iec": [("text", "AAECF2320D")],
    "udyam": [("text", "UDYAM-WB-10-0012345")],
    "photos": [*_GOOD_PHOTO, ("photo", "good1", False, None, "album-1")],
    "photo": _GOOD_PHOTO,
    "what": [("text", t) for t in ("ডোকরা", "wooden <horse>", "terracotta")],
    "material": [("text", t) for t in ("পিতল", "brass & wax", "<jute>\x00")],
    "size": [("text", t) for t in ("10 x 20 cm", "১০ x ২০ সেমি", "4 inch")],
    "weight": [("text", t) for t in ("500 g", "৫০০ গ্রাম", "1.5 kg")],
    "colour": [("text", t) for t in ("red", "লাল", "<b>gold</b>")],
    "price": [("text", t) for t in ("500", "৫০০ টাকা", "Rs. 1,200")],
    "stock": [("text", t) for t in ("5", "৭")],
    "days": [("text", t) for t in ("7", "১০")],
    "special": [("text", t) for t in ("হাতে তৈরি", "<script>x</script> & natural dyes")],
    "describe": [("text", t) for t in ("brass dokra horse", "peacock feather fan")],
    "title": [("text", t) for t in ("Photo <b>workshop</b>", "ছবি তোলার প্রশিক্ষণ")],
    "when": [("text", t) for t in ("25/12/2030 10:30", "tomorrow 11am", "কাল সকাল ১০টা")],
    "place": [("text", t) for t in ("Block office, Bishnupur", "<i>Haat</i> & \x1bhall")],
    "capacity": [("text", t) for t in ("30", "০", "1")],
    "text": [
        ("text", "Training on Monday: bring <b>photos</b> & samples"),
        ("text", "line one\n<i>line two</i> & more\n" * 300),
        ("text", "😀" * 2100),
        ("text", "নমস্কার 🙏 " * 100),
    ],
    "quantity": [("text", t) for t in ("2", "৩")],
    "ship_by": [("text", t) for t in ("25/12/2030", "tomorrow")],
    "file": [("document", "report", False, None, "text/tab-separated-values", "orders.txt")],
}


def static_actions(world: World) -> dict[str, st.SearchStrategy[tuple[Any, ...]]]:
    """Kinds of action whose drawing does not depend on what is on the screen."""
    captions = st.one_of(st.none(), texts(small=True))
    return {
        "vocab": st.tuples(st.just("text"), st.sampled_from(VOCAB)),
        "text": st.tuples(st.just("text"), texts()),
        "command": st.tuples(st.just("text"), commands()),
        "photo": st.tuples(
            st.just("photo"),
            st.sampled_from(FILES),
            st.booleans(),
            captions,
            st.sampled_from([None, None, "album-1", "album-2"]),
        ),
        "document": st.tuples(
            st.just("document"),
            st.sampled_from(FILES),
            st.booleans(),
            captions,
            st.sampled_from(MIMES),
            st.one_of(st.none(), st.sampled_from(["orders.txt", "a.jpg", "<b>.csv"])),
        ),
        "media": st.tuples(st.sampled_from([*KINDS, "dice"])),
        "contact": st.tuples(
            st.just("contact"), st.sampled_from(PHONES), st.sampled_from(["own", None, OTHER])
        ),
        "forged": st.tuples(st.just("button"), forged(world)),
        "again": st.tuples(st.just("again")),
    }


# Mostly what the bot asks for (a button, a good answer), often something else (junk, a
# command, media, an old or forged button, a redelivery).
WEIGHTS = {
    "press": 30, "good": 25, "spoilt": 15, "vocab": 8, "text": 10, "command": 6, "photo": 3,
    "document": 3, "media": 2, "contact": 2, "forged": 7, "stale": 3, "label": 2, "again": 2,
}  # fmt: skip
CATEGORIES = [name for name, weight in WEIGHTS.items() for _ in range(weight)]


def next_action(
    player: Player, data: st.DataObject, static: dict[str, st.SearchStrategy[tuple[Any, ...]]]
) -> tuple[Any, ...]:
    """Draw the next action. What is drawn never depends on the screen (a number picks the
    button), so that Hypothesis can replay an example on a database other examples changed."""
    category = data.draw(st.sampled_from(CATEGORIES))
    if category in static:
        return data.draw(static[category])
    n = data.draw(st.integers(0, 2**16))
    where = data.draw(SPOILERS) if category == "spoilt" else []
    good = STEP_ANSWERS.get(player.step or "", [])
    typed = [a[1] for a in good if a[0] == "text"]
    picked: tuple[Any, ...] | None = None
    if category == "press" and player.buttons:
        picked = ("press", player.buttons[n % len(player.buttons)])
    elif category == "label" and player.labels:
        picked = ("text", player.labels[n % len(player.labels)])
    elif category == "stale" and player.seen:
        picked = ("button", player.seen[n % len(player.seen)])
    elif category == "good" and good:
        picked = good[n % len(good)]
    elif category == "spoilt":
        answers = typed or VOCAB
        picked = ("text", _put(answers[n % len(answers)], where))
    return picked or ("text", VOCAB[n % len(VOCAB)])  # nothing of that kind: say something


# --- who plays, and how they start -----------------------------------------------------------

STAFF_OPENINGS = [
    "/stats", "/sellers", "/seller Rina", "/seller %", "/pending", "/export", "/export sellers",
    "/checks", "/broadcast", "/broadcasts", "/newtraining", "/importorders", "/trainings",
    "/help", "/start",
]  # fmt: skip
OPENINGS = {
    "newcomer": ["hello", "/start", "/help", "/language", "/menu", "/delete", "/mydata",
                 "/stop", "/addproduct", "/check", "/trainings", "/orders", "/profile"],
    "seller": ["/addproduct", "/check", "/orders", "/trainings", "/profile", "/delete",
               "/language", "/products", "/mydata", "/start", "/menu", "/help", "/stats"],
    "coordinator": STAFF_OPENINGS,
    "admin": [*STAFF_OPENINGS, "/addcoordinator {me} Bankura", "/removecoordinator {me}",
              "/coordinators", "/audit"],
}  # fmt: skip
PERSONAS = list(OPENINGS)


async def _cast(
    world: World, persona: str, data: st.DataObject, products: int | None = None
) -> Player:
    """A fresh person of this kind, with what such a person has in the database."""
    user_id = next(_user_ids)
    language = data.draw(st.sampled_from(["bn", "en", "hi", None, "fr", "pt-br"]), "language")
    admins = frozenset({user_id}) if persona == "admin" else frozenset()
    if persona == "seller":
        district = data.draw(st.sampled_from(["BNK", "HWH", "DJL"]), "district")
        if products is None:
            products = data.draw(st.integers(0, 2), "products")
        async with world.db.transaction() as repo:
            await repo.users.touch(user_id, language, "bn")
            await repo.users.attach("telegram", str(user_id), user_id)
            await repo.sellers.save(
                SellerRecord(user_id, "Mina <i>Pal", district, "+919830011111", craft_id="dokra")
            )
            template = await repo.products.get(world.template_product)
            assert template is not None
            for n in range(products):
                pid = await repo.products.create(user_id, district, dict(template.answers))
                if n == 0 and template.listing is not None:
                    await repo.products.set_listing(pid, template.listing, "ready")
                    photo = template.photos[0]
                    await repo.products.add_photo(
                        pid, photo.content_hash, photo.path, photo.width, photo.height, ()
                    )
                    await repo.orders.create(user_id, f"ES-{district}-{pid:06d}", 1, None, user_id)
    elif persona == "coordinator":
        async with world.db.transaction() as repo:
            await repo.users.touch(user_id, language, "bn")
            await repo.users.attach("telegram", str(user_id), user_id)
            await repo.coordinators.add(user_id, ["BNK"], added_by=SEED_ADMIN)
    return Player(world, world.router(admins), user_id, language)


async def fuzz(world: World, persona: str, data: st.DataObject) -> None:
    player = await _cast(world, persona, data)
    opening = data.draw(st.sampled_from(OPENINGS[persona]), "opening")
    static = static_actions(world)
    with failures_logged() as failures:
        await player.do(("text", opening.format(me=player.user_id)))
        for _ in range(data.draw(st.integers(1, MAX_EVENTS), "events")):
            await player.do(next_action(player, data, static))
        await player.router.flush()  # albums still waiting for their last photo
        assert_valid(player.sent, player.user_id)
        await _check_outbox(world, player.router)
    assert not failures.records, "\n".join(
        f"{r.name}: {r.getMessage()}\n{r.exc_text or ''}" for r in failures.records
    )


async def _check_outbox(world: World, router: Router) -> None:
    """Messages queued for later (reminders, nudges, broadcasts) in every language."""
    async with world.db.transaction() as repo:
        ids = (
            await repo.connection.execute(
                select(outbox_t.c.id).where(outbox_t.c.id > world.outbox_seen)
            )
        ).scalars()
        rows = [row for i in ids if (row := await repo.outbox.get(i)) is not None]
    sender = Sender(world.db, router.renderer, NOWHERE, quiet_hours="")
    for row in rows:
        world.outbox_seen = max(world.outbox_seen, row.id)
        for locale in ("bn", "en", "hi"):
            reader = Recipient(locale, channel="telegram", address=str(row.recipient))
            rendered = sender.render(row, reader, CAPABILITIES)
            assert_valid(rendered, row.recipient)


async def _never_sends(out: Outbound) -> int:
    raise AssertionError("the fuzz tests render the outbox, they never send it")


NOWHERE = {"telegram": Delivery(_never_sends, UNLIMITED)}


ONWARD = (":done", ":_ok", ":yes", ":all", ":any", ":now")


async def walk_to(player: Player, flow: str, step: str) -> None:
    """Answer well (the first good answer, else the first button going forward) until the
    person is at this question."""
    tried: set[tuple[str | None, str | None]] = set()
    for _ in range(30):
        if (player.flow, player.step) == (flow, step):
            return
        here = (player.flow, player.step)
        if player.step in STEP_ANSWERS and here not in tried:
            tried.add(here)
            await player.do(STEP_ANSWERS[player.step][0])
            continue
        onward = [b for b in player.buttons if b.endswith(ONWARD)]
        ahead = [b for b in player.buttons if not b.endswith((":_back", ":_skip"))]
        skips = [b for b in player.buttons if b.endswith(":_skip")]
        await player.do(("press", (onward or ahead or skips or player.buttons)[0]))
    raise AssertionError(f"could not walk to {flow}:{step}; stuck at {player.flow}:{player.step}")


# Free-text questions, each with who asks it and how they get there.
TEXT_STEPS = [
    *(("newcomer", "/start", "reg", s) for s in ("name", "business", "district", "phone")),
    *(("newcomer", "/start", "reg", s) for s in ("craft", "gstin", "iec", "udyam")),
    *(("seller", "/addproduct", "prod", s) for s in ("what", "material", "size", "weight")),
    *(("seller", "/addproduct", "prod", s) for s in ("colour", "price", "stock", "days")),
    ("seller", "/addproduct", "prod", "special"),
    ("seller", "/check", "elig", "describe"),
    *(("coordinator", "/newtraining", "trn", s) for s in ("title", "when", "place", "capacity")),
    ("coordinator", "/broadcast", "bcast", "text"),
    ("coordinator", "/broadcast", "bcast", "when"),
]


async def type_at_questions(world: World, data: st.DataObject) -> None:
    """Hostile texts typed at one free-text question of a flow."""
    persona, opening, flow, step = data.draw(st.sampled_from(TEXT_STEPS), "question")
    player = await _cast(world, persona, data, products=0)  # no draft to resume
    typed = [a[1] for a in STEP_ANSWERS[step] if a[0] == "text"] or VOCAB
    answers = st.lists(st.one_of(spoilt(typed), texts()), min_size=1, max_size=4)
    with failures_logged() as failures:
        await player.do(("text", opening))
        await walk_to(player, flow, step)
        for text in data.draw(answers, "answers"):
            await player.do(("text", text))
        await _check_outbox(world, player.router)
    assert not failures.records, "\n".join(
        f"{r.name}: {r.getMessage()}\n{r.exc_text or ''}" for r in failures.records
    )


# --- the tests -------------------------------------------------------------------------------


@ON_SQLITE
@pytest.mark.parametrize("persona", PERSONAS)
@settings(FUZZ, max_examples=SQLITE_EXAMPLES)
@given(data=st.data())
async def test_fuzz_on_sqlite(world: World, persona: str, data: st.DataObject) -> None:
    await fuzz(world, persona, data)


@ON_POSTGRES
@pytest.mark.parametrize("persona", PERSONAS)
@settings(FUZZ, max_examples=POSTGRES_EXAMPLES)
@given(data=st.data())
async def test_fuzz_on_postgresql(world: World, persona: str, data: st.DataObject) -> None:
    await fuzz(world, persona, data)


@ON_SQLITE
@settings(FUZZ, max_examples=3 * SQLITE_EXAMPLES)
@given(data=st.data())
async def test_free_text_questions_on_sqlite(world: World, data: st.DataObject) -> None:
    await type_at_questions(world, data)


@ON_POSTGRES
@settings(FUZZ, max_examples=3 * POSTGRES_EXAMPLES)
@given(data=st.data())
async def test_free_text_questions_on_postgresql(world: World, data: st.DataObject) -> None:
    await type_at_questions(world, data)


# --- what the fuzz found ---------------------------------------------------------------------


async def test_control_characters_in_an_answer_are_dropped(router: Router, db: Database) -> None:
    """U+0000 in a stored answer made PostgreSQL refuse the whole update ("something went
    wrong"); control characters carry no meaning in a typed answer, so clean() drops them."""
    user = ChatUser(router, 4343, language_code="en")
    await to_step(user, "name")
    await user.says("Ri\x00na\x07 \x1bDas")
    assert "business" in user.text()
    async with db.transaction() as repo:
        state = await repo.conversations.get(4343)
    assert state is not None and state.answers["name"] == "Rina Das"


@ON_SQLITE
async def test_an_announcement_with_a_photo_and_emoji_reaches_telegram(
    db: Database, messages: Messages, tmp_path: Path
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(good_photo())
    text = "নমস্কার 🙏 " * 99 + "নমস্কার"  # 997 characters, 1096 UTF-16 units
    async with db.transaction() as repo:
        await repo.users.touch(4242, "bn", "bn")
        await repo.users.attach("telegram", "4242", 4242)
        await repo.outbox.enqueue(
            [OutboxItem(4242, "broadcast", text_by_locale={"bn": text}, photo=str(photo))]
        )
        [row] = await repo.outbox.of_recipient(4242)
    reader = Recipient("bn", channel="telegram", address="4242")
    [out] = Sender(db, Renderer(messages), NOWHERE, quiet_hours="").render(
        row, reader, CAPABILITIES
    )
    async with FakeBotApi(token=TOKEN) as api, make_bot(TOKEN, api.root) as bot:
        api.add_chat({"id": 4242, "type": "private", "first_name": "R"})
        await telegram_deliver(bot)(out)
        assert api.violations == []
