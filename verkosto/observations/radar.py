"""The radar of what is emerging: reads for `/signals/radar/`, already scoped to the viewer.

Counts come from one SQL aggregate of the signals (national theme, region, language and month),
keyword measures from `KeywordCount`; signal texts are never read. Both are cached under a cheap
data-version token (how many signals, the newest id and date, the latest theme run, the latest
theme change, the latest keyword row), so a page view after the first costs a few small queries and
some arithmetic. Suppression of small counts (`permissions.visible_count`) is applied per viewer,
after the cache, on every count a region shows.

Themes are the national themes (`Signal.theme`): one theme can then be followed across regions, so
that a burst in one region and spread to new regions are comparable. See
docs/decisions/0005-emergence.md.
"""

from __future__ import annotations

import datetime
import hashlib
import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Count, Func, Max, Sum
from django.utils import timezone

from verkosto.core.models import Region
from verkosto.textanalytics import emergence
from verkosto.textanalytics.emergence import KeywordMeasure, Quadrant, Thresholds

from . import permissions
from .models import KeywordCount, Signal, Theme, ThemeRun

MONTH = "month"
QUARTER = "quarter"
PERIODS = (MONTH, QUARTER)
WINDOWS = (12, 24)  # months
# "Now" is the last this many periods: a burst that began there, a region first reached there.
RECENT_PERIODS = {MONTH: 3, QUARTER: 1}
# A theme has reached a new region when at least this many of its recent signals come from there:
# one or two signals are a single worker's note, not a spread (the demo radar listed a dozen such).
MIN_SPREAD_SIGNALS = 3
# A keyword enters the maps when at least this many signals in the window contain it: rarer words
# are typing and chance, and medians over them would put every real keyword above the line.
MIN_KEYWORD_SIGNALS = 5
# The emergence map shows at most this many keywords of each quadrant (the table lists the same).
KEYWORDS_PER_QUADRANT = 12
CACHE_SECONDS = 300


# --- the data-version token and the cached aggregates --------------------------------------------


class _MonthOf(Func):
    """'YYYY-MM' of a date column, computed by the database itself.

    SQLite stores dates as ISO text, so the first seven characters are the month: a built-in
    function, unlike TruncMonth, which SQLite runs as a Python callback per row (measured several
    times slower over 100,000 signals)."""

    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7)", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')", **extra)


def data_version() -> tuple[Any, ...]:
    """Changes whenever a signal is added or deleted, themes are recomputed or edited, or the
    keyword counts are rebuilt. Edits that change none of these (rare) show within CACHE_SECONDS."""
    # COUNT(*) rather than COUNT(id): SQLite then counts the smallest index, not the table.
    signals = Signal.objects.order_by().aggregate(n=Count("*"), last=Max("pk"), latest=Max("observed_on"))
    return (
        signals["n"],
        signals["last"],
        signals["latest"],
        ThemeRun.objects.order_by().aggregate(m=Max("pk"))["m"],
        Theme.objects.order_by().aggregate(m=Max("updated_at"))["m"],
        KeywordCount.objects.order_by().aggregate(m=Max("pk"))["m"],
    )


def _first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _period_start(month: datetime.date, period: str) -> datetime.date:
    if period == QUARTER:
        return datetime.date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)
    return month


