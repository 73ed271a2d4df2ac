"""The README's "Writing an integration" example, installed as a real package and used.

The files are taken from README.md itself (fenced blocks whose first line names the
file, ``# buurtbus/manifest.toml``), so the README cannot drift from what works. The
package is installed with ``pip install --target`` into a folder of its own and put on
PYTHONPATH of the voorzorg subprocesses only: the test environment stays clean, and the
entry point is discovered from the installed ``*.dist-info`` as it would be anywhere.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest

from tests.conftest import ROOT, local_today
from tests.test_notify import webhook as webhook  # the fixture

BLOCK = re.compile(r"^```\w*\n# ((?:buurtbus/)[\w/.]+|pyproject\.toml)\n(.*?)^```", re.M | re.S)


def readme_files() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {path: f"# {path}\n{body}" for path, body in BLOCK.findall(text)}


def test_the_readme_example_is_complete():
    assert set(readme_files()) == {
        "buurtbus/manifest.toml",
        "buurtbus/__init__.py",
        "buurtbus/translations/nl.toml",
        "buurtbus/translations/en.toml",
        "pyproject.toml",
    }


@pytest.fixture
def buurtbus_site(tmp_path):
    source = tmp_path / "voorzorg-buurtbus"
    for path, text in readme_files().items():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "--no-index", "--target", str(site), str(source)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list(site.glob("voorzorg_buurtbus-1.0.0.dist-info"))
    return site


def test_the_readme_integration_installs_and_works(circle, buurtbus_site, webhook, tmp_path):
    received, port = webhook
    env = {
        **os.environ,
        "PYTHONPATH": str(buurtbus_site),
        "VOORZORG_CONFIG": str(circle / "config.toml"),
    }

    def voorzorg(*args):
        result = subprocess.run(
            [sys.executable, "-m", "voorzorg", *map(str, args)],
            capture_output=True, text=True, env=env, cwd=tmp_path,
        )  # fmt: skip
        assert "Traceback" not in result.stderr, result.stderr
        return result

    listed = {i["domain"]: i for i in json.loads(voorzorg("integration", "list", "--json").stdout)}
    assert listed["buurtbus"]["source"] == "package"
    assert listed["buurtbus"]["state"] == "loaded", listed["buurtbus"]
    assert listed["buurtbus"]["version"] == "1.0.0"

    refused = voorzorg("integration", "add", "-c", "zorgsaam", "buurtbus", "--set", "url=ftp://x")
    assert refused.returncode == 1 and "moet met https:// of http:// beginnen" in refused.stderr
    url = f"http://127.0.0.1:{port}/ritten"
    added = voorzorg("integration", "add", "-c", "zorgsaam", "buurtbus", "--set", f"url={url}")
    assert added.returncode == 0, added.stderr
    assert url not in (circle / "config.toml").read_text()  # a secret

    voorzorg("member", "add", "Marie", "--consent", "matching")
    voorzorg("member", "add", "Jan", "--offers", "vervoer", "--consent", "matching")
    when = (local_today() + timedelta(days=10)).strftime("%d-%m-%Y") + " 09:30"
    voorzorg("request", "add", "--for", "Marie", "--category", "vervoer", "--when", when)
    voorzorg("request", "ask", "1", "Jan")
    accepted = voorzorg("request", "answer", "1", "Jan", "ja")
    assert accepted.returncode == 0 and accepted.stderr == ""
    assert [r["request"] for r in received] == [1]
    assert received[0]["when"].endswith("09:30")

    rides = voorzorg("buurtbus", "-c", "zorgsaam")
    assert rides.returncode == 0 and rides.stdout == "ZorgSaam: 1 geplande rit met de buurtbus.\n"
    english = voorzorg("--lang", "en", "buurtbus")
    assert "1 ride planned with the neighbourhood bus" in english.stdout
    assert "Toon de geplande ritten" in voorzorg("buurtbus", "--help").stdout
