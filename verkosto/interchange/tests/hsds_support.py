"""Test support for the HSDS tests: a fully populated directory, and validators over the official
schemas in ../shared/hsds (compiled and canonical), which the tests skip without."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from verkosto.directory.models import (
    ContactPerson,
    Language,
    Organisation,
    Service,
    TargetGroup,
    WayOfWorking,
)
from verkosto.directory.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ServiceFactory,
    municipality,
    region,
)

SHARED = Path(settings.BASE_DIR).parent / "shared" / "hsds"
needs_shared = pytest.mark.skipif(
    not (SHARED / "schema" / "compiled").is_dir(),
    reason="../shared/hsds (the official HSDS schemas and examples) is not beside the checkout",
)
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


@cache
def _shared_registry() -> Registry:
    base = "https://hsds.test/schema/"
    resources = [
        (
            base + path.name,
            Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012),
        )
        for path in (SHARED / "schema").glob("*.json")
    ]
    return Registry().with_resources(resources)


def compiled_errors(document: Any, name: str) -> list[str]:
    """Why `document` fails ../shared/hsds/schema/compiled/<name>.json (draft 2020-12, formats on)."""
    schema = json.loads((SHARED / "schema" / "compiled" / f"{name}.json").read_text())
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def canonical_errors(document: Any, name: str) -> list[str]:
    """Why `document` fails the canonical ../shared/hsds/schema/<name>.json (for kinds with no
    compiled schema: taxonomy, taxonomy_term)."""
    validator = Draft202012Validator(
        {"$ref": f"https://hsds.test/schema/{name}.json"},
        registry=_shared_registry(),
        format_checker=FormatChecker(),
    )
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def page_errors(document: Any, item_schema: str | None, *, full_items: str | None = None) -> list[str]:
    """A list page: the wrapper against the Page schema of the official OpenAPI description, every
    page key present, and each item against a compiled list-item schema (and a full schema)."""
    openapi = json.loads((SHARED / "schema" / "openapi.json").read_text())
    page_schema = openapi["components"]["schemas"]["Page"]
    errors = [
        f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in Draft202012Validator(page_schema, format_checker=FormatChecker()).iter_errors(document)
    ]
    errors += [f"missing page key {key}" for key in sorted(PAGE_KEYS - set(document))]
    for i, item in enumerate(document.get("contents", [])):
        if item_schema:
            errors += [f"/contents/{i}{e}" for e in compiled_errors(item, item_schema)]
        if full_items:
            errors += [f"/contents/{i}{e}" for e in compiled_errors(item, full_items)]
    return errors


def example(name: str) -> Any:
    return json.loads((SHARED / "examples" / f"{name}.json").read_text())


@dataclass
class Directory:
    organisation: Organisation
    service: Service
    contact: ContactPerson
    hidden_contact: ContactPerson
    draft_service: Service
    draft_organisation: Organisation


def full_directory() -> Directory:
    """An organisation and a service with every field we publish filled, plus things we must not
    publish: a private contact, a draft service, a draft organisation with a published service."""
    kajaani, sotkamo = municipality("Kajaani"), municipality("Sotkamo")
    organisation = OrganisationFactory(
        name_fi="Kajaanin Nuorisopaja ry",
        name="Kajaanin Nuorisopaja ry",
        name_sv="Kajana ungdomsverkstad rf",
        name_en="Kajaani Youth Workshop",
        kind=Organisation.Kind.YOUTH_WORKSHOP,
        business_id="0201256-6",
        description_fi="Työpajatoimintaa nuorille.",
        description_sv="Verkstadsverksamhet för unga.",
        description_en="Workshops for young people.",
        website="https://nuorisopaja.example.fi/",
        email="info@nuorisopaja.example.fi",
        phone="+358 8 123 4567",
        state_aid=True,
        municipalities=[kajaani, sotkamo],
    )
    organisation.regions.set([region("MK18")])
    organisation.languages.set(Language.objects.filter(code__in=["fi", "sv"]))
    contact = ContactPersonFactory(
        organisation=organisation,
        name="Maija Meikäläinen",
        title_fi="Työvalmentaja",
        title_sv="Arbetscoach",
        title_en="Job coach",
        email="maija@nuorisopaja.example.fi",
        phone="+358 40 123 4567",
        is_public=True,
    )
    hidden = ContactPersonFactory(organisation=organisation, name="Salainen Henkilö", is_public=False)
    service = ServiceFactory(
        organisation=organisation,
        name_fi="Nuorten työpaja",
        name="Nuorten työpaja",
        name_sv="Ungdomsverkstad",
        name_en="Youth workshop",
        description_fi="Valmennusta työhön ja opiskeluun.",
        description_sv="Coachning till arbete och studier.",
        description_en="Coaching towards work and studies.",
        referral_fi="Ota yhteyttä työvalmentajaan.",
        referral_sv="Kontakta arbetscoachen.",
        referral_en="Contact the job coach.",
        cost_fi="Maksuton",
        cost_sv="Avgiftsfri",
        cost_en="Free of charge",
        age_min=16,
        age_max=29,
        last_reviewed=datetime.date(2025, 3, 1),
        contact=contact,
        municipalities=[kajaani, sotkamo],
        target_groups=list(TargetGroup.objects.filter(slug__in=["young-people", "neet"])),
        ways_of_working=list(WayOfWorking.objects.filter(slug__in=["individual", "outreach"])),
    )
    service.languages.set(Language.objects.filter(code__in=["fi", "sv"]))
    draft_service = ServiceFactory(organisation=organisation, name_fi="Luonnos", is_published=False)
    draft_organisation = OrganisationFactory(name_fi="Piilotettu ry", is_published=False)
    ServiceFactory(organisation=draft_organisation, name_fi="Piilotetun palvelu")
    return Directory(organisation, service, contact, hidden, draft_service, draft_organisation)
