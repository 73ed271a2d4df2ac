"""Consents per purpose (matching, stats, wellbeing, emergency_card), with full history.

Each consent is a row from the moment it was given until it was withdrawn; a
withdrawal fills in ``withdrawn_at`` and never erases when or by whom it was given.
Giving again after a withdrawal starts a new row.
"""

from __future__ import annotations

from datetime import date, datetime, time

from voorzorg import clock
from voorzorg.dates import format_day
from voorzorg.errors import VoorzorgError
from voorzorg.text import clean_line

PURPOSES = ("matching", "stats", "wellbeing", "emergency_card")


def parse_purpose(text: str) -> str:
    value = text.strip().lower()
    aliases = {"matchen": "matching", "koppelen": "matching", "statistiek": "stats"}
    aliases |= {"statistieken": "stats", "welbevinden": "wellbeing", "welzijn": "wellbeing"}
    aliases |= {"noodkaart": "emergency_card", "emergency-card": "emergency_card"}
    value = aliases.get(value, value)
    if value not in PURPOSES:
        raise VoorzorgError("consent.unknown_purpose", text=text, choices=", ".join(PURPOSES))
    return value


def given_on(day: date, timezone: str, *, today: date) -> str:
    """The moment stored for a consent given on ``day`` (not in the future): the UTC
    instant of local midnight, since the hour it was given is not known."""
    from voorzorg.dates import zone

    if day > today:
        raise VoorzorgError("consent.in_future", on=format_day(day))
    moment = datetime.combine(day, time(0, 0), tzinfo=zone(timezone))
    return clock.stamp(moment)


def active_purposes(db, member_id: int) -> set[str]:
    rows = db.execute(
        "SELECT purpose FROM consents WHERE member_id = ? AND withdrawn_at IS NULL", [member_id]
    ).fetchall()
    return {row[0] for row in rows}


def give_consent(
    db,
    member_id: int,
    purpose: str,
    *,
    recorded_by: str | None = None,
    text_version: str | None = None,
    at: str | None = None,
) -> dict:
    from voorzorg.i18n import _

    purpose = parse_purpose(purpose)
    recorded_by = clean_line(recorded_by, field="recorded-by", max_length=80)
    text_version = clean_line(text_version, field="text-version", max_length=40)
    left = db.execute("SELECT name, left_on FROM members WHERE id = ?", [member_id]).fetchone()
    if left is not None and left[1] is not None:
        raise VoorzorgError("member.has_left", name=left[0], on=left[1])
    with db.atomic():
        if purpose in active_purposes(db, member_id):
            raise VoorzorgError("consent.already", purpose=_("purpose." + purpose))
        cursor = db.execute(
            """INSERT INTO consents (member_id, purpose, given_at, recorded_by, text_version)
               VALUES (?, ?, ?, ?, ?)""",
            [member_id, purpose, at or clock.stamp(), recorded_by, text_version],
        )
        consent_id = cursor.lastrowid
    return get_consent(db, consent_id)


_COLUMNS = "id, member_id, purpose, given_at, recorded_by, text_version, withdrawn_at, withdrawn_by"


def _as_dict(row) -> dict:
    keys = [k.strip() for k in _COLUMNS.split(",")]
    item = dict(zip(keys, row, strict=True))
    item["active"] = item["withdrawn_at"] is None
    return item


def get_consent(db, consent_id: int) -> dict:
    row = db.execute(
        f"""SELECT {_COLUMNS}, (SELECT name FROM members WHERE id = consents.member_id)
            FROM consents WHERE id = ?""",
        [consent_id],
    ).fetchone()
    item = _as_dict(row[:-1])
    item["member_name"] = row[-1]
    return item


def list_consents(db, member_id: int | None = None, *, active_only: bool = False) -> list[dict]:
    where, params = [], []
    if member_id is not None:
        where.append("c.member_id = ?")
        params.append(member_id)
    if active_only:
        where.append("c.withdrawn_at IS NULL")
    sql = f"""SELECT {", ".join("c." + k.strip() for k in _COLUMNS.split(","))}, m.name
              FROM consents c JOIN members m ON m.id = c.member_id
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY c.member_id, c.purpose, c.given_at, c.id"""
    result = []
    for row in db.execute(sql, params).fetchall():
        item = _as_dict(row[:-1])
        item["member_name"] = row[-1]
        result.append(item)
    return result
