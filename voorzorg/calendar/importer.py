"""Import another calendar (the community centre's) as activities: ``activity import``.

Other people's calendars are untrusted input. The file is read with ``icalendar``
(which knows Windows time-zone names such as "W. Europe Standard Time"), every event
is turned into voorzorg's own shape, and a series is kept as a series only when
voorzorg's rule gives exactly the same occurrences as the source over the import
window (checked against ``recurring-ical-events``' expansion). Anything else becomes
single occurrences inside the window, or is reported with the reason. Each activity
keeps the source's UID, so importing the same calendar again updates, never
duplicates.

Times: a TZID or UTC time is converted to the circle's time zone; a floating time is
read in the calendar's X-WR-TIMEZONE, or else the circle's; an all-day event stays a
date.
"""

from __future__ import annotations

import hashlib
import ipaddress
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from voorzorg.dates import format_day, zone
from voorzorg.domain.activities import imported_uids, occurrence_times, save_imported
from voorzorg.domain.recurrence import MAX_COUNT, WEEKDAYS, Rule, dates, validate
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _

MAX_BYTES = 5 * 1024 * 1024
MAX_EVENTS = 5000
MAX_SINGLES = 400  # occurrences of one unmappable series brought in as single activities
DAYS_BACK = 30  # events that ended longer ago than this are left out
DEFAULT_WINDOW_MONTHS = 6
DEFAULT_MINUTES = 60  # a timed event without an end (RFC 5545 says zero length)
TIMEOUT_SECONDS = 20


# --- reading -----------------------------------------------------------------------


