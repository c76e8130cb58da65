"""End to end: coordinators' /stats and /seller through the real python-telegram-bot
Application and the fake Bot API server."""

from __future__ import annotations

import io

from PIL import Image

from bot.settings import Settings
from storage.records import SellerRecord
from tests import test_e2e_telegram as e2e
from tests.fakebot import FakeBotApi, FakeUser
from tests.test_e2e_telegram import Bot

# The end-to-end fixtures: the fake Bot API server, and settings with ADMIN as administrator.
api, settings = e2e.api, e2e.settings

ADMIN = 900001
BANKURA, HOWRAH = 501, 502


async def test_stats_and_seller_card_over_telegram(api: FakeBotApi, settings: Settings) -> None:
    bot = await Bot.start(api, settings)
    try:
        async with bot.core.db.transaction() as repo:
            for uid, name, district, phone in (
                (2001, "Rina Das", "BNK", "+919830012001"),
                (2002, "Mina Pal", "BNK", "+919830012002"),
                (3001, "Tapas Roy", "HWH", "+919830013001"),
            ):
                await repo.sellers.save(
                    SellerRecord(user_id=uid, name=name, district=district, phone=phone)
                )
            await repo.products.create(2002, "BNK", {"name": "Dokra horse"})
        admin = FakeUser(api, user_id=ADMIN, first_name="Admin", language_code="en")
        await admin.says("/addcoordinator 501 Bankura")
        await admin.says("/addcoordinator 502 Howrah")

        bankura = FakeUser(api, user_id=BANKURA, first_name="Bapi", language_code="en")
        await bankura.says("/stats")
        sent = bankura.replies_since_last()
        photos = [m for m in sent if m.kind == "photo"]
        assert len(photos) == 1 and "Bankura" in photos[0].content
        assert "Howrah" not in " ".join(m.content for m in sent)
        assert photos[0].photo is not None
        chart = Image.open(io.BytesIO(photos[0].photo))
        chart.verify()
        assert chart.format == "PNG" and min(chart.size) >= 300

        await bankura.says("/seller Rina")
        card = bankura.last_message()
        assert "Rina Das" in card and "98300 12001" in card
        howrah = FakeUser(api, user_id=HOWRAH, first_name="Hari", language_code="en")
        await howrah.says("/seller 2001")
        assert "not in your districts" in howrah.last_message()
        assert "98300" not in howrah.last_message()

        seller = FakeUser(api, user_id=2001, first_name="Rina", language_code="en")
        await seller.says("/stats")
        refusal = " ".join(m.content for m in seller.replies_since_last())
        assert "only for district coordinators" in refusal
    finally:
        await bot.stop()
    assert api.violations == []
