"""The layers of DESIGN.md hold in the code: imports only point down (bot → handlers → flows →
services → storage → chat, content), and no package has an import cycle among its modules.
Every import counts, those inside functions and under TYPE_CHECKING too."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lower numbers are lower layers; a module may import its own layer's and lower ones.
LAYERS = {
    "chat": 0,
    "content": 0,
    "storage": 1,
    "services": 2,
    "flows": 3,
    "handlers": 4,
    "bot": 5,
}


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # Alembic loads these by file, not by import
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(path: Path, name: str) -> Iterator[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {target for target in _imports(path, name) if target in modules} - {name}
    return graph


def _layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


def test_imports_only_point_down() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if _layer(target) > _layer(module)
    )
    assert not upward, upward


# Outside services the bot calls over HTTP: a logistics API (Shiprocket), not a chat platform.
HTTP_SERVICES = ("bot.shipping",)


def test_only_the_channels_know_a_platform() -> None:
    platforms = ("telegram", "aiohttp", "httpx")
    known = sorted(
        f"{name} imports {target}"
        for name, path in _modules().items()
        if not name.startswith("bot.channels")
        for target in _imports(path, name)
        if target.split(".")[0] in platforms
        and not (name in HTTP_SERVICES and target.split(".")[0] == "httpx")
    )
    assert not known, known


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in the graph, as the modules along it; None when it has none."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_no_package_has_an_import_cycle() -> None:
    graph = _graph()
    for package in LAYERS:
        inside = {
            module: {t for t in targets if t.split(".")[0] == package}
            for module, targets in graph.items()
            if module.split(".")[0] == package
        }
        assert _cycle(inside) is None, f"{package}: {' → '.join(_cycle(inside) or [])}"


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
