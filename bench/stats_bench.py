"""A statistics release over 100 circles × 30 members, with two or four years of history.

The data is written straight into real circle databases with SQL (a fixture, not
product code), so preparing 100 circles takes seconds, not minutes.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

CIRCLES = 100
MEMBERS = 30
TODAY = date(2026, 11, 27)
CATEGORIES = ("transport", "company", "errands", "odd_jobs", "garden", "checking_in")


def deployment(workdir: Path, years: int):
    from voorzorg.deploy import config as config_mod
    from voorzorg.deploy.deployment import init_deployment
    from voorzorg.storage.store import create_circle_db

    directory = workdir / f"stats-{years}y"
    init_deployment(directory)
    rng = random.Random(years)
    lines = [(directory / "config.toml").read_text()]
    start = TODAY - timedelta(days=365 * years)
    for number in range(CIRCLES):
        cid = f"c{number:03d}"
        lines.append(f'\n[circles.{cid}]\nname = "Cirkel {number}"\n')
        db = create_circle_db(directory / "data" / f"{cid}.db", cid, "Europe/Amsterdam")
        conn = db.conn
        stamp = datetime.combine(start, datetime.min.time(), tzinfo=UTC).isoformat()
        conn.execute("BEGIN")
        for member in range(1, MEMBERS + 1):
            conn.execute(
                """INSERT INTO members (id, name, birth_year, joined_on, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [member, f"L{member}", rng.randint(1935, 1970), start.isoformat(), stamp, stamp],
            )
            talks = rng.random() < 0.6  # wellbeing check-ins: the outcome tables
            for purpose in ("matching", "stats", *(("wellbeing",) if talks else ())):
                conn.execute(
                    "INSERT INTO consents (member_id, purpose, given_at) VALUES (?, ?, ?)",
                    [member, purpose, stamp],
                )
            if talks:
                _checkins(conn, rng, member, start)
        moment = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
        while moment.date() < TODAY:
            moment += timedelta(hours=rng.randint(30, 80))
            for_id, helper = rng.sample(range(1, MEMBERS + 1), 2)
            created = moment.isoformat()
            accepted = (moment + timedelta(days=rng.randint(0, 4))).isoformat()
            conn.execute(
                """INSERT INTO requests (for_id, category, status, helper_id, created_at,
                     accepted_at, closed_at) VALUES (?, ?, 'done', ?, ?, ?, ?)""",
                [for_id, rng.choice(CATEGORIES), helper, created, accepted, accepted],
            )
        conn.execute(
            """INSERT INTO activities (title, kind, start_date, start_time, duration_minutes,
                 freq, interval, sequence, created_at, updated_at)
               VALUES ('Koffieochtend', 'koffieochtend', ?, '10:00', 120, 'weekly', 1, 0, ?, ?)""",
            [start.isoformat(), stamp, stamp],
        )
        conn.execute("COMMIT")
        db.close()
    (directory / "config.toml").write_text("".join(lines))
    return config_mod.load(directory / "config.toml")


