"""Forged inputs: buttons pointing at another seller's things, coordinator and admin commands
from people who are neither, and SQL or HTML typed into every free-text field. Each is refused
(the database unchanged, no audit row, nothing of anyone else's shown) or stored verbatim and
shown escaped, on SQLite and PostgreSQL."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import MetaData, func, select

from chat.outbound import Outbound
from handlers.router import Router
from storage.db import Database
from storage.models import sellers_t
from storage.records import SellerRecord
from tests.botapi_rules import assert_valid
from tests.chat import ChatUser, FileShelf, seat
from tests.conftest import ADMIN_ID
from tests.fakebot import parse_html
from tests.images import good_photo
from tests.test_products import describe_in_bengali
from tests.test_registration import register_in_bengali

VICTIM, ATTACKER, STRANGER, COORDINATOR = 1001, 2002, 3003, 501
VICTIM_NAME = "রিনা দাস"
# What a person's actions may change without it being a change to anyone's data.
# Rows that any message writes (who wrote, when, where they are in a flow), not the data guarded.
VOLATILE = {
    "users",
    "identities",
    "conversations",
    "processed_updates",
    "alembic_version",
    "seller_progress",
}
STAFF_REFUSAL = "only for district coordinators"
ADMIN_REFUSAL = "only for administrators"
PAYLOADS = [
    "'; DROP TABLE sellers; --",
    '" OR 1=1 --',
    "<b>",
    "<script>alert(1)</script>",
    "&amp;",
    "</code>",
]


async def snapshot(db: Database) -> dict[str, list[str]]:
    """Every row of every table but the volatile ones, comparable before and after."""
    async with db.transaction() as repo:
        meta = MetaData()
        await repo.connection.run_sync(lambda sync: meta.reflect(sync))
        found = {}
        for name, table in sorted(meta.tables.items()):
            if name in VOLATILE:
                continue
            rows = (await repo.connection.execute(select(table))).all()
            found[name] = sorted(repr(tuple(row)) for row in rows)
    return found


@dataclass
class Programme:
    db: Database
    victim: ChatUser
    attacker: ChatUser  # a registered seller in another district
    stranger: ChatUser  # never wrote to the bot before
    coordinator: ChatUser  # of Bankura, the victim's district
    product_id: int
    sku: str
    order_id: int
    training_id: int


@pytest.fixture
async def programme(router: Router, db: Database, shelf: FileShelf, admin: ChatUser) -> Programme:
    victim = ChatUser(router, VICTIM, language_code="bn", shelf=shelf)
    await register_in_bengali(victim, name=VICTIM_NAME)
    await victim.says("/addproduct")
    await victim.sends_photo(good_photo())
    await victim.presses("হয়ে গেছে")
    await describe_in_bengali(victim)
    await victim.presses("হ্যাঁ, সব ঠিক আছে")
    await seat(
        admin.router.db, COORDINATOR, None
    )  # a user of ours already (their number is their id)
    await admin.says(f"/addcoordinator {COORDINATOR} Bankura")
    async with db.transaction() as repo:
        [product] = await repo.products.of_seller(VICTIM)
        order_id = await repo.orders.create(VICTIM, product.sku, 2, None, VICTIM, product.id)
        training_id = await repo.trainings.create(
            title="Photo workshop",
            place="Bishnupur",
            starts_at=datetime.now(UTC) + timedelta(days=3),
            capacity=None,
            created_by=ADMIN_ID,
            districts=["BNK"],
            invited=1,
        )
        await repo.users.touch(ATTACKER, "en", "en")
        await repo.sellers.save(SellerRecord(ATTACKER, "Mallory", "HWH", "+919830099999"))
        await repo.products.create(ATTACKER, "HWH", {"material": "jute"})
    return Programme(
        db,
        victim,
        ChatUser(router, ATTACKER, language_code="en", shelf=shelf),
        ChatUser(router, STRANGER, language_code="en", shelf=shelf),
        ChatUser(router, COORDINATOR, language_code="en", shelf=shelf),
        product.id,
        product.sku,
        order_id,
        training_id,
    )


def shown(user: ChatUser) -> str:
    """All the HTML the last action brought, captions and file names included."""
    names = [o.document.filename for o in user.last if o.document is not None]
    return "\n".join([user.html(), *names])


def assert_nothing_of(programme: Programme, outbound: list[Outbound]) -> None:
    text = "\n".join(o.text for o in outbound)
    for secret in (VICTIM_NAME, programme.sku, "+919830012345", "98300 12345"):
        assert secret not in text, f"{secret!r} leaked in {text!r}"
    assert not [o for o in outbound if o.document is not None or o.photos]


# --- buttons pointing at another seller's things ---------------------------------------------


async def test_another_sellers_product_cannot_be_opened_or_changed(programme: Programme) -> None:
    before = await snapshot(programme.db)
    attacker = programme.attacker
    for action in ("view", "edit", "photos", "del", "resume"):
        await attacker.presses_data(f"prod:{action}:{programme.product_id}")
        assert "not yours" in attacker.text(), action
        assert_valid(attacker.last, ATTACKER)
        assert_nothing_of(programme, attacker.last)
        # Answers a flow of that product would take: nothing to answer, nothing changes.
        for forged in ("f:pdel:confirm:yes", "f:prod:_review:_ok", "f:prod:photos:done"):
            await attacker.presses_data(forged)
            assert_valid(attacker.last, ATTACKER)
            assert_nothing_of(programme, attacker.last)
        assert await snapshot(programme.db) == before, action
        async with programme.db.transaction() as repo:
            state = await repo.conversations.get(ATTACKER)
        assert state is None or programme.product_id not in state.data.values(), action


async def test_another_sellers_product_cannot_be_checked(programme: Programme) -> None:
    before = await snapshot(programme.db)
    attacker = programme.attacker
    await attacker.presses_data(f"elig:product:{programme.product_id}")
    assert_valid(attacker.last, ATTACKER)
    assert_nothing_of(programme, attacker.last)  # the check starts, with their own products
    async with programme.db.transaction() as repo:
        state = await repo.conversations.get(ATTACKER)
    assert state is not None and state.flow == "elig"
    assert state.answers.get("product") != f"p{programme.product_id}"
    assert f"p{programme.product_id}" not in {p.get("id") for p in state.data["products"]}
    assert await snapshot(programme.db) == before


async def test_another_sellers_order_cannot_be_marked_shipped(programme: Programme) -> None:
    before = await snapshot(programme.db)
    await programme.attacker.presses_data(f"ord:ship:{programme.order_id}")
    assert "someone else's" in programme.attacker.text()
    assert_nothing_of(programme, programme.attacker.last)
    assert await snapshot(programme.db) == before


async def test_a_training_of_another_district_is_not_theirs(programme: Programme) -> None:
    before = await snapshot(programme.db)
    attacker = programme.attacker
    for action in ("yes", "no", "cancel", "cancelok", "att", "attdone"):
        await attacker.presses_data(f"trn:{action}:{programme.training_id}")
        said = attacker.text()
        assert "not for your district" in said or STAFF_REFUSAL in said, (action, said)
        assert_valid(attacker.last, ATTACKER)
        assert await snapshot(programme.db) == before, action  # no RSVP, not cancelled


STAFF_BUTTONS = [
    f"cs:card:{VICTIM}",
    f"cs:nudge:{VICTIM}:product",
    "cs:page:2:BNK:any",
    "cs:pend:reg:BNK:1",
    "bc:view:1",
    "bc:new",
    "edit:name",
]


async def test_staff_buttons_from_a_seller_and_a_stranger_read_nothing(
    programme: Programme,
) -> None:
    before = await snapshot(programme.db)
    for payload in STAFF_BUTTONS:
        for person in (programme.attacker, programme.stranger):
            await person.presses_data(payload)
            assert person.last, "the bot always answers"
            assert_valid(person.last, person.user_id)
            assert_nothing_of(programme, person.last)
        assert await snapshot(programme.db) == before, payload  # no audit row, no nudge


# --- coordinator and admin commands from people who are neither ------------------------------

STAFF_COMMANDS = [
    "/stats",
    "/stats Bankura",
    "/sellers",
    "/sellers Bankura ready",
    f"/seller {VICTIM}",
    "/seller Rina",
    "/pending",
    "/export",
    "/export sellers",
    "/export Bankura",
    "/checks",
    "/broadcast",
    "/broadcasts",
    "/newtraining",
    "/importorders",
]
ADMIN_COMMANDS = [
    f"/addcoordinator {ATTACKER} Bankura",
    f"/addcoordinator {STRANGER} Howrah",
    f"/removecoordinator {COORDINATOR}",
    "/coordinators",
    "/audit",
]


async def test_staff_commands_are_refused_to_a_seller_and_a_stranger(
    programme: Programme,
) -> None:
    before = await snapshot(programme.db)
    for command in STAFF_COMMANDS + ADMIN_COMMANDS:
        for person in (programme.attacker, programme.stranger):
            await person.says(command)
            said = person.text()
            assert STAFF_REFUSAL in said or ADMIN_REFUSAL in said, (command, person.user_id, said)
            assert_valid(person.last, person.user_id)
            assert_nothing_of(programme, person.last)
            async with programme.db.transaction() as repo:
                state = await repo.conversations.get(person.user_id)
            assert state is None or state.flow not in ("bcast", "trn", "ordimp"), (command, state)
        assert await snapshot(programme.db) == before, command  # no audit row, no coordinator


async def test_admin_commands_are_refused_to_a_coordinator(programme: Programme) -> None:
    before = await snapshot(programme.db)
    for command in ADMIN_COMMANDS:
        await programme.coordinator.says(command)
        assert ADMIN_REFUSAL in programme.coordinator.text(), command
        assert_valid(programme.coordinator.last, COORDINATOR)
        assert await snapshot(programme.db) == before, command


# --- SQL and HTML typed into every free-text field -------------------------------------------


def escaped(payload: str) -> str:
    return html.escape(payload, quote=False)


def assert_shown_escaped(user: ChatUser, payload: str) -> None:
    """The payload is in the answer as text the user reads, never as markup: escaped in the
    HTML, and literally there once Telegram has parsed it."""
    assert_valid(user.last, user.user_id)
    said = user.html()
    assert escaped(payload) in said, said
    if "<script>" in payload:
        assert "<script>" not in said, said
    plain = "\n".join(parse_html(o.text)[0] for o in user.last)
    assert payload in plain, plain


async def says_rejected(user: ChatUser, payload: str) -> None:
    """The payload typed where a number, a date or an id is asked: asked again, nothing kept."""
    question = user.last[-1].text
    await user.says(payload)
    assert_valid(user.last, user.user_id)
    assert user.last[-1].text.endswith(question), user.text()


async def register_typing(user: ChatUser, payload: str) -> None:
    """Registration in English, every free-text answer the payload, and the payload tried
    at every other question too."""
    await user.says("/start")
    await user.presses("English")
    await user.presses("I agree")
    await user.says(payload)  # name
    assert_valid(user.last, user.user_id)
    await user.says(payload)  # business
    assert_valid(user.last, user.user_id)
    await says_rejected(user, f"Bankura {payload}")  # a district not understood
    await user.presses("Bankura")
    await says_rejected(user, payload)  # phone
    await user.says("9830012345")
    await user.says(payload)  # craft, in their own words
    assert_valid(user.last, user.user_id)
    for _ in range(3):  # GSTIN, IEC, Udyam
        await says_rejected(user, payload)
        await user.presses("Skip")
    assert_shown_escaped(user, payload)  # the summary
    await user.presses("Yes, all correct")
    assert_valid(user.last, user.user_id)


async def add_product_typing(user: ChatUser, payload: str) -> None:
    await user.says("/addproduct")
    await user.sends_photo(good_photo())
    await user.presses("Done")
    for answer in (payload, payload, "10 x 20 cm", "500 g", payload, "500", "5", "7", payload):
        if answer != payload:  # size, weight, price, stock, days
            await says_rejected(user, payload)
        await user.says(answer)  # what, material, size, weight, colour, price, ...
        assert_valid(user.last, user.user_id)
    assert_shown_escaped(user, payload)  # the review
    await user.presses("Yes, all correct")
    assert_valid(user.last, user.user_id)


async def table_names(db: Database) -> set[str]:
    async with db.transaction() as repo:
        meta = MetaData()
        await repo.connection.run_sync(lambda sync: meta.reflect(sync))
    return set(meta.tables)


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_sql_and_html_are_stored_verbatim_and_shown_escaped(
    router: Router, db: Database, shelf: FileShelf, admin: ChatUser, payload: str
) -> None:
    tables = await table_names(db)
    async with db.transaction() as repo:  # someone a search that matched everything would show
        await repo.users.touch(4004, "bn", "bn")
        await repo.sellers.save(SellerRecord(4004, "Mina Pal", "BNK", "+919830044444"))
    user = ChatUser(router, 3003, language_code="en", shelf=shelf)
    await register_typing(user, payload)
    await add_product_typing(user, payload)

    async with db.transaction() as repo:
        seller = await repo.sellers.get(3003)
        [product] = await repo.products.of_seller(3003)
        count = (
            await repo.connection.execute(select(func.count()).select_from(sellers_t))
        ).scalar()
    assert seller is not None
    assert (seller.name, seller.business_name, seller.craft_text) == (payload,) * 3
    answers: dict[str, Any] = product.answers
    assert answers["what"] == {"text": payload}
    assert answers["material"] == payload
    assert answers["colour"] == {"text": payload}
    assert answers["special"] == payload
    assert product.status == "ready"
    assert count == 2
    assert await table_names(db) == tables

    await user.says("/profile")
    assert_shown_escaped(user, payload)
    await user.says("/products")
    assert_valid(user.last, user.user_id)
    await admin.says(f"/seller {payload}")  # a coordinator searching by the name
    assert_shown_escaped(admin, payload)
    assert "Mina Pal" not in admin.text()  # the search matched the name, not everything
    await admin.says("/sellers")
    assert_shown_escaped(admin, payload)
    assert await table_names(db) == tables
