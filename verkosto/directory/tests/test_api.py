"""The directory's REST API: public reading, drafts and private contacts hidden, the search page's
filters, pagination and ordering, and writes with the pages' permissions, errors and audit log."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory.models import (
    ContactPerson,
    Language,
    Organisation,
    Service,
    TargetGroup,
    WayOfWorking,
)
from verkosto.directory.search import search_index_rebuild

from .factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
    municipality,
    user_with_role,
)

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
API = "/api/v1"


@pytest.fixture(autouse=True)
def _finnish_outside_requests() -> Iterator[None]:
    # A request activates its Accept-Language and leaves it active in the thread; factories write
    # `name` into the active language's column, so set-up must run in Finnish.
    with translation.override("fi"):
        yield


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def token_client(user: Any) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def directory() -> dict[str, Any]:
    kajaani, oulu, vaasa = municipality("Kajaani"), municipality("Oulu"), municipality("Vaasa")
    young = TargetGroup.objects.get(slug="young-people")
    immigrants = TargetGroup.objects.get(slug="immigrants")
    group = WayOfWorking.objects.get(slug="group")
    workshop_org = OrganisationFactory(
        name_fi="Kajaanin Nuorten Paja ry",
        kind=Organisation.Kind.YOUTH_WORKSHOP,
        municipalities=[kajaani],
        business_id="0737546-2",
    )
    outreach_org = OrganisationFactory(
        name_fi="Oulun etsivät", kind=Organisation.Kind.OUTREACH_YOUTH_WORK, municipalities=[oulu]
    )
    sv_org = OrganisationFactory(
        name_fi="Vaasan nuorisopalvelut",
        name_sv="Vasa ungdomstjänster",
        kind=Organisation.Kind.ASSOCIATION,
        municipalities=[vaasa],
    )
    draft_org = OrganisationFactory(name_fi="Luonnosyhdistys", municipalities=[kajaani], is_published=False)
    public_contact = ContactPersonFactory(
        organisation=workshop_org, name="Pirkko Paja", title_fi="Valmentaja"
    )
    private_contact = ContactPersonFactory(organisation=workshop_org, name="Salla Salainen", is_public=False)
    services = {
        "workshop": ServiceFactory(
            organisation=workshop_org,
            name_fi="Nuorten työpaja",
            description_fi="Valmennusta puutyössä ja kädentaidoissa.",
            municipalities=[kajaani],
            target_groups=[young],
            ways_of_working=[group],
            contact=public_contact,
        ),
        "mention": ServiceFactory(
            organisation=outreach_org,
            name_fi="Etsivä nuorisotyö",
            description_fi="Ohjaamme tarvittaessa työpajaan ja kouluun.",
            municipalities=[oulu],
            target_groups=[young],
            contact=None,
        ),
        "swedish": ServiceFactory(
            organisation=sv_org,
            name_fi="Maahanmuuttajien kielikahvila",
            name_sv="Språkcafé för invandrare",
            municipalities=[vaasa],
            target_groups=[immigrants],
        ),
        "with_private_contact": ServiceFactory(
            organisation=workshop_org,
            name_fi="Yksilövalmennus",
            municipalities=[kajaani],
            contact=private_contact,
        ),
        "draft": ServiceFactory(
            organisation=workshop_org,
            name_fi="Salainen työpaja",
            municipalities=[kajaani],
            is_published=False,
        ),
        "of_draft_org": ServiceFactory(organisation=draft_org, name_fi="Luonnoksen työpaja"),
    }
    search_index_rebuild()
    return {
        **services,
        "workshop_org": workshop_org,
        "outreach_org": outreach_org,
        "sv_org": sv_org,
        "draft_org": draft_org,
        "public_contact": public_contact,
        "private_contact": private_contact,
    }


def names(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"]["fi"] for item in response.json()["results"]]


def error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()["error"]
    assert body["status"] == status and body["code"] and body["message"]
    assert isinstance(body["fields"], dict)
    return body


# --- reading -------------------------------------------------------------------------------------


def test_services_are_readable_without_login(anonymous: APIClient, directory: dict) -> None:
    response = anonymous.get(f"{API}/services/")
    assert sorted(names(response)) == sorted(
        ["Nuorten työpaja", "Etsivä nuorisotyö", "Maahanmuuttajien kielikahvila", "Yksilövalmennus"]
    )
    assert response.json()["count"] == 4


def test_multilingual_fields_and_identifiers(anonymous: APIClient, directory: dict) -> None:
    service = directory["swedish"]
    body = anonymous.get(f"{API}/services/{service.pk}/").json()
    assert body["name"] == {
        "fi": "Maahanmuuttajien kielikahvila",
        "sv": "Språkcafé för invandrare",
        "en": None,
    }
    assert set(body["description"]) == {"fi", "sv", "en"}
    assert body["id"] == service.pk and body["uuid"] == str(service.uuid)
    assert body["organisation"] == {
        "id": directory["sv_org"].pk,
        "uuid": str(directory["sv_org"].uuid),
        "name": {"fi": "Vaasan nuorisopalvelut", "sv": "Vasa ungdomstjänster", "en": None},
    }
    assert body["target_groups"] == ["immigrants"]
    assert body["municipalities"] == [municipality("Vaasa").code]
    # The UUID finds the same service as the numeric id.
    assert anonymous.get(f"{API}/services/{service.uuid}/").json() == body


def test_organisation_detail_by_id_and_uuid(anonymous: APIClient, directory: dict) -> None:
    organisation = directory["sv_org"]
    by_id = anonymous.get(f"{API}/organisations/{organisation.pk}/").json()
    assert by_id == anonymous.get(f"{API}/organisations/{organisation.uuid}/").json()
    assert by_id["name"]["sv"] == "Vasa ungdomstjänster"
    assert by_id["kind"] == "association"
    assert by_id["municipalities"] == [municipality("Vaasa").code]


def test_drafts_are_invisible_to_anonymous_clients(anonymous: APIClient, directory: dict) -> None:
    listed = names(anonymous.get(f"{API}/services/?page_size=100"))
    assert "Salainen työpaja" not in listed and "Luonnoksen työpaja" not in listed
    assert "Luonnosyhdistys" not in names(anonymous.get(f"{API}/organisations/?page_size=100"))
    for path in (
        f"/services/{directory['draft'].pk}/",
        f"/services/{directory['of_draft_org'].uuid}/",
        f"/organisations/{directory['draft_org'].pk}/",
        f"/organisations/{directory['draft_org'].uuid}/",
    ):
        error(anonymous.get(API + path), 404)


def test_an_editor_sees_own_drafts_through_the_api(directory: dict) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=directory["workshop_org"])
    client = token_client(editor)
    assert client.get(f"{API}/services/{directory['draft'].pk}/").status_code == 200
    # Someone else's draft stays invisible.
    error(client.get(f"{API}/organisations/{directory['draft_org'].pk}/"), 404)


def test_private_contacts_are_never_listed(anonymous: APIClient, directory: dict) -> None:
    listed = [c["name"] for c in anonymous.get(f"{API}/contacts/?page_size=100").json()["results"]]
    assert listed == ["Pirkko Paja"]
    error(anonymous.get(f"{API}/contacts/{directory['private_contact'].pk}/"), 404)
    # A service's private contact is not shown either, in the list or on its own.
    service = directory["with_private_contact"]
    assert anonymous.get(f"{API}/services/{service.pk}/").json()["contact"] is None
    listed_services = anonymous.get(f"{API}/services/?page_size=100").json()["results"]
    assert next(s for s in listed_services if s["id"] == service.pk)["contact"] is None
    shown = anonymous.get(f"{API}/services/{directory['workshop'].pk}/").json()["contact"]
    assert shown["name"] == "Pirkko Paja" and shown["title"]["fi"] == "Valmentaja"


def test_contacts_of_draft_organisations_are_not_listed(anonymous: APIClient, directory: dict) -> None:
    ContactPersonFactory(organisation=directory["draft_org"], name="Luonnos Henkilö", is_public=True)
    listed = [c["name"] for c in anonymous.get(f"{API}/contacts/").json()["results"]]
    assert "Luonnos Henkilö" not in listed


def test_an_editor_sees_the_private_contact_of_own_service(directory: dict) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=directory["workshop_org"])
    body = token_client(editor).get(f"{API}/services/{directory['with_private_contact'].pk}/").json()
    assert body["contact"]["name"] == "Salla Salainen"


# --- filters, pagination, ordering ---------------------------------------------------------------


def test_inflected_query_finds_the_base_form_best_first(anonymous: APIClient, directory: dict) -> None:
    found = names(anonymous.get(f"{API}/services/", {"q": "työpajoissa"}))
    assert found[0] == "Nuorten työpaja"
    assert "Salainen työpaja" not in found


def test_region_municipality_and_kind_filters(anonymous: APIClient, directory: dict) -> None:
    kainuu = municipality("Kajaani").region.code
    pohjanmaa = municipality("Vaasa").region.code
    assert sorted(names(anonymous.get(f"{API}/services/", {"region": kainuu}))) == [
        "Nuorten työpaja",
        "Yksilövalmennus",
    ]
    # Repeated parameters: any of them.
    assert len(names(anonymous.get(f"{API}/services/", {"region": [kainuu, pohjanmaa]}))) == 3
    assert names(anonymous.get(f"{API}/services/", {"municipality": municipality("Oulu").code})) == [
        "Etsivä nuorisotyö"
    ]
    assert names(anonymous.get(f"{API}/services/", {"kind": "outreach_youth_work"})) == ["Etsivä nuorisotyö"]
    # Facets combine with each other and with text.
    assert names(anonymous.get(f"{API}/services/", {"q": "kädentaitoja", "region": kainuu})) == [
        "Nuorten työpaja"
    ]
    assert names(anonymous.get(f"{API}/services/", {"q": "kädentaitoja", "region": pohjanmaa})) == []


def test_target_group_way_and_language_filters(anonymous: APIClient, directory: dict) -> None:
    assert sorted(names(anonymous.get(f"{API}/services/", {"target": "young-people"}))) == [
        "Etsivä nuorisotyö",
        "Nuorten työpaja",
    ]
    assert names(anonymous.get(f"{API}/services/", {"way": "group"})) == ["Nuorten työpaja"]
    directory["swedish"].languages.set(Language.objects.filter(code="sv"))
    search_index_rebuild()
    assert names(anonymous.get(f"{API}/services/", {"language": "sv"})) == ["Maahanmuuttajien kielikahvila"]


def test_unknown_filter_values_match_nothing(anonymous: APIClient, directory: dict) -> None:
    for params in ({"region": "MK99"}, {"municipality": "999"}, {"target": "nobody"}, {"language": "xx"}):
        response = anonymous.get(f"{API}/services/", params)
        assert response.status_code == 200 and response.json()["count"] == 0, params


def test_an_unknown_kind_or_ordering_is_a_400(anonymous: APIClient, directory: dict) -> None:
    assert "kind.0" in error(anonymous.get(f"{API}/services/", {"kind": "spaceship"}), 400)["fields"]
    assert "ordering" in error(anonymous.get(f"{API}/services/", {"ordering": "colour"}), 400)["fields"]
    assert "q" in error(anonymous.get(f"{API}/services/", {"q": "x" * 201}), 400)["fields"]


def test_organisation_filter_on_services_and_contacts(anonymous: APIClient, directory: dict) -> None:
    organisation = directory["workshop_org"]
    for ref in (organisation.pk, organisation.uuid):
        assert sorted(names(anonymous.get(f"{API}/services/", {"organisation": str(ref)}))) == [
            "Nuorten työpaja",
            "Yksilövalmennus",
        ]
        contacts = anonymous.get(f"{API}/contacts/", {"organisation": str(ref)}).json()["results"]
        assert [c["name"] for c in contacts] == ["Pirkko Paja"]
    assert (
        "organisation"
        in error(anonymous.get(f"{API}/services/", {"organisation": "not-a-uuid"}), 400)["fields"]
    )


def test_organisation_list_filters(anonymous: APIClient, directory: dict) -> None:
    kainuu = municipality("Kajaani").region.code
    assert names(anonymous.get(f"{API}/organisations/", {"region": kainuu})) == ["Kajaanin Nuorten Paja ry"]
    assert names(anonymous.get(f"{API}/organisations/", {"kind": "association"})) == [
        "Vaasan nuorisopalvelut"
    ]
    assert names(anonymous.get(f"{API}/organisations/", {"q": "nuorisopalveluissa"})) == [
        "Vaasan nuorisopalvelut"
    ]
    assert names(anonymous.get(f"{API}/organisations/", {"target": "immigrants"})) == [
        "Vaasan nuorisopalvelut"
    ]
    directory["outreach_org"].languages.set(Language.objects.filter(code="sv"))
    assert names(anonymous.get(f"{API}/organisations/", {"language": ["sv", "xx"]})) == ["Oulun etsivät"]


def test_pagination(anonymous: APIClient, directory: dict) -> None:
    first = anonymous.get(f"{API}/services/", {"page_size": 3}).json()
    assert first["count"] == 4 and len(first["results"]) == 3 and first["previous"] is None
    second = anonymous.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None and second["previous"]
    seen = [s["id"] for s in first["results"] + second["results"]]
    assert len(set(seen)) == 4
    past = error(anonymous.get(f"{API}/services/", {"page_size": 3, "page": 3}), 404)
    assert "last page is 2" in past["message"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "1.5"},
        {"page": "9" * 5000},
        {"page_size": "0"},
        {"page_size": "101"},
    ],
)
def test_bad_page_parameters_are_a_400(anonymous: APIClient, directory: dict, params: dict) -> None:
    body = error(anonymous.get(f"{API}/services/", params), 400)
    assert set(body["fields"]) == set(params)


def test_an_empty_list_has_one_empty_page(anonymous: APIClient) -> None:
    body = anonymous.get(f"{API}/services/").json()
    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_ordering(anonymous: APIClient, directory: dict) -> None:
    alphabetical = [
        "Etsivä nuorisotyö",
        "Maahanmuuttajien kielikahvila",
        "Nuorten työpaja",
        "Yksilövalmennus",
    ]
    assert names(anonymous.get(f"{API}/services/")) == alphabetical
    assert names(anonymous.get(f"{API}/services/", {"ordering": "name"})) == alphabetical
    assert names(anonymous.get(f"{API}/services/", {"ordering": "-name"})) == alphabetical[::-1]
    Service.objects.filter(pk=directory["swedish"].pk).update(updated_at="2020-01-01T00:00:00Z")
    assert names(anonymous.get(f"{API}/services/", {"ordering": "updated_at"}))[0] == alphabetical[1]
    assert names(anonymous.get(f"{API}/services/", {"ordering": "-updated_at"}))[-1] == alphabetical[1]
    # With text: relevance by default, alphabetical on request.
    assert names(anonymous.get(f"{API}/services/", {"q": "työpaja"}))[0] == "Nuorten työpaja"
    found = names(anonymous.get(f"{API}/services/", {"q": "työpaja"}))
    assert len(found) >= 2
    assert names(anonymous.get(f"{API}/services/", {"q": "työpaja", "ordering": "name"})) == sorted(found)
    assert names(anonymous.get(f"{API}/services/", {"q": "työpaja", "ordering": "-name"})) == sorted(
        found, reverse=True
    )
    organisations = names(anonymous.get(f"{API}/organisations/", {"ordering": "-name"}))
    assert organisations == ["Vaasan nuorisopalvelut", "Oulun etsivät", "Kajaanin Nuorten Paja ry"]


def test_regions_municipalities_and_vocabularies(anonymous: APIClient) -> None:
    regions = anonymous.get(f"{API}/regions/", {"page_size": 100}).json()
    assert regions["count"] == 19
    kainuu = anonymous.get(f"{API}/regions/mk18/").json()
    assert kainuu["code"] == "MK18" and set(kainuu["name"]) == {"fi", "sv", "en"}
    in_kainuu = anonymous.get(f"{API}/municipalities/", {"region": "MK18", "page_size": 100}).json()
    assert "Kajaani" in [m["name"]["fi"] for m in in_kainuu["results"]]
    assert all(m["region"] == "MK18" for m in in_kainuu["results"])
    vaasa = anonymous.get(f"{API}/municipalities/{municipality('Vaasa').code}/").json()
    assert vaasa["name"]["sv"] == "Vasa"
    assert anonymous.get(f"{API}/target-groups/").json()["results"][0]["slug"] == "young-people"
    assert anonymous.get(f"{API}/ways-of-working/").json()["count"] == WayOfWorking.objects.count()
    assert "sv" in [lang["code"] for lang in anonymous.get(f"{API}/languages/").json()["results"]]


def test_list_query_count_does_not_grow_with_the_page(
    anonymous: APIClient, directory: dict, django_assert_max_num_queries: Any
) -> None:
    for n in range(10):
        ServiceFactory(organisation=directory["sv_org"], name_fi=f"Lisäpalvelu {n}")
    search_index_rebuild()
    anonymous.get(f"{API}/services/")  # warm the vocabulary and facet caches
    with django_assert_max_num_queries(12):
        assert len(anonymous.get(f"{API}/services/", {"page_size": 14}).json()["results"]) == 14


# --- writing -------------------------------------------------------------------------------------


def test_writing_needs_credentials(anonymous: APIClient, directory: dict) -> None:
    service = directory["workshop"]
    for method, path, body in (
        ("post", "/organisations/", {"name": {"fi": "X"}, "kind": "other", "municipalities": ["205"]}),
        ("patch", f"/organisations/{directory['workshop_org'].pk}/", {"phone": "1"}),
        ("post", "/services/", {"name": {"fi": "X"}, "organisation": directory["workshop_org"].pk}),
        ("patch", f"/services/{service.pk}/", {"name": {"fi": "X"}}),
        ("delete", f"/services/{service.pk}/", None),
        ("post", "/contacts/", {"name": "X", "organisation": directory["workshop_org"].pk}),
    ):
        response = getattr(anonymous, method)(API + path, body, format="json")
        assert error(response, 401)["code"] == "not_authenticated"
        assert response["WWW-Authenticate"] == "Token"
    error(APIClient().get(f"{API}/services/", HTTP_AUTHORIZATION="Token wrong"), 401)


def test_an_editor_changes_own_organisation_with_a_token(directory: dict) -> None:
    organisation = directory["workshop_org"]
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=organisation)
    response = token_client(editor).patch(
        f"{API}/organisations/{organisation.uuid}/",
        {"name": {"sv": "Kajana ungdomsverkstad"}, "phone": "08 123 4567"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["name"] == {"fi": "Kajaanin Nuorten Paja ry", "sv": "Kajana ungdomsverkstad", "en": None}
    assert body["phone"] == "08 123 4567"
    entry = AuditEntry.objects.get(object_type="directory.organisation", object_id=str(organisation.pk))
    assert entry.actor == editor and entry.action == "update"
    assert "name_sv" in entry.changes and "phone" in entry.changes


def test_another_organisations_editor_is_refused(directory: dict) -> None:
    outsider = token_client(user_with_role(Role.ORGANISATION_EDITOR, organisation=directory["outreach_org"]))
    organisation, service = directory["workshop_org"], directory["workshop"]
    assert (
        error(outsider.patch(f"{API}/organisations/{organisation.pk}/", {"phone": "1"}, format="json"), 403)[
            "code"
        ]
        == "permission_denied"
    )
    error(outsider.patch(f"{API}/services/{service.pk}/", {"name": {"fi": "Kaapattu"}}, format="json"), 403)
    error(outsider.delete(f"{API}/services/{service.pk}/"), 403)
    error(
        outsider.post(
            f"{API}/services/", {"name": {"fi": "Uusi"}, "organisation": organisation.pk}, format="json"
        ),
        403,
    )
    error(
        outsider.post(f"{API}/contacts/", {"name": "Uusi", "organisation": organisation.pk}, format="json"),
        403,
    )
    error(
        outsider.post(f"{API}/organisations/", {"name": {"fi": "Uusi"}, "kind": "other"}, format="json"), 403
    )
    assert not AuditEntry.objects.exists()
    assert Service.objects.get(pk=service.pk).name_fi == "Nuorten työpaja"


def test_an_editor_adds_changes_and_deletes_a_service(anonymous: APIClient, directory: dict) -> None:
    organisation = directory["workshop_org"]
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=organisation)
    client = token_client(editor)
    created = client.post(
        f"{API}/services/",
        {
            "organisation": str(organisation.uuid),
            "name": {"fi": "Kesätyöpaja", "en": "Summer workshop"},
            "target_groups": ["young-people", "students"],
            "ways_of_working": ["group"],
            "municipalities": [municipality("Kajaani").code],
            "age_min": 16,
            "age_max": 29,
            "contact": directory["public_contact"].pk,
            "is_published": True,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["name"]["en"] == "Summer workshop" and body["target_groups"] == ["young-people", "students"]
    assert AuditEntry.objects.filter(
        object_type="directory.service", object_id=str(body["id"]), action="create"
    )
    # The search index follows API writes: the new service is found at once.
    assert "Kesätyöpaja" in names(anonymous.get(f"{API}/services/", {"q": "kesätyöpajoissa"}))

    changed = client.patch(f"{API}/services/{body['uuid']}/", {"age_max": 25}, format="json")
    assert changed.status_code == 200 and changed.json()["age_max"] == 25
    assert AuditEntry.objects.filter(object_id=str(body["id"]), action="update").count() == 1

    assert client.delete(f"{API}/services/{body['id']}/").status_code == 204
    assert not Service.objects.filter(pk=body["id"]).exists()
    assert AuditEntry.objects.filter(object_id=str(body["id"]), action="delete").count() == 1
    assert "Kesätyöpaja" not in names(anonymous.get(f"{API}/services/", {"q": "kesätyöpaja"}))


def test_an_editor_adds_and_changes_a_contact_person(anonymous: APIClient, directory: dict) -> None:
    organisation = directory["workshop_org"]
    client = token_client(user_with_role(Role.ORGANISATION_EDITOR, organisation=organisation))
    created = client.post(
        f"{API}/contacts/",
        {"organisation": organisation.pk, "name": "Ville Valmentaja", "title": {"fi": "Valmentaja"}},
        format="json",
    )
    assert created.status_code == 201, created.content
    contact_id = created.json()["id"]
    assert created.json()["is_public"] is False  # shown only once the person agrees
    assert "Ville Valmentaja" not in [c["name"] for c in anonymous.get(f"{API}/contacts/").json()["results"]]
    changed = client.patch(f"{API}/contacts/{contact_id}/", {"is_public": True}, format="json")
    assert changed.status_code == 200 and changed.json()["is_public"] is True
    assert "Ville Valmentaja" in [c["name"] for c in anonymous.get(f"{API}/contacts/").json()["results"]]
    actions = AuditEntry.objects.filter(object_type="directory.contactperson", object_id=str(contact_id))
    assert sorted(actions.values_list("action", flat=True)) == ["create", "update"]
    moved = client.patch(
        f"{API}/contacts/{contact_id}/", {"organisation": directory["sv_org"].pk}, format="json"
    )
    assert "organisation" in error(moved, 400)["fields"]


def test_a_regional_coordinator_creates_an_organisation_in_own_region(directory: dict) -> None:
    coordinator = user_with_role(Role.REGIONAL_COORDINATOR, region_code=municipality("Kajaani").region.code)
    client = token_client(coordinator)
    body = {
        "name": {"fi": "Kajaanin Ohjaamo"},
        "kind": "ohjaamo",
        "municipalities": [municipality("Kajaani").code],
        "business_id": "1572860-0",
        "website": "https://ohjaamo.example.fi",
    }
    response = client.post(f"{API}/organisations/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["business_id"] == "1572860-0" and response.json()["is_published"] is False
    assert AuditEntry.objects.filter(object_type="directory.organisation", action="create").count() == 1
    elsewhere = {**body, "municipalities": [municipality("Oulu").code], "business_id": ""}
    error(client.post(f"{API}/organisations/", elsewhere, format="json"), 403)


def test_a_bad_business_id_is_a_400_with_the_field(directory: dict) -> None:
    client = token_client(user_with_role(Role.ADMINISTRATOR))
    body = {
        "name": {"fi": "Y-tunnus väärin"},
        "kind": "other",
        "municipalities": ["205"],
        "business_id": "0737546-3",
    }
    response = error(client.post(f"{API}/organisations/", body, format="json"), 400)
    assert response["code"] == "invalid"
    assert response["fields"]["business_id"] == [
        "The check digit of this business ID is wrong; please check the number."
    ]
    # In Finnish when the client asks for Finnish.
    finnish = client.post(f"{API}/organisations/", body, format="json", HTTP_ACCEPT_LANGUAGE="fi")
    assert "tarkistusmerkki" in finnish.json()["error"]["fields"]["business_id"][0]
    assert not Organisation.objects.filter(name_fi="Y-tunnus väärin").exists()


def test_a_duplicate_business_id_is_a_409(directory: dict) -> None:
    client = token_client(user_with_role(Role.ADMINISTRATOR))
    body = {
        "name": {"fi": "Kaksoisolento"},
        "kind": "other",
        "municipalities": ["205"],
        "business_id": "737546-2",
    }
    conflict = error(client.post(f"{API}/organisations/", body, format="json"), 409)
    assert conflict["code"] == "conflict" and "business_id" in conflict["fields"]
    other = directory["sv_org"]
    error(client.patch(f"{API}/organisations/{other.pk}/", {"business_id": "0737546-2"}, format="json"), 409)
    # Saving an organisation with its own business ID is no conflict.
    own = directory["workshop_org"]
    assert (
        client.patch(
            f"{API}/organisations/{own.pk}/", {"business_id": "0737546-2"}, format="json"
        ).status_code
        == 200
    )


def test_field_errors_for_bad_bodies(directory: dict) -> None:
    client = token_client(user_with_role(Role.ADMINISTRATOR))
    organisation = directory["workshop_org"]
    cases = [
        ({"kind": "other", "municipalities": ["205"]}, "name"),
        ({"name": {"fi": ""}, "kind": "other", "municipalities": ["205"]}, "name.fi"),
        ({"name": {"fi": "X", "de": "Y"}, "kind": "other", "municipalities": ["205"]}, "name"),
        ({"name": "just text", "kind": "other", "municipalities": ["205"]}, "name"),
        ({"name": {"fi": "X" * 201}, "kind": "other", "municipalities": ["205"]}, "name.fi"),
        ({"name": {"fi": "X\x00"}, "kind": "other", "municipalities": ["205"]}, "name.fi"),
        ({"name": {"fi": "X"}, "kind": "other", "municipalities": ["999"]}, "municipalities"),
        ({"name": {"fi": "X"}, "kind": "other", "municipalities": "205"}, "municipalities"),
        ({"name": {"fi": "X"}, "kind": "other"}, "municipalities"),
        ({"name": {"fi": "X"}, "kind": "other", "regions": ["MK18"], "email": "not-an-address"}, "email"),
    ]
    for body, field in cases:
        response = error(client.post(f"{API}/organisations/", body, format="json"), 400)
        assert field in response["fields"], (body, response)
    # A lone surrogate can be written in JSON but not stored: refused, not a server error.
    raw = '{"name": {"fi": "X\\ud800"}, "kind": "other", "municipalities": ["205"]}'
    response = client.generic("POST", f"{API}/organisations/", raw, content_type="application/json")
    assert "name.fi" in error(response, 400)["fields"]
    service_cases = [
        ({"organisation": organisation.pk, "name": {"fi": "X"}, "age_min": "abc"}, "age_min"),
        ({"organisation": organisation.pk, "name": {"fi": "X"}, "age_min": 30, "age_max": 20}, "age_max"),
        ({"organisation": organisation.pk, "name": {"fi": "X"}, "age_max": 10**30}, "age_max"),
        ({"organisation": "not-a-ref", "name": {"fi": "X"}}, "organisation"),
        ({"organisation": 10**30, "name": {"fi": "X"}}, "organisation"),
        ({"organisation": 999999, "name": {"fi": "X"}}, "organisation"),
        (
            {
                "organisation": organisation.pk,
                "name": {"fi": "X"},
                "contact": directory["sv_org"].pk * 0 + 999,
            },
            "contact",
        ),
        (
            {"organisation": organisation.pk, "name": {"fi": "X"}, "last_reviewed": "yesterday"},
            "last_reviewed",
        ),
        (
            {"organisation": organisation.pk, "name": {"fi": "X"}, "target_groups": [["nested"]]},
            "target_groups.0",
        ),
    ]
    for body, field in service_cases:
        response = error(client.post(f"{API}/services/", body, format="json"), 400)
        assert field in response["fields"], (body, response)


def test_a_contact_of_another_organisation_is_refused(directory: dict) -> None:
    client = token_client(user_with_role(Role.ADMINISTRATOR))
    other_contact = ContactPersonFactory(organisation=directory["sv_org"])
    body = {"organisation": directory["workshop_org"].pk, "name": {"fi": "X"}, "contact": other_contact.pk}
    assert "contact" in error(client.post(f"{API}/services/", body, format="json"), 400)["fields"]


def test_malformed_and_non_object_bodies(directory: dict) -> None:
    client = token_client(user_with_role(Role.ADMINISTRATOR))
    response = client.generic("POST", f"{API}/services/", "{not json", content_type="application/json")
    assert error(response, 400)["code"] == "parse_error"
    for body in ("[1, 2]", '"text"', "null", "42"):
        error(client.generic("POST", f"{API}/organisations/", body, content_type="application/json"), 400)
    form = client.post(f"{API}/organisations/", {"name": "x"})  # multipart: JSON only here
    assert error(form, 415)["code"] == "unsupported_media_type"


def test_not_found_is_json(anonymous: APIClient, directory: dict) -> None:
    for path in (
        "/services/999999/",
        "/services/00000000-0000-0000-0000-000000000000/",
        "/services/not-a-uuid/",
        f"/services/{10**30}/",
        "/organisations/-1/",
        "/contacts/abc/",
        "/regions/MK99/",
        "/regions/%00/",
        "/regions/%C3%A4/",
        "/municipalities/000/",
        "/municipalities/%00/",
        "/no-such-thing/",
    ):
        assert error(anonymous.get(API + path), 404)["code"] == "not_found", path


def test_method_not_allowed_is_json(directory: dict) -> None:
    client = token_client(user_with_role(Role.ADMINISTRATOR))
    assert error(client.delete(f"{API}/organisations/{directory['sv_org'].pk}/"), 405)["code"] == (
        "method_not_allowed"
    )
    error(client.post(f"{API}/regions/", {}, format="json"), 405)


def test_messages_follow_accept_language(directory: dict) -> None:
    response = APIClient().post(f"{API}/services/", {}, format="json", HTTP_ACCEPT_LANGUAGE="sv")
    assert error(response, 401)["message"] != "Authentication credentials were not provided."
    english = APIClient().get(f"{API}/services/?page=0", HTTP_ACCEPT_LANGUAGE="en").json()
    finnish = APIClient().get(f"{API}/services/?page=0", HTTP_ACCEPT_LANGUAGE="fi").json()
    assert english["error"]["message"] == "The request has errors; see the fields."
    assert finnish["error"]["message"] != english["error"]["message"]


def test_session_login_works_for_writes_too(directory: dict) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=directory["workshop_org"])
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(editor)
    response = client.patch(
        f"{API}/organisations/{directory['workshop_org'].pk}/", {"phone": "1"}, format="json"
    )
    assert response.status_code == 200


def test_a_user_without_roles_may_not_write(directory: dict) -> None:
    client = token_client(UserFactory())
    error(
        client.patch(f"{API}/contacts/{directory['public_contact'].pk}/", {"name": "X"}, format="json"), 403
    )
    assert ContactPerson.objects.get(pk=directory["public_contact"].pk).name == "Pirkko Paja"
