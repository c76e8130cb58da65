"""Trainings: /newtraining, invitations answered with a button, /trainings, and attendance."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from chat.replies import Choice, Reply, rows
from flows.engine import Flow
from flows.registration import district_label
from flows.trainings import NEW_TRAINING, new_training, start_data, when_text
from handlers.pause import pause
from services.access import Viewer
from storage.outbox import OutboxItem
from storage.trainings import NO, YES, TrainingRecord, reminder_refs

if TYPE_CHECKING:
    from handlers.router import Router, Turn

# Reminders before the start, for those who said yes: (how long before, outbox ref suffix).
REMINDERS = ((timedelta(hours=24), "trn-reminder-24h"), (timedelta(hours=1), "trn-reminder-1h"))
ANSWERED = "answered"  # why a seller's pending rows were skipped (reminders return on a yes)
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


def _when(router: Router, turn: Turn, training: TrainingRecord) -> str:
    return when_text(training.starts_at, turn.ctx.locale, router.renderer.label)


def _districts(training: TrainingRecord, locale: str) -> str:
    return ", ".join(district_label(code, locale) for code in sorted(training.districts))


def _may_manage(viewer: Viewer, training: TrainingRecord) -> bool:
    return viewer.is_admin or bool(viewer.districts & training.districts)


async def _after(router: Router, turn: Turn) -> None:
    """A button answered outside the open question: ask that question again below it."""
    if router.active(turn):
        turn.replies += router.engine.prompt(turn.ctx)


# --- /newtraining -----------------------------------------------------------------------------


async def new(router: Router, turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    if router.active(turn):
        pause(turn)
    turn.replies += router.engine.start(
        turn.ctx, NEW_TRAINING, data=start_data(viewer.districts, viewer.is_admin)
    )


# --- /trainings -------------------------------------------------------------------------------


async def listing(router: Router, turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    seller = await turn.repo.sellers.get(turn.user.user_id)
    if seller is not None:
        await _seller_list(router, turn, seller.district)
    if viewer.is_staff:
        await _staff_list(router, turn, viewer)
    if seller is None and not viewer.is_staff:
        turn.replies.append(Reply("trn-register-first"))
    await _after(router, turn)


def _rsvp_buttons(training_id: int) -> tuple[tuple[Choice, ...], ...]:
    return (
        (
            Choice(f"trn:yes:{training_id}", key="btn-trn-yes"),
            Choice(f"trn:no:{training_id}", key="btn-trn-no"),
        ),
    )


async def _seller_list(router: Router, turn: Turn, district: str) -> None:
    repo, now = turn.repo, turn.ctx.now
    trainings = await repo.trainings.upcoming_for_district(district, now, SELLER_LIST)
    if not trainings:
        turn.replies.append(Reply("trn-none-seller"))
        return
    answers = await repo.trainings.answers_of(turn.user.user_id, (t.id for t in trainings))
    turn.replies.append(Reply("trn-seller-title", {"count": len(trainings)}))
    for training in trainings:
        turn.replies.append(
            Reply(
                "trn-seller-card",
                {
                    "title": training.title,
                    "when": _when(router, turn, training),
                    "place": training.place,
                    "answer": answers.get(training.id, "none"),
                },
                choices=_rsvp_buttons(training.id),
            )
        )


async def _staff_list(router: Router, turn: Turn, viewer: Viewer) -> None:
    repo, now = turn.repo, turn.ctx.now
    districts = None if viewer.is_admin else viewer.districts
    trainings = await repo.trainings.for_districts(districts, now - STAFF_LOOKBACK, STAFF_LIST)
    if not trainings:
        turn.replies.append(
            Reply("trn-none-staff", choices=((Choice("menu:newtraining", key="trn-btn-new"),),))
        )
        return
    counts = await repo.trainings.counts(t.id for t in trainings)
    turn.replies.append(Reply("trn-staff-title", {"count": len(trainings)}))
    for training in trainings:
        count = counts[training.id]
        started = training.starts_at <= now
        status = "cancelled" if training.cancelled_at else ("started" if started else "upcoming")
        buttons: list[Choice] = []
        if status == "started":
            buttons.append(Choice(f"trn:att:{training.id}", key="trn-btn-attendance"))
        elif status == "upcoming":
            buttons.append(Choice(f"trn:cancel:{training.id}", key="trn-btn-cancel"))
        turn.replies.append(
            Reply(
                "trn-staff-card",
                {
                    "status": status,
                    "title": training.title,
                    "when": _when(router, turn, training),
                    "place": training.place,
                    "districts": _districts(training, turn.ctx.locale),
                    "yes": count[YES],
                    "no": count[NO],
                    "none": max(training.invited - count[YES] - count[NO], 0),
                    "capacity": training.capacity if training.capacity else "—",
                    "came": count["came"],
                },
                choices=rows(buttons),
            )
        )


# --- the buttons: trn:yes|no:<id>, trn:att:<id>[:<user>], trn:attdone:<id>, trn:cancel… -------


async def button(router: Router, turn: Turn, rest: str) -> None:
    action, _, tail = rest.partition(":")
    if action == "list":
        await listing(router, turn, "")
        return
    first, _, second = tail.partition(":")
    training_id = _id(first)
    if action in (YES, NO) and training_id is not None and not second:
        await rsvp(router, turn, training_id, action)
    elif action in ("att", "attdone", "cancel", "cancelok") and training_id is not None:
        await _staff_button(router, turn, action, training_id, second)
    else:
        turn.replies.append(Reply("error-stale-button"))
        await router.reprompt(turn)


async def rsvp(router: Router, turn: Turn, training_id: int, answer: str) -> None:
    repo, now, user_id = turn.repo, turn.ctx.now, turn.user.user_id
    seller = await repo.sellers.get(user_id)
    training = await repo.trainings.get(training_id, lock=answer == YES)
    refusal = None
    if seller is None:
        refusal = Reply("trn-register-first")
    elif training is None or seller.district not in training.districts:
        refusal = Reply("trn-not-for-you")
    elif training.cancelled_at is not None:
        refusal = Reply("trn-was-cancelled", {"title": training.title})
    elif training.starts_at <= now:
        refusal = Reply("trn-started", {"title": training.title})
    if refusal is not None or training is None or seller is None:
        turn.replies.append(refusal or Reply("trn-not-for-you"))
        await _after(router, turn)
        return
    when = _when(router, turn, training)
    if answer == YES and training.capacity is not None:
        taken = await repo.trainings.yes_count(training.id, besides=user_id)
        if taken >= training.capacity:
            turn.replies.append(Reply("trn-full", {"title": training.title}))
            await _after(router, turn)
            return
    await repo.trainings.answer(training.id, user_id, answer)
    # Their pending rows of this training (the invitation, reminders) go; a yes brings the
    # reminders back.
    await repo.outbox.skip_refs_starting(f"trn:{training.id}:", ANSWERED, recipient=user_id)
    if answer == YES:
        items = _reminders(training, user_id, when, now)
        await repo.outbox.revive(items, ANSWERED)
        await repo.outbox.enqueue(items)
        key, other = "trn-rsvp-yes", Choice(f"trn:no:{training.id}", key="btn-trn-no")
    else:
        key, other = "trn-rsvp-no", Choice(f"trn:yes:{training.id}", key="btn-trn-yes")
    turn.replies.append(
        Reply(
            key,
            {"title": training.title, "when": when, "place": training.place},
            choices=((other,),),
        )
    )
    await _after(router, turn)


def _reminders(
    training: TrainingRecord, user_id: int, when: str, now: datetime
) -> list[OutboxItem]:
    """The reminders still ahead: answering 2 h before the start gets only the 1 h one."""
    items = []
    for (before, message), ref in zip(REMINDERS, reminder_refs(training.id), strict=True):
        due = training.starts_at - before
        if due <= now:
            continue
        items.append(
            OutboxItem(
                recipient=user_id,
                kind="reminder",
                message=message,
                args={"title": training.title, "when": when, "place": training.place},
                buttons=((("btn-trn-cannot", f"trn:no:{training.id}"),),),
                ref=ref,
                quiet=False,  # asked for: it comes at its time
                expires_at=training.starts_at,
                due_at=due.astimezone(UTC),
            )
        )
    return items


async def _staff_button(
    router: Router, turn: Turn, action: str, training_id: int, target: str
) -> None:
    viewer = await turn.viewer()
    if not viewer.is_staff:
        turn.replies.append(Reply("staff-only"))
        await _after(router, turn)
        return
    training = await turn.repo.trainings.get(training_id)
    if training is None or not _may_manage(viewer, training):
        turn.replies.append(Reply("trn-not-yours"))
        await _after(router, turn)
        return
    if action in ("cancel", "cancelok"):
        await _cancel(router, turn, training, confirmed=action == "cancelok")
    elif training.cancelled_at is not None:
        turn.replies.append(Reply("trn-was-cancelled", {"title": training.title}))
    elif training.starts_at > turn.ctx.now:
        turn.replies.append(Reply("trn-att-not-yet", {"title": training.title}))
    elif action == "attdone":
        came = await turn.repo.trainings.attended(training.id)
        turn.replies.append(Reply("trn-att-saved", {"title": training.title, "count": len(came)}))
    else:
        await _attendance(router, turn, training, viewer, target)
    await _after(router, turn)


async def _attendance(
    router: Router, turn: Turn, training: TrainingRecord, viewer: Viewer, target: str
) -> None:
    repo = turn.repo
    sellers = await repo.trainings.yes_sellers(training.id)
    if target:
        user_id = _id(target, MAX_USER_ID)
        if user_id is None or user_id not in {uid for uid, _ in sellers}:
            turn.replies.append(Reply("error-stale-button"))
            return
        await repo.trainings.toggle_attendance(training.id, user_id, viewer.user_id)
    else:
        await repo.audit.write(viewer.user_id, None, "trn_attendance", f"id={training.id}")
    if not sellers:
        turn.replies.append(Reply("trn-att-nobody", {"title": training.title}))
        return
    came = await repo.trainings.attended(training.id)
    shown = sellers[:ATTENDANCE_LIST]
    toggles = [
        Choice(
            f"trn:att:{training.id}:{uid}",
            key="trn-att-on" if uid in came else "trn-att-off",
            args={"name": name},
        )
        for uid, name in shown
    ]
    done = Choice(f"trn:attdone:{training.id}", key="trn-btn-att-done")
    turn.replies.append(
        Reply(
            "trn-att-title",
            {"title": training.title, "count": len(came), "total": len(sellers)},
            choices=(*rows(toggles, 2), (done,)),
            parts=(
                (Reply("trn-att-more", {"count": len(sellers) - len(shown)}),)
                if len(sellers) > len(shown)
                else ()
            ),
        )
    )


async def _cancel(router: Router, turn: Turn, training: TrainingRecord, confirmed: bool) -> None:
    repo = turn.repo
    if training.cancelled_at is not None:
        turn.replies.append(Reply("trn-was-cancelled", {"title": training.title}))
        return
    if training.starts_at <= turn.ctx.now:
        turn.replies.append(Reply("trn-started", {"title": training.title}))
        return
    when = _when(router, turn, training)
    if not confirmed:
        turn.replies.append(
            Reply(
                "trn-cancel-confirm",
                {"title": training.title, "when": when},
                choices=(
                    (Choice(f"trn:cancelok:{training.id}", key="trn-btn-cancel-yes"),),
                    (Choice("trn:list", key="trn-btn-cancel-no"),),
                ),
            )
        )
        return
    await repo.trainings.cancel(training.id)
    await repo.outbox.skip_refs_starting(f"trn:{training.id}:", "cancelled")
    going = [uid for uid, _ in await repo.trainings.yes_sellers(training.id)]
    locales = {uid: r.locale for uid, r in (await repo.outbox.recipients(going)).items()}
    await repo.outbox.enqueue(
        OutboxItem(
            recipient=uid,
            kind="notice",
            message="trn-cancelled-notice",
            args={
                "title": training.title,
                "when": when_text(training.starts_at, locales[uid], router.renderer.label),
            },
            ref=f"trn:{training.id}:cxl",
            expires_at=training.starts_at,
        )
        for uid in going
    )
    await repo.audit.write(turn.user.user_id, None, "cancel_training", f"id={training.id}")
    turn.replies.append(Reply("trn-cancel-done", {"title": training.title, "count": len(going)}))


FLOWS: tuple[Flow, ...] = (new_training,)
COMMANDS: dict[str, Callable[..., Awaitable[None]]] = {"newtraining": new, "trainings": listing}
BUTTONS: dict[str, Callable[..., Awaitable[None]]] = {"trn": button}
STAFF: frozenset[str] = frozenset({"newtraining"})  # commands only coordinators and admins may use
EXTRA: dict[str, Any] = {}
