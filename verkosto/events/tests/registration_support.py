"""Shared set-up of the registration tests: a public event with places, an organiser, questions,
and a shortcut to register someone through the service."""

from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth.models import AnonymousUser

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, user_with_role
from verkosto.events import registration as service
from verkosto.events.models import Event, Registration, RegistrationQuestion

from .factories import EventFactory

_numbers = itertools.count(1)


def organiser_and_event(**fields: Any) -> tuple[Any, Event]:
    """An event of an organisation, and an editor of that organisation (who manages the event).
    Public, with 3 places, unless told otherwise."""
    organisation = OrganisationFactory()
    organiser = user_with_role(RoleAssignment.Role.ORGANISATION_EDITOR, organisation=organisation)
    fields.setdefault("audience", Event.Audience.PUBLIC)
    fields.setdefault("capacity", 3)
    event = EventFactory(organisations=[organisation], **fields)
    return organiser, event


def register(event: Event, actor: Any = None, **fields: Any) -> Registration:
    """Registers a new person without an account (unless an actor is given)."""
    number = next(_numbers)
    fields.setdefault("name", f"Osallistuja {number}")
    fields.setdefault("email", f"osallistuja{number}@example.fi")
    return service.registration_create(actor=actor or AnonymousUser(), event=event, **fields)


def question(event: Event, text: str, kind: str = RegistrationQuestion.Kind.TEXT, **fields: Any) -> Any:
    return RegistrationQuestion.objects.create(event=event, text_fi=text, text=text, kind=kind, **fields)


def counts(event: Event) -> tuple[int, int]:
    """(attending, waiting) as stored on the event, read back from the database."""
    event.refresh_from_db(fields=["attending_count", "waiting_count"])
    return event.attending_count, event.waiting_count


def real_counts(event: Event) -> tuple[int, int]:
    rows = Registration.objects.filter(event=event)
    return rows.filter(status="attending").count(), rows.filter(status="waiting").count()
