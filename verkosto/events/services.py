"""Writes for events: the event itself (create, edit, publish, cancel, postpone), its programme and
the organiser's registration questions. Each write checks permission, validates with a message
next to the field it concerns, makes the change and its audit entry in one transaction, and sends
e-mail only after the commit.

Rules an event keeps (`event_errors`): a title in Finnish at least; the end after the start; an
online link, or a place or municipality; a members-only event has an organising network or
organisation (otherwise nobody but its organisers could see it); registration closes after it opens
and not after the event ends. Programme items fall within the event.

Participants must hear of what they would otherwise miss: a change of time, place, online link or
status raises the event's iCalendar SEQUENCE and e-mails the people attending and waiting
(`emails.send_event_changed`). Moving the whole event (start and end by the same amount, as when
a postponed event gets its new date) moves its programme with it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.networks.bulletins import networks_managed_by

from . import permissions
from .models import Event, ProgrammeItem, RegistrationQuestion

Status = Event.Status
EVENT_M2M = ("networks", "organisations", "regions")
# What an organiser may set through event_create/event_update. Counts, sequence, the creator and
# the feedback request are kept by the services that own them.
EVENT_FIELDS = frozenset(
    {
        "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
        "kind", "place", "address", "municipality", "online_url", "starts_at", "ends_at",
        "audience", "language", "status", "capacity", "registration_opens_at",
        "registration_closes_at", *EVENT_M2M,
    }
)  # fmt: skip
# A change of these is news for the people who registered: SEQUENCE goes up and they get e-mail.
NEWS_FIELDS = ("starts_at", "ends_at", "place", "address", "municipality_id", "online_url", "status")
# Which status may follow which. A cancelled event stays cancelled: its people have been told.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PUBLISHED, Status.CANCELLED}),
    Status.PUBLISHED: frozenset({Status.CANCELLED, Status.POSTPONED}),
    Status.POSTPONED: frozenset({Status.PUBLISHED, Status.CANCELLED}),
    Status.CANCELLED: frozenset(),
}
PROGRAMME_FIELDS = frozenset(
    {"starts_at", "ends_at", "title_fi", "title_sv", "title_en", "presenter", "form"}
)
QUESTION_FIELDS = frozenset({"text_fi", "text_sv", "text_en", "kind", "choices", "is_required", "order"})


# --- the rules -----------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def event_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """The event rules broken by `values` (form fields: `municipality` an object or None, the
    many-to-many fields as iterables), as {field: message}. A rule whose values are missing from
    `values` is not checked, so a form can show these beside its own errors; the services pass
    every value."""
    errors: dict[str, str] = {}
    if "title_fi" in values and _blank(values["title_fi"]):
        errors["title_fi"] = _("Give the title in Finnish at least.")
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts and ends and ends <= starts:
        errors["ends_at"] = _("The event must end after it starts.")
    if {"online_url", "place", "municipality"} <= values.keys() and not (
        values["online_url"] or not _blank(values["place"]) or values["municipality"]
    ):
        errors["place"] = _("Give an online link, or a place or municipality (or both).")
    if (
        values.get("audience") == Event.Audience.MEMBERS
        and {"networks", "organisations"} <= values.keys()
        and not (list(values["networks"] or []) or list(values["organisations"] or []))
    ):
        errors["networks"] = _(
            "A members-only event needs at least one organising network or organisation: "
            "their members are the ones who see it."
        )
    opens, closes = values.get("registration_opens_at"), values.get("registration_closes_at")
    if opens and closes and closes <= opens:
        errors["registration_closes_at"] = _("Registration must close after it opens.")
    elif closes and ends and closes > ends:
        errors["registration_closes_at"] = _("Registration cannot close after the event has ended.")
    if opens and ends and opens >= ends and "registration_closes_at" not in errors:
        errors["registration_opens_at"] = _("Registration must open before the event ends.")
    return errors


def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"not event fields: {', '.join(sorted(unknown))}")


def _current_values(event: Event) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: getattr(event, name)
        for name in EVENT_FIELDS
        if name not in EVENT_M2M and name != "municipality"
    }
    values["municipality"] = event.municipality if event.municipality_id else None
    for name in EVENT_M2M:
        values[name] = list(getattr(event, name).all()) if event.pk else []
    return values


def _check_networks(actor: Any, event: Event, networks: Iterable[Any] | None) -> None:
    """New organising networks must be ones the actor manages: naming a network shows the event to
    its members and lets its coordinators manage it. Networks already on the event may stay."""
    if networks is None:
        return
    current = set(event.networks.values_list("pk", flat=True)) if event.pk else set()
    added = {n.pk for n in networks} - current
    if not added:
        return
    allowed = set(networks_managed_by(actor).filter(pk__in=added).values_list("pk", flat=True))
    if added - allowed:
        raise ValidationError(
            {"networks": _("You may name as organisers only networks that you coordinate.")}
        )


def _check_transition(old: str, new: str) -> None:
    if old != new and new not in TRANSITIONS.get(old, frozenset()):
        raise ValidationError(
            {
                "status": _("A %(old)s event cannot become %(new)s.")
                % {"old": Status(old).label, "new": Status(new).label}
            }
        )


def _send_event_changed(event_id: int) -> None:
    # Imported here: the e-mail module belongs to the registration part and imports this app's
    # models; the import at call time keeps the two modules independent.
    from .emails import send_event_changed

    event = Event.objects.filter(pk=event_id).first()
    if event is not None:
        send_event_changed(event)


# --- events --------------------------------------------------------------------------------------


@transaction.atomic
def event_create(*, actor: Any, **fields: Any) -> Event:
    """A new event, as a draft or published at once. `fields` are those of EVENT_FIELDS (the
    translated ones by language: `title_fi`...; `networks`, `organisations`, `regions` as lists)."""
    if not permissions.can_create_event(actor):
        raise PermissionDenied(_("You may not create events."))
    _check_fields(fields)
    fields.setdefault("status", Status.DRAFT)
    if fields["status"] not in (Status.DRAFT, Status.PUBLISHED):
        raise ValidationError({"status": _("A new event is either a draft or published.")})
    event = Event(created_by=actor)
    values = _current_values(event) | fields
    errors = event_errors(values)
    if errors:
        raise ValidationError(errors)
    _check_networks(actor, event, fields.get("networks"))
    for name, value in fields.items():
        if name not in EVENT_M2M:
            setattr(event, name, value)
    event.full_clean()
    event.save()
    for name in EVENT_M2M:
        if name in fields:
            getattr(event, name).set(list(fields[name]))
    audit_record(actor=actor, action="create", instance=event, changes=diff({}, snapshot(event, EVENT_M2M)))
    return event


def _programme_shift(event: Event, values: Mapping[str, Any]) -> datetime.timedelta | None:
    """How far the programme moves: by the change of the start when the whole event moves (start
    and end by the same amount); otherwise it stays."""
    start_delta = values["starts_at"] - event.starts_at
    if start_delta and values["ends_at"] - event.ends_at == start_delta:
        return start_delta
    return None


def _check_programme_fits(event: Event, values: Mapping[str, Any], shift: datetime.timedelta | None) -> None:
    starts, ends = values["starts_at"], values["ends_at"]
    offset = shift or datetime.timedelta(0)
    outside = [
        item
        for item in event.programme.all()
        if item.starts_at + offset < starts or (item.ends_at or item.starts_at) + offset > ends
    ]
    if outside:
        raise ValidationError(
            {
                "ends_at": _(
                    "The programme would fall outside the new time (%(items)s). Change the programme "
                    "first, or move the start and the end together to move the programme with them."
                )
                % {"items": ", ".join(item.title for item in outside[:3])}
            }
        )


@transaction.atomic
def event_update(*, actor: Any, event: Event, **fields: Any) -> Event:
    """Change an event (any of EVENT_FIELDS, the status by the allowed transitions). A change of
    the capacity goes through the registration service, which refuses one below the number of
    people attending and promotes people from the waiting list when places open."""
    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("You may not change this event."))
    _check_fields(fields)
    # The row lock keeps registrations (which count under the same lock) out while this runs.
    stored = Event.objects.select_for_update().get(pk=event.pk)
    current = _current_values(stored)
    values = current | fields
    # Only what this change breaks: an event stored before a rule existed (or imported) can still
    # be cancelled or have its title corrected.
    already = event_errors(current)
    errors = {field: message for field, message in event_errors(values).items() if field not in already}
    if errors:
        raise ValidationError(errors)
    if "status" in fields:
        _check_transition(stored.status, fields["status"])
    _check_networks(actor, stored, fields.get("networks"))
    shift = _programme_shift(stored, values)
    _check_programme_fits(stored, values, shift)

    if "capacity" in fields and fields["capacity"] != stored.capacity:
        # The registration service owns the places: it refuses fewer than the people attending,
        # promotes from the waiting list when places open, and audits the change itself.
        from .registration import registration_set_capacity

        registration_set_capacity(actor=actor, event=stored, capacity=fields["capacity"])
        stored.refresh_from_db(fields=["capacity", "attending_count", "waiting_count"])
    before = snapshot(stored, EVENT_M2M)

    # The changes go onto the locked row, not the caller's copy: a copy read before another
    # organiser's edit (or before a registration changed the counts) would write old values back.
    old = {name: getattr(stored, name) for name in NEWS_FIELDS}
    for name, value in fields.items():
        if name not in EVENT_M2M:
            setattr(stored, name, value)
    news = any(getattr(stored, name) != value for name, value in old.items())
    if news:
        stored.sequence += 1
    stored.full_clean()
    stored.save()
    for name in EVENT_M2M:
        if name in fields:
            getattr(stored, name).set(list(fields[name]))
    if shift:
        for item in stored.programme.all():
            item.starts_at += shift
            if item.ends_at:
                item.ends_at += shift
            item.save(update_fields=["starts_at", "ends_at"])
    # Times as the database gives them back (in UTC), so that the diff compares like with like.
    stored.refresh_from_db()
    changes = diff(before, snapshot(stored, EVENT_M2M))
    if changes:
        audit_record(actor=actor, action="update", instance=stored, changes=changes)
    if news and old["status"] != Status.DRAFT:
        event_id = stored.pk
        transaction.on_commit(lambda: _send_event_changed(event_id))
    event.refresh_from_db()
    return event


@transaction.atomic
def event_set_status(*, actor: Any, event: Event, status: str) -> Event:
    """Publish, cancel or postpone (see TRANSITIONS). Publishing a draft shows it to its audience;
    cancelling or postponing a published event raises its SEQUENCE and tells its people."""
    if status not in Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    if status == event.status:
        raise ValidationError({"status": _("The event has this status already.")})
    return event_update(actor=actor, event=event, status=status)


# --- the programme -------------------------------------------------------------------------------


def _manage(actor: Any, event: Event) -> None:
    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("You may not change this event."))


def _programme_errors(event: Event, item: ProgrammeItem) -> dict[str, str]:
    errors: dict[str, str] = {}
    if _blank(getattr(item, "title_fi", "")):  # a modeltranslation column
        errors["title_fi"] = _("Give the title in Finnish at least.")
    if item.starts_at is None:
        return errors
    if item.ends_at is not None and item.ends_at <= item.starts_at:
        errors["ends_at"] = _("A programme item must end after it starts.")
    if not event.starts_at <= item.starts_at < event.ends_at:
        errors["starts_at"] = _("The programme item must start during the event.")
    elif item.ends_at is not None and item.ends_at > event.ends_at and "ends_at" not in errors:
        errors["ends_at"] = _("The programme item must end by the end of the event.")
    return errors


def _save_programme_item(item: ProgrammeItem, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise TypeError(f"not programme item fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(item, name, value)
    errors = _programme_errors(item.event, item)
    if errors:
        raise ValidationError(errors)
    item.full_clean()
    item.save()


@transaction.atomic
def programme_item_create(*, actor: Any, event: Event, **fields: Any) -> ProgrammeItem:
    _manage(actor, event)
    item = ProgrammeItem(event=event)
    _save_programme_item(item, fields)
    audit_record(actor=actor, action="create", instance=item, changes=diff({}, snapshot(item)))
    return item


@transaction.atomic
def programme_item_update(*, actor: Any, item: ProgrammeItem, **fields: Any) -> ProgrammeItem:
    _manage(actor, item.event)
    before = snapshot(ProgrammeItem.objects.get(pk=item.pk))
    _save_programme_item(item, fields)
    changes = diff(before, snapshot(item))
    if changes:
        audit_record(actor=actor, action="update", instance=item, changes=changes)
    return item


@transaction.atomic
def programme_item_delete(*, actor: Any, item: ProgrammeItem) -> None:
    _manage(actor, item.event)
    audit_record(actor=actor, action="delete", instance=item, changes=diff(snapshot(item), {}))
    item.delete()


# --- registration questions ----------------------------------------------------------------------


def _save_question(question: RegistrationQuestion, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - QUESTION_FIELDS
    if unknown:
        raise TypeError(f"not question fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(question, name, value)
    errors: dict[str, str] = {}
    if _blank(getattr(question, "text_fi", "")):  # a modeltranslation column
        errors["text_fi"] = _("Give the question in Finnish at least.")
    if question.kind == RegistrationQuestion.Kind.CHOICE and len(question.choice_list) < 2:
        errors["choices"] = _("Give at least two choices, one per line.")
    if errors:
        raise ValidationError(errors)
    if question.kind != RegistrationQuestion.Kind.CHOICE:
        question.choices = ""  # choices of a free-text or yes/no question would never be shown
    question.full_clean()
    question.save()


@transaction.atomic
def question_create(*, actor: Any, event: Event, **fields: Any) -> RegistrationQuestion:
    _manage(actor, event)
    question = RegistrationQuestion(event=event)
    _save_question(question, fields)
    audit_record(actor=actor, action="create", instance=question, changes=diff({}, snapshot(question)))
    return question


@transaction.atomic
def question_update(*, actor: Any, question: RegistrationQuestion, **fields: Any) -> RegistrationQuestion:
    _manage(actor, question.event)
    before = snapshot(RegistrationQuestion.objects.get(pk=question.pk))
    _save_question(question, fields)
    changes = diff(before, snapshot(question))
    if changes:
        audit_record(actor=actor, action="update", instance=question, changes=changes)
    return question


@transaction.atomic
def question_delete(*, actor: Any, question: RegistrationQuestion) -> None:
    """Answers already given stay in the registrations (keyed by the question's id): nothing
    a participant wrote is lost."""
    _manage(actor, question.event)
    audit_record(actor=actor, action="delete", instance=question, changes=diff(snapshot(question), {}))
    question.delete()
