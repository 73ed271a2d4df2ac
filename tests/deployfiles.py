"""Helpers for backup and restore tests: run voorzorg as a process, fingerprint a deployment."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from voorzorg.storage.store import is_sqlite_file


def run(config: Path, *args: str, input: str | None = None, env: dict | None = None,
        preexec_fn=None) -> subprocess.CompletedProcess:  # fmt: skip
    """``voorzorg ARGS`` as a separate process, as a volunteer would run it."""
    return subprocess.run(
        [sys.executable, "-m", "voorzorg", *args],
        env={**os.environ, "VOORZORG_CONFIG": str(config), **(env or {})},
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec_fn,
        check=False,
    )


def db_digest(path: Path) -> str:
    """The logical content of a database: its SQL dump (bytes differ after a checkpoint)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def fingerprint(directory: Path) -> dict[str, str]:
    """Every visible file of a deployment: logical content for databases, bytes otherwise."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath) / name
            if name.startswith(".") or name.endswith(("-wal", "-shm", "-journal")):
                continue
            if name.startswith("voorzorg-backup-"):
                continue
            rel = path.relative_to(directory).as_posix()
            if is_sqlite_file(path):
                found[rel] = db_digest(path)
            else:
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
