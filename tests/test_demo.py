"""The demo deployment shows the whole product with invented, obviously fictional people."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date

import pytest

from voorzorg.demo.build import SURNAMES, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo") / "demo"
    summary = build_demo(directory, today=date(2026, 11, 27))
    return directory, summary


def test_demo_has_enough_circles_and_members(demo):
    directory, summary = demo
    ids = [c["id"] for c in summary["circles"]]
    assert len(ids) >= 5
    assert {"zorgsaam", "samenspel"} <= set(ids)
    assert summary["members"] >= 60
    for circle_id in ids:
        assert (directory / "data" / f"{circle_id}.db").is_file()


def test_demo_members_have_offers_needs_and_consents(demo):
    directory, summary = demo
    totals = {"offers": 0, "needs": 0, "consents": 0, "connectors": 0}
    for circle in summary["circles"]:
        db = sqlite3.connect(directory / "data" / f"{circle['id']}.db")
        totals["offers"] += db.execute("SELECT count(*) FROM member_offers").fetchone()[0]
        totals["needs"] += db.execute("SELECT count(*) FROM member_needs").fetchone()[0]
        totals["consents"] += db.execute("SELECT count(*) FROM consents").fetchone()[0]
        totals["connectors"] += db.execute(
            "SELECT count(*) FROM members WHERE is_connector AND left_on IS NULL"
        ).fetchone()[0]
        # Needs are health data: only ever recorded with active matching consent.
        assert (
            db.execute(
                """SELECT count(*) FROM member_needs n WHERE NOT EXISTS (
                     SELECT 1 FROM consents c WHERE c.member_id = n.member_id
                     AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)"""
            ).fetchone()[0]
            == 0
        )
        for (name,) in db.execute("SELECT name FROM members"):
            assert any(surname in name for surname in SURNAMES)  # obviously fictional
        assert db.execute("SELECT min(joined_on) FROM members").fetchone()[0] <= "2025-01-01"
    assert totals["offers"] > 60 and totals["needs"] > 20
    assert totals["consents"] > 60 and totals["connectors"] >= 10


def test_demo_is_usable_from_the_cli(demo, cli, monkeypatch):
    directory, _summary = demo
    monkeypatch.setenv("VOORZORG_CONFIG", str(directory / "config.toml"))
    members = cli("member", "list", "-c", "zorgsaam", "--json")
    assert members.code == 0 and len(members.json) >= 10
    assert all(m["phone"].startswith("06-0") for m in members.json)
    assert len(cli("circle", "list", "--json").json) >= 5


def test_demo_is_reproducible_and_refuses_a_used_directory(tmp_path, demo, cli):
    _directory, summary = demo
    again = build_demo(tmp_path / "again", today=date(2026, 11, 27))
    assert again["circles"] == summary["circles"]
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "mine.txt").write_text("keep")
    result = cli("demo", tmp_path / "used", "--no-serve")
    assert result.code == 1
    assert (tmp_path / "used" / "mine.txt").read_text() == "keep"
    assert not (tmp_path / "used" / "config.toml").exists()


def test_demo_command_prints_a_summary(tmp_path, cli):
    result = cli("demo", tmp_path / "d", "--no-serve")
    assert result.code == 0, result.err
    assert "ZorgSaam" in result.out and "SamenSpel" in result.out
    assert "voorzorg member list -c zorgsaam" in result.out


def test_demo_has_two_years_of_help_history(demo):
    directory, summary = demo
    for circle in summary["circles"]:
        db = sqlite3.connect(directory / "data" / f"{circle['id']}.db")
        statuses = dict(db.execute("SELECT status, count(*) FROM requests GROUP BY status"))
        assert statuses.get("done", 0) > 50
        assert statuses.get("referred", 0) > 0 and statuses.get("cancelled", 0) > 0
        answers = dict(db.execute("SELECT answer, count(*) FROM request_asks GROUP BY answer"))
        assert answers.get("no", 0) > 5  # some said no first
        first, last = db.execute("SELECT min(created_at), max(created_at) FROM requests").fetchone()
        assert first < "2025-01-15" and last > "2026-11-01"
        assert db.execute("SELECT count(*) FROM card_versions").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM card_acks WHERE version = 2").fetchone()[0] > 3
        assert db.execute("SELECT count(*) FROM agreements").fetchone()[0] >= 1
        # Requests only ever come from and go to members who were in the circle then.
        assert (
            db.execute(
                """SELECT count(*) FROM request_asks a JOIN members m ON m.id = a.member_id
                   WHERE substr(a.asked_at, 1, 10) < m.joined_on"""
            ).fetchone()[0]
            == 0
        )
        assert (
            db.execute(
                """SELECT count(*) FROM request_asks a JOIN members m ON m.id = a.member_id
                   WHERE m.left_on IS NOT NULL AND substr(a.asked_at, 1, 10) > m.left_on"""
            ).fetchone()[0]
            == 0
        )


def test_demo_has_check_ins_with_consent_and_published_outcomes(demo):
    """Invented check-ins for most members, only with the wellbeing consent, six months
    apart, while the member was in the circle; enough people with both consents in enough
    circles that the latest release publishes the outcome tables (not only "afgeschermd")."""
    from voorzorg.stats.builder import OUTCOMES

    directory, summary = demo
    circles_with_checkins, people = 0, 0
    for circle in summary["circles"]:
        db = sqlite3.connect(directory / "data" / f"{circle['id']}.db")
        rows = db.execute(
            """SELECT w.member_id, w.taken_on, w.note, m.joined_on, m.left_on,
                      EXISTS (SELECT 1 FROM consents c WHERE c.member_id = w.member_id
                              AND c.purpose = 'wellbeing' AND c.withdrawn_at IS NULL
                              AND substr(c.given_at, 1, 10) <= w.taken_on)
               FROM wellbeing_checkins w JOIN members m ON m.id = w.member_id
               ORDER BY w.member_id, w.taken_on"""
        ).fetchall()
        db.close()
        assert len(rows) == circle["checkins"]
        circles_with_checkins += bool(rows)
        people += len({r[0] for r in rows})
        for _member, taken_on, note, joined_on, left_on, consented in rows:
            assert consented and joined_on <= taken_on <= "2026-11-27"
            assert left_on is None or taken_on < left_on
            assert note is None or "demo" in note.lower()  # says it is made up
        days = {}
        for member_id, taken_on, *_rest in rows:
            days.setdefault(member_id, []).append(date.fromisoformat(taken_on))
        for taken in days.values():
            assert all((b - a).days >= 181 for a, b in itertools.pairwise(taken))
    assert circles_with_checkins == len(summary["circles"]) and people >= 80
    conn = sqlite3.connect(directory / "data" / "stats.db")
    withheld = {r[0] for r in conn.execute(
        "SELECT tabel FROM afgeschermd WHERE release_id = '2026-H1'")}  # fmt: skip
    assert not set(OUTCOMES) & withheld
    for table, column in zip(OUTCOMES, ("score", "categorie", "verandering"), strict=True):
        [(total,)] = conn.execute(
            f"SELECT leden FROM {table} WHERE release_id = '2026-H1' AND {column} = 'totaal'"
        ).fetchall()
        assert total >= 53  # at least 50 people, beyond the noise
    shown = conn.execute(
        "SELECT count(*) FROM welbevinden_verandering WHERE release_id = '2026-H1' "
        "AND leden > 0 AND onderwerp != 'totaal'"
    ).fetchone()[0]
    conn.close()
    assert shown >= 15  # better, same and worse for most topics, not only a total


def test_demo_statistics_are_the_same_in_every_build(demo, tmp_path):
    """Record keys come from the seed too: the same demo publishes the same figures."""
    directory, _summary = demo
    again = tmp_path / "again"
    build_demo(again, today=date(2026, 11, 27))

    def figures(path):
        conn = sqlite3.connect(path / "data" / "stats.db")
        found = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                 for t in ("welbevinden_verdeling", "eenzaamheid", "welbevinden_verandering",
                           "leden_per_cirkel", "afgeschermd")}  # fmt: skip
        conn.close()
        return found

    assert figures(directory) == figures(again)
