"""Keeping the search index in step with the directory, and querying it.

Writes: `search_index_services(ids)` refreshes entries of the given services (services.py calls it
after every change, bulk loaders once at the end); `search_index_rebuild()` does every service.
Reads: `search(...)` asks the full-text index (SQLite FTS5 or a PostgreSQL GIN index) which services
match the words, then filters, ranks and counts facets in memory (facetstore.py); selectors turn
the outcome into pages.
"""

from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.utils import translation

from verkosto.core.models import Municipality, Region
from verkosto.textanalytics import normalise

from .facetstore import IntArray, facet_store
from .models import Organisation, SearchIndexState, Service, ServiceSearchEntry, TargetGroup, WayOfWorking

LANGS = ("fi", "sv", "en")
_BATCH = 2000
# Function words that carry no meaning in a query ("nuoret ja työ", "unga i Kajana").
STOPWORDS = frozenset(
    (  # noqa: SIM905 - one line per language reads better than a long list
        "ja tai sekä on ei se ne että kun jos mutta myös kuin joka mitä "  # Finnish
        "och eller i på av för med till om som att det den en ett är "  # Swedish
        "and or the of for in on at to a an with by is are"  # English
    ).split()
)


# --- facet tokens --------------------------------------------------------------------------------
# One token per facet value; letters only before the id so that both FTS5 (unicode61) and
# PostgreSQL's 'simple' parser keep each token whole.


def region_token(region_id: int) -> str:
    return f"r{region_id}"


def municipality_token(municipality_id: int) -> str:
    return f"m{municipality_id}"


def kind_token(kind: str) -> str:
    return "k" + kind.replace("_", "")


def target_group_token(target_group_id: int) -> str:
    return f"t{target_group_id}"


def way_token(way_id: int) -> str:
    return f"w{way_id}"


def language_token(language_id: int) -> str:
    return f"l{language_id}"


# --- indexing ------------------------------------------------------------------------------------


def _terms(pieces: Iterable[tuple[str, str]]) -> str:
    out: list[str] = []
    for lang, text in pieces:
        if text:
            out.extend(normalise.tokens(text, lang))  # type: ignore[arg-type]
    return " ".join(out)


def _translated_terms(values: dict[str, Any], field: str) -> str:
    return _terms((lang, values.get(f"{field}_{lang}") or "") for lang in LANGS)


class _Vocabulary:
    """Index terms of every managed-list label, region and municipality, computed once per run."""

    def __init__(self) -> None:
        def labels(model: Any) -> dict[int, str]:
            rows = model.objects.values("pk", *(f"name_{lang}" for lang in LANGS))
            return {row["pk"]: _translated_terms(row, "name") for row in rows}

        self.target_groups = labels(TargetGroup)
        self.ways = labels(WayOfWorking)
        self.regions = labels(Region)
        self.municipalities: dict[int, tuple[str, int]] = {}
        for pk, name_fi, name_sv, region_id in Municipality.objects.values_list(
            "pk", "name_fi", "name_sv", "region_id"
        ):
            pieces = [("fi", name_fi or "")] + ([("sv", name_sv)] if name_sv and name_sv != name_fi else [])
            self.municipalities[pk] = (_terms(pieces), region_id)
        self.kinds: dict[str, str] = {}
        for kind in Organisation.Kind:
            pieces = []
            for lang in LANGS:
                with translation.override(lang):
                    pieces.append((lang, str(kind.label)))
            self.kinds[kind.value] = _terms(pieces)


def _pairs(through: Any, owner: str, other: str, ids: Sequence[int]) -> dict[int, list[int]]:
    """owner id -> [related ids] for a many-to-many through table, in one query."""
    out: dict[int, list[int]] = defaultdict(list)
    for owner_id, other_id in through.objects.filter(**{f"{owner}__in": ids}).values_list(owner, other):
        out[owner_id].append(other_id)
    return out


_TEXT_FIELDS = [f"{field}_{lang}" for field in ("name", "description") for lang in LANGS]


