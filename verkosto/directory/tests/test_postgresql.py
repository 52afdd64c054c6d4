"""PostgreSQL only: the search uses the GIN index the migration builds."""

from __future__ import annotations

import pytest
from django.db import connection

from verkosto.directory.migrations_support import PG_VECTOR
from verkosto.directory.search import index_lookup, parse_query, search_index_rebuild

from .factories import ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]


def test_search_query_is_answered_by_the_gin_index() -> None:
    for n in range(30):
        ServiceFactory(name_fi=f"Palvelu {n}", description_fi="työpaja" if n % 3 == 0 else "neuvonta")
    search_index_rebuild()
    hits = index_lookup(parse_query("työpajoissa"))
    assert len(hits.matching) == 10
    assert [len(ids) for ids in hits.in_names] == [0]  # the word is in descriptions only
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT service_id FROM directory_servicesearchentry "
            f"WHERE {PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)",
            ["työpaj"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "directory_sse_fts" in plan, plan
