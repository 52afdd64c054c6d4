"""The 2025 classification is loaded by migration; tests compare it with the shared facts file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from verkosto.core.models import Municipality, Region

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "municipalities-2025.csv"


def test_nineteen_regions_and_309_municipalities() -> None:
    assert Region.objects.count() == 19
    assert Municipality.objects.count() == 309
    codes = set(Region.objects.values_list("code", flat=True))
    assert "MK03" not in codes and "MK20" not in codes and {"MK01", "MK21"} <= codes


def test_names_in_finnish_and_swedish() -> None:
    kainuu = Region.objects.get(code="MK18")
    assert (kainuu.name_fi, kainuu.name_sv, kainuu.name_en) == ("Kainuu", "Kajanaland", "Kainuu")
    vaasa = Municipality.objects.get(code="905")
    assert (vaasa.name_fi, vaasa.name_sv, vaasa.region.code) == ("Vaasa", "Vasa", "MK15")
    # A monolingual Finnish municipality shows its Finnish name in Swedish too.
    assert Municipality.objects.get(name_fi="Alajärvi").name_sv == "Alajärvi"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the repository")
def test_shipped_data_matches_the_shared_facts() -> None:
    with SHARED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 309
    stored = {m.code: (m.name_fi, m.region.code) for m in Municipality.objects.select_related("region")}
    assert stored == {r["code"]: (r["name_fi"], r["region_code"]) for r in rows}
