"""plan_rounds: everyone sits once a round at tables of the promised sizes, nobody meets twice
whenever the group allows it, known pairs are kept apart better than by chance, the same seed
gives the same plan; and the figures of `score` and `repeat_lower_bound`. Pure Python: no
database."""

from __future__ import annotations

import itertools
import random
import time
from statistics import mean

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verkosto.events.rounds import (
    modular_seats,
    plan_rounds,
    random_plan,
    repeat_lower_bound,
    score,
    table_sizes,
)


def _organisation_sizes(people: int, seed: int) -> list[int]:
    """How many people each organisation sends (1-8), as at a networking day."""
    rng = random.Random(seed)
    sizes, start = [], 0
    while start < people:
        size = min(rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8]), people - start)
        sizes.append(size)
        start += size
    return sizes


def _organisations(people: int, seed: int) -> set[frozenset[int]]:
    """Known pairs: the people of one organisation know each other."""
    known, start = set(), 0
    for size in _organisation_sizes(people, seed):
        known |= {frozenset(pair) for pair in itertools.combinations(range(start, start + size), 2)}
        start += size
    return known


def _unavoidable_known(people: int, rounds: int, table_size: int, seed: int) -> int:
    """Known pairs that must sit together: an organisation of s people at T tables puts at least
    the pairs of the most even split at one table, every round."""
    tables = len(table_sizes(people, table_size))
    pairs = 0
    for size in _organisation_sizes(people, seed):
        q, extra = divmod(size, tables)
        pairs += extra * (q + 1) * q // 2 + (tables - extra) * q * (q - 1) // 2
    return rounds * pairs


def _check_shape(plan: list[list[list[int]]], people: int, rounds: int, table_size: int) -> None:
    assert len(plan) == rounds
    for tables in plan:
        seated = [p for table in tables for p in table]
        assert sorted(seated) == list(range(people))  # everyone, once
        assert sorted((len(t) for t in tables), reverse=True) == table_sizes(people, table_size)


# --- table sizes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("people", "table_size", "sizes"),
    [
        (13, 4, [4, 3, 3, 3]),
        (12, 4, [4, 4, 4]),
        (9, 4, [3, 3, 3]),
        (7, 2, [3, 2, 2]),  # pairs: an odd one out makes a table of three
        (8, 2, [2, 2, 2, 2]),
        (7, 6, [4, 3]),  # never 6 + 1
        (5, 5, [5]),
        (3, 4, [3]),
        (1, 4, [1]),
        (0, 4, []),
    ],
)
def test_table_sizes(people: int, table_size: int, sizes: list[int]) -> None:
    assert table_sizes(people, table_size) == sizes


@given(people=st.integers(2, 400), table_size=st.integers(2, 12))
def test_nobody_sits_alone_and_no_table_is_larger_than_asked(people: int, table_size: int) -> None:
    sizes = table_sizes(people, table_size)
    assert sum(sizes) == people
    assert min(sizes) >= 2
    assert max(sizes) - min(sizes) <= 1
    assert max(sizes) <= (3 if table_size == 2 else table_size)
    if people >= table_size * (table_size - 1):  # enough people: only k and k - 1
        assert set(sizes) <= {table_size, table_size - 1} | ({3} if table_size == 2 else set())


# --- the lower bound and the score ---------------------------------------------------------------


def test_lower_bound_examples() -> None:
    assert repeat_lower_bound(200, rounds=6, table_size=4) == 0
    # 6 people at two tables of 3 for 4 rounds: 24 meetings, 15 pairs.
    assert repeat_lower_bound(6, rounds=4, table_size=3) == 9
    # 8 people at two tables of 4: the second round must seat two of a first-round table together.
    assert repeat_lower_bound(8, rounds=2, table_size=4) == 4
    # 10 people in pairs for 10 rounds: each meets 10 people but there are 9 others.
    assert repeat_lower_bound(10, rounds=10, table_size=2) == 5
    assert repeat_lower_bound(10, rounds=1, table_size=4) == 0


def test_the_lower_bound_is_a_bound_small_cases_by_exhaustion() -> None:
    """Every seating of 6 people at two tables of 3 for up to 4 rounds: none beats the bound, and
    the best mostly reaches it."""
    people = range(6)
    splits = [
        [list(c), [p for p in people if p not in c]] for c in itertools.combinations(people, 3) if 0 in c
    ]
    for rounds, exact in [(1, True), (2, True), (3, False), (4, True)]:
        best = min(
            score(list(plan), set()).repeated_pairs for plan in itertools.product(splits, repeat=rounds)
        )
        bound = repeat_lower_bound(6, rounds=rounds, table_size=3)
        assert best == bound if exact else best > bound  # 3 rounds: 5 needed, the bound says 4


