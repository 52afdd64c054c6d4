"""Demo signals: realistic, everywhere, scrubbed, with themes that really emerge; and the generator."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import F

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import Region
from verkosto.demo import signals as demo_signals
from verkosto.demo.generator import load_demo
from verkosto.demo.signals import PLANTED, THEMES, compose, load_demo_signals
from verkosto.observations.models import Escalation, KeywordCount, Signal, Theme, ThemeRun
from verkosto.textanalytics import scrub

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 15)
SWEDISH_REGIONS = {"MK01", "MK02", "MK15", "MK16", "MK21"}
# Words that tell a demo theme's signals apart, in both languages (any inflection).
THEME_WORDS = {
    "drugs": re.compile(r"huume|kannabinoid|synteett|drog|syntetisk|cannabinoid", re.IGNORECASE),
    "housing": re.compile(r"vuokr|asumis|asunto|hyr|boende|bostäder", re.IGNORECASE),
    "te_reform": re.compile(r"te-palvelu|työllisyys|työvoimapalvelu|te-tjänst|sysselsättning", re.IGNORECASE),
    "loneliness": re.compile(
        r"yksinäi|ystävää|etäkoulu|etäopetu|kaverit ovat netissä|ensam|distans", re.IGNORECASE
    ),
    "transport": re.compile(r"linja-auto|bussi|kilometri|kyydi|busslinj|kollektivtrafik", re.IGNORECASE),
}


@pytest.fixture
def people() -> dict[str, Any]:
    return load_demo(organisations=60, services=150, networks=True)


@pytest.fixture
def loaded(people: dict[str, Any]) -> dict[str, Any]:
    return load_demo_signals(today=TODAY, themes=False)


def _months_ago(day: dt.date) -> int:
    return (TODAY.year - day.year) * 12 + TODAY.month - day.month


def _monthly_rates(region: str, theme: str) -> tuple[float, float]:
    """Signals of a theme in a region a month: over the last 6 months, and over the 18 before."""
    words = THEME_WORDS[theme]
    recent = earlier = 0
    for text, day in Signal.objects.filter(region__code=region).values_list("text", "observed_on"):
        if words.search(text):
            if _months_ago(day) < 6:
                recent += 1
            else:
                earlier += 1
    return recent / 6, earlier / 18


def test_a_few_thousand_signals_in_every_region_over_two_years(loaded: dict[str, Any]) -> None:
    assert loaded["created"] is True
    signals = Signal.objects.all()
    assert signals.count() == demo_signals.DEMO_SIGNALS == loaded["signals"]
    assert not signals.filter(is_demo=False).exists()
    per_region = Counter(signals.values_list("region__code", flat=True))
    assert set(per_region) == set(Region.objects.values_list("code", flat=True))
    assert len(per_region) == 19
    assert min(per_region.values()) >= 30, per_region  # Åland, the smallest, still has a few dozen
    assert per_region["MK01"] == max(per_region.values())
    days = list(signals.values_list("observed_on", flat=True))
    assert min(days) >= TODAY - dt.timedelta(days=730)
    assert max(days) <= TODAY
    assert len({_months_ago(d) for d in days}) == 24  # every month of the two years
    # Municipalities lie in the signal's region; every signal has a target group.
    assert not signals.exclude(municipality__region=F("region")).exists()
    assert not signals.filter(target_groups__isnull=True).exists()


def test_finnish_everywhere_and_swedish_where_it_is_spoken(loaded: dict[str, Any]) -> None:
    languages = Counter(Signal.objects.values_list("language", flat=True))
    assert languages["fi"] > 2000
    assert 100 <= languages["sv"] <= 400
    swedish_regions = set(Signal.objects.filter(language="sv").values_list("region__code", flat=True))
    assert swedish_regions <= SWEDISH_REGIONS
    assert {"MK21", "MK15"} <= swedish_regions
    aland = Counter(Signal.objects.filter(region__code="MK21").values_list("language", flat=True))
    assert aland["sv"] > aland["fi"]


def test_authors_are_demo_people_of_their_organisations(loaded: dict[str, Any]) -> None:
    single = Signal.objects.filter(entry=Signal.Entry.SINGLE)
    assert single.filter(author__isnull=False).count() > 0.9 * single.count()
    member_roles = set(
        RoleAssignment.objects.filter(organisation__isnull=False).values_list("user_id", "organisation_id")
    )
    pairs = set(single.filter(author__isnull=False).values_list("author_id", "organisation_id"))
    assert pairs <= member_roles
    assert len({a for a, _o in pairs}) > 20  # many different people write
    # Kainuu's coordinator typed some in from meetings, and reviewed older ones of the region.
    bulk = Signal.objects.filter(entry=Signal.Entry.BULK)
    assert set(bulk.values_list("author__username", flat=True)) == {"alue"}
    assert set(bulk.values_list("region__code", flat=True)) == {"MK18"}
    reviewed = Signal.objects.filter(reviewed_at__isnull=False)
    assert reviewed.exists()
    assert set(reviewed.values_list("region__code", flat=True)) == {"MK18"}
    assert not reviewed.filter(observed_on__gt=TODAY - dt.timedelta(days=21)).exists()
    assert Signal.objects.filter(region__code="MK18", reviewed_at__isnull=True).exists()  # a queue


def test_texts_are_varied_short_and_free_of_personal_data(loaded: dict[str, Any]) -> None:
    texts = list(Signal.objects.values_list("text", "language"))
    assert len({t for t, _lang in texts}) > 0.75 * len(texts)
    assert max(len(t) for t, _lang in texts) < 400
    for text, lang in texts:
        for planted in PLANTED:
            assert planted not in text, text
        # What is stored is already scrubbed: the scrubber finds nothing more in it.
        assert scrub.scrub(text, lang).found == {}, text
    with_placeholders = [
        t for t, _lang in texts if re.search(r"\[(nimi|namn|puhelin|telefon|sähköposti|e-post)\]", t)
    ]
    assert len(with_placeholders) >= 20  # the planted names, numbers and addresses were replaced


def test_emerging_themes_really_emerge(loaded: dict[str, Any]) -> None:
    for region in ("MK08", "MK07"):  # synthetic drugs in Kymenlaakso and Päijät-Häme
        recent, earlier = _monthly_rates(region, "drugs")
        assert recent >= 3 * earlier, (region, recent, earlier)
        assert recent >= 3, (region, recent)
    national_recent, national_earlier = _monthly_rates("MK17", "drugs")  # steady elsewhere
    assert national_recent < 2 * max(national_earlier, 0.2)
    for region in ("MK01", "MK06"):  # housing costs and vocational drop-outs
        recent, earlier = _monthly_rates(region, "housing")
        assert recent >= 2.5 * earlier, (region, recent, earlier)
    recent, earlier = _monthly_rates("MK18", "transport")  # bus lines cut in Kainuu
    assert recent >= 3 * earlier, (recent, earlier)
    # TE services reform on 1.1.2025: waiting times nationwide from January.
    te = THEME_WORDS["te_reform"]
    before = sum(
        1
        for t in Signal.objects.filter(observed_on__lt=dt.date(2025, 1, 1)).values_list("text", flat=True)
        if te.search(t)
    )
    first_quarter = sum(
        1
        for t in Signal.objects.filter(
            observed_on__range=(dt.date(2025, 1, 1), dt.date(2025, 2, 28))
        ).values_list("text", flat=True)
        if te.search(t)
    )
    assert first_quarter >= 4 * max(before, 1), (before, first_quarter)
    # Loneliness after remote schooling fades.
    lonely = THEME_WORDS["loneliness"]
    months = Counter(
        _months_ago(d) for t, d in Signal.objects.values_list("text", "observed_on") if lonely.search(t)
    )
    assert sum(months[m] for m in range(18, 24)) > 2 * sum(months[m] for m in range(6))


def test_the_same_seed_gives_the_same_signals(people: dict[str, Any]) -> None:
    def snapshot() -> list[tuple[Any, ...]]:
        return list(
            Signal.objects.order_by("observed_on", "text", "pk").values_list(
                "text",
                "language",
                "observed_on",
                "region__code",
                "municipality_id",
                "author_id",
                "spread",
                "source",
            )
        )

    load_demo_signals(today=TODAY, seed=7, count=400, themes=False)
    first = snapshot()
    assert load_demo_signals(today=TODAY, seed=7, count=400, themes=False)["created"] is False
    Signal.objects.all().delete()
    load_demo_signals(today=TODAY, seed=7, count=400, themes=False)
    assert snapshot() == first
    Signal.objects.all().delete()
    load_demo_signals(today=TODAY, seed=8, count=400, themes=False)
    assert snapshot() != first


def test_composed_texts_vary_within_a_theme() -> None:
    rng = random.Random(3)
    for theme in THEMES:
        for lang in ("fi", "sv"):
            texts = [
                compose(rng, theme.key, lang, spread="several", place_gen="Kajaanin", place_sv="Vasa")
                for _ in range(200)
            ]
            assert len(set(texts)) > 60, (theme.key, lang)
            assert all(0 < len(t) < 400 for t in texts)
            sentences = [len(re.findall(r"[.!?](\s|$)", t + " ")) for t in texts]
            assert max(sentences) <= 4  # a label ("Pajalta:") aside, one to three sentences


def test_themes_are_computed_published_and_escalated(people: dict[str, Any]) -> None:
    # Fewer signals than the demo's 3,000 keep the real recomputation quick enough for the suite.
    result = load_demo_signals(today=TODAY, count=1000)
    assert result["created"] is True and result["runs"] >= 20
    assert KeywordCount.objects.exists()
    assert ThemeRun.objects.filter(region__isnull=True, status=ThemeRun.Status.DONE).count() == 2
    # Signals are grouped nationally and per region.
    assert Signal.objects.filter(theme__isnull=False).count() > 500
    assert Signal.objects.filter(regional_theme__isnull=False).count() > 500
    # The largest national themes are published, so that a worker sees some.
    published = Theme.objects.filter(is_published=True)
    assert published.filter(region__isnull=True, language="fi").count() == 5
    assert published.filter(region__isnull=True, language="sv").count() == 1
    assert not published.filter(region__isnull=False).exists()
    # Kainuu's coordinator escalated regional themes of Kainuu; one was answered nationally.
    escalations = Escalation.objects.select_related("theme", "region", "created_by")
    assert 1 <= escalations.count() <= 2
    for escalation in escalations:
        assert escalation.region.code == "MK18" and escalation.theme.region_id == escalation.region.pk
        assert escalation.created_by.username == "alue" and escalation.summary
        assert escalation.theme.comments.filter(author__username="alue").exists()
    assert escalations.exclude(status=Escalation.Status.OPEN).count() <= 1


def test_the_load_demo_command_prints_the_signals(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command loads the real demo signals; 300 of them (without themes) keep the test quick.
    real = demo_signals.load_demo_signals
    monkeypatch.setattr(demo_signals, "load_demo_signals", lambda **kw: real(**kw, count=300, themes=False))
    out = io.StringIO()
    call_command("load_demo", organisations=60, services=150, stdout=out)
    assert re.search(r"Demo signals loaded: 300 signals \(\d+ in Swedish\) in 19 regions", out.getvalue())
    assert Signal.objects.count() == 300
    out = io.StringIO()
    call_command("load_demo", organisations=60, services=150, stdout=out)
    assert "Demo signals already present (300 signals" in out.getvalue()
    assert Signal.objects.count() == 300


def test_the_command_can_leave_the_signals_out() -> None:
    call_command("load_demo", "--no-signals", organisations=60, services=150, stdout=io.StringIO())
    assert not Signal.objects.exists()


def test_generate_signals_adds_scrubbed_signals_and_keyword_counts() -> None:
    out = io.StringIO()
    call_command("generate_signals", count=500, seed=3, stdout=out)
    assert "Generated 500 signals" in out.getvalue()
    signals = Signal.objects.all()
    assert signals.count() == 500
    assert signals.values("region").distinct().count() == 19
    assert {"fi", "sv"} == set(signals.values_list("language", flat=True))
    for text, lang in signals.values_list("text", "language"):
        assert not any(p in text for p in PLANTED)
        assert scrub.scrub(text, lang).found == {}
    assert KeywordCount.objects.exists()
    # Another batch adds to what is there, with the same generator.
    call_command("generate_signals", count=100, seed=4, stdout=io.StringIO())
    assert Signal.objects.count() == 600


def test_generate_signals_refuses_a_count_below_one() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("generate_signals", count=0, stdout=io.StringIO())
