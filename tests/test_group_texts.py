"""``voorzorg text``: messages for the circle's WhatsApp/Signal group: Dutch, short lines,
no personal data beyond what the circle shares."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from voorzorg import clock
from voorzorg.domain.grouptexts import LINE, _wrap

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)  # a Tuesday


def _ok(cli, *args):
    result = cli(*args)
    assert result.code == 0, (args, result.err)
    return result


def _circle(cli):
    _ok(cli, "activity", "add", "Koffieochtend", "--start", "2026-12-03 10:00", "--duration",
        "2h", "--weekly", "--location", "Buurthuis De Klimop, Lindelaan 4")  # fmt: skip
    _ok(cli, "activity", "add", "Handwerkclub", "--start", "2026-12-11 14:00", "--duration",
        "1h30", "--location", "Bibliotheek")  # fmt: skip
    _ok(cli, "activity", "add", "Kerstmarkt", "--start", "2026-12-13", "--all-day")
    _ok(cli, "activity", "cancel", "Koffieochtend", "--on", "2026-12-10", "--note",
        "de verwarming in het buurthuis is kapot en wordt donderdag gerepareerd")  # fmt: skip
    _ok(cli, "member", "add", "Marie-José van den Berg", "--phone", "030-7654321",
        "--address", "Vioolstraat 3", "--consent", "matching")  # fmt: skip


def _short(text: str) -> None:
    assert all(len(line) <= LINE for line in text.splitlines()), text
    assert all(ord(c) < 0x2190 or c == "–" for c in text), "no emoji"


def test_week_lists_days_times_places_and_cancellations(circle, cli):
    with clock.frozen(NOW):
        _circle(cli)
        week = _ok(cli, "text", "week").out
    _short(week)
    assert week.startswith("Deze week (ma 7 dec t/m zo 13 dec):")
    assert "do 10 dec, 10:00–12:00\nAFGELAST: Koffieochtend\nReden: de verwarming" in week
    assert "vr 11 dec, 14:00–15:30\nHandwerkclub\nBibliotheek" in week
    assert "zo 13 dec, hele dag\nKerstmarkt" in week
    assert "Marie" not in week and "030" not in week
    with clock.frozen(NOW):
        following = _ok(cli, "text", "week", "--next").out
    assert "do 17 dec, 10:00–12:00\nKoffieochtend" in following
    _short(following)


def test_cancellation_names_the_reason_and_the_next_time(circle, cli):
    with clock.frozen(NOW):
        _circle(cli)
        text = _ok(cli, "text", "cancellation", "Koffieochtend").out
        same = _ok(cli, "text", "cancellation", "Koffieochtend", "--date", "10-12-2026").out
        refused = cli("text", "cancellation", "Handwerkclub")
        wrong_day = cli("text", "cancellation", "Koffieochtend", "--date", "17-12-2026")
    _short(text)
    assert text == same
    assert text.startswith("AFGELAST: Koffieochtend\ndo 10 dec, 10:00–12:00\nBuurthuis")
    assert "Reden: de verwarming in het buurthuis" in text
    assert "Volgende keer: do 17 dec, 10:00–12:00." in text
    assert refused.code != 0 and "geen afgelaste keer" in refused.err
    assert "voorzorg activity cancel" in refused.err
    assert wrong_day.code != 0 and "niet afgelast" in wrong_day.err


def test_welcome_names_the_first_name_only_when_agreed(circle, cli):
    with clock.frozen(NOW):
        _circle(cli)
        anonymous = _ok(cli, "text", "welcome", "Marie").out
        named = _ok(cli, "text", "welcome", "Marie", "--met-voornaam").out
        english = _ok(cli, "--lang", "en", "text", "welcome", "Marie").out
        _ok(cli, "member", "restrict", "Marie")
        restricted = cli("text", "welcome", "Marie", "--with-first-name")
    for text in (anonymous, named, english):
        _short(text)
        assert "van den Berg" not in text and "Vioolstraat" not in text and "030" not in text
    assert "Marie" not in anonymous and "Welkom aan onze nieuwe deelnemer" in anonymous
    assert "Marie-José!" in named and "ZorgSaam" in named
    assert "Welcome to our new member" in english
    assert restricted.code != 0


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_every_line_fits_a_phone_screen(text):
    for line in _wrap(" ".join(text.split()) or "x"):
        assert len(line) <= LINE
