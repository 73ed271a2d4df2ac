"""Feed bytes as calendar clients need them: lint, golden output, identity, window, size.

What no parser flags is checked here on the raw bytes (feeds.md "your own lint"):
line ends, folding, BOM, UNTIL and RECURRENCE-ID forms, refresh properties, size.
The personal feed and ``feed build`` are here too.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from tests.conftest import local_today
from voorzorg.calendar import feeds
from voorzorg.domain import activities
from voorzorg.domain.members import add_member
from voorzorg.domain.recurrence import Rule
from voorzorg.domain.requests import add_request, answer, ask
from voorzorg.domain.requests import cancel as cancel_request
from voorzorg.storage import store

TZ_NAME = "Europe/Amsterdam"
TZ = ZoneInfo(TZ_NAME)
CIRCLE = "zorgsaam"
STAMP = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 6, 2, 8, 30, tzinfo=UTC)
TODAY = date(2027, 3, 1)
TIMED = ("DTSTART", "DTEND", "EXDATE", "RECURRENCE-ID")


# --- lint ------------------------------------------------------------------------------


def unfold(body: bytes) -> list[str]:
    """Content lines, unfolded (RFC 5545 3.1)."""
    return body.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def split_line(line: str) -> tuple[str, dict[str, str], str]:
    """ "DTSTART;TZID=Europe/Amsterdam:2027..." -> ("DTSTART", {"TZID": ...}, "2027...")."""
    head, value = line.split(":", 1)
    name, *params = head.split(";")
    return name, dict(p.split("=", 1) for p in params), value


def components(lines: list[str], kind: str) -> list[list[str]]:
    found, current = [], None
    for line in lines:
        if line == f"BEGIN:{kind}":
            current = []
        elif line == f"END:{kind}":
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def props(event: list[str], name: str) -> list[tuple[dict[str, str], str]]:
    return [(p, v) for n, p, v in map(split_line, event) if n == name]


def one(event: list[str], name: str) -> tuple[dict[str, str], str]:
    found = props(event, name)
    assert len(found) == 1, f"{name} {len(found)} times in {event}"
    return found[0]


def lint(body: bytes, timezone: str = TZ_NAME) -> list[str]:
    """Check everything feeds.md asks of the bytes; return the unfolded lines."""
    assert not body.startswith(b"\xef\xbb\xbf"), "byte-order mark"
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b""), "bare LF"
    assert b"\r" not in body.replace(b"\r\n", b""), "bare CR"
    physical = body.split(b"\r\n")[:-1]
    for raw in physical:
        assert len(raw) <= 75, f"{len(raw)} octets: {raw!r}"
        raw.decode("utf-8")  # a fold inside a character would not decode on its own
    assert physical[0] == b"BEGIN:VCALENDAR" and physical[-1] == b"END:VCALENDAR"
    lines = unfold(body)
    assert lines.count("BEGIN:VCALENDAR") == lines.count("END:VCALENDAR") == 1
    assert lines.count("BEGIN:VTIMEZONE") == 1
    assert lines.count(f"TZID:{timezone}") == 1
    calendar_props = [split_line(x)[0] for x in lines[: lines.index("BEGIN:VTIMEZONE")]]
    for name in ("VERSION", "PRODID", "NAME", "X-WR-CALNAME"):
        assert calendar_props.count(name) == 1, name
    assert sum(1 for x in lines if x.startswith(("NAME", "X-WR-CALNAME"))) == 2
    assert lines.count("REFRESH-INTERVAL;VALUE=DURATION:PT6H") == 1
    assert lines.count("X-PUBLISHED-TTL:PT6H") == 1
    assert "VERSION:2.0" in lines
    assert not any(x.startswith("X-WR-TIMEZONE") for x in lines), "no UTC-plus-X-WR-TIMEZONE"
    for event in components(lines, "VEVENT"):
        lint_event(event, timezone)
    return lines


def lint_event(event: list[str], timezone: str) -> None:
    uid = one(event, "UID")[1]
    assert re.fullmatch(r"(activity-\d+|request-\d+-(helper|for))@[a-z0-9-]+\.voorzorg", uid)
    for name in ("DTSTAMP", "LAST-MODIFIED", "CREATED"):
        for params, value in props(event, name):
            assert not params and re.fullmatch(r"\d{8}T\d{6}Z", value), (name, value)
    assert re.fullmatch(r"\d+", one(event, "SEQUENCE")[1])
    start_params, start = one(event, "DTSTART")
    assert not props(event, "DURATION"), "never DTEND and DURATION; we always use DTEND"
    end_params, end = one(event, "DTEND")
    if start_params.get("VALUE") == "DATE":  # all-day
        assert start_params == end_params == {"VALUE": "DATE"}
        assert re.fullmatch(r"\d{8}", start) and re.fullmatch(r"\d{8}", end)
        first, after = (datetime.strptime(v, "%Y%m%d").date() for v in (start, end))
        assert after > first, "DTEND of an all-day event is exclusive: at least the next day"
        for name in ("EXDATE", "RECURRENCE-ID"):
            for params, value in props(event, name):
                assert params == {"VALUE": "DATE"} and re.fullmatch(r"\d{8}", value)
        for _params, value in props(event, "RRULE"):
            until = re.search(r"UNTIL=([^;]+)", value)
            assert until is None or re.fullmatch(r"\d{8}", until[1])  # DATE with a DATE start
        return
    for name in TIMED:
        for params, value in props(event, name):
            assert params == {"TZID": timezone}, (name, params)
            # Local time in the series' zone: never UTC (HA ignores a UTC RECURRENCE-ID),
            # never floating, never a list.
            assert re.fullmatch(r"\d{8}T\d{6}", value), (name, value)
    for _params, value in props(event, "RRULE"):
        until = re.search(r"UNTIL=([^;]+)", value)
        assert until is None or re.fullmatch(r"\d{8}T\d{6}Z", until[1]), value
        assert not ("COUNT=" in value and "UNTIL=" in value)


# --- building circles ------------------------------------------------------------------


def new_db(tmp_path, name="c.db"):
    return store.create_circle_db(tmp_path / name, CIRCLE, TZ_NAME)


def add(db, title, start, start_time="10:00", *, now=STAMP, minutes=120, days=None, **rule):
    return activities.add_activity(
        db, title=title, start=start, start_time=start_time, timezone=TZ_NAME, now=now,
        duration_minutes=minutes if start_time else None, duration_days=days,
        rule=Rule(**rule) if rule else None,
    )  # fmt: skip


def add_full(db, title, start, start_time="10:00", **kwargs):
    return activities.add_activity(
        db, title=title, start=start, start_time=start_time, timezone=TZ_NAME, **kwargs
    )


def render(db, today: date = TODAY) -> feeds.Feed:
    return feeds.render_circle_feed(
        db, circle_id=CIRCLE, name="ZorgSaam Zoë", timezone=TZ_NAME, today=today
    )


def rich_circle(db) -> dict[str, int]:
    ids = {}
    ids["koffie"] = add_full(
        db, "Koffieochtend bij Zoë", date(2027, 3, 4), now=STAMP, duration_minutes=120,
        rule=Rule(freq="weekly", until=date(2027, 11, 18)), location="De BinnenHaven",
        description="Koffie, thee; koek € 0,50",
    )["id"]  # fmt: skip
    ids["muziek"] = add_full(
        db, "Muziekclub", date(2027, 1, 6), "19:30", now=STAMP, duration_minutes=90,
        rule=Rule(freq="weekly", interval=2), location="Ĳsselmeerzaal",
    )["id"]  # fmt: skip
    ids["koken"] = add_full(
        db, "Kookclub", date(2027, 3, 2), "18:00", now=STAMP, duration_minutes=120,
        rule=Rule(freq="monthly", week=1, count=10),
    )["id"]  # fmt: skip
    ids["boeken"] = add_full(
        db, "Boekenmarkt", date(2027, 4, 3), None, now=STAMP, duration_days=1,
        rule=Rule(freq="weekly", interval=4, until=date(2027, 9, 30)),
    )["id"]  # fmt: skip
    ids["uitje"] = add_full(
        db, "Uitje Ĳsselmeer", date(2027, 5, 14), None, now=STAMP, duration_days=2,
        location="Café Zoë, Enkhuizen; € 12,50",
    )["id"]  # fmt: skip
    ids["lang"] = add_full(
        db, "🚲 Fietsclub Zoë 🚲 " + "🌷" * 40 + " Ĳsselmeer €€€", date(2027, 4, 4), "14:00",
        now=STAMP, duration_minutes=180, rule=Rule(freq="monthly", week=1),
        location="Verzamelen bij de ĳzerwinkel, " + "é" * 100,
        description=("Zoë's fietstocht langs het Ĳsselmeer 🚲🌷 € 5; " * 9).strip(),
    )["id"]  # fmt: skip
    ids["bijeenkomst"] = add_full(
        db, "Bijeenkomst", date(2027, 3, 11), "20:00", now=STAMP, duration_minutes=60,
    )["id"]  # fmt: skip
    activities.cancel_occurrence(db, ids["koffie"], date(2027, 3, 25), now=LATER)
    activities.move_occurrence(
        db, ids["koffie"], date(2027, 4, 1), to_day=date(2027, 4, 2), to_time="14:00",
        timezone=TZ_NAME, now=LATER, location="Buurthuis",
    )  # fmt: skip
    activities.cancel_occurrence(db, ids["boeken"], date(2027, 5, 1), now=LATER)
    activities.move_occurrence(
        db, ids["boeken"], date(2027, 5, 29), to_day=date(2027, 5, 30), to_time=None,
        timezone=TZ_NAME, now=LATER,
    )  # fmt: skip
    activities.cancel_occurrence(db, ids["muziek"], date(2027, 12, 22), now=LATER)
    return ids


@pytest.fixture
def rich(tmp_path):
    db = new_db(tmp_path)
    ids = rich_circle(db)
    yield db, ids
    db.close()


# --- the lint on real feeds ------------------------------------------------------------


def test_rich_feed_passes_the_lint_and_strict_parsing(rich):
    db, ids = rich
    feed = render(db)
    lines = lint(feed.body)
    assert feed.content_type == "text/calendar; charset=utf-8"
    IcsCalendarStream.calendar_from_ics(feed.body.decode("utf-8"))  # HA: strict
    parsed = icalendar.Calendar.from_ical(feed.body)
    assert len(parsed.walk("VTIMEZONE")) == 1
    events = components(lines, "VEVENT")
    uids = {one(e, "UID")[1] for e in events}
    assert uids == {f"activity-{i}@{CIRCLE}.voorzorg" for i in ids.values()}
    # Overrides share the series' UID and carry a local RECURRENCE-ID with its TZID;
    # three of them are the cancellations, kept in the calendar and marked.
    overrides = [e for e in events if props(e, "RECURRENCE-ID")]
    cancelled = [e for e in overrides if "STATUS:CANCELLED" in e]
    assert len(overrides) == 5 and len(cancelled) == 3
    assert all(one(e, "SUMMARY")[1].startswith("Afgelast: ") for e in cancelled)
    overrides = [e for e in overrides if e not in cancelled]
    koffie = [e for e in overrides if one(e, "UID")[1].startswith(f"activity-{ids['koffie']}@")]
    assert one(koffie[0], "RECURRENCE-ID") == ({"TZID": TZ_NAME}, "20270401T100000")
    assert one(koffie[0], "DTSTART") == ({"TZID": TZ_NAME}, "20270402T140000")
    boeken = [e for e in overrides if one(e, "UID")[1].startswith(f"activity-{ids['boeken']}@")]
    assert one(boeken[0], "RECURRENCE-ID") == ({"VALUE": "DATE"}, "20270529")
    # Cancellations are overrides at their own time (no EXDATE) unless the circle hides
    # them (feed_show_cancelled = false): then EXDATEs.
    assert sorted(one(e, "RECURRENCE-ID")[1] for e in cancelled) == [
        "20270325T100000",
        "20270501",
        "20271222T193000",
    ]
    assert not [v for e in events for p, v in props(e, "EXDATE")]
    hidden = feeds.render_circle_feed(
        db, circle_id=CIRCLE, name="ZorgSaam Zoë", timezone=TZ_NAME, today=TODAY,
        options=feeds.Options(show_cancelled=False),
    )  # fmt: skip
    hidden_events = components(lint(hidden.body), "VEVENT")
    assert "STATUS:CANCELLED" not in lint(hidden.body)
    exdates = [v for e in hidden_events for p, v in props(e, "EXDATE")]
    assert sorted(exdates) == ["20270325T100000", "20270501", "20271222T193000"]
    # UNTIL of a timed series is UTC: the last Thursday 10:00 CET = 09:00Z.
    rrules = {one(e, "UID")[1]: one(e, "RRULE")[1] for e in events if props(e, "RRULE")}
    assert rrules[f"activity-{ids['koffie']}@{CIRCLE}.voorzorg"] == (
        "FREQ=WEEKLY;BYDAY=TH;UNTIL=20271118T090000Z"
    )
    assert rrules[f"activity-{ids['boeken']}@{CIRCLE}.voorzorg"].endswith("UNTIL=20270918")
    koken, muziek = (f"activity-{ids[k]}@{CIRCLE}.voorzorg" for k in ("koken", "muziek"))
    assert rrules[koken] == "FREQ=MONTHLY;BYDAY=1TU;COUNT=10"
    assert rrules[muziek] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"


def test_text_survives_folding_and_escaping(rich):
    db, ids = rich
    body = render(db).body
    lint(body)
    assert body.count(b"\r\n ") >= 6  # long title, location and description are folded
    parsed = icalendar.Calendar.from_ical(body)
    by_uid = {}
    for event in parsed.walk("VEVENT"):
        if "RECURRENCE-ID" not in event:
            by_uid[str(event["UID"])] = event
    for activity_id in ids.values():
        activity = activities.get_activity(db, activity_id)
        event = by_uid[f"activity-{activity_id}@{CIRCLE}.voorzorg"]
        assert str(event["SUMMARY"]) == activity["title"]
        assert str(event.get("LOCATION", "")) == (activity["location"] or "")
        assert str(event.get("DESCRIPTION", "")) == (activity["description"] or "")
    ha = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
    titles = {e.summary for e in ha.events}
    assert "Uitje Ĳsselmeer" in titles and "Koffieochtend bij Zoë" in titles
    long_title = activities.get_activity(db, ids["lang"])["title"]
    assert long_title in titles and len(long_title.encode()) > 75
    locations = {e.location for e in ha.events}
    assert "Café Zoë, Enkhuizen; € 12,50" in locations
    # Escaped on the wire: comma and semicolon in TEXT values.
    assert "LOCATION:Café Zoë\\, Enkhuizen\\; € 12\\,50" in unfold(body)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(min_size=0, max_size=400), st.sampled_from(["SUMMARY", "X-A", "DESCRIPTION"]))
def test_fold_never_splits_a_character(text, name):
    text = text.replace("\r", "").replace("\n", "")
    line = f"{name}:{text}"
    folded = feeds.fold(line)
    raw = folded.encode("utf-8")
    for part in raw.split(b"\r\n"):
        assert len(part) <= 75
        part.decode("utf-8")
    assert folded.replace("\r\n ", "") == line


def test_fold_edge_cases():
    assert feeds.fold("A" * 75) == "A" * 75
    assert feeds.fold("A" * 76) == "A" * 75 + "\r\n A"
    # A two-byte character that would straddle octet 75 moves whole to the next line.
    folded = feeds.fold("A" * 74 + "ë" + "B")
    assert folded == "A" * 74 + "\r\n ëB"
    # Four-byte characters: 75 = 18 * 4 + 3, so the 19th goes to the next line.
    folded = feeds.fold("🌷" * 40)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert [len(p) for p in parts] == [72, 73, 17]
    assert feeds.fold("é" * 38).encode().split(b"\r\n")[0] == "é".encode() * 37


# --- golden output ---------------------------------------------------------------------

GOLDEN_DST_WEEK = (
    "BEGIN:VEVENT\r\n"
    "UID:activity-1@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260602T083000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260602T083000Z\r\n"
    "SEQUENCE:2\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270325T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270325T120000\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270415T080000Z\r\n"
    "SUMMARY:Koffieochtend\r\n"
    "LOCATION:De BinnenHaven\r\n"
    "STATUS:CONFIRMED\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
    # The cancelled Thursday stays, marked, at its own time, with the reason.
    "BEGIN:VEVENT\r\n"
    "UID:activity-1@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260602T083000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260602T083000Z\r\n"
    "SEQUENCE:2\r\n"
    "RECURRENCE-ID;TZID=Europe/Amsterdam:20270401T100000\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270401T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270401T120000\r\n"
    "SUMMARY:Afgelast: Koffieochtend\r\n"
    "LOCATION:De BinnenHaven\r\n"
    "DESCRIPTION:Deze keer gaat niet door: Pasen\r\n"
    "STATUS:CANCELLED\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:activity-1@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260602T083000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260602T083000Z\r\n"
    "SEQUENCE:2\r\n"
    "RECURRENCE-ID;TZID=Europe/Amsterdam:20270408T100000\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270409T110000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270409T130000\r\n"
    "SUMMARY:Koffieochtend\r\n"
    "LOCATION:Buurthuis\r\n"
    "STATUS:CONFIRMED\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
)

# The same week for a circle with feed_show_cancelled = false: the old EXDATE form.
GOLDEN_DST_WEEK_HIDDEN = (
    "BEGIN:VEVENT\r\n"
    "UID:activity-1@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260602T083000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260602T083000Z\r\n"
    "SEQUENCE:2\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270325T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270325T120000\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270415T080000Z\r\n"
    "EXDATE;TZID=Europe/Amsterdam:20270401T100000\r\n"
    "SUMMARY:Koffieochtend\r\n"
    "LOCATION:De BinnenHaven\r\n"
    "STATUS:CONFIRMED\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:activity-1@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260602T083000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260602T083000Z\r\n"
    "SEQUENCE:2\r\n"
    "RECURRENCE-ID;TZID=Europe/Amsterdam:20270408T100000\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270409T110000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270409T130000\r\n"
    "SUMMARY:Koffieochtend\r\n"
    "LOCATION:Buurthuis\r\n"
    "STATUS:CONFIRMED\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
)

GOLDEN_ALL_DAY = (
    "BEGIN:VEVENT\r\n"
    "UID:activity-2@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260601T120000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260601T120000Z\r\n"
    "SEQUENCE:0\r\n"
    "DTSTART;VALUE=DATE:20270514\r\n"
    "DTEND;VALUE=DATE:20270516\r\n"
    "SUMMARY:Uitje Ĳsselmeer\r\n"
    "LOCATION:Café Zoë\\, Enkhuizen\\; € 12\\,50\r\n"
    "DESCRIPTION:Bus om 9:00\\\\vertrek\r\n"
    "STATUS:CONFIRMED\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
)

GOLDEN_FOLDED = (
    "BEGIN:VEVENT\r\n"
    "UID:activity-3@zorgsaam.voorzorg\r\n"
    "DTSTAMP:20260601T120000Z\r\n"
    "CREATED:20260601T120000Z\r\n"
    "LAST-MODIFIED:20260601T120000Z\r\n"
    "SEQUENCE:0\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270404T140000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270404T170000\r\n"
    "RRULE:FREQ=MONTHLY;BYDAY=1SU\r\n"
    "SUMMARY:🚲 Fietsclub Zoë 🚲 " + "🌷" * 10 + "\r\n"
    " " + "🌷" * 18 + "\r\n"
    " " + "🌷" * 12 + " Ĳsselmeer €€€\r\n"
    "STATUS:CONFIRMED\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
)


def test_golden_dst_week_all_day_and_folded_lines(tmp_path):
    """Exact bytes for the DST week (series starting the Thursday before the switch,
    a cancellation and a move after it), an all-day outing and a folded emoji title."""
    db = new_db(tmp_path)
    koffie = add_full(
        db, "Koffieochtend", date(2027, 3, 25), now=STAMP, duration_minutes=120,
        rule=Rule(freq="weekly", until=date(2027, 4, 15)), location="De BinnenHaven",
    )["id"]  # fmt: skip
    activities.cancel_occurrence(db, koffie, date(2027, 4, 1), now=LATER, note="Pasen")
    activities.move_occurrence(
        db, koffie, date(2027, 4, 8), to_day=date(2027, 4, 9), to_time="11:00",
        timezone=TZ_NAME, now=LATER, location="Buurthuis",
    )  # fmt: skip
    uitje = add_full(
        db, "Uitje Ĳsselmeer", date(2027, 5, 14), None, now=STAMP, duration_days=2,
        location="Café Zoë, Enkhuizen; € 12,50", description="Bus om 9:00\\vertrek",
    )["id"]  # fmt: skip
    fiets = add_full(
        db, "🚲 Fietsclub Zoë 🚲 " + "🌷" * 40 + " Ĳsselmeer €€€", date(2027, 4, 4), "14:00",
        now=STAMP, duration_minutes=180, rule=Rule(freq="monthly", week=1),
    )["id"]  # fmt: skip

    def one_activity(activity_id):
        return feeds.render_activity(
            db, activity_id, circle_id=CIRCLE, timezone=TZ_NAME, today=date(2027, 3, 1)
        ).decode("utf-8")

    assert one_activity(koffie) == GOLDEN_DST_WEEK
    assert one_activity(uitje) == GOLDEN_ALL_DAY
    assert one_activity(fiets) == GOLDEN_FOLDED
    # A circle that prefers cancellations gone (feed_show_cancelled = false): an EXDATE,
    # and the note stays inside.
    hidden = feeds.render_activity(
        db, koffie, circle_id=CIRCLE, timezone=TZ_NAME, today=date(2027, 3, 1),
        options=feeds.Options(show_cancelled=False),
    ).decode("utf-8")  # fmt: skip
    assert hidden == GOLDEN_DST_WEEK_HIDDEN
    # Reminders (feed_reminder_minutes): one VALARM per event that takes place.
    alarmed = feeds.render_activity(
        db, koffie, circle_id=CIRCLE, timezone=TZ_NAME, today=date(2027, 3, 1),
        options=feeds.Options(reminder_minutes=60),
    ).decode("utf-8")  # fmt: skip
    assert alarmed.count("BEGIN:VALARM") == 2  # the series and the moved one, not the cancelled
    assert "TRIGGER:-PT60M\r\n" in alarmed and "DESCRIPTION:Herinnering: Koffieochtend" in alarmed
    IcsCalendarStream.calendar_from_ics(
        feeds.render_circle_feed(db, circle_id=CIRCLE, name="Z", timezone=TZ_NAME,
                                 today=date(2027, 3, 1),
                                 options=feeds.Options(reminder_minutes=60)).body.decode()
    )  # fmt: skip


def test_vtimezone_in_the_feed_is_the_compact_two_rule_form(rich):
    db, _ids = rich
    lines = unfold(render(db).body)
    zone = lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE") + 1]
    assert [x for x in zone if x.startswith("RRULE")] == [
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    ]
    assert not any(x.startswith("RDATE") for x in zone)


# --- identity and change ---------------------------------------------------------------


class _AnyDatetime(type):
    def __instancecheck__(cls, value):
        return isinstance(value, datetime)


class _LaterClock(datetime, metaclass=_AnyDatetime):
    """A wall clock five years on, for any code that asks datetime for "now"."""

    @classmethod
    def now(cls, tz=None):
        moment = datetime(2031, 11, 5, 3, 4, 5, tzinfo=UTC)
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

    @classmethod
    def utcnow(cls):
        return cls.now().replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.now()


def test_same_data_gives_the_same_bytes(rich, tmp_path, monkeypatch):
    db, _ids = rich
    first = render(db)
    import voorzorg.calendar.feeds
    import voorzorg.clock
    import voorzorg.domain.activities

    for module in (voorzorg.calendar.feeds, voorzorg.domain.activities, voorzorg.clock):
        monkeypatch.setattr(module, "datetime", _LaterClock)
    again = render(db)
    monkeypatch.undo()
    assert first.body == again.body and first.etag == again.etag
    assert first.last_modified == again.last_modified
    # From another connection (another process would do the same).
    other = store.open_circle(tmp_path / "c.db")
    try:
        assert render(other).body == first.body
    finally:
        other.close()
    # DTSTAMP and LAST-MODIFIED come from the data (the fixed stamps used to make it),
    # not from the clock: nothing says "now".
    lines = unfold(first.body)
    stamps = {split_line(x)[2] for x in lines if x.startswith(("DTSTAMP", "LAST-MODIFIED"))}
    assert stamps == {"20260601T120000Z", "20260602T083000Z"}
    assert first.last_modified == LATER
    assert first.last_modified.tzinfo is not None and first.last_modified.microsecond == 0
    # The ETag is a quoted strong tag derived from the body.
    assert re.fullmatch(r'"[0-9a-f]{16,64}"', first.etag)
    assert not first.etag.startswith("W/")


def _event_of(body: bytes, activity_id: int) -> list[list[str]]:
    uid = f"UID:activity-{activity_id}@{CIRCLE}.voorzorg"
    return [e for e in components(unfold(body), "VEVENT") if uid in e]


@pytest.mark.parametrize("change", ["cancel", "move", "edit", "end"])
def test_a_change_bumps_sequence_last_modified_and_etag(rich, change):
    db, ids = rich
    before = render(db)
    koffie, other = ids["koffie"], ids["muziek"]
    sequence = int(one(_event_of(before.body, koffie)[0], "SEQUENCE")[1])
    now = datetime(2026, 7, 1, 9, 15, 30, tzinfo=UTC)
    if change == "cancel":
        activities.cancel_occurrence(db, koffie, date(2027, 5, 6), now=now)
    elif change == "move":
        activities.move_occurrence(
            db, koffie, date(2027, 5, 6), to_day=date(2027, 5, 7), to_time=None,
            timezone=TZ_NAME, now=now,
        )  # fmt: skip
    elif change == "edit":
        activities.edit_activity(db, koffie, timezone=TZ_NAME, now=now, location="Het Anker")
    else:
        activities.end_activity(db, koffie, after=date(2027, 6, 30), now=now)
    after = render(db)
    assert after.body != before.body and after.etag != before.etag
    assert after.last_modified == now
    for event in _event_of(after.body, koffie):
        assert one(event, "SEQUENCE")[1] == str(sequence + 1)
        assert one(event, "LAST-MODIFIED")[1] == "20260701T091530Z"
        assert one(event, "DTSTAMP")[1] == "20260701T091530Z"
    # Other activities are untouched.
    assert _event_of(after.body, other) == _event_of(before.body, other)
    lint(after.body)


def test_removing_an_activity_moves_last_modified_forward(rich):
    """If-Modified-Since revalidation (Apple) must see a removal: Last-Modified never
    goes back when the most recently changed activity disappears."""
    db, ids = rich
    newest = datetime(2026, 8, 1, 10, tzinfo=UTC)
    activities.edit_activity(db, ids["uitje"], timezone=TZ_NAME, now=newest, title="Uitje!")
    before = render(db)
    assert before.last_modified == newest
    activities.remove_activity(db, ids["uitje"])
    after = render(db)
    assert "Uitje!" not in after.body.decode()
    assert after.etag != before.etag
    assert after.last_modified > before.last_modified


@pytest.mark.parametrize("change", ["cancel a one-off", "end a series before the window"])
def test_last_modified_moves_forward_when_an_activity_leaves_the_feed(rich, change):
    db, ids = rich
    now = datetime(2026, 9, 1, 7, 0, tzinfo=UTC)
    before = render(db)
    if change == "cancel a one-off":
        activities.cancel_occurrence(db, ids["bijeenkomst"], date(2027, 3, 11), now=now)
        gone = ids["bijeenkomst"]
        # Shown cancelled by default, changed (SEQUENCE, LAST-MODIFIED) so clients update.
        (event,) = _event_of(render(db).body, gone)
        assert "STATUS:CANCELLED" in event and one(event, "LAST-MODIFIED")[1] == "20260901T070000Z"
        after = feeds.render_circle_feed(
            db, circle_id=CIRCLE, name="ZorgSaam Zoë", timezone=TZ_NAME, today=TODAY,
            options=feeds.Options(show_cancelled=False),
        )  # fmt: skip
        assert _event_of(before.body, gone) and not _event_of(after.body, gone)
        assert after.etag != before.etag
        assert after.last_modified == now > before.last_modified
        return
    else:
        early = add_full(db, "Vroeg", date(2026, 11, 5), now=STAMP, duration_minutes=60,
                         rule=Rule(freq="weekly"))["id"]  # fmt: skip
        before = render(db)
        assert _event_of(before.body, early)
        activities.end_activity(db, early, after=date(2026, 12, 31), now=now)
        gone = early
    after = render(db)
    assert _event_of(before.body, gone) and not _event_of(after.body, gone)
    assert after.etag != before.etag
    assert after.last_modified == now > before.last_modified


def test_the_feed_cache_follows_the_data(rich):
    db, ids = rich
    cache = feeds.FeedCache()
    calls = []

    def make():
        calls.append(1)
        return render(db)

    first = cache.get(db, ("circle", CIRCLE), make)
    assert cache.get(db, ("circle", CIRCLE), make) is first and len(calls) == 1
    activities.cancel_occurrence(db, ids["koffie"], date(2027, 6, 3), now=LATER)
    changed = cache.get(db, ("circle", CIRCLE), make)
    assert len(calls) == 2 and changed.etag != first.etag


def test_an_empty_circle_is_a_valid_calendar(tmp_path):
    db = new_db(tmp_path)
    feed = render(db)
    lines = lint(feed.body)
    assert "BEGIN:VEVENT" not in lines
    calendar = IcsCalendarStream.calendar_from_ics(feed.body.decode("utf-8"))
    assert calendar.events == []
    created = db.execute("SELECT value FROM circle_meta WHERE key = 'created_at'").fetchone()[0]
    assert feed.last_modified == datetime.fromisoformat(created).replace(microsecond=0)


# --- window and size -------------------------------------------------------------------


def test_window_30_days_back_a_year_ahead(tmp_path):
    db = new_db(tmp_path)
    first, last = feeds.window(TODAY)
    assert (first, last) == (TODAY - timedelta(days=30), TODAY + timedelta(days=365))
    earlier = first - timedelta(weeks=8)  # the same weekday as the window's first day
    inside, outside = {}, {}
    for names, title, start, start_time, rule in (
        (inside, "op de eerste dag", first, "10:00", {}),
        (inside, "op de laatste dag", last, "10:00", {}),
        (inside, "lange reeks", date(2024, 1, 4), "10:00", {"freq": "weekly"}),
        (inside, "eindigt in venster", earlier, "10:00", {"freq": "weekly", "until": first}),
        (inside, "telt tot in venster", earlier, "10:00", {"freq": "weekly", "count": 9}),
        (inside, "hele dag eerste", first, None, {}),
        (outside, "te oud", first - timedelta(days=1), "10:00", {}),
        (outside, "te ver", last + timedelta(days=1), "10:00", {}),
        (outside, "reeks voorbij", earlier, "10:00",
         {"freq": "weekly", "until": first - timedelta(days=1)}),
        (outside, "telt niet tot venster", earlier, "10:00", {"freq": "weekly", "count": 8}),
        (outside, "reeks later", last + timedelta(days=7), "10:00", {"freq": "weekly"}),
    ):  # fmt: skip
        days = None if start_time else 1
        names[title] = add(db, title, start, start_time, days=days, **rule)["id"]
    body = render(db).body
    lines = lint(body)
    uids = {one(e, "UID")[1] for e in components(lines, "VEVENT")}
    for name, activity_id in inside.items():
        assert f"activity-{activity_id}@{CIRCLE}.voorzorg" in uids, name
    for name, activity_id in outside.items():
        assert f"activity-{activity_id}@{CIRCLE}.voorzorg" not in uids, name
    # The long series keeps its first date: clients expand it from there.
    series = _event_of(body, inside["lange reeks"])[0]
    assert one(series, "DTSTART")[1] == "20240104T100000"


def test_many_activities_stay_well_under_a_megabyte(tmp_path):
    """200 weekly series and 1,800 single events (the benchmark's circle) < 1 MB."""
    db = new_db(tmp_path)
    db.execute("PRAGMA synchronous=OFF")  # test speed only
    start = date(2027, 3, 1)
    for number in range(200):
        add_full(
            db, f"Club {number} — Zoë’s Ĳsselmeer", start + timedelta(days=number % 60),
            f"{9 + number % 10:02d}:30", now=STAMP, duration_minutes=90,
            rule=Rule(freq="weekly", interval=1 + number % 3), location="Buurthuis De Linde",
            description="Iedereen welkom; koffie € 1",
        )  # fmt: skip
    for number in range(1800):
        day = start + timedelta(days=number % 500 - 60)
        add_full(
            db, f"Activiteit {number}", day, "14:00", now=STAMP, duration_minutes=60,
            location="Wijkcentrum",
        )  # fmt: skip
    feed = render(db)
    assert len(feed.body) < 700_000, len(feed.body)
    lint(feed.body)
    calendar = IcsCalendarStream.calendar_from_ics(feed.body.decode("utf-8"))
    # Single events outside the window are left out; every series is in.
    first, last = feeds.window(TODAY)
    singles = sum(1 for n in range(1800) if first <= start + timedelta(days=n % 500 - 60) <= last)
    assert len(calendar.events) == 200 + singles


# --- personal feed ---------------------------------------------------------------------

PERSONAL_NOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)


