"""Recording changes: services call `audit_record` inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditEntry

# Bookkeeping columns that change on every save and say nothing about what the user changed.
IGNORED = frozenset({"created_at", "updated_at"})


def _as_text(value: Any) -> str:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple | set):
        return ", ".join(sorted(_as_text(v) for v in value))
    return "" if value is None else str(value)


def snapshot(instance: models.Model, m2m: tuple[str, ...] = ()) -> dict[str, str]:
    """The instance's concrete field values (and named many-to-many ids) as strings."""
    data = {
        field.attname: _as_text(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
        if field.attname not in IGNORED
    }
    if instance.pk:
        for name in m2m:
            data[name] = _as_text(list(getattr(instance, name).values_list("pk", flat=True)))
    return data


def diff(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k, "") != v}


def audit_record(
    *,
    actor: Any,
    action: str,
    instance: models.Model,
    changes: dict[str, list[str]] | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes or {},
    )
