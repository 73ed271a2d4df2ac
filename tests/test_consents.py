"""Consents: given and withdrawn per purpose, history never overwritten."""

from __future__ import annotations

import sqlite3


def test_give_withdraw_give_again_keeps_full_history(circle, cli):
    cli("member", "add", "Jan")
    given = cli("consent", "give", "Jan", "stats", "--recorded-by", "Henk",
                "--text-version", "2026-1", "--json")  # fmt: skip
    assert given.code == 0, given.err
    assert given.json["recorded_by"] == "Henk" and given.json["active"] is True
    assert cli("consent", "give", "Jan", "stats").code == 1  # already given
    withdrawn = cli("consent", "withdraw", "Jan", "stats", "--recorded-by", "Els", "--json")
    assert withdrawn.json["withdrawn_by"] == "Els" and withdrawn.json["active"] is False
    assert cli("consent", "withdraw", "Jan", "stats").code == 1  # nothing to withdraw
    assert cli("consent", "give", "Jan", "stats", "--text-version", "2026-2").code == 0

    history = cli("consent", "list", "Jan", "--json").json
    assert [(h["purpose"], h["text_version"], h["active"]) for h in history] == [
        ("stats", "2026-1", False),
        ("stats", "2026-2", True),
    ]
    assert history[0]["given_at"] <= history[0]["withdrawn_at"] <= history[1]["given_at"]
    assert history[0]["recorded_by"] == "Henk"  # the withdrawal did not overwrite it
    active = cli("consent", "list", "--active", "--json").json
    assert [h["text_version"] for h in active] == ["2026-2"]
    assert cli("member", "show", "Jan", "--json").json["consents"] == ["stats"]


def test_withdrawing_matching_removes_needs(circle, cli):
    cli("member", "add", "Jan", "--needs", "vervoer,tuin", "--consent", "matching")
    result = cli("consent", "withdraw", "Jan", "matching")
    assert result.code == 0, result.err
    assert "vervoer, tuin" in result.out
    assert cli("member", "show", "Jan", "--json").json["needs"] == []
    db = sqlite3.connect(circle / "data" / "zorgsaam.db")
    assert db.execute("SELECT count(*) FROM member_needs").fetchone()[0] == 0


def test_unknown_purpose_is_refused_with_the_choices(circle, cli):
    cli("member", "add", "Jan")
    result = cli("consent", "give", "Jan", "marketing")
    assert result.code == 1
    assert "marketing" in result.err and "matching, stats, wellbeing" in result.err
    assert cli("consent", "give", "Jan", "koppelen").code == 0  # Dutch word for matching


def test_backdated_consent_from_a_paper_form(circle, cli):
    cli("member", "add", "Jan", "--joined", "1-3-2025")
    given = cli("consent", "give", "Jan", "stats", "--on", "3-5-2025", "--json").json
    assert given["given_at"] == "2025-05-02T22:00:00+00:00"  # local midnight, summer time
    # No --recorded-by, no `volunteer` in config.toml, no terminal to ask at: unknown,
    # never the login name (root or pi on the community centre's machine).
    assert given["recorded_by"] is None
    assert cli("consent", "give", "Jan", "wellbeing", "--on", "1-1-2099").code == 1


def test_members_who_left_cannot_give_consent_or_become_connector(circle, cli):
    cli("member", "add", "Jan", "--joined", "1-3-2025")
    cli("member", "leave", "Jan", "--on", "1-6-2025")
    assert "vertrokken" in cli("consent", "give", "Jan", "stats").err
    assert "vertrokken" in cli("member", "edit", "Jan", "--connector").err
    assert cli("member", "edit", "Jan", "--phone", "0612345678").code == 0  # rectification


def test_consent_table(circle, cli):
    cli("member", "add", "Jan", "--consent", "matching", "--recorded-by", "Henk")
    lines = cli("consent", "list").out.splitlines()
    assert lines[0].split()[:3] == ["lid", "naam", "doel"]
    assert "koppelen" in lines[2] and "geldig" in lines[2] and "Henk" in lines[2]
