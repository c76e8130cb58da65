"""Can this product leave India, and what is still missing? Rules are data (eligibility.yaml)."""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from services import places
from services.text import lookup_key

RULES_FILE = "eligibility.yaml"
Answer = Literal["yes", "no", "unknown"]
Level = Literal["prohibited", "restricted", "certificate", "readiness", "note"]
_RANK: dict[str, int] = {"prohibited": 0, "restricted": 1, "certificate": 2, "readiness": 3}
_RANK["note"] = 4
_PROFILE_FIELDS = ("iec", "gstin")
UNKNOWN_KIND = "unknown"


# --- public types -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    message: str


Confidence = Literal["official", "secondary", "unverified"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a rule comes from, as sellers may read it: document names only (the research notes
    with web addresses stay in the rules file's comments), how sure we are, and when someone
    last checked it."""

    citation: str | None
    confidence: Confidence
    checked_on: date


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    level: Level
    reason: str
    steps: tuple[str, ...]
    where: str | None
    source: Source
    unknown: bool = False  # decided by a "don't know" answer: the steps say what to find out
    cost: str | None = None  # readiness items: what it costs (a message id)
    brief: str = ""  # one line for the verdict's first message: what to do and why


@dataclass(frozen=True, slots=True)
class CheckInput:
    craft_id: str | None
    words: str  # the seller's words about the item: what it is, material, special, craft name
    kind: str | None  # craft kind, when known (from the craft, or None)
    district: str | None
    iec: str | None
    gstin: str | None
    destination: str | None  # a destinations key or None
    answers: Mapping[str, Answer]
    today: date


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Literal["ready", "steps", "blocked"]
    findings: tuple[Finding, ...]  # blocked first, then restricted, certificate, readiness, note

    def steps(self) -> tuple[str, ...]:
        """Every finding's steps (message ids) in finding order, each once."""
        return tuple(dict.fromkeys(s for f in self.findings for s in f.steps))


class RulesError(Exception):
    """A rules file that cannot be used: which file, which line, and why."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file, self.line, self.reason = file, line, reason
        super().__init__(f"{file}:{line}: {reason}" if line else f"{file}: {reason}")


# --- matching the seller's words ------------------------------------------------------------------

# Endings that may follow a keyword (after lookup_key folding, so য়ের is যের): Bengali case and
# classifier endings, romanised ones (chandaner, kathe), English plurals, Hindi oblique plurals.
# "ই"/"ও" are left out: চাই (want) and চাও must not be চা (tea). Stems keep >= 2 letters.
_ENDINGS = (
    "ের এর র ে এ তে েতে কে য়ের য়ে দের রা গুলো গুলি গুলোর গুলির টা টি টো টার টির টাকে খানা খানি খানার"
    " s es er r e ke te ta ti der ra gulo guli ed ों ें"
)
_SUFFIXES = tuple(sorted({lookup_key(s) for s in _ENDINGS.split(" ")}, key=len, reverse=True))
_DIGIT_EDGE = regex.compile(r"(?<=\d)(?=\p{L})|(?<=[\p{L}\p{M}])(?=\d)")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_DIGIT_EDGE.sub(" ", lookup_key(text)).split())


@functools.lru_cache(maxsize=65536)
def _stems(token: str) -> frozenset[str]:
    """The token and what remains after one or two endings: পালকগুলোর → পালকগুলো, পালক."""
    out = {token}
    for word in (token, *(token[: -len(s)] for s in _SUFFIXES if token.endswith(s))):
        if len(word) < 2:
            continue
        out.add(word)
        out.update(
            word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) > len(s) + 1
        )
    return frozenset(out)


Spans = dict[int, list[tuple[int, int]]]


class _Phrases:
    """Every keyword of the rule set, indexed by its first word: one pass finds them all."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], int] = {}
        self.by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}

    def add(self, text: str) -> int | None:
        words = _tokens(text)
        if not words:
            return None
        if words not in self.ids:
            self.ids[words] = len(self.ids)
            self.by_first.setdefault(words[0], []).append((self.ids[words], words[1:]))
        return self.ids[words]

    def spans(self, tokens: tuple[str, ...]) -> Spans:
        found: Spans = {}
        stems = [_stems(t) for t in tokens]
        for i, here in enumerate(stems):
            for stem in here:
                for pid, rest in self.by_first.get(stem, ()):
                    end = i + 1 + len(rest)
                    if end <= len(tokens) and all(
                        w in stems[i + 1 + k] for k, w in enumerate(rest)
                    ):
                        found.setdefault(pid, []).append((i, end))
        return found


# A pattern: all of these groups, each satisfied by any one of its keywords.
_Pattern = tuple[frozenset[int], ...]


_NO_MASK: frozenset[int] = frozenset()


def _has(pattern: _Pattern, spans: Spans, mask: frozenset[int] = _NO_MASK) -> bool:
    """Every group of the pattern has a keyword in the text, outside the masked tokens."""
    if not mask:
        return all(not group.isdisjoint(spans) for group in pattern)
    return all(
        any(
            mask.isdisjoint(range(s, e)) for pid in group.intersection(spans) for s, e in spans[pid]
        )
        for group in pattern
    )


def _tokens_of(pattern: _Pattern, spans: Spans) -> set[int]:
    """The token positions of a pattern's keywords, if the whole pattern is in the text."""
    if not _has(pattern, spans):
        return set()
    pids = {pid for group in pattern for pid in group.intersection(spans)}
    return {i for pid in pids for s, e in spans[pid] for i in range(s, e)}


# --- the file's schema (pydantic) -----------------------------------------------------------------

_Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=24)]
_Msg = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=80)]
_Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
_Word = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
_MonthDay = Annotated[str, StringConstraints(pattern=r"^\d\d-\d\d$")]
_Kind = Literal[
    "metal", "terracotta", "textile", "mat", "wood", "painting", "leather", "food", "tea",
    "jute", "jewellery", "other", "unknown",
]  # fmt: skip


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SourcedM(_M):
    """A clean citation (none only when unverified), how sure it is, and when it was checked."""

    source: _Text | None = None
    confidence: Confidence
    checked_on: date


