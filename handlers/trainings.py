"""Trainings: /newtraining, invitations answered with a button, /trainings, and attendance."""

from __future__ import annotations

from datetime import timedelta

from chat import callbacks
from chat.replies import Choice, Reply, rows
from flows.trainings import NEW_TRAINING, new_training, start_data
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role
from handlers.turn import Turn
from services import trainings
from services.access import Viewer, scope_of
from services.places import district_names
from services.when import when_text
from storage.trainings import NO, YES, TrainingRecord

STAFF_LOOKBACK = timedelta(days=14)
SELLER_LIST = 5
STAFF_LIST = 15
# One keyboard; Telegram allows about 100 buttons, and a long list is unusable on a phone.
ATTENDANCE_LIST = 60
MAX_TRAINING_ID = 2**31 - 1  # an INTEGER column: a bigger forged id must not reach the query
MAX_USER_ID = 2**63 - 1


def _id(text: str, limit: int = MAX_TRAINING_ID) -> int | None:
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    value = int(text)
    return value if 0 < value <= limit else None


def _when(turn: Turn, training: TrainingRecord) -> str:
    return when_text(training.starts_at, turn.locale, turn.zone, turn.ctx.label)


def _may_manage(viewer: Viewer, training: TrainingRecord) -> bool:
    return viewer.is_admin or bool(viewer.districts & training.districts)


# --- /newtraining -----------------------------------------------------------------------------


