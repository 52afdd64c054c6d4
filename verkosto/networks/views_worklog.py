"""Work-log pages: the coordinator's own log, a new entry, a network's coverage with its charts.
Views parse the request, call worklog.py and render. The charts are inline SVG drawn here (no
JavaScript, nothing downloaded); every number in them is also in a table beside them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from . import worklog
from .forms_worklog import NetworkChoiceForm, WorkLogEntryForm
from .models import Network
from .views_discussions import add_service_errors, network_page_url

ENTRIES_PER_PAGE = 50


def _network_from_query(request: HttpRequest, value: str | None) -> Network | None:
    if not value:
        return None
    try:
        pk = int(value)
    except ValueError:
        return None
    return worklog.work_log_network_get(user=request.user, pk=pk)


@login_required
def worklog_list(request: HttpRequest) -> HttpResponse:
    """Without ?network=: the user's own entries. With it: every entry of that network, for its
    managers (403 for others)."""
    network = _network_from_query(request, request.GET.get("network"))
    entries = worklog.work_log_list(user=request.user, network=network)
    try:
        number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        number = 1
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(number)
    page_query = f"network={network.pk}&" if network else ""
    return render(
        request,
        "networks/worklog/worklog_list.html",
        {
            "network": network,
            "networks": worklog.networks_for_work_log(user=request.user),
            "page": page,
            "page_query": page_query,
        },
    )


@login_required
def worklog_new(request: HttpRequest) -> HttpResponse:
    """?network= names the network; someone who logs for one network only is spared the choice."""
    networks = worklog.networks_for_work_log(user=request.user)
    if not networks:
        raise PermissionDenied
    network = _network_from_query(request, request.GET.get("network"))
    if network is None and len(networks) == 1:
        network = networks[0]
    if network is None:
        choice = NetworkChoiceForm(user=request.user)
        return render(request, "networks/worklog/choose_network.html", {"form": choice})
    form = WorkLogEntryForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            worklog.work_log_entry_create(actor=request.user, network=network, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The work log entry was saved."))
            return redirect(reverse("networks:worklog") + f"?network={network.pk}")
    status = 400 if form.is_bound and form.errors else 200
    context = {"form": form, "network": network, "network_url": network_page_url(network)}
    return render(request, "networks/worklog/entry_form.html", context, status=status)


@login_required
def coverage(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = worklog.work_log_network_get(user=request.user, pk=network_pk)
    result = worklog.network_coverage(network=network)
    years = result.years
    months = result.months
    charts = []
    if years:
        charts += [
            bar_chart(
                chart_id="km-per-year",
                title=_("Kilometres travelled per calendar year"),
                bars=[(str(p.start.year), p.kilometres) for p in years],
                unit=_("km"),
            ),
            bar_chart(
                chart_id="days-per-year",
                title=_("Days on the road per calendar year"),
                bars=[(str(p.start.year), Decimal(p.days_on_road)) for p in years],
                unit=_("days"),
            ),
            bar_chart(
                chart_id="km-per-month",
                title=_("Kilometres travelled per month, last 12 months"),
                bars=[(_month_label(p.start), p.kilometres) for p in months],
                unit=_("km"),
            ),
            bar_chart(
                chart_id="days-per-month",
                title=_("Days on the road per month, last 12 months"),
                bars=[(_month_label(p.start), Decimal(p.days_on_road)) for p in months],
                unit=_("days"),
            ),
        ]
    return render(
        request,
        "networks/worklog/coverage.html",
        {
            "network": network,
            "coverage": result,
            "year_charts": charts[:2],
            "month_charts": charts[2:],
            "network_url": network_page_url(network),
        },
    )


# --- inline SVG bar charts -----------------------------------------------------------------------


@dataclass(frozen=True)
class ChartBar:
    label: str
    value_text: str
    # Geometry as strings with a decimal point: templates would localise floats ("12,5").
    x: str
    y: str
    width: str
    height: str
    centre: str
    value_y: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    baseline: str
    label_y: str
    bars: list[ChartBar]


CHART_WIDTH = 520
CHART_HEIGHT = 240
TOP = 46  # room for the visible title and for the value above the tallest bar
BOTTOM = 26  # room for the period labels
SIDE = 8


def _month_label(start: datetime.date) -> str:
    return date_format(start, "n/y")


def _number(value: Decimal) -> str:
    return number_format(
        value.quantize(Decimal(1), rounding=ROUND_HALF_UP), decimal_pos=0, use_l10n=True, force_grouping=True
    )


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def bar_chart(*, chart_id: str, title: str, bars: list[tuple[str, Decimal]], unit: str) -> BarChart:
    """One measure per chart: kilometres (tens of thousands) and days (tens) on one axis would
    flatten the days. Each bar carries its value as text, so no axis scale is needed."""
    peak = max((value for _label, value in bars), default=Decimal(0)) or Decimal(1)
    plot_height = CHART_HEIGHT - TOP - BOTTOM
    slot = (CHART_WIDTH - 2 * SIDE) / max(len(bars), 1)
    bar_width = min(slot * 0.7, 56)
    baseline = CHART_HEIGHT - BOTTOM
    drawn = []
    for index, (label, value) in enumerate(bars):
        height = float(value / peak) * plot_height
        centre = SIDE + slot * index + slot / 2
        drawn.append(
            ChartBar(
                label=label,
                value_text=_number(value),
                x=_fmt(centre - bar_width / 2),
                y=_fmt(baseline - height),
                width=_fmt(bar_width),
                height=_fmt(height),
                centre=_fmt(centre),
                value_y=_fmt(baseline - height - 6),
            )
        )
    description = "; ".join(
        _("%(period)s: %(value)s %(unit)s") % {"period": bar.label, "value": bar.value_text, "unit": unit}
        for bar in drawn
    )
    return BarChart(
        id=chart_id,
        title=title,
        description=description + ".",
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        baseline=_fmt(baseline),
        label_y=_fmt(CHART_HEIGHT - 8),
        bars=drawn,
    )
