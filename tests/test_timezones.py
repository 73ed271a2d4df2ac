"""The compact VTIMEZONE against zoneinfo, 2000-2050.

Expand the two yearly RRULE observances ourselves (with dateutil, independent of
voorzorg's code), turn each onset into a UTC instant with its TZOFFSETFROM, and
compare with every transition zoneinfo knows in those years: same instants, same
offsets before and after, same abbreviations, nothing missing and nothing extra.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from voorzorg.calendar import feeds
from voorzorg.calendar.timezones import vtimezone
from voorzorg.domain import activities
from voorzorg.domain.recurrence import Rule
from voorzorg.errors import ConfigError, VoorzorgError
from voorzorg.storage import store

YEARS = range(2000, 2051)


def _offset(text: str) -> timedelta:
    sign = -1 if text.startswith("-") else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def transitions_from_vtimezone(text: str) -> dict[datetime, tuple[timedelta, timedelta, str]]:
    """UTC instant -> (offset before, offset after, name after), for YEARS."""
    component = icalendar.Timezone.from_ical(text)
    found = {}
    for observance in component.subcomponents:
        assert observance.name in ("STANDARD", "DAYLIGHT")
        raw = observance.to_ical().decode()
        lines = raw.replace("\r\n ", "").split("\r\n")
        values = dict(line.split(":", 1) for line in lines if ":" in line)
        before, after = _offset(values["TZOFFSETFROM"]), _offset(values["TZOFFSETTO"])
        start = datetime.strptime(values["DTSTART"], "%Y%m%dT%H%M%S")
        if "RRULE" not in values:
            found[start - before] = (before, after, values["TZNAME"])
            continue
        rule = rrulestr(values["RRULE"], dtstart=start)
        for onset in rule.between(datetime(YEARS[0], 1, 1), datetime(YEARS[-1] + 1, 1, 1)):
            found[(onset - before).replace(tzinfo=UTC)] = (before, after, values["TZNAME"])
    return found


def transitions_from_zoneinfo(name: str) -> dict[datetime, tuple[timedelta, timedelta, str]]:
    """Every offset change of ``name`` in YEARS: day by day, then hour by hour."""
    zone = ZoneInfo(name)
    found = {}
    day = datetime(YEARS[0], 1, 1, tzinfo=UTC)
    end = datetime(YEARS[-1] + 1, 1, 1, tzinfo=UTC)
    previous = day.astimezone(zone).utcoffset()
    while day < end:
        following = day + timedelta(days=1)
        offset = following.astimezone(zone).utcoffset()
        if offset != previous:
            moment = day
            while moment.astimezone(zone).utcoffset() == previous:
                moment += timedelta(minutes=15)
            local = moment.astimezone(zone)
            found[moment] = (previous, local.utcoffset(), local.tzname())
            previous = offset
        day = following
    return found


@pytest.mark.parametrize(
    ("name", "standard", "summer", "names"),
    [
        ("Europe/Amsterdam", "+0100", "+0200", ("CET", "CEST")),
        ("Europe/London", "+0000", "+0100", ("GMT", "BST")),
        ("Europe/Brussels", "+0100", "+0200", ("CET", "CEST")),
        ("Europe/Lisbon", "+0000", "+0100", ("WET", "WEST")),
        ("Europe/Helsinki", "+0200", "+0300", ("EET", "EEST")),
    ],
)
def test_two_rule_vtimezone_matches_zoneinfo_2000_2050(name, standard, summer, names):
    text = vtimezone(name)
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VTIMEZONE" and lines[-1] == "END:VTIMEZONE"
    assert f"TZID:{name}" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    assert [x for x in lines if x.startswith("RRULE")] == [
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    ]
    assert not any(x.startswith(("RDATE", "UNTIL")) for x in lines)  # no 2038 cliff
    assert lines.count("BEGIN:DAYLIGHT") == lines.count("BEGIN:STANDARD") == 1
    assert f"TZOFFSETTO:{summer}" in lines and f"TZOFFSETTO:{standard}" in lines
    ours = transitions_from_vtimezone(text)
    theirs = transitions_from_zoneinfo(name)
    assert len(theirs) == 2 * len(YEARS)
    assert ours == theirs
    # Every switch at 01:00 UTC on the last Sunday of March / October.
    for instant, (_before, after, abbreviation) in ours.items():
        assert instant.hour == 1 and instant.minute == 0 and instant.weekday() == 6
        assert instant.month in (3, 10) and (instant + timedelta(days=7)).month != instant.month
        assert abbreviation == (names[1] if after == _offset(summer) else names[0])


def test_vtimezone_years_beyond_2038_and_before_1996():
    """The rules start in 1996 and have no end: 2037-2050 come out like the rest."""
    ours = transitions_from_vtimezone(vtimezone("Europe/Amsterdam"))
    summer_starts = sorted(i for i, (b, a, _n) in ours.items() if a > b)
    assert summer_starts[-1] == datetime(2050, 3, 27, 1, tzinfo=UTC)
    assert datetime(2038, 3, 28, 1, tzinfo=UTC) in summer_starts
    lines = vtimezone("Europe/Amsterdam").split("\r\n")
    assert "DTSTART:19960331T020000" in lines  # 01:00 UTC in CET wall time
    assert "DTSTART:19961027T030000" in lines  # 01:00 UTC in CEST wall time


@pytest.mark.parametrize("name", ["UTC", "Etc/UTC", "Asia/Tokyo"])
def test_zones_without_summer_time_get_one_standard_observance(name):
    text = vtimezone(name)
    lines = text.split("\r\n")
    assert lines.count("BEGIN:STANDARD") == 1 and "BEGIN:DAYLIGHT" not in lines
    assert not any(x.startswith("RRULE") for x in lines)
    offset = datetime(2030, 6, 1, tzinfo=UTC).astimezone(ZoneInfo(name)).utcoffset()
    sign = "+" if offset >= timedelta(0) else "-"
    hours, rest = divmod(abs(int(offset.total_seconds())) // 60, 60)
    assert f"TZOFFSETTO:{sign}{hours:02d}{rest:02d}" in lines
    assert f"TZOFFSETFROM:{sign}{hours:02d}{rest:02d}" in lines
    assert transitions_from_zoneinfo(name) == {}
    # icalendar reads it as a zone with that fixed offset.
    zone = icalendar.Timezone.from_ical(text).to_tz()
    assert datetime(2040, 1, 1, 12, tzinfo=zone).utcoffset() == offset
    assert datetime(2040, 7, 1, 12, tzinfo=zone).utcoffset() == offset


@pytest.mark.parametrize(
    "name",
    [
        "America/New_York",  # second Sunday of March / first Sunday of November
        "Australia/Sydney",  # southern hemisphere
        "Europe/Moscow",  # summer time until 2010, then +04 and +03
        "Africa/Casablanca",  # summer time interrupted for Ramadan, then permanent
        "America/Sao_Paulo",  # summer time abolished in 2019
        "Asia/Tehran",  # equinox rule, abolished 2022
    ],
)
def test_zones_that_do_not_follow_the_european_rule_are_refused(name):
    with pytest.raises(VoorzorgError) as refused:
        vtimezone(name)
    assert refused.value.key == "feed.unsupported_timezone"
    assert name in str(refused.value)


def test_unknown_zone_is_a_config_error():
    with pytest.raises(ConfigError):
        vtimezone("Mars/Olympus_Mons")


def test_vtimezone_used_by_icalendar_gives_zoneinfo_offsets():
    """icalendar's own reading of our VTIMEZONE agrees with zoneinfo around each switch."""
    zone = icalendar.Timezone.from_ical(vtimezone("Europe/Amsterdam")).to_tz()
    amsterdam = ZoneInfo("Europe/Amsterdam")
    for year in (2000, 2026, 2038, 2039, 2050):
        for month in (3, 10):
            last = date(year, month, 31)
            sunday = last - timedelta(days=(last.weekday() - 6) % 7)
            for hour in (0, 1, 4, 12):
                local = datetime(sunday.year, sunday.month, sunday.day, hour)
                ours = local.replace(tzinfo=zone).utcoffset()
                real = local.replace(tzinfo=amsterdam).utcoffset()
                assert ours == real, (local, ours, real)


