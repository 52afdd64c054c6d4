"""Who may do what, object by object. Services call these before writing; views use them to
decide which buttons to show. Nothing here writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import RoleAssignment

if TYPE_CHECKING:
    from verkosto.directory.models import Organisation

Role = RoleAssignment.Role


def _roles(user: Any) -> list[RoleAssignment]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached: list[RoleAssignment] | None = getattr(user, "_verkosto_roles", None)
    if cached is None:
        cached = list(RoleAssignment.objects.filter(user=user))
        user._verkosto_roles = cached
    return cached


def is_administrator(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(
        r.role == Role.ADMINISTRATOR for r in _roles(user)
    )


def is_national_coordinator(user: Any) -> bool:
    return any(r.role == Role.NATIONAL_COORDINATOR for r in _roles(user))


def has_national_reach(user: Any) -> bool:
    return is_administrator(user) or is_national_coordinator(user)


def coordinated_region_ids(user: Any) -> set[int]:
    return {r.region_id for r in _roles(user) if r.role == Role.REGIONAL_COORDINATOR and r.region_id}


def edited_organisation_ids(user: Any) -> set[int]:
    return {
        r.organisation_id for r in _roles(user) if r.role == Role.ORGANISATION_EDITOR and r.organisation_id
    }


def organisation_region_ids(organisation: Organisation) -> set[int]:
    """The regions an organisation works in: those it names and those of its municipalities."""
    if organisation.pk is None:
        return set()
    ids = set(organisation.regions.values_list("pk", flat=True))
    ids |= set(organisation.municipalities.values_list("region_id", flat=True))
    return ids


def can_create_organisation(user: Any, region_ids: set[int] | None = None) -> bool:
    """Administrators and national coordinators anywhere; a regional coordinator in own regions."""
    if has_national_reach(user):
        return True
    mine = coordinated_region_ids(user)
    if not mine:
        return False
    return region_ids is None or (bool(region_ids) and region_ids <= mine)


def can_edit_organisation(user: Any, organisation: Organisation) -> bool:
    if has_national_reach(user):
        return True
    if organisation.pk in edited_organisation_ids(user):
        return True
    mine = coordinated_region_ids(user)
    return bool(mine & organisation_region_ids(organisation))


def can_view_organisation(user: Any, organisation: Organisation) -> bool:
    return organisation.is_published or can_edit_organisation(user, organisation)


def can_edit_anything(user: Any) -> bool:
    return bool(_roles(user)) or is_administrator(user)
