"""Leader election: one process among all workers, on any number of hosts, runs the scheduled
jobs and the outbox sender.

On PostgreSQL the leader is whoever holds a session-level advisory lock on a connection of its
own. The lock lives exactly as long as that session: when the leader process dies, its
connection closes, the server drops the lock, and the next worker to try (every few seconds)
takes over. The leader checks its session as often; if the session is gone (network, server
restart) it stops leading at once. Between the old leader's session dying and it noticing,
two senders may overlap for a few seconds: the outbox lease (FOR UPDATE SKIP LOCKED) and the
jobs' idempotency keys make that harmless. On SQLite there is one process, and it leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)

# Advisory lock keys (bigint), the same in every process of every host sharing the database.
LEADER_KEY = 0x4553_4C45_4144  # "ESLEAD": the scheduler and the outbox sender
MIGRATION_KEY = 0x4553_4D49_4752  # "ESMIGR": one Alembic upgrade at a time
RETRY_SECONDS = 3.0  # how often a follower tries, and how often the leader checks its session


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def _engine(url: str, role: str) -> AsyncEngine:
    # NullPool: the connection is ours alone and really closes when we let go of it. The
    # application_name shows in pg_stat_activity which process leads.
    name = f"export-sathi {role} {os.getpid()}"
    return create_async_engine(
        url, poolclass=NullPool, connect_args={"server_settings": {"application_name": name}}
    )


class Elector:
    """Tries to become leader; while leader, holds the lock on a dedicated connection."""

    def __init__(self, url: str, key: int = LEADER_KEY) -> None:
        self.url = url
        self.key = key
        self.postgres = is_postgres(url)
        self._engine: AsyncEngine | None = None
        self._connection: AsyncConnection | None = None
        self._leading = False

    @property
    def leading(self) -> bool:
        return self._leading

    async def try_acquire(self) -> bool:
        """Become leader if nobody is; False (never an exception) when the database is down."""
        if self._leading:
            return True
        if not self.postgres:
            self._leading = True
            return True
        connection: AsyncConnection | None = None
        try:
            if self._engine is None:
                self._engine = _engine(self.url, "leader")
            connection = await self._engine.connect()
            # Autocommit: a session that holds the lock sits idle, never "idle in transaction"
            # (which idle_in_transaction_session_timeout would kill).
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            result = await connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}
            )
            got = bool(result.scalar_one())
        except Exception as exc:
            log.warning("leader election: database not reachable (%s)", type(exc).__name__)
            if connection is not None:
                await _close(connection)
            return False
        if not got:
            await _close(connection)
            return False
        self._connection = connection
        self._leading = True
        return True

    async def still_leading(self) -> bool:
        """Whether the session holding the lock is still alive (so the lock still held)."""
        if not self._leading:
            return False
        if self._connection is None:
            return True  # SQLite
        try:
            await self._connection.execute(text("SELECT 1"))
            return True
        except Exception as exc:
            log.warning("leader: lost the database session (%s)", type(exc).__name__)
            await self._drop()
            return False

    async def release(self) -> None:
        """Stop leading: unlock and close the session (closing alone would also unlock)."""
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": self.key}
                )
        await self._drop()

    async def close(self) -> None:
        await self.release()
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    async def _drop(self) -> None:
        self._leading = False
        connection, self._connection = self._connection, None
        if connection is not None:
            await _close(connection)


async def _close(connection: AsyncConnection) -> None:
    with contextlib.suppress(Exception):
        await connection.close()


@contextlib.asynccontextmanager
async def exclusive(url: str, key: int = MIGRATION_KEY) -> AsyncIterator[None]:
    """Hold a PostgreSQL advisory lock for the block (waiting for it); nothing on SQLite.

    Used around migrations, so that workers and hosts starting together upgrade one at a time.
    """
    if not is_postgres(url):
        yield
        return
    engine = _engine(url, "migration")
    try:
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            try:
                yield
            finally:
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
    finally:
        await engine.dispose()


async def wait_lost(elector: Elector, every: float = RETRY_SECONDS) -> None:
    """Return when ``elector`` stops leading (checked every ``every`` seconds)."""
    while True:
        if not await elector.still_leading():
            return
        await asyncio.sleep(every)
