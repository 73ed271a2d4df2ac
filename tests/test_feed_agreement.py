"""Agreement of three: the feed as read by two independent parsers, and ``activity list``.

Home Assistant's strict parser (``ical``) and ``recurring-ical-events`` (over
``icalendar``) each expand the rendered feed; ``activity list --json`` and the core
``occurrences()`` list what voorzorg itself believes. For every window compared,
the multisets of (start instant, end instant, summary) must be equal, across both
DST switches, with cancellations and moves (RECURRENCE-ID overrides). A cancelled
occurrence stays in the feed as "Afgelast: <title>" with STATUS:CANCELLED, and every
reader must show it as such; with ``feed_show_cancelled = false`` it is an EXDATE and
every reader must leave it out.

Window semantics: the parsers are asked for a slightly larger range (they return
what *overlaps* it), then everything is filtered by the local start date, which is
exactly what ``occurrences(start=, end=)`` filters on (both ends inclusive).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from voorzorg.calendar import feeds
from voorzorg.domain import activities
from voorzorg.domain.recurrence import Rule, nth_weekday
from voorzorg.storage import store

TZ_NAME = "Europe/Amsterdam"
TZ = ZoneInfo(TZ_NAME)
CIRCLE = "zorgsaam"
STAMP = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


# --- the three readers ---------------------------------------------------------------


def _key(start, end, summary: str) -> tuple:
    """One occurrence as comparable data: UTC instants for timed, dates for all-day."""
    if isinstance(start, datetime):
        assert start.tzinfo is not None, f"floating time for {summary}"
        return (start.astimezone(UTC), end.astimezone(UTC), summary)
    assert not isinstance(end, datetime)
    return (start, end, summary)


def _local_day(start) -> date:
    return start.astimezone(TZ).date() if isinstance(start, datetime) else start


def _range(first: date, last: date) -> tuple[datetime, datetime]:
    """A query range a little wider than [first, last]; results are filtered after."""
    begin = datetime(first.year, first.month, first.day, tzinfo=TZ) - timedelta(days=2)
    end = datetime(last.year, last.month, last.day, tzinfo=TZ) + timedelta(days=3)
    return begin, end


def expand_ical(body: bytes, first: date, last: date) -> Counter:
    """Home Assistant's path: strict ``ical`` parse, then timeline_tz().overlapping()."""
    calendar = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
    begin, end = _range(first, last)
    found = Counter()
    for event in calendar.timeline_tz(TZ).overlapping(begin, end):
        if first <= _local_day(event.start) <= last:
            found[_key(event.start, event.end, event.summary)] += 1
    return found


def expand_rie(body: bytes, first: date, last: date) -> Counter:
    """recurring-ical-events over icalendar's parse."""
    calendar = icalendar.Calendar.from_ical(body)
    begin, end = _range(first, last)
    found = Counter()
    for event in recurring_ical_events.of(calendar).between(begin, end):
        start = event["DTSTART"].dt
        finish = event["DTEND"].dt if "DTEND" in event else start + event["DURATION"].dt
        if first <= _local_day(start) <= last:
            found[_key(start, finish, str(event["SUMMARY"]))] += 1
    return found


def _summary(title: str, status: str, show_cancelled: bool) -> str | None:
    """What a calendar shows for an occurrence: None when it is left out."""
    if status != "cancelled":
        return title
    return f"Afgelast: {title}" if show_cancelled else None


def expand_core(
    db, first: date, last: date, titles: set[str] | None = None, show_cancelled: bool = True
) -> Counter:
    rows = activities.occurrences(db, start=first, end=last, timezone=TZ_NAME)
    found = Counter()
    for r in rows:
        summary = _summary(r["title"], r["status"], show_cancelled)
        if summary is not None and (titles is None or summary in titles):
            found[_key(r["start"], r["end"], summary)] += 1
    return found


def _from_json(text: str):
    return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)


