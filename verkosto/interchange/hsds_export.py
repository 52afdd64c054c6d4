"""Building HSDS 3.0 documents from the published directory, in one language. Reads only.

Only published services of published organisations, published organisations and public contact
people appear. Each builder takes an `ExportContext` (language and the site's base URL, for
`uri` fields) and model instances loaded with the querysets below, which prefetch everything
a document needs so that a page costs a fixed number of queries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import translation

from verkosto.core.models import Municipality, Region
from verkosto.directory import selectors
from verkosto.directory.models import (
    ContactPerson,
    Language,
    Organisation,
    Service,
    TargetGroup,
    WayOfWorking,
)

from .hsds import (
    BUSINESS_ID_SCHEME,
    BUSINESS_ID_TYPE,
    HSDS_VERSION,
    LANGUAGES,
    MUNICIPALITIES,
    ORGANISATION_KINDS,
    REGIONS,
    STATE_AID_SOURCE,
    TARGET_GROUPS,
    TAXONOMIES,
    WAYS_OF_WORKING,
    WORKING_LANGUAGES,
    Taxonomy,
    derived_id,
    municipality_uri,
    translated,
)

T = TypeVar("T")
Document = dict[str, Any]

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200

# A cost text that says the service is free and nothing else: published as a cost option of 0 EUR
# so that consumers can filter free services. Anything longer stays free text only.
_FREE = re.compile(
    r"^\s*(maksuton|ilmainen|avgiftsfri|avgiftsfritt|kostnadsfri|kostnadsfritt|gratis|free|"
    r"free of charge|no charge|0\s*(€|e|eur|euroa))\s*[.!]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ExportContext:
    """The language of a document and the site's base URL ("https://example.fi", no slash)."""

    lang: str
    base_url: str

    def url(self, view_name: str, **kwargs: str) -> str:
        return self.base_url + reverse(f"api:hsds:{view_name}", kwargs=kwargs or None)


class PageOutOfRange(Exception):
    """The page asked for is past the last page."""


def _compact(document: Document, *, keep: tuple[str, ...] = ()) -> Document:
    """Drop empty scalars (an empty e-mail or URI would not validate); keep lists, even empty."""
    return {key: value for key, value in document.items() if key in keep or value not in (None, "")}


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def is_free(cost: str) -> bool:
    return bool(_FREE.match(cost or ""))


def contact_id(organisation_uuid: object, name: str) -> str:
    """Contact people have no uuid: their id comes from the organisation and the person's name."""
    return derived_id("organisation", organisation_uuid, "contact", " ".join(name.split()).casefold())


def kind_label(kind: str, lang: str) -> str:
    with translation.override(lang):
        return str(Organisation.Kind(kind).label)


# --- querysets -----------------------------------------------------------------------------------


def _organisation_prefetches(prefix: str = "") -> list[Any]:
    return [
        f"{prefix}municipalities",
        f"{prefix}regions",
        f"{prefix}languages",
        Prefetch(
            f"{prefix}contacts",
            queryset=ContactPerson.objects.filter(is_public=True),
            to_attr="public_contacts",
        ),
    ]


_SERVICE_PREFETCHES = ("target_groups", "ways_of_working", "languages", "municipalities")


def services_for_export(*, full: bool) -> QuerySet[Service]:
    """Published services of published organisations, with what a (full) document needs."""
    qs = (
        selectors.public_services()
        .select_related("organisation", "contact")
        .prefetch_related("target_groups")
    )
    if full:
        qs = qs.prefetch_related(*_SERVICE_PREFETCHES, *_organisation_prefetches("organisation__"))
    return qs.order_by("name_fi", "uuid")


def organisations_for_export(*, full: bool, full_services: bool = False) -> QuerySet[Organisation]:
    qs = selectors.public_organisations()
    if full:
        services = (
            Service.objects.filter(is_published=True).select_related("contact").order_by("name_fi", "uuid")
        )
        services = services.prefetch_related(*(_SERVICE_PREFETCHES if full_services else ("target_groups",)))
        qs = qs.prefetch_related(
            *_organisation_prefetches(), Prefetch("services", queryset=services, to_attr="published_services")
        )
    return qs.order_by("name_fi", "uuid")


