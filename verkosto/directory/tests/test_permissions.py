"""Who may change what: each role's rights and refusals, drafts, and the audit log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory import services
from verkosto.directory.models import Organisation, Service

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


@pytest.fixture
def kainuu_org() -> Organisation:
    return OrganisationFactory(name_fi="Kainuun Yhdistys", municipalities=[municipality("Kajaani")])


@pytest.fixture
def oulu_org() -> Organisation:
    return OrganisationFactory(name_fi="Oulun Yhdistys", municipalities=[municipality("Oulu")])


def test_editor_edits_own_organisation_and_it_is_logged(kainuu_org: Organisation) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=kainuu_org)
    services.organisation_update(actor=editor, organisation=kainuu_org, description_fi="Uusi kuvaus")
    entry = AuditEntry.objects.get(object_type="directory.organisation", object_id=str(kainuu_org.pk))
    assert entry.actor == editor
    assert entry.action == "update"
    assert entry.changes["description_fi"] == ["", "Uusi kuvaus"]


def test_editor_is_refused_other_organisations(kainuu_org: Organisation, oulu_org: Organisation) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=kainuu_org)
    with pytest.raises(PermissionDenied):
        services.organisation_update(actor=editor, organisation=oulu_org, name_fi="Kaapattu")
    with pytest.raises(PermissionDenied):
        services.service_create(actor=editor, organisation=oulu_org, name_fi="Vieras palvelu")
    oulu_org.refresh_from_db()
    assert oulu_org.name_fi == "Oulun Yhdistys"
    assert not AuditEntry.objects.exists()


def test_editor_cannot_create_organisations() -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.organisation_create(
            actor=editor, name_fi="Uusi", kind="association", municipalities=[municipality("Kajaani")]
        )


def test_regional_coordinator_works_only_in_own_region(
    kainuu_org: Organisation, oulu_org: Organisation
) -> None:
    coordinator = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18")
    services.organisation_update(actor=coordinator, organisation=kainuu_org, phone="08 123 456")
    with pytest.raises(PermissionDenied):
        services.organisation_update(actor=coordinator, organisation=oulu_org, phone="08 123 456")
    created = services.organisation_create(
        actor=coordinator,
        name_fi="Sotkamon paja",
        kind="youth_workshop",
        municipalities=[municipality("Sotkamo")],
    )
    assert created.pk
    with pytest.raises(PermissionDenied):
        services.organisation_create(
            actor=coordinator,
            name_fi="Oulun paja",
            kind="youth_workshop",
            municipalities=[municipality("Oulu")],
        )
    assert not Organisation.objects.filter(name_fi="Oulun paja").exists()


def test_national_coordinator_and_administrator_work_everywhere(oulu_org: Organisation) -> None:
    for role in (Role.NATIONAL_COORDINATOR, Role.ADMINISTRATOR):
        user = user_with_role(role)
        services.organisation_update(actor=user, organisation=oulu_org, phone=f"0{len(role)}")
    assert AuditEntry.objects.filter(object_id=str(oulu_org.pk)).count() == 2


def test_user_without_role_and_anonymous_are_refused(oulu_org: Organisation) -> None:
    from django.contrib.auth.models import AnonymousUser

    for actor in (UserFactory(), AnonymousUser()):
        with pytest.raises(PermissionDenied):
            services.organisation_update(actor=actor, organisation=oulu_org, name_fi="X")


def test_invalid_change_saves_nothing(kainuu_org: Organisation) -> None:
    admin = user_with_role(Role.ADMINISTRATOR)
    with pytest.raises(ValidationError):
        services.organisation_update(
            actor=admin, organisation=kainuu_org, name_fi="Hyvä nimi", business_id="1234567-8"
        )
    kainuu_org.refresh_from_db()
    assert kainuu_org.name_fi == "Kainuun Yhdistys"
    assert not AuditEntry.objects.exists()


def test_age_range_is_checked(kainuu_org: Organisation) -> None:
    admin = user_with_role(Role.ADMINISTRATOR)
    with pytest.raises(ValidationError):
        services.service_create(
            actor=admin, organisation=kainuu_org, name_fi="Palvelu", age_min=29, age_max=16
        )
    assert not Service.objects.exists()


def test_contact_must_belong_to_the_same_organisation(
    kainuu_org: Organisation, oulu_org: Organisation
) -> None:
    admin = user_with_role(Role.ADMINISTRATOR)
    stranger = ContactPersonFactory(organisation=oulu_org)
    with pytest.raises(ValidationError):
        services.service_create(actor=admin, organisation=kainuu_org, name_fi="Palvelu", contact=stranger)


# --- pages ---------------------------------------------------------------------------------------


def test_draft_organisation_is_invisible_to_the_public_but_not_to_its_editor(client) -> None:
    draft = OrganisationFactory(
        name_fi="Luonnos ry", is_published=False, municipalities=[municipality("Kajaani")]
    )
    assert client.get(f"/organisations/{draft.pk}/").status_code == 404
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=draft)
    client.force_login(editor)
    response = client.get(f"/organisations/{draft.pk}/")
    assert response.status_code == 200
    assert "Luonnos ry" in response.content.decode()


def test_draft_service_is_hidden_from_the_public(client, kainuu_org: Organisation) -> None:
    draft = ServiceFactory(organisation=kainuu_org, name_fi="Piilopalvelu", is_published=False)
    assert client.get(f"/services/{draft.pk}/").status_code == 404
    assert "Piilopalvelu" not in client.get(f"/organisations/{kainuu_org.pk}/").content.decode()


def test_private_contact_people_are_not_shown_publicly(client, kainuu_org: Organisation) -> None:
    ContactPersonFactory(organisation=kainuu_org, name="Julkinen Henkilö", is_public=True)
    ContactPersonFactory(organisation=kainuu_org, name="Yksityinen Henkilö", is_public=False)
    html = client.get(f"/organisations/{kainuu_org.pk}/").content.decode()
    assert "Julkinen Henkilö" in html
    assert "Yksityinen Henkilö" not in html


def test_edit_page_refuses_other_editors_and_sends_anonymous_to_login(
    client, kainuu_org: Organisation
) -> None:
    url = f"/organisations/{kainuu_org.pk}/edit/"
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(user_with_role(Role.ORGANISATION_EDITOR, organisation=OrganisationFactory()))
    assert client.get(url).status_code == 403
    assert client.post(url, {"name_fi": "Kaapattu"}).status_code == 403
    kainuu_org.refresh_from_db()
    assert kainuu_org.name_fi == "Kainuun Yhdistys"


def _organisation_post(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name_fi": "Uusi Paja ry",
        "kind": "youth_workshop",
        "business_id": "0737546-2",
        "municipalities": ["205"],
        "languages": ["fi"],
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_editor_saves_through_the_form_and_history_shows_it(client, kainuu_org: Organisation) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=kainuu_org)
    client.force_login(editor)
    response = client.post(
        f"/organisations/{kainuu_org.pk}/edit/", _organisation_post(name_fi="Kainuun Uusi")
    )
    assert response.status_code == 302
    kainuu_org.refresh_from_db()
    assert kainuu_org.name_fi == "Kainuun Uusi"
    assert kainuu_org.business_id == "0737546-2"
    history = client.get(f"/organisations/{kainuu_org.pk}/history/").content.decode()
    assert editor.username in history and "name_fi" in history


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"business_id": "0737546-3"}, "business_id", "Y-tunnuksen tarkistusmerkki on väärä"),
        ({"business_id": "12345678"}, "business_id", "muodossa 1234567-8"),
        ({"municipalities": ["999"]}, "municipalities", "Tuntematon kunta: 999"),
        ({"name_fi": ""}, "name_fi", "Tämä kenttä vaaditaan"),
        ({"name_fi": "x" * 201}, "name_fi", "enintään 200"),
    ],
)
def test_bad_input_gets_a_finnish_message_next_to_the_field(
    client, overrides: dict, field: str, message: str
) -> None:
    client.force_login(user_with_role(Role.ADMINISTRATOR))
    response = client.post(
        "/organisations/new/", _organisation_post(**overrides), headers={"Accept-Language": "fi"}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    assert f'id="{form[field].auto_id}_error"' in response.content.decode()
    assert not Organisation.objects.exists()


def test_bad_input_message_follows_the_language(client) -> None:
    client.force_login(user_with_role(Role.ADMINISTRATOR))
    client.cookies["verkosto_language"] = "sv"
    response = client.post("/organisations/new/", _organisation_post(business_id="0737546-3"))
    assert "kontrolltecknet" in " ".join(response.context["form"].errors["business_id"]).lower()


def test_editor_adds_a_service_through_the_form_and_the_public_finds_it(
    client, kainuu_org: Organisation
) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=kainuu_org)
    contact = ContactPersonFactory(organisation=kainuu_org, name="Vastaava Valmentaja")
    client.force_login(editor)
    response = client.post(
        f"/organisations/{kainuu_org.pk}/services/new/",
        {
            "name_fi": "Kädentaitojen työpaja",
            "description_fi": "Puu- ja metallitöitä.",
            "target_groups": ["young-people", "neet"],
            "ways_of_working": ["workshop"],
            "languages": ["fi"],
            "municipalities": ["205", "765"],
            "age_min": "16",
            "age_max": "29",
            "contact": str(contact.pk),
            "last_reviewed": "2026-11-01",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    service = Service.objects.get(name_fi="Kädentaitojen työpaja")
    assert sorted(service.municipalities.values_list("name_fi", flat=True)) == ["Kajaani", "Sotkamo"]
    assert AuditEntry.objects.filter(object_type="directory.service", action="create", actor=editor).exists()
    client.logout()
    found = client.get("/search/", {"q": "työpajoissa Sotkamossa"}).content.decode()
    assert "Kädentaitojen työpaja" in found


def test_age_range_error_is_shown_next_to_the_maximum_age(client, kainuu_org: Organisation) -> None:
    client.force_login(user_with_role(Role.ADMINISTRATOR))
    response = client.post(
        f"/organisations/{kainuu_org.pk}/services/new/",
        {"name_fi": "Palvelu", "age_min": "29", "age_max": "16"},
        headers={"Accept-Language": "fi"},
    )
    assert response.status_code == 400
    assert "Enimmäisikä" in " ".join(response.context["form"].errors["age_max"])
    assert not Service.objects.exists()
