"""Organisations, services and contact people: who does what, where, for whom."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality, Region

from .validators import validate_business_id


class TargetGroup(models.Model):
    """A managed list: whom a service is for."""

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name


class WayOfWorking(models.Model):
    """A managed list: how a service meets its clients (individual, group, outreach...)."""

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("way of working")
        verbose_name_plural = _("ways of working")

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language a service or organisation works in; `code` is a BCP 47 tag (fi, sv, se, fse...)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        YOUTH_WORKSHOP = "youth_workshop", _("youth workshop")
        OUTREACH_YOUTH_WORK = "outreach_youth_work", _("outreach youth work")
        SUPPORTED_EMPLOYMENT = "supported_employment", _("supported employment")
        ASSOCIATION = "association", _("association")
        FOUNDATION = "foundation", _("foundation")
        MUNICIPAL_EMPLOYMENT = "municipal_employment", _("municipal employment service")
        EMPLOYMENT_OFFICE = "employment_office", _("TE / employment office")
        TYP = "typ", _("TYP (multisectoral joint service)")
        OHJAAMO = "ohjaamo", _("Ohjaamo")
        EDUCATION = "education", _("educational institution")
        SOCIAL_HEALTH = "social_health", _("social and health services")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    uuid = models.UUIDField(_("stable identifier"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    business_id = models.CharField(
        _("business ID (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("For example 1234567-8. Leave empty if the organisation has none."),
    )
    description = models.TextField(_("description"), blank=True, max_length=5000)
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="organisations", verbose_name=_("municipalities served")
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="organisations", verbose_name=_("regions served")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("languages")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    state_aid = models.BooleanField(
        _("state-aid recipient"), default=False, help_text=_("Receives a state grant (valtionavustus).")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are visible only to editors.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["business_id"], condition=~Q(business_id=""), name="organisation_business_id_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """A person behind a service ("the faces"). Shown publicly only where the person agreed."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("shown publicly"), default=False, help_text=_("Only if the person has agreed to it.")
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    uuid = models.UUIDField(_("stable identifier"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="services", verbose_name=_("target groups")
    )
    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    ways_of_working = models.ManyToManyField(
        WayOfWorking, blank=True, related_name="services", verbose_name=_("ways of working")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="services", verbose_name=_("languages")
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="services", verbose_name=_("area served")
    )
    referral = models.TextField(_("how to refer a client"), blank=True, max_length=2000)
    cost = models.CharField(_("cost"), max_length=300, blank=True)
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("contact person"),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are visible only to editors.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                name="service_age_range_ordered",
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_min__lte=F("age_max")),
                violation_error_message=_("The minimum age must not exceed the maximum age."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.is_published and self.organisation.is_published


class ServiceSearchEntry(models.Model):
    """Normalised search terms of one public service; the full-text index is built over this.

    On SQLite an FTS5 table mirrors this table through triggers; on PostgreSQL a GIN index covers
    a tsvector of the same columns (see migrations). `facets` holds one token per facet value
    (r12, m205, kyouth_workshop, t3, w2, lfi) so that filtering and facet counting ride on the
    same index lookup.
    """

    service = models.OneToOneField(Service, on_delete=models.CASCADE, primary_key=True, related_name="+")
    names = models.TextField()
    body = models.TextField()
    facets = models.TextField()
    sort_name = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.sort_name


class SearchIndexState(models.Model):
    """One row whose token changes, in the same transaction, whenever the search index changes.

    Processes keep facet arrays in memory (see facetstore.py) and reload them when the token they
    loaded differs. A random token rather than a counter: a rolled-back change must not leave two
    different indexes with the same number.
    """

    token = models.CharField(max_length=32, default="")

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index state")

    def __str__(self) -> str:
        return self.token
