"""Registration e-mail: sent after commit, in the registration's language, with the cancel link
and the event as a text/calendar attachment whose UID and SEQUENCE are the event's."""

from __future__ import annotations

from collections.abc import Iterator
from email.mime.base import MIMEBase
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.utils import translation

from verkosto.events import emails
from verkosto.events import registration as service
from verkosto.events.models import Event, Registration

from .registration_support import organiser_and_event, register

pytestmark = pytest.mark.django_db
SITE = "https://verkosto.example.fi"


@pytest.fixture(autouse=True)
def _mail(settings: Any) -> Iterator[None]:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = SITE
    with translation.override("fi"):
        yield


def _calendar(message: Any) -> tuple[MIMEBase, icalendar.Calendar]:
    parts = [
        a for a in message.attachments if isinstance(a, MIMEBase) and a.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    part = parts[0]
    return part, icalendar.Calendar.from_ical(part.get_payload(decode=True))


def _vevent(message: Any) -> icalendar.Event:
    _part, calendar = _calendar(message)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def _titled(event: Event) -> Event:
    Event.objects.filter(pk=event.pk).update(
        title_fi="Teemapäivä: nuorten työllistyminen", title_sv="Temadag: ungas sysselsättning"
    )
    event.refresh_from_db()
    return event


def test_a_confirmation_carries_the_event_and_the_cancel_link(
    django_capture_on_commit_callbacks: Any,
) -> None:
    _organiser, event = organiser_and_event()
    event = _titled(event)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, email="maija@example.fi")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maija@example.fi"]
    assert "Teemapäivä: nuorten työllistyminen" in message.subject
    assert f"{SITE}/events/registration/{registration.token}/" in message.body
    assert f"{SITE}/events/{event.uuid}/" in message.body
    part, calendar = _calendar(message)
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "PUBLISH"
    assert part.get_content_charset() == "utf-8"
    assert part.get_filename() == "event.ics"
    assert str(calendar["method"]) == "PUBLISH"
    vevent = _vevent(message)
    assert str(vevent["uid"]) == f"{event.uuid}@verkosto"
    assert int(vevent["sequence"]) == 0
    assert str(vevent["status"]) == "CONFIRMED"
    assert str(vevent["summary"]) == "Teemapäivä: nuorten työllistyminen"
    assert vevent.decoded("dtstart") == event.starts_at


def test_the_mail_is_in_the_registrations_language(django_capture_on_commit_callbacks: Any) -> None:
    _organiser, event = organiser_and_event()
    event = _titled(event)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, email="sv@example.fi", language="sv")
        register(event, email="fi@example.fi", language="fi")
    by_address = {m.to[0]: m for m in mail.outbox}
    swedish, finnish = by_address["sv@example.fi"], by_address["fi@example.fi"]
    assert "Temadag: ungas sysselsättning" in swedish.subject
    assert str(_vevent(swedish)["summary"]) == "Temadag: ungas sysselsättning"
    assert "Teemapäivä" in finnish.subject
    assert swedish.body != finnish.body
    with translation.override("sv"):
        expected = emails.registration_message(Registration.objects.get(email="sv@example.fi"), "confirmed")
    assert swedish.subject == expected.subject


def test_waiting_promoted_and_cancelled_mails(django_capture_on_commit_callbacks: Any) -> None:
    _organiser, event = organiser_and_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, email="eka@example.fi")
        register(event, email="toka@example.fi")
    assert [m.to[0] for m in mail.outbox] == ["eka@example.fi", "toka@example.fi"]
    waiting_mail = mail.outbox[1]
    assert waiting_mail.subject != mail.outbox[0].subject
    assert "1" in waiting_mail.body  # the place in the queue
    # In the waiting person's calendar the event is tentative (as in their own feed).
    assert str(_vevent(waiting_mail)["status"]) == "TENTATIVE"
    assert str(_vevent(waiting_mail)["uid"]) == f"{event.uuid}@verkosto"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.registration_cancel(registration=first)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"eka@example.fi", "toka@example.fi"}
    cancelled = _vevent(by_address["eka@example.fi"])
    assert str(cancelled["status"]) == "CANCELLED"
    assert str(cancelled["uid"]) == f"{event.uuid}@verkosto"
    assert str(_vevent(by_address["toka@example.fi"])["status"]) == "CONFIRMED"
    # No link to cancel what is already cancelled.
    assert f"/events/registration/{first.token}/" not in by_address["eka@example.fi"].body


def test_nothing_is_mailed_before_commit_or_after_a_refusal(django_capture_on_commit_callbacks: Any) -> None:
    _organiser, event = organiser_and_event(status=Event.Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Exception):  # noqa: B017
        register(event)
    assert callbacks == [] and mail.outbox == []
    _organiser, open_event = organiser_and_event()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(open_event)
    assert len(callbacks) == 1 and mail.outbox == []


def test_a_change_of_the_event_reaches_attending_and_waiting_people(
    django_capture_on_commit_callbacks: Any,
) -> None:
    _organiser, event = organiser_and_event(capacity=1)
    register(event, email="paikka@example.fi")
    register(event, email="jono@example.fi", language="sv")
    gone = register(event, email="pois@example.fi")
    service.registration_cancel(registration=gone)
    # As the event service does: the status changes, SEQUENCE rises, then everyone is told.
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED, sequence=3)
    event.refresh_from_db()
    assert emails.send_event_changed(event) == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"paikka@example.fi", "jono@example.fi"}
    for message in by_address.values():
        vevent = _vevent(message)
        assert int(vevent["sequence"]) == 3
        assert str(vevent["status"]) == "CANCELLED"
        assert str(vevent["uid"]) == f"{event.uuid}@verkosto"
    with translation.override("sv"):
        expected = emails.registration_message(Registration.objects.get(email="jono@example.fi"), "changed")
    assert by_address["jono@example.fi"].subject == expected.subject


def test_no_address_no_mail() -> None:
    organiser, event = organiser_and_event()
    walk_in = service.registration_add_walk_in(actor=organiser, event=event, name="Kävijä")
    assert emails.send_registration_email(walk_in, "confirmed") is False
    assert emails.mail_registration.call(registration_id=walk_in.pk + 1000, kind="confirmed") == 0
    assert mail.outbox == []
    with pytest.raises(ValueError, match="unknown kind"):
        emails.registration_message(walk_in, "nonsense")
