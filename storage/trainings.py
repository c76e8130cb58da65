"""Placeholder: filled by the trainings feature."""

from __future__ import annotations

from storage.repo import _Part


class Trainings(_Part):
    pass
