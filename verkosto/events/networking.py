"""The networking rounds of a networking day: generating the plan (who sits at which table in
each round), the contacts a participant declares, and the reads behind the organiser's pages,
the printable table plan and cards, and a participant's own tables.

The seating itself is `rounds.plan_rounds` (pure Python); this module gathers its input from the
database and stores its output as `Seat` rows.
"""

from __future__ import annotations

import datetime
import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot

from . import permissions
from .models import Event, NetworkingPlan, Registration, Seat
from .rounds import plan_rounds, score

Pair = frozenset[int]  # two registration ids

MAX_ROUNDS = 30
MAX_TABLE_SIZE = 12
MAX_MINUTES = 240


# --- who sits, and who already knows whom --------------------------------------------------------


def networking_people(*, event: Event) -> list[Registration]:
    """The people to seat: the event's attending registrations, walk-ins included, except those
    the organiser has marked absent (so that a plan made on the day seats only who came)."""
    return list(
        event.registrations.filter(status=Registration.Status.ATTENDING)
        .exclude(attended=False)
        .select_related("organisation")
        .order_by("pk")
    )


def _organisation_key(registration: Registration) -> tuple[str, str] | None:
    if registration.organisation_id:
        return ("id", str(registration.organisation_id))
    name = " ".join(registration.organisation_name.split()).casefold()
    return ("name", name) if name else None


def _pairs_within(groups: Iterable[Iterable[int]]) -> set[Pair]:
    found: set[Pair] = set()
    for group in groups:
        members = sorted(set(group))
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                found.add(frozenset((first, second)))
    return found


def _same_person_index(people: list[Registration]) -> tuple[dict[int, list[int]], dict[str, list[int]]]:
    by_user: dict[int, list[int]] = defaultdict(list)
    by_email: dict[str, list[int]] = defaultdict(list)
    for person in people:
        if person.user_id:
            by_user[person.user_id].append(person.pk)
        if person.email:
            by_email[person.email.strip().casefold()].append(person.pk)
    return by_user, by_email


def earlier_tables_known_pairs(*, event: Event, people: list[Registration]) -> set[Pair]:
    """Pairs of `people` who sat at one table in an earlier networking plan: of an event of the
    same network that started before this one. A person is the same across events when both
    registrations name the same user; when either has no user, when their e-mails match."""
    networks = list(event.networks.values_list("pk", flat=True))
    if not networks:
        return set()
    earlier = (
        Event.objects.filter(networks__in=networks, starts_at__lt=event.starts_at)
        .exclude(pk=event.pk)
        .values("pk")
    )
    seats = Seat.objects.filter(plan__event__in=earlier).values_list(
        "plan_id", "round", "table", "registration__user_id", "registration__email"
    )
    by_user, by_email = _same_person_index(people)
    user_of = {p.pk: p.user_id for p in people}
    tables: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    for plan_id, round_number, table, user_id, email in seats.iterator():
        matches: set[int] = set()
        if user_id:
            matches.update(by_user.get(user_id, ()))
        key = (email or "").strip().casefold()
        if key:
            # Without a user on one side, the e-mail decides; two different users never match.
            matches.update(pk for pk in by_email.get(key, ()) if not (user_id and user_of[pk]))
        tables[(plan_id, round_number, table)].update(matches)
    return _pairs_within(tables.values())


def networking_known_pairs(*, event: Event, people: list[Registration]) -> set[Pair]:
    """Who among `people` already know each other (pairs of registration ids), from three
    sources: the same organisation (the same directory organisation, or the same organisation
    name typed in), declared contacts (`Registration.known_people`), and the tables of earlier
    networking days of the event's networks."""
    ids = {p.pk for p in people}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for person in people:
        key = _organisation_key(person)
        if key is not None:
            groups[key].append(person.pk)
    known = _pairs_within(groups.values())
    declared = Registration.known_people.through.objects.filter(
        from_registration_id__in=ids, to_registration_id__in=ids
    ).values_list("from_registration_id", "to_registration_id")
    known.update(frozenset((a, b)) for a, b in declared if a != b)
    known.update(earlier_tables_known_pairs(event=event, people=people))
    return known


# --- writes --------------------------------------------------------------------------------------


def can_plan_networking(user: Any, event: Event) -> bool:
    return permissions.can_manage_event(user, event)