def _build_entries(chunk: Sequence[int], vocabulary: _Vocabulary) -> list[ServiceSearchEntry]:
    services = list(
        Service.objects.filter(pk__in=chunk, is_published=True, organisation__is_published=True).values(
            "pk", "organisation_id", *_TEXT_FIELDS
        )
    )
    if not services:
        return []
    ids = [row["pk"] for row in services]
    org_ids = sorted({row["organisation_id"] for row in services})
    organisations = {
        row["pk"]: row
        for row in Organisation.objects.filter(pk__in=org_ids).values("pk", "kind", *_TEXT_FIELDS)
    }
    service_municipalities = _pairs(Service.municipalities.through, "service_id", "municipality_id", ids)
    service_groups = _pairs(Service.target_groups.through, "service_id", "targetgroup_id", ids)
    service_ways = _pairs(Service.ways_of_working.through, "service_id", "wayofworking_id", ids)
    service_languages = _pairs(Service.languages.through, "service_id", "language_id", ids)
    org_municipalities = _pairs(
        Organisation.municipalities.through, "organisation_id", "municipality_id", org_ids
    )
    org_regions = _pairs(Organisation.regions.through, "organisation_id", "region_id", org_ids)
    org_terms = {
        pk: (_translated_terms(row, "name"), _translated_terms(row, "description"))
        for pk, row in organisations.items()
    }

    entries = []
    for row in services:
        sid, oid = row["pk"], row["organisation_id"]
        org = organisations[oid]
        # A service without its own area serves where its organisation does.
        municipalities = service_municipalities.get(sid) or org_municipalities.get(oid, [])
        regions = sorted({vocabulary.municipalities[m][1] for m in municipalities}) or org_regions.get(
            oid, []
        )
        groups, ways, languages = (
            service_groups.get(sid, []),
            service_ways.get(sid, []),
            service_languages.get(sid, []),
        )
        org_names, org_description = org_terms[oid]
        body = [
            _translated_terms(row, "description"),
            org_description,
            vocabulary.kinds.get(org["kind"], ""),
            *(vocabulary.target_groups[g] for g in groups),
            *(vocabulary.ways[w] for w in ways),
            *(vocabulary.regions[r] for r in regions),
            *(vocabulary.municipalities[m][0] for m in municipalities),
        ]
        facets = [kind_token(org["kind"])]
        facets += [region_token(r) for r in regions]
        facets += [municipality_token(m) for m in municipalities]
        facets += [target_group_token(g) for g in groups]
        facets += [way_token(w) for w in ways]
        facets += [language_token(lang) for lang in languages]
        entries.append(
            ServiceSearchEntry(
                service_id=sid,
                names=f"{_translated_terms(row, 'name')} {org_names}",
                body=" ".join(part for part in body if part),
                facets=" ".join(facets),
                sort_name=(row["name_fi"] or row["name_sv"] or row["name_en"] or "").lower()[:200],
            )
        )
    return entries


def _bump_token() -> None:
    """Tell every process that the index changed (inside the caller's transaction)."""
    SearchIndexState.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


_deferred = threading.local()


@contextmanager
def search_index_deferred() -> Iterator[None]:
    """Inside this block index refreshes are collected and done once, at its end: for bulk writes
    (an import of thousands of rows) that would otherwise refresh the index row by row. Use it
    inside the bulk write's transaction so that the index commits or rolls back with the data."""
    if getattr(_deferred, "ids", None) is not None:
        yield  # already deferring: the outer block indexes
        return
    _deferred.ids = set()
    try:
        yield
        ids = _deferred.ids
    finally:
        _deferred.ids = None
    search_index_services(ids)


def search_index_services(ids: Iterable[int]) -> int:
    """Refresh the entries of these services; returns how many are public (indexed).
    Entries of drafts, of services of draft organisations and of deleted services are removed."""
    pending: set[int] | None = getattr(_deferred, "ids", None)
    if pending is not None:
        pending.update(ids)
        return 0
    id_list = sorted(set(ids))
    if not id_list:
        return 0
    vocabulary = _Vocabulary()
    indexed = 0
    _bump_token()
    for start in range(0, len(id_list), _BATCH):
        chunk = id_list[start : start + _BATCH]
        with transaction.atomic():
            ServiceSearchEntry.objects.filter(service_id__in=chunk).delete()
            entries = _build_entries(chunk, vocabulary)
            ServiceSearchEntry.objects.bulk_create(entries, batch_size=500)
            indexed += len(entries)
    return indexed


def search_index_organisation(organisation: Organisation) -> int:
    return search_index_services(organisation.services.values_list("pk", flat=True))


def search_index_rebuild() -> int:
    with transaction.atomic():
        ServiceSearchEntry.objects.all().delete()
        _bump_token()
    return search_index_services(Service.objects.values_list("pk", flat=True))


# --- querying ------------------------------------------------------------------------------------
# Two kinds of lookups go to the database's full-text index: every service matching all query words
# (no ranking), and, per query word, the services having it in their names. Ranking, facet filters
# and facet counts are then done in memory on the facet store (facetstore.py).


