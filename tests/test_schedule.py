"""Parsing and checking what users type, done by the core so the CLI only passes it on:
durations, "DATE TIME", an activity's schedule and repetition, answers and roles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voorzorg.dates import parse_day_and_time, parse_duration, parse_hhmm
from voorzorg.deploy.accounts import role_from_options
from voorzorg.domain.activities import MAX_LIST_DAYS, list_window, parse_schedule
from voorzorg.domain.consents import given_on
from voorzorg.domain.recurrence import Rule, rule_from_options
from voorzorg.domain.requests import parse_answer
from voorzorg.errors import VoorzorgError

THURSDAY = date(2027, 3, 4)  # the first Thursday of March 2027


def refused(key, function, *args, **kwargs) -> VoorzorgError:
    with pytest.raises(VoorzorgError) as info:
        function(*args, **kwargs)
    assert info.value.key == key, info.value.key
    return info.value


@given(st.integers(0, 24), st.integers(0, 59))
def test_durations_in_every_form_give_the_same_minutes(hours, minutes):
    total = hours * 60 + minutes
    assert parse_duration(f"{hours}h{minutes:02d}") == total
    assert parse_duration(f"{hours}u{minutes}m") == total
    assert parse_duration(f"{hours}:{minutes:02d}") == total
    assert parse_duration(f"{total}m") == total
    assert parse_duration(f"{total} min") == total
    assert parse_duration(f"{hours} uur") == hours * 60
    assert parse_duration(f"{hours} HOURS") == hours * 60


@pytest.mark.parametrize("text", ["", "lang", "2", "h30", "1:5", "1,5h", "-2h"])
def test_other_durations_are_refused(text):
    assert text in refused("activity.bad_duration_text", parse_duration, text).message


@given(st.dates(), st.integers(0, 23), st.integers(0, 59))
def test_day_and_time_round_trip(day, hour, minute):
    assert parse_day_and_time(f"{day.isoformat()} {hour}.{minute:02d}") == (
        day,
        f"{hour:02d}:{minute:02d}",
    )
    assert parse_day_and_time(f"{day.isoformat()}T{hour:02d}:{minute:02d}")[1] == (
        f"{hour:02d}:{minute:02d}"
    )
    assert parse_day_and_time(f" {day.isoformat()} ") == (day, None)


def test_day_and_time_mistakes():
    refused("date.format", parse_day_and_time, "2027-03-04 10:00 12:00")
    refused("datetime.format", parse_day_and_time, "om 10:00")  # a time without a day
    assert parse_day_and_time("2027-03-04 10:00 uur") == (THURSDAY, "10:00")
    refused("datetime.invalid_time", parse_day_and_time, "2027-03-04 24:00")
    refused("date.invalid", parse_day_and_time, "2027-02-31 10:00")
    assert parse_hhmm("9.30") == "09:30"


def test_a_schedule_of_a_timed_activity():
    assert parse_schedule("4-3-2027 10:00", duration="2h30") == {
        "start": THURSDAY,
        "start_time": "10:00",
        "duration_minutes": 150,
        "duration_days": None,
        "rule": Rule(),
    }
    assert parse_schedule("2027-03-04 10:00", end="11.45")["duration_minutes"] == 105
    assert parse_schedule("2027-03-04 10:00", end="2027-03-04 12:00")["duration_minutes"] == 120


def test_a_schedule_of_an_all_day_activity():
    one = parse_schedule("2027-03-04", all_day=True)
    assert (one["start_time"], one["duration_minutes"], one["duration_days"]) == (None, None, None)
    assert parse_schedule("2027-03-04", all_day=True, end="6-3-2027")["duration_days"] == 3


@given(st.integers(0, 23 * 60 - 1), st.integers(1, 60))
def test_an_end_time_gives_the_minutes_in_between(begin, length):
    end = min(begin + length, 23 * 60 + 59)
    schedule = parse_schedule(
        f"2027-03-04 {begin // 60}:{begin % 60:02d}", end=f"{end // 60}:{end % 60:02d}"
    )
    assert schedule["duration_minutes"] == end - begin


@pytest.mark.parametrize(
    ("key", "start", "options"),
    [
        ("activity.needs_time", "2027-03-04", {"duration": "2h"}),
        ("activity.needs_duration", "2027-03-04 10:00", {}),
        ("activity.duration_or_end", "2027-03-04 10:00", {"duration": "2h", "end": "12:00"}),
        ("activity.end_before_start_time", "2027-03-04 10:00", {"end": "09:00"}),
        ("activity.end_before_start_time", "2027-03-04 10:00", {"end": "10:00"}),
        ("activity.end_other_day", "2027-03-04 10:00", {"end": "2027-03-05 09:00"}),
        ("activity.all_day_with_time", "2027-03-04 10:00", {"all_day": True}),
        ("activity.end_before_start_time", "2027-03-04", {"all_day": True, "end": "2027-03-03"}),
        ("activity.bad_duration_text", "2027-03-04 10:00", {"duration": "lang"}),
        ("activity.one_repeat", "2027-03-04 10:00", {"weekly": True, "every": "2 weeks"}),
        # one way of repeating is checked first, before anything else is read
        ("activity.one_repeat", "2027-02-31", {"every": "2", "monthly": "first thursday"}),
        ("recurrence.bad_every", "2027-03-04 10:00", {"duration": "2h", "every": "0 weken"}),
        ("recurrence.bad_monthly", "2027-03-04 10:00", {"duration": "2h", "monthly": "5e do"}),
        ("date.format", "2027-03-04 10:00", {"duration": "2h", "weekly": True, "until": "x"}),
    ],
)
def test_schedule_mistakes(key, start, options):
    refused(key, parse_schedule, start, **options)


def test_repetition_from_options():
    assert rule_from_options(THURSDAY) == Rule()
    assert rule_from_options(THURSDAY, weekly=True, count=5) == Rule("weekly", count=5)
    assert rule_from_options(THURSDAY, every="2 weken", until="1-6-2027") == Rule(
        "weekly", interval=2, until=date(2027, 6, 1)
    )
    assert rule_from_options(THURSDAY, monthly="eerste donderdag") == Rule("monthly", week=1)
    assert rule_from_options(THURSDAY + timedelta(weeks=4), monthly="last thursday") == Rule(
        "monthly", week=-1
    )


def test_a_monthly_rule_on_another_weekday_names_the_day_it_would_be():
    error = refused(
        "recurrence.start_not_on_rule", rule_from_options, THURSDAY, monthly="eerste dinsdag"
    )
    assert error.params == {"start": "do 4 maart 2027", "expected": "di 2 maart 2027"}


def test_list_window():
    assert list_window(THURSDAY) == (THURSDAY, THURSDAY + timedelta(days=27))
    assert list_window(THURSDAY, THURSDAY) == (THURSDAY, THURSDAY)
    last = THURSDAY + timedelta(days=MAX_LIST_DAYS)
    assert list_window(THURSDAY, last) == (THURSDAY, last)
    refused("activity.range_too_long", list_window, THURSDAY, last + timedelta(days=1))
    refused("activity.bad_range", list_window, THURSDAY, THURSDAY - timedelta(days=1))


@pytest.mark.parametrize(
    ("text", "yes"), [("ja", True), (" Yes ", True), ("J", True), ("nee", False), ("n", False)]
)
def test_answers(text, yes):
    assert parse_answer(text) is yes


def test_other_answers_are_refused():
    refused("request.bad_answer", parse_answer, "misschien")


def test_roles_from_options():
    assert role_from_options("a, b,", False, False) == ("coordinator", ["a", "b"])
    assert role_from_options(None, True, False) == ("welfare", [])
    assert role_from_options(None, False, True) == ("operator", [])
    refused("user.one_role", role_from_options, None, False, False)
    refused("user.one_role", role_from_options, "a", True, False)


def test_a_consent_given_on_a_day_is_stored_at_local_midnight():
    assert given_on(date(2025, 5, 3), "Europe/Amsterdam", today=date(2025, 5, 3)) == (
        "2025-05-02T22:00:00+00:00"
    )
    assert given_on(date(2025, 1, 3), "Europe/Amsterdam", today=date(2025, 5, 3)) == (
        "2025-01-02T23:00:00+00:00"
    )
    refused("consent.in_future", given_on, date(2025, 5, 4), "Europe/Amsterdam",
            today=date(2025, 5, 3))  # fmt: skip