@transaction.atomic
def networking_plan_create(
    *,
    actor: Any,
    event: Event,
    rounds: int,
    table_size: int,
    minutes_per_round: int,
    seed: int | None = None,
) -> NetworkingPlan:
    """Seat the event's attending people for `rounds` rounds at tables of `table_size`, keeping
    apart those who know each other, and store the plan (replacing an earlier one of the event).

    Refused: anyone but the event's organisers; a cancelled event; fewer than two people to
    seat; rounds, table size or minutes out of range. Without a seed a random one is drawn and
    stored, so that the same plan can be made again. The event row is locked meanwhile so that
    two organisers pressing the button at once do not both replace the plan."""
    if not can_plan_networking(actor, event):
        raise PermissionDenied(_("Only the event's organisers may plan its networking rounds."))
    locked = Event.objects.select_for_update().get(pk=event.pk)
    errors: dict[str, str] = {}
    if rounds is None or not 1 <= rounds <= MAX_ROUNDS:
        errors["rounds"] = _("Choose between 1 and %(max)d rounds.") % {"max": MAX_ROUNDS}
    if table_size is None or not 2 <= table_size <= MAX_TABLE_SIZE:
        errors["table_size"] = _("Choose between 2 and %(max)d people per table.") % {"max": MAX_TABLE_SIZE}
    if minutes_per_round is None or not 1 <= minutes_per_round <= MAX_MINUTES:
        errors["minutes_per_round"] = _("Choose between 1 and %(max)d minutes.") % {"max": MAX_MINUTES}
    if errors:
        raise ValidationError(errors)
    if locked.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event has been cancelled."))
    people = networking_people(event=event)
    if len(people) < 2:
        raise ValidationError(_("At least two attending people are needed for networking rounds."))
    if seed is None:
        seed = secrets.randbelow(2**31)
    known = networking_known_pairs(event=event, people=people)
    ids = [p.pk for p in people]
    seating = plan_rounds(ids, rounds=rounds, table_size=table_size, known=known, seed=seed)
    result = score(seating, known)

    previous = NetworkingPlan.objects.filter(event=event).first()
    before = snapshot(previous) if previous is not None else {}
    if previous is not None:
        before["people"] = str(previous.seats.filter(round=1).count())
        previous.delete()  # its seats go with it
    plan = NetworkingPlan(
        event=event,
        rounds=rounds,
        table_size=table_size,
        minutes_per_round=minutes_per_round,
        seed=seed,
        repeated_pairs=result.repeated_pairs,
        known_pairs=result.known_pairs,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    plan.full_clean()
    plan.save()
    Seat.objects.bulk_create(
        Seat(plan=plan, round=r, table=t, registration_id=pk)
        for r, tables in enumerate(seating, start=1)
        for t, table in enumerate(tables, start=1)
        for pk in table
    )
    after = snapshot(plan) | {"people": str(len(people))}
    after.pop("id", None)
    before.pop("id", None)
    changes = diff(before, after)
    audit_record(
        actor=actor, action="replace" if previous is not None else "create", instance=plan, changes=changes
    )
    return plan


def known_people_choices(*, registration: Registration) -> list[Registration]:
    """Whom a participant may name as already known: the other attending people of the event."""
    return [p for p in networking_people(event=registration.event) if p.pk != registration.pk]


@transaction.atomic
def known_people_set(*, registration: Registration, known_ids: Iterable[int], actor: Any = None) -> None:
    """Record whom among the event's other attending people this participant already knows.

    The link in the registration's e-mail is the permission (no login needed), as for cancelling.
    The relation is mutual: it is one fact about two people, whichever of them declared it. Only
    ties to the people offered are changed; ties to anyone who has since cancelled stay.
    Refused: a cancelled registration, an event that has ended or been cancelled, and anyone not
    among the people offered (field `known_people`)."""
    event = registration.event
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration has been cancelled."))
    if event.status == Event.Status.CANCELLED or timezone.now() >= event.ends_at:
        raise ValidationError(_("The event is over: contacts can no longer be changed."))
    offered = {p.pk for p in known_people_choices(registration=registration)}
    chosen = {int(pk) for pk in known_ids}
    if chosen - offered:
        raise ValidationError({"known_people": _("Choose among the people attending the event.")})
    current = set(registration.known_people.values_list("pk", flat=True))
    wanted = (current - offered) | chosen
    if wanted == current:
        return
    registration.known_people.set(wanted)
    audit_record(
        actor=actor,
        action="update",
        instance=registration,
        changes={"known_people": [", ".join(map(str, sorted(current))), ", ".join(map(str, sorted(wanted)))]},
    )


# --- reads ---------------------------------------------------------------------------------------


def networking_event_get(*, user: Any, uuid: UUID) -> Event:
    """An event whose networking rounds the user organises: 404 if none, 403 if not theirs."""
    event = Event.objects.filter(uuid=uuid).first()
    if event is None:
        raise Http404
    if not can_plan_networking(user, event):
        raise PermissionDenied
    return event


def networking_plan_of(*, event: Event) -> NetworkingPlan | None:
    return NetworkingPlan.objects.filter(event=event).first()


@dataclass(frozen=True)
class Person:
    pk: int
    name: str
    organisation: str


@dataclass(frozen=True)
class Table:
    number: int
    people: list[Person]


@dataclass(frozen=True)
class Round:
    number: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    tables: list[Table]


@dataclass(frozen=True)
class CardRow:
    round: int
    table: int
    starts_at: datetime.datetime


@dataclass(frozen=True)
class Card:
    person: Person
    rows: list[CardRow]


@dataclass(frozen=True)
class Figures:
    """How the plan does, counted now (declared contacts may have changed since it was made)."""

    people: int
    tables_per_round: int
    repeated_pairs: int
    known_pairs: int
    new_meetings: int
    mean_new_people: float  # how many people not known before each person meets, on average
    changed_since: bool  # the known pairs differ from those stored when the plan was made


@dataclass(frozen=True)
class PlanView:
    plan: NetworkingPlan
    rounds: list[Round]
    cards: list[Card]
    figures: Figures


def round_start(*, plan: NetworkingPlan, first_start: datetime.datetime, number: int) -> datetime.datetime:
    """Round `number` (from 1) starts (number - 1) x minutes after the first."""
    return first_start + datetime.timedelta(minutes=plan.minutes_per_round * (number - 1))


def networking_plan_view(*, plan: NetworkingPlan, first_start: datetime.datetime | None = None) -> PlanView:
    """The plan as rounds of tables and as one card per person, with its figures. Rounds start
    at `first_start` (by default the event's start), one after another. Three queries."""
    event = plan.event
    start = first_start or event.starts_at
    seats = list(
        plan.seats.select_related("registration__organisation").order_by(
            "round", "table", "registration__name", "pk"
        )
    )
    people: dict[int, Person] = {}
    grouped: dict[int, dict[int, list[Person]]] = defaultdict(lambda: defaultdict(list))
    card_rows: dict[int, list[CardRow]] = defaultdict(list)
    for seat in seats:
        registration = seat.registration
        person = people.setdefault(
            registration.pk,
            Person(registration.pk, registration.name, registration.organisation_label),
        )
        grouped[seat.round][seat.table].append(person)
        card_rows[registration.pk].append(
            CardRow(seat.round, seat.table, round_start(plan=plan, first_start=start, number=seat.round))
        )
    minutes = datetime.timedelta(minutes=plan.minutes_per_round)
    round_views = []
    for number in sorted(grouped):
        begins = round_start(plan=plan, first_start=start, number=number)
        tables = [Table(t, grouped[number][t]) for t in sorted(grouped[number])]
        round_views.append(Round(number, begins, begins + minutes, tables))
    cards = [
        Card(person, card_rows[pk])
        for pk, person in sorted(people.items(), key=lambda item: (item[1].name.casefold(), item[0]))
    ]
    registrations = [seat.registration for seat in seats]
    unique = list({r.pk: r for r in registrations}.values())
    known = networking_known_pairs(event=event, people=unique)
    seating = [[[p.pk for p in table.people] for table in r.tables] for r in round_views]
    result = score(seating, known)
    figures = Figures(
        people=len(people),
        tables_per_round=max((len(r.tables) for r in round_views), default=0),
        repeated_pairs=result.repeated_pairs,
        known_pairs=result.known_pairs,
        new_meetings=result.distinct_new_meetings,
        mean_new_people=(2 * result.distinct_new_meetings / len(people)) if people else 0.0,
        changed_since=result.known_pairs != plan.known_pairs,
    )
    return PlanView(plan=plan, rounds=round_views, cards=cards, figures=figures)


def my_tables(*, user: Any, plan: NetworkingPlan) -> list[tuple[int, int]]:
    """The logged-in user's own (round, table) in the plan (empty without a seat). Without times:
    the organiser may start the first round later than the event, and the plan does not say."""
    if not getattr(user, "is_authenticated", False):
        return []
    seats = Seat.objects.filter(
        plan=plan, registration__user=user, registration__status=Registration.Status.ATTENDING
    ).order_by("round")
    return list(seats.values_list("round", "table"))