def expand_cli(cli, first: date, last: date, show_cancelled: bool = True) -> Counter:
    result = cli(
        "activity", "list", "-c", CIRCLE, "--from", first.isoformat(), "--to", last.isoformat(),
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    found = Counter()
    for row in result.json:
        assert {"activity_id", "title", "start", "end", "status"} <= set(row)
        summary = _summary(row["title"], row["status"], show_cancelled)
        if summary is None:
            continue
        start, end = _from_json(row["start"]), _from_json(row["end"])
        if isinstance(start, datetime):
            assert start.utcoffset() is not None  # ISO 8601 with UTC offset
        found[_key(start, end, summary)] += 1
    return found


def assert_three_agree(
    body: bytes,
    db,
    first: date,
    last: date,
    cli=None,
    titles: set[str] | None = None,
    show_cancelled: bool = True,
) -> Counter:
    """``titles``: compare only these activities (for a range beyond the feed's window)."""
    core = expand_core(db, first, last, titles, show_cancelled)
    by_ical = expand_ical(body, first, last)
    by_rie = expand_rie(body, first, last)
    assert by_ical == core, _diff("ical", by_ical, core)
    assert by_rie == core, _diff("recurring-ical-events", by_rie, core)
    if cli is not None:
        by_cli = expand_cli(cli, first, last, show_cancelled)
        assert by_cli == core, _diff("activity list --json", by_cli, core)
    return core


def _diff(name: str, got: Counter, want: Counter) -> str:
    extra = sorted((got - want).elements(), key=repr)
    missing = sorted((want - got).elements(), key=repr)
    return f"{name} disagrees with occurrences(): extra {extra}, missing {missing}"


def render(db, today: date, show_cancelled: bool = True) -> feeds.Feed:
    return feeds.render_circle_feed(
        db, circle_id=CIRCLE, name="ZorgSaam", timezone=TZ_NAME, today=today,
        options=feeds.Options(show_cancelled=show_cancelled),
    )  # fmt: skip


def starts(found: Counter, summary: str) -> list[datetime]:
    return sorted(k[0] for k in found if k[2] == summary)


# --- a realistic circle through the real CLI -------------------------------------------

TODAY = date(2027, 3, 1)  # window 2027-01-30 .. 2028-02-29


def _add(cli, *args) -> int:
    result = cli("activity", "add", "-c", CIRCLE, *args, "--json")
    assert result.code == 0, result.err
    return result.json["id"]


def _ok(cli, *args) -> None:
    result = cli("activity", *args)
    assert result.code == 0, result.err


def build_circle(cli) -> dict[str, int]:
    ids = {}
    ids["koffie"] = _add(
        cli, "Koffieochtend", "Zoë", "--start", "2027-03-04 10:00", "--duration", "2h",
        "--weekly", "--until", "2027-11-18", "--location", "De BinnenHaven",
        "--kind", "koffieochtend",
    )  # fmt: skip
    ids["fiets"] = _add(
        cli, "Fietsclub", "--start", "2027-03-07 10:00", "--end", "12:30", "--weekly",
        "--until", "2027-11-14", "--kind", "club",
    )  # fmt: skip
    ids["muziek"] = _add(
        cli, "Muziekclub", "--start", "2027-01-06 19:30", "--duration", "1h30",
        "--every", "2 weeks", "--location", "Ĳsselmeerzaal",
    )  # fmt: skip
    ids["koken"] = _add(
        cli, "Kookclub", "--start", "2027-03-02 18:00", "--duration", "2h",
        "--monthly", "first tuesday", "--count", "10",
    )  # fmt: skip
    ids["vergadering"] = _add(
        cli, "Bijeenkomst", "--start", "2027-01-29 20:00", "--duration", "90m",
        "--monthly", "last friday", "--kind", "bijeenkomst",
    )  # fmt: skip
    ids["markt"] = _add(
        cli, "Kerstmarkt", "€", "--start", "2027-12-18", "--all-day", "--end", "2027-12-19",
    )  # fmt: skip
    ids["uitje"] = _add(
        cli, "Uitje", "Ĳsselmeer", "--start", "2027-06-12 09:00", "--duration", "8h",
        "--kind", "uitje",
    )  # fmt: skip
    ids["markten"] = _add(
        cli, "Boekenmarkt", "--start", "2027-04-03", "--all-day", "--every", "4 weeks",
        "--count", "6",
    )  # fmt: skip
    ids["oud"] = _add(cli, "Oud", "uitje", "--start", "2026-11-01 10:00", "--duration", "1h")
    ids["ver"] = _add(cli, "Ver", "weg", "--start", "2028-06-01 10:00", "--duration", "1h")
    koffie, fiets = str(ids["koffie"]), str(ids["fiets"])
    _ok(cli, "cancel", "-c", CIRCLE, koffie, "--on", "2027-03-25", "--note", "Pasen")
    _ok(cli, "move", "-c", CIRCLE, koffie, "--on", "2027-04-01", "--to", "2027-04-02 14:00")
    # Moved from the Thursday before the October switch onto the switch day itself.
    _ok(cli, "move", "-c", CIRCLE, koffie, "--on", "2027-10-28", "--to", "2027-10-31 11:00",
        "--location", "Buurthuis")  # fmt: skip
    _ok(cli, "cancel", "-c", CIRCLE, fiets, "--on", "2027-03-28")  # spring-forward Sunday
    _ok(cli, "move", "-c", CIRCLE, fiets, "--on", "2027-10-24", "--to", "2027-10-31 13:00")
    _ok(cli, "cancel", "-c", CIRCLE, str(ids["muziek"]), "--on", "2027-12-22")
    _ok(cli, "move", "-c", CIRCLE, str(ids["vergadering"]), "--on", "2027-12-31",
        "--to", "2027-12-17 20:00")  # fmt: skip
    _ok(cli, "cancel", "-c", CIRCLE, str(ids["markten"]), "--on", "2027-05-01")
    _ok(cli, "move", "-c", CIRCLE, str(ids["markten"]), "--on", "2027-05-29",
        "--to", "2027-05-30")  # fmt: skip
    _ok(cli, "cancel", "-c", CIRCLE, str(ids["koken"]), "--on", "2027-07-06")
    return ids


def test_three_agree_on_a_realistic_circle(circle, cli):
    build_circle(cli)
    db = store.open_circle(circle / "data" / f"{CIRCLE}.db")
    feed = render(db, TODAY)
    first, last = feeds.window(TODAY)
    found = assert_three_agree(feed.body, db, first, last, cli=cli)
    # And on a few narrower windows, around each switch and at the window's edges.
    for a, b in [
        (date(2027, 3, 20), date(2027, 4, 4)),
        (date(2027, 10, 20), date(2027, 11, 3)),
        (first, first + timedelta(days=6)),
        (last - timedelta(days=40), last),
    ]:
        assert_three_agree(feed.body, db, a, b, cli=cli)

    hidden = render(db, TODAY, show_cancelled=False)
    assert_three_agree(hidden.body, db, first, last, show_cancelled=False)

    summaries = Counter(k[2] for k in found.elements())
    # The cancelled ones stay, marked, at their own time (a member may still walk there).
    assert summaries["Afgelast: Koffieochtend Zoë"] == summaries["Afgelast: Fietsclub"] == 1
    assert datetime(2027, 3, 25, 9, tzinfo=UTC) in starts(found, "Afgelast: Koffieochtend Zoë")
    assert summaries["Koffieochtend Zoë"] == 38 - 1  # 38 Thursdays, one cancelled
    assert summaries["Fietsclub"] == 37 - 1  # 37 Sundays, one cancelled
    assert summaries["Kookclub"] == 10 - 1
    assert summaries["Kerstmarkt €"] == summaries["Uitje Ĳsselmeer"] == 1
    assert summaries["Boekenmarkt"] == 6 - 1
    assert "Oud uitje" not in summaries and "Ver weg" not in summaries  # outside the window
    # The moves are at their new time, the cancellations no longer under their own title.
    koffie = starts(found, "Koffieochtend Zoë")
    assert datetime(2027, 4, 2, 12, tzinfo=UTC) in koffie  # 14:00 CEST
    assert datetime(2027, 4, 1, 8, tzinfo=UTC) not in koffie
    assert datetime(2027, 3, 25, 9, tzinfo=UTC) not in koffie
    assert datetime(2027, 10, 31, 10, tzinfo=UTC) in koffie  # 11:00 CET, after the switch
    fiets = starts(found, "Fietsclub")
    assert datetime(2027, 10, 31, 12, tzinfo=UTC) in fiets
    assert datetime(2027, 10, 31, 9, tzinfo=UTC) in fiets  # the regular one stays
    boeken = sorted(k[0] for k in found if k[2] == "Boekenmarkt")
    assert date(2027, 5, 30) in boeken and date(2027, 5, 1) not in boeken
    markt = next(k for k in found if k[2] == "Kerstmarkt €")
    assert markt[:2] == (date(2027, 12, 18), date(2027, 12, 20))  # exclusive end


def test_cancelled_occurrences_read_as_cancelled_in_every_parser(circle, cli):
    """STATUS:CANCELLED, "Afgelast: ..." and the volunteer's reason, as each parser reads them;
    a cancelled single event too. Hidden by the circle's switch: gone from every parser."""
    ids = build_circle(cli)
    _ok(cli, "cancel", "-c", CIRCLE, str(ids["uitje"]), "--on", "2027-06-12", "--note", "Bus kapot")
    db = store.open_circle(circle / "data" / f"{CIRCLE}.db")
    body = render(db, TODAY).body
    begin, end = _range(date(2027, 3, 20), date(2027, 6, 20))
    by_rie = {
        (str(e["SUMMARY"]), e["DTSTART"].dt): e
        for e in recurring_ical_events.of(icalendar.Calendar.from_ical(body)).between(begin, end)
    }
    easter = by_rie[("Afgelast: Koffieochtend Zoë", datetime(2027, 3, 25, 10, tzinfo=TZ))]
    assert str(easter["STATUS"]) == "CANCELLED" and "Pasen" in str(easter["DESCRIPTION"])
    outing = by_rie[("Afgelast: Uitje Ĳsselmeer", datetime(2027, 6, 12, 9, tzinfo=TZ))]
    assert str(outing["STATUS"]) == "CANCELLED" and "Bus kapot" in str(outing["DESCRIPTION"])
    timeline = IcsCalendarStream.calendar_from_ics(body.decode()).timeline_tz(TZ)
    by_ical = {(e.summary, e.start): e for e in timeline.overlapping(begin, end)}
    easter = by_ical[("Afgelast: Koffieochtend Zoë", datetime(2027, 3, 25, 10, tzinfo=TZ))]
    assert easter.status.value == "CANCELLED" and "Pasen" in easter.description
    hidden = render(db, TODAY, show_cancelled=False).body
    assert b"Afgelast" not in hidden and b"STATUS:CANCELLED" not in hidden
    assert b"EXDATE;TZID=Europe/Amsterdam:20270325T100000" in hidden


def test_weekly_ten_oclock_across_both_switches(tmp_path):
    """A weekly 10:00 is 09:00Z in winter and 08:00Z in summer, on both sides of each switch.

    2027: summer time starts Sunday 28 March, ends Sunday 31 October.
    """
    db = store.create_circle_db(tmp_path / "c.db", CIRCLE, TZ_NAME)
    rule = Rule(freq="weekly", until=date(2027, 11, 14))
    for title, start in (("Zondag", date(2027, 3, 7)), ("Donderdag", date(2027, 3, 4))):
        activities.add_activity(
            db, title=title, start=start, start_time="10:00", timezone=TZ_NAME, now=STAMP,
            duration_minutes=120, rule=rule,
        )  # fmt: skip
    feed = render(db, date(2027, 3, 1))
    found = assert_three_agree(feed.body, db, date(2027, 3, 1), date(2027, 11, 30))
    sundays = {s.date(): s for s in starts(found, "Zondag")}
    thursdays = {s.date(): s for s in starts(found, "Donderdag")}
    assert len(sundays) == 37 and len(thursdays) == 37
    march_before, march_switch = date(2027, 3, 21), date(2027, 3, 28)
    assert sundays[march_before].time().hour == 9  # CET: 10:00 = 09:00Z
    assert sundays[march_switch].time().hour == 8  # same day as the switch, already CEST
    assert thursdays[date(2027, 3, 25)].hour == 9 and thursdays[date(2027, 4, 1)].hour == 8
    october_before, october_switch = date(2027, 10, 24), date(2027, 10, 31)
    assert sundays[october_before].hour == 8  # CEST: 10:00 = 08:00Z
    assert sundays[october_switch].hour == 9  # back to CET
    assert thursdays[date(2027, 10, 28)].hour == 8 and thursdays[date(2027, 11, 4)].hour == 9
    # Every occurrence is 10:00 local, whatever the offset.
    assert all(s.astimezone(TZ).time().hour == 10 for s in (*sundays.values(), *thursdays.values()))
    # The end is two real hours later.
    assert all(k[1] - k[0] == timedelta(hours=2) for k in found)


def _db(directory: str):
    return store.create_circle_db(Path(directory) / "c.db", CIRCLE, TZ_NAME)


def test_series_history_before_the_window_keeps_its_exceptions(tmp_path):
    """A long-running series is in the feed with its RRULE from the first date on.

    Clients show its whole history, so a cancellation or move from before the
    window must still be in the feed: otherwise the cancelled Christmas coffee
    morning reappears as held once it is more than 30 days ago.
    """
    db = store.create_circle_db(tmp_path / "c.db", CIRCLE, TZ_NAME)
    item = activities.add_activity(
        db, title="Koffie", start=date(2026, 9, 3), start_time="10:00", timezone=TZ_NAME,
        now=STAMP, duration_minutes=120, rule=Rule(freq="weekly"),
    )  # fmt: skip
    activities.cancel_occurrence(db, item["id"], date(2026, 12, 24), now=STAMP)
    activities.move_occurrence(
        db, item["id"], date(2026, 10, 29), to_day=date(2026, 10, 30), to_time="15:00",
        timezone=TZ_NAME, now=STAMP,
    )  # fmt: skip
    today = date(2027, 3, 1)
    feed = render(db, today)
    assert_three_agree(feed.body, db, date(2026, 9, 1), feeds.window(today)[1])


def test_moved_into_the_window_from_outside(tmp_path):
    """A one-off or a finished series moved into the window is in the feed."""
    db = store.create_circle_db(tmp_path / "c.db", CIRCLE, TZ_NAME)
    once = activities.add_activity(
        db, title="Eenmalig", start=date(2026, 12, 10), start_time="10:00", timezone=TZ_NAME,
        now=STAMP, duration_minutes=60,
    )  # fmt: skip
    activities.move_occurrence(
        db, once["id"], date(2026, 12, 10), to_day=date(2027, 3, 10), to_time=None,
        timezone=TZ_NAME, now=STAMP,
    )  # fmt: skip
    later = activities.add_activity(
        db, title="Later", start=date(2028, 4, 10), start_time="10:00", timezone=TZ_NAME,
        now=STAMP, duration_minutes=60,
    )  # fmt: skip
    activities.move_occurrence(
        db, later["id"], date(2028, 4, 10), to_day=date(2028, 2, 1), to_time="11:00",
        timezone=TZ_NAME, now=STAMP,
    )  # fmt: skip
    series = activities.add_activity(
        db, title="Reeks", start=date(2026, 11, 5), start_time="10:00", timezone=TZ_NAME,
        now=STAMP, duration_minutes=60, rule=Rule(freq="weekly", count=4),
    )  # fmt: skip
    activities.move_occurrence(
        db, series["id"], date(2026, 11, 26), to_day=date(2027, 2, 15), to_time=None,
        timezone=TZ_NAME, now=STAMP,
    )  # fmt: skip
    today = date(2027, 3, 1)
    first, last = feeds.window(today)
    found = assert_three_agree(render(db, today).body, db, first, last)
    assert {k[2] for k in found} == {"Eenmalig", "Later", "Reeks"}


def test_until_on_a_day_whose_start_time_does_not_exist(tmp_path):
    """A Saturday 02:30 series until the spring-forward Sunday still renders.

    The occurrences (Saturdays) are fine; 02:30 on the UNTIL date itself does not
    exist, which must not break the whole feed.
    """
    db = store.create_circle_db(tmp_path / "c.db", CIRCLE, TZ_NAME)
    activities.add_activity(
        db, title="Nachtwandeling", start=date(2027, 3, 6), start_time="02:30",
        timezone=TZ_NAME, now=STAMP, duration_minutes=30,
        rule=Rule(freq="weekly", until=date(2027, 3, 28)),
    )  # fmt: skip
    feed = render(db, date(2027, 3, 1))
    found = assert_three_agree(feed.body, db, date(2027, 3, 1), date(2027, 4, 30))
    assert len(found) == 4
    # UNTIL is the last occurrence, Saturday 27 March 02:30 CET.
    assert b"RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20270327T013000Z\r\n" in feed.body
    # end_activity --after a spring-forward Sunday, the same.
    weekly = activities.add_activity(
        db, title="Ochtend", start=date(2027, 3, 3), start_time="02:15", timezone=TZ_NAME,
        now=STAMP, duration_minutes=30, rule=Rule(freq="weekly"),
    )  # fmt: skip
    activities.end_activity(db, weekly["id"], after=date(2027, 3, 28), now=STAMP)
    found = assert_three_agree(render(db, date(2027, 3, 1)).body, db, date(2027, 3, 1),
                               date(2027, 4, 30))  # fmt: skip
    assert sum(1 for k in found if k[2] == "Ochtend") == 4


# --- random circles --------------------------------------------------------------------

H_TODAY = date(2027, 3, 15)
H_FIRST, H_LAST = feeds.window(H_TODAY)
H_HISTORY = H_FIRST - timedelta(days=150)  # exceptions are made from here on


@st.composite
def activity_specs(draw):
    shape = draw(st.sampled_from(["weekly", "every", "monthly", "once"]))
    start = H_FIRST + timedelta(days=draw(st.integers(-90, 400)))
    week = None
    interval = 1
    if shape == "every":
        interval = draw(st.integers(2, 5))
    if shape == "monthly":
        week = draw(st.sampled_from([1, 2, 3, 4, -1]))
        start = nth_weekday(start.year, start.month, week, start.weekday())
    all_day = draw(st.integers(0, 4)) == 0
    if all_day:
        start_time, minutes, days = None, None, draw(st.integers(1, 3))
    else:
        hour = draw(st.integers(7, 20))
        minute = draw(st.sampled_from([0, 15, 30, 45]))
        start_time, minutes, days = f"{hour:02d}:{minute:02d}", draw(st.integers(30, 240)), None
    until = count = None
    if shape != "once":
        bound = draw(st.sampled_from(["open", "until", "count"]))
        if bound == "until":
            until = start + timedelta(days=draw(st.integers(0, 500)))
        elif bound == "count":
            count = draw(st.integers(1, 40))
    freq = {"weekly": "weekly", "every": "weekly", "monthly": "monthly"}.get(shape)
    rule = Rule(freq=freq, interval=interval, week=week, until=until, count=count)
    changes = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["cancel", "move"]),
                st.integers(0, 10_000),  # which occurrence in the window
                st.integers(-10, 10),  # days to move
                st.none() | st.integers(7, 20),  # new hour (timed only)
            ),
            max_size=4,
        )
    )
    return {
        "start": start, "start_time": start_time, "minutes": minutes, "days": days,
        "rule": rule, "changes": changes,
    }  # fmt: skip


