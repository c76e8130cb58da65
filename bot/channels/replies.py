"""Sending a reply while the user waits: the same rules on every channel.

A rate limit waits and tries again; a blocked user is reported and the rest of the replies is
dropped; a refused message is our mistake, logged and skipped; a network failure is tried a few
times with short pauses (the user's lock is held meanwhile, so not for long). A channel may name
failures after which nothing can go (WhatsApp's expired token)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot import metrics
from chat.outbound import Blocked, Outbound, RateLimited, Rejected, Transient

log = logging.getLogger(__name__)

ATTEMPTS = 4


async def send_reply(
    deliver: Callable[[Outbound], Awaitable[object]],
    out: Outbound,
    *,
    platform: str,
    on_blocked: Callable[[str], Awaitable[None]],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    fatal: tuple[type[Exception], ...] = (),
) -> bool:
    """Send one reply; False when the user cannot be reached now, so the rest is dropped."""
    for attempt in range(ATTEMPTS):
        try:
            await deliver(out)
            metrics.SENT.labels("reply").inc()
            return True
        except RateLimited as exc:
            metrics.RATE_LIMITED.labels("reply").inc()
            await sleep(exc.retry_after)
        except Blocked:
            metrics.FAILURES.labels("reply", "blocked").inc()
            await on_blocked(str(out.chat_id))
            return False
        except Rejected as exc:  # our fault, not the network's: retrying won't help
            metrics.FAILURES.labels("reply", "rejected").inc()
            log.error("%s refused a message: %s", platform, exc)
            return True
        except Transient as exc:  # timeouts, resets, 5xx, an answer that is not JSON
            metrics.FAILURES.labels("reply", "transient").inc()
            if isinstance(exc, fatal):
                return False
            if attempt < ATTEMPTS - 1:  # not after the last: the user's lock is held
                await sleep(0.5 * 2**attempt)
    log.error("%s: gave up sending a message", platform)
    return True
