"""Flows without a database: each step's parser is a pure function of the answer, the state and
read-only look-ups, and says what to write as effects; the engine replays a conversation from
recorded answers, and /back keeps the stored draft in line with the answers."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.i18n import Messages
from chat.replies import Reply
from flows.broadcasts import broadcast
from flows.effects import SetLanguage
from flows.eligibility import SaveCheck, eligibility
from flows.engine import (
    Accept,
    Answer,
    Engine,
    Flow,
    FlowContext,
    Keep,
    Outcome,
    Reject,
    Stop,
)
from flows.orders import new_order
from flows.product import AddPhoto, RemovePhotos, SaveDraft, SaveListing, product
from flows.registration import SaveSeller, registration
from flows.trainings import new_training
from handlers.features import FEATURES
from handlers.registry import Registry
from handlers.render import Renderer
from storage.broadcasts import Segment
from storage.records import ConversationState
from tests.conftest import ZONE

NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC).astimezone(ZONE)  # a Thursday, 10:30 in Kolkata


@dataclass
class Lookups:
    """What the steps may read, without a database: set by each test."""

    districts: frozenset[str] = frozenset()
    reach: int = 5
    asked: list[Segment] = field(default_factory=list)

    async def coordinator_districts(self, user_id: int) -> frozenset[str]:
        return self.districts

    async def audience(self, segment: Segment) -> int:
        self.asked.append(segment)
        return self.reach


@pytest.fixture(scope="module")
def label() -> Any:
    return Renderer(Messages()).label


def context(
    flow: Flow,
    step: str,
    label: Any,
    answers: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    look: Lookups | None = None,
    locale: str = "bn",
    admin: bool = False,
) -> FlowContext:
    state = ConversationState(7, flow.name, step, dict(answers or {}), dict(data or {}))
    return FlowContext(
        user_id=7,
        locale=locale,
        now=NOW,
        zone=ZONE,
        label=label,
        look=look or Lookups(),
        state=state,
        is_admin=admin,
    )


async def parse(flow: Flow, ctx: FlowContext, answer: Answer) -> Any:
    """Run one step's parser and check it changed nothing it was given."""
    assert ctx.state is not None
    before = copy.deepcopy((ctx.state.answers, ctx.state.data))
    step = flow.step(ctx.state.step)
    assert step is not None
    result = step.parse(answer, ctx)
    if hasattr(result, "__await__"):
        result = await result
    assert (ctx.state.answers, ctx.state.data) == before, "a parser changed the state"
    return result


# --- registration ---------------------------------------------------------------------------


async def test_registration_parsers_are_values(label: Any) -> None:
    ctx = context(registration, "language", label)
    chosen = await parse(registration, ctx, Answer(value="en"))
    assert chosen == Accept("en", effects=(SetLanguage("en"),))
    ctx = context(registration, "consent", label)
    assert isinstance(await parse(registration, ctx, Answer(value="no")), Stop)
    ctx = context(registration, "name", label)
    assert isinstance(await parse(registration, ctx, Answer(text="র")), Reject)  # too short
    assert (await parse(registration, ctx, Answer(text="রিনা দাস"))).value == "রিনা দাস"
    refused = await parse(registration, ctx, Answer(media="sticker"))
    assert refused == Reject(Reply("error-not-text", {"kind": "sticker"}))
    ctx = context(registration, "district", label)
    assert (await parse(registration, ctx, Answer(text="বাকুড়া"))).value == "BNK"
    guess = await parse(registration, ctx, Answer(text="Bnkura"))
    assert isinstance(guess, Reject) and guess.reply.choices  # did you mean …?
    ctx = context(registration, "gstin", label)
    assert isinstance(await parse(registration, ctx, Answer(text="19AAECF2320D1Z4")), Reject)
    assert (await parse(registration, ctx, Answer(text="19aaecf2320d1z5"))).value == (
        "19AAECF2320D1Z5"
    )


