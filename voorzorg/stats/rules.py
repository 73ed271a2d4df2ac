"""Disclosure control (SDC-1, method "celsleutel"): the one place that decides what may be
published. The reasons for every constant are in docs/statistiek-bescherming.md.

The Cell Key Method (ONS 2021 Census, ABS TableBuilder, Destatis): every counted person
carries a fixed random record key (``stats_record_keys`` in the circle's file). A cell's
key is the sum of its records' keys modulo ``KEY_MODULUS``; a fixed perturbation table
maps (true value, cell key) to a noise value. The same persons give the same noise in
every table and every release, so comparing tables or releases (differencing) and
averaging repeated figures gain nothing.

1. A count of persons (or of events: then the floor counts the distinct persons behind
   them) below ``k`` is suppressed; a true zero is published as 0 (SDC-1 allows zeros; the
   ONS also perturbs some zeros, which with a floor would mean publishing k for nothing).
   Published counts are at least ``k`` and carry noise in [-NOISE_MAX, NOISE_MAX].
2. The noise for values just above the floor only goes up (never below k), so a reader
   who knows the floor still keeps an interval of at least MIN_RANGE around each value:
   a published p means a true value in [max(k, p - NOISE_MAX), p + NOISE_MAX].
3. An event count is suppressed when one person contributes more than half of it.
4. Derived figures (shares, medians) follow their base: they are computed from the
   published counts, or published only when the count they rest on is published and
   passes the same dominance rule.
5. A table in which one cell covers everyone in its group is withheld whole: the zeros
   beside it would otherwise tell.
6. Sensitive topics only for pools of at least 3 circles and 50 members. A table that
   counts its own people (the wellbeing outcomes) needs them in that table, judged on its
   published total (``pooled_table``) so that the decision tells nothing more.
7. The auditor (``audit.py``) then attacks everything published with integer programs;
   what it can narrow below MIN_RANGE is withheld or refused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from voorzorg.errors import VoorzorgError

METHOD = "celsleutel"
LEGACY_METHOD = "onderdrukking"
DEFAULT_K = 10
MIN_K = 5
# k below this is an explicit override with a reason, recorded and shown on the dashboard.
OVERRIDE_BELOW_K = 10
POOL_CIRCLES = 3
POOL_MEMBERS = 50
MIN_RANGE = 3
# The smallest maximum noise that, together with the floor, leaves every published count
# an interval of MIN_RANGE on its own: with D = 3 a value at the floor k is published as
# k..k+3 and a published k can come from k..k+3 (see the note in docs/).
NOISE_MAX = 3
# Record keys are integers in [0, 2**32): cell keys are sums modulo 2**32, exact and the
# same on every machine (no floating-point drift), and still uniformly distributed.
KEY_MODULUS = 2**32


@dataclass
class Cell:
    """One published number: ``value`` is None when suppressed."""

    dims: tuple
    value: float | None
    suppressed: bool = False
    # Private, never written: the exact value behind the cell and its cell key.
    raw: float | None = None
    key: int | None = field(default=None, repr=False)
    # Private too: the distinct persons behind a count and the most any one of them adds
    # (1 for a count of persons). With ``raw`` and ``key`` they are all a hub needs to
    # pool this cell with the same cell of other centres (``pooled_cell``).
    persons: int | None = field(default=None, repr=False)
    top: int | None = field(default=None, repr=False)


def check_k(k: int, *, allow_small: bool = False, reason: str | None = None) -> int:
    if k < MIN_K:
        raise VoorzorgError("stats.k_too_small", k=k, min=MIN_K)
    if k < OVERRIDE_BELOW_K and not (allow_small and reason and reason.strip()):
        raise VoorzorgError("stats.k_needs_override", k=k, limit=OVERRIDE_BELOW_K)
    return k


def noise_support(value: int, k: int, d: int = NOISE_MAX) -> range:
    """The noise values a true count may get: symmetric, never below the floor."""
    return range(max(-d, k - value), d + 1)


def noise(value: int, cell_key: int, k: int, d: int = NOISE_MAX) -> int:
    """The perturbation table: uniform over the support, chosen by the cell key.

    Uniform, not peaked at 0: every value of the interval is equally likely for a
    reader who does not know the record keys, which is what the interval promise needs.
    """
    support = noise_support(value, k, d)
    return support[cell_key * len(support) // KEY_MODULUS]


def cell_key(keys) -> int:
    return sum(keys) % KEY_MODULUS


def perturbed(dims: tuple, n: int, key: int, k: int) -> Cell:
    if n == 0:
        return Cell(dims, 0, raw=0, key=key)
    if n < k:
        return Cell(dims, None, suppressed=True, raw=n, key=key)
    return Cell(dims, n + noise(n, key, k), raw=n, key=key)


def count_cell(dims: tuple, persons: dict, k: int) -> Cell:
    """A count of distinct persons; ``persons`` maps each person to their record key."""
    cell = perturbed(dims, len(persons), cell_key(persons.values()), k)
    cell.persons, cell.top = len(persons), 1 if persons else 0
    return cell


def event_cell(dims: tuple, events: list[tuple], k: int) -> Cell:
    """A count of events, one (person, record key) entry per event: the floor counts the
    persons, one person may not make more than half, the noise follows the events."""
    n = len(events)
    if n == 0:
        return Cell(dims, 0, raw=0, key=0, persons=0, top=0)
    per_person = Counter(person for person, _key in events)
    key = cell_key(key for _person, key in events)
    return pooled_cell(dims, n, key, len(per_person), max(per_person.values()), k)


def pooled_cell(dims: tuple, n: int, key: int, persons: int, top: int, k: int) -> Cell:
    """A count from its parts: ``n`` counted (persons or events), their cell key, the
    distinct persons behind them and the most one person adds. A cell of one centre, and
    the same cell pooled across centres (the parts summed, the keys modulo KEY_MODULUS,
    ``top`` the largest), are decided alike: the floor on the persons, dominance, noise.
    """
    if n == 0:
        return Cell(dims, 0, raw=0, key=key, persons=0, top=0)
    if persons < k or top * 2 > n:
        cell = Cell(dims, None, suppressed=True, raw=n, key=key)
    else:
        cell = perturbed(dims, n, key, k)
    cell.persons, cell.top = persons, top
    return cell


def dominated(per_person: Counter) -> bool:
    return max(per_person.values()) * 2 > sum(per_person.values())


def median_cell(dims: tuple, values: list[float], owners: list, base: Cell) -> Cell:
    """A median (whole days) published only beside its published base count, resting on
    the same events and passing the same dominance rule."""
    if base.value in (None, 0) or not values or dominated(Counter(owners)):
        return Cell(dims, None, suppressed=True)
    ordered = sorted(values)
    middle = len(ordered) // 2
    value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return Cell(dims, round(value))


def pooled(circles: int, members: int) -> bool:
    return circles >= POOL_CIRCLES and members >= POOL_MEMBERS


def pooled_table(circles: int, total: Cell) -> bool:
    """Rule 6 for a table of its own people (the wellbeing outcomes): at least
    POOL_CIRCLES circles among them, and a published total of at least POOL_MEMBERS +
    NOISE_MAX. The true count is then at least POOL_MEMBERS; and because the decision
    rests on the published total, publishing tells a reader nothing the total does not
    (deciding on the true count would: a published 47 beside "at least 50 people" can
    only be 50)."""
    return (
        circles >= POOL_CIRCLES
        and total.value is not None
        and total.value >= POOL_MEMBERS + NOISE_MAX
    )


def covers_everyone(cells: list[Cell], group: int) -> bool:
    """Rule 5: one cell holds the whole (non-empty) group."""
    return group > 0 and any(c.raw is not None and c.raw >= group for c in cells)


def withhold(cells: list[Cell]) -> None:
    for cell in cells:
        cell.value, cell.suppressed = None, True
