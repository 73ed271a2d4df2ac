"""Dates, times and durations as volunteers type them, and dates as people read them.

One parser for every option that takes a date or a time:

- absolute: ISO (2026-12-03), numeric Dutch (3-12-2026, 03/12/2026, 3.12.2026, and
  without a year 3-12, 3/12 or 3.12), written out with Dutch (or English) month names and
  abbreviations ("3 december 2026", "3 dec", "29 december"), optionally preceded by a
  weekday ("do 3 dec", "dinsdag 29 december 2026") that must agree with the date;
- relative: vandaag, morgen, overmorgen, gisteren, eergisteren, a weekday ("dinsdag":
  the first one from today on; with ``past`` the last one up to today), "volgende week"
  (its Monday), "volgende dinsdag", "volgende week dinsdag", "vorige week dinsdag",
  "afgelopen dinsdag", "over 2 weken", "over 3 dagen", "2 weken geleden"
  (and the English words today, tomorrow, yesterday, next tuesday, in 2 weeks);
- a date without a year is the next such date (from today on), or for past dates
  (``past=True``: help that already happened) the last one up to today; the CLI
  echoes the date it understood, so a misreading is seen at once.

Times as 09:30, 9.30, "10 uur" or "om 10:00"; durations as 2h, 90m, 1h30, 1:30,
2 uur or 45 min.

A dotted pair such as "3.12" is both a day.month and an hour.minute. After a full date
("3 dec 9.30", "morgen 9.30", "3-12-2026 9.30") it is the time. On its own or after a
bare weekday ("di 3.12", "za 5.12") it is the date when it is a day.month that exists
(the weekday must then agree), else the time ("di 9.30"); "om 3.12", "3.12 uur" and
"3:12" are always the time. After a relative weekday ("volgende dinsdag 3.12") it is
refused as ambiguous, with a hint to write the month or "om". Where only a time can be
meant (``parse_time``) "9.30" is a time.

Dates are shown as "do 3 december 2026" (``format_day``) and, with a time, as
"do 3 december 2026, 10:00" (``format_moment``); tables use the short month ("do 3 dec
2026"). Every form shown is read back by the parser to the same date and time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

# Their home is the clock; here too because dates and times are read with them.
from voorzorg.clock import DEFAULT_TIMEZONE as DEFAULT_TIMEZONE
from voorzorg.clock import zone as zone
from voorzorg.errors import VoorzorgError

# Patterns as strings: compiled on first use (re caches them), not at start-up.
_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_DUTCH = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})"
_NO_YEAR = r"(\d{1,2})[-/.](\d{1,2})"

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_EXTRA_MONTHS = {"maa": 3, "sept": 9, "mar": 3, "oct": 10, "febr": 2}
_EXTRA_WEEKDAYS = {"din": 1, "woe": 2, "don": 3, "vrij": 4, "zat": 5, "zon": 6, "mnd": 0,
                   "tues": 1, "wednes": 2, "thur": 3, "thurs": 3}  # fmt: skip


def _month_words() -> dict[str, int]:
    words = dict(_EXTRA_MONTHS)
    for names in (*MONTHS.values(), *SHORT_MONTHS.values()):
        for number, name in enumerate(names, start=1):
            words[name.lower()] = number
    return words


def _weekday_words() -> dict[str, int]:
    words = dict(_EXTRA_WEEKDAYS)
    for names in (*WEEKDAYS.values(), *SHORT_WEEKDAYS.values()):
        for number, name in enumerate(names):
            words[name.lower()] = number
    return words


_TODAY_WORDS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2,
                "gisteren": -1, "yesterday": -1, "eergisteren": -2}  # fmt: skip
_NUMBER_WORDS = {"een": 1, "één": 1, "a": 1, "an": 1, "one": 1, "twee": 2, "two": 2,
                 "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
                 "zes": 6, "six": 6}  # fmt: skip
_UNITS = {"dag": 1, "dagen": 1, "day": 1, "days": 1, "week": 7, "weken": 7, "weeks": 7}
_NEXT = ("volgende", "komende", "aanstaande", "next")
_LAST = ("vorige", "afgelopen", "last")


def _language() -> str:
    from voorzorg.i18n import language

    return language()


def _today(today: date | None) -> date:
    if today is not None:
        return today
    from voorzorg import clock

    return clock.today(DEFAULT_TIMEZONE)


def _words(text: str) -> list[str]:
    """Lower-case words; commas and a dot after a word ("di.", "dec.") do not count."""
    value = text.strip().lower().replace(",", " ")
    return [w[:-1] if w.endswith(".") and not w[:-1].isdigit() else w for w in value.split()]


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise VoorzorgError("date.invalid", text=text) from None


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _without_year(month: int, day: int, today: date, past: bool, text: str) -> date:
    """The next such date from ``today`` on (or, for ``past``, the last one up to today)."""
    if month == 2 and day == 29:  # only leap years have it: look a few years on (or back)
        step = -1 if past else 1
        for offset in range(9):
            year = today.year + step * offset
            try:
                found = date(year, 2, 29)
            except ValueError:
                continue
            if (found <= today) if past else (found >= today):
                return found
    candidate = _make(today.year, month, day, text)
    if past and candidate > today:
        return candidate.replace(year=today.year - 1)
    if not past and candidate < today:
        return _make(today.year + 1, month, day, text)
    return candidate


def parse_date(text: str, *, today: date | None = None, past: bool = False) -> date:
    """A date as a volunteer types it (see the module docstring for every form).

    ``today`` anchors relative forms and dates without a year (default: today in the
    default timezone); ``past`` makes a date without a year, or a bare weekday, the
    most recent one rather than the next one.
    """
    value = text.strip()
    match = re.fullmatch(_ISO, value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, text)
    match = re.fullmatch(_DUTCH, value)
    if match:
        return _make(_year(match[3]), int(match[2]), int(match[1]), text)
    words = _words(value)
    if not words or len(words) > 5:
        raise VoorzorgError("date.format", text=text)
    return _parse_words(words, text, _today(today), past)


def _parse_words(words: list[str], text: str, today: date, past: bool) -> date:
    weekdays = _weekday_words()
    joined = " ".join(words)
    if joined in _TODAY_WORDS:
        return today + timedelta(days=_TODAY_WORDS[joined])
    relative = _relative(words, today, weekdays, past)
    if relative is not None:
        return relative
    weekday = None
    if words[0] in weekdays and len(words) > 1:
        weekday = weekdays[words[0]]
        words = words[1:]
    day = _absolute(words, text, today, past)
    if weekday is not None and day.weekday() != weekday:
        lang = _language()
        raise VoorzorgError(
            "date.weekday_mismatch",
            text=text,
            weekday=WEEKDAYS[lang][weekday],
            actual=format_day(day),
        )
    return day


def _count(word: str) -> int | None:
    if word.isdigit() and 0 < int(word) <= 520:
        return int(word)
    return _NUMBER_WORDS.get(word)


def _relative(
    words: list[str], today: date, weekdays: dict[str, int], past: bool = False
) -> date | None:
    """Relative forms, or None when ``words`` is not one."""
    n = len(words)
    # "over 2 weken", "in 3 dagen", "over een week"
    if n == 3 and words[0] in ("over", "in") and words[2] in _UNITS:
        count = _count(words[1])
        if count is not None:
            return today + timedelta(days=count * _UNITS[words[2]])
    # "2 weken geleden", "3 days ago"
    if n == 3 and words[2] in ("geleden", "ago") and words[1] in _UNITS:
        count = _count(words[0])
        if count is not None:
            return today - timedelta(days=count * _UNITS[words[1]])
    # "dinsdag": the first one from today on (for past help: the last one up to today)
    if n == 1 and words[0] in weekdays:
        if past:
            return today - timedelta(days=(today.weekday() - weekdays[words[0]]) % 7)
        return today + timedelta(days=(weekdays[words[0]] - today.weekday()) % 7)
    # "volgende dinsdag" (after today), "vorige dinsdag" / "afgelopen dinsdag" (before)
    if n == 2 and words[1] in weekdays and words[0] in (*_NEXT, *_LAST):
        target = weekdays[words[1]]
        if words[0] in _NEXT:
            return today + timedelta(days=(target - today.weekday() - 1) % 7 + 1)
        return today - timedelta(days=(today.weekday() - target - 1) % 7 + 1)
    # "volgende week", "vorige week": the Monday of that week
    if n == 2 and words[1] == "week" and words[0] in (*_NEXT, *_LAST):
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(weeks=1 if words[0] in _NEXT else -1)
    # "volgende week dinsdag", "vorige week dinsdag": that weekday in the next/last week
    if n == 3 and words[1] == "week" and words[2] in weekdays and words[0] in (*_NEXT, *_LAST):
        monday = today - timedelta(days=today.weekday())
        monday += timedelta(weeks=1 if words[0] in _NEXT else -1)
        return monday + timedelta(days=weekdays[words[2]])
    # "next week tuesday" reads the same; "tuesday next week" too
    if n == 3 and words[0] in weekdays and words[2] == "week" and words[1] in (*_NEXT, *_LAST):
        return _relative([words[1], "week", words[0]], today, weekdays, past)
    return None


def _absolute(words: list[str], text: str, today: date, past: bool) -> date:
    if len(words) == 1:
        word = words[0]
        match = re.fullmatch(_ISO, word)
        if match:
            return _make(int(match[1]), int(match[2]), int(match[3]), text)
        match = re.fullmatch(_DUTCH, word)
        if match:
            return _make(_year(match[3]), int(match[2]), int(match[1]), text)
        match = re.fullmatch(_NO_YEAR, word)
        if match:
            month, day = int(match[2]), int(match[1])
            _make(2000, month, day, text)  # a day that exists in some year
            return _without_year(month, day, today, past, text)
        raise VoorzorgError("date.format", text=text)
    months = _month_words()
    if len(words) in (2, 3) and words[0].isdigit() and words[1] in months:
        day, month = int(words[0]), months[words[1]]
        if len(words) == 3:
            if not re.fullmatch(r"\d{4}", words[2]):
                raise VoorzorgError("date.format", text=text)
            return _make(int(words[2]), month, day, text)
        _make(2000, month, day, text)
        return _without_year(month, day, today, past, text)
    raise VoorzorgError("date.format", text=text)


_TIME = r"(\d{1,2})[:.](\d{2})"
_TIME_WORD = r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:uur|u|h)"
_DOTTED = r"(\d{1,2})\.(\d{2})"


def could_be_day_month(text: str) -> bool:
    """ "3.12" (a day.month that exists in some year): also readable as a date."""
    match = re.fullmatch(_DOTTED, text.strip())
    if not match:
        return False
    try:
        date(2000, int(match[2]), int(match[1]))  # 2000: a leap year, so 29.02 exists
    except ValueError:
        return False
    return True


def reads_as_time(text: str) -> bool:
    """Whether ``text`` alone is a time and nothing else: "9.30", "10:00", "om 9.05",
    "3.12 uur"; not "3.12", which is also 3 December (write "om 3.12" for the time)."""
    value = text.strip()
    marked = value.lower().startswith(("om ", "at ")) or value.lower().endswith("uur")
    value = re.sub(r"^(?:om|at)\s+", "", value, flags=re.IGNORECASE)
    try:
        parse_time(value)
    except VoorzorgError:
        return False
    return marked or not could_be_day_month(value)


def _split_time(text: str) -> tuple[str, tuple[int, int] | None]:
    """ "do 3 dec om 10:00" -> ("do 3 dec", (10, 0)); no time -> (text, None).

    A trailing dotted pair without "om" or "uur" that is also a day.month ("di 3.12")
    stays with the date when nothing or only a weekday comes before it (see the module
    docstring); after a relative weekday it is refused as ambiguous."""
    value = text.strip().replace("T", " ") if re.match(r"\d{4}-", text.strip()) else text.strip()
    pattern = (
        r"(?:^|[\s,]+)(?P<om>(?:om|at)\s+)?(?P<time>"
        + _TIME
        + r"(?P<uur>\s*uur)?|"
        + _TIME_WORD
        + r")$"
    )
    match = re.search(pattern, value, flags=re.IGNORECASE)
    if not match:
        return value, None
    rest = value[: match.start()].strip().rstrip(",").strip()
    bare = match["time"]
    if not (match["om"] or match["uur"]) and could_be_day_month(bare):
        before = _words(rest)
        weekdays = _weekday_words()
        if not before or (len(before) == 1 and before[0] in weekdays):
            return value, None  # "3.12", "di 3.12": a date
        if before[-1] in weekdays:  # "volgende dinsdag 3.12": 3 December or 03:12?
            raise VoorzorgError("datetime.ambiguous_dot", text=text, value=bare)
    time_text = bare.lower().replace("uur", "").replace("u", "").replace("h", "").strip()
    parts = re.split(r"[:.]", time_text)
    hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1] else 0
    if hour > 23 or minute > 59:
        raise VoorzorgError("datetime.invalid_time", text=bare)
    return rest, (hour, minute)


def parse_when(
    text: str, *, today: date | None = None, past: bool = False
) -> tuple[date, str | None]:
    """A date with an optional time: "do 3 dec 10:00" -> (date, "10:00"), "morgen" ->
    (date, None). Refuses a time without a date."""
    rest, time = _split_time(text)
    if not rest:
        raise VoorzorgError("datetime.format", text=text)
    day = parse_date(rest, today=today, past=past)
    return day, (f"{time[0]:02d}:{time[1]:02d}" if time else None)


def parse_local_datetime(
    text: str, timezone: str, *, today: date | None = None, past: bool = False
) -> datetime:
    """ "2026-12-05 09:30", "5-12-2026 9.30", "za 5 dec om 9:30" as an aware time in the
    circle's zone.

    A wall time that does not exist (the hour skipped when summer time starts)
    is refused. A wall time that happens twice (the hour repeated when it ends)
    is taken as the first of the two, the summer-time one: documented choice.
    """
    day, hhmm = parse_when(text, today=today, past=past)
    if hhmm is None:
        raise VoorzorgError("datetime.format", text=text)
    hour, minute = (int(p) for p in hhmm.split(":"))
    return make_local(day, hour, minute, timezone, text=text)


def make_local(day: date, hour: int, minute: int, timezone: str, *, text: str | None = None):
    """An aware wall-clock time; refuses one that the clock skips (summer time starts)."""
    tz = zone(timezone)
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz, fold=0)
    # Through UTC and back: the same instant, so the wall time comes back unchanged
    # exactly when the UTC offset does (comparing offsets is the cheaper test).
    if local.astimezone(UTC).astimezone(tz).utcoffset() != local.utcoffset():
        shown = text or f"{day.isoformat()} {hour:02d}:{minute:02d}"
        raise VoorzorgError("datetime.gap", text=shown, zone=timezone)
    return local


def parse_time(text: str) -> tuple[int, int]:
    """ "09:30", "9.30" or "10 uur" -> (9, 30)."""
    value = text.strip()
    match = re.fullmatch(_TIME, value) or re.fullmatch(_TIME_WORD, value, flags=re.IGNORECASE)
    if not match:
        raise VoorzorgError("datetime.invalid_time", text=text)
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise VoorzorgError("datetime.invalid_time", text=text)
    return hour, minute


def parse_hhmm(text: str) -> str:
    """ "9.30" -> "09:30": a time of day in the form it is stored in."""
    hour, minute = parse_time(text)
    return f"{hour:02d}:{minute:02d}"


def parse_day_and_time(text: str, *, today: date | None = None) -> tuple[date, str | None]:
    """ "2026-12-03 10:00" -> (date, "10:00"); "do 3 dec" -> (date, None)."""
    return parse_when(text, today=today)


_DURATIONS = (
    (re.compile(r"(\d+)(?:h|u|uur|hours?)(?:(\d+)(?:m|min|minuten|minutes?)?)?"), (60, 1)),
    (re.compile(r"(\d+):(\d{2})"), (60, 1)),
    (re.compile(r"(\d+)(?:m|min|minuten|minutes?)"), (1,)),
)


def parse_duration(text: str) -> int:
    """ "2h", "90m", "1h30", "1:30", "2 uur", "45 min" -> minutes."""
    value = text.strip().lower().replace(" ", "")
    for pattern, factors in _DURATIONS:
        match = pattern.fullmatch(value)
        if match:
            numbers = [int(g) if g else 0 for g in match.groups()]
            return sum(n * f for n, f in zip(numbers, factors, strict=False))
    raise VoorzorgError("activity.bad_duration_text", text=text)


def local_text(moment: datetime) -> str:
    """The stored form of a wall-clock time: "2026-12-05 09:30"."""
    return moment.strftime("%Y-%m-%d %H:%M")


# --- dates as people read them ----------------------------------------------------


def format_day(day: date, *, short: bool = False, lang: str | None = None) -> str:
    """ "do 3 december 2026" ("Thu 3 December 2026" in English); ``short``: "do 3 dec 2026"."""
    lang = lang or _language()
    lang = lang if lang in MONTHS else "nl"
    months = SHORT_MONTHS[lang] if short else MONTHS[lang]
    weekday = SHORT_WEEKDAYS[lang][day.weekday()]
    return f"{weekday} {day.day} {months[day.month - 1]} {day.year}"


def format_moment(
    day: date, hhmm: str | None = None, *, short: bool = False, lang: str | None = None
) -> str:
    """ "do 3 december 2026, 10:00"; without a time just the day."""
    text = format_day(day, short=short, lang=lang)
    return f"{text}, {hhmm}" if hhmm else text


def show_stored(value: str | None, *, short: bool = False) -> str | None:
    """A stored local date or wall time ("2026-12-03", "2026-12-03 10:00") for people."""
    if not value:
        return value
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    hhmm = value[11:16] if len(value) >= 16 else None
    return format_moment(day, hhmm, short=short)


def show_instant(instant: str | None, timezone: str, *, short: bool = True) -> str | None:
    """A stored UTC instant ("2026-11-27T08:51:46+00:00") as "vr 27 nov 2026, 09:51"."""
    if not instant:
        return None
    try:
        moment = datetime.fromisoformat(instant)
    except ValueError:
        return instant
    local = moment.astimezone(zone(timezone))
    return format_moment(local.date(), local.strftime("%H:%M"), short=short)


def no_year_given(text: str) -> bool:
    """Whether a typed date left out the year (so the CLI says which year it took)."""
    value = text.strip().lower()
    if re.search(r"\d{4}", value) or re.fullmatch(_DUTCH + r".*", value):
        return False
    words = _words(_split_time(text)[0]) if value else []
    if not words or " ".join(words) in _TODAY_WORDS:
        return False
    return any(re.fullmatch(_NO_YEAR, w) for w in words) or any(w in _month_words() for w in words)


def format_weekday(weekday: int, *, lang: str | None = None) -> str:
    """ "maandag" for 0 ("Monday" in English)."""
    lang = lang or _language()
    return WEEKDAYS[lang if lang in WEEKDAYS else "nl"][weekday]


def parse_weekday(text: str) -> int:
    """ "maandag", "ma", "Monday", "mon" -> 0..6."""
    from voorzorg.errors import VoorzorgError

    found = _weekday_words().get(text.strip().lower().rstrip("."))
    if found is None:
        raise VoorzorgError("date.bad_weekday", text=text)
    return found
