"""Shared fixtures: run the real CLI in-process, on real files in tmp_path."""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from voorzorg import i18n
from voorzorg.cli import main
from voorzorg.cli.base import App

ROOT = Path(__file__).resolve().parent.parent


def local_today():
    """Today in the test circles' timezone: the date every command works with.

    Not the date module's own today: that is the machine's date (UTC here), which is already a
    day behind Amsterdam between 23:00 and 00:00 UTC.
    """
    from voorzorg.clock import DEFAULT_TIMEZONE, today

    return today(DEFAULT_TIMEZONE)


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path):
    """No test sees the developer's config, circle or language settings."""
    for name in ("VOORZORG_CONFIG", "VOORZORG_CIRCLE", "VOORZORG_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    i18n.set_language(None)
    i18n.set_configured_language(None)
    App.current = None
    yield
    i18n.set_language(None)
    i18n.set_configured_language(None)


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``voorzorg ARGS`` in-process; returns exit code, stdout and stderr."""

    def run(*args: str, input: str | None = None, cwd: Path | None = None) -> Result:
        i18n.set_language(None)
        i18n.set_configured_language(None)
        monkeypatch.setattr(sys, "stdin", io.StringIO(input or ""))
        if cwd is not None:
            monkeypatch.chdir(cwd)
        with pytest.raises(SystemExit) as exit_info:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        code = exit_info.value.code
        return Result(code if isinstance(code, int) else 1, out, err)

    return run


@pytest.fixture
def deployment(tmp_path, cli, monkeypatch):
    """An initialised deployment; VOORZORG_CONFIG points at it."""
    directory = tmp_path / "deploy"
    result = cli("init", directory)
    assert result.code == 0, result.err
    monkeypatch.setenv("VOORZORG_CONFIG", str(directory / "config.toml"))
    return directory


@pytest.fixture
def circle(deployment, cli):
    """A deployment with one circle, ``zorgsaam``."""
    result = cli("circle", "add", "zorgsaam", "--name", "ZorgSaam", "--neighbourhood", "Muziekwijk")
    assert result.code == 0, result.err
    return deployment


def venv_bin(name: str) -> str:
    """A console script installed beside the running interpreter."""
    return os.path.join(os.path.dirname(sys.executable), name)
