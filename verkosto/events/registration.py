"""Registration for events: places, the waiting list, cancellation and walk-ins.

Every write locks the event's row first (`SELECT ... FOR UPDATE`), so that registrations for one
event happen one at a time: the decision "attending or waiting" and the event's counts
(`attending_count`, `waiting_count`) are made from rows no one else is changing. The counts are
re-read from the rows under the lock, so they stay equal to the real numbers even if a row was
once written by hand. On SQLite, which has no row locks, the settings open every transaction
with `BEGIN IMMEDIATE`, which serialises writers the same way.

The waiting list is ordered by `waiting_since` (then id). When a place opens (someone attending
cancels, or the organiser raises the capacity), the earliest waiting people are promoted at once
and told by e-mail. E-mail goes out only after the transaction commits.

Refusals are `ValidationError`s with a code (tests and callers check the code, people read the
message) and write nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from verkosto.core.audit import audit_record, diff
from verkosto.directory.models import Organisation
from verkosto.networks import permissions as network_permissions

from . import permissions
from .models import Event, Registration, RegistrationQuestion

ATTENDING = Registration.Status.ATTENDING
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED
ACTIVE = (ATTENDING, WAITING)
YES_NO = ("yes", "no")
ANSWER_MAX_LENGTH = 1000
# The fields of a registration its audit entries record (answers are listed by question id).
AUDITED = ("status", "name", "email", "organisation_id", "organisation_name", "answers", "is_walk_in")


# --- rules ---------------------------------------------------------------------------------------


def registration_closes_at(event: Event) -> datetime.datetime:
    """Registration closes when the organiser said, else when the event starts."""
    return event.registration_closes_at or event.starts_at


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def registration_refusal(event: Event, *, now: datetime.datetime | None = None) -> ValidationError | None:
    """Why nobody can register for the event now (status, window), or None if they can."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return ValidationError(_("The event has been cancelled."), code="event_cancelled")
    if event.status == Event.Status.POSTPONED:
        return ValidationError(
            _("The event has been postponed. Registration opens again when it has a new date."),
            code="event_postponed",
        )
    if event.status != Event.Status.PUBLISHED:
        return ValidationError(_("The event has not been published yet."), code="event_not_published")
    if event.registration_opens_at and now < event.registration_opens_at:
        return ValidationError(
            _("Registration opens on %(when)s.") % {"when": _when(event.registration_opens_at)},
            code="registration_not_open",
        )
    closes = registration_closes_at(event)
    if now >= closes:
        return ValidationError(
            _("Registration closed on %(when)s.") % {"when": _when(closes)}, code="registration_closed"
        )
    return None


def question_field_name(question: RegistrationQuestion) -> str:
    """The form field (and error key) of a question."""
    return f"question_{question.pk}"


