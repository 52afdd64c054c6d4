"""Reads for the directory pages, already scoped to what the user may see."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import translation

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