class _AllOfM(_M):
    all: list[_Word | Annotated[list[_Word], Field(min_length=1)]] = Field(min_length=2)


_PatternM = _Word | _AllOfM
_Patterns = Annotated[list[_PatternM], Field(min_length=1)]


class _WhenM(_M):
    kinds: Annotated[list[_Kind], Field(min_length=1)] | None = None
    crafts: Annotated[list[_Id], Field(min_length=1)] | None = None
    words: _Patterns | None = None
    answers: Annotated[dict[_Id, Answer], Field(min_length=1)] | None = None


class _QuestionM(_M):
    id: _Id
    message: _Msg
    find_out: _Msg
    yes_if: _WhenM | None = None
    no_if: _WhenM | None = None


class _RuleM(_SourcedM):
    id: _Id
    level: Literal["prohibited", "restricted", "certificate", "note"]
    applies_to: _WhenM | None = None
    gi: Literal["inside", "outside"] | None = None
    match_crafts: Annotated[list[_Id], Field(min_length=1)] | None = None
    match: _Patterns | None = None
    ignore: _Patterns | None = None
    not_sure_if: _Patterns | None = None
    age_years: Annotated[int, Field(gt=0, lt=10000)] | None = None
    question: _Id | None = None
    ask: Literal["always"] | None = None
    ask_words: _Patterns | None = None
    ask_if: Annotated[dict[_Id, Answer], Field(min_length=1)] | None = None
    fire_on: Literal["yes", "no"] = "yes"
    overridden_by: Annotated[list[_Id], Field(min_length=1)] | None = None
    reason: _Msg
    steps: Annotated[list[_Msg], Field(min_length=1)]
    where: _Msg | None = None
    valid_from: date | None = None
    valid_until: date | None = None


class _UpdateM(_SourcedM):
    id: _Id
    question: _Id
    from_: _MonthDay = Field(alias="from")
    until: _MonthDay
    reason: _Msg
    steps: Annotated[list[_Msg], Field(min_length=1)]
    late_reason: _Msg
    late_steps: Annotated[list[_Msg], Field(min_length=1)]


class _ReadyM(_SourcedM):
    id: _Id
    required: bool
    profile: Literal["iec", "gstin"] | None = None
    confirm: _Id | None = None
    question: _Id | None = None
    needs: Literal["iec", "gstin"] | None = None
    why: _Msg
    how: _Msg
    cost: _Msg
    where: _Msg
    yearly_update: _UpdateM | None = None


class _DestinationM(_M):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    name: _Msg
    notes: list[_RuleM]


class _GuessM(_M):
    kind: _Kind
    words: _Patterns
    ignore: _Patterns | None = None


class _FileM(_M):
    version: _Text
    updated: date
    words: dict[_Id, Annotated[list[_Word], Field(min_length=1)]] = {}
    guess_kind: list[_GuessM] = []
    craft_needs: dict[_Id, _Patterns] = {}
    year_words: Annotated[list[_Word], Field(min_length=1)]
    questions: Annotated[list[_QuestionM], Field(min_length=1)]
    readiness: list[_ReadyM]
    product_rules: list[_RuleM]
    certificates: list[_RuleM]
    destinations: list[_DestinationM]
    value_rules: list[_RuleM]


