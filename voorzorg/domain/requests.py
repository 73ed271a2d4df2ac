"""Requests (hulpvragen): one concrete request, taken in by a connector.

Life of a request: open -> a member is asked -> they say yes (accepted) or no
(the request stays open and the next suggestion moves on) -> done. An open or
accepted request can also be cancelled, or referred to a professional or a
trained volunteer. Every change fires an event after it is committed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from voorzorg.clock import stamp as utc_text
from voorzorg.dates import show_stored
from voorzorg.errors import VoorzorgError
from voorzorg.storage.store import circle_meta
from voorzorg.text import clean_line, fold

OPEN_STATES = ("open", "accepted")
NOTE_MAX = 200
# Words that suggest a medical detail in a note. A note says what is needed
# ("lift to the hospital, Tuesday"), not why; the CLI warns when it sees these.
MEDICAL_WORDS = (
    "diagnose", "kanker", "tumor", "chemo", "bestraling", "dementie", "alzheimer",
    "parkinson", "diabetes", "suikerziekte", "hartaanval", "hartinfarct", "beroerte",
    "herseninfarct", "depressie", "psychose", "angststoornis", "copd", "longziekte",
    "operatie", "geopereerd", "medicijn", "medicatie", "insuline", "dialyse",
    "incontinent", "verslaving", "ms ", "hiv", "epilepsie", "heupfractuur", "gebroken",
    "cancer", "dementia", "stroke", "surgery", "medication", "diagnosis",
)  # fmt: skip

_SELECT = """
    SELECT r.id, r.for_id, f.name, r.category, r.wanted_at, r.note, r.status,
           r.helper_id, h.name, r.referred_to, r.closing_note, r.created_at,
           r.accepted_at, r.closed_at,
           EXISTS (SELECT 1 FROM request_asks a
                   WHERE a.request_id = r.id AND a.answer IS NULL) AS waiting,
           r.helper_erased
    FROM requests r LEFT JOIN members f ON f.id = r.for_id
    LEFT JOIN members h ON h.id = r.helper_id
"""
_KEYS = (
    "id", "for_id", "for_name", "category", "wanted_at", "note", "status", "helper_id",
    "helper_name", "referred_to", "closing_note", "created_at", "accepted_at", "closed_at",
)  # fmt: skip


def looks_medical(note: str | None) -> bool:
    if not note:
        return False
    folded = f" {fold(note)} "
    return any(word in folded for word in MEDICAL_WORDS)


def _emit(db, name: str, request: dict, member_id: int | None = None) -> None:
    # Ids only: the category of a request says what someone needs (health data).
    data = {"request_id": request["id"], "for_id": request["for_id"]}
    if member_id is not None:
        data["member_id"] = member_id
    if request.get("helper_id") is not None:
        data["helper_id"] = request["helper_id"]
    from voorzorg import events  # only changes emit: reading commands skip dataclasses

    events.emit(events.Event(name, circle_meta(db, "circle_id", ""), data))


def _as_dict(row) -> dict:
    item = dict(zip(_KEYS, row[: len(_KEYS)], strict=True))
    item["state"] = "asked" if item["status"] == "open" and row[len(_KEYS)] else item["status"]
    # An erased member stays in another member's history as "verwijderd lid" only.
    item["for_erased"] = item["for_id"] is None
    item["helper_erased"] = bool(row[len(_KEYS) + 1])
    if item["for_erased"] or item["helper_erased"]:
        from voorzorg.i18n import _

        if item["for_erased"]:
            item["for_name"] = _("privacy.erased_member")
        if item["helper_erased"]:
            item["helper_name"] = _("privacy.erased_member")
    return item


def get_request(db, request_id: int) -> dict:
    row = db.execute(_SELECT + " WHERE r.id = ?", [request_id]).fetchone()
    if row is None:
        raise VoorzorgError("request.unknown", id=request_id)
    item = _as_dict(row)
    item["asks"] = [
        {"member_id": r[0], "name": r[1], "asked_at": r[2], "answer": r[3], "answered_at": r[4]}
        for r in db.execute(
            """SELECT a.member_id, m.name, a.asked_at, a.answer, a.answered_at
               FROM request_asks a JOIN members m ON m.id = a.member_id
               WHERE a.request_id = ? ORDER BY a.asked_at, a.id""",
            [request_id],
        ).fetchall()
    ]
    return item


ANSWERS = {"yes": True, "ja": True, "y": True, "j": True, "no": False, "nee": False, "n": False}


def parse_answer(text: str) -> bool:
    """ "ja"/"yes" -> True, "nee"/"no" -> False (also "j", "y", "n")."""
    value = text.strip().lower()
    if value not in ANSWERS:
        raise VoorzorgError("request.bad_answer", text=text)
    return ANSWERS[value]


def parse_request_id(text: str) -> int:
    value = text.strip().lstrip("#")
    if not value.isdigit():
        raise VoorzorgError("request.bad_id", text=text)
    return int(value)


def wanted_text(wanted_at: datetime | date | None) -> str | None:
    """The stored form of when help is wanted: "2026-12-03 10:00", or "2026-12-03"
    for a day whose time is not known yet."""
    from voorzorg.dates import local_text

    if wanted_at is None:
        return None
    if isinstance(wanted_at, datetime):
        return local_text(wanted_at)
    return wanted_at.isoformat()


def _in_past(db, wanted_at: datetime | date, now: datetime) -> bool:
    if isinstance(wanted_at, datetime):
        return wanted_at < now
    return wanted_at < now.astimezone(_circle_zone(db)).date()


def _shown(db, instant: str) -> str:
    """A stored instant as people read it in the circle's zone: "ma 30 nov 2026, 09:15"."""
    from voorzorg.clock import DEFAULT_TIMEZONE
    from voorzorg.dates import show_instant

    return show_instant(instant, circle_meta(db, "timezone", DEFAULT_TIMEZONE))


