"""Reads of themes for pages and the API, scoped to what the user may see.

Aggregates follow the small-count rule (`permissions.visible_count`): a count between 1 and
SMALL_COUNT - 1 of a region is shown only to that region's own coordinators. Counts that add up
several regions (by month, target group, tag) are shown small only to someone who sees the small
counts of every region in them. Raw signals are listed only as `permissions.can_view_signal` allows.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404

from verkosto.core.models import Municipality, Region
from verkosto.directory.models import TargetGroup

from . import permissions
from .models import Signal, Tag, TextLanguage, Theme, ThemeRun
from .themes import level_of, scope_filter, signals_of

REPRESENTATIVE = 8
SPLITTABLE = 200
CHART_HEIGHT = 100
BAR_STEP = 24


def themes_visible_to(user: Any) -> QuerySet[Theme]:
    """The themes `permissions.can_view_theme` allows, as one query."""
    if not getattr(user, "is_authenticated", False):
        return Theme.objects.none()
    if permissions.has_national_reach(user):
        return Theme.objects.all()
    visible = Q(is_published=True)
    regions = permissions.coordinated_region_ids(user)
    if regions:
        visible |= Q(region_id__in=regions) | Q(region__isnull=True)
    return Theme.objects.filter(visible)


def theme_list(*, user: Any, scope: str = "", language: str = "", status: str = "") -> QuerySet[Theme]:
    """`scope`: "" every scope, "national", or a region's code. `status` "" hides merged themes."""
    themes = themes_visible_to(user).select_related("region")
    if scope == "national":
        themes = themes.filter(region__isnull=True)
    elif scope:
        themes = themes.filter(region__code=scope.upper())
    if language:
        themes = themes.filter(language=language)
    themes = themes.filter(status=status) if status else themes.exclude(status=Theme.Status.MERGED)
    return themes.order_by("-signal_count", "pk")


def theme_get_for_view(*, user: Any, theme_uuid: uuid.UUID | str) -> Theme:
    """One theme for someone who may see it; 404 for anyone else (as if it did not exist)."""
    try:
        key = uuid.UUID(str(theme_uuid))
    except ValueError:
        raise Http404 from None
    theme = Theme.objects.select_related("region", "merged_into").filter(uuid=key).first()
    if theme is None or not permissions.can_view_theme(user, theme):
        raise Http404
    return theme


def theme_signals_visible_to(user: Any, theme: Theme) -> QuerySet[Signal]:
    """The theme's signals the user may read (`permissions.can_view_signal`, as a query)."""
    signals = signals_of(theme)
    if not getattr(user, "is_authenticated", False):
        return signals.none()
    if permissions.has_national_reach(user):
        return signals
    return signals.filter(Q(author_id=user.pk) | Q(region_id__in=permissions.coordinated_region_ids(user)))


@dataclass
class CountRow:
    key: Any
    label: str
    count: int | None  # None: suppressed


@dataclass
class MonthBar(CountRow):
    # Geometry of the bar in the chart (pixels): left edge, height, top.
    x: int = 0
    h: int = 0
    y: int = 0


@dataclass
class ThemeDetail:
    representative: list[Signal]
    by_region: list[CountRow]
    by_municipality: list[CountRow]
    by_month: list[MonthBar]
    target_groups: list[CountRow]
    tags: list[CountRow]
    visible_signal_count: int
    small_counts_hidden: bool
    merged_from: list[Theme] = field(default_factory=list)

    @property
    def chart_width(self) -> int:
        return max(len(self.by_month), 1) * BAR_STEP


def _sees_all_small(user: Any, region_ids: set[int]) -> bool:
    return all(permissions.sees_small_counts(user, r) for r in region_ids)


def _suppress(count: int, sees_small: bool) -> int | None:
    return None if 0 < count < permissions.SMALL_COUNT and not sees_small else count


