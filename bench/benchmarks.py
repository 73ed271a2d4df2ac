"""The benchmark registry.

A benchmark is a name plus a `prepare` function. `prepare` receives a fresh
temporary directory, builds whatever fixtures it needs there, and returns a
Scenario: the candidate command and the anchors it is compared against, each
with a goal for the ratio candidate median / anchor median.

To add a benchmark, write a `prepare` function and append a Benchmark to
BENCHMARKS at the bottom of this file (see bench/README.md).
"""

import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timing import BenchError, Command, console_script, python


@dataclass(frozen=True)
class Anchor:
    """A reference command; the candidate's ratio against it should be ≤ goal."""

    command: Command
    goal: float | None  # None: a floor to quote, without a goal


@dataclass(frozen=True)
class Scenario:
    """What one benchmark times: a candidate and its anchors."""

    candidate: Command
    anchors: tuple[Anchor, ...]

    def commands(self) -> list[Command]:
        """Candidate first, then the anchors."""
        return [self.candidate, *(anchor.command for anchor in self.anchors)]


@dataclass(frozen=True)
class Benchmark:
    """A named benchmark; `prepare` builds its fixtures in the given directory."""

    name: str
    description: str
    prepare: Callable[[Path], Scenario]
    max_runs: int | None = None  # for benchmarks whose every run starts servers


# Shared fixtures and anchors -------------------------------------------------


