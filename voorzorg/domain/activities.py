"""Activities (activiteiten): coffee mornings, clubs, meetings, outings.

An activity happens once or repeats (see ``recurrence``). Single occurrences can be
cancelled or moved; each change bumps the activity's SEQUENCE so calendar clients
pick it up, and fires an event after it is committed. Times are the circle's local
wall-clock times; instants (created, updated) are UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from voorzorg.clock import stamp as utc_text
from voorzorg.dates import (
    format_day,
    make_local,
    parse_date,
    parse_day_and_time,
    parse_duration,
    parse_time,
    zone,
)
from voorzorg.domain.recurrence import (
    Rule,
    check_one_repeat,
    dates,
    last_date,
    rule_from_options,
    validate,
)
from voorzorg.errors import VoorzorgError
from voorzorg.storage.store import circle_meta
from voorzorg.text import clean_line, fold

KINDS = ("koffieochtend", "club", "bijeenkomst", "uitje", "anders")
_KIND_ALIASES = {"coffee morning": "koffieochtend", "meeting": "bijeenkomst", "outing": "uitje"}
_KIND_ALIASES |= {"other": "anders", "koffie": "koffieochtend"}
REMOVED_KEY = "activity_removed_at"  # circle_meta: when an activity was last removed
CHECK_HORIZON_YEARS = 5  # how far ahead a series is checked for times that do not exist
_COLUMNS = (
    "id", "title", "kind", "location", "description", "start_date", "start_time",
    "duration_minutes", "duration_days", "freq", "interval", "monthly_week", "until_date",
    "count", "sequence", "created_at", "updated_at",
)  # fmt: skip


def parse_kind(text: str | None) -> str:
    if not text:
        return "anders"
    value = fold(text).strip()
    value = _KIND_ALIASES.get(value, value)
    if value not in KINDS:
        raise VoorzorgError("activity.bad_kind", text=text, choices=", ".join(KINDS))
    return value


def parse_schedule(
    start: str,
    *,
    all_day: bool = False,
    duration: str | None = None,
    end: str | None = None,
    weekly: bool = False,
    every: str | None = None,
    monthly: str | None = None,
    until: str | None = None,
    count: int | None = None,
) -> dict:
    """When an activity happens, from the options a user types for ``activity add``.

    ``start`` is "DATE TIME" (or just "DATE" for an all-day activity); the length is
    ``duration`` ("2h30", "90m") or an ``end`` time (for all day: an end date); the
    repetition is one of ``weekly``, ``every`` and ``monthly``, ended by ``until`` or
    ``count``. Returns the keyword arguments ``add_activity`` takes for these:
    start, start_time, duration_minutes, duration_days and rule.
    """
    check_one_repeat(weekly, every, monthly)
    day, start_time = parse_day_and_time(start)
    duration_minutes = duration_days = None
    if all_day:
        if start_time is not None:
            raise VoorzorgError("activity.all_day_with_time")
        if end:
            duration_days = (parse_date(end) - day).days + 1
            if duration_days < 1:
                raise VoorzorgError("activity.end_before_start_time", end=end)
    else:
        if start_time is None:
            raise VoorzorgError("activity.needs_time", hint="activity.needs_time_hint")
        if duration and end:
            raise VoorzorgError("activity.duration_or_end")
        if duration:
            duration_minutes = parse_duration(duration)
        elif end:
            duration_minutes = _minutes_until(day, start_time, end)
        else:
            raise VoorzorgError("activity.needs_duration")
    rule = rule_from_options(
        day, weekly=weekly, every=every, monthly=monthly, until=until, count=count
    )
    return {
        "start": day,
        "start_time": start_time,
        "duration_minutes": duration_minutes,
        "duration_days": duration_days,
        "rule": rule,
    }


def _minutes_until(day: date, start_time: str, end: str) -> int:
    """Minutes from ``start_time`` on ``day`` to ``end`` ("12:00", or "DATE 12:00" that day)."""
    parts = end.split()
    if len(parts) == 2 and parse_date(parts[0]) != day:
        raise VoorzorgError("activity.end_other_day", hint="activity.end_other_day_hint")
    hour, minute = parse_time(parts[-1])
    begin_hour, begin_minute = (int(p) for p in start_time.split(":"))
    minutes = hour * 60 + minute - (begin_hour * 60 + begin_minute)
    if minutes <= 0:
        raise VoorzorgError("activity.end_before_start_time", end=end)
    return minutes


LIST_DAYS = 28  # what ``activity list`` shows without --to
MAX_LIST_DAYS = 3 * 366


def list_window(start: date, end: date | None = None) -> tuple[date, date]:
    """The days an occurrence list covers: ``start`` to ``end``, four weeks by default."""
    end = end or start + timedelta(days=LIST_DAYS - 1)
    if end < start:
        raise VoorzorgError("activity.bad_range")
    if (end - start).days > MAX_LIST_DAYS:
        raise VoorzorgError("activity.range_too_long")
    return start, end


def rule_of(activity: dict) -> Rule:
    return Rule(
        freq=activity["freq"],
        interval=activity["interval"],
        week=activity["monthly_week"],
        until=date.fromisoformat(activity["until_date"]) if activity["until_date"] else None,
        count=activity["count"],
    )


def _emit(db, name: str, activity_id: int, **data) -> None:
    from voorzorg import events  # only changes emit: reading commands skip dataclasses

    events.emit(
        events.Event(name, circle_meta(db, "circle_id", ""), {"activity_id": activity_id, **data})
    )


def _check_times(
    start: date, hhmm: str | None, rule: Rule, timezone: str, duration_minutes: int | None
) -> None:
    """Refuse a series with an occurrence at a time the clock skips."""
    if hhmm is None:
        return
    horizon = start + timedelta(days=365 * CHECK_HORIZON_YEARS)
    for day in dates(rule, start, until=horizon):
        _check_moment(day, hhmm, duration_minutes, timezone)


def _check_moment(day: date, hhmm: str, duration_minutes: int | None, timezone: str) -> None:
    """One occurrence: its start must exist, and it may not span a clock change
    (calendar clients disagree about such events, see feeds.md)."""
    hour, minute = (int(p) for p in hhmm.split(":"))
    moment = make_local(day, hour, minute, timezone)
    ambiguous = moment.replace(fold=1).utcoffset() != moment.utcoffset()
    end = (moment.astimezone(UTC) + timedelta(minutes=duration_minutes or 0)).astimezone(
        moment.tzinfo
    )
    if ambiguous or end.utcoffset() != moment.utcoffset():
        raise VoorzorgError("activity.crosses_dst", day=format_day(day))


def add_activity(
    db,
    *,
    title: str,
    start: date,
    start_time: str | None,
    timezone: str,
    now: datetime,
    duration_minutes: int | None = None,
    duration_days: int | None = None,
    rule: Rule | None = None,
    location: str | None = None,
    kind: str | None = None,
    description: str | None = None,
    allow_duplicate: bool = False,
) -> dict:
    """Add an activity. ``start_time`` is "HH:MM", or None for an all-day activity.

    An activity with the same title, place and first date as one already there is
    refused as a likely duplicate unless ``allow_duplicate``.
    """
    rule = rule or Rule()
    record = {
        "title": clean_line(title, field="title", max_length=120, required=True),
        "kind": parse_kind(kind),
        "location": clean_line(location, field="location", max_length=150),
        "description": clean_line(description, field="description", max_length=500),
    }
    if start_time is None:
        duration_days = duration_days or 1
        duration_minutes = None
        if not 1 <= duration_days <= 14:
            raise VoorzorgError("activity.bad_days", days=duration_days)
    else:
        duration_days = None
        if duration_minutes is None or not 1 <= duration_minutes <= 24 * 60:
            raise VoorzorgError("activity.bad_duration")
    validate(rule, start)
    _check_times(start, start_time, rule, timezone, duration_minutes)
    stamp = utc_text(now)
    if not allow_duplicate:
        twins = likely_duplicates(db, record["title"], record["location"], start)
        if twins:
            raise VoorzorgError(
                "activity.duplicate",
                title=record["title"],
                others=", ".join(str(t) for t in twins),
                hint="activity.duplicate_hint",
            )
    with db.atomic():
        cursor = db.execute(
            """INSERT INTO activities (title, kind, location, description, start_date,
                 start_time, duration_minutes, duration_days, freq, interval, monthly_week,
                 until_date, count, sequence, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
            [
                *record.values(),
                start.isoformat(),
                start_time,
                duration_minutes,
                duration_days,
                rule.freq,
                rule.interval,
                rule.week,
                rule.until.isoformat() if rule.until else None,
                rule.count,
                stamp,
                stamp,
            ],
        )
    activity_id = cursor.lastrowid
    _emit(db, "activity.created", activity_id)
    return get_activity(db, activity_id)


