"""Reading HSDS 3.0 documents into the directory: `hsds_import(documents=..., actor=..., lang=...)`.

A document is a service, an organization, a service at location (its nested service is read), or
a list page of any of them. Every document is first validated against the shipped schemas; one
that does not validate is refused with its errors, and nothing is written. Then all documents are
written in one transaction through `verkosto.directory.services` (permission checks, audit log,
search index); if any write is refused (permission, a model rule), everything is rolled back and
the reasons are listed.

Objects are matched by id: organisations and services by their `uuid` (update or create), so an
import can be run again. Contact people, who have no uuid, by the id our export derives from the
organisation and name, else by name within the organisation. Texts go into the columns of one
language (`lang`).

What a document says replaces what we have: an object's one-to-one fields (name, description,
application process...) are set, an absent one is cleared; a list (languages, service_areas,
attributes, contacts, phones...) replaces ours when present and leaves ours alone when absent, as
in the one-to-one list pages. Values we cannot store (an unknown taxonomy term or area, an invalid
e-mail address) are skipped and reported. Used by the `import_hsds` command; see docs/hsds.md.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime

from verkosto.core.models import Municipality, Region
from verkosto.directory import services as directory
from verkosto.directory.models import (
    ContactPerson,
    Language,
    Organisation,
    Service,
    TargetGroup,
    WayOfWorking,
)
from verkosto.directory.validators import normalise_business_id, validate_business_id

from . import hsds_schema
from .hsds import (
    BUSINESS_ID_SCHEME,
    LANGUAGES,
    MUNICIPALITIES,
    ORGANISATION_KINDS,
    REGIONS,
    STATE_AID_SOURCE,
    TARGET_GROUPS,
    TAXONOMIES_BY_ID,
    WAYS_OF_WORKING,
    WORKING_LANGUAGES,
    Taxonomy,
    derived_id,
)
from .hsds_export import contact_id

KINDS = ("service", "organization", "service_at_location")
PAGE_KINDS = tuple(f"{kind}_page" for kind in KINDS)

# Fields we read, and fields our export derives from others (read elsewhere, or not at all).
_ORGANISATION_READ = frozenset(
    [
        "id",
        "name",
        "description",
        "email",
        "website",
        "phones",
        "organization_identifiers",
        "funding",
        "contacts",
        "attributes",
        "services",
    ]
)
_ORGANISATION_DERIVED = frozenset({"uri"})
_SERVICE_READ = frozenset(
    [
        "id",
        "organization_id",
        "organization",
        "name",
        "description",
        "status",
        "application_process",
        "fees_description",
        "fees",
        "cost_options",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "last_modified",
        "languages",
        "service_areas",
        "contacts",
        "attributes",
    ]
)
_SERVICE_DERIVED = frozenset({"url", "email", "phones", "eligibility_description"})
_SERVICE_AT_LOCATION_READ = frozenset({"id", "service"})


class SystemActor:
    """Who writes when the command runs without --user: the command line is trusted (whoever can
    run manage.py can write the database anyway). Passes every permission check as a superuser
    would; the audit log records its changes with no actor."""

    is_authenticated = False
    is_superuser = True

    def __str__(self) -> str:
        return "system"


SYSTEM_ACTOR = SystemActor()


class HsdsImportError(Exception):
    """The import was refused and nothing was written; `problems` lists why, one line each."""

    def __init__(self, message: str, problems: Sequence[str]) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


@dataclass
class ImportReport:
    documents: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    ignored_fields: Counter[str] = field(default_factory=Counter)
    derived_fields: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False

    def note(self, path: str, message: str) -> None:
        line = f"{path or '/'}: {message}"
        if line not in self.notes:
            self.notes.append(line)


# --- which kind, and is it valid -----------------------------------------------------------------


def detect_kind(document: Any) -> str:
    """service, organization, service_at_location, or one of them + "_page"."""
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = [item for item in document["contents"] if isinstance(item, dict)]
        return f"{_object_kind(items[0]) if items else 'service'}_page"
    return _object_kind(document)


def _object_kind(document: Any) -> str:
    if isinstance(document, dict):
        if "status" in document:
            return "service"
        if {"location", "location_id", "service", "service_id"} & document.keys():
            return "service_at_location"
    return "organization"


def _nested(document: Any, kind: str, path: str) -> Iterable[tuple[Any, str, str]]:
    """(object, its kind, its path) for what the canonical schema of `kind` does not cover:
    an organisation's services and a service at location's service."""
    if not isinstance(document, dict):
        return
    if kind == "organization" and isinstance(document.get("services"), list):
        for i, service in enumerate(document["services"]):
            yield service, "service", f"{path}/services/{i}"
    if kind == "service_at_location" and "service" in document:
        yield document["service"], "service", f"{path}/service"


def schema_problems(document: Any, *, kind: str) -> list[str]:
    """Why `document` is not a valid `kind` (with the objects nested in it); empty if it is."""
    found = [str(p) for p in hsds_schema.problems(document, kind=kind)]
    if kind.endswith("_page"):
        item_kind = kind.removesuffix("_page")
        items = document.get("contents") if isinstance(document, dict) else None
        objects = [(item, f"/contents/{i}") for i, item in enumerate(items or [])]
    else:
        item_kind, objects = kind, [(document, "")]
    for item, path in objects:
        for nested, nested_kind, nested_path in _nested(item, item_kind, path):
            found += [f"{nested_path}{p}" for p in hsds_schema.problems(nested, kind=nested_kind)]
    return found


# --- matching our lists --------------------------------------------------------------------------


def _folded(text: Any) -> str:
    return " ".join(str(text).split()).casefold()


class _Lookup:
    """One of our lists as a taxonomy: find an entry by term id, code or name (any language)."""

    def __init__(self, taxonomy: Taxonomy, entries: Iterable[tuple[str, Any, Iterable[str]]]) -> None:
        self.taxonomy = taxonomy
        self.by_id: dict[str, Any] = {}
        self.by_code: dict[str, Any] = {}
        self.by_name: dict[str, Any] = {}
        for code, value, names in entries:
            self.by_id[taxonomy.term_id(code)] = value
            self.by_code[_folded(code)] = value
            for name in names:
                if name:
                    self.by_name.setdefault(_folded(name), value)


def _names(instance: Any) -> list[str]:
    return [getattr(instance, f"name_{lang}", "") or "" for lang in LANGUAGES]


# Any version of the national municipality code list: .../codelist/jhs/kunta_1_20250101/code/205
_MUNICIPALITY_URI = re.compile(r"/codelist/jhs/kunta_1_\d{8}/code/(\d{3})/?$")


class _Vocabulary:
    def __init__(self) -> None:
        def kind_names(kind: Organisation.Kind) -> list[str]:
            names = []
            for lang in LANGUAGES:
                with translation.override(lang):
                    names.append(str(kind.label))
            return names

        self.target_groups = _Lookup(
            TARGET_GROUPS, ((g.slug, g, _names(g)) for g in TargetGroup.objects.all())
        )
        self.ways = _Lookup(WAYS_OF_WORKING, ((w.slug, w, _names(w)) for w in WayOfWorking.objects.all()))
        self.kinds = _Lookup(
            ORGANISATION_KINDS, ((k.value, k.value, kind_names(k)) for k in Organisation.Kind)
        )
        self.languages = _Lookup(
            WORKING_LANGUAGES, ((lg.code, lg, _names(lg)) for lg in Language.objects.all())
        )
        municipalities = list(Municipality.objects.select_related("region"))
        self.municipalities = _Lookup(MUNICIPALITIES, ((m.code, m, _names(m)) for m in municipalities))
        self.regions = _Lookup(REGIONS, ((r.code, r, _names(r)) for r in Region.objects.all()))
        self.region_municipalities: dict[int, list[Municipality]] = {}
        for m in municipalities:
            self.region_municipalities.setdefault(m.region_id, []).append(m)

    def term(self, attribute: dict[str, Any], lookups: Sequence[_Lookup]) -> tuple[str, Any] | None:
        """(taxonomy key, our value) of an attribute's taxonomy term, or None if it is not ours."""
        term = attribute.get("taxonomy_term") or {}
        term_id = attribute.get("taxonomy_term_id") or term.get("id")
        if term_id:
            term_id = str(uuid.UUID(term_id))
            for lookup in lookups:
                if term_id in lookup.by_id:
                    return lookup.taxonomy.key, lookup.by_id[term_id]
        taxonomy_id = term.get("taxonomy_id") or (term.get("taxonomy_detail") or {}).get("id")
        taxonomy = TAXONOMIES_BY_ID.get(str(uuid.UUID(taxonomy_id))) if taxonomy_id else None
        for lookup in lookups:
            if taxonomy is not None and lookup.taxonomy is not taxonomy:
                continue
            for key, table in (("code", lookup.by_code), ("name", lookup.by_name)):
                if key == "code" and taxonomy is None:
                    continue  # a foreign taxonomy's codes mean something else
                value = table.get(_folded(term.get(key, "")))
                if value is not None:
                    return lookup.taxonomy.key, value
        return None

    def municipalities_of_area(self, area: dict[str, Any]) -> list[Municipality]:
        code = _MUNICIPALITY_URI.search(str(area.get("uri") or ""))
        if code and code.group(1) in self.municipalities.by_code:
            return [self.municipalities.by_code[code.group(1)]]
        name = _folded(area.get("name", ""))
        if name in self.municipalities.by_name:
            return [self.municipalities.by_name[name]]
        if name in self.municipalities.by_code:
            return [self.municipalities.by_code[name]]
        region = self.regions.by_name.get(name)
        if region is not None:
            return self.region_municipalities.get(region.pk, [])
        return []


