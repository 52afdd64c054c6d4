"""Feedback after an event: the request e-mails, the form behind each person's token link, and
the organiser's summary.

- `feedback_request_send` (organisers, after the start) e-mails the participants: those marked
  present or, if attendance was never marked, everyone attending. Nobody gets a second request:
  each request is written in the audit log against the registration (there is no column for it)
  and those are left out next time, as are people who have answered already. The mails go out as
  a task after the transaction commits (`tasks.send_feedback_requests`), each in the
  registration's language. `send_event_feedback` (cron) does the same for events that ended one to
  seven days ago and have had no request yet.
- `feedback_give` saves one answer per registration. Free text is scrubbed of personal data
  before it is stored (`textanalytics.scrub`). Anonymous by default: then the Feedback row has no
  link to the registration, and only `registration.feedback_given` remembers that this person has
  answered. An anonymous answer is not written in the audit log either: an entry's time next to
  the row's time would tie the two together again.
- `feedback_summary` (organisers): count, answer rate, mean and distribution, and the free texts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from verkosto.core.audit import audit_record, diff
from verkosto.core.models import AuditEntry
from verkosto.textanalytics import scrub as scrubber

from . import permissions
from .attendance import attendance_was_marked, participants_of
from .models import Event, Feedback, Registration

ATTENDING = Registration.Status.ATTENDING
TEXT_MAX = 3000
RATINGS = (1, 2, 3, 4, 5)
# The audit-log key that records a feedback request sent to a registration.
REQUESTED = "feedback_requested"
# Events whose feedback the cron command requests: ended between these many days ago.
DUE_FROM = datetime.timedelta(days=1)
DUE_UNTIL = datetime.timedelta(days=7)


def _site_url() -> str:
    # E-mail needs absolute links; there is no request to take the host from.
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")


def _is_held(event: Event) -> bool:
    return event.status not in (Event.Status.DRAFT, Event.Status.CANCELLED)


def _has_started(event: Event, now: datetime.datetime | None = None) -> bool:
    return (now or timezone.now()) >= event.starts_at


# --- the request ---------------------------------------------------------------------------------


def _registration_type() -> str:
    return Registration._meta.label_lower


def feedback_requested_ids(event: Event) -> set[int]:
    """The registrations of the event that have been sent a request already."""
    ids = [str(pk) for pk in Registration.objects.filter(event=event).values_list("pk", flat=True)]
    if not ids:
        return set()
    rows = AuditEntry.objects.filter(
        object_type=_registration_type(), object_id__in=ids, changes__has_key=REQUESTED
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in rows}


def feedback_recipients(event: Event) -> QuerySet[Registration]:
    """Who is asked: the participants (see `attendance.participants_of`) with an e-mail address
    who have not answered yet and have not been asked before."""
    return (
        participants_of(event)
        .filter(feedback_given=False)
        .exclude(email="")
        .exclude(pk__in=feedback_requested_ids(event))
        .order_by("pk")
    )


def can_request_feedback(user: Any, event: Event) -> bool:
    return permissions.can_manage_event(user, event)


def feedback_request_send(*, actor: Any, event: Event) -> int:
    """E-mail the feedback link to the participants not asked yet; returns how many were asked.

    Refused: anyone but the organisers; a draft or cancelled event; before the event has started."""
    if not can_request_feedback(actor, event):
        raise PermissionDenied(_("Only the event's organisers may ask for feedback."))
    return _request(actor=actor, event=event)


@transaction.atomic
def _request(*, actor: Any, event: Event, only_if_never: bool = False) -> int:
    # The event's row lock keeps two requests at once (a click and the cron run) from both
    # picking the same people.
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not _is_held(event):
        raise ValidationError(
            _("Feedback is asked only after held events: this one is a draft or cancelled."), code="not_held"
        )
    if not _has_started(event):
        raise ValidationError(_("Feedback can be asked for once the event has started."), code="too_early")
    if only_if_never and event.feedback_requested_at is not None:
        return 0
    recipients = list(feedback_recipients(event))
    now = timezone.now()
    before = "" if event.feedback_requested_at is None else event.feedback_requested_at.isoformat()
    event.feedback_requested_at = now
    event.save(update_fields=["feedback_requested_at"])
    audit_record(
        actor=actor,
        action="update",
        instance=event,
        changes=diff({"feedback_requested_at": before}, {"feedback_requested_at": now.isoformat()}),
    )
    # One entry per person asked: the log says who was sent what, and is the memory that keeps
    # anyone from being asked twice. Written at once; the actor as audit_record would write it.
    author = actor if getattr(actor, "is_authenticated", False) else None
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=author,
            action="update",
            object_type=_registration_type(),
            object_id=str(registration.pk),
            object_repr=str(registration)[:300],
            changes={REQUESTED: ["", now.isoformat()]},
        )
        for registration in recipients
    )
    ids = [registration.pk for registration in recipients]
    if ids:
        from .tasks import send_feedback_requests

        transaction.on_commit(lambda: send_feedback_requests.enqueue(registration_ids=ids))
    return len(ids)


def events_due_for_feedback(*, now: datetime.datetime | None = None) -> QuerySet[Event]:
    """Held events that ended one to seven days ago and have had no feedback request."""
    now = now or timezone.now()
    return Event.objects.filter(
        status__in=[Event.Status.PUBLISHED, Event.Status.POSTPONED],
        ends_at__lte=now - DUE_FROM,
        ends_at__gte=now - DUE_UNTIL,
        feedback_requested_at__isnull=True,
    ).order_by("ends_at", "pk")


def feedback_request_due(*, event_id: int) -> int:
    """The cron run's request for one event (no actor: the system asks). Nothing if a request has
    gone out in the meantime."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None or not _is_held(event) or not _has_started(event):
        return 0
    return _request(actor=None, event=event, only_if_never=True)