def likely_duplicates(db, title: str, location: str | None, start: date) -> list[int]:
    """Ids of activities with the same title and place (folded) and the same first date."""
    rows = db.execute(
        "SELECT id, title, location FROM activities WHERE start_date = ? ORDER BY id",
        [start.isoformat()],
    ).fetchall()
    wanted = (" ".join(fold(title).split()), " ".join(fold(location or "").split()))
    return [
        r[0]
        for r in rows
        if (" ".join(fold(r[1]).split()), " ".join(fold(r[2] or "").split())) == wanted
    ]


def get_activity(db, activity_id: int) -> dict:
    row = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM activities WHERE id = ?", [activity_id]
    ).fetchone()
    if row is None:
        raise VoorzorgError("activity.unknown", id=activity_id)
    item = dict(zip(_COLUMNS, row, strict=True))
    item["all_day"] = item["start_time"] is None
    item["exceptions"] = [
        dict(zip(("original_date", "kind", "new_start", "new_location", "note", "updated_at",
                  "note_public"), r, strict=True))
        for r in db.execute(
            """SELECT original_date, kind, new_start, new_location, note, updated_at,
                      note_public
               FROM activity_exceptions WHERE activity_id = ? ORDER BY original_date""",
            [activity_id],
        ).fetchall()
    ]  # fmt: skip
    item["counts"] = {
        r[0]: r[1]
        for r in db.execute(
            "SELECT original_date, head_count FROM activity_counts WHERE activity_id = ?",
            [activity_id],
        ).fetchall()
    }
    last = last_date(rule_of(item), date.fromisoformat(item["start_date"]))
    item["last_date"] = last.isoformat() if last else None
    return item


