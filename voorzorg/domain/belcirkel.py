"""The calling rota (belcirkel): members who want a regular call, and who calls them.

A member is linked to one caller at a time: every day, or weekly on a weekday, in the
morning or the afternoon. ``due_calls`` lists the calls of a day; the caller records
each call as reached or not reached. When the last two recorded calls of a link were
both not reached, a ``belcirkel.missed`` event is fired after the commit (ids only) so
the notify integration can warn the connectors: the circle's safety net, seeing when
someone is missing.

Both members need the ``matching`` consent (a standing arrangement between members,
like an agreement; docs/privacy.md explains the choice). A member who is away has no
call due and cannot be recorded (so no alert either); a restricted member is in no
list and raises no alert; leaving the circle or withdrawing the consent ends the link
(``departures``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from voorzorg.clock import stamp as utc_text
from voorzorg.dates import format_day
from voorzorg.errors import VoorzorgError
from voorzorg.storage.store import circle_meta

FREQUENCIES = ("daily", "weekly")
PARTS = ("morning", "afternoon")
OUTCOMES = ("reached", "not_reached")
_OUTCOME_WORDS = {
    "reached": "reached", "bereikt": "reached", "ja": "reached", "yes": "reached",
    "gesproken": "reached", "not_reached": "not_reached", "not-reached": "not_reached",
    "niet-bereikt": "not_reached", "niet_bereikt": "not_reached", "nee": "not_reached",
    "no": "not_reached", "geen-gehoor": "not_reached",
}  # fmt: skip
_LINK_COLUMNS = (
    "id", "member_id", "caller_id", "frequency", "weekday", "part", "started_on",
    "ended_on", "created_at",
)  # fmt: skip


def parse_outcome(text: str) -> str:
    value = _OUTCOME_WORDS.get(text.strip().lower().replace(" ", "-"))
    if value is None:
        raise VoorzorgError("belcirkel.bad_outcome", text=text)
    return value


def _member(db, member_id: int) -> dict:
    from voorzorg.domain.members import get_member

    return get_member(db, member_id)


def _usable(member: dict, *, today: date) -> None:
    """A member who can be in a new link: in the circle, not restricted, consenting."""
    if member["left_on"] is not None:
        raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
    if member["restricted"]:
        raise VoorzorgError("member.restricted", name=member["name"])
    if "matching" not in member["consents"]:
        raise VoorzorgError("belcirkel.needs_consent", name=member["name"])


def _link(row) -> dict:
    return dict(zip(_LINK_COLUMNS, row, strict=True))


def get_link(db, link_id: int) -> dict:
    row = db.execute(
        f"SELECT {', '.join(_LINK_COLUMNS)} FROM belcirkel_links WHERE id = ?", [link_id]
    ).fetchone()
    if row is None:
        raise VoorzorgError("belcirkel.unknown_link", id=link_id)
    return _link(row)


def active_link(db, member_id: int) -> dict | None:
    row = db.execute(
        f"""SELECT {", ".join(_LINK_COLUMNS)} FROM belcirkel_links
            WHERE member_id = ? AND ended_on IS NULL""",
        [member_id],
    ).fetchone()
    return _link(row) if row else None


def add_link(
    db,
    member_id: int,
    caller_id: int,
    *,
    frequency: str,
    weekday: int | None,
    part: str,
    today: date,
    now: datetime,
) -> dict:
    """Link ``member_id`` to ``caller_id``; the member's existing link is replaced."""
    if frequency not in FREQUENCIES or part not in PARTS:
        raise VoorzorgError("belcirkel.bad_schedule")
    if (frequency == "weekly") != (weekday is not None):
        raise VoorzorgError("belcirkel.bad_schedule")
    if member_id == caller_id:
        raise VoorzorgError("belcirkel.self")
    member, caller = _member(db, member_id), _member(db, caller_id)
    _usable(member, today=today)
    _usable(caller, today=today)
    current = active_link(db, member_id)
    with db.atomic():
        if current is not None:
            db.execute(
                "UPDATE belcirkel_links SET ended_on = ? WHERE id = ?",
                [today.isoformat(), current["id"]],
            )
        cursor = db.execute(
            """INSERT INTO belcirkel_links
                 (member_id, caller_id, frequency, weekday, part, started_on, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [member_id, caller_id, frequency, weekday, part, today.isoformat(), utc_text(now)],
        )
    return {**get_link(db, cursor.lastrowid), "replaced": current["id"] if current else None}


def end_link(db, member_id: int, *, today: date) -> dict:
    """Stop calling ``member_id`` (``belcirkel remove``); the call log stays until purged."""
    current = active_link(db, member_id)
    if current is None:
        raise VoorzorgError("belcirkel.no_link", name=_member(db, member_id)["name"])
    with db.atomic():
        db.execute(
            "UPDATE belcirkel_links SET ended_on = ? WHERE id = ?",
            [today.isoformat(), current["id"]],
        )
    return get_link(db, current["id"])


def end_links_for(db, member_id: int, *, on: str) -> list[int]:
    """End every link ``member_id`` is in, called or calling (leaving, withdrawing).

    Runs inside the caller's transaction when there is one."""
    rows = db.execute(
        """SELECT id FROM belcirkel_links
           WHERE (member_id = ? OR caller_id = ?) AND ended_on IS NULL ORDER BY id""",
        [member_id, member_id],
    ).fetchall()
    ids = [r[0] for r in rows]
    for link_id in ids:
        db.execute("UPDATE belcirkel_links SET ended_on = ? WHERE id = ?", [on, link_id])
    return ids


def list_links(db, *, include_ended: bool = False) -> list[dict]:
    """The rota with names, the called member's phone, and each link's last call."""
    where = "" if include_ended else "WHERE l.ended_on IS NULL"
    rows = db.execute(
        f"""SELECT {", ".join("l." + c for c in _LINK_COLUMNS)}, m.name, m.phone,
                   c.name, m.restricted_at IS NOT NULL, m.away_until,
                   (SELECT call_date || ' ' || outcome FROM belcirkel_calls
                    WHERE link_id = l.id ORDER BY call_date DESC LIMIT 1)
            FROM belcirkel_links l JOIN members m ON m.id = l.member_id
            LEFT JOIN members c ON c.id = l.caller_id
            {where} ORDER BY m.name COLLATE NOCASE, l.id"""
    ).fetchall()
    result = []
    for row in rows:
        item = _link(row[: len(_LINK_COLUMNS)])
        name, phone, caller, restricted, away, last = row[len(_LINK_COLUMNS) :]
        if restricted:
            continue  # a restricted member's data is not processed, not even listed
        item |= {"member_name": name, "phone": phone, "caller_name": caller,
                 "away_until": away, "last_call": last}  # fmt: skip
        result.append(item)
    return result


def _is_due(link: dict, day: date) -> bool:
    if day.isoformat() < link["started_on"]:
        return False
    if link["ended_on"] is not None and day.isoformat() >= link["ended_on"]:
        return False
    return link["frequency"] == "daily" or link["weekday"] == day.weekday()


def _away(away_until: str | None, day: date) -> bool:
    return bool(away_until) and away_until >= day.isoformat()


def due_calls(db, day: date) -> list[dict]:
    """The calls of ``day``: morning first, then by name; each with what was recorded.

    Members who are away or restricted are left out. A call whose caller cannot call
    (away, restricted, erased) is listed with ``needs_stand_in`` and no caller's name.
    """
    rows = db.execute(
        f"""SELECT {", ".join("l." + c for c in _LINK_COLUMNS)}, m.name, m.phone,
                   m.restricted_at IS NOT NULL, m.away_until, c.name, c.phone,
                   c.restricted_at IS NOT NULL, c.away_until, k.outcome
            FROM belcirkel_links l JOIN members m ON m.id = l.member_id
            LEFT JOIN members c ON c.id = l.caller_id
            LEFT JOIN belcirkel_calls k ON k.link_id = l.id AND k.call_date = ?
            WHERE l.started_on <= ? AND (l.ended_on IS NULL OR l.ended_on > ?)""",
        [day.isoformat()] * 3,
    ).fetchall()
    result = []
    for row in rows:
        link = _link(row[: len(_LINK_COLUMNS)])
        (name, phone, restricted, away, caller, caller_phone, caller_restricted,
         caller_away, outcome) = row[len(_LINK_COLUMNS) :]  # fmt: skip
        if restricted or _away(away, day) or not _is_due(link, day):
            continue
        stand_in = caller is None or bool(caller_restricted) or _away(caller_away, day)
        result.append({
            "link_id": link["id"], "member_id": link["member_id"], "member_name": name,
            "phone": phone, "part": link["part"],
            "caller_id": None if stand_in else link["caller_id"],
            "caller_name": None if stand_in else caller,
            "caller_phone": None if stand_in else caller_phone,
            "needs_stand_in": stand_in, "outcome": outcome,
        })  # fmt: skip
    result.sort(key=lambda c: (PARTS.index(c["part"]), c["member_name"].casefold()))
    return result


def record_call(db, member_id: int, day: date, outcome: str, *, today: date, now: datetime) -> dict:
    """Record the call of ``day`` to ``member_id``; returns it with ``alert`` True when
    this makes two not-reached calls in a row (the event is fired after the commit)."""
    outcome = parse_outcome(outcome)
    member = _member(db, member_id)
    if day > today:
        raise VoorzorgError("belcirkel.future", day=format_day(day))
    if member["restricted"]:
        raise VoorzorgError("member.restricted", name=member["name"])
    if _away(member.get("away_until"), day):
        raise VoorzorgError("belcirkel.away", name=member["name"],
                            until=format_day(date.fromisoformat(member["away_until"])))  # fmt: skip
    link = _link_on(db, member_id, day)
    if link is None:
        raise VoorzorgError("belcirkel.not_due", name=member["name"], day=format_day(day))
    stamp = utc_text(now)
    alert = False
    with db.atomic():
        db.execute(
            """INSERT INTO belcirkel_calls (link_id, call_date, outcome, recorded_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (link_id, call_date) DO UPDATE SET outcome = excluded.outcome,
                 recorded_at = excluded.recorded_at""",
            [link["id"], day.isoformat(), outcome, stamp],
        )
        if outcome == "not_reached":
            last_two = db.execute(
                """SELECT call_date, outcome, alerted_at FROM belcirkel_calls
                   WHERE link_id = ? AND call_date <= ? ORDER BY call_date DESC LIMIT 2""",
                [link["id"], day.isoformat()],
            ).fetchall()
            missed = len(last_two) == 2 and all(r[1] == "not_reached" for r in last_two)
            if missed and last_two[0][2] is None:
                db.execute(
                    """UPDATE belcirkel_calls SET alerted_at = ?
                       WHERE link_id = ? AND call_date = ?""",
                    [stamp, link["id"], day.isoformat()],
                )
                alert = True
    if alert:
        from voorzorg import events

        events.emit(events.Event("belcirkel.missed", circle_meta(db, "circle_id", ""), {
            "link_id": link["id"], "member_id": member_id, "date": day.isoformat(),
        }))  # fmt: skip
    return {"link_id": link["id"], "member_id": member_id, "date": day.isoformat(),
            "outcome": outcome, "alert": alert}  # fmt: skip


def _link_on(db, member_id: int, day: date) -> dict | None:
    rows = db.execute(
        f"""SELECT {", ".join(_LINK_COLUMNS)} FROM belcirkel_links
            WHERE member_id = ? ORDER BY id DESC""",
        [member_id],
    ).fetchall()
    return next((_link(r) for r in rows if _is_due(_link(r), day)), None)


def recent_calls(db, link_id: int, *, days: int = 14, today: date) -> list[dict]:
    start = (today - timedelta(days=days)).isoformat()
    rows = db.execute(
        """SELECT call_date, outcome FROM belcirkel_calls
           WHERE link_id = ? AND call_date >= ? ORDER BY call_date""",
        [link_id, start],
    ).fetchall()
    return [{"date": r[0], "outcome": r[1]} for r in rows]


def purge_calls(db, before: str, *, dry_run: bool = False) -> int:
    """Calls recorded before ``before`` (a UTC stamp) leave the log; returns the count."""
    count = db.execute(
        "SELECT count(*) FROM belcirkel_calls WHERE recorded_at < ?", [before]
    ).fetchone()[0]
    if count and not dry_run:
        with db.atomic():
            db.execute("DELETE FROM belcirkel_calls WHERE recorded_at < ?", [before])
    return count
