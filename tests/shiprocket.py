"""A local stand-in for Shiprocket's external API (auth and international serviceability), as
apidocs.shiprocket.in describes it, bound to 127.0.0.1; ``mode`` makes it misbehave."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

EMAIL, PASSWORD = "api-user@example.com", "s3cret-pass"


@dataclass
class Shiprocket:
    url: str = ""
    # ok | expired_once (the first quote says 401) | bad_login | server_error | slow | garbage
    # | empty
    mode: str = "ok"
    delay: float = 0.0
    logins: int = 0
    requests: list[dict[str, str]] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)

    async def login(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.mode == "bad_login" or body != {"email": EMAIL, "password": PASSWORD}:
            return web.json_response(
                {"message": "Invalid credentials", "status_code": 403}, status=403
            )
        self.logins += 1
        token = f"token-{self.logins}"
        self.tokens.add(token)
        return web.json_response({"id": 1, "email": EMAIL, "company_id": 9, "token": token})

    async def serviceability(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.query))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self.tokens:
            return web.json_response({"message": "Unauthenticated."}, status=401)
        if self.mode == "expired_once" and len(self.requests) == 1:
            self.tokens.discard(token)
            return web.json_response({"message": "Unauthenticated."}, status=401)
        if self.mode == "server_error":
            return web.json_response({"message": "Server Error"}, status=500)
        if self.mode == "slow":
            for _ in range(int(self.delay * 20)):  # held until the test lets go or the delay
                if self.mode != "slow":
                    break
                await asyncio.sleep(0.05)
        if self.mode == "garbage":
            return web.Response(text="<html>maintenance</html>", content_type="text/html")
        if self.mode == "empty":
            return web.json_response({"data": {"available_courier_companies": []}})
        if request.query.get("cod") != "0":
            return web.json_response({"errors": {"cod": ["COD not available"]}}, status=422)
        weight = float(request.query["weight"])
        return web.json_response({"data": _companies(weight)})


def _companies(weight_kg: float) -> dict[str, Any]:
    slabs = max(1, round(weight_kg * 2 + 0.49))  # per half kilo started
    return {
        "recommended_courier_company_id": 301,
        "available_courier_companies": [
            {
                "courier_company_id": 301,
                "courier_name": "Shiprocket X Economy",
                "charge_weight": slabs / 2,
                "estimated_delivery_days": "10 - 12",
                "rate": {
                    "rate": 600 * slabs,
                    "total": 640 * slabs,
                    "extra_info": {"edd": {"from": 10, "to": 12}},
                },
            },
            {
                "courier_company_id": 302,
                "courier_name": "Aramex (Shiprocket X)",
                "charge_weight": slabs / 2,
                "estimated_delivery_days": "5 - 7",
                "rate": {"rate": 1500 * slabs},
            },
            {
                "courier_company_id": 303,
                "courier_name": "Blocked one",
                "blocked": 1,
                "rate": {"rate": 1},
            },
            {"courier_company_id": 304, "courier_name": "No price", "rate": {"rate": "n/a"}},
        ],
    }


@asynccontextmanager
async def running(stand_in: Shiprocket) -> AsyncIterator[Shiprocket]:
    app = web.Application()
    app.router.add_post("/v1/external/auth/login", stand_in.login)
    app.router.add_get("/v1/external/international/courier/serviceability", stand_in.serviceability)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    stand_in.url = f"http://127.0.0.1:{port}"
    try:
        yield stand_in
    finally:
        await runner.cleanup()
