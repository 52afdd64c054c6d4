"""Keeping the search index in step with the directory, and querying it.

Writes: `search_index_services(ids)` refreshes entries of the given services (services.py calls it
after every change, bulk loaders once at the end); `search_index_rebuild()` does every service.
Reads: `search_match(...)` runs one index lookup that returns every matching service id with its
facet tokens, best match first; selectors build pages and facet counts from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import translation

from verkosto.core.models import Municipality
from verkosto.textanalytics import normalise

from .models import Organisation, Service, ServiceSearchEntry

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


def _texts(obj: object, field: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{field}_{lang}", None) or "" for lang in LANGS}


def _terms(pieces: Iterable[tuple[str, str]]) -> str:
    out: list[str] = []
    for lang, text in pieces:
        if text:
            out.extend(normalise.tokens(text, lang))  # type: ignore[arg-type]
    return " ".join(out)


def _services_for_index(ids: Sequence[int]) -> Iterable[Service]:
    return (
        Service.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.select_related("region")),
            Prefetch("organisation__municipalities", queryset=Municipality.objects.select_related("region")),
            "organisation__regions",
            "target_groups",
            "ways_of_working",
            "languages",
        )
    )


def build_entry(service: Service) -> ServiceSearchEntry | None:
    """The entry for one service, or None when the service is not public."""
    org = service.organisation
    if not (service.is_published and org.is_published):
        return None
    municipalities = list(service.municipalities.all()) or list(org.municipalities.all())
    regions = {m.region for m in municipalities} or set(org.regions.all())
    target_groups = list(service.target_groups.all())
    ways = list(service.ways_of_working.all())
    languages = list(service.languages.all())

    names = _terms(
        [(lang, getattr(service, f"name_{lang}") or "") for lang in LANGS]
        + [(lang, getattr(org, f"name_{lang}") or "") for lang in LANGS]
    )
    body_pieces: list[tuple[str, str]] = []
    for lang in LANGS:
        body_pieces.append((lang, getattr(service, f"description_{lang}") or ""))
        body_pieces.append((lang, getattr(org, f"description_{lang}") or ""))
        with translation.override(lang):
            body_pieces.append((lang, str(Organisation.Kind(org.kind).label)))
        for item in (*target_groups, *ways, *regions):
            body_pieces.append((lang, getattr(item, f"name_{lang}") or ""))
    for m in municipalities:
        name_fi, name_sv = getattr(m, "name_fi", "") or "", getattr(m, "name_sv", "") or ""
        body_pieces.append(("fi", name_fi))
        if name_sv and name_sv != name_fi:
            body_pieces.append(("sv", name_sv))
    facets = [kind_token(org.kind)]
    facets += [region_token(r.pk) for r in regions]
    facets += [municipality_token(m.pk) for m in municipalities]
    facets += [target_group_token(t.pk) for t in target_groups]
    facets += [way_token(w.pk) for w in ways]
    facets += [language_token(lang.pk) for lang in languages]
    return ServiceSearchEntry(
        service=service,
        names=names,
        body=_terms(body_pieces),
        facets=" ".join(facets),
        sort_name=(getattr(service, "name_fi", "") or service.name or "").lower()[:200],
    )


def search_index_services(ids: Iterable[int]) -> int:
    """Refresh the entries of these services; returns how many are public (indexed)."""
    id_list = sorted(set(ids))
    indexed = 0
    for start in range(0, len(id_list), _BATCH):
        chunk = id_list[start : start + _BATCH]
        with transaction.atomic():
            ServiceSearchEntry.objects.filter(service_id__in=chunk).delete()
            entries = [e for e in map(build_entry, _services_for_index(chunk)) if e is not None]
            ServiceSearchEntry.objects.bulk_create(entries)
            indexed += len(entries)
    return indexed


def search_index_organisation(organisation: Organisation) -> int:
    return search_index_services(organisation.services.values_list("pk", flat=True))


def search_index_rebuild() -> int:
    with transaction.atomic():
        ServiceSearchEntry.objects.all().delete()
    return search_index_services(Service.objects.values_list("pk", flat=True))


# --- querying ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    service_id: int
    facets: str


def _fts5_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


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


def search_match(*, text: str, facet_tokens: Sequence[Sequence[str]]) -> list[Match] | None:
    """Every public service matching the text and facets (OR within a facet, AND across), best
    first. Returns None when there is nothing to match on (no text, no facets): callers browse."""
    words = parse_query(text)
    if not words and not facet_tokens:
        return None
    if connection.vendor == "postgresql":
        return _match_postgresql(words, facet_tokens)
    return _match_sqlite(words, facet_tokens)


def _match_sqlite(words: list[tuple[str, ...]], facet_tokens: Sequence[Sequence[str]]) -> list[Match]:
    clauses = []
    for variants in words:
        alternatives = " OR ".join(f"{{names body}} : {_fts5_quote(v)}" for v in variants)
        clauses.append(f"({alternatives})")
    for group in facet_tokens:
        clauses.append("(" + " OR ".join(f"facets : {_fts5_quote(t)}" for t in group) + ")")
    expression = " AND ".join(clauses)
    if words:
        # bm25 is smaller for better matches; a name hit weighs ten body hits.
        sql = (
            "SELECT rowid, facets FROM directory_service_fts WHERE directory_service_fts MATCH %s "
            "ORDER BY bm25(directory_service_fts, 10.0, 1.0, 0.0), rowid"
        )
    else:
        sql = (
            "SELECT f.rowid, f.facets FROM directory_service_fts f "
            "JOIN directory_servicesearchentry e ON e.service_id = f.rowid "
            "WHERE directory_service_fts MATCH %s ORDER BY e.sort_name, f.rowid"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression])
        return [Match(row[0], row[1]) for row in cursor.fetchall()]


def _pg_quote(term: str) -> str:
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def _match_postgresql(words: list[tuple[str, ...]], facet_tokens: Sequence[Sequence[str]]) -> list[Match]:
    from .migrations_support import PG_VECTOR

    clauses = ["(" + " | ".join(f"{_pg_quote(v)}:AB" for v in variants) + ")" for variants in words]
    clauses += ["(" + " | ".join(_pg_quote(t) for t in group) + ")" for group in facet_tokens]
    tsquery = " & ".join(clauses)
    if words:
        order = f"ts_rank('{{0.1, 0.2, 0.4, 1.0}}', {PG_VECTOR}, q) DESC, service_id"
    else:
        order = "sort_name, service_id"
    sql = (
        f"SELECT service_id, facets FROM directory_servicesearchentry, "
        f"to_tsquery('simple'::regconfig, %s) q WHERE {PG_VECTOR} @@ q ORDER BY {order}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [tsquery])
        return [Match(row[0], row[1]) for row in cursor.fetchall()]


def all_entries_facets() -> list[Match]:
    """Every indexed service in name order (the browse view with no query)."""
    return [
        Match(sid, facets)
        for sid, facets in ServiceSearchEntry.objects.order_by("sort_name", "service_id").values_list(
            "service_id", "facets"
        )
    ]


__all__ = [
    "Match",
    "search_index_organisation",
    "search_index_rebuild",
    "search_index_services",
    "search_match",
]
