"""Every screen adapts to what a channel can show: a narrow channel (three buttons a message,
short labels, list menus of ten rows, no "share my number" key, no zip files) still gets every
question, with pages, lists and short forms; the markup renders per channel."""

from __future__ import annotations

from dataclasses import replace

from chat.capabilities import UNLIMITED, Capabilities
from chat.markup import bold, escape, plain, problems, whatsapp
from chat.replies import Attachment, Choice, Reply
from handlers.render import Renderer
from handlers.router import Router
from tests.chat import ChatUser

NARROW = Capabilities(
    text_limit=1024,
    caption_limit=1024,
    buttons=3,
    per_row=3,
    label_limit=20,
    payload_limit=256,
    list_rows=10,
    contact_request=False,
    album=1,
    documents=frozenset({"application/json", "text/csv"}),
)


def narrow_user(router: Router, user_id: int = 1001) -> ChatUser:
    router.capabilities["narrow"] = NARROW
    user = ChatUser(router, user_id, language_code="bn")
    user.channel = "narrow"
    return user


async def test_a_long_list_of_choices_comes_a_page_at_a_time(router: Router) -> None:
    user = narrow_user(router)
    await user.says("/start")
    await user.presses("বাংলা")
    await user.presses("রাজি")
    await user.says("রিনা দাস")
    await user.presses("বাদ দিন")  # the business name
    seen: list[str] = []
    for _ in range(5):  # 23 districts: nine a page (a list of ten rows) and a "more"
        [question] = [o for o in user.last if o.buttons]
        labels = [b.label for row in question.buttons for b in row]
        assert question.as_list and len(labels) <= NARROW.list_rows
        assert all(len(x) <= 20 for x in labels)
        if "হুগলি" in labels:  # the last in Bengali order
            break
        seen += labels[:-1]
        await user.presses("আরও")
    await user.presses("হুগলি")
    assert "ফোন" in user.text() or "মোবাইল" in user.text()
    assert "(নম্বরটা লিখে পাঠান" in user.text()  # no "share my number" key on this channel
    assert len(set(seen)) == len(seen) >= 10  # new districts on every page


async def test_the_menu_is_a_list_or_pages(router: Router) -> None:
    user = narrow_user(router)
    await user.says("/language")
    [languages] = user.last
    assert not languages.as_list and len(languages.buttons) == 3  # three fit as buttons
    await user.says("/menu")
    [menu] = [o for o in user.last if o.buttons]
    assert menu.as_list or len([b for row in menu.buttons for b in row]) <= NARROW.buttons


def test_labels_get_their_short_form_or_are_cut(messages: object) -> None:
    class Catalogue:
        def text(self, locale: str, key: str, args: object = None) -> str:
            return {"long": "A very long label for a button indeed"}.get(key, key)

        def short(self, locale: str, key: str, args: object = None) -> str | None:
            return {"long": "Short one"}.get(key)

    renderer = Renderer(Catalogue())
    reply = Reply(
        "title", choices=((Choice("a", key="long"), Choice("b", text="Ünïcødé label too long")),)
    )
    [out] = renderer.outbound(reply, 5, "en", NARROW)
    short, cut = [b.label for row in out.buttons for b in row]
    assert short == "Short one"
    assert len(cut) <= 20 and cut.startswith("Ünïcødé label") and cut.endswith("…")


def test_what_a_channel_cannot_carry_is_said_in_words(messages: object) -> None:
    renderer = Renderer(messages)  # type: ignore[arg-type]
    photos = Reply(
        "prod-list", {"count": 3}, photos=("a.jpg", "b.jpg"), attachment=Attachment("p.zip")
    )
    zipped = Reply("export-photos", {"part": 1, "parts": 1}, attachment=Attachment(
        "photos.zip", mime_type="application/zip", path="/tmp/photos.zip"))  # fmt: skip
    [out] = renderer.outbound(photos, 5, "en", NARROW)
    assert out.photos == ("a.jpg",) and out.document is not None  # JSON is fine here
    [out] = renderer.outbound(zipped, 5, "en", NARROW)
    assert out.document is None and "photos.zip" in plain(out.text)


def test_more_choices_than_a_message_holds_go_in_several_messages(messages: object) -> None:
    renderer = Renderer(messages)  # type: ignore[arg-type]
    choices = tuple((Choice(f"x:{n}", text=f"Seller {n}"),) for n in range(25))
    outs = renderer.outbound(Reply("cs-seller-more", choices=choices), 5, "en", NARROW)
    shown = [b.data for out in outs for row in out.buttons for b in row]
    assert shown == [f"x:{n}" for n in range(25)] and len(outs) == 3  # ten in each list
    assert all(out.as_list for out in outs)


def test_the_markup_renders_for_each_channel() -> None:
    markup = f'{bold("Rina <Das> & Co")} — see <a href="https://example.org/a?b=1&amp;c=2">this</a>'
    assert problems(markup) == []
    assert plain(markup) == "Rina <Das> & Co — see this"
    assert whatsapp(markup) == "*Rina <Das> & Co* — see this (https://example.org/a?b=1&c=2)"
    assert escape("<b>") == "&lt;b&gt;"
    assert problems("<i>x</i>") and problems("<b>x") and problems("a < b") and problems("a & b")


def test_every_message_is_in_the_markup(messages: object) -> None:
    from bot.i18n import Messages
    from content import LOCALES

    assert isinstance(messages, Messages)
    for locale in LOCALES:
        for key, variables in messages.catalogue[locale].items():
            args = {name: "x" for name in variables}
            found = problems(messages.text(locale, key, args))
            assert not found, (locale, key, found)


def test_short_forms_come_from_the_messages(messages: object) -> None:
    renderer = Renderer(messages)  # type: ignore[arg-type]
    choice = Choice("elig:start", key="btn-check-now")
    assert renderer.label(choice, "bn") == "✅ রফতানি করা যাবে কিনা দেখুন"
    assert renderer.label(choice, "bn", NARROW.label_limit) == "✅ রফতানি যাচাই"
    for locale in ("en", "hi"):
        assert len(renderer.label(choice, locale, NARROW.label_limit)) <= NARROW.label_limit


def test_a_plain_message_joins_the_question_after_it() -> None:
    from chat.outbound import Button, Outbound
    from handlers.render import joined

    saved = Outbound(chat_id=1, text="✓ saved")
    question = Outbound(chat_id=1, text="Next?", buttons=((Button("Yes", "y"),),))
    assert joined([saved, question], UNLIMITED) == [
        Outbound(chat_id=1, text="✓ saved\n\nNext?", buttons=question.buttons)
    ]
    # Not onto a picture or a file, not after buttons, not past the channel's length, and a
    # keyboard removal never meets buttons in one message.
    photo = Outbound(chat_id=1, text="caption", photos=("a.jpg",))
    assert len(joined([saved, photo], UNLIMITED)) == 2
    assert len(joined([question, saved], UNLIMITED)) == 2
    removing = Outbound(chat_id=1, text="✓ number saved", remove_keyboard=True)
    assert len(joined([removing, question], UNLIMITED)) == 2
    assert joined([removing, saved], UNLIMITED)[0].remove_keyboard
    narrow = replace(UNLIMITED, text_limit=10)
    assert len(joined([saved, question], narrow)) == 2