def feedback_url(registration: Registration) -> str:
    return _site_url() + reverse("events:feedback", args=[registration.token])


def feedback_request_message(registration: Registration) -> EmailMultiAlternatives:
    """The request in the registration's language: the event, its date and the person's link."""
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = registration.event
        context = {
            "name": registration.name,
            "title": event.title,
            "day": timezone.localtime(event.starts_at).date(),
            "url": feedback_url(registration),
            "language": language,
        }
        subject = _("Verkosto: how was %(title)s?") % {"title": event.title}
        text = render_to_string("events/feedback/email/request.txt", context)
        html = render_to_string("events/feedback/email/request.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[registration.email])
    message.attach_alternative(html, "text/html")
    return message


def feedback_request_mails_send(*, registration_ids: Iterable[int]) -> int:
    """Send the requests (the task's work); people who answered meanwhile are skipped."""
    registrations = (
        Registration.objects.filter(pk__in=list(registration_ids), status=ATTENDING, feedback_given=False)
        .exclude(email="")
        .select_related("event")
        .order_by("pk")
    )
    sent = 0
    for registration in registrations:
        feedback_request_message(registration).send()
        sent += 1
    return sent


# --- giving feedback -----------------------------------------------------------------------------


def feedback_registration_get(*, token: str) -> Registration:
    """The registration behind a feedback link; 404 for an unknown token."""
    registration = Registration.objects.select_related("event").filter(token=token).first()
    if registration is None:
        raise Http404
    return registration


class State:
    OPEN = "open"
    GIVEN = "given"
    NOT_STARTED = "not_started"
    NOT_HELD = "not_held"
    NOT_ATTENDING = "not_attending"
    ABSENT = "absent"


def feedback_state(registration: Registration, *, now: datetime.datetime | None = None) -> str:
    """Whether this registration may answer now, and if not, why (one of `State`)."""
    event = registration.event
    if registration.feedback_given:
        return State.GIVEN
    if not _is_held(event):
        return State.NOT_HELD
    if registration.status != ATTENDING:
        return State.NOT_ATTENDING
    if not _has_started(event, now):
        return State.NOT_STARTED
    if registration.attended is False and attendance_was_marked(event):
        return State.ABSENT
    return State.OPEN


STATE_MESSAGES = {
    State.GIVEN: gettext_lazy("You have already given feedback on this event. Thank you!"),
    State.NOT_STARTED: gettext_lazy("Feedback can be given once the event has started."),
    State.NOT_HELD: gettext_lazy("This event was not held, so there is nothing to give feedback on."),
    State.NOT_ATTENDING: gettext_lazy("Feedback is given by the people who had a place at the event."),
    State.ABSENT: gettext_lazy("You were marked absent from this event, so you cannot give feedback on it."),
}


def state_message(state: str) -> str:
    return str(STATE_MESSAGES.get(state, ""))


def scrub_text(text: str, language: str) -> str:
    """Personal data out of a free-text answer, in the registration's language."""
    return scrubber.scrub((text or "").strip(), "sv" if language == "sv" else "fi").text


@transaction.atomic
def feedback_give(
    *,
    registration: Registration,
    rating: int,
    useful: str = "",
    next_wishes: str = "",
    anonymous: bool = True,
    actor: Any = None,
) -> Feedback:
    """Save a participant's feedback (the token link is their permission). Once per registration."""
    registration = Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    state = feedback_state(registration)
    if state != State.OPEN:
        raise ValidationError(state_message(state), code=state)
    errors: dict[str, str] = {}
    if rating not in RATINGS:
        errors["rating"] = _("Choose a rating from 1 to 5.")
    for field, text in (("useful", useful), ("next_wishes", next_wishes)):
        if len(text or "") > TEXT_MAX:
            errors[field] = _("At most %(max)d characters.") % {"max": TEXT_MAX}
    if errors:
        raise ValidationError(errors)
    feedback = Feedback(
        event=registration.event,
        registration=None if anonymous else registration,
        rating=rating,
        useful=scrub_text(useful, registration.language),
        next_wishes=scrub_text(next_wishes, registration.language),
    )
    feedback.full_clean()
    feedback.save()
    Registration.objects.filter(pk=registration.pk).update(feedback_given=True)
    registration.feedback_given = True
    if not anonymous:
        audit_record(
            actor=actor,
            action="create",
            instance=feedback,
            changes=diff({}, {"registration_id": str(registration.pk), "rating": str(rating)}),
        )
    return feedback


# --- the summary ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackAnswer:
    rating: int
    useful: str
    next_wishes: str
    created_at: datetime.datetime
    name: str  # empty for anonymous answers
    organisation: str


@dataclass(frozen=True)
class FeedbackSummary:
    """`attendees` are the event's participants (present, or attending if attendance was never
    marked: `attendance_marked` says which); `answer_rate` is answers / attendees (None without
    attendees); `mean` None without answers; `distribution` (rating, count) for 1..5."""

    event: Event
    answers: int
    attendees: int
    attendance_marked: bool
    mean: float | None
    distribution: list[tuple[int, int]]
    texts: list[FeedbackAnswer]

    @property
    def answer_rate(self) -> float | None:
        return self.answers / self.attendees if self.attendees else None

    @property
    def answer_percent(self) -> int | None:
        rate = self.answer_rate
        return None if rate is None else round(rate * 100)


def feedback_summary(*, user: Any, event: Event) -> FeedbackSummary:
    """The organiser's summary in three queries after the permission check (403 for others)."""
    if not permissions.can_manage_event(user, event):
        raise PermissionDenied
    rows = Feedback.objects.filter(event=event)
    figures = rows.aggregate(
        answers=Count("pk"),
        mean=Avg("rating"),
        **{f"r{rating}": Count("pk", filter=Q(rating=rating)) for rating in RATINGS},
    )
    people = Registration.objects.filter(event=event, status=ATTENDING).aggregate(
        attending=Count("pk"),
        present=Count("pk", filter=Q(attended=True)),
        marked=Count("pk", filter=Q(attended__isnull=False, is_walk_in=False)),
    )
    # As in attendance.participants_of, counted in the same query as the rest.
    marked = bool(people["marked"])
    attendees = people["present"] if marked else people["attending"]
    texts = [
        FeedbackAnswer(
            rating=row.rating,
            useful=row.useful,
            next_wishes=row.next_wishes,
            created_at=row.created_at,
            name=row.registration.name if row.registration is not None else "",
            organisation=row.registration.organisation_label if row.registration is not None else "",
        )
        for row in rows.filter(~Q(useful="") | ~Q(next_wishes=""))
        .select_related("registration__organisation")
        .order_by("-created_at", "-pk")
    ]
    mean = figures["mean"]
    return FeedbackSummary(
        event=event,
        answers=int(figures["answers"] or 0),
        attendees=attendees,
        attendance_marked=marked,
        mean=None if mean is None else float(mean),
        distribution=[(rating, int(figures[f"r{rating}"] or 0)) for rating in RATINGS],
        texts=texts,
    )


def feedback_open_for_user(*, user: Any, event: Event) -> Registration | None:
    """The logged-in user's registration if they may give feedback on the event now."""
    if not getattr(user, "is_authenticated", False) or not _has_started(event):
        return None
    registration = (
        Registration.objects.select_related("event")
        .filter(event=event, user=user, status=ATTENDING, feedback_given=False)
        .first()
    )
    if registration is None or feedback_state(registration) != State.OPEN:
        return None
    return registration