def personal_circle(tmp_path):
    db = new_db(tmp_path)
    day = date(2027, 1, 1)
    marie = add_member(db, "Marie Zoë de Vries", today=day, address="Vioolstraat 12a",
                       consents=["matching"], needs=["transport"])["id"]  # fmt: skip
    jan = add_member(db, "Jan", today=day, address="Fluitstraat 1", offers=["transport"],
                     consents=["matching"])["id"]  # fmt: skip
    kees = add_member(db, "Kees", today=day, consents=["matching"], offers=["garden"])["id"]
    piet = add_member(db, "Piet", today=day, consents=["matching"])["id"]

    def request(for_id, helper_id, when, category="transport", note=None, accept=True):
        made = add_request(
            db, for_id=for_id, category=category, now=PERSONAL_NOW,
            wanted_at=datetime.combine(when, datetime.min.time(), TZ).replace(hour=10),
            note=note,
        )  # fmt: skip
        if helper_id is not None:
            ask(db, made["id"], helper_id, now=PERSONAL_NOW)
            if accept is not None:
                answer(db, made["id"], helper_id, accept, now=PERSONAL_NOW)
        return made["id"]

    ids = {
        "accepted": request(marie, jan, date(2027, 2, 1),
                            note="naar het ziekenhuis, chemo, sleutel onder de mat"),
        "open": request(marie, None, date(2027, 2, 2), note="open vraag"),
        "asked": request(marie, jan, date(2027, 2, 3), accept=None),
        "declined": request(marie, jan, date(2027, 2, 4), accept=False),
        "cancelled": request(marie, jan, date(2027, 2, 5)),
        "garden": request(piet, kees, date(2027, 2, 6), category="garden"),
    }  # fmt: skip
    cancel_request(db, ids["cancelled"], now=PERSONAL_NOW + timedelta(hours=1))
    return db, {"marie": marie, "jan": jan, "kees": kees, "piet": piet}, ids


