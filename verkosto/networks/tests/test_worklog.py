"""The coordinator's work log: who writes it, what it refuses, and the coverage computed from it
(members and municipalities met face to face, days and kilometres), with its pages and charts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, municipality, region, user_with_role
from verkosto.networks import worklog
from verkosto.networks.models import Network, WorkLogEntry
from verkosto.networks.views_worklog import bar_chart

from .factories import NetworkFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db

F2F = WorkLogEntry.Mode.FACE_TO_FACE
ONLINE = WorkLogEntry.Mode.ONLINE
TODAY = datetime.date(2025, 6, 30)


@pytest.fixture
def kainuu() -> dict[str, Any]:
    """Three current members (two met face to face lately, one online only) and one former one."""
    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    pajat = OrganisationFactory(name_fi="A Kajaanin paja", municipalities=[municipality("Kajaani")])
    ohjaamo = OrganisationFactory(name_fi="B Sotkamon ohjaamo", municipalities=[municipality("Sotkamo")])
    etsivat = OrganisationFactory(name_fi="C Kuhmon etsivät", municipalities=[municipality("Kuhmo")])
    former = OrganisationFactory(name_fi="D Entinen jäsen")
    for organisation in (pajat, ohjaamo, etsivat, former):
        add_member(network, organisation, datetime.date(2020, 1, 1))
    network.memberships.filter(organisation=former).update(left_on=datetime.date(2024, 12, 31))
    return {
        "network": network,
        "coordinator": coordinator_of(network),
        "pajat": pajat,
        "ohjaamo": ohjaamo,
        "etsivat": etsivat,
        "former": former,
    }


def _log(setting: dict, **fields: Any) -> WorkLogEntry:
    values = {
        "actor": setting["coordinator"],
        "network": setting["network"],
        "date": datetime.date(2025, 3, 1),
        "kind": WorkLogEntry.Kind.VISIT,
        "mode": F2F,
    }
    return worklog.work_log_entry_create(**(values | fields))


# --- writing -------------------------------------------------------------------------------------


def test_coordinator_logs_a_visit_and_it_is_audited(kainuu: dict) -> None:
    entry = _log(
        kainuu,
        days=2,
        place="Kajaanin paja",
        municipality=municipality("Kajaani"),
        organisations=[kainuu["pajat"], kainuu["ohjaamo"]],
        kilometres=Decimal("412.5"),
        notes=" Verkostotapaaminen ",
    )
    assert entry.coordinator == kainuu["coordinator"]
    assert set(entry.organisations.all()) == {kainuu["pajat"], kainuu["ohjaamo"]}
    assert entry.notes == "Verkostotapaaminen"
    audit = AuditEntry.objects.get(object_type="networks.worklogentry")
    assert audit.actor == kainuu["coordinator"] and audit.action == "create"
    assert audit.changes["kilometres"] == ["", "412.5"]
    assert audit.changes["organisations"][1] == ", ".join(
        sorted([str(kainuu["pajat"].pk), str(kainuu["ohjaamo"].pk)])
    )


def test_only_the_networks_coordinators_and_managers_write(kainuu: dict) -> None:
    member = person_of(kainuu["pajat"])
    other_coordinator = coordinator_of(NetworkFactory())
    for outsider in (member, other_coordinator):
        with pytest.raises(PermissionDenied):
            _log(kainuu, actor=outsider)
    national = user_with_role(RoleAssignment.Role.NATIONAL_COORDINATOR)
    assert _log(kainuu, actor=national).coordinator == national
    assert WorkLogEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"days": 0}, "days"),
        ({"kilometres": Decimal("-1")}, "kilometres"),
        ({"date": timezone.localdate() + datetime.timedelta(days=1)}, "date"),
    ],
)
def test_impossible_values_are_refused(kainuu: dict, fields: dict, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        _log(kainuu, **fields)
    assert set(error.value.error_dict) == {field}
    assert not WorkLogEntry.objects.exists()


def test_organisations_met_must_be_current_members(kainuu: dict) -> None:
    """Decision: refuse, not warn. A non-member (or former member) in the log would count for
    nothing in coverage, so the coordinator is told at once, next to the field."""
    stranger = OrganisationFactory(name_fi="Vieras yhdistys")
    with pytest.raises(ValidationError) as error:
        _log(kainuu, organisations=[kainuu["pajat"], stranger, kainuu["former"]])
    message = error.value.error_dict["organisations"][0].messages[0]
    assert "Vieras yhdistys" in message and "D Entinen jäsen" in message
    assert "A Kajaanin paja" not in message
    assert not WorkLogEntry.objects.exists()


# --- coverage ------------------------------------------------------------------------------------


def test_members_met_face_to_face_in_the_last_12_months(kainuu: dict) -> None:
    _log(kainuu, date=datetime.date(2025, 5, 5), organisations=[kainuu["pajat"]])
    _log(kainuu, date=datetime.date(2024, 9, 1), organisations=[kainuu["ohjaamo"], kainuu["pajat"]])
    _log(kainuu, date=datetime.date(2025, 6, 1), mode=ONLINE, organisations=[kainuu["etsivat"]])
    # A face-to-face visit more than a year ago does not count either.
    _log(kainuu, date=datetime.date(2024, 6, 29), organisations=[kainuu["etsivat"]])
    # Another network's visit does not count for this one.
    other = NetworkFactory()
    add_member(other, kainuu["etsivat"])
    other.coordinators.add(kainuu["coordinator"])
    _log(kainuu, network=other, date=datetime.date(2025, 6, 2), organisations=[kainuu["etsivat"]])

    coverage = worklog.network_coverage(network=kainuu["network"], today=TODAY)
    assert coverage.since == datetime.date(2024, 6, 30)
    assert [m.organisation.name_fi for m in coverage.members] == [
        "A Kajaanin paja",
        "B Sotkamon ohjaamo",
        "C Kuhmon etsivät",
    ]  # the former member is not listed
    assert [m.organisation for m in coverage.members_met] == [kainuu["pajat"], kainuu["ohjaamo"]]
    (not_met,) = coverage.members_not_met
    assert not_met.organisation == kainuu["etsivat"]
    assert not_met.last_online == datetime.date(2025, 6, 1)
    assert not_met.last_face_to_face == datetime.date(2024, 6, 29)
    assert coverage.members_met[0].last_face_to_face == datetime.date(2025, 5, 5)


def test_municipalities_of_the_networks_regions(kainuu: dict) -> None:
    _log(kainuu, date=datetime.date(2025, 2, 1), municipality=municipality("Kajaani"))
    _log(kainuu, date=datetime.date(2025, 2, 2), municipality=municipality("Sotkamo"), mode=ONLINE)
    _log(kainuu, date=datetime.date(2025, 2, 3), municipality=municipality("Oulu"))  # outside Kainuu
    coverage = worklog.network_coverage(network=kainuu["network"], today=TODAY)
    assert coverage.municipality_basis == "regions"
    assert len(coverage.municipalities) == 8  # Kainuu's municipalities
    assert [m.municipality.name_fi for m in coverage.municipalities_met] == ["Kajaani"]
    by_name = {m.municipality.name_fi: m for m in coverage.municipalities}
    assert not by_name["Sotkamo"].met and by_name["Sotkamo"].member_count == 1
    assert by_name["Puolanka"].member_count == 0 and by_name["Puolanka"].last_face_to_face is None


def test_without_regions_the_members_municipalities_are_covered(kainuu: dict) -> None:
    kainuu["network"].regions.clear()
    _log(kainuu, date=datetime.date(2025, 2, 1), municipality=municipality("Kuhmo"))
    coverage = worklog.network_coverage(network=kainuu["network"], today=TODAY)
    assert coverage.municipality_basis == "members"
    assert [m.municipality.name_fi for m in coverage.municipalities] == ["Kajaani", "Kuhmo", "Sotkamo"]
    assert [m.municipality.name_fi for m in coverage.municipalities_met] == ["Kuhmo"]


def test_days_on_the_road_and_kilometres_per_year_and_month(kainuu: dict) -> None:
    _log(kainuu, date=datetime.date(2023, 4, 1), days=3, kilometres=Decimal("800"))
    _log(kainuu, date=datetime.date(2025, 1, 10), days=2, kilometres=Decimal("310.5"))
    _log(kainuu, date=datetime.date(2025, 6, 20), days=1, kilometres=Decimal("120"))
    # Online: kilometres count (none here), days on the road do not.
    _log(kainuu, date=datetime.date(2025, 6, 21), days=1, mode=ONLINE)
    coverage = worklog.network_coverage(network=kainuu["network"], today=TODAY)
    assert [
        (p.start.year, p.days_on_road, p.kilometres, p.face_to_face, p.online) for p in coverage.years
    ] == [
        (2023, 3, Decimal("800"), 1, 0),
        (2024, 0, Decimal("0"), 0, 0),  # a year without entries is shown, as zero
        (2025, 3, Decimal("430.5"), 2, 1),
    ]
    assert (coverage.months[0].start, coverage.months[-1].start) == (
        datetime.date(2024, 7, 1),
        datetime.date(2025, 6, 1),
    )
    june = coverage.months[-1]
    assert (june.days_on_road, june.kilometres, june.online) == (1, Decimal("120"), 1)
    assert coverage.window_days_on_road == 3 and coverage.window_kilometres == Decimal("430.5")


def test_an_empty_log_has_no_years_but_twelve_empty_months(kainuu: dict) -> None:
    coverage = worklog.network_coverage(network=kainuu["network"], today=TODAY)
    assert coverage.years == [] and not coverage.has_entries
    assert len(coverage.months) == 12 and all(p.kilometres == 0 for p in coverage.months)
    assert coverage.members_met == [] and len(coverage.members_not_met) == 3


def test_coverage_is_a_fixed_number_of_queries(kainuu: dict, django_assert_num_queries: Any) -> None:
    _log(kainuu, organisations=[kainuu["pajat"]], municipality=municipality("Kajaani"))
    with django_assert_num_queries(8):
        worklog.network_coverage(network=kainuu["network"], today=TODAY)
    for n in range(20):
        add_member(kainuu["network"], OrganisationFactory(municipalities=[municipality("Paltamo")]))
        _log(
            kainuu,
            date=datetime.date(2022 + n % 4, 1 + n % 12, 1),
            organisations=[kainuu["ohjaamo"], kainuu["etsivat"]],
            municipality=municipality("Kuhmo"),
        )
    with django_assert_num_queries(8):
        coverage = worklog.network_coverage(network=kainuu["network"], today=TODAY)
    assert len(coverage.members) == 23


# --- pages ---------------------------------------------------------------------------------------


def test_coordinator_writes_an_entry_on_the_page(client: Any, kainuu: dict) -> None:
    client.force_login(kainuu["coordinator"])
    url = reverse("networks:worklog_new")
    form_page = client.get(url)  # one network: no need to choose
    assert form_page.status_code == 200
    assert "A Kajaanin paja" in form_page.content.decode()
    assert "D Entinen jäsen" not in form_page.content.decode()
    response = client.post(
        url + f"?network={kainuu['network'].pk}",
        {
            "date": "2025-05-05",
            "kind": "visit",
            "mode": "face_to_face",
            "days": "1",
            "place": "Paja",
            "municipality": municipality("Kajaani").pk,
            "organisations": [kainuu["pajat"].pk],
            "kilometres": "45.5",  # what a number input sends in every language
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()
    entry = WorkLogEntry.objects.get()
    assert entry.kilometres == Decimal("45.5") and list(entry.organisations.all()) == [kainuu["pajat"]]
    listing = client.get(response["Location"]).content.decode()
    assert "A Kajaanin paja" in listing


def test_bad_values_show_errors_next_to_their_fields(client: Any, kainuu: dict) -> None:
    client.force_login(kainuu["coordinator"])
    stranger = OrganisationFactory()
    response = client.post(
        reverse("networks:worklog_new") + f"?network={kainuu['network'].pk}",
        {
            "date": "2025-05-05",
            "kind": "visit",
            "mode": "face_to_face",
            "days": "0",
            "kilometres": "-5",
            "organisations": [stranger.pk],
        },
    )
    assert response.status_code == 400
    assert not WorkLogEntry.objects.exists()
    form = response.context["form"]
    assert set(form.errors) == {"days", "kilometres", "organisations"}
    html = response.content.decode()
    for field in ("days", "kilometres"):
        group = html[html.index(f'for="id_{field}"') :]
        assert group.index("errorlist") < group.index(f'id="id_{field}"')


def test_who_sees_which_pages(client: Any, kainuu: dict) -> None:
    network = kainuu["network"]
    _log(kainuu)
    member = person_of(kainuu["pajat"])
    client.force_login(member)
    assert client.get(reverse("networks:coverage", args=[network.pk])).status_code == 403
    assert client.get(reverse("networks:worklog") + f"?network={network.pk}").status_code == 403
    assert client.get(reverse("networks:worklog_new")).status_code == 403
    assert (
        client.post(
            reverse("networks:worklog_new") + f"?network={network.pk}",
            {"date": "2025-05-05", "kind": "visit", "mode": "face_to_face", "days": "1", "kilometres": "0"},
        ).status_code
        == 403
    )
    own = client.get(reverse("networks:worklog"))
    assert own.status_code == 200 and len(own.context["page"].object_list) == 0
    assert WorkLogEntry.objects.count() == 1
    client.force_login(kainuu["coordinator"])
    assert client.get(reverse("networks:coverage", args=[network.pk])).status_code == 200
    assert client.get(reverse("networks:worklog") + f"?network={network.pk}").status_code == 200
    # Another coordinator of the network sees the whole network's log, and only their own by default.
    colleague = coordinator_of(network)
    client.force_login(colleague)
    assert len(client.get(reverse("networks:worklog")).context["page"].object_list) == 0
    shared = client.get(reverse("networks:worklog") + f"?network={network.pk}")
    assert len(shared.context["page"].object_list) == 1


def test_several_networks_means_choosing_one_first(client: Any, kainuu: dict) -> None:
    other: Network = NetworkFactory(name_fi="Oulun verkosto")
    other.coordinators.add(kainuu["coordinator"])
    client.force_login(kainuu["coordinator"])
    response = client.get(reverse("networks:worklog_new"))
    assert response.status_code == 200
    assert "Oulun verkosto" in response.content.decode() and "id_network" in response.content.decode()
    response = client.get(reverse("networks:worklog_new"), {"network": other.pk})
    assert "id_date" in response.content.decode()


def test_worklog_list_uses_a_fixed_number_of_queries(
    client: Any, kainuu: dict, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(kainuu["coordinator"])
    url = reverse("networks:worklog") + f"?network={kainuu['network'].pk}"
    _log(kainuu, organisations=[kainuu["pajat"]], municipality=municipality("Kajaani"))
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _n in range(9):
        _log(kainuu, organisations=[kainuu["pajat"], kainuu["ohjaamo"]], municipality=municipality("Kuhmo"))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 10


def test_coverage_page_has_an_accessible_chart_with_the_same_numbers_in_a_table(
    client: Any, kainuu: dict
) -> None:
    _log(kainuu, date=datetime.date(2025, 1, 10), days=2, kilometres=Decimal("1234.5"))
    client.force_login(kainuu["coordinator"])
    html = client.get(reverse("networks:coverage", args=[kainuu["network"].pk])).content.decode()
    assert html.count('role="img"') == 4
    assert 'aria-labelledby="km-per-year-title km-per-year-desc"' in html
    assert '<title id="km-per-year-title">' in html and '<desc id="km-per-year-desc">' in html
    assert "<script" not in html.split("<main", 1)[1]  # no chart library
    # The Finnish page writes 1 234,5 in the table and 1 235 on the bar.
    client.cookies["verkosto_language"] = "fi"
    html = client.get(reverse("networks:coverage", args=[kainuu["network"].pk])).content.decode()
    assert "1\xa0234,5" in html
    assert "1\xa0235" in html


def test_bar_chart_geometry_is_written_with_points_whatever_the_language() -> None:
    from django.utils import translation

    with translation.override("fi"):
        chart = bar_chart(
            chart_id="c",
            title="Km",
            bars=[("2024", Decimal("0")), ("2025", Decimal("100.5"))],
            unit="km",
        )
    low, high = chart.bars
    assert float(low.height) == 0.0
    assert float(high.height) == pytest.approx(240 - 46 - 26)
    assert "," not in high.x + high.y + high.width + high.height
    assert chart.description == "2024: 0 km; 2025: 101 km."
