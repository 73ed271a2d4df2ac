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
    goal: float


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


def import_floor(goal: float) -> Anchor:
    """Start Python and import voorzorg's dependencies: the cost no CLI can avoid."""
    argv = (python(), "-c", "import click, sqlite_utils, tomlkit")
    return Anchor(Command(label="import floor", argv=argv), goal=goal)


# Benchmarks ------------------------------------------------------------------


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
        anchors=(import_floor(goal=1.2), Anchor(rows, goal=1.0)),
    )


def busiest_circle(demo: Path) -> str:
    """The demo circle with the most asks on record (the largest history)."""
    import sqlite3

    counts = {}
    for database in sorted((demo / "data").glob("*.db")):
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
        name="request suggest",
        description="Suggest helpers for a new request in the circle with the most history.",
        prepare=request_suggest,
    ),
]
