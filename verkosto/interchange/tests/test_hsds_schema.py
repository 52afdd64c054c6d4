"""The run-time validator: the HSDS schemas shipped in the package (never ../shared), draft 2020-12
with formats checked, cached; the same verdicts as the official compiled schemas."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from verkosto.interchange import hsds_schema

from .hsds_support import SHARED, example, needs_shared

PACKAGE = Path(hsds_schema.__file__).resolve().parent


def test_schemas_come_from_the_package() -> None:
    assert hsds_schema.SCHEMA_DIR.is_relative_to(PACKAGE)
    shipped = {p.name for p in hsds_schema.SCHEMA_DIR.glob("*.json")}
    assert {"service.json", "organization.json", "phone.json", "openapi.json"} <= shipped
    for name in shipped:
        assert hsds_schema.registry().get_or_retrieve(hsds_schema.BASE_URI + name).value.contents


def test_validators_are_cached() -> None:
    assert hsds_schema.validator("service") is hsds_schema.validator("service")
    assert hsds_schema.registry() is hsds_schema.registry()
    with pytest.raises(ValueError, match="unknown HSDS document kind"):
        hsds_schema.schema_for("event")


def test_formats_are_checked() -> None:
    document = {"id": "12345", "name": "Palvelu", "status": "active", "email": "no address"}
    problems = {str(p) for p in hsds_schema.problems(document, kind="service")}
    assert problems == {"/id: '12345' is not a 'uuid'", "/email: 'no address' is not a 'email'"}


@pytest.mark.skipif(
    importlib.util.find_spec("rfc3986_validator") is None,
    reason="jsonschema checks the uri format only with rfc3986-validator installed",
)
def test_uri_format_is_checked_where_the_checker_is_installed() -> None:
    document = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "P",
        "status": "active",
        "url": "no uri",
    }
    assert [str(p) for p in hsds_schema.problems(document, kind="service")] == [
        "/url: 'no uri' is not a 'uri'"
    ]


def test_relative_refs_resolve_into_nested_objects() -> None:
    document = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "P",
        "status": "active",
        "phones": [{"id": "ac148810-d857-441c-9679-408f346de14c"}],
        "organization": {"id": "ac148810-d857-441c-9679-408f346de14d", "name": "O", "description": ""},
    }
    assert [str(p) for p in hsds_schema.problems(document, kind="service")] == [
        "/phones/0: 'number' is a required property"
    ]


@needs_shared
def test_shipped_schemas_are_the_official_ones() -> None:
    for path in (SHARED / "schema").glob("*.json"):
        shipped = hsds_schema.SCHEMA_DIR / path.name
        assert json.loads(shipped.read_text()) == json.loads(path.read_text()), path.name


@needs_shared
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("service_full", "service"),
        ("organization_full", "organization"),
        ("service_at_location_full", "service_at_location"),
        ("location", "location"),
        ("taxonomy", "taxonomy"),
        ("taxonomy_term", "taxonomy_term"),
        ("service_list", "service_page"),
        ("organization_list", "organization_page"),
        ("service_at_location_list", "service_at_location_page"),
        ("taxonomy_list", "taxonomy_page"),
        ("taxonomy_term_list", "taxonomy_term_page"),
    ],
)
def test_official_examples_validate(name: str, kind: str) -> None:
    assert hsds_schema.problems(example(name), kind=kind) == []


@needs_shared
def test_a_page_needs_contents_of_the_right_kind() -> None:
    page = example("service_list")
    assert not hsds_schema.is_valid({k: v for k, v in page.items() if k != "contents"}, kind="service_page")
    service = {"id": "ac148810-d857-441c-9679-408f346de14b", "name": "P", "status": "active"}
    assert hsds_schema.is_valid(page | {"contents": [service]}, kind="service_page")
    assert not hsds_schema.is_valid(
        page | {"contents": [service]}, kind="organization_page"
    )  # no description
