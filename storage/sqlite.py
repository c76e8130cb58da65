"""SQLite statements run on the event loop's thread instead of one thread hand-off each.

aiosqlite runs every call (cursor, execute, fetch, close, commit) on its own thread and wakes
the event loop with the answer: three or four hand-offs per statement, each costing more than
the statement itself (a few microseconds on a local file), and under load each waits behind
whatever else the loop has to do while the one connection is held. Here a call runs at once,
in the loop's thread: a unit of work costs no hand-off at all.

Two things may take long, and neither is done on the loop. Waiting for a lock another process
holds (a tool writing to the same file): the connection's busy timeout is short, and a call
that finds the database locked is handed to aiosqlite's thread, which waits with the full
patience there. And the WAL checkpoint, which copies the log into the database and syncs the
file (SQLite runs it inside a commit every thousand pages): it is turned off on the connection
and run every CHECKPOINT_EVERY commits on a thread of its own, with a connection of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Callable
from functools import partial
from typing import Any

import aiosqlite

QUICK_MS = 50  # how long a call on the loop's thread waits for another process's lock
PATIENT_MS = 30_000  # how long it then waits on aiosqlite's thread
CHECKPOINT_EVERY = 500  # commits between checkpoints (SQLite's own: about 1,000 pages)

log = logging.getLogger(__name__)


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run in the caller's thread (see the module)."""

    database = ""  # the file, for the checkpoints ("" or ":memory:": none)
    commits = 0
    checkpointing: asyncio.Task[None] | None = None

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        try:
            result = fn(*args, **kwargs)
            if getattr(fn, "__name__", "") == "commit":
                self._committed()
            return result
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        connection = self._connection
        connection.execute(f"PRAGMA busy_timeout={PATIENT_MS}")
        try:
            return await super()._execute(fn, *args, **kwargs)
        finally:
            connection.execute(f"PRAGMA busy_timeout={QUICK_MS}")

    def _committed(self) -> None:
        self.commits += 1
        if self.commits % CHECKPOINT_EVERY or self.database in ("", ":memory:"):
            return
        if self.checkpointing is None or self.checkpointing.done():
            self.checkpointing = asyncio.get_running_loop().create_task(
                asyncio.to_thread(checkpoint, self.database), name="sqlite-checkpoint"
            )


def checkpoint(database: str) -> None:
    """Copy the write-ahead log into the database, beside the writers (PASSIVE: it waits for
    nobody and nobody waits for it)."""
    try:
        with contextlib.closing(sqlite3.connect(database, timeout=PATIENT_MS / 1000)) as other:
            other.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error as exc:  # the next one will do; the log only grows meanwhile
        log.warning("sqlite checkpoint failed: %s", exc)


def inline_connector(database: str) -> Callable[[], InlineConnection]:
    """SQLAlchemy's ``async_creator`` for ``database`` (a path, or ":memory:")."""

    def create() -> InlineConnection:
        connect = partial(
            sqlite3.connect,
            database or ":memory:",
            timeout=QUICK_MS / 1000,  # the busy timeout; then off the loop (see the module)
            check_same_thread=False,  # made on aiosqlite's thread, used on the loop's
        )
        connection = InlineConnection(connect, iter_chunk_size=64)
        connection.database = database
        connection._thread.daemon = True  # as SQLAlchemy does: never holds up an exit
        return connection

    return create