def test_a_london_circle_feed_uses_its_own_zone(tmp_path):
    """Another zone that follows the rule: TZID and instants follow the circle's zone."""
    from tests.test_feed_agreement import expand_ical, expand_rie

    db = store.create_circle_db(tmp_path / "c.db", "londen", "Europe/London")
    activities.add_activity(
        db, title="Tea", start=date(2027, 3, 4), start_time="10:00", timezone="Europe/London",
        now=datetime(2026, 6, 1, tzinfo=UTC), duration_minutes=60,
        rule=Rule(freq="weekly", count=8),
    )  # fmt: skip
    feed = feeds.render_circle_feed(
        db, circle_id="londen", name="London", timezone="Europe/London", today=date(2027, 3, 1)
    )
    text = feed.body.decode()
    assert "DTSTART;TZID=Europe/London:20270304T100000" in text
    assert "Europe/Amsterdam" not in text
    # Parsed independently (Amsterdam-zone helpers compare UTC instants, so the zone
    # used to pick the window does not matter here).
    first, last = date(2027, 3, 1), date(2027, 5, 1)
    found = expand_ical(feed.body, first, last)
    assert found == expand_rie(feed.body, first, last)
    instants = sorted(k[0] for k in found)
    assert len(instants) == 8
    assert instants[3] == datetime(2027, 3, 25, 10, tzinfo=UTC)  # GMT
    assert instants[4] == datetime(2027, 4, 1, 9, tzinfo=UTC)  # BST from 28 March
