"""Attendance, walk-in, feedback and reach pages. Views parse the request, call attendance.py,
feedback.py and reach.py, and render.

The attendance list is made for a phone at the door: each row's buttons are a plain POST form;
with htmx only the row and the counter change in place, and without JavaScript the page reloads
at the same row."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import attendance as attendance_service
from . import feedback as feedback_service
from . import reach as reach_service
from .forms_attendance import AttendanceMarkForm, FeedbackForm, ReachFilterForm, WalkInForm
from .models import Event
from .plots import Chart, Panel, column_chart


def add_service_errors(form: BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (the rest above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def event_page_url(event: Event) -> str | None:
    """The event's own page, if the event pages are mounted (another module's)."""
    try:
        return reverse("events:detail", args=[event.uuid])
    except NoReverseMatch:
        return None


def _messages_of(exc: ValidationError) -> str:
    return " ".join(str(message) for message in exc.messages)


# --- attendance ----------------------------------------------------------------------------------


def _attendance_context(request: HttpRequest, event: Event, walk_in_form: WalkInForm | None = None) -> dict:
    return {
        "event": event,
        "event_url": event_page_url(event),
        "rows": list(attendance_service.attendance_list(user=request.user, event=event)),
        "counts": attendance_service.attendance_counts(event),
        "is_open": attendance_service.attendance_open(event),
        "is_held": event.status not in (Event.Status.DRAFT, Event.Status.CANCELLED),
        "event_day": attendance_service.event_day(event),
        "walk_in_form": walk_in_form or WalkInForm(event=event),
    }


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, event: UUID) -> HttpResponse:
    """GET: the list with its counter. POST: mark one row present, absent or not marked."""
    found = attendance_service.event_for_organiser(user=request.user, uuid=event)
    if request.method == "GET":
        return render(request, "events/attendance/attendance.html", _attendance_context(request, found))
    form = AttendanceMarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The mark was not understood. Please try again."))
        return redirect("events:attendance", event=found.uuid)
    registration = attendance_service.attendance_registration_get(
        user=request.user, event=found, uuid=form.cleaned_data["registration"]
    )
    error = ""
    try:
        registration = attendance_service.attendance_mark(
            actor=request.user, registration=registration, present=form.present_value()
        )
    except ValidationError as exc:
        error = _messages_of(exc)
    if getattr(request, "htmx", False):
        # htmx swaps only 2xx answers: a refusal travels inside the row.
        return render(
            request,
            "events/attendance/partials/row_result.html",
            {
                "event": found,
                "row": registration,
                "row_error": error,
                "counts": attendance_service.attendance_counts(found),
                "is_open": attendance_service.attendance_open(found),
            },
        )
    if error:
        messages.error(request, error)
    return redirect(reverse("events:attendance", args=[found.uuid]) + f"#row-{registration.uuid}")


@login_required
@require_http_methods(["GET", "POST"])
def walk_in(request: HttpRequest, event: UUID) -> HttpResponse:
    """POST: add a walk-in and return to the list. GET: the list, at the walk-in form."""
    found = attendance_service.event_for_organiser(user=request.user, uuid=event)
    if request.method == "GET":
        return redirect(reverse("events:attendance", args=[found.uuid]) + "#walk-in")
    form = WalkInForm(request.POST, event=found)
    if form.is_valid():
        try:
            registration = attendance_service.attendance_walk_in_add(
                actor=request.user, event=found, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s was added as present.") % {"name": registration.name})
            return redirect(reverse("events:attendance", args=[found.uuid]) + f"#row-{registration.uuid}")
    return render(
        request, "events/attendance/attendance.html", _attendance_context(request, found, form), status=400
    )


# --- feedback ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, token: str) -> HttpResponse:
    """The participant's feedback form behind their e-mailed link; no login needed."""
    registration = feedback_service.feedback_registration_get(token=token)
    state = feedback_service.feedback_state(registration)
    event = registration.event
    context: dict[str, Any] = {"event": event, "registration": registration, "state": state}
    if state != feedback_service.State.OPEN:
        context["state_message"] = feedback_service.state_message(state)
        # The same page, with the reason in place of the form; a POST is refused outright.
        return render(
            request, "events/feedback/feedback.html", context, status=200 if request.method == "GET" else 409
        )
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback_service.feedback_give(registration=registration, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            context["thanks"] = True
            return render(request, "events/feedback/thanks.html", context)
    context["form"] = form
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "events/feedback/feedback.html", context, status=status)


