"""Placeholder: filled by the orders feature."""

from __future__ import annotations

from storage.repo import _Part


class Orders(_Part):
    pass
