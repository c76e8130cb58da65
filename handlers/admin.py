"""Administrators: who coordinates which districts, and who read whose personal data."""

from __future__ import annotations

import regex

from chat.replies import Reply
from content import DEFAULT_LOCALE
from flows.eligibility import rules as eligibility_rules
from handlers.feature import Command, Feature, Role
from handlers.turn import Turn
from services import places, staleness
from services.export_costs import cost_data
from services.ids import parse_int
from services.places import district_names
from services.text import ascii_digits
from services.when import date_text, local_day, numeric_day, short_stamp
from storage.unit import Repo

# Someone named in a command: "telegram:123456", "whatsapp:+919830012345", or a bare id on the
# administrator's own channel.
_IDENTITY = regex.compile(r"(?:([a-z]{2,16}):)?(\+?[A-Za-z0-9_-]{1,64})")
AUDIT_DEFAULT, AUDIT_MAX = 20, 100
RULES_LIST_MAX = 40  # stale entries listed in one message; the rest are counted
# The audit log's read actions that /audit shows.
READ_ACTIONS = ("card", "sellers", "search", "pending", "export", "export_sellers", "checks")
AUDIT_KEYS = {action: f"cs-audit-{action}" for action in READ_ACTIONS}


def districts_in(text: str) -> list[str | None]:
    """Districts named in a command: comma-separated, or one per word (None: not a district)."""
    found: list[str | None] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        match = places.match_district(part)
        if match.district is not None:
            found.append(match.district.code)
            continue
        found.extend(
            d.code if (d := places.match_district(w).district) else None for w in part.split()
        )
    return found


_SPACED_NUMBER = regex.compile(r"^((?:whatsapp:)?\+[0-9][0-9 -]{6,}[0-9])(?=\s|$)")


def _number_joined(text: str) -> str:
    """A leading phone number typed with spaces ("+91 98300 12345") as one word."""
    return _SPACED_NUMBER.sub(lambda m: regex.sub(r"[ -]", "", m.group(1)), text, count=1)


# Telegram user ids have at most 52 significant bits (Bot API, "User.id").
MAX_CHAT_ID = 2**52


def identity_in(turn: Turn, text: str) -> tuple[str, str] | None:
    """Whom a command names: (channel, their id there); a bare id is on the channel the
    administrator writes from. None when it names no one."""
    match = _IDENTITY.fullmatch(ascii_digits(text).strip())
    if match is None:
        return None
    channel, external = match.group(1) or turn.inbound.channel, match.group(2)
    if match.group(1) is None and external.startswith("+"):
        channel = "whatsapp"  # "+91…" is a number, and numbers name WhatsApp users
    if match.group(1) is None and not external.lstrip("+").isdigit():
        return None  # a bare id is a number (a Telegram id, a phone number)
    if channel != "whatsapp" and external.isdigit() and not 0 < int(external) <= MAX_CHAT_ID:
        return None  # no chat has this id (Telegram's fit in 52 bits)
    if channel == "whatsapp":  # WhatsApp names a user by the digits of their number (wa_id)
        external = "".join(ch for ch in external if ch.isdigit()) or external
    return channel, external


async def who(repo: Repo, user_id: int) -> str:
    """A user as administrators know them: the identity they were last seen on."""
    identities = await repo.users.identities(user_id)
    if not identities:
        return f"#{user_id}"
    channel, external = identities[0]
    return f"{channel}:{external}"


async def add_coordinator(turn: Turn, args: str) -> None:
    target_text, _, rest = _number_joined(ascii_digits(args).strip()).partition(" ")
    target = identity_in(turn, target_text) if target_text else None
    districts = districts_in(rest)
    if target is None or not districts:
        turn.say(Reply("addcoordinator-usage"))
        return
    codes = [d for d in districts if d is not None]
    if len(codes) != len(districts):
        turn.say(Reply("addcoordinator-unknown-district"))
        return
    # Someone appointed before they ever wrote to the bot is a user from now on.
    user_id = await turn.repo.users.ensure(*target, locale=DEFAULT_LOCALE)
    await turn.repo.coordinators.add(user_id, codes, added_by=turn.user_id)
    await turn.repo.audit.write(turn.user_id, user_id, "add_coordinator", ",".join(codes))
    names = district_names(codes, turn.locale)
    turn.say(Reply("addcoordinator-done", {"user": target_text, "districts": names}))


async def remove_coordinator(turn: Turn, args: str) -> None:
    first, _, rest = _number_joined(ascii_digits(args).strip()).partition(" ")
    target = identity_in(turn, first) if first else None
    codes = districts_in(rest)
    if target is None:
        turn.say(Reply("cs-removecoordinator-usage"))
        return
    if any(c is None for c in codes):
        turn.say(Reply("addcoordinator-unknown-district"))
        return
    user_id = await turn.repo.users.find(*target)
    removed = []
    if user_id is not None:
        removed = await turn.repo.coordinators.remove(user_id, [c for c in codes if c] or None)
    if user_id is None or not removed:
        turn.say(Reply("cs-removecoordinator-none", {"user": first}))
        return
    await turn.repo.audit.write(turn.user_id, user_id, "remove_coordinator", ",".join(removed))
    left = await turn.repo.coordinators.districts_of(user_id)
    turn.say(
        Reply(
            "cs-removecoordinator-done",
            {
                "user": first,
                "districts": district_names(removed, turn.locale),
                "left": len(left),
            },
        )
    )


