"""Reads for the directory pages, already scoped to what the user may see."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import translation

from verkosto.accounts import permissions
from verkosto.core.models import Municipality, Region

from . import search
from .models import ContactPerson, Language, Organisation, Service, TargetGroup, WayOfWorking
from .validators import normalise_business_id

PER_PAGE = 20
MUNICIPALITY_FACET_LIMIT = 25


@dataclass
class SearchFilters:
    """What the user picked: codes and slugs as they appear in the URL."""

    regions: list[str] = field(default_factory=list)
    municipalities: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    ways: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in FACET_NAMES)


FACET_NAMES = ("regions", "municipalities", "kinds", "target_groups", "ways", "languages")


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    text: str
    total: int
    page: int
    pages: int
    services: list[Service]
    facets: dict[str, list[FacetValue]]
    filters: SearchFilters

    @property
    def first_rank(self) -> int:
        return (self.page - 1) * PER_PAGE + 1


@dataclass
class _Vocabulary:
    """Facet values with their tokens and labels in the active language."""

    values: dict[str, list[tuple[str, str, str]]]  # facet -> [(key, token, label)]
    labels: dict[str, dict[int, str]]  # "municipalities" / "target_groups" / "ways" -> id -> label

    def tokens(self, facet: str, keys: Sequence[str]) -> list[str]:
        wanted = set(keys)
        return [token for key, token, _ in self.values[facet] if key in wanted]


def _labelled(
    model: Any, key: str, token: Callable[[int], str]
) -> tuple[list[tuple[str, str, str]], dict[int, str]]:
    """(key, token, label) rows of a small reference table, and its labels by id."""
    lang = translation.get_language() or "fi"
    fields = ["pk", key, f"name_{lang}", "name_fi"]
    rows = [(row[0], row[1], row[2] or row[3]) for row in model.objects.values_list(*fields)]
    return [(k, token(pk), label) for pk, k, label in rows], {pk: label for pk, k, label in rows}


# Reference tables change through migrations and the admin only; five minutes of staleness after an
# admin edit is the price of not reading 370 rows on every search.
VOCABULARY_SECONDS = 300


def _vocabulary() -> _Vocabulary:
    lang = translation.get_language() or "fi"
    cached = cache.get(f"directory:vocabulary:{lang}")
    if cached is not None:
        return cached
    values: dict[str, list[tuple[str, str, str]]] = {}
    labels: dict[str, dict[int, str]] = {}
    for facet, model, key, token in (
        ("regions", Region, "code", search.region_token),
        ("municipalities", Municipality, "code", search.municipality_token),
        ("target_groups", TargetGroup, "slug", search.target_group_token),
        ("ways", WayOfWorking, "slug", search.way_token),
        ("languages", Language, "code", search.language_token),
    ):
        values[facet], labels[facet] = _labelled(model, key, token)
    values["kinds"] = [(k.value, search.kind_token(k.value), str(k.label)) for k in Organisation.Kind]
    vocabulary = _Vocabulary(values, labels)
    cache.set(f"directory:vocabulary:{lang}", vocabulary, VOCABULARY_SECONDS)
    return vocabulary


def _facet_groups(vocabulary: _Vocabulary, filters: SearchFilters) -> dict[str, list[str]]:
    groups = {}
    for name in FACET_NAMES:
        keys = getattr(filters, name)
        if keys:
            # An unknown key matches nothing rather than being ignored: the user asked for it.
            groups[name] = vocabulary.tokens(name, keys)
    return groups


def _facet_values(
    vocabulary: _Vocabulary, facet: str, counts: dict[str, int], selected: list[str]
) -> list[FacetValue]:
    chosen = set(selected)
    out = [
        FacetValue(key, label, counts.get(token, 0), key in chosen)
        for key, token, label in vocabulary.values[facet]
        if counts.get(token) or key in chosen
    ]
    if facet == "municipalities":
        out.sort(key=lambda v: (not v.selected, -v.count, v.label))
        out = out[:MUNICIPALITY_FACET_LIMIT]
        out.sort(key=lambda v: v.label)
    elif facet == "kinds":
        out.sort(key=lambda v: v.label)
    return out


def directory_search(
    *, text: str, filters: SearchFilters, page: int = 1, per_page: int = PER_PAGE
) -> SearchResult:
    """Public services matching the text and filters, best match first, with facet counts.

    A facet's counts ignore that facet's own selection (so picking one region still shows how
    many the other regions have), but respect every other filter and the text.
    """
    vocabulary = _vocabulary()
    groups = _facet_groups(vocabulary, filters)
    page = max(1, page)
    outcome = search.search(text=text, facet_groups=groups, offset=(page - 1) * per_page, limit=per_page)
    pages = max(1, -(-outcome.total // per_page))
    if page > pages:  # past the end: show the last page
        page = pages
        outcome = search.search(text=text, facet_groups=groups, offset=(page - 1) * per_page, limit=per_page)
    facets = {
        name: _facet_values(
            vocabulary,
            name,
            outcome.facet_counts[name if name in groups else ""],
            getattr(filters, name),
        )
        for name in FACET_NAMES
    }
    return SearchResult(
        text=text,
        total=outcome.total,
        page=page,
        pages=pages,
        services=services_in_order(outcome.page_ids),
        facets=facets,
        filters=filters,
    )


def services_in_order(ids: list[int]) -> list[Service]:
    """The services for result cards, in the given order, each with `card_target_groups`,
    `card_ways` and `card_municipalities` (labels) attached: five queries however many services
    or however wide their areas, no model instance per label."""
    by_id = {s.pk: s for s in Service.objects.select_related("organisation").filter(pk__in=ids)}
    _attach_card_labels(list(by_id.values()))
    return [by_id[i] for i in ids if i in by_id]


def _attach_card_labels(services: list[Service]) -> None:
    vocabulary = _vocabulary()
    ids = [s.pk for s in services]
    relations = (
        ("card_target_groups", Service.target_groups.through, "targetgroup_id", "target_groups"),
        ("card_ways", Service.ways_of_working.through, "wayofworking_id", "ways"),
        ("card_municipalities", Service.municipalities.through, "municipality_id", "municipalities"),
    )
    for attribute, through, column, facet in relations:
        labels = vocabulary.labels[facet]
        found: dict[int, list[str]] = {i: [] for i in ids}
        for service_id, other_id in (
            through.objects.filter(service_id__in=ids).order_by("pk").values_list("service_id", column)
        ):
            found[service_id].append(labels.get(other_id, ""))
        for service in services:
            setattr(service, attribute, found[service.pk])


# --- pages ---------------------------------------------------------------------------------------


def public_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_published=True)


def public_services() -> QuerySet[Service]:
    return Service.objects.filter(is_published=True, organisation__is_published=True)


def regions_at_a_glance() -> list[dict[str, Any]]:
    """Each region with how many public organisations and services work there (cached 60 s)."""
    cached = cache.get("directory:regions-at-a-glance")
    if cached is not None:
        return cached
    org_counts = dict(
        Region.objects.annotate(
            n=Count(
                "municipalities__organisations",
                filter=Q(municipalities__organisations__is_published=True),
                distinct=True,
            )
        ).values_list("pk", "n")
    )
    service_counts = dict(
        Region.objects.annotate(
            n=Count(
                "municipalities__services",
                filter=Q(
                    municipalities__services__is_published=True,
                    municipalities__services__organisation__is_published=True,
                ),
                distinct=True,
            )
        ).values_list("pk", "n")
    )
    rows = [
        {"region": r, "organisations": org_counts.get(r.pk, 0), "services": service_counts.get(r.pk, 0)}
        for r in Region.objects.all()
    ]
    cache.set("directory:regions-at-a-glance", rows, 60)
    return rows


def directory_totals() -> dict[str, int]:
    """How many public organisations and services there are (cached 60 s, like the region table)."""
    cached = cache.get("directory:totals")
    if cached is None:
        cached = {"organisations": public_organisations().count(), "services": public_services().count()}
        cache.set("directory:totals", cached, 60)
    return cached


def region_get(code: str) -> Region:
    try:
        return Region.objects.get(code=code.upper())
    except Region.DoesNotExist as exc:
        raise Http404 from exc


def region_organisations(region: Region) -> QuerySet[Organisation]:
    return (
        public_organisations()
        .filter(Q(municipalities__region=region) | Q(regions=region))
        .distinct()
        .annotate(service_count=Count("services", filter=Q(services__is_published=True), distinct=True))
        .order_by("kind", "name_fi")
    )


def organisation_get_for_view(*, user: Any, pk: int) -> Organisation:
    organisation = (
        Organisation.objects.prefetch_related("municipalities", "regions", "languages").filter(pk=pk).first()
    )
    if organisation is None or not permissions.can_view_organisation(user, organisation):
        raise Http404
    return organisation


def organisation_services_for_view(*, user: Any, organisation: Organisation) -> list[Service]:
    qs = Service.objects.select_related("organisation").filter(organisation=organisation)
    if not permissions.can_edit_organisation(user, organisation):
        qs = qs.filter(is_published=True)
    services = list(qs)
    _attach_card_labels(services)
    return services


def organisation_contacts_for_view(*, user: Any, organisation: Organisation) -> list[ContactPerson]:
    qs = organisation.contacts.all()
    if not permissions.can_edit_organisation(user, organisation):
        qs = qs.filter(is_public=True)
    return list(qs)


def service_get_for_view(*, user: Any, pk: int) -> Service:
    service = (
        Service.objects.select_related("contact", "organisation")
        .prefetch_related("municipalities", "target_groups", "ways_of_working", "languages")
        .filter(pk=pk)
        .first()
    )
    if service is None:
        raise Http404
    if not service.is_public and not permissions.can_edit_organisation(user, service.organisation):
        raise Http404
    return service


def organisations_editable_by(user: Any) -> QuerySet[Organisation]:
    if permissions.has_national_reach(user):
        return Organisation.objects.all()
    regions = permissions.coordinated_region_ids(user)
    return Organisation.objects.filter(
        Q(pk__in=permissions.edited_organisation_ids(user))
        | Q(municipalities__region__in=regions)
        | Q(regions__in=regions)
    ).distinct()


# --- the REST API (api.py) -----------------------------------------------------------------------
# Lists of public objects with the search page's filters, and single objects by numeric id or UUID
# as the user may see them. Services are filtered and ranked by the search index (search.search),
# like the search page; organisations and contact people are not indexed and are filtered here.

SERVICE_ORDERINGS = ("relevance", "name", "-name", "updated_at", "-updated_at")
ORGANISATION_ORDERINGS: dict[str, list[Any]] = {
    "name": [Lower("name_fi"), "pk"],
    "-name": [Lower("name_fi").desc(), "-pk"],
    "updated_at": ["updated_at", "pk"],
    "-updated_at": ["-updated_at", "-pk"],
}
CONTACT_ORDERINGS: dict[str, list[Any]] = {
    "name": [Lower("name"), "pk"],
    "-name": [Lower("name").desc(), "-pk"],
}
REGION_ORDERINGS: dict[str, list[Any]] = {
    "code": ["code"],
    "-code": ["-code"],
    "name": [Lower("name_fi"), "pk"],
    "-name": [Lower("name_fi").desc(), "-pk"],
}
MUNICIPALITY_ORDERINGS: dict[str, list[Any]] = {**REGION_ORDERINGS}
_EVERYTHING = 2**62  # a search "page" holding every match


def _ref(ref: int | UUID) -> Q:
    return Q(uuid=ref) if isinstance(ref, UUID) else Q(pk=ref)


def services_with_relations(ids: list[int]) -> list[Service]:
    """Services in the given order with everything the API shows, in six queries."""
    by_id = {
        s.pk: s
        for s in Service.objects.select_related("organisation", "contact")
        .prefetch_related("target_groups", "ways_of_working", "languages", "municipalities")
        .filter(pk__in=ids)
    }
    return [by_id[i] for i in ids if i in by_id]


def service_list_for_api(
    *,
    text: str,
    filters: SearchFilters,
    organisation: int | UUID | None = None,
    ordering: str = "",
    offset: int,
    limit: int,
) -> tuple[int, list[Service]]:
    """(total, one page) of public services matching the text and filters, as the search page
    finds them. Relevance (the default with text) and name order (the default without) come from
    the index; other orders and the organisation filter re-sort or narrow every match."""
    groups = _facet_groups(_vocabulary(), filters)
    has_text = bool(search.parse_query(text))
    ordering = ordering or ("relevance" if has_text else "name")
    if organisation is None and (ordering == "relevance" or (ordering == "name" and not has_text)):
        outcome = search.search(text=text, facet_groups=groups, offset=offset, limit=limit)
        return outcome.total, services_with_relations(outcome.page_ids)
    ids = search.search(text=text, facet_groups=groups, offset=0, limit=_EVERYTHING).page_ids
    if organisation is not None:
        own = set(
            Service.objects.filter(
                organisation__in=Organisation.objects.filter(_ref(organisation))
            ).values_list("pk", flat=True)
        )
        ids = [i for i in ids if i in own]
    if ordering in ("name", "-name") and has_text:
        alphabetical = search.search(text="", facet_groups={}, offset=0, limit=_EVERYTHING).page_ids
        rank = {pk: n for n, pk in enumerate(alphabetical)}
        ids.sort(key=lambda pk: rank.get(pk, 0))
    if ordering == "-name":
        ids.reverse()
    elif ordering in ("updated_at", "-updated_at"):
        # A few hundred ids go in one IN (...); beyond that reading every public service's time
        # is cheaper than chunking, and stays under SQLite's limit on query parameters.
        rows = Service.objects.filter(pk__in=ids) if len(ids) <= 500 else public_services()
        stamps = dict(rows.values_list("pk", "updated_at"))
        ids = sorted((i for i in ids if i in stamps), key=lambda i: (stamps[i], i))
        if ordering == "-updated_at":
            ids.reverse()
    return len(ids), services_with_relations(ids[offset : offset + limit])


def _word_matches(columns: Sequence[str], variants: tuple[str, ...]) -> Q:
    match = Q()
    for column in columns:
        for variant in variants:
            match |= Q(**{f"{column}__icontains": variant})
    return match


def organisations_filtered(
    queryset: QuerySet[Organisation], *, text: str, filters: SearchFilters
) -> QuerySet[Organisation]:
    """Organisations with the search page's filters: where they work (their own municipalities
    and regions), kind, language, and target group / way of working of their public services.
    Text: every query word (or its base form) in a name or description, in any language."""
    everyone = Organisation.objects.all()
    if filters.regions:
        queryset = queryset.filter(
            Q(pk__in=everyone.filter(municipalities__region__code__in=filters.regions).values("pk"))
            | Q(pk__in=everyone.filter(regions__code__in=filters.regions).values("pk"))
        )
    if filters.municipalities:
        queryset = queryset.filter(
            pk__in=everyone.filter(municipalities__code__in=filters.municipalities).values("pk")
        )
    if filters.kinds:
        queryset = queryset.filter(kind__in=filters.kinds)
    if filters.languages:
        queryset = queryset.filter(pk__in=everyone.filter(languages__code__in=filters.languages).values("pk"))
    if filters.target_groups:
        queryset = queryset.filter(
            pk__in=public_services()
            .filter(target_groups__slug__in=filters.target_groups)
            .values("organisation_id")
        )
    if filters.ways:
        queryset = queryset.filter(
            pk__in=public_services().filter(ways_of_working__slug__in=filters.ways).values("organisation_id")
        )
    columns = [f"{field}_{lang}" for field in ("name", "description") for lang in search.LANGS]
    for variants in search.parse_query(text):
        queryset = queryset.filter(_word_matches(columns, variants))
    return queryset


def organisation_list_for_api(
    *, text: str, filters: SearchFilters, ordering: str = ""
) -> QuerySet[Organisation]:
    return (
        organisations_filtered(public_organisations(), text=text, filters=filters)
        .prefetch_related("municipalities", "regions", "languages")
        .order_by(*ORGANISATION_ORDERINGS[ordering or "name"])
    )


def contact_list_for_api(
    *, text: str, filters: SearchFilters, organisation: int | UUID | None = None, ordering: str = ""
) -> QuerySet[ContactPerson]:
    """Contact people who agreed to be shown, of published organisations matching the filters;
    text matches their names and titles."""
    organisations = organisations_filtered(public_organisations(), text="", filters=filters)
    if organisation is not None:
        organisations = organisations.filter(_ref(organisation))
    contacts = ContactPerson.objects.select_related("organisation").filter(
        is_public=True, organisation__in=organisations
    )
    columns = ["name", *(f"title_{lang}" for lang in search.LANGS)]
    for variants in search.parse_query(text):
        contacts = contacts.filter(_word_matches(columns, variants))
    return contacts.order_by(*CONTACT_ORDERINGS[ordering or "name"])


def region_list_for_api(*, ordering: str = "") -> QuerySet[Region]:
    return Region.objects.order_by(*REGION_ORDERINGS[ordering or "code"])


def municipality_list_for_api(*, text: str, regions: list[str], ordering: str = "") -> QuerySet[Municipality]:
    municipalities = Municipality.objects.select_related("region")
    if regions:
        municipalities = municipalities.filter(region__code__in=regions)
    if text:
        municipalities = municipalities.filter(_word_matches(["name_fi", "name_sv"], (text,)))
    return municipalities.order_by(*MUNICIPALITY_ORDERINGS[ordering or "name"])


def region_get_for_api(code: str) -> Region:
    if not code.isascii() or not code.isalnum():  # no code has anything else (PostgreSQL refuses NUL)
        raise Http404
    region = Region.objects.filter(code=code.upper()).first()
    if region is None:
        raise Http404
    return region


def municipality_get_for_api(code: str) -> Municipality:
    if not code.isascii() or not code.isdigit():
        raise Http404
    municipality = Municipality.objects.select_related("region").filter(code=code).first()
    if municipality is None:
        raise Http404
    return municipality


def organisation_get_for_api(*, user: Any, ref: int | UUID) -> Organisation:
    organisation = (
        Organisation.objects.prefetch_related("municipalities", "regions", "languages")
        .filter(_ref(ref))
        .first()
    )
    if organisation is None or not permissions.can_view_organisation(user, organisation):
        raise Http404
    return organisation


def service_get_for_api(*, user: Any, ref: int | UUID) -> Service:
    pk = Service.objects.filter(_ref(ref)).values_list("pk", flat=True).first()
    found = services_with_relations([pk]) if pk is not None else []
    if not found:
        raise Http404
    service = found[0]
    if not service.is_public and not permissions.can_edit_organisation(user, service.organisation):
        raise Http404
    return service


def contact_get_for_api(*, user: Any, pk: int) -> ContactPerson:
    contact = ContactPerson.objects.select_related("organisation").filter(pk=pk).first()
    if contact is None:
        raise Http404
    shown = contact.is_public and contact.organisation.is_published
    if not shown and not permissions.can_edit_organisation(user, contact.organisation):
        raise Http404
    return contact


def organisation_holding_business_id(
    business_id: str, *, other_than: int | None = None
) -> Organisation | None:
    """The organisation that already has this business ID (normalised), if any."""
    if not business_id:
        return None
    holders = Organisation.objects.filter(business_id=normalise_business_id(business_id))
    if other_than is not None:
        holders = holders.exclude(pk=other_than)
    return holders.first()
