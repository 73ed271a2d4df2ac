"""The agreements card (afsprakenkaart): the circle's versioned house rules.

A circle starts with version 1, a Dutch default text written by the schema migration.
Editing writes a draft; adopting the draft makes it the next version, dated. Old
versions stay readable.
Each member's acknowledgement of a version is recorded with its date.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from voorzorg import clock
from voorzorg.dates import format_day
from voorzorg.errors import VoorzorgError

MAX_CARD_CHARS = 20_000
MAX_FILE_BYTES = 200_000  # a card file read with --file


def read_card_file(path: str) -> str:
    """The text of a card file: at most ``MAX_FILE_BYTES``, UTF-8 (a BOM is fine)."""
    from pathlib import Path

    from voorzorg.errors import os_error_text
    from voorzorg.text import NotUtf8, decode_utf8

    try:
        with Path(path).open("rb") as handle:  # at most MAX + 1 bytes, also from a device or pipe
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise VoorzorgError("file.read_failed", path=path, error=os_error_text(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise VoorzorgError("card.file_too_big", path=path, max=MAX_FILE_BYTES)
    try:
        return decode_utf8(raw)
    except NotUtf8 as exc:
        raise VoorzorgError("file.not_utf8", path=path, line=exc.line) from None


def clean_card_text(text: str) -> str:
    """Multi-line text for the card: NFC, Unix line ends, no control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    for char in text:
        if (ord(char) < 32 and char not in "\n\t") or 0x7F <= ord(char) <= 0x9F:
            raise VoorzorgError("card.control")
    text = text.strip("\n") + "\n"
    if not text.strip():
        raise VoorzorgError("card.empty")
    if len(text) > MAX_CARD_CHARS:
        raise VoorzorgError("card.too_long", length=len(text), max=MAX_CARD_CHARS)
    return text


def current_version(db) -> dict:
    row = db.execute(
        """SELECT version, text, adopted_on, adopted_at, adopted_by
           FROM card_versions ORDER BY version DESC LIMIT 1"""
    ).fetchone()
    return _version_dict(row)


def _version_dict(row) -> dict:
    keys = ("version", "text", "adopted_on", "adopted_at", "adopted_by")
    return dict(zip(keys, row, strict=True))


def get_version(db, version: int | None = None) -> dict:
    if version is None:
        return current_version(db)
    row = db.execute(
        """SELECT version, text, adopted_on, adopted_at, adopted_by
           FROM card_versions WHERE version = ?""",
        [version],
    ).fetchone()
    if row is None:
        latest = current_version(db)["version"]
        raise VoorzorgError("card.no_version", version=version, latest=latest)
    return _version_dict(row)


def list_versions(db) -> list[dict]:
    rows = db.execute(
        """SELECT v.version, v.adopted_on, v.adopted_by,
                  (SELECT count(*) FROM card_acks a WHERE a.version = v.version)
           FROM card_versions v ORDER BY v.version"""
    ).fetchall()
    return [
        {"version": r[0], "adopted_on": r[1], "adopted_by": r[2], "acknowledgements": r[3]}
        for r in rows
    ]


def get_draft(db) -> dict | None:
    row = db.execute("SELECT text, edited_at FROM card_draft WHERE id = 1").fetchone()
    return {"text": row[0], "edited_at": row[1]} if row else None


def save_draft(db, text: str, *, at: str | None = None) -> dict:
    """Store ``text`` as the draft of the next version; returns whether it changed."""
    text = clean_card_text(text)
    current = current_version(db)
    draft = get_draft(db)
    base = draft["text"] if draft else current["text"]
    if text == base:
        return {"changed": False, "same_as_current": text == current["text"]}
    with db.atomic():
        if text == current["text"]:
            db.execute("DELETE FROM card_draft WHERE id = 1")
        else:
            db.execute(
                """INSERT INTO card_draft (id, text, edited_at) VALUES (1, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET text = excluded.text,
                   edited_at = excluded.edited_at""",
                [text, at or clock.stamp()],
            )
    return {"changed": True, "same_as_current": text == current["text"]}


