"""Every feature of the bot, in one ordered list: the order of /menu's entries, of /help's
lines and of the command list. Dispatch, menus, help, the resumable flows, the scheduled jobs
and the flow diagrams are derived from it (README: "Adding a feature")."""

from __future__ import annotations

from handlers import (
    admin,
    broadcasts,
    catalogue,
    checks,
    coordinators,
    data_rights,
    housekeeping,
    navigation,
    orders,
    pricing,
    profile,
    registration,
    trainings,
)
from handlers.feature import Feature

FEATURES: tuple[Feature, ...] = (
    coordinators.FEATURE,
    registration.FEATURE,
    catalogue.FEATURE,
    checks.FEATURE,
    pricing.FEATURE,
    orders.FEATURE,
    trainings.FEATURE,
    profile.FEATURE,
    navigation.FEATURE,
    data_rights.FEATURE,
    broadcasts.FEATURE,
    admin.FEATURE,
    housekeeping.COMPLIANCE,
    housekeeping.HOUSEKEEPING,
)
