"""Networking rounds ("speed dating"): who sits at which table in each round of a networking day.

Pure Python (no Django), so that the service, the tests and `bench/events_bench.py` share it.

The problem is the social golfer problem with a soft constraint added: `n` people sit at tables of
`table_size` for `rounds` rounds; no two people may share a table twice (hard), and people who
already know each other should not share a table at all (soft). Designs (affine planes,
orthogonal Latin squares) solve it exactly for special sizes only, and an organiser's group has
whatever size it has; so the general method is **tabu search over swaps** from a good start, the
method of Dotú and Van Hentenryck ("Scheduling social golfers locally", CPAIOR 2005), which finds
conflict-free schedules for most social golfer instances:

1. Start, by the numbers (`modular_seats`): with T tables of k or k - 1 people, lay the people
   out in a T x k grid and seat round r by the lines of slope s_r, computed in the finite field
   GF(T) when T is a prime power (an affine geometry), else modulo T. Nobody meets twice, for up
   to T rounds when T is a prime power of at least k (fewer modulo other T), one more when the
   grid is a full square (16 people at tables of 4 for 5 rounds); people in one column never
   meet, so those who know each other fill the columns together and most known pairs are apart
   from the start. This covers, e.g., 200 people at tables of 4 for 6 rounds. When the numbers
   do not allow it: greedy, round by round, the hardest people first (those who have met or
   know the most people), each at the table where they add the least cost among those with
   room.
2. Tabu search: each step, over every round, take the people who sit with someone they have met
   before or know, and make the swap of one of them with someone at another table of that round
   that lowers the total cost most (or raises it least). A moved person stays put in that round
   for a few steps (the tabu tenure), unless moving reaches a new best, so that the search walks
   across plateaus instead of cycling; after long without a new best it goes back to the best
   plan and shakes it with a few random swaps. The best plan seen is returned.

Costs: `REPEAT` per repeat meeting and `KNOWN` per meeting of a known pair; `REPEAT` is larger
than all `KNOWN` terms together, so the order is lexicographic: fewer repeats, then fewer known
pairs. While nothing rules out a conflict-free plan, the search charges a pair
`REPEAT x m(m-1)/2` for m meetings (it spreads repeats, a smoother landscape that reaches 0 more
often); if repeats remain, a second search from that plan counts them as reported, one per
repeat meeting (from the start when repeats are certain). Spread thin, repeats can be more: 6
people at two tables of 3 for 4 rounds have 10 spread repeats, where 9 are possible and let
everyone meet everyone. Each swap is evaluated in constant time from per-table sums kept up to
date.

The search is deterministic for a seed: it stops on an iteration budget, never on the clock.

Tables (`table_sizes`): `ceil(n / table_size)` tables whose sizes differ by at most one, so
nobody sits alone and no table is larger than asked: 13 people at tables of 4 make 4+3+3+3 (not
4+4+4+1), 200 at tables of 6 make 30 tables of 6 and 4 of 5. Only when the group is small next to
the table size can sizes fall lower (7 at 6: 4+3, rather than 6+1). Pairs are the exception: an
odd number of people makes one table of three.
"""

from __future__ import annotations

import math
import operator
import random
from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import NamedTuple, TypeVar

P = TypeVar("P", bound=Hashable)

Plan = list[list[list[P]]]  # rounds → tables → people

# The weight of a known pair meeting; a repeat weighs more than all of them together (see _Search).
KNOWN = 1
# Tabu search settings, tuned on tight instances (people 13-60, tables 4-6, 4-8 rounds): without a
# new best for STALL_BASE + STALL_PER x people iterations, go back to the best plan and make up to
# SHAKES random swaps; a moved person stays put in that round for TENURE_MIN + a random number
# below TENURE_SPREAD x people + 3 iterations.
STALL_BASE = 300
STALL_PER = 3
TENURE_MIN = 3
TENURE_SPREAD = 0.2
SHAKES = 3
# At most this many people in conflicts are tried each step; the search stops after PATIENCE
# shakes without a new best.
CANDIDATES = 16
PATIENCE = 6
# About 2-5 seconds of search at most (when the group is far too small for the rounds).
WORK = 20_000_000


