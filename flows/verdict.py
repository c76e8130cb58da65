"""How a verdict reads. The first message fits one phone screen: the verdict, one line per thing
to do (what and why, in plain words), what is still to find out. The long reasons with cost and
where to go, and the advice, are behind a "details" button; the sources behind "📚 sources". A
saved check keeps the findings as they were said, so its buttons show what the seller read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply
from services.eligibility import Finding, Source
from services.when import date_text

# Numbered lines in the first message; the rest are counted on one line ("and 3 more…").
FIRST_MESSAGE_ITEMS = 7


def decided_of(status: str, findings: Sequence[Finding]) -> list[Finding]:
    """What the seller has to do; once blocked, only why it cannot go (how to ship it does not
    matter any more)."""
    decided = [f for f in findings if f.level != "note" and not f.unknown]
    if status == "blocked":
        decided = [f for f in decided if f.level == "prohibited"]
    return decided


def first_message(status: str, findings: Sequence[Finding], item: str) -> Reply:
    decided = decided_of(status, findings)
    unknown = [f for f in findings if f.unknown] if status != "blocked" else []
    notes = [f for f in findings if f.level == "note"] if status != "blocked" else []
    parts: list[Reply] = []
    shown = 0
    if decided:
        parts.append(Reply("elig-why-not" if status == "blocked" else "elig-next-steps"))
        for n, f in enumerate(decided[:FIRST_MESSAGE_ITEMS], start=1):
            parts.append(Reply("elig-step-line", {"n": n, "text": Reply(f.brief or f.reason)}))
            shown += 1
    to_find = list(dict.fromkeys(f.brief or f.reason for f in unknown))
    room = FIRST_MESSAGE_ITEMS - shown
    if to_find and room > 0:
        parts.append(Reply("elig-find-out"))
        parts += [Reply("elig-unknown-line", {"text": Reply(b)}) for b in to_find[:room]]
    more = len(decided) - shown + len(to_find) - min(max(room, 0), len(to_find))
    if more:
        parts.append(Reply("elig-more-steps", {"count": more}))
    if status == "blocked":
        parts.append(Reply("elig-see-details-blocked"))
    elif notes:
        parts.append(Reply("elig-see-details-notes", {"count": len(notes)}))
    elif decided or unknown:
        parts.append(Reply("elig-see-details"))
    return Reply(f"elig-verdict-{status}", {"item": item}, parts=tuple(parts), explain=True)


def details(status: str, findings: Sequence[Finding], item: str) -> list[Reply]:
    """The long form: why, numbered steps with cost and where to go, what to find out, advice."""
    decided = decided_of(status, findings)
    replies: list[Reply] = []
    reasons = tuple(Reply("elig-bullet", {"text": Reply(f.reason)}) for f in decided)
    replies.append(
        Reply("elig-details-title", {"item": item}, parts=(Reply("elig-reasons"), *reasons))
        if reasons
        else Reply("elig-details-title", {"item": item})
    )
    lines = _step_lines(decided)
    if lines:
        replies.append(Reply("elig-details-steps", parts=lines))
    unknown = [f for f in findings if f.unknown]
    if unknown and status != "blocked":
        lines = tuple(
            Reply("elig-bullet", {"text": Reply(step)})
            for step in dict.fromkeys(s for f in unknown for s in (f.steps or (f.reason,)))
        )
        replies.append(Reply("elig-details-find-out", parts=lines))
    notes = [f for f in findings if f.level == "note"]
    if notes and status != "blocked":
        lines = tuple(Reply("elig-bullet", {"text": Reply(f.reason)}) for f in notes)
        replies.append(Reply("elig-details-notes", parts=lines))
    return [_joined(replies)]


def _joined(replies: list[Reply]) -> Reply:
    """One message (the renderer splits it at line breaks where a channel needs that)."""
    first, *rest = replies
    parts = list(first.parts)
    parts += rest  # each section's title starts with an empty line
    return Reply(first.key, first.args, parts=tuple(parts), explain=True)


def _step_lines(decided: list[Finding]) -> tuple[Reply, ...]:
    """Numbered steps, each once; after a finding's last new step, what it costs and where to
    go (each shown once): "Apply online (ANF-2A)… / Cost: ₹500 fee. / Where: dgft.gov.in"."""
    lines: list[Reply] = []
    seen: set[str] = set()
    for finding in decided:
        new = [step for step in finding.steps if step not in seen]
        seen.update(new)
        for i, key in enumerate(new):
            extra: list[Reply] = []
            if i == len(new) - 1:
                for label, text in (("elig-cost", finding.cost), ("elig-where", finding.where)):
                    if text is not None and text not in seen:
                        seen.add(text)
                        extra.append(Reply(label, {"text": Reply(text)}))
            n = len(lines) + 1
            lines.append(Reply("elig-step-line", {"n": n, "text": Reply(key)}, parts=tuple(extra)))
    return tuple(lines)


def sources(status: str, findings: Sequence[Finding], item: str, locale: str) -> Reply:
    """Each finding's source as a document name, how sure we are, and when it was checked."""
    shown = [
        f for f in findings if status != "blocked" or (f.level == "prohibited" and not f.unknown)
    ]
    parts: list[Reply] = []
    for f in shown:
        s = f.source
        parts.append(Reply("elig-bullet", {"text": Reply(f.brief or f.reason)}))
        cited = (
            Reply("elig-source-doc", {"source": s.citation})
            if s.citation
            else Reply("elig-source-none")
        )
        parts.append(
            Reply(
                "elig-source-line",
                {
                    "doc": cited,
                    "sure": Reply(f"elig-confidence-{s.confidence}"),
                    "date": date_text(s.checked_on, locale),
                },
            )
        )
    return Reply("elig-sources-title", {"item": item}, parts=tuple(parts), explain=True)


