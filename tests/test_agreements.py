"""Standing agreements between members."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import local_today


def setup_members(cli):
    cli("member", "add", "Jan", "--offers", "vervoer", "--consent", "matching")
    cli("member", "add", "Marie", "--consent", "matching")
    cli("member", "add", "Piet")


def test_add_list_end(circle, cli):
    setup_members(cli)
    added = cli(
        "agreement",
        "add",
        "--helper",
        "Jan",
        "--for",
        "Marie",
        "--category",
        "vervoer",
        "--note",
        "doordeweeks, twee dagen van tevoren",
        "--from",
        "1-1-2026",
        "--json",
    )
    assert added.code == 0, added.err
    assert added.json["helper_name"] == "Jan" and added.json["for_name"] == "Marie"
    assert added.json["category"] == "transport" and added.json["active"] is True
    listed = cli("agreement", "list", "--member", "Marie", "--json").json
    assert [a["id"] for a in listed] == [added.json["id"]]
    assert cli("agreement", "list", "--member", "Piet", "--json").json == []
    table = cli("agreement", "list").out
    assert "Jan" in table and "vervoer" in table and "do 1 jan 2026" in table

    still = cli("agreement", "end", str(added.json["id"]), "--on", "1-1-2099", "--json")
    assert still.code == 0 and still.json["active"] is True  # ends later, holds until then
    assert len(cli("agreement", "list", "--json").json) == 1
    yesterday = (local_today() - timedelta(days=1)).isoformat()
    other = cli("agreement", "add", "--helper", "Jan", "--for", "Marie", "--category", "tuin",
                "--from", "1-1-2026", "--json").json  # fmt: skip
    ended = cli("agreement", "end", str(other["id"]), "--on", yesterday, "--json")
    assert ended.code == 0 and ended.json["active"] is False
    assert [a["id"] for a in cli("agreement", "list", "--json").json] == [added.json["id"]]
    assert len(cli("agreement", "list", "--all", "--json").json) == 2
    assert cli("agreement", "end", str(other["id"])).code == 1


def test_bad_agreements(circle, cli):
    setup_members(cli)

    def refused(*args):
        result = cli("agreement", "add", *args)
        assert result.code == 1, result.out
        assert "Traceback" not in result.err
        return result.err

    assert "verschillende" in refused("--helper", "Jan", "--for", "Jan", "--category", "vervoer")
    assert "matching" in refused("--helper", "Jan", "--for", "Piet", "--category", "vervoer")
    assert "lichaamsgebonden" in refused(
        "--helper", "Jan", "--for", "Marie", "--category", "wassen"
    )
    assert "vóór" in refused(
        "--helper",
        "Jan",
        "--for",
        "Marie",
        "--category",
        "tuin",
        "--from",
        "1-6-2099",
        "--until",
        "1-1-2099",
    )
    assert "Niemand" in refused("--helper", "Niemand", "--for", "Marie", "--category", "tuin")
    assert cli("agreement", "end", "99").code == 1
    assert cli("agreement", "list", "--json").json == []
