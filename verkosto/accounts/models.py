"""Users and role assignments. A person may hold several roles at once."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Roles are separate rows so one person can hold many."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class RoleAssignment(models.Model):
    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        NATIONAL_COORDINATOR = "national_coordinator", _("national coordinator")
        REGIONAL_COORDINATOR = "regional_coordinator", _("regional coordinator")
        ORGANISATION_EDITOR = "organisation_editor", _("organisation editor")
        # A person of an organisation: takes part in its networks, edits nothing in the directory.
        ORGANISATION_MEMBER = "organisation_member", _("organisation member")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    region = models.ForeignKey(
        "core.Region", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("region")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("organisation"),
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            # The scope a role needs is present, and no other scope is.
            models.CheckConstraint(
                name="role_scope_matches_role",
                condition=(
                    Q(role="regional_coordinator", region__isnull=False, organisation__isnull=True)
                    | Q(
                        role__in=["organisation_editor", "organisation_member"],
                        organisation__isnull=False,
                        region__isnull=True,
                    )
                    # A national coordinator may name their organisation (e.g. the workshop
                    # association): they then coordinate the networks that organisation runs.
                    | Q(role="national_coordinator", region__isnull=True)
                    | Q(role="administrator", region__isnull=True, organisation__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "region", "organisation"], name="role_assignment_unique"
            ),
        ]

    def __str__(self) -> str:
        scope = self.region or self.organisation or ""
        return f"{self.user}: {self.get_role_display()} {scope}".strip()
