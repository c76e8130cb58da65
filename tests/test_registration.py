"""Registration through the router and engine, on SQLite and PostgreSQL, as a seller sees it."""

from __future__ import annotations

import pytest

from bot.i18n import Messages
from bot.language import detect_language
from handlers.router import Router
from storage.db import Database
from tests.chat import ChatUser
from tests.conftest import ZONE


async def stored_seller(db: Database, user_id: int):
    async with db.transaction() as repo:
        return await repo.sellers.get(user_id)


async def stored_state(db: Database, user_id: int):
    async with db.transaction() as repo:
        return await repo.conversations.get(user_id)


async def register_in_bengali(user: ChatUser, name: str = "রিনা দাস") -> None:
    await user.says("/start")
    await user.presses("বাংলা")
    await user.presses("আমি রাজি")
    await user.says(name)
    await user.presses("বাদ দিন")
    await user.says("বাঁকুড়া")
    await user.says("৯৮৩০০ ১২৩৪৫")
    await user.presses("ডোকরা")
    await user.says("19AAECF2320D1Z5")
    await user.presses("AAECF2320D")
    await user.presses("বাদ দিন")
    assert "মিলিয়ে নিন" in user.text()
    await user.presses("হ্যাঁ, সব ঠিক আছে")


async def test_full_registration_in_bengali(seller: ChatUser, db: Database) -> None:
    await seller.says("/start")
    assert "নমস্কার" in seller.text()
    assert seller.buttons()[0] == "বাংলা"  # Telegram's language_code "bn" preselects
    await register_in_bengali(seller)
    assert "নিবন্ধন হয়ে গেছে" in seller.text()
    saved = await stored_seller(db, seller.user_id)
    assert saved is not None
    assert (saved.name, saved.business_name, saved.district) == ("রিনা দাস", None, "BNK")
    assert saved.phone == "+919830012345"
    assert (saved.craft_id, saved.gstin, saved.iec, saved.udyam) == (
        "dokra",
        "19AAECF2320D1Z5",
        "AAECF2320D",
        None,
    )
    assert await stored_state(db, seller.user_id) is None  # the conversation is finished


async def test_english_language_code_preselects_english(router: Router) -> None:
    user = ChatUser(router, 2002, language_code="en")
    await user.says("/start")
    assert "Welcome" in user.text()
    assert user.buttons()[0] == "English"


async def test_unknown_language_code_falls_back_to_bengali(router: Router) -> None:
    user = ChatUser(router, 2003, language_code="fr")
    await user.says("/start")
    assert "নমস্কার" in user.text()


async def to_step(user: ChatUser, step: str) -> None:
    """Walk a fresh user to a question of the registration, in English."""
    await user.says("/start")
    await user.presses("English")
    await user.presses("I agree")
    if step == "name":
        return
    await user.says("Rina Das")
    if step == "business":
        return
    await user.presses("Skip")
    if step == "district":
        return
    await user.presses("Bankura")
    if step == "phone":
        return
    await user.says("9830012345")
    if step == "craft":
        return
    await user.presses("Dokra")
    if step == "gstin":
        return
    await user.presses("Skip")
    if step == "iec":
        return
    await user.presses("Skip")


@pytest.fixture
def english(router: Router) -> ChatUser:
    return ChatUser(router, 3003, language_code="en")


@pytest.mark.parametrize(
    ("step", "kind", "expected"),
    [
        ("name", "sticker", "That is a sticker"),
        ("name", "voice", "That is a voice message"),
        ("name", "photo", "That is a photo"),
        ("district", "document", "That is a file"),
        ("gstin", "sticker", "That is a sticker"),
    ],
)
async def test_wrong_kind_of_message_repeats_the_question(
    english: ChatUser, step: str, kind: str, expected: str
) -> None:
    await to_step(english, step)
    question = english.last[-1].text
    await english.sends(kind)
    assert expected in english.text()
    assert english.last[-1].text.endswith(question)  # the problem, then the question again