def clean_answers(event: Event, answers: Mapping[Any, Any] | None) -> dict[str, str]:
    """The answers to the event's questions as {question id: text}; raises a ValidationError keyed by
    `question_<id>` for a required question left empty or a choice that is not offered. Answers to
    questions the event does not have are dropped."""
    given = {
        str(key): ("" if value is None else str(value).strip()) for key, value in (answers or {}).items()
    }
    cleaned: dict[str, str] = {}
    errors: dict[str, list[ValidationError]] = {}
    for question in event.questions.all():
        answer = given.get(str(question.pk), "")
        field = question_field_name(question)
        if not answer:
            if question.is_required:
                errors[field] = [ValidationError(_("Please answer this question."), code="answer_required")]
            continue
        if question.kind == RegistrationQuestion.Kind.CHOICE and answer not in question.choice_list:
            errors[field] = [ValidationError(_("Choose one of the choices offered."), code="invalid_choice")]
            continue
        if question.kind == RegistrationQuestion.Kind.YES_NO and answer not in YES_NO:
            errors[field] = [ValidationError(_("Answer yes or no."), code="invalid_choice")]
            continue
        if len(answer) > ANSWER_MAX_LENGTH:
            errors[field] = [
                ValidationError(
                    _("Keep the answer under %(limit)d characters.") % {"limit": ANSWER_MAX_LENGTH},
                    code="answer_too_long",
                )
            ]
            continue
        cleaned[str(question.pk)] = answer
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_person(
    *, actor: Any, name: str, email: str, organisation: Organisation | None, organisation_name: str
) -> tuple[str, str, str]:
    name = (name or "").strip()
    email = (email or "").strip().lower()
    organisation_name = (organisation_name or "").strip()
    errors: dict[str, list[ValidationError]] = {}
    if not name:
        errors["name"] = [ValidationError(_("Please give your name."), code="required")]
    elif len(name) > 200:
        errors["name"] = [ValidationError(_("The name is too long."), code="max_length")]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [ValidationError(_("Enter a valid e-mail address."), code="invalid")]
    elif not getattr(actor, "is_authenticated", False):
        # Without an account, the e-mail is the only way to the cancel link.
        errors["email"] = [
            ValidationError(_("Please give your e-mail address for the confirmation."), code="required")
        ]
    if len(organisation_name) > 200:
        errors["organisation_name"] = [ValidationError(_("The name is too long."), code="max_length")]
    if organisation is not None and not organisation.is_published:
        own = network_permissions.person_organisation_ids(actor)
        if organisation.pk not in own:
            errors["organisation"] = [
                ValidationError(_("Choose an organisation from the directory."), code="invalid_choice")
            ]
    if errors:
        raise ValidationError(errors)
    return name, email, "" if organisation is not None else organisation_name


