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
