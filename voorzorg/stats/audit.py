"""`stats check`: audit a stats.db from its published cells alone.

It knows nothing about the circles: it reads the release tables, as a welfare
visitor could, and reports every cell that breaks SDC-1 or can be worked out.
"""

from __future__ import annotations

from voorzorg.stats import store as stats_store
from voorzorg.stats.rules import MIN_K, MIN_RANGE

COUNT_TABLES = ("leeftijd", "instroom_uitstroom", "hulpvragen_per_soort", "doorverwijzingen")


def audit(conn) -> list[dict]:
    findings: list[dict] = []
    releases = {r[0]: r[1] for r in conn.execute("SELECT release_id, k FROM releases")}
    for release_id, k in releases.items():
        if k < MIN_K:
            findings.append({"release": release_id, "table": "releases", "problem": "k_too_small"})
    for table, (dims, value) in stats_store.TABLES.items():
        rows = conn.execute(
            f"SELECT release_id, {', '.join((*dims, value, stats_store.FLAG))} FROM {table}"
        ).fetchall()
        by_release: dict[str, list] = {}
        for row in rows:
            by_release.setdefault(row[0], []).append(row)
            cell_value, flag = row[-2], row[-1]
            where = {"release": row[0], "table": table, "cell": list(row[1:-2])}
            if (cell_value is None) != (flag == 1):
                findings.append({**where, "problem": "flag_mismatch"})
            k = releases.get(row[0], 10)
            if table in COUNT_TABLES and cell_value is not None and 0 < cell_value < k:
                findings.append({**where, "problem": "below_k"})
            if table == "leden_per_cirkel" and cell_value is not None and cell_value % 5:
                findings.append({**where, "problem": "not_rounded"})
        if table in stats_store.WITH_TOTAL:
            for release_id, cells in by_release.items():
                findings += _margin_findings(release_id, table, cells)
    return findings


def _margin_findings(release_id: str, table: str, cells: list) -> list[dict]:
    totals = [c for c in cells if c[1] == stats_store.TOTAL]
    parts = [c for c in cells if c[1] != stats_store.TOTAL]
    if not totals or totals[0][-1] == 1:
        return []
    hidden = [c for c in parts if c[-1] == 1]
    if not hidden:
        return []
    remaining = totals[0][-2] - sum(c[-2] for c in parts if c[-1] == 0)
    where = {"release": release_id, "table": table}
    if len(hidden) == 1:
        return [{**where, "cell": [hidden[0][1]], "problem": "determined_by_total"}]
    # Zeros are always shown, so each hidden cell is at least 1.
    if remaining - len(hidden) < MIN_RANGE:
        return [{**where, "problem": "range_too_narrow", "width": remaining - len(hidden)}]
    return []


def list_releases(conn) -> list[dict]:
    rows = conn.execute(
        """SELECT release_id, periode_begin, periode_eind, gemaakt, k, cirkels, gepoold
           FROM releases ORDER BY release_id"""
    ).fetchall()
    keys = ("release", "start", "end", "created", "k", "circles", "pooled")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def show_release(conn, release_id: str) -> dict:
    from voorzorg.errors import VoorzorgError

    known = [r["release"] for r in list_releases(conn)]
    if release_id not in known:
        raise VoorzorgError("stats.unknown_release", release=release_id, known=", ".join(known))
    tables = {}
    for table, (dims, value) in stats_store.TABLES.items():
        rows = conn.execute(
            f"SELECT {', '.join((*dims, value))} FROM {table} WHERE release_id = ?",
            [release_id],
        ).fetchall()
        tables[table] = [
            {**dict(zip(dims, r[:-1], strict=True)), "value": r[-1], "published": r[-1] is not None}
            for r in rows
        ]
    return {"release": release_id, "tables": tables}
