"""The listing corpus (tests/data/listing_corpus.yaml, 100+ products typed and picked in
Bengali, Banglish, English and Hindi): what buyers read is English, names the item, uses a GI
name only when the rule allows, and gives the customs heading an expert expects.
benchmarks/listings.py prints the same measures with the disagreements."""

from __future__ import annotations

import pytest
import regex

from services.listing import compose_listing
from tests.listing_corpus import Case, english_fields, load, names_title

CASES = load()
# Headings where the item's gender or weave decides (kurta 6204/6205, knitted muffler 6117)
# or the experts differ (a reed bag: 4202 or 4602): not asked of the composer.
HS_AGREEMENT_AT_LEAST = 0.9


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_english_fields_are_english_and_name_the_item(case: Case) -> None:
    listing = compose_listing(case.facts)
    for text in english_fields(listing):
        assert not regex.search(r"[^\p{Latin}\p{Common}\p{Inherited}]", text), text
    assert names_title(listing, case.item), (listing.title, case.item)
    assert listing.gi_tagged == case.gi, listing.title


def test_hs_headings_agree_with_the_expert() -> None:
    wrong = [c.id for c in CASES if compose_listing(c.facts).hs_heading != c.hs]
    assert 1 - len(wrong) / len(CASES) >= HS_AGREEMENT_AT_LEAST, wrong


def test_the_corpus_covers_every_district_and_craft() -> None:
    from services import places

    assert len(CASES) >= 80
    assert {c.facts.district for c in CASES} == {d.code for d in places.districts()}
    assert {c.facts.craft_id for c in CASES} >= {c.id for c in places.crafts()}
    assert {c.lang for c in CASES} == {"bn", "banglish", "en", "hi"}