# --- YAML with line numbers -----------------------------------------------------------------------

Path_ = tuple[str | int, ...]


def _plain(node: yaml.Node, path: Path_, lines: dict[Path_, int], file: str) -> Any:
    """The node as dicts, lists and strings (pydantic converts); every path's line recorded."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarNode):
                raise RulesError(file, line, "a key must be a plain word")
            if key.value in out:
                raise RulesError(file, line, f"duplicate key {key.value!r}")
            lines[(*path, key.value)] = line
            out[key.value] = _plain(value, (*path, key.value), lines, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, (*path, i), lines, file) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _line(lines: Mapping[Path_, int], loc: Iterable[str | int]) -> tuple[int | None, Path_]:
    """The deepest recorded path along a pydantic location (union branch names are skipped)."""
    path: Path_ = ()
    for part in loc:
        if (*path, part) in lines:
            path = (*path, part)
    return lines.get(path), path


def _reason(error: Mapping[str, Any], path: Path_) -> str:
    where = ".".join(str(p) for p in path) or "file"
    last = error["loc"][-1] if error["loc"] else where
    if error["type"] == "extra_forbidden":
        return f"unknown key {last!r} in {'.'.join(str(p) for p in path[:-1]) or 'file'}"
    if error["type"] == "missing":
        return f"{where}: missing {last!r}"
    if error["type"] == "too_short":
        return f"{where}: must not be empty"
    return f"{where}: {error['msg']}"


# --- compiled rules -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _When:
    kinds: frozenset[str]
    crafts: frozenset[str]
    words: tuple[_Pattern, ...]
    answers: tuple[tuple[str, str], ...]

    def holds(self, c: _Ctx) -> bool:
        return (
            (c.kind or UNKNOWN_KIND) in self.kinds
            or c.craft_id in self.crafts
            or any(_has(p, c.spans) for p in self.words)
            or any(c.answers.get(q) == a for q, a in self.answers)
        )


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    level: Level
    applies: _When | None
    gi: str | None
    match_crafts: frozenset[str]
    match: tuple[_Pattern, ...]
    ignore: tuple[_Pattern, ...]
    not_sure: tuple[_Pattern, ...]
    age: int | None
    question: str | None
    ask_always: bool
    ask_words: tuple[_Pattern, ...]
    ask_if: tuple[tuple[str, str], ...]
    fire_on: str
    overridden_by: tuple[str, ...]
    reason: str
    steps: tuple[str, ...]
    where: str | None
    source: Source
    brief: str
    valid_from: date | None
    valid_until: date | None


@dataclass(frozen=True, slots=True)
class _Update:
    id: str
    question: str
    start: tuple[int, int]
    end: tuple[int, int]
    reason: str
    steps: tuple[str, ...]
    late_reason: str
    late_steps: tuple[str, ...]
    source: Source
    brief: str
    late_brief: str


@dataclass(frozen=True, slots=True)
class _Ready:
    id: str
    required: bool
    profile: str | None
    confirm: str | None  # a profile value counts only once this question is answered yes
    question: str | None
    needs: str | None
    why: str
    how: str
    cost: str
    where: str
    source: Source
    brief: str
    update: _Update | None


@dataclass(frozen=True, slots=True)
class _Q:
    question: Question
    find_out: str
    brief: str  # what to find out, in one line (after "don't know")
    yes_if: _When | None
    no_if: _When | None


@dataclass(slots=True)
class _Ctx:
    craft_id: str | None
    kind: str | None
    spans: Spans
    age: int | None
    gi: str | None  # "inside" / "outside" / None (not a GI craft)
    answers: dict[str, str]  # given answers, then answers clear from the kind, craft or words
    given: Mapping[str, str]
    today: date


# Outcomes of one rule for one product.
_FIRE, _UNKNOWN, _NEED, _NONE = "fire", "unknown", "need", "none"


@dataclass(frozen=True)
class RuleSet:
    version: str  # content hash of the file, so a saved verdict knows which rules made it
    label: str  # the file's own `version` and `updated`, for people
    questions: tuple[Question, ...]
    destinations: tuple[tuple[str, str], ...]  # (key, message id of its name)
    _questions: Mapping[str, _Q]
    _rules: tuple[_Rule, ...]
    _by_destination: Mapping[str, tuple[_Rule, ...]]
    _readiness: tuple[_Ready, ...]
    _phrases: _Phrases
    _guess: tuple[tuple[str, _Pattern, tuple[_Pattern, ...]], ...]  # kind, words, ignore
    _year_words: frozenset[str]
    _message_ids: frozenset[str]
    _craft_needs: Mapping[str, tuple[_Pattern, ...]]

    def sources(self) -> tuple[tuple[str, Source], ...]:
        """Every rule's id with its source, in the file's order (for /rules: what is stale)."""
        out: list[tuple[str, Source]] = [(r.id, r.source) for r in self._rules]
        out += [(r.id, r.source) for notes in self._by_destination.values() for r in notes]
        for item in self._readiness:
            out.append((item.id, item.source))
            if item.update is not None:
                out.append((item.update.id, item.update.source))
        return tuple(out)

    def briefs(self) -> dict[str, str]:
        """Each rule's one-line form by its id (for checks saved before they kept their words)."""
        out = {r.id: r.brief for r in self._rules if r.brief}
        for item in self._readiness:
            out[item.id] = item.brief
            if item.update is not None:
                out[item.update.id] = item.update.brief
        return out

    def message_ids(self) -> frozenset[str]:
        """Every Fluent message id the rules refer to (for the locale test)."""
        return self._message_ids

    def craft_fits(self, craft_id: str, words: str) -> bool:
        """Whether a craft found in a described item may be taken as that item's craft: a craft
        listed under `craft_needs` only when one of its words is there too ("chai" alone is
        any tea, or "want", not Darjeeling tea)."""
        needed = self._craft_needs.get(craft_id)
        if not needed:
            return True
        spans = self._phrases.spans(_tokens(words))
        return any(_has(p, spans) for p in needed)

    # -- context ------------------------------------------------------------------------------

    def _context(self, inp: CheckInput) -> _Ctx:
        tokens = _tokens(inp.words)
        spans = self._phrases.spans(tokens)
        craft = places.craft(inp.craft_id) if inp.craft_id else None
        kind = inp.kind or (craft.kind if craft else None)
        if kind is None:
            kind = next(
                (
                    k
                    for k, p, ignore in self._guess
                    if _has(p, spans, frozenset(i for q in ignore for i in _tokens_of(q, spans)))
                ),
                None,
            )
        gi = None
        if craft is not None and craft.gi:
            inside = inp.district is None or craft.gi_districts == (places.STATEWIDE,)
            gi = "inside" if inside or inp.district in craft.gi_districts else "outside"
        ctx = _Ctx(
            craft.id if craft else None, kind, spans, self._age(tokens, inp.today), gi,
            dict(inp.answers), inp.answers, inp.today,
        )  # fmt: skip
        for q in self._questions.values():
            qid = q.question.id
            if qid not in ctx.answers:
                if q.yes_if is not None and q.yes_if.holds(ctx):
                    ctx.answers[qid] = "yes"
                elif q.no_if is not None and q.no_if.holds(ctx):
                    ctx.answers[qid] = "no"
        return ctx

    def _age(self, tokens: tuple[str, ...], today: date) -> int | None:
        """The greatest age stated as a number followed by a year word ("150 বছরের")."""
        ages = [
            int(t) if int(t) < 1000 else today.year - int(t)  # 1890 সালের: a year, not an age
            for t, nxt in itertools.pairwise(tokens)
            if t.isdigit() and int(t) <= today.year and _stems(nxt) & self._year_words
        ]
        return max(ages, default=None)

    # -- rules --------------------------------------------------------------------------------

    def _active(self, inp: CheckInput) -> tuple[_Rule, ...]:
        extra = self._by_destination.get(inp.destination or "", ())
        return tuple(
            r
            for r in (*self._rules, *extra)
            if (r.valid_from is None or r.valid_from <= inp.today)
            and (r.valid_until is None or inp.today <= r.valid_until)
        )

    def _outcome(self, r: _Rule, c: _Ctx) -> str:
        if r.applies is not None and not r.applies.holds(c):
            return _NONE
        if r.gi is not None and r.gi != c.gi:
            return _NONE
        if c.craft_id is not None and c.craft_id in r.match_crafts:
            return _FIRE
        mask = (
            frozenset(i for p in r.ignore for i in _tokens_of(p, c.spans)) if r.ignore else _NO_MASK
        )
        unsure = False
        if any(_has(p, c.spans, mask) for p in r.match):
            unsure = any(_has(p, c.spans, mask) for p in r.not_sure)
            if not unsure:
                return _FIRE
        if r.age is not None and c.age is not None and c.age >= r.age:
            return _FIRE
        if r.question is None:
            return _NONE if (r.match or r.match_crafts or r.age is not None) else _FIRE
        asked = (
            unsure
            or r.ask_always
            or any(_has(p, c.spans, mask) for p in r.ask_words)
            or any(c.answers.get(q) == a for q, a in r.ask_if)
        )
        if not asked:
            return _NONE
        answer = c.answers.get(r.question)
        if answer is None:
            return _NEED
        if answer == "unknown":
            return _UNKNOWN
        return _FIRE if answer == r.fire_on else _NONE

    def _outcomes(self, inp: CheckInput, c: _Ctx, final: bool) -> list[tuple[_Rule, str]]:
        """Rules that apply, without those overridden by a rule that fires (or, in a final
        verdict where unanswered means "don't know", is undecided)."""
        done = [(r, self._outcome(r, c)) for r in self._active(inp)]
        decisive = {_FIRE, _UNKNOWN, _NEED} if final else {_FIRE, _UNKNOWN}
        live = {r.id for r, o in done if o in decisive}
        return [(r, o) for r, o in done if o != _NONE and not live.intersection(r.overridden_by)]

    def _ready_outcomes(self, inp: CheckInput, c: _Ctx) -> list[tuple[_Ready, str, str | None]]:
        """(item, outcome, question) for each readiness item (and IEC update) that is not done."""
        out: list[tuple[_Ready, str, str | None]] = []
        for item in self._readiness:
            if item.needs and not getattr(inp, item.needs):
                continue
            if item.profile is not None:
                have = bool(getattr(inp, item.profile))
                confirmed = c.given.get(item.confirm) if item.confirm else "yes"
                if not have:
                    out.append((item, _FIRE, None))
                elif confirmed != "yes":  # typed or "same as my PAN": registered? ask
                    state = {None: _NEED, "unknown": _UNKNOWN}.get(confirmed, _FIRE)
                    out.append((item, state, item.confirm))
                elif item.update is not None:
                    u = item.update
                    if inp.today >= date(inp.today.year, *u.start):
                        answer = c.given.get(u.question)
                        state = {None: _NEED, "unknown": _UNKNOWN, "no": _FIRE}.get(answer)
                        if state:
                            out.append((item, state, u.question))
                continue
            if item.question is not None:
                answer = c.given.get(item.question)
                state = {None: _NEED, "unknown": _UNKNOWN, "no": _FIRE}.get(answer)
                if state:
                    out.append((item, state, item.question))
        return out

    # -- public -------------------------------------------------------------------------------

    def questions_needed(self, inp: CheckInput) -> tuple[Question, ...]:
        """The questions the rules need and cannot answer from the craft, words or profile, in
        the file's order. Ask, add the answers to ``inp.answers`` and call again: an answer can
        make a follow-up necessary (animal_parts → wild_animal). Empty when evaluate has all it
        needs, or when the product is already blocked."""
        c = self._context(inp)
        outcomes = self._outcomes(inp, c, final=False)
        if any(o == _FIRE and r.level == "prohibited" for r, o in outcomes):
            return ()
        needed = {r.question for r, o in outcomes if o == _NEED}
        needed |= {q for _, o, q in self._ready_outcomes(inp, c) if o == _NEED}
        return tuple(q for q in self.questions if q.id in needed)

    def evaluate(self, inp: CheckInput) -> Verdict:
        """The verdict for one product; a question still unanswered counts as "don't know"."""
        c = self._context(inp)
        outcomes = self._outcomes(inp, c, final=True)
        ready = self._ready_outcomes(inp, c)
        if any(o == _FIRE and r.level == "prohibited" for r, o in outcomes):
            # Not allowed whatever else is answered: questions never asked are left out.
            outcomes = [(r, o) for r, o in outcomes if o != _NEED]
            ready = [x for x in ready if x[1] != _NEED]
        found: list[Finding] = []
        for r, o in outcomes:
            if o == _FIRE:
                found.append(
                    Finding(r.id, r.level, r.reason, r.steps, r.where, r.source, brief=r.brief)
                )
            else:
                q = self._questions[r.question] if r.question else None
                find, brief = ((q.find_out,), q.brief) if q else (r.steps, r.brief)
                found.append(
                    Finding(r.id, r.level, r.reason, find, r.where, r.source, True, brief=brief)
                )
        for item, o, question in ready:
            level: Level = "readiness" if item.required else "note"
            u = item.update
            if u is not None and question == u.question:
                late = inp.today > date(inp.today.year, *u.end)
                reason, steps = (u.late_reason, u.late_steps) if late else (u.reason, u.steps)
                brief = u.late_brief if late else u.brief
                rule_id, source = u.id, u.source
            else:
                reason, steps, rule_id, source = item.why, (item.how,), item.id, item.source
                brief = item.brief
            if o == _FIRE:
                found.append(
                    Finding(rule_id, level, reason, steps, item.where, source, False, item.cost,
                            brief)
                )  # fmt: skip
            else:
                q = self._questions[question] if question else None
                find, brief = ((q.find_out,), q.brief) if q else (steps, brief)
                found.append(
                    Finding(rule_id, level, reason, find, item.where, source, True, item.cost,
                            brief)
                )  # fmt: skip
        order = {id(f): i for i, f in enumerate(found)}
        found.sort(key=lambda f: (_RANK[f.level], f.unknown, order[id(f)]))
        if any(f.level == "prohibited" and not f.unknown for f in found):
            status: Literal["ready", "steps", "blocked"] = "blocked"
        elif any(f.unknown or f.level != "note" for f in found):
            status = "steps"
        else:
            status = "ready"
        return Verdict(status, tuple(found))


