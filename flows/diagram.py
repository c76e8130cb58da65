"""Mermaid diagrams generated from the flow definitions, so the picture never drifts from code.

python -m flows.diagram            # prints every flow's diagram
python -m flows.diagram --write    # refreshes docs/flows/*.mmd
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows.broadcasts import broadcast
from flows.delete import deletion
from flows.eligibility import eligibility
from flows.engine import Flow
from flows.orders import import_orders, new_order
from flows.product import product, product_delete
from flows.registration import profile_edit, registration
from flows.trainings import new_training

FLOWS: tuple[Flow, ...] = (
    registration,
    profile_edit,
    deletion,
    product,
    product_delete,
    eligibility,
    new_training,
    new_order,
    import_orders,
    broadcast,
)
DOCS = Path(__file__).resolve().parent.parent / "docs" / "flows"


def mermaid(flow: Flow) -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {flow.steps[0].name}"]
    for step, following in zip(flow.steps, flow.steps[1:], strict=False):
        label = "answer / skip" if step.optional else "answer"
        lines.append(f"    {step.name} --> {following.name}: {label}")
        lines.append(f"    {following.name} --> {step.name}: /back")
    last = flow.steps[-1].name
    if flow.review_key:
        lines += [
            f"    {last} --> review: answer",
            "    review --> edit: change something",
            "    edit --> review: field answered",
            "    review --> [*]: confirm (saved)",
        ]
    else:
        lines.append(f"    {last} --> [*]: answer (saved)")
    lines.append("    note right of " + flow.steps[0].name)
    lines.append("        /cancel pauses (answers kept), /help explains, wrong answers repeat")
    lines.append("    end note")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    for flow in FLOWS:
        text = mermaid(flow)
        if "--write" in argv:
            DOCS.mkdir(parents=True, exist_ok=True)
            (DOCS / f"{flow.name}.mmd").write_text(text, encoding="utf-8")
        else:
            print(f"%% {flow.name}\n{text}")


if __name__ == "__main__":
    main(sys.argv[1:])