def service_filter_for_term(taxonomy: Taxonomy, code: str) -> Q:
    """Services classified by one of our terms (a municipality term: services that serve it)."""
    return {
        TARGET_GROUPS.key: Q(target_groups__slug=code),
        WAYS_OF_WORKING.key: Q(ways_of_working__slug=code),
        WORKING_LANGUAGES.key: Q(languages__code=code),
        MUNICIPALITIES.key: Q(municipalities__code=code),
        REGIONS.key: Q(municipalities__region__code=code),
        ORGANISATION_KINDS.key: Q(organisation__kind=code),
    }[taxonomy.key]


def service_filter_for_taxonomy(taxonomy: Taxonomy) -> Q:
    """Services with any term of a taxonomy."""
    return {
        TARGET_GROUPS.key: Q(target_groups__isnull=False),
        WAYS_OF_WORKING.key: Q(ways_of_working__isnull=False),
        WORKING_LANGUAGES.key: Q(languages__isnull=False),
        MUNICIPALITIES.key: Q(municipalities__isnull=False),
        REGIONS.key: Q(municipalities__isnull=False),
        ORGANISATION_KINDS.key: Q(pk__isnull=False),
    }[taxonomy.key]


# --- taxonomies ----------------------------------------------------------------------------------


def taxonomy_document(taxonomy: Taxonomy, ctx: ExportContext) -> Document:
    return {
        "id": taxonomy.id,
        "name": taxonomy.names[ctx.lang],
        "description": taxonomy.descriptions[ctx.lang],
        "uri": taxonomy.uri or ctx.url("taxonomy", id=taxonomy.id),
        "version": taxonomy.version,
    }


def term_document(taxonomy: Taxonomy, code: str, name: str, ctx: ExportContext) -> Document:
    term_id = taxonomy.term_id(code)
    return {
        "id": term_id,
        "code": code,
        "name": name,
        "description": f"{taxonomy.names[ctx.lang]}: {name}",
        "taxonomy": taxonomy.names[ctx.lang],
        "taxonomy_id": taxonomy.id,
        "taxonomy_detail": taxonomy_document(taxonomy, ctx),
        "language": ctx.lang,
        "term_uri": taxonomy.term_uri(code) or ctx.url("taxonomy_term", id=term_id),
    }


@dataclass(frozen=True)
class Term:
    taxonomy: Taxonomy
    code: str
    name: str


def all_terms(lang: str, taxonomy: Taxonomy | None = None) -> list[Term]:
    """Every term of our taxonomies (or of one), in list order, named in `lang`."""
    wanted = [taxonomy] if taxonomy else list(TAXONOMIES.values())
    terms: list[Term] = []
    for tax in wanted:
        if tax is TARGET_GROUPS:
            terms += [Term(tax, g.slug, translated(g, "name", lang)) for g in TargetGroup.objects.all()]
        elif tax is WAYS_OF_WORKING:
            terms += [Term(tax, w.slug, translated(w, "name", lang)) for w in WayOfWorking.objects.all()]
        elif tax is ORGANISATION_KINDS:
            terms += [Term(tax, kind.value, kind_label(kind.value, lang)) for kind in Organisation.Kind]
        elif tax is WORKING_LANGUAGES:
            terms += [Term(tax, lg.code, translated(lg, "name", lang)) for lg in Language.objects.all()]
        elif tax is MUNICIPALITIES:
            terms += [
                Term(tax, m.code, translated(m, "name", lang)) for m in Municipality.objects.order_by("code")
            ]
        elif tax is REGIONS:
            terms += [Term(tax, r.code, translated(r, "name", lang)) for r in Region.objects.order_by("code")]
    return terms


def find_term(term_id: str, lang: str) -> Term | None:
    return next((t for t in all_terms(lang) if t.taxonomy.term_id(t.code) == term_id), None)


def _attribute(
    *, link_id: str, link_entity: str, taxonomy: Taxonomy, code: str, name: str, ctx: ExportContext
) -> Document:
    term_id = taxonomy.term_id(code)
    return {
        "id": derived_id(link_entity, link_id, "attribute", term_id),
        "link_id": link_id,
        "link_type": taxonomy.link_type,
        "link_entity": link_entity,
        "taxonomy_term_id": term_id,
        "taxonomy_term": term_document(taxonomy, code, name, ctx),
    }


# --- organisations -------------------------------------------------------------------------------


