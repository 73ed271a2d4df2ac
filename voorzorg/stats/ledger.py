"""The release ledger: what was published, when, by whom, with which parameters.

``data/stats-ledger.jsonl`` beside ``stats.db``, so a backup of the data directory takes
both. One JSON line per publication, appended and synced, never rewritten. Each line
carries the full published content (only release cells: nothing about a person), its
SHA-256 and who published it; the operator's login name is why it is not a table in
``stats.db``, which welfare organisations read.

Everything in the ledger counts as known to an attacker, including superseded versions
and releases from stats.db files that were later deleted: the auditor reads all of it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

LEDGER_NAME = "stats-ledger.jsonl"
# Beside the ledger: per release, the exact parts a hub needs to pool it with other
# centres (counts and cell keys, no persons). Never served; sent only encrypted to a hub.
POOL_NAME = "stats-pool.jsonl"
_CONTENT_KEYS = (
    "period",
    "start",
    "end",
    "k",
    "circles",
    "pooled",
    "method",
    "noise",
    "version",
    "k_reason",
    "tables",
    "withheld",
)


def ledger_path(data_dir: Path) -> Path:
    return Path(data_dir) / LEDGER_NAME


def content_hash(release: dict) -> str:
    """The hash of what a reader sees: parameters and cells, not when or by whom. The
    version number is left out so that the same content always hashes the same."""
    content = {key: release.get(key) for key in _CONTENT_KEYS if key != "version"}
    content["tables"] = {
        table: [[_number(v) for v in cell] for cell in cells]
        for table, cells in (content["tables"] or {}).items()
        if cells
    }
    content["withheld"] = sorted(content["withheld"] or [])
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _number(value):
    """11.0 from SQLite and 11 from the builder are the same published figure."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read(data_dir: Path) -> list[dict]:
    path = ledger_path(data_dir)
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entries.append(json.loads(line))
    return entries


def append(data_dir: Path, entry: dict) -> None:
    _append_line(ledger_path(data_dir), entry, 0o640)


def append_pool(data_dir: Path, parts: dict) -> None:
    _append_line(Path(data_dir) / POOL_NAME, parts, 0o600)


def read_pool(data_dir: Path) -> list[dict]:
    path = Path(data_dir) / POOL_NAME
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _append_line(path: Path, record: dict, mode: int) -> None:
    line = json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, mode)
    try:
        os.write(fd, line.encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def entry(release: dict, *, action: str, at: str, by: str, reason: str | None = None) -> dict:
    content = {key: release.get(key) for key in _CONTENT_KEYS}
    return {
        "action": action,
        "at": at,
        "by": by,
        "reason": reason,
        "hash": content_hash(content),
        "content": content,
    }


def latest(entries: list[dict], period: str) -> dict | None:
    found = [e for e in entries if e["content"]["period"] == period]
    return found[-1] if found else None


def import_legacy(data_dir: Path, releases: list[dict], *, at: str) -> int:
    """Record releases found in stats.db that the ledger does not know yet (made before
    the ledger existed): they are published, so they count as known from now on."""
    entries = read(data_dir)
    known = {(e["content"]["period"], e["hash"]) for e in entries}
    added = 0
    for release in releases:
        if (release["period"], content_hash(release)) not in known:
            append(data_dir, entry(release, action="imported", at=at, by="stats.db"))
            added += 1
    return added


def known_releases(data_dir: Path, in_stats_db: list[dict]) -> list[dict]:
    """Every version ever published: the ledger's, and any in stats.db it lacks."""
    entries = read(data_dir)
    seen = {e["hash"] for e in entries}
    found = [e["content"] for e in entries]
    found += [r for r in in_stats_db if content_hash(r) not in seen]
    unique, hashes = [], set()
    for release in found:
        digest = content_hash(release)
        if digest not in hashes:
            hashes.add(digest)
            unique.append(release)
    return sorted(unique, key=lambda r: (r["period"], r.get("version") or 1))
