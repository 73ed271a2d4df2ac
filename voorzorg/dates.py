"""Dates, times and durations as volunteers type them.

Dates in ISO (2026-12-03) or Dutch (3-12-2026, 03/12/2026) form, times as 09:30 or
9.30, durations as 2h, 90m, 1h30, 1:30, 2 uur or 45 min.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from voorzorg.errors import VoorzorgError

# The timezone of a circle or deployment that names none.
DEFAULT_TIMEZONE = "Europe/Amsterdam"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_date(text: str) -> date:
    value = text.strip()
    match = _ISO.fullmatch(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DUTCH.fullmatch(value)
        if not match:
            raise VoorzorgError("date.format", text=text)
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise VoorzorgError("date.invalid", text=text) from None


def zone(name: str):
    """The ZoneInfo for ``name``; an unknown zone in config.toml is a config error."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        from voorzorg.errors import ConfigError

        raise ConfigError("config.unknown_timezone", zone=name) from None


_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def parse_local_datetime(text: str, timezone: str) -> datetime:
    """ "2026-12-05 09:30" (or "5-12-2026 9.30") as an aware time in the circle's zone.

    A wall time that does not exist (the hour skipped when summer time starts)
    is refused. A wall time that happens twice (the hour repeated when it ends)
    is taken as the first of the two, the summer-time one: documented choice.
    """
    parts = text.strip().replace("T", " ").split()
    if len(parts) != 2:
        raise VoorzorgError("datetime.format", text=text)
    day = parse_date(parts[0])
    match = _TIME.fullmatch(parts[1])
    if not match:
        raise VoorzorgError("datetime.format", text=text)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise VoorzorgError("datetime.invalid_time", text=parts[1])
    return make_local(day, hour, minute, timezone, text=text)


def make_local(day: date, hour: int, minute: int, timezone: str, *, text: str | None = None):
    """An aware wall-clock time; refuses one that the clock skips (summer time starts)."""
    tz = zone(timezone)
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz, fold=0)
    round_trip = local.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        shown = text or f"{day.isoformat()} {hour:02d}:{minute:02d}"
        raise VoorzorgError("datetime.gap", text=shown, zone=timezone)
    return local


def parse_time(text: str) -> tuple[int, int]:
    """ "09:30" or "9.30" -> (9, 30)."""
    match = _TIME.fullmatch(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise VoorzorgError("datetime.invalid_time", text=text)
    return int(match[1]), int(match[2])


def parse_hhmm(text: str) -> str:
    """ "9.30" -> "09:30": a time of day in the form it is stored in."""
    hour, minute = parse_time(text)
    return f"{hour:02d}:{minute:02d}"


def parse_day_and_time(text: str) -> tuple[date, str | None]:
    """ "2026-12-03 10:00" -> (date, "10:00"); "2026-12-03" -> (date, None)."""
    parts = text.strip().replace("T", " ").split()
    if len(parts) == 1:
        return parse_date(parts[0]), None
    if len(parts) == 2:
        hhmm = parse_hhmm(parts[1])
        return parse_date(parts[0]), hhmm
    raise VoorzorgError("datetime.format", text=text)


_DURATIONS = (
    (re.compile(r"(\d+)(?:h|u|uur|hours?)(?:(\d+)(?:m|min|minuten|minutes?)?)?"), (60, 1)),
    (re.compile(r"(\d+):(\d{2})"), (60, 1)),
    (re.compile(r"(\d+)(?:m|min|minuten|minutes?)"), (1,)),
)


def parse_duration(text: str) -> int:
    """ "2h", "90m", "1h30", "1:30", "2 uur", "45 min" -> minutes."""
    value = text.strip().lower().replace(" ", "")
    for pattern, factors in _DURATIONS:
        match = pattern.fullmatch(value)
        if match:
            numbers = [int(g) if g else 0 for g in match.groups()]
            return sum(n * f for n, f in zip(numbers, factors, strict=False))
    raise VoorzorgError("activity.bad_duration_text", text=text)


def local_text(moment: datetime) -> str:
    """The stored form of a wall-clock time: "2026-12-05 09:30"."""
    return moment.strftime("%Y-%m-%d %H:%M")
