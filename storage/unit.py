"""The unit of work: every repository bound to one connection inside one transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from storage.broadcasts import Broadcasts, JobRuns
from storage.orders import Orders
from storage.outbox import Outbox
from storage.repo import (
    Audit,
    Checks,
    Conversations,
    Coordinators,
    Products,
    Sellers,
    Updates,
    Users,
)
from storage.reports import Reports
from storage.trainings import Trainings


class Repo:
    """One attribute per repository; flows and handlers get this, never a session."""

    def __init__(self, connection: AsyncConnection, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.updates = Updates(connection, dialect)
        self.users = Users(connection, dialect)
        self.sellers = Sellers(connection, dialect)
        self.coordinators = Coordinators(connection, dialect)
        self.conversations = Conversations(connection, dialect)
        self.audit = Audit(connection, dialect)
        self.products = Products(connection, dialect)
        self.checks = Checks(connection, dialect)
        self.outbox = Outbox(connection, dialect)
        self.trainings = Trainings(connection, dialect)
        self.orders = Orders(connection, dialect)
        self.broadcasts = Broadcasts(connection, dialect)
        self.job_runs = JobRuns(connection, dialect)
        self.reports = Reports(connection, dialect)
