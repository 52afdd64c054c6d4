"""Every write to the directory: permission check, validation, the change, its audit entry and the
search index refresh, all in one transaction. Views, forms, the admin and importers call these."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.accounts import permissions
from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.core.models import Municipality, Region

from .models import ContactPerson, Organisation, Service
from .search import search_index_organisation, search_index_services
from .validators import normalise_business_id

ORGANISATION_M2M = ("municipalities", "regions", "languages")
SERVICE_M2M = ("target_groups", "ways_of_working", "languages", "municipalities")


def _split(fields: dict[str, Any], m2m: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    plain = {k: v for k, v in fields.items() if k not in m2m}
    relations = {k: list(v) for k, v in fields.items() if k in m2m}
    return plain, relations


def _apply(instance: Any, plain: dict[str, Any], relations: dict[str, Any]) -> None:
    for key, value in plain.items():
        setattr(instance, key, value)
    if plain.get("business_id"):
        instance.business_id = normalise_business_id(plain["business_id"])
    instance.full_clean()
    instance.save()
    for key, values in relations.items():
        getattr(instance, key).set(values)


def _stored(instance: Any, m2m: tuple[str, ...] = ()) -> dict[str, str]:
    """The instance as the database holds it: a form may already have changed the object."""
    return snapshot(type(instance).objects.get(pk=instance.pk), m2m)


def _region_ids(municipalities: Iterable[Municipality], regions: Iterable[Region]) -> set[int]:
    return {m.region_id for m in municipalities} | {r.pk for r in regions}


@transaction.atomic
def organisation_create(*, actor: Any, **fields: Any) -> Organisation:
    plain, relations = _split(fields, ORGANISATION_M2M)
    regions = _region_ids(relations.get("municipalities", []), relations.get("regions", []))
    if not permissions.can_create_organisation(actor, regions):
        raise PermissionDenied(_("You may not add organisations in these regions."))
    organisation = Organisation()
    _apply(organisation, plain, relations)
    audit_record(
        actor=actor,
        action="create",
        instance=organisation,
        changes=diff({}, snapshot(organisation, ORGANISATION_M2M)),
    )
    search_index_organisation(organisation)
    return organisation


@transaction.atomic
def organisation_update(*, actor: Any, organisation: Organisation, **fields: Any) -> Organisation:
    if not permissions.can_edit_organisation(actor, organisation):
        raise PermissionDenied(_("You may not edit this organisation."))
    before = _stored(organisation, ORGANISATION_M2M)
    plain, relations = _split(fields, ORGANISATION_M2M)
    _apply(organisation, plain, relations)
    # An editor or coordinator must not move an organisation out of their own reach by accident.
    if not permissions.can_edit_organisation(actor, organisation):
        raise PermissionDenied(_("After this change you could no longer edit the organisation."))
    changes = diff(before, snapshot(organisation, ORGANISATION_M2M))
    if changes:
        audit_record(actor=actor, action="update", instance=organisation, changes=changes)
    search_index_organisation(organisation)
    return organisation


def _check_service_scope(actor: Any, organisation: Organisation) -> None:
    if not permissions.can_edit_organisation(actor, organisation):
        raise PermissionDenied(_("You may not edit the services of this organisation."))


def _check_contact(contact: ContactPerson | None, organisation: Organisation) -> None:
    if contact is not None and contact.organisation_id != organisation.pk:
        raise ValidationError({"contact": _("The contact person must belong to the same organisation.")})


@transaction.atomic
def service_create(*, actor: Any, organisation: Organisation, **fields: Any) -> Service:
    _check_service_scope(actor, organisation)
    _check_contact(fields.get("contact"), organisation)
    plain, relations = _split(fields, SERVICE_M2M)
    service = Service(organisation=organisation)
    _apply(service, plain, relations)
    audit_record(
        actor=actor, action="create", instance=service, changes=diff({}, snapshot(service, SERVICE_M2M))
    )
    search_index_services([service.pk])
    return service


@transaction.atomic
def service_update(*, actor: Any, service: Service, **fields: Any) -> Service:
    _check_service_scope(actor, service.organisation)
    _check_contact(fields.get("contact", service.contact), service.organisation)
    if "organisation" in fields and fields["organisation"] != service.organisation:
        raise ValidationError({"organisation": _("A service cannot be moved to another organisation.")})
    before = _stored(service, SERVICE_M2M)
    plain, relations = _split(fields, SERVICE_M2M)
    _apply(service, plain, relations)
    changes = diff(before, snapshot(service, SERVICE_M2M))
    if changes:
        audit_record(actor=actor, action="update", instance=service, changes=changes)
    search_index_services([service.pk])
    return service


@transaction.atomic
def service_delete(*, actor: Any, service: Service) -> None:
    _check_service_scope(actor, service.organisation)
    audit_record(actor=actor, action="delete", instance=service, changes={})
    service.delete()


@transaction.atomic
def contact_create(*, actor: Any, organisation: Organisation, **fields: Any) -> ContactPerson:
    _check_service_scope(actor, organisation)
    contact = ContactPerson(organisation=organisation)
    _apply(contact, fields, {})
    audit_record(actor=actor, action="create", instance=contact, changes=diff({}, snapshot(contact)))
    return contact


@transaction.atomic
def contact_update(*, actor: Any, contact: ContactPerson, **fields: Any) -> ContactPerson:
    _check_service_scope(actor, contact.organisation)
    before = _stored(contact)
    _apply(contact, fields, {})
    changes = diff(before, snapshot(contact))
    if changes:
        audit_record(actor=actor, action="update", instance=contact, changes=changes)
    return contact
