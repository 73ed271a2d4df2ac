"""Ready-made messages for the circle's WhatsApp or Signal group (``voorzorg text``).

What goes in is what the circle already shares with every member: the activities
(title, day, time, place, a cancellation's reason, as in the calendar feed). No member
data, except the first name of a new member in a welcome, and only when the volunteer
says the member agreed (``--with-first-name``; docs/privacy.md). Lines are at most
``LINE`` characters, so nothing wraps oddly on a phone screen; no emoji.
"""

from __future__ import annotations

import textwrap
from datetime import date, datetime, timedelta

from voorzorg.dates import SHORT_MONTHS, SHORT_WEEKDAYS
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _, language

LINE = 40  # characters per line: fits a phone screen in portrait at the default size
MAX_ITEMS = 30  # a week with more activities is cut off with a note


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, LINE, break_long_words=True, break_on_hyphens=False) or [""]


def _day(day: date) -> str:
    lang = language() if language() in SHORT_WEEKDAYS else "nl"
    return f"{SHORT_WEEKDAYS[lang][day.weekday()]} {day.day} {SHORT_MONTHS[lang][day.month - 1]}"


def _when(row: dict) -> str:
    start = row["start"]
    if not isinstance(start, datetime):
        return _day(start) + ", " + _("text.all_day")
    end = row["end"]
    return f"{_day(start.date())}, {start:%H:%M}–{end:%H:%M}"


def week_range(today: date, *, next_week: bool = False) -> tuple[date, date]:
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1 if next_week else 0)
    return monday, monday + timedelta(days=6)


def week_text(db, *, today: date, timezone: str, next_week: bool = False) -> str:
    """This week's activities (Monday to Sunday), cancellations marked with the reason."""
    from voorzorg.domain.activities import occurrences

    first, last = week_range(today, next_week=next_week)
    rows = occurrences(db, start=first, end=last, timezone=timezone)
    key = "text.week_next" if next_week else "text.week_this"
    lines = _wrap(_(key, first=_day(first), last=_day(last)))
    if not rows:
        return "\n".join([*lines, "", *_wrap(_("text.week_empty"))])
    for row in rows[:MAX_ITEMS]:
        lines.append("")
        lines += _wrap(_when(row))
        if row["status"] == "cancelled":
            lines += _wrap(_("text.cancelled_title", title=row["title"]))
            if row["public_note"]:
                lines += _wrap(_("text.reason", note=row["public_note"]))
            continue
        title = row["title"]
        if row["status"] == "moved":
            title = _("text.moved_title", title=title)
        lines += _wrap(title)
        if row["location"]:
            lines += _wrap(row["location"])
    if len(rows) > MAX_ITEMS:
        lines += ["", *_wrap(_("text.more", n=len(rows) - MAX_ITEMS))]
    return "\n".join(lines)


def cancellation_text(db, activity_id: int, *, on: date | None, today: date, timezone: str) -> str:
    """The cancellation of one occurrence (``on``, or the next cancelled one from today)."""
    from voorzorg.domain.activities import get_activity, occurrences

    activity = get_activity(db, activity_id)
    cancelled = sorted(
        e["original_date"] for e in activity["exceptions"] if e["kind"] == "cancelled"
    )
    if on is None:
        upcoming = [d for d in cancelled if d >= today.isoformat()]
        if not upcoming:
            raise VoorzorgError("text.no_cancellation", title=activity["title"],
                                hint="text.no_cancellation_hint")  # fmt: skip
        on = date.fromisoformat(upcoming[0])
    elif on.isoformat() not in cancelled:
        raise VoorzorgError("text.not_cancelled", title=activity["title"], day=_day(on),
                            hint="text.no_cancellation_hint")  # fmt: skip
    row = next(
        r for r in occurrences(db, start=on, end=on, timezone=timezone, activity_id=activity_id)
        if r["original_date"] == on.isoformat()
    )  # fmt: skip
    lines = _wrap(_("text.cancelled_title", title=activity["title"]))
    lines += _wrap(_when(row))
    if row["location"]:
        lines += _wrap(row["location"])
    if row["public_note"]:
        lines += _wrap(_("text.reason", note=row["public_note"]))
    following = [
        r for r in occurrences(db, start=on + timedelta(days=1), end=on + timedelta(days=92),
                               timezone=timezone, activity_id=activity_id)
        if r["status"] != "cancelled"
    ]  # fmt: skip
    if following:
        lines += ["", *_wrap(_("text.next_time", when=_when(following[0])))]
    lines += _wrap(_("text.sorry"))
    return "\n".join(lines)


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def welcome_text(db, member_id: int, *, circle_name: str, with_first_name: bool) -> str:
    """A welcome for a new member; their first name only when they agreed."""
    from voorzorg.domain.members import get_member

    member = get_member(db, member_id)
    if member["left_on"] is not None:
        raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
    if member["restricted"]:
        raise VoorzorgError("member.restricted", name=member["name"])
    if with_first_name:
        greeting = _("text.welcome_named", circle=circle_name, name=first_name(member["name"]))
    else:
        greeting = _("text.welcome_anonymous", circle=circle_name)
    lines = _wrap(greeting)
    for key in ("text.welcome_body", "text.welcome_agenda"):
        lines += ["", *_wrap(_(key))]
    return "\n".join(lines)
