"""Users have ids of our own; (channel, external id) identities map to them, so one seller can be
reached on two channels, and a console user is a user of one more channel."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import select, text

from bot.i18n import Messages
from bot.settings import Settings
from handlers.router import Router
from storage.db import Database, alembic_config
from storage.models import identities_t, updates_t, users_t
from tests.chat import ChatUser, FileShelf, our_id, seat
from tests.conftest import make_router
from tests.test_registration import register_in_bengali


def other_channel(router: Router, external: int, channel: str) -> ChatUser:
    """A user of another channel than the tests' own, not seated: a newcomer there."""
    user = ChatUser(router, external, language_code="bn", seated=False)
    user.channel = channel
    return user


async def test_a_newcomer_gets_an_id_of_ours_not_their_number(router: Router, db: Database) -> None:
    first = other_channel(router, 919830012345, "whatsapp")
    await first.says("/start")
    second = other_channel(router, 4242, "telegram")
    await second.says("/start")
    mine, theirs = await our_id(db, 919830012345, "whatsapp"), await our_id(db, 4242)
    assert mine != theirs and 919830012345 not in (mine, theirs) and 4242 not in (mine, theirs)
    async with db.transaction() as repo:
        assert await repo.users.identities(mine) == [("whatsapp", "919830012345")]
        assert (await repo.conversations.get(mine)) is not None  # the registration began


async def test_a_seller_on_two_channels_is_one_seller(router: Router, db: Database) -> None:
    rina = ChatUser(router, 1001)
    await register_in_bengali(rina)
    async with db.transaction() as repo:  # the same person, now also on WhatsApp
        await repo.users.attach("whatsapp", "919830012345", 1001)
    on_whatsapp = other_channel(router, 919830012345, "whatsapp")
    await on_whatsapp.says("/profile")
    assert "রিনা দাস" in on_whatsapp.text()
    await on_whatsapp.says("/addproduct")
    async with db.transaction() as repo:
        [draft] = await repo.products.of_seller(1001)
        recipient = (await repo.outbox.recipients([1001]))[1001]
    assert draft.seller_id == 1001
    assert (recipient.channel, recipient.address) == ("whatsapp", "919830012345")  # last seen


async def test_administrators_are_channel_and_id_pairs(db: Database, tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None, admins="whatsapp:+919830012345, telegram:77", admin_telegram_ids="5,6"
    )
    assert settings.administrators == {
        ("whatsapp", "919830012345"),  # as WhatsApp names the user (wa_id): digits only
        ("telegram", "77"),
        ("telegram", "5"),
        ("telegram", "6"),
        ("console", "5"),  # the console on the bot's own machine, as `--as 5`
        ("console", "6"),
    }
    router = make_router(db, Messages(), FileShelf(), tmp_path)
    router.admins = frozenset({("console", "5")})
    admin = other_channel(router, 5, "console")
    await admin.says("/coordinators")
    assert "only for administrators" not in admin.text()
    not_on_telegram = other_channel(router, 5, "telegram")  # the same number elsewhere
    await not_on_telegram.says("/coordinators")
    assert "শুধু প্রশাসকদের জন্য" in not_on_telegram.text()


async def test_appointing_by_channel_and_id(admin: ChatUser, db: Database, router: Router) -> None:
    await admin.says("/addcoordinator whatsapp:+919830012345 Bankura")
    assert "919830012345" in admin.text()
    coordinator = other_channel(router, 0, "whatsapp")
    coordinator.user_id = "919830012345"  # type: ignore[assignment]  # WhatsApp's wa_id
    await coordinator.says("/stats")
    assert "শুধু জেলার সমন্বয়কারীদের জন্য" not in coordinator.text()
    await admin.says("/coordinators")
    assert "whatsapp:919830012345" in admin.text()
    await admin.says("/removecoordinator whatsapp:+919830012345")
    await coordinator.says("/stats")
    assert "শুধু জেলার সমন্বয়কারীদের জন্য" in coordinator.text()


async def test_a_number_names_a_whatsapp_user_from_any_channel(
    admin: ChatUser, db: Database, router: Router
) -> None:
    await admin.says("/addcoordinator +91 98300 55555 Bankura")  # from Telegram, as written
    async with db.transaction() as repo:
        user_id = await repo.users.find("whatsapp", "919830055555")
        assert user_id is not None
        assert await repo.coordinators.districts_of(user_id) == frozenset({"BNK"})
        assert await repo.users.find("telegram", "+919830055555") is None
    await admin.says("/removecoordinator +৯১ ৯৮৩০০ ৫৫৫৫৫")  # Bengali digits
    async with db.transaction() as repo:
        assert await repo.coordinators.districts_of(user_id) == frozenset()


async def test_deleting_a_user_forgets_every_identity(router: Router, db: Database) -> None:
    rina = ChatUser(router, 1001)
    await register_in_bengali(rina)
    async with db.transaction() as repo:
        await repo.users.attach("whatsapp", "919830012345", 1001)
    await rina.says("/delete")
    await rina.presses("হ্যাঁ, সব মুছে দিন")
    async with db.transaction() as repo:
        assert await repo.users.identities(1001) == []
        assert await repo.users.find("whatsapp", "919830012345") is None


async def _rows(db: Database, query: Any) -> list[tuple[Any, ...]]:
    async with db.engine.connect() as connection:
        return [tuple(row) for row in await connection.execute(query)]


async def test_the_migration_keeps_every_user_as_they_were(empty_db_url: str) -> None:
    """Users from before identities keep their ids, reached on Telegram; handled updates keep
    their numbers, now as Telegram's."""
    database = Database(empty_db_url)
    config = alembic_config(empty_db_url)
    try:

        def to(revision: str) -> Any:
            def upgrade(connection: Any) -> None:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)

            return upgrade

        async with database.engine.begin() as connection:
            await connection.run_sync(to("0009"))
            await connection.execute(
                text(
                    "INSERT INTO users (user_id, locale, lang_offered, created_at, last_seen_at) "
                    "VALUES (5551234567, 'bn', false, :t, :t), (42, 'en', false, :t, :t)"
                ),
                {"t": datetime(2026, 11, 1, 10, tzinfo=UTC)},
            )
            await connection.execute(
                text(
                    "INSERT INTO processed_updates (update_id, user_id, processed_at) "
                    "VALUES (777, 42, :t)"
                ),
                {"t": datetime(2026, 11, 1, 10, tzinfo=UTC)},
            )
        await database.migrate()
        identities = await _rows(
            database,
            select(identities_t.c.channel, identities_t.c.external_id, identities_t.c.user_id),
        )
        assert sorted(identities) == [
            ("telegram", "42", 42),
            ("telegram", "5551234567", 5551234567),
        ]
        assert await _rows(database, select(updates_t.c.channel, updates_t.c.update_id)) == [
            ("telegram", "777")
        ]
        async with database.transaction() as repo:  # a newcomer after the upgrade
            newcomer, _ = await repo.users.load("whatsapp", "9198", "bn", "bn")
        assert newcomer.user_id > 5551234567  # never one of the old (Telegram) numbers
        users = await _rows(database, select(users_t.c.user_id))
        assert len(users) == 3
    finally:
        await database.dispose()


async def test_a_seated_test_user_keeps_their_number(router: Router, db: Database) -> None:
    """The tests' own convention (tests/chat.py), checked once: seated users are their number."""
    await seat(db, 31337)
    assert await our_id(db, 31337, "test") == 31337