def _language(language: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


# --- counting under the lock ---------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    attending: int
    waiting: int


def _lock(event: Event) -> Event:
    """The event's row, locked until the transaction ends."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _count(event: Event) -> Counts:
    totals = Registration.objects.filter(event_id=event.pk).aggregate(
        attending=Count("pk", filter=Q(status=ATTENDING)), waiting=Count("pk", filter=Q(status=WAITING))
    )
    return Counts(attending=totals["attending"], waiting=totals["waiting"])


def _store_counts(locked: Event, counts: Counts, *, event: Event | None = None) -> None:
    """Writes the counts on the locked row (only those two columns: `updated_at` and the iCalendar
    LAST-MODIFIED stay as they were) and on the caller's copy of the event."""
    Event.objects.filter(pk=locked.pk).update(attending_count=counts.attending, waiting_count=counts.waiting)
    for copy in (locked, event):
        if copy is not None:
            copy.attending_count = counts.attending
            copy.waiting_count = counts.waiting


def _has_place(event: Event, counts: Counts) -> bool:
    return event.capacity is None or counts.attending < event.capacity


def waiting_queue(event: Event) -> QuerySet[Registration]:
    return Registration.objects.filter(event_id=event.pk, status=WAITING).order_by("waiting_since", "pk")


def _promote(locked: Event, counts: Counts) -> tuple[list[Registration], Counts]:
    """Moves the earliest waiting people to attending while there are places. Nobody is promoted
    into a cancelled event (the places mean nothing there)."""
    if locked.status == Event.Status.CANCELLED or not counts.waiting:
        return [], counts
    free = counts.waiting if locked.capacity is None else max(0, locked.capacity - counts.attending)
    promoted = list(waiting_queue(locked)[: min(free, counts.waiting)]) if free else []
    for registration in promoted:
        registration.status = ATTENDING
        registration.save(update_fields=["status"])
        # actor None: the system did it, in the place someone else freed.
        audit_record(
            actor=None, action="update", instance=registration, changes={"status": [WAITING, ATTENDING]}
        )
    return promoted, Counts(
        attending=counts.attending + len(promoted), waiting=counts.waiting - len(promoted)
    )


def _mail_on_commit(registrations: list[Registration], kind: str) -> None:
    # Imported here: emails.py imports this module (for the queue place it tells).
    from .emails import mail_registration

    def enqueue(pk: int) -> None:
        mail_registration.enqueue(registration_id=pk, kind=kind)

    for registration in registrations:
        if registration.email:
            # robust: the registration is committed; a mail server's failure must not turn the
            # page into an error (the person sees their status on the page anyway).
            transaction.on_commit(partial(enqueue, registration.pk), robust=True)


def _duplicate_error(*, email: bool) -> ValidationError:
    if email:
        return ValidationError(
            {
                "email": ValidationError(
                    _("This e-mail address is already registered for this event."), code="duplicate_email"
                )
            }
        )
    return ValidationError(_("You are already registered for this event."), code="duplicate_user")


def _check_not_registered(event: Event, *, user: Any, email: str) -> None:
    active = Registration.objects.filter(event_id=event.pk, status__in=ACTIVE)
    if user is not None and active.filter(user=user).exists():
        raise _duplicate_error(email=False)
    if email and active.filter(email=email).exists():
        raise _duplicate_error(email=True)


def _insert(registration: Registration) -> None:
    """Saves a new registration; a unique constraint (one active registration per user or e-mail)
    that trips anyway becomes the same message as the check before it."""
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:
        text = str(exc)
        raise _duplicate_error(email="email" in text and "user" not in text) from exc


# --- writes --------------------------------------------------------------------------------------


def registration_create(
    *,
    actor: Any,
    event: Event,
    name: str,
    email: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    answers: Mapping[Any, Any] | None = None,
    language: str = "fi",
) -> Registration:
    """Registers a person (the logged-in actor, or someone without an account for a public event):
    attending while there are places, else on the waiting list. The person is told by e-mail."""
    # The status and window first: "the event has been cancelled" is the useful answer even for
    # someone who could not register anyway. Checked again under the lock below.
    refusal = registration_refusal(event)
    if refusal is not None:
        raise refusal
    if not permissions.may_register(actor, event):
        raise PermissionDenied(_("You may not register for this event."))
    user = actor if getattr(actor, "is_authenticated", False) else None
    name, email, organisation_name = _clean_person(
        actor=actor, name=name, email=email, organisation=organisation, organisation_name=organisation_name
    )
    cleaned_answers = clean_answers(event, answers)
    with transaction.atomic():
        locked = _lock(event)
        refusal = registration_refusal(locked)
        if refusal is not None:
            raise refusal
        _check_not_registered(locked, user=user, email=email)
        counts = _count(locked)
        now = timezone.now()
        attending = _has_place(locked, counts)
        registration = Registration(
            event=locked,
            user=user,
            name=name,
            email=email,
            organisation=organisation,
            organisation_name=organisation_name,
            answers=cleaned_answers,
            language=_language(language),
            status=ATTENDING if attending else WAITING,
            waiting_since=None if attending else now,
        )
        _insert(registration)
        if attending:
            counts = Counts(attending=counts.attending + 1, waiting=counts.waiting)
        else:
            counts = Counts(attending=counts.attending, waiting=counts.waiting + 1)
        _store_counts(locked, counts, event=event)
        audit_record(actor=actor, action="create", instance=registration, changes=_changes({}, registration))
        _mail_on_commit([registration], "confirmed" if attending else "waiting")
    return registration


def registration_cancel(*, registration: Registration, actor: Any = None) -> list[Registration]:
    """Cancels a registration and promotes from the waiting list into the place it frees; returns
    the promoted registrations.

    `actor` None: the person themselves, through the secret link of their registration (the
    caller has checked the token). Otherwise the actor must be the registered user or an
    organiser of the event."""
    with transaction.atomic():
        locked = _lock(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if actor is not None:
            own = getattr(actor, "is_authenticated", False) and current.user_id == actor.pk
            if not own and not permissions.can_manage_event(actor, locked):
                raise PermissionDenied(_("You may not cancel this registration."))
        if current.status == CANCELLED:
            raise ValidationError(_("The registration has already been cancelled."), code="already_cancelled")
        if timezone.now() >= locked.starts_at:
            raise ValidationError(
                _("The event has already started: a registration can no longer be cancelled."),
                code="event_started",
            )
        before = _audited(current)
        current.status = CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        audit_record(actor=actor, action="update", instance=current, changes=diff(before, _audited(current)))
        promoted, counts = _promote(locked, _count(locked))
        _store_counts(locked, counts, event=registration.event)
        _mail_on_commit([current], "cancelled")
        _mail_on_commit(promoted, "promoted")
    registration.status = current.status
    registration.cancelled_at = current.cancelled_at
    return promoted


def registration_set_capacity(*, actor: Any, event: Event, capacity: int | None) -> list[Registration]:
    """Sets the number of places (None: no limit). Refused below the number already attending;
    places that open go to the waiting list in order. Returns the promoted registrations."""
    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("Only the event's organisers may change its places."))
    if capacity is not None and capacity < 0:
        raise ValidationError(
            {"capacity": ValidationError(_("Places cannot be negative."), code="min_value")}
        )
    with transaction.atomic():
        locked = _lock(event)
        counts = _count(locked)
        if capacity is not None and capacity < counts.attending:
            raise ValidationError(
                {
                    "capacity": ValidationError(
                        ngettext(
                            "%(attending)d person is already attending: the places cannot be fewer. "
                            "Cancel registrations first if the places must go down.",
                            "%(attending)d people are already attending: the places cannot be fewer. "
                            "Cancel registrations first if the places must go down.",
                            counts.attending,
                        )
                        % {"attending": counts.attending},
                        code="capacity_below_attending",
                    )
                }
            )
        old = locked.capacity
        Event.objects.filter(pk=locked.pk).update(capacity=capacity)
        locked.capacity = capacity
        event.capacity = capacity
        if old != capacity:
            audit_record(
                actor=actor,
                action="update",
                instance=locked,
                changes={
                    "capacity": ["" if old is None else str(old), "" if capacity is None else str(capacity)]
                },
            )
        promoted, counts = _promote(locked, counts)
        _store_counts(locked, counts, event=event)
        _mail_on_commit(promoted, "promoted")
    return promoted


def registration_add_walk_in(
    *,
    actor: Any,
    event: Event,
    name: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    email: str = "",
) -> Registration:
    """Someone who came without registering: attending and present, whatever the capacity or the
    window (they are in the room). Counted like everyone else."""
    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("Only the event's organisers may add walk-ins."))
    name = (name or "").strip()
    email = (email or "").strip().lower()
    organisation_name = "" if organisation is not None else (organisation_name or "").strip()
    errors: dict[str, list[ValidationError]] = {}
    if not name:
        errors["name"] = [ValidationError(_("Please give the person's name."), code="required")]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [ValidationError(_("Enter a valid e-mail address."), code="invalid")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(event)
        _check_not_registered(locked, user=None, email=email)
        now = timezone.now()
        registration = Registration(
            event=locked,
            name=name[:200],
            email=email,
            organisation=organisation,
            organisation_name=organisation_name[:200],
            status=ATTENDING,
            is_walk_in=True,
            attended=True,
            attendance_marked_at=now,
        )
        _insert(registration)
        counts = _count(locked)
        _store_counts(locked, counts, event=event)
        audit_record(actor=actor, action="create", instance=registration, changes=_changes({}, registration))
    return registration


def registration_update_answers(
    *, registration: Registration, answers: Mapping[Any, Any] | None, actor: Any = None
) -> Registration:
    """Changes the answers to the organiser's questions. `actor` as in `registration_cancel`."""
    event = registration.event
    if actor is not None:
        own = getattr(actor, "is_authenticated", False) and registration.user_id == actor.pk
        if not own and not permissions.can_manage_event(actor, event):
            raise PermissionDenied(_("You may not change this registration."))
    cleaned = clean_answers(event, answers)
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == CANCELLED:
            raise ValidationError(_("The registration has been cancelled."), code="already_cancelled")
        if timezone.now() >= event.starts_at:
            raise ValidationError(
                _("The event has already started: the answers can no longer be changed."),
                code="event_started",
            )
        before = _audited(current)
        current.answers = cleaned
        current.save(update_fields=["answers"])
        changes = diff(before, _audited(current))
        if changes:
            audit_record(actor=actor, action="update", instance=current, changes=changes)
    registration.answers = cleaned
    return registration


def _audited(registration: Registration) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in AUDITED:
        value = getattr(registration, name)
        if name == "answers":
            for key, answer in sorted((value or {}).items()):
                values[f"answer_{key}"] = str(answer)
            continue
        values[name] = "" if value is None else str(value)
    return values


def _changes(before: dict[str, str], registration: Registration) -> dict[str, list[str]]:
    return diff(before, _audited(registration))


# --- reads ---------------------------------------------------------------------------------------


def waiting_position(registration: Registration) -> int | None:
    """1 for the first in the queue; None for someone not waiting."""
    if registration.status != WAITING or registration.waiting_since is None:
        return None
    ahead = (
        waiting_queue(registration.event)
        .filter(
            Q(waiting_since__lt=registration.waiting_since)
            | Q(waiting_since=registration.waiting_since, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


def registration_by_token(token: str) -> Registration:
    """The registration a secret link points at (the link is the permission); 404 otherwise."""
    registration = (
        Registration.objects.select_related("event", "organisation", "event__municipality")
        .filter(token=token)
        .first()
    )
    if registration is None or not token:
        raise Http404
    return registration


def active_registration_of(user: Any, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event_id=event.pk, user=user, status__in=ACTIVE).first()


def registrations_of(user: Any) -> QuerySet[Registration]:
    """The user's own registrations, the coming events first, then the past ones."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return Registration.objects.filter(user=user).select_related("event").order_by("-event__starts_at", "-pk")


@dataclass(frozen=True)
class Participants:
    attending: list[Registration]
    waiting: list[Registration]
    cancelled: list[Registration]
    questions: list[RegistrationQuestion]


def participants_of(*, user: Any, event: Event) -> Participants:
    """Everyone registered for the event, for its organisers (PermissionDenied for others):
    attending by name, waiting in queue order, cancelled by when."""
    if not permissions.can_manage_event(user, event):
        raise PermissionDenied
    rows = list(Registration.objects.filter(event_id=event.pk).select_related("organisation"))
    attending = sorted((r for r in rows if r.status == ATTENDING), key=lambda r: (r.name.casefold(), r.pk))
    waiting = sorted(
        (r for r in rows if r.status == WAITING), key=lambda r: (r.waiting_since or r.created_at, r.pk)
    )
    cancelled = sorted(
        (r for r in rows if r.status == CANCELLED), key=lambda r: (r.cancelled_at or r.created_at, r.pk)
    )
    return Participants(
        attending=attending, waiting=waiting, cancelled=cancelled, questions=list(event.questions.all())
    )


def answer_text(question: RegistrationQuestion, answer: str) -> str:
    """An answer as a person reads it: yes/no in the active language."""
    if question.kind == RegistrationQuestion.Kind.YES_NO:
        return {"yes": _("yes"), "no": _("no")}.get(answer, answer)
    return answer


def answers_for_display(
    registration: Registration, questions: list[RegistrationQuestion]
) -> list[tuple[str, str]]:
    """(question, answer) in the questions' order; unanswered ones give an empty answer."""
    answers = registration.answers or {}
    return [(q.text, answer_text(q, str(answers.get(str(q.pk), "")))) for q in questions]


def published_organisations() -> QuerySet[Organisation]:
    """The directory's organisations a person may name as theirs, by name."""
    return Organisation.objects.filter(is_published=True).order_by("name", "pk")
