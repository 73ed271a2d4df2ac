"""Members: add, list, show, edit, leave, search; names resolve; text survives exactly."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voorzorg.domain.members import add_member, get_member, list_members, resolve_member
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store
from voorzorg.text import clean_line

MEMBER_KEYS = {
    "id", "name", "address", "postcode", "phone", "email", "birth_year", "contact_via",
    "connector", "joined_on", "left_on", "restricted", "active", "offers", "needs", "consents",
    "away_until",
}  # fmt: skip


def test_add_with_every_field(circle, cli):
    result = cli(
        "member", "add", "Marie", "van", "Voorbeeld",
        "--address", "Vioolstraat 12", "--postcode", "1325ab", "--phone", "06-01234567",
        "--email", "marie@example.org", "--birth-year", "1946", "--contact-via", "whatsapp",
        "--connector", "--offers", "vervoer,Tuin,company", "--needs", "klusjes",
        "--consent", "matching,stats", "--recorded-by", "Henk", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    member = result.json
    assert set(member) == MEMBER_KEYS
    assert member["id"] == 1
    assert member["name"] == "Marie van Voorbeeld"
    assert member["postcode"] == "1325 AB"
    assert member["offers"] == ["transport", "company", "garden"]
    assert member["needs"] == ["odd_jobs"]
    assert member["consents"] == ["matching", "stats"]
    assert member["connector"] is True
    assert member["contact_via"] == "whatsapp"


def test_add_prints_a_friendly_line(circle, cli):
    result = cli("member", "add", "Jan")
    assert result.code == 0
    assert result.out.strip() == "Deelnemer 1 toegevoegd: Jan (ZorgSaam)."


def test_needs_require_matching_consent(circle, cli):
    result = cli("member", "add", "Jan", "--needs", "vervoer")
    assert result.code == 1
    assert "toestemming" in result.err and "consent give" in result.err
    assert cli("member", "list", "--json").json == []
    assert cli("member", "add", "Jan", "--json").code == 0
    refused = cli("member", "edit", "Jan", "--needs", "vervoer")
    assert refused.code == 1
    assert cli("consent", "give", "Jan", "matching").code == 0
    assert cli("member", "edit", "Jan", "--needs", "vervoer", "--json").json["needs"] == [
        "transport"
    ]


@pytest.mark.parametrize("word", ["wassen", "lichaamsgebonden zorg", "douchen", "body care"])
def test_body_care_is_refused_with_a_referral_hint(circle, cli, word):
    result = cli("member", "add", "Jan", "--offers", word)
    assert result.code == 1
    assert "lichaamsgebonden zorg" in result.err
    assert "wijkverpleging" in result.err
    assert cli("member", "list", "--json").json == []


def test_unknown_category_lists_choices(circle, cli):
    result = cli("member", "add", "Jan", "--offers", "vervoer,schilderen")
    assert result.code == 1
    assert "schilderen" in result.err and "transport" in result.err


@pytest.mark.parametrize(
    ("option", "value", "fragment"),
    [
        ("--postcode", "ABCD 12", "postcode"),
        ("--phone", "bel me", "telefoonnummer"),
        ("--email", "geen-mail", "e-mailadres"),
        ("--birth-year", "1850", "Geboortejaar"),
        ("--birth-year", "3000", "Geboortejaar"),
        ("--address", "x" * 151, "te lang"),
    ],
)
def test_bad_fields_are_refused_clearly(circle, cli, option, value, fragment):
    result = cli("member", "add", "Jan", option, value)
    assert result.code == 1
    assert fragment in result.err
    assert "Traceback" not in result.err
    assert cli("member", "list", "--json").json == []


def test_list_filters(circle, cli):
    cli("member", "add", "Anna", "--offers", "vervoer", "--connector")
    cli("member", "add", "Bep", "--offers", "tuin", "--needs", "vervoer", "--consent", "matching")
    cli("member", "add", "Cor", "--offers", "vervoer,tuin")

    def names(*args):
        result = cli("member", "list", *args, "--json")
        assert result.code == 0, result.err
        return [m["name"] for m in result.json]

    assert names() == ["Anna", "Bep", "Cor"]
    assert names("--offers", "vervoer") == ["Anna", "Cor"]
    assert names("--offers", "transport") == ["Anna", "Cor"]
    assert names("--needs", "vervoer") == ["Bep"]
    assert names("--connectors") == ["Anna"]
    assert cli("member", "list", "--offers", "wassen").code == 1


def test_show_by_id_or_unambiguous_name(circle, cli):
    cli("member", "add", "Anna de Vries")
    cli("member", "add", "Anna Jansen")
    cli("member", "add", "Ömer Yılmaz")
    assert cli("member", "show", "2", "--json").json["name"] == "Anna Jansen"
    assert cli("member", "show", "anna", "de", "vries", "--json").json["id"] == 1
    assert cli("member", "show", "omer", "--json").json["id"] == 3  # accents folded
    ambiguous = cli("member", "show", "Anna")
    assert ambiguous.code == 1
    assert "1 (Anna de Vries)" in ambiguous.err and "2 (Anna Jansen)" in ambiguous.err
    unknown = cli("member", "show", "Zoë")
    assert unknown.code == 1 and "Zoë" in unknown.err
    assert cli("member", "show", "99").code == 1


def test_show_readable(circle, cli):
    cli("member", "add", "Jan", "--phone", "0612345678", "--contact-via", "phone",
        "--offers", "vervoer")  # fmt: skip
    result = cli("member", "show", "Jan")
    assert result.code == 0
    assert "naam:" in result.out and "Jan" in result.out
    assert "telefoon" in result.out and "vervoer" in result.out


def test_edit_changes_fields_and_keeps_an_audit_trail_without_values(circle, cli):
    cli("member", "add", "Jan", "--phone", "0612345678", "--offers", "vervoer")
    result = cli("member", "edit", "Jan", "--phone", "", "--address", "Fluitstraat 3",
                 "--offers", "tuin", "--connector", "--json")  # fmt: skip
    assert result.code == 0, result.err
    assert result.json["phone"] is None
    assert result.json["address"] == "Fluitstraat 3"
    assert result.json["offers"] == ["garden"]
    assert result.json["connector"] is True
    shown = cli("member", "show", "Jan", "--json").json
    assert shown["changes"][-1]["fields"] == ["address", "phone", "connector", "offers"]
    db = sqlite3.connect(circle / "data" / "zorgsaam.db")
    trail = " ".join(r[0] for r in db.execute("SELECT fields FROM member_changes"))
    assert "0612345678" not in trail and "Fluitstraat" not in trail


def test_leave_keeps_history_and_hides_from_list(circle, cli):
    cli("member", "add", "Jan", "--connector", "--joined", "1-1-2025")
    cli("member", "add", "Piet")
    future = cli("member", "leave", "Jan", "--on", "1-12-2099")
    assert future.code == 1 and "toekomst" in future.err
    early = cli("member", "leave", "Jan", "--on", "1-12-2024")
    assert early.code == 1 and "aanmelding" in early.err
    result = cli("member", "leave", "Jan", "--on", "1-6-2025", "--json")
    assert result.code == 0, result.err
    assert result.json["left_on"] == "2025-06-01"
    assert result.json["connector"] is False
    assert [m["name"] for m in cli("member", "list", "--json").json] == ["Piet"]
    everyone = cli("member", "list", "--all", "--json").json
    assert [m["name"] for m in everyone] == ["Jan", "Piet"]
    again = cli("member", "leave", "Jan")
    assert again.code == 1 and "al vertrokken" in again.err
    assert cli("member", "leave", "Piet", "--on", "31-02-2026").code == 1


def test_search(circle, cli):
    cli("member", "add", "Jan", "--address", "Vioolstraat 1", "--postcode", "1325 AB")
    cli("member", "add", "Piet", "--email", "piet@example.org")
    assert [m["name"] for m in cli("member", "search", "viool", "--json").json] == ["Jan"]
    assert [m["name"] for m in cli("member", "search", "1325ab", "--json").json] == ["Jan"]
    assert [m["name"] for m in cli("member", "search", "example", "--json").json] == ["Piet"]
    assert cli("member", "search", "niemand").out.strip() == "Geen deelnemers gevonden."


def test_member_list_table(circle, cli):
    cli("member", "add", "Zoë", "--phone", "0612345678", "--offers", "vervoer", "--connector")
    lines = cli("member", "list").out.splitlines()
    assert lines[0].split() == ["nr", "naam", "telefoon", "postcode", "biedt", "verbinder"]
    assert lines[2].split() == ["1", "Zoë", "0612345678", "vervoer", "ja"]


# Core-level properties: text round-trips exactly (NFC), control characters never stored.

REFUSED = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"
PRINTABLE = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=REFUSED
    ),
    min_size=1,
    max_size=100,
).filter(lambda s: s.strip())


@pytest.fixture
def db(circle):
    database = store.open_circle(circle / "data" / "zorgsaam.db")
    yield database
    database.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=PRINTABLE)
def test_names_round_trip_exactly_in_nfc(db, name):
    from datetime import date

    member = add_member(db, name, today=date(2026, 11, 27))
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name).strip())
    assert get_member(db, member["id"])["name"] == expected
    assert resolve_member(db, str(member["id"])) == member["id"]


def test_nfd_and_nfc_input_are_the_same_name(db):
    from datetime import date

    nfd = unicodedata.normalize("NFD", "Zoë Ĳsbrand")
    member = add_member(db, nfd, today=date(2026, 11, 27))
    assert member["name"] == "Zoë Ĳsbrand"
    assert resolve_member(db, "Zoë Ĳsbrand") == member["id"]


@given(text=st.text(max_size=30), bad=st.sampled_from(["\x00", "\n", "\r", "\x1b", "\u2028"]))
def test_control_characters_are_refused(text, bad):
    with pytest.raises(VoorzorgError):
        clean_line("a" + text + bad + "x", field="name", max_length=1000)


def test_sql_metacharacters_and_emoji_are_just_text(db):
    from datetime import date

    name = "Robert'); DROP TABLE members;-- 🌷"
    member = add_member(db, name, today=date(2026, 11, 27))
    assert get_member(db, member["id"])["name"] == name
    assert [m["name"] for m in list_members(db)] == [name]


def test_very_long_name_is_refused_with_length(db):
    from datetime import date

    with pytest.raises(VoorzorgError) as info:
        add_member(db, "a" * 5000, today=date(2026, 11, 27))
    assert "5000" in info.value.message and "100" in info.value.message


@pytest.mark.parametrize("bad", ["\u202eevil", "zero\u200bwidth", "\ufeffbom"])
def test_invisible_and_direction_characters_are_refused(db, bad):
    from datetime import date

    with pytest.raises(VoorzorgError):
        add_member(db, "Jan " + bad, today=date(2026, 11, 27))


def test_runs_of_spaces_become_one(circle, cli):
    cli("member", "add", "Piet   van    Dam")
    assert cli("member", "search", "Piet van Dam", "--json").json[0]["name"] == "Piet van Dam"


def test_edit_without_changes_says_so(circle, cli):
    cli("member", "add", "Jan", "--phone", "0612345678")
    result = cli("member", "edit", "Jan", "--phone", "0612345678")
    assert result.code == 0 and "Niets gewijzigd" in result.out


def test_unknown_category_lists_dutch_words_in_dutch(circle, cli):
    result = cli("member", "add", "Jan", "--offers", "schilderen")
    assert "vervoer (transport)" in result.err and "even langs (checking_in)" in result.err


def test_member_add_help_lists_the_categories(circle, cli):
    assert "digitale hulp" in cli("member", "add", "--help").out


def test_backdated_intake(circle, cli):
    joined = cli("member", "add", "Jan", "--joined", "3-12-2024", "--json").json
    assert joined["joined_on"] == "2024-12-03"
    assert cli("member", "add", "Piet", "--joined", "3-12-2099").code == 1


def test_list_json_has_the_same_keys_as_show(circle, cli):
    cli("member", "add", "Jan", "--consent", "stats")
    listed = cli("member", "list", "--json").json[0]
    assert listed["consents"] == ["stats"]
    assert set(MEMBER_KEYS) <= set(listed)
