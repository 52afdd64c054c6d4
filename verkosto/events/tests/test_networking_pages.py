"""Networking pages: the organiser's form and plan, the printable table plan and cards, declared
contacts through the registration link, and the networking box of the event page. No English
text is asserted: status codes, form errors by field, data attributes and the database."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from verkosto.directory.tests.factories import UserFactory
from verkosto.events import networking
from verkosto.events.models import Event, NetworkingPlan, Registration

from .factories import EventFactory, registration_row

pytestmark = pytest.mark.django_db


def _day(**fields: Any) -> Event:
    fields.setdefault("kind", Event.Kind.NETWORKING_DAY)
    fields.setdefault("created_by", UserFactory())
    return EventFactory(**fields)


def _people(event: Event, count: int) -> list[Registration]:
    return [registration_row(event, name=f"Henkilö {i:02d}", email=f"h{i}@example.fi") for i in range(count)]


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, event: Event) -> str:
    return reverse(f"events:{name}", args=[event.uuid])


def _plan(event: Event, **fields: Any) -> NetworkingPlan:
    fields.setdefault("rounds", 3)
    fields.setdefault("table_size", 4)
    fields.setdefault("minutes_per_round", 10)
    return networking.networking_plan_create(actor=event.created_by, event=event, seed=3, **fields)


# --- the organiser's page ------------------------------------------------------------------------


def test_only_organisers_see_the_networking_pages() -> None:
    event = _day()
    _people(event, 4)
    _plan(event)
    for name in ("networking", "networking_tables", "networking_cards"):
        assert Client().get(_url(name, event)).status_code == 302  # to the login page
        assert _client(UserFactory()).get(_url(name, event)).status_code == 403
        assert _client(event.created_by).get(_url(name, event)).status_code == 200
    missing = reverse("events:networking", args=["00000000-0000-4000-8000-000000000000"])
    assert _client(event.created_by).get(missing).status_code == 404


def test_the_form_plans_the_rounds_and_the_page_shows_the_figures() -> None:
    event = _day()
    _people(event, 13)
    client = _client(event.created_by)
    page = client.get(_url("networking", event))
    assert page.status_code == 200 and page.context["plan"] is None
    response = client.post(
        _url("networking", event),
        {"rounds": "4", "table_size": "4", "minutes_per_round": "12", "first_round_at": "09:30"},
    )
    assert response.status_code == 302
    assert response["Location"] == _url("networking", event) + "?start=09%3A30"
    plan = NetworkingPlan.objects.get(event=event)
    assert (plan.rounds, plan.table_size, plan.minutes_per_round) == (4, 4, 12)
    assert plan.seats.count() == 13 * 4
    page = client.get(response["Location"])
    html = page.content.decode()
    assert 'data-repeated-pairs="0"' in html and 'data-known-pairs="0"' in html
    assert page.context["sizes"] == [4, 3, 3, 3]
    # 13 people, 4 rounds at 4+3+3+3, no repeats: each round 6 + 3 x 3 = 15 meetings, 60 in
    # all, everyone new: 2 x 60 / 13 new people each on average.
    assert page.context["view"].figures.mean_new_people == pytest.approx(120 / 13)
    assert 'data-mean-new-people="9.23"' in html
    assert html.count('class="networking-round"') == 4
    # The printable pages carry the chosen start along.
    assert _url("networking_tables", event) + "?start=09%3A30" in html
    # The form shows the plan's settings again.
    assert page.context["form"].initial["rounds"] == 4


def test_form_errors_are_shown_by_field_and_nothing_is_planned() -> None:
    event = _day()
    _people(event, 5)
    client = _client(event.created_by)
    response = client.post(
        _url("networking", event),
        {"rounds": "0", "table_size": "20", "minutes_per_round": "", "first_round_at": "25:00"},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {
        "rounds",
        "table_size",
        "minutes_per_round",
        "first_round_at",
    }
    assert 'data-error="rounds"' in response.content.decode()
    assert not NetworkingPlan.objects.exists()


def test_too_few_people_is_an_error_above_the_form() -> None:
    event = _day()
    _people(event, 1)
    response = _client(event.created_by).post(
        _url("networking", event), {"rounds": "2", "table_size": "2", "minutes_per_round": "5"}
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert 'data-error="__all__"' in response.content.decode()
    assert not NetworkingPlan.objects.exists()


def test_too_many_rounds_show_the_unavoidable_repeats() -> None:
    event = _day()
    _people(event, 6)
    _plan(event, rounds=4, table_size=3)
    page = _client(event.created_by).get(_url("networking", event))
    html = page.content.decode()
    assert 'data-notice="repeats"' in html
    assert page.context["lower_bound"] == 9
    assert 'data-repeated-pairs="9"' in html


def test_the_page_says_when_people_have_changed_since_the_plan() -> None:
    event = _day()
    _people(event, 6)
    _plan(event)
    client = _client(event.created_by)
    assert 'data-notice="people"' not in client.get(_url("networking", event)).content.decode()
    registration_row(event, name="Myöhäinen")
    assert 'data-notice="people"' in client.get(_url("networking", event)).content.decode()


# --- printable pages -----------------------------------------------------------------------------


def test_the_table_plan_has_a_section_per_round_with_its_times() -> None:
    event = _day(starts_at=timezone.make_aware(datetime.datetime(2031, 5, 14, 9, 0)))
    people = _people(event, 10)
    _plan(event, rounds=3, table_size=5, minutes_per_round=15)
    client = _client(event.created_by)
    html = client.get(_url("networking_tables", event) + "?start=13:00").content.decode()
    assert re.findall(r'data-round="(\d+)"', html) == ["1", "2", "3"]
    assert len(re.findall(r'<tr data-table="\d+">', html)) == 3 * 2
    assert len(re.findall(r'<li data-person="\d+">', html)) == 3 * len(people)
    assert 'datetime="2031-05-14T13:30:00+03:00"' in html  # round 3 at 13:00 + 2 x 15 min
    # Without a start the rounds follow the event's start.
    assert (
        'datetime="2031-05-14T09:00:00+03:00"'
        in client.get(_url("networking_tables", event)).content.decode()
    )


def test_cards_give_each_person_their_table_in_each_round() -> None:
    event = _day()
    people = _people(event, 8)
    plan = _plan(event, rounds=2, table_size=2)
    html = _client(event.created_by).get(_url("networking_cards", event)).content.decode()
    cards = re.findall(r'<li class="networking-card" data-person="(\d+)">', html)
    assert sorted(map(int, cards)) == sorted(p.pk for p in people)
    seat = plan.seats.get(registration=people[0], round=2)
    card = html.split(f'data-person="{people[0].pk}"')[1].split("</article>")[0]
    assert f'data-round="2" data-table="{seat.table}"' in card


def test_printable_pages_without_a_plan_are_not_found_but_say_so() -> None:
    event = _day()
    client = _client(event.created_by)
    for name in ("networking_tables", "networking_cards"):
        response = client.get(_url(name, event))
        assert response.status_code == 404
        assert 'data-no-plan="true"' in response.content.decode()


# --- declared contacts ---------------------------------------------------------------------------


def _known_url(registration: Registration) -> str:
    return reverse("events:known_people", args=[registration.token])


def test_a_participant_declares_contacts_through_their_link() -> None:
    event = _day()
    me, friend, stranger = _people(event, 3)
    waiting = registration_row(event, name="Jonossa", status=Registration.Status.WAITING)
    client = Client()
    page = client.get(_known_url(me))
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    offered = [value for value, _label in page.context["form"].fields["known_people"].choices]
    assert sorted(offered) == sorted([friend.pk, stranger.pk])  # not oneself, not the waiting
    assert waiting.pk not in offered
    response = client.post(_known_url(me), {"known_people": [str(friend.pk)]})
    assert response.status_code == 302
    assert response["Location"] == reverse("events:registration", args=[me.token])
    assert list(me.known_people.values_list("pk", flat=True)) == [friend.pk]
    page = client.get(_known_url(me))
    assert page.context["form"].initial["known_people"] == [friend.pk]


def test_naming_someone_not_offered_is_an_error_on_the_field() -> None:
    event = _day()
    me, _other = _people(event, 2)
    outsider = registration_row(_day(), name="Muualta")
    response = Client().post(_known_url(me), {"known_people": [str(outsider.pk)]})
    assert response.status_code == 400
    assert "known_people" in response.context["form"].errors
    assert not me.known_people.exists()


def test_a_cancelled_registration_cannot_declare_contacts() -> None:
    event = _day()
    me, other = _people(event, 2)
    me.status = Registration.Status.CANCELLED
    me.save()
    client = Client()
    assert 'data-closed="true"' in client.get(_known_url(me)).content.decode()
    response = client.post(_known_url(me), {"known_people": [str(other.pk)]})
    assert response.status_code == 400
    assert not me.known_people.exists()
    assert Client().get(reverse("events:known_people", args=["no-such-token"])).status_code == 404


# --- the networking box on the event page -------------------------------------------------------


def _box(event: Event, user: Any, can_manage: bool) -> str:
    return render_to_string(
        "events/partials/networking_box.html",
        {"event": event, "user": user, "can_manage": can_manage, "request": None},
    )


def test_the_box_shows_the_organiser_link_and_a_participants_own_tables() -> None:
    event = _day()
    me = UserFactory()
    mine = registration_row(event, name="Minä", user=me)
    _people(event, 5)
    assert _box(event, AnonymousUser(), False).strip() == ""
    assert 'data-networking-link="true"' in _box(event, event.created_by, True)
    assert "<table" not in _box(event, me, False)  # no plan yet: nothing to show
    plan = _plan(event, rounds=2, table_size=3)
    box = _box(event, me, False)
    assert 'data-networking-link="true"' not in box
    for seat in plan.seats.filter(registration=mine):
        assert f'<tr data-round="{seat.round}"><th scope="row">{seat.round}</th><td>{seat.table}</td>' in box
    assert _box(event, UserFactory(), False).strip() == ""


def test_the_box_is_only_for_networking_days_and_is_on_the_event_page() -> None:
    meeting = _day(kind=Event.Kind.NETWORK_MEETING)
    assert _box(meeting, meeting.created_by, True).strip() == ""
    event = _day()
    page = _client(event.created_by).get(reverse("events:detail", args=[event.uuid]))
    assert page.status_code == 200
    assert 'data-networking-link="true"' in page.content.decode()