def _checkins(conn, rng, member: int, start: date) -> None:
    """A check-in every half-year (March and September) from ``start`` to TODAY."""
    day = date(start.year, 3, rng.randint(1, 20))
    answers = ("yes", "more_or_less", "no")
    while day < TODAY:
        if day >= start:
            conn.execute(
                """INSERT INTO wellbeing_checkins (member_id, taken_on, body, mental, meaning,
                     quality, participation, daily, lon_emptiness, lon_miss_people,
                     lon_rejected, lon_lean_on, lon_trust, lon_close, note, recorded_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [member, day.isoformat(), *(rng.randint(3, 10) for _ in range(6)),
                 *(rng.choice(answers) for _ in range(6)), "bench", day.isoformat()],
            )  # fmt: skip
        day = day.replace(month=9) if day.month == 3 else day.replace(year=day.year + 1, month=3)


def release_call(config):
    from voorzorg.stats import store as stats_store
    from voorzorg.stats.builder import build_release

    def call():
        path = stats_store.stats_path(config.data_dir)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        # A fresh publication each time (with its audit), not a restore of the same one.
        (config.data_dir / "stats-ledger.jsonl").unlink(missing_ok=True)
        build_release(config, "2026-H1", today=TODAY)

    return call


def aggregate_call(config):
    """The floor: one plain SQL aggregate per circle over the same requests."""
    import sqlite3

    paths = sorted(str(p) for p in config.data_dir.glob("c*.db"))

    def call():
        for path in paths:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            conn.execute(
                """SELECT category, count(*) FROM requests
                   WHERE created_at >= '2026-01-01' AND created_at < '2026-07-01'
                   GROUP BY category"""
            ).fetchall()
            conn.close()

    return call


# Utility: the share of cells a welfare organisation gets ------------------------------


def churn_deployment(workdir: Path, circles: int = 100, years: int = 4, seed: int = 1):
    """Circles of 8–15 counted members with joiners, leavers and members without stats
    consent over ``years`` years, plus a year of requests per circle: realistic sizes,
    unlike ``deployment`` (which measures speed on 30-member circles)."""
    from voorzorg.deploy import config as config_mod
    from voorzorg.deploy.deployment import init_deployment
    from voorzorg.storage.store import create_circle_db

    directory = workdir / f"churn-{circles}c-{years}y"
    init_deployment(directory)
    rng = random.Random(seed)
    lines = [(directory / "config.toml").read_text()]
    start = TODAY - timedelta(days=365 * years)
    days = (TODAY - start).days
    for number in range(circles):
        cid = f"c{number:03d}"
        lines.append(f'\n[circles.{cid}]\nname = "Cirkel {number}"\n')
        db = create_circle_db(directory / "data" / f"{cid}.db", cid, "Europe/Amsterdam")
        conn = db.conn
        conn.execute("BEGIN")
        member = 0
        for _ in range(rng.randint(9, 14)):
            member += 1
            joined = start + timedelta(days=rng.randint(0, 60))
            _insert_member(conn, rng, member, joined, days, start)
        for _ in range(rng.randint(years, 3 * years)):  # newcomers over the years
            member += 1
            joined = start + timedelta(days=rng.randint(60, days - 1))
            _insert_member(conn, rng, member, joined, days, start)
        moment = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
        while moment.date() < TODAY:
            moment += timedelta(hours=rng.randint(60, 200))
            for_id, helper = rng.sample(range(1, member + 1), 2)
            created = moment.isoformat()
            accepted = (moment + timedelta(days=rng.randint(0, 6))).isoformat()
            status = rng.choice(("done", "done", "done", "accepted", "cancelled", "referred"))
            conn.execute(
                """INSERT INTO requests (for_id, category, status, helper_id, created_at,
                     accepted_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [for_id, rng.choice(CATEGORIES), status,
                 helper if status in ("done", "accepted") else None, created,
                 accepted if status in ("done", "accepted") else None, accepted],
            )  # fmt: skip
        conn.execute("COMMIT")
        db.close()
    (directory / "config.toml").write_text("".join(lines))
    return config_mod.load(directory / "config.toml")


def _insert_member(conn, rng, member: int, joined: date, days: int, start: date) -> None:
    stamp = datetime.combine(joined, datetime.min.time(), tzinfo=UTC).isoformat()
    left = None
    if rng.random() < 0.25:
        left = (joined + timedelta(days=rng.randint(90, max(91, days)))).isoformat()
        left = None if left >= TODAY.isoformat() else left
    conn.execute(
        """INSERT INTO members (id, name, birth_year, joined_on, left_on, created_at,
             updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [member, f"L{member}", rng.randint(1932, 1966), joined.isoformat(), left, stamp, stamp],
    )
    purposes = ("matching", "stats") if rng.random() < 0.85 else ("matching",)
    for purpose in purposes:
        conn.execute(
            "INSERT INTO consents (member_id, purpose, given_at) VALUES (?, ?, ?)",
            [member, purpose, stamp],
        )


def all_releases(config, today: date = TODAY) -> dict[str, float]:
    """Build every finished half-year the deployment's history covers; seconds for each
    (each release is audited together with all the earlier ones)."""
    import time

    from voorzorg.stats.builder import build_release
    from voorzorg.stats.periods import finished_periods

    made = {}
    for period in finished_periods(today - timedelta(days=365 * 4 - 1), today):
        began = time.perf_counter()
        build_release(config, period, today=today)
        made[period] = round(time.perf_counter() - began, 2)
    return made


def audit_seconds(config) -> tuple[float, int]:
    """`stats check` in-process: the auditor over every release in the deployment."""
    import time

    from voorzorg.stats import store as stats_store
    from voorzorg.stats.audit import audit

    conn = stats_store.connect(stats_store.stats_path(config.data_dir))
    began = time.perf_counter()
    findings = audit(conn, config.data_dir)
    conn.close()
    return round(time.perf_counter() - began, 2), len(findings)


def published_share(stats_db: Path) -> dict:
    """Cells published / all cells, over every release table in stats.db; read from the
    file alone so it measures any version of the builder the same way."""
    import sqlite3

    conn = sqlite3.connect(f"file:{stats_db}?mode=ro", uri=True)
    result = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if "niet_publiceerbaar" not in columns:
            continue
        total, shown = conn.execute(
            f"SELECT count(*), count(*) - sum(niet_publiceerbaar) FROM {table}"
        ).fetchone()
        result[table] = (shown or 0, total)
    conn.close()
    cells = sum(t for _s, t in result.values())
    shown = sum(s for s, _t in result.values())
    return {"tables": result, "cells": cells, "published": shown,
            "share": round(shown / cells, 3) if cells else 0.0}  # fmt: skip


if __name__ == "__main__":  # utility figures: python bench/stats_bench.py
    import json
    import os
    import sys
    import tempfile
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from voorzorg.demo.build import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        # The demo draws its record keys from its seed, so every build publishes the same
        # cells; several builds confirm that (DEMO_RUNS=1 for one).
        shares = []
        for run in range(int(os.environ.get("DEMO_RUNS", "5"))):
            demo = Path(tmp) / f"demo{run}"
            build_demo(demo, today=TODAY)
            shares.append(published_share(demo / "data" / "stats.db"))
        figures = {
            "demo": {
                "runs": len(shares),
                "cells": shares[0]["cells"],
                "published (each run)": [s["published"] for s in shares],
                "share (mean)": round(sum(s["share"] for s in shares) / len(shares), 3),
                "tables (first run)": shares[0]["tables"],
            }
        }
        config = churn_deployment(Path(tmp), circles=100, years=4)
        began = time.perf_counter()
        releases = all_releases(config)
        figures["100 circles × 4 years"] = {
            **published_share(config.data_dir / "stats.db"),
            "releases": len(releases),
            "seconds_for_all_releases": round(time.perf_counter() - began, 1),
            "seconds_per_release": releases,
        }
        if "--no-audit" not in sys.argv:
            seconds, findings = audit_seconds(config)
            figures["100 circles × 4 years"]["audit_seconds"] = seconds
            figures["100 circles × 4 years"]["audit_findings"] = findings
    print(json.dumps(figures, indent=1))
