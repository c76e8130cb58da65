"""Repositories on SQLite and PostgreSQL: upserts, dedupe, JSON state, migrations."""

from __future__ import annotations

import asyncio

from storage.db import Database
from storage.records import ConversationState, SellerRecord


async def test_update_claim_is_once_only(db: Database) -> None:
    async with db.transaction() as repo:
        assert await repo.updates.claim(("test", "10"), 1)
        assert not await repo.updates.claim(("test", "10"), 1)
    async with db.transaction() as repo:
        assert not await repo.updates.claim(("test", "10"), 1)


async def test_concurrent_claims_of_one_update_let_exactly_one_through(db: Database) -> None:
    async def claim() -> bool:
        async with db.transaction() as repo:
            return await repo.updates.claim(("test", "99"), 1)

    results = await asyncio.gather(*(claim() for _ in range(5)), return_exceptions=True)
    assert [r for r in results if r is True] == [True]


async def test_rolled_back_claim_is_free_again(db: Database) -> None:
    try:
        async with db.transaction() as repo:
            await repo.updates.claim(("test", "5"), 1)
            raise RuntimeError("handling failed")
    except RuntimeError:
        pass
    async with db.transaction() as repo:
        assert await repo.updates.claim(("test", "5"), 1)


async def test_user_touch_creates_once_and_keeps_locale(db: Database) -> None:
    async with db.transaction() as repo:
        first = await repo.users.touch(7, "en", "en")
        assert first.is_new and first.locale == "en"
        await repo.users.set_locale(7, "bn")
    async with db.transaction() as repo:
        again = await repo.users.touch(7, "hi", "hi")
    assert not again.is_new and again.locale == "bn"


async def test_seller_upsert_keeps_registration_time(db: Database) -> None:
    record = SellerRecord(user_id=8, name="রিনা", district="BNK", phone="+919830012345")
    async with db.transaction() as repo:
        await repo.sellers.save(record)
    async with db.transaction() as repo:
        first = await repo.sellers.get(8)
        assert first is not None
        record.name = "রিনা দাস"
        await repo.sellers.save(record)
    async with db.transaction() as repo:
        second = await repo.sellers.get(8)
    assert second is not None and second.name == "রিনা দাস"
    assert second.registered_at == first.registered_at
    assert second.updated_at is not None and first.updated_at is not None
    assert second.updated_at >= first.updated_at


async def test_conversation_state_round_trips_unicode_json(db: Database) -> None:
    answers = {"name": "<b>রিনা</b> & \u200dদাস", "craft": {"text": "কাঁথা 🧵"}, "n": [1, 2]}
    state = ConversationState(user_id=9, flow="reg", step="craft", answers=answers, data={"x": 1})
    async with db.transaction() as repo:
        await repo.conversations.save(state)
    async with db.transaction() as repo:
        loaded = await repo.conversations.get(9)
    assert loaded is not None
    assert (loaded.flow, loaded.step, loaded.answers, loaded.data) == (
        "reg",
        "craft",
        answers,
        {"x": 1},
    )
    assert loaded.version == 1


async def test_coordinator_districts_and_audit(db: Database) -> None:
    async with db.transaction() as repo:
        await repo.coordinators.add(11, ["BNK", "PRL"], added_by=1)
        await repo.coordinators.add(11, ["BNK"], added_by=1)  # again: no duplicate
        await repo.audit.write(1, 11, "add_coordinator", "BNK,PRL")
    async with db.transaction() as repo:
        assert await repo.coordinators.districts_of(11) == {"BNK", "PRL"}
        entries = await repo.audit.about(11)
    assert [(e.actor_id, e.action, e.detail) for e in entries] == [
        (1, "add_coordinator", "BNK,PRL")
    ]


async def test_ping(db: Database) -> None:
    assert await db.ping()
