"""The web access log (accountability): who looked at what in ``voorzorg serve``.

One row per page of circle data or statistics served to an account, in the
``privacy_access_log`` table of instance.db: when, which account (id and name at
the time), its role, which circle (or ``stats``) and which page or table. Never a
query string (it may hold a name someone searched for), never a token, never an IP
address. Kept under the retention policy (``[privacy] access_log_months``), read
with ``voorzorg user log``.
"""

from __future__ import annotations

from datetime import datetime

from voorzorg import clock

TABLE = "privacy_access_log"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    account_id INTEGER,
    account TEXT NOT NULL,
    role TEXT NOT NULL,
    circle TEXT NOT NULL,
    page TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS {TABLE}_at ON {TABLE}(at);
"""


def ensure(conn) -> None:
    """Create the table in instance.db when it is not there (cheap when it is)."""
    conn.executescript(_SCHEMA)


def record(conn, *, account: dict, circle: str, page: str, at: datetime | None = None) -> None:
    ensure(conn)
    conn.execute(
        f"INSERT INTO {TABLE} (at, account_id, account, role, circle, page) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            clock.stamp(at) if at else clock.stamp(),
            account.get("vz"),
            str(account.get("name", "?"))[:60],
            str(account.get("role", "?"))[:20],
            circle[:60],
            page[:120],
        ],
    )


def entries(
    conn,
    *,
    account: str | None = None,
    circle: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 1000,
) -> list[dict]:
    """Log rows, newest first; ``since``/``until`` are ISO dates (inclusive)."""
    ensure(conn)
    where, params = [], []
    if account:
        where.append("account = ? COLLATE NOCASE")
        params.append(account.strip())
    if circle:
        where.append("circle = ?")
        params.append(circle.strip())
    if since:
        where.append("substr(at, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append("substr(at, 1, 10) <= ?")
        params.append(until)
    rows = conn.execute(
        f"SELECT at, account, role, circle, page FROM {TABLE} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY at DESC, id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    keys = ("at", "account", "role", "circle", "page")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def purge(conn, before: datetime, *, dry_run: bool) -> int:
    """Remove (or with ``dry_run`` count) rows older than ``before``."""
    ensure(conn)
    stamp = clock.stamp(before)
    count = conn.execute(f"SELECT count(*) FROM {TABLE} WHERE at < ?", [stamp]).fetchone()[0]
    if count and not dry_run:
        conn.execute(f"DELETE FROM {TABLE} WHERE at < ?", [stamp])
    return count
