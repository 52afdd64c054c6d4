"""The registration service: places and the waiting list, promotion, refusals that write nothing,
answers, capacity changes, walk-ins and the audit trail."""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory
from verkosto.events import registration as service
from verkosto.events.models import Event, Registration, RegistrationQuestion
from verkosto.networks.tests.factories import NetworkFactory, add_member, person_of

from .factories import EventFactory, registration_row
from .registration_support import counts, organiser_and_event, question, real_counts, register

pytestmark = pytest.mark.django_db
Kind = RegistrationQuestion.Kind


def _codes(exc: ValidationError) -> set[str]:
    if hasattr(exc, "error_dict"):
        return {e.code for errors in exc.error_dict.values() for e in errors}
    return {e.code for e in exc.error_list}


def _nothing_written(event: Event, before_rows: int = 0, before_audit: int = 0) -> None:
    assert Registration.objects.filter(event=event).count() == before_rows
    assert AuditEntry.objects.filter(object_type="events.registration").count() == before_audit
    assert counts(event) == real_counts(event)


# --- places and the waiting list -----------------------------------------------------------------


def test_people_attend_until_the_places_are_taken_then_wait_in_order() -> None:
    _organiser, event = organiser_and_event(capacity=2)
    first, second, third, fourth = (register(event) for _ in range(4))
    assert [r.status for r in (first, second, third, fourth)] == [
        "attending",
        "attending",
        "waiting",
        "waiting",
    ]
    assert first.waiting_since is None and third.waiting_since is not None
    assert third.waiting_since <= fourth.waiting_since
    assert counts(event) == (2, 2) == real_counts(event)
    assert (event.attending_count, event.waiting_count) == (2, 2)  # the caller's copy is updated too
    assert [service.waiting_position(third), service.waiting_position(fourth)] == [1, 2]
    assert service.waiting_position(first) is None


def test_no_capacity_means_no_limit() -> None:
    _organiser, event = organiser_and_event(capacity=None)
    statuses = {register(event).status for _ in range(5)}
    assert statuses == {"attending"}
    assert counts(event) == (5, 0)


def test_cancelling_a_place_promotes_the_earliest_waiting_person() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    attending = register(event)
    early = register(event)
    late = register(event)
    # The queue is ordered by waiting_since, not by id: make the later row the earlier waiter.
    Registration.objects.filter(pk=late.pk).update(
        waiting_since=early.waiting_since - datetime.timedelta(minutes=1)
    )
    promoted = service.registration_cancel(registration=attending)
    assert [r.pk for r in promoted] == [late.pk]
    late.refresh_from_db()
    early.refresh_from_db()
    attending.refresh_from_db()
    assert (attending.status, late.status, early.status) == ("cancelled", "attending", "waiting")
    assert attending.cancelled_at is not None
    assert service.waiting_position(early) == 1
    assert counts(event) == (1, 1) == real_counts(event)


def test_cancelling_from_the_waiting_list_promotes_nobody() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    register(event)
    waiting = register(event)
    assert service.registration_cancel(registration=waiting) == []
    assert counts(event) == (1, 0)


def test_nobody_is_promoted_into_a_cancelled_event() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    attending = register(event)
    waiting = register(event)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    assert service.registration_cancel(registration=attending) == []
    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    assert counts(event) == (0, 1) == real_counts(event)


def test_a_registration_is_cancelled_once() -> None:
    _organiser, event = organiser_and_event()
    registration = register(event)
    service.registration_cancel(registration=registration)
    with pytest.raises(ValidationError) as caught:
        service.registration_cancel(registration=registration)
    assert _codes(caught.value) == {"already_cancelled"}
    assert counts(event) == (0, 0)


def test_nobody_cancels_after_the_start() -> None:
    _organiser, event = organiser_and_event()
    registration = register(event)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(ValidationError) as caught:
        service.registration_cancel(registration=registration)
    assert _codes(caught.value) == {"event_started"}
    registration.refresh_from_db()
    assert registration.status == "attending"


