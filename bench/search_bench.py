"""Search benchmark: the search page over HTTP against the same queries straight on the index.

Builds (once, then reuses) a SQLite database with generated directory data, serves the product
with a real WSGI server on a loopback port, and for a fixed list of realistic queries measures
  - HTTP: the full search page (request, Django, index lookup, facet counts, rendering, response)
  - index: the same query straight against the FTS5 index in SQL (every word and filter in one
    MATCH, bm25-ranked, first 20 rows), no Django around it
and prints median and 95th percentile of each, per query and overall, with their ratio.

Usage: python bench/search_bench.py [--organisations N] [--services N] [--repeat N] [--fresh]
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

QUERIES: list[dict[str, str | list[str]]] = [
    {"q": "työpaja"},
    {"q": "työpajoissa"},
    {"q": "nuorille"},
    {"q": "Kajaanissa"},
    {"q": "etsivä nuorisotyö"},
    {"q": "maahanmuuttajille"},
    {"q": "osatyökykyisille Tampereella"},
    {"q": "työhönvalmennus"},
    {"q": "mielenterveyskuntoutujat"},
    {"q": "Ohjaamo Oulu"},
    {"q": "päihdekuntoutujille"},
    {"q": "työkokeilu Turussa"},
    {"q": "nuoret Helsingissä"},
    {"q": "opiskelijat"},
    {"q": "ungdomsverkstaden"},
    {"q": "invandrare Vasa"},
    {"q": "arbetslösa"},
    {"q": "youth workshop"},
    {"q": "työpaja", "region": "MK18"},
    {"q": "nuorille", "way": "group", "target": "neet"},
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=20_000)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--fresh", action="store_true", help="rebuild the database even if one exists")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    db_path = OUT / f"bench-{args.organisations}-{args.services}.sqlite3"
    if args.fresh and db_path.exists():
        db_path.unlink()
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict

    from verkosto.directory import search, selectors
    from verkosto.directory.forms import search_filters_from
    from verkosto.directory.models import Service

    call_command("migrate", verbosity=0)
    if not Service.objects.exists():
        print(f"generating {args.organisations} organisations and {args.services} services (once) ...")
        started = time.perf_counter()
        call_command("generate_directory", organisations=args.organisations, services=args.services)
        print(f"  generated in {time.perf_counter() - started:.0f} s into {db_path}")
    total_services = Service.objects.count()
    indexed = search.ServiceSearchEntry.objects.count()
    print(
        f"database: {total_services} services, {indexed} in the search index, SQLite {connection.Database.sqlite_version}"
    )

    server = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=QuietHandler)
    port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def http_get(params: dict[str, str | list[str]]) -> tuple[float, int, bytes]:
        path = "/search/?" + urlencode(params, doseq=True)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.perf_counter()
        conn.request("GET", path, headers={"Accept-Language": "fi"})
        response = conn.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        conn.close()
        return elapsed * 1000, response.status, body

    vocabulary = selectors._vocabulary()

    def raw_sql(params: dict[str, str | list[str]]) -> str:
        """The query straight against the FTS5 index: every word (any of its variants) and every
        facet filter in one MATCH, ranked by bm25, the first page of 20."""
        filters = selectors.SearchFilters(**search_filters_from(QueryDict(urlencode(params, doseq=True))))
        words = search.parse_query(str(params.get("q", "")))
        clauses = ["(" + " OR ".join(f'{{names body}} : "{v}"' for v in variants) + ")" for variants in words]
        clauses += [
            "(" + " OR ".join(f'facets : "{t}"' for t in tokens) + ")"
            for tokens in selectors._facet_groups(vocabulary, filters).values()
        ]
        return " AND ".join(clauses)

    def index_lookup(params: dict[str, str | list[str]]) -> tuple[float, int]:
        expression = raw_sql(params)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM directory_service_fts WHERE directory_service_fts MATCH %s "
                "ORDER BY bm25(directory_service_fts, 10.0, 1.0, 0.0) LIMIT 20",
                [expression],
            )
            cursor.fetchall()
            elapsed = (time.perf_counter() - started) * 1000
            cursor.execute(
                "SELECT count(*) FROM directory_service_fts WHERE directory_service_fts MATCH %s",
                [expression],
            )
            hits = cursor.fetchone()[0]
        return elapsed, hits

    http_all: list[float] = []
    index_all: list[float] = []
    rows = []
    for params in QUERIES:
        http_get(params)  # warm caches (Voikko/simplemma, SQLite pages)
        index_lookup(params)
        http_times, index_times = [], []
        hits = 0
        for _ in range(args.repeat):
            ms, status, _body = http_get(params)
            if status != 200:
                raise SystemExit(f"HTTP {status} for {params}")
            http_times.append(ms)
            ms, hits = index_lookup(params)
            index_times.append(ms)
        http_all += http_times
        index_all += index_times
        rows.append((params, hits, http_times, index_times))

    label_width = 44
    print()
    print(
        f"{'query':<{label_width}} {'hits':>6}  {'HTTP p50':>8} {'p95':>7}  {'index p50':>9} {'p95':>7}  {'ratio p50':>9}"
    )
    for params, hits, http_times, index_times in rows:
        label = urlencode(params, doseq=True)[:label_width]
        h50, h95 = statistics.median(http_times), percentile(http_times, 95)
        i50, i95 = statistics.median(index_times), percentile(index_times, 95)
        print(
            f"{label:<{label_width}} {hits:>6}  {h50:>8.1f} {h95:>7.1f}  {i50:>9.1f} {i95:>7.1f}  {h50 / i50:>9.2f}"
        )
    h50, h95 = statistics.median(http_all), percentile(http_all, 95)
    i50, i95 = statistics.median(index_all), percentile(index_all, 95)
    print()
    print(f"all {len(http_all)} requests: HTTP median {h50:.1f} ms, p95 {h95:.1f} ms")
    print(f"index lookups:       median {i50:.1f} ms, p95 {i95:.1f} ms")
    print(f"ratio HTTP / index:  median {h50 / i50:.2f}x, p95 {h95 / i95:.2f}x")
    ok_p95 = h95 <= 50
    ok_ratio = h95 / i95 <= 3
    print(
        f"target p95 <= 50 ms: {'met' if ok_p95 else 'NOT met'}; target <= 3x index: {'met' if ok_ratio else 'NOT met'}"
    )
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
