"""The calling rota (belcirkel): a simulated month of calls, missed calls raising an alert
that reaches the connectors over real SMTP on loopback, and the member's rights."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.test_notify import Mailbox, Server, free_port, mailto, text_of
from voorzorg import clock, events
from voorzorg.storage import store

CIRCLE = "zorgsaam"


@pytest.fixture
def smtp():
    """A real SMTP server on loopback (aiosmtpd), as in test_notify."""
    box, port = Mailbox(), free_port()
    server = Server(box, port)
    server.start()
    yield box, port, server
    server.stop()


def _on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC)


def _ok(cli, *args):
    result = cli(*args)
    assert result.code == 0, (args, result.err)
    return result


def _setup(cli, port=None):
    _ok(cli, "member", "add", "Marie Jansen", "--phone", "030-1234567", "--consent", "matching")
    _ok(cli, "member", "add", "Jan", "--consent", "matching")
    _ok(cli, "member", "add", "Piet", "--consent", "matching")
    _ok(cli, "member", "add", "Henk", "--connector", "--consent", "matching")
    _ok(cli, "member", "add", "Els", "--connector")
    if port is not None:
        _ok(cli, "integration", "add", "notify", "--set",
            f"group_url={mailto(port, 'groep@example.org')}")  # fmt: skip
        _ok(cli, "notify", "member", "Henk", mailto(port, "henk@example.org"))
        _ok(cli, "notify", "member", "Els", mailto(port, "els@example.org"))


def test_a_month_of_calls_with_missed_ones_alerts_the_connectors(circle, cli, smtp, caplog):
    box, port, _server = smtp
    caplog.set_level(logging.DEBUG)
    start = date(2026, 12, 1)  # a Tuesday
    with clock.frozen(_on(start)):
        _setup(cli, port)
        added = _ok(cli, "belcirkel", "add", "Marie", "--caller", "Jan", "--daily")
        assert "Marie Jansen wordt gebeld door Jan: elke dag, ochtend." in added.out
        _ok(cli, "belcirkel", "add", "Piet", "--caller", "Jan", "--weekly", "maandag",
            "--afternoon")  # fmt: skip
    missed = {date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 15), date(2026, 12, 27),
              date(2026, 12, 28)}  # fmt: skip
    away = (date(2026, 12, 19), date(2026, 12, 23))
    alerts_seen = []
    seen_events = []
    unsubscribe = events.subscribe("*", seen_events.append)
    for offset in range(31):
        day = start + timedelta(days=offset)
        with clock.frozen(_on(day)):
            if day == date(2026, 12, 19):
                _ok(cli, "member", "away", "Marie", "--until", away[1].isoformat())
            if day == date(2026, 12, 24):
                _ok(cli, "member", "back", "Marie")
            today = _ok(cli, "belcirkel", "--json").json
            names = {c["member_name"] for c in today["calls"]}
            if away[0] <= day <= away[1]:
                assert "Marie Jansen" not in names  # away: no call due
                refused = cli("belcirkel", "record", "Marie", "niet-bereikt")
                assert refused.code != 0 and "is weg" in refused.err
                continue
            assert "Marie Jansen" in names
            assert ("Piet" in names) == (day.weekday() == 0)
            outcome = "niet-bereikt" if day in missed else "bereikt"
            result = _ok(cli, "belcirkel", "record", "Marie", outcome)
            if "twee keer achter elkaar niet bereikt" in result.out:
                alerts_seen.append(day)
                assert "Henk" in result.out and "Els" in result.out
    unsubscribe()
    # Two in a row on the 8th/9th and the 27th/28th; the 15th alone is no alert.
    assert alerts_seen == [date(2026, 12, 9), date(2026, 12, 28)]
    mails = text_of(box.messages)
    alerts = [m for m in mails if "niet bereikt" in m]
    assert sorted(m.split("\n")[0] for m in alerts) == [
        "els@example.org",
        "els@example.org",
        "henk@example.org",
        "henk@example.org",
    ]
    assert all("M. (deelnemer 1)" in m for m in alerts)
    assert not [m for m in mails if m.startswith("groep@")]  # never to the group
    # No name of the called member in any log or event: ids only.
    assert seen_events
    for event in seen_events:
        assert "Marie" not in repr(event.data)
    missed_events = [e for e in seen_events if e.name == "belcirkel.missed"]
    assert [e.data["date"] for e in missed_events] == ["2026-12-09", "2026-12-28"]
    assert set(missed_events[0].data) == {"link_id", "member_id", "date"}
    assert "Marie" not in caplog.text and "Jansen" not in caplog.text
    assert all("Marie" not in m for m in mails)
    db = store.open_circle(circle / "data" / f"{CIRCLE}.db")
    notify_rows = db.execute("SELECT key FROM notify_sent").fetchall()
    assert all("Marie" not in r[0] for r in notify_rows)
    db.close()


def test_the_day_list_is_dutch_with_the_weekday(circle, cli):
    with clock.frozen(_on(date(2026, 12, 7))):
        _setup(cli)
        _ok(cli, "belcirkel", "add", "Marie", "--caller", "Jan", "--weekly", "ma")
        shown = _ok(cli, "belcirkel")
        assert "Belcirkel, ma 7 december 2026:" in shown.out
        assert "Marie Jansen" in shown.out and "030-1234567" in shown.out and "Jan" in shown.out
        tuesday = _ok(cli, "belcirkel", "--date", "dinsdag")
        assert "Vandaag hoeft niemand gebeld te worden." in tuesday.out
        listed = _ok(cli, "belcirkel", "list")
        assert "elke maandag, ochtend" in listed.out
        wrong = cli("belcirkel", "record", "Marie", "bereikt", "--date", "gisteren")
        assert wrong.code != 0 and "hoeft op" in wrong.err
        future = cli("belcirkel", "record", "Marie", "bereikt", "--date", "14-12-2026")
        assert future.code != 0 and "nog niet geweest" in future.err
        bad = cli("belcirkel", "record", "Marie", "misschien")
        assert bad.code != 0 and "bereikt of niet-bereikt" in bad.err
        english = _ok(cli, "--lang", "en", "belcirkel")
        assert "Calling rota, Mon 7 December 2026:" in english.out


def test_consent_restriction_leaving_and_stand_ins(circle, cli):
    with clock.frozen(_on(date(2026, 12, 7))):
        _setup(cli)
        no_consent = cli("belcirkel", "add", "Els", "--caller", "Jan", "--daily")
        assert no_consent.code != 0 and "toestemming 'koppelen'" in no_consent.err
        itself = cli("belcirkel", "add", "Jan", "--caller", "Jan", "--daily")
        assert itself.code != 0
        _ok(cli, "belcirkel", "add", "Marie", "--caller", "Jan", "--daily")
        _ok(cli, "belcirkel", "add", "Piet", "--caller", "Henk", "--daily", "--afternoon")
        # The caller is away: the call stays, marked for a stand-in, without the name.
        _ok(cli, "member", "away", "Jan", "--until", "2026-12-10")
        calls = _ok(cli, "belcirkel", "--json").json["calls"]
        marie = next(c for c in calls if c["member_name"] == "Marie Jansen")
        assert marie["needs_stand_in"] and marie["caller_name"] is None
        _ok(cli, "member", "back", "Jan")
        # Restricted: in no list, nothing recorded.
        _ok(cli, "member", "restrict", "Piet")
        assert "Piet" not in _ok(cli, "belcirkel").out
        assert cli("belcirkel", "record", "Piet", "bereikt").code != 0
        assert "Piet" not in _ok(cli, "belcirkel", "list").out
        _ok(cli, "member", "unrestrict", "Piet")
        # Withdrawing the consent ends the links the member is in (called or calling).
        _ok(cli, "consent", "withdraw", "Henk", "matching")
        assert "Piet" not in _ok(cli, "belcirkel").out
    with clock.frozen(_on(date(2026, 12, 8))):
        _ok(cli, "member", "leave", "Marie")
        assert _ok(cli, "belcirkel", "--json").json["calls"] == []
        assert "gestopt" in _ok(cli, "belcirkel", "list", "--all").out


def test_export_erase_and_purge_cover_the_rota(circle, cli, tmp_path):
    with clock.frozen(_on(date(2026, 12, 7))):
        _setup(cli)
        _ok(cli, "belcirkel", "add", "Marie", "--caller", "Jan", "--daily")
        _ok(cli, "belcirkel", "record", "Marie", "niet-bereikt")
        out = tmp_path / "export"
        out.mkdir()
        _ok(cli, "member", "export", "Marie", "--out", str(out))
        exported = next(out.glob("*.json")).read_text()
        assert '"belcirkel"' in exported and '"not_reached"' in exported
        readable = next(out.glob("*.md")).read_text()
        assert "## Belcirkel" in readable and "niet bereikt" in readable
        caller_out = tmp_path / "caller"
        caller_out.mkdir()
        _ok(cli, "member", "export", "Jan", "--out", str(caller_out))
        caller_json = next(caller_out.glob("*.json")).read_text()
        assert '"caller"' in caller_json and '"not_reached"' not in caller_json
        _ok(cli, "member", "erase", "Jan", "--yes")
        db = store.open_circle(circle / "data" / f"{CIRCLE}.db")
        row = db.execute("SELECT caller_id, ended_on FROM belcirkel_links").fetchone()
        assert tuple(row) == (None, "2026-12-07")
        db.close()
        _ok(cli, "member", "erase", "Marie", "--yes")
        db = store.open_circle(circle / "data" / f"{CIRCLE}.db")
        assert db.execute("SELECT count(*) FROM belcirkel_links").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM belcirkel_calls").fetchone()[0] == 0
        db.close()


def test_the_call_log_is_purged_after_its_retention(circle, cli):
    with clock.frozen(_on(date(2026, 9, 1))):
        _setup(cli)
        _ok(cli, "belcirkel", "add", "Marie", "--caller", "Jan", "--daily")
        _ok(cli, "belcirkel", "record", "Marie", "bereikt")
    with clock.frozen(_on(date(2026, 12, 7))):
        _ok(cli, "belcirkel", "record", "Marie", "bereikt")
        purged = _ok(cli, "purge", "--json").json
        assert purged["circles"][CIRCLE]["call_log"] == 1
        db = store.open_circle(circle / "data" / f"{CIRCLE}.db")
        left = db.execute("SELECT call_date FROM belcirkel_calls").fetchall()
        assert [tuple(r) for r in left] == [("2026-12-07",)]
        db.close()
