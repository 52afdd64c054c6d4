"""E-mail to registered people: confirmation, waiting list, promotion, cancellation, and a change
of the event (time, place or status). Plain text, in the registration's language, with the event
as an iCalendar attachment so that a calendar application can add or update it (the event's UID
stays the same; its SEQUENCE rises with every change participants must see).

The services send nothing themselves: they enqueue `mail_registration` on commit, so a refused or
rolled-back registration never mails anyone, and a page never waits on the mail server.
"""

from __future__ import annotations

from email.mime.text import MIMEText

import icalendar
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from verkosto.interchange.ical import calendar_bytes, event_location

from .models import Event, Registration
from .registration import waiting_position

KINDS = ("confirmed", "waiting", "promoted", "cancelled", "changed")
CALENDAR_CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=utf-8"
CALENDAR_FILE_NAME = "event.ics"


def site_url() -> str:
    # E-mail needs absolute links; there is no request to take the host from (as in the digests).
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")


def registration_url(registration: Registration) -> str:
    return site_url() + reverse("events:registration", args=[registration.token])


def event_url(event: Event) -> str:
    return site_url() + reverse("events:detail", args=[event.uuid])


def calendar_attachment(
    event: Event, *, waiting: bool = False, cancelled_for_person: bool = False
) -> MIMEText:
    """The event as a `text/calendar` attachment, as the person's own calendar feed shows it:
    TENTATIVE and marked in the summary while they wait. For someone who cancelled, the copy says
    CANCELLED so that their calendar application takes the event off (same UID and SEQUENCE)."""
    waiting_ids = {event.pk} if waiting else set()
    data = calendar_bytes([event], name=event.title, base_url=site_url(), waiting_ids=waiting_ids)
    if cancelled_for_person:
        calendar = icalendar.Calendar.from_ical(data)
        for component in calendar.walk("VEVENT"):
            component["status"] = icalendar.vText("CANCELLED")
        data = calendar.to_ical()
    part = MIMEText(data.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename=CALENDAR_FILE_NAME)
    return part


def _subject(kind: str, event: Event) -> str:
    title = event.title
    if kind == "confirmed":
        return _("Registration confirmed: %(title)s") % {"title": title}
    if kind == "waiting":
        return _("You are on the waiting list: %(title)s") % {"title": title}
    if kind == "promoted":
        return _("A place opened for you: %(title)s") % {"title": title}
    if kind == "cancelled":
        return _("Registration cancelled: %(title)s") % {"title": title}
    if event.status == Event.Status.CANCELLED:
        return _("The event has been cancelled: %(title)s") % {"title": title}
    if event.status == Event.Status.POSTPONED:
        return _("The event has been postponed: %(title)s") % {"title": title}
    return _("The event has changed: %(title)s") % {"title": title}


def registration_message(registration: Registration, kind: str) -> EmailMessage:
    """The message for one registration, built in the registration's language."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of registration e-mail: {kind}")
    event = registration.event
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "title": event.title,
            "location": event_location(event),
            "position": waiting_position(registration) if kind != "cancelled" else None,
            "registration_url": registration_url(registration),
            "event_url": event_url(event),
            "may_cancel": kind != "cancelled" and registration.status != Registration.Status.CANCELLED,
        }
        body = render_to_string("events/emails/registration.txt", context)
        subject = _subject(kind, event)
        attachment = calendar_attachment(
            event,
            waiting=registration.status == Registration.Status.WAITING,
            cancelled_for_person=kind == "cancelled",
        )
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    message.attach(attachment)
    return message


def send_registration_email(registration: Registration, kind: str) -> bool:
    """Sends one e-mail now; False when the registration has no address."""
    if not registration.email:
        return False
    registration_message(registration, kind).send()
    return True


@task()
def mail_registration(registration_id: int, kind: str) -> int:
    """The background form of `send_registration_email` (plain JSON arguments); returns 1 if sent."""
    registration = (
        Registration.objects.select_related("event", "event__municipality", "organisation")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return 0
    return int(send_registration_email(registration, kind))


def send_event_changed(event: Event) -> int:
    """Tells everyone attending or waiting that the event's time, place or status changed (its
    cancellation included). Call it after the change is committed. One task per person; returns
    how many were enqueued."""
    ids = list(
        Registration.objects.filter(
            event_id=event.pk, status__in=(Registration.Status.ATTENDING, Registration.Status.WAITING)
        )
        .exclude(email="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in ids:
        mail_registration.enqueue(registration_id=pk, kind="changed")
    return len(ids)