def buttons(check_id: int) -> tuple[Choice, ...]:
    return (
        Choice(callbacks.CHECK_DETAILS.data(check_id), key="btn-check-details"),
        Choice(callbacks.CHECK_SOURCES.data(check_id), key="btn-check-sources"),
    )


def open_items(docs: Sequence[Mapping[str, Any]], briefs: Mapping[str, str]) -> list[Reply]:
    """What a saved check left to do, one short line each (❓ for what to find out): for the
    coordinators' card and /checks. ``briefs`` names the lines of checks saved before checks
    kept their words."""
    lines: list[Reply] = []
    seen: set[str] = set()
    for doc in docs:
        if not isinstance(doc, Mapping) or doc.get("level") == "note":
            continue
        rule = str(doc.get("rule"))
        brief = doc.get("brief") or briefs.get(rule)
        if (brief or rule) in seen:
            continue
        seen.add(brief or rule)
        text: Reply | str = Reply(brief) if brief else rule
        key = "elig-unknown-line" if doc.get("unknown") else "elig-bullet"
        lines.append(Reply(key, {"text": text}))
    return lines


# --- what a saved check keeps -------------------------------------------------------------------


def finding_doc(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule_id,
        "level": f.level,
        "unknown": f.unknown,
        "steps": list(f.steps),
        "reason": f.reason,
        "where": f.where,
        "cost": f.cost,
        "brief": f.brief,
        "source": f.source.citation,
        "confidence": f.source.confidence,
        "checked_on": f.source.checked_on.isoformat(),
    }


def finding_of(doc: Mapping[str, Any]) -> Finding | None:
    """A saved finding; None for one saved before checks kept their words."""
    try:
        return Finding(
            rule_id=doc["rule"],
            level=doc["level"],
            reason=doc["reason"],
            steps=tuple(doc["steps"]),
            where=doc.get("where"),
            source=Source(
                doc.get("source"), doc["confidence"], date.fromisoformat(doc["checked_on"])
            ),
            unknown=bool(doc.get("unknown")),
            cost=doc.get("cost"),
            brief=doc.get("brief") or "",
        )
    except (KeyError, TypeError, ValueError):
        return None
