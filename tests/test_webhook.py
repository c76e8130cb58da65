"""Webhook mode end to end: the real PTB Application behind our aiohttp server, Telegram played
by the fake Bot API server, on SQLite and PostgreSQL; the entry point's refusals as a process."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine
from telegram import Update

from bot.channels.service import ChatService
from bot.channels.telegram import UpdateFailed
from bot.channels.webhook import SECRET_HEADER
from bot.settings import Settings
from bot.workers import bind
from storage.models import ProcessedUpdate
from tests.conftest import PG_HOST, PG_PORT, PG_USER, _drop_pg_database, _fresh_pg_database
from tests.fakebot import FakeBotApi, FakeUser

TOKEN = "123456:TEST-token"
SECRET = "s3cret_token-for-TESTS"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN) as server:
        yield server


class Hook:
    """The running service and an HTTP client playing Telegram's side of the webhook."""

    def __init__(self, service: ChatService, base: str, session: aiohttp.ClientSession):
        self.service, self.base, self.session = service, base, session
        self.url = f"{base}/telegram/hook"

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        async with self.session.post(self.url, json=update, headers=headers) as response:
            return response.status

    async def get(self, path: str) -> tuple[int, str]:
        async with self.session.get(self.base + path) as response:
            return response.status, await response.text()

    async def metrics(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        status, text = await self.get("/metrics")
        assert status == 200
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }


@pytest.fixture
async def hook(db_url: str, tmp_path: Path, api: FakeBotApi) -> AsyncIterator[Hook]:
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    settings = Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        telegram_api_url=api.root,
        database_url=db_url,
        data_dir=tmp_path,
        webhook_url=f"{base}/telegram/hook",
        webhook_secret=SECRET,
        webhook_listen=f"127.0.0.1:{port}",
    )
    service = ChatService(settings)
    await service.start_webhook(sock, register=True)
    try:
        async with aiohttp.ClientSession() as session:
            yield Hook(service, base, session)
    finally:
        await service.stop()
        sock.close()


def start_update(api: FakeBotApi, user: FakeUser, update_id: int) -> dict[str, Any]:
    message = user.make_message(
        text="/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]
    )
    return {"update_id": update_id, "message": message}


async def processed(hook: Hook, update_id: int) -> int:
    assert hook.service.core is not None
    async with hook.service.core.db.engine.connect() as connection:
        result = await connection.execute(
            select(func.count()).where(ProcessedUpdate.update_id == str(update_id))
        )
        return int(result.scalar_one())


async def processed_after_stop(service: ChatService, update_id: int) -> int:
    engine = create_async_engine(service.settings.database)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(
                select(func.count()).where(ProcessedUpdate.update_id == str(update_id))
            )
            return int(result.scalar_one())
    finally:
        await engine.dispose()


async def test_the_webhook_is_registered_with_its_secret(hook: Hook, api: FakeBotApi) -> None:
    (call,) = api.calls("setWebhook")
    assert call.params["url"] == hook.url
    assert call.params["secret_token"] == SECRET
    assert call.params["drop_pending_updates"] is False
    assert call.params["allowed_updates"] == list(Update.ALL_TYPES)
    assert api.webhook_url == hook.url
    assert api.commands  # the command menu is published by the registering process
    assert not api.calls("getUpdates") and not api.calls("deleteWebhook")


async def test_an_update_is_answered_before_telegram_gets_its_200(
    hook: Hook, api: FakeBotApi
) -> None:
    rina = FakeUser(api, user_id=1001, language_code="bn")
    assert await hook.post(start_update(api, rina, 50)) == 200
    # No waiting: the 200 came after the replies were sent.
    assert "নমস্কার" in rina.last_message()
    assert await processed(hook, 50) == 1
    # Telegram delivering it again (a lost 200) is recognised: answered once.
    before = len(rina.messages)
    assert await hook.post(start_update(api, rina, 50)) == 200
    assert len(rina.messages) == before
    assert api.violations == []


@pytest.mark.parametrize("secret", [None, "wrong", SECRET[:-1]])
async def test_a_post_without_the_right_secret_is_refused_and_not_processed(
    hook: Hook, api: FakeBotApi, secret: str | None
) -> None:
    amit = FakeUser(api, user_id=2002, language_code="en")
    calls = len(api.requests)
    assert await hook.post(start_update(api, amit, 60), secret=secret) == 403
    assert api.requests[calls:] == [] and amit.messages == []
    assert await processed(hook, 60) == 0
    # The same update with the secret is then handled: nothing of it was kept.
    assert await hook.post(start_update(api, amit, 60)) == 200
    assert amit.messages and await processed(hook, 60) == 1


