"""Who a WhatsApp user is: a seller registered on Telegram under the same number is offered
their profile; Meta's business-scoped user id reaches the same user when the number is
withheld; messages to such a user go by that id."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.channels.service import ChatService
from storage.outbox import OutboxItem
from storage.records import SellerRecord
from tests.whatsapp_service import RINA, Meta, registered, until

BSUID = "IN.1410018717833190"


async def _telegram_seller(service: ChatService, phone: str) -> int:
    assert service.core is not None
    async with service.core.db.transaction() as repo:
        user = await repo.users.create("telegram", "5550001", "bn", "bn")
        now = datetime.now(UTC)
        await repo.sellers.save(
            SellerRecord(
                user.user_id,
                "রিনা দাস",
                "BNK",
                phone,
                craft_id="terracotta",
                consent_at=now,
                registered_at=now,
                updated_at=now,
            )
        )
        return user.user_id


async def _identities(service: ChatService, user_id: int) -> list[tuple[str, str]]:
    assert service.core is not None
    async with service.core.db.transaction() as repo:
        return sorted(await repo.users.identities(user_id))


async def test_a_telegram_seller_on_whatsapp_keeps_one_profile(meta: Meta) -> None:
    seller = await _telegram_seller(meta.service, "+" + RINA)
    offer = await meta.says(RINA, "নমস্কার")
    assert "রিনা দাস" in offer[-1].text and "বাঁকুড়া" in offer[-1].text
    done = await meta.presses(RINA, "হ্যাঁ")
    assert "রিনা দাস" in done[-1].text
    assert await _identities(meta.service, seller) == [("telegram", "5550001"), ("whatsapp", RINA)]

    menu = await meta.presses(RINA, "মেনু")
    titles = [title for message in menu for title, _ in message.choices]
    assert not any("নাম লেখান" in t for t in titles), titles  # a seller's menu, not a newcomer's
    again = await meta.says(RINA, "/start")
    assert "রিনা দাস" in again[0].text  # welcome back, by name
    assert meta.api.violations == []


async def test_declining_the_link_registers_anew(meta: Meta) -> None:
    seller = await _telegram_seller(meta.service, "+" + RINA)
    await meta.says(RINA, "/start")
    question = await meta.presses(RINA, "না")
    assert question and question[-1].choices  # the first registration question (language)
    assert await _identities(meta.service, seller) == [("telegram", "5550001")]
    # Changing one's mind on the old offer still works (WhatsApp vouches for the number);
    # a second press is an old button.
    await meta.presses(RINA, "হ্যাঁ, আমিই")
    assert await _identities(meta.service, seller) == [("telegram", "5550001"), ("whatsapp", RINA)]
    stale = await meta.presses(RINA, "হ্যাঁ, আমিই")
    assert stale and "রিনা দাস" not in stale[0].text
    assert meta.api.violations == []


async def test_another_number_is_not_offered_a_profile(meta: Meta) -> None:
    await _telegram_seller(meta.service, "+919830000000")
    first = await meta.says(RINA, "/start")
    assert not any("রিনা দাস" in m.text for m in first)


def _scoped(meta: Meta, text: str, *, with_number: bool) -> dict[str, Any]:
    message = meta.sender.message(RINA, "text", {"body": text})
    message["from_user_id"] = BSUID
    if not with_number:
        del message["from"]
    return message


async def test_a_withheld_number_still_reaches_the_same_user(meta: Meta) -> None:
    await meta.post(_scoped(meta, "/start", with_number=True))
    await registered(meta, RINA)
    assert meta.service.core is not None
    async with meta.service.core.db.transaction() as repo:
        user_id = await repo.users.find("whatsapp", RINA)
        assert user_id is not None
        assert await repo.users.find("whatsapp", BSUID) == user_id

    # Meta now withholds the number: the user is still known, and answered by that id.
    assert await meta.post(_scoped(meta, "/start", with_number=False)) == 200
    replies = meta.api.messages_to(BSUID)
    assert replies and "রিনা দাস" in replies[0].text

    # The outbox writes to where the user last wrote from: the scoped id, as "recipient".
    async with meta.service.core.db.transaction() as repo:
        recipients = await repo.outbox.recipients([user_id])
    assert recipients[user_id].address == BSUID  # last seen under the scoped id
    async with meta.service.core.db.transaction() as repo:
        await repo.outbox.enqueue(
            [
                OutboxItem(
                    recipient=user_id,
                    kind="notice",
                    message="flow-current-value",
                    args={"value": "খবর"},
                )
            ]
        )
    meta.api.open_windows.add(BSUID)
    await until(lambda: any("খবর" in m.text for m in meta.api.messages_to(BSUID)))
    assert meta.api.violations == []