def read_source(source: str) -> bytes:
    """The calendar's bytes from a file, or from an https URL (plain http only on this
    machine's loopback, for a local server)."""
    if "://" in source:
        return _download(source)
    try:
        with open(source, "rb") as handle:
            body = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise VoorzorgError("import.cannot_read", path=source, error=exc.strerror or "") from None
    if len(body) > MAX_BYTES:
        raise VoorzorgError("import.too_big", max=MAX_BYTES // (1024 * 1024))
    return body


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _download(url: str) -> bytes:
    import urllib.error
    import urllib.request

    parts = urlsplit(url)
    if parts.scheme == "webcal":
        url, parts = "https" + url[len("webcal") :], urlsplit("https" + url[len("webcal") :])
    if parts.scheme != "https" and not (parts.scheme == "http" and _loopback(parts.hostname or "")):
        raise VoorzorgError("import.not_https", url=url)
    request = urllib.request.Request(url, headers={"User-Agent": "voorzorg"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise VoorzorgError("import.http_status", url=url, status=exc.code) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise VoorzorgError("import.download_failed", url=url, error=str(reason)) from None
    if len(body) > MAX_BYTES:
        raise VoorzorgError("import.too_big", max=MAX_BYTES // (1024 * 1024))
    return body


def _parse(body: bytes):
    import icalendar

    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except Exception:  # icalendar raises ValueError and others on broken input
        raise VoorzorgError("import.not_a_calendar") from None
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise VoorzorgError("import.not_a_calendar")
    return calendar


# --- times -------------------------------------------------------------------------


class _Times:
    """Conversions into the circle's wall clock."""

    def __init__(self, timezone: str, floating: str | None) -> None:
        self.timezone = timezone
        self.tz = zone(timezone)
        try:
            self.floating = zone(floating) if floating else self.tz
        except Exception:
            self.floating = self.tz

    def local(self, value: datetime) -> datetime:
        if value.tzinfo is None:
            value = value.replace(tzinfo=self.floating)
        return value.astimezone(self.tz).replace(second=0, microsecond=0)

    def instant(self, value):
        """A comparable key: UTC minute for a time, the date itself for a day."""
        if isinstance(value, datetime):
            return self.local(value).astimezone(UTC)
        return value


def _dt(component, name: str):
    prop = component.get(name)
    if prop is None:
        return None
    return getattr(prop, "dt", None)


def _text(component, name: str, limit: int) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    text = " ".join(str(value).split())
    text = "".join(c for c in text if c.isprintable())
    return text[:limit].strip() or None


def _shape(component, times: _Times) -> dict | str:
    """start date, start time, duration (minutes or days) in the circle's time; or a
    reason key when the event has no shape voorzorg can hold."""
    start = _dt(component, "DTSTART")
    if start is None:
        return "import.reason.no_start"
    end = _dt(component, "DTEND")
    duration = _dt(component, "DURATION")
    if isinstance(start, datetime):
        local = times.local(start)
        if isinstance(end, datetime):
            minutes = int((times.local(end) - local).total_seconds() // 60)
        elif isinstance(duration, timedelta):
            minutes = int(duration.total_seconds() // 60)
        elif end is not None:
            return "import.reason.mixed_times"
        else:
            minutes = DEFAULT_MINUTES
        if minutes <= 0:
            minutes = DEFAULT_MINUTES
        if minutes > 24 * 60:
            return "import.reason.too_long"
        return {"day": local.date(), "time": f"{local:%H:%M}", "minutes": minutes, "days": None}
    if not isinstance(start, date):
        return "import.reason.no_start"
    if isinstance(end, datetime):
        return "import.reason.mixed_times"
    if isinstance(end, date):
        days = (end - start).days
    elif isinstance(duration, timedelta):
        days = duration.days
    else:
        days = 1
    days = max(days, 1)
    if days > 14:
        return "import.reason.too_long"
    return {"day": start, "time": None, "minutes": None, "days": days}


def _original_day(value, times: _Times) -> date | None:
    if isinstance(value, datetime):
        return times.local(value).date()
    if isinstance(value, date):
        return value
    return None


# --- rules ---------------------------------------------------------------------------


def _rule(master, shape: dict, times: _Times) -> Rule | str:
    """voorzorg's rule for the event's RRULE, or the reason it has none."""
    rules = master.get("RRULE")
    if isinstance(rules, list):
        if len(rules) != 1:
            return "import.reason.many_rules"
        rules = rules[0]
    if master.get("RDATE") is not None:
        return "import.reason.rdate"
    if master.get("EXRULE") is not None:
        return "import.reason.rule_shape"
    parts = {str(k).upper(): v for k, v in dict(rules).items()}
    freq = str((parts.pop("FREQ", [""]) or [""])[0]).upper()
    interval = int((parts.pop("INTERVAL", [1]) or [1])[0])
    byday = [str(d).upper() for d in parts.pop("BYDAY", [])]
    setpos = [int(p) for p in parts.pop("BYSETPOS", [])]
    count = parts.pop("COUNT", [None])[0]
    until = parts.pop("UNTIL", [None])[0]
    parts.pop("WKST", None)
    if parts or freq not in ("WEEKLY", "MONTHLY"):
        return "import.reason.rule_shape"
    weekday = WEEKDAYS[shape["day"].weekday()]
    week = None
    if freq == "WEEKLY":
        if not 1 <= interval <= 52 or setpos or byday not in ([], [weekday]):
            return "import.reason.rule_shape"
    else:
        if interval != 1:
            return "import.reason.rule_shape"
        if len(byday) != 1:
            return "import.reason.rule_shape"
        code = byday[0]
        if setpos:
            if len(setpos) != 1 or not code.isalpha():
                return "import.reason.rule_shape"
            code = f"{setpos[0]}{code}"
        number, day_code = code[:-2], code[-2:]
        try:
            week = int(number)
        except ValueError:
            return "import.reason.rule_shape"
        if week not in (1, 2, 3, 4, -1) or day_code != weekday:
            return "import.reason.rule_shape"
    until_day = None
    if until is not None:
        if isinstance(until, datetime):
            local_until = times.local(until)
            until_day = local_until.date()
            if shape["time"] and f"{local_until:%H:%M}" < shape["time"]:
                until_day -= timedelta(days=1)
        else:
            until_day = until
        if until_day < shape["day"]:
            return "import.reason.rule_shape"
    if count is not None and not 1 <= int(count) <= MAX_COUNT:
        return "import.reason.rule_shape"
    rule = Rule(
        freq=freq.lower(), interval=interval, week=week, until=until_day,
        count=int(count) if count is not None else None,
    )  # fmt: skip
    try:
        validate(rule, shape["day"])
    except VoorzorgError:
        return "import.reason.start_off_rule"
    return rule


# --- the plan ------------------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _strip_cancelled(title: str) -> str:
    prefix = _("feed.cancelled_summary", title="")
    return title[len(prefix) :].strip() if prefix and title.startswith(prefix) else title


def plan_import(
    body: bytes, *, timezone: str, today: date, window_months: int = DEFAULT_WINDOW_MONTHS
) -> dict:
    """What importing ``body`` would do: ``items`` (activities to add or update, each
    with its UID, fields and exceptions), ``problems`` (what cannot be brought over,
    with the reason) and ``notes`` (brought over with a loss, said plainly)."""
    if not 1 <= window_months <= 24:
        raise VoorzorgError("import.bad_window")
    calendar = _parse(body)
    floating = calendar.get("X-WR-TIMEZONE")
    times = _Times(timezone, str(floating) if floating else None)
    begin = today - timedelta(days=DAYS_BACK)
    horizon = _add_months(today, window_months)
    groups: dict[str, dict] = {}
    for count, component in enumerate(calendar.walk("VEVENT"), start=1):
        if count > MAX_EVENTS:
            raise VoorzorgError("import.too_many", max=MAX_EVENTS)
        uid = str(component.get("UID") or "").strip()
        if not uid:  # some exports leave it out: a stable stand-in from what is there
            basis = f"{component.get('DTSTART', '')!s}|{component.get('SUMMARY', '')!s}"
            uid = "voorzorg-import-" + hashlib.sha256(basis.encode()).hexdigest()[:24]
        group = groups.setdefault(uid, {"master": None, "overrides": []})
        if component.get("RECURRENCE-ID") is not None:
            group["overrides"].append(component)
        elif group["master"] is None:
            group["master"] = component
    plan = {"items": [], "problems": [], "notes": [], "old": 0, "window_end": horizon}
    for uid, group in groups.items():
        items, problems = len(plan["items"]), len(plan["problems"])
        try:
            _group(plan, uid, group, times, begin, horizon)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            # A value icalendar accepted but that makes no sense (a broken rule, a date
            # out of range): this event is reported, the rest of the calendar comes in.
            del plan["items"][items:], plan["problems"][problems:]
            master = group["master"] or (group["overrides"] or [None])[0]
            title = _text(master, "SUMMARY", 120) if master is not None else None
            _problem(plan, title, "import.reason.unreadable_event")
    return plan


def _group(plan, uid, group, times, begin, horizon) -> None:
    master = group["master"]
    if master is None:  # overrides without their series: take each as a single event
        for override in group["overrides"]:
            rid = _original_day(_dt(override, "RECURRENCE-ID"), times)
            _single(plan, f"{uid}#{rid}", override, times, begin, horizon)
        return
    if master.get("RRULE") is None:
        _single(plan, uid, master, times, begin, horizon)
        return
    _series(plan, uid, master, group["overrides"], times, begin, horizon)


def _problem(plan: dict, title: str | None, key: str, **kw) -> None:
    plan["problems"].append({"title": title or _("import.untitled"), "reason": _(key, **kw)})


def _fields(title: str, component, shape: dict, rule: Rule) -> dict:
    return {
        "title": title,
        "location": _text(component, "LOCATION", 150),
        "description": _text(component, "DESCRIPTION", 500),
        "start_date": shape["day"].isoformat(),
        "start_time": shape["time"],
        "duration_minutes": shape["minutes"],
        "duration_days": shape["days"],
        "freq": rule.freq,
        "interval": rule.interval,
        "monthly_week": rule.week,
        "until_date": rule.until.isoformat() if rule.until else None,
        "count": rule.count,
    }


def _single(plan, uid, component, times, begin, horizon, title=None) -> None:
    raw_title = title or _text(component, "SUMMARY", 120) or _("import.untitled")
    shape = _shape(component, times)
    if isinstance(shape, str):
        _problem(plan, raw_title, shape)
        return
    last = shape["day"] + timedelta(days=(shape["days"] or 1) - 1)
    if last < begin:
        plan["old"] += 1
        return
    cancelled = str(component.get("STATUS", "")).upper() == "CANCELLED"
    name = _strip_cancelled(raw_title) if cancelled else raw_title
    exceptions = []
    if cancelled:
        exceptions.append({"original_date": shape["day"].isoformat(), "kind": "cancelled",
                           "note": None})  # fmt: skip
    plan["items"].append({
        "uid": uid, "title": name, "fields": _fields(name, component, shape, Rule()),
        "exceptions": exceptions, "series": False,
    })  # fmt: skip


def _series(plan, uid, master, overrides, times, begin, horizon) -> None:
    title = _text(master, "SUMMARY", 120) or _("import.untitled")
    shape = _shape(master, times)
    if isinstance(shape, str):
        _problem(plan, title, shape)
        return
    rule = _rule(master, shape, times)
    reason = rule if isinstance(rule, str) else None
    exceptions: list[dict] = []
    if reason is None:
        exceptions, reason = _exceptions(plan, title, master, overrides, rule, shape, times)
    if reason is None:
        activity = _as_activity(shape, rule)
        mine = _ours(activity, rule, exceptions, times, begin, horizon)
        theirs = _theirs(master, overrides, times, begin, horizon)
        if theirs is None:
            _problem(plan, title, "import.reason.unreadable_rule")
            return
        if mine != theirs:
            reason = "import.reason.differs"
    if reason is None:
        last = activity["last_date"]
        if last is not None and date.fromisoformat(last) < begin:
            plan["old"] += 1
            return
        plan["items"].append({
            "uid": uid, "title": title, "fields": _fields(title, master, shape, rule),
            "exceptions": exceptions, "series": True,
        })  # fmt: skip
        return
    _as_singles(plan, uid, title, master, overrides, times, begin, horizon, reason)


def _as_activity(shape: dict, rule: Rule) -> dict:
    from voorzorg.domain.recurrence import last_date

    last = last_date(rule, shape["day"])
    return {
        "all_day": shape["time"] is None, "start_time": shape["time"],
        "duration_minutes": shape["minutes"], "duration_days": shape["days"],
        "start_date": shape["day"].isoformat(), "last_date": last.isoformat() if last else None,
    }  # fmt: skip


def _exceptions(plan, title, master, overrides, rule, shape, times):
    """EXDATEs become cancellations, overrides moves (or cancellations)."""
    start = shape["day"]
    occurs: set[date] = set()
    exceptions: dict[str, dict] = {}
    exdates = master.get("EXDATE")
    for group in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for item in getattr(group, "dts", []):
            day = _original_day(item.dt, times)
            if day is not None:
                exceptions[day.isoformat()] = {"original_date": day.isoformat(),
                                               "kind": "cancelled", "note": None}  # fmt: skip
    for override in overrides:
        original = _original_day(_dt(override, "RECURRENCE-ID"), times)
        if original is None:
            continue
        occurs.clear()
        occurs.update(dates(rule, start, until=max(original, start) + timedelta(days=1)
                            if rule.until is None and rule.count is None else None))  # fmt: skip
        if original not in occurs:
            continue  # an override of no occurrence: calendar programs ignore it too
        if str(override.get("STATUS", "")).upper() == "CANCELLED":
            note = _text(override, "DESCRIPTION", 200)
            for prefix in (_("feed.cancelled_reason", note=""), _("feed.cancelled_description")):
                if note and prefix and note.startswith(prefix.strip()):
                    note = note[len(prefix.strip()) :].strip() or None
            exceptions[original.isoformat()] = {"original_date": original.isoformat(),
                                                "kind": "cancelled", "note": note}  # fmt: skip
            continue
        moved = _shape(override, times)
        if isinstance(moved, str) or (moved["time"] is None) != (shape["time"] is None):
            return [], "import.reason.override_shape"
        if moved["minutes"] != shape["minutes"] or moved["days"] != shape["days"]:
            return [], "import.reason.override_length"
        if abs((moved["day"] - original).days) > 366:
            return [], "import.reason.override_shape"
        location = _text(override, "LOCATION", 150)
        same_place = location == _text(master, "LOCATION", 150)
        same_time = moved["day"] == original and moved["time"] == shape["time"]
        if same_time and same_place:
            summary = _text(override, "SUMMARY", 120)
            if summary and summary != title:
                plan["notes"].append({"title": title, "reason": _(
                    "import.note.override_text", day=format_day(original))})  # fmt: skip
            continue
        new_start = moved["day"].isoformat()
        if moved["time"]:
            new_start += f" {moved['time']}"
        exceptions[original.isoformat()] = {
            "original_date": original.isoformat(), "kind": "moved", "new_start": new_start,
            "new_location": None if same_place else location, "note": None,
        }  # fmt: skip
    return list(exceptions.values()), None


def _ours(activity, rule, exceptions, times, begin, horizon) -> set:
    by_day = {e["original_date"]: e for e in exceptions}
    found = set()
    for day in dates(rule, date.fromisoformat(activity["start_date"]), until=horizon):
        exception = by_day.get(day.isoformat())
        if exception and exception["kind"] == "cancelled":
            continue
        moved = exception["new_start"] if exception else None
        try:
            start, _end = occurrence_times(activity, day, times.timezone, moved)
        except VoorzorgError:
            return {"gap"}  # a start the clock skips: not a series voorzorg can hold
        shown = start.date() if isinstance(start, datetime) else start
        if begin <= shown <= horizon:
            found.add(start.astimezone(UTC) if isinstance(start, datetime) else start)
    return found


def _expand(components, begin: date, horizon: date):
    import icalendar
    import recurring_ical_events

    calendar = icalendar.Calendar()
    for component in components:
        calendar.add_component(component)
    low = datetime(begin.year, begin.month, begin.day) - timedelta(days=2)
    high = datetime(horizon.year, horizon.month, horizon.day) + timedelta(days=3)
    return recurring_ical_events.of(calendar).between(low, high)


def _theirs(master, overrides, times, begin, horizon) -> set | None:
    try:
        events = _expand([master, *overrides], begin, horizon)
    except Exception:
        return None
    found = set()
    for event in events:
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = _dt(event, "DTSTART")
        key = times.instant(start)
        shown = key.astimezone(times.tz).date() if isinstance(key, datetime) else key
        if begin <= shown <= horizon:
            found.add(key)
    return found


def _as_singles(plan, uid, title, master, overrides, times, begin, horizon, reason) -> None:
    try:
        events = _expand([master, *overrides], begin, horizon)
    except Exception:
        _problem(plan, title, "import.reason.unreadable_rule")
        return
    made = 0
    for event in events:
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = _dt(event, "DTSTART")
        day = _original_day(start, times)
        if day is None or not begin <= day <= horizon:
            continue
        rid = _dt(event, "RECURRENCE-ID") or start
        key = times.instant(rid)
        made += 1
        if made > MAX_SINGLES:
            break
        _single(plan, f"{uid}#{key.isoformat()}", event, times, begin, horizon, title=title)
    plan["notes"].append({"title": title, "reason": _(
        "import.note.as_singles", n=min(made, MAX_SINGLES), why=_(reason),
        until=format_day(horizon))})  # fmt: skip


# --- applying ------------------------------------------------------------------------


def apply_import(db, plan: dict, *, timezone: str, now: datetime, dry_run: bool = False) -> dict:
    """Add or update the planned activities; returns the report."""
    existing = imported_uids(db)
    outcome = {"added": [], "updated": [], "unchanged": [], "failed": []}
    for item in plan["items"]:
        try:
            result, activity_id = save_imported(
                db,
                item["uid"],
                item["fields"],
                item["exceptions"],
                timezone=timezone,
                now=now,
                dry_run=dry_run,
            )
        except VoorzorgError as exc:
            outcome["failed"].append({"title": item["title"], "reason": exc.message})
            continue
        outcome[result].append({"title": item["title"], "id": activity_id})
    seen = {item["uid"] for item in plan["items"]}
    gone = sorted(
        activity_id
        for uid, activity_id in existing.items()
        if uid not in seen and not any(uid.startswith(s + "#") for s in seen)
    )
    return {
        **outcome,
        "problems": plan["problems"],
        "notes": plan["notes"],
        "old": plan["old"],
        "not_in_source": gone,
        "dry_run": dry_run,
    }
