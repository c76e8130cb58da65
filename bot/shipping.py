"""Live courier quotes from Shiprocket's documented external API (Shiprocket X, international
serviceability), behind services.rates' interface; any failure gives way to the rate card."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any

import httpx

from bot.settings import Settings
from services.export_costs import Parcel, Quote, card_quotes, cost_data
from services.rates import CardRates, LiveFailure, Quotes, RateSource

log = logging.getLogger(__name__)

SHIPROCKET_URL = "https://apiv2.shiprocket.in"
# apidocs.shiprocket.in: international serviceability ("Shiprocket X"); COD is not offered
# abroad, the weight is in kg and the country an ISO alpha-2 code.
SHIPROCKET_QUOTES = "/v1/external/international/courier/serviceability"
SHIPROCKET_LOGIN = "/v1/external/auth/login"
TOKEN_LIFETIME_S = 9 * 24 * 3600  # tokens last 10 days; log in again a day early
LIVE_TIMEOUT_S = 2.5  # a seller is waiting: the card answers within 3 s of a hang
# Our destination codes as the countries a quote asks for (the EU: Germany, its largest
# marketplace).
COUNTRY = {"US": "US", "UK": "GB", "EU": "DE", "AU": "AU", "CA": "CA", "AE": "AE"}


def rate_source(settings: Settings) -> tuple[RateSource, httpx.AsyncClient | None]:
    """Shiprocket's live quotes when its API user is configured, else the dated rate card;
    the HTTP client to close at the end, when there is one."""
    card = CardRates(cost_data())
    if not settings.shiprocket_email or settings.shiprocket_password is None:
        return card, None
    http = httpx.AsyncClient()
    live = ShiprocketRates(
        http,
        settings.shiprocket_email,
        settings.shiprocket_password.get_secret_value(),
        card,
        base_url=settings.shiprocket_api_url,
    )
    return live, http


class ShiprocketRates:
    """Live Shiprocket X quotes; the card's post and express quotes stay beside them (the
    aggregator does not sell India Post's postal export)."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        email: str,
        password: str,
        card: CardRates,
        *,
        base_url: str = SHIPROCKET_URL,
        timeout: float = LIVE_TIMEOUT_S,
    ) -> None:
        self.client = client
        self.email = email
        self._password = password
        self.card = card
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._token: str | None = None
        self._token_at = 0.0

    async def quotes(self, parcel: Parcel, destination: str, pickup_pin: str | None) -> Quotes:
        card = card_quotes(parcel, destination, self.card.data)
        try:
            async with asyncio.timeout(self.timeout):  # login and quote together: one deadline
                live = await self._live(parcel, destination, pickup_pin)
        except TimeoutError:
            log.warning("shiprocket quotes took over %.1f s: the rate card answers", self.timeout)
            return Quotes(tuple(card), fallback="timeout")
        except LiveFailure as failure:
            log.warning("shiprocket quotes unavailable (%s): the rate card answers", failure.reason)
            return Quotes(tuple(card), fallback=failure.reason)
        kept = [q for q in card if q.kind != "aggregator"]
        return Quotes(tuple(sorted([*kept, *live], key=lambda q: q.cost_inr)))

    async def _live(self, parcel: Parcel, destination: str, pickup_pin: str | None) -> list[Quote]:
        country = COUNTRY.get(destination)
        if country is None:
            raise LiveFailure("none")
        params: dict[str, Any] = {
            "weight": f"{parcel.weight_g / 1000:.3f}",
            "cod": 0,
            "delivery_country": country,
            "length": round(parcel.dims_cm[0]),
            "breadth": round(parcel.dims_cm[1]),
            "height": round(parcel.dims_cm[2]),
        }
        if pickup_pin:
            params["pickup_postcode"] = pickup_pin
        for attempt in (1, 2):
            token = await self._login(fresh=attempt == 2)
            response = await self._get(SHIPROCKET_QUOTES, params, token)
            if response.status_code == 401 and attempt == 1:
                continue  # the token expired early: log in once more
            return _read_quotes(response, parcel)
        raise LiveFailure("auth")

    async def _login(self, *, fresh: bool) -> str:
        if self._token and not fresh and time.monotonic() - self._token_at < TOKEN_LIFETIME_S:
            return self._token
        try:
            response = await self.client.post(
                self.base_url + SHIPROCKET_LOGIN,
                json={"email": self.email, "password": self._password},
                timeout=self.timeout,
            )
        except httpx.TimeoutException as exc:
            raise LiveFailure("timeout") from exc
        except httpx.HTTPError as exc:
            raise LiveFailure("server") from exc
        if response.status_code in (401, 403):
            raise LiveFailure("auth")
        if response.status_code >= 400:
            raise LiveFailure("server")
        try:
            token = response.json()["token"]
        except (ValueError, KeyError, TypeError) as exc:
            raise LiveFailure("garbage") from exc
        if not isinstance(token, str) or not token:
            raise LiveFailure("garbage")
        self._token, self._token_at = token, time.monotonic()
        return token

    async def _get(self, path: str, params: dict[str, Any], token: str) -> httpx.Response:
        try:
            return await self.client.get(
                self.base_url + path,
                params=params,
                headers={"Authorization": f"Bearer {token}"},
                timeout=self.timeout,
            )
        except httpx.TimeoutException as exc:
            raise LiveFailure("timeout") from exc
        except httpx.HTTPError as exc:
            raise LiveFailure("server") from exc


def _days(company: dict[str, Any]) -> tuple[int, int]:
    """Delivery days from ``rate.extra_info.edd`` or the "10 - 12" string."""
    rate = company.get("rate") if isinstance(company.get("rate"), dict) else {}
    edd = ((rate or {}).get("extra_info") or {}).get("edd") or {}
    try:
        return int(edd["from"]), int(edd["to"])
    except (KeyError, TypeError, ValueError):
        pass
    text = str(company.get("estimated_delivery_days") or "")
    parts = [p.strip() for p in text.split("-")]
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return int(parts[0]), int(parts[1])
    if text.strip().isdigit():
        return int(text), int(text)
    return 0, 0


def _read_quotes(response: httpx.Response, parcel: Parcel) -> list[Quote]:
    if response.status_code == 401:
        raise LiveFailure("auth")
    if response.status_code >= 400:
        raise LiveFailure("server")
    try:
        companies: Sequence[Any] = response.json()["data"]["available_courier_companies"]
    except (ValueError, KeyError, TypeError) as exc:
        raise LiveFailure("garbage") from exc
    out = []
    for company in companies if isinstance(companies, list) else ():
        if not isinstance(company, dict) or company.get("blocked"):
            continue
        rate = company.get("rate")
        price = rate.get("total") or rate.get("rate") if isinstance(rate, dict) else rate
        name = company.get("courier_name")
        try:
            cost = round(float(price))
        except (TypeError, ValueError):
            continue
        if cost <= 0 or not isinstance(name, str) or not name.strip():
            continue
        grams = company.get("charge_weight")
        try:
            charged = int(float(grams) * 1000) if grams else parcel.weight_g
        except (TypeError, ValueError):
            charged = parcel.weight_g
        out.append(
            Quote(
                f"shiprocket:{company.get('courier_company_id', name)}",
                name.strip()[:40],
                "aggregator",
                cost,
                _days(company),
                charged,
                live=True,
            )
        )
    if not out:
        raise LiveFailure("garbage")
    return out
