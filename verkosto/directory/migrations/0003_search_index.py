"""The full-text index over ServiceSearchEntry, one kind per database.

SQLite: an FTS5 table with the entry table as external content, kept in step by triggers.
PostgreSQL: a GIN index over a weighted tsvector of the same columns (the 'simple' configuration,
because the terms are already normalised by verkosto.textanalytics).
"""

from django.db import migrations

from verkosto.directory.migrations_support import PG_VECTOR

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE directory_service_fts USING fts5(
        names, body, facets,
        content='directory_servicesearchentry', content_rowid='service_id',
        tokenize="unicode61 remove_diacritics 0"
    )
    """,
    """
    CREATE TRIGGER directory_sse_ai AFTER INSERT ON directory_servicesearchentry BEGIN
        INSERT INTO directory_service_fts(rowid, names, body, facets)
        VALUES (new.service_id, new.names, new.body, new.facets);
    END
    """,
    """
    CREATE TRIGGER directory_sse_ad AFTER DELETE ON directory_servicesearchentry BEGIN
        INSERT INTO directory_service_fts(directory_service_fts, rowid, names, body, facets)
        VALUES ('delete', old.service_id, old.names, old.body, old.facets);
    END
    """,
    """
    CREATE TRIGGER directory_sse_au AFTER UPDATE ON directory_servicesearchentry BEGIN
        INSERT INTO directory_service_fts(directory_service_fts, rowid, names, body, facets)
        VALUES ('delete', old.service_id, old.names, old.body, old.facets);
        INSERT INTO directory_service_fts(rowid, names, body, facets)
        VALUES (new.service_id, new.names, new.body, new.facets);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS directory_sse_au",
    "DROP TRIGGER IF EXISTS directory_sse_ad",
    "DROP TRIGGER IF EXISTS directory_sse_ai",
    "DROP TABLE IF EXISTS directory_service_fts",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX directory_sse_fts ON directory_servicesearchentry USING gin ({PG_VECTOR})"
        )


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_sse_fts")


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_managed_lists")]
    operations = [migrations.RunPython(forward, backward)]
