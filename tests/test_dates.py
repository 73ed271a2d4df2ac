"""Dates as people type them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voorzorg.dates import parse_date
from voorzorg.errors import VoorzorgError


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_and_dutch_forms_round_trip(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}-{day.month}-{day.year}") == day
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day


@pytest.mark.parametrize("text", ["31-02-2026", "2026-02-30", "0-1-2026", "29-2-2027"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(VoorzorgError) as info:
        parse_date(text)
    assert "bestaat niet" in info.value.message


@given(st.text(max_size=20))
def test_anything_else_is_either_a_date_or_a_clear_error(text):
    try:
        assert isinstance(parse_date(text), date)
    except VoorzorgError as exc:
        assert text in exc.message or exc.key == "date.invalid"


# --- Dutch dates as volunteers type them, and as voorzorg prints them ---------------------

from datetime import UTC, datetime, timedelta  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from voorzorg.dates import (  # noqa: E402
    SHORT_WEEKDAYS,
    format_day,
    format_moment,
    no_year_given,
    parse_local_datetime,
    parse_time,
    parse_when,
    reads_as_time,
)

AMSTERDAM = "Europe/Amsterdam"
TODAY = date(2026, 11, 30)  # a Monday
DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 september 2025", date(2025, 9, 3)),
        ("29 december", date(2026, 12, 29)),
        ("di 29 dec", date(2026, 12, 29)),
        ("do 3 dec", date(2026, 12, 3)),
        ("Do. 3 Dec.", date(2026, 12, 3)),
        ("29-12", date(2026, 12, 29)),
        ("3-12-2026", date(2026, 12, 3)),
        ("3 mrt", date(2027, 3, 3)),  # no year, already past this year: next year's
        ("vandaag", TODAY),
        ("morgen", date(2026, 12, 1)),
        ("overmorgen", date(2026, 12, 2)),
        ("gisteren", date(2026, 11, 29)),
        ("dinsdag", date(2026, 12, 1)),
        ("volgende dinsdag", date(2026, 12, 1)),
        ("volgende maandag", date(2026, 12, 7)),  # not today
        ("volgende week dinsdag", date(2026, 12, 8)),
        ("volgende week", date(2026, 12, 7)),
        ("vorige week vrijdag", date(2026, 11, 27)),
        ("afgelopen zaterdag", date(2026, 11, 28)),
        ("over 2 weken", date(2026, 12, 14)),
        ("over een week", date(2026, 12, 7)),
        ("over 3 dagen", date(2026, 12, 3)),
        ("2 weken geleden", date(2026, 11, 16)),
        ("Thu 3 December 2026", date(2026, 12, 3)),
        ("tomorrow", date(2026, 12, 1)),
        ("next week Tuesday", date(2026, 12, 8)),
        ("in 2 weeks", date(2026, 12, 14)),
    ],
)
def test_dutch_absolute_and_relative_forms(text, expected):
    assert parse_date(text, today=TODAY) == expected


def test_a_date_without_a_year_for_past_help_is_the_last_one():
    assert parse_date("29 december", today=TODAY, past=True) == date(2025, 12, 29)
    assert parse_date("3-11", today=TODAY, past=True) == date(2026, 11, 3)
    assert parse_date("29 feb", today=TODAY) == date(2028, 2, 29)  # the next leap day
    assert parse_date("29 feb", today=TODAY, past=True) == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["wo 3 dec", "maandag 3 december 2026", "di 3-12-2026"])
def test_a_weekday_that_contradicts_the_date_is_refused_with_the_real_weekday(text):
    with pytest.raises(VoorzorgError) as info:
        parse_date(text, today=TODAY)
    assert info.value.key == "date.weekday_mismatch"
    assert "do 3 december 2026" in info.value.message


@given(DAYS, st.sampled_from(["nl", "en"]), st.booleans())
def test_every_printed_date_reads_back_as_itself(day, lang, short):
    assert parse_date(format_day(day, lang=lang, short=short), today=TODAY) == day


@given(
    DAYS.filter(lambda d: d.year >= 1971),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["nl", "en"]),
    st.booleans(),
)
def test_every_printed_moment_reads_back_and_never_shifts_across_dst(
    day, hour, minute, lang, short
):
    hhmm = f"{hour:02d}:{minute:02d}"
    text = format_moment(day, hhmm, lang=lang, short=short)
    assert parse_when(text, today=TODAY) == (day, hhmm)
    try:
        moment = parse_local_datetime(text, AMSTERDAM, today=TODAY)
    except VoorzorgError as exc:  # only the hour the clock skips is refused
        assert exc.key == "datetime.gap"
        skipped = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(AMSTERDAM))
        assert skipped.astimezone(UTC).astimezone(ZoneInfo(AMSTERDAM)).hour != hour
        return
    # The wall time asked for, also after a round trip through UTC: nothing shifted.
    back = moment.astimezone(UTC).astimezone(ZoneInfo(AMSTERDAM))
    assert (back.date(), back.strftime("%H:%M")) == (day, hhmm)


@given(DAYS)
def test_dates_without_a_year_are_never_in_the_past_or_for_past_help_never_ahead(day):
    text = f"{day.day}-{day.month}"
    if (day.month, day.day) == (2, 29):
        return
    ahead = parse_date(text, today=TODAY)
    behind = parse_date(text, today=TODAY, past=True)
    assert TODAY <= ahead < TODAY + timedelta(days=366)
    assert TODAY - timedelta(days=366) < behind <= TODAY
    assert (ahead.month, ahead.day) == (behind.month, behind.day) == (day.month, day.day)
    assert no_year_given(text) and not no_year_given(day.isoformat())


@given(st.dates(min_value=date(2000, 1, 3), max_value=date(2090, 1, 1)), st.integers(0, 6))
def test_next_week_weekday_is_in_the_next_calendar_week(today, weekday):
    names = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    found = parse_date(f"volgende week {names[weekday]}", today=today)
    assert found.weekday() == weekday
    assert found.isocalendar()[:2] == (today + timedelta(weeks=1)).isocalendar()[:2]


@pytest.mark.parametrize("text", ["do 3 dec 10:00", "do 3 dec om 10:00", "3-12-2026 10 uur",
                                  "do 3 december 2026, 10:00", "2026-12-03T10:00"])  # fmt: skip
def test_a_day_with_a_time(text):
    assert parse_when(text, today=TODAY) == (date(2026, 12, 3), "10:00")


def test_a_day_without_a_time_is_allowed_where_the_time_may_follow():
    assert parse_when("do 3 dec", today=TODAY) == (date(2026, 12, 3), None)
    with pytest.raises(VoorzorgError) as info:
        parse_local_datetime("do 3 dec", AMSTERDAM, today=TODAY)
    assert info.value.key == "datetime.format"


WORDS = st.sampled_from(
    ["do", "di", "3", "29", "12", "2026", "dec", "december", "maart", "mei", "volgende",
     "vorige", "week", "dinsdag", "over", "2", "weken", "dagen", "geleden", "morgen", "om",
     "10:00", "9.30", "uur", "-", "/", ",", "3-12", "29-2", "31-4", "0", "99", "Thu", "Dec",
     "in", "weeks", "next", "vandaag", "2026-02-30", "24:00", "10u", "13", "00:60"]
)  # fmt: skip


@given(st.lists(WORDS, max_size=6), st.booleans())
def test_any_mix_of_date_words_is_a_date_or_a_clear_error(words, past):
    text = " ".join(words)
    for parse in (
        lambda: parse_when(text, today=TODAY, past=past),
        lambda: parse_local_datetime(text, AMSTERDAM, today=TODAY, past=past),
    ):
        try:
            parse()
        except VoorzorgError as exc:
            assert exc.message and "{" not in exc.message


# --- a dotted pair: day.month or hour.minute ----------------------------------------------

TUESDAY_3_DEC = date(2024, 11, 25)  # a Monday in a year whose 3 December is a Tuesday


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("di 3.12", TUESDAY_3_DEC, (date(2024, 12, 3), None)),
        ("dinsdag 3.12", TUESDAY_3_DEC, (date(2024, 12, 3), None)),
        ("di. 3.12", TUESDAY_3_DEC, (date(2024, 12, 3), None)),
        ("za 5.12", TODAY, (date(2026, 12, 5), None)),
        ("3.12", TODAY, (date(2026, 12, 3), None)),
        ("25.12", TODAY, (date(2026, 12, 25), None)),
        ("di 3.12 10:00", TUESDAY_3_DEC, (date(2024, 12, 3), "10:00")),
        ("do 3.12 om 9.30", TODAY, (date(2026, 12, 3), "09:30")),
        ("3.12 9.05", TODAY, (date(2026, 12, 3), "09:05")),
        ("Tue 3.12", TUESDAY_3_DEC, (date(2024, 12, 3), None)),
    ],
)
def test_a_dotted_day_month_alone_or_after_a_weekday_is_a_date(text, today, expected):
    assert parse_when(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("di om 3.12", (date(2026, 12, 1), "03:12")),
        ("di 3.12 uur", (date(2026, 12, 1), "03:12")),
        ("di 3:12", (date(2026, 12, 1), "03:12")),
        ("di 9.30", (date(2026, 12, 1), "09:30")),  # no 30th month: only a time
        ("morgen 9.30", (date(2026, 12, 1), "09:30")),
        ("morgen 10.12", (date(2026, 12, 1), "10:12")),  # after a full date: the time
        ("3 dec 3.12", (date(2026, 12, 3), "03:12")),
        ("3-12-2026 9.05", (date(2026, 12, 3), "09:05")),
        ("2026-12-03 9.15", (date(2026, 12, 3), "09:15")),
        ("morgen om 9.30", (date(2026, 12, 1), "09:30")),
        ("morgen 9.30 uur", (date(2026, 12, 1), "09:30")),
    ],
)
def test_a_dotted_time_after_a_date_or_marked_with_om_or_uur_is_a_time(text, expected):
    assert parse_when(text, today=TODAY) == expected


def test_a_weekday_that_contradicts_a_dotted_date_is_refused_not_read_as_a_time():
    # 3 December 2026 is a Thursday: "di 3.12" was once read as Tuesday at 03:12.
    for text in ("di 3.12", "di 3.12 10:00"):
        with pytest.raises(VoorzorgError) as info:
            parse_when(text, today=TODAY)
        assert info.value.key == "date.weekday_mismatch"
        assert "do 3 december 2026" in info.value.message


@pytest.mark.parametrize("text", ["om 9.30", "9.30 uur", "om 3.12", "3.12 uur"])
def test_a_marked_time_alone_is_a_time_without_a_date(text):
    with pytest.raises(VoorzorgError) as info:
        parse_when(text, today=TODAY)
    assert info.value.key == "datetime.format"  # a time, but the date is missing


@pytest.mark.parametrize("text", ["volgende dinsdag 3.12", "vorige week zaterdag 5.12"])
def test_a_dotted_pair_after_a_relative_weekday_is_refused_as_ambiguous(text):
    with pytest.raises(VoorzorgError) as info:
        parse_when(text, today=TODAY)
    assert info.value.key == "datetime.ambiguous_dot"
    assert '"3 dec 10:00"' in info.value.message and '"om 9.30"' in info.value.message


def test_where_only_a_time_is_expected_a_dotted_pair_is_a_time():
    assert parse_time("9.30") == (9, 30)
    assert parse_time("3.12") == (3, 12)
    assert reads_as_time("9.30") and reads_as_time("9.15") and reads_as_time("10:00")
    assert reads_as_time("om 3.12") and reads_as_time("3.12 uur")
    assert not reads_as_time("3.12") and not reads_as_time("za 5.12")


@given(st.integers(1, 31), st.integers(1, 12), DAYS)
def test_a_dotted_day_month_that_exists_is_never_read_as_a_time(day, month, today):
    try:
        date(2000, month, day)
    except ValueError:
        return  # no such day in any year (30.02, 31.04): not a date
    found, time = parse_when(f"{day}.{month:02d}", today=today)
    assert time is None and (found.month, found.day) == (month, day)
    named = SHORT_WEEKDAYS["nl"][found.weekday()]
    assert parse_when(f"{named} {day}.{month:02d} om 9.30", today=today) == (found, "09:30")
    assert found >= today
