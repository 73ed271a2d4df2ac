"""Compact VTIMEZONE components: two yearly RRULE observances, as calendar clients need.

icalendar's ``add_missing_timezones()`` writes every transition as an RDATE list,
which Outlook reads wrongly (summer events an hour off) and which stops in 2038.
The European rule is simple: summer time starts on the last Sunday of March and
ends on the last Sunday of October, both at 01:00 UTC. We write exactly that, with
the zone's own offsets and abbreviations, and refuse a zone that does not follow
it (a test checks the result against ``zoneinfo`` for 2000-2050).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

from voorzorg.errors import VoorzorgError

CHECK_YEARS = range(2000, 2051)


def _offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _last_sunday(year: int, month: int) -> datetime:
    day = datetime(year, month + 1, 1, tzinfo=UTC) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - 6) % 7)


def _follows_eu_rule(zone, standard: timedelta, summer: timedelta) -> bool:
    for year in CHECK_YEARS:
        for month, before, after in ((3, standard, summer), (10, summer, standard)):
            switch = _last_sunday(year, month).replace(hour=1)
            if switch.astimezone(zone).utcoffset() != after:
                return False
            if (switch - timedelta(seconds=1)).astimezone(zone).utcoffset() != before:
                return False
    return True


@cache
def vtimezone(name: str) -> str:
    """The VTIMEZONE lines (CRLF-joined, unfolded) for zone ``name``."""
    from voorzorg.dates import zone as load_zone

    zone = load_zone(name)
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(zone)
    summer = datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(zone)
    std, dst = winter.utcoffset(), summer.utcoffset()
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    if std == dst:
        if not all(
            datetime(y, m, 1, tzinfo=UTC).astimezone(zone).utcoffset() == std
            for y in CHECK_YEARS
            for m in (1, 4, 7, 10)
        ):
            raise VoorzorgError("feed.unsupported_timezone", zone=name)
        lines += [
            "BEGIN:STANDARD",
            f"TZOFFSETFROM:{_offset(std)}",
            f"TZOFFSETTO:{_offset(std)}",
            f"TZNAME:{winter.tzname()}",
            "DTSTART:19700101T000000",
            "END:STANDARD",
        ]
    else:
        if not _follows_eu_rule(zone, std, dst):
            raise VoorzorgError("feed.unsupported_timezone", zone=name)
        start_summer = (datetime(1996, 3, 31, 1) + std).strftime("%Y%m%dT%H%M%S")
        start_winter = (datetime(1996, 10, 27, 1) + dst).strftime("%Y%m%dT%H%M%S")
        lines += [
            "BEGIN:DAYLIGHT",
            f"TZOFFSETFROM:{_offset(std)}",
            f"TZOFFSETTO:{_offset(dst)}",
            f"TZNAME:{summer.tzname()}",
            f"DTSTART:{start_summer}",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            f"TZOFFSETFROM:{_offset(dst)}",
            f"TZOFFSETTO:{_offset(std)}",
            f"TZNAME:{winter.tzname()}",
            f"DTSTART:{start_winter}",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
        ]
    lines.append("END:VTIMEZONE")
    return "\r\n".join(lines)
