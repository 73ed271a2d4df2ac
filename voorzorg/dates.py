"""Dates as volunteers type them: ISO (2026-12-03) or Dutch (3-12-2026, 03/12/2026)."""

from __future__ import annotations

import re
from datetime import date, datetime

from voorzorg.errors import VoorzorgError

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


def today(timezone: str) -> date:
    """Today's date in the circle's timezone (the Pi's clock may be set to UTC)."""
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(timezone)).date()