def _circle_zone(db):
    from voorzorg.clock import DEFAULT_TIMEZONE, zone

    return zone(circle_meta(db, "timezone", DEFAULT_TIMEZONE))


def add_request(
    db,
    *,
    for_id: int,
    category: str,
    now: datetime,
    wanted_at: datetime | date | None = None,
    note: str | None = None,
) -> dict:
    """Take in a request. ``wanted_at`` is an aware local time, or a date when the
    time is not known yet; it may not be in the past (see ``log_done`` for help
    that already happened)."""
    from voorzorg.domain.consents import active_purposes
    from voorzorg.domain.members import get_member

    member = get_member(db, for_id)
    _check_can_take_part(member)
    if "matching" not in active_purposes(db, for_id):
        raise VoorzorgError(
            "request.needs_consent", name=member["name"], hint="member.needs_consent_hint"
        )
    note = clean_line(note, field="note", max_length=NOTE_MAX)
    if wanted_at is not None and _in_past(db, wanted_at, now):
        raise VoorzorgError(
            "request.in_past", when=show_stored(wanted_text(wanted_at)), hint="request.in_past_hint"
        )
    with db.atomic():
        cursor = db.execute(
            """INSERT INTO requests (for_id, category, wanted_at, note, status, created_at)
               VALUES (?, ?, ?, ?, 'open', ?)""",
            [for_id, category, wanted_text(wanted_at), note, utc_text(now)],
        )
    request = get_request(db, cursor.lastrowid)
    _emit(db, "request.created", request)
    return request


def log_done(
    db,
    *,
    for_id: int,
    helper_id: int,
    category: str,
    when: datetime | date,
    now: datetime,
    note: str | None = None,
) -> dict:
    """Record help that already happened: a request that was asked, accepted and done.

    ``when`` is the moment (or the day) it happened and may not lie in the future.
    The ask, the yes and the closing are dated to that moment (noon on the day when
    the time is not known), so "given and received" counts it in the right period.
    Needs ``matching`` consent of both, as the ordinary flow does.
    """
    from datetime import UTC, time

    from voorzorg.domain.consents import active_purposes
    from voorzorg.domain.members import get_member

    requester = get_member(db, for_id)
    helper = get_member(db, helper_id)
    if for_id == helper_id:
        raise VoorzorgError("request.ask_requester", name=helper["name"])
    checks = ((requester, "request.needs_consent"), (helper, "request.helper_needs_consent"))
    for person, key in checks:
        if person["restricted"]:
            raise VoorzorgError("member.restricted", name=person["name"])
        if "matching" not in active_purposes(db, person["id"]):
            raise VoorzorgError(key, name=person["name"], hint="member.needs_consent_hint")
    tz = _circle_zone(db)
    if isinstance(when, datetime):
        future = when > now
        moment = when
    else:
        future = when > now.astimezone(tz).date()
        moment = datetime.combine(when, time(12, 0), tzinfo=tz)
    if future:
        raise VoorzorgError("request.done_in_future", when=show_stored(wanted_text(when)))
    # Today without a time, before noon: the help is dated now, never in the future.
    moment = min(moment.astimezone(UTC), now.astimezone(UTC))
    note = clean_line(note, field="note", max_length=NOTE_MAX)
    stamp = utc_text(moment)
    with db.atomic():
        cursor = db.execute(
            """INSERT INTO requests (for_id, category, wanted_at, note, status, helper_id,
                                     created_at, accepted_at, closed_at)
               VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?)""",
            [for_id, category, wanted_text(when), note, helper_id, stamp, stamp, stamp],
        )
        request_id = cursor.lastrowid
        db.execute(
            """INSERT INTO request_asks (request_id, member_id, asked_at, answer, answered_at)
               VALUES (?, ?, ?, 'yes', ?)""",
            [request_id, helper_id, stamp, stamp],
        )
    request = get_request(db, request_id)
    _emit(db, "request.done", request)
    return request


