"""The agreements card: a Dutch default, drafts, dated versions, acknowledgements."""

from __future__ import annotations

import sys


def test_new_circle_starts_with_a_dutch_default_card(circle, cli):
    result = cli("card", "show")
    assert result.code == 0, result.err
    assert "versie 1" in result.out
    for words in (
        "Vrijwillig, maar niet vrijblijvend",
        "Nee zeggen mag altijd",
        "lichaamsgebonden zorg",
        "twee dagen",
        "redelijkheid",
        "binnen de cirkel",
    ):
        assert words in result.out  # fmt: skip
    shown = cli("card", "show", "--json").json
    assert shown["version"] == 1 and shown["text"].startswith("Afsprakenkaart")


def test_edit_from_file_adopt_and_old_versions_stay_readable(circle, cli, tmp_path):
    new_text = tmp_path / "kaart.txt"
    new_text.write_bytes("\ufeffOnze afspraken\r\n\r\n1. Zoë helpt met de €-pot.\r\n".encode())
    assert cli("card", "edit", "--file", new_text).code == 0
    assert cli("card", "show", "--json").json["version"] == 1  # a draft is not yet a version
    draft = cli("card", "show", "--draft", "--json").json
    assert draft["text"] == "Onze afspraken\n\n1. Zoë helpt met de €-pot.\n"
    assert cli("card", "adopt", "--on", "1-12-2099").code == 1  # not in the future
    adopted = cli("card", "adopt", "--by", "Henk", "--json")
    assert adopted.code == 0, adopted.err
    assert adopted.json["version"] == 2 and adopted.json["adopted_by"] == "Henk"
    assert cli("card", "show", "--json").json["text"].startswith("Onze afspraken")
    old = cli("card", "show", "--version", "1")
    assert "Vrijwillig" in old.out and "oude versie" in old.out
    assert [v["version"] for v in cli("card", "versions", "--json").json] == [1, 2]
    again = cli("card", "adopt")
    assert again.code == 1 and "card edit" in again.err
    assert cli("card", "show", "--version", "7").code == 1


def test_edit_with_an_editor(circle, cli, tmp_path, monkeypatch):
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\np = sys.argv[1]\nt = open(p, encoding='utf-8').read()\n"
        "open(p, 'w', encoding='utf-8').write(t + '8. Koffie om tien uur.\\n')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = cli("card", "edit")
    assert result.code == 0, result.err
    assert "Concept opgeslagen" in result.out
    assert (
        cli("card", "show", "--draft", "--json").json["text"].endswith("8. Koffie om tien uur.\n")
    )


def test_bad_card_files(circle, cli, tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("regel 1\ncaf\xe9\n".encode("latin-1"))
    result = cli("card", "edit", "--file", latin1)
    assert result.code == 1 and "regel 2" in result.err and "UTF-8" in result.err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    assert cli("card", "edit", "--file", empty).code == 1
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"tekst\x00met nul\n")
    assert cli("card", "edit", "--file", nul).code == 1
    assert cli("card", "edit", "--file", tmp_path / "missing.txt").code == 1
    assert cli("card", "show", "--draft").out.strip() == "Er is geen concepttekst."


def test_acknowledgements_and_status(circle, cli, tmp_path):
    cli("member", "add", "Anna")
    cli("member", "add", "Bep")
    cli("member", "add", "Cor")
    assert cli("card", "ack", "Anna").code == 0
    assert cli("card", "ack", "Bep").code == 0
    twice = cli("card", "ack", "Anna")
    assert twice.code == 1 and "al gezien" in twice.err
    status = cli("card", "status", "--json").json
    assert status["current_version"] == 1
    assert [m["name"] for m in status["members"] if m["current"]] == ["Anna", "Bep"]

    text = tmp_path / "v2.txt"
    text.write_text("Versie twee.\n")
    cli("card", "edit", "--file", text)
    cli("card", "adopt")
    cli("card", "ack", "Bep")
    status = cli("card", "status", "--json").json
    by_name = {m["name"]: m for m in status["members"]}
    assert by_name["Anna"]["acknowledged_version"] == 1 and not by_name["Anna"]["current"]
    assert by_name["Bep"]["current"]
    assert by_name["Cor"]["acknowledged_version"] is None
    assert sorted(status["missing"]) == [by_name["Anna"]["id"], by_name["Cor"]["id"]]
    table = cli("card", "status").out
    assert "nog niet gezien" in table and "2 deelnemers hebben" in table