def compile_package() -> None:
    """Write voorzorg's bytecode, as any installation has it.

    An editable install under PYTHONDONTWRITEBYTECODE=1 never gets .pyc files, so
    every run would recompile voorzorg from source while the anchors' packages
    (compiled by pip) would not: an unfair comparison that no real user sees.
    """
    package = subprocess.run(
        [python(), "-c", "import voorzorg, os; print(os.path.dirname(voorzorg.__file__))"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if not package:
        raise BenchError("voorzorg is not importable from this interpreter")
    subprocess.run([python(), "-m", "compileall", "-q", package], check=False)


def build_demo(workdir: Path) -> Path:
    """Build the demo deployment under `workdir`; return its directory."""
    compile_package()
    demo = workdir / "demo"
    argv = [console_script("voorzorg"), "demo", str(demo), "--no-serve"]
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BenchError(f"building the demo failed:\n{result.stderr or result.stdout}")
    return demo


def voorzorg(demo: Path, *args: str) -> Command:
    """A `voorzorg` command run against the demo deployment's config."""
    argv = (console_script("voorzorg"), *args)
    env = {"VOORZORG_CONFIG": str(demo / "config.toml")}
    return Command(label=" ".join(("voorzorg", *args)), argv=argv, env=env)


FLOOR_IMPORTS = "import click, sqlite3, tomllib"


def import_floor(goal: float) -> Anchor:
    """Start Python and import what every reading command needs (click, sqlite3, tomllib):
    the cost no CLI can avoid. Run with the same interpreter, so both sides pay the same
    start-up (site, the venv's .pth files)."""
    argv = (python(), "-c", FLOOR_IMPORTS)
    return Anchor(Command(label="import floor", argv=argv), goal=goal)


# Benchmarks ------------------------------------------------------------------


# Reading commands: at most 30 % on top of starting Python with their imports.
READING_GOAL = 1.3


def member_list(workdir: Path) -> Scenario:
    """`voorzorg member list` on the demo circle versus an import floor and sqlite-utils."""
    demo = build_demo(workdir)
    database = demo / "data" / "zorgsaam.db"
    rows = Command(
        label="sqlite-utils rows",
        argv=(console_script("sqlite-utils"), "rows", str(database), "members"),
    )
    return Scenario(
        candidate=voorzorg(demo, "member", "list", "-c", "zorgsaam"),
        anchors=(import_floor(goal=READING_GOAL), Anchor(rows, goal=1.0)),
    )


def busiest_circle(demo: Path) -> str:
    """The demo circle with the most asks on record (the largest history)."""
    import sqlite3

    counts = {}
    for database in sorted((demo / "data").glob("*.db")):
        if database.stem in ("instance", "stats"):
            continue
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
            counts[database.stem] = conn.execute("SELECT count(*) FROM request_asks").fetchone()[0]
    return max(counts, key=counts.get)


def requester(demo: Path, circle: str) -> str:
    """An active member with matching consent, who may ask for help."""
    import sqlite3

    with sqlite3.connect(f"file:{demo / 'data' / circle}.db?mode=ro", uri=True) as conn:
        row = conn.execute(
            """SELECT m.id FROM members m JOIN consents c ON c.member_id = m.id
               WHERE m.left_on IS NULL AND c.purpose = 'matching' AND c.withdrawn_at IS NULL
               ORDER BY m.id LIMIT 1"""
        ).fetchone()
    return str(row[0])


def request_list(workdir: Path) -> Scenario:
    """`voorzorg request list` on the busiest demo circle versus the import floor."""
    demo = build_demo(workdir)
    return Scenario(
        candidate=voorzorg(demo, "request", "list", "-c", busiest_circle(demo)),
        anchors=(import_floor(goal=READING_GOAL),),
    )


def activity_list(workdir: Path) -> Scenario:
    """`voorzorg activity list` (the next four weeks) on the busiest demo circle versus the
    import floor."""
    demo = build_demo(workdir)
    return Scenario(
        candidate=voorzorg(demo, "activity", "list", "-c", busiest_circle(demo)),
        anchors=(import_floor(goal=READING_GOAL),),
    )


def request_suggest(workdir: Path) -> Scenario:
    """`voorzorg request suggest` on the busiest demo circle versus `member list` there."""
    demo = build_demo(workdir)
    circle = busiest_circle(demo)
    add = voorzorg(demo, "request", "add", "-c", circle, "--for", requester(demo, circle),
                   "--category", "vervoer", "--json")  # fmt: skip
    result = subprocess.run(
        add.argv, capture_output=True, text=True, env={**os.environ, **add.env}, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"could not add a request to suggest for:\n{result.stderr}")
    request_id = str(json.loads(result.stdout)["id"])
    member_list = voorzorg(demo, "member", "list", "-c", circle)
    return Scenario(
        candidate=voorzorg(demo, "request", "suggest", "-c", circle, request_id),
        anchors=(Anchor(member_list, goal=1.3),),
    )


BENCHMARKS: list[Benchmark] = [
    Benchmark(
        name="member list",
        description="List the members of the demo circle zorgsaam.",
        prepare=member_list,
    ),
    Benchmark(
        name="request list",
        description="List the requests of the circle with the most history.",
        prepare=request_list,
    ),
    Benchmark(
        name="activity list",
        description="List the next four weeks of activities in the circle with the most history.",
        prepare=activity_list,
    ),
    Benchmark(
        name="request suggest",
        description="Suggest helpers for a new request in the circle with the most history.",
        prepare=request_suggest,
    ),
]


# Feeds (in-process) ---------------------------------------------------------

SERIES = 200
SINGLES = 1800
ZONE = "Europe/Amsterdam"


def _feed_fixture(workdir: Path):
    """A circle database with 200 weekly series and 1,800 single events ahead."""
    import random
    from datetime import UTC, date, datetime, timedelta

    from voorzorg.domain.activities import add_activity, cancel_occurrence
    from voorzorg.domain.recurrence import Rule
    from voorzorg.storage.store import create_circle_db

    rng = random.Random(5545)
    db = create_circle_db(workdir / "feeds.db", "bench", ZONE)
    today = date(2026, 11, 27)
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with db.atomic():
        for number in range(SERIES):
            start = today + timedelta(days=rng.randint(-200, 30))
            item = add_activity(
                db, title=f"Club {number} — Zoë’s €-uurtje", start=start,
                start_time=f"{rng.randint(8, 20):02d}:{rng.choice((0, 15, 30, 45)):02d}",
                timezone=ZONE, now=now, duration_minutes=rng.choice((60, 90, 120)),
                rule=Rule(freq="weekly"), location="De BinnenHaven, Muziekwijk",
            )  # fmt: skip
            cancel_occurrence(db, item["id"], start + timedelta(weeks=rng.randint(1, 8)), now=now)
        for number in range(SINGLES):
            start = today + timedelta(days=rng.randint(-20, 360))
            add_activity(
                db, title=f"Bijeenkomst {number}", start=start,
                start_time=f"{rng.randint(8, 20):02d}:00", timezone=ZONE, now=now,
                duration_minutes=90, location="Buurthuis",
            )  # fmt: skip
    return db, today


def _icalendar_anchor(db, today):
    """Read the activities with plain SQL and build the same events with plain icalendar 7
    (UIDs and DTSTAMPs given explicitly). The read is timed, as it is in the candidate."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    import icalendar

    zone = ZoneInfo(ZONE)
    conn = db.conn

    def read_rows() -> list[dict]:
        cancelled: dict[int, list[str]] = {}
        for activity_id, original in conn.execute(
            "SELECT activity_id, original_date FROM activity_exceptions "
            "WHERE kind = 'cancelled' ORDER BY activity_id, original_date"
        ):
            cancelled.setdefault(activity_id, []).append(original)
        columns = ("id", "title", "location", "start_date", "start_time", "duration_minutes",
                   "freq", "sequence", "updated_at")  # fmt: skip
        rows = conn.execute(
            f"SELECT {', '.join(columns)} FROM activities ORDER BY start_date, id"
        ).fetchall()
        return [
            {**dict(zip(columns, row, strict=True)), "cancelled": cancelled.get(row[0], [])}
            for row in rows
        ]

    def build() -> bytes:
        rows = read_rows()
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//bench//")
        calendar.add("version", "2.0")
        for row in rows:
            event = icalendar.Event()
            event.add("uid", f"activity-{row['id']}@bench.voorzorg")
            event.add("dtstamp", datetime.fromisoformat(row["updated_at"]))
            hour, minute = (int(p) for p in row["start_time"].split(":"))
            start = datetime.fromisoformat(row["start_date"]).replace(
                hour=hour, minute=minute, tzinfo=zone
            )
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=row["duration_minutes"]))
            event.add("summary", row["title"])
            event.add("location", row["location"])
            event.add("sequence", row["sequence"])
            if row["freq"]:
                event.add("rrule", {"freq": "weekly"})
                for original in row["cancelled"]:
                    moment = datetime.fromisoformat(original).replace(
                        hour=hour, minute=minute, tzinfo=zone
                    )
                    event.add("exdate", moment)
            calendar.add_component(event)
        return calendar.to_ical()

    return build


def feed_cold(workdir: Path) -> Scenario:
    """Render 200 series + 1,800 events cold, against plain icalendar building them."""
    from voorzorg.calendar.feeds import render_circle_feed

    db, today = _feed_fixture(workdir)

    def render():
        return render_circle_feed(db, circle_id="bench", name="Bench", timezone=ZONE, today=today)

    anchor = Command(label="plain icalendar 7", call=_icalendar_anchor(db, today))
    return Scenario(
        candidate=Command(label="render_circle_feed (cold)", call=render),
        anchors=(Anchor(anchor, goal=1.0),),
    )


def feed_warm(workdir: Path) -> Scenario:
    """A cache hit against reading the same bytes from a file."""
    from voorzorg.calendar.feeds import FeedCache, render_circle_feed

    db, today = _feed_fixture(workdir)
    cache = FeedCache()

    def render():
        return render_circle_feed(db, circle_id="bench", name="Bench", timezone=ZONE, today=today)

    key = ("bench", None, today)
    body = cache.get(db, key, render).body
    stored = workdir / "bench.ics"
    stored.write_bytes(body)

    def read_file() -> bytes:
        # A cache hit asks the database whether anything changed (PRAGMA data_version);
        # the anchor asks the same before it reads the stored bytes, so both read the
        # database once.
        db.execute("PRAGMA data_version").fetchone()
        return stored.read_bytes()

    return Scenario(
        candidate=Command(label="cached feed", call=lambda: cache.get(db, key, render).body),
        anchors=(Anchor(Command(label="read .ics file", call=read_file), goal=2.0),),
    )


BENCHMARKS += [
    Benchmark(
        name="feed cold",
        description="Render a feed of 200 weekly series and 1,800 single events.",
        prepare=feed_cold,
    ),
    Benchmark(
        name="feed warm",
        description="Serve that feed from the cache.",
        prepare=feed_warm,
    ),
]


# Serving (100 circles) --------------------------------------------------------


def _hundred(workdir: Path) -> Path:
    from serving import hundred_circles

    return hundred_circles(workdir, build_demo(workdir))


def serve_startup(workdir: Path) -> Scenario:
    from serving import startup_commands

    ours, plain = startup_commands(_hundred(workdir))
    return Scenario(candidate=ours, anchors=(Anchor(plain, goal=1.2),))


def serve_memory(workdir: Path) -> Scenario:
    from serving import memory_commands

    ours, plain = memory_commands(_hundred(workdir))
    return Scenario(candidate=ours, anchors=(Anchor(plain, goal=1.15),))


def serve_throughput(workdir: Path) -> Scenario:
    from serving import throughput_commands

    ours, plain = throughput_commands(_hundred(workdir))
    # Time per request ≤ 1.25× is throughput ≥ 0.8×.
    return Scenario(candidate=ours, anchors=(Anchor(plain, goal=1.25),))


def serve_feed(workdir: Path) -> Scenario:
    from serving import feed_commands

    ours, trivial = feed_commands(_hundred(workdir))
    return Scenario(candidate=ours, anchors=(Anchor(trivial, goal=1.5),))


BENCHMARKS += [
    Benchmark("serve startup", "Time to first response, 100 circles.", serve_startup, 8),
    Benchmark("serve memory", "Resident memory after a few requests, 100 circles.",
              serve_memory, 5),
    Benchmark("serve throughput", "Coordinator table JSON (time per 50 requests).",
              serve_throughput, 15),
    Benchmark("serve feed", "Warm feed request against a static file (50 each).", serve_feed, 15),
]  # fmt: skip


# Statistics ------------------------------------------------------------------


def stats_release(workdir: Path) -> Scenario:
    """A release over 100 circles × 30 members: 2 years of history against 4 years,
    and against one plain SQL aggregate over the same data (a floor to quote)."""
    from stats_bench import aggregate_call, deployment, release_call

    two = deployment(workdir, 2)
    four = deployment(workdir, 4)
    return Scenario(
        candidate=Command(label="release, 4 years of history", call=release_call(four)),
        anchors=(
            Anchor(Command(label="release, 2 years", call=release_call(two)), goal=2.3),
            Anchor(Command(label="plain SQL aggregate", call=aggregate_call(four)), goal=None),
        ),
    )


BENCHMARKS.append(
    Benchmark("stats release", "A statistics release over 100 circles.", stats_release, 7)
)


# Integrations -----------------------------------------------------------------


def integrations_load(workdir: Path) -> Scenario:
    """`voorzorg integration list` loads every integration: its cost over `member list`
    (a floor to quote: commands that send nothing never load integrations)."""
    demo = build_demo(workdir)
    return Scenario(
        candidate=voorzorg(demo, "integration", "list"),
        anchors=(Anchor(voorzorg(demo, "member", "list", "-c", "zorgsaam"), goal=None),),
    )


BENCHMARKS.append(
    Benchmark("integrations load", "Loading every integration (incl. apprise).", integrations_load)
)


# Serving under abuse ----------------------------------------------------------


def _abused(workdir: Path) -> Path:
    from abuse import abuse_deployment
    from serving import hundred_circles

    demo = build_demo(workdir)
    return abuse_deployment(hundred_circles(workdir, demo), demo)


def serve_abuse_members(workdir: Path) -> Scenario:
    from abuse import response_commands

    abused, idle = response_commands(_abused(workdir), "members")
    return Scenario(candidate=abused, anchors=(Anchor(idle, goal=2.0),))


def serve_abuse_feed(workdir: Path) -> Scenario:
    from abuse import response_commands

    abused, idle = response_commands(_abused(workdir), "feed")
    return Scenario(candidate=abused, anchors=(Anchor(idle, goal=2.0),))


def serve_abuse_memory(workdir: Path) -> Scenario:
    from abuse import memory_commands

    abused, idle = memory_commands(_abused(workdir))
    return Scenario(candidate=abused, anchors=(Anchor(idle, goal=1.5),))


BENCHMARKS += [
    Benchmark("serve abuse members", "A coordinator's members page under 4 hostile welfare "
              "sessions, against the idle server.", serve_abuse_members, 15),
    Benchmark("serve abuse feed", "A feed under 4 hostile welfare sessions, against the idle "
              "server.", serve_abuse_feed, 15),
    Benchmark("serve abuse memory", "Server RSS under 4 hostile welfare sessions, against an "
              "idle server.", serve_abuse_memory, 4),
]  # fmt: skip


# Printed documents ---------------------------------------------------------------


def print_poster_phone_list(workdir: Path) -> Scenario:
    """The month poster (with its QR code) and the phone list of a 15-member circle,
    against fpdf2's minimal example writing the same text: with the same embedded TTF
    font (the goal), and with its core Helvetica (a floor, no font to embed)."""
    from paper_bench import commands

    ours, same_font, helvetica = commands(workdir)
    return Scenario(
        candidate=Command(label="poster + phone list", call=ours),
        anchors=(
            # Ours embeds two faces (regular and bold) against the example's one, and rules
            # its tables cell by cell: up to 3× the example is the goal.
            Anchor(Command(label="fpdf2 minimal, same TTF", call=same_font), goal=3.0),
            Anchor(Command(label="fpdf2 minimal, Helvetica", call=helvetica), goal=None),
        ),
    )


BENCHMARKS += [
    Benchmark(
        name="print poster+phone list",
        description="Month poster and phone list, 15 members, against fpdf2's minimal example.",
        prepare=print_poster_phone_list,
    ),
]
