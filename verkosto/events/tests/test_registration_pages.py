"""Registration pages: the form (prefilled for a logged-in person, open to anyone for public
events), refusals shown in the form with nothing written, the token page (details, answers,
cancelling by a confirmed POST), the organiser's participant list and CSV, my registrations and
the registration box of the event page. No English text is asserted: status codes, form errors by
field, data attributes and the database."""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory
from verkosto.events import registration as service
from verkosto.events.models import Event, Registration, RegistrationQuestion
from verkosto.networks.tests.factories import NetworkFactory, add_member, person_of

from .factories import EventFactory
from .registration_support import counts, organiser_and_event, question, register

pytestmark = pytest.mark.django_db


def _url(name: str, event: Event) -> str:
    return reverse(f"events:{name}", args=[event.uuid])


def _logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post_register(client: Client, event: Event, **data: Any) -> Any:
    data.setdefault("name", "Maija Meikäläinen")
    data.setdefault("email", "maija@example.fi")
    return client.post(_url("register", event), data)


# --- the form ------------------------------------------------------------------------------------


def test_anyone_registers_for_a_public_event_and_lands_on_their_registration() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    listed = OrganisationFactory(name_fi="Aaltola ry", name="Aaltola ry")
    OrganisationFactory(name_fi="Piilotettu ry", name="Piilotettu ry", is_published=False)
    client = Client()
    page = client.get(_url("register", event))
    assert page.status_code == 200
    form = page.context["form"]
    organisations = list(form.fields["organisation"].queryset)
    assert listed in organisations
    assert all(o.is_published for o in organisations)
    assert [o.name for o in organisations] == sorted(o.name for o in organisations)
    response = _post_register(client, event, organisation=listed.pk)
    registration = Registration.objects.get(event=event)
    assert response.status_code == 302
    assert response["Location"] == reverse("events:registration", args=[registration.token])
    assert (registration.status, registration.organisation, registration.user) == ("attending", listed, None)
    result = client.get(response["Location"])
    assert 'data-status="attending"' in result.content.decode()
    assert result["Referrer-Policy"] == "same-origin"


def test_a_full_event_puts_the_next_one_on_the_waiting_list_with_the_place_shown() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    register(event)
    register(event)
    client = Client()
    response = _post_register(client, event, organisation_name="Oma yhdistys ry")
    registration = Registration.objects.get(event=event, email="maija@example.fi")
    assert registration.status == "waiting" and registration.organisation_name == "Oma yhdistys ry"
    result = client.get(response["Location"]).content.decode()
    assert 'data-status="waiting"' in result
    assert 'data-position="2"' in result


def test_a_logged_in_person_finds_their_details_filled_in() -> None:
    organisation = OrganisationFactory(name_fi="Nuorten työpaja", name="Nuorten työpaja")
    network = NetworkFactory()
    add_member(network, organisation)
    person = person_of(organisation, first_name="Maija", last_name="Meikäläinen", email="maija@tyopaja.fi")
    event = EventFactory(networks=[network], capacity=5)
    client = _logged_in(person)
    form = client.get(_url("register", event)).context["form"]
    assert form["name"].value() == "Maija Meikäläinen"
    assert form["email"].value() == "maija@tyopaja.fi"
    assert form["organisation"].value() == organisation.pk
    response = client.post(
        _url("register", event), {"name": "Maija Meikäläinen", "email": "", "organisation": organisation.pk}
    )
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert (registration.user, registration.email, registration.organisation) == (person, "", organisation)
    # Registered already: the form leads to the registration instead.
    again = client.get(_url("register", event))
    assert again.status_code == 302 and again["Location"].endswith(f"/registration/{registration.token}/")


def test_members_only_events_ask_an_anonymous_visitor_to_log_in() -> None:
    event = EventFactory(networks=[NetworkFactory()], capacity=5)
    response = Client().get(_url("register", event))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert _logged_in(UserFactory()).get(_url("register", event)).status_code == 403
    assert Registration.objects.count() == 0


