"""Disclosure control (SDC-1): the one place that decides what may be published.

1. A count, mean or percentage is published only when it rests on at least ``k``
   distinct persons (default 10; never below 5). Zeros may be shown; a cell that
   covers everyone in its group is suppressed.
2. An event count is suppressed when one person contributes more than half of it.
3. Sensitive topics only for pools of at least 3 circles and 50 members.
4. Membership per circle is rounded to base 5.
5. Where a table publishes a total, secondary suppression makes sure no suppressed
   cell can be worked out from the others. An attacker knows that zeros are always
   shown, so each suppressed cell is at least 1: with ``n`` suppressed cells holding
   ``S`` together, each lies in [1, S - n + 1]. We require n >= 2 and S - n >= MIN_RANGE
   (a range at least that wide), else the total is suppressed too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from voorzorg.errors import VoorzorgError

DEFAULT_K = 10
MIN_K = 5
POOL_CIRCLES = 3
POOL_MEMBERS = 50
MIN_RANGE = 3


@dataclass
class Cell:
    """One published number: ``value`` is None when suppressed."""

    dims: tuple
    value: float | None
    suppressed: bool = False
    # Private, never written: the exact count behind the cell, for secondary suppression.
    raw: float | None = None


def check_k(k: int) -> int:
    if k < MIN_K:
        raise VoorzorgError("stats.k_too_small", k=k, min=MIN_K)
    return k


def count_cell(dims: tuple, persons: set, k: int, *, group_size: int | None = None) -> Cell:
    """A count of distinct persons."""
    n = len(persons)
    if n == 0:
        return Cell(dims, 0, raw=0)
    if n < k or (group_size is not None and n >= group_size):
        return Cell(dims, None, suppressed=True, raw=n)
    return Cell(dims, n, raw=n)


def event_cell(dims: tuple, contributors: list, k: int) -> Cell:
    """A count of events (requests), one entry per event naming who it came from."""
    n = len(contributors)
    if n == 0:
        return Cell(dims, 0, raw=0)
    per_person = Counter(contributors)
    if len(per_person) < k or max(per_person.values()) * 2 > n:
        return Cell(dims, None, suppressed=True, raw=n)
    return Cell(dims, n, raw=n)


def share_cell(
    dims: tuple, part: set, whole: set, k: int, *, part_persons=None, whole_persons=None
) -> Cell:
    """A percentage; suppressed when it rests on fewer than k persons on either side, or
    when it is 100%. ``part``/``whole`` may be events (requests); then the persons
    behind them are given separately and the rule applies to those."""
    part_persons = part if part_persons is None else part_persons
    whole_persons = whole if whole_persons is None else whole_persons
    if (
        len(whole_persons) < k
        or (part_persons and len(part_persons) < k)
        or (whole and part >= whole)
        or (whole_persons and part_persons >= whole_persons)
    ):
        return Cell(dims, None, suppressed=True)
    return Cell(dims, round(100 * len(part) / len(whole), 1) if whole else 0)


def measure_cell(dims: tuple, values: list[float], persons: set, k: int, how: str) -> Cell:
    """A mean or median over values that come from at least k distinct persons."""
    if len(persons) < k or not values:
        return Cell(dims, None, suppressed=True)
    ordered = sorted(values)
    if how == "median":
        middle = len(ordered) // 2
        value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    else:
        value = sum(ordered) / len(ordered)
    return Cell(dims, round(value, 1))


def rounded_cell(dims: tuple, persons: set, k: int) -> Cell:
    """Membership of one circle, rounded to base 5 (suppressed below k)."""
    n = len(persons)
    if n < k:
        return Cell(dims, None, suppressed=True, raw=n)
    return Cell(dims, 5 * round(n / 5), raw=n)


def pooled(circles: int, members: int) -> bool:
    return circles >= POOL_CIRCLES and members >= POOL_MEMBERS


def secondary(cells: list[Cell], total: Cell) -> None:
    """Protect suppressed cells against recomputation from the published total."""
    if total.suppressed or not any(c.suppressed for c in cells):
        return
    hidden = [c for c in cells if c.suppressed]
    candidates = sorted(
        (c for c in cells if not c.suppressed and c.raw), key=lambda c: (c.raw, c.dims)
    )
    while candidates and (len(hidden) < 2 or sum(c.raw or 0 for c in hidden) < MIN_RANGE):
        extra = candidates.pop(0)
        extra.value, extra.suppressed = None, True
        hidden.append(extra)
    if len(hidden) < 2 or sum(c.raw or 0 for c in hidden) < MIN_RANGE:
        total.value, total.suppressed = None, True
