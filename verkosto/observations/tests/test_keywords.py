"""Keyword counts: what counts as a keyword, increments per region and month, forgetting and
rebuilding from the signals."""

from __future__ import annotations

import datetime

import pytest

from verkosto.directory.tests.factories import municipality
from verkosto.observations import keywords
from verkosto.observations.models import KeywordCount, Signal

pytestmark = pytest.mark.django_db


def _signal(text: str, *, day: datetime.date, place: str = "Kajaani", lang: str = "fi") -> Signal:
    where = municipality(place)
    return Signal.objects.create(
        text=text, language=lang, observed_on=day, municipality=where, region=where.region
    )


def _counts() -> dict[tuple[str, str, str, str], tuple[int, int]]:
    return {
        (c.term, c.language, c.region.code, f"{c.month:%Y-%m}"): (c.tf, c.df)
        for c in KeywordCount.objects.select_related("region")
    }


def test_signal_keywords_are_base_forms_without_function_words() -> None:
    found = keywords.signal_keywords(
        "Nuoret kertovat, että työpajoissa on 12 paikkaa ja [nimi] jonottaa työpajaan.", "fi"
    )
    assert found["työpaja"] == 2
    assert found["nuori"] == 1
    for absent in ("ja", "on", "että", "kertoa", "12", "nimi"):
        assert absent not in found
    swedish = keywords.signal_keywords("Unga berättar att boendet är dyrt och att boendet oroar.", "sv")
    assert swedish["boendet"] == 2 and "att" not in swedish and "och" not in swedish


def test_two_signals_in_one_month_add_up_and_months_and_regions_stay_apart() -> None:
    first = _signal("Vuokrat nousevat, vuokra vie tuen.", day=datetime.date(2025, 3, 3))
    second = _signal("Vuokrasta puhutaan, opiskelijat muuttavat kotiin.", day=datetime.date(2025, 3, 28))
    keywords.record_signals([first])
    keywords.record_signals([second])
    april = _signal("Vuokra on kova.", day=datetime.date(2025, 4, 2))
    elsewhere = _signal("Vuokra on kova.", day=datetime.date(2025, 3, 9), place="Oulu")
    keywords.record_signals([april, elsewhere])
    counts = _counts()
    # Three occurrences in two signals in Kainuu in March; one each in April and in North Ostrobothnia.
    assert counts[("vuokra", "fi", "MK18", "2025-03")] == (3, 2)
    assert counts[("vuokra", "fi", "MK18", "2025-04")] == (1, 1)
    assert counts[("vuokra", "fi", "MK17", "2025-03")] == (1, 1)
    assert counts[("opiskelija", "fi", "MK18", "2025-03")] == (1, 1)
    assert KeywordCount.objects.get(term="vuokra", region__code="MK18", month="2025-03-01").month == (
        datetime.date(2025, 3, 1)
    )


def test_many_signals_at_once_in_few_statements(django_assert_max_num_queries: object) -> None:
    signals = [
        _signal(
            f"Nuorisotyöpaja numero {i} odottaa rahoitusta, rahoitus viivästyy.",
            day=datetime.date(2025, 1, 5),
        )
        for i in range(300)
    ]
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        keywords.record_signals(signals)
    assert KeywordCount.objects.get(term="rahoitus").df == 300
    assert KeywordCount.objects.get(term="rahoitus").tf == 600


def test_forget_and_rebuild_after_a_delete() -> None:
    keep = _signal("Yksinäisyys näkyy etäkoulun jälkeen.", day=datetime.date(2025, 5, 1))
    gone = _signal("Yksinäisyys ja mielenterveys huolettavat.", day=datetime.date(2025, 5, 20))
    keywords.record_signals([keep, gone])
    assert _counts()[("yksinäisyys", "fi", "MK18", "2025-05")] == (2, 2)

    keywords.forget_signals([gone])
    gone.delete()
    counts = _counts()
    assert counts[("yksinäisyys", "fi", "MK18", "2025-05")] == (1, 1)
    assert ("mielenterveys", "fi", "MK18", "2025-05") not in counts  # an empty cell is removed

    # A stale count (e.g. a delete that did not forget) is repaired by the rebuild.
    KeywordCount.objects.filter(term="yksinäisyys").update(tf=9, df=9)
    rows = keywords.rebuild_keyword_counts()
    counts = _counts()
    assert counts[("yksinäisyys", "fi", "MK18", "2025-05")] == (1, 1)
    assert rows == len(counts) == KeywordCount.objects.count()


def test_rebuild_equals_recording_one_by_one() -> None:
    texts = [
        ("Vuokrasta puhutaan, opiskelijat muuttavat kotiin.", datetime.date(2024, 11, 2), "Kajaani", "fi"),
        ("TE-palvelujen uudistus pidentää jonoja.", datetime.date(2024, 12, 2), "Oulu", "fi"),
        ("Unga i Vasa väntar länge på TE-tjänster.", datetime.date(2024, 12, 9), "Vaasa", "sv"),
    ]
    for text, day, place, lang in texts:
        keywords.record_signals([_signal(text, day=day, place=place, lang=lang)])
    recorded = _counts()
    keywords.rebuild_keyword_counts()
    assert _counts() == recorded
    assert ("väntar", "sv", "MK15", "2024-12") in recorded
