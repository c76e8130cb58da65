"""SQLite on the loop's thread: a unit of work with no thread hand-off, and a lock held by
another process waited for off the loop (the chats go on meanwhile)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from storage import sqlite as sqlite_module
from storage.db import Database
from storage.sqlite import InlineConnection


async def migrated(tmp_path: Path) -> Database:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'inline.db'}")
    await db.migrate()
    return db


async def test_statements_run_on_the_loops_thread(tmp_path: Path) -> None:
    db = await migrated(tmp_path)
    seen: list[int] = []

    def record(connection: sqlite3.Connection) -> None:
        seen.append(threading.get_ident())

    try:
        async with db.transaction() as repo:
            raw = await repo.connection.get_raw_connection()
            driver = raw.driver_connection
            assert isinstance(driver, InlineConnection)
            await driver._execute(record, driver._conn)
            await repo.connection.execute(text("SELECT 1"))
    finally:
        await db.dispose()
    assert seen == [threading.get_ident()]


async def test_a_lock_held_by_another_process_is_waited_for_off_the_loop(tmp_path: Path) -> None:
    db = await migrated(tmp_path)
    holding, release = threading.Event(), threading.Event()

    def other_process() -> None:
        other = sqlite3.connect(tmp_path / "inline.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the write lock
        holding.set()
        release.wait(5)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=other_process)
    holder.start()
    holding.wait(5)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    async def write() -> None:
        async with db.transaction() as repo:
            await repo.connection.execute(text("CREATE TABLE IF NOT EXISTS probe (n INTEGER)"))

    beating = asyncio.create_task(ticker())
    try:
        writing = asyncio.create_task(write())
        await asyncio.sleep(0.4)  # the write waits for the lock meanwhile
        assert not writing.done()
        before = ticks
        started = time.monotonic()
        await asyncio.sleep(0.2)
        # The loop was free while the write waited: the ticker ran about 20 times.
        assert ticks - before >= 10, (ticks - before, time.monotonic() - started)
        release.set()
        await asyncio.wait_for(writing, 10)
    finally:
        beating.cancel()
        release.set()
        holder.join(5)
        await db.dispose()


async def test_the_log_is_checkpointed_every_so_many_commits_off_the_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = await migrated(tmp_path)
    runs: list[tuple[str, int]] = []
    real = sqlite_module.checkpoint

    def recorded(database: str) -> None:
        runs.append((database, threading.get_ident()))
        real(database)

    monkeypatch.setattr(sqlite_module, "CHECKPOINT_EVERY", 3)
    monkeypatch.setattr(sqlite_module, "checkpoint", recorded)
    try:
        async with db.transaction() as repo:
            driver = (await repo.connection.get_raw_connection()).driver_connection
            assert isinstance(driver, InlineConnection)
        commits = driver.commits
        for n in range(6):
            async with db.transaction() as repo:
                await repo.connection.execute(text("CREATE TABLE IF NOT EXISTS probe (n INTEGER)"))
                await repo.connection.execute(text("INSERT INTO probe VALUES (:n)"), {"n": n})
        assert driver.commits == commits + 6
        assert driver.checkpointing is not None
        await driver.checkpointing
    finally:
        await db.dispose()
    # Twice in six commits (or once, when the first was still running), never on the loop.
    assert 1 <= len(runs) <= 2
    assert {database for database, _ in runs} == {str(tmp_path / "inline.db")}
    assert threading.get_ident() not in {thread for _, thread in runs}