def test_only_the_person_or_an_organiser_cancels_by_account() -> None:
    organiser, event = organiser_and_event()
    person = UserFactory()
    registration = register(event, actor=person)
    with pytest.raises(PermissionDenied):
        service.registration_cancel(registration=registration, actor=UserFactory())
    service.registration_cancel(registration=registration, actor=organiser)
    again = register(event, actor=person)
    service.registration_cancel(registration=again, actor=person)
    assert counts(event) == (0, 0)


def test_the_counts_are_taken_from_the_rows_under_the_lock() -> None:
    """A row written past the service (an old import, a hand fix) is counted at the next change."""
    _organiser, event = organiser_and_event(capacity=2)
    registration_row(event, status="attending", email="vanha@example.fi")
    assert counts(event) == (0, 0)
    assert register(event).status == "attending"
    assert register(event).status == "waiting"
    assert counts(event) == (2, 1) == real_counts(event)


# --- refusals: clear messages, nothing written ---------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (Event.Status.CANCELLED, "event_cancelled"),
        (Event.Status.POSTPONED, "event_postponed"),
        (Event.Status.DRAFT, "event_not_published"),
    ],
)
def test_an_event_not_open_is_refused(
    status: str, code: str, django_capture_on_commit_callbacks: Any
) -> None:
    _organiser, event = organiser_and_event(status=status)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError) as caught,
    ):
        register(event)
    assert _codes(caught.value) == {code}
    assert caught.value.messages[0]
    assert callbacks == []
    _nothing_written(event)


