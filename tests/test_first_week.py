"""A volunteer's first week, scripted: every command a volunteer would type, with the
mistakes a volunteer makes. Every output is Dutch (the heuristic of test_dutch_words),
no mistake leaves anything half done, and each one is put right by the next command.

Monday: start a circle, enter 12 members from paper forms (with typos). Tuesday: a
weekly coffee morning and a monthly cycling club. Wednesday: the coffee morning of 29
December is cancelled. Then a lift to the hospital "do 3 dec": the first helper says no,
the second yes, and on Friday it is done.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.test_dutch_words import english_words
from voorzorg import clock

MONDAY = datetime(2026, 11, 30, 8, 30, tzinfo=UTC)  # ma 30 november 2026, 09:30
TUESDAY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
WEDNESDAY = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)
FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)

# name, options as on the paper form; the first try may hold the volunteer's typo.
FORMS = [
    ("Marie Jansen", ["--postcode", "1325 ab", "--phone", "036-5301234", "--birth-year", "1941",
                      "--consent", "matching", "--contact-via", "aan de deur"]),
    ("Jan de Vries", ["--postcode", "1325AB", "--phone", "06 12345678", "--offers", "vervoer",
                      "--consent", "matching", "--contact-via", "telefoon"]),
    ("Henk Bos", ["--postcode", "1325 AC", "--phone", "06-87654321", "--offers", "vervoer,klusjes",
                  "--consent", "matching,stats"]),
    ("Truus van Dam", ["--postcode", "1325 AD", "--email", "truus@example.org",
                       "--contact-via", "e-mail", "--consent", "matching"]),
    ("Kees Smit", ["--postcode", "1325 AE", "--offers", "tuin", "--consent", "matching"]),
    ("Annie Mulder", ["--postcode", "1325 AF", "--birth-year", "1938", "--consent", "stats"]),
    ("Piet de Boer", ["--postcode", "1325 AG", "--offers", "boodschappen",
                      "--consent", "matching"]),
    ("Riet Visser", ["--postcode", "1325 AH", "--phone", "036-5309876", "--joined",
                     "12 november"]),
    ("Gerrit Meijer", ["--postcode", "1325 AJ", "--offers", "vervoer", "--consent", "matching",
                       "--contact-via", "whatsapp", "--phone", "0611122233"]),
    ("Bep de Graaf", ["--postcode", "1325 AK", "--consent", "matching"]),
    ("Wim Bakker", ["--postcode", "1325 AL", "--offers", "digitale hulp",
                    "--consent", "matching"]),
    ("Joke Peters", ["--postcode", "1325 AM", "--birth-year", "1950"]),
]  # fmt: skip


class Volunteer:
    """Types commands; keeps every output to check that all of it was Dutch."""

    def __init__(self, cli) -> None:
        self.cli = cli
        self.outputs: list[str] = []

    def run(self, *args, input=None):
        result = self.cli(*args, input=input)
        self.outputs.append(f"$ voorzorg {' '.join(map(str, args))}\n{result.out}{result.err}")
        assert "Traceback" not in result.err
        return result

    def ok(self, *args, input=None):
        result = self.run(*args, input=input)
        assert result.code == 0, (args, result.out, result.err)
        return result.out

    def mistake(self, *args, says: str, input=None):
        """A command that must be refused with a Dutch explanation containing ``says``."""
        result = self.run(*args, input=input)
        assert result.code != 0, (args, result.out)
        assert says in result.err, (args, result.err)
        assert result.err.startswith(("Fout:", "Gebruik:", "Afgebroken")), result.err
        return result.err


def test_a_volunteers_first_week(tmp_path, cli, monkeypatch):
    me = Volunteer(cli)
    deploy = tmp_path / "buurthuis"

    # --- Monday: start the circle and type in the paper forms ---------------------------
    with clock.frozen(MONDAY):
        assert "voorzorg circle add" in me.ok("init", deploy)
        monkeypatch.setenv("VOORZORG_CONFIG", str(deploy / "config.toml"))
        me.mistake("circle", "add", "Zorg Saam", "--name", "ZorgSaam", says="cirkelcode")
        me.ok("circle", "add", "zorgsaam", "--name", "ZorgSaam", "--neighbourhood", "Muziekwijk")

        # Typos on the forms, each refused whole and then typed right.
        me.mistake("member", "add", "Marie", "Jansen", "--postcode", "13255 ab",
                   says="geen postcode")  # fmt: skip
        me.mistake("member", "add", "Jan", "de", "Vries", "--phone", "06-123",
                   says="geen telefoonnummer")  # fmt: skip
        me.mistake("member", "add", "Henk", "Bos", "--contact-via", "telfoon",
                   says="telefoon, e-mail")  # fmt: skip
        me.mistake("member", "add", "Kees", "--needs", "vervoer", says="toestemming")
        me.mistake("member", "add", "Riet", "--joined", "12 november 2027", says="toekomst")
        assert cli("member", "list", "--json").json == []  # nothing was half added
        for name, options in FORMS:
            me.ok("member", "add", *name.split(), *options)
        assert "do 12 november 2026" in me.outputs[-5]  # Riet's date, year understood
        # The same form typed twice: refused, and nothing changes.
        me.mistake("member", "add", "marie jansen", "--postcode", "1325AB",
                   says="waarschijnlijk al in")  # fmt: skip
        # A name typed wrong is corrected, not added again.
        me.ok("member", "edit", "Annie", "--name", "Annie Mulder-de Wit")
        listing = me.ok("member", "list")
        assert listing.count("\n") == 12 + 2  # header, rule, 12 members
        assert "Annie Mulder-de Wit" in listing
        shown = me.ok("member", "show", "Marie")
        assert "aan de deur" in shown and "lid sinds:" in shown and "ma 30 november 2026" in shown
        me.ok("card", "ack", "Marie Jansen,", "Jan de Vries,", "Henk Bos")

    # --- Tuesday: the coffee morning and the cycling club ------------------------------
    with clock.frozen(TUESDAY):
        me.mistake("activity", "add", "Koffieochtend", "--start", "di 1 dec", "--weekly",
                   says="begintijd")  # fmt: skip
        out = me.ok("activity", "add", "Koffieochtend", "--start", "di 1 dec 10:00",
                    "--duration", "2 uur", "--weekly", "--location", "Buurthuis De Kern",
                    "--kind", "koffieochtend")  # fmt: skip
        assert "di 1 december 2026, 10:00" in out and "elke dinsdag" in out
        me.mistake("activity", "add", "koffieochtend", "--start", "1-12-2026 10:00",
                   "--duration", "2h", "--weekly", "--location", "buurthuis de kern",
                   says="staat er al")  # fmt: skip
        me.mistake("activity", "add", "Fietsclub", "--start", "zo 6 dec 14:00", "--duration",
                   "3h", "--monthly", "eerste zaterdag", says="zo 6 december 2026")  # fmt: skip
        out = me.ok("activity", "add", "Fietsclub", "--start", "zo 6 dec 14:00",
                    "--duration", "3h", "--monthly", "eerste zondag", "--location", "Kerkplein",
                    "--kind", "club")  # fmt: skip
        assert "zo 6 december 2026, 14:00" in out and "eerste zondag" in out
        agenda = me.ok("activity", "list", "--to", "over 4 weken")
        assert "di 1 dec 2026 10:00–12:00" in agenda and "zo 6 dec 2026 14:00–17:00" in agenda

    # --- Wednesday: the coffee morning of 29 December is cancelled ----------------------
    with clock.frozen(WEDNESDAY):
        me.mistake("activity", "cancel", "Koffieochtend", "--on", "do 29 dec",
                   says="geen donderdag, maar di 29 december 2026")  # fmt: skip
        me.mistake("activity", "cancel", "Koffieochtend", "--on", "30 dec",
                   says="wo 30 december 2026")  # fmt: skip
        out = me.ok("activity", "cancel", "Koffieochtend", "--on", "29 december",
                    "--note", "kerstvakantie, buurthuis dicht")  # fmt: skip
        assert "di 29 december 2026" in out and "Afgelast" in out
        me.mistake("activity", "cancel", "Koffie", "--on", "29-12", says="al afgelast")
        agenda = me.ok("feed", "show", "--days", "35")
        assert "di 29 dec 2026" in agenda and "AFGELAST; reden: kerstvakantie" in agenda
        raw = me.ok("feed", "show", "--ics")
        assert "SUMMARY:Afgelast: Koffieochtend" in raw and "STATUS:CANCELLED" in raw
        link = me.ok("feed", "token", "add", "--label", "flyer buurthuis")
        assert "webcal://" in link and "Scan deze code" in link

        # The lift to the hospital on Thursday: the time is not known yet.
        me.mistake("request", "add", "--for", "Marie", "--category", "ziekenhuis",
                   says="Onbekende soort hulp")  # fmt: skip
        out = me.ok(
            "request",
            "add",
            "--for",
            "Marie",
            "--category",
            "vervoer",
            "--when",
            "do 3 dec",
            "--note",
            "naar het ziekenhuis, heen en terug",
        )
        assert "do 3 december 2026" in out and "tijd is nog niet bekend" in out
        assert "do 3 december 2026, 09:15" in me.ok("request", "when", "1", "9.15")
        suggested = me.ok("request", "suggest", "1")
        assert "Jan de Vries" in suggested and "Gerrit Meijer" in suggested
        me.ok("request", "ask", "1", "Jan")
        me.mistake("request", "answer", "1", "Jan", "misschien", says="ja of nee")
        me.ok("request", "answer", "1", "Jan", "nee")
        after_no = me.ok("request", "suggest", "1")
        candidates, said_no = after_no.split("\n\n")[0], after_no.splitlines()[-1]
        assert "Jan de Vries" not in after_no.split("gezegd")[0] and "Jan de Vries" in said_no
        assert "Gerrit Meijer" in candidates
        me.ok("request", "ask", "1", "Gerrit")
        me.ok("request", "answer", "1", "Gerrit", "ja")
        assert "toegezegd" in me.ok("request", "list")
        feed = me.ok("feed", "show", "--member", "Gerrit")
        assert "do 3 dec 2026, 09:15" in feed and "vervoer" in feed

    # --- Friday: it was done ------------------------------------------------------------
    with clock.frozen(FRIDAY):
        me.ok("request", "done", "1", "--note", "goed gegaan")
        assert "gedaan" in me.ok("request", "show", "1")
        assert "1 keer geholpen" in me.ok("member", "show", "Gerrit")
        # Help Henk gave on Wednesday, told on Friday: recorded with its past date.
        out = me.ok("request", "add", "--for", "Truus", "--category", "klusjes",
                    "--when", "woensdag 14:00", "--done", "Henk")  # fmt: skip
        assert "hielp Truus van Dam op wo 2 december 2026, 14:00" in out
        # Jan is on holiday until mid January.
        assert "vr 15 januari 2027" in me.ok("member", "away", "Jan", "--until", "15 januari")

    # Every word the volunteer saw was Dutch.
    leaks = [(english_words(text), text) for text in me.outputs if english_words(text)]
    assert leaks == []
