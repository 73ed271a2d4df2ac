"""Half-year periods: "2026-H1" is 1 January up to (not including) 1 July 2026."""

from __future__ import annotations

import re
from datetime import date

from voorzorg.errors import VoorzorgError


def parse_period(text: str) -> tuple[str, date, date]:
    match = re.fullmatch(r"\s*(\d{4})-?[Hh]([12])\s*", text)
    if not match:
        raise VoorzorgError("stats.bad_period", text=text)
    year, half = int(match[1]), int(match[2])
    start = date(year, 1 if half == 1 else 7, 1)
    end = date(year, 7, 1) if half == 1 else date(year + 1, 1, 1)
    return f"{year}-H{half}", start, end


def last_finished(today: date) -> str:
    if today.month >= 7:
        return f"{today.year}-H1"
    return f"{today.year - 1}-H2"


def finished_periods(first: date, today: date) -> list[str]:
    """Every finished half-year from the one containing ``first`` up to today."""
    periods = []
    year, half = first.year, 1 if first.month < 7 else 2
    while True:
        name = f"{year}-H{half}"
        _name, _start, end = parse_period(name)
        if end > today:
            return periods
        periods.append(name)
        year, half = (year, 2) if half == 1 else (year + 1, 1)