async def test_a_body_that_is_not_an_update_is_a_bad_request(hook: Hook) -> None:
    headers = {SECRET_HEADER: SECRET}
    async with hook.session.post(hook.url, data=b"{not json", headers=headers) as response:
        assert response.status == 400
    assert await hook.post({"message": {"text": "no update_id"}}) == 400
    assert await hook.post({"update_id": 5, "message": {"text": "no chat, no date"}}) == 400


async def test_an_update_whose_handling_fails_gets_500_so_telegram_retries(
    hook: Hook, api: FakeBotApi
) -> None:
    channel = hook.service.channel
    assert channel is not None
    working = channel.handle

    async def broken(*_: object) -> None:
        raise RuntimeError("database went away")

    channel.handle = broken
    user = FakeUser(api, user_id=3003, language_code="en")
    assert await hook.post(start_update(api, user, 70)) == 500
    channel.handle = working
    assert await hook.post(start_update(api, user, 70)) == 200  # the retry is handled
    assert user.messages


async def test_process_raises_update_failed_for_a_failing_handler(hook: Hook) -> None:
    channel = hook.service.channel
    assert channel is not None

    async def broken(*_: object) -> None:
        raise RuntimeError("boom")

    channel.handle = broken
    user = {"id": 1, "is_bot": False, "first_name": "A"}
    message = {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "from": user}
    update = channel.decode({"update_id": 1, "message": {**message, "text": "hi"}})
    with pytest.raises(UpdateFailed):
        await channel.process(update)


async def test_stopping_lets_an_update_in_flight_finish_and_be_answered(
    hook: Hook, api: FakeBotApi
) -> None:
    channel = hook.service.channel
    assert channel is not None
    working, started, release = channel.handle, asyncio.Event(), asyncio.Event()

    async def slow(inbound: Any, send: Any) -> Any:
        started.set()
        await release.wait()
        return await working(inbound, send)

    channel.handle = slow
    user = FakeUser(api, user_id=3103, language_code="en")
    post = asyncio.create_task(hook.post(start_update(api, user, 75)))
    await started.wait()
    stopping = asyncio.create_task(hook.service.stop())  # SIGTERM arrives
    server = hook.service.server
    assert server is not None
    await _until(lambda: _as_true(not server.runner.sites))  # it stopped listening
    with pytest.raises(aiohttp.ClientConnectionError):
        await hook.post(start_update(api, user, 76))  # nothing new is accepted
    release.set()
    assert await post == 200
    await stopping
    assert user.messages and await processed_after_stop(hook.service, 75) == 1


async def test_healthz_follows_the_database(hook: Hook) -> None:
    assert await hook.get("/healthz") == (200, "ok\n")
    core = hook.service.core
    assert core is not None
    working = core.db.engine
    # Nothing listens on port 1: the database is unreachable.
    core.db.engine = create_async_engine(f"postgresql+asyncpg://{PG_USER}@127.0.0.1:1/none")
    try:
        status, text = await hook.get("/healthz")
        assert status == 503 and "database" in text
    finally:
        await core.db.engine.dispose()
        core.db.engine = working
    assert (await hook.get("/healthz"))[0] == 200


async def test_metrics_parse_and_move_with_an_update(hook: Hook, api: FakeBotApi) -> None:
    before = await hook.metrics()
    command = ("export_sathi_updates_total", (("kind", "command"),))
    sent = ("export_sathi_messages_sent_total", (("path", "reply"),))
    latency = ("export_sathi_update_seconds_count", (("kind", "command"),))
    depth = ("export_sathi_outbox_depth", ())
    assert {command, sent, latency, depth} <= before.keys()
    assert ("export_sathi_telegram_429_total", (("path", "outbox"),)) in before
    assert (
        "export_sathi_send_failures_total",
        (("path", "reply"), ("reason", "blocked")),
    ) in before

    user = FakeUser(api, user_id=4004, language_code="en")
    assert await hook.post(start_update(api, user, 80)) == 200
    after = await hook.metrics()
    assert after[command] == before[command] + 1
    assert after[latency] == before[latency] + 1
    assert after[sent] >= before[sent] + len(user.messages) > before[sent]
    assert after[depth] == 0


