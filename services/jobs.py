"""What a scheduled job is given: one transaction, the moment it runs, where the sellers live."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from storage.unit import Repo


@dataclass(frozen=True, slots=True)
class JobContext:
    repo: Repo
    now: datetime  # aware, in ``zone``
    zone: tzinfo  # TIMEZONE: the sellers' calendar days and clock
    data_dir: Path


Job = Callable[[JobContext], Awaitable[None]]
