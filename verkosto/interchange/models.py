"""What the data exchange keeps between requests: an uploaded table waiting for its preview to be
accepted. Only the parsed cells are kept, never resolved objects: applying plans them again."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TabularImport(models.Model):
    """One uploaded CSV or XLSX file of organisations and services, owned by the user who sent it.

    Lives from the upload to the apply click (at most `tabular_import.IMPORT_TTL`); expired rows are
    deleted at the next upload. `applied_at` is set in the same transaction as the changes, so that
    one file cannot be applied twice.
    """

    token = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    file_name = models.CharField(_("file name"), max_length=255)
    # Column names as in the file's first row, and [row number, [cells]] for every non-empty row.
    header = models.JSONField(_("header"), default=list)
    rows = models.JSONField(_("rows"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("uploaded import file")
        verbose_name_plural = _("uploaded import files")

    def __str__(self) -> str:
        return self.file_name