def contact_document(
    contact: ContactPerson, organisation: Organisation, ctx: ExportContext, *, service: Service | None = None
) -> Document:
    cid = contact_id(organisation.uuid, contact.name)
    phones = (
        [{"id": derived_id(cid, "phone"), "contact_id": cid, "number": contact.phone, "type": "voice"}]
        if contact.phone
        else []
    )
    return _compact(
        {
            "id": cid,
            "organization_id": str(organisation.uuid),
            "service_id": str(service.uuid) if service else None,
            "name": contact.name,
            "title": translated(contact, "title", ctx.lang),
            "email": contact.email,
            "phones": phones,
        }
    )


def organization_list_item(organisation: Organisation, ctx: ExportContext) -> Document:
    """The organisation's one-to-one fields, as in the HSDS organisation list."""
    oid = str(organisation.uuid)
    return _compact(
        {
            "id": oid,
            "name": translated(organisation, "name", ctx.lang),
            "description": translated(organisation, "description", ctx.lang),
            "email": organisation.email,
            "website": organisation.website,
            "uri": ctx.url("organization", id=oid),
        },
        keep=("description",),  # required by HSDS, so present even when empty
    )


def _organization_attributes(organisation: Organisation, ctx: ExportContext) -> list[Document]:
    oid = str(organisation.uuid)

    def attribute(taxonomy: Taxonomy, code: str, name: str) -> Document:
        return _attribute(
            link_id=oid, link_entity="organization", taxonomy=taxonomy, code=code, name=name, ctx=ctx
        )

    lang = ctx.lang
    return [
        attribute(ORGANISATION_KINDS, organisation.kind, kind_label(organisation.kind, lang)),
        *(
            attribute(MUNICIPALITIES, m.code, translated(m, "name", lang))
            for m in sorted(organisation.municipalities.all(), key=lambda m: m.code)
        ),
        *(
            attribute(REGIONS, r.code, translated(r, "name", lang))
            for r in sorted(organisation.regions.all(), key=lambda r: r.code)
        ),
        *(
            attribute(WORKING_LANGUAGES, lg.code, translated(lg, "name", lang))
            for lg in sorted(organisation.languages.all(), key=lambda lg: (lg.position, lg.code))
        ),
    ]


def _public_contacts_of(organisation: Organisation) -> list[ContactPerson]:
    contacts = getattr(organisation, "public_contacts", None)
    if contacts is None:
        contacts = list(organisation.contacts.filter(is_public=True))
    return contacts


def organization_document(
    organisation: Organisation, ctx: ExportContext, *, services: str = "none"
) -> Document:
    """A fully nested organisation; `services` is "none", "list" (one-to-one fields) or "full"."""
    oid = str(organisation.uuid)
    document = organization_list_item(organisation, ctx)
    document["funding"] = (
        [
            {
                "id": derived_id(oid, "funding", "state-aid"),
                "organization_id": oid,
                "source": STATE_AID_SOURCE[ctx.lang],
            }
        ]
        if organisation.state_aid
        else []
    )
    document["contacts"] = [contact_document(c, organisation, ctx) for c in _public_contacts_of(organisation)]
    document["phones"] = (
        [
            {
                "id": derived_id(oid, "phone"),
                "organization_id": oid,
                "number": organisation.phone,
                "type": "voice",
            }
        ]
        if organisation.phone
        else []
    )
    document["organization_identifiers"] = (
        [
            {
                "id": derived_id(oid, "identifier", BUSINESS_ID_SCHEME),
                "organization_id": oid,
                "identifier_scheme": BUSINESS_ID_SCHEME,
                "identifier_type": BUSINESS_ID_TYPE,
                "identifier": organisation.business_id,
            }
        ]
        if organisation.business_id
        else []
    )
    document["attributes"] = _organization_attributes(organisation, ctx)
    if services != "none":
        published = getattr(organisation, "published_services", None)
        if published is None:
            published = list(organisation.services.filter(is_published=True).order_by("name_fi", "uuid"))
        for service in published:
            service.organisation = organisation  # already loaded: no query per service
        document["services"] = [
            service_document(s, ctx, nested_organization=False)
            if services == "full"
            else service_list_item(s, ctx, nested_organization=False)
            for s in published
        ]
    return document


# --- services ------------------------------------------------------------------------------------


def _eligibility(service: Service, lang: str) -> str:
    return ", ".join(translated(g, "name", lang) for g in service.target_groups.all())


