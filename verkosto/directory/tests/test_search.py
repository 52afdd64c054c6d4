"""Search: inflected queries find base forms, best match first, facets filter and count."""

from __future__ import annotations

import pytest

from verkosto.directory import selectors
from verkosto.directory.models import Organisation, TargetGroup, WayOfWorking
from verkosto.directory.search import search_index_rebuild

from .factories import OrganisationFactory, ServiceFactory, municipality

pytestmark = pytest.mark.django_db


def _search(text: str = "", **filters: list[str]) -> selectors.SearchResult:
    return selectors.directory_search(text=text, filters=selectors.SearchFilters(**filters))


def _names(result: selectors.SearchResult) -> list[str]:
    return [s.name_fi for s in result.services]


@pytest.fixture
def directory() -> dict[str, object]:
    kajaani, oulu, vaasa = municipality("Kajaani"), municipality("Oulu"), municipality("Vaasa")
    young = TargetGroup.objects.get(slug="young-people")
    immigrants = TargetGroup.objects.get(slug="immigrants")
    group = WayOfWorking.objects.get(slug="group")
    workshop_org = OrganisationFactory(
        name_fi="Kajaanin Nuorten Paja ry", kind=Organisation.Kind.YOUTH_WORKSHOP
    )
    outreach_org = OrganisationFactory(name_fi="Oulun etsivät", kind=Organisation.Kind.OUTREACH_YOUTH_WORK)
    sv_org = OrganisationFactory(
        name_fi="Vaasan nuorisopalvelut", name_sv="Vasa ungdomstjänster", kind=Organisation.Kind.ASSOCIATION
    )
    services = {
        "workshop": ServiceFactory(
            organisation=workshop_org,
            name_fi="Nuorten työpaja",
            description_fi="Valmennusta puutyössä ja kädentaidoissa.",
            municipalities=[kajaani],
            target_groups=[young],
            ways_of_working=[group],
        ),
        "mention": ServiceFactory(
            organisation=outreach_org,
            name_fi="Etsivä nuorisotyö",
            description_fi="Ohjaamme tarvittaessa työpajaan ja kouluun.",
            municipalities=[oulu],
            target_groups=[young],
        ),
        "swedish": ServiceFactory(
            organisation=sv_org,
            name_fi="Maahanmuuttajien kielikahvila",
            name_sv="Språkcafé för invandrare",
            description_sv="Stöd för ungdomar och vuxna som lär sig svenska.",
            municipalities=[vaasa],
            target_groups=[immigrants],
        ),
        "draft": ServiceFactory(
            organisation=workshop_org,
            name_fi="Salainen työpaja",
            municipalities=[kajaani],
            is_published=False,
        ),
    }
    search_index_rebuild()
    return services


def test_inflected_finnish_query_finds_base_form(directory: dict) -> None:
    assert "Nuorten työpaja" in _names(_search("työpajoissa"))


def test_plural_allative_finds_nominative(directory: dict) -> None:
    # "nuorille" (for young people) finds "nuoret"/"nuorten" and the target group "nuoret".
    names = _names(_search("nuorille"))
    assert "Nuorten työpaja" in names and "Etsivä nuorisotyö" in names


def test_place_name_in_inessive_finds_services_in_that_municipality(directory: dict) -> None:
    assert _names(_search("Kajaanissa")) == ["Nuorten työpaja"]


def test_swedish_definite_plural_finds_indefinite(directory: dict) -> None:
    assert _names(_search("ungdomarna")) == ["Maahanmuuttajien kielikahvila"]


def test_name_match_ranks_above_description_match(directory: dict) -> None:
    names = _names(_search("työpaja"))
    assert names[:2] == ["Nuorten työpaja", "Etsivä nuorisotyö"]


def test_drafts_are_never_found(directory: dict) -> None:
    assert "Salainen työpaja" not in _names(_search("työpaja"))
    assert "Salainen työpaja" not in _names(_search(""))


def test_every_word_must_match(directory: dict) -> None:
    assert _names(_search("työpaja Oulussa")) == ["Etsivä nuorisotyö"]
    assert _names(_search("työpaja Vaasassa")) == []


def test_target_group_names_are_searchable(directory: dict) -> None:
    assert _names(_search("maahanmuuttajille")) == ["Maahanmuuttajien kielikahvila"]
    assert _names(_search("invandrare")) == ["Maahanmuuttajien kielikahvila"]