# --- loading --------------------------------------------------------------------------------------


class _Builder:
    """Cross-checks and compiles a validated file; every error names the offending line."""

    def __init__(self, data: _FileM, lines: Mapping[Path_, int], file: str) -> None:
        self.data, self.lines, self.file = data, lines, file
        self.phrases = _Phrases()
        self.questions = {q.id for q in data.questions}
        self.messages: set[str] = set()
        self.groups: dict[str, frozenset[int]] = {}
        for name, words in data.words.items():
            self.groups[name] = frozenset(
                self._phrase(w, ("words", name, i)) for i, w in enumerate(words)
            )

    def fail(self, path: Path_, reason: str) -> RulesError:
        return RulesError(self.file, _line(self.lines, path)[0], reason)

    def _phrase(self, word: str, path: Path_) -> int:
        if word.startswith("@"):
            raise self.fail(path, f"{word!r}: a word list cannot name another list")
        pid = self.phrases.add(word)
        if pid is None:
            raise self.fail(path, f"keyword {word!r} has no letters or digits")
        return pid

    def _alternatives(self, item: str | list[str], path: Path_) -> frozenset[int]:
        if isinstance(item, list):
            return frozenset().union(
                *(self._alternatives(w, (*path, i)) for i, w in enumerate(item))
            )
        if item.startswith("@"):
            if item[1:] not in self.groups:
                raise self.fail(path, f"unknown word list {item!r} (see the words section)")
            return self.groups[item[1:]]
        return frozenset({self._phrase(item, path)})

    def patterns(self, items: list[Any] | None, path: Path_) -> tuple[_Pattern, ...]:
        """Any of the items; the plain keywords merged into one group (one set test at run time)."""
        out: list[_Pattern] = []
        anyof: frozenset[int] = frozenset()
        for i, p in enumerate(items or ()):
            if isinstance(p, _AllOfM):
                at = (*path, i, "all")
                out.append(tuple(self._alternatives(a, (*at, j)) for j, a in enumerate(p.all)))
            else:
                anyof |= self._alternatives(p, (*path, i))
        return ((anyof,), *out) if anyof else tuple(out)

    def question(self, qid: str, path: Path_) -> str:
        if qid not in self.questions:
            raise self.fail(path, f"unknown question {qid!r} (see the questions section)")
        return qid

    def message(self, msg: str | None) -> str | None:
        if msg is not None:
            self.messages.add(msg)
        return msg

    def brief(self, reason: str) -> str:
        """The one-line form of a reason (``…-why`` → ``…-brief``), named by convention so the
        locale test finds every one."""
        brief = reason.removesuffix("-why") + "-brief"
        self.messages.add(brief)
        return brief

    def source(self, m: _SourcedM, path: Path_) -> Source:
        if m.source is None and m.confidence != "unverified":
            raise self.fail(path, "a source may only be left out when confidence is unverified")
        return Source(m.source, m.confidence, m.checked_on)

    def craft(self, path: Path_, craft_id: str) -> str:
        if places.craft(craft_id) is None:
            raise self.fail(path, f"unknown craft {craft_id!r} (crafts.json)")
        return craft_id

    def when(self, w: _WhenM | None, path: Path_) -> _When | None:
        if w is None:
            return None
        for i, craft_id in enumerate(w.crafts or ()):
            self.craft((*path, "crafts", i), craft_id)
        for q in w.answers or {}:
            self.question(q, (*path, "answers", q))
        return _When(
            frozenset(w.kinds or ()),
            frozenset(w.crafts or ()),
            self.patterns(w.words, (*path, "words")),
            tuple((w.answers or {}).items()),
        )

    def rule(self, r: _RuleM, path: Path_) -> _Rule:
        if r.valid_from and r.valid_until and r.valid_from > r.valid_until:
            raise self.fail((*path, "valid_from"), "valid_from is after valid_until")
        if r.question is not None:
            self.question(r.question, (*path, "question"))
            if not (r.ask or r.ask_words or r.ask_if or r.not_sure_if):
                raise self.fail(
                    (*path, "question"),
                    "the question is never asked: add ask: always, ask_words, ask_if or "
                    "not_sure_if",
                )
        else:
            for field in ("ask", "ask_words", "ask_if", "not_sure_if"):
                if getattr(r, field) is not None:
                    raise self.fail((*path, field), f"{field} needs a question")
        if r.not_sure_if and not r.match:
            raise self.fail((*path, "not_sure_if"), "not_sure_if needs match")
        for q in r.ask_if or {}:
            self.question(q, (*path, "ask_if", q))
        for i, craft_id in enumerate(r.match_crafts or ()):
            self.craft((*path, "match_crafts", i), craft_id)
        for msg in (r.reason, *r.steps, r.where):
            self.message(msg)
        return _Rule(
            r.id, r.level, self.when(r.applies_to, (*path, "applies_to")), r.gi,
            frozenset(r.match_crafts or ()),
            self.patterns(r.match, (*path, "match")), self.patterns(r.ignore, (*path, "ignore")),
            self.patterns(r.not_sure_if, (*path, "not_sure_if")), r.age_years, r.question,
            r.ask == "always", self.patterns(r.ask_words, (*path, "ask_words")),
            tuple((r.ask_if or {}).items()), r.fire_on, tuple(r.overridden_by or ()),
            r.reason, tuple(r.steps), r.where, self.source(r, path),
            "" if r.level == "note" else self.brief(r.reason), r.valid_from, r.valid_until,
        )  # fmt: skip

    def month_day(self, text: str, path: Path_) -> tuple[int, int]:
        month, day = int(text[:2]), int(text[3:])
        try:
            date(2024, month, day)
        except ValueError:
            raise self.fail(path, f"{text!r} is not a month-day (MM-DD)") from None
        return month, day

    def ready(self, r: _ReadyM, path: Path_) -> _Ready:
        if (r.profile is None) == (r.question is None):
            raise self.fail(path, f"readiness item {r.id!r}: give either profile or question")
        if r.question is not None:
            self.question(r.question, (*path, "question"))
        if r.confirm is not None:
            if r.profile is None:
                raise self.fail((*path, "confirm"), "confirm needs a profile item")
            self.question(r.confirm, (*path, "confirm"))
        if r.yearly_update is not None and r.profile is None:
            raise self.fail((*path, "yearly_update"), "yearly_update needs a profile item")
        for msg in (r.why, r.how, r.cost, r.where):
            self.message(msg)
        update = None
        if (u := r.yearly_update) is not None:
            at = (*path, "yearly_update")
            start = self.month_day(u.from_, (*at, "from"))
            end = self.month_day(u.until, (*at, "until"))
            if end < start:
                raise self.fail((*at, "until"), "until is before from")
            for msg in (u.reason, *u.steps, u.late_reason, *u.late_steps):
                self.message(msg)
            question = self.question(u.question, (*at, "question"))
            update = _Update(u.id, question, start, end, u.reason, tuple(u.steps),
                             u.late_reason, tuple(u.late_steps), self.source(u, at),
                             self.brief(u.reason), self.brief(u.late_reason))  # fmt: skip
        return _Ready(r.id, r.required, r.profile, r.confirm, r.question, r.needs, r.why, r.how,
                      r.cost, r.where, self.source(r, path),
                      self.brief(r.why), update)  # fmt: skip

    def build(self, version: str) -> RuleSet:
        d = self.data
        seen: dict[str, Path_] = {}

        def unique(kind: str, ident: str, path: Path_) -> None:
            key = f"{kind}:{ident}"
            if key in seen:
                other = _line(self.lines, seen[key])[0]
                raise self.fail((*path, "id"), f"duplicate {kind} id {ident!r} (also line {other})")
            seen[key] = path

        for i, q in enumerate(d.questions):
            unique("question", q.id, ("questions", i))
            for part in ("yes_if", "no_if"):
                w = getattr(q, part)
                if w is not None and w.answers:
                    raise self.fail(("questions", i, part, "answers"), f"{part} cannot use answers")
        qs = {
            q.id: _Q(
                Question(q.id, q.message),
                q.find_out,
                q.message + "-brief",
                self.when(q.yes_if, ("questions", i, "yes_if")),
                self.when(q.no_if, ("questions", i, "no_if")),
            )
            for i, q in enumerate(d.questions)
        }
        for q in d.questions:
            self.message(q.message)
            self.message(q.find_out)
            self.message(q.message + "-brief")
        rules: list[_Rule] = []
        for section in ("product_rules", "certificates", "value_rules"):
            for i, r in enumerate(getattr(d, section)):
                unique("rule", r.id, (section, i))
                rules.append(self.rule(r, (section, i)))
        by_destination: dict[str, tuple[_Rule, ...]] = {}
        for i, dest in enumerate(d.destinations):
            unique("destination", dest.id, ("destinations", i))
            self.message(dest.name)
            notes = []
            for j, r in enumerate(dest.notes):
                unique("rule", r.id, ("destinations", i, "notes", j))
                notes.append(self.rule(r, ("destinations", i, "notes", j)))
            by_destination[dest.id] = tuple(notes)
        ready = []
        for i, r in enumerate(d.readiness):
            unique("rule", r.id, ("readiness", i))
            if r.yearly_update is not None:
                unique("rule", r.yearly_update.id, ("readiness", i, "yearly_update"))
            ready.append(self.ready(r, ("readiness", i)))
        rule_ids = {k.split(":", 1)[1] for k in seen if k.startswith("rule:")}
        for section in ("product_rules", "certificates", "value_rules"):
            for i, r in enumerate(getattr(d, section)):
                for j, other in enumerate(r.overridden_by or ()):
                    if other not in rule_ids:
                        raise self.fail((section, i, "overridden_by", j), f"unknown rule {other!r}")
        guess = tuple(
            (g.kind, p, self.patterns(g.ignore, ("guess_kind", i, "ignore")))
            for i, g in enumerate(d.guess_kind)
            for p in self.patterns(g.words, ("guess_kind", i, "words"))
        )
        years = frozenset(w for y in d.year_words for w in _tokens(y))
        craft_needs = {
            self.craft(("craft_needs", craft_id), craft_id): self.patterns(
                words, ("craft_needs", craft_id)
            )
            for craft_id, words in d.craft_needs.items()
        }
        return RuleSet(
            version=version,
            label=f"{d.version} ({d.updated.isoformat()})",
            questions=tuple(q.question for q in qs.values()),
            destinations=tuple((x.id, x.name) for x in d.destinations),
            _questions=qs,
            _rules=tuple(rules),
            _by_destination=by_destination,
            _readiness=tuple(ready),
            _phrases=self.phrases,
            _guess=guess,
            _year_words=years,
            _message_ids=frozenset(self.messages),
            _craft_needs=craft_needs,
        )