def service_list_item(service: Service, ctx: ExportContext, *, nested_organization: bool = True) -> Document:
    """The service's one-to-one fields (and its organisation's), as in the HSDS service list."""
    organisation = service.organisation
    document = _compact(
        {
            "id": str(service.uuid),
            "organization_id": str(organisation.uuid),
            "name": translated(service, "name", ctx.lang),
            "description": translated(service, "description", ctx.lang),
            # A service has no web page, e-mail or phone of its own: its organisation's stand in.
            "url": organisation.website,
            "email": organisation.email,
            "status": "active",
            "application_process": translated(service, "referral", ctx.lang),
            "fees_description": translated(service, "cost", ctx.lang),
            "eligibility_description": _eligibility(service, ctx.lang),
            "minimum_age": service.age_min,
            "maximum_age": service.age_max,
            "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else None,
            "last_modified": _timestamp(service.updated_at),
        }
    )
    if nested_organization:
        document["organization"] = organization_list_item(organisation, ctx)
    return document


def service_document(service: Service, ctx: ExportContext, *, nested_organization: bool = True) -> Document:
    """A fully nested service: areas, languages, contacts, taxonomy terms and its organisation."""
    lang = ctx.lang
    sid = str(service.uuid)
    organisation = service.organisation
    document = service_list_item(service, ctx, nested_organization=False)
    document["phones"] = (
        [{"id": derived_id(sid, "phone"), "service_id": sid, "number": organisation.phone, "type": "voice"}]
        if organisation.phone
        else []
    )
    document["service_areas"] = [
        {
            "id": derived_id(sid, "service-area", m.code),
            "service_id": sid,
            "name": translated(m, "name", lang),
            "uri": municipality_uri(m.code),
        }
        for m in sorted(service.municipalities.all(), key=lambda m: m.code)
    ]
    document["languages"] = [
        {
            "id": derived_id(sid, "language", lg.code),
            "service_id": sid,
            "name": translated(lg, "name", lang),
            "code": lg.code,
        }
        for lg in sorted(service.languages.all(), key=lambda lg: (lg.position, lg.code))
    ]
    cost = translated(service, "cost", lang)
    document["cost_options"] = (
        [
            {
                "id": derived_id(sid, "cost-option", "free"),
                "service_id": sid,
                "option": cost,
                "amount": 0,
                "currency": "EUR",
            }
        ]
        if is_free(cost)
        else []
    )
    contact = service.contact
    document["contacts"] = (
        [contact_document(contact, organisation, ctx, service=service)]
        if contact and contact.is_public
        else []
    )
    document["attributes"] = [
        *(
            _attribute(
                link_id=sid,
                link_entity="service",
                taxonomy=TARGET_GROUPS,
                code=g.slug,
                name=translated(g, "name", lang),
                ctx=ctx,
            )
            for g in service.target_groups.all()
        ),
        *(
            _attribute(
                link_id=sid,
                link_entity="service",
                taxonomy=WAYS_OF_WORKING,
                code=w.slug,
                name=translated(w, "name", lang),
                ctx=ctx,
            )
            for w in service.ways_of_working.all()
        ),
    ]
    if nested_organization:
        document["organization"] = organization_document(organisation, ctx)
    return document


# --- pages and the root --------------------------------------------------------------------------


def page(
    items: QuerySet[Any] | Sequence[T],
    *,
    number: int,
    per_page: int,
    build: Callable[[Any], Document],
) -> Document:
    """The HSDS page wrapper around one page of `items`; PageOutOfRange past the last page."""
    total = items.count() if isinstance(items, QuerySet) else len(items)
    total_pages = max(1, math.ceil(total / per_page))
    if number < 1 or number > total_pages:
        raise PageOutOfRange
    start = (number - 1) * per_page
    contents = [build(item) for item in items[start : start + per_page]]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == total_pages,
        "empty": total == 0,
        "contents": contents,
    }


def root_document(ctx: ExportContext, *, profile: str, openapi_url: str) -> Document:
    return {
        "version": HSDS_VERSION,
        "profile": profile,
        "openapi_url": openapi_url,
        "languages": list(LANGUAGES),
        "default_language": "fi",
        "notes": (
            "One document per language: ?lang=fi|sv|en (Finnish by default). Ids are stable UUIDs. "
            "Verkosto records no physical locations, so /service_at_locations/ is always empty; "
            "where a service is available is in each service's service_areas (municipalities)."
        ),
    }
