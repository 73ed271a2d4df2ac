"""The hub's own record (``data/hub.db``): trusted keys, accepted bundles, refusals.

Nothing here is served. ``centres`` holds every key ever trusted (revoked ones stay, so
a revoked fingerprint cannot be trusted again by mistake without a new decision), the
newest accepted sequence and payload hash of each (the chain), and the ledger entry
hashes accepted so far (history may only grow). ``releases`` keeps every release
version a centre ever sent, with its pooling parts: the auditor counts all of them.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from voorzorg import clock
from voorzorg.errors import VoorzorgError

HUB_NAME = "hub.db"
# hub.db has its own schema version; its numbers start at 20 (see storage/schema.py).
SCHEMA_VERSION = 20
SCHEMA = """
CREATE TABLE IF NOT EXISTS centres (
  fingerprint TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  public_key TEXT,
  trusted_at TEXT NOT NULL,
  revoked_at TEXT,
  revoke_reason TEXT,
  sequence INTEGER NOT NULL DEFAULT 0,
  payload_hash TEXT,
  entry_hashes TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS accepted (
  fingerprint TEXT NOT NULL REFERENCES centres(fingerprint),
  sequence INTEGER NOT NULL,
  payload_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  PRIMARY KEY (fingerprint, sequence)
);
CREATE TABLE IF NOT EXISTS releases (
  fingerprint TEXT NOT NULL REFERENCES centres(fingerprint),
  hash TEXT NOT NULL,
  position INTEGER NOT NULL,
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  content TEXT NOT NULL,
  parts TEXT,
  PRIMARY KEY (fingerprint, hash)
);
CREATE TABLE IF NOT EXISTS city (
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  sources TEXT NOT NULL,
  made_at TEXT NOT NULL,
  PRIMARY KEY (period, version)
);
CREATE TABLE IF NOT EXISTS refusals (
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  fingerprint TEXT,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
"""


def path(data_dir: Path) -> Path:
    return Path(data_dir) / HUB_NAME


def connect(data_dir: Path) -> sqlite3.Connection:
    import os

    # hub.db holds every centre's exact counts of pooled topics: readable by the hub's
    # own user only, as a circle's file (SQLite gives -wal and -shm the same mode).
    file = path(data_dir)
    try:
        os.close(os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        for one in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
            if one.exists() and one.stat().st_mode & 0o077:
                os.chmod(one, 0o600)
    conn = sqlite3.connect(file, timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.executescript(SCHEMA)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    conn.row_factory = sqlite3.Row
    return conn


def trust(conn, fingerprint: str, name: str) -> dict:
    row = conn.execute("SELECT * FROM centres WHERE fingerprint = ?", [fingerprint]).fetchone()
    if row is not None and row["revoked_at"]:
        raise VoorzorgError("hub.trust_revoked", fingerprint=fingerprint, name=row["name"])
    taken = conn.execute(
        """SELECT fingerprint FROM centres
           WHERE name = ? AND fingerprint != ? AND revoked_at IS NULL""",
        [name, fingerprint],
    ).fetchone()
    if taken:
        raise VoorzorgError("hub.name_taken", name=name, fingerprint=taken[0])
    if row is None:
        conn.execute(
            "INSERT INTO centres (fingerprint, name, trusted_at) VALUES (?, ?, ?)",
            [fingerprint, name, clock.stamp()],
        )
    else:
        conn.execute("UPDATE centres SET name = ? WHERE fingerprint = ?", [name, fingerprint])
    return {"fingerprint": fingerprint, "name": name, "new": row is None}


def revoke(conn, fingerprint: str, reason: str | None) -> dict:
    row = conn.execute("SELECT * FROM centres WHERE fingerprint = ?", [fingerprint]).fetchone()
    if row is None:
        raise VoorzorgError("hub.unknown_centre", fingerprint=fingerprint)
    if not row["revoked_at"]:
        conn.execute(
            "UPDATE centres SET revoked_at = ?, revoke_reason = ? WHERE fingerprint = ?",
            [clock.stamp(), reason, fingerprint],
        )
    return {"fingerprint": fingerprint, "name": row["name"]}


def centres(conn) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            """SELECT c.fingerprint, c.name, c.trusted_at, c.revoked_at, c.revoke_reason,
                      c.sequence, (SELECT max(accepted_at) FROM accepted a
                                   WHERE a.fingerprint = c.fingerprint) AS last_bundle
               FROM centres c ORDER BY c.name"""
        )
    ]


def centre(conn, fingerprint: str):
    return conn.execute("SELECT * FROM centres WHERE fingerprint = ?", [fingerprint]).fetchone()


def accepted_hash(conn, fingerprint: str, sequence: int) -> str | None:
    row = conn.execute(
        "SELECT payload_hash FROM accepted WHERE fingerprint = ? AND sequence = ?",
        [fingerprint, sequence],
    ).fetchone()
    return row[0] if row else None


def record_refusal(conn, source: str, fingerprint: str | None, reason: str, detail: str) -> None:
    conn.execute(
        "INSERT INTO refusals (at, source, fingerprint, reason, detail) VALUES (?, ?, ?, ?, ?)",
        [clock.stamp(), source, fingerprint, reason, detail],
    )


def store_bundle(conn, fingerprint, public_key, payload, parts, source) -> int:
    """Accept one verified bundle: its releases, its place in the chain. One transaction."""
    by_hash = {p["hash"]: p for p in parts}
    conn.execute("BEGIN IMMEDIATE")
    try:
        added = 0
        for position, entry in enumerate(payload["entries"]):
            content = entry["content"]
            found = conn.execute(
                "SELECT parts FROM releases WHERE fingerprint = ? AND hash = ?",
                [fingerprint, entry["hash"]],
            ).fetchone()
            part = by_hash.get(entry["hash"])
            if found is None:
                conn.execute(
                    """INSERT INTO releases (fingerprint, hash, position, period, version,
                         content, parts) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    [fingerprint, entry["hash"], position, content["period"],
                     content.get("version") or 1, json.dumps(content),
                     json.dumps(part) if part else None],
                )  # fmt: skip
                added += 1
            elif part and found[0] is None:
                conn.execute(
                    "UPDATE releases SET parts = ? WHERE fingerprint = ? AND hash = ?",
                    [json.dumps(part), fingerprint, entry["hash"]],
                )
        conn.execute(
            """UPDATE centres SET public_key = ?, sequence = ?, payload_hash = ?,
                 entry_hashes = ? WHERE fingerprint = ?""",
            [public_key, payload["sequence"], payload["_hash"],
             json.dumps([e["hash"] for e in payload["entries"]]), fingerprint],
        )  # fmt: skip
        conn.execute(
            "INSERT OR REPLACE INTO accepted VALUES (?, ?, ?, ?, ?)",
            [fingerprint, payload["sequence"], payload["_hash"], source, clock.stamp()],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return added


def releases_of(conn, *, include_revoked: bool) -> list[dict]:
    """Every release version the hub holds, with its centre's name and parts."""
    rows = conn.execute(
        f"""SELECT r.fingerprint, c.name, c.revoked_at, r.hash, r.position, r.content, r.parts
            FROM releases r JOIN centres c USING (fingerprint)
            {"" if include_revoked else "WHERE c.revoked_at IS NULL"}
            ORDER BY c.name, r.position"""
    ).fetchall()
    return [
        {
            "fingerprint": r["fingerprint"],
            "centre": r["name"],
            "revoked": bool(r["revoked_at"]),
            "hash": r["hash"],
            "content": json.loads(r["content"]),
            "parts": json.loads(r["parts"]) if r["parts"] else None,
        }
        for r in rows
    ]
