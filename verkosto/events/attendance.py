"""Attendance: the organiser marks who came, from the event's day on, and adds walk-ins.

`attendance_mark` is the write (permission, the day rule, audit, one transaction); the reads
(`attendance_list`, `attendance_counts`, `attendance_was_marked`) serve the phone-friendly list and
the feedback and reach figures, which count "present" people only once attendance has been marked.

Walk-ins are registrations: `attendance_walk_in_add` checks the day rule and hands over to the
registration service (`registration.registration_add_walk_in`), which counts them on the event.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff
from verkosto.directory.models import Organisation

from . import permissions
from .models import Event, Registration

ATTENDING = Registration.Status.ATTENDING
AUDITED = ("attended", "attendance_marked_at")


def event_for_organiser(*, user: Any, uuid: Any) -> Event:
    """An event the user organises; 404 if there is none, 403 if it is not theirs."""
    event = Event.objects.select_related("municipality").filter(uuid=uuid).first()
    if event is None:
        raise Http404
    if not permissions.can_manage_event(user, event):
        raise PermissionDenied
    return event


# --- the day rule --------------------------------------------------------------------------------


def event_day(event: Event) -> datetime.date:
    return timezone.localdate(event.starts_at)


def attendance_open(event: Event, *, today: datetime.date | None = None) -> bool:
    """Attendance is marked from the event's (local) day on: not days before, by mistake."""
    return (today or timezone.localdate()) >= event_day(event)


def _check_open(event: Event) -> None:
    if event.status in (Event.Status.DRAFT, Event.Status.CANCELLED):
        raise ValidationError(
            _("Attendance is marked only for held events: this one is a draft or cancelled."),
            code="not_held",
        )
    if not attendance_open(event):
        raise ValidationError(
            _("Attendance can be marked from the event's day on (%(day)s).")
            % {"day": date_format(event_day(event), "SHORT_DATE_FORMAT")},
            code="too_early",
        )


# --- writes --------------------------------------------------------------------------------------


@transaction.atomic
def attendance_mark(*, actor: Any, registration: Registration, present: bool | None) -> Registration:
    """Mark one attending person present (True), absent (False) or not marked (None).

    Refused: anyone but the event's organisers; a registration that is not attending (waiting or
    cancelled); a draft or cancelled event; before the event's day."""
    registration = Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    event = registration.event
    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("Only the event's organisers may mark attendance."))
    _check_open(event)
    if registration.status != ATTENDING:
        raise ValidationError(
            _("Only people with a place at the event can be marked present or absent."), code="not_attending"
        )
    before = {name: _text(getattr(registration, name)) for name in AUDITED}
    registration.attended = present
    registration.attendance_marked_at = None if present is None else timezone.now()
    registration.save(update_fields=["attended", "attendance_marked_at"])
    after = {name: _text(getattr(registration, name)) for name in AUDITED}
    audit_record(actor=actor, action="update", instance=registration, changes=diff(before, after))
    return registration


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def attendance_walk_in_add(
    *,
    actor: Any,
    event: Event,
    name: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    email: str = "",
) -> Registration:
    """Add someone who came without registering: present, counted, whatever the capacity.

    The day rule is checked here; the registration service checks permission again, places the
    person under the event's row lock and records the audit entry."""
    from .registration import registration_add_walk_in  # the registration helper's module

    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("Only the event's organisers may add walk-ins."))
    _check_open(event)
    return registration_add_walk_in(
        actor=actor,
        event=event,
        name=name,
        organisation=organisation,
        organisation_name=organisation_name,
        email=email,
    )


# --- reads ---------------------------------------------------------------------------------------


def attendance_list(*, user: Any, event: Event) -> QuerySet[Registration]:
    """The attending people of the event, by name, for its organisers (403 for others)."""
    if not permissions.can_manage_event(user, event):
        raise PermissionDenied
    return (
        Registration.objects.filter(event=event, status=ATTENDING)
        .select_related("organisation")
        .order_by("name", "pk")
    )


def attendance_registration_get(*, user: Any, event: Event, uuid: Any) -> Registration:
    """One registration of the event for marking; 404 if it is not this event's."""
    registration = attendance_list(user=user, event=event).filter(uuid=uuid).first()
    if registration is None:
        raise Http404
    return registration


@dataclass(frozen=True)
class AttendanceCounts:
    registered: int  # attending, walk-ins included
    marked: int  # marked present or absent
    present: int
    walk_ins: int

    @property
    def absent(self) -> int:
        return self.marked - self.present

    @property
    def unmarked(self) -> int:
        return self.registered - self.marked


def attendance_counts(event: Event) -> AttendanceCounts:
    """The counter above the list, in one query."""
    row = Registration.objects.filter(event=event, status=ATTENDING).aggregate(
        registered=Count("pk"),
        marked=Count("pk", filter=Q(attended__isnull=False)),
        present=Count("pk", filter=Q(attended=True)),
        walk_ins=Count("pk", filter=Q(is_walk_in=True)),
    )
    return AttendanceCounts(**{key: int(value or 0) for key, value in row.items()})


def marked_registrations(event_ref: Any) -> QuerySet[Registration]:
    """Attending registrations that the organiser has marked, walk-ins aside (a walk-in is present
    by definition and says nothing about whether the others were checked)."""
    return Registration.objects.filter(
        event=event_ref, status=ATTENDING, attended__isnull=False, is_walk_in=False
    )


def attendance_was_marked(event: Event) -> bool:
    return marked_registrations(event).exists()


def attendance_marked_expression() -> Exists:
    """`attendance_was_marked` as an expression over events (for annotating many at once)."""
    return Exists(marked_registrations(OuterRef("pk")))


def participants_of(event: Event) -> QuerySet[Registration]:
    """Who took part: those marked present, or, if attendance was never marked, all attending."""
    attending = Registration.objects.filter(event=event, status=ATTENDING)
    if attendance_was_marked(event):
        return attending.filter(attended=True)
    return attending


def walk_in_organisations(event: Event) -> QuerySet[Organisation]:
    """The directory organisations offered for a walk-in: the organising organisations, the current
    members of the organising networks and those already registered (a short list for a phone,
    not the whole directory; anyone else is typed in as free text)."""
    members = Q(
        network_memberships__network__in=event.networks.all(), network_memberships__left_on__isnull=True
    )
    return (
        Organisation.objects.filter(
            Q(pk__in=event.organisations.values("pk"))
            | Q(pk__in=Organisation.objects.filter(members).values("pk"))
            | Q(
                pk__in=Registration.objects.filter(event=event, organisation__isnull=False).values(
                    "organisation_id"
                )
            )
        )
        .order_by("name_fi", "pk")
        .distinct()
    )
