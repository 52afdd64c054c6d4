"""Weak-signal measures: what is emerging among keywords and themes, from counts alone.

Keywords follow Yoon (2012), "Detecting weak signals for long-term business opportunities using
text mining of Web news". For keyword i in period j of n periods (j = 1..n, n the latest):

- degree of visibility  DoV_ij = (TF_ij / NN_j) * (1 - tw * (n - j))
- degree of diffusion   DoD_ij = (DF_ij / NN_j) * (1 - tw * (n - j))

with TF the keyword's occurrences, DF the documents (signals) containing it and NN_j the number of
documents of period j. The time weight tw makes older periods count a little less; it is chosen so
that the oldest weight stays at least one half (`time_weight`). Each measure's geometric mean growth
rate over the periods, and its average, place the keyword on the keyword emergence map (KEM: DoV)
and the keyword issue map (KIM: DoD), split into four quadrants at the medians.

Themes get a burst test (their share of a region's signals in a period against the same region's
earlier periods, as a z-score) and a spread test (regions where a theme appears lately and did not
before). Pure Python and numpy; every input is a count, so nothing here sees a signal's text.
See docs/decisions/0005-emergence.md for the choices and their reasons.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# tw is at most this (Yoon's own value): older periods weigh 5 % less per period.
MAX_TIME_WEIGHT = 0.05


class Quadrant(enum.StrEnum):
    """Where a keyword sits on an emergence (or issue) map."""

    WEAK = "weak"  # low frequency, high growth: a weak signal
    STRONG = "strong"  # high frequency, high growth: a strong signal
    WELL_KNOWN = "well_known"  # high frequency, low growth: well known but not a strong signal
    LATENT = "latent"  # low frequency, low growth: a latent signal


def time_weight(n: int) -> float:
    """tw for n periods: min(0.05, 1 / (2 (n - 1))), 0 for a single period.

    The oldest period's weight is 1 - tw (n - 1) >= 1/2, so no period's weight reaches zero however
    many periods there are (with Yoon's fixed 0.05, 21 periods would weigh the oldest at zero).
    """
    if n <= 1:
        return 0.0
    return min(MAX_TIME_WEIGHT, 1.0 / (2.0 * (n - 1)))


def period_weights(n: int, tw: float | None = None) -> np.ndarray:
    """The weights 1 - tw (n - j) of periods j = 1..n, oldest first."""
    if tw is None:
        tw = time_weight(n)
    j = np.arange(1, n + 1, dtype=float)
    return 1.0 - tw * (n - j)


def _degree(counts: Sequence[float], documents: Sequence[float], tw: float | None) -> np.ndarray:
    c = np.asarray(counts, dtype=float)
    nn = np.asarray(documents, dtype=float)
    if c.shape != nn.shape:
        raise ValueError("counts and document totals must have one value per period")
    # A period without documents has no keyword either: its degree is 0, not a division by zero.
    ratio = np.divide(c, nn, out=np.zeros_like(c), where=nn > 0)
    return ratio * period_weights(len(c), tw)


def degree_of_visibility(
    tf: Sequence[float], documents: Sequence[float], tw: float | None = None
) -> np.ndarray:
    """DoV per period, oldest first: (TF_j / NN_j)(1 - tw (n - j))."""
    return _degree(tf, documents, tw)


def degree_of_diffusion(
    df: Sequence[float], documents: Sequence[float], tw: float | None = None
) -> np.ndarray:
    """DoD per period, oldest first: (DF_j / NN_j)(1 - tw (n - j))."""
    return _degree(df, documents, tw)


def growth_rate(values: Sequence[float], floor: float) -> float:
    """Geometric mean growth rate of a measure over its periods, oldest first.

    ((v_2/v_1)(v_3/v_2)...(v_n/v_{n-1}))^(1/(n-1)) - 1, which equals (v_n/v_1)^(1/(n-1)) - 1.
    Zeros would make a ratio infinite or zero, so every value below `floor` (a small positive
    number, the same for every keyword of one computation) is raised to it first: a keyword
    that first appears in the latest period grows from the floor, one that has vanished shrinks
    to it, and one that is zero throughout has growth 0. Fewer than two periods: 0.
    """
    if floor <= 0:
        raise ValueError("the floor must be positive")
    v = np.maximum(np.asarray(values, dtype=float), floor)
    if len(v) < 2:
        return 0.0
    ratios = v[1:] / v[:-1]
    return float(np.exp(np.mean(np.log(ratios))) - 1.0)


def zero_floor(series: Sequence[Sequence[float]] | np.ndarray) -> float:
    """Half the smallest positive value in all the series; 1.0 when there is none."""
    values = np.asarray(series, dtype=float)
    positive = values[values > 0]
    return float(positive.min()) / 2.0 if positive.size else 1.0


def classify(x: float, y: float, x_threshold: float, y_threshold: float) -> Quadrant:
    """The quadrant of a point: x (average degree) against y (growth); at a threshold counts as
    high."""
    high_x = x >= x_threshold
    high_y = y >= y_threshold
    if high_y:
        return Quadrant.STRONG if high_x else Quadrant.WEAK
    return Quadrant.WELL_KNOWN if high_x else Quadrant.LATENT


@dataclass(frozen=True)
class KeywordMeasure:
    """One keyword's measures over the periods (oldest first) and its places on the maps."""

    term: str
    tf: tuple[int, ...]
    df: tuple[int, ...]
    dov: tuple[float, ...]
    dod: tuple[float, ...]
    average_dov: float
    average_dod: float
    dov_growth: float
    dod_growth: float
    kem: Quadrant  # keyword emergence map (visibility)
    kim: Quadrant  # keyword issue map (diffusion)

    @property
    def total_tf(self) -> int:
        return sum(self.tf)

    @property
    def total_df(self) -> int:
        return sum(self.df)


@dataclass(frozen=True)
class Thresholds:
    """Where the maps are split: the medians of the keywords' averages and growth rates."""

    average_dov: float
    dov_growth: float
    average_dod: float
    dod_growth: float


def keyword_measures(
    tf: Mapping[str, Sequence[int]],
    df: Mapping[str, Sequence[int]],
    documents: Sequence[int],
    tw: float | None = None,
) -> tuple[list[KeywordMeasure], Thresholds]:
    """DoV, DoD, their averages and growth, and the KEM and KIM quadrants of every keyword.

    `tf` and `df` map each keyword to its counts per period (oldest first, one per period in
    `documents`, the number of documents of each period). Thresholds are the medians over the
    keywords given, so the caller chooses the population (e.g. keywords seen at least a few times).
    """
    terms = sorted(tf)
    n = len(documents)
    if not terms:
        return [], Thresholds(0.0, 0.0, 0.0, 0.0)
    if tw is None:
        tw = time_weight(n)
    tf_matrix = np.array([list(tf[t]) for t in terms], dtype=float).reshape(len(terms), n)
    df_matrix = np.array([list(df.get(t, [0] * n)) for t in terms], dtype=float).reshape(len(terms), n)
    nn = np.asarray(documents, dtype=float)
    weights = period_weights(n, tw)
    safe_nn = np.where(nn > 0, nn, 1.0)
    dov = np.where(nn > 0, tf_matrix / safe_nn, 0.0) * weights
    dod = np.where(nn > 0, df_matrix / safe_nn, 0.0) * weights
    dov_floor = zero_floor(dov)
    dod_floor = zero_floor(dod)
    average_dov = dov.mean(axis=1) if n else np.zeros(len(terms))
    average_dod = dod.mean(axis=1) if n else np.zeros(len(terms))
    dov_growth = np.array([growth_rate(row, dov_floor) for row in dov])
    dod_growth = np.array([growth_rate(row, dod_floor) for row in dod])
    thresholds = Thresholds(
        average_dov=float(np.median(average_dov)),
        dov_growth=float(np.median(dov_growth)),
        average_dod=float(np.median(average_dod)),
        dod_growth=float(np.median(dod_growth)),
    )
    out = []
    for i, term in enumerate(terms):
        out.append(
            KeywordMeasure(
                term=term,
                tf=tuple(int(v) for v in tf_matrix[i]),
                df=tuple(int(v) for v in df_matrix[i]),
                dov=tuple(float(v) for v in dov[i]),
                dod=tuple(float(v) for v in dod[i]),
                average_dov=float(average_dov[i]),
                average_dod=float(average_dod[i]),
                dov_growth=float(dov_growth[i]),
                dod_growth=float(dod_growth[i]),
                kem=classify(
                    float(average_dov[i]), float(dov_growth[i]), thresholds.average_dov, thresholds.dov_growth
                ),
                kim=classify(
                    float(average_dod[i]), float(dod_growth[i]), thresholds.average_dod, thresholds.dod_growth
                ),
            )
        )
    return out, thresholds


# --- themes: bursts and spread -------------------------------------------------------------------

# A burst needs at least this many signals of the theme in the period: fewer say little, and the
# flag itself must not reveal a count that suppression would hide.
MIN_BURST_COUNT = 5
# The past's standard deviation is at least this share (two percentage points): a theme whose share
# never moved would otherwise make any change infinitely surprising.
SD_FLOOR = 0.02
Z_THRESHOLD = 2.0
# The past needs at least this many periods with signals of the region to compare against.
MIN_PAST_PERIODS = 3


@dataclass(frozen=True)
class Burst:
    """The burst test of one period: a theme's share of a region's signals against its past."""

    z: float
    share: float
    past_mean: float
    past_sd: float
    flagged: bool


def burst(
    counts: Sequence[int],
    totals: Sequence[int],
    *,
    min_count: int = MIN_BURST_COUNT,
    sd_floor: float = SD_FLOOR,
    threshold: float = Z_THRESHOLD,
    min_past: int = MIN_PAST_PERIODS,
) -> Burst:
    """Test the last period of `counts` (a theme's signals in a region per period, oldest first)
    against the earlier ones, as shares of `totals` (all the region's signals per period).

    z = (share_now - mean of past shares) / max(sd of past shares, sd_floor). Past periods in which
    the region had no signals at all are left out (no share to speak of). Flagged when z reaches
    `threshold`, the period has at least `min_count` signals of the theme and the past has at least
    `min_past` periods.
    """
    if len(counts) != len(totals):
        raise ValueError("counts and totals must have one value per period")
    if not counts:
        return Burst(0.0, 0.0, 0.0, 0.0, False)
    now_count, now_total = counts[-1], totals[-1]
    share = now_count / now_total if now_total else 0.0
    past = [c / t for c, t in zip(counts[:-1], totals[:-1], strict=True) if t > 0]
    if not past:
        return Burst(0.0, share, 0.0, 0.0, False)
    # Plain Python: a few dozen numbers, tested thousands of times per page (numpy costs more).
    past_mean = math.fsum(past) / len(past)
    # The population sd: the past is all there is, not a sample of it.
    past_sd = math.sqrt(math.fsum((p - past_mean) ** 2 for p in past) / len(past))
    z = (share - past_mean) / max(past_sd, sd_floor)
    flagged = z >= threshold and now_count >= min_count and len(past) >= min_past
    return Burst(z, share, past_mean, past_sd, flagged)


def burst_since(
    counts: Sequence[int],
    totals: Sequence[int],
    *,
    recent: int = 1,
    min_count: int = MIN_BURST_COUNT,
    sd_floor: float = SD_FLOOR,
    threshold: float = Z_THRESHOLD,
    min_past: int = MIN_PAST_PERIODS,
) -> int | None:
    """The first period (index, oldest = 0) of the latest unbroken run of burst periods, when the
    run reaches into the last `recent` periods; None when no recent period bursts.

    Each period is tested against the periods before it, as `burst` does for the last one.
    """
    n = len(counts)

    def flagged(j: int) -> bool:
        return burst(
            counts[: j + 1],
            totals[: j + 1],
            min_count=min_count,
            sd_floor=sd_floor,
            threshold=threshold,
            min_past=min_past,
        ).flagged

    # From the latest period backwards: most theme-region pairs stop at the first test.
    last = next((j for j in range(n - 1, max(n - recent, 0) - 1, -1) if flagged(j)), None)
    if last is None:
        return None
    first = last
    while first > 0 and flagged(first - 1):
        first -= 1
    return first


def new_regions(presence: Mapping[int, Sequence[int]], recent: int, *, min_signals: int = 1) -> set[int]:
    """Regions where a theme has at least `min_signals` signals in the last `recent` periods and
    none before them.

    `presence` maps a region to the theme's counts per period (oldest first). A theme that had no
    signals before the recent periods anywhere is new, not spreading: then nothing is returned.
    """
    if recent <= 0:
        return set()
    earlier = {region for region, counts in presence.items() if sum(counts[:-recent]) > 0}
    if not earlier:
        return set()
    return {
        region
        for region, counts in presence.items()
        if region not in earlier and sum(counts[-recent:]) >= max(1, min_signals)
    }


def log_scale(value: float, smallest: float) -> float:
    """log10 of a positive value, with values below `smallest` drawn at `smallest` (for plots)."""
    return math.log10(max(value, smallest))