# --- the import ----------------------------------------------------------------------------------


def _digest(document: Any) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


def _clean_text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


_EMAIL = EmailValidator()
_URL = URLValidator(schemes=["http", "https"])


class _Importer:
    def __init__(self, *, actor: Any, lang: str, draft: bool, report: ImportReport) -> None:
        self.actor = actor
        self.lang = lang
        self.draft = draft
        self.report = report
        self.errors: list[str] = []
        self.vocabulary = _Vocabulary()
        # Each distinct object document is written once per run; the same organisation nested
        # in every service of a page is not written again and again.
        self.done: dict[str, Any] = {}
        self.contacts: dict[tuple[int, str], ContactPerson] = {}

    # -- helpers --

    def _write(self, path: str, what: str, write: Any, **kwargs: Any) -> Any:
        try:
            return write(actor=self.actor, **kwargs)
        except ValidationError as exc:
            messages = (
                [f"{k}: {'; '.join(v)}" for k, v in exc.message_dict.items()]
                if hasattr(exc, "error_dict")
                else exc.messages
            )
            self.errors += [f"{path or '/'}: {what}: {message}" for message in messages]
        except PermissionDenied as exc:
            self.errors.append(f"{path or '/'}: {what}: {exc}")
        return None

    def _text(self, path: str, value: Any, limit: int) -> str:
        text = _clean_text(value)
        if len(text) > limit:
            self.report.note(path, f"longer than {limit} characters; cut")
            text = text[:limit]
        return text

    def _valid(self, path: str, value: Any, validator: Any, limit: int) -> str:
        text = _clean_text(value)
        if not text:
            return ""
        try:
            validator(text)
        except ValidationError:
            self.report.note(path, f"{text[:80]!r} is not valid here; left empty")
            return ""
        if len(text) > limit:
            self.report.note(path, f"longer than {limit} characters; left empty")
            return ""
        return text

    def _phone(self, path: str, phones: list[dict[str, Any]]) -> str:
        numbers = [_clean_text(p.get("number")).strip('"') for p in phones if p.get("number")]
        if len(numbers) > 1:
            self.report.note(path, f"{len(numbers)} phone numbers; only the first is kept")
        if numbers and len(numbers[0]) > 40:
            self.report.note(path, "phone number longer than 40 characters; left empty")
            return ""
        return numbers[0] if numbers else ""

    def _fields(
        self, path: str, document: dict[str, Any], read: frozenset[str], derived: frozenset[str], kind: str
    ) -> None:
        for key, value in document.items():
            if value in (None, "", [], {}):
                continue
            if key in derived:
                self.report.derived_fields[f"{kind}.{key}"] += 1
            elif key not in read:
                self.report.ignored_fields[f"{kind}.{key}"] += 1

    def _once(self, key: str, document: Any) -> tuple[bool, str]:
        digest = f"{key}:{_digest(document)}"
        return digest in self.done, digest

    # -- documents --

    def run(self, kind: str, document: dict[str, Any]) -> None:
        self.report.kinds[kind] += 1
        if kind.endswith("_page"):
            item_kind = kind.removesuffix("_page")
            for i, item in enumerate(document["contents"]):
                self.run_object(item_kind, item, f"/contents/{i}")
        else:
            self.run_object(kind, document, "")

    def run_object(self, kind: str, document: dict[str, Any], path: str) -> None:
        if kind == "organization":
            self.organisation(document, path)
        elif kind == "service":
            self.service(document, path)
        else:
            self.service_at_location(document, path)

    def service_at_location(self, document: dict[str, Any], path: str) -> None:
        self._fields(path, document, _SERVICE_AT_LOCATION_READ, frozenset(), "service_at_location")
        if isinstance(document.get("service"), dict):
            self.service(document["service"], f"{path}/service")
        else:
            self.report.note(path, "a service at location without its service: nothing to import")

    def organisation(self, document: dict[str, Any], path: str) -> Organisation | None:
        seen, key = self._once("organization", document)
        if seen:
            return self.done[key]
        self._fields(path, document, _ORGANISATION_READ, _ORGANISATION_DERIVED, "organization")
        lang = self.lang
        oid = str(uuid.UUID(document["id"]))
        existing = Organisation.objects.filter(uuid=oid).first()
        fields: dict[str, Any] = {
            f"name_{lang}": self._text(f"{path}/name", document["name"], 200),
            f"description_{lang}": self._text(f"{path}/description", document.get("description"), 5000),
            "email": self._valid(f"{path}/email", document.get("email"), _EMAIL, 254),
            "website": self._valid(f"{path}/website", document.get("website"), _URL, 200),
        }
        if not fields[f"name_{lang}"]:
            self.errors.append(f"{path}/name: an organisation needs a name")
            return None
        if lang != "fi" and not _has_finnish_name(existing):
            # A Finnish name is required; without one the imported name stands in for it.
            fields["name_fi"] = fields[f"name_{lang}"]
            self.report.note(path, f"no Finnish name: the {lang} name is used as the Finnish one too")
        if "phones" in document:
            fields["phone"] = self._phone(f"{path}/phones", document["phones"])
        if "organization_identifiers" in document:
            fields["business_id"] = self._business_id(path, oid, document["organization_identifiers"])
        if "funding" in document:
            sources = {_folded(s) for s in STATE_AID_SOURCE.values()}
            state_aid_id = derived_id(oid, "funding", "state-aid")
            fields["state_aid"] = any(
                f.get("id") == state_aid_id or _folded(f.get("source", "")) in sources
                for f in document["funding"]
            )
        if "attributes" in document:
            fields.update(self._organisation_terms(f"{path}/attributes", document["attributes"], existing))
        if existing is None:
            fields.setdefault("kind", Organisation.Kind.OTHER)
            organisation = self._write(
                path,
                "organisation",
                directory.organisation_create,
                uuid=oid,
                is_published=not self.draft,
                **fields,
            )
            if organisation is not None:
                self.report.created["organisations"] += 1
        else:
            organisation = self._write(
                path, "organisation", directory.organisation_update, organisation=existing, **fields
            )
            if organisation is not None:
                self.report.updated["organisations"] += 1
        self.done[key] = organisation
        if organisation is None:
            return None
        for i, contact in enumerate(document.get("contacts") or []):
            self.contact(contact, organisation, f"{path}/contacts/{i}")
        for i, service in enumerate(document.get("services") or []):
            self.service(service, f"{path}/services/{i}", organisation=organisation)
        return organisation

    def _business_id(self, path: str, oid: str, identifiers: list[dict[str, Any]]) -> str:
        for i, identifier in enumerate(identifiers):
            scheme = _clean_text(identifier.get("identifier_scheme")).upper()
            kind = _folded(identifier.get("identifier_type", ""))
            if scheme != BUSINESS_ID_SCHEME and "y-tunnus" not in kind and "business id" not in kind:
                self.report.note(
                    f"{path}/organization_identifiers/{i}", f"identifier scheme {scheme or kind!r} not stored"
                )
                continue
            value = normalise_business_id(_clean_text(identifier.get("identifier")))
            try:
                validate_business_id(value)
            except ValidationError:
                self.report.note(
                    f"{path}/organization_identifiers/{i}", f"{value!r} is not a valid Y-tunnus; not stored"
                )
                continue
            clash = Organisation.objects.filter(business_id=value).exclude(uuid=oid).first()
            if clash is not None:
                self.errors.append(
                    f"{path}/organization_identifiers/{i}: the Y-tunnus {value} belongs to another "
                    f"organisation, {clash} ({clash.uuid})"
                )
                continue
            return value
        return ""

    def _organisation_terms(
        self, path: str, attributes: list[dict[str, Any]], existing: Organisation | None
    ) -> dict[str, Any]:
        v = self.vocabulary
        found: dict[str, list[Any]] = {"kind": [], "municipalities": [], "regions": [], "languages": []}
        keys = {
            ORGANISATION_KINDS.key: "kind",
            MUNICIPALITIES.key: "municipalities",
            REGIONS.key: "regions",
            WORKING_LANGUAGES.key: "languages",
        }
        for i, attribute in enumerate(attributes):
            match = v.term(attribute, [v.kinds, v.municipalities, v.regions, v.languages])
            if match is None:
                self._unknown_term(f"{path}/{i}", attribute)
                continue
            found[keys[match[0]]].append(match[1])
        fields: dict[str, Any] = {k: _unique(found[k]) for k in ("municipalities", "regions", "languages")}
        if found["kind"]:
            if len(set(found["kind"])) > 1:
                self.report.note(path, "more than one kind of organisation; the first is kept")
            fields["kind"] = found["kind"][0]
        return fields

    def _unknown_term(self, path: str, attribute: dict[str, Any]) -> None:
        term = attribute.get("taxonomy_term") or {}
        name = term.get("name") or attribute.get("taxonomy_term_id") or "?"
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("name") or "?"
        self.report.note(path, f"taxonomy term {name!r} (taxonomy {taxonomy!r}) is not one of ours; ignored")

    def contact(
        self, document: dict[str, Any], organisation: Organisation, path: str
    ) -> ContactPerson | None:
        cid = str(uuid.UUID(document["id"]))
        cached = self.contacts.get((organisation.pk, cid))
        if cached is not None:
            return cached
        name = self._text(f"{path}/name", document.get("name"), 150)
        if not name:
            self.report.note(path, "a contact without a name; not stored")
            return None
        existing = None
        for candidate in organisation.contacts.all():
            if contact_id(organisation.uuid, candidate.name) == cid:
                existing = candidate
                break
        if existing is None:
            existing = next(
                (c for c in organisation.contacts.all() if _folded(c.name) == _folded(name)), None
            )
        fields: dict[str, Any] = {
            "name": name,
            f"title_{self.lang}": self._text(f"{path}/title", document.get("title"), 150),
            "email": self._valid(f"{path}/email", document.get("email"), _EMAIL, 254),
            "is_public": True,
        }
        if "phones" in document:
            fields["phone"] = self._phone(f"{path}/phones", document["phones"])
        if existing is None:
            contact = self._write(
                path, "contact", directory.contact_create, organisation=organisation, **fields
            )
            if contact is not None:
                self.report.created["contact people"] += 1
        else:
            contact = self._write(path, "contact", directory.contact_update, contact=existing, **fields)
            if contact is not None:
                self.report.updated["contact people"] += 1
        if contact is not None:
            self.contacts[(organisation.pk, cid)] = contact
        return contact

    def _service_organisation(self, document: dict[str, Any], path: str) -> Organisation | None:
        nested = document.get("organization")
        organization_id = document.get("organization_id")
        if organization_id and nested and str(uuid.UUID(nested["id"])) != str(uuid.UUID(organization_id)):
            self.errors.append(f"{path or '/'}: organization_id and organization.id differ")
            return None
        if nested:
            return self.organisation(nested, f"{path}/organization")
        if organization_id:
            found = Organisation.objects.filter(uuid=str(uuid.UUID(organization_id))).first()
            if found is None:
                self.errors.append(
                    f"{path}/organization_id: no organisation {organization_id}: import it first, or "
                    "include it in the service as `organization`"
                )
            return found
        self.errors.append(
            f"{path or '/'}: the service names no organization (organization_id or organization)"
        )
        return None

    def service(
        self, document: dict[str, Any], path: str, *, organisation: Organisation | None = None
    ) -> Service | None:
        seen, key = self._once("service", document)
        if seen:
            return self.done[key]
        self._fields(path, document, _SERVICE_READ, _SERVICE_DERIVED, "service")
        if organisation is None:
            organisation = self._service_organisation(document, path)
        elif document.get("organization_id") and str(uuid.UUID(document["organization_id"])) != str(
            organisation.uuid
        ):
            self.errors.append(f"{path}/organization_id: not the organisation the service is listed under")
            return None
        if organisation is None:
            return None
        lang = self.lang
        sid = str(uuid.UUID(document["id"]))
        existing = Service.objects.filter(uuid=sid).first()
        fields: dict[str, Any] = {
            f"name_{lang}": self._text(f"{path}/name", document["name"], 200),
            f"description_{lang}": self._text(f"{path}/description", document.get("description"), 5000),
            f"referral_{lang}": self._text(
                f"{path}/application_process", document.get("application_process"), 2000
            ),
            f"cost_{lang}": self._text(f"{path}/fees_description", self._cost(document), 300),
            "last_reviewed": self._date(f"{path}/assured_date", document.get("assured_date")),
        }
        if not fields[f"name_{lang}"]:
            self.errors.append(f"{path}/name: a service needs a name")
            return None
        if lang != "fi" and not _has_finnish_name(existing):
            fields["name_fi"] = fields[f"name_{lang}"]
            self.report.note(path, f"no Finnish name: the {lang} name is used as the Finnish one too")
        fields.update(self._ages(path, document))
        active = document.get("status") == "active"
        if document.get("status") != "active":
            self.report.note(path, f"status {document.get('status')!r}: not published")
        published_now = bool(existing and existing.is_published)
        fields["is_published"] = active and (published_now or not self.draft)
        if "languages" in document:
            fields["languages"] = self._languages(f"{path}/languages", document["languages"])
        if "service_areas" in document:
            fields["municipalities"] = self._areas(f"{path}/service_areas", document["service_areas"])
        if "attributes" in document:
            fields.update(self._service_terms(f"{path}/attributes", document["attributes"]))
        if "contacts" in document:
            contacts = [
                self.contact(c, organisation, f"{path}/contacts/{i}")
                for i, c in enumerate(document["contacts"])
            ]
            contacts = [c for c in contacts if c is not None]
            if len(contacts) > 1:
                self.report.note(
                    f"{path}/contacts", "more than one contact; the first is the service's contact"
                )
            fields["contact"] = contacts[0] if contacts else None
        if existing is None:
            service = self._write(
                path, "service", directory.service_create, organisation=organisation, uuid=sid, **fields
            )
            if service is not None:
                self.report.created["services"] += 1
        else:
            service = self._write(path, "service", directory.service_update, service=existing, **fields)
            if service is not None:
                self.report.updated["services"] += 1
        if service is not None and document.get("last_modified"):
            modified = self._moment(f"{path}/last_modified", document["last_modified"])
            if modified is not None:
                # The source's time of change, so that a re-export says what the source said.
                Service.objects.filter(pk=service.pk).update(updated_at=modified)
        self.done[key] = service
        return service

    def _cost(self, document: dict[str, Any]) -> str:
        if document.get("fees_description"):
            return str(document["fees_description"])
        if document.get("fees"):
            return str(document["fees"])
        parts = []
        for option in document.get("cost_options") or []:
            amount = option.get("amount")
            text = " ".join(
                str(p)
                for p in (
                    option.get("option"),
                    amount if amount is not None else None,
                    option.get("currency"),
                )
                if p not in (None, "")
            )
            if option.get("amount_description"):
                text = (
                    f"{text} ({option['amount_description']})" if text else str(option["amount_description"])
                )
            if text:
                parts.append(text)
        return "; ".join(parts)

    def _ages(self, path: str, document: dict[str, Any]) -> dict[str, int | None]:
        ages: dict[str, int | None] = {}
        for key, name, low in (("minimum_age", "age_min", 0), ("maximum_age", "age_max", 1)):
            value = document.get(key)
            if value is None:
                ages[name] = None
            elif float(value).is_integer() and low <= value <= 120:
                ages[name] = int(value)
            else:
                self.report.note(f"{path}/{key}", f"{value} is not an age from {low} to 120; left empty")
                ages[name] = None
        if ages["age_min"] is not None and ages["age_max"] is not None and ages["age_min"] > ages["age_max"]:
            self.report.note(path, "minimum_age is above maximum_age; both left empty")
            ages = {"age_min": None, "age_max": None}
        return ages

    def _date(self, path: str, value: Any) -> date | None:
        if not value:
            return None
        text = str(value)
        try:
            parsed = parse_date(text[:10]) if len(text) >= 10 else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.report.note(path, f"{text[:40]!r} is not a date; left empty")
        return parsed

    def _moment(self, path: str, value: Any) -> datetime | None:
        try:
            moment = parse_datetime(str(value))
        except ValueError:
            moment = None
        if moment is None:
            self.report.note(path, f"{str(value)[:40]!r} is not a date and time; not kept")
            return None
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    def _languages(self, path: str, languages: list[dict[str, Any]]) -> list[Language]:
        found = []
        for i, language in enumerate(languages):
            ours = self.vocabulary.languages.by_code.get(_folded(language.get("code", ""))) or (
                self.vocabulary.languages.by_name.get(_folded(language.get("name", "")))
            )
            if ours is None:
                label = language.get("name") or language.get("code") or language.get("id")
                self.report.note(f"{path}/{i}", f"language {label!r} is not on our list; ignored")
            else:
                found.append(ours)
        return _unique(found)

    def _areas(self, path: str, areas: list[dict[str, Any]]) -> list[Municipality]:
        found: list[Municipality] = []
        for i, area in enumerate(areas):
            municipalities = self.vocabulary.municipalities_of_area(area)
            if not municipalities:
                label = str(area.get("name") or area.get("uri") or area.get("id"))[:80]
                self.report.note(
                    f"{path}/{i}", f"service area {label!r} is no Finnish municipality or region; ignored"
                )
            elif len(municipalities) > 1:
                self.report.note(
                    f"{path}/{i}",
                    f"region {area.get('name')!r}: all its {len(municipalities)} municipalities",
                )
            found += municipalities
        return _unique(found)

    def _service_terms(self, path: str, attributes: list[dict[str, Any]]) -> dict[str, list[Any]]:
        v = self.vocabulary
        found: dict[str, list[Any]] = {TARGET_GROUPS.key: [], WAYS_OF_WORKING.key: []}
        for i, attribute in enumerate(attributes):
            match = v.term(attribute, [v.target_groups, v.ways])
            if match is None:
                self._unknown_term(f"{path}/{i}", attribute)
            else:
                found[match[0]].append(match[1])
        return {
            "target_groups": _unique(found[TARGET_GROUPS.key]),
            "ways_of_working": _unique(found[WAYS_OF_WORKING.key]),
        }


