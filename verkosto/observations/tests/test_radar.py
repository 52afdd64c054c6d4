"""The radar: emerging themes (burst and spread), suppression of small counts by viewer, keyword
measures from the counts, who may see the page, and the page with its charts."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, municipality, region, user_with_role
from verkosto.observations import keywords, radar
from verkosto.observations.models import Signal, Theme
from verkosto.textanalytics.emergence import Quadrant

pytestmark = pytest.mark.django_db

Role = RoleAssignment.Role
RENT = "Vuokrat nousevat ja opiskelijat muuttavat kotiin vuokran takia."
QUEUE = "TE-palvelujen jonot pitenevät ja jonossa odotetaan viikkoja."


def _add(theme: Theme, place: str, month: int, n: int, text: str) -> None:
    where = municipality(place)
    Signal.objects.bulk_create(
        Signal(
            text=text,
            language="fi",
            observed_on=datetime.date(2025, month, 1 + i % 28),
            municipality=where,
            region=where.region,
            theme=theme,
        )
        for i in range(n)
    )


@pytest.fixture
def world() -> dict[str, Any]:
    """2025 in two regions. Queues: ten signals a month in each. Rent: one a month in North
    Ostrobothnia until eight in December (a burst); three in Kainuu in December, its first there
    (spread, and a count below five)."""
    rent = Theme.objects.create(language="fi", keywords=["vuokra", "opiskelija"])
    queues = Theme.objects.create(language="fi", keywords=["jono", "TE-palvelu"])
    for month in range(1, 13):
        _add(queues, "Oulu", month, 10, QUEUE)
        _add(queues, "Kajaani", month, 10, QUEUE)
        _add(rent, "Oulu", month, 8 if month == 12 else 1, RENT)
    _add(rent, "Kajaani", 12, 3, RENT)
    keywords.rebuild_keyword_counts()
    return {
        "rent": rent,
        "queues": queues,
        "kainuu": region("MK18"),
        "pohjois": region("MK17"),
        "national": user_with_role(Role.NATIONAL_COORDINATOR),
        "coordinator_kainuu": user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18"),
        "coordinator_pohjois": user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK17"),
        "worker": user_with_role(Role.ORGANISATION_MEMBER, organisation=OrganisationFactory()),
    }


def _rows(result: radar.Radar, theme: Theme) -> dict[str, radar.EmergingRegion]:
    [item] = [e for e in result.emerging if e.theme.pk == theme.pk]
    return {r.region.code: r for r in item.regions}


def test_a_burst_and_a_spread_are_emerging_with_where_and_since_when(world: dict[str, Any]) -> None:
    result = radar.radar_for(user=world["national"], filters=radar.RadarFilters())
    assert result.starts[0] == datetime.date(2025, 1, 1) and result.starts[-1] == datetime.date(2025, 12, 1)
    assert [e.theme.pk for e in result.emerging] == [world["rent"].pk]
    rows = _rows(result, world["rent"])
    assert set(rows) == {"MK17", "MK18"}
    # Share 8/18 against 1/11 every month before: a burst since December.
    assert rows["MK17"].burst and not rows["MK17"].spread
    assert rows["MK17"].since == datetime.date(2025, 12, 1)
    assert rows["MK17"].z is not None and rows["MK17"].z > 10
    assert rows["MK17"].recent.value == 10  # October, November, December: 1 + 1 + 8
    assert rows["MK18"].spread and rows["MK18"].since == datetime.date(2025, 12, 1)
    assert result.emerging[0].national_recent == 13
    # The map counts emerging themes per region; the queues theme emerges nowhere.
    by_code = {r.region.code: r for r in result.regions}
    assert by_code["MK17"].emerging == 1 and by_code["MK18"].emerging == 1 and by_code["MK01"].emerging == 0
    assert result.theme == world["rent"]  # the first emerging theme is the one followed over time
    assert [p.national for p in result.series][-3:] == [1, 1, 11]
    assert result.total_signals == 240 + 11 + 8 + 3


def test_quarters_aggregate_the_months(world: dict[str, Any]) -> None:
    result = radar.radar_for(user=world["national"], filters=radar.RadarFilters(period=radar.QUARTER))
    assert result.starts == [datetime.date(2025, m, 1) for m in (1, 4, 7, 10)]
    assert [p.national for p in result.series] == [3, 3, 3, 13]


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [("coordinator_kainuu", 3), ("national", None), ("coordinator_pohjois", None)],
)
def test_a_count_below_five_is_shown_only_to_the_regions_own_coordinators(
    world: dict[str, Any], viewer: str, expected: int | None
) -> None:
    user = world[viewer]
    filters = radar.RadarFilters(region=world["kainuu"], theme=world["rent"])
    result = radar.radar_for(user=user, filters=filters)
    assert _rows(result, world["rent"])["MK18"].recent.value == expected  # emerging now
    assert result.series[-1].region is not None
    assert result.series[-1].region.value == expected  # the time series of the region
    assert result.series[-1].national == 11  # totals over the country are always shown
    by_code = {r.region.code: r for r in result.regions}
    assert by_code["MK18"].theme_recent is not None
    assert by_code["MK18"].theme_recent.value == expected  # the map and bar chart
    assert by_code["MK17"].theme_recent is not None
    assert by_code["MK17"].theme_recent.value == 10  # five or more: shown to all


def test_months_without_signals_of_the_theme_show_zero_not_suppressed(world: dict[str, Any]) -> None:
    filters = radar.RadarFilters(region=world["kainuu"], theme=world["rent"])
    result = radar.radar_for(user=world["national"], filters=filters)
    assert result.series[0].region is not None and result.series[0].region.value == 0


def test_keyword_measures_come_from_the_counts(world: dict[str, Any]) -> None:
    result = radar.radar_for(user=world["national"], filters=radar.RadarFilters())
    by_term = {m.term: m for m in result.keywords}
    rent, queue = by_term["vuokra"], by_term["jono"]
    # Rent: 2 occurrences in each of its signals; in December 22 of 31 signals' words.
    assert rent.tf[-1] == 22 and rent.df[-1] == 11 and rent.df[0] == 1
    assert rent.dov_growth > queue.dov_growth
    assert rent.kem in (Quadrant.WEAK, Quadrant.STRONG)
    assert queue.average_dov > rent.average_dov
    # One region only: in Kainuu rent is in three signals, too few for the maps.
    kainuu = radar.radar_for(user=world["national"], filters=radar.RadarFilters(region=world["kainuu"]))
    kainuu_terms = {m.term: m for m in kainuu.keywords}
    assert "vuokra" not in kainuu_terms
    assert kainuu_terms["jono"].df == (10,) * 12


def test_the_radar_is_for_coordinators_only(world: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        radar.radar_for(user=world["worker"], filters=radar.RadarFilters())


def test_the_cached_radar_answers_in_few_queries(
    world: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    radar.radar_for(user=world["national"], filters=radar.RadarFilters())
    with django_assert_max_num_queries(12):
        radar.radar_for(user=world["national"], filters=radar.RadarFilters())


def test_a_new_signal_changes_the_radar_at_once(world: dict[str, Any]) -> None:
    before = radar.radar_for(user=world["national"], filters=radar.RadarFilters())
    _add(world["rent"], "Kajaani", 12, 2, RENT)
    after = radar.radar_for(user=world["national"], filters=radar.RadarFilters())
    assert after.total_signals == before.total_signals + 2


# --- the page -------------------------------------------------------------------------------------

URL = "/signals/radar/"


def test_url_name() -> None:
    assert reverse("observations:radar") == URL


def test_anonymous_is_sent_to_log_in(client: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_worker_may_not_see_the_radar(client: Any, world: dict[str, Any]) -> None:
    client.force_login(world["worker"])
    assert client.get(URL).status_code == 403


def test_the_page_renders_with_its_charts_and_tables_in_finnish(client: Any, world: dict[str, Any]) -> None:
    client.force_login(world["national"])
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fi">' in html
    for chart in ("radar-map", "radar-series", "radar-bars", "radar-kem"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
    assert html.count("<details>") >= 3  # a table beside every chart
    assert "vuokra, opiskelija" in html  # the emerging theme's label, linked to its page
    assert f'href="{reverse("observations:theme_detail", args=[world["rent"].uuid])}"' in html
    assert "Pohjois-Pohjanmaa" in html and "Kainuu" in html


def test_the_page_suppresses_for_other_regions_coordinators(client: Any, world: dict[str, Any]) -> None:
    client.force_login(world["coordinator_pohjois"])
    response = client.get(URL, {"region": "MK18", "theme": str(world["rent"].uuid)})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<td class="num">&lt;5</td>' in html  # tables
    assert ">&lt;5</text>" in html  # the bar chart
    client.force_login(world["coordinator_kainuu"])
    response = client.get(URL, {"region": "MK18", "theme": str(world["rent"].uuid)})
    html = response.content.decode()
    assert ">&lt;5<" not in html
    assert '<td class="num">3</td>' in html


def test_a_regional_coordinator_starts_from_their_region(client: Any, world: dict[str, Any]) -> None:
    client.force_login(world["coordinator_kainuu"])
    response = client.get(URL)
    assert response.context["radar"].filters.region == world["kainuu"]
    # ... and may look at the whole country.
    response = client.get(URL, {"region": ""})
    assert response.status_code == 200 and response.context["radar"].filters.region is None


def test_bad_filters_are_refused_with_a_clear_error(client: Any, world: dict[str, Any]) -> None:
    client.force_login(world["national"])
    response = client.get(URL, {"window": "7", "region": "MK99"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and 'aria-invalid="true"' in html
    assert "radar" not in response.context


def test_an_empty_radar_renders(client: Any, db: Any) -> None:
    client.force_login(user_with_role(Role.NATIONAL_COORDINATOR))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["radar"].emerging == []
