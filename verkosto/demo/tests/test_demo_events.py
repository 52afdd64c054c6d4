"""Demo events: a year of the articles' kinds of events, registrations that add up, attendance,
feedback, the networking day's rounds, the languages claimed, and loading once."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone

from verkosto.demo.events import load_events
from verkosto.demo.generator import load_demo
from verkosto.events.models import (
    Event,
    Feedback,
    NetworkingPlan,
    ProgrammeItem,
    Registration,
    RegistrationQuestion,
)
from verkosto.events.registration import clean_answers
from verkosto.events.rounds import score

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 15)
ATTENDING, WAITING, CANCELLED = (Registration.Status.ATTENDING, Registration.Status.WAITING,
                                 Registration.Status.CANCELLED)  # fmt: skip
# The people named in the background articles (written out here, not taken from the loader).
REAL_PEOPLE = (
    "Uustalo", "Välimaa", "Turja", "Laukkanen", "Rautio", "Tolonen", "Nieminen", "Raudaskoski",
    "Åkerberg", "Holopainen", "Veko", "Saari", "Karhu", "Mänttäri-Tikka", "Hätinen", "Lytz",
    "Aavaluoma", "Ranta-Pitkänen", "Eskola", "Johansson", "Hassinen", "Savela-Vilmari", "Raivio",
    "Pääkkönen", "Pyykkönen", "Leppänen", "Mäki-Maukola", "Gnosspelius", "Ollis",
)  # fmt: skip
# Small words that tell the three languages apart in running text.
MARKERS = {
    "fi": {"ja", "on", "että", "sekä", "kanssa", "miten", "jotka", "myös", "ovat", "mitä", "kun", "ei"},
    "sv": {"och", "för", "att", "som", "med", "är", "på", "av", "till", "vi", "om", "hur"},
    "en": {"and", "the", "of", "to", "for", "with", "how", "who", "from", "is", "in", "are"},
}


def language_of(text: str) -> str:
    words = re.findall(r"[a-zåäö]+", text.lower())
    hits = {lang: sum(w in markers for w in words) for lang, markers in MARKERS.items()}
    return max(hits, key=lambda lang: hits[lang])


@pytest.fixture
def loaded() -> dict[str, Any]:
    load_demo(organisations=60, services=150, networks=True)
    return load_events(today=TODAY)


def _past(event: Event, today: dt.date = TODAY) -> bool:
    return timezone.localtime(event.ends_at).date() < today


def _holiday(day: dt.date) -> bool:
    return day.month == 7 or (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6)


def test_a_year_of_every_kind_of_event(loaded: dict[str, Any]) -> None:
    assert loaded["created"] is True
    events = Event.objects.all()
    assert 60 <= events.count() <= 90
    assert events.count() == events.filter(is_demo=True).count() == loaded["events"]
    assert set(events.values_list("kind", flat=True)) == set(Event.Kind.values)
    days = [timezone.localtime(e.starts_at).date() for e in events]
    assert min(days) >= TODAY - dt.timedelta(days=330)
    assert max(days) <= TODAY + dt.timedelta(days=62)
    assert sum(d < TODAY for d in days) > 2 * sum(d >= TODAY for d in days) > 0
    assert all(d.weekday() < 5 and not _holiday(d) for d in days)
    statuses = Counter(events.values_list("status", flat=True))
    assert statuses[Event.Status.DRAFT] == 1
    assert statuses[Event.Status.CANCELLED] >= 2 and statuses[Event.Status.POSTPONED] >= 2
    assert statuses[Event.Status.PUBLISHED] > 0.85 * events.count()
    # Drafts and postponements lie ahead; the cancelled were cancelled before they happened.
    for event in events.exclude(status=Event.Status.PUBLISHED):
        if event.status != Event.Status.CANCELLED:
            assert not _past(event), event
        assert not event.registrations.filter(attended__isnull=False).exists()
    assert not Event.objects.get(status=Event.Status.DRAFT).registrations.exists()
    # Network meetings four times a year, by network.
    meetings = Counter(
        n
        for e in events.filter(kind=Event.Kind.NETWORK_MEETING).prefetch_related("networks")
        for n in e.networks.values_list("name_fi", flat=True)
    )
    assert sum(count >= 4 for count in meetings.values()) >= 5, meetings
    assert events.filter(regions__isnull=False).values("regions").distinct().count() >= 15
    assert events.filter(online_url__startswith="https://meet.example.org/").count() >= 10


def test_counts_agree_with_the_rows_for_every_event(loaded: dict[str, Any]) -> None:
    counted = Event.objects.annotate(
        attending=Count("registrations", filter=Q(registrations__status=ATTENDING)),
        waiting=Count("registrations", filter=Q(registrations__status=WAITING)),
        walk_ins=Count("registrations", filter=Q(registrations__is_walk_in=True)),
    )
    assert counted.count() > 0
    for event in counted:
        assert event.attending_count == event.attending, event
        assert event.waiting_count == event.waiting, event
        if event.capacity is not None:
            # Walk-ins are in the room whatever the capacity; everyone else got a place or queued.
            assert event.attending - event.walk_ins <= event.capacity, event
            if event.waiting:
                assert event.attending - event.walk_ins == event.capacity, event
        else:
            assert event.waiting == 0
    queued = Registration.objects.filter(status=WAITING)
    assert not queued.filter(waiting_since__isnull=True).exists()
    cancelled = Registration.objects.filter(status=CANCELLED)
    assert cancelled.exists() and not cancelled.filter(cancelled_at__isnull=True).exists()
    assert not Registration.objects.exclude(status=CANCELLED).filter(cancelled_at__isnull=False).exists()
    # One active registration per person and event, as the database constraints require.
    active = Registration.objects.exclude(status=CANCELLED).exclude(email="")
    assert active.values("event", "email").annotate(n=Count("pk")).filter(n__gt=1).count() == 0
    # Registered before the event (walk-ins on the day), never in the future.
    for r in Registration.objects.select_related("event"):
        if r.is_walk_in:
            assert r.event.starts_at <= r.created_at <= r.event.ends_at
        else:
            assert r.created_at < r.event.starts_at
        assert r.created_at <= timezone.now()


def test_full_events_have_a_waiting_list(loaded: dict[str, Any]) -> None:
    full = [
        e
        for e in Event.objects.filter(capacity__isnull=False, waiting_count__gt=0)
        if e.registrations.filter(status=ATTENDING, is_walk_in=False).count() == e.capacity
    ]
    assert full
    assert any(not _past(e) for e in full), "an upcoming full event people can still queue for"
    assert any(_past(e) for e in full)
    upcoming = next(e for e in full if not _past(e))
    queue = list(upcoming.registrations.filter(status=WAITING).order_by("waiting_since"))
    first_in = upcoming.registrations.filter(status=ATTENDING).order_by("created_at").first()
    assert first_in is not None and first_in.created_at <= queue[0].waiting_since


def test_past_events_have_attendance_and_feedback(loaded: dict[str, Any]) -> None:
    held = [e for e in Event.objects.filter(status=Event.Status.PUBLISHED) if _past(e) and e.attending_count]
    assert len(held) >= 40
    present = absent = walk_ins = 0
    with_feedback = 0
    for event in held:
        attending = event.registrations.filter(status=ATTENDING)
        assert not attending.filter(attended__isnull=True).exists(), event
        assert not event.registrations.exclude(status=ATTENDING).filter(attended__isnull=False).exists()
        present += attending.filter(attended=True).count()
        absent += attending.filter(attended=False).count()
        walk_ins += attending.filter(is_walk_in=True).count()
        assert not attending.filter(is_walk_in=True, attended=False).exists()
        with_feedback += event.feedback.exists()
        assert event.feedback_requested_at is not None
    assert 0.8 < present / (present + absent) < 0.97
    assert walk_ins >= 5
    assert with_feedback >= 0.8 * len(held)
    for event in Event.objects.all():
        if not _past(event):
            assert not event.registrations.filter(attended__isnull=False).exists()
            assert not event.feedback.exists()

    feedback = Feedback.objects.all()
    ratings = Counter(feedback.values_list("rating", flat=True))
    total = sum(ratings.values())
    assert total >= 200
    assert (ratings[4] + ratings[5]) / total > 0.7
    assert ratings[2] + ratings[3] >= 0.08 * total
    assert feedback.filter(registration__isnull=True).count() > 0.5 * total  # most anonymous
    assert feedback.filter(registration__isnull=False).exists()
    assert feedback.exclude(useful="").count() > 0.4 * total
    # Everyone who answered is marked, and nobody else: per event, as many marks as answers.
    marked = Counter(Registration.objects.filter(feedback_given=True).values_list("event", flat=True))
    answers = Counter(feedback.values_list("event", flat=True))
    assert marked == answers
    assert not feedback.filter(registration__attended=False).exists()
    for answer in feedback.select_related("event"):
        assert answer.created_at > answer.event.ends_at


def test_the_networking_day_has_rounds_without_repeats(loaded: dict[str, Any]) -> None:
    assert loaded["networking_plan"] is True
    day = Event.objects.get(kind=Event.Kind.NETWORKING_DAY, status=Event.Status.PUBLISHED)
    assert _past(day) and day.municipality is not None and day.municipality.name_fi == "Kajaani"
    assert day.capacity is not None and day.waiting_count > 0
    plan = NetworkingPlan.objects.get(event=day)
    assert plan.repeated_pairs == 0
    seated = set(day.registrations.filter(attended=True, is_walk_in=False).values_list("pk", flat=True))
    assert len(seated) >= 30
    rounds: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for rnd, table, registration in plan.seats.values_list("round", "table", "registration"):
        rounds[rnd][table].append(registration)
    assert sorted(rounds) == list(range(1, plan.rounds + 1))
    for tables in rounds.values():
        people = [p for table in tables.values() for p in table]
        assert sorted(people) == sorted(seated)  # everyone present sits once a round
        assert all(2 <= len(table) <= plan.table_size + 1 for table in tables.values())
    met = Counter(
        frozenset(pair)
        for tables in rounds.values()
        for table in tables.values()
        for pair in combinations(table, 2)
    )
    assert max(met.values()) == 1  # nobody meets the same person twice
    # People of one organisation, and declared contacts, already know each other.
    org = dict(day.registrations.values_list("pk", "organisation_id"))
    org_name = dict(day.registrations.values_list("pk", "organisation_name"))
    known = {
        frozenset((a, b))
        for a, b in combinations(sorted(seated), 2)
        if (org[a] and org[a] == org[b]) or (not org[a] and org_name[a] and org_name[a] == org_name[b])
    }
    through: Any = Registration.known_people.through
    declared = {
        frozenset(pair)
        for pair in through.objects.filter(from_registration__event=day).values_list(
            "from_registration", "to_registration"
        )
    }
    assert declared
    plan_as_lists = [list(tables.values()) for _, tables in sorted(rounds.items())]
    achieved = score(plan_as_lists, known | declared)
    assert achieved.repeated_pairs == 0
    assert achieved.known_pairs == plan.known_pairs
    assert plan.known_pairs <= 3


def test_descriptions_are_in_the_languages_claimed(loaded: dict[str, Any]) -> None:
    languages = Counter(Event.objects.values_list("language", flat=True))
    assert languages["sv"] >= 3 and languages["fi-sv"] >= 3 and languages["en"] >= 1
    for event in Event.objects.all():
        assert event.title_fi and event.description_fi  # Finnish is always there
        claimed = {"fi-sv": ("fi", "sv")}.get(event.language, (event.language,))
        for lang in claimed:
            title, description = getattr(event, f"title_{lang}"), getattr(event, f"description_{lang}")
            assert title, (event.pk, lang)
            assert language_of(description) == lang, (event.title_fi, lang, description)
        if "fi" not in claimed:
            assert language_of(event.description_fi) == "fi"
        if event.description_en:
            assert language_of(event.description_en) == "en"
        if event.description_sv:
            assert language_of(event.description_sv) == "sv"
    # Swedish-language events have their programme in Swedish too.
    for item in ProgrammeItem.objects.filter(event__language="sv"):
        assert item.title_sv and item.title_fi


def test_programmes_questions_and_answers(loaded: dict[str, Any]) -> None:
    for event in Event.objects.filter(status=Event.Status.PUBLISHED).prefetch_related("programme"):
        items = list(event.programme.all())
        assert len(items) >= 2, event
        for item in items:
            assert event.starts_at <= item.starts_at < event.ends_at + dt.timedelta(hours=2), (event, item)
            assert item.ends_at is None or item.ends_at > item.starts_at
        talks = [i for i in items if i.form != ProgrammeItem.Form.BREAK]
        assert sum(bool(i.presenter) for i in talks) >= len(talks) / 2, event
    presenters = " ".join(ProgrammeItem.objects.values_list("presenter", flat=True))
    assert not [name for name in REAL_PEOPLE if name in presenters]
    forms = set(ProgrammeItem.objects.values_list("form", flat=True))
    assert set(ProgrammeItem.Form.values) <= forms
    texts = set(RegistrationQuestion.objects.values_list("text_fi", flat=True))
    assert "Erityisruokavalio tai allergiat" in texts
    assert any("saavutettavuu" in t for t in texts)
    # Answers are keyed by the event's question ids and pass the registration service's checks.
    answered = Registration.objects.exclude(answers={}).select_related("event")
    assert answered.count() > 100
    diets = 0
    for registration in answered:
        assert clean_answers(registration.event, registration.answers) == registration.answers
        diets += any(
            registration.answers.get(str(q.pk))
            for q in registration.event.questions.all()
            if q.text_fi.startswith("Erityisruokavalio")
        )
    assert diets >= 30


def test_the_events_of_the_articles(loaded: dict[str, Any]) -> None:
    visits = Event.objects.filter(kind=Event.Kind.PARTNER_VISIT, municipality__name_fi="Kajaani")
    hosts = set(visits.filter(status=Event.Status.PUBLISHED).values_list("organisations__name_fi", flat=True))
    assert {
        "Kainuun Nuotta ry",
        "Nakertaja Hetteenmäen kyläyhdistys ry",
        "Etnika Kainuu ry",
        "Kajaanin työvoimayhdistys ry",
        "Kapova ry",
        "Spartak Kajaani ry",
        "Kumppaniksi ry",
        "Nuorten ystävien Klubitalo Tönäri",
    } <= hosts
    visitors = Registration.objects.filter(event__in=visits)
    labels = {r.organisation_label for r in visitors}
    assert {"Kainuun ELY-keskus", "Kainuun hyvinvointialue, sosiaalipalvelut"} <= labels
    assert any("TYP" in label for label in labels)
    day = Event.objects.get(kind=Event.Kind.NETWORKING_DAY, status=Event.Status.PUBLISHED)
    presenters = set(day.programme.values_list("presenter", flat=True))
    assert {"Intotalo, valmentaja", "Vaara-kollektiivi"} <= presenters
    assert day.networks.filter(name_fi="Kainuun TYPO-koordinaatio").exists()
    tampere = Event.objects.get(title_fi="Yhteistyöpaja Tampereen seudun työllisyystoimijoille")
    assert _past(tampere) and "Piazza" in tampere.place
    assert tampere.organisations.filter(name_fi="Kiipula").exists()
    assert 20 <= tampere.registrations.filter(attended=True).count() <= 40  # "noin 30 henkilöä"
    theme_days = Event.objects.filter(kind=Event.Kind.THEME_DAY, networks__name_fi__startswith="Vates")
    assert theme_days.values("regions").distinct().count() >= 12
    for event in theme_days[:5]:
        forms = [i.form for i in event.programme.order_by("starts_at")]
        # Information in the morning, free work in the afternoon.
        assert forms[1] == ProgrammeItem.Form.INFORMATION and ProgrammeItem.Form.WORKSHOP in forms[-3:]
    ula = Event.objects.filter(networks__name_fi__startswith="ULA")
    assert ula.count() >= 4 and set(ula.values_list("language", flat=True)) == {"sv"}


def test_people_are_invented_with_example_addresses_and_reach_is_plausible(loaded: dict[str, Any]) -> None:
    registrations = Registration.objects.all()
    for name, email in registrations.values_list("name", "email"):
        assert not any(part in REAL_PEOPLE for part in name.split()), name
        assert email == "" or email.endswith("@example.org"), email
    assert registrations.filter(user__isnull=False).exists()
    assert registrations.filter(user__isnull=True, organisation__isnull=False).exists()
    assert registrations.filter(organisation__isnull=True).exclude(organisation_name="").exists()
    # The demo member has registrations to show, past and upcoming.
    mine = registrations.filter(user__username="jasen")
    assert mine.filter(event__starts_at__lt=timezone.now()).exists()
    assert {e.starts_at.date() > TODAY for e in Event.objects.filter(registrations__in=mine)} == {True, False}
    # "Over 20 events in 15 regions ... about 1,400 people", at the demo's scale.
    assert 300 <= loaded["people"] <= 1200
    assert loaded["present"] > loaded["people"]  # people come to several events
    assert loaded["organisations"] >= 50
    assert loaded["regions"] >= 15
    assert loaded["national_events"] >= 3
    assert loaded["registrations"] == registrations.count()


@pytest.mark.parametrize("today", [dt.date(2026, 1, 12), dt.date(2026, 6, 28), dt.date(2025, 12, 8)])
def test_any_day_of_the_year_gives_a_sound_year(today: dt.date) -> None:
    """The demo is loaded on whatever day it is: the story holds in winter, summer and at Christmas.
    (The days lie before the clock: registrations are only ever made up to now.)"""
    load_demo(organisations=60, services=150, networks=True)
    result = load_events(today=today)
    assert result["created"] is True and result["networking_plan"] is True
    events = list(Event.objects.all())
    assert 60 <= len(events) <= 90
    for event in events:
        day = timezone.localtime(event.starts_at).date()
        assert today - dt.timedelta(days=370) <= day <= today + dt.timedelta(days=62), event
        assert day.weekday() < 5 and not _holiday(day), event
        assert event.attending_count == event.registrations.filter(status=ATTENDING).count()
        assert event.waiting_count == event.registrations.filter(status=WAITING).count()
        if event.status in (Event.Status.DRAFT, Event.Status.POSTPONED):
            assert not _past(event, today)
        if not _past(event, today):
            assert not event.registrations.filter(attended__isnull=False).exists()
    day = Event.objects.get(kind=Event.Kind.NETWORKING_DAY, status=Event.Status.PUBLISHED)
    assert _past(day, today) and NetworkingPlan.objects.get(event=day).repeated_pairs == 0
    assert Event.objects.filter(
        title_fi="Yhteistyöpaja Tampereen seudun työllisyystoimijoille", ends_at__date__lt=today
    ).exists()
    upcoming_full = [
        e
        for e in Event.objects.filter(capacity__isnull=False, waiting_count__gt=0)
        if not _past(e, today) and e.attending_count == e.capacity
    ]
    assert upcoming_full
    assert Feedback.objects.count() > 200


def test_loading_twice_changes_nothing(loaded: dict[str, Any]) -> None:
    before = (Event.objects.count(), Registration.objects.count(), Feedback.objects.count())
    again = load_events(today=TODAY)
    assert again["created"] is False
    assert (again["events"], again["registrations"], again["feedback"]) == before
    assert (Event.objects.count(), Registration.objects.count(), Feedback.objects.count()) == before
    result = load_demo(organisations=60, services=150, networks=True, events=True)
    assert result["events"]["created"] is False


def test_the_same_seed_and_day_give_the_same_events(loaded: dict[str, Any]) -> None:
    def snapshot() -> list[tuple[Any, ...]]:
        return [
            (e.title_fi, e.starts_at, e.status, e.capacity, e.place, e.attending_count, e.waiting_count,
             tuple(e.registrations.order_by("created_at", "name").values_list("name", "status", "attended")),
             tuple(sorted(e.feedback.values_list("rating", "useful"))))
            for e in Event.objects.order_by("starts_at", "title_fi")
        ]  # fmt: skip

    first = snapshot()
    Event.objects.filter(is_demo=True).delete()
    assert load_events(today=TODAY)["created"] is True
    assert snapshot() == first


def test_without_networks_nothing_is_loaded() -> None:
    load_demo(organisations=60, services=150)
    result = load_events(today=TODAY)
    assert result["created"] is False and result["events"] == 0


def test_events_load_quickly() -> None:
    load_demo(organisations=60, services=150, networks=True)
    started = time.perf_counter()
    result = load_events(today=TODAY)
    assert result["created"] is True
    assert time.perf_counter() - started < 10
    assert result["seconds"] < 10


def test_the_command_loads_events_unless_told_not_to() -> None:
    out = io.StringIO()
    options = ("--organisations", "60", "--services", "150", "--no-signals")
    call_command("load_demo", *options, "--no-events", stdout=out)
    assert not Event.objects.exists()
    assert "Demo events" not in out.getvalue()
    out = io.StringIO()
    call_command("load_demo", *options, stdout=out)
    assert Event.objects.filter(is_demo=True).count() >= 60
    assert "Demo events loaded" in out.getvalue() and "reach:" in out.getvalue()
    out = io.StringIO()
    call_command("load_demo", *options, stdout=out)
    assert "Demo events already present" in out.getvalue()
