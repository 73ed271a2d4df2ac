"""Standing agreements (afspraken) between two members.

"Jan drives Marie to the hospital, weekdays, two days' notice." An agreement names
a helper, the member helped and a category; it may have an end date, and can be
ended early. Because it says what someone needs, the member helped must have
given ``matching`` consent.
"""

from __future__ import annotations

from datetime import date

from voorzorg import clock
from voorzorg.dates import format_day
from voorzorg.errors import VoorzorgError
from voorzorg.text import clean_line

_COLUMNS = (
    "a.id, a.helper_id, h.name, a.for_id, f.name, a.category, a.note, "
    "a.valid_from, a.valid_until, a.ended_on, a.created_at"
)
_KEYS = (
    "id", "helper_id", "helper_name", "for_id", "for_name", "category", "note",
    "valid_from", "valid_until", "ended_on", "created_at",
)  # fmt: skip


def _as_dict(row, today: date) -> dict:
    item = dict(zip(_KEYS, row, strict=True))
    item["active"] = _is_active(item, today)
    return item


def _is_active(item: dict, today: date) -> bool:
    day = today.isoformat()
    # ended_on is the last day the agreement holds, like valid_until.
    return (
        (item["ended_on"] is None or item["ended_on"] >= day)
        and item["valid_from"] <= day
        and (item["valid_until"] is None or item["valid_until"] >= day)
    )


def add_agreement(
    db,
    *,
    helper_id: int,
    for_id: int,
    category: str,
    today: date,
    note: str | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
    at: str | None = None,
) -> dict:
    from voorzorg.domain.consents import active_purposes
    from voorzorg.domain.members import get_member

    if helper_id == for_id:
        raise VoorzorgError("agreement.same_member")
    helper, helped = get_member(db, helper_id), get_member(db, for_id)
    for member in (helper, helped):
        if member["left_on"] is not None:
            raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
        if member["restricted"]:
            raise VoorzorgError("member.restricted", name=member["name"])
    if "matching" not in active_purposes(db, for_id):
        raise VoorzorgError(
            "agreement.needs_consent", name=helped["name"], hint="member.needs_consent_hint"
        )
    note = clean_line(note, field="note", max_length=200)
    start = valid_from or today
    if valid_until is not None and valid_until < today:
        raise VoorzorgError("agreement.in_past", until=format_day(valid_until))
    if valid_until is not None and valid_until < start:
        raise VoorzorgError(
            "agreement.until_before_from", until=format_day(valid_until), start=format_day(start)
        )
    with db.atomic():
        cursor = db.execute(
            """INSERT INTO agreements
               (helper_id, for_id, category, note, valid_from, valid_until, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [
                helper_id,
                for_id,
                category,
                note,
                start.isoformat(),
                valid_until.isoformat() if valid_until else None,
                at or clock.stamp(),
            ],
        )
    return get_agreement(db, cursor.lastrowid, today=today)


def get_agreement(db, agreement_id: int, *, today: date) -> dict:
    row = db.execute(
        f"""SELECT {_COLUMNS} FROM agreements a
            JOIN members h ON h.id = a.helper_id JOIN members f ON f.id = a.for_id
            WHERE a.id = ?""",
        [agreement_id],
    ).fetchone()
    if row is None:
        raise VoorzorgError("agreement.unknown", id=agreement_id)
    return _as_dict(row, today)


def list_agreements(
    db, *, today: date, member_id: int | None = None, include_ended: bool = False
) -> list[dict]:
    where, params = [], []
    if member_id is not None:
        where.append("(a.helper_id = ? OR a.for_id = ?)")
        params += [member_id, member_id]
    rows = db.execute(
        f"""SELECT {_COLUMNS} FROM agreements a
            JOIN members h ON h.id = a.helper_id JOIN members f ON f.id = a.for_id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY a.id""",
        params,
    ).fetchall()
    items = [_as_dict(row, today) for row in rows]
    return items if include_ended else [i for i in items if i["active"] or _future(i, today)]


def _future(item: dict, today: date) -> bool:
    return item["ended_on"] is None and item["valid_from"] > today.isoformat()


def end_agreement(db, agreement_id: int, *, on: date, today: date) -> dict:
    item = get_agreement(db, agreement_id, today=today)
    if item["ended_on"] is not None:
        raise VoorzorgError("agreement.already_ended", id=agreement_id, on=item["ended_on"])
    if on.isoformat() < item["valid_from"]:
        raise VoorzorgError("agreement.end_before_start", start=item["valid_from"])
    with db.atomic():
        db.execute(
            "UPDATE agreements SET ended_on = ? WHERE id = ?", [on.isoformat(), agreement_id]
        )
    return get_agreement(db, agreement_id, today=today)


def agreement_partners(db, for_id: int, category: str, today: date) -> set[int]:
    """Helpers with an active standing agreement to help ``for_id`` with ``category``."""
    day = today.isoformat()
    rows = db.execute(
        """SELECT helper_id FROM agreements
           WHERE for_id = ? AND category = ? AND (ended_on IS NULL OR ended_on >= ?)
             AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?)""",
        [for_id, category, day, day, day],
    ).fetchall()
    return {r[0] for r in rows}
