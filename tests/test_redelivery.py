"""A redelivered update is handled once; if its first handler died between the commit and
the send, the redelivery gets the current question instead of silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n import Messages
from bot.language import detect_language
from chat.inbound import Inbound
from chat.outbound import Outbound
from handlers.router import Router
from storage.db import Database
from tests.chat import at_the_name_question, text_update
from tests.conftest import ZONE

USER = 5151


def _router(db: Database, tmp_path: Path) -> Router:
    """A process of the bot: its own engine (its own sessions, its own process id)."""
    return Router(
        Database(db.url), Messages(), detect_language, zone=ZONE, data_dir=tmp_path / "data"
    )


def _name(update_id: int) -> Inbound:
    return text_update(USER, update_id, "Alpha Roy")


async def _at_the_name_question(router: Router) -> None:
    await at_the_name_question(router, USER)


class Died(Exception):
    """The process went away before the replies went out."""


async def _dies(_: list[Outbound]) -> None:
    raise Died


async def test_an_update_whose_replies_never_went_out_gets_the_question_again(
    db: Database, tmp_path: Path
) -> None:
    first = _router(db, tmp_path)
    await _at_the_name_question(first)
    with pytest.raises(Died):
        await first.handle(_name(700_001), _dies)  # committed, then the process died
    await first.db.dispose()  # its sessions end with it
    async with db.transaction() as repo:
        state = await repo.conversations.get(USER)
    assert state is not None and state.step == "business" and state.answers["name"] == "Alpha Roy"

    # The next run, or on PostgreSQL another worker.
    second = _router(db, tmp_path)
    replies = await second.handle(_name(700_001))
    text = " ".join(r.text for r in replies).lower()
    assert "business" in text, "the current question, not the answer handled again"
    async with db.transaction() as repo:
        state = await repo.conversations.get(USER)
    assert state is not None and state.step == "business" and state.answers["name"] == "Alpha Roy"

    # Once that answer went out, a further redelivery is ignored.
    assert await second.handle(_name(700_001)) == []
    await second.flush()
    await second.db.dispose()
    third = _router(db, tmp_path)
    assert await third.handle(_name(700_001)) == []
    await third.db.dispose()


async def test_an_answered_update_is_ignored_after_a_restart(db: Database, tmp_path: Path) -> None:
    first = _router(db, tmp_path)
    await _at_the_name_question(first)
    assert await first.handle(_name(700_002))
    await first.flush()  # a clean stop records what was answered
    await first.db.dispose()
    second = _router(db, tmp_path)
    assert await second.handle(_name(700_002)) == []
    await second.db.dispose()


async def test_a_live_workers_claim_is_left_to_it(
    db_url: str, db: Database, tmp_path: Path
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL has other workers")
    first = _router(db, tmp_path)
    await _at_the_name_question(first)
    with pytest.raises(Died):
        await first.handle(_name(700_003), _dies)
    # Another worker gets it while the first is alive (it may be sending): no repeat.
    second = _router(db, tmp_path)
    assert await second.handle(_name(700_003)) == []
    await first.db.dispose()  # now it is gone: the next redelivery is answered
    assert await second.handle(_name(700_003))
    await second.db.dispose()