def list_activities(db) -> list[dict]:
    ids = [r[0] for r in db.execute("SELECT id FROM activities ORDER BY start_date, id")]
    return [get_activity(db, i) for i in ids]


def resolve_activity(db, text: str) -> int:
    """An ACTIVITY argument: an id, or a title that matches exactly one activity."""
    value = text.strip()
    if value.isdigit():
        if db.execute("SELECT 1 FROM activities WHERE id = ?", [int(value)]).fetchone() is None:
            raise VoorzorgError("activity.unknown", id=value)
        return int(value)
    from voorzorg.text import best_name_matches

    rows = db.execute("SELECT id, title FROM activities ORDER BY id").fetchall()
    matches = best_name_matches(value, rows)
    if len(matches) == 1:
        return matches[0][0]
    if not matches:
        raise VoorzorgError("activity.not_found", text=text)
    choices = ", ".join(f"{r[0]} ({r[1]})" for r in matches[:10])
    raise VoorzorgError("activity.ambiguous", text=text, choices=choices)


def occurrence_times(activity: dict, day: date, timezone: str, start_text: str | None = None):
    """Start and end of the occurrence on ``day`` (or at ``start_text`` if moved)."""
    if activity["all_day"]:
        first = date.fromisoformat(start_text) if start_text else day
        return first, first + timedelta(days=activity["duration_days"])
    if start_text:
        moved_day, moved_time = start_text.split(" ")
        day = date.fromisoformat(moved_day)
        hour, minute = (int(p) for p in moved_time.split(":"))
    else:
        hour, minute = (int(p) for p in activity["start_time"].split(":"))
    start = make_local(day, hour, minute, timezone)
    end = (start.astimezone(UTC) + timedelta(minutes=activity["duration_minutes"])).astimezone(
        start.tzinfo
    )
    return start, end