def period_starts(end: datetime.date, period: str, window: int) -> list[datetime.date]:
    """The first days of the window's periods, oldest first, the last one containing `end`."""
    step = 3 if period == QUARTER else 1
    last = _period_start(_first_of_month(end), period)
    return [_add_months(last, -step * i) for i in range(window // step - 1, -1, -1)]


@dataclass(frozen=True)
class Counts:
    """Signals per period of the window (oldest first), by region, national theme and language."""

    starts: list[datetime.date]
    # (theme id or None, region id, language) -> counts per period
    cells: dict[tuple[int | None, int, str], list[int]]

    def series(self, *, theme_id: Any = ..., region_id: int | None = None, language: str = "") -> list[int]:
        """Sum over cells matching the arguments (theme_id=... : every theme, unthemed too)."""
        out = [0] * len(self.starts)
        for (theme, region, lang), values in self.cells.items():
            if theme_id is not ... and theme != theme_id:
                continue
            if (region_id is not None and region != region_id) or (language and lang != language):
                continue
            for i, value in enumerate(values):
                out[i] += value
        return out


def _key(*parts: Any) -> str:
    return "radar:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _window_end(latest: datetime.date | None) -> datetime.date:
    today = timezone.localdate()
    return min(latest, today) if latest else today


def _counts(version: tuple[Any, ...], period: str, window: int) -> Counts:
    key = _key("counts", version, period, window)
    found = cache.get(key)
    if found is not None:
        return found
    starts = period_starts(_window_end(version[2]), period, window)
    step = 3 if period == QUARTER else 1
    index_of = {}
    for i, start in enumerate(starts):
        for m in range(step):
            index_of[f"{_add_months(start, m):%Y-%m}"] = i
    end = _add_months(starts[-1], step)
    rows = (
        Signal.objects.order_by()
        .filter(observed_on__gte=starts[0], observed_on__lt=end)
        .annotate(month=_MonthOf("observed_on"))
        .values_list("month", "region_id", "theme_id", "language")
        .annotate(n=Count("pk"))
    )
    cells: dict[tuple[int | None, int, str], list[int]] = {}
    for month, region_id, theme_id, lang, n in rows:
        slot = index_of.get(month)
        if slot is None:
            continue
        i = slot
        cells.setdefault((theme_id, region_id, lang), [0] * len(starts))[i] += n
    counts = Counts(starts=starts, cells=cells)
    cache.set(key, counts, CACHE_SECONDS)
    return counts


# --- emerging themes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """A theme emerging in a region: a burst of its share, or the theme newly reaching it."""

    theme_id: int
    region_id: int
    burst: bool
    spread: bool
    since: int  # index of the period the flag first holds
    recent: int  # the theme's signals in the region in the recent periods
    z: float | None


def _flags(version: tuple[Any, ...], counts: Counts, period: str, window: int, language: str) -> list[Flag]:
    """Every theme-region pair's flags; the same for every viewer, so cached with the counts."""
    key = _key("flags", version, period, window, language)
    found = cache.get(key)
    if found is None:
        found = _compute_flags(counts, period, language)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _compute_flags(counts: Counts, period: str, language: str) -> list[Flag]:
    recent = RECENT_PERIODS[period]
    by_theme: dict[int, dict[int, list[int]]] = defaultdict(dict)
    region_totals: dict[int, list[int]] = defaultdict(lambda: [0] * len(counts.starts))
    for (theme_id, region_id, lang), values in counts.cells.items():
        if language and lang != language:
            continue
        totals = region_totals[region_id]
        for i, value in enumerate(values):
            totals[i] += value
        if theme_id is None:
            continue
        mine = by_theme[theme_id].setdefault(region_id, [0] * len(values))
        for i, value in enumerate(values):
            mine[i] += value
    flags = []
    for theme_id, regions in by_theme.items():
        spread_to = emergence.new_regions(regions, recent, min_signals=MIN_SPREAD_SIGNALS)
        for region_id, values in regions.items():
            burst_from = emergence.burst_since(values, region_totals[region_id], recent=recent)
            spread = region_id in spread_to
            if burst_from is None and not spread:
                continue
            flags.append(
                Flag(
                    theme_id=theme_id,
                    region_id=region_id,
                    burst=burst_from is not None,
                    spread=spread,
                    # A spread holds from the theme's first signal in the region.
                    since=burst_from
                    if burst_from is not None
                    else next(i for i, v in enumerate(values) if v > 0),
                    recent=sum(values[-recent:]),
                    z=emergence.burst(values, region_totals[region_id]).z if burst_from is not None else None,
                )
            )
    return flags


# --- keywords -------------------------------------------------------------------------------------


def _keyword_measures(
    version: tuple[Any, ...], counts: Counts, period: str, window: int, region_id: int | None, language: str
) -> tuple[list[KeywordMeasure], Thresholds]:
    # Keyword measures are monthly statistics over thousands of signals: one more signal moves them
    # by a hair. They are recomputed when keywords appear that were never counted (a new
    # KeywordCount row) or after CACHE_SECONDS, not on every new signal as the rest of the page is
    # (measured at 100,000 signals: 200 ms of the 280 ms a page without cache takes).
    key = _key("keywords", version[-1:], period, window, region_id, language)
    found = cache.get(key)
    if found is not None:
        return found
    starts = counts.starts
    step = 3 if period == QUARTER else 1
    index_of = {start: i for i, start in enumerate(starts)}
    rows = KeywordCount.objects.order_by().filter(
        month__gte=starts[0], month__lt=_add_months(starts[-1], step)
    )
    if region_id is not None:
        rows = rows.filter(region_id=region_id)
    if language:
        rows = rows.filter(language=language)
    tf: dict[str, list[int]] = {}
    df: dict[str, list[int]] = {}
    lang_of: dict[str, str] = {}
    for term, lang, month, term_tf, term_df in (
        rows.values_list("term", "language", "month").annotate(t=Sum("tf"), d=Sum("df")).iterator()
    ):
        # The same spelling in Finnish and Swedish is two keywords when both languages are shown.
        name = term if language or lang == "fi" else f"{term} ({lang})"
        lang_of[name] = lang
        i = index_of[_period_start(month, period)]
        tf.setdefault(name, [0] * len(starts))[i] += term_tf
        df.setdefault(name, [0] * len(starts))[i] += term_df
    kept = [name for name, values in df.items() if sum(values) >= MIN_KEYWORD_SIGNALS]
    documents_by_lang = {
        lang: counts.series(region_id=region_id, language=lang) for lang in set(lang_of.values())
    }
    # NN_j: the signals of the keyword's language in the period (of the region when one is chosen).
    measures: list[KeywordMeasure] = []
    thresholds = Thresholds(0.0, 0.0, 0.0, 0.0)
    if kept:
        by_lang: dict[str, list[str]] = defaultdict(list)
        for name in kept:
            by_lang[lang_of[name]].append(name)
        if len(by_lang) == 1:
            (lang, names), *_ = by_lang.items()
            measures, thresholds = emergence.keyword_measures(
                {n: tf[n] for n in names}, {n: df[n] for n in names}, documents_by_lang[lang]
            )
        else:
            measures, thresholds = _measures_over_languages(tf, df, by_lang, documents_by_lang)
    # Only what the page shows is kept: thousands of measures would cost more to unpickle than
    # the page has time for.
    result = (_chosen_keywords(measures), thresholds)
    cache.set(key, result, CACHE_SECONDS)
    return result


def _measures_over_languages(
    tf: dict[str, list[int]],
    df: dict[str, list[int]],
    by_lang: dict[str, list[str]],
    documents: dict[str, list[int]],
) -> tuple[list[KeywordMeasure], Thresholds]:
    """Each language's keywords measured against its own signals, then classified together: a
    Swedish keyword's share of Swedish signals is comparable with a Finnish one's of Finnish."""
    raw: list[KeywordMeasure] = []
    for lang, names in by_lang.items():
        found, _ = emergence.keyword_measures(
            {n: tf[n] for n in names}, {n: df[n] for n in names}, documents[lang]
        )
        raw += found
    thresholds = Thresholds(
        average_dov=statistics.median(m.average_dov for m in raw),
        dov_growth=statistics.median(m.dov_growth for m in raw),
        average_dod=statistics.median(m.average_dod for m in raw),
        dod_growth=statistics.median(m.dod_growth for m in raw),
    )
    measures = [
        replace(
            m,
            kem=emergence.classify(
                m.average_dov, m.dov_growth, thresholds.average_dov, thresholds.dov_growth
            ),
            kim=emergence.classify(
                m.average_dod, m.dod_growth, thresholds.average_dod, thresholds.dod_growth
            ),
        )
        for m in raw
    ]
    return sorted(measures, key=lambda m: m.term), thresholds


# --- what a viewer gets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RadarFilters:
    region: Region | None = None
    language: str = ""
    period: str = MONTH
    window: int = 12
    theme: Theme | None = None


def default_region(user: Any) -> Region | None:
    """A regional coordinator starts from their (first) region; national reach from all of them."""
    if permissions.has_national_reach(user):
        return None
    mine = permissions.coordinated_region_ids(user)
    return Region.objects.filter(pk__in=mine).order_by("code").first() if mine else None


@dataclass(frozen=True)
class Cell:
    """A count as this viewer may see it: `value` None when suppressed (shown as "<5")."""

    value: int | None

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class EmergingRegion:
    region: Region
    burst: bool
    spread: bool
    since: datetime.date
    recent: Cell
    z: float | None


@dataclass(frozen=True)
class EmergingTheme:
    theme: Theme
    regions: list[EmergingRegion]
    national_recent: int

    @property
    def since(self) -> datetime.date:
        return min(r.since for r in self.regions)


@dataclass(frozen=True)
class RegionRow:
    region: Region
    emerging: int  # how many themes are emerging there
    theme_recent: Cell | None  # the chosen theme's recent signals there


@dataclass(frozen=True)
class SeriesPoint:
    start: datetime.date
    national: int
    region: Cell | None


@dataclass
class Radar:
    filters: RadarFilters
    starts: list[datetime.date]
    recent_periods: int
    emerging: list[EmergingTheme]
    regions: list[RegionRow]
    theme: Theme | None
    series: list[SeriesPoint]
    keywords: list[KeywordMeasure]
    thresholds: Thresholds
    total_signals: int
    themes: list[Theme] = field(default_factory=list)  # themes one may choose for the series

    @property
    def recent_start(self) -> datetime.date | None:
        return self.starts[-self.recent_periods] if self.starts else None


def _cell(user: Any, region_id: int, count: int) -> Cell:
    return Cell(permissions.visible_count(user, region_id, count))


def _chosen_keywords(measures: list[KeywordMeasure]) -> list[KeywordMeasure]:
    """Up to KEYWORDS_PER_QUADRANT of each quadrant: the fastest growing weak and strong signals,
    the most visible well-known and latent ones."""
    order = {Quadrant.WEAK: 0, Quadrant.STRONG: 1, Quadrant.WELL_KNOWN: 2, Quadrant.LATENT: 3}
    groups: dict[Quadrant, list[KeywordMeasure]] = defaultdict(list)
    for m in measures:
        groups[m.kem].append(m)
    chosen = []
    for quadrant, members in sorted(groups.items(), key=lambda item: order[item[0]]):
        if quadrant in (Quadrant.WEAK, Quadrant.STRONG):
            members.sort(key=lambda m: (-m.dov_growth, m.term))
        else:
            members.sort(key=lambda m: (-m.average_dov, m.term))
        chosen += members[:KEYWORDS_PER_QUADRANT]
    return chosen


def radar_for(*, user: Any, filters: RadarFilters) -> Radar:
    """Everything the radar page shows, as this user may see it. PermissionDenied for anyone but
    coordinators and administrators."""
    if not permissions.can_view_radar(user):
        raise PermissionDenied
    version = data_version()
    counts = _counts(version, filters.period, filters.window)
    recent = RECENT_PERIODS[filters.period]
    region_id = filters.region.pk if filters.region else None
    language = filters.language
    flags = _flags(version, counts, filters.period, filters.window, language)
    regions = {r.pk: r for r in Region.objects.order_by("code")}
    theme_ids = {f.theme_id for f in flags}
    themes_by_id = {t.pk: t for t in Theme.objects.filter(pk__in=theme_ids)}

    national_by_theme: dict[int | None, list[int]] = defaultdict(lambda: [0] * len(counts.starts))
    for (theme_id, _region, lang), values in counts.cells.items():
        if language and lang != language:
            continue
        series = national_by_theme[theme_id]
        for i, value in enumerate(values):
            series[i] += value

    grouped: dict[int, list[Flag]] = defaultdict(list)
    for flag in flags:
        theme = themes_by_id.get(flag.theme_id)
        if theme is None or not permissions.can_view_theme(user, theme):
            continue
        grouped[flag.theme_id].append(flag)
    emerging = []
    for theme_id, theme_flags in grouped.items():
        if region_id is not None and not any(f.region_id == region_id for f in theme_flags):
            continue
        emerging.append(
            EmergingTheme(
                theme=themes_by_id[theme_id],
                regions=sorted(
                    (
                        EmergingRegion(
                            region=regions[f.region_id],
                            burst=f.burst,
                            spread=f.spread,
                            since=counts.starts[f.since],
                            recent=_cell(user, f.region_id, f.recent),
                            z=f.z,
                        )
                        for f in theme_flags
                    ),
                    key=lambda r: (r.region.pk != region_id, r.region.code),
                ),
                national_recent=sum(national_by_theme[theme_id][-recent:]),
            )
        )
    emerging.sort(key=lambda e: (-len(e.regions), -e.national_recent, e.theme.pk))

    theme = filters.theme
    if theme is None and emerging:
        theme = emerging[0].theme
    if theme is None:
        largest = max(
            ((sum(v), t) for t, v in national_by_theme.items() if t is not None),
            default=None,
            key=lambda p: p[0],
        )
        if largest is not None:
            theme = Theme.objects.filter(pk=largest[1]).first()
    if theme is not None and not permissions.can_view_theme(user, theme):
        theme = None

    # The map shows every region whichever is chosen: themes emerging there that the user may see.
    emerging_per_region: dict[int, int] = defaultdict(int)
    for theme_flags in grouped.values():
        for f in theme_flags:
            emerging_per_region[f.region_id] += 1
    theme_by_region: dict[int, int] = defaultdict(int)
    if theme is not None:
        for (theme_id, rid, lang), values in counts.cells.items():
            if theme_id == theme.pk and (not language or lang == language):
                theme_by_region[rid] += sum(values[-recent:])
    region_rows = [
        RegionRow(
            region=region,
            emerging=emerging_per_region.get(pk, 0),
            theme_recent=_cell(user, pk, theme_by_region.get(pk, 0)) if theme is not None else None,
        )
        for pk, region in regions.items()
    ]

    series_points = []
    if theme is not None:
        national = counts.series(theme_id=theme.pk, language=language)
        regional = (
            counts.series(theme_id=theme.pk, region_id=region_id, language=language) if region_id else None
        )
        for i, start in enumerate(counts.starts):
            series_points.append(
                SeriesPoint(
                    start=start,
                    national=national[i],
                    region=_cell(user, region_id, regional[i])
                    if regional is not None and region_id
                    else None,
                )
            )

    measures, thresholds = _keyword_measures(
        version, counts, filters.period, filters.window, region_id, language
    )

    listed_ids = sorted(
        (t for t, v in national_by_theme.items() if t is not None and sum(v) > 0),
        key=lambda t: -sum(national_by_theme[t]),
    )[:40]
    choosable = [t for t in Theme.objects.filter(pk__in=listed_ids) if permissions.can_view_theme(user, t)]
    choosable.sort(key=lambda t: -sum(national_by_theme[t.pk]))

    total = sum(sum(v) for v in national_by_theme.values())
    return Radar(
        filters=RadarFilters(
            region=filters.region,
            language=language,
            period=filters.period,
            window=filters.window,
            theme=filters.theme,
        ),
        starts=counts.starts,
        recent_periods=recent,
        emerging=emerging,
        regions=region_rows,
        theme=theme,
        series=series_points,
        keywords=measures,
        thresholds=thresholds,
        total_signals=total,
        themes=choosable,
    )


def theme_for_radar(*, user: Any, uuid: Any) -> Theme | None:
    """A theme chosen for the time series, if the user may see it."""
    theme = Theme.objects.filter(uuid=uuid).first()
    if theme is None or not permissions.can_view_theme(user, theme):
        return None
    return theme
