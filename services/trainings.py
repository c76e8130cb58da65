"""Trainings as the programme runs them: invitations, seats, reminders, cancellations.

Every message a training causes is an outbox row with a ref (``trn:<id>:inv``, ``…:24h``,
``…:1h``, ``…:cxl``), so answering twice, a rerun or a crash never sends one twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from chat import callbacks
from chat.replies import Reply
from services.when import Label, when_text
from storage.outbox import OutboxItem
from storage.records import SellerRecord
from storage.trainings import YES, TrainingRecord
from storage.unit import Repo

# Reminders before the start, for those who said yes: (how long before, message, ref suffix).
REMINDERS = (
    (timedelta(hours=24), "trn-reminder-24h", "24h"),
    (timedelta(hours=1), "trn-reminder-1h", "1h"),
)
ANSWERED = "answered"  # why a seller's pending rows were skipped (reminders return on a yes)


def ref_prefix(training_id: int) -> str:
    """The start of the refs of every outbox row of one training."""
    return f"trn:{training_id}:"


def reminder_refs(training_id: int) -> tuple[str, ...]:
    """Outbox refs of one seller's reminders (24 h and 1 h before)."""
    return tuple(f"{ref_prefix(training_id)}{suffix}" for _, _, suffix in REMINDERS)


def rsvp_buttons(training_id: int) -> tuple[tuple[tuple[str, str], ...], ...]:
    """যাব / যাব না, as outbox buttons (label key, payload)."""
    return (
        (
            ("btn-trn-yes", callbacks.TRAINING_YES.data(training_id)),
            ("btn-trn-no", callbacks.TRAINING_NO.data(training_id)),
        ),
    )


def invitations(
    training: TrainingRecord, invitees: Iterable[tuple[int, str]], zone: tzinfo, label: Label
) -> list[OutboxItem]:
    """One invitation per seller, the time written in the seller's language."""
    when_by_locale: dict[str, str] = {}
    items = []
    for user_id, locale in invitees:
        if locale not in when_by_locale:
            when_by_locale[locale] = when_text(training.starts_at, locale, zone, label)
        items.append(
            OutboxItem(
                recipient=user_id,
                kind="invite",
                message="trn-invite",
                args={
                    "title": training.title,
                    "when": when_by_locale[locale],
                    "place": training.place,
                },
                buttons=rsvp_buttons(training.id),
                ref=f"{ref_prefix(training.id)}inv",
                quiet=True,  # an announcement: it waits out the night
                expires_at=training.starts_at,
            )
        )
    return items


async def create(
    repo: Repo,
    *,
    title: str,
    place: str,
    starts_at: datetime,
    capacity: int | None,
    districts: Iterable[str],
    creator: int,
    zone: tzinfo,
    label: Label,
) -> tuple[TrainingRecord, int]:
    """Schedule a training and queue its invitations; the training and how many were invited."""
    wanted = sorted(set(districts))
    invitees = await repo.trainings.invitees(wanted)
    training_id = await repo.trainings.create(
        title=title,
        place=place,
        starts_at=starts_at,
        capacity=capacity,
        created_by=creator,
        districts=wanted,
        invited=len(invitees),
    )
    training = await repo.trainings.get(training_id)
    assert training is not None
    await repo.outbox.enqueue(invitations(training, invitees, zone, label))
    await repo.audit.write(creator, None, "new_training", f"id={training_id} n={len(invitees)}")
    return training, len(invitees)


def reminders(training: TrainingRecord, user_id: int, when: str, now: datetime) -> list[OutboxItem]:
    """The reminders still ahead: answering 2 h before the start gets only the 1 h one."""
    items = []
    for before, message, suffix in REMINDERS:
        due = training.starts_at - before
        if due <= now:
            continue
        items.append(
            OutboxItem(
                recipient=user_id,
                kind="reminder",
                message=message,
                args={"title": training.title, "when": when, "place": training.place},
                buttons=((("btn-trn-cannot", callbacks.TRAINING_NO.data(training.id)),),),
                ref=f"{ref_prefix(training.id)}{suffix}",
                quiet=False,  # asked for: it comes at its time
                expires_at=training.starts_at,
                due_at=due,
            )
        )
    return items


@dataclass(frozen=True, slots=True)
class Rsvp:
    """What answering an invitation did: ``refused`` names why it was not taken."""

    answer: str
    refused: str | None = None  # "not_for_you" | "cancelled" | "started" | "full"


async def answer(
    repo: Repo,
    seller: SellerRecord,
    training_id: int,
    given: str,
    now: datetime,
    when: str,
) -> tuple[Rsvp, TrainingRecord | None]:
    """A seller's yes or no to a training of their district; a yes takes a seat if one is left
    (counted under the training's row lock) and brings the reminders, a no takes them away."""
    training = await repo.trainings.get(training_id, lock=given == YES)
    if training is None or seller.district not in training.districts:
        return Rsvp(given, "not_for_you"), training
    if training.cancelled_at is not None:
        return Rsvp(given, "cancelled"), training
    if training.starts_at <= now:
        return Rsvp(given, "started"), training
    if given == YES and training.capacity is not None:
        taken = await repo.trainings.yes_count(training.id, besides=seller.user_id)
        if taken >= training.capacity:
            return Rsvp(given, "full"), training
    await repo.trainings.answer(training.id, seller.user_id, given)
    # Their pending rows of this training (the invitation, reminders) go; a yes brings the
    # reminders back.
    await repo.outbox.skip_refs_starting(
        ref_prefix(training.id), ANSWERED, recipient=seller.user_id
    )
    if given == YES:
        items = reminders(training, seller.user_id, when, now)
        await repo.outbox.revive(items, ANSWERED)
        await repo.outbox.enqueue(items)
    return Rsvp(given), training


async def cancel(
    repo: Repo, training: TrainingRecord, actor: int, zone: tzinfo, label: Label
) -> int:
    """Cancel a training: its pending messages are skipped and everyone who said yes is told,
    in their language. How many were told."""
    await repo.trainings.cancel(training.id)
    await repo.outbox.skip_refs_starting(ref_prefix(training.id), "cancelled")
    going = [uid for uid, _ in await repo.trainings.yes_sellers(training.id)]
    locales = {uid: r.locale for uid, r in (await repo.outbox.recipients(going)).items()}
    await repo.outbox.enqueue(
        OutboxItem(
            recipient=uid,
            kind="notice",
            message="trn-cancelled-notice",
            args={
                "title": training.title,
                "when": when_text(training.starts_at, locales[uid], zone, label),
            },
            ref=f"{ref_prefix(training.id)}cxl",
            expires_at=training.starts_at,
        )
        for uid in going
    )
    await repo.audit.write(actor, None, "cancel_training", f"id={training.id}")
    return len(going)


def rsvp_refusal(rsvp: Rsvp, training: TrainingRecord | None) -> Reply | None:
    """The answer to an invitation that could not be taken, in plain words."""
    title = training.title if training is not None else ""
    return {
        "not_for_you": Reply("trn-not-for-you"),
        "cancelled": Reply("trn-was-cancelled", {"title": title}),
        "started": Reply("trn-started", {"title": title}),
        "full": Reply("trn-full", {"title": title}),
    }.get(rsvp.refused or "")
