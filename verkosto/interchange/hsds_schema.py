"""Validating HSDS 3.0 documents against the official schemas shipped in schemas/hsds/.

The canonical schemas are one object per file linked by relative `$ref` ("phone.json"); they are
loaded once into a `referencing` registry under the specification's own base URI, so nothing is
ever fetched. Validators are draft 2020-12 with the format checker on (uuid, email, and uri or
date-time where jsonschema's optional format packages are installed) and cached per kind.

Kinds: the objects (`service`, `organization`, `service_at_location`, `taxonomy`,
`taxonomy_term`, `location`) and their list pages (`service_page`, `organization_page`, ...): the
page wrapper of the HSDS OpenAPI description (`components/schemas/Page`) with `contents` items of
that object's schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "hsds"
# The specification's own location: relative $refs resolve against it, all from local files.
BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OBJECT_KINDS = ("service", "organization", "service_at_location", "taxonomy", "taxonomy_term", "location")
PAGE_KINDS = tuple(f"{kind}_page" for kind in OBJECT_KINDS)
MAX_REPORTED_ERRORS = 50


@dataclass(frozen=True)
class SchemaProblem:
    """One reason a document does not validate: where (a JSON pointer-like path) and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@lru_cache(maxsize=1)
def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (BASE_URI + path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


def schema_for(kind: str) -> dict[str, Any]:
    """The (small) root schema of a kind; it refers into the registry."""
    if kind in OBJECT_KINDS:
        return {"$ref": f"{BASE_URI}{kind}.json"}
    if kind in PAGE_KINDS:
        item = kind.removesuffix("_page")
        return {
            "allOf": [{"$ref": f"{BASE_URI}openapi.json#/components/schemas/Page"}],
            "type": "object",
            "required": ["contents"],
            "properties": {"contents": {"type": "array", "items": {"$ref": f"{BASE_URI}{item}.json"}}},
        }
    raise ValueError(f"unknown HSDS document kind: {kind!r}")


@lru_cache(maxsize=len(OBJECT_KINDS) * 2)
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema_for(kind), registry=registry(), format_checker=FormatChecker())


def _path(error: SchemaError) -> str:
    return "/" + "/".join(str(part) for part in error.absolute_path)


def problems(document: Any, *, kind: str) -> list[SchemaProblem]:
    """Every reason `document` is not a valid `kind`, in document order; empty when it validates."""
    errors = sorted(validator(kind).iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    return [SchemaProblem(path=_path(error), message=error.message) for error in errors]


def is_valid(document: Any, *, kind: str) -> bool:
    return validator(kind).is_valid(document)
