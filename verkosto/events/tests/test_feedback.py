"""Feedback: the request e-mails (who, in which language, never twice, the cron command), the form
behind the token (once, not before the start, anonymity that really drops the link, scrubbed
text) and the organiser's summary (answer rate, mean, distribution, the plot and the texts)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, region
from verkosto.events import attendance, feedback
from verkosto.events.models import Event, Feedback, Registration
from verkosto.events.tests.factories import EventFactory, registration_row
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def _event(network: Any, *, ended_ago: datetime.timedelta = 2 * HOUR, **fields: Any) -> Event:
    ends = timezone.now() - ended_ago
    return EventFactory(networks=[network], starts_at=ends - 3 * HOUR, ends_at=ends, **fields)


@pytest.fixture
def world() -> dict[str, Any]:
    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    organisation = OrganisationFactory(name_fi="Kajaanin nuorten paja")
    add_member(network, organisation)
    event = _event(network, title_fi="Teemapäivä: nuorten osallisuus")
    return {
        "network": network,
        "organiser": coordinator_of(network),
        "member": person_of(organisation),
        "organisation": organisation,
        "event": event,
        "anna": registration_row(event, name="Anna Aho", email="anna@example.fi", organisation=organisation),
        "bertil": registration_row(event, name="Bertil Berg", email="bertil@example.fi", language="sv"),
        "cilla": registration_row(event, name="Cilla Cox", email="cilla@example.fi"),
        "no_email": registration_row(event, name="Dan Ei Sähköpostia"),
        "waiting": registration_row(
            event, name="Eeva Jono", email="eeva@example.fi", status=Registration.Status.WAITING
        ),
    }


def _give(registration: Registration, **fields: Any) -> Feedback:
    values = {"rating": 4, "useful": "", "next_wishes": "", "anonymous": True}
    return feedback.feedback_give(registration=registration, **(values | fields))


# --- giving feedback -----------------------------------------------------------------------------


def test_anonymous_feedback_has_no_link_to_the_person(world: dict) -> None:
    anna = world["anna"]
    given = _give(anna, rating=5, useful="Hyvät puheenvuorot.")
    given.refresh_from_db()
    assert given.registration is None
    assert given.event == world["event"]
    anna.refresh_from_db()
    assert anna.feedback_given is True
    assert not Feedback.objects.filter(registration=anna).exists()
    # Nothing in the audit log ties the answer to the person either.
    assert not AuditEntry.objects.filter(object_type="events.feedback").exists()
    assert not AuditEntry.objects.filter(object_type="events.registration", object_id=str(anna.pk)).exists()


def test_named_feedback_keeps_the_link_and_is_audited(world: dict) -> None:
    given = _give(world["anna"], anonymous=False, rating=3)
    assert given.registration == world["anna"]
    entry = AuditEntry.objects.get(object_type="events.feedback", object_id=str(given.pk))
    assert entry.changes["registration_id"] == ["", str(world["anna"].pk)]


def test_feedback_is_given_once(world: dict) -> None:
    _give(world["anna"])
    with pytest.raises(ValidationError) as caught:
        _give(world["anna"], rating=1)
    assert caught.value.code == feedback.State.GIVEN
    assert Feedback.objects.filter(event=world["event"]).count() == 1


def test_not_before_the_start_nor_for_absentees_or_the_waiting_list(world: dict) -> None:
    event = world["event"]
    attendance.attendance_mark(actor=world["organiser"], registration=world["cilla"], present=False)
    with pytest.raises(ValidationError) as caught:
        _give(world["cilla"])
    assert caught.value.code == feedback.State.ABSENT
    with pytest.raises(ValidationError) as caught:
        _give(world["waiting"])
    assert caught.value.code == feedback.State.NOT_ATTENDING
    later = timezone.now() + DAY
    Event.objects.filter(pk=event.pk).update(starts_at=later, ends_at=later + HOUR)
    with pytest.raises(ValidationError) as caught:
        _give(world["anna"])
    assert caught.value.code == feedback.State.NOT_STARTED
    assert not Feedback.objects.exists()


def test_free_text_is_scrubbed_before_it_is_stored(world: dict) -> None:
    given = _give(
        world["anna"],
        useful="Soita minulle 040 1234567 tai kirjoita anna.aho@example.fi.",
        next_wishes="Lisää tietoa, osoite Kauppakatu 12 Kajaani.",
    )
    given.refresh_from_db()
    assert "040" not in given.useful and "@" not in given.useful
    assert "[puhelin]" in given.useful and "[sähköposti]" in given.useful
    assert "Kauppakatu 12" not in given.next_wishes
    # A Swedish answer gets Swedish placeholders.
    swedish = _give(world["bertil"], useful="Ring mig på 040 7654321.")
    assert "[telefon]" in swedish.useful and "7654321" not in swedish.useful


def test_rating_is_checked(world: dict) -> None:
    with pytest.raises(ValidationError) as caught:
        _give(world["anna"], rating=6)
    assert "rating" in caught.value.message_dict
    world["anna"].refresh_from_db()
    assert world["anna"].feedback_given is False


# --- the summary ---------------------------------------------------------------------------------


def test_summary_figures_and_answer_rate(world: dict) -> None:
    organiser, event = world["organiser"], world["event"]
    # Not marked: the four attending people are the attendees.
    _give(world["anna"], rating=5, useful="Verkostoituminen.")
    summary = feedback.feedback_summary(user=organiser, event=event)
    assert (summary.answers, summary.attendees, summary.answer_rate) == (1, 4, 0.25)
    # Marked: three present, one absent.
    for name in ("anna", "bertil", "no_email"):
        attendance.attendance_mark(actor=organiser, registration=world[name], present=True)
    attendance.attendance_mark(actor=organiser, registration=world["cilla"], present=False)
    _give(world["bertil"], rating=2, next_wishes="Lisää työpajoja.", anonymous=False)
    summary = feedback.feedback_summary(user=organiser, event=event)
    assert summary.attendance_marked is True
    assert (summary.answers, summary.attendees) == (2, 3)
    assert summary.answer_percent == 67
    assert summary.mean == 3.5
    assert summary.distribution == [(1, 0), (2, 1), (3, 0), (4, 0), (5, 1)]
    assert [(t.rating, t.name) for t in summary.texts] == [(2, "Bertil Berg"), (5, "")]


def test_summary_is_for_organisers(world: dict) -> None:
    with pytest.raises(PermissionDenied):
        feedback.feedback_summary(user=world["member"], event=world["event"])


def test_summary_takes_a_fixed_number_of_queries(world: dict, django_assert_num_queries: Any) -> None:
    for name in ("anna", "bertil", "cilla"):
        _give(world[name], useful="Hyvä.", anonymous=name == "anna")
    organiser = world["organiser"]
    feedback.feedback_summary(user=organiser, event=world["event"])  # roles cached on the user
    # Two for the permission check (the event's networks, the coordinators), then three.
    with django_assert_num_queries(5):
        summary = feedback.feedback_summary(user=organiser, event=world["event"])
        assert len(summary.texts) == 3


# --- the request ---------------------------------------------------------------------------------


def test_request_mails_each_participant_in_their_language(
    world: dict, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        count = feedback.feedback_request_send(actor=world["organiser"], event=world["event"])
    # Attendance never marked: everyone attending with an e-mail; not the waiting list.
    assert count == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anna@example.fi",
        "bertil@example.fi",
        "cilla@example.fi",
    ]
    by_address = {m.to[0]: m for m in mail.outbox}
    for name in ("anna", "bertil"):
        message = by_address[world[name].email]
        link = reverse("events:feedback", args=[world[name].token])
        assert link in message.body
        html, mime = message.alternatives[0]
        assert mime == "text/html" and link in html
    assert 'lang="sv"' in by_address["bertil@example.fi"].alternatives[0][0]
    assert 'lang="fi"' in by_address["anna@example.fi"].alternatives[0][0]
    world["event"].refresh_from_db()
    assert world["event"].feedback_requested_at is not None
    assert AuditEntry.objects.filter(object_type="events.event", object_id=str(world["event"].pk)).exists()
    assert AuditEntry.objects.filter(changes__has_key=feedback.REQUESTED).count() == 3


def test_request_never_goes_twice_to_the_same_person(
    world: dict, django_capture_on_commit_callbacks: Any
) -> None:
    organiser, event = world["organiser"], world["event"]
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback.feedback_request_send(actor=organiser, event=event) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback.feedback_request_send(actor=organiser, event=event) == 0
    assert len(mail.outbox) == 3
    # Someone new (a walk-in with an address) is asked; the others are not asked again.
    registration_row(event, name="Uusi", email="uusi@example.fi", is_walk_in=True, attended=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback.feedback_request_send(actor=organiser, event=event) == 1
    assert [m.to for m in mail.outbox[3:]] == [["uusi@example.fi"]]


def test_request_asks_the_present_only_once_attendance_is_marked(
    world: dict, django_capture_on_commit_callbacks: Any
) -> None:
    organiser = world["organiser"]
    attendance.attendance_mark(actor=organiser, registration=world["anna"], present=True)
    attendance.attendance_mark(actor=organiser, registration=world["bertil"], present=False)
    _give(world["anna"])  # answered already (e.g. from the event page): not asked
    registration_row(world["event"], name="Fanni", email="fanni@example.fi", attended=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback.feedback_request_send(actor=organiser, event=world["event"]) == 1
    assert [m.to for m in mail.outbox] == [["fanni@example.fi"]]


def test_request_is_refused_before_the_start_and_to_others(world: dict) -> None:
    event = world["event"]
    with pytest.raises(PermissionDenied):
        feedback.feedback_request_send(actor=world["member"], event=event)
    later = timezone.now() + DAY
    Event.objects.filter(pk=event.pk).update(starts_at=later, ends_at=later + HOUR)
    event.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        feedback.feedback_request_send(actor=world["organiser"], event=event)
    assert caught.value.code == "too_early"
    event.refresh_from_db()
    assert event.feedback_requested_at is None
    assert not mail.outbox


def test_command_asks_for_events_that_ended_one_to_seven_days_ago(
    world: dict, django_capture_on_commit_callbacks: Any
) -> None:
    network = world["network"]
    due = _event(network, ended_ago=2 * DAY)
    registration_row(due, name="Due", email="due@example.fi")
    too_old = _event(network, ended_ago=10 * DAY)
    registration_row(too_old, name="Old", email="old@example.fi")
    asked = _event(network, ended_ago=3 * DAY)
    registration_row(asked, name="Asked", email="asked@example.fi")
    Event.objects.filter(pk=asked.pk).update(feedback_requested_at=timezone.now() - DAY)
    cancelled = _event(network, ended_ago=2 * DAY, status=Event.Status.CANCELLED)
    registration_row(cancelled, name="Cancelled", email="cancelled@example.fi")
    # world["event"] ended two hours ago: not yet due.
    assert set(feedback.events_due_for_feedback()) == {due}
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_feedback", stdout=None)
    assert [m.to for m in mail.outbox] == [["due@example.fi"]]
    due.refresh_from_db()
    assert due.feedback_requested_at is not None
    # The next night: nothing again.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_feedback")
    assert len(mail.outbox) == 1


def test_mails_skip_people_who_answered_meanwhile(world: dict) -> None:
    _give(world["anna"])
    sent = feedback.feedback_request_mails_send(registration_ids=[world["anna"].pk, world["cilla"].pk])
    assert sent == 1 and [m.to for m in mail.outbox] == [["cilla@example.fi"]]


# --- the pages -----------------------------------------------------------------------------------


def _feedback_url(registration: Registration) -> str:
    return reverse("events:feedback", args=[registration.token])


def test_feedback_page_form(client: Any, world: dict) -> None:
    response = client.get(_feedback_url(world["anna"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<fieldset" in html and "<legend" in html
    assert html.count('type="radio" name="rating"') == 5
    assert 'name="anonymous"' in html and "checked" in html.split('name="anonymous"')[1].split(">")[0]


def test_feedback_page_errors_then_saves_named(client: Any, world: dict) -> None:
    url = _feedback_url(world["anna"])
    response = client.post(url, {"useful": "Hyvä päivä."})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"rating"}
    assert 'id="error-summary"' in response.content.decode()
    # The box unchecked: a named answer.
    response = client.post(url, {"rating": "4", "useful": "Hyvä päivä.", "next_wishes": ""})
    assert response.status_code == 200
    assert 'data-feedback-state="given"' in response.content.decode()
    assert Feedback.objects.get().registration == world["anna"]


def test_feedback_page_second_time_and_too_early(client: Any, world: dict) -> None:
    url = _feedback_url(world["anna"])
    response = client.post(url, {"rating": "5", "anonymous": "on"})
    assert response.status_code == 200
    assert Feedback.objects.get().registration is None
    response = client.get(url)
    assert response.status_code == 200
    assert 'data-feedback-state="given"' in response.content.decode()
    assert 'name="rating"' not in response.content.decode()
    assert client.post(url, {"rating": "1"}).status_code == 409
    assert Feedback.objects.count() == 1
    later = timezone.now() + DAY
    Event.objects.filter(pk=world["event"].pk).update(starts_at=later, ends_at=later + HOUR)
    response = client.get(_feedback_url(world["cilla"]))
    assert 'data-feedback-state="not_started"' in response.content.decode()


def test_unknown_token_is_404(client: Any, world: dict) -> None:
    assert client.get(reverse("events:feedback", args=["no-such-token"])).status_code == 404


def test_summary_page(client: Any, world: dict) -> None:
    _give(world["anna"], rating=5, useful="Paljon uusia kontakteja.")
    _give(world["cilla"], rating=3)
    url = reverse("events:feedback_summary", args=[world["event"].uuid])
    client.force_login(world["member"])
    assert client.get(url).status_code == 403
    client.force_login(world["organiser"])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        'role="img"' in html and '<title id="ratings-title">' in html and '<desc id="ratings-desc">' in html
    )
    assert 'data-answers="2"' in html and 'data-attendees="4"' in html and 'data-answer-rate="50"' in html
    assert 'data-mean="4.00"' in html
    assert '<td class="num" data-rating="5">1</td>' in html
    assert "Paljon uusia kontakteja." in html


def test_request_button(client: Any, world: dict, django_capture_on_commit_callbacks: Any) -> None:
    url = reverse("events:feedback_request", args=[world["event"].uuid])
    client.force_login(world["organiser"])
    assert client.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("events:feedback_summary", args=[world["event"].uuid])
    assert len(mail.outbox) == 3
    client.force_login(world["member"])
    assert client.post(url).status_code == 403


# --- the box on the event page -------------------------------------------------------------------


def _box(event: Event, user: Any, can_manage: bool) -> str:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    context = {"event": event, "user": user, "can_manage": can_manage, "request": request}
    return render_to_string("events/partials/attendance_box.html", context, request=request).strip()


def test_attendance_box(world: dict) -> None:
    from django.contrib.auth.models import AnonymousUser

    event, member = world["event"], world["member"]
    organiser_box = _box(event, world["organiser"], True)
    assert reverse("events:attendance", args=[event.uuid]) in organiser_box
    assert reverse("events:feedback_summary", args=[event.uuid]) in organiser_box
    assert reverse("events:feedback_request", args=[event.uuid]) in organiser_box
    assert _box(event, AnonymousUser(), False) == ""
    assert _box(event, member, False) == ""  # no registration of their own
    mine = registration_row(event, name="Oma", user=member)
    assert reverse("events:feedback", args=[mine.token]) in _box(event, member, False)
    _give(mine)
    assert _box(event, member, False) == ""  # given already
    later = timezone.now() + DAY
    Event.objects.filter(pk=event.pk).update(starts_at=later, ends_at=later + HOUR)
    event.refresh_from_db()
    organiser_box = _box(event, world["organiser"], True)
    assert reverse("events:attendance", args=[event.uuid]) in organiser_box
    assert reverse("events:feedback_request", args=[event.uuid]) not in organiser_box  # not yet
