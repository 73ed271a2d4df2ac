"""``stats.db``: release tables only. No person ids, no names, no row-level data.

It is updated in place in one transaction (never replaced by a new file: a running
Datasette would keep reading the old one), and releases are never overwritten.
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
    "hulp_gekoppeld": (("soort_hulp",), "percentage_gekoppeld"),
    "hulp_dagen_tot_koppeling": (("soort_hulp",), "mediaan_dagen"),
    "doorverwijzingen": ((), "doorverwijzingen"),
    "wederkerigheid": ((), "percentage"),
}
# Tables that publish a "totaal" row, so secondary suppression applies.
WITH_TOTAL = ("hulpvragen_per_soort",)
TOTAL = "totaal"


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
    return conn


def release_exists(conn, release_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM releases WHERE release_id = ?", [release_id]).fetchone()
        is not None
    )


def write_release(conn, release: dict, tables: dict[str, list]) -> None:
    """All tables of one release in one transaction; refuses an existing release."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if release_exists(conn, release["release_id"]):
            raise FileExistsError(release["release_id"])
        conn.execute(
            "INSERT INTO releases VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                release["release_id"],
                release["start"],
                release["end"],
                release["created"],
                release["k"],
                release["circles"],
                1 if release["pooled"] else 0,
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
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
