"""The CLI stays light: circle commands never import the web, feed or notification stack,
nor sqlite-utils (a write that needs it or a pending migration does), nor integrations."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

FORBIDDEN = {"datasette", "icalendar", "apprise", "uvicorn", "jinja2", "asgiref", "tomlkit",
             "fpdf", "fontTools", "PIL"}  # fmt: skip
# Reading commands on an up-to-date database: not even sqlite-utils (and its numpy).
FORBIDDEN_FOR_READING = FORBIDDEN | {"sqlite_utils", "numpy"}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("startup") / "demo"
    subprocess.run(
        [sys.executable, "-m", "voorzorg", "demo", str(directory), "--no-serve"],
        check=True,
        capture_output=True,
    )
    return directory


def imported(args, config) -> set[str]:
    """Full names of the modules ``voorzorg ARGS`` imports (as ``-X importtime`` lists them)."""
    env = {**os.environ, "VOORZORG_CONFIG": str(config), "VOORZORG_LANG": "nl"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "voorzorg", *args],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "voorzorg" in names
    return names


def imported_modules(args, config) -> set[str]:
    """Top-level packages ``voorzorg ARGS`` imports."""
    return {name.split(".")[0] for name in imported(args, config)}


@pytest.mark.parametrize(
    "args",
    [
        ["member", "list", "-c", "zorgsaam"],
        ["member", "show", "-c", "zorgsaam", "1", "--json"],
        ["member", "search", "-c", "zorgsaam", "straat"],
        ["consent", "list", "-c", "zorgsaam"],
        ["circle", "list"],
        ["activity", "list", "-c", "zorgsaam"],
        ["request", "list", "-c", "zorgsaam", "--open"],
        ["card", "status", "-c", "zorgsaam"],
    ],
)
def test_reading_commands_import_nothing_heavy(demo_dir, args):
    names = imported(args, demo_dir / "config.toml")
    assert {name.split(".")[0] for name in names} & FORBIDDEN_FOR_READING == set()
    # Reading commands never discover or load integrations (no manifests read).
    assert not any(name.startswith("voorzorg.integrations") for name in names)


@pytest.mark.parametrize(
    "args",
    [
        ["member", "list", "-c", "harmonie"],
        ["request", "list", "-c", "harmonie"],
        ["activity", "list", "-c", "harmonie"],
        ["member", "show", "-c", "harmonie", "1"],
    ],
)
def test_a_pending_migration_imports_sqlite_utils_once(demo_dir, args):
    """sqlite-utils applies migrations: it is imported when one is pending, and only then."""
    database = demo_dir / "data" / "harmonie.db"
    with sqlite3.connect(database) as conn:
        # Forget a step that can safely run twice (it drops and recreates a view).
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_restricted_helpers_hidden'")
    conn.close()
    assert "sqlite_utils" in imported_modules(args, demo_dir / "config.toml")
    # Migrated again: the next run reads without it.
    assert "sqlite_utils" not in imported_modules(args, demo_dir / "config.toml")
    with sqlite3.connect(database) as conn:
        applied = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    conn.close()
    from voorzorg.storage.schema import STEPS

    assert applied == len(STEPS)


def test_writing_a_member_imports_nothing_heavy(demo_dir):
    modules = imported_modules(
        ["member", "add", "-c", "zorgsaam", "Nieuw", "Lid"], demo_dir / "config.toml"
    )
    assert modules & (FORBIDDEN - {"tomlkit"}) == set()


def test_console_script_gives_clean_errors_and_exit_codes(tmp_path):
    script = os.path.join(os.path.dirname(sys.executable), "voorzorg")
    env = {**os.environ, "VOORZORG_CONFIG": str(tmp_path / "missing.toml")}
    result = subprocess.run([script, "member", "list"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("Fout:")
    assert "Traceback" not in result.stderr


def test_a_finished_command_leaves_only_the_database(demo_dir):
    """Run as a program (start-up objects frozen for a faster exit), a command still closes
    its database on the way out: no -wal or -shm file stays behind."""
    database = demo_dir / "data" / "samenspel.db"
    env = {**os.environ, "VOORZORG_CONFIG": str(demo_dir / "config.toml")}
    commands = [
        ["member", "list", "-c", "samenspel"],
        ["member", "add", "-c", "samenspel", "Nog", "Een"],
        ["member", "show", "-c", "samenspel", "999"],  # an error: unknown member
    ]
    for args in commands:
        subprocess.run([sys.executable, "-m", "voorzorg", *args], env=env, capture_output=True)
        leftovers = [s for s in ("-wal", "-shm", "-journal") if os.path.exists(f"{database}{s}")]
        assert leftovers == [], (args, leftovers)


def test_migrations_and_serve_never_import_numpy(demo_dir):
    """numpy is installed for the statistics auditor; sqlite-utils would import it (and
    pandas) on every migration and in `serve`, where Datasette imports sqlite-utils."""
    database = demo_dir / "data" / "zorgsaam.db"
    with sqlite3.connect(database) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_restricted_helpers_hidden'")
    conn.close()
    modules = imported_modules(["member", "list", "-c", "zorgsaam"], demo_dir / "config.toml")
    assert "sqlite_utils" in modules and "numpy" not in modules
    script = (
        "import sys\n"
        "from pathlib import Path\nfrom voorzorg.deploy import config\n"
        "from voorzorg.web.server import build\n"
        f"build(config.load(Path({str(demo_dir / 'config.toml')!r})))\n"
        "assert 'datasette' in sys.modules and 'sqlite_utils' in sys.modules\n"
        "assert 'numpy' not in sys.modules and 'pandas' not in sys.modules, 'numpy imported'\n"
        "import numpy  # still importable afterwards, for the auditor\n"
        "import sqlite_utils.db\n"
        "assert sqlite_utils.db.np is None\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
