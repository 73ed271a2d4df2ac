"""The history of a member's record: which fields changed, and when.

Values are never logged, only field names, so the history holds no more personal
data than the record itself.
"""

from __future__ import annotations


def log_change(db, member_id: int, fields: list[str], stamp: str) -> None:
    """Record which fields changed and when (never the values); call inside a transaction."""
    db.execute(
        "INSERT INTO member_changes (member_id, changed_at, fields) VALUES (?, ?, ?)",
        [member_id, stamp, ",".join(fields)],
    )
