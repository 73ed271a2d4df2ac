"""A volunteer's day in Dutch, through the real CLI: answers, dates, mistakes, away and
past help, Dutch words, what members see in their calendars, and the web phone list."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from voorzorg import clock

MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # ma 30 november 2026, 09:00 in Amsterdam


@pytest.fixture
def day(request):
    """The circle made on that Monday too: a card version adopted on the real day would
    lie after the frozen Monday once the calendar moves on."""
    with clock.frozen(MONDAY):
        yield request.getfixturevalue("circle")


def ok(cli, *args, input=None):
    result = cli(*args, input=input)
    assert result.code == 0, (args, result.out, result.err)
    return result


def fails(cli, *args, input=None):
    result = cli(*args, input=input)
    assert result.code != 0, (args, result.out, result.err)
    assert "Traceback" not in result.err and "Error" not in result.err
    return result


def people(cli):
    ok(cli, "member", "add", "Jan", "de", "Vries", "--postcode", "1325 AB",
       "--phone", "06-12345678", "--consent", "matching", "--offers", "vervoer")  # fmt: skip
    ok(cli, "member", "add", "Marie", "Jansen", "--birth-year", "1948",
       "--consent", "matching", "--contact-via", "aan de deur")  # fmt: skip
    ok(cli, "member", "add", "Henk", "Bos", "--consent", "matching", "--offers", "vervoer",
       "--contact-via", "telefoon")  # fmt: skip


# --- answers --------------------------------------------------------------------------


def test_prompts_take_j_ja_n_nee_and_explain_anything_else_in_dutch(day, cli):
    for title in ("Koffie", "Thee", "Soep"):
        ok(cli, "activity", "add", title, "--start", "do 3 dec 10:00", "--duration", "1h")
    kept = cli("activity", "remove", "Koffie", input="nee\n")
    assert kept.code == 1 and "Afgebroken" in kept.err
    assert "Koffie" in ok(cli, "activity", "list").out
    asked = ok(cli, "activity", "remove", "Koffie", input="misschien\nja\n")
    assert "Antwoord j (ja) of n (nee)." in asked.err and "[j/n]" in asked.err
    assert "invalid input" not in asked.err
    assert "Koffie" not in ok(cli, "activity", "list").out
    ok(cli, "activity", "remove", "Thee", input="j\n")
    english = ok(cli, "--lang", "en", "activity", "remove", "Soep", input="y\n")
    assert "[y/n]" in english.err


# --- dates ----------------------------------------------------------------------------


def test_requests_take_dutch_dates_and_echo_what_was_understood(day, cli):
    people(cli)
    out = ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
             "--when", "do 3 dec 10:00").out  # fmt: skip
    assert "do 3 december 2026, 10:00" in out
    # A day without a time yet ("donderdag, tijd nog niet bekend").
    out = ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
             "--when", "do 3 dec").out  # fmt: skip
    assert "do 3 december 2026." in out and "tijd is nog niet bekend" in out
    assert "do 3 dec 2026" in ok(cli, "request", "list").out
    assert "do 3 december 2026, 14:30" in ok(cli, "request", "when", "2", "14.30").out
    assert "vr 4 december 2026, 09:00" in ok(cli, "request", "when", "2", "vr 4 dec 9:00").out
    # A weekday that does not fit the date is refused with the right one.
    wrong = fails(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
                  "--when", "wo 3 dec 10:00")  # fmt: skip
    assert "geen woensdag, maar do 3 december 2026" in wrong.err
    for when in ("morgen 9:30", "volgende week dinsdag 14:00", "over 2 weken", "29-12",
                 "3 september 2027 om 11 uur", "29 december"):  # fmt: skip
        ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer", "--when", when)
    assert "di 1 december 2026, 09:30" in ok(cli, "request", "show", "3").out
    assert "di 8 december 2026, 14:00" in ok(cli, "request", "show", "4").out
    assert "ma 14 december 2026" in ok(cli, "request", "show", "5").out
    assert "di 29 december 2026" in ok(cli, "request", "show", "6").out
    assert "vr 3 september 2027, 11:00" in ok(cli, "request", "show", "7").out


def test_activities_and_lists_show_weekday_and_dutch_month(day, cli):
    out = ok(cli, "activity", "add", "Koffieochtend", "--start", "do 3 dec 10:00",
             "--duration", "2h", "--weekly", "--location", "Buurthuis").out  # fmt: skip
    assert "do 3 december 2026, 10:00" in out and "elke donderdag" in out
    listed = ok(cli, "activity", "list").out
    assert "do 3 dec 2026 10:00–12:00" in listed and "2026-12-03" not in listed
    cancelled = ok(cli, "activity", "cancel", "Koffie", "--on", "do 10 dec", "--note", "zaal bezet")
    assert "do 10 december 2026" in cancelled.out and "Afgelast" in cancelled.out
    shown = ok(cli, "activity", "show", "Koffie").out
    assert "do 10 december 2026" in shown and "zaal bezet" in shown
    assert "afgelast (zaal bezet)" in ok(cli, "activity", "list").out
    english = ok(cli, "--lang", "en", "activity", "list").out
    assert "Thu 3 Dec 2026 10:00–12:00" in english


# --- mistakes -------------------------------------------------------------------------


def test_likely_duplicates_are_refused_unless_toch(day, cli):
    people(cli)
    again = fails(cli, "member", "add", "jan de vries", "--postcode", "1325ab")
    assert "waarschijnlijk al in" in again.err and "--toch" in again.err
    twin = fails(cli, "member", "add", "Marie Jansen", "--birth-year", "1948")
    assert "2 (Marie Jansen)" in twin.err
    assert len(ok(cli, "member", "list", "--json").json) == 3  # nothing was added
    ok(cli, "member", "add", "Marie", "Jansen", "--birth-year", "1948", "--toch")
    ok(cli, "member", "add", "Jan", "de", "Vries", "--postcode", "1000 AA")  # another Jan
    ok(cli, "activity", "add", "Fietsclub", "--start", "zo 6 dec 10:00", "--duration", "2h",
       "--location", "Kerkplein")  # fmt: skip
    double = fails(cli, "activity", "add", "fietsclub", "--start", "6-12-2026 14:00",
                   "--duration", "1h", "--location", "kerkplein")  # fmt: skip
    assert "staat er al" in double.err
    ok(cli, "activity", "add", "Fietsclub", "--start", "6-12-2026 14:00", "--duration", "1h",
       "--location", "Kerkplein", "--force")  # fmt: skip


def test_names_match_whole_words_first_and_leave_out_those_who_left(day, cli):
    people(cli)
    ok(cli, "member", "add", "Marie", "Jansen", "--joined", "1-1-2026")
    ok(cli, "member", "leave", "4", "--on", "gisteren")
    # "Jan" is Jan de Vries: not Marie Jansen (mid-word), not the one who left.
    assert ok(cli, "member", "show", "Jan").out.splitlines()[1].endswith("Jan de Vries")
    assert "Marie Jansen" in ok(cli, "member", "show", "Jans").out  # a prefix, one current
    listing = ok(cli, "member", "list").out
    assert listing.count("Marie Jansen") == 1
    assert ok(cli, "member", "list", "--all").out.count("Marie Jansen") == 2
    assert "vertrokken zo 29 nov 2026" in ok(cli, "member", "list", "--all").out or (
        "vertrokken zo 29 november 2026" in ok(cli, "member", "list", "--all").out
    )


def test_card_ack_takes_several_members(day, cli):
    people(cli)
    out = ok(cli, "card", "ack", "Jan de Vries,", "Marie", "Jansen").out
    assert out.count("heeft versie 1") == 2
    typo = fails(cli, "card", "ack", "Henk, Mraie")
    assert "Mraie" in typo.err
    assert "Henk" not in ok(cli, "card", "status").out.split("gezien")[0]  # nothing recorded
    again = fails(cli, "card", "ack", "3", "1")
    assert "al gezien op ma 30 november 2026" in again.err
    assert "Datum: ma 30 november 2026." in ok(cli, "card", "ack", "3", "--on", "vandaag").out


def test_a_typo_in_a_command_gets_a_suggestion(day, cli):
    typo = cli("memebr", "list")
    assert typo.code == 2 and "Bedoelde u 'member'?" in typo.err and "Fout:" in typo.err
    assert "Bedoelde u 'list'?" in cli("member", "lsit").err


def test_a_dotted_day_month_is_a_date_and_om_makes_it_a_time(day, cli):
    people(cli)
    added = ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
               "--when", "za 5.12").out  # fmt: skip
    assert "za 5 december 2026" in added and "05:12" not in added
    wrong = fails(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
                  "--when", "di 3.12")  # fmt: skip
    assert "geen dinsdag" in wrong.err and "do 3 december 2026" in wrong.err
    timed = ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
               "--when", "do 3.12 10:00").out  # fmt: skip
    assert "do 3 december 2026, 10:00" in timed
    # On a request whose day is agreed: a marked time keeps the day, "3.12" is a date.
    assert "za 5 december 2026, 09:30" in ok(cli, "request", "when", "1", "om 9.30").out
    assert "za 5 december 2026, 10:15" in ok(cli, "request", "when", "1", "10.15 uur").out
    assert "za 5 december 2026, 09:15" in ok(cli, "request", "when", "1", "9.15").out
    moved = ok(cli, "request", "when", "1", "3.12").out
    assert "do 3 december 2026" in moved and "03:12" not in moved
    unclear = fails(cli, "request", "when", "1", "volgende dinsdag 3.12")
    assert "kan een datum of een tijd zijn" in unclear.err and "om 9.30" in unclear.err


# --- help that already happened, and being away ---------------------------------------


def test_help_that_already_happened_is_recorded_with_a_past_date(day, cli):
    people(cli)
    past = fails(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
                 "--when", "gisteren 10:00")  # fmt: skip
    assert "verleden" in past.err and "--done" in past.err
    out = ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
             "--when", "gisteren 10:00", "--done", "Henk").out  # fmt: skip
    assert "Henk Bos hielp Marie Jansen op zo 29 november 2026, 10:00" in out
    item = ok(cli, "request", "show", "1", "--json").json
    assert item["status"] == "done" and item["helper_name"] == "Henk Bos"
    assert "1 keer geholpen" in ok(cli, "member", "show", "Henk").out
    ahead = fails(cli, "request", "add", "--for", "Marie", "--category", "vervoer",
                  "--when", "morgen", "--done", "Henk")  # fmt: skip
    assert "nog niet geweest" in ahead.err


def test_an_away_helper_is_not_suggested_until_back(day, cli):
    people(cli)
    ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer", "--when", "morgen")
    assert "Henk Bos" in ok(cli, "request", "suggest", "1").out
    away = ok(cli, "member", "away", "Henk", "--until", "15 januari")
    assert "vr 15 januari 2027" in away.out
    assert "zonder jaartal is dat vr 15 januari 2027, niet dit jaar" in away.err
    assert "Henk Bos" not in ok(cli, "request", "suggest", "1").out
    assert "weg tot" in ok(cli, "member", "list").out
    assert "let op" in ok(cli, "request", "ask", "1", "Henk").err.lower()
    assert "verleden" in fails(cli, "member", "away", "Jan", "--until", "gisteren").err
    ok(cli, "member", "back", "Henk")
    assert "weg tot" not in ok(cli, "member", "list").out


# --- Dutch words ----------------------------------------------------------------------


def test_dutch_words_for_what_the_volunteer_types_and_sees(day, cli):
    people(cli)
    shown = ok(cli, "member", "show", "Marie").out
    assert "aan de deur" in shown and "in-person" not in shown
    ok(cli, "member", "edit", "Marie", "--contact-via", "e-mail")
    ok(cli, "member", "edit", "Marie", "--contact-via", "in-person")  # English still works
    bad = fails(cli, "member", "edit", "Marie", "--contact-via", "duif")
    assert "telefoon, e-mail, Signal, WhatsApp, aan de deur" in bad.err
    ok(cli, "member", "edit", "Marie", "--needs", "vervoer")
    shown = ok(cli, "member", "show", "Marie").out
    assert "behoeften:" in shown
    needs = fails(cli, "member", "add", "Kees", "--needs", "vervoer")
    assert "DEELNEMER" in needs.err and "LID" not in needs.err
    assert "[verplicht]" in ok(cli, "request", "add", "--help").out
    listed = ok(cli, "integration", "list").out
    assert "meegeleverd" in listed and "bundled" not in listed
    assert "bundled" in ok(cli, "--lang", "en", "integration", "list").out


def test_export_headers_and_values_follow_the_language(day, cli, tmp_path):
    people(cli)
    dutch = ok(cli, "member", "export-csv").out
    assert dutch.splitlines()[0].startswith("naam;adres;postcode;telefoon")
    assert "aan de deur" in dutch
    english = ok(cli, "--lang", "en", "member", "export-csv").out
    assert english.splitlines()[0].startswith("name;address;postcode;phone")
    assert "in person" in english
    # What was exported in either language reads back in.
    path = tmp_path / "export.csv"
    path.write_text(english, "utf-8")
    ok(cli, "circle", "add", "tweede", "--name", "Tweede")
    done = ok(cli, "member", "import", "-c", "tweede", path)
    assert "3 deelnemers toegevoegd" in done.out


def test_recorded_by_comes_from_config_not_the_login_name(day, cli):
    config = day / "config.toml"
    config.write_text(config.read_text() + '\nvolunteer = "Els"\n')
    # volunteer is a top-level key: it must come before the first table.
    text = config.read_text().replace('\nvolunteer = "Els"\n', "\n")
    config.write_text('volunteer = "Els"\n' + text)
    ok(cli, "member", "add", "Jan", "--consent", "matching")
    history = ok(cli, "consent", "list", "Jan", "--json").json
    assert history[0]["recorded_by"] == "Els"
    given = ok(cli, "consent", "give", "Jan", "statistiek", "--on", "vorige week vrijdag").out
    assert "Datum: vr 27 november 2026." in given


# --- what members see -----------------------------------------------------------------


def test_feed_show_is_a_readable_dutch_agenda_with_cancellations(day, cli):
    ok(cli, "activity", "add", "Koffieochtend", "--start", "do 3 dec 10:00", "--duration", "2h",
       "--weekly", "--location", "Buurthuis")  # fmt: skip
    ok(cli, "activity", "cancel", "Koffie", "--on", "do 10 dec", "--note", "zaal bezet")
    agenda = ok(cli, "feed", "show").out
    assert "do 3 dec 2026  10:00–12:00  Koffieochtend (Buurthuis)" in agenda
    assert "do 10 dec 2026" in agenda and "AFGELAST; reden: zaal bezet" in agenda
    assert "BEGIN:VCALENDAR" not in agenda
    raw = ok(cli, "feed", "show", "--ics").out
    assert "SUMMARY:Afgelast: Koffieochtend" in raw and "STATUS:CANCELLED" in raw
    assert "DESCRIPTION:Deze keer gaat niet door: zaal bezet" in raw


def test_a_circle_may_hide_cancellations_and_ask_for_reminders(day, cli):
    config = day / "config.toml"
    text = config.read_text().replace(
        "\n[circles.zorgsaam]", "\n[circles.zorgsaam]\nfeed_show_cancelled = false\n"
        "feed_reminder_minutes = 60", 1)  # fmt: skip
    config.write_text(text)
    ok(cli, "activity", "add", "Koffieochtend", "--start", "do 3 dec 10:00", "--duration", "2h",
       "--weekly")  # fmt: skip
    cancelled = ok(cli, "activity", "cancel", "Koffie", "--on", "10-12", "--note", "zaal bezet")
    assert "verdwijnt uit de agenda" in cancelled.out
    raw = ok(cli, "feed", "show", "--ics").out
    assert "Afgelast" not in raw and "EXDATE;TZID=Europe/Amsterdam:20261210T100000" in raw
    assert "TRIGGER:-PT60M" in raw
    assert "do 10 dec" not in ok(cli, "feed", "show").out
    config.write_text(text.replace("feed_reminder_minutes = 60", "feed_reminder_minutes = 0"))
    assert "feed_reminder_minutes" in fails(cli, "feed", "show").err


def test_a_subscription_link_comes_with_a_qr_code(day, cli, tmp_path):
    made = ok(cli, "feed", "token", "add", "--label", "flyer", "--qr", tmp_path / "flyer.png")
    assert "webcal://" in made.out and "Scan deze code" in made.out
    assert "█" in made.out or "▀" in made.out
    assert (tmp_path / "flyer.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "flyer.png").stat().st_mode & 0o077 == 0  # it holds the secret link
    token = ok(cli, "feed", "token", "add", "--label", "x", "--json").json["token"]
    link = ok(cli, "feed", "show", "--link", "--token", token, "--qr", tmp_path / "a.svg")
    assert f"{token}.ics" in link.out and "webcal://" in link.out
    assert (tmp_path / "a.svg").read_text().lstrip().startswith("<?xml")
    assert "nieuwe" in fails(cli, "feed", "show", "--link").err
    assert "geen geldig" in fails(cli, "feed", "show", "--link", "--token", "x" * 43).err
    assert ".png" in fails(cli, "feed", "show", "--link", "--token", token, "--qr", "a.jpg").err
    # A QR file that cannot be written is refused before a token is made.
    before = ok(cli, "feed", "token", "list", "--json").json
    assert ".png" in fails(cli, "feed", "token", "add", "--label", "y", "--qr", "y.jpg").err
    missing = tmp_path / "bestaat-niet" / "y.png"
    assert "bestaat-niet" in fails(cli, "feed", "token", "add", "--label", "y", "--qr", missing).err
    assert ok(cli, "feed", "token", "list", "--json").json == before


def test_a_personal_feed_shows_a_day_whose_time_is_not_known_yet(day, cli):
    people(cli)
    ok(cli, "request", "add", "--for", "Marie", "--category", "vervoer", "--when", "do 3 dec")
    ok(cli, "request", "ask", "1", "Henk")
    ok(cli, "request", "answer", "1", "Henk", "ja")
    raw = ok(cli, "feed", "show", "--member", "Henk", "--ics").out
    assert "DTSTART;VALUE=DATE:20261203" in raw and "tijd volgt" in raw
    assert "do 3 dec 2026 (tijd volgt)" in ok(cli, "feed", "show", "--member", "Henk").out
    # The time becomes known: a timed event, and LAST-MODIFIED moves with the change.
    with clock.frozen(MONDAY.replace(hour=10)):
        ok(cli, "request", "when", "1", "9.15")
    timed = ok(cli, "feed", "show", "--member", "Henk", "--ics").out
    assert "DTSTART;TZID=Europe/Amsterdam:20261203T091500" in timed
    assert "LAST-MODIFIED:20261130T100000Z" in timed


# --- the web phone list -----------------------------------------------------------------


def test_the_phone_list_shows_every_known_way_and_no_dead_csv_link(circle, cli, tmp_path):
    from tests.serving import PASSWORD, Server, voorzorg

    ok(cli, "member", "add", "Alleen", "Telefoon", "--phone", "0612345678",
       "--contact-via", "e-mail")  # fmt: skip
    ok(cli, "member", "add", "Aan", "Deur", "--address", "Vioolstraat 3",
       "--email", "a@example.org", "--contact-via", "aan de deur")  # fmt: skip
    soon = clock.today("Europe/Amsterdam")
    ok(cli, "activity", "add", "Koffie", "--start", f"{soon.isoformat()} 23:00",
       "--duration", "30m", "--weekly")  # fmt: skip
    ok(cli, "activity", "cancel", "Koffie", "--on", "over 1 week", "--note", "zaal bezet")
    config = circle / "config.toml"
    made = voorzorg(config, "user", "add", "coord", "--coordinator", "zorgsaam",
                    "--password-stdin", input=PASSWORD + "\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    server = Server(config, tmp_path / "serve.log")
    try:
        client = server.login("coord")
        rows = client.get("/zorgsaam/telefoonlijst.json?_shape=array").json()
        by_name = {r["naam"]: r for r in rows}
        assert by_name["Alleen Telefoon"]["bereikbaar_via"] == "0612345678"
        assert by_name["Alleen Telefoon"]["bij_voorkeur"] == "e-mail"
        assert by_name["Aan Deur"]["bereikbaar_via"] == "Vioolstraat 3 · a@example.org"
        page = client.get("/zorgsaam/telefoonlijst")
        assert page.status_code == 200 and ".csv" not in page.text
        table = client.get("/zorgsaam/deelnemers")
        assert table.status_code == 200 and ".csv" not in table.text
        assert client.get("/zorgsaam/telefoonlijst.csv").status_code == 403
        coming = client.get("/zorgsaam/komende_activiteiten.json?_shape=array").json()
        cancelled = [r for r in coming if r["bijzonderheid"] == "afgelast"]
        assert cancelled and cancelled[0]["reden"] == "zaal bezet"
    finally:
        server.stop()
    assert json.loads(json.dumps(rows))  # the list was read
