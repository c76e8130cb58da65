"""Placeholder: filled by the broadcasts feature."""

from __future__ import annotations

from storage.repo import _Part


class Broadcasts(_Part):
    pass


class JobRuns(_Part):
    pass
