"""iCalendar feeds: the one place that renders a circle's (or a member's) calendar.

Written by hand rather than with icalendar, because the contract in feeds.md is
strict and icalendar 7's defaults break it (random UIDs, "now" as DTSTAMP, a local
UNTIL, REFRESH-INTERVAL without VALUE=DURATION, an RDATE-list VTIMEZONE), and
because rendering must be faster than building the same calendar with icalendar.
The tests parse every feed with two independent parsers (``ical`` in strict mode,
as Home Assistant does, and ``recurring-ical-events``) and compare the instants with
``activity list``.

Contract, in short: one VCALENDAR; CRLF; lines folded at 75 octets without
splitting a character; TZID on every timed value plus one compact VTIMEZONE;
stable UIDs; DTSTAMP and LAST-MODIFIED from the data, so equal data gives equal
bytes; SEQUENCE bumped on change; a cancelled occurrence stays in the calendar as
an override (RECURRENCE-ID) with ``STATUS:CANCELLED``, "Afgelast: <title>" as its
summary and the reason in its description, so a member sees it did not vanish by
mistake (a circle may prefer EXDATE, ``feed_show_cancelled = false``); a cancelled
single event likewise; RECURRENCE-ID in the series' local time for moves; UNTIL in
UTC; all-day events as VALUE=DATE with an exclusive end; an optional VALARM per
event (``feed_reminder_minutes``); a window of 30 days back and 12 months ahead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from voorzorg.domain.activities import (
    REMOVED_KEY,
    get_activity,
    list_activities,
    occurrence_times,
    rule_of,
)
from voorzorg.domain.recurrence import dates, rrule
from voorzorg.i18n import _
from voorzorg.storage.store import circle_meta

DAYS_BACK = 30
DAYS_AHEAD = 365
REFRESH = "PT6H"
PRODID = "-//voorzorg//voorzorg feeds//NL"
EPOCH = "2000-01-01T00:00:00+00:00"  # Last-Modified of a circle that never recorded one


@dataclass(frozen=True)
class Feed:
    body: bytes
    etag: str
    last_modified: datetime

    content_type = "text/calendar; charset=utf-8"


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts)


def _utc(instant: str | datetime) -> str:
    moment = datetime.fromisoformat(instant) if isinstance(instant, str) else instant
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, name: str, value: str, params: str = "") -> None:
        self.lines.append(fold(f"{name}{params}:{value}"))

    def text(self, name: str, value: str | None) -> None:
        if value:
            self.add(name, escape(value))

    def raw(self, block: str) -> None:
        self.lines.append(block)

    def result(self) -> bytes:
        return ("\r\n".join(self.lines) + "\r\n").encode("utf-8")


def _calendar_head(writer: _Writer, name: str, timezone: str) -> None:
    from voorzorg.calendar.timezones import vtimezone

    writer.add("BEGIN", "VCALENDAR")
    writer.add("VERSION", "2.0")
    writer.add("PRODID", PRODID)
    writer.add("CALSCALE", "GREGORIAN")
    writer.add("METHOD", "PUBLISH")
    writer.text("NAME", name)
    writer.text("X-WR-CALNAME", name)
    writer.add("REFRESH-INTERVAL", REFRESH, ";VALUE=DURATION")
    writer.add("X-PUBLISHED-TTL", REFRESH)
    writer.raw(vtimezone(timezone))


def _finish(writer: _Writer, modified: list[str], fallback: str) -> Feed:
    writer.add("END", "VCALENDAR")
    body = writer.result()
    newest = max(modified) if modified else fallback
    last_modified = datetime.fromisoformat(newest).astimezone(UTC).replace(microsecond=0)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Feed(body=body, etag=etag, last_modified=last_modified)


def window(today: date) -> tuple[date, date]:
    return today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)


def _dt(name: str, writer: _Writer, value, timezone: str) -> None:
    if isinstance(value, datetime):
        writer.add(name, _local(value), f";TZID={timezone}")
    else:
        writer.add(name, value.strftime("%Y%m%d"), ";VALUE=DATE")


def _event_head(writer: _Writer, activity: dict, uid: str) -> None:
    writer.add("BEGIN", "VEVENT")
    writer.add("UID", uid)
    writer.add("DTSTAMP", _utc(activity["updated_at"]))
    writer.add("CREATED", _utc(activity["created_at"]))
    writer.add("LAST-MODIFIED", _utc(activity["updated_at"]))
    writer.add("SEQUENCE", str(activity["sequence"]))


@dataclass(frozen=True)
class Options:
    """A circle's choices for its feed (config.toml, ``[circles.<id>]``)."""

    show_cancelled: bool = True  # feed_show_cancelled
    reminder_minutes: int | None = None  # feed_reminder_minutes: a VALARM before each event