async def test_a_registration_replayed_without_a_database_ends_in_one_write(label: Any) -> None:
    engine = Engine(Registry(FEATURES).flows)
    ctx = context(registration, "", label)
    said = engine.start(ctx, "reg")
    assert said[0].key == "reg-welcome"
    recorded = [
        Answer(value="bn"),
        Answer(value="yes"),
        Answer(text="রিনা দাস"),
        Answer(value="_skip"),
        Answer(text="Bankura"),
        Answer(text="৯৮৩০০ ১২৩৪৫"),
        Answer(value="dokra"),
        Answer(value="_skip"),
        Answer(value="_skip"),
        Answer(value="_skip"),
    ]
    outcomes: list[Outcome] = []
    for answer in recorded:
        outcomes += await engine.answer(ctx, answer)
    assert ctx.state is not None and ctx.state.step == "_review"
    done = await engine.answer(ctx, Answer(value="_ok"))
    writes = [o for o in (*outcomes, *done) if not isinstance(o, Reply)]
    assert writes[0] == SetLanguage("bn")
    [save] = [w for w in writes if isinstance(w, SaveSeller)]
    assert (save.record.name, save.record.district, save.record.phone) == (
        "রিনা দাস",
        "BNK",
        "+919830012345",
    )
    assert [r.key for r in done if isinstance(r, Reply)] == ["reg-done", "reg-next"]
    assert ctx.state is None


# --- a product: photos and the draft ----------------------------------------------------------


def upload(name: str, problems: Sequence[str] = ()) -> dict[str, Any]:
    return {"hash": name, "path": f"/p/{name}.jpg", "width": 900, "height": 900,
            "problems": list(problems)}  # fmt: skip


async def test_photos_are_effects_and_the_state_knows_them(label: Any) -> None:
    data = {"product_id": 3, "sku": "ES-BNK-000003", "district": "BNK", "photos": []}
    ctx = context(product, "photos", label, data=data)
    kept = await parse(product, ctx, Answer(media="photo", upload=upload("a", ["dark"])))
    assert isinstance(kept, Keep)
    assert kept.effects == (AddPhoto(3, "a", "/p/a.jpg", 900, 900, ("dark",)),)
    assert kept.data["photos"] == ["a"] and kept.data["retake"] == ["a"]
    assert ctx.state is not None
    ctx.state.data.update(photos=["a"], retake=["a"])
    again = await parse(product, ctx, Answer(media="photo", upload=upload("a")))
    assert again == Reject(Reply("photo-error-duplicate"))
    retake = await parse(product, ctx, Answer(value="retake"))
    assert retake.effects == (RemovePhotos(3, ("a",)),) and retake.data["photos"] == []
    in_album = await parse(product, ctx, Answer(media="photo", upload=upload("b"), album="x"))
    assert in_album.defer and in_album.data["album"]["id"] == "x"
    ctx.state.data["photos"] = [str(n) for n in range(8)]
    full = await parse(product, ctx, Answer(media="photo", upload=upload("c")))
    assert full == Reject(Reply("photo-error-too_many"))


async def test_back_leaves_the_stored_draft_as_the_seller_now_sees_it(label: Any) -> None:
    """Every change of the answers, /back and a skip included, is followed by the draft as it
    stands: the product row never keeps an answer the conversation no longer has."""
    engine = Engine([product])
    data = {"product_id": 3, "sku": "ES-BNK-000003", "district": "BNK", "photos": ["a"]}
    ctx = context(product, "material", label, answers={"photos": 1, "what": {"id": "dokra"}},
                  data=data)  # fmt: skip
    said = await engine.answer(ctx, Answer(text="পিতল"))
    drafts = [o for o in said if isinstance(o, SaveDraft)]
    assert drafts and drafts[-1].answers["material"] == "পিতল"
    said = await engine.back(ctx)
    assert ctx.state is not None and ctx.state.step == "material"
    [draft] = [o for o in said if isinstance(o, SaveDraft)]
    assert draft.answers == ctx.state.answers  # what the seller sees is what is stored
    said = await engine.answer(ctx, Answer(text="কাঁসা"))
    [draft] = [o for o in said if isinstance(o, SaveDraft)]
    assert draft.answers["material"] == "কাঁসা"
    for answer in ("20 x 10 cm", "500 g", "red"):
        await engine.answer(ctx, Answer(text=answer) if answer != "red" else Answer(value="red"))
    for answer in ("৯০০", "৫", "৩"):
        await engine.answer(ctx, Answer(text=answer))
    said = await engine.skip(ctx)  # the optional "what makes it special"
    assert ctx.state.step == "_review"
    [draft] = [o for o in said if isinstance(o, SaveDraft)]
    assert draft.answers["special"] is None
    done = await engine.answer(ctx, Answer(value="_ok"))
    [saved] = [o for o in done if isinstance(o, SaveListing)]
    assert saved.listing["title"] and saved.answers["price"] == 900