def test_facet_filters_combine_with_text(directory: dict) -> None:
    assert _names(_search("nuorille", regions=["MK18"])) == ["Nuorten työpaja"]
    assert _names(_search("", kinds=["outreach_youth_work"])) == ["Etsivä nuorisotyö"]
    assert _names(_search("", ways=["group"])) == ["Nuorten työpaja"]
    assert sorted(_names(_search("", regions=["MK18", "MK17"]))) == ["Etsivä nuorisotyö", "Nuorten työpaja"]


def test_unknown_facet_value_matches_nothing(directory: dict) -> None:
    assert _search("", regions=["MK99"]).total == 0


def test_facet_counts_ignore_own_selection_but_respect_others(directory: dict) -> None:
    result = _search("", regions=["MK18"])
    regions = {v.key: (v.count, v.selected) for v in result.facets["regions"]}
    assert regions["MK18"] == (1, True)
    assert regions["MK17"] == (1, False)  # still offered: picking it widens the result
    kinds = {v.key: v.count for v in result.facets["kinds"]}
    assert kinds == {"youth_workshop": 1}


def test_punctuation_and_operators_in_query_are_harmless(directory: dict) -> None:
    for text in ['"', "työpaja AND OR NOT", "(*)", "nuor* NEAR", "' OR 1=1 --", "ä" * 300]:
        _search(text)  # must not raise


def test_editing_a_service_updates_the_index(directory: dict) -> None:
    from verkosto.accounts.models import RoleAssignment
    from verkosto.directory import services

    from .factories import user_with_role

    admin = user_with_role(RoleAssignment.Role.ADMINISTRATOR)
    service = directory["mention"]
    services.service_update(actor=admin, service=service, name_fi="Etsivä työ Kuopiossa")
    assert _names(_search("Kuopio")) == ["Etsivä työ Kuopiossa"]
    services.service_update(actor=admin, service=service, is_published=False)
    assert _search("Kuopio").total == 0


def test_search_page_renders_results_and_facets(client, directory: dict) -> None:
    response = client.get("/search/", {"q": "työpajoissa"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nuorten työpaja" in html
    assert 'name="region" value="MK18"' in html


def test_htmx_request_gets_only_the_results_fragment(client, directory: dict) -> None:
    response = client.get("/search/", {"q": "työpaja"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Nuorten työpaja" in html
    assert "<html" not in html


def test_search_without_javascript_uses_plain_get_parameters(client, directory: dict) -> None:
    response = client.get("/search/?q=&kind=youth_workshop&page=abc")
    assert response.status_code == 200
    assert "Nuorten työpaja" in response.content.decode()
    assert "Etsivä nuorisotyö" not in response.content.decode()


def test_search_page_query_count_does_not_grow_with_results(
    client, directory: dict, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(16):
        client.get("/search/", {"q": "nuorille"})


def test_chosen_filters_link_to_the_search_without_them(client, directory: dict) -> None:
    response = client.get(
        "/search/", {"q": "nuorille", "region": "MK18", "kind": "youth_workshop", "page": "1"}
    )
    active = {chosen["label"]: chosen["url"] for chosen in response.context["active_filters"]}
    assert active["Kainuu"] == "?q=nuorille&kind=youth_workshop"
    assert set(active) == {"Kainuu", str(Organisation.Kind.YOUTH_WORKSHOP.label)}


def test_deferred_indexing_refreshes_once_at_the_end(directory: dict) -> None:
    from django.db import transaction

    from verkosto.accounts.models import RoleAssignment
    from verkosto.directory import services
    from verkosto.directory.search import search_index_deferred

    from .factories import user_with_role

    admin = user_with_role(RoleAssignment.Role.ADMINISTRATOR)
    with transaction.atomic(), search_index_deferred():
        services.service_update(actor=admin, service=directory["mention"], name_fi="Etsivä työ Kuopiossa")
        services.service_update(actor=admin, service=directory["workshop"], name_fi="Kuopion paja")
        assert _search("Kuopio").total == 0  # not yet indexed
    assert sorted(_names(_search("Kuopio"))) == ["Etsivä työ Kuopiossa", "Kuopion paja"]


def test_deferred_indexing_does_nothing_when_the_block_fails(directory: dict) -> None:
    from verkosto.directory.models import ServiceSearchEntry
    from verkosto.directory.search import search_index_deferred

    before = ServiceSearchEntry.objects.count()
    with pytest.raises(RuntimeError), search_index_deferred():
        from verkosto.directory.search import search_index_services

        search_index_services([directory["draft"].pk])
        raise RuntimeError("boom")
    assert ServiceSearchEntry.objects.count() == before
