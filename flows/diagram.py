"""Mermaid state diagrams drawn from the flow definitions, so the picture never drifts from the
code: every step, the branches its conditions make (a step asked only ``when`` …), the loops
of steps that keep the question open, the exits an answer can take, /back, and the summary.

``python -m handlers.diagrams --write`` refreshes docs/flows/*.mmd for every registered flow.
"""

from __future__ import annotations

from flows.engine import Flow, Step


def _node(step: Step) -> str:
    return step.name


def _targets(flow: Flow, index: int) -> list[tuple[str, str]]:
    """Where the flow may go after the step at ``index`` (or from the start, at -1): each
    conditional step in turn (taken when its condition holds), up to the first unconditional
    one; past the last step, the summary or the end."""
    targets: list[tuple[str, str]] = []
    for step in flow.steps[index + 1 :]:
        if step.when is None:
            targets.append((_node(step), "otherwise" if targets else ""))
            return targets
        targets.append((_node(step), f"if {step.when_label or 'it applies'}"))
    otherwise = ["otherwise"] if targets else []
    if flow.review_key:
        targets.append(("review", ", ".join(otherwise)))
    else:
        targets.append(("[*]", ", ".join([*otherwise, "saved"])))
    return targets


def _label(step: Step | None, condition: str) -> str:
    said = "answer / skip" if step is not None and step.optional else "answer"
    if step is None:
        said = ""
    parts = [part for part in (said, condition) if part]
    return ", ".join(parts)


def mermaid(flow: Flow) -> str:
    lines = ["stateDiagram-v2"]
    edges: list[tuple[str, str, str]] = []
    for target, condition in _targets(flow, -1):
        edges.append(("[*]", target, condition))
    for index, step in enumerate(flow.steps):
        for target, condition in _targets(flow, index):
            edges.append((_node(step), target, _label(step, condition)))
        if step.loop:
            edges.append((_node(step), _node(step), step.loop))
        if step.exit:
            edges.append((_node(step), "[*]", step.exit))
    for index, step in enumerate(flow.steps[1:], 1):
        # /back goes to the question asked before: a conditional one if it was asked.
        for earlier in reversed(flow.steps[:index]):
            edges.append((_node(step), _node(earlier), "/back"))
            if earlier.when is None:
                break
    if flow.review_key:
        edges += [
            ("review", "edit", "change something"),
            ("edit", "review", "field answered"),
            ("review", "[*]", "confirm (saved)"),
        ]
    for source, target, label in edges:
        lines.append(f"    {source} --> {target}" + (f": {label}" if label else ""))
    pause = "/cancel pauses (answers kept for /start)" if flow.resumable else "/cancel ends it"
    lines.append(f"    note right of {_node(flow.steps[0])}")
    lines.append(f"        {pause}, /help explains, a wrong answer is asked again")
    lines.append("    end note")
    return "\n".join(lines) + "\n"