def test_registration_before_the_window_opens_is_refused() -> None:
    _organiser, event = organiser_and_event(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        register(event)
    assert _codes(caught.value) == {"registration_not_open"}
    _nothing_written(event)


def test_registration_after_the_window_closes_is_refused() -> None:
    _organiser, event = organiser_and_event(
        registration_opens_at=timezone.now() - datetime.timedelta(days=3),
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    with pytest.raises(ValidationError) as caught:
        register(event)
    assert _codes(caught.value) == {"registration_closed"}
    _nothing_written(event)


def test_without_a_closing_time_registration_closes_at_the_start() -> None:
    _organiser, event = organiser_and_event()
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=1),
        ends_at=timezone.now() + datetime.timedelta(hours=2),
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        register(event)
    assert _codes(caught.value) == {"registration_closed"}
    _nothing_written(event)


def test_the_window_is_checked_again_under_the_lock() -> None:
    """The caller's copy may be old: the row read under the lock decides."""
    _organiser, event = organiser_and_event()
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    with pytest.raises(ValidationError) as caught:
        register(event)  # `event` still says published
    assert _codes(caught.value) == {"event_cancelled"}
    _nothing_written(event)


def test_the_same_user_cannot_register_twice() -> None:
    _organiser, event = organiser_and_event()
    person = UserFactory(email="maija@example.fi")
    register(event, actor=person, email="")
    with pytest.raises(ValidationError) as caught:
        register(event, actor=person, email="toinen@example.fi")
    assert _codes(caught.value) == {"duplicate_user"}
    _nothing_written(event, before_rows=1, before_audit=1)
    assert counts(event) == (1, 0)


def test_the_same_e_mail_cannot_register_twice_whatever_its_case() -> None:
    _organiser, event = organiser_and_event()
    register(event, email="Maija.Meikalainen@Example.fi")
    with pytest.raises(ValidationError) as caught:
        register(event, email=" maija.meikalainen@example.FI ")
    assert set(caught.value.error_dict) == {"email"}
    assert _codes(caught.value) == {"duplicate_email"}
    _nothing_written(event, before_rows=1, before_audit=1)


def test_a_unique_constraint_that_trips_becomes_the_same_message() -> None:
    """Should two requests ever pass the check together, the database's constraint refuses the
    second, and the person reads the same message."""
    _organiser, event = organiser_and_event()
    register(event, email="sama@example.fi")
    with mock.patch.object(service, "_check_not_registered"), pytest.raises(ValidationError) as caught:
        register(event, email="sama@example.fi")
    assert _codes(caught.value) == {"duplicate_email"}
    person = UserFactory()
    register(event, actor=person, email="")
    with mock.patch.object(service, "_check_not_registered"), pytest.raises(ValidationError) as caught:
        register(event, actor=person, email="")
    assert _codes(caught.value) == {"duplicate_user"}
    _nothing_written(event, before_rows=2, before_audit=2)


def test_after_cancelling_one_may_register_again() -> None:
    _organiser, event = organiser_and_event()
    first = register(event, email="palaaja@example.fi")
    service.registration_cancel(registration=first)
    again = register(event, email="palaaja@example.fi")
    assert again.status == "attending"
    assert counts(event) == (1, 0)


def test_without_an_account_the_e_mail_is_required() -> None:
    _organiser, event = organiser_and_event()
    with pytest.raises(ValidationError) as caught:
        register(event, email="")
    assert set(caught.value.error_dict) == {"email"}
    with pytest.raises(ValidationError) as caught:
        register(event, name="  ", email="x@example.fi")
    assert set(caught.value.error_dict) == {"name"}
    _nothing_written(event)


def test_members_only_events_refuse_outsiders() -> None:
    organisation = OrganisationFactory()
    network = NetworkFactory()
    add_member(network, organisation)
    event = EventFactory(networks=[network], capacity=5)
    with pytest.raises(PermissionDenied):
        register(event)
    with pytest.raises(PermissionDenied):
        register(event, actor=UserFactory())
    member = person_of(organisation)
    assert register(event, actor=member).user == member
    assert counts(event) == (1, 0)


def test_an_unpublished_organisation_is_refused_unless_it_is_ones_own() -> None:
    _organiser, event = organiser_and_event()
    hidden = OrganisationFactory(is_published=False)
    with pytest.raises(ValidationError) as caught:
        register(event, organisation=hidden)
    assert set(caught.value.error_dict) == {"organisation"}
    person = person_of(hidden)
    mine = register(event, actor=person, organisation=hidden, organisation_name="ignored")
    assert (mine.organisation, mine.organisation_name) == (hidden, "")


# --- answers -------------------------------------------------------------------------------------


def test_answers_are_stored_by_question_id() -> None:
    _organiser, event = organiser_and_event()
    diet = question(event, "Erityisruokavalio", is_required=True)
    day = question(event, "Kumpana päivänä", Kind.CHOICE, choices="Ma\nTi\n")
    bus = question(event, "Tarvitsetko kyydin", Kind.YES_NO)
    registration = register(
        event, answers={diet.pk: " vegaani ", str(day.pk): "Ti", bus.pk: "no", 99999: "x"}
    )
    registration.refresh_from_db()
    assert registration.answers == {str(diet.pk): "vegaani", str(day.pk): "Ti", str(bus.pk): "no"}


def test_required_questions_and_choices_are_checked() -> None:
    _organiser, event = organiser_and_event()
    diet = question(event, "Erityisruokavalio", is_required=True)
    day = question(event, "Kumpana päivänä", Kind.CHOICE, choices="Ma\nTi")
    bus = question(event, "Tarvitsetko kyydin", Kind.YES_NO)
    with pytest.raises(ValidationError) as caught:
        register(event, answers={diet.pk: "  ", day.pk: "Ke", bus.pk: "maybe"})
    errors = caught.value.error_dict
    assert set(errors) == {f"question_{diet.pk}", f"question_{day.pk}", f"question_{bus.pk}"}
    assert errors[f"question_{diet.pk}"][0].code == "answer_required"
    assert errors[f"question_{day.pk}"][0].code == "invalid_choice"
    _nothing_written(event)


def test_answers_can_be_changed_until_the_start() -> None:
    _organiser, event = organiser_and_event()
    diet = question(event, "Erityisruokavalio")
    registration = register(event, answers={diet.pk: "laktoositon"})
    service.registration_update_answers(registration=registration, answers={diet.pk: "gluteeniton"})
    registration.refresh_from_db()
    assert registration.answers == {str(diet.pk): "gluteeniton"}
    entry = AuditEntry.objects.filter(object_id=str(registration.pk), action="update").get()
    assert entry.changes == {f"answer_{diet.pk}": ["laktoositon", "gluteeniton"]}
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=1))
    registration.event.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        service.registration_update_answers(registration=registration, answers={diet.pk: "kaikki käy"})
    assert _codes(caught.value) == {"event_started"}