def set_wanted(db, request_id: int, wanted_at: datetime | date, *, now: datetime) -> dict:
    """Set or change when an open or accepted request is wanted (the time became known)."""
    request = get_request(db, request_id)
    _require_state(request, OPEN_STATES, "reschedule")
    if _in_past(db, wanted_at, now):
        raise VoorzorgError("request.in_past", when=show_stored(wanted_text(wanted_at)))
    with db.atomic():
        db.execute(
            "UPDATE requests SET wanted_at = ?, changed_at = ? WHERE id = ?",
            [wanted_text(wanted_at), utc_text(now), request_id],
        )
    updated = get_request(db, request_id)
    _emit(db, "request.changed", updated)
    return updated


def _check_can_take_part(member: dict) -> None:
    if member["left_on"] is not None:
        raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
    if member["restricted"]:
        raise VoorzorgError("member.restricted", name=member["name"])


def check_requester(db, request: dict) -> None:
    """The member a request is for must still take part and allow matching."""
    from voorzorg.domain.consents import active_purposes
    from voorzorg.domain.members import get_member

    member = get_member(db, request["for_id"])
    _check_can_take_part(member)
    if "matching" not in active_purposes(db, member["id"]):
        raise VoorzorgError(
            "request.needs_consent", name=member["name"], hint="member.needs_consent_hint"
        )


def close_for_member(db, member_id: int, *, now: datetime, reason: str) -> list[int]:
    """When a member leaves or withdraws matching consent: their own open requests are
    cancelled, and requests they had agreed to help with open again for someone else."""
    from voorzorg.i18n import _

    note = _("request.closing_" + reason)
    touched = []
    own = db.execute(
        "SELECT id FROM requests WHERE for_id = ? AND status IN ('open', 'accepted')",
        [member_id],
    ).fetchall()
    for (request_id,) in own:
        cancel(db, request_id, now=now, note=note)
        touched.append(request_id)
    if reason == "left":
        helping = db.execute(
            "SELECT id FROM requests WHERE helper_id = ? AND status = 'accepted'", [member_id]
        ).fetchall()
        for (request_id,) in helping:
            answer(db, request_id, member_id, False, now=now)
            touched.append(request_id)
    return touched


def _require_state(request: dict, allowed: tuple[str, ...], action: str) -> None:
    from voorzorg.i18n import _

    if request["status"] not in allowed:
        status = _("state." + request["state"])
        raise VoorzorgError(f"request.cannot_{action}", id=request["id"], status=status)


def ask(db, request_id: int, member_id: int, *, now: datetime) -> dict:
    """Log that ``member_id`` was asked to help with the request."""
    from voorzorg.domain.consents import active_purposes
    from voorzorg.domain.members import get_member

    request = get_request(db, request_id)
    _require_state(request, ("open",), "ask")
    check_requester(db, request)
    member = get_member(db, member_id)
    if member_id == request["for_id"]:
        raise VoorzorgError("request.ask_requester", name=member["name"])
    _check_can_take_part(member)
    if "matching" not in active_purposes(db, member_id):
        raise VoorzorgError("request.helper_needs_consent", name=member["name"])
    for previous in request["asks"]:
        if previous["member_id"] == member_id:
            key = (
                "request.already_said_no" if previous["answer"] == "no" else "request.already_asked"
            )
            raise VoorzorgError(key, name=member["name"], at=_shown(db, previous["asked_at"]))
    with db.atomic():
        db.execute(
            "INSERT INTO request_asks (request_id, member_id, asked_at) VALUES (?, ?, ?)",
            [request_id, member_id, utc_text(now)],
        )
    request = get_request(db, request_id)
    _emit(db, "request.asked", request, member_id)
    return request


