"""Activities through the CLI: bad input is refused clearly, head counts, events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from voorzorg import events
from voorzorg.clock import today as local_today
from voorzorg.domain import activities
from voorzorg.domain.recurrence import Rule
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store

CIRCLE = "zorgsaam"
TZ_NAME = "Europe/Amsterdam"
STAMP = datetime(2026, 6, 1, 12, tzinfo=UTC)


def snapshot(deployment) -> tuple:
    """Everything an activity command could write."""
    db = store.open_circle(deployment / "data" / f"{CIRCLE}.db")
    try:
        return tuple(
            tuple(tuple(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY 1, 2"))
            for table in ("activities", "activity_exceptions", "activity_counts", "circle_meta")
        )
    finally:
        db.close()


def en(cli, *args):
    return cli("--lang", "en", "activity", *args)


def refused(cli, deployment, *args, code=1, says=()):
    """The command fails with a clear message, no traceback, and writes nothing."""
    before = snapshot(deployment)
    result = en(cli, *args)
    assert result.code == code, (args, result.code, result.out, result.err)
    assert "Traceback" not in result.err and "Traceback" not in result.out
    assert result.err.strip(), "a message says what is wrong"
    for text in says:
        assert text in result.err, (text, result.err)
    assert snapshot(deployment) == before, "nothing written"
    return result.err


def add(cli, *args):
    result = en(cli, "add", "-c", CIRCLE, *args, "--json")
    assert result.code == 0, result.err
    return result.json


@pytest.fixture
def koffie(circle, cli):
    """A weekly Thursday 10:00 coffee morning from 4 March 2027, open-ended."""
    return add(cli, "Koffieochtend", "--start", "2027-03-04 10:00", "--duration", "2h",
               "--weekly", "--location", "De BinnenHaven")  # fmt: skip


BASE = ("add", "-c", CIRCLE, "Koffie", "--start")


def test_bad_recurrence_and_times_are_refused(circle, cli, koffie):
    r = refused
    d = circle
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--weekly", "--until", "2027-03-01",
      says=("--until Mon 1 March 2027 is before the start (Thu 4 March 2027)",))  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--weekly", "--count", "0",
      says=("--count 0",))  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--weekly", "--count", "1001")
    r(cli, d, *BASE, "2027-02-31 10:00", "--duration", "2h",
      says=("'2027-02-31' does not exist in the calendar",))  # fmt: skip
    r(cli, d, *BASE, "31-2-2027 10:00", "--duration", "2h", says=("does not exist",))
    r(cli, d, *BASE, "2027-03-28 02:30", "--duration", "1h",
      says=("2027-03-28 02:30 does not exist in Europe/Amsterdam",))  # fmt: skip
    # A weekly Sunday 02:30 series that reaches the spring-forward night.
    r(cli, d, *BASE, "2027-03-14 02:30", "--duration", "1h", "--weekly",
      says=("2027-03-28 02:30",))  # fmt: skip
    # Spanning the switch: Saturday 23:00 for four hours.
    r(cli, d, *BASE, "2027-03-27 23:00", "--duration", "4h", says=("Sat 27 March 2027",))
    r(cli, d, *BASE, "2027-03-11 10:00", "--duration", "2h", "--monthly", "first thursday",
      says=("Thu 11 March 2027 does not fit", "Thu 4 March 2027"))  # fmt: skip
    r(cli, d, *BASE, "2027-03-05 10:00", "--duration", "2h", "--monthly", "first thursday",
      says=("Fri 5 March 2027 does not fit", "Thu 4 March 2027"))  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--monthly", "fifth thursday")
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--every", "0 weeks")
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--weekly", "--monthly",
      "first thursday")  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--weekly", "--until",
      "2027-06-01", "--count", "3")  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--until", "2027-06-01",
      says=("belong to a repetition",))  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--weekly", "--until",
      "2040-01-01")  # fmt: skip
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--end", "12:00")
    r(cli, d, *BASE, "2027-03-04 10:00")
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "lang")
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "25h")
    r(cli, d, *BASE, "2027-03-04 10:00", "--end", "09:00")
    r(cli, d, *BASE, "2027-03-04", "--duration", "2h")
    r(cli, d, *BASE, "2027-03-04 10:00", "--all-day")
    r(cli, d, *BASE, "2027-03-04 25:00", "--duration", "2h")
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--kind", "feest")
    r(cli, d, *BASE, "2027-03-04 10:00", "--duration", "2h", "--count", "x", code=2)
    assert len(cli("activity", "list", "-c", CIRCLE, "--from", "2027-03-01", "--to",
                   "2027-03-31", "--json").json) == 4  # only the fixture's # fmt: skip


def test_bad_changes_are_refused(circle, cli, koffie):
    r = refused
    d = circle
    ident = str(koffie["id"])
    r(cli, d, "cancel", "-c", CIRCLE, "99", "--on", "2027-03-04", says=("number 99",))
    r(cli, d, "cancel", "-c", CIRCLE, "Onbekend", "--on", "2027-03-04", says=("Onbekend",))
    r(cli, d, "cancel", "-c", CIRCLE, ident, "--on", "2027-03-05",
      says=("does not take place on Fri 5 March 2027",))  # fmt: skip
    r(cli, d, "cancel", "-c", CIRCLE, ident, "--on", "2027-02-25")  # before the start
    r(cli, d, "cancel", "-c", CIRCLE, ident, "--on", "2027-02-30", says=("does not exist",))
    r(cli, d, "move", "-c", CIRCLE, ident, "--on", "2027-03-05", "--to", "2027-03-06 10:00")
    r(cli, d, "move", "-c", CIRCLE, ident, "--on", "2027-03-25", "--to", "2027-03-28 02:30",
      says=("does not exist in Europe/Amsterdam",))  # fmt: skip
    r(cli, d, "move", "-c", CIRCLE, ident, "--on", "2027-03-25", "--to", "2028-06-01 10:00")
    r(cli, d, "show", "-c", CIRCLE, "42")
    r(cli, d, "end", "-c", CIRCLE, ident, "--after", "2027-02-01")
    r(cli, d, "edit", "-c", CIRCLE, ident, "--duration", "0m")
    r(cli, d, "remove", "-c", CIRCLE, "77", "--yes")
    r(cli, d, "list", "-c", CIRCLE, "--from", "2027-03-10", "--to", "2027-03-01")
    r(cli, d, "list", "-c", CIRCLE, "--from", "2027-01-01", "--to", "2031-01-01")
    assert cli("activity", "cancel", "-c", CIRCLE, ident, "--on", "2027-03-11").code == 0
    r(cli, d, "cancel", "-c", CIRCLE, ident, "--on", "2027-03-11", says=("already cancelled",))


def test_edit_to_a_time_that_reaches_a_gap_is_refused(circle, cli):
    sunday = add(cli, "Zondagswandeling", "--start", "2027-03-07 09:00", "--duration", "1h",
                 "--weekly")  # fmt: skip
    refused(cli, circle, "edit", "-c", CIRCLE, str(sunday["id"]), "--time", "02:30",
            says=("2027-03-28 02:30",))  # fmt: skip


def test_head_count_for_a_past_occurrence(circle, cli):
    today = local_today(TZ_NAME)
    start = today - timedelta(weeks=4)
    item = add(cli, "Koffie", "--start", f"{start.isoformat()} 10:00", "--duration", "2h",
               "--weekly")  # fmt: skip
    ident = str(item["id"])
    two_weeks_ago = today - timedelta(weeks=2)
    counted = en(cli, "count", "-c", CIRCLE, ident, "--on", two_weeks_ago.isoformat(), "14",
                 "--json")  # fmt: skip
    assert counted.code == 0, counted.err
    assert counted.json == {"activity_id": item["id"], "date": two_weeks_ago.isoformat(),
                            "head_count": 14}  # fmt: skip
    # Corrected later: the last count stands.
    corrected = en(cli, "count", "-c", CIRCLE, "Koffie", "--on", two_weeks_ago.isoformat(), "15")
    assert corrected.code == 0, corrected.err
    assert en(cli, "count", "-c", CIRCLE, ident, "--on", today.isoformat(), "9").code == 0
    listed = cli("activity", "list", "-c", CIRCLE, "--from", start.isoformat(), "--to",
                 today.isoformat(), "--json")  # fmt: skip
    counts = {row["original_date"]: row["head_count"] for row in listed.json}
    assert counts == {
        start.isoformat(): None,
        (start + timedelta(weeks=1)).isoformat(): None,
        two_weeks_ago.isoformat(): 15,
        (today - timedelta(weeks=1)).isoformat(): None,
        today.isoformat(): 9,
    }
    table = cli("--lang", "en", "activity", "list", "-c", CIRCLE, "--from", start.isoformat(),
                "--to", today.isoformat()).out  # fmt: skip
    assert "15" in table
    r = refused
    r(cli, circle, "count", "-c", CIRCLE, ident, "--on",
      (today + timedelta(weeks=1)).isoformat(), "12", says=("has not happened yet",))  # fmt: skip
    r(cli, circle, "count", "-c", CIRCLE, ident, "--on",
      (today - timedelta(days=1)).isoformat(), "12", says=("does not take place",))  # fmt: skip
    r(cli, circle, "count", "-c", CIRCLE, ident, "--on", two_weeks_ago.isoformat(), "-3",
      code=2)  # fmt: skip
    r(cli, circle, "count", "-c", CIRCLE, ident, "--on", two_weeks_ago.isoformat(), "10001",
      code=2)  # fmt: skip
    last_week = (today - timedelta(weeks=1)).isoformat()
    assert cli("activity", "cancel", "-c", CIRCLE, ident, "--on", last_week).code == 0
    r(cli, circle, "count", "-c", CIRCLE, ident, "--on", last_week, "3",
      says=("was cancelled",))  # fmt: skip


def test_list_marks_cancelled_and_moved_occurrences(circle, cli, koffie):
    ident = str(koffie["id"])
    assert cli("activity", "cancel", "-c", CIRCLE, ident, "--on", "2027-03-11",
               "--note", "Zaal bezet").code == 0  # fmt: skip
    assert cli("activity", "move", "-c", CIRCLE, ident, "--on", "2027-03-18",
               "--to", "2027-03-19 14:30", "--location", "Buurthuis").code == 0  # fmt: skip
    rows = cli("activity", "list", "-c", CIRCLE, "--from", "2027-03-01", "--to", "2027-03-31",
               "--json").json  # fmt: skip
    by_date = {row["original_date"]: row for row in rows}
    assert by_date["2027-03-11"]["status"] == "cancelled"
    assert by_date["2027-03-11"]["note"] == "Zaal bezet"
    moved = by_date["2027-03-18"]
    assert moved["status"] == "moved" and moved["location"] == "Buurthuis"
    assert moved["start"] == "2027-03-19T14:30:00+01:00"
    assert moved["end"] == "2027-03-19T16:30:00+01:00"
    assert moved["original_start"] == "2027-03-18T10:00:00+01:00"
    assert by_date["2027-03-25"]["start"] == "2027-03-25T10:00:00+01:00"
    assert rows[0]["activity_id"] == koffie["id"] and rows[0]["title"] == "Koffieochtend"
    table = en(cli, "list", "-c", CIRCLE, "--from", "2027-03-01", "--to", "2027-03-31").out
    assert "cancelled" in table and "moved" in table
    shown = en(cli, "show", "-c", CIRCLE, "koffie").out
    # Dates as people read them (English with --lang en), the cancellation's reason too.
    assert "Thu 11 March 2027" in shown and "Fri 19 March 2027, 14:30" in shown
    assert "Zaal bezet" in shown


def test_every_change_fires_an_event(tmp_path):
    db = store.create_circle_db(tmp_path / "c.db", CIRCLE, TZ_NAME)
    seen: list[events.Event] = []
    unsubscribe = events.subscribe("activity.*", seen.append)
    try:
        item = activities.add_activity(
            db, title="Koffie", start=date(2027, 3, 4), start_time="10:00", timezone=TZ_NAME,
            now=STAMP, duration_minutes=120, rule=Rule(freq="weekly"),
        )  # fmt: skip
        ident = item["id"]
        activities.cancel_occurrence(db, ident, date(2027, 3, 11), now=STAMP)
        activities.move_occurrence(
            db, ident, date(2027, 3, 18), to_day=date(2027, 3, 19), to_time=None,
            timezone=TZ_NAME, now=STAMP,
        )  # fmt: skip
        activities.edit_activity(db, ident, timezone=TZ_NAME, now=STAMP, title="Koffie!")
        activities.edit_activity(db, ident, timezone=TZ_NAME, now=STAMP, title="Koffie!")
        activities.end_activity(db, ident, after=date(2027, 6, 30), now=STAMP)
        with pytest.raises(VoorzorgError):  # refused changes fire nothing
            activities.cancel_occurrence(db, ident, date(2027, 3, 12), now=STAMP)
        with pytest.raises(VoorzorgError):
            activities.add_activity(
                db, title="Fout", start=date(2027, 3, 4), start_time="10:00", timezone=TZ_NAME,
                now=STAMP, duration_minutes=120, rule=Rule(freq="weekly", count=0),
            )  # fmt: skip
        activities.record_count(db, ident, date(2027, 3, 4), 12, today=date(2027, 3, 5),
                                now=STAMP)  # fmt: skip
        activities.remove_activity(db, ident, now=STAMP)
    finally:
        unsubscribe()
        db.close()
    assert [(e.name, e.data) for e in seen] == [
        ("activity.created", {"activity_id": ident}),
        ("activity.cancelled", {"activity_id": ident, "date": "2027-03-11"}),
        ("activity.moved", {"activity_id": ident, "date": "2027-03-18"}),
        ("activity.changed", {"activity_id": ident}),  # once: the second edit changed nothing
        ("activity.ended", {"activity_id": ident, "date": "2027-06-30"}),
        ("activity.removed", {"activity_id": ident}),
    ]
    assert {e.circle for e in seen} == {CIRCLE}


def test_cli_changes_fire_events_too(circle, cli, koffie):
    seen: list[str] = []
    unsubscribe = events.subscribe("activity.*", lambda e: seen.append(e.name))
    try:
        ident = str(koffie["id"])
        assert cli("activity", "cancel", "-c", CIRCLE, ident, "--on", "2027-03-11").code == 0
        assert cli("activity", "move", "-c", CIRCLE, ident, "--on", "2027-03-18", "--to",
                   "2027-03-19 10:00").code == 0  # fmt: skip
        assert cli("activity", "edit", "-c", CIRCLE, ident, "--location", "Elders").code == 0
        assert cli("activity", "end", "-c", CIRCLE, ident, "--after", "2027-05-01").code == 0
        assert cli("activity", "cancel", "-c", CIRCLE, ident, "--on", "2027-03-12").code == 1
    finally:
        unsubscribe()
    assert seen == ["activity.cancelled", "activity.moved", "activity.changed", "activity.ended"]


def test_sequence_counts_every_change(tmp_path):
    db = store.create_circle_db(tmp_path / "c.db", CIRCLE, TZ_NAME)
    item = activities.add_activity(
        db, title="Koffie", start=date(2027, 3, 4), start_time="10:00", timezone=TZ_NAME,
        now=STAMP, duration_minutes=120, rule=Rule(freq="weekly"),
    )  # fmt: skip
    assert item["sequence"] == 0
    later = STAMP + timedelta(days=1)
    ident = item["id"]
    assert activities.cancel_occurrence(db, ident, date(2027, 3, 11), now=later)["sequence"] == 1
    moved = activities.move_occurrence(
        db, ident, date(2027, 3, 11), to_day=date(2027, 3, 12), to_time="11:00",
        timezone=TZ_NAME, now=later,
    )  # fmt: skip
    assert moved["sequence"] == 2  # a cancelled occurrence can be moved back in
    assert moved["exceptions"][0]["kind"] == "moved"
    again = activities.cancel_occurrence(db, ident, date(2027, 3, 11), now=later)
    assert again["sequence"] == 3 and again["exceptions"][0]["new_start"] is None
    assert again["updated_at"] == later.isoformat(timespec="seconds")
    db.close()