def personal(db, member_id, today=date(2027, 1, 15)):
    return feeds.render_member_feed(
        db, member_id, circle_id=CIRCLE, name="ZorgSaam", timezone=TZ_NAME, today=today
    )


def test_personal_feed_says_what_and_where_at_most(tmp_path):
    db, people, ids = personal_circle(tmp_path)
    helper = personal(db, people["jan"])
    requester = personal(db, people["marie"])
    for feed in (helper, requester):
        lines = lint(feed.body)
        IcsCalendarStream.calendar_from_ics(feed.body.decode("utf-8"))
        text = feed.body.decode("utf-8")
        for secret in ("ziekenhuis", "chemo", "sleutel", "open vraag", "12a", "Zoë", "Vries"):
            assert secret not in text, secret
        assert "CLASS:PRIVATE" in lines
    helper_events = components(unfold(helper.body), "VEVENT")
    assert [one(e, "SUMMARY")[1] for e in helper_events] == ["Vervoer — M. (Vioolstraat)"]
    assert one(helper_events[0], "UID")[1] == f"request-{ids['accepted']}-helper@{CIRCLE}.voorzorg"
    assert one(helper_events[0], "DTSTART") == ({"TZID": TZ_NAME}, "20270201T100000")
    requester_events = components(unfold(requester.body), "VEVENT")
    assert [one(e, "SUMMARY")[1] for e in requester_events] == ["Hulp: vervoer"]
    assert one(requester_events[0], "UID")[1] == f"request-{ids['accepted']}-for@{CIRCLE}.voorzorg"
    # Someone else's request is in neither feed.
    assert f"request-{ids['garden']}-" not in helper.body.decode()
    assert f"request-{ids['garden']}-" not in requester.body.decode()
    kees = components(unfold(personal(db, people["kees"]).body), "VEVENT")
    assert [one(e, "SUMMARY")[1] for e in kees] == ["Tuin — P."]  # no address: no street
    piet = components(unfold(personal(db, people["piet"]).body), "VEVENT")
    assert [one(e, "SUMMARY")[1] for e in piet] == ["Hulp: tuin"]
    # The same data gives the same bytes.
    assert personal(db, people["jan"]).body == helper.body