async def new(turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    turn.dialogue.pause()
    turn.dialogue.start(NEW_TRAINING, data=start_data(viewer.districts, viewer.is_admin))


# --- /trainings -------------------------------------------------------------------------------


async def listing(turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    seller = await turn.seller()
    if seller is not None:
        await _seller_list(turn, seller.district)
    if viewer.is_staff:
        await _staff_list(turn, viewer)
    if seller is None and not viewer.is_staff:
        turn.say(Reply("trn-register-first"))
    turn.dialogue.ask_again()


def _rsvp_buttons(training_id: int) -> tuple[tuple[Choice, ...], ...]:
    return (
        (
            Choice(callbacks.TRAINING_YES.data(training_id), key="btn-trn-yes"),
            Choice(callbacks.TRAINING_NO.data(training_id), key="btn-trn-no"),
        ),
    )


async def _seller_list(turn: Turn, district: str) -> None:
    repo = turn.repo
    found = await repo.trainings.upcoming_for_district(district, turn.now, SELLER_LIST)
    if not found:
        turn.say(Reply("trn-none-seller"))
        return
    answers = await repo.trainings.answers_of(turn.user_id, (t.id for t in found))
    turn.say(Reply("trn-seller-title", {"count": len(found)}))
    for training in found:
        turn.say(
            Reply(
                "trn-seller-card",
                {
                    "title": training.title,
                    "when": _when(turn, training),
                    "place": training.place,
                    "answer": answers.get(training.id, "none"),
                },
                choices=_rsvp_buttons(training.id),
            )
        )


async def _staff_list(turn: Turn, viewer: Viewer) -> None:
    repo, now = turn.repo, turn.now
    found = await repo.trainings.for_districts(scope_of(viewer), now - STAFF_LOOKBACK, STAFF_LIST)
    if not found:
        new = Choice(callbacks.menu("newtraining"), key="trn-btn-new")
        turn.say(Reply("trn-none-staff", choices=((new,),)))
        return
    counts = await repo.trainings.counts(t.id for t in found)
    turn.say(Reply("trn-staff-title", {"count": len(found)}))
    for training in found:
        count = counts[training.id]
        started = training.starts_at <= now
        status = "cancelled" if training.cancelled_at else ("started" if started else "upcoming")
        buttons: list[Choice] = []
        if status == "started":
            buttons.append(
                Choice(callbacks.TRAINING_ATTENDANCE.data(training.id), key="trn-btn-attendance")
            )
        elif status == "upcoming":
            buttons.append(
                Choice(callbacks.TRAINING_CANCEL.data(training.id), key="trn-btn-cancel")
            )
        turn.say(
            Reply(
                "trn-staff-card",
                {
                    "status": status,
                    "title": training.title,
                    "when": _when(turn, training),
                    "place": training.place,
                    "districts": district_names(sorted(training.districts), turn.locale),
                    "yes": count[YES],
                    "no": count[NO],
                    "none": max(training.invited - count[YES] - count[NO], 0),
                    "capacity": training.capacity if training.capacity else "—",
                    "came": count["came"],
                },
                choices=rows(buttons),
            )
        )


# --- a seller's answer: trn:yes|no:<id> -------------------------------------------------------


async def rsvp(turn: Turn, parts: tuple[str, ...], given: str) -> None:
    seller = await turn.seller()
    training_id = _id(parts[0]) if len(parts) == 1 else None
    if seller is None or training_id is None:
        turn.say(Reply("error-stale-button"))
        await turn.dialogue.reprompt()
        return
    existing = await turn.repo.trainings.get(training_id)
    when = _when(turn, existing) if existing is not None else ""
    taken, training = await trainings.answer(turn.repo, seller, training_id, given, turn.now, when)
    refusal = trainings.rsvp_refusal(taken, training)
    if refusal is not None or training is None:
        turn.say(refusal or Reply("trn-not-for-you"))
        turn.dialogue.ask_again()
        return
    if given == YES:
        key, other = (
            "trn-rsvp-yes",
            Choice(callbacks.TRAINING_NO.data(training.id), key="btn-trn-no"),
        )
    else:
        key, other = (
            "trn-rsvp-no",
            Choice(callbacks.TRAINING_YES.data(training.id), key="btn-trn-yes"),
        )
    turn.say(
        Reply(
            key,
            {"title": training.title, "when": when, "place": training.place},
            choices=((other,),),
        )
    )
    turn.dialogue.ask_again()


async def yes_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await rsvp(turn, parts, YES)


async def no_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await rsvp(turn, parts, NO)


async def list_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await listing(turn, "")


# --- a coordinator's buttons: attendance and cancelling ----------------------------------------


async def _managed(turn: Turn, parts: tuple[str, ...]) -> tuple[Viewer, TrainingRecord] | None:
    """The training of a staff button, if the presser may manage it (scope checked again)."""
    viewer = await turn.viewer()
    training_id = _id(parts[0]) if parts else None
    if training_id is None:
        turn.say(Reply("error-stale-button"))
        await turn.dialogue.reprompt()
        return None
    training = await turn.repo.trainings.get(training_id)
    if training is None or not _may_manage(viewer, training):
        turn.say(Reply("trn-not-yours"))
        turn.dialogue.ask_again()
        return None
    return viewer, training


async def attendance_button(turn: Turn, parts: tuple[str, ...]) -> None:
    """trn:att:<id> shows who said yes; trn:att:<id>:<seller> marks one present or not."""
    if len(parts) not in (1, 2):
        turn.say(Reply("error-stale-button"))
        await turn.dialogue.reprompt()
        return
    if (managed := await _managed(turn, parts)) is None:
        return
    viewer, training = managed
    if _not_running(turn, training):
        turn.dialogue.ask_again()
        return
    repo = turn.repo
    sellers = await repo.trainings.yes_sellers(training.id)
    if len(parts) == 2:
        user_id = _id(parts[1], MAX_USER_ID)
        if user_id is None or user_id not in {uid for uid, _ in sellers}:
            turn.say(Reply("error-stale-button"))
            turn.dialogue.ask_again()
            return
        await repo.trainings.toggle_attendance(training.id, user_id, viewer.user_id)
    elif turn.staff is not None:
        turn.staff.read("trn_attendance", len(sellers), id=training.id)
    if not sellers:
        turn.say(Reply("trn-att-nobody", {"title": training.title}))
        turn.dialogue.ask_again()
        return
    came = await repo.trainings.attended(training.id)
    shown = sellers[:ATTENDANCE_LIST]
    toggles = [
        Choice(
            callbacks.TRAINING_MARK.data(training.id, uid),
            key="trn-att-on" if uid in came else "trn-att-off",
            args={"name": name},
        )
        for uid, name in shown
    ]
    done = Choice(callbacks.TRAINING_ATTENDANCE_DONE.data(training.id), key="trn-btn-att-done")
    more = len(sellers) - len(shown)
    turn.say(
        Reply(
            "trn-att-title",
            {"title": training.title, "count": len(came), "total": len(sellers)},
            choices=(*rows(toggles, 2), (done,)),
            parts=(Reply("trn-att-more", {"count": more}),) if more > 0 else (),
        )
    )
    turn.dialogue.ask_again()


def _not_running(turn: Turn, training: TrainingRecord) -> bool:
    """Attendance is for a training that took place: say why not otherwise."""
    if training.cancelled_at is not None:
        turn.say(Reply("trn-was-cancelled", {"title": training.title}))
        return True
    if training.starts_at > turn.now:
        turn.say(Reply("trn-att-not-yet", {"title": training.title}))
        return True
    return False


async def attendance_done_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if (managed := await _managed(turn, parts)) is None:
        return
    _, training = managed
    if not _not_running(turn, training):
        came = await turn.repo.trainings.attended(training.id)
        turn.say(Reply("trn-att-saved", {"title": training.title, "count": len(came)}))
    turn.dialogue.ask_again()


async def cancel_button(turn: Turn, parts: tuple[str, ...], confirmed: bool = False) -> None:
    if (managed := await _managed(turn, parts)) is None:
        return
    _, training = managed
    if training.cancelled_at is not None:
        turn.say(Reply("trn-was-cancelled", {"title": training.title}))
    elif training.starts_at <= turn.now:
        turn.say(Reply("trn-started", {"title": training.title}))
    elif not confirmed:
        turn.say(
            Reply(
                "trn-cancel-confirm",
                {"title": training.title, "when": _when(turn, training)},
                choices=(
                    (
                        Choice(
                            callbacks.TRAINING_CANCEL_CONFIRMED.data(training.id),
                            key="trn-btn-cancel-yes",
                        ),
                    ),
                    (Choice(callbacks.TRAINING_LIST.data(), key="trn-btn-cancel-no"),),
                ),
            )
        )
    else:
        told = await trainings.cancel(turn.repo, training, turn.user_id, turn.zone, turn.ctx.label)
        turn.say(Reply("trn-cancel-done", {"title": training.title, "count": told}))
    turn.dialogue.ask_again()


async def cancel_confirmed_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await cancel_button(turn, parts, confirmed=True)


FEATURE = Feature(
    "trainings",
    flows=(new_training,),
    commands=(
        Command("trainings", listing, listed=True, help="help-cmd-trainings"),
        Command("newtraining", new, role=Role.COORDINATOR, help="help-cmd-newtraining"),
    ),
    buttons=(
        Button((callbacks.TRAINING_YES,), yes_button, Role.SELLER),
        Button((callbacks.TRAINING_NO,), no_button, Role.SELLER),
        Button((callbacks.TRAINING_LIST,), list_button),
        Button(
            (callbacks.TRAINING_ATTENDANCE, callbacks.TRAINING_MARK),
            attendance_button,
            Role.COORDINATOR,
        ),
        Button((callbacks.TRAINING_ATTENDANCE_DONE,), attendance_done_button, Role.COORDINATOR),
        Button((callbacks.TRAINING_CANCEL,), cancel_button, Role.COORDINATOR),
        Button((callbacks.TRAINING_CANCEL_CONFIRMED,), cancel_confirmed_button, Role.COORDINATOR),
    ),
    menu=(MenuEntry("trainings", "menu-trainings", Audience.SELLER),),
)
