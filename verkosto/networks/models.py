"""Networks and their life: members, coordinators, peer groups, bulletins, threads, work log."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation


class Network(models.Model):
    class Kind(models.TextChoices):
        YOUTH_WORKSHOPS = "youth_workshops", _("youth workshops (ALU)")
        OUTREACH = "outreach_youth_work", _("outreach youth work")
        SUPPORTED_EMPLOYMENT = "supported_employment", _("supported employment")
        EMPLOYMENT_ACTORS = "employment_actors", _("employment actors")
        LOCAL_COORDINATION = "local_coordination", _("local coordination project")
        OTHER = "other", _("other")

    class WorkingLanguage(models.TextChoices):
        FINNISH = "fi", _("Finnish")
        SWEDISH = "sv", _("Swedish")
        BILINGUAL = "fi-sv", _("Finnish and Swedish")

    uuid = models.UUIDField(_("stable identifier"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    language = models.CharField(
        _("working language"), max_length=5, choices=WorkingLanguage.choices, default=WorkingLanguage.FINNISH
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="networks", verbose_name=_("regions covered")
    )
    description = models.TextField(_("description"), blank=True, max_length=5000)
    coordinating_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_networks",
        verbose_name=_("national coordinating organisation"),
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_networks",
        verbose_name=_("coordinators"),
    )
    is_public = models.BooleanField(
        _("public page"), default=True, help_text=_("Otherwise only members see the network's page.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """An organisation's membership of a network, from `joined_on` until `left_on` (if it left)."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="network_memberships"
    )
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        ordering = ["network", "organisation__name_fi"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                name="membership_leaves_after_joining",
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                violation_error_message=_("The leaving date cannot be before the joining date."),
            ),
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=Q(left_on__isnull=True),
                name="membership_one_current_per_organisation",
                violation_error_message=_("This organisation is already a member of the network."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.network}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class PeerGroup(models.Model):
    """A smaller group inside a network: work coaches, individual coaches, managers..."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="peer_groups")
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="peer_groups", verbose_name=_("members")
    )

    class Meta:
        ordering = ["network", "name_fi"]
        verbose_name = _("peer group")
        verbose_name_plural = _("peer groups")
        constraints = [
            models.UniqueConstraint(fields=["network", "name_fi"], name="peer_group_name_unique_in_network")
        ]

    def __str__(self) -> str:
        return self.name


class Bulletin(models.Model):
    """A piece of news for chosen readers. Audience: everyone in every network, chosen networks,
    the networks of chosen regions, one peer group, or the national level (sent up by a region)."""

    class Audience(models.TextChoices):
        ALL_NETWORKS = "all", _("all networks")
        NETWORKS = "networks", _("chosen networks")
        REGIONS = "regions", _("networks of chosen regions")
        PEER_GROUP = "peer_group", _("one peer group")
        NATIONAL = "national", _("the national level")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="bulletins"
    )
    source_network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_bulletins",
        verbose_name=_("sent from network"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    networks = models.ManyToManyField(
        Network, blank=True, related_name="bulletins", verbose_name=_("networks")
    )
    regions = models.ManyToManyField(Region, blank=True, related_name="bulletins", verbose_name=_("regions"))
    peer_group = models.ForeignKey(
        PeerGroup,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bulletins",
        verbose_name=_("peer group"),
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        constraints = [
            models.CheckConstraint(
                name="bulletin_peer_group_audience_has_group",
                condition=~Q(audience="peer_group") | Q(peer_group__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.title


class BulletinRead(models.Model):
    """A reader has seen a bulletin (no row: unread)."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bulletin_reads"
    )
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bulletin", "user"], name="bulletin_read_once")]

    def __str__(self) -> str:
        return f"{self.user} read {self.bulletin}"


class DigestPreference(models.Model):
    class Frequency(models.TextChoices):
        NEVER = "never", _("no e-mail")
        DAILY = "daily", _("daily")
        WEEKLY = "weekly", _("weekly")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest")
    frequency = models.CharField(
        _("e-mail digest"), max_length=10, choices=Frequency.choices, default="never"
    )
    # The language of the page where the person chose the digest: the digest is written in it.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="fi")
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class Thread(models.Model):
    """A discussion in a network, or in one of its peer groups. Members only."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="threads")
    peer_group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField(null=True, blank=True, db_index=True)
    followers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="followed_threads")

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=10000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.thread}: {self.body[:40]}"


class WorkLogEntry(models.Model):
    """A coordinator's meeting, visit or trip: the base of coverage ("regional equality")."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("network meeting")
        VISIT = "visit", _("visit to a member")
        TRIP = "trip", _("trip")
        EVENT = "event", _("event")
        OTHER = "other", _("other")

    class Mode(models.TextChoices):
        FACE_TO_FACE = "face_to_face", _("face to face")
        ONLINE = "online", _("online")

    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="work_log"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="work_log")
    date = models.DateField(_("date"), db_index=True)
    days = models.PositiveSmallIntegerField(_("days"), default=1, help_text=_("Days away, for trips."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    mode = models.CharField(_("how"), max_length=20, choices=Mode.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="work_log_entries", verbose_name=_("member organisations met")
    )
    kilometres = models.DecimalField(_("kilometres travelled"), max_digits=7, decimal_places=1, default=0)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("work log entry")
        verbose_name_plural = _("work log entries")
        constraints = [
            models.CheckConstraint(name="work_log_days_positive", condition=Q(days__gte=1)),
            models.CheckConstraint(name="work_log_kilometres_not_negative", condition=Q(kilometres__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.place}"
