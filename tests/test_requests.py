"""Requests through connectors: intake, suggestions, asks, answers, closing, events."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from voorzorg import events
from voorzorg.dates import parse_local_datetime
from voorzorg.domain.matching import suggest_helpers
from voorzorg.domain.requests import add_request, answer, ask
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store

NEXT_YEAR = datetime.now(UTC).year + 1


def spring_forward(year: int) -> str:
    """The last Sunday of March: clocks jump from 02:00 to 03:00 in Amsterdam."""
    day = 31
    while datetime(year, 3, day).weekday() != 6:
        day -= 1
    return f"{day}-3-{year}"


def people(cli):
    cli(
        "member",
        "add",
        "Marie",
        "--address",
        "Vioolstraat 3",
        "--postcode",
        "1325 AB",
        "--consent",
        "matching",
    )
    cli(
        "member",
        "add",
        "Jan",
        "--offers",
        "vervoer",
        "--address",
        "Fluitstraat 1",
        "--postcode",
        "1325 AB",
        "--consent",
        "matching",
    )
    cli(
        "member",
        "add",
        "Henk",
        "--offers",
        "vervoer",
        "--address",
        "Vioolstraat 20",
        "--consent",
        "matching",
    )
    cli("member", "add", "Kees", "--offers", "vervoer", "--consent", "matching")
    cli("member", "add", "Lies", "--offers", "tuin", "--consent", "matching")
    cli("member", "add", "Zonder", "--offers", "vervoer")  # no matching consent


def test_full_life_of_a_request(circle, cli):
    people(cli)
    added = cli(
        "request",
        "add",
        "--for",
        "Marie",
        "--category",
        "vervoer",
        "--when",
        f"5-12-{NEXT_YEAR} 09:30",
        "--note",
        "lift naar de markt",
        "--json",
    )
    assert added.code == 0, added.err
    request_id = added.json["id"]
    assert added.json["state"] == "open" and added.json["wanted_at"] == f"{NEXT_YEAR}-12-05 09:30"

    suggested = cli("request", "suggest", str(request_id), "--json").json
    names = [c["name"] for c in suggested]
    assert names == ["Henk", "Jan", "Kees"]  # same street first; never Marie, Lies or Zonder
    codes = [r["code"] for r in suggested[0]["reasons"]]
    assert codes == ["offers", "never_asked", "load", "same_street"]
    assert [r["code"] for r in suggested[1]["reasons"]][-1] == "same_postcode"

    assert cli("request", "ask", str(request_id), "Henk").code == 0
    assert cli("request", "show", str(request_id), "--json").json["state"] == "asked"
    assert cli("request", "answer", str(request_id), "Henk", "nee").code == 0
    after_no = [c["name"] for c in cli("request", "suggest", str(request_id), "--json").json]
    assert "Henk" not in after_no and after_no[0] == "Jan"
    text = cli("request", "suggest", str(request_id)).out
    assert "Heeft nee gezegd: Henk" in text and "biedt dit aan" in text

    assert cli("request", "ask", str(request_id), "Jan").code == 0
    accepted = cli("request", "answer", str(request_id), "Jan", "ja", "--json")
    assert accepted.json["status"] == "accepted" and accepted.json["helper_name"] == "Jan"
    done = cli("request", "done", str(request_id), "--json")
    assert done.json["status"] == "done" and done.json["closed_at"]

    shown = cli("request", "show", str(request_id)).out
    assert "gedaan" in shown and "Henk" in shown and "— nee" in shown and "— ja" in shown
    jan = cli("member", "show", "Jan", "--json").json
    assert jan["reciprocity"]["given"] == 1 and jan["reciprocity"]["received"] == 0
    marie = cli("member", "show", "Marie").out
    assert "0 keer geholpen, 1 keer hulp gekregen" in marie


def test_cancel_refer_and_list(circle, cli):
    people(cli)
    first = cli("request", "add", "--for", "Marie", "--category", "tuin", "--json").json["id"]
    second = cli("request", "add", "--for", "Marie", "--category", "vervoer", "--json").json["id"]
    third = cli("request", "add", "--for", "Jan", "--category", "tuin", "--json").json["id"]
    assert cli("request", "cancel", str(first), "--note", "niet meer nodig").code == 0
    referred = cli("request", "refer", str(second), "--to", "Sociaal wijkteam", "--json")
    assert referred.json["status"] == "referred"
    assert referred.json["referred_to"] == "Sociaal wijkteam"
    assert [r["id"] for r in cli("request", "list", "--open", "--json").json] == [third]
    assert [r["id"] for r in cli("request", "list", "--member", "Marie", "--json").json] == [
        first,
        second,
    ]
    table = cli("request", "list").out
    assert "vervallen" in table and "doorverwezen" in table and "open" in table
    assert cli("request", "cancel", str(first)).code == 1  # already closed


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("request", "add", "--for", "Niemand", "--category", "vervoer"), "Niemand"),
        (("request", "add", "--for", "Marie", "--category", "wassen"), "lichaamsgebonden"),
        (("request", "add", "--for", "Zonder", "--category", "vervoer"), "matching"),
        (
            (
                "request",
                "add",
                "--for",
                "Marie",
                "--category",
                "vervoer",
                "--when",
                "1-1-2020 10:00",
            ),
            "verleden",
        ),
        (
            (
                "request",
                "add",
                "--for",
                "Marie",
                "--category",
                "vervoer",
                "--when",
                f"{spring_forward(NEXT_YEAR)} 02:30",
            ),
            "bestaat niet",
        ),
        (
            (
                "request",
                "add",
                "--for",
                "Marie",
                "--category",
                "vervoer",
                "--when",
                f"31-2-{NEXT_YEAR} 10:00",
            ),
            "bestaat niet",
        ),
        (
            ("request", "add", "--for", "Marie", "--category", "vervoer", "--when", "om 10:00"),
            "datum met tijd",
        ),
        (("request", "suggest", "99"), "99"),
        (("request", "suggest", "abc"), "abc"),
        (("request", "ask", "1", "Marie"), "zelf de hulpvrager"),
        (("request", "ask", "1", "Zonder"), "matching"),
        (("request", "answer", "1", "Kees", "ja"), "niet gevraagd"),
        (("request", "answer", "1", "Jan", "misschien"), "ja of nee"),
        (("request", "done", "1"), "toegezegde"),
    ],
)
def test_bad_input_gets_a_clear_message(circle, cli, args, fragment):
    people(cli)
    assert cli("request", "add", "--for", "Marie", "--category", "vervoer").code == 0
    cli("request", "ask", "1", "Jan")
    result = cli(*args)
    assert result.code == 1, (result.out, result.err)
    assert fragment in result.err
    assert "Traceback" not in result.err


def test_asking_twice_and_answering_after_someone_else_accepted(circle, cli):
    people(cli)
    cli("request", "add", "--for", "Marie", "--category", "vervoer")
    cli("request", "ask", "1", "Jan")
    again = cli("request", "ask", "1", "Jan")
    assert again.code == 1 and "al gevraagd" in again.err
    cli("request", "ask", "1", "Henk")
    assert cli("request", "answer", "1", "Jan", "ja").code == 0
    late = cli("request", "answer", "1", "Henk", "ja")
    assert late.code == 1 and "toegezegd" in late.err
    assert cli("request", "ask", "1", "Kees").code == 1  # no longer open
    # The helper may still say no: the request opens again.
    reopened = cli("request", "answer", "1", "Jan", "nee", "--json").json
    assert reopened["status"] == "open" and reopened["helper_id"] is None


def test_left_and_restricted_members_are_never_suggested(circle, cli):
    people(cli)
    cli("member", "leave", "Henk")
    db = sqlite3.connect(circle / "data" / "zorgsaam.db")
    with db:
        db.execute("UPDATE members SET restricted_at = '2026-01-01' WHERE name = 'Kees'")
    db.close()
    cli("request", "add", "--for", "Marie", "--category", "vervoer")
    assert [c["name"] for c in cli("request", "suggest", "1", "--json").json] == ["Jan"]
    assert cli("request", "ask", "1", "Henk").code == 1


def test_standing_agreement_comes_first(circle, cli):
    people(cli)
    cli("agreement", "add", "--helper", "Kees", "--for", "Marie", "--category", "vervoer")
    cli("request", "add", "--for", "Marie", "--category", "vervoer")
    top = cli("request", "suggest", "1", "--json").json[0]
    assert top["name"] == "Kees" and top["reasons"][0]["code"] == "agreement"


def test_medical_looking_note_gets_a_warning_but_is_saved(circle, cli):
    people(cli)
    result = cli(
        "request",
        "add",
        "--for",
        "Marie",
        "--category",
        "vervoer",
        "--note",
        "na de operatie naar huis",
    )
    assert result.code == 0
    assert "medisch detail" in result.err
    assert cli("request", "list", "--json").json[0]["note"] == "na de operatie naar huis"


def test_ambiguous_autumn_time_is_the_summer_time_one():
    moment = parse_local_datetime("25-10-2026 02:30", "Europe/Amsterdam")
    assert moment.utcoffset() == timedelta(hours=2)
    with pytest.raises(VoorzorgError):
        parse_local_datetime("29-3-2026 02:30", "Europe/Amsterdam")


@pytest.fixture
def db(circle, cli):
    people(cli)
    database = store.open_circle(circle / "data" / "zorgsaam.db")
    yield database
    database.close()


def test_events_fire_after_commit_with_ids_only(db):
    seen = []

    def handler(event):
        # The change is already committed when a handler runs.
        other = sqlite3.connect(db.conn.execute("PRAGMA database_list").fetchone()[2])
        row = other.execute(
            "SELECT status FROM requests WHERE id = ?", [event.data["request_id"]]
        ).fetchone()
        other.close()
        seen.append((event.name, event.circle, dict(event.data), row[0]))

    unsubscribe = events.subscribe("request.*", handler)
    try:
        now = datetime.now(UTC)
        request = add_request(db, for_id=1, category="transport", now=now, note="markt")
        ask(db, request["id"], 2, now=now)
        answer(db, request["id"], 2, False, now=now)
        ask(db, request["id"], 3, now=now)
        answer(db, request["id"], 3, True, now=now)
    finally:
        unsubscribe()
    assert [s[0] for s in seen] == [
        "request.created",
        "request.asked",
        "request.declined",
        "request.asked",
        "request.accepted",
    ]
    assert {s[1] for s in seen} == {"zorgsaam"}
    assert seen[-1][3] == "accepted"
    for _name, _circle, data, _status in seen:
        assert set(data) <= {"request_id", "category", "for_id", "member_id", "helper_id"}
        assert "markt" not in str(data) and "Marie" not in str(data)


def test_a_failing_handler_never_undoes_the_change(db):
    def broken(event):
        raise RuntimeError("channel down")

    unsubscribe = events.subscribe("*", broken)
    try:
        request = add_request(db, for_id=1, category="transport", now=datetime.now(UTC))
    finally:
        unsubscribe()
    failures = events.take_failures()
    assert [f.event for f in failures] == ["request.created"]
    assert failures[0].error == "RuntimeError"
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == 1
    assert request["id"] == 1


def test_suggest_refuses_closed_requests(db):
    now = datetime.now(UTC)
    request = add_request(db, for_id=1, category="transport", now=now)
    ask(db, request["id"], 2, now=now)
    answer(db, request["id"], 2, True, now=now)
    with pytest.raises(VoorzorgError) as info:
        suggest_helpers(db, request["id"], now=now)
    assert info.value.key == "request.cannot_suggest"


def test_withdrawing_matching_consent_closes_the_members_requests(circle, cli):
    people(cli)
    cli("request", "add", "--for", "Marie", "--category", "vervoer")
    cli("request", "ask", "1", "Jan")
    result = cli("consent", "withdraw", "Marie", "matching", "--json")
    assert result.json["requests_closed"] == [1]
    shown = cli("request", "show", "1", "--json").json
    assert shown["status"] == "cancelled"
    assert shown["closing_note"] == "toestemming voor koppelen ingetrokken"
    assert cli("request", "suggest", "1").code == 1


def test_suggest_and_ask_refuse_a_requester_without_consent(db):
    now = datetime.now(UTC)
    request = add_request(db, for_id=1, category="transport", now=now)
    with db.atomic():
        db.execute("UPDATE consents SET withdrawn_at = ? WHERE member_id = 1", [now.isoformat()])
    with pytest.raises(VoorzorgError):
        suggest_helpers(db, request["id"], now=now)
    with pytest.raises(VoorzorgError):
        ask(db, request["id"], 2, now=now)


def test_leaving_reopens_commitments_and_revokes_feeds(circle, cli):
    people(cli)
    cli("request", "add", "--for", "Marie", "--category", "vervoer")
    cli("request", "ask", "1", "Jan")
    cli("request", "answer", "1", "Jan", "ja")
    token = cli("feed", "token", "add", "--label", "Jan", "--member", "Jan", "--json").json
    assert cli("member", "leave", "Jan").code == 0
    reopened = cli("request", "show", "1", "--json").json
    assert reopened["status"] == "open" and reopened["helper_id"] is None
    tokens = cli("feed", "token", "list", "--all", "--json").json
    assert [t["active"] for t in tokens if t["id"] == token["id"]] == [False]