def occurrences(
    db, *, start: date, end: date, timezone: str, activity_id: int | None = None
) -> list[dict]:
    """Occurrences whose (possibly moved) start date lies in [start, end], in time order.

    Cancelled occurrences are included with status "cancelled"; moved ones appear
    at their new time with status "moved" and their original start.
    """
    activities = [get_activity(db, activity_id)] if activity_id else list_activities(db)
    tz = None  # looked up when first needed, as make_local does
    result = []
    for activity in activities:
        rule = rule_of(activity)
        first = date.fromisoformat(activity["start_date"])
        exceptions = {e["original_date"]: e for e in activity["exceptions"]}
        hhmm = activity["start_time"]
        hour, minute = (int(p) for p in hhmm.split(":")) if hhmm else (0, 0)
        # Moves can bring an occurrence into the window from up to a year away.
        bound = end + timedelta(days=366)
        for day in dates(rule, first, until=bound):
            exception = exceptions.get(day.isoformat()) if exceptions else None
            moved = exception and exception["kind"] == "moved"
            if not moved and not start <= day <= end:
                # Outside the window: an occurrence that was not moved starts on its own
                # day. Its start time is still checked, as it always was (make_local's
                # test, inlined: a time the clock skips is refused), nothing else is.
                if hhmm:
                    tz = tz or zone(timezone)
                    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
                    if local.astimezone(UTC).astimezone(tz).utcoffset() != local.utcoffset():
                        make_local(day, hour, minute, timezone)  # raises the usual error
                continue
            begin, finish = occurrence_times(
                activity, day, timezone, exception["new_start"] if moved else None
            )
            shown_day = begin.date() if isinstance(begin, datetime) else begin
            if not start <= shown_day <= end:
                continue
            status = exception["kind"] if exception else "scheduled"
            original = occurrence_times(activity, day, timezone)[0] if moved else None
            result.append(
                {
                    "activity_id": activity["id"],
                    "title": activity["title"],
                    "kind": activity["kind"],
                    "location": (exception or {}).get("new_location") or activity["location"],
                    "all_day": activity["all_day"],
                    "original_date": day.isoformat(),
                    "start": begin,
                    "end": finish,
                    "original_start": original,
                    "status": status,
                    "note": exception["note"] if exception else None,
                    # What members may read (feeds, poster, group texts): see m011.
                    "public_note": exception["note"]
                    if exception and exception.get("note_public", 1)
                    else None,
                    "head_count": activity["counts"].get(day.isoformat()),
                }
            )
    result.sort(key=lambda o: (_sort_key(o["start"]), o["activity_id"]))
    return result


def _sort_key(value) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


def _occurs_on(activity: dict, day: date) -> bool:
    first = date.fromisoformat(activity["start_date"])
    return day in set(dates(rule_of(activity), first, until=day))


def _touch(db, activity_id: int, stamp: str) -> None:
    db.execute(
        """UPDATE activities SET sequence = sequence + 1, updated_at = max(updated_at, ?)
           WHERE id = ?""",
        [stamp, activity_id],
    )


