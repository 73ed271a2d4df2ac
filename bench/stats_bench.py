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
            for purpose in ("matching", "stats"):
                conn.execute(
                    "INSERT INTO consents (member_id, purpose, given_at) VALUES (?, ?, ?)",
                    [member, purpose, stamp],
                )
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


def release_call(config):
    from voorzorg.stats import store as stats_store
    from voorzorg.stats.builder import build_release

    def call():
        path = stats_store.stats_path(config.data_dir)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
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
