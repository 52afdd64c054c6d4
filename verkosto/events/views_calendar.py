"""Calendar pages and files: the month view, the person's own feed address, and the iCalendar
files (one event, a network's, a region's and a person's feed). Views parse the request, call
calendars.py and render or serialise with verkosto.interchange.ical."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.text import slugify
from django.utils.translation import gettext as _

from verkosto.interchange.ical import calendar_bytes

from . import calendars
from .forms_calendar import CalendarFilterForm
from .models import Event

# The years the month view pages through: wide enough for any real event, narrow enough that a
# crawler following "next month" stops.
FIRST_YEAR, LAST_YEAR = 2000, 2100
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


# --- iCalendar files -----------------------------------------------------------------------------


def _feed_language(request: HttpRequest) -> str:
    """Calendar applications send no language cookie; a feed address may carry ?lang=sv."""
    lang = request.GET.get("lang", "")
    return lang if lang in LANGUAGE_CODES else translation.get_language() or settings.LANGUAGE_CODE


def _ics_response(
    request: HttpRequest,
    events: Iterable[Event],
    *,
    name: Any,
    filename: str,
    waiting_ids: frozenset[int] = frozenset(),
    private: bool = False,
) -> HttpResponse:
    with translation.override(_feed_language(request)):
        body = calendar_bytes(
            events,
            name=str(name() if callable(name) else name),
            base_url=request.build_absolute_uri("/"),
            waiting_ids=waiting_ids,
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if private:
        # A person's own feed: never kept by shared caches, never indexed.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def _slug(text: str, fallback: str) -> str:
    return (slugify(text)[:60].strip("-") or fallback) + ".ics"


def event_ics(request: HttpRequest, event: UUID) -> HttpResponse:
    found = calendars.event_for_calendar(user=request.user, uuid=event)
    return _ics_response(
        request,
        [found],
        name=lambda: found.title,
        filename=_slug(getattr(found, "title_fi", "") or "", "event"),
        private=found.audience != Event.Audience.PUBLIC,
    )


def network_feed(request: HttpRequest, network: UUID) -> HttpResponse:
    found = calendars.network_for_feed(uuid=network)
    return _ics_response(
        request,
        calendars.network_feed_events(network=found),
        name=lambda: _("Verkosto: %(name)s") % {"name": found.name},
        filename=_slug(getattr(found, "name_fi", "") or "", "network"),
    )


def region_feed(request: HttpRequest, code: str) -> HttpResponse:
    found = calendars.region_for_feed(code=code)
    return _ics_response(
        request,
        calendars.region_feed_events(region=found),
        name=lambda: _("Verkosto: %(name)s") % {"name": found.name},
        filename=f"{found.code.lower()}.ics",
    )


def person_feed(request: HttpRequest, token: str) -> HttpResponse:
    user = calendars.person_for_feed(token=token)
    feed = calendars.person_feed_events(user=user)
    return _ics_response(
        request,
        feed.events,
        name=lambda: _("Verkosto: my events"),
        filename="verkosto.ics",
        waiting_ids=feed.waiting_ids,
        private=True,
    )


# --- pages ---------------------------------------------------------------------------------------


def _month_url(day: datetime.date, query: str) -> str:
    url = reverse("events:month", args=[day.year, day.month])
    return f"{url}?{query}" if query else url


def month(request: HttpRequest, year: int | None = None, month: int | None = None) -> HttpResponse:
    today = timezone.localdate()
    year = today.year if year is None else year
    month = today.month if month is None else month
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404
    bound = any(request.GET.get(name) for name in ("region", "network"))
    form = CalendarFilterForm(request.GET if bound else None, user=request.user)
    filters = form.filters()
    grid = calendars.month_grid(user=request.user, year=year, month=month, today=today, **filters)
    query = urlencode(
        {
            key: value
            for key, value in (
                ("region", filters["region"].code if filters["region"] else ""),
                ("network", str(filters["network"].uuid) if filters["network"] else ""),
            )
            if value
        }
    )
    feeds = []
    if filters["region"] is not None:
        feeds.append(
            (
                _("Calendar of %(name)s") % {"name": filters["region"].name},
                reverse("events:region_feed", args=[filters["region"].code]),
            )
        )
    if filters["network"] is not None and filters["network"].is_public:
        feeds.append(
            (
                _("Calendar of %(name)s") % {"name": filters["network"].name},
                reverse("events:network_feed", args=[filters["network"].uuid]),
            )
        )
    list_url = reverse("events:list")
    context = {
        "grid": grid,
        "form": form,
        "weekdays": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)],
        "previous_url": _month_url(grid.previous, query) if grid.previous.year >= FIRST_YEAR else "",
        "next_url": _month_url(grid.following, query) if grid.following.year <= LAST_YEAR else "",
        "this_month_url": _month_url(today.replace(day=1), query),
        "is_this_month": (year, month) == (today.year, today.month),
        "list_url": f"{list_url}?{query}" if query else list_url,
        "feeds": feeds,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "events/calendar/month.html", context, status=status)


@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    """GET: the person's feed address (the token is made on the first visit). POST: a new address;
    the old one stops working."""
    if request.method == "POST":
        calendars.calendar_token_renew(actor=request.user)
        messages.success(request, _("Your calendar has a new address. The old address no longer works."))
        return redirect("events:my_calendar")
    token = calendars.calendar_token_get_or_create(actor=request.user)
    feed_url = request.build_absolute_uri(reverse("events:person_feed", args=[token.token]))
    return render(
        request,
        "events/calendar/my_calendar.html",
        {
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
            "token": token,
        },
    )
