"""The OpenAPI description and its documentation page (served without any CDN)."""

from __future__ import annotations

import re

import pytest
import yaml
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

DIRECTORY_PATHS = [
    "/api/v1/regions/",
    "/api/v1/regions/{code}/",
    "/api/v1/municipalities/",
    "/api/v1/municipalities/{code}/",
    "/api/v1/target-groups/",
    "/api/v1/ways-of-working/",
    "/api/v1/languages/",
    "/api/v1/organisations/",
    "/api/v1/organisations/{id}/",
    "/api/v1/services/",
    "/api/v1/services/{id}/",
    "/api/v1/contacts/",
    "/api/v1/contacts/{id}/",
]


@pytest.fixture(scope="module")
def schema() -> dict:
    response = APIClient().get("/api/v1/schema/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi_3(schema: dict) -> None:
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_every_directory_endpoint_is_described(schema: dict) -> None:
    for path in DIRECTORY_PATHS:
        assert path in schema["paths"], path
    services = schema["paths"]["/api/v1/services/"]["get"]
    parameters = {p["name"] for p in services["parameters"]}
    assert {
        "q",
        "region",
        "municipality",
        "kind",
        "target",
        "way",
        "language",
        "ordering",
        "page",
    } <= parameters


def test_every_operation_describes_its_errors(schema: dict) -> None:
    for path in DIRECTORY_PATHS:
        for method, operation in schema["paths"][path].items():
            responses = operation["responses"]
            assert "429" in responses and "Retry-After" in responses["429"]["headers"], (path, method)
            if method in {"post", "put", "patch", "delete"}:
                assert {"401", "403"} <= set(responses), (path, method)
            if method in {"post", "put", "patch"}:
                assert "400" in responses, (path, method)
            if "{" in path:
                assert "404" in responses, (path, method)
            for code, response in responses.items():
                if code.startswith(("4", "5")):
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/Error"
                    }
    organisation_writes = schema["paths"]["/api/v1/organisations/"]["post"]["responses"]
    assert "409" in organisation_writes


def test_multilingual_fields_are_described_as_objects(schema: dict) -> None:
    name = schema["components"]["schemas"]["Service"]["properties"]["name"]
    assert set(name["properties"]) == {"fi", "sv", "en"}
    request_name = schema["components"]["schemas"]["ServiceRequest"]["properties"]["name"]
    assert request_name["properties"]["fi"]["maxLength"] == 200


def test_the_docs_page_loads_nothing_from_outside() -> None:
    client = APIClient()
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/api/v1/schema/" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "googleapis" not in html and "cdn" not in html.lower()
    script = next(s for s in sources if s.endswith("redoc.standalone.js"))
    assert client.get(script).status_code == 200
