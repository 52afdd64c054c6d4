"""Factories for event tests. Events are published, members-only, and start a week from now
unless told otherwise."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone

from verkosto.events.models import Event, ProgrammeItem, Registration


def _start(_: Any) -> datetime.datetime:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    return now + datetime.timedelta(days=7)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Verkostotapaaminen {n}")
    title = factory.SelfAttribute("title_fi")
    kind = Event.Kind.NETWORK_MEETING
    status = Event.Status.PUBLISHED
    audience = Event.Audience.MEMBERS
    starts_at = factory.LazyAttribute(_start)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))

    @factory.post_generation
    def networks(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.networks.set(extracted)

    @factory.post_generation
    def regions(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.regions.set(extracted)

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisations.set(extracted)


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    title_fi = factory.Sequence(lambda n: f"Ohjelma {n}")
    title = factory.SelfAttribute("title_fi")


def registration_row(event: Event, **fields: Any) -> Registration:
    """A registration written straight to the table, for reading tests only: it bypasses the
    registration service and does not update the event's counts."""
    fields.setdefault("name", "Testi Osallistuja")
    fields.setdefault("status", Registration.Status.ATTENDING)
    return Registration.objects.create(event=event, **fields)
