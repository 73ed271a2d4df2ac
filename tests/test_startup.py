"""The CLI stays light: circle commands never import the web, feed or notification stack."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

FORBIDDEN = {"datasette", "icalendar", "apprise", "uvicorn", "jinja2", "asgiref", "tomlkit"}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("startup") / "demo"
    subprocess.run(
        [sys.executable, "-m", "voorzorg", "demo", str(directory), "--no-serve"],
        check=True,
        capture_output=True,
    )
    return directory


def imported_modules(args, config):
    env = {**os.environ, "VOORZORG_CONFIG": str(config), "VOORZORG_LANG": "nl"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "voorzorg", *args],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    modules = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            modules.add(name.split(".")[0])
    assert "voorzorg" in modules
    return modules


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
    modules = imported_modules(args, demo_dir / "config.toml")
    assert modules & FORBIDDEN == set()


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
