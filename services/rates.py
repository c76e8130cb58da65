"""Where shipping prices come from: one interface for the dated rate card (offline, the default)
and a live source (Shiprocket's API, bot/shipping.py) when one is configured. A live source that
fails, is slow or answers nonsense gives way to the card, with a note; the seller never sees an
error for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from services.export_costs import CostData, Parcel, Quote, card_quotes


@dataclass(frozen=True, slots=True)
class Quotes:
    """A source's answer: the quotes, and whether they fell back to the card (and why)."""

    quotes: tuple[Quote, ...]
    fallback: str | None = None  # "timeout", "auth", "server", "garbage", "none"


class RateSource(Protocol):
    async def quotes(self, parcel: Parcel, destination: str, pickup_pin: str | None) -> Quotes: ...


class CardRates:
    """The dated rate card in content/data/export_costs.yaml."""

    def __init__(self, data: CostData) -> None:
        self.data = data

    async def quotes(self, parcel: Parcel, destination: str, pickup_pin: str | None) -> Quotes:
        return Quotes(tuple(card_quotes(parcel, destination, self.data)))


class LiveFailure(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
