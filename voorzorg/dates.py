"""Dates as volunteers type them: ISO (2026-12-03) or Dutch (3-12-2026, 03/12/2026)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from voorzorg.clock import DEFAULT_TIMEZONE as DEFAULT_TIMEZONE  # its home is clock
from voorzorg.errors import VoorzorgError

# Patterns as strings: compiled on first use (re caches them), not at start-up.
_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_DUTCH = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"


def parse_date(text: str) -> date:
    value = text.strip()
    match = re.fullmatch(_ISO, value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(_DUTCH, value)
        if not match:
            raise VoorzorgError("date.format", text=text)
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise VoorzorgError("date.invalid", text=text) from None


_zones: dict[str, object] = {}


def zone(name: str):
    """The ZoneInfo for ``name``; an unknown zone in config.toml is a config error."""
    found = _zones.get(name)
    if found is not None:
        return found  # occurrence lists ask hundreds of times for the same zone
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        found = _zones[name] = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        from voorzorg.errors import ConfigError

        raise ConfigError("config.unknown_timezone", zone=name) from None
    return found


_TIME = r"(\d{1,2})[:.](\d{2})"


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
    match = re.fullmatch(_TIME, parts[1])
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
    # Through UTC and back: the same instant, so the wall time comes back unchanged
    # exactly when the UTC offset does (comparing offsets is the cheaper test).
    if local.astimezone(UTC).astimezone(tz).utcoffset() != local.utcoffset():
        shown = text or f"{day.isoformat()} {hour:02d}:{minute:02d}"
        raise VoorzorgError("datetime.gap", text=shown, zone=timezone)
    return local


def parse_time(text: str) -> tuple[int, int]:
    """ "09:30" or "9.30" -> (9, 30)."""
    match = re.fullmatch(_TIME, text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise VoorzorgError("datetime.invalid_time", text=text)
    return int(match[1]), int(match[2])


def local_text(moment: datetime) -> str:
    """The stored form of a wall-clock time: "2026-12-05 09:30"."""
    return moment.strftime("%Y-%m-%d %H:%M")