DEFAULT_OPTIONS = Options()


def options_of(entry) -> Options:
    """The feed options of a circle entry from config.toml."""
    return Options(
        show_cancelled=getattr(entry, "feed_show_cancelled", True),
        reminder_minutes=getattr(entry, "feed_reminder_minutes", None),
    )


def _alarm(writer: _Writer, title: str, options: Options) -> None:
    if options.reminder_minutes:
        writer.add("BEGIN", "VALARM")
        writer.add("ACTION", "DISPLAY")
        writer.text("DESCRIPTION", _("feed.alarm", title=title))
        writer.add("TRIGGER", f"-PT{options.reminder_minutes}M")
        writer.add("END", "VALARM")


def _event_body(
    writer: _Writer, activity: dict, location: str | None, options: Options = DEFAULT_OPTIONS
) -> None:
    writer.text("SUMMARY", activity["title"])
    writer.text("LOCATION", location)
    writer.text("DESCRIPTION", activity["description"])
    writer.add("STATUS", "CONFIRMED")
    writer.add("TRANSP", "OPAQUE")
    _alarm(writer, activity["title"], options)


def cancelled_summary(title: str) -> str:
    return _("feed.cancelled_summary", title=title)


def _cancelled_body(writer: _Writer, activity: dict, exception: dict) -> None:
    """A cancelled occurrence: still there, plainly marked, with the reason; free time."""
    writer.text("SUMMARY", cancelled_summary(activity["title"]))
    writer.text("LOCATION", activity["location"])
    # Only a note recorded as public (every note since feeds show reasons; older ones
    # were internal, see storage/schema.py m011).
    note = exception.get("note") if exception.get("note_public", 1) else None
    reason = _("feed.cancelled_reason", note=note) if note else _("feed.cancelled_description")
    writer.text("DESCRIPTION", reason)
    writer.add("STATUS", "CANCELLED")
    writer.add("TRANSP", "TRANSPARENT")