def cancel_occurrence(
    db, activity_id: int, on: date, *, now: datetime, note: str | None = None
) -> dict:
    activity = get_activity(db, activity_id)
    if not _occurs_on(activity, on):
        raise VoorzorgError("activity.no_occurrence", title=activity["title"], day=format_day(on))
    note = clean_line(note, field="note", max_length=200)
    existing = {e["original_date"]: e for e in activity["exceptions"]}.get(on.isoformat())
    if existing and existing["kind"] == "cancelled":
        raise VoorzorgError("activity.already_cancelled", day=format_day(on))
    stamp = utc_text(now)
    with db.atomic():
        db.execute(
            """INSERT INTO activity_exceptions
                 (activity_id, original_date, kind, note, updated_at, note_public)
               VALUES (?, ?, 'cancelled', ?, ?, 1)
               ON CONFLICT (activity_id, original_date) DO UPDATE SET kind = 'cancelled',
                 new_start = NULL, new_location = NULL, note = excluded.note,
                 updated_at = excluded.updated_at, note_public = 1""",
            [activity_id, on.isoformat(), note, stamp],
        )
        _touch(db, activity_id, stamp)
    _emit(db, "activity.cancelled", activity_id, date=on.isoformat())
    return get_activity(db, activity_id)


def move_occurrence(
    db,
    activity_id: int,
    on: date,
    *,
    to_day: date,
    to_time: str | None,
    timezone: str,
    now: datetime,
    location: str | None = None,
) -> dict:
    """Move the occurrence of ``on`` to another day (and time, for a timed activity)."""
    activity = get_activity(db, activity_id)
    if not _occurs_on(activity, on):
        raise VoorzorgError("activity.no_occurrence", title=activity["title"], day=format_day(on))
    location = clean_line(location, field="location", max_length=150)
    if activity["all_day"]:
        new_start = to_day.isoformat()
    else:
        hhmm = to_time or activity["start_time"]
        hour, minute = (int(p) for p in hhmm.split(":"))
        _check_moment(to_day, f"{hour:02d}:{minute:02d}", activity["duration_minutes"], timezone)
        new_start = f"{to_day.isoformat()} {hour:02d}:{minute:02d}"
    if abs((to_day - on).days) > 366:
        raise VoorzorgError("activity.move_too_far")
    stamp = utc_text(now)
    with db.atomic():
        db.execute(
            """INSERT INTO activity_exceptions
                 (activity_id, original_date, kind, new_start, new_location, updated_at)
               VALUES (?, ?, 'moved', ?, ?, ?)
               ON CONFLICT (activity_id, original_date) DO UPDATE SET kind = 'moved',
                 new_start = excluded.new_start, new_location = excluded.new_location,
                 note = NULL, updated_at = excluded.updated_at""",
            [activity_id, on.isoformat(), new_start, location, stamp],
        )
        _touch(db, activity_id, stamp)
    _emit(db, "activity.moved", activity_id, date=on.isoformat())
    return get_activity(db, activity_id)


def edit_activity(db, activity_id: int, *, timezone: str, now: datetime, **changes) -> dict:
    """Change title, kind, location, description, start time or duration of the series."""
    activity = get_activity(db, activity_id)
    updates: dict[str, object] = {}
    for key, limit in (("title", 120), ("location", 150), ("description", 500)):
        if changes.get(key) is not None:
            value = clean_line(changes[key], field=key, max_length=limit, required=key == "title")
            if value != activity[key]:
                updates[key] = value
    if changes.get("kind") is not None and parse_kind(changes["kind"]) != activity["kind"]:
        updates["kind"] = parse_kind(changes["kind"])
    new_time = changes.get("start_time")
    if new_time is not None and not activity["all_day"] and new_time != activity["start_time"]:
        updates["start_time"] = new_time
    if changes.get("duration_minutes") is not None and not activity["all_day"]:
        if not 1 <= changes["duration_minutes"] <= 24 * 60:
            raise VoorzorgError("activity.bad_duration")
        if changes["duration_minutes"] != activity["duration_minutes"]:
            updates["duration_minutes"] = changes["duration_minutes"]
    if not updates:
        return {**activity, "changed_fields": []}
    if "start_time" in updates or "duration_minutes" in updates:
        _check_times(
            date.fromisoformat(activity["start_date"]),
            updates.get("start_time", activity["start_time"]),
            rule_of(activity),
            timezone,
            updates.get("duration_minutes", activity["duration_minutes"]),
        )
    stamp = utc_text(now)
    with db.atomic():
        assignments = ", ".join(f"{k} = ?" for k in updates)
        db.execute(
            f"UPDATE activities SET {assignments} WHERE id = ?", [*updates.values(), activity_id]
        )
        _touch(db, activity_id, stamp)
    _emit(db, "activity.changed", activity_id)
    return {**get_activity(db, activity_id), "changed_fields": list(updates)}


