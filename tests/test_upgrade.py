"""A deployment made by voorzorg 0.1.0 (before the core was regrouped) opens as it is.

``tests/data/deployment-0.1.0`` was written by that version's own CLI: a circle with two
members, a request that was accepted, a weekly coffee morning with a cancellation, a feed
token, a coordinator account (password ``een-lang-wachtwoord``) and the notify
integration with its table. Nothing in it may need a manual step: the commands read it,
the views are brought to their current definitions, serve logs in and serves the feed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.serving import Server, voorzorg
from voorzorg.storage import schema
from voorzorg.storage.views import view_statements

OLD = Path(__file__).parent / "data" / "deployment-0.1.0"


@pytest.fixture
def old(tmp_path) -> Path:
    directory = tmp_path / "buurthuis"
    shutil.copytree(OLD, directory)
    (directory / "secrets.toml").chmod(0o600)
    (directory / "data" / "instance.db").chmod(0o600)
    return directory


def run(directory: Path, *args: str):
    result = voorzorg(directory / "config.toml", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_reading_commands_show_the_old_data(old):
    members = json.loads(run(old, "member", "list", "--json").stdout)
    assert sorted(m["name"] for m in members) == ["Jan de Vries", "Marie van Voorbeeld"]
    requests = json.loads(run(old, "request", "list", "--json").stdout)
    assert [(r["status"], r["category"]) for r in requests] == [("accepted", "transport")]
    agenda = json.loads(
        run(old, "activity", "list", "--from", "1-12-2026", "--to", "31-12-2026", "--json").stdout
    )
    assert [o["status"] for o in agenda if o["original_date"] == "2026-12-24"] == ["cancelled"]
    assert len(agenda) == 5
    listed = run(old, "integration", "list").stdout
    assert "notify" in listed


def test_the_schema_is_current_after_opening(old):
    run(old, "member", "list")
    conn = sqlite3.connect(old / "data" / "zorgsaam.db")
    try:
        assert schema.pending(conn) == []
        views = {
            r[0]: r[1]
            for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'")
        }
        for statement in view_statements():
            name = statement.split()[2]
            assert views[name].strip() == statement.strip()
        # The records 0.1.0 wrote stay as they were; steps added since follow them.
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    finally:
        conn.close()
    written_by_0_1 = [
        "m001_members",
        "m002_help_flow",
        "m003_activities",
        "m004_coordinator_views",
        "m005_restricted_helpers_hidden",
        "m001_sent",
    ]
    assert names[:6] == written_by_0_1
    assert names[6:] == [step.__name__ for step in schema.STEPS[5:]]


def test_writing_commands_work_on_the_old_files(old):
    run(old, "member", "add", "-c", "zorgsaam", "Ömer Yılmaz", "--consent", "stats")
    run(old, "request", "done", "-c", "zorgsaam", "1")
    shown = json.loads(run(old, "request", "show", "-c", "zorgsaam", "1", "--json").stdout)
    assert shown["status"] == "done"


def test_serve_logs_in_the_old_account_and_serves_the_old_feed_link(old, tmp_path):
    feed_path = (old / "feed-path.txt").read_text().strip()
    server = Server(old / "config.toml", tmp_path / "serve.log")
    try:
        client = server.login("henk")
        page = client.get("/zorgsaam/deelnemers.json?_shape=array")
        assert page.status_code == 200
        assert {row["naam"] for row in page.json()} == {"Jan de Vries", "Marie van Voorbeeld"}
        feed = server.client().get("/" + feed_path)
        assert feed.status_code == 200
        assert "BEGIN:VCALENDAR" in feed.text and "Koffieochtend" in feed.text
    finally:
        server.stop()


def test_a_view_made_by_hand_does_not_stop_the_upgrade(old):
    """Rebuilding requests (step 8) must not trip over another view that reads it."""
    path = old / "data" / "zorgsaam.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE VIEW mijn_telling AS SELECT count(*) AS n FROM requests")
    conn.close()
    shown = json.loads(run(old, "request", "show", "-c", "zorgsaam", "1", "--json").stdout)
    assert shown["id"] == 1
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT n FROM mijn_telling").fetchone()[0] >= 1
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
