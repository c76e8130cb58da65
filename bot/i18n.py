"""Fluent message catalogues for bn, en and hi, and the one function that renders a message."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from chat.markup import Markup, escape
from content import DEFAULT_LOCALE, LOCALES
from services.text import localise_digits

log = logging.getLogger(__name__)
TERM_PREFIX = "term-"


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)
        self.generic_visit(node)


def _message_ids(resource: ast.Resource) -> dict[str, frozenset[str]]:
    """Message ids of one .ftl file with the variables each uses (for the consistency check)."""
    found: dict[str, frozenset[str]] = {}
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            raise ValueError(f"unparseable Fluent entry: {entry.content[:60]!r}")
        if isinstance(entry, ast.Message):
            collect = _Variables()
            collect.visit(entry)
            found[entry.id.name] = frozenset(collect.names)
    return found


@cache
def _resources(locale: str) -> tuple[ast.Resource, ...]:
    """A locale's .ftl files, parsed once per process (fluent.syntax parses in Python: about
    0.4 s for the three locales; every bot started in one process shares the result, which
    nothing changes: a bundle only reads it)."""
    folder = files("content") / "locales" / locale
    return tuple(
        FluentResource(path.read_text(encoding="utf-8"))
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".ftl")
    )


class Messages:
    """All catalogues, loaded once from content/locales/{locale}/*.ftl."""

    def __init__(self) -> None:
        self._bundles: dict[str, FluentBundle] = {}
        self._terms: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
        self.catalogue: dict[str, dict[str, frozenset[str]]] = {}
        for locale in LOCALES:
            bundle = FluentBundle([locale], use_isolating=False)
            ids: dict[str, frozenset[str]] = {}
            for resource in _resources(locale):
                ids.update(_message_ids(resource))
                bundle.add_resource(resource)
            self._bundles[locale] = bundle
            self.catalogue[locale] = ids

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(self.catalogue[DEFAULT_LOCALE])

    def has(self, key: str) -> bool:
        return key in self.keys

    def short(self, locale: str, key: str, args: Mapping[str, Any] | None = None) -> str | None:
        """The message's ``.short`` attribute (a label for narrow buttons), if it has one."""
        bundle = self._bundles.get(locale) or self._bundles[DEFAULT_LOCALE]
        if not bundle.has_message(key):
            return None
        attribute = bundle.get_message(key).attributes.get("short")
        if attribute is None:
            return None
        prepared = {name: _prepare(value, locale) for name, value in (args or {}).items()}
        value, _ = bundle.format_pattern(attribute, prepared)
        return value

    def terms(self, locale: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The ``term-*`` messages of terms.ftl: their ``.forms`` ("AD code | AD কোড") and the
        explanation (the message itself), read once per locale."""
        if locale not in self._terms:
            bundle = self._bundles.get(locale) or self._bundles[DEFAULT_LOCALE]
            found = []
            for key in sorted(self.catalogue.get(locale, {})):
                if not key.startswith(TERM_PREFIX):
                    continue
                forms = bundle.get_message(key).attributes.get("forms")
                if forms is None:
                    continue
                written, _ = bundle.format_pattern(forms, {})
                names = tuple(f.strip() for f in written.split("|") if f.strip())
                found.append((names, self.text(locale, key)))
            self._terms[locale] = tuple(found)
        return self._terms[locale]

    def text(self, locale: str, key: str, args: Mapping[str, Any] | None = None) -> str:
        """Render ``key`` in ``locale`` (Bengali as fallback). String arguments are escaped for
        for the markup (chat/markup.py) unless they are Markup already; numbers are written in the
        locale's digits."""
        if locale not in self._bundles:
            locale = DEFAULT_LOCALE
        bundle = self._bundles[locale]
        if not bundle.has_message(key):
            log.error("message %s missing in %s", key, locale)
            bundle = self._bundles[DEFAULT_LOCALE]
            if not bundle.has_message(key):
                return key
        prepared = {name: _prepare(value, locale) for name, value in (args or {}).items()}
        message = bundle.get_message(key)
        value, errors = bundle.format_pattern(message.value, prepared)
        if errors:
            log.warning("message %s in %s: %s", key, locale, errors)
        return value


def _prepare(value: Any, locale: str) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return localise_digits(str(value), locale)
    if value is None:
        return ""
    return escape(str(value))
