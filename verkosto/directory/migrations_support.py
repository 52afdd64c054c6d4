"""SQL shared by the search migration and the search queries; they must agree to the letter, or
PostgreSQL will not use the GIN index."""

PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, names), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'B') || "
    "to_tsvector('simple'::regconfig, facets))"
)
