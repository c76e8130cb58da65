"""Prometheus metrics: updates by kind, handling latency, messages sent, 429s, failures and
the outbox backlog, served at /metrics in webhook mode.

With several worker processes every scrape lands on one of them, so the counters live in
prometheus_client's multiprocess mode: the parent sets PROMETHEUS_MULTIPROC_DIR before the
workers start (it must be set before prometheus_client is imported), each worker writes its
own files there and a scrape adds them up (MultiProcessCollector). The outbox depth is read
from the database at scrape time, so it is one number whichever worker answers.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric

from chat.inbound import Inbound
from chat.outbound import Blocked, Deliver, Outbound, RateLimited, Rejected

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
KINDS = ("message", "callback", "photo", "command", "other")
PATHS = ("reply", "outbox")  # answers to someone chatting; the outbox sender
REASONS = ("blocked", "rejected", "transient")
CONTENT_TYPE = CONTENT_TYPE_LATEST

disable_created_metrics()  # no *_created series: multiprocess mode has none either

UPDATES = Counter("export_sathi_updates", "Telegram updates handled, by kind", ["kind"])
LATENCY = Histogram(
    "export_sathi_update_seconds",
    "From receiving an update to its replies sent (handling included)",
    ["kind"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
SENT = Counter("export_sathi_messages_sent", "Messages Telegram accepted", ["path"])
RATE_LIMITED = Counter(
    "export_sathi_telegram_429", "Too Many Requests answers from Telegram", ["path"]
)
FAILURES = Counter(
    "export_sathi_send_failures",
    "Failed send attempts: blocked (403), rejected (400), transient (timeouts, 5xx, resets)",
    ["path", "reason"],
)

for _kind in KINDS:  # every series exists from the start, at 0, so rates are defined
    UPDATES.labels(_kind)
    LATENCY.labels(_kind)
for _path in PATHS:
    SENT.labels(_path)
    RATE_LIMITED.labels(_path)
    for _reason in REASONS:
        FAILURES.labels(_path, _reason)


def update_kind(inbound: Inbound | None) -> str:
    """The metric kind of an update; None (edits, group messages, member changes) is other."""
    if inbound is None:
        return "other"
    if inbound.kind == "command":
        return "command"
    if inbound.kind == "button":
        return "callback"
    if inbound.kind == "photo" or (
        inbound.kind == "document"
        and inbound.media is not None
        and (inbound.media.mime_type or "").startswith("image/")
    ):
        return "photo"
    if inbound.kind == "other":
        return "other"
    return "message"


class Timer:
    """Counts one update and observes how long it took, however it ended."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def done(self, kind: str) -> None:
        UPDATES.labels(kind).inc()
        LATENCY.labels(kind).observe(time.perf_counter() - self.started)


def counting(deliver: Deliver, path: str = "outbox") -> Deliver:
    """``deliver`` that also counts what Telegram answered (sent, 429, failures)."""

    async def wrapped(out: Outbound) -> int:
        try:
            message_id = await deliver(out)
        except RateLimited:
            RATE_LIMITED.labels(path).inc()
            raise
        except Blocked:
            FAILURES.labels(path, "blocked").inc()
            raise
        except Rejected:
            FAILURES.labels(path, "rejected").inc()
            raise
        except Exception:
            FAILURES.labels(path, "transient").inc()
            raise
        SENT.labels(path).inc()
        return message_id

    return wrapped


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


class _OutboxDepth:
    """A collector for one scrape: the number read from the database just before."""

    def __init__(self, value: int | None) -> None:
        self.value = value

    def collect(self) -> Iterator[Metric]:
        if self.value is not None:
            yield GaugeMetricFamily(
                "export_sathi_outbox_depth",
                "Outbox rows pending and due (the backlog), read from the database",
                value=self.value,
            )


async def exposition(outbox_depth: Callable[[], Awaitable[int | None]]) -> bytes:
    """The /metrics body: every process's counters, then the outbox depth."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    depth = CollectorRegistry()
    depth.register(_OutboxDepth(await outbox_depth()))
    return generate_latest(registry) + generate_latest(depth)
