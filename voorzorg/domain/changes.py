"""The history of a member's record: which fields changed, when, and by whom.

Values are never logged, only field names, so the history holds no more personal
data than the record itself. ``changed_by`` is who ran the command (``--by``, or the
login name of whoever runs voorzorg).
"""

from __future__ import annotations


def log_change(
    db, member_id: int, fields: list[str], stamp: str, changed_by: str | None = None
) -> None:
    """Record which fields changed, when and by whom (never the values); call inside a
    transaction."""
    db.execute(
        """INSERT INTO member_changes (member_id, changed_at, fields, changed_by)
           VALUES (?, ?, ?, ?)""",
        [member_id, stamp, ",".join(fields), changed_by],
    )


def list_changes(db, member_id: int) -> list[dict]:
    """The history of a member's record, oldest first."""
    rows = db.execute(
        """SELECT changed_at, fields, changed_by FROM member_changes
           WHERE member_id = ? ORDER BY id""",
        [member_id],
    ).fetchall()
    return [{"changed_at": r[0], "fields": r[1].split(","), "changed_by": r[2]} for r in rows]
