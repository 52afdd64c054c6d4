"""Networking pages: the organiser's plan (form and figures), the printable table plan and cards,
and a participant's declared contacts (through their registration link). Views parse the request,
call networking.py and render.

When the first round starts later than the event, the time travels in the address (`?start=HH:MM`)
from the form to the printable pages: the plan itself has no field for it.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import networking as service
from . import registration
from .forms_networking import KnownPeopleForm, NetworkingPlanForm
from .models import Event
from .rounds import repeat_lower_bound, table_sizes
from .views_registration import add_service_errors


def _start_time(request: HttpRequest) -> datetime.time | None:
    value = request.GET.get("start", "")
    try:
        return datetime.datetime.strptime(value, "%H:%M").time()
    except ValueError:
        return None


def _first_start(event: Event, time: datetime.time | None) -> datetime.datetime:
    """The first round's start: the event's start, or `time` on the day the event starts."""
    if time is None:
        return event.starts_at
    day = timezone.localtime(event.starts_at).date()
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _query(time: datetime.time | None) -> str:
    return "?" + urlencode({"start": time.strftime("%H:%M")}) if time else ""


@login_required
@require_http_methods(["GET", "POST"])
def networking(request: HttpRequest, event: UUID) -> HttpResponse:
    the_event = service.networking_event_get(user=request.user, uuid=event)
    plan = service.networking_plan_of(event=the_event)
    time = _start_time(request)
    if request.method == "POST":
        form = NetworkingPlanForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                service.networking_plan_create(
                    actor=request.user,
                    event=the_event,
                    rounds=data["rounds"],
                    table_size=data["table_size"],
                    minutes_per_round=data["minutes_per_round"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The networking rounds were planned."))
                url = reverse("events:networking", args=[the_event.uuid]) + _query(data["first_round_at"])
                return redirect(url)
    else:
        initial: dict[str, Any] = {"first_round_at": time}
        if plan is not None:
            initial |= {
                "rounds": plan.rounds,
                "table_size": plan.table_size,
                "minutes_per_round": plan.minutes_per_round,
            }
        form = NetworkingPlanForm(initial=initial)
    view = None
    lower_bound = 0
    if plan is not None:
        view = service.networking_plan_view(plan=plan, first_start=_first_start(the_event, time))
        lower_bound = repeat_lower_bound(view.figures.people, rounds=plan.rounds, table_size=plan.table_size)
    people = len(service.networking_people(event=the_event))
    context = {
        "event": the_event,
        "form": form,
        "plan": plan,
        "view": view,
        "lower_bound": lower_bound,
        "people": people,
        "sizes": table_sizes(view.figures.people, view.plan.table_size) if view else [],
        "query": _query(time),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "events/networking/networking.html", context, status=status)


def _printable(request: HttpRequest, event: UUID, template: str) -> HttpResponse:
    the_event = service.networking_event_get(user=request.user, uuid=event)
    plan = service.networking_plan_of(event=the_event)
    time = _start_time(request)
    view = (
        service.networking_plan_view(plan=plan, first_start=_first_start(the_event, time))
        if plan is not None
        else None
    )
    context = {"event": the_event, "plan": plan, "view": view, "query": _query(time)}
    return render(request, template, context, status=200 if plan is not None else 404)


@login_required
def networking_tables(request: HttpRequest, event: UUID) -> HttpResponse:
    """The table plan to print: one page per round, each table with its people."""
    return _printable(request, event, "events/networking/tables.html")


@login_required
def networking_cards(request: HttpRequest, event: UUID) -> HttpResponse:
    """A card per person to print (six to an A4 page): their table and start time in each round."""
    return _printable(request, event, "events/networking/cards.html")


@require_http_methods(["GET", "POST"])
def known_people(request: HttpRequest, token: str) -> HttpResponse:
    """A participant names the attending people they already know. The registration link is the
    permission, as for the registration page itself."""
    own = registration.registration_by_token(token)
    event = own.event
    choices = service.known_people_choices(registration=own)
    current = list(own.known_people.filter(pk__in=[c.pk for c in choices]).values_list("pk", flat=True))
    form = KnownPeopleForm(
        request.POST if request.method == "POST" else None, choices=choices, initial={"known_people": current}
    )
    actor = request.user if request.user.is_authenticated and own.user_id == request.user.pk else None
    if request.method == "POST" and form.is_valid():
        try:
            service.known_people_set(
                registration=own, known_ids=form.cleaned_data["known_people"], actor=actor
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you: the people you know were saved."))
            return redirect("events:registration", token=own.token)
    open_ = own.status != own.Status.CANCELLED and event.status != Event.Status.CANCELLED
    open_ = open_ and timezone.now() < event.ends_at
    context = {"registration": own, "event": event, "form": form, "choices": choices, "open": open_}
    status = 400 if form.is_bound and form.errors else 200
    response = render(request, "events/networking/known_people.html", context, status=status)
    # The address holds the secret: keep it out of Referer headers (as the registration page).
    response["Referrer-Policy"] = "same-origin"
    return response