def end_activity(db, activity_id: int, *, after: date, now: datetime) -> dict:
    """Stop a series: no occurrences after ``after``."""
    activity = get_activity(db, activity_id)
    first = date.fromisoformat(activity["start_date"])
    if not activity["freq"]:
        raise VoorzorgError("activity.not_a_series", title=activity["title"])
    if after < first:
        raise VoorzorgError("activity.end_before_start", start=format_day(first))
    last = activity["last_date"]
    if last is not None and last <= after.isoformat():
        raise VoorzorgError("activity.already_ends", last=last)
    stamp = utc_text(now)
    with db.atomic():
        db.execute(
            "UPDATE activities SET until_date = ?, count = NULL WHERE id = ?",
            [after.isoformat(), activity_id],
        )
        _touch(db, activity_id, stamp)
    _emit(db, "activity.ended", activity_id, date=after.isoformat())
    return get_activity(db, activity_id)


def remove_activity(db, activity_id: int, *, now: datetime | None = None) -> dict:
    """Delete an activity entered by mistake (it disappears from every calendar).

    The moment is kept in circle_meta, so the feed's Last-Modified moves forward
    and a client revalidating with If-Modified-Since sees the removal.
    """
    activity = get_activity(db, activity_id)
    stamp = utc_text(now)
    with db.atomic():
        db.execute("DELETE FROM activities WHERE id = ?", [activity_id])
        db.execute(
            """INSERT INTO circle_meta (key, value) VALUES (?, ?)
               ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)""",
            [REMOVED_KEY, stamp],
        )
    _emit(db, "activity.removed", activity_id)
    return activity


def record_count(db, activity_id: int, on: date, count: int, *, today: date, now: datetime):
    """An anonymous head count for a past (or today's) occurrence."""
    activity = get_activity(db, activity_id)
    if on > today:
        raise VoorzorgError("activity.count_in_future", day=format_day(on))
    if not _occurs_on(activity, on):
        raise VoorzorgError("activity.no_occurrence", title=activity["title"], day=format_day(on))
    exception = {e["original_date"]: e for e in activity["exceptions"]}.get(on.isoformat())
    if exception and exception["kind"] == "cancelled":
        raise VoorzorgError("activity.count_cancelled", day=format_day(on))
    if not 0 <= count <= 10000:
        raise VoorzorgError("activity.bad_count", count=count)
    with db.atomic():
        db.execute(
            """INSERT INTO activity_counts (activity_id, original_date, head_count, recorded_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (activity_id, original_date) DO UPDATE SET
                 head_count = excluded.head_count, recorded_at = excluded.recorded_at""",
            [activity_id, on.isoformat(), count, utc_text(now)],
        )
    return {"activity_id": activity_id, "date": on.isoformat(), "head_count": count}


def imported_uids(db) -> dict[str, int]:
    """Source UID -> activity id of every activity brought in by ``activity import``."""
    rows = db.execute("SELECT source_uid, id FROM activities WHERE source_uid IS NOT NULL")
    return {r[0]: r[1] for r in rows.fetchall()}


def _imported_unchanged(db, activity_id: int, record: dict, wanted_exceptions: list) -> bool:
    current = db.execute(
        f"SELECT {', '.join(_IMPORT_FIELDS)} FROM activities WHERE id = ?", [activity_id]
    ).fetchone()
    have_exceptions = sorted(
        tuple(r)
        for r in db.execute(
            """SELECT original_date, kind, new_start, new_location, note
               FROM activity_exceptions WHERE activity_id = ?""",
            [activity_id],
        ).fetchall()
    )
    return tuple(current) == tuple(record.values()) and have_exceptions == wanted_exceptions


