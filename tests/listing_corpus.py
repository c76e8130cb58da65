"""The listing corpus (tests/data/listing_corpus.yaml): products as sellers type them, with what
a buyer and a customs broker expect of the listing. Shared by the corpus test and
benchmarks/listings.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml
from wordfreq import zipf_frequency

from services import places
from services.catalogue import Listing, ProductFacts
from services.listing import _glossary
from services.measures import MAX_FABRIC_CM, parse_size, parse_weight

CORPUS = Path(__file__).parent / "data" / "listing_corpus.yaml"
COLOUR_BUTTONS = frozenset({"red", "blue", "green", "yellow", "black", "white", "brown", "multi"})


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    lang: str
    facts: ProductFacts
    item: tuple[str, ...]  # any of these English words names the item in the title
    gi: bool
    hs: str | None


def load() -> list[Case]:
    return [_case(entry) for entry in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]


def _case(entry: dict[str, Any]) -> Case:
    """The facts the product flow would hold after these answers: a pressed craft keeps the
    item typed after it; typed words name a craft when they do."""
    what = entry.get("what") or ""
    craft_id = entry.get("craft")
    typed_craft = None if craft_id else places.match_craft(what)
    size = parse_size(str(entry["size"]), max_cm=MAX_FABRIC_CM) if entry.get("size") else None
    weight = parse_weight(str(entry["weight"])) if entry.get("weight") else None
    facts = ProductFacts(
        sku=entry["id"],
        craft_id=craft_id or (typed_craft.id if typed_craft else None),
        what_text=what or None,
        material=entry.get("material"),
        size=size.value if size is not None and size.ok else None,
        weight_g=weight.value if weight is not None and weight.ok else None,
        colour=entry.get("colour"),
        special=entry.get("special"),
        district=entry["district"],
        gi_authorised=bool(entry.get("gi_authorised")),
    )
    expect = entry["expect"]
    return Case(
        id=entry["id"],
        lang=entry["lang"],
        facts=facts,
        item=tuple(str(w).casefold() for w in expect["item"]),
        gi=bool(expect["gi"]),
        hs=str(expect["hs"]) if expect.get("hs") else None,
    )


def english_fields(listing: Listing) -> list[str]:
    return [
        listing.title,
        *listing.bullets,
        listing.description,
        listing.material_en or "",
        listing.colour_en or "",
    ]


def names_title(listing: Listing, item: tuple[str, ...]) -> bool:
    """The title names the item: one of the expected words, singular or plural."""
    words = set(regex.findall(r"[a-z]+", listing.title.casefold()))
    return any(w in words or f"{w}s" in words or f"{w}es" in words for w in item)


def _accepted_names() -> frozenset[str]:
    """Proper names a listing may carry: crafts, GI names, districts and the glossary's names."""
    texts: list[str] = []
    for craft in places.crafts():
        texts += [craft.en, craft.gi_name or "", *craft.aliases]
    for district in places.districts():
        texts += [district.en, district.hq, *district.aliases]
    g = _glossary()
    texts += [v or "" for table in g.phrases.values() for v in table.values()]
    return frozenset(w for t in texts for w in regex.findall(r"[a-z]+", t.casefold()))


def untranslated(listing: Listing) -> list[str]:
    """Words of the English fields a buyer would not read as English: other scripts, and Latin
    words that are neither everyday English nor an accepted name."""
    names = _accepted_names()
    out: list[str] = []
    for text in english_fields(listing):
        out += regex.findall(r"[^\p{Latin}\p{Common}\p{Inherited}]+", text)
        for word in regex.findall(r"[A-Za-z]+", text):
            key = word.casefold()
            if key not in names and zipf_frequency(key, "en") < 3.0 and len(key) > 2:
                out.append(word)
    return out


def in_colour_buttons(colour: str | None) -> bool:
    return colour in COLOUR_BUTTONS