def _fts5_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _pg_quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "\\'") + "'"


def parse_query(text: str) -> list[tuple[str, ...]]:
    """Query words as alternatives of normalised terms; stop words and empty words dropped."""
    out = []
    for word in normalise.words(text or ""):
        if word.lower() in STOPWORDS:
            continue
        variants = normalise.query_variants(word)
        if variants:
            out.append(variants)
    return out[:12]  # a longer query adds nothing but cost


@dataclass(frozen=True)
class IndexHits:
    """What the full-text index says about a query."""

    matching: IntArray  # ids of services matching every word
    in_names: list[IntArray]  # per word, ids of services with that word in their names


def index_lookup(words: list[tuple[str, ...]]) -> IndexHits:
    if connection.vendor == "postgresql":
        return _lookup_postgresql(words)
    return _lookup_sqlite(words)


def _ids_from_text(joined: str | None) -> IntArray:
    # The ids come back as one comma-separated string: three times faster than a row per id.
    if not joined:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")


def _sqlite_ids(expression: str) -> IntArray:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT group_concat(rowid) FROM directory_service_fts WHERE directory_service_fts MATCH %s",
            [expression],
        )
        return _ids_from_text(cursor.fetchone()[0])


def _lookup_sqlite(words: list[tuple[str, ...]]) -> IndexHits:
    def any_of(columns: str, variants: tuple[str, ...]) -> str:
        return "(" + " OR ".join(f"{columns} : {_fts5_quote(v)}" for v in variants) + ")"

    matching = _sqlite_ids(" AND ".join(any_of("{names body}", variants) for variants in words))
    in_names = [_sqlite_ids(any_of("names", variants)) for variants in words] if matching.size else []
    return IndexHits(matching, in_names)


def _pg_ids(tsquery: str) -> IntArray:
    from .migrations_support import PG_VECTOR

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT string_agg(service_id::text, ',') FROM directory_servicesearchentry "
            f"WHERE {PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)",
            [tsquery],
        )
        return _ids_from_text(cursor.fetchone()[0])


def _lookup_postgresql(words: list[tuple[str, ...]]) -> IndexHits:
    def any_of(weights: str, variants: tuple[str, ...]) -> str:
        return "(" + " | ".join(f"{_pg_quote(v)}:{weights}" for v in variants) + ")"

    matching = _pg_ids(" & ".join(any_of("AB", variants) for variants in words))
    in_names = [_pg_ids(any_of("A", variants)) for variants in words] if matching.size else []
    return IndexHits(matching, in_names)


@dataclass(frozen=True)
class SearchOutcome:
    total: int
    page_ids: list[int]  # the requested page, best first
    facet_counts: dict[str, dict[str, int]]  # facet group -> token -> count


def search(
    *,
    text: str,
    facet_groups: dict[str, list[str]],
    offset: int,
    limit: int,
) -> SearchOutcome:
    """Public services matching the text (every word) and the facet groups (any token within a
    group, every group), best first; with facet counts per group that ignore that group's own
    selection but respect the text and the other groups.

    Best first: the most query words in the service's or organisation's name, then the shortest
    name (a name that is mostly the query is the most specific), then alphabetical. Without text,
    alphabetical.
    """
    store = facet_store()
    words = parse_query(text)
    if words:
        hits = index_lookup(words)
        text_mask = np.zeros(store.size, dtype=bool)
        text_mask[store.positions(hits.matching)] = True
    else:
        hits = IndexHits(np.empty(0, dtype=np.int64), [])
        text_mask = np.ones(store.size, dtype=bool)

    group_masks = {name: store.mask_any(tokens) for name, tokens in facet_groups.items()}
    final = text_mask.copy()
    for mask in group_masks.values():
        final &= mask

    counts: dict[str, dict[str, int]] = {"": store.count(final)}
    for name in group_masks:
        base = text_mask.copy()
        for other, mask in group_masks.items():
            if other != name:
                base &= mask
        counts[name] = store.count(base)

    rows = np.flatnonzero(final)
    if words:
        name_hits = np.zeros(store.size, dtype=np.int64)
        for ids in hits.in_names:
            name_hits[store.positions(ids)] += 1
        order = np.lexsort((store.name_order[rows], store.name_length[rows], -name_hits[rows]))
    else:
        order = np.argsort(store.name_order[rows], kind="stable")
    page = rows[order[offset : offset + limit]]
    return SearchOutcome(
        total=int(rows.size),
        page_ids=[int(i) for i in store.ids[page]],
        facet_counts=counts,
    )