def answer(db, request_id: int, member_id: int, yes: bool, *, now: datetime) -> dict:
    """Record a yes or no. A yes accepts the request; a no (even after a yes) reopens it."""
    from voorzorg.domain.members import get_member

    request = get_request(db, request_id)
    member = get_member(db, member_id)
    asked = next((a for a in request["asks"] if a["member_id"] == member_id), None)
    if asked is None:
        raise VoorzorgError("request.never_asked", name=member["name"], id=request_id)
    if yes:
        # A member who said no may still change their mind while the request is open.
        _require_state(request, ("open",), "accept")
        check_requester(db, request)
    else:
        _require_state(request, OPEN_STATES, "decline")
        if request["status"] == "accepted" and request["helper_id"] != member_id:
            raise VoorzorgError("request.accepted_by_other", name=request["helper_name"])
        if asked["answer"] == "no":
            raise VoorzorgError("request.already_said_no", name=member["name"],
                                at=_shown(db, asked["answered_at"]))  # fmt: skip
    stamp = utc_text(now)
    with db.atomic():
        db.execute(
            """UPDATE request_asks SET answer = ?, answered_at = ?
               WHERE request_id = ? AND member_id = ?""",
            ["yes" if yes else "no", stamp, request_id, member_id],
        )
        if yes:
            db.execute(
                """UPDATE requests SET status = 'accepted', helper_id = ?, accepted_at = ?
                   WHERE id = ?""",
                [member_id, stamp, request_id],
            )
        elif request["status"] == "accepted":
            db.execute(
                """UPDATE requests SET status = 'open', helper_id = NULL, accepted_at = NULL
                   WHERE id = ?""",
                [request_id],
            )
    updated = get_request(db, request_id)
    _emit(db, "request.accepted" if yes else "request.declined", updated, member_id)
    return updated


def _close(db, request: dict, status: str, now: datetime, **fields) -> dict:
    assignments = ", ".join(f"{k} = ?" for k in fields)
    with db.atomic():
        db.execute(
            f"""UPDATE requests SET status = ?, closed_at = ?{", " if fields else ""}{assignments}
                WHERE id = ?""",
            [status, utc_text(now), *fields.values(), request["id"]],
        )
    updated = get_request(db, request["id"])
    _emit(db, f"request.{status}", updated)
    return updated


def mark_done(db, request_id: int, *, now: datetime, note: str | None = None) -> dict:
    request = get_request(db, request_id)
    _require_state(request, ("accepted",), "done")
    note = clean_line(note, field="note", max_length=NOTE_MAX)
    return _close(db, request, "done", now, closing_note=note)


def cancel(db, request_id: int, *, now: datetime, note: str | None = None) -> dict:
    request = get_request(db, request_id)
    _require_state(request, OPEN_STATES, "cancel")
    note = clean_line(note, field="note", max_length=NOTE_MAX)
    return _close(db, request, "cancelled", now, closing_note=note)


def refer(db, request_id: int, *, to: str, now: datetime, note: str | None = None) -> dict:
    """Log that the request was passed to a professional or a trained volunteer."""
    request = get_request(db, request_id)
    _require_state(request, OPEN_STATES, "refer")
    to = clean_line(to, field="organisation", max_length=100, required=True)
    note = clean_line(note, field="note", max_length=NOTE_MAX)
    return _close(db, request, "referred", now, referred_to=to, closing_note=note)


def list_requests(
    db, *, open_only: bool = False, member_id: int | None = None, status: str | None = None
) -> list[dict]:
    where, params = [], []
    if open_only:
        where.append("r.status IN ('open', 'accepted')")
    if status:
        where.append("r.status = ?")
        params.append(status)
    if member_id is not None:
        where.append(
            "(r.for_id = ? OR r.helper_id = ? OR r.id IN "
            "(SELECT request_id FROM request_asks WHERE member_id = ?))"
        )
        params += [member_id] * 3
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.id"
    return [_as_dict(row) for row in db.execute(sql, params).fetchall()]


def reciprocity(db, member_id: int, *, now: datetime, days: int = 365) -> dict:
    """Help given and received (requests done) in the last ``days`` days."""
    since = utc_text(now - timedelta(days=days))
    given, received = db.execute(
        """SELECT
             (SELECT count(*) FROM requests
              WHERE helper_id = ? AND status = 'done' AND closed_at >= ?),
             (SELECT count(*) FROM requests
              WHERE for_id = ? AND status = 'done' AND closed_at >= ?)""",
        [member_id, since, member_id, since],
    ).fetchone()
    return {"days": days, "given": given, "received": received}
