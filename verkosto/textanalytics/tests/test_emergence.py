"""The weak-signal measures against numbers worked out by hand."""

from __future__ import annotations

import itertools
import math

import pytest

from verkosto.textanalytics import emergence
from verkosto.textanalytics.emergence import Quadrant


def test_time_weight_keeps_every_period_above_zero() -> None:
    assert emergence.time_weight(1) == 0.0
    assert emergence.time_weight(3) == pytest.approx(0.05)  # min(0.05, 1/4)
    assert emergence.time_weight(21) == pytest.approx(0.025)  # 1/40: Yoon's 0.05 would reach zero
    for n in (2, 5, 12, 21, 24, 60, 200):
        weights = emergence.period_weights(n)
        assert weights[0] >= 0.5 - 1e-12
        assert weights[-1] == 1.0
        assert all(a < b for a, b in itertools.pairwise(weights))


def test_degree_of_visibility_and_diffusion_by_hand() -> None:
    # n = 3, tw = 0.05: weights 0.9, 0.95, 1.
    dov = emergence.degree_of_visibility([2, 4, 9], [10, 10, 20])
    assert list(dov) == pytest.approx([0.18, 0.38, 0.45])
    dod = emergence.degree_of_diffusion([1, 4, 5], [10, 10, 20])
    assert list(dod) == pytest.approx([0.09, 0.38, 0.25])
    # A period without documents counts 0 rather than dividing by zero.
    assert list(emergence.degree_of_visibility([0, 3], [0, 6])) == pytest.approx([0.0, 0.5])
    with pytest.raises(ValueError):
        emergence.degree_of_visibility([1, 2], [3])


def test_growth_rate_is_the_geometric_mean_of_period_ratios() -> None:
    assert emergence.growth_rate([0.18, 0.38, 0.45], floor=0.01) == pytest.approx(math.sqrt(2.5) - 1)
    assert emergence.growth_rate([1, 2, 4, 8], floor=0.01) == pytest.approx(1.0)
    assert emergence.growth_rate([8, 4, 2], floor=0.01) == pytest.approx(-0.5)
    # Zeros are raised to the floor: new from 0.05 to 0.1 is doubling; vanished is halving.
    assert emergence.growth_rate([0, 0.1], floor=0.05) == pytest.approx(1.0)
    assert emergence.growth_rate([0.1, 0], floor=0.05) == pytest.approx(-0.5)
    assert emergence.growth_rate([0, 0, 0], floor=0.05) == 0.0
    assert emergence.growth_rate([0.3], floor=0.05) == 0.0
    with pytest.raises(ValueError):
        emergence.growth_rate([1, 2], floor=0)


def test_zero_floor_is_half_the_smallest_positive_value() -> None:
    assert emergence.zero_floor([[0, 0.2], [0.1, 0.4]]) == pytest.approx(0.05)
    assert emergence.zero_floor([[0, 0]]) == 1.0


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (0.1, 0.5, Quadrant.WEAK),
        (0.9, 0.5, Quadrant.STRONG),
        (0.9, -0.5, Quadrant.WELL_KNOWN),
        (0.1, -0.5, Quadrant.LATENT),
        (0.5, 0.0, Quadrant.STRONG),  # on both thresholds: high
    ],
)
def test_classify_quadrants(x: float, y: float, expected: Quadrant) -> None:
    assert emergence.classify(x, y, 0.5, 0.0) is expected


def test_keyword_measures_place_keywords_on_both_maps() -> None:
    documents = [10, 10, 10]  # tw = 0.05: weights 0.9, 0.95, 1
    tf = {
        "asuminen": [8, 8, 8],  # frequent, flat: well known
        "yksinäisyys": [1, 2, 4],  # rare, growing: weak signal
        "jonot": [4, 8, 12],  # frequent and growing: strong
        "kela": [1, 1, 1],  # rare, flat: latent
    }
    df = dict(tf.items())
    measures, thresholds = emergence.keyword_measures(tf, df, documents)
    by_term = {m.term: m for m in measures}
    assert [m.term for m in measures] == sorted(tf)
    # yksinäisyys: DoV = 0.09, 0.19, 0.4; average 0.2267; growth sqrt(0.4 / 0.09) - 1.
    weak = by_term["yksinäisyys"]
    assert weak.dov == pytest.approx((0.09, 0.19, 0.4))
    assert weak.average_dov == pytest.approx((0.09 + 0.19 + 0.4) / 3)
    assert weak.dov_growth == pytest.approx(math.sqrt(0.4 / 0.09) - 1)
    # Growth of the flat keywords: (1 / 0.9)^(1/2) - 1 from the time weight alone.
    assert by_term["asuminen"].dov_growth == pytest.approx(math.sqrt(1 / 0.9) - 1)
    # Medians of four values: the mean of the middle two.
    averages = sorted(m.average_dov for m in measures)
    assert thresholds.average_dov == pytest.approx((averages[1] + averages[2]) / 2)
    assert {term: m.kem for term, m in by_term.items()} == {
        "asuminen": Quadrant.WELL_KNOWN,
        "yksinäisyys": Quadrant.WEAK,
        "jonot": Quadrant.STRONG,
        "kela": Quadrant.LATENT,
    }
    assert {term: m.kim for term, m in by_term.items()} == {term: m.kem for term, m in by_term.items()}
    assert weak.total_tf == 7 and weak.total_df == 7


