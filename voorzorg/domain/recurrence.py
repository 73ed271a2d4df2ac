"""Recurrence of activities: weekly, every N weeks, or monthly on the nth weekday.

Occurrences are computed in the circle's local wall-clock time, the way a member
thinks of "every Thursday at 10:00": across the switch to summer time the UTC
instant moves, the local time does not. The same rules are written into feeds as
RRULEs, and tests check that independent iCalendar parsers expand them to exactly
the same instants.

Expansion is always bounded: a series without an end is only expanded inside the
window asked for, ``COUNT`` is at most ``MAX_COUNT`` and ``UNTIL`` at most
``MAX_YEARS`` after the start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from voorzorg.dates import format_day
from voorzorg.errors import VoorzorgError

MAX_COUNT = 1000
MAX_YEARS = 10
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAY_WORDS = {
    "monday": 0, "maandag": 0, "tuesday": 1, "dinsdag": 1, "wednesday": 2, "woensdag": 2,
    "thursday": 3, "donderdag": 3, "friday": 4, "vrijdag": 4, "saturday": 5, "zaterdag": 5,
    "sunday": 6, "zondag": 6,
}  # fmt: skip
_ORDINAL_WORDS = {
    "first": 1, "eerste": 1, "1st": 1, "1e": 1, "second": 2, "tweede": 2, "2nd": 2, "2e": 2,
    "third": 3, "derde": 3, "3rd": 3, "3e": 3, "fourth": 4, "vierde": 4, "4th": 4, "4e": 4,
    "last": -1, "laatste": -1,
}  # fmt: skip


class Rule:
    """How an activity repeats. ``freq`` None means a single occurrence.

    Immutable and compared by value, like a frozen dataclass; written out because
    ``activity list`` loads this module and importing ``dataclasses`` costs milliseconds.
    """

    __slots__ = ("count", "freq", "interval", "until", "week")
    _FIELDS = ("freq", "interval", "week", "until", "count")

    freq: str | None  # None, "weekly" or "monthly"
    interval: int
    week: int | None  # monthly: 1..4 or -1 (last)
    until: date | None
    count: int | None

    def __init__(
        self,
        freq: str | None = None,
        interval: int = 1,
        week: int | None = None,
        until: date | None = None,
        count: int | None = None,
    ) -> None:
        for name, value in zip(self._FIELDS, (freq, interval, week, until, count), strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _values(self) -> tuple:
        return (self.freq, self.interval, self.week, self.until, self.count)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._FIELDS, self._values(), strict=True))
        return f"Rule({fields})"

    @property
    def repeats(self) -> bool:
        return self.freq is not None


def parse_every(text: str) -> int:
    """ "2 weeks", "2 weken", "3" -> interval in weeks."""
    match = re.fullmatch(r"\s*(\d+)\s*(weeks?|weken|week|w)?\s*", text.lower())
    if not match or not 1 <= int(match[1]) <= 52:
        raise VoorzorgError("recurrence.bad_every", text=text)
    return int(match[1])


def parse_monthly(text: str) -> tuple[int, int]:
    """ "first thursday" / "eerste donderdag" / "last friday" -> (week, weekday)."""
    words = text.lower().split()
    if len(words) != 2 or words[0] not in _ORDINAL_WORDS or words[1] not in _WEEKDAY_WORDS:
        raise VoorzorgError("recurrence.bad_monthly", text=text)
    return _ORDINAL_WORDS[words[0]], _WEEKDAY_WORDS[words[1]]


def check_one_repeat(weekly: bool, every: str | None, monthly: str | None) -> None:
    """At most one way of repeating may be asked for."""
    if sum(bool(x) for x in (weekly, every, monthly)) > 1:
        raise VoorzorgError("activity.one_repeat")


def rule_from_options(
    start: date,
    *,
    weekly: bool = False,
    every: str | None = None,
    monthly: str | None = None,
    until: str | None = None,
    count: int | None = None,
) -> Rule:
    """The rule for the options a user gives: --weekly, --every "2 weken", --monthly
    "eerste dinsdag" (which must fall on the weekday of ``start``), --until and --count.

    The combination of --until and --count, and their bounds, are checked by ``validate``.
    """
    from voorzorg.dates import parse_date

    check_one_repeat(weekly, every, monthly)
    freq, interval, week = None, 1, None
    if weekly:
        freq = "weekly"
    elif every:
        freq, interval = "weekly", parse_every(every)
    elif monthly:
        week, weekday = parse_monthly(monthly)
        freq = "monthly"
        if weekday != start.weekday():
            expected = nth_weekday(start.year, start.month, week, weekday)
            raise VoorzorgError("recurrence.start_not_on_rule", start=format_day(start),
                                expected=format_day(expected))  # fmt: skip
    return Rule(
        freq=freq,
        interval=interval,
        week=week,
        until=parse_date(until) if until else None,
        count=count,
    )


def nth_weekday(year: int, month: int, week: int, weekday: int) -> date:
    if week > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def validate(rule: Rule, start: date) -> None:
    """Refuse rules that make no sense or cannot be bounded."""
    if rule.count is not None and not 1 <= rule.count <= MAX_COUNT:
        raise VoorzorgError("recurrence.bad_count", count=rule.count, max=MAX_COUNT)
    if rule.until is not None:
        if rule.until < start:
            raise VoorzorgError(
                "recurrence.until_before_start", until=format_day(rule.until),
                start=format_day(start),
            )  # fmt: skip
        if rule.until > start.replace(year=start.year + MAX_YEARS, day=min(start.day, 28)):
            raise VoorzorgError("recurrence.until_too_far", years=MAX_YEARS)
    if rule.count is not None and rule.until is not None:
        raise VoorzorgError("recurrence.count_and_until")
    if not rule.repeats and (rule.count or rule.until):
        raise VoorzorgError("recurrence.end_without_repeat")
    if rule.freq == "monthly":
        expected = nth_weekday(start.year, start.month, rule.week, start.weekday())
        if expected != start:
            raise VoorzorgError("recurrence.start_not_on_rule", start=format_day(start),
                                expected=format_day(expected))  # fmt: skip


def dates(rule: Rule, start: date, *, until: date | None = None) -> Iterator[date]:
    """Occurrence dates from ``start`` in order, before any cancellation.

    Stops at the rule's own end (UNTIL or COUNT) and, for a series without one,
    at ``until``: callers must give a bound for an unbounded series.
    """
    if rule.repeats and rule.until is None and rule.count is None and until is None:
        raise ValueError("an unbounded series needs a bound")
    stop = min(d for d in (rule.until, until) if d is not None) if (rule.until or until) else None
    repeats, weekly, count = rule.repeats, rule.freq == "weekly", rule.count
    step = timedelta(weeks=rule.interval)
    produced = 0
    index = 0
    day = start
    while True:
        if not repeats:
            day = start
        elif weekly:
            day = day + step if index else start
        else:
            months = start.month - 1 + rule.interval * index
            day = nth_weekday(
                start.year + months // 12, months % 12 + 1, rule.week, start.weekday()
            )
        if stop is not None and day > stop:
            return
        yield day
        produced += 1
        index += 1
        if not repeats or (count is not None and produced >= count):
            return


def last_date(rule: Rule, start: date) -> date | None:
    """The date of the last occurrence, or None for a series without an end."""
    if not rule.repeats:
        return start
    if rule.until is None and rule.count is None:
        return None
    last = start
    for day in dates(rule, start):
        last = day
    return last


def rrule(rule: Rule, weekday: int, until_utc: str | None) -> str:
    """The RRULE value; ``until_utc`` is the UNTIL already in its final form."""
    parts = [f"FREQ={rule.freq.upper()}"]
    if rule.interval != 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.freq == "weekly":
        parts.append(f"BYDAY={WEEKDAYS[weekday]}")
    else:
        parts.append(f"BYDAY={rule.week}{WEEKDAYS[weekday]}")
    if rule.count is not None:
        parts.append(f"COUNT={rule.count}")
    if until_utc is not None:
        parts.append(f"UNTIL={until_utc}")
    return ";".join(parts)