# --- the export check's question loop ---------------------------------------------------------


async def test_the_rules_questions_loop_until_none_is_left(label: Any) -> None:
    engine = Engine([eligibility])
    data = {"products": [], "seller": {"district": "BNK"}, "carried": {}}
    ctx = context(eligibility, "product", label, data=data)
    await engine.answer(ctx, Answer(text="ডোকরার হাতি, পিতলের"))
    assert ctx.state is not None and ctx.state.step == "destination"
    said = await engine.answer(ctx, Answer(value="US"))
    asked = 0
    while ctx.state is not None and ctx.state.step == "question":
        asked += 1
        question = said[-1]
        assert isinstance(question, Reply) and question.choices
        said = await engine.answer(ctx, Answer(value=question.choices[0][0].value.split(":", 3)[3]))
    assert asked >= 1
    [check] = [o for o in said if isinstance(o, SaveCheck)]
    assert check.destination == "US" and check.description == "ডোকরার হাতি, পিতলের"
    assert check.answers  # every answer given is kept with the verdict


# --- a coordinator's flows: look-ups, not writes ----------------------------------------------


async def test_a_segment_reaching_nobody_goes_back_to_its_first_question(label: Any) -> None:
    look = Lookups(districts=frozenset({"BNK"}), reach=0)
    answers = {"text": "Hello", "versions": {}, "photo": None, "district": "BNK", "craft": "any",
               "stage": "any"}  # fmt: skip
    ctx = context(broadcast, "lang", label, answers=answers, data={"own": ["BNK"]}, look=look)
    nobody = await parse(broadcast, ctx, Answer(value="en"))
    assert isinstance(nobody, Keep) and nobody.goto == "district"
    assert look.asked == [Segment(("BNK",), None, "any", "en")]
    ctx = context(broadcast, "district", label, look=Lookups(districts=frozenset({"HWH"})))
    refused = await parse(broadcast, ctx, Answer(value="BNK"))
    assert isinstance(refused, Reject) and refused.data == {"own": ["HWH"]}  # fresh from a read


async def test_an_ambiguous_training_time_waits_for_a_yes(label: Any) -> None:
    ctx = context(new_training, "when", label, data={"mine": ["BNK"], "admin": False})
    maybe = await parse(new_training, ctx, Answer(text="কাল ৩টা"))
    assert isinstance(maybe, Keep) and maybe.ask_again and "maybe" in maybe.data
    assert ctx.state is not None
    ctx.state.data.update(maybe.data)
    yes = await parse(new_training, ctx, Answer(text="হ্যাঁ"))
    assert isinstance(yes, Accept) and datetime.fromisoformat(yes.value).hour == 9  # 15:00 IST


async def test_an_order_quantity_in_bengali_digits(label: Any) -> None:
    data = {"products": [{"id": 3, "name": "ডোকরা", "sku": "ES-BNK-000003"}]}
    ctx = context(new_order, "quantity", label, data=data)
    assert (await parse(new_order, ctx, Answer(text="৫টা"))).value == 5
    assert isinstance(await parse(new_order, ctx, Answer(text="অনেক")), Reject)


def test_no_step_writes_through_a_repository() -> None:
    """What a step may touch is its context; a repository is not part of it."""
    fields = FlowContext.__dataclass_fields__
    assert "repo" not in fields and set(fields) >= {"look", "state", "now", "zone"}
