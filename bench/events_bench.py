"""Networking-rounds benchmark: 200 people in about 60 organisations of 1-8 people, 6 rounds, at
tables of 4, of 5 and in pairs. For each: the time to plan (median of 3 runs), the repeated pairs
(must be 0), the pairs who already knew each other seated together and the distinct new
meetings, beside the same figures for a random seating averaged over 10 seeds.

Usage: python bench/events_bench.py [--people N] [--rounds N] [--declared N] [--seed N]
Pure Python over verkosto/events/rounds.py: no database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verkosto.events.rounds import plan_rounds, random_plan, repeat_lower_bound, score  # noqa: E402

# How many people an organisation sends to a networking day: mostly one to three, a few large
# delegations (a municipality's youth services, a big workshop). Mean about 3.2: 200 people come
# from about 60 organisations.
ORGANISATION_SIZES = range(1, 9)
SIZE_WEIGHTS = [24, 23, 17, 12, 8, 6, 5, 5]


def organisations(people: int, rng: random.Random) -> list[list[int]]:
    groups, start = [], 0
    while start < people:
        size = min(rng.choices(ORGANISATION_SIZES, SIZE_WEIGHTS)[0], people - start)
        groups.append(list(range(start, start + size)))
        start += size
    return groups


def known_pairs(groups: list[list[int]], declared: int, rng: random.Random) -> set[frozenset[int]]:
    """Everyone knows their own organisation's people; `declared` more pairs across
    organisations know each other (contacts declared by participants)."""
    known = {frozenset((a, b)) for group in groups for i, a in enumerate(group) for b in group[i + 1 :]}
    people = sum(len(g) for g in groups)
    while declared > 0:
        a, b = rng.sample(range(people), 2)
        pair = frozenset((a, b))
        if pair not in known:
            known.add(pair)
            declared -= 1
    return known


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--declared", type=int, default=40, help="known pairs across organisations")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    groups = organisations(args.people, rng)
    known = known_pairs(groups, args.declared, rng)
    people = list(range(args.people))
    print(
        f"networking rounds: {args.people} people from {len(groups)} organisations "
        f"(1-{max(len(g) for g in groups)} people), {len(known)} known pairs "
        f"({args.declared} across organisations), {args.rounds} rounds"
    )
    header = f"{'tables':>7} {'':>8} {'time':>8} {'repeated':>9} {'known':>6} {'new meetings':>13}"
    print(header)
    failed = False
    for table_size in (4, 5, 2):
        times, result = [], None
        for _ in range(3):
            started = time.perf_counter()
            plan = plan_rounds(people, rounds=args.rounds, table_size=table_size, known=known, seed=args.seed)
            times.append(time.perf_counter() - started)
            result = score(plan, known)
        assert result is not None
        baseline = [
            score(random_plan(people, rounds=args.rounds, table_size=table_size, seed=s), known)
            for s in range(10)
        ]
        label = "pairs" if table_size == 2 else f"of {table_size}"
        print(
            f"{label:>7} {'planned':>8} {statistics.median(times):>7.2f}s {result.repeated_pairs:>9} "
            f"{result.known_pairs:>6} {result.distinct_new_meetings:>13}"
        )
        print(
            f"{'':>7} {'random':>8} {'':>8} {statistics.mean(b.repeated_pairs for b in baseline):>9.1f} "
            f"{statistics.mean(b.known_pairs for b in baseline):>6.1f} "
            f"{statistics.mean(b.distinct_new_meetings for b in baseline):>13.1f}"
        )
        bound = repeat_lower_bound(args.people, rounds=args.rounds, table_size=table_size)
        if result.repeated_pairs > bound:
            failed = True
    if failed:
        print("FAILED: a plan repeats pairs although the group is large enough to avoid it")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
