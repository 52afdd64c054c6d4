"""Who may see and do what with signals and themes. Reads roles from accounts; writes nothing.

- Anyone signed in with a role (a person of an organisation, a coordinator, an administrator)
  files signals. A worker sees their own signals and the published themes.
- Raw signals stay inside the region's coordinators (regional coordinator role of that region) and
  the national coordinators (and administrators).
- A regional theme is edited, commented on and escalated by its region's coordinators; national
  coordinators edit national themes and handle escalations. Either may publish a theme they edit
  and turn it into a bulletin.
- Aggregate counts below `SMALL_COUNT` in a region and month are shown only to that region's own
  coordinators (`sees_small_counts`); everyone else sees them suppressed.
"""

from __future__ import annotations

from typing import Any

from verkosto.accounts import permissions as account_permissions
from verkosto.accounts.models import RoleAssignment

from .models import Signal, Theme

Role = RoleAssignment.Role
SMALL_COUNT = 5


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def has_national_reach(user: Any) -> bool:
    return account_permissions.has_national_reach(user)


def coordinated_region_ids(user: Any) -> set[int]:
    return account_permissions.coordinated_region_ids(user)


def person_organisation_ids(user: Any) -> list[int]:
    """The user's organisations (editor or member roles), lowest id first: the first is the default."""
    return sorted(
        {
            r.organisation_id
            for r in account_permissions._roles(user)
            if r.role in (Role.ORGANISATION_EDITOR, Role.ORGANISATION_MEMBER) and r.organisation_id
        }
    )


def can_file_signal(user: Any) -> bool:
    return _signed_in(user) and (
        bool(account_permissions._roles(user)) or account_permissions.is_administrator(user)
    )


def can_enter_in_bulk(user: Any) -> bool:
    """Bulk entry and spreadsheet import: coordinators (of a region or national) and administrators."""
    return has_national_reach(user) or bool(coordinated_region_ids(user))


def can_see_region_signals(user: Any, region_id: int | None) -> bool:
    """May read the raw signals of a region (None: of every region, i.e. national reach)."""
    if not _signed_in(user):
        return False
    if has_national_reach(user):
        return True
    return region_id is not None and region_id in coordinated_region_ids(user)


def can_view_signal(user: Any, signal: Signal) -> bool:
    if not _signed_in(user):
        return False
    return signal.author_id == user.pk or can_see_region_signals(user, signal.region_id)


def can_edit_theme(user: Any, theme: Theme) -> bool:
    """Rename, merge, split, move signals, comment, publish, turn into a bulletin."""
    if not _signed_in(user):
        return False
    if has_national_reach(user):
        return True
    return theme.region_id is not None and theme.region_id in coordinated_region_ids(user)


def can_view_theme(user: Any, theme: Theme) -> bool:
    if not _signed_in(user):
        return False
    if theme.is_published or can_edit_theme(user, theme):
        return True
    # Regional coordinators follow national themes (they see only their own regions' signals in them).
    return theme.region_id is None and bool(coordinated_region_ids(user))


def can_escalate(user: Any, theme: Theme) -> bool:
    return (
        _signed_in(user)
        and theme.region_id is not None
        and (theme.region_id in coordinated_region_ids(user) or has_national_reach(user))
    )


def can_handle_escalations(user: Any) -> bool:
    return _signed_in(user) and has_national_reach(user)


def sees_small_counts(user: Any, region_id: int) -> bool:
    """Counts below SMALL_COUNT in this region are shown only to the region's own coordinators."""
    return _signed_in(user) and region_id in coordinated_region_ids(user)


def can_view_radar(user: Any) -> bool:
    """The radar of emerging themes: coordinators and administrators."""
    return has_national_reach(user) or bool(coordinated_region_ids(user))


def visible_count(user: Any, region_id: int, count: int) -> int | None:
    """A region's count for one month as this user may see it: None (suppressed) when it is
    between 1 and SMALL_COUNT - 1 and the user is not one of the region's coordinators."""
    if 0 < count < SMALL_COUNT and not sees_small_counts(user, region_id):
        return None
    return count
