"""The one clock: every "now" and "today" in voorzorg comes from here.

Core functions take ``now`` (an aware UTC datetime) or ``today`` (a date in the
circle's timezone) as arguments, so they can be tested at any moment; the CLI, the
web layer and integrations get those values here and nowhere else. Instants are
stored as UTC ISO 8601 text in whole seconds (``stamp``). Tests can freeze the clock
for a block of code with ``frozen``; nothing else changes it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

# The timezone of a circle or deployment that names none.
DEFAULT_TIMEZONE = "Europe/Amsterdam"

_frozen: datetime | None = None


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC)


def timestamp() -> float:
    """The current instant as seconds since the epoch (session expiry, throttling)."""
    return _frozen.timestamp() if _frozen is not None else time.time()


def stamp(moment: datetime | None = None) -> str:
    """How instants are stored: UTC, ISO 8601, whole seconds (now, if not given)."""
    return (moment or now()).astimezone(UTC).isoformat(timespec="seconds")


def today(timezone: str) -> date:
    """Today's date in ``timezone`` (the circle's; the Pi's own clock may be set to UTC)."""
    return now().astimezone(zone(timezone)).date()


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


@contextlib.contextmanager
def frozen(moment: datetime) -> Iterator[datetime]:
    """Hold the clock at ``moment`` (aware) inside the block; for tests."""
    global _frozen
    if moment.tzinfo is None:
        raise ValueError("frozen() needs a timezone-aware datetime")
    previous, _frozen = _frozen, moment.astimezone(UTC)
    try:
        yield _frozen
    finally:
        _frozen = previous
