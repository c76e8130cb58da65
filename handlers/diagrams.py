"""The flow diagrams of every registered flow, drawn from their definitions (flows/diagram.py).

python -m handlers.diagrams            # prints them
python -m handlers.diagrams --write    # refreshes docs/flows/*.mmd
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows.diagram import mermaid
from handlers.features import FEATURES
from handlers.registry import Registry

DOCS = Path(__file__).resolve().parent.parent / "docs" / "flows"


def diagrams() -> dict[str, str]:
    """Each registered flow's diagram, by flow name (the file name under docs/flows)."""
    return {flow.name: mermaid(flow) for flow in Registry(FEATURES).flows}


def main(argv: list[str]) -> None:
    for name, text in diagrams().items():
        if "--write" in argv:
            DOCS.mkdir(parents=True, exist_ok=True)
            (DOCS / f"{name}.mmd").write_text(text, encoding="utf-8")
        else:
            print(f"%% {name}\n{text}")


if __name__ == "__main__":
    main(sys.argv[1:])