def _write_activity(
    writer: _Writer,
    activity: dict,
    circle_id: str,
    timezone: str,
    first: date,
    last: date,
    options: Options = DEFAULT_OPTIONS,
) -> bool:
    """Write one activity (series with its exceptions, or a single event) if in the window."""
    rule = rule_of(activity)
    start_day = date.fromisoformat(activity["start_date"])
    end_day = activity["last_date"]
    exceptions = {e["original_date"]: e for e in activity["exceptions"]}
    outside = start_day > last or (end_day is not None and end_day < first.isoformat())
    if outside and not _moved_into(rule, start_day, exceptions, first, last):
        return False
    uid = f"activity-{activity['id']}@{circle_id}.voorzorg"
    if not rule.repeats:
        exception = exceptions.get(start_day.isoformat())
        cancelled = bool(exception) and exception["kind"] == "cancelled"
        if cancelled and not options.show_cancelled:
            return False
        moved = exception["new_start"] if exception and not cancelled else None
        begin, finish = occurrence_times(activity, start_day, timezone, moved)
        _event_head(writer, activity, uid)
        _dt("DTSTART", writer, begin, timezone)
        _dt("DTEND", writer, finish, timezone)
        if cancelled:
            _cancelled_body(writer, activity, exception)
        else:
            location = (exception or {}).get("new_location") or activity["location"]
            _event_body(writer, activity, location, options)
        writer.add("END", "VEVENT")
        return True
    begin, finish = occurrence_times(activity, start_day, timezone)
    _event_head(writer, activity, uid)
    _dt("DTSTART", writer, begin, timezone)
    _dt("DTEND", writer, finish, timezone)
    until = None
    if rule.until is not None:
        # UNTIL is the last occurrence itself: its local time always exists, while
        # the start time on the UNTIL date may not (a Saturday 02:30 series until
        # the spring-forward Sunday).
        last_day = date.fromisoformat(activity["last_date"])
        if activity["all_day"]:
            until = last_day.strftime("%Y%m%d")
        else:
            until = _utc(occurrence_times(activity, last_day, timezone)[0])
    writer.add("RRULE", rrule(rule, start_day.weekday(), until))
    # Every exception of the series, also from before the window: clients expand the
    # RRULE from its first date, so an old cancellation left out would reappear.
    horizon = last + timedelta(days=366)
    real_days = {d.isoformat() for d in dates(rule, start_day, until=horizon)}
    wanted = sorted(day for day in exceptions if day in real_days)
    for day in wanted:
        if exceptions[day]["kind"] == "cancelled" and not options.show_cancelled:
            moment = occurrence_times(activity, date.fromisoformat(day), timezone)[0]
            _dt("EXDATE", writer, moment, timezone)
    _event_body(writer, activity, activity["location"], options)
    writer.add("END", "VEVENT")
    for day in wanted:
        exception = exceptions[day]
        if exception["kind"] == "cancelled":
            if options.show_cancelled:
                original, original_end = occurrence_times(activity, date.fromisoformat(day),
                                                          timezone)  # fmt: skip
                _event_head(writer, activity, uid)
                _dt("RECURRENCE-ID", writer, original, timezone)
                _dt("DTSTART", writer, original, timezone)
                _dt("DTEND", writer, original_end, timezone)
                _cancelled_body(writer, activity, exception)
                writer.add("END", "VEVENT")
            continue
        original = occurrence_times(activity, date.fromisoformat(day), timezone)[0]
        new_begin, new_end = occurrence_times(
            activity, date.fromisoformat(day), timezone, exception["new_start"]
        )
        _event_head(writer, activity, uid)
        _dt("RECURRENCE-ID", writer, original, timezone)
        _dt("DTSTART", writer, new_begin, timezone)
        _dt("DTEND", writer, new_end, timezone)
        _event_body(writer, activity, exception["new_location"] or activity["location"], options)
        writer.add("END", "VEVENT")
    return True


def _moved_into(rule, start_day: date, exceptions: dict, first: date, last: date) -> bool:
    """Whether an occurrence from outside the window was moved into it."""
    for day, exception in exceptions.items():
        if exception["kind"] != "moved":
            continue
        if not first.isoformat() <= exception["new_start"][:10] <= last.isoformat():
            continue
        original = date.fromisoformat(day)
        if original in set(dates(rule, start_day, until=original)):
            return True
    return False


def render_circle_feed(
    db,
    *,
    circle_id: str,
    name: str,
    timezone: str,
    today: date,
    options: Options = DEFAULT_OPTIONS,
) -> Feed:
    """The circle's activity calendar for the window around ``today``."""
    first, last = window(today)
    writer = _Writer()
    _calendar_head(writer, name, timezone)
    modified: list[str] = []
    for activity in list_activities(db):
        _write_activity(writer, activity, circle_id, timezone, first, last, options)
        # Every change counts, also one that took the activity out of the feed (a
        # cancelled one-off, a series ended before the window): Last-Modified must
        # never go back, or If-Modified-Since revalidation keeps the old calendar.
        modified.append(activity["updated_at"])
    removed = circle_meta(db, REMOVED_KEY)
    if removed:
        modified.append(removed)
    return _finish(writer, modified, circle_meta(db, "created_at", EPOCH))


def render_activity(
    db,
    activity_id: int,
    *,
    circle_id: str,
    timezone: str,
    today: date,
    options: Options = DEFAULT_OPTIONS,
):
    """One activity's VEVENTs alone (for tests and debugging)."""
    writer = _Writer()
    first, last = window(today)
    _write_activity(
        writer, get_activity(db, activity_id), circle_id, timezone, first, last, options
    )
    return writer.result()


def _street(address: str | None) -> str | None:
    """ "Vioolstraat 12a" -> "Vioolstraat": the street, never the house number."""
    if not address:
        return None
    words = [w for w in address.split() if not any(c.isdigit() for c in w)]
    return " ".join(words).strip(" ,") or None


