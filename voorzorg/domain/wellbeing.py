"""Wellbeing check-ins: six Positive Health self-ratings and the De Jong Gierveld
six-item loneliness scale, only with the member's ``wellbeing`` consent.

A check-in is allowed at most once per interval (``[privacy]
wellbeing_interval_months``, default 6; 0 for no limit). The answers are stored as
given; ``score_loneliness`` derives the scores as the scale's manual publishes them
(docs/welbevinden.md). The free note never leaves the circle: it is in the member's
own export and history, in no view, feed, chart or statistics release.
Withdrawing the consent deletes the check-ins (``departures.withdraw_consent``).
"""

from __future__ import annotations

from datetime import date, datetime

from voorzorg import clock
from voorzorg.clock import DEFAULT_TIMEZONE
from voorzorg.dates import format_day
from voorzorg.domain.consents import active_purposes
from voorzorg.domain.members import get_member
from voorzorg.errors import VoorzorgError
from voorzorg.text import clean_line

# The six dimensions of Positive Health (Huber 2011), in the order of the spider web.
DIMENSIONS = ("body", "mental", "meaning", "quality", "participation", "daily")
# The six loneliness items in the order asked; three emotional (negatively worded),
# three social (positively worded), as in De Jong Gierveld & Van Tilburg (2006).
EMOTIONAL = ("emptiness", "miss_people", "rejected")
SOCIAL = ("lean_on", "trust", "close")
ITEMS = ("emptiness", "lean_on", "trust", "miss_people", "close", "rejected")
ANSWERS = ("yes", "more_or_less", "no")
DEFAULT_INTERVAL_MONTHS = 6
NOTE_MAX = 500

_ANSWER_WORDS = {
    "yes": "yes", "y": "yes", "ja": "yes", "j": "yes",
    "more_or_less": "more_or_less", "more-or-less": "more_or_less", "more or less": "more_or_less",
    "min of meer": "more_or_less", "min-of-meer": "more_or_less", "minofmeer": "more_or_less",
    "mom": "more_or_less", "m": "more_or_less", "soms": "more_or_less",
    "no": "no", "n": "no", "nee": "no",
    "-": None, "?": None, "weet niet": None, "geen antwoord": None, "": None,
}  # fmt: skip


def parse_answer(text: str | None, *, item: str) -> str | None:
    """``ja`` / ``min of meer`` / ``nee`` (or English), ``-`` for no answer."""
    if text is None:
        return None
    key = " ".join(str(text).strip().lower().rstrip(".!").split())
    if key not in _ANSWER_WORDS:
        raise VoorzorgError("wellbeing.bad_answer", text=text, item=item)
    return _ANSWER_WORDS[key]


