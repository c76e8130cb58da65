"""PTB's HTTP layer for this bot: httpx, posting JSON, over connections that cost nothing idle.

PTB's own `HTTPXRequest` costs this bot more than its sending needs, in three ways:
- httpx's connection pool looks at every connection (a `poll` of each socket, and for each
  idle one a count of all the idle ones) every time a request starts or ends. With the 16
  replies a burst has in flight that was half of each send's time.
- It posts each call as a form, so every byte of a Bengali text is percent-encoded: three UTF-8
  bytes become nine characters.
- It goes through httpx's client layers for cookies, authentication and redirects, which the
  Bot API never uses.

So this `BaseRequest` (PTB's documented extension point) keeps a set of httpx transports of one
connection each, lends one per call, and posts JSON, which the Bot API takes for every call
without a file. Calls with files go as multipart forms, as PTB sends them. A call waits for a
free connection; with `pool_timeout` set it gives up after that long (PTB's `TimedOut`). A
proxy is given (`proxy_for` reads the environment's, as httpx's client does).
"""

from __future__ import annotations

import asyncio
import functools
import json
import ssl
import urllib.parse
import urllib.request

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_JSON = {"Content-Type": "application/json"}
_DEFAULT = type(BaseRequest.DEFAULT_NONE)  # what PTB passes for "no timeout given"


class BotApiRequest(BaseRequest):
    """Bot API calls over `connections` keep-alive connections, at most one call on each."""

    __slots__ = (
        "_closed",
        "_connections",
        "_free",
        "_media_write",
        "_proxy",
        "_slots",
        "_timeouts",
    )

    def __init__(
        self,
        connections: int,
        *,
        connect_timeout: float | None = 10.0,
        read_timeout: float | None = 20.0,
        write_timeout: float | None = 20.0,
        pool_timeout: float | None = None,
        media_write_timeout: float | None = 60.0,
        proxy: str | None = None,
    ) -> None:
        self._timeouts = httpx.Timeout(
            connect=connect_timeout, read=read_timeout, write=write_timeout, pool=pool_timeout
        )
        self._media_write = media_write_timeout
        self._connections, self._proxy = connections, proxy
        self._free = [_transport(proxy) for _ in range(connections)]
        self._slots = asyncio.Semaphore(connections)
        self._closed = False

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts.read

    async def initialize(self) -> None:
        if self._closed:
            self._free = [_transport(self._proxy) for _ in range(self._connections)]
            self._closed = False

    async def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        for transport in self._free:  # a call still out closes its own (see do_request)
            await transport.aclose()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._closed:
            raise RuntimeError("this BotApiRequest is shut down")
        request = _request(url, method, request_data, self.USER_AGENT)
        files = request_data is not None and request_data.contains_files
        defaults = self._timeouts
        request.extensions["timeout"] = {
            "connect": _given(connect_timeout, defaults.connect),
            "read": _given(read_timeout, defaults.read),
            "write": _given(write_timeout, self._media_write if files else defaults.write),
            "pool": None,  # one call per connection: httpx never waits for one
        }
        try:
            async with asyncio.timeout(_given(pool_timeout, defaults.pool)):
                await self._slots.acquire()
        except TimeoutError as exc:
            raise TimedOut("every connection busy: not sent") from exc
        transport = self._free.pop()
        try:
            response = await transport.handle_async_request(request)
            try:
                return response.status_code, await response.aread()
            finally:
                await response.aclose()
        except httpx.TimeoutException as exc:
            raise TimedOut from exc
        except httpx.HTTPError as exc:
            raise NetworkError(f"httpx.{type(exc).__name__}: {exc}") from exc
        finally:
            if self._closed:
                await transport.aclose()
            else:
                self._free.append(transport)  # last in, first out: warm connections first
            self._slots.release()


def _request(
    url: str, method: str, request_data: RequestData | None, user_agent: str
) -> httpx.Request:
    headers = {"User-Agent": user_agent}
    if request_data is None:
        return httpx.Request(method, _url(url), headers=headers)
    if request_data.contains_files:
        return httpx.Request(
            method,
            _url(url),
            headers=headers,
            data=request_data.json_parameters,
            files=request_data.multipart_data,
        )
    body = json.dumps(request_data.parameters, ensure_ascii=False).encode()
    return httpx.Request(method, _url(url), headers=headers | _JSON, content=body)


@functools.lru_cache(maxsize=256)
def _url(url: str) -> httpx.URL:
    """An endpoint's URL, parsed once (httpx parses a URL in Python: ~40 µs)."""
    return httpx.URL(url)


def _given(value: object, default: float | None) -> float | None:
    """The timeout PTB passed for this call, or ours when it passed none."""
    return default if isinstance(value, _DEFAULT) else value  # type: ignore[return-value]


def proxy_for(url: str) -> str | None:
    """The proxy the environment names for this URL (HTTPS_PROXY, ALL_PROXY, less NO_PROXY),
    as httpx's client would take it: the transports here do not look themselves."""
    parts = urllib.parse.urlsplit(url)
    if urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(parts.scheme) or proxies.get("all")


def _transport(proxy: str | None) -> httpx.AsyncHTTPTransport:
    return httpx.AsyncHTTPTransport(
        verify=_tls(), proxy=proxy, limits=httpx.Limits(max_connections=1)
    )


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every connection: loading the CA bundle takes ~40 ms each time."""
    return httpx.create_ssl_context()
