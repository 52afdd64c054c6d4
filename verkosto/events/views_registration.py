"""Registration pages: the form, a registration's own page (by its secret token), the organiser's
participant list (printable, and as CSV), and the logged-in person's own registrations. Views parse
the request, call registration.py (and the events selectors) and render."""

from __future__ import annotations

import csv
import io
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verkosto.core.spreadsheets import guard_formula

from . import registration as service
from . import selectors
from .forms_registration import AnswersForm, RegistrationForm
from .models import Registration

CSV_DELIMITER = ";"  # as the directory's export: Excel in Finnish and Swedish locales splits on ";"


def add_service_errors(form: BaseForm, exc: ValidationError) -> None:
    """A service's ValidationError next to the fields it names (the rest above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _registration_context(registration: Registration) -> dict:
    questions = list(registration.event.questions.all())
    return {
        "registration": registration,
        "event": registration.event,
        "position": service.waiting_position(registration),
        "answers": service.answers_for_display(registration, questions),
    }


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, event: UUID) -> HttpResponse:
    """The registration form. Members-only events send an anonymous visitor to log in first;
    someone already registered is taken to their registration."""
    try:
        found = selectors.event_for(request.user, event)
    except PermissionDenied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    if not service.permissions.may_register(request.user, found):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    mine = service.active_registration_of(request.user, found)
    if mine is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:registration", token=mine.token)
    refusal = service.registration_refusal(found)
    form = RegistrationForm(request.POST or None, event=found, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = service.registration_create(
                actor=request.user,
                event=found,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                organisation_name=form.cleaned_data["organisation_name"],
                answers=form.answers(),
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if created.status == Registration.Status.ATTENDING:
                messages.success(request, _("You are registered. A confirmation is on its way by e-mail."))
            else:
                messages.success(request, _("The event is full: you are on the waiting list."))
            return redirect("events:registration", token=created.token)
    status = 400 if form.is_bound and form.errors else 200
    context = {"event": found, "form": form, "refusal": refusal if request.method == "GET" else None}
    return render(request, "events/registration/register.html", context, status=status)


@require_http_methods(["GET", "POST"])
def registration_detail(request: HttpRequest, token: str) -> HttpResponse:
    """One registration, reached through the link in its e-mail (the token is the permission):
    details, the place in the queue, the answers to change, and cancelling (confirmed by a POST)."""
    registration = service.registration_by_token(token)
    # The registered user acts as themselves; anyone else holding the link acts through it.
    actor = (
        request.user if request.user.is_authenticated and registration.user_id == request.user.pk else None
    )
    answers_form = None
    if registration.event.questions.exists():
        answers_form = AnswersForm(
            request.POST if request.POST.get("action") == "answers" else None, registration=registration
        )
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                service.registration_cancel(registration=registration, actor=actor)
                messages.success(request, _("Your registration has been cancelled."))
                return redirect("events:registration", token=registration.token)
            if action == "answers" and answers_form is not None and answers_form.is_valid():
                service.registration_update_answers(
                    registration=registration, answers=answers_form.answers(), actor=actor
                )
                messages.success(request, _("Your answers have been saved."))
                return redirect("events:registration", token=registration.token)
        except ValidationError as exc:
            if action == "answers" and answers_form is not None and hasattr(exc, "error_dict"):
                add_service_errors(answers_form, exc)  # beside the questions
            else:
                error = " ".join(exc.messages)  # e.g. already cancelled, or the event has started
        if action not in ("cancel", "answers") or (action == "answers" and answers_form is None):
            error = _("Choose what to do.")
    context = _registration_context(registration)
    started = timezone.now() >= registration.event.starts_at
    context.update(
        {
            "answers_form": answers_form,
            "error": error,
            "confirm_cancel": request.method == "GET" and "cancel" in request.GET,
            "may_change": registration.status != Registration.Status.CANCELLED and not started,
        }
    )
    status = 400 if request.method == "POST" else 200
    response = render(request, "events/registration/registration_detail.html", context, status=status)
    # The address holds the secret: links out of the page must not carry it in a Referer header.
    # "same-origin", not "no-referrer": with the latter, browsers send `Origin: null` with the
    # page's own forms, and the CSRF check refuses them.
    response["Referrer-Policy"] = "same-origin"
    return response


@login_required
def participants(request: HttpRequest, event: UUID) -> HttpResponse:
    """The organiser's list: attending, waiting and cancelled, with organisations and answers."""
    found = selectors.event_for_change(request.user, event)
    people = service.participants_of(user=request.user, event=found)
    rows = {
        "attending": [(r, service.answers_for_display(r, people.questions)) for r in people.attending],
        "waiting": [(r, service.answers_for_display(r, people.questions)) for r in people.waiting],
    }
    context = {
        "event": found,
        "people": people,
        "attending_rows": rows["attending"],
        "waiting_rows": rows["waiting"],
    }
    return render(request, "events/registration/participants.html", context)


@login_required
def participants_csv(request: HttpRequest, event: UUID) -> HttpResponse:
    """The participant list as CSV (UTF-8 with a byte-order mark for Excel, ";" between cells).
    Every text cell goes through `guard_formula`: a name like "=HYPERLINK(...)" stays text."""
    found = selectors.event_for_change(request.user, event)
    people = service.participants_of(user=request.user, event=found)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    header = [
        _("Status"),
        _("Place in queue"),
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Registered"),
        _("Cancelled"),
        _("Walk-in"),
        _("Present"),
        *[q.text for q in people.questions],
    ]
    writer.writerow([guard_formula(str(h)) for h in header])
    ordered = [*people.attending, *people.waiting, *people.cancelled]
    waiting_positions = {r.pk: index for index, r in enumerate(people.waiting, start=1)}
    for registration in ordered:
        answers = service.answers_for_display(registration, people.questions)
        cells = [
            registration.get_status_display(),
            str(waiting_positions.get(registration.pk, "")),
            registration.name,
            registration.email,
            registration.organisation_label,
            _iso(registration.created_at),
            _iso(registration.cancelled_at),
            _("yes") if registration.is_walk_in else "",
            {True: _("yes"), False: _("no")}.get(registration.attended, ""),  # type: ignore[arg-type]
            *[answer for _question, answer in answers],
        ]
        writer.writerow([guard_formula(str(cell)) for cell in cells])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = slugify(found.title)[:60] or "event"
    response["Content-Disposition"] = f'attachment; filename="participants-{name}.csv"'
    return response


def _iso(moment: object) -> str:
    if moment is None:
        return ""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The logged-in person's registrations: coming events first."""
    now = timezone.now()
    coming: list[tuple[Registration, int | None]] = []
    past: list[tuple[Registration, int | None]] = []
    for registration in service.registrations_of(request.user):
        item = (registration, service.waiting_position(registration))
        (coming if registration.event.ends_at >= now else past).append(item)
    coming.reverse()  # soonest first
    return render(request, "events/registration/mine.html", {"coming": coming, "past": past})
