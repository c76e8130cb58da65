"""Several workers on one PostgreSQL: each its own engine and router, as separate processes
would have. One user's rapid messages are handled one at a time, a redelivered update once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.i18n import Messages
from bot.language import detect_language
from chat.inbound import Inbound
from handlers.router import Router
from storage.db import Database
from storage.models import updates_t
from tests.chat import ChatUser, at_the_name_question, text_update
from tests.conftest import ZONE

WORKERS = 3
USER = 4242


@pytest.fixture
async def workers(db_url: str, db: Database, tmp_path: Path) -> AsyncIterator[list[Router]]:
    if not db_url.startswith("postgresql"):
        pytest.skip("several workers share one PostgreSQL; SQLite is one process")
    databases = [Database(db_url) for _ in range(WORKERS)]
    messages = Messages()
    try:
        yield [
            Router(d, messages, detect_language, zone=ZONE, data_dir=tmp_path / "data")
            for d in databases
        ]
    finally:
        for database in databases:
            await database.dispose()


def _text(update_id: int, text: str) -> Inbound:
    return text_update(USER, update_id, text)


async def _at_the_name_question(workers: list[Router]) -> None:
    """USER at the name question, and every worker connected (so that they really race)."""
    for number, router in enumerate(workers):
        await ChatUser(router, USER + 1 + number, language_code="en").says("/help")
    await at_the_name_question(workers[0], USER)


async def _state(db: Database) -> tuple[str, dict[str, object]]:
    async with db.transaction() as repo:
        state = await repo.conversations.get(USER)
    assert state is not None
    return state.step, state.answers


async def test_one_users_rapid_messages_on_three_workers_are_all_answered_in_turn(
    workers: list[Router], db: Database
) -> None:
    await _at_the_name_question(workers)
    texts = ["Alpha Roy", "Beta Crafts", "/help"]
    # The same instant on three workers: without the user's lock two would read the name
    # question and the later commit would win, losing one answer.
    replies = await asyncio.gather(
        *(
            router.handle(_text(900_000 + i, text))
            for i, (router, text) in enumerate(zip(workers, texts, strict=True))
        )
    )
    assert all(replies), "every update gets an answer"
    step, answers = await _state(db)
    # Handled one after another, in whichever order they took the lock: both questions
    # answered, none overwritten (the help changes nothing).
    assert step == "district"
    assert {answers["name"], answers["business"]} == {"Alpha Roy", "Beta Crafts"}
    async with db.transaction() as repo:
        handled = await repo.connection.execute(select(updates_t.c.update_id))
        assert sum(1 for (update_id,) in handled if int(update_id) >= 900_000) == len(texts)


async def test_a_redelivered_update_is_handled_once_across_workers(
    workers: list[Router], db: Database
) -> None:
    await _at_the_name_question(workers)
    same = _text(910_000, "Alpha Roy")
    replies = await asyncio.gather(*(router.handle(same) for router in workers))
    assert sorted(len(r) > 0 for r in replies) == [False, False, True]
    step, answers = await _state(db)
    assert step == "business" and answers["name"] == "Alpha Roy"
    async with db.transaction() as repo:
        claimed = await repo.connection.execute(
            select(func.count()).select_from(updates_t).where(updates_t.c.update_id == "910000")
        )
        assert claimed.scalar_one() == 1
