"""Attendance: who may mark it, the day rule, the audit entry, walk-ins (counted), which people
count as participants, and the phone list with and without htmx."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, region
from verkosto.events import attendance
from verkosto.events.models import Event, Registration
from verkosto.events.tests.factories import EventFactory, registration_row
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db


def today_at(hour: int) -> datetime.datetime:
    """A time today in Helsinki (the event's day is its local day)."""
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(timezone.localdate(), datetime.time(hour, 0), tzinfo=zone)


@pytest.fixture
def world() -> dict[str, Any]:
    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    member_org = OrganisationFactory(name_fi="Kajaanin nuorten paja")
    add_member(network, member_org)
    event = EventFactory(
        networks=[network], regions=[region("MK18")], starts_at=today_at(9), ends_at=today_at(23)
    )
    return {
        "network": network,
        "organiser": coordinator_of(network),
        "member": person_of(member_org),
        "member_org": member_org,
        "event": event,
        "anna": registration_row(event, name="Anna Aho", email="anna@example.fi", organisation=member_org),
        "bertil": registration_row(event, name="Bertil Berg", organisation_name="Vaasan työpaja"),
        "waiting": registration_row(event, name="Cecilia Cox", status=Registration.Status.WAITING),
    }


# --- the service ---------------------------------------------------------------------------------


def test_organiser_marks_present_and_it_is_audited(world: dict) -> None:
    anna = attendance.attendance_mark(actor=world["organiser"], registration=world["anna"], present=True)
    anna.refresh_from_db()
    assert anna.attended is True
    assert anna.attendance_marked_at is not None
    entry = AuditEntry.objects.get(object_type="events.registration", object_id=str(anna.pk))
    assert entry.actor == world["organiser"]
    assert entry.changes["attended"] == ["", "True"]
    assert "attendance_marked_at" in entry.changes


def test_absent_and_clearing_the_mark(world: dict) -> None:
    organiser, anna = world["organiser"], world["anna"]
    attendance.attendance_mark(actor=organiser, registration=anna, present=False)
    anna.refresh_from_db()
    assert anna.attended is False
    attendance.attendance_mark(actor=organiser, registration=anna, present=None)
    anna.refresh_from_db()
    assert anna.attended is None
    assert anna.attendance_marked_at is None
    assert AuditEntry.objects.filter(object_id=str(anna.pk), object_type="events.registration").count() == 2


@pytest.mark.parametrize("who", ["member", "stranger", "anonymous"])
def test_only_organisers_mark(world: dict, who: str) -> None:
    from django.contrib.auth.models import AnonymousUser

    actor = {"member": world["member"], "stranger": UserFactory(), "anonymous": AnonymousUser()}[who]
    with pytest.raises(PermissionDenied):
        attendance.attendance_mark(actor=actor, registration=world["anna"], present=True)
    world["anna"].refresh_from_db()
    assert world["anna"].attended is None
    assert not AuditEntry.objects.filter(object_type="events.registration").exists()


def test_the_day_rule(world: dict) -> None:
    event = world["event"]
    # Later today (even if the start is hours away) is the event's day: allowed.
    Event.objects.filter(pk=event.pk).update(
        starts_at=today_at(23), ends_at=today_at(23) + datetime.timedelta(hours=1)
    )
    attendance.attendance_mark(actor=world["organiser"], registration=world["anna"], present=True)
    # Tomorrow: refused with a clear message, nothing written.
    tomorrow = today_at(9) + datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=tomorrow, ends_at=tomorrow + datetime.timedelta(hours=3)
    )
    with pytest.raises(ValidationError) as caught:
        attendance.attendance_mark(actor=world["organiser"], registration=world["bertil"], present=True)
    assert caught.value.code == "too_early"
    world["bertil"].refresh_from_db()
    assert world["bertil"].attended is None
    # Days after the event marking is still possible (lists are often filled in afterwards).
    past = today_at(9) - datetime.timedelta(days=3)
    Event.objects.filter(pk=event.pk).update(starts_at=past, ends_at=past + datetime.timedelta(hours=3))
    attendance.attendance_mark(actor=world["organiser"], registration=world["bertil"], present=False)


def test_cancelled_events_and_waiting_people_are_not_marked(world: dict) -> None:
    with pytest.raises(ValidationError) as caught:
        attendance.attendance_mark(actor=world["organiser"], registration=world["waiting"], present=True)
    assert caught.value.code == "not_attending"
    Event.objects.filter(pk=world["event"].pk).update(status=Event.Status.CANCELLED)
    with pytest.raises(ValidationError) as caught:
        attendance.attendance_mark(actor=world["organiser"], registration=world["anna"], present=True)
    assert caught.value.code == "not_held"


def test_counts_and_participants(world: dict) -> None:
    event, organiser = world["event"], world["organiser"]
    assert attendance.attendance_counts(event) == attendance.AttendanceCounts(
        registered=2, marked=0, present=0, walk_ins=0
    )
    # Never marked: everyone attending takes part (the waiting list does not).
    assert set(attendance.participants_of(event)) == {world["anna"], world["bertil"]}
    attendance.attendance_mark(actor=organiser, registration=world["anna"], present=True)
    counts = attendance.attendance_counts(event)
    assert (counts.present, counts.marked, counts.registered, counts.unmarked) == (1, 1, 2, 1)
    assert list(attendance.participants_of(event)) == [world["anna"]]