def parse_rating(value, *, dimension: str) -> int:
    """A whole number from 0 to 10."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 10:
        raise VoorzorgError("wellbeing.bad_rating", text=value, dimension=dimension)
    return int(text)


def score_loneliness(answers: dict[str, str | None]) -> dict:
    """The published scoring of the six-item scale.

    Emotional (negative) items count 1 for yes or more-or-less; social (positive) items
    count 1 for no or more-or-less. A subscale with a missing item is missing; the total
    is missing with more than one missing item. Categories of the total: 0-1 not lonely,
    2-4 moderately, 5-6 severely lonely.
    """
    for item in ITEMS:
        if answers.get(item) not in (*ANSWERS, None):
            raise VoorzorgError("wellbeing.bad_answer", text=answers.get(item), item=item)
    point = {item: None for item in ITEMS}
    for item in EMOTIONAL:
        if answers.get(item) is not None:
            point[item] = int(answers[item] in ("yes", "more_or_less"))
    for item in SOCIAL:
        if answers.get(item) is not None:
            point[item] = int(answers[item] in ("no", "more_or_less"))

    def subscale(items):
        values = [point[i] for i in items]
        return None if None in values else sum(values)

    missing = sum(1 for i in ITEMS if point[i] is None)
    total = None if missing > 1 else sum(v for v in point.values() if v is not None)
    if total is None:
        category = None
    elif total <= 1:
        category = "not_lonely"
    elif total <= 4:
        category = "moderate"
    else:
        category = "severe"
    return {
        "emotional": subscale(EMOTIONAL),
        "social": subscale(SOCIAL),
        "total": total,
        "category": category,
        "missing": missing,
    }


def loneliness_text(scores: dict) -> str:
    """The overall score and its category in words, e.g. "3 van 6 (matig eenzaam)"."""
    from voorzorg.i18n import _

    if scores["total"] is None:
        return _("wellbeing.lon.unscored")
    return _("wellbeing.lon.scored", total=scores["total"],
             category=_("wellbeing.category." + scores["category"]))  # fmt: skip


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


_COLUMNS = (
    "id", "member_id", "taken_on", *DIMENSIONS, *(f"lon_{i}" for i in ITEMS), "note",
    "recorded_by", "recorded_at",
)  # fmt: skip


def _as_dict(row) -> dict:
    raw = dict(zip(_COLUMNS, row, strict=True))
    answers = {item: raw.pop(f"lon_{item}") for item in ITEMS}
    raw["ratings"] = {d: raw.pop(d) for d in DIMENSIONS}
    raw["loneliness"] = answers
    raw["scores"] = score_loneliness(answers)
    return raw


def list_checkins(db, member_id: int) -> list[dict]:
    """The member's check-ins, oldest first."""
    rows = db.execute(
        f"""SELECT {", ".join(_COLUMNS)} FROM wellbeing_checkins WHERE member_id = ?
            ORDER BY taken_on, id""",
        [member_id],
    ).fetchall()
    return [_as_dict(r) for r in rows]


def require_consent(db, member_id: int) -> dict:
    """The member, if a check-in may be recorded (or a named form printed): still in the
    circle, not restricted, with an active ``wellbeing`` consent."""
    member = get_member(db, member_id)
    if member["left_on"] is not None:
        raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
    if member["restricted"]:  # Art. 18: kept, not processed further
        raise VoorzorgError("member.restricted", name=member["name"])
    if "wellbeing" not in active_purposes(db, member_id):
        raise VoorzorgError("wellbeing.no_consent", name=member["name"])
    return member


def check_day(
    db,
    member: dict,
    taken_on: date,
    *,
    today: date,
    timezone: str,
    interval_months: int = DEFAULT_INTERVAL_MONTHS,
    exclude_id: int | None = None,
) -> None:
    """Refuse a check-in day that cannot be: in the future, before the member joined,
    before their ``wellbeing`` consent was given (a health record may not predate its
    consent), or within ``interval_months`` of another of their check-ins. Called before
    anything is asked, and again inside the transaction that stores the check-in."""
    from voorzorg.dates import zone

    if taken_on > today:
        raise VoorzorgError("wellbeing.in_future", on=format_day(taken_on))
    joined = member.get("joined_on")
    if joined and taken_on < date.fromisoformat(str(joined)[:10]):
        raise VoorzorgError("wellbeing.before_joined", name=member["name"],
                            on=format_day(taken_on),
                            joined=format_day(date.fromisoformat(str(joined)[:10])))  # fmt: skip
    row = db.execute(
        """SELECT max(given_at) FROM consents
           WHERE member_id = ? AND purpose = 'wellbeing' AND withdrawn_at IS NULL""",
        [member["id"]],
    ).fetchone()
    if row and row[0]:
        given = datetime.fromisoformat(row[0]).astimezone(zone(timezone)).date()
        if taken_on < given:
            raise VoorzorgError("wellbeing.before_consent", name=member["name"],
                                on=format_day(taken_on), given=format_day(given))  # fmt: skip
    if interval_months <= 0:
        return
    rows = db.execute(
        "SELECT id, taken_on FROM wellbeing_checkins WHERE member_id = ?", [member["id"]]
    ).fetchall()
    for other_id, other in rows:
        if other_id == exclude_id:
            continue
        other_day = date.fromisoformat(other)
        earlier, later = sorted([other_day, taken_on])
        if add_months(earlier, interval_months) > later:
            if taken_on < other_day:
                raise VoorzorgError("wellbeing.too_close", name=member["name"],
                                    last=format_day(other_day), months=interval_months)  # fmt: skip
            raise VoorzorgError(
                "wellbeing.too_soon",
                name=member["name"],
                last=format_day(other_day),
                months=interval_months,
                allowed=format_day(add_months(other_day, interval_months)),
            )