def rating_chart(summary: feedback_service.FeedbackSummary) -> Chart:
    parts = "; ".join(
        _("%(rating)d: %(count)d answers") % {"rating": rating, "count": count}
        for rating, count in summary.distribution
    )
    return column_chart(
        chart_id="ratings",
        title=_("Answers by rating, from 1 (poor) to 5 (excellent)"),
        description=parts + ".",
        labels=[str(rating) for rating, _count in summary.distribution],
        panels=[Panel(_("Answers"), [count for _rating, count in summary.distribution])],
    )


@login_required
def feedback_summary(request: HttpRequest, event: UUID) -> HttpResponse:
    found = attendance_service.event_for_organiser(user=request.user, uuid=event)
    summary = feedback_service.feedback_summary(user=request.user, event=found)
    return render(
        request,
        "events/feedback/summary.html",
        {
            "event": found,
            "event_url": event_page_url(found),
            "summary": summary,
            "chart": rating_chart(summary) if summary.answers else None,
            "can_request": timezone.now() >= found.starts_at
            and found.status not in (Event.Status.DRAFT, Event.Status.CANCELLED),
            "recipients": feedback_service.feedback_recipients(found).count(),
        },
    )


@login_required
@require_POST
def feedback_request(request: HttpRequest, event: UUID) -> HttpResponse:
    found = attendance_service.event_for_organiser(user=request.user, uuid=event)
    try:
        count = feedback_service.feedback_request_send(actor=request.user, event=found)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        if count:
            messages.success(
                request,
                _("The feedback request is being sent to %(count)d people.") % {"count": count},
            )
        else:
            messages.info(request, _("Nobody was left to ask: everyone has been asked or has answered."))
    return redirect("events:feedback_summary", event=found.uuid)


# --- reach ---------------------------------------------------------------------------------------


def reach_chart(summary: reach_service.ReachSummary) -> Chart:
    months = summary.months
    labels = [reach_service.month_label(month.start) for month in months]
    parts = "; ".join(
        _("%(month)s: %(events)d events, %(participants)d participants")
        % {"month": label, "events": month.events, "participants": month.participants}
        for label, month in zip(labels, months, strict=True)
    )
    return column_chart(
        chart_id="reach-months",
        title=_("Events and participants per month"),
        description=parts + ".",
        labels=labels,
        panels=[
            Panel(_("Events"), [month.events for month in months]),
            Panel(_("Participants"), [month.participants for month in months]),
        ],
    )


def _reach_filters(request: HttpRequest) -> tuple[ReachFilterForm, dict[str, Any]]:
    form = ReachFilterForm(request.GET or None, user=request.user)
    return form, form.filters()


@login_required
def reach(request: HttpRequest) -> HttpResponse:
    if not reach_service.can_view_reach(request.user):
        raise PermissionDenied
    form, filters = _reach_filters(request)
    events = reach_service.reach_events(user=request.user, **filters)
    summary = reach_service.reach_summary(events=events, year=filters["year"])
    return render(
        request,
        "events/reach/reach.html",
        {
            "form": form,
            "filters": filters,
            "summary": summary,
            "sentence": reach_service.reach_sentence(summary),
            "chart": reach_chart(summary) if summary.months else None,
            "csv_query": request.GET.urlencode(),
        },
    )


@login_required
def reach_csv(request: HttpRequest) -> StreamingHttpResponse:
    if not reach_service.can_view_reach(request.user):
        raise PermissionDenied
    _form, filters = _reach_filters(request)
    events = reach_service.reach_events(user=request.user, **filters)
    summary = reach_service.reach_summary(events=events, year=filters["year"])
    lines = reach_service.reach_csv_lines(summary)

    def with_bom() -> Any:
        # The byte-order mark tells spreadsheet programs that the file is UTF-8 (ä, ö, å).
        yield "\ufeff"
        yield from lines

    response = StreamingHttpResponse(with_bom(), content_type="text/csv; charset=utf-8")
    name = f"reach-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
