"""Reads for the directory pages, already scoped to what the user may see."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from verkosto.accounts import permissions
from verkosto.core.models import Municipality, Region

from . import search
from .models import ContactPerson, Language, Organisation, Service, TargetGroup, WayOfWorking

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
    """Facet values with their tokens and labels, looked up once per request."""

    values: dict[str, list[tuple[str, str, str]]]  # facet -> [(key, token, label)]

    def tokens(self, facet: str, keys: Sequence[str]) -> list[str]:
        wanted = set(keys)
        return [token for key, token, _ in self.values[facet] if key in wanted]


def _vocabulary() -> _Vocabulary:
    values: dict[str, list[tuple[str, str, str]]] = {
        "regions": [(r.code, search.region_token(r.pk), r.name) for r in Region.objects.all()],
        "municipalities": [
            (m.code, search.municipality_token(m.pk), m.name) for m in Municipality.objects.all()
        ],
        "kinds": [(k.value, search.kind_token(k.value), str(k.label)) for k in Organisation.Kind],
        "target_groups": [
            (t.slug, search.target_group_token(t.pk), t.name) for t in TargetGroup.objects.all()
        ],
        "ways": [(w.slug, search.way_token(w.pk), w.name) for w in WayOfWorking.objects.all()],
        "languages": [
            (lang.code, search.language_token(lang.pk), lang.name) for lang in Language.objects.all()
        ],
    }
    return _Vocabulary(values)


def _facet_groups(
    vocabulary: _Vocabulary, filters: SearchFilters, skip: str | None = None
) -> list[list[str]]:
    groups = []
    for name in FACET_NAMES:
        if name == skip:
            continue
        keys = getattr(filters, name)
        if keys:
            # An unknown key matches nothing rather than being ignored: the user asked for it.
            groups.append(vocabulary.tokens(name, keys) or ["x0"])
    return groups


def _match(text: str, groups: list[list[str]]) -> list[search.Match]:
    matches = search.search_match(text=text, facet_tokens=groups)
    return search.all_entries_facets() if matches is None else matches


def _count(
    vocabulary: _Vocabulary, facet: str, matches: list[search.Match], selected: list[str]
) -> list[FacetValue]:
    counter: Counter[str] = Counter()
    for match in matches:
        counter.update(match.facets.split())
    chosen = set(selected)
    out = [
        FacetValue(key, label, counter[token], key in chosen)
        for key, token, label in vocabulary.values[facet]
        if counter[token] or key in chosen
    ]
    if facet in ("municipalities",):
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
    matches = _match(text, _facet_groups(vocabulary, filters))
    facets: dict[str, list[FacetValue]] = {}
    for name in FACET_NAMES:
        selected = getattr(filters, name)
        source = _match(text, _facet_groups(vocabulary, filters, skip=name)) if selected else matches
        facets[name] = _count(vocabulary, name, source, selected)

    total = len(matches)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    ids = [m.service_id for m in matches[(page - 1) * per_page : page * per_page]]
    return SearchResult(
        text=text,
        total=total,
        page=page,
        pages=pages,
        services=services_in_order(ids),
        facets=facets,
        filters=filters,
    )


def _service_list_queryset() -> QuerySet[Service]:
    return Service.objects.select_related("organisation").prefetch_related(
        Prefetch(
            "municipalities",
            queryset=Municipality.objects.only("pk", "name_fi", "name_sv", "name_en", "region_id"),
        ),
        "target_groups",
        "ways_of_working",
        "languages",
    )


def services_in_order(ids: list[int]) -> list[Service]:
    by_id = {s.pk: s for s in _service_list_queryset().filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


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
    return {
        "organisations": public_organisations().count(),
        "services": public_services().count(),
    }


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
    qs = _service_list_queryset().filter(organisation=organisation)
    if not permissions.can_edit_organisation(user, organisation):
        qs = qs.filter(is_published=True)
    return list(qs)


def organisation_contacts_for_view(*, user: Any, organisation: Organisation) -> list[ContactPerson]:
    qs = organisation.contacts.all()
    if not permissions.can_edit_organisation(user, organisation):
        qs = qs.filter(is_public=True)
    return list(qs)


def service_get_for_view(*, user: Any, pk: int) -> Service:
    service = _service_list_queryset().select_related("contact", "organisation").filter(pk=pk).first()
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
