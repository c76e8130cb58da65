"""The unit of work: every repository bound to one connection inside one transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from storage.audit import Audit
from storage.base import Changes
from storage.broadcasts import Broadcasts
from storage.checks import Checks
from storage.dialogue import Conversations, Updates
from storage.inbox import Inbox
from storage.jobs import JobRuns
from storage.orders import Orders
from storage.outbox import Outbox
from storage.products import Products
from storage.reports import Reports
from storage.sellers import Sellers
from storage.trainings import Trainings
from storage.users import Coordinators, Users


class Repo:
    """One attribute per repository; flows and handlers get this, never a session."""

    def __init__(self, connection: AsyncConnection, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.changes = changes = Changes()
        self.updates = Updates(connection, dialect, changes)
        self.inbox = Inbox(connection, dialect, changes)
        self.users = Users(connection, dialect, changes)
        self.sellers = Sellers(connection, dialect, changes)
        self.coordinators = Coordinators(connection, dialect, changes)
        self.conversations = Conversations(connection, dialect, changes)
        self.audit = Audit(connection, dialect, changes)
        self.products = Products(connection, dialect, changes)
        self.checks = Checks(connection, dialect, changes)
        self.outbox = Outbox(connection, dialect, changes)
        self.trainings = Trainings(connection, dialect, changes)
        self.orders = Orders(connection, dialect, changes)
        self.broadcasts = Broadcasts(connection, dialect, changes)
        self.job_runs = JobRuns(connection, dialect, changes)
        self.reports = Reports(connection, dialect, changes)

    async def settle(self) -> None:
        """Before the commit: bring the progress of every seller this transaction moved up to
        date, in the same transaction (so the reports never disagree with the data)."""
        if self.changes:
            await self.reports.refresh(self.changes)
            self.changes.clear()
