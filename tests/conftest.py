"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, and a chat client."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path

import asyncpg
import pytest

from bot.i18n import Messages
from bot.language import detect_language
from handlers.router import Router
from storage.db import Database
from tests.chat import ChatUser, FileShelf

# The PostgreSQL server every machine of this project runs (trust auth). CI must reach it:
# a missing server fails the PostgreSQL tests instead of skipping them silently.
PG_HOST = os.environ.get("TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("TEST_PG_USER", "postgres")
PG_ADMIN_DB = os.environ.get("TEST_PG_DB", "postgres")
ADMIN_ID = 900001


@pytest.fixture(scope="session")
def messages() -> Messages:
    return Messages()


async def _fresh_pg_database() -> str:
    name = f"es_test_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database=PG_ADMIN_DB)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name


async def _drop_pg_database(name: str) -> None:
    conn = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database=PG_ADMIN_DB)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def db_url(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    name = await _fresh_pg_database()
    try:
        yield f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        await _drop_pg_database(name)


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    database = Database(db_url)
    await database.migrate()
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
        admin_ids={ADMIN_ID},
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
