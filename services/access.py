"""Who may see whom: the single answer to "may this user see this seller?"."""

from __future__ import annotations

from dataclasses import dataclass

from storage.unit import Repo


@dataclass(frozen=True, slots=True)
class Viewer:
    user_id: int
    is_admin: bool = False
    districts: frozenset[str] = frozenset()

    @property
    def is_coordinator(self) -> bool:
        return bool(self.districts)

    @property
    def is_staff(self) -> bool:
        return self.is_admin or self.is_coordinator


def may_see_seller(viewer: Viewer, seller_user_id: int, seller_district: str | None) -> bool:
    """A seller sees themself; a coordinator the sellers of their districts; an admin everyone."""
    if viewer.is_admin or viewer.user_id == seller_user_id:
        return True
    return seller_district is not None and seller_district in viewer.districts


async def viewer_for(repo: Repo, user_id: int, is_admin: bool) -> Viewer:
    """Who is asking: an administrator (by the settings), the districts they coordinate."""
    return Viewer(
        user_id=user_id,
        is_admin=is_admin,
        districts=await repo.coordinators.districts_of(user_id),
    )


def scope_of(viewer: Viewer) -> frozenset[str] | None:
    """The districts a staff member may see (None: all of West Bengal)."""
    return None if viewer.is_admin else viewer.districts
