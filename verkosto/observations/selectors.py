"""Reading signals, already scoped to what the reader may see (`permissions`): a worker reads their
own signals; a regional coordinator also the raw signals of the regions they coordinate; national
coordinators and administrators every signal.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from . import permissions
from .models import Signal, Theme

_RELATED = ("municipality", "region", "theme", "regional_theme")


def _with_related(queryset: QuerySet[Signal]) -> QuerySet[Signal]:
    return queryset.select_related(*_RELATED).prefetch_related(
        "tags", Prefetch("target_groups", to_attr="target_group_list")
    )


def signals_visible_to(*, user: Any) -> QuerySet[Signal]:
    """Every signal the user may read: their own, and the raw signals of the regions they
    coordinate (all of them with national reach)."""
    if not getattr(user, "is_authenticated", False):
        return Signal.objects.none()
    if permissions.has_national_reach(user):
        return Signal.objects.all()
    visible = Q(author=user)
    regions = permissions.coordinated_region_ids(user)
    if regions:
        visible |= Q(region_id__in=regions)
    return Signal.objects.filter(visible)


def signals_of_user(*, user: Any) -> QuerySet[Signal]:
    """The signals the user filed, newest first, with what a list shows."""
    if not getattr(user, "is_authenticated", False):
        return Signal.objects.none()
    return _with_related(Signal.objects.filter(author=user)).order_by("-created_at", "-pk")


def signal_list(
    *,
    user: Any,
    region: Any = None,
    municipality: Any = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    theme: uuid.UUID | None = None,
) -> QuerySet[Signal]:
    """The signals the user may read, filtered: region and municipality (objects), observed on or
    after `since` and on or before `until`, in the national or regional theme with this uuid."""
    queryset = signals_visible_to(user=user)
    if region is not None:
        queryset = queryset.filter(region=region)
    if municipality is not None:
        queryset = queryset.filter(municipality=municipality)
    if since is not None:
        queryset = queryset.filter(observed_on__gte=since)
    if until is not None:
        queryset = queryset.filter(observed_on__lte=until)
    if theme is not None:
        queryset = queryset.filter(Q(theme__uuid=theme) | Q(regional_theme__uuid=theme))
    return _with_related(queryset).order_by("-observed_on", "-pk")


def signal_get_for_view(*, user: Any, uuid: uuid.UUID | str) -> Signal:
    """One signal for its author and those who may read its region's signals; 404 for others (a
    signal one may not see is as good as missing)."""
    signal = _with_related(Signal.objects.filter(uuid=uuid)).first()
    if signal is None or not permissions.can_view_signal(user, signal):
        raise Http404
    return signal


def visible_theme(user: Any, signal: Signal) -> Theme | None:
    """The theme to show beside a signal: its regional theme, else its national one, if the user
    may see it (published, or one the user follows as a coordinator)."""
    for theme in (signal.regional_theme, signal.theme):
        if (
            theme is not None
            and theme.status != Theme.Status.MERGED
            and permissions.can_view_theme(user, theme)
        ):
            return theme
    return None
