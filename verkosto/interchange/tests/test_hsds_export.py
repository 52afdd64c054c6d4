"""The HSDS publication under /api/v1/hsds/: every document validates against the official compiled
schemas, every field we publish is filled from a fully populated directory, only published data
appears, texts follow ?lang=, and bad input gives JSON 400/404, never 500."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import AnonRateThrottle

from verkosto.directory.models import Service, TargetGroup
from verkosto.directory.tests.factories import OrganisationFactory, ServiceFactory
from verkosto.interchange import hsds_schema
from verkosto.interchange.hsds import TARGET_GROUPS, TAXONOMIES, WAYS_OF_WORKING, derived_id

from .hsds_support import (
    canonical_errors,
    compiled_errors,
    full_directory,
    needs_shared,
    page_errors,
)

pytestmark = pytest.mark.django_db
HSDS = "/api/v1/hsds/"


def get(client: Any, path: str, **params: Any) -> Any:
    response = client.get(HSDS + path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# What a fully populated organisation and service publish: every key, every nested object's keys.
SERVICE_KEYS = {
    "id", "organization_id", "name", "description", "url", "email", "status", "application_process",
    "fees_description", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
    "last_modified", "phones", "service_areas", "languages", "cost_options", "contacts", "attributes",
    "organization",
}  # fmt: skip
SERVICE_LIST_KEYS = {
    "id", "organization_id", "name", "description", "url", "email", "status", "application_process",
    "fees_description", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
    "last_modified", "organization",
}  # fmt: skip
ORGANIZATION_KEYS = {
    "id", "name", "description", "email", "website", "uri", "funding", "contacts", "phones",
    "organization_identifiers", "attributes",
}  # fmt: skip
ORGANIZATION_LIST_KEYS = {"id", "name", "description", "email", "website", "uri"}
NESTED_KEYS = {
    "phones": {"id", "service_id", "number", "type"},
    "service_areas": {"id", "service_id", "name", "uri"},
    "languages": {"id", "service_id", "name", "code"},
    "cost_options": {"id", "service_id", "option", "amount", "currency"},
    "contacts": {"id", "organization_id", "service_id", "name", "title", "email", "phones"},
    "attributes": {"id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "taxonomy_term"},
}
TERM_KEYS = {
    "id", "code", "name", "description", "taxonomy", "taxonomy_id", "taxonomy_detail", "language", "term_uri",
}  # fmt: skip
TAXONOMY_KEYS = {"id", "name", "description", "uri", "version"}


@needs_shared
def test_full_service_fills_every_field_and_validates(client: Any) -> None:
    data = full_directory()
    document = get(client, f"services/{data.service.uuid}")
    assert set(document) == SERVICE_KEYS
    for key, keys in NESTED_KEYS.items():
        assert document[key], key
        for item in document[key]:
            assert set(item) == keys, key
    assert set(document["contacts"][0]["phones"][0]) == {"id", "contact_id", "number", "type"}
    for attribute in document["attributes"]:
        assert set(attribute["taxonomy_term"]) == TERM_KEYS
        assert set(attribute["taxonomy_term"]["taxonomy_detail"]) == TAXONOMY_KEYS
    assert set(document["organization"]) == ORGANIZATION_KEYS
    assert compiled_errors(document, "service") == []
    assert hsds_schema.problems(document, kind="service") == []


@needs_shared
def test_full_organization_fills_every_field_and_validates(client: Any) -> None:
    data = full_directory()
    for params in ({}, {"full_service": "true"}):
        document = get(client, f"organizations/{data.organisation.uuid}", **params)
        assert set(document) == ORGANIZATION_KEYS | {"services"}
        for key in ("funding", "contacts", "phones", "organization_identifiers", "attributes", "services"):
            assert document[key], key
        assert set(document["funding"][0]) == {"id", "organization_id", "source"}
        assert set(document["organization_identifiers"][0]) == {
            "id", "organization_id", "identifier_scheme", "identifier_type", "identifier",
        }  # fmt: skip
        assert compiled_errors(document, "organization") == []
        assert hsds_schema.problems(document, kind="organization") == []
    assert set(document["services"][0]) == SERVICE_KEYS - {"organization"}


@needs_shared
def test_list_pages_validate(client: Any) -> None:
    full_directory()
    services = get(client, "services/")
    assert set(services["contents"][0]) == SERVICE_LIST_KEYS
    assert page_errors(services, "service_list") == []
    full_services = get(client, "services/", full="true")
    assert set(full_services["contents"][0]) == SERVICE_KEYS
    assert page_errors(full_services, "service_list", full_items="service") == []
    organisations = get(client, "organizations/")
    assert set(organisations["contents"][0]) == ORGANIZATION_LIST_KEYS
    assert page_errors(organisations, "organization_list") == []
    full_organisations = get(client, "organizations/", full="true", full_service="true")
    assert page_errors(full_organisations, "organization_list", full_items="organization") == []
    at_locations = get(client, "service_at_locations/")
    assert page_errors(at_locations, "service_at_location_list") == []
    for kind, document in (
        ("service_page", full_services),
        ("organization_page", full_organisations),
        ("service_at_location_page", at_locations),
    ):
        assert hsds_schema.problems(document, kind=kind) == []


@needs_shared
def test_taxonomies_and_terms_validate(client: Any) -> None:
    full_directory()
    taxonomies = get(client, "taxonomies/")
    assert taxonomies["total_items"] == len(TAXONOMIES)
    assert page_errors(taxonomies, None) == []  # the wrapper; the items against taxonomy.json below
    for taxonomy in taxonomies["contents"]:
        assert set(taxonomy) == TAXONOMY_KEYS
        assert canonical_errors(taxonomy, "taxonomy") == []
        assert get(client, f"taxonomies/{taxonomy['id']}") == taxonomy
    first = get(client, "taxonomy_terms/", per_page=200)
    assert first["total_items"] > 300  # the two lists, kinds, languages, 308 municipalities, regions
    terms = first["contents"] + get(client, "taxonomy_terms/", per_page=200, page=2)["contents"]
    assert len(terms) == len({t["id"] for t in terms}) == first["total_items"]
    for term in terms:
        assert set(term) == TERM_KEYS
        assert canonical_errors(term, "taxonomy_term") == []
    young = TARGET_GROUPS.term_id("young-people")
    assert get(client, f"taxonomy_terms/{young}")["code"] == "young-people"
    only_ways = get(client, "taxonomy_terms/", taxonomy_id=WAYS_OF_WORKING.id)
    assert {t["taxonomy_id"] for t in only_ways["contents"]} == {WAYS_OF_WORKING.id}


def test_the_mapping(client: Any) -> None:
    data = full_directory()
    document = get(client, f"services/{data.service.uuid}")
    organisation = document["organization"]
    assert document["id"] == str(data.service.uuid)
    assert document["organization_id"] == organisation["id"] == str(data.organisation.uuid)
    assert document["name"] == "Nuorten työpaja"
    assert document["application_process"] == "Ota yhteyttä työvalmentajaan."
    assert document["fees_description"] == "Maksuton"
    assert document["cost_options"][0] | {"id": None} == {
        "id": None, "service_id": document["id"], "option": "Maksuton", "amount": 0, "currency": "EUR",
    }  # fmt: skip
    assert (document["minimum_age"], document["maximum_age"]) == (16, 29)
    assert document["assured_date"] == "2025-03-01"
    assert document["eligibility_description"].startswith("Alle 30-vuotiaat nuoret, ")
    assert [a["name"] for a in document["service_areas"]] == ["Kajaani", "Sotkamo"]
    assert document["service_areas"][0]["uri"] == "http://uri.suomi.fi/codelist/jhs/kunta_1_20250101/code/205"
    assert [lg["code"] for lg in document["languages"]] == ["fi", "sv"]
    assert document["contacts"][0]["name"] == "Maija Meikäläinen"
    assert document["contacts"][0]["title"] == "Työvalmentaja"
    codes = {(a["link_type"], a["taxonomy_term"]["code"]) for a in document["attributes"]}
    assert codes == {
        ("audience", "young-people"), ("audience", "neet"),
        ("delivery_method", "individual"), ("delivery_method", "outreach"),
    }  # fmt: skip
    for attribute in document["attributes"]:
        assert attribute["link_id"] == document["id"]
        term = attribute["taxonomy_term"]
        assert attribute["taxonomy_term_id"] == term["id"]
        assert term["id"] == TAXONOMIES[term_key(term)].term_id(term["code"])
    identifier = organisation["organization_identifiers"][0]
    assert (identifier["identifier_scheme"], identifier["identifier_type"], identifier["identifier"]) == (
        "FI-PRO",
        "Y-tunnus",
        "0201256-6",
    )
    assert organisation["funding"][0]["source"] == "Valtionavustus"
    assert organisation["phones"][0]["number"] == "+358 8 123 4567"
    assert document["phones"][0]["number"] == "+358 8 123 4567"
    assert (document["url"], document["email"]) == (
        "https://nuorisopaja.example.fi/",
        "info@nuorisopaja.example.fi",
    )
    org_terms = {(a["link_type"], a["taxonomy_term"]["code"]) for a in organisation["attributes"]}
    assert org_terms == {
        ("organization_type", "youth_workshop"), ("area_served", "205"), ("area_served", "765"),
        ("area_served", "MK18"), ("language", "fi"), ("language", "sv"),
    }  # fmt: skip


def term_key(term: dict[str, Any]) -> str:
    return next(t.key for t in TAXONOMIES.values() if t.id == term["taxonomy_id"])


def test_ids_are_stable(client: Any) -> None:
    data = full_directory()
    first = get(client, f"services/{data.service.uuid}")
    data.service.save()  # touching the row changes nothing but last_modified
    second = get(client, f"services/{data.service.uuid}")
    first.pop("last_modified"), second.pop("last_modified")
    assert first == second
    assert first["contacts"][0]["id"] == derived_id(
        "organisation", data.organisation.uuid, "contact", "maija meikäläinen"
    )


def test_languages(client: Any) -> None:
    data = full_directory()
    sv = get(client, f"services/{data.service.uuid}", lang="sv")
    en = get(client, f"services/{data.service.uuid}", lang="en")
    assert (sv["name"], en["name"]) == ("Ungdomsverkstad", "Youth workshop")
    assert sv["organization"]["name"] == "Kajana ungdomsverkstad rf"
    assert sv["contacts"][0]["title"] == "Arbetscoach"
    assert sv["service_areas"][0]["name"] == "Kajana"
    assert sv["organization"]["funding"][0]["source"] == "Statsunderstöd"
    assert {a["taxonomy_term"]["language"] for a in en["attributes"]} == {"en"}
    assert "Young people under 30" in {a["taxonomy_term"]["name"] for a in en["attributes"]}
    assert en["cost_options"][0]["option"] == "Free of charge"
    response = client.get(f"{HSDS}services/{data.service.uuid}", {"lang": "sv"})
    assert response["Content-Language"] == "sv"
    # A text missing in one language falls back to Finnish: HSDS requires a name.
    bare = ServiceFactory(organisation=data.organisation, name_fi="Vain suomeksi")
    assert get(client, f"services/{bare.uuid}", lang="en")["name"] == "Vain suomeksi"


def test_only_published_data(client: Any) -> None:
    data = full_directory()
    services = get(client, "services/", per_page=100)
    assert {s["id"] for s in services["contents"]} == {str(data.service.uuid)}
    organisations = get(client, "organizations/", full="true")
    assert [o["id"] for o in organisations["contents"]] == [str(data.organisation.uuid)]
    assert [s["id"] for s in organisations["contents"][0]["services"]] == [str(data.service.uuid)]
    names = {c["name"] for c in organisations["contents"][0]["contacts"]}
    assert names == {"Maija Meikäläinen"}
    for hidden in (f"services/{data.draft_service.uuid}", f"organizations/{data.draft_organisation.uuid}"):
        assert client.get(HSDS + hidden).status_code == 404
    hidden_service = Service.objects.get(organisation=data.draft_organisation)
    assert client.get(f"{HSDS}services/{hidden_service.uuid}").status_code == 404
    # A private contact person of a service is left out, not the service.
    data.contact.is_public = False
    data.contact.save()
    assert get(client, f"services/{data.service.uuid}")["contacts"] == []


def test_paging(client: Any) -> None:
    organisation = OrganisationFactory()
    for n in range(5):
        ServiceFactory(organisation=organisation, name_fi=f"Palvelu {n}")
    first = get(client, "services/", per_page=2)
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 5, "total_pages": 3, "page_number": 1, "size": 2,
        "first_page": True, "last_page": False, "empty": False,
    }  # fmt: skip
    last = get(client, "services/", per_page=2, page=3)
    assert (last["size"], last["first_page"], last["last_page"]) == (1, False, True)
    seen = [s["name"] for p in (1, 2, 3) for s in get(client, "services/", per_page=2, page=p)["contents"]]
    assert seen == [f"Palvelu {n}" for n in range(5)]
    assert get(client, "services/", per_page=10_000)["size"] == 5  # capped, not refused
    empty = get(client, "service_at_locations/")
    assert (empty["total_items"], empty["empty"], empty["contents"]) == (0, True, [])


def test_filters(client: Any) -> None:
    data = full_directory()
    other = ServiceFactory(name_fi="Toinen")
    sid = str(data.service.uuid)

    def ids(**params: Any) -> set[str]:
        return {s["id"] for s in get(client, "services/", **params)["contents"]}

    assert ids(organization_id=str(data.organisation.uuid)) == {sid}
    assert ids(taxonomy_term_id=TARGET_GROUPS.term_id("neet")) == {sid}
    assert ids(taxonomy_term_id=TAXONOMIES["municipalities"].term_id("205")) == {sid}
    assert ids(taxonomy_term_id=str(uuid.uuid4())) == set()
    assert ids(taxonomy_id=TARGET_GROUPS.id) == {sid}
    assert ids(modified_after="2000-01-01") == {sid, str(other.uuid)}
    assert ids(modified_after="2999-01-01T00:00:00Z") == set()


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("services/", {"lang": "de"}, 400),
        ("services/", {"lang": ""}, 400),
        ("", {"lang": "xx"}, 400),
        ("services/", {"per_page": "abc"}, 400),
        ("services/", {"per_page": "0"}, 400),
        ("services/", {"full": "maybe"}, 400),
        ("services/", {"format": "ndjson"}, 400),
        ("services/", {"organization_id": "nope"}, 400),
        ("services/", {"taxonomy_id": "nope"}, 400),
        ("services/", {"modified_after": "yesterday"}, 400),
        ("services/", {"modified_after": "2025-13-45"}, 400),
        ("services/", {"page": "abc"}, 404),
        ("services/", {"page": "0"}, 404),
        ("services/", {"page": "-1"}, 404),
        ("services/", {"page": "2"}, 404),
        ("services/", {"page": "9" * 40}, 404),
        ("organizations/", {"page": "x"}, 404),
        ("services/not-a-uuid", {}, 404),
        ("services/00000000-0000-0000-0000-000000000000", {}, 404),
        ("organizations/12345", {}, 404),
        ("service_at_locations/00000000-0000-0000-0000-000000000000", {}, 404),
        ("taxonomies/x", {}, 404),
        ("taxonomy_terms/00000000-0000-0000-0000-000000000000", {}, 404),
    ],
)
def test_bad_input_is_a_json_error(client: Any, path: str, params: dict[str, str], status: int) -> None:
    ServiceFactory()
    response = client.get(HSDS + path, params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str)


def test_paths_with_and_without_slash(client: Any) -> None:
    service = ServiceFactory()
    assert client.get(f"{HSDS}services/{service.uuid}/").status_code == 200
    assert client.get(f"{HSDS}services/{str(service.uuid).upper()}").json()["id"] == str(service.uuid)
    response = client.get(f"{HSDS}services")
    assert response.status_code == 301 and response["Location"].endswith("/services/")


def test_json_whatever_the_accept_header(client: Any) -> None:
    response = client.get(HSDS, HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    root = response.json()
    assert root["version"] == "3.0"
    assert root["openapi_url"] == "http://testserver/api/v1/schema/"
    assert root["profile"].startswith("http://testserver/")


def test_throttled_anonymous_clients_get_429(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    statuses = [client.get(HSDS).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.get(f"{HSDS}services/", {"lang": "xx"})
    assert response.status_code == 429 and "Retry-After" in response
    assert "detail" in response.json()


def _queries(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(HSDS + path)
    return len(context.captured_queries)


def test_list_pages_cost_a_fixed_number_of_queries(client: Any) -> None:
    data = full_directory()
    counts_before = {p: _queries(client, p) for p in ("services/?full=true", "organizations/?full=true")}
    for n in range(4):
        service = ServiceFactory(organisation=OrganisationFactory(name_fi=f"Lisä {n}"), name_fi=f"Lisä {n}")
        service.target_groups.set(TargetGroup.objects.all()[:2])
        service.municipalities.set(data.service.municipalities.all())
    for path, before in counts_before.items():
        assert _queries(client, path) == before, path


def test_openapi_describes_the_endpoints(client: Any) -> None:
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    paths = schema["paths"]
    for path in (
        "/api/v1/hsds/",
        "/api/v1/hsds/services/",
        "/api/v1/hsds/services/{id}",
        "/api/v1/hsds/organizations/",
        "/api/v1/hsds/organizations/{id}",
        "/api/v1/hsds/service_at_locations/",
    ):
        operation = paths[path]["get"]
        assert {"200", "400", "429"} <= set(operation["responses"]), path
        names = {p["name"] for p in operation.get("parameters", [])}
        assert "lang" in names, path
    listing = paths["/api/v1/hsds/services/"]["get"]
    assert {"page", "per_page", "full", "organization_id", "taxonomy_term_id"} <= {
        p["name"] for p in listing["parameters"]
    }
    assert "404" in paths["/api/v1/hsds/services/{id}"]["get"]["responses"]
    lang = next(p for p in listing["parameters"] if p["name"] == "lang")
    assert set(lang["schema"]["enum"]) == {"fi", "sv", "en"}
