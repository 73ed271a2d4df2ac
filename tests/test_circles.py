"""Circles: one config entry and one database file each."""

from __future__ import annotations

import sqlite3

import pytest


def test_add_creates_migrated_database_and_config_entry(deployment, cli):
    result = cli("circle", "add", "zorgsaam", "--name", "ZorgSaam", "--neighbourhood",
                 "Muziekwijk", "--json")  # fmt: skip
    assert result.code == 0, result.err
    info = result.json
    assert info["id"] == "zorgsaam"
    assert info["name"] == "ZorgSaam"
    assert info["timezone"] == "Europe/Amsterdam"
    db = deployment / "data" / "zorgsaam.db"
    assert info["database"] == str(db)
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"members", "member_offers", "member_needs", "consents", "_sqlite_migrations"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    meta = dict(conn.execute("SELECT key, value FROM circle_meta"))
    assert meta["circle_id"] == "zorgsaam"
    assert "[circles.zorgsaam]" in (deployment / "config.toml").read_text()


@pytest.mark.parametrize(
    "bad_id", ["Zorgsaam", "-zorg", "zorg_saam", "../x", "a" * 41, "", "zorg saam", "zörg"]
)
def test_invalid_ids_are_refused_and_nothing_is_written(deployment, cli, bad_id):
    before = (deployment / "config.toml").read_bytes()
    result = cli("circle", "add", "--name", "X", "--", bad_id)
    assert result.code == 1
    assert "cirkelcode" in result.err
    assert (deployment / "config.toml").read_bytes() == before
    assert list((deployment / "data").iterdir()) == []


def test_duplicate_id_is_refused(circle, cli):
    result = cli("circle", "add", "zorgsaam", "--name", "Other")
    assert result.code == 1
    assert "bestaat al" in result.err


def test_existing_file_is_never_overwritten(deployment, cli):
    stray = deployment / "data" / "oud.db"
    stray.write_bytes(b"precious")
    result = cli("circle", "add", "oud", "--name", "Oud")
    assert result.code == 1
    assert stray.read_bytes() == b"precious"
    assert "oud" not in (deployment / "config.toml").read_text().split("[circles")[-1]


def test_bad_timezone(deployment, cli):
    result = cli("circle", "add", "x", "--name", "X", "--timezone", "Mars/Olympus")
    assert result.code == 1
    assert "tijdzone" in result.err
    assert not (deployment / "data" / "x.db").exists()


def test_list_show_rename_archive_unarchive(circle, cli):
    assert cli("circle", "add", "samenspel", "--name", "SamenSpel").code == 0
    assert [c["id"] for c in cli("circle", "list", "--json").json] == ["zorgsaam", "samenspel"]
    shown = cli("circle", "show", "zorgsaam", "--json").json
    assert shown["members"] == 0 and shown["name"] == "ZorgSaam"

    renamed = cli("circle", "rename", "zorgsaam", "Zorg", "Saam", "--json")
    assert renamed.json["name"] == "Zorg Saam"
    assert cli("circle", "show", "zorgsaam", "--json").json["name"] == "Zorg Saam"

    assert cli("circle", "archive", "samenspel").code == 0
    assert [c["id"] for c in cli("circle", "list", "--json").json] == ["zorgsaam"]
    everything = cli("circle", "list", "--all", "--json").json
    assert [c["archived"] for c in everything] == [False, True]
    assert (circle / "data" / "samenspel.db").exists()
    refused = cli("member", "list", "-c", "samenspel")
    assert refused.code == 1 and "gearchiveerd" in refused.err

    assert cli("circle", "unarchive", "samenspel").code == 0
    assert cli("member", "list", "-c", "samenspel").code == 0


def test_table_output_is_readable(circle, cli):
    result = cli("circle", "list")
    assert result.code == 0
    header, rule, row = result.out.splitlines()
    assert header.split() == ["code", "naam", "wijk", "deelnemers", "status"]
    assert set(rule.replace(" ", "")) == {"─"}
    assert row.split()[:3] == ["zorgsaam", "ZorgSaam", "Muziekwijk"]


def test_circle_choice_flag_env_and_only_one(circle, cli, monkeypatch):
    assert cli("member", "add", "Jan", "--json").json["id"] == 1  # only circle: no -c needed
    assert cli("circle", "add", "samenspel", "--name", "SamenSpel").code == 0
    ambiguous = cli("member", "list")
    assert ambiguous.code == 1
    assert "zorgsaam (ZorgSaam)" in ambiguous.err and "samenspel (SamenSpel)" in ambiguous.err
    assert [m["name"] for m in cli("member", "list", "-c", "zorgsaam", "--json").json] == ["Jan"]
    monkeypatch.setenv("VOORZORG_CIRCLE", "samenspel")
    assert cli("member", "list", "--json").json == []
    assert len(cli("member", "list", "--circle", "zorgsaam", "--json").json) == 1


def test_unknown_circle_lists_choices(circle, cli):
    result = cli("member", "list", "-c", "zorgsam")
    assert result.code == 1
    assert "zorgsam" in result.err and "zorgsaam (ZorgSaam)" in result.err
    assert "Traceback" not in result.err


def test_no_circles_yet_gives_a_hint(deployment, cli):
    result = cli("member", "list")
    assert result.code == 1
    assert "voorzorg circle add" in result.err


def test_archiving_twice_says_so(circle, cli):
    assert cli("circle", "archive", "zorgsaam").code == 0
    again = cli("circle", "archive", "zorgsaam")
    assert again.code == 1 and "al gearchiveerd" in again.err
    assert cli("circle", "unarchive", "zorgsaam").code == 0
    assert cli("circle", "unarchive", "zorgsaam").code == 1


def test_upper_case_id_gets_a_suggestion(circle, cli):
    result = cli("member", "list", "-c", "ZorgSaam")
    assert result.code == 1 and "'zorgsaam'" in result.err