def test_someone_else_cannot_change_the_answers() -> None:
    _organiser, event = organiser_and_event()
    registration = register(event, actor=UserFactory())
    with pytest.raises(PermissionDenied):
        service.registration_update_answers(registration=registration, answers={}, actor=UserFactory())


# --- capacity ------------------------------------------------------------------------------------


def test_capacity_below_the_number_attending_is_refused_and_nothing_changes() -> None:
    organiser, event = organiser_and_event(capacity=3)
    for _ in range(3):
        register(event)
    audit_before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        service.registration_set_capacity(actor=organiser, event=event, capacity=2)
    assert set(caught.value.error_dict) == {"capacity"}
    assert _codes(caught.value) == {"capacity_below_attending"}
    event.refresh_from_db()
    assert event.capacity == 3
    assert AuditEntry.objects.count() == audit_before
    assert service.registration_set_capacity(actor=organiser, event=event, capacity=3) == []


def test_more_places_promote_the_waiting_list_in_order() -> None:
    organiser, event = organiser_and_event(capacity=1)
    register(event)
    waiting = [register(event) for _ in range(4)]
    promoted = service.registration_set_capacity(actor=organiser, event=event, capacity=3)
    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert counts(event) == (3, 2) == real_counts(event)
    assert event.capacity == 3
    entry = AuditEntry.objects.filter(object_type="events.event", object_id=str(event.pk)).get()
    assert entry.changes == {"capacity": ["1", "3"]}
    promoted = service.registration_set_capacity(actor=organiser, event=event, capacity=None)
    assert [r.pk for r in promoted] == [waiting[2].pk, waiting[3].pk]
    assert counts(event) == (5, 0)


def test_only_organisers_change_the_capacity() -> None:
    _organiser, event = organiser_and_event()
    with pytest.raises(PermissionDenied):
        service.registration_set_capacity(actor=UserFactory(), event=event, capacity=10)
    with pytest.raises(PermissionDenied):
        service.registration_set_capacity(actor=AnonymousUser(), event=event, capacity=10)


# --- walk-ins ------------------------------------------------------------------------------------


def test_a_walk_in_attends_whatever_the_capacity_and_window() -> None:
    organiser, event = organiser_and_event(capacity=1)
    register(event)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=30))
    event.refresh_from_db()
    walk_in = service.registration_add_walk_in(
        actor=organiser, event=event, name=" Kävijä ", organisation_name="Työpaja X"
    )
    assert (walk_in.status, walk_in.is_walk_in, walk_in.attended) == ("attending", True, True)
    assert walk_in.name == "Kävijä" and walk_in.attendance_marked_at is not None
    assert counts(event) == (2, 0)
    assert event.places_left == 0
    with pytest.raises(PermissionDenied):
        service.registration_add_walk_in(actor=UserFactory(), event=event, name="Joku")
    with pytest.raises(ValidationError) as caught:
        service.registration_add_walk_in(actor=organiser, event=event, name="")
    assert set(caught.value.error_dict) == {"name"}


# --- audit ---------------------------------------------------------------------------------------


def test_registration_changes_are_audited() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    person = UserFactory()
    first = register(event, actor=person, email="eka@example.fi")
    second = register(event)
    service.registration_cancel(registration=first, actor=person)
    entries = AuditEntry.objects.filter(object_type="events.registration").order_by("pk")
    rows = [(e.action, e.object_id, e.actor_id) for e in entries]
    assert rows == [
        ("create", str(first.pk), person.pk),
        ("create", str(second.pk), None),
        ("update", str(first.pk), person.pk),
        ("update", str(second.pk), None),  # promoted by the system
    ]
    assert entries[2].changes["status"] == ["attending", "cancelled"]
    assert entries[3].changes == {"status": ["waiting", "attending"]}
    assert entries[0].changes["email"] == ["", "eka@example.fi"]