def _apply_changes(db, activity_id: int, changes) -> None:
    for action, index, shift, hour in changes:
        rows = activities.occurrences(
            db, start=H_HISTORY, end=H_LAST, timezone=TZ_NAME, activity_id=activity_id
        )
        if not rows:
            return
        day = date.fromisoformat(rows[index % len(rows)]["original_date"])
        if action == "cancel":
            if rows[index % len(rows)]["status"] != "cancelled":
                activities.cancel_occurrence(db, activity_id, day, now=STAMP)
            continue
        to_day = min(max(day + timedelta(days=shift), H_HISTORY), H_LAST)
        to_time = None if hour is None else f"{hour:02d}:00"
        activities.move_occurrence(
            db, activity_id, day, to_day=to_day, to_time=to_time, timezone=TZ_NAME, now=STAMP
        )


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(activity_specs(), min_size=1, max_size=5))
def test_three_agree_on_random_circles(specs):
    with tempfile.TemporaryDirectory() as directory:
        db = _db(directory)
        try:
            for number, spec in enumerate(specs, start=1):
                item = activities.add_activity(
                    db, title=f"Activiteit {number} Zoë", start=spec["start"],
                    start_time=spec["start_time"], timezone=TZ_NAME, now=STAMP,
                    duration_minutes=spec["minutes"], duration_days=spec["days"],
                    rule=spec["rule"],
                )  # fmt: skip
                _apply_changes(db, item["id"], spec["changes"])
            for shown in (True, False):  # cancellations marked, or (config) left out
                feed = render(db, H_TODAY, show_cancelled=shown)
                assert_three_agree(feed.body, db, H_FIRST, H_LAST, show_cancelled=shown)
                # The series in the feed agree over their history too (clients show it).
                in_feed = {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(
                    feed.body).walk("VEVENT")}  # fmt: skip
                assert_three_agree(feed.body, db, H_HISTORY, H_LAST, titles=in_feed,
                                   show_cancelled=shown)  # fmt: skip
        finally:
            db.close()
