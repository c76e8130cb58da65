"""Leader election on PostgreSQL (one leader among electors; a dead leader is replaced) and
the background jobs following it; SQLite's single process leads at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import asyncpg
import pytest

from bot.app import Background, build_core, start_background
from bot.leader import LEADER_KEY, Elector, exclusive
from bot.settings import Settings
from chat.capabilities import UNLIMITED
from chat.outbound import Delivery, Outbound
from tests.conftest import PG_HOST, PG_PORT, PG_USER, _drop_pg_database, _fresh_pg_database


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    name = await _fresh_pg_database()
    try:
        yield f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        await _drop_pg_database(name)


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _terminate_leader_session(url: str) -> int:
    """Kill the server session holding the leader lock, as if its process had died."""
    conn = await asyncpg.connect(_plain(url))
    try:
        return await conn.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' "
            "AND granted AND objid = $1 AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
            LEADER_KEY & 0xFFFFFFFF,
        )
    finally:
        await conn.close()


@pytest.mark.postgres
async def test_only_one_elector_leads_and_the_next_takes_over_on_release(pg_url: str) -> None:
    first, second = Elector(pg_url), Elector(pg_url)
    try:
        assert await first.try_acquire()
        assert not await second.try_acquire()
        assert not await second.try_acquire()  # retried: still not
        assert await first.still_leading()
        await first.release()
        assert not first.leading
        assert await second.try_acquire()
        assert not await first.try_acquire()
    finally:
        await first.close()
        await second.close()


@pytest.mark.postgres
async def test_a_leader_whose_session_dies_stops_leading_and_is_replaced(pg_url: str) -> None:
    first, second = Elector(pg_url), Elector(pg_url)
    try:
        assert await first.try_acquire()
        assert await _terminate_leader_session(pg_url) == 1
        assert not await first.still_leading()
        assert await second.try_acquire()
        assert not await first.try_acquire()
    finally:
        await first.close()
        await second.close()


@pytest.mark.postgres
async def test_an_unreachable_database_is_no_leadership_and_no_exception() -> None:
    elector = Elector(f"postgresql+asyncpg://{PG_USER}@127.0.0.1:1/none")
    try:
        assert not await elector.try_acquire()
    finally:
        await elector.close()


@pytest.mark.postgres
async def test_migrations_take_turns(pg_url: str) -> None:
    order: list[str] = []

    async def migrate(name: str) -> None:
        async with exclusive(pg_url):
            order.append(f"{name} in")
            await asyncio.sleep(0.2)
            order.append(f"{name} out")

    await asyncio.gather(migrate("a"), migrate("b"))
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])


async def until(condition: Callable[[], bool], within: float = 10.0) -> None:
    async with asyncio.timeout(within):
        while True:
            if condition():
                return
            await asyncio.sleep(0.01)


async def _no_delivery(out: Outbound) -> int:
    raise AssertionError("nothing is due")


NOWHERE = {"telegram": Delivery(_no_delivery, UNLIMITED)}


def _settings(url: str, tmp_path: Path) -> Settings:
    return Settings(_env_file=None, database_url=url, data_dir=tmp_path)


@pytest.mark.postgres
async def test_background_jobs_run_in_one_worker_and_move_when_it_dies(
    pg_url: str, tmp_path: Path
) -> None:
    cores = [await build_core(_settings(pg_url, tmp_path / str(i))) for i in range(3)]
    workers: list[Background] = [start_background(core, NOWHERE, retry=0.05) for core in cores]
    try:
        async with asyncio.timeout(10):
            await asyncio.wait(
                [asyncio.ensure_future(w.wait_leading()) for w in workers],
                return_when=asyncio.FIRST_COMPLETED,
            )
        leaders = [w for w in workers if w.leading]
        assert len(leaders) == 1
        leader = leaders[0]
        assert leader.sender is not None and leader.scheduler is not None
        assert all(w.sender is None for w in workers if w is not leader)

        await _terminate_leader_session(pg_url)  # the leader's connection is gone
        await until(lambda: not leader.leading and any(w.leading for w in workers))
        (successor,) = [w for w in workers if w.leading]
        assert successor is not leader

        await successor.stop()  # a clean stop hands over too
        await until(lambda: any(w.leading for w in workers if w is not successor))
        assert sum(w.leading for w in workers) == 1
    finally:
        for worker in workers:
            await worker.stop()
        for core in cores:
            await core.close()


async def test_on_sqlite_the_single_process_leads_at_once(tmp_path: Path) -> None:
    core = await build_core(_settings(f"sqlite:///{tmp_path / 'x.db'}", tmp_path))
    try:
        background = start_background(core, NOWHERE)
        assert background.leading and background.scheduler is not None
        await background.stop()
        assert not background.leading
    finally:
        await core.close()
