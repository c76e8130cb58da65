"""End to end: the real python-telegram-bot Application against the fake Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import Core, build_core, command_menu
from bot.channels.service import telegram_channel
from bot.channels.telegram import TelegramChannel
from bot.settings import Settings
from storage.db import Database
from tests.fakebot import FakeBotApi, FakeUser
from tests.images import good_photo

TOKEN = "123456:TEST-token"


class Bot:
    """One running bot process: core (database, router) and the Telegram channel."""

    def __init__(self, core: Core, channel: TelegramChannel) -> None:
        self.core, self.channel = core, channel

    @classmethod
    async def start(cls, api: FakeBotApi, settings: Settings) -> Bot:
        core = await build_core(settings)
        channel = telegram_channel(core, TOKEN, api.root)
        await channel.start_polling(poll_timeout=1)
        return cls(core, channel)

    async def stop(self) -> None:
        await self.core.router.flush()
        await self.channel.stop_polling()
        await self.core.close()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as server:
        yield server


@pytest.fixture
def settings(db_url: str, tmp_path: Path, api: FakeBotApi) -> Settings:
    return Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        telegram_api_url=api.root,
        database_url=db_url,
        data_dir=tmp_path,
        admin_telegram_ids="900001",
    )


async def test_register_in_bengali_with_a_restart_in_the_middle(
    api: FakeBotApi, settings: Settings
) -> None:
    bot = await Bot.start(api, settings)
    rina = FakeUser(api, user_id=1001, first_name="রিনা", language_code="bn")
    await rina.says("/start")
    assert "নমস্কার" in rina.last_message()
    await rina.presses("বাংলা")
    await rina.presses("আমি রাজি")
    await rina.says("রিনা <দাস> & কোং")
    await rina.presses("বাদ দিন")
    await rina.says("বাকুড়া")
    keyboard = rina.reply_keyboard()  # the "send my number" key
    assert keyboard is not None and keyboard[0][0].get("request_contact") is True

    await bot.stop()  # the process goes away in the middle of registration
    bot = await Bot.start(api, settings)

    await rina.shares_contact("+919830012345")
    assert "নম্বর রাখা হল" in " ".join(m.text for m in rina.replies_since_last())
    assert rina.reply_keyboard() is None  # the key goes once the number is in
    await rina.presses("ডোকরা")
    await rina.says("19AAECF2320D1Z6")  # one wrong character
    assert "মিলছে না" in rina.replies_since_last()[0].text
    await rina.says("19AAECF2320D1Z5")
    await rina.presses("AAECF2320D")
    await rina.presses("বাদ দিন")
    summary = rina.last_message()
    assert "রিনা <দাস> & কোং" in summary and "বাঁকুড়া" in summary
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    assert any("নিবন্ধন হয়ে গেছে" in m.text for m in rina.replies_since_last())

    async with bot.core.db.transaction() as repo:
        rina_id = await repo.users.find("telegram", "1001")  # a user of ours since /start
        assert rina_id is not None
        saved = await repo.sellers.get(rina_id)
    assert saved is not None
    assert (saved.name, saved.district, saved.phone, saved.craft_id) == (
        "রিনা <দাস> & কোং",
        "BNK",
        "+919830012345",
        "dokra",
    )
    await bot.stop()
    assert api.violations == []


async def test_bad_input_over_telegram(api: FakeBotApi, settings: Settings) -> None:
    bot = await Bot.start(api, settings)
    try:
        user = FakeUser(api, user_id=2002, first_name="Amit", language_code="en")
        await user.says("/start")
        await user.presses("English")
        await user.presses("I agree")
        await user.sends_sticker()
        assert "That is a sticker" in user.replies_since_last()[0].text
        await user.says("x" * 5000)
        assert "too long" in user.replies_since_last()[0].text
        await user.sends_voice()
        assert "voice message" in user.replies_since_last()[0].text
        await user.says("Amit <b>Roy</b> & *Sons_")
        await user.presses("Skip")
        await user.says("Atlantis")
        assert "23 districts" in user.replies_since_last()[0].text
        await user.presses_data("f:reg:language:hi")  # a button from an old message
        assert "older message" in user.replies_since_last()[0].text
        await user.says("/nonsense")
        assert "don't know that command" in user.replies_since_last()[0].text
        assert api.violations == []
    finally:
        await bot.stop()


async def test_redelivered_update_is_answered_once(api: FakeBotApi, settings: Settings) -> None:
    bot = await Bot.start(api, settings)
    try:
        user = FakeUser(api, user_id=3003, language_code="en")
        await user.says("/start")
        before = len(user.messages)
        await user.redelivers(expect_reply=False)
        assert len(user.messages) == before
    finally:
        await bot.stop()


async def test_blocked_user_is_marked(api: FakeBotApi, settings: Settings) -> None:
    bot = await Bot.start(api, settings)
    try:
        user = FakeUser(api, user_id=4004, language_code="en")
        await user.says("/start")
        api.blocked_chats.add(4004)
        await user.says("/help", expect_reply=False)
        db: Database = bot.core.db
        async with db.transaction() as repo:
            record = await repo.users.get(await repo.users.find("telegram", "4004") or 0)
        assert record is not None and record.blocked_at is not None
    finally:
        await bot.stop()


async def test_mydata_document_over_telegram(api: FakeBotApi, settings: Settings) -> None:
    bot = await Bot.start(api, settings)
    try:
        user = FakeUser(api, user_id=5005, language_code="en")
        await user.says("/start")
        await user.says("/mydata")
        document = user.last_document()
        async with bot.core.db.transaction() as repo:
            ours = await repo.users.find("telegram", "5005")
        assert document is not None and document.document_name == f"export-sathi-{ours}.json"
        assert api.violations == []
    finally:
        await bot.stop()


async def test_command_menu_is_published_in_each_language(
    api: FakeBotApi, settings: Settings
) -> None:
    bot = await Bot.start(api, settings)
    try:
        await bot.channel.publish_commands(command_menu(bot.core.router, bot.core.messages))
        by_language = {language: commands for (_, language), commands in api.commands.items()}
        assert set(by_language) == {"", "bn", "en", "hi"}
        assert by_language["en"][0] == {"command": "start", "description": "Register or continue"}
        assert by_language[""] == by_language["bn"]
        assert api.violations == []
    finally:
        await bot.stop()


async def test_a_user_who_blocked_and_came_back_is_reachable_again(
    api: FakeBotApi, settings: Settings
) -> None:
    bot = await Bot.start(api, settings)
    try:
        user = FakeUser(api, user_id=6006, language_code="en")
        await user.says("/start")
        api.blocked_chats.add(6006)
        await user.says("/help", expect_reply=False)
        api.blocked_chats.discard(6006)
        await user.says("/help")
        async with bot.core.db.transaction() as repo:
            record = await repo.users.get(await repo.users.find("telegram", "6006") or 0)
        assert record is not None and record.blocked_at is None
    finally:
        await bot.stop()


async def test_add_a_product_with_an_album_of_three_photos(
    api: FakeBotApi, settings: Settings
) -> None:
    bot = await Bot.start(api, settings)
    try:
        rina = FakeUser(api, user_id=7007, first_name="রিনা", language_code="bn")
        await rina.says("/start")
        await rina.presses("বাংলা")
        await rina.presses("আমি রাজি")
        await rina.says("রিনা দাস")
        await rina.says("দাস হস্তশিল্প")
        await rina.says("বাঁকুড়া")
        await rina.shares_contact("+919830012345")
        await rina.presses("টেরাকোটা")
        for _ in range(3):
            await rina.presses("বাদ দিন")
        await rina.presses("হ্যাঁ, সব ঠিক আছে")

        await rina.says("/addproduct")
        before = len(rina.messages)
        await rina.sends_album([good_photo(seed) for seed in (1, 2, 3)])
        answers = rina.messages[before:]
        assert len(answers) == 1, [m.text for m in answers]  # one answer for the album
        assert "৩টা ছবি পেলাম" in answers[0].text
        await rina.presses("হয়ে গেছে")
        await rina.presses("পাঁচমুড়া")
        await rina.presses("ঘোড়া")
        await rina.says("মাটি")
        await rina.says("৩০ সেমি")
        await rina.says("৮০০ গ্রাম")
        await rina.presses("লাল")
        await rina.says("১২০০ টাকা")
        await rina.says("৩")
        await rina.says("১০")
        await rina.says("হাতে তৈরি")
        review = rina.last_message()
        assert "Terracotta" in review and "Das" in review
        await rina.presses("হ্যাঁ, সব ঠিক আছে")
        assert "SKU ES-BNK-" in rina.last_message()
        await rina.says("/products")
        assert any(m.kind == "text" and "আপনার পণ্য" in m.text for m in rina.messages[-2:])
        assert api.violations == []
    finally:
        await bot.stop()
