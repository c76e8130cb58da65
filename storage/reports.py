"""Placeholder: filled by the coordinator console feature."""

from __future__ import annotations

from storage.repo import _Part


class Reports(_Part):
    pass