def test_a_walk_in_alone_does_not_count_as_marking(world: dict) -> None:
    event = world["event"]
    registration_row(event, name="Dora Walk", is_walk_in=True, attended=True)
    assert not attendance.attendance_was_marked(event)
    assert attendance.participants_of(event).count() == 3


def test_walk_in_is_added_present_and_counted(world: dict) -> None:
    event = world["event"]
    walk_in = attendance.attendance_walk_in_add(
        actor=world["organiser"], event=event, name="Eino Esimerkki", organisation=world["member_org"]
    )
    assert walk_in.is_walk_in and walk_in.attended is True
    assert walk_in.status == Registration.Status.ATTENDING
    counts = attendance.attendance_counts(event)
    assert (counts.registered, counts.present, counts.walk_ins) == (3, 1, 1)
    # The registration service counts it on the event like any attending person (it recounts the
    # rows, so the two written straight to the table count too).
    assert Event.objects.get(pk=event.pk).attending_count == 3


def test_walk_in_follows_the_day_rule_and_permissions(world: dict) -> None:
    event = world["event"]
    with pytest.raises(PermissionDenied):
        attendance.attendance_walk_in_add(actor=world["member"], event=event, name="Joku")
    tomorrow = today_at(9) + datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=tomorrow, ends_at=tomorrow + datetime.timedelta(hours=3)
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError):
        attendance.attendance_walk_in_add(actor=world["organiser"], event=event, name="Joku")
    assert not Registration.objects.filter(event=event, is_walk_in=True).exists()


def test_walk_in_organisations_are_a_short_list(world: dict) -> None:
    OrganisationFactory(name_fi="Muu järjestö")  # not connected to the event: not offered
    offered = set(attendance.walk_in_organisations(world["event"]))
    assert offered == {world["member_org"]}


# --- the pages -----------------------------------------------------------------------------------


def _url(world: dict, name: str = "events:attendance") -> str:
    return reverse(name, args=[world["event"].uuid])


def test_list_page_for_organisers_only(client: Any, world: dict) -> None:
    response = client.get(_url(world))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(world["member"])
    assert client.get(_url(world)).status_code == 403
    client.force_login(world["organiser"])
    response = client.get(_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-registered="2"' in html and 'data-present="0"' in html
    assert f'id="row-{world["anna"].uuid}"' in html
    assert f'id="row-{world["waiting"].uuid}"' not in html  # waiting people have no place
    assert 'hx-post="' in html and 'name="present" value="1"' in html
    assert 'id="walk-in"' in html


def test_mark_without_javascript_redirects_to_the_row(client: Any, world: dict) -> None:
    client.force_login(world["organiser"])
    response = client.post(_url(world), {"registration": world["anna"].uuid, "present": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#row-{world['anna'].uuid}")
    world["anna"].refresh_from_db()
    assert world["anna"].attended is True


def test_mark_with_htmx_returns_the_row_and_the_counter(client: Any, world: dict) -> None:
    client.force_login(world["organiser"])
    response = client.post(
        _url(world), {"registration": world["bertil"].uuid, "present": "0"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="row-{world["bertil"].uuid}"' in html and 'data-state="absent"' in html
    assert 'hx-swap-oob="innerHTML:#attendance-counter"' in html
    assert 'data-marked="1"' in html and 'data-present="0"' in html
    assert "<html" not in html


def test_mark_before_the_day_is_refused_on_the_page(client: Any, world: dict) -> None:
    event = world["event"]
    tomorrow = today_at(9) + datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=tomorrow, ends_at=tomorrow + datetime.timedelta(hours=3)
    )
    client.force_login(world["organiser"])
    page = client.get(_url(world)).content.decode()
    assert 'data-attendance-closed="too-early"' in page
    assert 'name="present"' not in page  # no buttons before the day
    response = client.post(
        _url(world), {"registration": world["anna"].uuid, "present": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    response = client.post(_url(world), {"registration": world["anna"].uuid, "present": "1"}, follow=True)
    assert list(response.context["messages"])
    world["anna"].refresh_from_db()
    assert world["anna"].attended is None


def test_mark_someone_of_another_event_is_404(client: Any, world: dict) -> None:
    other = registration_row(EventFactory(), name="Muu")
    client.force_login(world["organiser"])
    response = client.post(_url(world), {"registration": other.uuid, "present": "1"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.attended is None


def test_walk_in_page(client: Any, world: dict) -> None:
    client.force_login(world["organiser"])
    response = client.post(
        _url(world, "events:walk_in"), {"name": "", "organisation_name": "Joku yhdistys", "email": "x"}
    )
    assert response.status_code == 400
    form = response.context["walk_in_form"]
    assert set(form.errors) == {"name", "email"}
    response = client.post(
        _url(world, "events:walk_in"),
        {"name": "Eino Esimerkki", "organisation_name": "Joku yhdistys", "email": "eino@example.fi"},
    )
    assert response.status_code == 302
    walk_in = Registration.objects.get(event=world["event"], is_walk_in=True)
    assert (walk_in.name, walk_in.organisation_name, walk_in.attended) == (
        "Eino Esimerkki",
        "Joku yhdistys",
        True,
    )
    assert response["Location"].endswith(f"#row-{walk_in.uuid}")
    page = client.get(_url(world)).content.decode()
    assert 'data-registered="3"' in page and 'data-present="1"' in page
