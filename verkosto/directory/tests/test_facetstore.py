"""The in-memory facet store agrees with the database and follows its changes."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import Municipality
from verkosto.directory import facetstore, selectors, services
from verkosto.directory.models import ServiceSearchEntry, TargetGroup, WayOfWorking
from verkosto.directory.search import search_index_rebuild

from .factories import OrganisationFactory, ServiceFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def random_directory() -> None:
    rng = random.Random(7)
    municipalities = list(Municipality.objects.all())
    groups, ways = list(TargetGroup.objects.all()), list(WayOfWorking.objects.all())
    kinds = ["youth_workshop", "association", "ohjaamo", "typ"]
    for n in range(12):
        organisation = OrganisationFactory(
            kind=rng.choice(kinds), municipalities=rng.sample(municipalities, 2)
        )
        for m in range(rng.randint(0, 5)):
            ServiceFactory(
                organisation=organisation,
                name_fi=f"Palvelu {n}-{m}",
                municipalities=rng.sample(municipalities, rng.randint(0, 3)),
                target_groups=rng.sample(groups, rng.randint(0, 3)),
                ways_of_working=rng.sample(ways, rng.randint(0, 2)),
                is_published=rng.random() > 0.2,
            )
    search_index_rebuild()


def test_counts_equal_a_plain_count_of_the_entries(random_directory: None) -> None:
    store = facetstore.facet_store()
    expected = Counter(
        token
        for facets in ServiceSearchEntry.objects.values_list("facets", flat=True)
        for token in facets.split()
    )
    everything = store.mask_any([]) | True
    assert store.count(everything) == dict(expected)
    kainuu = [t for t in expected if t.startswith("r")][:1]
    mask = store.mask_any(kainuu)
    entries = [f.split() for f in ServiceSearchEntry.objects.values_list("facets", flat=True)]
    assert int(mask.sum()) == sum(1 for tokens in entries if kainuu[0] in tokens)
    assert store.count(mask) == dict(Counter(t for tokens in entries if kainuu[0] in tokens for t in tokens))


def test_positions_drop_unknown_ids(random_directory: None) -> None:
    store = facetstore.facet_store()
    known = [int(i) for i in store.ids[:3]]
    assert list(store.ids[store.positions([*known, 10**9, -1])]) == known


def test_store_reloads_after_an_edit_in_this_or_another_process(random_directory: None) -> None:
    before = facetstore.facet_store()
    assert facetstore.facet_store() is before  # unchanged index: no reload
    service = ServiceFactory(name_fi="Uusi palvelu")
    admin = user_with_role(RoleAssignment.Role.ADMINISTRATOR)
    services.service_update(actor=admin, service=service, description_fi="Uusi kuvaus")
    after = facetstore.facet_store()
    assert after is not before and after.token != before.token
    assert service.pk in {int(i) for i in after.ids}
    result = selectors.directory_search(text="Uusi palvelu", filters=selectors.SearchFilters())
    assert [s.pk for s in result.services] == [service.pk]


def test_paging_past_the_end_shows_the_last_page(random_directory: None) -> None:
    result = selectors.directory_search(text="", filters=selectors.SearchFilters(), page=999, per_page=5)
    assert result.page == result.pages
    assert 0 < len(result.services) <= 5