@pytest.mark.parametrize(
    ("step", "typed", "expected"),
    [
        ("name", "x" * 5000, "too long"),
        ("name", "😀😀😀", "with letters"),
        ("name", "1234", "with letters"),
        ("phone", "98300 1234", "too few digits"),
        ("phone", "98300123456", "too many digits"),
        ("phone", "5830012345", "does not look like an Indian mobile"),
        ("phone", "+1 415 555 2671", "Indian mobile number (+91)"),
        ("phone", "my number", "only the digits"),
        ("district", "Paris", "not one of the 23 districts"),
        ("gstin", "19AAECF2320D1Z6", "does not match"),
        ("gstin", "19AAECF2320", "exactly 15"),
        ("gstin", "99AAECF2320D1Z5", "state code"),
        ("iec", "ABCDE12345", "5 letters, 4 digits"),
        ("iec", "0123456789", "old 10-digit IEC"),
        ("udyam", "UDYAM-WB-1-123", "UDYAM-WB-10-0012345"),
    ],
)
async def test_wrong_answers_are_explained_and_the_question_repeated(
    english: ChatUser, db: Database, step: str, typed: str, expected: str
) -> None:
    await to_step(english, step)
    question = english.last[-1].text
    before = await stored_state(db, english.user_id)
    await english.says(typed)
    assert expected in english.text(), english.text()
    assert english.last[-1].text.endswith(question)  # the problem, then the question again
    after = await stored_state(db, english.user_id)
    assert after is not None and before is not None
    assert (after.step, after.answers) == (before.step, before.answers)  # nothing lost


async def test_district_typo_offers_suggestions_that_work(english: ChatUser) -> None:
    await to_step(english, "district")
    await english.says("Bnakura")
    assert "Did you mean" in english.text()
    suggestions = english.last[0].buttons
    assert suggestions[0][0].label == "Bankura"
    await english.presses_data(suggestions[0][0].data)
    assert "mobile number" in english.text()


@pytest.mark.parametrize("typed", ["বাঁকুড়া", "বাকুড়া", "Bankura", "bankura", " BANKURA "])
async def test_district_typed_forgivingly(english: ChatUser, db: Database, typed: str) -> None:
    await to_step(english, "district")
    await english.says(typed)
    state = await stored_state(db, english.user_id)
    assert state is not None and state.answers["district"] == "BNK"


async def test_north_24_parganas_abbreviated(english: ChatUser, db: Database) -> None:
    await to_step(english, "district")
    await english.says("24 pgs north")
    state = await stored_state(db, english.user_id)
    assert state is not None and state.answers["district"] == "N24"


async def test_phone_by_contact_share_and_someone_elses_contact(english: ChatUser) -> None:
    await to_step(english, "phone")
    assert english.last[-1].request_contact  # the "send my number" key
    await english.shares_contact("+919830012345", own=False)
    assert "someone else's" in english.text()
    await english.shares_contact("919830012345")
    assert "Number saved" in english.text()
    assert english.last[0].remove_keyboard


async def test_html_in_name_comes_back_exactly_as_typed(english: ChatUser, db: Database) -> None:
    name = "<b>Rina</b> & *Das_ [x]"
    await to_step(english, "name")
    await english.says(name)
    state = await stored_state(db, english.user_id)
    assert state is not None and state.answers["name"] == name
    await to_step_from_business_to_review(english)
    assert "&lt;b&gt;Rina&lt;/b&gt; &amp; *Das_ [x]" in english.html()
    assert name in english.text().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


async def to_step_from_business_to_review(user: ChatUser) -> None:
    await user.presses("Skip")
    await user.presses("Bankura")
    await user.says("9830012345")
    await user.presses("Dokra")
    for _ in range(3):
        await user.presses("Skip")


async def test_back_goes_one_step_and_keeps_answers(english: ChatUser, db: Database) -> None:
    await to_step(english, "phone")
    await english.says("/back")
    assert "Which district" in english.text()
    assert "Now: Bankura" in english.text()
    await english.presses("⬅ Back")
    assert "business" in english.text()
    state = await stored_state(db, english.user_id)
    assert state is not None and state.answers["name"] == "Rina Das"