class Score(NamedTuple):
    """What a plan achieves.

    - `repeated_pairs`: repeat meetings: each time a pair sits together again after their first
      table together (a pair together three times counts two). 0 is the hard rule.
    - `known_pairs`: distinct pairs who already knew each other and sat together at least once.
    - `distinct_new_meetings`: distinct pairs who did not know each other and sat together.

    Every meeting (a pair at one table in one round) is exactly one of: a first meeting of a new
    pair, a first meeting of a known pair, or a repeat; the three add up to the plan's meetings.
    """

    repeated_pairs: int
    known_pairs: int
    distinct_new_meetings: int


def table_sizes(people: int, table_size: int) -> list[int]:
    """The sizes of one round's tables, largest first (see the module docstring)."""
    if table_size < 2:
        raise ValueError("table_size must be at least 2")
    if people <= 0:
        return []
    if people <= table_size:
        return [people]
    if table_size == 2:
        sizes = [2] * (people // 2)
        if people % 2:
            sizes[0] = 3
        return sizes
    count = math.ceil(people / table_size)
    base, extra = divmod(people, count)
    return [base + 1] * extra + [base] * (count - extra)


def _pairs(size: int) -> int:
    return size * (size - 1) // 2


def repeat_lower_bound(people: int, *, rounds: int, table_size: int) -> int:
    """A number of repeat meetings that no plan can go below (the largest of three arguments).

    - Counting: the rounds hold more meetings than there are pairs.
    - Per person: each person meets at least (smallest table - 1) people a round, and there are
      only people - 1 others.
    - Against the first round: a later table with more people than there are tables must seat two
      people from one first-round table together again.

    0 means that nothing simple rules a conflict-free plan out; it does not prove that one exists
    (36 people at tables of 6 cannot have 7 conflict-free rounds, Euler's officers problem).
    """
    sizes = table_sizes(people, table_size)
    if rounds <= 1 or not sizes:
        return 0
    meetings = rounds * sum(_pairs(s) for s in sizes)
    counting = meetings - _pairs(people)
    per_person_excess = rounds * (min(sizes) - 1) - (people - 1)
    per_person = math.ceil(people * per_person_excess / 2) if per_person_excess > 0 else 0
    tables = len(sizes)
    against_first = 0
    for size in sizes:
        q, extra = divmod(size, tables)
        against_first += extra * _pairs(q + 1) + (tables - extra) * _pairs(q)
    against_first *= rounds - 1
    return max(0, counting, per_person, against_first)


def score(plan: Sequence[Sequence[Sequence[P]]], known: Iterable[frozenset[P]]) -> Score:
    """Count repeats, known pairs met and new pairs met in a plan (see `Score`)."""
    known_set = {pair for pair in known if len(pair) == 2}
    met: dict[frozenset[P], int] = {}
    for round_tables in plan:
        for table in round_tables:
            for i, first in enumerate(table):
                for second in table[i + 1 :]:
                    pair = frozenset((first, second))
                    met[pair] = met.get(pair, 0) + 1
    repeated = sum(count - 1 for count in met.values())
    known_met = sum(1 for pair in met if pair in known_set)
    return Score(repeated, known_met, len(met) - known_met)


def random_plan(people: Sequence[P], *, rounds: int, table_size: int, seed: int = 0) -> Plan[P]:
    """The baseline: each round an independent random seating at the same table sizes."""
    rng = random.Random(seed)
    sizes = table_sizes(len(people), table_size)
    plan: Plan[P] = []
    for _ in range(rounds):
        order = list(people)
        rng.shuffle(order)
        tables, start = [], 0
        for size in sizes:
            tables.append(order[start : start + size])
            start += size
        plan.append(tables)
    return plan


def plan_rounds(
    people: Sequence[P],
    *,
    rounds: int,
    table_size: int,
    known: Iterable[frozenset[P]] = frozenset(),
    seed: int = 0,
    effort: float = 1.0,
) -> Plan[P]:
    """For each round, the tables, each a list of people; everyone sits once in every round.

    `known` holds pairs (frozensets of two people) who already know each other; pairs naming
    someone not in `people` are ignored. `effort` scales the search budget (the tests lower it).
    People must be distinct. Use `score` to see the repeats and known pairs that remain."""
    if rounds < 0:
        raise ValueError("rounds cannot be negative")
    index = {person: i for i, person in enumerate(people)}
    if len(index) != len(people):
        raise ValueError("people must be distinct")
    sizes = table_sizes(len(people), table_size)
    if rounds == 0 or not sizes:
        return [[] for _ in range(rounds)]
    known_pairs: set[tuple[int, int]] = set()
    for pair in known:
        if len(pair) != 2:
            continue
        first, second = tuple(pair)
        if first in index and second in index:
            a, b = sorted((index[first], index[second]))
            known_pairs.add((a, b))
    n, rng = len(people), random.Random(seed)
    # Spread repeats first (see the module docstring), unless repeats are certain anyway.
    spread = repeat_lower_bound(n, rounds=rounds, table_size=table_size) == 0
    search = _Search(n, rounds, sizes, known_pairs, rng, spread=spread)
    start = modular_seats(n, sizes, rounds, order=_known_first_order(n, known_pairs))
    if start is not None:
        search.load(start)
    else:
        search.construct()
    search.improve(effort)
    if spread and search.has_repeats():
        # Repeats remain: count them as they are reported (each meeting again), not spread out.
        exact = _Search(n, rounds, sizes, known_pairs, rng, spread=False)
        exact.load(search.best)
        exact.improve(effort)
        search = exact
    return [[[people[p] for p in table] for table in round_tables] for round_tables in search.plan()]


def _prime_power(q: int) -> tuple[int, int] | None:
    """(p, m) when q = p**m for a prime p, else None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    m = 0
    while q % p == 0:
        q //= p
        m += 1
    return (p, m) if q == 1 else None


def _poly_mod(value: list[int], modulus: list[int], p: int) -> list[int]:
    """value mod modulus over GF(p); coefficients lowest first; modulus monic."""
    value = value[:]
    degree = len(modulus) - 1
    for i in range(len(value) - 1, degree - 1, -1):
        factor = value[i]
        if factor:
            for j, coefficient in enumerate(modulus):
                value[i - degree + j] = (value[i - degree + j] - factor * coefficient) % p
    return value[:degree]


def _irreducible(p: int, m: int) -> list[int]:
    """A monic polynomial of degree m that is irreducible over GF(p) (found by trial division)."""

    def monic(degree: int) -> Iterator[list[int]]:
        for number in range(p**degree):
            digits = [(number // p**i) % p for i in range(degree)]
            yield [*digits, 1]

    for candidate in monic(m):
        if all(any(_poly_mod(candidate, d, p)) for k in range(1, m // 2 + 1) for d in monic(k)):
            return candidate
    raise ValueError("no irreducible polynomial")  # cannot happen: one exists for every degree


class _Arithmetic:
    """Subtraction and multiplication on 0..q-1: the field GF(q) when q is a prime power (a
    number's base-p digits are a polynomial's coefficients), else the integers modulo q."""

    def __init__(self, q: int) -> None:
        self.q = q
        power = _prime_power(q)
        self.field = power is not None
        self.p, self.m = power if power is not None else (q, 1)
        self.modulus = _irreducible(self.p, self.m) if self.m > 1 else []

    def _digits(self, x: int) -> list[int]:
        return [(x // self.p**i) % self.p for i in range(self.m)]

    def _number(self, digits: list[int]) -> int:
        return sum(d * self.p**i for i, d in enumerate(digits))

    def sub(self, x: int, y: int) -> int:
        if self.m == 1:
            return (x - y) % self.q
        return self._number([(a - b) % self.p for a, b in zip(self._digits(x), self._digits(y), strict=True)])

    def mul(self, x: int, y: int) -> int:
        if self.m == 1:
            return x * y % self.q
        a, b = self._digits(x), self._digits(y)
        product = [0] * (2 * self.m - 1)
        for i, u in enumerate(a):
            for j, v in enumerate(b):
                product[i + j] = (product[i + j] + u * v) % self.p
        return self._number(_poly_mod(product, self.modulus, self.p))


def _slopes(arithmetic: _Arithmetic, table_size: int, rounds: int) -> list[int]:
    """Slopes for `modular_seats`: any two differ by a d with d x (c1 - c2) never 0 for columns
    c1 != c2 below table_size. In a field every slope will do (T of them when T >= table_size);
    modulo a composite T, fewer."""
    chosen: list[int] = []
    differences = {arithmetic.sub(c1, c2) for c1 in range(table_size) for c2 in range(table_size) if c1 != c2}
    for slope in range(arithmetic.q):
        if all(arithmetic.mul(arithmetic.sub(slope, other), d) for other in chosen for d in differences):
            chosen.append(slope)
            if len(chosen) == rounds:
                break
    return chosen


def modular_seats(n: int, sizes: list[int], rounds: int, order: Sequence[int]) -> list[list[int]] | None:
    """A conflict-free start, when the numbers allow it: person `order[i]` takes slot
    (row i mod T, column i div T) of a T x k grid (T tables, k the largest table; the last column
    may be short), and in round r sits at table row - slope_r x column, computed in GF(T) when T
    is a prime power, else modulo T (an affine geometry's parallel lines). Two people in
    different columns meet in exactly the round whose slope solves row difference = slope x column
    difference, so nobody meets twice; two in one column never meet (hence `order` puts people who
    know each other next to each other). Every table holds one slot of each column: sizes k and
    k - 1, as `table_sizes` makes them. None when the sizes differ otherwise or there are fewer
    suitable slopes than rounds. Returns round -> person -> table."""
    tables = len(sizes)
    width = max(sizes)
    if tables < 2 or width > tables or min(sizes) < width - 1 or n < tables * (width - 1):
        return None
    arithmetic = _Arithmetic(tables)
    slopes = _slopes(arithmetic, width, rounds)
    # A full square (k x k people, k a prime power) has one round more: the columns themselves,
    # whose people have never met (an affine plane: 16 people at tables of 4 for 5 rounds).
    columns = len(slopes) == rounds - 1 and width == tables and n == width * width and arithmetic.field
    if len(slopes) < rounds and not columns:
        return None
    seats = []
    for slope in slopes:
        shift = [arithmetic.mul(slope, column) for column in range(width)]
        seat = [0] * n
        for i, person in enumerate(order):
            row, column = i % tables, i // tables
            seat[person] = arithmetic.sub(row, shift[column])
        seats.append(seat)
    if columns:
        seat = [0] * n
        for i, person in enumerate(order):
            seat[person] = i // tables
        seats.append(seat)
    return seats


def _known_first_order(n: int, known: set[tuple[int, int]]) -> list[int]:
    """People in an order that keeps those who know each other together: the groups of the
    "knows" graph (organisations, mostly), largest first, then everyone else."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in sorted(known):
        neighbours[a].append(b)
        neighbours[b].append(a)
    groups, seen = [], [False] * n
    for person in range(n):
        if seen[person] or not neighbours[person]:
            continue
        group, queue = [], [person]
        seen[person] = True
        while queue:
            current = queue.pop()
            group.append(current)
            for other in neighbours[current]:
                if not seen[other]:
                    seen[other] = True
                    queue.append(other)
        groups.append(sorted(group))
    groups.sort(key=len, reverse=True)
    order = [p for group in groups for p in group]
    return order + [p for p in range(n) if not seen[p]]


class _Search:
    """The state of one search over people 0..n-1.

    - `met[a*n+b]`: how many times a and b have sat together (symmetric).
    - `inc[a*n+b]`: what one more meeting of a and b would add to the cost; `dec[a*n+b]`: what
      one meeting fewer would take off (for a pair that has met).
    - `join[r][t][p]`: the sum of `inc` between p and the people at table t in round r: what
      seating p there would add. `leave[r][p]`: minus the sum of `dec` between p and their
      tablemates in round r: what p's leaving would change (negative: p is in a conflict).
      Both are kept up to date on every change, so that evaluating a swap is a handful of list
      look-ups instead of loops over two tables.
    - `bad`: the conflicting pairs (met twice or more, or known and met).
    """

    def __init__(
        self,
        n: int,
        rounds: int,
        sizes: list[int],
        known: set[tuple[int, int]],
        rng: random.Random,
        *,
        spread: bool,
    ) -> None:
        self.n = n
        self.spread = spread
        self.rounds = rounds
        self.sizes = sizes
        self.rng = rng
        self.known = bytearray(n * n)
        self.known_degree = [0] * n
        for a, b in known:
            self.known[a * n + b] = self.known[b * n + a] = 1
            self.known_degree[a] += 1
            self.known_degree[b] += 1
        # Larger than the sum of every possible KNOWN term: repeats always count first.
        self.repeat = rounds * sum(_pairs(s) for s in sizes) * KNOWN + 1
        self.met = [0] * (n * n)
        self.inc = [KNOWN * k for k in self.known]
        self.dec = [KNOWN * k for k in self.known]
        self.seat: list[list[int]] = [[-1] * n for _ in range(rounds)]
        self.tables: list[list[list[int]]] = [[[] for _ in sizes] for _ in range(rounds)]
        self.join: list[list[list[int]]] = [[[0] * n for _ in sizes] for _ in range(rounds)]
        self.leave: list[list[int]] = [[0] * n for _ in range(rounds)]
        # Conflicting pairs (a*n+b, a<b), as a list with an index so that a random one is picked
        # and one is removed in constant time.
        self.bad: list[int] = []
        self.bad_at: dict[int, int] = {}
        self.cost = 0
        self.best: list[list[int]] = []  # the best plan's seats: round -> person -> table
        self.best_cost = 0

    # --- changes ------------------------------------------------------------------------------

    def _weights(self, count: int, known: int) -> tuple[int, int]:
        """(inc, dec) of a pair that has met `count` times. Spread: the m-th meeting costs
        `repeat` x (m - 1); exact: every meeting after the first costs `repeat`."""
        if self.spread:
            return self.repeat * count + KNOWN * known, self.repeat * max(count - 1, 0) + KNOWN * known
        return self.repeat * (count >= 1) + KNOWN * known, self.repeat * (count >= 2) + KNOWN * known

    def _change(self, a: int, b: int, step: int) -> None:
        """a and b sit together `step` (+1 or -1) times more. Rounds where either of them is not
        seated (being moved) are left to `_seat` and `_unseat`."""
        n = self.n
        ab, ba = a * n + b, b * n + a
        self.met[ab] += step
        self.met[ba] += step
        count = self.met[ab]
        inc, dec = self._weights(count, self.known[ab])
        d_inc, d_dec = inc - self.inc[ab], dec - self.dec[ab]
        self.inc[ab] = self.inc[ba] = inc
        self.dec[ab] = self.dec[ba] = dec
        if d_inc or d_dec:
            for r in range(self.rounds):
                seat = self.seat[r]
                table_a, table_b = seat[a], seat[b]
                if table_b >= 0:
                    self.join[r][table_b][a] += d_inc
                if table_a >= 0:
                    self.join[r][table_a][b] += d_inc
                if table_a >= 0 and table_a == table_b:
                    self.leave[r][a] -= d_dec
                    self.leave[r][b] -= d_dec
        key = ab if a < b else ba
        is_bad = count >= 2 or (count >= 1 and self.known[ab] == 1)
        if is_bad and key not in self.bad_at:
            self.bad_at[key] = len(self.bad)
            self.bad.append(key)
        elif not is_bad and key in self.bad_at:
            position = self.bad_at.pop(key)
            last = self.bad.pop()
            if last != key:
                self.bad[position] = last
                self.bad_at[last] = position

    def _seat(self, r: int, p: int, t: int) -> None:
        n = self.n
        table = self.tables[r][t]
        self.cost += self.join[r][t][p]
        for other in table:
            self._change(p, other, 1)
        leave, dec, row = self.leave[r], self.dec, p * n
        total = 0
        for other in table:
            leave[other] -= dec[row + other]
            total += dec[row + other]
        leave[p] = -total
        table.append(p)
        self.seat[r][p] = t
        # inc is symmetric: p's row is the column to add for everyone.
        self.join[r][t] = list(map(operator.add, self.join[r][t], self.inc[row : row + n]))

    def _unseat(self, r: int, p: int) -> None:
        n = self.n
        t = self.seat[r][p]
        table = self.tables[r][t]
        table.remove(p)
        self.seat[r][p] = -1
        leave, dec, row = self.leave[r], self.dec, p * n
        for other in table:
            leave[other] += dec[row + other]
        leave[p] = 0
        self.join[r][t] = list(map(operator.sub, self.join[r][t], self.inc[row : row + n]))
        for other in table:
            self._change(p, other, -1)
        self.cost -= self.join[r][t][p]  # each pair now costs what it would add again

    def _swap(self, r: int, a: int, b: int) -> None:
        table_a, table_b = self.seat[r][a], self.seat[r][b]
        self._unseat(r, a)
        self._unseat(r, b)
        self._seat(r, a, table_b)
        self._seat(r, b, table_a)

    def _keep_best(self) -> None:
        self.best_cost = self.cost
        self.best = [list(seat) for seat in self.seat]

    def _restore_best(self) -> None:
        for r, best_seat in enumerate(self.best):
            seat = self.seat[r]
            for p in range(self.n):
                if seat[p] != best_seat[p]:
                    # Someone at p's best table who does not belong there: swap them.
                    q = next(x for x in self.tables[r][best_seat[p]] if best_seat[x] != seat[x])
                    self._swap(r, p, q)

    def load(self, seats: list[list[int]]) -> None:
        """Seat everyone as `seats` says (round -> person -> table)."""
        for r, seat in enumerate(seats):
            for p, t in enumerate(seat):
                self._seat(r, p, t)
        self._keep_best()

    def has_repeats(self) -> bool:
        """Whether two people sit together twice in the best plan."""
        met: set[tuple[int, int]] = set()
        for round_tables in self.plan():
            for table in round_tables:
                for i, a in enumerate(table):
                    for b in table[i + 1 :]:
                        pair = (a, b) if a < b else (b, a)
                        if pair in met:
                            return True
                        met.add(pair)
        return False

    def plan(self) -> list[list[list[int]]]:
        """The best plan as rounds of tables of people."""
        result = []
        for best_seat in self.best:
            tables: list[list[int]] = [[] for _ in self.sizes]
            for p, t in enumerate(best_seat):
                tables[t].append(p)
            result.append(tables)
        return result

    # --- greedy construction ------------------------------------------------------------------

    def construct(self) -> None:
        n, rng = self.n, self.rng
        for r in range(self.rounds):
            met_so_far = [sum(1 for q in range(n) if self.met[p * n + q]) for p in range(n)]
            tie = [rng.random() for _ in range(n)]
            order = sorted(range(n), key=lambda p: (-(met_so_far[p] + self.known_degree[p]), tie[p]))
            tables, join = self.tables[r], self.join[r]
            for p in order:
                best_t, best_key = -1, (0, 0, 0.0)
                for t, size in enumerate(self.sizes):
                    if len(tables[t]) >= size:
                        continue
                    # Among equal costs, the emptier table keeps more choice for those to come.
                    key = (join[t][p], len(tables[t]) - size, rng.random())
                    if best_t < 0 or key < best_key:
                        best_t, best_key = t, key
                self._seat(r, p, best_t)
        self._keep_best()

    # --- tabu search --------------------------------------------------------------------------

    def _best_moves(
        self, r: int, people: list[int], iteration: int, tabu: list[int]
    ) -> tuple[int, list[tuple[int, int, int]]]:
        """The best swaps in round r of one of `people` with someone at another table: among the
        non-tabu ones, and tabu ones only when they would reach a new best (aspiration)."""
        n, inc = self.n, self.inc
        seat, join, leave = self.seat[r], self.join[r], self.leave[r]
        threshold = self.best_cost - self.cost
        best_delta = 0
        moves: list[tuple[int, int, int]] = []
        for a in people:
            table_a = seat[a]
            join_a = [table[a] for table in join]
            into_a = join[table_a]
            base = leave[a]
            a_tabu = tabu[a] > iteration
            row_a = a * n
            for b in range(n):
                table_b = seat[b]
                if table_b == table_a:
                    continue
                # a and b swap, so they never sit together: take the pair (a, b) out of the sums.
                delta = base + leave[b] + join_a[table_b] + into_a[b] - 2 * inc[row_a + b]
                if delta > best_delta and moves:
                    continue
                if (a_tabu or tabu[b] > iteration) and delta >= threshold:
                    continue
                if not moves or delta < best_delta:
                    best_delta, moves = delta, [(r, a, b)]
                else:
                    moves.append((r, a, b))
        return best_delta, moves

    def improve(self, effort: float) -> None:
        if self.cost == 0 or len(self.sizes) < 2:
            return
        n, rng = self.n, self.rng
        # Budgets in steps, never in seconds: the result must not depend on the machine. A step
        # costs about (CANDIDATES + rounds) x n operations: at most WORK of them in all.
        max_steps = int(effort * min(3_000 + 20 * n * self.rounds, WORK // (n * (CANDIDATES + self.rounds))))
        stall = int(effort * (STALL_BASE + STALL_PER * n))  # without a new best: shake
        patience = PATIENCE * stall  # without a new best: stop
        tabu = [[0] * n for _ in range(self.rounds)]
        last_gain = last_shake = 0
        for step in range(1, max_steps + 1):
            if self.best_cost == 0 or not self.bad or step - last_gain > patience:
                break
            if step - max(last_gain, last_shake) > stall:
                # Stuck: go back to the best plan and shake it with a few random swaps.
                self._restore_best()
                for _ in range(1 + rng.randrange(SHAKES)):
                    key = self.bad[rng.randrange(len(self.bad))] if self.bad else 0
                    r = rng.randrange(self.rounds)
                    a = rng.choice(divmod(key, n))
                    b = rng.randrange(n)
                    if self.seat[r][a] != self.seat[r][b]:
                        self._swap(r, a, b)
                last_shake = step
                continue
            # The people in a conflict, in every round (at most CANDIDATES of them, at random).
            candidates = [
                (r, p) for r, leave in enumerate(self.leave) for p, value in enumerate(leave) if value < 0
            ]
            if len(candidates) > CANDIDATES:
                candidates = rng.sample(candidates, CANDIDATES)
            by_round: dict[int, list[int]] = {}
            for r, p in candidates:
                by_round.setdefault(r, []).append(p)
            # The best swap of one of them with anyone at another table of their round.
            best_delta = 0
            moves: list[tuple[int, int, int]] = []
            for r, people in sorted(by_round.items()):
                delta, found = self._best_moves(r, people, step, tabu[r])
                if found and (not moves or delta < best_delta):
                    best_delta, moves = delta, found
                elif found and delta == best_delta:
                    moves += found
            if not moves:
                continue
            r, a, b = rng.choice(moves)
            self._swap(r, a, b)
            tabu[r][a] = step + TENURE_MIN + rng.randrange(int(TENURE_SPREAD * n) + 3)
            tabu[r][b] = step + TENURE_MIN + rng.randrange(int(TENURE_SPREAD * n) + 3)
            if self.cost < self.best_cost:
                self._keep_best()
                last_gain = step
