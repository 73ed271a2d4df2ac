"""``stats.db``: release tables only. No person ids, no names, no row-level data.

It is updated in place in one transaction (never replaced by a new file: a running
Datasette would keep reading the old one). A period is written once; a new version only
replaces it through an explicit, recorded supersede (``ledger.py`` keeps every version).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

STATS_NAME = "stats.db"
FLAG = "niet_publiceerbaar"

# table -> (dimension columns, value column)
TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "leden_per_cirkel": (("cirkel",), "leden"),
    "leeftijd": (("leeftijdsgroep",), "leden"),
    "instroom_uitstroom": (("soort",), "leden"),
    "activiteit_keren": (("cirkel", "soort"), "keren"),
    "activiteit_opkomst": (("cirkel", "soort"), "gemiddelde_opkomst"),
    "hulpvragen_per_soort": (("soort_hulp",), "hulpvragen"),
    "hulp_met_helper": (("soort_hulp",), "hulpvragen"),
    "hulp_dagen_tot_koppeling": (("soort_hulp",), "mediaan_dagen"),
    "doorverwijzingen": ((), "doorverwijzingen"),
    "wederkerig": ((), "leden"),
    # Outcomes of the wellbeing check-ins (members with the stats and wellbeing consents).
    "welbevinden_verdeling": (("dimensie", "score"), "leden"),
    "eenzaamheid": (("categorie",), "leden"),
    "welbevinden_verandering": (("onderwerp", "verandering"), "leden"),
}
# Tables of releases made before the Cell Key Method: read (and audited), never written.
LEGACY_TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "hulp_gekoppeld": (("soort_hulp",), "percentage_gekoppeld"),
    "wederkerigheid": ((), "percentage"),
}
# What each count table counts: persons (floor k on them) or events (floor k on the
# persons behind them; dominance); the auditor's attacker model rests on this.
COUNTS = {
    "leden_per_cirkel": "persons",
    "leeftijd": "persons",
    "instroom_uitstroom": "persons",
    "wederkerig": "persons",
    "hulpvragen_per_soort": "events",
    "doorverwijzingen": "events",
    "hulp_met_helper": "derived",
    "welbevinden_verdeling": "persons",
    "eenzaamheid": "persons",
    "welbevinden_verandering": "persons",
}
TOTAL = "totaal"
WITHHELD = "afgeschermd"

_RELEASE_COLUMNS = {
    "methode": "TEXT NOT NULL DEFAULT 'onderdrukking'",
    "ruis": "INTEGER NOT NULL DEFAULT 0",
    "versie": "INTEGER NOT NULL DEFAULT 1",
    "k_reden": "TEXT",
    "vervangingsreden": "TEXT",
}


def stats_path(data_dir: Path) -> Path:
    return Path(data_dir) / STATS_NAME


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        """CREATE TABLE IF NOT EXISTS releases (
             release_id TEXT PRIMARY KEY,
             periode_begin TEXT NOT NULL,
             periode_eind TEXT NOT NULL,
             gemaakt TEXT NOT NULL,
             k INTEGER NOT NULL,
             cirkels INTEGER NOT NULL,
             gepoold INTEGER NOT NULL
           )"""
    )
    # Releases from before the Cell Key Method get the new columns with their defaults:
    # method "onderdrukking", no noise, version 1 (see docs/statistiek-bescherming.md).
    present = {r[1] for r in conn.execute("PRAGMA table_info(releases)")}
    for column, definition in _RELEASE_COLUMNS.items():
        if column not in present:
            conn.execute(f"ALTER TABLE releases ADD COLUMN {column} {definition}")
    for table, (dims, value) in TABLES.items():
        columns = ", ".join(f"{d} TEXT NOT NULL" for d in dims)
        conn.execute(
            f"""CREATE TABLE IF NOT EXISTS {table} (
                  release_id TEXT NOT NULL REFERENCES releases(release_id),
                  {columns + "," if columns else ""}
                  {value} REAL,
                  {FLAG} INTEGER NOT NULL CHECK ({FLAG} IN (0, 1)),
                  CHECK (({value} IS NULL) = ({FLAG} = 1))
                )"""
        )
    conn.execute(
        f"""CREATE TABLE IF NOT EXISTS {WITHHELD} (
              release_id TEXT NOT NULL REFERENCES releases(release_id),
              tabel TEXT NOT NULL,
              PRIMARY KEY (release_id, tabel)
            )"""
    )
    return conn


def release_exists(conn, release_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM releases WHERE release_id = ?", [release_id]).fetchone()
        is not None
    )


def _existing_tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_releases(conn) -> list[dict]:
    """Every release in stats.db as plain data: parameters, cells, withheld tables."""
    present = _existing_tables(conn)
    releases = []
    for row in conn.execute(
        """SELECT release_id, periode_begin, periode_eind, k, cirkels, gepoold, methode, ruis,
                  versie, k_reden FROM releases ORDER BY release_id"""
    ).fetchall():
        release_id = row[0]
        tables = {}
        for table, (dims, value) in {**TABLES, **LEGACY_TABLES}.items():
            if table not in present:
                continue
            cells = conn.execute(
                f"SELECT {', '.join((*dims, value, FLAG))} FROM {table} WHERE release_id = ?",
                [release_id],
            ).fetchall()
            if cells:
                tables[table] = [[*c[:-2], c[-2], c[-1]] for c in cells]
        withheld = sorted(
            r[0]
            for r in conn.execute(
                f"SELECT tabel FROM {WITHHELD} WHERE release_id = ?", [release_id]
            )
        )
        releases.append(
            {
                "period": release_id,
                "start": row[1],
                "end": row[2],
                "k": row[3],
                "circles": row[4],
                "pooled": bool(row[5]),
                "method": row[6],
                "noise": row[7],
                "version": row[8],
                "k_reason": row[9],
                "tables": tables,
                "withheld": withheld,
            }
        )
    return releases


def write_release(conn, release: dict, tables: dict[str, list], *, replace: bool = False) -> None:
    """All tables of one release in one transaction. Refuses an existing release unless
    ``replace`` (an explicit supersede, already recorded in the ledger)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if release_exists(conn, release["release_id"]):
            if not replace:
                raise FileExistsError(release["release_id"])
            for table in (*_existing_tables(conn) & {*TABLES, *LEGACY_TABLES}, WITHHELD):
                conn.execute(f"DELETE FROM {table} WHERE release_id = ?", [release["release_id"]])
            conn.execute("DELETE FROM releases WHERE release_id = ?", [release["release_id"]])
        conn.execute(
            """INSERT INTO releases (release_id, periode_begin, periode_eind, gemaakt, k,
                 cirkels, gepoold, methode, ruis, versie, k_reden, vervangingsreden)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                release["release_id"],
                release["start"],
                release["end"],
                release["created"],
                release["k"],
                release["circles"],
                1 if release["pooled"] else 0,
                release["method"],
                release["noise"],
                release["version"],
                release.get("k_reason"),
                release.get("supersede_reason"),
            ],
        )
        for table, cells in tables.items():
            dims, value = TABLES[table]
            names = ", ".join(("release_id", *dims, value, FLAG))
            marks = ", ".join("?" for _ in range(len(dims) + 3))
            for cell in cells:
                conn.execute(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",
                    [release["release_id"], *cell.dims, cell.value, 1 if cell.suppressed else 0],
                )
        for table in release.get("withheld", ()):
            conn.execute(
                f"INSERT INTO {WITHHELD} (release_id, tabel) VALUES (?, ?)",
                [release["release_id"], table],
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