def _has_finnish_name(instance: Organisation | Service | None) -> bool:
    return instance is not None and bool(getattr(instance, "name_fi", ""))


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def hsds_import(
    *,
    documents: Sequence[Any],
    actor: Any,
    lang: str = "fi",
    kind: str | None = None,
    draft: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Validate every document, then write them all in one transaction; HsdsImportError if refused.

    `kind` is detected from each document unless given (service, organization,
    service_at_location, or one of them + "_page"). `draft`: nothing that is not already
    published gets published. `dry_run`: everything is checked and reported, nothing is kept.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if kind is not None and kind not in KINDS + PAGE_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    kinds = [kind or detect_kind(document) for document in documents]
    problems = []
    for n, (document, document_kind) in enumerate(zip(documents, kinds, strict=True), start=1):
        prefix = f"document {n}: " if len(documents) > 1 else ""
        problems += [f"{prefix}{p}" for p in schema_problems(document, kind=document_kind)]
    if problems:
        shown = problems[: hsds_schema.MAX_REPORTED_ERRORS]
        if len(problems) > len(shown):
            shown.append(f"... and {len(problems) - len(shown)} more")
        raise HsdsImportError(
            f"The document does not validate against HSDS {kinds[0].removesuffix('_page')} schema "
            f"({len(problems)} errors); nothing was imported.",
            shown,
        )
    report = ImportReport(documents=len(documents), dry_run=dry_run)
    with transaction.atomic():
        importer = _Importer(actor=actor, lang=lang, draft=draft, report=report)
        for document, document_kind in zip(documents, kinds, strict=True):
            importer.run(document_kind, document)
        if importer.errors:
            raise HsdsImportError(
                f"The import was refused ({len(importer.errors)} problems); nothing was imported.",
                importer.errors,
            )
        if dry_run:
            transaction.set_rollback(True)
    return report