def adopt_draft(
    db, *, on: date, by: str | None = None, at: str | None = None, today: date | None = None
) -> dict:
    """Make the draft the next version, dated ``on`` (not in the future)."""
    from voorzorg.text import clean_line

    if today is not None and on > today:
        raise VoorzorgError("card.in_future", on=format_day(on))
    by = clean_line(by, field="recorded-by", max_length=80)
    draft = get_draft(db)
    if draft is None:
        raise VoorzorgError("card.no_draft", hint="card.edit_hint")
    current = current_version(db)
    if on.isoformat() < current["adopted_on"]:
        raise VoorzorgError("card.adopt_before", on=format_day(on),
                            last=format_day(date.fromisoformat(current["adopted_on"])))  # fmt: skip
    version = current["version"] + 1
    with db.atomic():
        db.execute(
            """INSERT INTO card_versions (version, text, adopted_on, adopted_at, adopted_by)
               VALUES (?, ?, ?, ?, ?)""",
            [version, draft["text"], on.isoformat(), at or clock.stamp(), by],
        )
        db.execute("DELETE FROM card_draft WHERE id = 1")
    return get_version(db, version)


def check_can_acknowledge(db, member_ids: list[int]) -> None:
    """Refuse, before anything is recorded, when one of ``member_ids`` already saw the
    current version (so acknowledging several at once is all or nothing)."""
    current = current_version(db)
    for member_id in member_ids:
        row = db.execute(
            "SELECT acked_on FROM card_acks WHERE member_id = ? AND version = ?",
            [member_id, current["version"]],
        ).fetchone()
        if row:
            from voorzorg.domain.members import get_member

            raise VoorzorgError(
                "card.already_acked", name=get_member(db, member_id)["name"],
                version=current["version"], on=format_day(date.fromisoformat(row[0])),
            )  # fmt: skip


def acknowledge(
    db, member_id: int, *, on: date, at: str | None = None, today: date | None = None
) -> dict:
    """Record that a member acknowledged the current version on ``on``."""
    from voorzorg.domain.members import get_member

    if today is not None and on > today:
        raise VoorzorgError("card.in_future", on=format_day(on))
    member = get_member(db, member_id)
    if member["left_on"] is not None:
        raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
    current = current_version(db)
    if on.isoformat() < current["adopted_on"]:
        adopted = format_day(date.fromisoformat(current["adopted_on"]))
        raise VoorzorgError("card.ack_before", on=format_day(on), adopted=adopted)
    with db.atomic():
        exists = db.execute(
            "SELECT acked_on FROM card_acks WHERE member_id = ? AND version = ?",
            [member_id, current["version"]],
        ).fetchone()
        if exists:
            raise VoorzorgError(
                "card.already_acked", name=member["name"], version=current["version"],
                on=format_day(date.fromisoformat(exists[0])),
            )  # fmt: skip
        db.execute(
            """INSERT INTO card_acks (member_id, version, acked_on, recorded_at)
               VALUES (?, ?, ?, ?)""",
            [member_id, current["version"], on.isoformat(), at or clock.stamp()],
        )
    return {
        "member_id": member_id,
        "name": member["name"],
        "version": current["version"],
        "acked_on": on.isoformat(),
    }


def card_status(db) -> dict:
    """Per active member: the latest version acknowledged, and whether it is current."""
    current = current_version(db)["version"]
    rows = db.execute(
        """SELECT m.id, m.name, max(a.version),
                  (SELECT acked_on FROM card_acks WHERE member_id = m.id
                   ORDER BY version DESC LIMIT 1)
           FROM members m LEFT JOIN card_acks a ON a.member_id = m.id
           WHERE m.left_on IS NULL
           GROUP BY m.id ORDER BY m.name COLLATE NOCASE, m.id"""
    ).fetchall()
    members = [
        {
            "id": r[0],
            "name": r[1],
            "acknowledged_version": r[2],
            "acked_on": r[3],
            "current": r[2] == current,
        }
        for r in rows
    ]
    return {
        "current_version": current,
        "members": members,
        "missing": [m["id"] for m in members if not m["current"]],
    }