def test_score_counts_repeats_known_and_new_meetings() -> None:
    plan = [[[1, 2, 3], [4, 5]], [[1, 2, 4], [3, 5]], [[1, 2, 5], [3, 4]]]
    known = {frozenset((1, 3)), frozenset((4, 5)), frozenset((8, 9))}
    result = score(plan, known)
    # 1-2 three times: two repeats. Known and seated together: 1-3 and 4-5.
    assert result.repeated_pairs == 2
    assert result.known_pairs == 2
    # Distinct pairs: 1-2 1-3 2-3 4-5 1-4 2-4 3-5 1-5 2-5 3-4 = 10, of which 2 known.
    assert result.distinct_new_meetings == 8


# --- plans ---------------------------------------------------------------------------------------


def _roomy(people: int, rounds: int, table_size: int) -> bool:
    """Nothing rules out a conflict-free plan (the lower bound is 0) and each person meets at most
    half of the others. Closer to the limit, conflict-free plans may not exist although the bound
    is 0 (36 people at tables of 6 for 4 rounds would need two orthogonal Latin squares of order
    6: Euler's 36 officers), and the search is not always able to find those that do. Measured
    over the whole grid below (2,360 cases, seed 0): the bound is 0 in 1,820; the search reaches 0 in
    1,738 of them, all 1,318 roomy ones included; the 82 others have each person meet more than
    half of the others (57 % or more)."""
    sizes = table_sizes(people, table_size)
    return (
        repeat_lower_bound(people, rounds=rounds, table_size=table_size) == 0
        and 2 * rounds * (max(sizes) - 1) <= people - 1
    )


GRID = [(n, k, r) for n in range(2, 61) for k in range(2, 7) for r in range(1, 9)]