_IMPORT_FIELDS = (
    "title", "location", "description", "start_date", "start_time", "duration_minutes",
    "duration_days", "freq", "interval", "monthly_week", "until_date", "count",
)  # fmt: skip


def save_imported(
    db,
    source_uid: str,
    fields: dict,
    exceptions: list[dict],
    *,
    timezone: str,
    now: datetime,
    dry_run: bool = False,
) -> tuple[str, int | None]:
    """Add or update the activity imported from ``source_uid`` (idempotent by UID).

    ``fields`` holds the columns of ``_IMPORT_FIELDS``, checked here as ``add_activity``
    checks them; ``exceptions`` the cancelled and moved occurrences, which replace the
    imported ones. The kind a volunteer gave an imported activity is kept. Returns
    ("added" | "updated" | "unchanged", id); ``dry_run`` checks everything and says what
    would happen without writing (the id is None for a new one).
    """
    record = {k: fields[k] for k in _IMPORT_FIELDS}
    record["title"] = clean_line(record["title"], field="title", max_length=120, required=True)
    record["location"] = clean_line(record["location"], field="location", max_length=150)
    record["description"] = clean_line(record["description"], field="description",
                                       max_length=500)  # fmt: skip
    start = date.fromisoformat(record["start_date"])
    rule = Rule(
        freq=record["freq"], interval=record["interval"], week=record["monthly_week"],
        until=date.fromisoformat(record["until_date"]) if record["until_date"] else None,
        count=record["count"],
    )  # fmt: skip
    validate(rule, start)
    _check_times(start, record["start_time"], rule, timezone, record["duration_minutes"])
    for item in exceptions:
        if item["kind"] == "moved" and record["start_time"]:
            moved_day, moved_time = item["new_start"].split(" ")
            _check_moment(date.fromisoformat(moved_day), moved_time,
                          record["duration_minutes"], timezone)  # fmt: skip
    wanted_exceptions = sorted(
        (e["original_date"], e["kind"], e.get("new_start"), e.get("new_location"), e.get("note"))
        for e in exceptions
    )
    stamp = utc_text(now)
    row = db.execute("SELECT id FROM activities WHERE source_uid = ?", [source_uid]).fetchone()
    if row is not None and _imported_unchanged(db, row[0], record, wanted_exceptions):
        return "unchanged", row[0]
    if dry_run:
        return ("added", None) if row is None else ("updated", row[0])
    with db.atomic():
        if row is None:
            columns = ", ".join(_IMPORT_FIELDS)
            cursor = db.execute(
                f"""INSERT INTO activities ({columns}, kind, sequence, created_at, updated_at,
                      source_uid) VALUES ({", ".join("?" * len(_IMPORT_FIELDS))}, 'anders', 0,
                      ?, ?, ?)""",
                [*record.values(), stamp, stamp, source_uid],
            )
            activity_id, outcome = cursor.lastrowid, "added"
        else:
            activity_id = row[0]
            assignments = ", ".join(f"{k} = ?" for k in _IMPORT_FIELDS)
            db.execute(
                f"UPDATE activities SET {assignments} WHERE id = ?",
                [*record.values(), activity_id],
            )
            _touch(db, activity_id, stamp)
            outcome = "updated"
        db.execute("DELETE FROM activity_exceptions WHERE activity_id = ?", [activity_id])
        for original, kind, new_start, new_location, note in wanted_exceptions:
            db.execute(
                """INSERT INTO activity_exceptions
                     (activity_id, original_date, kind, new_start, new_location, note, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [activity_id, original, kind, new_start, new_location, note, stamp],
            )
    _emit(db, "activity.created" if outcome == "added" else "activity.changed", activity_id)
    return outcome, activity_id
