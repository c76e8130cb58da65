"""The async engine, one session per unit of work, and migrations at start-up."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage.outbox import Outbox, OutboxItem
from storage.sqlite import inline_connector
from storage.unit import Repo

APPLICATION_NAME = "export-sathi"  # + the process id of Database.process, in pg_stat_activity


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on during a write; NORMAL sync is durable across a process kill.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints off the loop, too
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config(url: str) -> Config:
    """Alembic settings pointing at the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(files("storage") / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Database:
    """Owns the engine; hands out repositories bound to one transaction each."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        # This process's name on its PostgreSQL sessions: while any of them is open, its
        # claims on updates are a live process's (see Updates.claimer_alive).
        self.process = uuid.uuid4().hex[:16]
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        # Error messages would otherwise carry the statement's parameters (names, messages)
        # into the logs.
        kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
        if self.dialect == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            # Statements run on the loop's thread, not one thread hand-off each.
            kwargs["async_creator"] = inline_connector(database)
            # SQLite has one writer at a time. One pooled connection makes transactions queue
            # in asyncio order instead of spinning in SQLite's busy handler (100 ms sleeps).
            kwargs.update(pool_size=1, max_overflow=0, pool_timeout=60)
            # Every checkout ends in COMMIT or ROLLBACK (engine.begin), so the pool's extra
            # rollback on return is a wasted round trip to the SQLite thread.
            kwargs["pool_reset_on_return"] = None
        else:
            # A fixed set of connections, no overflow: under a burst the overflow ones were
            # opened for one transaction and closed at its end (an asyncpg connect, and its
            # prepared statements, every few updates: PostgreSQL's burst rate went from 233 to
            # 261 updates/s without). Transactions beyond 20 wait their turn instead.
            kwargs.update(pool_size=20, max_overflow=0, pool_timeout=60, pool_pre_ping=True)
            if parsed.get_driver_name() == "asyncpg":
                name = f"{APPLICATION_NAME} {self.process}"
                kwargs["connect_args"] = {"server_settings": {"application_name": name}}
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.dialect == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)

    async def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent)."""
        config = alembic_config(self.url)

        def upgrade(connection: Any) -> None:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

        async with self.engine.begin() as connection:
            await connection.run_sync(upgrade)
        async with self.transaction() as repo:
            await repo.reports.heal()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Repo]:
        """One unit of work: committed when the block ends, rolled back on error."""
        async with self.engine.begin() as connection:
            repo = Repo(connection, self.dialect)
            yield repo
            await repo.settle()

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    async def dispose(self) -> None:
        await self.engine.dispose()


async def enqueue_in_chunks(db: Database, items: Sequence[OutboxItem], chunk: int = 5000) -> int:
    """Enqueue many rows, one short transaction per chunk, so that on SQLite (one connection)
    chats go on between chunks. Rows with a ref make a retried call after a crash a no-op."""
    added = 0
    for start in range(0, len(items), chunk):
        async with db.transaction() as repo:
            added += await Outbox(repo.connection, db.dialect).enqueue(items[start : start + chunk])
    return added
