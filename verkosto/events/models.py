"""Events: network meetings, theme days, webinars, partner visits, networking days and trainings,
with their programme, registration (capacity and waiting list), attendance, feedback and the
networking rounds of a networking day."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation
from verkosto.networks.models import Network


def new_token() -> str:
    """An unguessable token for links sent by e-mail (cancel, feedback) and calendar feeds."""
    return secrets.token_urlsafe(24)


class Event(models.Model):
    class Kind(models.TextChoices):
        NETWORK_MEETING = "network_meeting", _("network meeting")
        THEME_DAY = "theme_day", _("theme day")
        WEBINAR = "webinar", _("webinar")
        PARTNER_VISIT = "partner_visit", _("partner visit")
        NETWORKING_DAY = "networking_day", _("networking day")
        TRAINING = "training", _("training")
        NATIONAL_EVENT = "national_event", _("national event")

    class Audience(models.TextChoices):
        MEMBERS = "members", _("network members only")
        PUBLIC = "public", _("open to all")

    class Language(models.TextChoices):
        FINNISH = "fi", _("Finnish")
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")
        BILINGUAL = "fi-sv", _("Finnish and Swedish")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")
        POSTPONED = "postponed", _("postponed")

    uuid = models.UUIDField(_("stable identifier"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=10000)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    networks = models.ManyToManyField(
        Network, blank=True, related_name="events", verbose_name=_("organising networks")
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="organised_events", verbose_name=_("organising organisations")
    )
    regions = models.ManyToManyField(Region, blank=True, related_name="events", verbose_name=_("regions"))
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("e.g. the venue's name"))
    address = models.CharField(_("street address"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    online_url = models.URLField(_("online link"), blank=True, max_length=500)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default="members")
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default="fi")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Registration. No capacity: no limit. No window: open from publication until the start.
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    # Counts kept by the registration service under the event's row lock; never edited by hand.
    attending_count = models.PositiveIntegerField(_("attending"), default=0, editable=False)
    waiting_count = models.PositiveIntegerField(_("on the waiting list"), default=0, editable=False)
    # iCalendar SEQUENCE: raised on every change participants must see (time, place, status).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_events",
        verbose_name=_("created by"),
    )
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start",
                condition=Q(ends_at__gt=F("starts_at")),
                violation_error_message=_("The event must end after it starts."),
            ),
            models.CheckConstraint(
                name="event_registration_window_ordered",
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not (self.place or self.address or self.municipality_id)

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.attending_count)


class ProgrammeItem(models.Model):
    class Form(models.TextChoices):
        INFORMATION = "information", _("information")
        WORKSHOP = "workshop", _("workshop")
        DISCUSSION = "discussion", _("discussion")
        VISIT = "visit", _("visit")
        BREAK = "break", _("break")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    form = models.CharField(_("form"), max_length=15, choices=Form.choices, default=Form.INFORMATION)

    class Meta:
        ordering = ["event", "starts_at", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        constraints = [
            models.CheckConstraint(
                name="programme_item_ends_after_start",
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                violation_error_message=_("A programme item must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.title}"


class RegistrationQuestion(models.Model):
    """A question the organiser adds to the registration form (diet, accessibility needs...)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("free text")
        CHOICE = "choice", _("one of the choices")
        YES_NO = "yes_no", _("yes or no")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("choices"), blank=True, max_length=2000, help_text=_("One per line."))
    is_required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Registration(models.Model):
    """One person's place (or place in the queue) at an event.

    Attending and waiting registrations are counted on the event under its row lock; a cancelled
    registration stays as a row (with `cancelled_at`) so that nothing is lost. `waiting_since`
    orders the waiting list: the earliest is promoted first.
    """

    class Status(models.TextChoices):
        ATTENDING = "attending", _("attending")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    organisation_name = models.CharField(
        _("organisation (if not in the directory)"), max_length=200, blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Declared contacts: people at this event whom this person already knows (for networking rounds).
    known_people = models.ManyToManyField(
        "self", blank=True, symmetrical=True, verbose_name=_("people I know")
    )
    is_walk_in = models.BooleanField(_("walk-in"), default=False)
    attended = models.BooleanField(_("present"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    feedback_given = models.BooleanField(default=False, editable=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="fi")
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="registration_one_active_per_user",
                violation_error_message=_("You are already registered for this event."),
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(email="") & ~Q(status="cancelled"),
                name="registration_one_active_per_email",
                violation_error_message=_("This e-mail address is already registered for this event."),
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "waiting_since"], name="registration_queue")]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name


class Feedback(models.Model):
    """A participant's feedback. Anonymous by choice: then `registration` is empty and only the
    registration's `feedback_given` flag remembers that this person has answered."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    registration = models.OneToOneField(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("overall rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    useful = models.TextField(_("what was useful"), blank=True, max_length=3000)
    next_wishes = models.TextField(_("what next"), blank=True, max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "-created_at", "pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(name="feedback_rating_1_to_5", condition=Q(rating__gte=1, rating__lte=5))
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.rating}"


class NetworkingPlan(models.Model):
    """The rounds of a networking day: R rounds of tables of `table_size` people."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="networking_plan")
    rounds = models.PositiveSmallIntegerField(
        _("rounds"), validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    table_size = models.PositiveSmallIntegerField(
        _("people per table"), validators=[MinValueValidator(2), MaxValueValidator(12)]
    )
    minutes_per_round = models.PositiveSmallIntegerField(_("minutes per round"), default=10)
    seed = models.PositiveIntegerField(default=0)
    repeated_pairs = models.PositiveIntegerField(default=0, editable=False)
    known_pairs = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("networking plan")
        verbose_name_plural = _("networking plans")

    def __str__(self) -> str:
        return f"{self.event}: {self.rounds} × {self.table_size}"


class Seat(models.Model):
    plan = models.ForeignKey(NetworkingPlan, on_delete=models.CASCADE, related_name="seats")
    round = models.PositiveSmallIntegerField(_("round"))
    table = models.PositiveSmallIntegerField(_("table"))
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="seats")

    class Meta:
        ordering = ["plan", "round", "table", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "round", "registration"], name="seat_once_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.round}/{self.table}: {self.registration_id}"


class CalendarToken(models.Model):
    """The secret in a person's own calendar feed address (calendar apps cannot log in)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar of {self.user}"
