"""Silent signals (what a front-line worker noticed) and the themes they are grouped into.

A signal's text is stored only after scrubbing (`textanalytics.scrub`): the original is never
saved. Every signal belongs to at most one national theme (`theme`) and one theme of its region
(`regional_theme`); the grouping of both levels is recomputed in the background, and placement of a
new signal uses the last recomputation's model (`ThemeRun`). Coordinators' edits (a moved signal,
a renamed, merged or split theme) are facts that recomputation keeps.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation, TargetGroup

TEXT_MAX = 1000


class TextLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")


class Tag(models.Model):
    """A free keyword a worker adds to a signal, stored lower case."""

    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A group of signals about one matter, national (`region` empty) or of one region."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        MERGED = "merged", _("merged into another theme")
        DORMANT = "dormant", _("no current signals")

    uuid = models.UUIDField(_("stable identifier"), default=uuid.uuid4, unique=True, editable=False)
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="themes",
        verbose_name=_("region"),
        help_text=_("Empty for a national theme."),
    )
    language = models.CharField(_("language"), max_length=2, choices=TextLanguage.choices)
    # The most characteristic base-form words, best first, from the last recomputation.
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    # A coordinator's name for the theme; when set, recomputation never changes it.
    custom_label = models.CharField(_("name"), max_length=150, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=5000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    # Made by a coordinator (a split): kept even when recomputation finds no cluster for it.
    is_manual = models.BooleanField(_("made by a coordinator"), default=False)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Published themes are shown to every signed-in worker.")
    )
    signal_count = models.PositiveIntegerField(_("signals"), default=0)
    first_observed_on = models.DateField(_("first signal"), null=True, blank=True)
    last_observed_on = models.DateField(_("latest signal"), null=True, blank=True)
    bulletins = models.ManyToManyField(
        "networks.Bulletin", blank=True, related_name="themes", verbose_name=_("bulletins")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-signal_count", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        indexes = [models.Index(fields=["region", "language", "status"])]
        constraints = [
            models.CheckConstraint(
                name="theme_merged_has_target",
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                violation_error_message=_("A merged theme must name the theme it was merged into."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.custom_label:
            return self.custom_label
        return ", ".join(self.keywords[:4]) if self.keywords else str(_("(unnamed theme)"))

    @property
    def is_national(self) -> bool:
        return self.region_id is None


class Signal(models.Model):
    """One observation of a front-line worker; the text is already scrubbed of personal data."""

    class Spread(models.TextChoices):
        ONE = "one", _("one case")
        SEVERAL = "several", _("several cases")
        MANY = "many", _("many cases")

    class Source(models.TextChoices):
        OWN = "own", _("my own observation")
        CLIENTS = "clients", _("clients told")
        PARTNERS = "partners", _("partners told")

    class Entry(models.TextChoices):
        SINGLE = "single", _("filed one by one")
        BULK = "bulk", _("entered in bulk")
        IMPORT = "import", _("imported from a spreadsheet")

    uuid = models.UUIDField(_("stable identifier"), default=uuid.uuid4, unique=True, editable=False)
    text = models.TextField(_("what you noticed"), max_length=TEXT_MAX)
    language = models.CharField(
        _("language"), max_length=2, choices=TextLanguage.choices, default=TextLanguage.FINNISH
    )
    observed_on = models.DateField(_("date observed"), db_index=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="signals", verbose_name=_("municipality")
    )
    # The municipality's region, stored so that counting by region needs no join.
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="signals", verbose_name=_("region")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="signals", verbose_name=_("target groups")
    )
    spread = models.CharField(_("how widespread"), max_length=10, choices=Spread.choices, default=Spread.ONE)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.OWN)
    tags = models.ManyToManyField(Tag, blank=True, related_name="signals", verbose_name=_("tags"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("filed by"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("organisation"),
    )
    entry = models.CharField(_("entered"), max_length=10, choices=Entry.choices, default=Entry.SINGLE)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("national theme"),
    )
    regional_theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regional_signals",
        verbose_name=_("regional theme"),
    )
    # Set when a coordinator moved the signal by hand: recomputation leaves it where it was put.
    theme_pinned = models.BooleanField(default=False)
    regional_theme_pinned = models.BooleanField(default=False)
    # Cosine similarity to the centre of its theme (national, regional) when placed: ranks the
    # representative signals of a theme.
    theme_similarity = models.FloatField(null=True, blank=True)
    regional_theme_similarity = models.FloatField(null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-observed_on", "-pk"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        indexes = [
            models.Index(fields=["region", "observed_on"]),
            models.Index(fields=["theme", "observed_on"]),
            models.Index(fields=["regional_theme", "observed_on"]),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class KeywordCount(models.Model):
    """How often a base-form keyword occurs in a region's signals of one month.

    `tf` counts occurrences, `df` the signals that contain it; maintained on every signal write
    (`observations.keywords`), so that emergence measures never re-read signal texts.
    """

    term = models.CharField(max_length=80)
    language = models.CharField(max_length=2, choices=TextLanguage.choices)
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the month
    tf = models.PositiveIntegerField(default=0)
    df = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language", "region", "month"], name="keywordcount_unique"
            )
        ]
        indexes = [models.Index(fields=["month", "term"])]

    def __str__(self) -> str:
        return f"{self.term} {self.region_id} {self.month:%Y-%m}: {self.tf}/{self.df}"


class ThemeRun(models.Model):
    """One recomputation of the themes of one scope (national or a region) and language.

    `model` holds what placement needs between runs (the fitted feature pipeline and theme
    centres), serialised by `observations.themes`; only the latest finished run's is used.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    language = models.CharField(_("language"), max_length=2, choices=TextLanguage.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    signal_count = models.PositiveIntegerField(default=0)
    theme_count = models.PositiveIntegerField(default=0)
    # How the run matched its clusters to earlier themes: {"kept": n, "new": n, "dormant": n}.
    stats = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    model = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("theme recomputation")
        verbose_name_plural = _("theme recomputations")
        indexes = [models.Index(fields=["region", "language", "status"])]

    def __str__(self) -> str:
        return f"{self.region or 'national'} {self.language} {self.status}"


class ThemeComment(models.Model):
    """A coordinator's note on a theme, seen by whoever may see the theme's signals."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class Escalation(models.Model):
    """A regional coordinator raises a theme to the national level, with a summary."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        CLOSED = "closed", _("closed")

    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="escalations", verbose_name=_("theme")
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region"))
    summary = models.TextField(_("summary"), max_length=5000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("escalated by"),
    )
    created_at = models.DateTimeField(_("escalated"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.OPEN)
    response = models.TextField(_("national response"), blank=True, max_length=5000)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        constraints = [
            # One escalation of a theme from a region is being handled at a time (open or
            # acknowledged); once it is closed, the region may raise the theme again.
            models.UniqueConstraint(
                fields=["theme", "region"],
                condition=~Q(status="closed"),
                name="escalation_one_open_per_theme_region",
                violation_error_message=_(
                    "This theme has already been escalated from this region and is still being handled."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme} ({self.region})"