def test_keyword_issue_map_uses_document_frequency() -> None:
    # Two keywords equally visible; one is repeated in few signals, the other spread over many.
    tf = {"a": [4, 4], "b": [4, 4], "c": [1, 1], "d": [1, 1]}
    df = {"a": [1, 1], "b": [4, 4], "c": [1, 1], "d": [1, 1]}
    measures, _ = emergence.keyword_measures(tf, df, [10, 10])
    by_term = {m.term: m for m in measures}
    assert by_term["a"].average_dov == by_term["b"].average_dov
    assert by_term["a"].average_dod < by_term["b"].average_dod
    assert by_term["b"].dod == pytest.approx((0.4 * 0.95, 0.4))  # tw = min(0.05, 1/2)


def test_keyword_measures_without_keywords() -> None:
    measures, thresholds = emergence.keyword_measures({}, {}, [1, 2])
    assert measures == [] and thresholds.average_dov == 0.0


def test_burst_compares_the_latest_share_with_its_own_past() -> None:
    # Past shares 0.1 each (sd 0, so the floor 0.02); now 6 / 20 = 0.3: z = (0.3 - 0.1) / 0.02 = 10.
    result = emergence.burst([1, 1, 1, 1, 6], [10, 10, 10, 10, 20])
    assert result.share == pytest.approx(0.3)
    assert result.past_mean == pytest.approx(0.1)
    assert result.z == pytest.approx(10.0)
    assert result.flagged
    # The same share from 4 signals: too few to flag (and to show).
    small = emergence.burst([1, 1, 1, 1, 3], [10, 10, 10, 10, 10])
    assert small.z == pytest.approx(10.0) and not small.flagged
    # A varied past: shares 0.1, 0.3, 0.1, 0.3 (mean 0.2, sd 0.1); now 0.45: z = 2.5.
    varied = emergence.burst([1, 3, 1, 3, 9], [10, 10, 10, 10, 20])
    assert varied.past_sd == pytest.approx(0.1)
    assert varied.z == pytest.approx(2.5) and varied.flagged
    # Now 0.35: z = 1.5, below the threshold.
    assert not emergence.burst([1, 3, 1, 3, 7], [10, 10, 10, 10, 20]).flagged
    # Too short a past (months without any signal of the region do not count).
    assert not emergence.burst([0, 1, 1, 9], [0, 10, 10, 10]).flagged
    assert not emergence.burst([], []).flagged


def test_burst_since_finds_the_start_of_the_current_run() -> None:
    counts = [1, 1, 1, 1, 1, 6, 7, 8]
    totals = [10] * 8
    # Period 5 (0.6 vs 0.1) bursts; 6 (0.7 vs past sd 0.19) z = 2.9; 7 (0.8, sd 0.25) z = 2.0.
    assert emergence.burst_since(counts, totals, recent=1) == 5
    assert emergence.burst_since([1, 1, 1, 1, 1, 1], [10] * 6, recent=3) is None
    # The run ended two periods ago: found with recent=3, not with recent=1.
    ended = [1, 1, 1, 1, 8, 1, 1]
    assert emergence.burst_since(ended, [10] * 7, recent=1) is None
    assert emergence.burst_since(ended, [10] * 7, recent=3) == 4


def test_new_regions_are_where_a_spreading_theme_arrived_lately() -> None:
    presence = {
        1: [3, 4, 5, 6],  # there all along
        2: [0, 0, 0, 2],  # new in the latest period
        3: [0, 0, 1, 0],  # new within the last two periods
        4: [0, 0, 0, 0],
    }
    assert emergence.new_regions(presence, recent=1) == {2}
    assert emergence.new_regions(presence, recent=2) == {2, 3}
    # A theme that is new everywhere is new, not spreading.
    assert emergence.new_regions({1: [0, 0, 2], 2: [0, 0, 1]}, recent=1) == set()
    assert emergence.new_regions(presence, recent=0) == set()
    # One or two signals in a new region are a note, not a spread, when a minimum is asked for.
    assert emergence.new_regions(presence, recent=2, min_signals=2) == {2}
    assert emergence.new_regions(presence, recent=2, min_signals=3) == set()