def test_the_registration_language_is_the_page_language() -> None:
    _organiser, event = organiser_and_event()
    Client().post(
        _url("register", event), {"name": "Sara", "email": "sara@example.fi"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert Registration.objects.get().language == "sv"


def _form_error_page(response: Any) -> str:
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    return html


def test_registration_after_the_window_is_shown_in_the_form_and_nothing_is_written() -> None:
    _organiser, event = organiser_and_event(
        registration_closes_at=timezone.now() + datetime.timedelta(hours=1)
    )
    client = Client()
    assert client.get(_url("register", event)).status_code == 200  # the form was open...
    Event.objects.filter(pk=event.pk).update(
        registration_opens_at=timezone.now() - datetime.timedelta(days=2),
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    response = _post_register(client, event)  # ...and closed before it was sent
    html = _form_error_page(response)
    assert 'data-error="non-field"' in html
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["registration_closed"]
    assert Registration.objects.count() == 0 and AuditEntry.objects.count() == 0
    # A later visit says so and shows no form.
    page = client.get(_url("register", event))
    assert 'data-refusal="registration_closed"' in page.content.decode()
    assert 'name="email"' not in page.content.decode()


def test_registration_for_a_cancelled_event_is_refused_in_the_form() -> None:
    _organiser, event = organiser_and_event()
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    response = _post_register(Client(), event)
    _form_error_page(response)
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["event_cancelled"]
    assert Registration.objects.count() == 0 and counts(event) == (0, 0)


def test_a_double_registration_is_shown_at_the_e_mail_field() -> None:
    _organiser, event = organiser_and_event()
    register(event, email="maija@example.fi")
    response = _post_register(Client(), event, email="MAIJA@example.fi")
    _form_error_page(response)
    assert [e.code for e in response.context["form"].errors.as_data()["email"]] == ["duplicate_email"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert Registration.objects.filter(event=event).count() == 1 and counts(event) == (1, 0)


def test_the_organisers_questions_are_asked_and_checked() -> None:
    _organiser, event = organiser_and_event()
    diet = question(event, "Erityisruokavalio", is_required=True)
    day = question(event, "Päivä", RegistrationQuestion.Kind.CHOICE, choices="Ma\nTi", is_required=True)
    client = Client()
    html = client.get(_url("register", event)).content.decode()
    assert f'name="question_{diet.pk}"' in html and f'name="question_{day.pk}"' in html
    response = _post_register(client, event, **{f"question_{day.pk}": "Ke"})
    _form_error_page(response)
    assert set(response.context["form"].errors) == {f"question_{diet.pk}", f"question_{day.pk}"}
    assert Registration.objects.count() == 0
    response = _post_register(client, event, **{f"question_{diet.pk}": "vegaani", f"question_{day.pk}": "Ti"})
    assert response.status_code == 302
    assert Registration.objects.get().answers == {str(diet.pk): "vegaani", str(day.pk): "Ti"}


# --- the registration's own page -----------------------------------------------------------------


def test_cancelling_needs_a_confirmation_post_and_promotes_the_next() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    mine = register(event)
    next_one = register(event)
    client = Client()
    url = reverse("events:registration", args=[mine.token])
    page = client.get(url).content.decode()
    assert 'data-cancel-link="true"' in page and 'data-confirm-cancel="true"' not in page
    confirm = client.get(url + "?cancel=1").content.decode()
    assert 'data-confirm-cancel="true"' in confirm
    mine.refresh_from_db()
    assert mine.status == "attending"  # looking at the confirmation cancels nothing
    response = client.post(url, {"action": "cancel"})
    assert response.status_code == 302 and response["Location"] == url
    mine.refresh_from_db()
    next_one.refresh_from_db()
    assert (mine.status, next_one.status) == ("cancelled", "attending")
    after = client.get(url).content.decode()
    assert 'data-status="cancelled"' in after and 'data-cancel-link="true"' not in after
    again = client.post(url, {"action": "cancel"})
    assert again.status_code == 400 and 'data-error="action"' in again.content.decode()


def test_answers_are_changed_on_the_registration_page() -> None:
    _organiser, event = organiser_and_event()
    diet = question(event, "Erityisruokavalio", is_required=True)
    mine = register(event, answers={diet.pk: "laktoositon"})
    client = Client()
    url = reverse("events:registration", args=[mine.token])
    bad = client.post(url, {"action": "answers", f"question_{diet.pk}": ""})
    assert bad.status_code == 400 and set(bad.context["answers_form"].errors) == {f"question_{diet.pk}"}
    good = client.post(url, {"action": "answers", f"question_{diet.pk}": "gluteeniton"})
    assert good.status_code == 302
    mine.refresh_from_db()
    assert mine.answers == {str(diet.pk): "gluteeniton"}


def test_an_unknown_token_is_not_found() -> None:
    assert Client().get(reverse("events:registration", args=["not-a-token"])).status_code == 404


# --- the organiser's list ------------------------------------------------------------------------


def test_the_participant_list_is_for_organisers() -> None:
    organiser, event = organiser_and_event(capacity=1)
    diet = question(event, "Erityisruokavalio")
    organisation = OrganisationFactory(name_fi="Työpaja Oy", name="Työpaja Oy")
    attending = register(event, name="Aino", organisation=organisation, answers={diet.pk: "vegaani"})
    waiting = register(event, name="Bertta")
    gone = register(event, name="Cecilia")
    service.registration_cancel(registration=gone)
    url = _url("participants", event)
    assert Client().get(url).status_code == 302
    assert _logged_in(UserFactory()).get(url).status_code == 403
    response = _logged_in(organiser).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-attending="1" data-waiting="1" data-cancelled="1"' in html
    assert f'data-registration="{attending.uuid}"' in html and "Työpaja Oy" in html and "vegaani" in html
    assert f'data-registration="{waiting.uuid}" data-position="1"' in html
    assert "event-participants.css" in html  # the print stylesheet


def test_the_csv_guards_formulas_and_lists_everyone() -> None:
    organiser, event = organiser_and_event(capacity=1)
    diet = question(event, "Erityisruokavalio")
    register(event, name='=HYPERLINK("http://evil")', answers={diet.pk: "+358 40 123"})
    register(event, name="Jonottaja")
    url = _url("participants_csv", event)
    assert _logged_in(UserFactory()).get(url).status_code == 403
    response = _logged_in(organiser).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 3
    assert rows[0][-1] == "Erityisruokavalio"
    names = [row[2] for row in rows[1:]]
    assert names == ['\'=HYPERLINK("http://evil")', "Jonottaja"]
    assert rows[1][-1] == "'+358 40 123"
    assert rows[2][1] == "1"  # first in the queue


# --- my registrations and the box ----------------------------------------------------------------


def test_my_registrations_lists_mine_only() -> None:
    _organiser, event = organiser_and_event(capacity=1)
    _other_organiser, other = organiser_and_event()
    person = UserFactory()
    register(event)
    mine = register(event, actor=person)
    register(other)
    assert Client().get(reverse("events:mine")).status_code == 302
    html = _logged_in(person).get(reverse("events:mine")).content.decode()
    assert f'data-registration="{mine.uuid}" data-status="waiting"' in html
    assert len(re.findall(r"data-registration=", html)) == 1
    assert reverse("events:registration", args=[mine.token]) in html


def _box(event: Event, user: Any, can_manage: bool = False) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "events/partials/registration_box.html",
        {"event": event, "user": user, "request": request, "can_manage": can_manage},
    )


def test_the_registration_box_shows_places_the_button_or_my_status() -> None:
    organiser, event = organiser_and_event(capacity=2)
    html = _box(event, AnonymousUser())
    assert 'data-places-left="2"' in html and 'data-register="true"' in html
    assert _url("participants", event) not in html
    person = UserFactory()
    register(event)
    register(event)
    mine = register(event, actor=person)
    event.refresh_from_db()
    html = _box(event, person)
    assert 'data-places-left="0"' in html
    assert 'data-my-status="waiting"' in html and reverse("events:registration", args=[mine.token]) in html
    assert 'data-register="true"' not in html
    assert _url("participants", event) in _box(event, organiser, can_manage=True)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    event.refresh_from_db()
    assert 'data-refusal="event_cancelled"' in _box(event, AnonymousUser())


def test_walk_ins_past_the_capacity_are_explained_in_the_box() -> None:
    _organiser, event = organiser_and_event(capacity=2)
    register(event)
    register(event)
    Registration.objects.create(event=event, name="Paikan Päältä", status="attending", is_walk_in=True)
    Event.objects.filter(pk=event.pk).update(attending_count=3)
    event.refresh_from_db()
    html = _box(event, AnonymousUser())
    assert 'data-places-left="0"' in html
    assert "3, joista 1 ilman ilmoittautumista" in html


def test_a_networking_day_registration_links_to_the_people_one_knows() -> None:
    _organiser, day = organiser_and_event(kind=Event.Kind.NETWORKING_DAY)
    _organiser, meeting = organiser_and_event()
    on_day, at_meeting = register(day), register(meeting)
    html = Client().get(reverse("events:registration", args=[on_day.token])).content.decode()
    assert reverse("events:known_people", args=[on_day.token]) in html
    assert reverse("events:event_ics", args=[day.uuid]) in html
    html = Client().get(reverse("events:registration", args=[at_meeting.token])).content.decode()
    assert 'data-known-people="true"' not in html