def record_checkin(
    db,
    member_id: int,
    *,
    ratings: dict[str, int],
    loneliness: dict[str, str | None],
    note: str | None = None,
    taken_on: date,
    today: date,
    timezone: str = DEFAULT_TIMEZONE,
    interval_months: int = DEFAULT_INTERVAL_MONTHS,
    recorded_by: str | None = None,
) -> dict:
    """Store one check-in (one transaction) and return it with its scores."""
    member = require_consent(db, member_id)
    values = {d: parse_rating(ratings.get(d, ""), dimension=d) for d in DIMENSIONS}
    answers = {i: parse_answer(loneliness.get(i), item=i) for i in ITEMS}
    note = clean_line(note, field="note", max_length=NOTE_MAX) or None
    recorded_by = clean_line(recorded_by, field="recorded-by", max_length=80)
    with db.atomic():
        check_day(db, member, taken_on, today=today, timezone=timezone,
                  interval_months=interval_months)  # fmt: skip
        cursor = db.execute(
            f"""INSERT INTO wellbeing_checkins ({", ".join(_COLUMNS[1:])})
                VALUES ({", ".join("?" * (len(_COLUMNS) - 1))})""",
            [
                member_id, taken_on.isoformat(), *(values[d] for d in DIMENSIONS),
                *(answers[i] for i in ITEMS), note, recorded_by, clock.stamp(),
            ],
        )  # fmt: skip
        checkin_id = cursor.lastrowid
    row = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM wellbeing_checkins WHERE id = ?", [checkin_id]
    ).fetchone()
    result = _as_dict(row)
    result["member_name"] = member["name"]
    return result


def purge_checkins(db, before: date, *, dry_run: bool = False) -> int:
    """Check-ins taken before ``before`` are deleted (the retention period, ``[privacy]
    wellbeing_months``; ``voorzorg purge``); returns how many."""
    day = before.isoformat()
    count = db.execute(
        "SELECT count(*) FROM wellbeing_checkins WHERE taken_on < ?", [day]
    ).fetchone()[0]
    if count and not dry_run:
        with db.atomic():
            db.execute("DELETE FROM wellbeing_checkins WHERE taken_on < ?", [day])
    return count


def delete_checkin(db, member_id: int, taken_on: date, *, changed_by: str | None = None) -> dict:
    """Delete the member's check-in of ``taken_on`` (a form typed in wrongly, or the
    member's wish), note the change (never the values) in the member's history, and
    compact the file so the deleted answers leave its bytes. Allowed whatever the
    member's consent or status: deleting never needs a reason."""
    from voorzorg.domain.changes import log_change
    from voorzorg.storage.store import compact

    member = get_member(db, member_id)
    changed_by = clean_line(changed_by, field="recorded-by", max_length=80)
    with db.atomic():
        cursor = db.execute(
            "DELETE FROM wellbeing_checkins WHERE member_id = ? AND taken_on = ?",
            [member_id, taken_on.isoformat()],
        )
        if cursor.rowcount == 0:
            raise VoorzorgError("wellbeing.delete.none_on", name=member["name"],
                                day=format_day(taken_on))  # fmt: skip
        log_change(db, member_id, ["wellbeing"], clock.stamp(), changed_by)
    compacted = True if db.conn.in_transaction else compact(db)
    return {"member_id": member_id, "member_name": member["name"],
            "taken_on": taken_on.isoformat(), "compacted": compacted}  # fmt: skip


def delete_checkins(db, member_id: int) -> int:
    """Remove every check-in of the member (inside the caller's transaction)."""
    cursor = db.execute("DELETE FROM wellbeing_checkins WHERE member_id = ?", [member_id])
    return cursor.rowcount