# ---------------------------------------------------------------- the entry point as a process


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "DATABASE_", "WEBHOOK_", "PROMETHEUS_"))
    }
    environment.update(DATA_DIR=str(tmp_path), TELEGRAM_BOT_TOKEN=TOKEN, **env)
    return subprocess.run(
        [sys.executable, str(ROOT / "run_bot.py"), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=60,
    )


def test_webhook_without_url_or_secret_refuses_to_start(tmp_path: Path) -> None:
    result = _run(["--webhook"], tmp_path, WEBHOOK_SECRET="abc")
    assert result.returncode == 2 and "WEBHOOK_URL" in result.stderr
    result = _run(["--webhook"], tmp_path, WEBHOOK_URL="https://bot.example.org/tg")
    assert result.returncode == 2 and "WEBHOOK_SECRET" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_malformed_secret_is_refused_without_being_printed(tmp_path: Path) -> None:
    secret = "not allowed: spaces & symbols"
    result = _run(
        ["--webhook"], tmp_path, WEBHOOK_URL="https://bot.example.org/tg", WEBHOOK_SECRET=secret
    )
    assert result.returncode == 2 and "WEBHOOK_SECRET" in result.stderr
    assert secret not in result.stderr + result.stdout and "spaces" not in result.stderr


def test_several_workers_need_postgresql(tmp_path: Path) -> None:
    result = _run(
        ["--webhook", "--workers", "3"],
        tmp_path,
        WEBHOOK_URL="https://bot.example.org/tg",
        WEBHOOK_SECRET=SECRET,
    )
    assert result.returncode == 2 and "PostgreSQL" in result.stderr
    result = _run(["--workers", "2"], tmp_path)
    assert result.returncode == 2 and "--webhook" in result.stderr


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    name = await _fresh_pg_database()
    try:
        yield f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        await _drop_pg_database(name)


async def _leaders(url: str) -> list[int]:
    """Worker pids holding the leader lock (from the application_name of their session)."""
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())"
        )
    finally:
        await conn.close()
    return [int(r["application_name"].rsplit(" ", 1)[1]) for r in rows]


async def _until(condition: Any, within: float = 30.0) -> Any:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        value = await condition()
        if value:
            return value
        await asyncio.sleep(0.1)
    raise AssertionError("condition not met in time")


@pytest.mark.postgres
async def test_three_workers_share_the_port_one_leads_and_sigterm_stops_them(
    tmp_path: Path, api: FakeBotApi, pg_url: str
) -> None:
    probe = bind("127.0.0.1", 0)
    port = probe.getsockname()[1]
    probe.close()
    base = f"http://127.0.0.1:{port}"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "DATABASE_", "WEBHOOK_", "PROMETHEUS_"))
    }
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.root,
        DATABASE_URL=pg_url,
        DATA_DIR=str(tmp_path),
        WEBHOOK_URL=f"{base}/hook",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        LOG_FORMAT="json",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "run_bot.py"),
        "--webhook",
        "--workers",
        "3",
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        async with aiohttp.ClientSession() as session:

            async def healthy() -> bool:
                try:
                    async with session.get(base + "/healthz") as response:
                        return response.status == 200
                except aiohttp.ClientError:
                    return False

            await _until(healthy)
            await _until(lambda: _as_true(api.calls("setWebhook")))
            users = [FakeUser(api, user_id=5000 + i, language_code="en") for i in range(6)]
            for i, user in enumerate(users):
                async with session.post(
                    base + "/hook",
                    json=start_update(api, user, 900 + i),
                    headers={SECRET_HEADER: SECRET},
                ) as response:
                    assert response.status == 200
                assert user.messages  # answered before the 200
            # Exactly one worker leads; kill it and another takes over.
            (leader,) = await _until(lambda: _leaders(pg_url))
            os.kill(leader, signal.SIGKILL)
            (successor,) = await _until(lambda: _other_leader(pg_url, leader))
            assert successor != leader
            async with session.get(base + "/metrics") as response:
                families = {
                    s.name: s.value
                    for f in text_string_to_metric_families(await response.text())
                    for s in f.samples
                    if s.labels.get("kind") == "command" and s.name.endswith("_total")
                }
            # Counted across the workers, whichever one answered the scrape.
            assert families["export_sathi_updates_total"] == len(users)
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert await _leaders(pg_url) == []
    lines = stderr.decode().splitlines()
    assert lines and all(line.startswith("{") for line in lines), lines[:3]
    assert TOKEN not in stderr.decode() and SECRET not in stderr.decode()


async def _as_true(value: object) -> bool:
    return bool(value)


async def _other_leader(url: str, old: int) -> list[int]:
    leaders = await _leaders(url)
    return leaders if leaders and old not in leaders else []
