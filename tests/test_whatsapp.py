"""The WhatsApp channel: webhook bodies decoded in full, replies in WhatsApp's shapes and limits,
errors by Meta's codes, and the service end to end against the Graph API stand-in, on SQLite
and PostgreSQL, with Meta's side of the webhook played by a signing sender."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from bot.channels import whatsapp
from bot.channels.templates import definitions, parameter, templates
from bot.i18n import Messages
from chat.outbound import Blocked, Button, Document, Outbound, RateLimited, Rejected, Transient
from content import LOCALES
from services import trainings
from storage.models import identities_t
from storage.outbox import OutboxItem
from tests.graphapi import MetaSender
from tests.images import good_photo
from tests.whatsapp_service import (
    APP_SECRET,
    PHONE_ID,
    RINA,
    VERIFY,
    Meta,
    registered,
    until,
)

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------- decoding


def _body(messages: list[dict[str, Any]], phone_id: str = PHONE_ID) -> dict[str, Any]:
    return json.loads(MetaSender("", APP_SECRET, PHONE_ID).body(messages, phone_number_id=phone_id))


def _message(wa_id: str, wamid: str, at: int, kind: str, content: dict[str, Any]) -> dict:
    return {"from": wa_id, "id": wamid, "timestamp": str(at), "type": kind, kind: content}


def test_every_entry_change_and_message_is_read_in_the_order_written() -> None:
    one = _body([_message(RINA, "w2", 20, "text", {"body": "দ্বিতীয়"})])
    two = _body(
        [
            _message(RINA, "w1", 10, "text", {"body": "প্রথম"}),
            _message(
                "91700",
                "w3",
                15,
                "interactive",
                {"type": "list_reply", "list_reply": {"id": "f:reg:x", "title": "x"}},
            ),
            _message(RINA, "w4", 30, "reaction", {"message_id": "w1", "emoji": "👍"}),
        ]
    )
    payload = {"object": "whatsapp_business_account", "entry": one["entry"] + two["entry"]}
    payload["entry"][0]["changes"].append(
        {
            "field": "messages",
            "value": {
                **one["entry"][0]["changes"][0]["value"],
                "messages": [],
                "statuses": [
                    {
                        "id": "wamid.out1",
                        "status": "delivered",
                        "timestamp": "40",
                        "recipient_id": RINA,
                    }
                ],
            },
        }
    )
    batch = whatsapp.decode(payload, PHONE_ID)
    assert [i.update_id for _, i in batch.messages] == ["w1", "w3", "w2"]  # reaction left out
    assert [i.kind for _, i in batch.messages] == ["text", "button", "text"]
    assert batch.messages[1][1].button == "f:reg:x"
    assert [(s.message_id, s.status) for s in batch.statuses] == [("wamid.out1", "delivered")]


def test_a_webhook_for_another_number_or_not_a_webhook() -> None:
    other = _body([_message(RINA, "w1", 1, "text", {"body": "hi"})], phone_id="999")
    assert whatsapp.decode(other, PHONE_ID).messages == ()
    for junk in ([], {"entry": "x"}, "text", None):
        with pytest.raises(ValueError):
            whatsapp.decode(junk, PHONE_ID)
    weird = {"entry": [1, {"changes": [None, {"field": "messages", "value": []}]}]}
    assert whatsapp.decode(weird, PHONE_ID).messages == ()


def test_kinds_of_message() -> None:
    def one(kind: str, content: dict[str, Any]) -> Any:
        batch = whatsapp.decode(_body([_message(RINA, "w", 1, kind, content)]), PHONE_ID)
        return batch.messages[0][1]

    command = one("text", {"body": "/Start now"})
    assert (command.kind, command.command, command.args) == ("command", "start", "now")
    photo = one("image", {"id": "m1", "mime_type": "image/jpeg", "caption": "দেখুন"})
    assert (photo.kind, photo.media.file_id, photo.text) == ("photo", "m1", "দেখুন")
    assert one("audio", {"id": "a", "voice": True}).kind == "voice"
    assert one("sticker", {"id": "s"}).kind == "sticker"
    assert one("video", {"id": "v"}).kind == "video"
    assert one("location", {"latitude": 22.5, "longitude": 88.3}).kind == "location"
    assert one("unsupported", {}).kind == "other"
    assert one("button", {"payload": "f:x", "text": "x"}).button == "f:x"


def test_images_in_a_row_are_one_album() -> None:
    images = [_message(RINA, f"w{n}", n, "image", {"id": f"m{n}"}) for n in range(3)]
    batch = whatsapp.decode(
        _body([*images, _message(RINA, "t", 9, "text", {"body": "x"})]), PHONE_ID
    )
    groups = [i.media_group_id for _, i in batch.messages]
    assert groups[0] == groups[1] == groups[2] is not None and groups[3] is None


def test_signatures() -> None:
    body = _body([_message(RINA, "w", 1, "text", {"body": "নমস্কার"})])
    raw = json.dumps(body).encode()
    assert whatsapp.signature_ok(APP_SECRET.encode(), raw, whatsapp.sign(APP_SECRET.encode(), raw))
    assert not whatsapp.signature_ok(
        APP_SECRET.encode(), raw + b" ", whatsapp.sign(APP_SECRET.encode(), raw)
    )
    assert not whatsapp.signature_ok(APP_SECRET.encode(), raw, None)
    assert not whatsapp.signature_ok(APP_SECRET.encode(), raw, "sha1=abc")


# --------------------------------------------------------------------------------- sending


def test_three_choices_are_reply_buttons_more_are_a_list() -> None:
    three = [Button(f"বোতাম {n}", f"p:{n}") for n in range(3)]
    (body,) = whatsapp.message_bodies(
        Outbound(1, "<b>প্রশ্ন</b> &amp; উত্তর", buttons=(tuple(three),))
    )
    assert body["interactive"]["type"] == "button"
    assert body["interactive"]["body"]["text"] == "*প্রশ্ন* & উত্তর"
    five = tuple((Button(f"সারি {n}", f"p:{n}"),) for n in range(5))
    (body,) = whatsapp.message_bodies(Outbound(1, "x", buttons=five, list_label="বেছে নিন"))
    assert body["interactive"]["type"] == "list"
    assert body["interactive"]["action"]["button"] == "বেছে নিন"
    assert len(body["interactive"]["action"]["sections"][0]["rows"]) == 5
    with pytest.raises(Rejected):
        whatsapp.message_bodies(
            Outbound(1, "x", buttons=tuple((Button("b", f"{n}"),) for n in range(11)))
        )


def test_button_titles_are_made_unique_and_long_text_moves_to_a_list() -> None:
    same = (Button("একই নাম", "a"), Button("একই নাম", "b"))
    (body,) = whatsapp.message_bodies(Outbound(1, "x", buttons=(same,)))
    titles = [b["reply"]["title"] for b in body["interactive"]["action"]["buttons"]]
    assert len(set(titles)) == 2
    (body,) = whatsapp.message_bodies(Outbound(1, "ক" * 2000, buttons=(same,)))
    assert body["interactive"]["type"] == "list"  # a button message's body holds 1024


def test_photo_and_document_go_by_uploaded_id() -> None:
    bodies = whatsapp.message_bodies(Outbound(1, "ছবি", photos=("/p/a.jpg",)), {"/p/a.jpg": "m1"})
    assert bodies == [{"type": "image", "image": {"id": "m1", "caption": "ছবি"}}]
    doc = Document("sellers.csv", b"a,b", "text/csv")
    bodies = whatsapp.message_bodies(Outbound(1, "ফাইল", document=doc), {"sellers.csv": "m2"})
    assert bodies[0]["document"] == {"id": "m2", "filename": "sellers.csv", "caption": "ফাইল"}


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [
        (400, 130429, RateLimited),
        (400, 131056, RateLimited),
        (400, 131026, Blocked),
        (400, 131047, whatsapp.OutsideWindow),
        (401, 190, whatsapp.TokenExpired),
        (400, 131009, Rejected),
        (500, 1, Transient),
        (502, 0, Transient),
    ],
)
def test_errors_by_code(status: int, code: int, error: type[Exception]) -> None:
    body = {"error": {"code": code, "message": "m"}} if code else None
    response = httpx.Response(status, json=body) if body else httpx.Response(status, text="<html>")
    assert type(whatsapp.error_of(response)) is error


# --------------------------------------------------------------------------------- settings


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("WHATSAPP", "TELEGRAM"))}
    return subprocess.run(
        [sys.executable, "run_bot.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_half_set_whatsapp_settings_exit_2_naming_what_is_missing(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path), "WHATSAPP_TOKEN": "secret-token-value"}
    env["WHATSAPP_APP_SECRET"] = "secret-app-value"
    result = _run(env, "--webhook")
    assert result.returncode == 2
    assert "WHATSAPP_PHONE_NUMBER_ID" in result.stderr and "WHATSAPP_VERIFY_TOKEN" in result.stderr
    assert "WHATSAPP_TOKEN," not in result.stderr  # only what is missing
    assert "secret-token-value" not in result.stderr + result.stdout
    assert "secret-app-value" not in result.stderr + result.stdout


# --------------------------------------------------------------------------------- end to end


async def test_handshake(meta: Meta) -> None:
    query = {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": VERIFY}
    async with meta.session.get(f"{meta.base}/whatsapp", params=query) as response:
        assert (response.status, await response.text()) == (200, "1158201444")
    query["hub.verify_token"] = "wrong"
    async with meta.session.get(f"{meta.base}/whatsapp", params=query) as response:
        assert response.status == 403


async def test_a_forged_or_unsigned_body_is_refused_and_not_read(meta: Meta) -> None:
    start = meta.sender.message(RINA, "text", {"body": "/start"})
    assert await meta.post(start, signature="sha256=" + "0" * 64) == 403
    assert await meta.post(start, signature=None) == 403
    assert meta.api.messages_to(RINA) == []
    body = b"not json"
    assert await meta.sender.post(meta.session, body) == 400


async def test_register_on_whatsapp(meta: Meta) -> None:
    first = await meta.says(RINA, "/start")
    assert "নমস্কার" in first[-1].text
    assert meta.api.read  # the blue ticks
    await meta.presses(RINA, "বাংলা")
    await meta.presses(RINA, "রাজি")
    await meta.says(RINA, "রিনা <দাস> & কোং")
    await meta.presses(RINA, "বাদ দিন")
    asked = await meta.says(RINA, "বাকুড়া")
    # No "share my number" key on WhatsApp: the number WhatsApp gave, to confirm with a tap
    assert asked[-1].choices[0][0] == "✅ +91 98300 12345"
    crafts = await meta.presses(RINA, "+91 98300 12345")
    assert any(len(m.choices) > 3 for m in crafts)  # the crafts as a list
    await meta.presses(RINA, "ডোকরা")
    await meta.presses(RINA, "বাদ দিন")  # no GSTIN
    await meta.presses(RINA, "বাদ দিন")  # no PAN
    summary = await meta.presses(RINA, "বাদ দিন")  # no Udyam number
    assert "রিনা <দাস> & কোং" in summary[-1].text and "বাঁকুড়া" in summary[-1].text
    done = await meta.presses(RINA, "হ্যাঁ")
    assert any("নিবন্ধন হয়ে গেছে" in m.text for m in done)
    assert meta.api.violations == []
    for message in meta.api.messages_to(RINA):
        assert "<b>" not in message.text  # WhatsApp shows HTML as it is: *bold* instead
        if os.environ.get("SHOW_WHATSAPP"):
            print(message.type, repr(message.text[:300]), message.choices)
    core = meta.service.core
    assert core is not None
    async with core.db.transaction() as repo:
        rina = await repo.users.find("whatsapp", RINA)
        assert rina is not None
        seller = await repo.sellers.get(rina)
    assert seller is not None
    assert (seller.name, seller.district, seller.phone) == (
        "রিনা <দাস> & কোং",
        "BNK",
        "+919830012345",
    )


async def test_another_number_can_be_typed_instead(meta: Meta) -> None:
    await meta.says(RINA, "/start")
    await meta.presses(RINA, "বাংলা")
    await meta.presses(RINA, "রাজি")
    await meta.says(RINA, "রিনা")
    await meta.presses(RINA, "বাদ দিন")
    await meta.says(RINA, "বাকুড়া")
    replies = await meta.says(RINA, "৯৮৩০০ ৫৫৫৫৫")  # her other phone, in Bengali digits
    assert "নম্বর রাখা হল" in replies[0].text
    assert meta.api.violations == []


async def test_a_redelivered_body_is_answered_once(meta: Meta) -> None:
    start = meta.sender.message(RINA, "text", {"body": "/start"})
    assert await meta.post(start) == 200
    count = len(meta.api.messages_to(RINA))
    assert await meta.post(start) == 200  # Meta's retry of the same message
    assert len(meta.api.messages_to(RINA)) == count


async def test_a_replay_of_a_week_old_message_is_not_handled(meta: Meta) -> None:
    old = meta.sender.message(RINA, "text", {"body": "/start"})
    old["timestamp"] = str(int(old["timestamp"]) - 8 * 24 * 3600)
    assert await meta.post(old) == 200
    assert meta.api.messages_to(RINA) == []


async def test_a_batch_of_two_users_is_handled_whole(meta: Meta) -> None:
    one = meta.sender.message(RINA, "text", {"body": "/start"})
    two = meta.sender.message("919830099999", "text", {"body": "/start"})
    assert await meta.post(one, two) == 200
    assert meta.api.messages_to(RINA) and meta.api.messages_to("919830099999")


async def test_bad_input_on_whatsapp(meta: Meta) -> None:
    await meta.says(RINA, "/start")
    question = meta.api.messages_to(RINA)[-1].text
    for kind, content in (
        ("sticker", {"id": "s1", "mime_type": "image/webp"}),
        ("audio", {"id": "a1", "voice": True}),
        ("location", {"latitude": 22.5, "longitude": 88.3}),
        ("unsupported", {}),
    ):
        replies = await meta._do(RINA, kind, content)
        assert replies, kind
        assert question in replies[-1].text or replies[-1].choices, kind
    stale = await meta._do(
        RINA, "interactive", {"type": "list_reply", "list_reply": {"id": "f:gone:1", "title": "x"}}
    )
    assert stale
    assert meta.api.violations == []


async def test_a_photo_is_downloaded_with_the_token(meta: Meta) -> None:
    await meta.says(RINA, "/start")
    media_id = meta.api.add_user_media(good_photo())
    replies = await meta._do(RINA, "image", {"id": media_id, "mime_type": "image/jpeg"})
    assert replies  # not expected here: told so, not crashed
    assert meta.api.violations == []


async def test_health_fails_while_the_token_is_refused(meta: Meta) -> None:
    async with meta.session.get(f"{meta.base}/healthz") as response:
        assert response.status == 200
    meta.api.token = "rotated"  # WHATSAPP_TOKEN no longer valid
    await meta.says(RINA, "/start")
    async with meta.session.get(f"{meta.base}/healthz") as response:
        assert response.status == 503


async def test_outside_the_window_an_unasked_message_goes_as_its_template(meta: Meta) -> None:
    other = "919830077777"
    await meta.says(RINA, "/start")
    await meta.says(other, "/start")
    meta.api.approved = {(t.name, loc) for t in templates().values() for loc in LOCALES}
    meta.api.open_windows.discard(other)  # a day went by since they last wrote
    core = meta.service.core
    assert core is not None
    async with core.db.transaction() as repo:
        ids = [await repo.users.find("whatsapp", wa) for wa in (RINA, other)]
        texts = {"bn": "কাল প্রশিক্ষণ & মেলা\nসকাল ১০টায়", "en": "Training tomorrow"}
        await repo.outbox.enqueue(
            [OutboxItem(uid, "broadcast", text_by_locale=texts) for uid in ids if uid]
        )
    await until(lambda: any(m.type == "template" for m in meta.api.messages_to(other)))
    await until(lambda: any("সকাল" in m.text for m in meta.api.messages_to(RINA)))
    template = [m for m in meta.api.messages_to(other) if m.type == "template"][-1]
    assert template.body["template"]["name"] == "export_sathi_announcement"
    assert template.body["template"]["language"]["code"] == "bn"
    assert "প্রশিক্ষণ" in template.text and "\n" not in template.text
    assert meta.api.messages_to(RINA)[-1].type == "text"  # inside the window: as it is
    assert meta.api.violations == []


def test_templates_print_in_meta_form() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.channels.templates"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert len(printed) == len(templates()) * len(LOCALES)
    for template in printed:
        body = template["components"][0]["text"]
        assert body.count("{{1}}") == 1 and "<b>" not in body
        assert template["category"] in ("UTILITY", "MARKETING")
    categories = {t["name"]: t["category"] for t in printed}
    assert categories["export_sathi_reminder"] == "UTILITY"
    assert categories["export_sathi_announcement"] == "MARKETING"
    (invite,) = [t for t in printed if t["name"] == "export_sathi_invite" and t["language"] == "en"]
    (buttons,) = [c["buttons"] for c in invite["components"] if c["type"] == "BUTTONS"]
    assert [b["type"] for b in buttons] == ["QUICK_REPLY", "QUICK_REPLY"]
    assert all(
        0 < len(b["text"]) <= 25
        for t in printed
        for c in t["components"]
        if c["type"] == "BUTTONS"
        for b in c["buttons"]
    )


def test_a_template_parameter_has_no_line_breaks() -> None:
    assert parameter("এক\n\nদুই\tতিন     চার") == "এক · দুই তিন   চার"
    assert len(parameter("ক" * 5000)) <= 1024


async def test_a_product_with_three_photos_in_one_body(meta: Meta) -> None:
    await registered(meta, RINA)
    await meta.says(RINA, "/addproduct")
    before = len(meta.api.messages_to(RINA))
    photos = [
        meta.sender.message(
            RINA,
            "image",
            {"id": meta.api.add_user_media(good_photo(seed)), "mime_type": "image/jpeg"},
        )
        for seed in (1, 2, 3)
    ]
    assert await meta.post(*photos) == 200
    await until(lambda: len(meta.api.messages_to(RINA)) > before)  # after the album's quiet
    answers = meta.api.messages_to(RINA)[before:]
    assert len(answers) == 1, [m.text for m in answers]  # one answer for the three
    assert "৩টা ছবি পেলাম" in answers[0].text
    await meta.presses(RINA, "হয়ে গেছে")
    await meta.presses(RINA, "পাঁচমুড়া")
    await meta.presses(RINA, "ঘোড়া")
    await meta.says(RINA, "মাটি")
    await meta.says(RINA, "৩০ সেমি")
    await meta.says(RINA, "৮০০ গ্রাম")
    await meta.presses(RINA, "লাল")
    await meta.says(RINA, "১২০০ টাকা")
    await meta.says(RINA, "৩")
    await meta.says(RINA, "১০")
    review = await meta.says(RINA, "হাতে তৈরি")
    assert any("Terracotta" in m.text for m in review)
    done = await meta.presses(RINA, "হ্যাঁ")
    assert any("SKU ES-BNK-" in m.text for m in done)
    assert meta.api.read  # marked read
    assert meta.api.violations == []


async def test_an_administrator_runs_the_programme_from_whatsapp(meta: Meta) -> None:
    admin = "917000000001"  # ADMIN_WHATSAPP_NUMBERS="+91 70000 00001"
    await registered(meta, RINA)
    stats = await meta.says(admin, "/stats")
    assert any(m.type == "image" for m in stats), [m.type for m in stats]  # the chart
    exported = await meta.says(admin, "/export")
    if os.environ.get("SHOW_WHATSAPP"):
        for m in meta.api.messages_to(admin):
            print(m.type, repr(m.text[:200]), m.choices, m.body.get("document"))
    assert exported
    mine = await meta.says(RINA, "/mydata")  # a seller's data, as a file
    documents = [m for m in mine if m.type == "document"]
    assert documents and documents[0].body["document"]["filename"].endswith(".json")
    assert meta.api.violations == []


async def test_delivered_and_read_are_counted_per_broadcast(meta: Meta) -> None:
    await meta.says(RINA, "/start")
    core = meta.service.core
    assert core is not None
    async with core.db.transaction() as repo:
        rina = await repo.users.find("whatsapp", RINA)
        assert rina is not None
        item = OutboxItem(rina, "broadcast", text_by_locale={"bn": "মেলা কাল"}, broadcast_id=77)
        await repo.outbox.enqueue([item])
    await until(lambda: any("মেলা" in m.text for m in meta.api.messages_to(RINA)))
    sent = next(m for m in meta.api.messages_to(RINA) if "মেলা" in m.text)
    tag = sent.body["biz_opaque_callback_data"]
    assert tag.startswith("outbox:")

    def status(name: str) -> dict[str, Any]:
        meta.sender.clock += 1
        return {
            "id": "wamid.out-x",
            "status": name,
            "timestamp": str(meta.sender.clock),
            "recipient_id": RINA,
            "biz_opaque_callback_data": tag,
        }

    for name in ("sent", "delivered", "read", "read"):  # Meta's retry repeats one
        body = meta.sender.body([], statuses=[status(name)])
        assert await meta.sender.post(meta.session, body) == 200
    async with core.db.transaction() as repo:
        counts = await repo.outbox.report(77)
    assert counts == {"total": 1, "sent": 1, "delivered": 1, "read": 1}


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
_fields = st.sampled_from(
    ["from", "id", "timestamp", "type", "text", "interactive", "image", "button", "contacts"]
)


@settings(max_examples=300, deadline=None)
@given(payload=_json)
def test_any_json_is_a_batch_or_a_value_error(payload: Any) -> None:
    wrapped = {"entry": [{"changes": [{"field": "messages", "value": payload}]}]}
    for body in (payload, wrapped, {"entry": payload}):
        with contextlib.suppress(ValueError):
            whatsapp.decode(body, PHONE_ID)


@settings(max_examples=300, deadline=None)
@given(changes=st.dictionaries(_fields, _json, max_size=6))
def test_a_mangled_message_never_breaks_the_decoder(changes: dict[str, Any]) -> None:
    """Any field of a real message replaced by anything: decoded or left out, never raised."""
    message = _message(RINA, "w1", 1, "text", {"body": "নমস্কার"})
    message.update(changes)
    batch = whatsapp.decode(_body([message]), PHONE_ID)
    for _, inbound in batch.messages:
        assert inbound.sender and inbound.update_id


async def test_photos_in_separate_bodies_are_one_album(meta: Meta) -> None:
    """Meta often posts each image on its own: close together, they are still one answer."""
    await registered(meta, RINA)
    await meta.says(RINA, "/addproduct")
    before = len(meta.api.messages_to(RINA))
    for seed in (1, 2, 3):
        media = meta.api.add_user_media(good_photo(seed))
        image = meta.sender.message(RINA, "image", {"id": media, "mime_type": "image/jpeg"})
        assert await meta.post(image) == 200
    await until(lambda: len(meta.api.messages_to(RINA)) > before)
    answers = meta.api.messages_to(RINA)[before:]
    assert len(answers) == 1 and "৩টা ছবি পেলাম" in answers[0].text, [m.text for m in answers]


async def test_an_invitation_outside_the_window_is_answered_by_its_quick_replies(
    meta: Meta,
) -> None:
    await registered(meta, RINA)
    meta.api.approve(definitions(Messages()))
    meta.api.open_windows.discard(RINA)  # a day went by
    core = meta.service.core
    assert core is not None
    async with core.db.transaction() as repo:
        training, invited = await trainings.create(
            repo,
            title="রফতানির প্রশিক্ষণ",
            place="বাঁকুড়া জেলা শিল্প কেন্দ্র",
            starts_at=datetime.now(UTC) + timedelta(days=3),
            capacity=20,
            districts=["BNK"],
            creator=1,
            zone=ZoneInfo("Asia/Kolkata"),
            label=core.router.renderer.label,
        )
    assert invited == 1
    await until(lambda: any(m.type == "template" for m in meta.api.messages_to(RINA)))
    invite = [m for m in meta.api.messages_to(RINA) if m.type == "template"][-1]
    assert invite.body["template"]["name"] == "export_sathi_invite"
    assert "রফতানির প্রশিক্ষণ" in invite.text
    assert [title for title, _ in invite.choices] == ["✅ আসব", "❌ আসতে পারব না"]

    answer = await meta.presses(RINA, "আসব")  # the tap opens the window; the answer is free-form
    assert answer and "রফতানির প্রশিক্ষণ" in answer[0].text
    async with core.db.transaction() as repo:
        assert (await repo.trainings.counts([training.id]))[training.id]["yes"] == 1
    assert meta.api.violations == []


@pytest.mark.slow  # paced in real time (about 4 s at 80/s)
async def test_a_broadcast_to_300_across_the_window_at_metas_pace(meta: Meta) -> None:
    """A third wrote today (free-form), the rest did not (the announcement template); the
    stand-in enforces 80/s and the pair rate: none is refused, each gets it once."""
    core = meta.service.core
    assert core is not None
    meta.api.approve(definitions(Messages()))
    meta.api.throughput, meta.api.pair_burst = 80, 45
    users = {f"91980{n:07d}": n for n in range(300)}
    async with core.db.transaction() as repo:
        ids = []
        for wa_id in users:
            ids.append(await repo.users.ensure("whatsapp", wa_id, "bn"))
        texts = {"bn": "কাল হাট বসবে", "en": "Market tomorrow"}
        await repo.outbox.enqueue(
            [OutboxItem(uid, "broadcast", text_by_locale=texts) for uid in ids]
        )
        # Two thirds last wrote two days ago: their window is closed, as the bot knows.
        stale = datetime.now(UTC) - timedelta(days=2)
        i = identities_t.c
        await repo.connection.execute(
            update(identities_t)
            .where(i.channel == "whatsapp", i.external_id.in_(list(users)[100:]))
            .values(last_seen_at=stale)
        )
    meta.api.open_windows.update(list(users)[:100])

    await until(lambda: all(meta.api.messages_to(wa) for wa in users), seconds=60)
    await asyncio.sleep(0.5)  # nothing more comes
    got = {wa: meta.api.messages_to(wa) for wa in users}
    assert all(len(messages) == 1 for messages in got.values())
    kinds = [got[wa][0].type for wa in users]
    assert kinds[:100] == ["text"] * 100 and kinds[100:] == ["template"] * 200
    assert meta.api.refused == {} and meta.api.violations == []


async def test_an_export_check_on_whatsapp(meta: Meta) -> None:
    """A described item with peacock feathers: every question as buttons or a list within
    WhatsApp's limits, and the verdict that it cannot go."""
    await registered(meta, RINA)
    await meta.says(RINA, "/check")
    await meta.presses(RINA, "এমন জিনিস")
    await meta.says(RINA, "ময়ূরের পালকের পাখা")
    last = meta.api.messages_to(RINA)[-1]
    titles = [title for title, _ in last.choices]
    await meta.presses(RINA, "USA" if any("USA" in t for t in titles) else "যেকোনো")
    for _ in range(20):
        last = meta.api.messages_to(RINA)[-1]
        if not any(data.startswith("f:elig:question:") for _, data in last.choices):
            break
        await meta.presses(RINA, "না")
    assert any("⛔" in m.text for m in meta.api.messages_to(RINA)[-3:])
    assert meta.api.violations == []


async def test_a_25_mb_file_at_the_photo_step_is_refused_kindly(meta: Meta) -> None:
    await registered(meta, RINA)
    await meta.says(RINA, "/addproduct")
    question = meta.api.messages_to(RINA)[-1].text
    huge = meta.api.add_user_media(b"\xff\xd8" + b"\0" * (25 * 1024 * 1024), "image/jpeg")
    replies = await meta._do(
        RINA, "document", {"id": huge, "mime_type": "image/jpeg", "filename": "IMG.jpg"}
    )
    said = " ".join(m.text for m in replies)
    assert "২০ MB" in said and question in said
    assert meta.api.violations == []


def test_a_photo_with_buttons_costs_two_messages_of_the_rate() -> None:
    plain = Outbound(chat_id=RINA, text="নমস্কার")
    photo = Outbound(
        chat_id=RINA,
        text="মেলা",
        photos=("a.jpg",),
        buttons=((Button("হ্যাঁ", "x:1"),),),
    )
    assert whatsapp.message_count(plain) == 1
    assert whatsapp.message_count(photo) == 2
    assert whatsapp.message_count(Outbound(chat_id=RINA, text="x" * 5000)) == 1  # refused: 1
