"""An attacker who reads only stats.db and tries to pin down suppressed cells.

It shares no code with the release builder. For every table that publishes a
total it computes, by bounds propagation over the one linear equality (and
non-negative integers), the exact feasible range of each suppressed cell.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

TOTAL = "totaal"


def tables_with_total(conn) -> list[str]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = []
    for name in names:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
        if len(columns) >= 4 and "niet_publiceerbaar" in columns:
            label = columns[1]
            if conn.execute(f"SELECT 1 FROM {name} WHERE {label} = ?", [TOTAL]).fetchone():
                found.append(name)
    return found


def feasible_ranges(path: Path) -> list[dict]:
    """For every suppressed cell next to a published total: its (min, max)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    results = []
    for table in tables_with_total(conn):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        label, value = columns[1], columns[2]
        releases = [r[0] for r in conn.execute(f"SELECT DISTINCT release_id FROM {table}")]
        for release in releases:
            rows = conn.execute(
                f"SELECT {label}, {value} FROM {table} WHERE release_id = ?", [release]
            ).fetchall()
            total = next((v for lab, v in rows if lab == TOTAL), None)
            if total is None:
                continue
            parts = [(lab, v) for lab, v in rows if lab != TOTAL]
            hidden = [lab for lab, v in parts if v is None]
            rest = int(total) - sum(int(v) for _lab, v in parts if v is not None)
            for name in hidden:
                others = len(hidden) - 1
                # Zeros are always published, so every hidden cell holds at least 1.
                low = rest if others == 0 else 1
                high = rest - others
                results.append(
                    {"table": table, "release": release, "cell": name, "min": low, "max": high}
                )
    conn.close()
    return results