async def test_skip_only_where_optional(english: ChatUser) -> None:
    await to_step(english, "name")
    await english.says("/skip")
    assert "cannot be skipped" in english.text()
    assert "What is your name?" in english.text()


async def test_help_explains_the_current_question(english: ChatUser) -> None:
    await to_step(english, "gstin")
    await english.says("/help")
    assert "15 characters" in english.text()
    assert "GSTIN" in english.last[-1].text


async def test_cancel_keeps_answers_and_start_resumes(english: ChatUser, db: Database) -> None:
    await to_step(english, "craft")
    await english.says("/cancel")
    assert "/start" in english.text()
    await english.says("hello there")  # not an answer while paused
    state = await stored_state(db, english.user_id)
    assert state is not None and not state.active and state.step == "craft"
    await english.says("/start")
    assert "continue your registration" in english.text()
    assert "What do you make" in english.text()


async def test_restart_mid_registration_continues_where_it_was(
    db: Database, messages: Messages
) -> None:
    first = Router(db, messages, detect_language, zone=ZONE)
    user = ChatUser(first, 4004, language_code="en")
    await to_step(user, "craft")
    second = Router(
        db, messages, detect_language, zone=ZONE
    )  # a new process over the same database
    user.router = second
    await user.says("hand-painted pots")
    assert "GSTIN" in user.text()
    state = await stored_state(db, 4004)
    assert state is not None
    assert state.answers["name"] == "Rina Das" and state.answers["phone"] == "+919830012345"
    assert state.answers["craft"] == {"text": "hand-painted pots"}


async def test_redelivered_update_is_handled_once(english: ChatUser, db: Database) -> None:
    await to_step(english, "name")
    await english.send(kind="text", text="Rina Das", update_id=777000)
    again = await english.send(kind="text", text="Someone Else", update_id=777000)
    assert again == []
    state = await stored_state(db, english.user_id)
    assert state is not None and state.answers["name"] == "Rina Das"
    assert state.step == "business"


async def test_stale_button_is_refused_and_question_repeated(english: ChatUser) -> None:
    await to_step(english, "district")
    old_language_button = "f:reg:language:hi"
    await english.presses_data(old_language_button)
    assert "older message" in english.text()
    assert "Which district" in english.last[-1].text


@pytest.mark.parametrize("junk", ["", "x", "f:", "f:reg", "f:zz:yy:xx", "lang:zz", "edit:nope"])
async def test_forged_buttons_never_crash(english: ChatUser, junk: str) -> None:
    await to_step(english, "name")
    await english.presses_data(junk)
    assert english.last, "the bot always answers"
    assert "went wrong" not in english.text()


async def test_review_edit_changes_one_field(english: ChatUser, db: Database) -> None:
    await to_step(english, "name")
    await english.says("Rina Das")
    await to_step_from_business_to_review(english)
    await english.presses("Change something")
    await english.presses("Mobile number")
    await english.says("+91 70000 12345")
    assert "check your details" in english.text()  # straight back to the summary
    await english.presses("Yes, all correct")
    saved = await stored_seller(db, english.user_id)
    assert saved is not None and saved.phone == "+917000012345"


async def test_declining_consent_stores_nothing(english: ChatUser, db: Database) -> None:
    await english.says("/start")
    await english.presses("English")
    await english.presses("No")
    assert "nothing has been saved" in english.text()
    assert await stored_state(db, english.user_id) is None


async def test_unknown_command_mid_flow_repeats_question(english: ChatUser) -> None:
    await to_step(english, "phone")
    await english.says("/frobnicate now")
    assert "don't know that command" in english.text()
    assert "mobile number" in english.last[-1].text


async def test_a_message_before_start_begins_registration(router: Router) -> None:
    user = ChatUser(router, 5005, language_code="bn")
    await user.says("নমস্কার")
    assert "কোন ভাষায়" in user.text()