def theme_detail(*, user: Any, theme: Theme) -> ThemeDetail:
    """What the theme page shows besides the theme itself: a fixed number of queries."""
    signals = signals_of(theme)
    regions_in = dict(signals.values_list("region_id").annotate(n=Count("pk")).order_by())
    region_names = Region.objects.in_bulk(list(regions_in))
    by_region = [
        CountRow(region_names[r].code, region_names[r].name, permissions.visible_count(user, r, n))
        for r, n in sorted(regions_in.items(), key=lambda rn: region_names[rn[0]].code)
    ]
    sees_small = _sees_all_small(user, set(regions_in))

    mine = permissions.coordinated_region_ids(user) & set(regions_in)
    by_municipality: list[CountRow] = []
    if mine:
        rows = (
            signals.filter(region_id__in=mine)
            .values_list("municipality_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        names = Municipality.objects.in_bulk([m for m, _n in rows])
        by_municipality = sorted(
            (CountRow(m, names[m].name, n) for m, n in rows), key=lambda row: (-(row.count or 0), row.label)
        )

    # Month by month, per region first, so that a month whose count is small in some region the
    # user does not coordinate is suppressed as a whole.
    monthly: dict[datetime.date, dict[int, int]] = {}
    for month, region_id, n in (
        signals.annotate(month=TruncMonth("observed_on"))
        .values_list("month", "region_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        monthly.setdefault(month, {})[region_id] = n
    months = []
    for month in sorted(monthly):
        per_region = monthly[month]
        total = sum(per_region.values())
        months.append(MonthBar(month, "", _suppress(total, _sees_all_small(user, set(per_region)))))
    tallest = max((m.count or 0 for m in months), default=0)
    for n, bar in enumerate(months):
        bar.x = n * BAR_STEP
        bar.h = round(CHART_HEIGHT * (bar.count or 0) / tallest) if tallest else 0
        bar.y = CHART_HEIGHT - bar.h

    groups = dict(
        signals.filter(target_groups__isnull=False)
        .values_list("target_groups")
        .annotate(n=Count("pk"))
        .order_by()
    )
    group_names = TargetGroup.objects.in_bulk(list(groups))
    target_groups = [
        CountRow(group_names[g].slug, group_names[g].name, _suppress(n, sees_small))
        for g, n in sorted(groups.items(), key=lambda gn: (-gn[1], group_names[gn[0]].position))
    ]
    tag_counts = dict(
        signals.filter(tags__isnull=False).values_list("tags").annotate(n=Count("pk")).order_by()
    )
    tag_names = Tag.objects.in_bulk(list(tag_counts))
    tags = [
        CountRow(tag_names[t].name, tag_names[t].name, _suppress(n, sees_small))
        for t, n in sorted(tag_counts.items(), key=lambda tn: (-tn[1], tag_names[tn[0]].name))[:20]
    ]

    level = level_of(theme)
    visible = theme_signals_visible_to(user, theme)
    representative = list(
        visible.select_related("municipality").order_by(f"-{level.similarity}", "-observed_on", "-pk")[
            :REPRESENTATIVE
        ]
    )
    return ThemeDetail(
        representative=representative,
        by_region=by_region,
        by_municipality=by_municipality,
        by_month=months,
        target_groups=target_groups,
        tags=tags,
        visible_signal_count=visible.count(),
        small_counts_hidden=not sees_small,
        merged_from=list(theme.merged_from.all()),
    )


def splittable_signals(*, user: Any, theme: Theme) -> list[Signal]:
    """The signals a coordinator may pick for a split (most typical first)."""
    level = level_of(theme)
    return list(
        theme_signals_visible_to(user, theme).order_by(f"-{level.similarity}", "-observed_on", "-pk")[
            :SPLITTABLE
        ]
    )


def merge_targets(theme: Theme) -> QuerySet[Theme]:
    """Themes this one can be merged into, or a signal of it moved to: same scope and language."""
    return (
        Theme.objects.filter(language=theme.language, **scope_filter(theme.region_id))
        .exclude(status=Theme.Status.MERGED)
        .exclude(pk=theme.pk)
        .order_by("-signal_count", "pk")
    )


def last_runs(*, region_id: int | None) -> list[ThemeRun]:
    """The latest run of each language of a scope (without the stored model)."""
    runs = []
    for language in TextLanguage.values:
        run = (
            ThemeRun.objects.filter(language=language, **scope_filter(region_id))
            .defer("model")
            .order_by("-created_at", "-pk")
            .first()
        )
        if run is not None:
            runs.append(run)
    return runs
