"""The networking service: who is seated, the known pairs from their three sources (organisation,
declared contacts, earlier tables of the same network), the stored plan and its replacement, the
audit entry, permissions, declared contacts and the selectors behind the pages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory
from verkosto.events import networking
from verkosto.events.models import Event, NetworkingPlan, Registration, Seat
from verkosto.networks.tests.factories import NetworkFactory

from .factories import EventFactory, registration_row

pytestmark = pytest.mark.django_db


def _day(organiser: Any = None, **fields: Any) -> Event:
    fields.setdefault("kind", Event.Kind.NETWORKING_DAY)
    return EventFactory(created_by=organiser or UserFactory(), **fields)


def _people(event: Event, count: int, **fields: Any) -> list[Registration]:
    return [registration_row(event, name=f"Henkilö {i:02d}", **fields) for i in range(count)]


def _pair(a: Registration, b: Registration) -> frozenset[int]:
    return frozenset((a.pk, b.pk))


def _plan(event: Event, **fields: Any) -> NetworkingPlan:
    fields.setdefault("rounds", 3)
    fields.setdefault("table_size", 4)
    fields.setdefault("minutes_per_round", 10)
    fields.setdefault("seed", 1)
    return networking.networking_plan_create(actor=event.created_by, event=event, **fields)


def _tables(plan: NetworkingPlan) -> dict[tuple[int, int], set[int]]:
    tables: dict[tuple[int, int], set[int]] = {}
    for seat in plan.seats.all():
        tables.setdefault((seat.round, seat.table), set()).add(seat.registration_id)
    return tables


def _together(plan: NetworkingPlan, a: Registration, b: Registration) -> int:
    return sum(1 for people in _tables(plan).values() if {a.pk, b.pk} <= people)


# --- who is seated -------------------------------------------------------------------------------


def test_attending_people_and_walk_ins_are_seated_but_not_the_waiting_cancelled_or_absent() -> None:
    event = _day()
    attending = _people(event, 5)
    walk_in = registration_row(event, name="Kävijä", is_walk_in=True, attended=True)
    registration_row(event, name="Jonossa", status=Registration.Status.WAITING)
    registration_row(event, name="Peruttu", status=Registration.Status.CANCELLED)
    registration_row(event, name="Poissa", attended=False)
    seated = {r.pk for r in networking.networking_people(event=event)}
    assert seated == {r.pk for r in attending} | {walk_in.pk}


def test_a_plan_seats_everyone_once_a_round_and_stores_its_figures() -> None:
    event = _day()
    people = _people(event, 13)
    plan = _plan(event, rounds=4, table_size=4)
    assert plan.seats.count() == 13 * 4
    for number in range(1, 5):
        seated = list(plan.seats.filter(round=number).values_list("registration_id", flat=True))
        assert sorted(seated) == sorted(r.pk for r in people)
        sizes = sorted(len(people) for (r, _t), people in _tables(plan).items() if r == number)
        assert sizes == [3, 3, 3, 4]
    assert plan.repeated_pairs == 0
    assert plan.known_pairs == 0
    assert (plan.rounds, plan.table_size, plan.minutes_per_round, plan.seed) == (4, 4, 10, 1)


def test_the_same_seed_gives_the_same_plan_and_no_seed_draws_one_and_stores_it() -> None:
    event = _day()
    _people(event, 10)
    first = _tables(_plan(event, seed=7))
    again = _tables(_plan(event, seed=7))
    assert first == again
    drawn = _plan(event, seed=None)
    assert NetworkingPlan.objects.get(pk=drawn.pk).seed == drawn.seed


# --- known pairs ---------------------------------------------------------------------------------


def test_known_pairs_come_from_the_organisation_by_directory_entry_or_by_typed_name() -> None:
    event = _day()
    organisation = OrganisationFactory()
    a, b = _people(event, 2, organisation=organisation)
    c = registration_row(event, name="C", organisation_name="Kylän Paja ry")
    d = registration_row(event, name="D", organisation_name="  kylän  paja RY ")
    e = registration_row(event, name="E", organisation_name="")
    f = registration_row(event, name="F", organisation_name="")
    known = networking.networking_known_pairs(event=event, people=networking.networking_people(event=event))
    assert _pair(a, b) in known
    assert _pair(c, d) in known
    assert _pair(e, f) not in known  # no organisation is not one organisation
    assert _pair(a, c) not in known


def test_declared_contacts_are_known_pairs_both_ways() -> None:
    event = _day()
    a, b, c = _people(event, 3)
    networking.known_people_set(registration=a, known_ids=[b.pk])
    people = networking.networking_people(event=event)
    known = networking.networking_known_pairs(event=event, people=people)
    assert known == {_pair(a, b)}
    assert list(b.known_people.values_list("pk", flat=True)) == [a.pk]  # mutual
    assert c.pk not in {pk for pair in known for pk in pair}


def test_people_who_sat_together_at_an_earlier_networking_day_of_the_network_are_known() -> None:
    network = NetworkFactory()
    organiser = UserFactory()
    start = timezone.now() + datetime.timedelta(days=7)
    earlier = _day(organiser, networks=[network], starts_at=start - datetime.timedelta(days=60))
    later = _day(organiser, networks=[network], starts_at=start)
    elsewhere = _day(organiser, networks=[NetworkFactory()], starts_at=start - datetime.timedelta(days=30))
    anna, bert = UserFactory(), UserFactory()
    # Earlier: Anna by account, Bert by e-mail only, Cecilia by e-mail, Daniel a different account.
    e_anna = registration_row(earlier, name="Anna", user=anna, email="anna@a.fi")
    e_bert = registration_row(earlier, name="Bert", email="Bert@B.fi")
    e_cec = registration_row(earlier, name="Cecilia", email="cecilia@c.fi")
    e_dan = registration_row(earlier, name="Daniel", user=UserFactory(), email="daniel@d.fi")
    plan = NetworkingPlan.objects.create(event=earlier, rounds=1, table_size=4)
    for r in (e_anna, e_bert, e_cec, e_dan):
        Seat.objects.create(plan=plan, round=1, table=1, registration=r)
    # The same four at another network's day, at one table: that does not count.
    o_people = [registration_row(elsewhere, name=n, email=f"{n}@x.fi") for n in ("x", "y")]
    other_plan = NetworkingPlan.objects.create(event=elsewhere, rounds=1, table_size=2)
    for r in o_people:
        Seat.objects.create(plan=other_plan, round=1, table=1, registration=r)
    anna_now = registration_row(later, name="Anna", user=anna, email="toinen@a.fi")  # by account
    bert_now = registration_row(later, name="Bert", user=bert, email="bert@b.fi")  # by e-mail
    cec_now = registration_row(later, name="Cecilia", email="cecilia@c.fi")  # by e-mail
    # Daniel's e-mail with another account: a different person.
    dan_now = registration_row(later, name="Daniel", user=UserFactory(), email="daniel@d.fi")
    x_now = registration_row(later, name="x", email="x@x.fi")
    y_now = registration_row(later, name="y", email="y@x.fi")
    people = networking.networking_people(event=later)
    known = networking.networking_known_pairs(event=later, people=people)
    assert known == {_pair(anna_now, bert_now), _pair(anna_now, cec_now), _pair(bert_now, cec_now)}
    assert _pair(x_now, y_now) not in known and dan_now.pk not in {p for pair in known for p in pair}
    # Only earlier days count: the later day's plan is not known to the earlier one.
    _plan(later, rounds=1, table_size=6)
    assert (
        networking.networking_known_pairs(event=earlier, people=networking.networking_people(event=earlier))
        == set()
    )


def test_known_pairs_are_kept_apart_when_the_group_allows_it() -> None:
    event = _day()
    organisation = OrganisationFactory()
    colleagues = _people(event, 4, organisation=organisation)
    others = _people(event, 12)
    a, b = others[:2]
    networking.known_people_set(registration=a, known_ids=[b.pk])
    plan = _plan(event, rounds=3, table_size=4)
    assert plan.known_pairs == 0 and plan.repeated_pairs == 0
    for i, first in enumerate(colleagues):
        for second in colleagues[i + 1 :]:
            assert _together(plan, first, second) == 0
    assert _together(plan, a, b) == 0


def test_too_many_rounds_for_the_group_keeps_repeats_low_and_reports_them() -> None:
    event = _day()
    _people(event, 6)
    plan = _plan(event, rounds=4, table_size=3)
    # 4 rounds x 2 tables x 3 pairs = 24 meetings among 15 pairs: at least 9 repeats, and 9 is
    # possible (everyone meets everyone).
    assert plan.repeated_pairs == 9


# --- replacing, auditing, refusing ---------------------------------------------------------------


def test_planning_again_replaces_the_plan_and_both_are_audited() -> None:
    event = _day()
    _people(event, 8)
    first = _plan(event, rounds=2, table_size=2)
    second = _plan(event, rounds=3, table_size=4, seed=5)
    assert NetworkingPlan.objects.filter(event=event).count() == 1
    assert not NetworkingPlan.objects.filter(pk=first.pk).exists()
    assert Seat.objects.filter(plan__event=event).count() == 8 * 3
    entries = AuditEntry.objects.filter(object_type="events.networkingplan").order_by("pk")
    assert [e.action for e in entries] == ["create", "replace"]
    assert entries[1].object_id == str(second.pk)
    assert entries[1].changes["rounds"] == ["2", "3"]
    assert entries[0].changes["people"] == ["", "8"]
    assert "people" not in entries[1].changes  # the same 8 people
    assert entries[1].actor == event.created_by


def test_only_organisers_may_plan() -> None:
    event = _day()
    _people(event, 4)
    for outsider in (UserFactory(), AnonymousUser()):
        with pytest.raises(PermissionDenied):
            networking.networking_plan_create(
                actor=outsider, event=event, rounds=2, table_size=2, minutes_per_round=5
            )
    assert not NetworkingPlan.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"rounds": 0}, "rounds"),
        ({"rounds": 31}, "rounds"),
        ({"table_size": 1}, "table_size"),
        ({"table_size": 13}, "table_size"),
        ({"minutes_per_round": 0}, "minutes_per_round"),
    ],
)
def test_values_out_of_range_are_refused_by_field(fields: dict[str, int], field: str) -> None:
    event = _day()
    _people(event, 4)
    with pytest.raises(ValidationError) as caught:
        _plan(event, **fields)
    assert field in caught.value.message_dict
    assert not NetworkingPlan.objects.exists()


def test_fewer_than_two_people_or_a_cancelled_event_is_refused_and_the_old_plan_stays() -> None:
    event = _day()
    people = _people(event, 3)
    old = _plan(event, rounds=1, table_size=3)
    Registration.objects.filter(pk__in=[p.pk for p in people[1:]]).update(status="cancelled")
    with pytest.raises(ValidationError):
        _plan(event)
    Registration.objects.update(status="attending")
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    event.refresh_from_db()
    with pytest.raises(ValidationError):
        _plan(event)
    assert NetworkingPlan.objects.get(event=event).pk == old.pk


# --- declared contacts ---------------------------------------------------------------------------


def test_known_people_set_changes_only_ties_to_people_offered_and_is_audited() -> None:
    event = _day()
    a, b, c, gone = _people(event, 4)
    a.known_people.add(gone)
    gone.status = Registration.Status.CANCELLED
    gone.save()
    networking.known_people_set(registration=a, known_ids=[b.pk, c.pk])
    networking.known_people_set(registration=a, known_ids=[c.pk])
    assert set(a.known_people.values_list("pk", flat=True)) == {c.pk, gone.pk}
    entries = AuditEntry.objects.filter(object_type="events.registration", object_id=str(a.pk))
    assert entries.count() == 2
    assert entries.order_by("pk").last().changes["known_people"][1] == ", ".join(
        str(pk) for pk in sorted((c.pk, gone.pk))
    )


def test_known_people_refuses_strangers_cancelled_registrations_and_past_events() -> None:
    event = _day()
    a, b = _people(event, 2)
    outsider = registration_row(_day(), name="Muualta")
    with pytest.raises(ValidationError) as caught:
        networking.known_people_set(registration=a, known_ids=[outsider.pk])
    assert "known_people" in caught.value.message_dict
    with pytest.raises(ValidationError):
        networking.known_people_set(registration=a, known_ids=[a.pk])  # oneself is not offered
    b.status = Registration.Status.CANCELLED
    b.save()
    with pytest.raises(ValidationError):
        networking.known_people_set(registration=b, known_ids=[a.pk])
    past = _day(starts_at=timezone.now() - datetime.timedelta(days=2))
    c, d = _people(past, 2)
    with pytest.raises(ValidationError):
        networking.known_people_set(registration=c, known_ids=[d.pk])
    assert not Registration.known_people.through.objects.exists()


# --- reads ---------------------------------------------------------------------------------------


def test_plan_view_gives_rounds_cards_and_figures_with_round_times() -> None:
    event = _day()
    people = _people(event, 9)
    plan = _plan(event, rounds=3, table_size=3, minutes_per_round=15)
    first = event.starts_at + datetime.timedelta(minutes=30)
    view = networking.networking_plan_view(plan=plan, first_start=first)
    assert [r.number for r in view.rounds] == [1, 2, 3]
    assert [r.starts_at for r in view.rounds] == [
        first + datetime.timedelta(minutes=15 * i) for i in range(3)
    ]
    assert all(len(t.people) == 3 for r in view.rounds for t in r.tables)
    assert len(view.cards) == 9
    card = next(c for c in view.cards if c.person.pk == people[0].pk)
    assert [row.round for row in card.rows] == [1, 2, 3]
    assert card.rows[2].starts_at == first + datetime.timedelta(minutes=30)
    # 9 people, 3 rounds of tables of 3, no repeats: everyone meets 2 new people a round.
    assert view.figures.repeated_pairs == 0
    assert view.figures.mean_new_people == pytest.approx(6.0)
    assert view.figures.changed_since is False
    networking.known_people_set(registration=people[0], known_ids=[people[1].pk])
    if _together(plan, people[0], people[1]):
        assert networking.networking_plan_view(plan=plan).figures.changed_since is True


def test_my_tables_are_the_logged_in_users_own() -> None:
    event = _day()
    me = UserFactory()
    mine = registration_row(event, name="Minä", user=me)
    _people(event, 5)
    plan = _plan(event, rounds=2, table_size=3)
    expected = list(Seat.objects.filter(registration=mine).order_by("round").values_list("round", "table"))
    assert networking.my_tables(user=me, plan=plan) == expected and len(expected) == 2
    assert networking.my_tables(user=UserFactory(), plan=plan) == []
    assert networking.my_tables(user=AnonymousUser(), plan=plan) == []