async def test_typed_words_of_one_button_press_it(seller: ChatUser, db: Database) -> None:
    """ "রাজি" typed for "✅ আমি রাজি", "হ্যাঁ" for "✅ হ্যাঁ, সব ঠিক আছে", "না" at the GSTIN."""
    await seller.says("/start")
    await seller.says("বাংলা")
    await seller.says("রাজি")
    assert "নাম" in seller.text()
    await seller.says("রিনা দাস")
    await seller.says("বাদ দিন")
    await seller.says("বাঁকুড়া")
    await seller.says("৯৮৩০০ ১২৩৪৫")
    await seller.presses("ডোকরা")
    await seller.says("না")  # no GSTIN: skipped, not "15 characters…"
    assert "১৫" not in seller.text()
    while "মিলিয়ে নিন" not in seller.text():
        await seller.says("বাদ দিন")
    await seller.says("হ্যাঁ")
    async with db.transaction() as repo:
        assert await repo.sellers.get(seller.user_id) is not None


async def test_same_as_my_pan_is_saved_but_not_taken_as_a_registered_iec(
    english: ChatUser, db: Database
) -> None:
    """The one-tap "Same as my PAN" fills the IEC with the PAN, says it works only once
    registered with DGFT, and the export check asks before counting it: "No" puts registering
    the IEC (ANF-2A, fee, where) on the seller's list."""
    await to_step(english, "gstin")
    await english.says("19AAECF2320D1Z5")
    await english.presses("Same as my PAN")
    said = english.text()
    assert "only after you register it on the DGFT website" in said and "ANF-2A" in said
    await english.presses("Skip")  # Udyam
    await english.presses("Yes, all correct")
    saved = await stored_seller(db, english.user_id)
    assert saved is not None and saved.iec == "AAECF2320D"

    await english.says("/check")
    await english.presses("An item not in my products")
    await english.says("jute bag")
    await english.presses("USA")
    asked = []
    for _ in range(25):
        data = [d for d in english.button_data() if d.startswith("f:elig:question:")]
        if not data:
            break
        qid = data[0].rsplit(":", 1)[1]
        asked.append(qid)
        if qid == "iec_registered":
            assert "registered on the DGFT website" in english.text()
        await english.presses("No" if qid == "iec_registered" else "Yes")
    assert asked.count("iec_registered") == 1 and "iec_updated" not in asked
    verdict = english.text()
    assert "🟡" in verdict and "Get an IEC" in verdict
    await english.presses("📖 Details")
    verdict = english.text()
    assert "works only after you register it with DGFT" in verdict  # why
    assert "ANF-2A" in verdict and "Cost: ₹500 fee." in verdict  # how, cost
    assert "Where: dgft.gov.in → Services → IEC" in verdict  # where
    async with db.transaction() as repo:
        check = await repo.checks.latest_of_seller(english.user_id)
    assert check is not None and check.answers["iec_registered"] == "no"
    [iec] = [f for f in check.findings if f["rule"] == "iec"]
    assert (iec["level"], iec["unknown"]) == ("readiness", False)


async def test_each_answer_gets_one_message(seller: ChatUser) -> None:
    """One message per step: "✓ saved" rides on the next question. After the shared contact,
    and at the end (to be sure), the "share my number" key is taken away in a message of its
    own (a message holds one keyboard, and the next one has buttons): those answers get two."""
    counts: dict[str, int] = {}
    steps = [
        ("start", seller.says("/start")),
        ("language", seller.presses("বাংলা")),
        ("consent", seller.presses("আমি রাজি")),
        ("name", seller.says("রিনা দাস")),
        ("business", seller.presses("বাদ দিন")),
        ("district", seller.presses("বাঁকুড়া")),
        ("phone", seller.shares_contact("+91 98300 12345")),
        ("craft", seller.presses("ডোকরা")),
        ("gstin", seller.says("না")),
        ("iec", seller.says("না")),
        ("udyam", seller.says("বাদ দিন")),
        ("confirm", seller.presses("হ্যাঁ, সব ঠিক আছে")),
    ]
    for name, action in steps:
        counts[name] = len(await action)
    assert counts.pop("phone") == 2 and counts.pop("confirm") == 2
    assert set(counts.values()) == {1}, str(counts)