@pytest.mark.parametrize("seed", [0, 1])
def test_no_repeats_whenever_the_group_has_room_the_whole_grid(seed: int) -> None:
    """Every size from 2 to 60 people, tables of 2 to 6, 1 to 8 rounds, where `_roomy`."""
    failures = []
    for people, table_size, rounds in GRID:
        if not _roomy(people, rounds, table_size):
            continue
        plan = plan_rounds(list(range(people)), rounds=rounds, table_size=table_size, seed=seed)
        _check_shape(plan, people, rounds, table_size)
        if score(plan, set()).repeated_pairs:
            failures.append((people, table_size, rounds))
    assert failures == []


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.integers(2, 60),
    table_size=st.integers(2, 6),
    rounds=st.integers(1, 8),
    seed=st.integers(0, 1000),
    organisations=st.booleans(),
)
def test_any_size_seats_everyone_once_a_round_and_never_beats_the_bound(
    people: int, table_size: int, rounds: int, seed: int, organisations: bool
) -> None:
    """Tight cases too (with a smaller search budget): the shape always holds, the repeats are
    never below the lower bound, and every meeting is a repeat, a known pair or a new one."""
    known = _organisations(people, seed) if organisations else set()
    roomy = _roomy(people, rounds, table_size)
    plan = plan_rounds(
        list(range(people)),
        rounds=rounds,
        table_size=table_size,
        known=known,
        seed=seed,
        effort=1 if roomy else 0.2,
    )
    _check_shape(plan, people, rounds, table_size)
    result = score(plan, known)
    assert result.repeated_pairs >= repeat_lower_bound(people, rounds=rounds, table_size=table_size)
    meetings = rounds * sum(s * (s - 1) // 2 for s in table_sizes(people, table_size))
    assert result.repeated_pairs + result.known_pairs + result.distinct_new_meetings == meetings
    if roomy:
        assert result.repeated_pairs == 0


@pytest.mark.parametrize(
    ("people", "table_size", "rounds"),
    [(16, 4, 5), (25, 5, 6), (9, 3, 4), (15, 3, 7), (32, 4, 8), (48, 6, 8), (54, 6, 8), (40, 6, 7)],
)
def test_no_repeats_at_the_limit_where_a_design_exists(people: int, table_size: int, rounds: int) -> None:
    """Tight cases a finite-field start or the search solves: affine planes (16 at 4 for 5
    rounds: everyone meets everyone), Kirkman's schoolgirls (15 at 3 for 7), and tables a prime
    power in number (8 or 9 tables of 6 for 8 rounds; 7 tables for 7 rounds)."""
    plan = plan_rounds(list(range(people)), rounds=rounds, table_size=table_size, seed=0)
    _check_shape(plan, people, rounds, table_size)
    assert score(plan, set()).repeated_pairs == 0


def test_the_same_seed_gives_the_same_plan() -> None:
    people = [f"henkilö {i}" for i in range(23)]
    known = {frozenset((people[0], people[1])), frozenset((people[2], people[3]))}
    first = plan_rounds(people, rounds=5, table_size=4, known=known, seed=11)
    assert plan_rounds(people, rounds=5, table_size=4, known=known, seed=11) == first
    assert plan_rounds(people, rounds=5, table_size=4, known=known, seed=12) != first


def test_people_may_be_any_hashable_and_known_pairs_of_outsiders_are_ignored() -> None:
    people = [("anna", 1), ("bert", 2), ("cecilia", 3), ("daniel", 4)]
    known = {frozenset((("anna", 1), ("bert", 2))), frozenset((("anna", 1), ("zoe", 9))), frozenset()}
    plan = plan_rounds(people, rounds=2, table_size=2, known=known, seed=0)
    assert score(plan, known) == (0, 0, 4)
    with pytest.raises(ValueError):
        plan_rounds([1, 1, 2], rounds=1, table_size=2)
    assert plan_rounds([1, 2, 3], rounds=0, table_size=2) == []
    assert plan_rounds([], rounds=2, table_size=2) == [[], []]


@pytest.mark.parametrize(
    ("people", "table_size", "rounds", "seed"), [(20, 4, 3, 1), (33, 5, 4, 2), (46, 3, 5, 3), (60, 2, 6, 4)]
)
def test_known_pairs_are_as_few_as_possible_and_far_fewer_than_by_chance(
    people: int, table_size: int, rounds: int, seed: int
) -> None:
    known = _organisations(people, seed)
    ids = list(range(people))
    plan = plan_rounds(ids, rounds=rounds, table_size=table_size, known=known, seed=seed)
    _check_shape(plan, people, rounds, table_size)
    planned = score(plan, known)
    assert planned.repeated_pairs == 0
    # Large organisations at few tables force some (20 people with one of 8 at 5 tables: 9).
    assert planned.known_pairs == _unavoidable_known(people, rounds, table_size, seed)
    chance = [score(random_plan(ids, rounds=rounds, table_size=table_size, seed=s), known) for s in range(10)]
    assert planned.known_pairs < mean(c.known_pairs for c in chance) / 2
    assert planned.distinct_new_meetings > mean(c.distinct_new_meetings for c in chance)


def test_when_known_pairs_cannot_all_be_apart_they_are_as_few_as_possible() -> None:
    # 8 people, 4 of them from one organisation, 2 tables of 4 for 1 round: the four must be split
    # 2 + 2, so two known pairs sit together, and no fewer.
    known = {frozenset(pair) for pair in itertools.combinations(range(4), 2)}
    plan = plan_rounds(list(range(8)), rounds=1, table_size=4, known=known, seed=0)
    assert score(plan, known).known_pairs == 2


def test_too_many_rounds_reach_the_lower_bound_in_small_groups() -> None:
    assert score(plan_rounds(list(range(6)), rounds=4, table_size=3, seed=1), set()).repeated_pairs == 9
    # 5 people in pairs (a table of 3 and one of 2) for 6 rounds.
    plan = plan_rounds(list(range(5)), rounds=6, table_size=2, seed=1)
    _check_shape(plan, 5, 6, 2)
    assert score(plan, set()).repeated_pairs == repeat_lower_bound(5, rounds=6, table_size=2)


def test_modular_start_is_conflict_free_when_the_tables_are_a_prime_number() -> None:
    sizes = table_sizes(40, 6)  # 7 tables of 6 or 5
    seats = modular_seats(40, sizes, 7, order=list(range(40)))
    assert seats is not None
    plan = [[[p for p in range(40) if seat[p] == t] for t in range(7)] for seat in seats]
    assert sorted(len(t) for t in plan[0]) == sorted(sizes)
    assert score(plan, set()).repeated_pairs == 0
    # Same column (people 0..6 fill column 0): never together.
    assert all(len(set(range(7)) & set(t)) <= 1 for tables in plan for t in tables)
    assert modular_seats(40, sizes, 8, order=list(range(40))) is None  # only 7 slopes modulo 7


@pytest.mark.parametrize("table_size", [4, 5, 2])
def test_two_hundred_people_six_rounds_with_organisations(table_size: int) -> None:
    known = _organisations(200, seed=table_size)
    started = time.perf_counter()
    plan = plan_rounds(list(range(200)), rounds=6, table_size=table_size, known=known, seed=0)
    seconds = time.perf_counter() - started
    _check_shape(plan, 200, 6, table_size)
    result = score(plan, known)
    assert result.repeated_pairs == 0
    assert result.known_pairs <= 2
    assert seconds < 5