def render_member_feed(
    db,
    member_id: int,
    *,
    circle_id: str,
    name: str,
    timezone: str,
    today: date,
    options: Options = DEFAULT_OPTIONS,
) -> Feed:
    """A member's personal calendar: requests they agreed to help with, or get help for.

    Titles name the kind of help, the other member's initial and street at most
    ("Vervoer — M. (Vioolstraat)"), never a note, a need or a diagnosis. A restricted
    member (``member restrict``) is in no feed: their own feed stays empty and they are
    left out of everyone else's.
    """
    from voorzorg.categories import label
    from voorzorg.dates import make_local

    first, last = window(today)
    writer = _Writer()
    _calendar_head(writer, _("feed.personal_name", circle=name), timezone)
    rows = db.execute(
        """SELECT r.id, r.category, r.wanted_at, r.for_id, r.helper_id,
                  max(r.accepted_at, coalesce(r.changed_at, r.accepted_at)), f.name, f.address
           FROM requests r JOIN members f ON f.id = r.for_id
           LEFT JOIN members h ON h.id = r.helper_id
           WHERE r.status IN ('accepted', 'done') AND r.wanted_at IS NOT NULL
             AND (r.helper_id = ? OR r.for_id = ?)
             AND f.restricted_at IS NULL AND h.restricted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM members me WHERE me.id = ?
                             AND me.restricted_at IS NOT NULL)
           ORDER BY r.wanted_at, r.id""",
        [member_id, member_id, member_id],
    ).fetchall()
    modified: list[str] = []
    for request_id, category, wanted, _for, helper_id, accepted_at, for_name, address in rows:
        day = date.fromisoformat(wanted[:10])
        if not first <= day <= last:
            continue
        if len(wanted) > 10:
            hour, minute = (int(p) for p in wanted[11:16].split(":"))
            begin = make_local(day, hour, minute, timezone)
            finish = (begin.astimezone(UTC) + timedelta(hours=1)).astimezone(begin.tzinfo)
        else:  # the day is known, the time not yet: an all-day event
            begin, finish = day, day + timedelta(days=1)
        kind = label(category)
        if helper_id == member_id:
            role = "helper"
            street = _street(address)
            summary = f"{kind[:1].upper()}{kind[1:]} — {for_name[:1]}."
            if street:
                summary += f" ({street})"
        else:
            role = "for"
            summary = _("feed.help_for_you", category=kind)
        if len(wanted) == 10:
            summary += f" ({_('feed.time_unknown')})"
        writer.add("BEGIN", "VEVENT")
        writer.add("UID", f"request-{request_id}-{role}@{circle_id}.voorzorg")
        writer.add("DTSTAMP", _utc(accepted_at))
        writer.add("LAST-MODIFIED", _utc(accepted_at))
        writer.add("SEQUENCE", "0")
        _dt("DTSTART", writer, begin, timezone)
        _dt("DTEND", writer, finish, timezone)
        writer.text("SUMMARY", summary)
        writer.add("STATUS", "CONFIRMED")
        writer.add("CLASS", "PRIVATE")
        if len(wanted) > 10:
            _alarm(writer, summary, options)
        writer.add("END", "VEVENT")
        modified.append(accepted_at)
    # A commitment that went away (cancelled, or a yes turned into a no) must move
    # Last-Modified forward too, or If-Modified-Since revalidation keeps showing it.
    gone = db.execute(
        """SELECT max(stamp) FROM (
             SELECT closed_at AS stamp FROM requests
             WHERE closed_at IS NOT NULL AND (for_id = ? OR helper_id = ?)
             UNION ALL
             SELECT a.answered_at FROM request_asks a JOIN requests r ON r.id = a.request_id
             WHERE a.answered_at IS NOT NULL AND (a.member_id = ? OR r.for_id = ?))""",
        [member_id] * 4,
    ).fetchone()[0]
    if gone:
        modified.append(gone)
    return _finish(writer, modified, circle_meta(db, "created_at", EPOCH))


class FeedCache:
    """Rendered feeds, kept until the database changes (by its data version)."""

    def __init__(self) -> None:
        self._entries: dict[tuple, tuple[tuple, Feed]] = {}

    @staticmethod
    def _version(db) -> tuple:
        # data_version moves when another connection commits; total_changes when this one does.
        return (db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)

    def get(self, db, key: tuple, render) -> Feed:
        version = self._version(db)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == version:
            return entry[1]
        feed = render()
        self._entries[key] = (version, feed)
        return feed