def _parse(raw: bytes, file: str) -> RuleSet:
    try:
        text = raw.decode("utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError as e:
        raise RulesError(file, None, f"not UTF-8 text: {e}") from None
    except yaml.MarkedYAMLError as e:
        # An unclosed [ ] or a missing ":" is noticed a line later: point at where it started.
        started = (e.context or "").startswith(("while parsing a flow", "while scanning a simple"))
        mark = (e.context_mark if started else None) or e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise RulesError(file, line, f"not valid YAML: {e.problem or e.context}") from None
    if not isinstance(root, yaml.MappingNode):
        raise RulesError(file, 1, "the file must be a mapping of sections (version:, rules: …)")
    lines: dict[Path_, int] = {}
    data = _plain(root, (), lines, file)
    try:
        model = _FileM.model_validate(data)
    except ValidationError as e:
        located = [(_line(lines, err["loc"]), err) for err in e.errors()]
        (line, path), err = max(located, key=lambda x: (len(x[0][1]), -(x[0][0] or 0)))
        raise RulesError(file, line, _reason(err, path)) from None
    return _Builder(model, lines, file).build(hashlib.sha256(raw).hexdigest()[:16])


@functools.cache
def _default() -> RuleSet:
    resource = resources.files("content") / "data" / RULES_FILE
    return _parse(resource.read_bytes(), RULES_FILE)


def load_rules(path: Path | None = None) -> RuleSet:
    """The rule set from ``path``, or content/data/eligibility.yaml (cached). Raises RulesError
    naming the file, the line and the reason; never returns a partly loaded set."""
    if path is None:
        return _default()
    return _parse(Path(path).read_bytes(), Path(path).name)
