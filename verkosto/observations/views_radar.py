"""The radar page: what is emerging, where and since when, with its charts and their tables.
The view parses the filters, calls `radar.radar_for` and turns its numbers into charts (`plots`)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from verkosto.core.models import Region
from verkosto.textanalytics.emergence import Quadrant

from . import permissions, plots, radar
from .models import TextLanguage

ALL = ""


class RadarFilterForm(forms.Form):
    region: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("All regions"),
        label=gettext_lazy("Region"),
    )
    language = forms.ChoiceField(
        choices=[(ALL, gettext_lazy("Finnish and Swedish")), *TextLanguage.choices],
        required=False,
        label=gettext_lazy("Language of the signals"),
    )
    period = forms.ChoiceField(
        choices=[(radar.MONTH, gettext_lazy("Month")), (radar.QUARTER, gettext_lazy("Quarter"))],
        label=gettext_lazy("Period"),
    )
    window = forms.TypedChoiceField(
        choices=[(12, gettext_lazy("Last 12 months")), (24, gettext_lazy("Last 24 months"))],
        coerce=int,
        label=gettext_lazy("Time window"),
    )
    theme = forms.UUIDField(required=False, widget=forms.HiddenInput)


QUADRANT_NAMES = {
    Quadrant.WEAK: gettext_lazy("weak signal"),
    Quadrant.STRONG: gettext_lazy("strong signal"),
    Quadrant.WELL_KNOWN: gettext_lazy("well known, not strong"),
    Quadrant.LATENT: gettext_lazy("latent signal"),
}


def theme_url(theme: Any) -> str:
    return reverse("observations:theme_detail", args=[theme.uuid])


def period_label(start: datetime.date, period: str) -> str:
    if period == radar.QUARTER:
        return _("Q%(quarter)s/%(year)s") % {"quarter": (start.month - 1) // 3 + 1, "year": f"{start:%y}"}
    return date_format(start, "n/y")


def _shown(cell: radar.Cell | None) -> str:
    if cell is None:
        return "–"
    return f"<{permissions.SMALL_COUNT}" if cell.value is None else str(cell.value)


def _percent(value: float) -> str:
    return f"{value * 100:.1f} %"


def _charts(result: radar.Radar, period: str) -> dict[str, Any]:
    labels = [period_label(s, period) for s in result.starts]
    chosen = result.filters.region.pk if result.filters.region else None
    busiest = sorted((r for r in result.regions if r.emerging), key=lambda r: (-r.emerging, r.region.code))
    if busiest:
        summary = ", ".join(f"{r.region.name} {r.emerging}" for r in busiest[:5])
        map_desc = _("Themes emerging now, by region: %(summary)s.") % {"summary": summary}
    else:
        map_desc = _("No theme is emerging in any region now.")
    charts: dict[str, Any] = {
        "map": plots.tile_map(
            chart_id="radar-map",
            title=_("Themes emerging now in each region"),
            description=map_desc + " " + _("The table after the map lists every region."),
            tiles=[
                plots.Tile(
                    code=r.region.code,
                    name=r.region.name,
                    value=r.emerging,
                    value_text=str(r.emerging),
                    level=plots.level_of(r.emerging, (1, 2, 4)),
                    chosen=r.region.pk == chosen,
                )
                for r in result.regions
            ],
        )
    }
    if result.theme is not None and result.series:
        series = [plots.Series(_("Whole country"), [p.national for p in result.series])]
        if result.filters.region is not None:
            series.append(
                plots.Series(
                    result.filters.region.name,
                    [p.region.value if p.region else None for p in result.series],
                )
            )
        charts["series"] = plots.time_series(
            chart_id="radar-series",
            title=_("Signals of the theme “%(theme)s” per period") % {"theme": result.theme.label},
            description=_(
                "One panel per area, each on its own scale; suppressed small counts are gaps. "
                "The table after the chart lists the same counts."
            ),
            period_labels=labels,
            series=series,
        )
        rows = sorted(result.regions, key=lambda r: r.region.code)
        charts["bars"] = plots.bar_chart(
            chart_id="radar-bars",
            title=_("Signals of the theme “%(theme)s” by region, recent periods")
            % {"theme": result.theme.label},
            description=_("Counts below %(n)s are shown as “<%(n)s” outside the region's own coordinators.")
            % {"n": permissions.SMALL_COUNT},
            bars=[
                (r.region.name, r.theme_recent.value if r.theme_recent else 0, _shown(r.theme_recent))
                for r in rows
            ],
        )
    if result.keywords:
        # Weak and strong signals are named on the map where their names fit; every point is in
        # the table.
        points = [
            plots.Point(
                label=m.term,
                x=m.average_dov,
                y=m.dov_growth,
                show_label=m.kem in (Quadrant.WEAK, Quadrant.STRONG),
            )
            for m in result.keywords
        ]
        weak = [m.term for m in result.keywords if m.kem is Quadrant.WEAK][:6]
        charts["kem"] = plots.emergence_map(
            chart_id="radar-kem",
            title=_("Keyword emergence map"),
            description=(
                _("Weak signals (rare but growing): %(words)s.") % {"words": ", ".join(weak)}
                if weak
                else _("No keyword is a weak signal now.")
            )
            + " "
            + _("The keyword table after the map lists every keyword drawn."),
            points=points,
            x_threshold=result.thresholds.average_dov,
            y_threshold=result.thresholds.dov_growth,
            x_label=_("Average visibility (occurrences per signal, log scale)"),
            y_label=_("Growth of visibility per period"),
            quadrant_labels=(_("Weak signals"), _("Strong signals"), _("Well known"), _("Latent signals")),
        )
    return charts


def _keyword_rows(user: Any, result: radar.Radar) -> list[dict[str, Any]]:
    region = result.filters.region
    rows = []
    for m in result.keywords:
        signals = radar.Cell(m.total_df)
        if region is not None:
            signals = radar.Cell(permissions.visible_count(user, region.pk, m.total_df))
        rows.append(
            {
                "term": m.term,
                "kem": QUADRANT_NAMES[m.kem],
                "kim": QUADRANT_NAMES[m.kim],
                "kem_code": m.kem.value,
                "average_dov": _percent(m.average_dov),
                "dov_growth": f"{m.dov_growth * 100:+.0f} %",
                "average_dod": _percent(m.average_dod),
                "dod_growth": f"{m.dod_growth * 100:+.0f} %",
                "signals": _shown(signals),
            }
        )
    return rows


@login_required
def radar_page(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_radar(request.user):
        raise PermissionDenied
    default_region = radar.default_region(request.user)
    data = {
        "region": default_region.code if default_region else ALL,
        "language": ALL,
        "period": radar.MONTH,
        "window": "12",
        "theme": "",
    }
    data.update({key: str(value) for key, value in request.GET.items() if key in data})
    form = RadarFilterForm(data)
    context: dict[str, Any] = {"form": form, "small_count": permissions.SMALL_COUNT}
    if not form.is_valid():
        return render(request, "observations/radar/radar.html", context, status=400)
    values = form.cleaned_data
    theme = radar.theme_for_radar(user=request.user, uuid=values["theme"]) if values["theme"] else None
    filters = radar.RadarFilters(
        region=values["region"],
        language=values["language"],
        period=values["period"],
        window=values["window"],
        theme=theme,
    )
    result = radar.radar_for(user=request.user, filters=filters)
    period = filters.period
    context.update(
        {
            "radar": result,
            "charts": _charts(result, period),
            "keyword_rows": _keyword_rows(request.user, result),
            "period_labels": [period_label(s, period) for s in result.starts],
            "series_rows": [
                {"label": period_label(p.start, period), "national": p.national, "region": _shown(p.region)}
                for p in result.series
            ],
            "region_rows": [
                {
                    "region": r.region,
                    "emerging": r.emerging,
                    "theme_recent": _shown(r.theme_recent),
                    "chosen": filters.region is not None and r.region.pk == filters.region.pk,
                }
                for r in result.regions
            ],
            "emerging": [
                {
                    "theme": e.theme,
                    "url": theme_url(e.theme),
                    "since": period_label(e.since, period),
                    "national_recent": e.national_recent,
                    "regions": [
                        {
                            "region": r.region,
                            "burst": r.burst,
                            "spread": r.spread,
                            "since": period_label(r.since, period),
                            "recent": _shown(r.recent),
                        }
                        for r in e.regions
                    ],
                }
                for e in result.emerging
            ],
            "recent_label": period_label(result.recent_start, period) if result.recent_start else "",
            "latest_label": period_label(result.starts[-1], period) if result.starts else "",
            "window_start_label": period_label(result.starts[0], period) if result.starts else "",
            "theme_url": theme_url(result.theme) if result.theme else None,
            "filter_query": {
                "region": filters.region.code if filters.region else ALL,
                "language": filters.language,
                "period": filters.period,
                "window": filters.window,
            },
        }
    )
    return render(request, "observations/radar/radar.html", context)