async def list_coordinators(turn: Turn, args: str) -> None:
    found = await turn.repo.coordinators.all()
    if not found:
        turn.say(Reply("cs-coordinators-none"))
        return
    lines = [
        Reply(
            "cs-coordinators-line",
            {
                "user": await who(turn.repo, c.user_id),
                "districts": district_names(c.districts, turn.locale),
                "date": numeric_day(c.added_at, turn.locale, turn.zone),
            },
        )
        for c in found
    ]
    turn.say(Reply("cs-coordinators-title", {"count": len(found)}, parts=tuple(lines)))


def audit_detail(detail: str | None, locale: str) -> Reply | str:
    """What a read covered, in words: "districts=BNK n=2 stage=* page=1" is "Bankura · 2
    sellers · all stages · page 1"."""
    if not detail:
        return ""
    pairs = dict(p.split("=", 1) for p in detail.split() if "=" in p)
    if not pairs:
        return detail
    parts: list[Reply] = []
    if "districts" in pairs:
        codes = [c for c in pairs["districts"].split(",") if c and c != "*"]
        names = district_names(codes, locale) if codes else Reply("cs-audit-all-districts")
        parts.append(Reply("cs-audit-d-districts", {"names": names}))
    if pairs.get("n", "").isdigit():
        parts.append(Reply("cs-audit-d-count", {"n": int(pairs["n"])}))
    if "stage" in pairs:
        stage = pairs["stage"]
        parts.append(Reply("cs-stage-any" if stage in ("*", "") else f"cs-stage-{stage}"))
    if pairs.get("page", "").isdigit():
        parts.append(Reply("cs-audit-d-page", {"page": int(pairs["page"])}))
    if not parts:
        return ""
    joined = parts[0]
    for part in parts[1:]:
        joined = Reply("cs-audit-d-join", {"a": joined, "b": part})
    return joined


async def audit(turn: Turn, args: str) -> None:
    asked = parse_int(args) if args.strip() else AUDIT_DEFAULT
    limit = max(1, min(AUDIT_MAX, asked if asked is not None else AUDIT_DEFAULT))
    found = await turn.repo.audit.reads(READ_ACTIONS, limit)
    if not found:
        turn.say(Reply("cs-audit-none"))
        return
    lines = tuple(
        Reply(
            "cs-audit-line",
            {
                "when": short_stamp(a.at, turn.locale, turn.zone),
                "actor": str(a.actor_id),
                "subject": (
                    f"{a.subject_name} ({a.subject_id})"
                    if a.subject_name
                    else str(a.subject_id)
                    if a.subject_id is not None
                    else "—"
                ),
                "action": Reply(AUDIT_KEYS.get(a.action, "cs-audit-other")),
                "detail": audit_detail(a.detail, turn.locale),
            },
        )
        for a in found
    )
    turn.say(Reply("cs-audit-title", {"count": len(found)}, parts=lines))


async def rules_status(turn: Turn, args: str) -> None:
    """Which export rules and rate-card entries were last checked more than six months ago."""
    today = local_day(turn.now, turn.zone)
    entries = staleness.dated(eligibility_rules(), cost_data())
    old = staleness.stale(entries, today)
    limit = date_text(staleness.months_before(today, staleness.STALE_AFTER_MONTHS), turn.locale)
    if not old:
        oldest = min(e.checked for e in entries)
        turn.say(
            Reply(
                "rules-fresh",
                {"total": len(entries), "limit": limit, "oldest": date_text(oldest, turn.locale)},
            )
        )
        return
    lines = [
        Reply(
            "rules-stale-line",
            {
                "name": e.name,
                "kind": Reply(f"rules-kind-{e.kind}"),
                "date": date_text(e.checked, turn.locale),
            },
        )
        for e in old[:RULES_LIST_MAX]
    ]
    if len(old) > RULES_LIST_MAX:
        lines.append(Reply("rules-stale-more", {"count": len(old) - RULES_LIST_MAX}))
    title = {"count": len(old), "total": len(entries), "limit": limit}
    turn.say(Reply("rules-stale-title", title, parts=(*lines, Reply("rules-stale-how"))))


FEATURE = Feature(
    "admin",
    commands=(
        Command("addcoordinator", add_coordinator, Role.ADMIN, help="help-cmd-addcoordinator"),
        Command(
            "removecoordinator", remove_coordinator, Role.ADMIN, help="help-cmd-removecoordinator"
        ),
        Command("coordinators", list_coordinators, Role.ADMIN, help="help-cmd-coordinators"),
        Command("audit", audit, Role.ADMIN, help="help-cmd-audit"),
        Command("rules", rules_status, Role.ADMIN, help="help-cmd-rules"),
    ),
)
