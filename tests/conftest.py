"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, and a chat client."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from bot.i18n import Messages
from bot.language import detect_language
from handlers.router import Router
from storage.db import Database
from tests.chat import ChatUser, FileShelf
from tests.whatsapp_service import meta  # noqa: F401 (the WhatsApp service fixture)

# The PostgreSQL server every machine of this project runs (trust auth). CI must reach it:
# a missing server fails the PostgreSQL tests instead of skipping them silently.
PG_HOST = os.environ.get("TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("TEST_PG_USER", "postgres")
PG_ADMIN_DB = os.environ.get("TEST_PG_DB", "postgres")
ADMIN_ID = 900001
# The programme's time zone (TIMEZONE's default): the tests' dates are read in it.
ZONE = ZoneInfo("Asia/Kolkata")


@pytest.fixture(scope="session")
def messages() -> Messages:
    return Messages()


async def _admin_connection() -> asyncpg.Connection:
    return await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database=PG_ADMIN_DB)


async def _fresh_pg_database(template: str | None = None) -> str:
    """A new database on the test server: empty, or a copy of ``template``."""
    name = f"es_test_{uuid.uuid4().hex[:12]}"
    conn = await _admin_connection()
    try:
        clause = f' TEMPLATE "{template}"' if template else ""
        await conn.execute(f'CREATE DATABASE "{name}"{clause}')
    finally:
        await conn.close()
    return name


async def _drop_pg_database(name: str) -> None:
    conn = await _admin_connection()
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def pg_url(name: str) -> str:
    return f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


class Templates:
    """Databases migrated once per test session; each test gets a copy (a file copy on SQLite,
    ``CREATE DATABASE … TEMPLATE`` on PostgreSQL) instead of running every migration again."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._sqlite: Path | None = None
        self._postgres: str | None = None

    async def sqlite(self) -> Path:
        if self._sqlite is None:
            path = self.directory / "template.db"
            database = Database(f"sqlite+aiosqlite:///{path}")
            await database.migrate()
            await database.dispose()
            self._sqlite = path
        return self._sqlite

    async def postgres(self) -> str:
        if self._postgres is None:
            name = await _fresh_pg_database()
            database = Database(pg_url(name))
            try:
                await database.migrate()
            finally:
                await database.dispose()  # a template must have no sessions when copied
            self._postgres = name
        return self._postgres

    def close(self) -> None:
        if self._postgres is not None:
            asyncio.run(_drop_pg_database(self._postgres))


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    made = Templates(tmp_path_factory.mktemp("templates"))
    yield made
    made.close()


async def fresh_database_url(kind: str, templates: Templates, directory: Path) -> str:
    """A migrated database of its own for one test."""
    if kind == "sqlite":
        path = directory / "test.db"
        shutil.copyfile(await templates.sqlite(), path)
        return f"sqlite+aiosqlite:///{path}"
    return pg_url(await _fresh_pg_database(await templates.postgres()))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def db_url(
    request: pytest.FixtureRequest, templates: Templates, tmp_path: Path
) -> AsyncIterator[str]:
    """A migrated database of this test's own, on SQLite and on PostgreSQL."""
    url = await fresh_database_url(request.param, templates, tmp_path)
    try:
        yield url
    finally:
        if request.param == "postgresql":
            await _drop_pg_database(url.rsplit("/", 1)[1])


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database (no migrations applied), for the tests of the migrations."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    name = await _fresh_pg_database()
    try:
        yield pg_url(name)
    finally:
        await _drop_pg_database(name)


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    database = Database(db_url)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
def shelf() -> FileShelf:
    return FileShelf()


def make_router(
    db: Database,
    messages: Messages,
    shelf: FileShelf,
    data_dir: Path,
    clock: Callable[[], datetime] | None = None,
) -> Router:
    """The router as the tests use it: ADMIN_ID administers, files come from ``shelf``."""
    extra = {} if clock is None else {"clock": clock}
    return Router(
        db,
        messages,
        detect_language,
        zone=ZONE,
        admins={("test", str(ADMIN_ID))},
        data_dir=data_dir,
        fetch_media=shelf.fetch,
        **extra,
    )


@pytest.fixture
def router(db: Database, messages: Messages, shelf: FileShelf, tmp_path: Path) -> Router:
    return make_router(db, messages, shelf, tmp_path / "data")


@pytest.fixture
def seller(router: Router, shelf: FileShelf) -> ChatUser:
    return ChatUser(router, user_id=1001, language_code="bn", shelf=shelf)


@pytest.fixture
def admin(router: Router, shelf: FileShelf) -> ChatUser:
    return ChatUser(router, user_id=ADMIN_ID, language_code="en", shelf=shelf)