def test_personal_feed_last_modified_moves_forward_when_a_commitment_goes(tmp_path):
    """A ride cancelled or declined after a yes disappears; revalidation must see it."""
    db, people, ids = personal_circle(tmp_path)
    before = personal(db, people["jan"])
    cancel_request(db, ids["accepted"], now=PERSONAL_NOW + timedelta(days=1))
    after = personal(db, people["jan"])
    assert "BEGIN:VEVENT" not in unfold(after.body)
    assert after.etag != before.etag
    assert after.last_modified > before.last_modified
    requester = personal(db, people["marie"])
    assert requester.last_modified >= after.last_modified


def test_personal_feed_window(tmp_path):
    db, people, _ids = personal_circle(tmp_path)
    assert "BEGIN:VEVENT" in unfold(personal(db, people["jan"], today=date(2027, 3, 3)).body)
    assert "BEGIN:VEVENT" not in unfold(personal(db, people["jan"], today=date(2027, 3, 4)).body)
    assert "BEGIN:VEVENT" not in unfold(personal(db, people["jan"], today=date(2026, 1, 31)).body)


# --- feed build ------------------------------------------------------------------------


def test_feed_build_writes_every_active_circle_atomically(circle, cli, tmp_path):
    assert cli("circle", "add", "andere", "--name", "Andere Kring").code == 0
    assert cli("circle", "add", "oud", "--name", "Oude Kring").code == 0
    assert cli("circle", "archive", "oud").code == 0, "archive the third circle"
    result = cli(
        "activity", "add", "-c", CIRCLE, "Koffieochtend", "Zoë", "--start",
        f"{local_today().isoformat()} 10:00", "--duration", "2h", "--weekly",
        "--location", "Ĳsselmeer €",
    )  # fmt: skip
    assert result.code == 0, result.err
    out = tmp_path / "feeds"
    built = cli("feed", "build", "--out", out, "--json")
    assert built.code == 0, built.err
    assert sorted(item["circle"] for item in built.json) == ["andere", CIRCLE]
    assert sorted(p.name for p in out.iterdir()) == ["andere.ics", f"{CIRCLE}.ics"]
    for path in out.iterdir():
        body = path.read_bytes()
        lint(body)
        calendar = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
        if path.stem == CIRCLE:
            assert [e.summary for e in calendar.events] == ["Koffieochtend Zoë"]
            assert "X-WR-CALNAME:ZorgSaam" in unfold(body)
        else:
            assert calendar.events == []
    # Again, over the existing files: still no temporary files left behind, and the
    # same data gives the same file.
    previous = (out / f"{CIRCLE}.ics").read_bytes()
    again = cli("feed", "build", "--out", out)
    assert again.code == 0, again.err
    assert sorted(p.name for p in out.iterdir()) == ["andere.ics", f"{CIRCLE}.ics"]
    assert "andere.ics" in again.out
    assert (out / f"{CIRCLE}.ics").read_bytes() == previous
    assert oct((out / f"{CIRCLE}.ics").stat().st_mode & 0o777) == oct(0o644)
    shown = cli("feed", "show", "-c", CIRCLE, "--ics")
    assert shown.code == 0 and "SUMMARY:Koffieochtend Zoë" in shown.out
    readable = cli("feed", "show", "-c", CIRCLE)  # an agenda a volunteer reads
    assert readable.code == 0 and "Koffieochtend Zoë" in readable.out
    assert "BEGIN:VCALENDAR" not in readable.out


def test_feed_build_default_directory(circle, cli):
    built = cli("feed", "build", "--json")
    assert built.code == 0, built.err
    path = circle / "feeds" / f"{CIRCLE}.ics"
    assert built.json == [{"circle": CIRCLE, "path": str(path), "bytes": path.stat().st_size}]
    IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
    assert not [p for p in path.parent.iterdir() if p.name != path.name]
