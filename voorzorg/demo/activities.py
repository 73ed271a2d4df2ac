"""Activities for a demo circle: the rhythm of a real circle over two years.

A weekly coffee morning at De BinnenHaven on Thursday at 10:00, a fortnightly
music club, a cooking club on the first Tuesday of the month and a weekly cycling
club from April to September; coffee mornings and clubs in the Christmas weeks
are cancelled, a few occurrences moved, and past ones have head counts.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from voorzorg.domain.activities import (
    add_activity,
    cancel_occurrence,
    move_occurrence,
    occurrences,
    record_count,
)
from voorzorg.domain.recurrence import Rule, nth_weekday

CENTRE = "De BinnenHaven"


def _first_weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def build_activities(db, rng: random.Random, *, founded: date, today: date, timezone: str):
    """Add the demo activities and their history; returns the number of activities."""
    made = []

    def add(title, start, start_time, minutes, rule, location, kind, description=None):
        item = add_activity(
            db,
            title=title,
            start=start,
            start_time=start_time,
            timezone=timezone,
            now=_at(min(start, today) - timedelta(days=14)),
            duration_minutes=minutes,
            rule=rule,
            location=location,
            kind=kind,
            description=description,
        )
        made.append(item)
        return item

    coffee = add(
        "Koffieochtend",
        _first_weekday_on_or_after(founded, 3),
        "10:00",
        120,
        Rule(freq="weekly"),
        CENTRE,
        "koffieochtend",
        "Koffie, thee en een praatje. Iedereen is welkom.",
    )
    music = add(
        "Muziekclub",
        _first_weekday_on_or_after(founded + timedelta(days=20), 0),
        "19:30",
        120,
        Rule(freq="weekly", interval=2),
        f"{CENTRE}, zaal 2",
        "club",
    )
    cooking_start = nth_weekday(founded.year, founded.month, 1, 1)
    if cooking_start < founded:
        month = founded.month % 12 + 1
        cooking_start = nth_weekday(founded.year + (founded.month == 12), month, 1, 1)
    add("Kookclub", cooking_start, "17:00", 150, Rule(freq="monthly", week=1),
        f"Buurtkeuken {CENTRE}", "club", "Samen koken en samen eten.")  # fmt: skip
    for year in range(founded.year + 1, today.year + 2):
        season_start = _first_weekday_on_or_after(date(year, 4, 1), 2)
        add("Fietsclub", season_start, "10:00", 150,
            Rule(freq="weekly", until=date(year, 9, 30)),
            f"Verzamelen bij {CENTRE}", "club", "Rustig tempo, met koffiestop.")  # fmt: skip
    _christmas_and_moves(db, rng, coffee, music, founded, today, timezone)
    _head_counts(db, rng, founded, today, timezone)
    return len(made)


def _christmas_and_moves(db, rng, coffee, music, founded, today, timezone) -> None:
    for year in range(founded.year, today.year + 1):
        holidays = [date(year, 12, 24) + timedelta(days=d) for d in range(9)]
        for activity in (coffee, music):
            for row in occurrences(
                db,
                start=holidays[0],
                end=holidays[-1],
                timezone=timezone,
                activity_id=activity["id"],
            ):
                day = date.fromisoformat(row["original_date"])
                when = _at(min(day - timedelta(days=20), today))
                cancel_occurrence(db, activity["id"], day, now=when, note="Kerstvakantie")
    upcoming = occurrences(
        db,
        start=today - timedelta(days=400),
        end=today + timedelta(days=60),
        timezone=timezone,
        activity_id=coffee["id"],
    )
    scheduled = [o for o in upcoming if o["status"] == "scheduled"]
    for row in rng.sample(scheduled, min(3, len(scheduled))):
        day = date.fromisoformat(row["original_date"])
        move_occurrence(db, coffee["id"], day, to_day=day + timedelta(days=1), to_time="14:00",
                        timezone=timezone, now=_at(min(day - timedelta(days=10), today)),
                        location=f"{CENTRE}, zaal 2")  # fmt: skip


def _head_counts(db, rng, founded, today, timezone) -> None:
    for row in occurrences(db, start=founded, end=today - timedelta(days=1), timezone=timezone):
        if row["status"] == "cancelled":
            continue
        low, high = (6, 16) if row["kind"] == "koffieochtend" else (4, 11)
        day = date.fromisoformat(row["original_date"])
        record_count(db, row["activity_id"], day, rng.randint(low, high), today=today,
                     now=_at(day, 18))  # fmt: skip
