"""The demo deployment: fictional circles in Almere Muziekwijk.

Everything here is invented and obviously so: surnames such as "Voorbeeld" and
"Verzonnen", phone numbers in the unused 06-0 range, e-mail at example.org. The
same seed always gives the same demo, down to the statistics (its record keys come from
the seed too).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from voorzorg import clock
from voorzorg.categories import CATEGORIES
from voorzorg.dates import DEFAULT_TIMEZONE
from voorzorg.demo.activities import build_activities
from voorzorg.demo.help import build_help_history
from voorzorg.demo.wellbeing import build_checkins
from voorzorg.deploy import circles as circles_mod
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.deployment import init_deployment
from voorzorg.domain.consents import give_consent
from voorzorg.domain.departures import withdraw_consent
from voorzorg.domain.members import add_member
from voorzorg.errors import VoorzorgError

DEMO_CIRCLES = [
    ("zorgsaam", "ZorgSaam", 18),
    ("samenspel", "SamenSpel", 17),
    ("harmonie", "De Harmonie", 16),
    ("notenbalk", "Notenbalk", 15),
    ("klankbord", "Klankbord", 15),
    ("akkoord", "Akkoord", 16),
    ("refrein", "Refrein", 15),
    ("canon", "Canon", 16),
]
NEIGHBOURHOOD = "Almere Muziekwijk"
FIRST_NAMES = [
    "Anna", "Bep", "Cor", "Dirk", "Els", "Fenna", "Gerrit", "Henk", "Ineke", "Jan",
    "Kees", "Lies", "Marie", "Nel", "Ömer", "Piet", "Riet", "Sjaak", "Truus", "Wim",
    "Zoë", "Ĳsbrand", "Fatima", "Mohamed", "Joke", "Ria", "Ton", "Greet", "Hans", "Yvonne",
    "Bert", "Corrie", "Ahmed", "Saskia", "Leo", "Willemien",
]  # fmt: skip
SURNAMES = [
    "Voorbeeld", "Verzonnen", "Proefmans", "de Demo", "van Oefenstein", "Testers",
    "Nepkamp", "Fictief", "van Bedacht", "Denkbeeld", "Probeersma", "van Nergens",
]  # fmt: skip
STREETS = [
    "Vioolstraat", "Cellostraat", "Harpstraat", "Fluitstraat", "Trommelstraat",
    "Hoornweg", "Orgelplein", "Pianostraat", "Hoboweg", "Luitstraat",
]  # fmt: skip
OFFER_WEIGHTS = {
    "transport": 5, "company": 6, "errands": 5, "odd_jobs": 4, "garden": 3, "meals": 3,
    "paperwork": 2, "digital": 3, "pets": 2, "checking_in": 5, "other": 1,
}  # fmt: skip
NEED_WEIGHTS = {
    "transport": 6, "company": 4, "errands": 3, "odd_jobs": 3, "garden": 3, "meals": 2,
    "paperwork": 2, "digital": 4, "pets": 1, "checking_in": 3, "other": 1,
}  # fmt: skip
HISTORY_DAYS = 730
FOUNDER_OFFERS = ("transport", "company", "errands", "checking_in", "transport", "odd_jobs",
                  "garden", "digital", "company", "meals")  # fmt: skip


def _pick(rng: random.Random, weights: dict[str, int], count: int) -> list[str]:
    chosen: list[str] = []
    codes = list(weights)
    while len(chosen) < count:
        code = rng.choices(codes, weights=[weights[c] for c in codes])[0]
        if code not in chosen:
            chosen.append(code)
    return [c for c in CATEGORIES if c in chosen]


def _letters(rng: random.Random) -> str:
    return rng.choice("ABCDEGHJKLMN") + rng.choice("ABEGKLPRST")


def _stamp(day: date, rng: random.Random) -> str:
    moment = datetime.combine(day, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")


def build_demo(
    directory: Path,
    *,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict:
    """Create the demo deployment in an empty or new ``directory``; return a summary."""
    directory = Path(directory)
    check_directory(directory)
    today = today or clock.today(DEFAULT_TIMEZONE)
    rng = random.Random(seed)
    init_deployment(directory)
    config = config_mod.load(directory / config_mod.CONFIG_NAME)
    summary = {"directory": str(directory.absolute()), "circles": [], "members": 0}
    used_names: set[str] = set()
    for circle_id, name, size in DEMO_CIRCLES:
        config, _info = circles_mod.add_circle(config, circle_id, name, NEIGHBOURHOOD)
        db = circles_mod.open_db(config, circle_id)
        try:
            with db.atomic():
                leaving = _fill_circle(db, rng, size, today, used_names)
                # A stream of its own: the rest of the demo stays as it was.
                talks = random.Random(f"{seed}-wellbeing-{circle_id}")
                checkins = build_checkins(db, talks, today=today, leaving=leaving)
                _record_keys(db, random.Random(f"{seed}-keys-{circle_id}"))
                founded = today - timedelta(days=HISTORY_DAYS)
                history = build_help_history(db, rng, founded=founded, today=today, leaving=leaving)
                activities = build_activities(
                    db, rng, founded=founded, today=today, timezone=config.default_timezone
                )
            count = size
        finally:
            db.close()
        summary["circles"].append(
            {
                "id": circle_id,
                "name": name,
                "members": count,
                "requests": history["requests"],
                "activities": activities,
                "checkins": checkins,
            }
        )
        summary["members"] += count
        if progress:
            progress(name, count)
    summary["feeds"] = _feeds(config)
    summary["accounts"] = _accounts(config)
    summary["releases"] = _releases(config, today)
    return summary


def _record_keys(db, rng: random.Random) -> None:
    """The statistics record keys, drawn from the seed: the same demo publishes the same
    figures every time. (A real circle draws them with ``secrets`` when a member first
    counts; these people do not exist, so nothing is lost by knowing their keys.)"""
    for (member_id,) in db.execute("SELECT id FROM members ORDER BY id").fetchall():
        db.execute(
            "INSERT INTO stats_record_keys (member_id, record_key) VALUES (?, ?)",
            [member_id, rng.randrange(2**32)],
        )


def _releases(config, today: date) -> list[str]:
    """Statistics releases for every finished half-year of the demo's history."""
    from voorzorg.stats.builder import build_release
    from voorzorg.stats.periods import finished_periods

    first = today - timedelta(days=HISTORY_DAYS)
    made = []
    for period in finished_periods(first, today):
        made.append(build_release(config, period, today=today, by="demo")["release_id"])
    return made


def _accounts(config) -> list[dict]:
    """A coordinator of ZorgSaam, one of SamenSpel, and a welfare account, with new passwords."""
    import secrets

    from voorzorg.deploy.accounts import add_account, open_instance

    conn = open_instance(config.data_dir)
    made = []
    for name, role, circles in (
        ("coordinator-zorgsaam", "coordinator", ["zorgsaam"]),
        ("coordinator-samenspel", "coordinator", ["samenspel"]),
        ("welzijn", "welfare", []),
    ):
        password = secrets.token_urlsafe(9)
        add_account(conn, name, role=role, password=password, circles=circles)
        made.append({"name": name, "role": role, "password": password})
    conn.close()
    return made


def _feeds(config) -> dict:
    """Static feed files, and one subscription link for ZorgSaam to try."""
    from voorzorg.calendar.publish import write_circle_feeds
    from voorzorg.calendar.tokens import add_token, subscription_urls

    written = write_circle_feeds(config)
    db = circles_mod.open_db(config, "zorgsaam")
    try:
        token = add_token(db, label="demo", now=clock.now())
    finally:
        db.close()
    base = config.base_url
    return {
        "files": [w["path"] for w in written],
        "zorgsaam_url": subscription_urls(base, "zorgsaam", token["token"])["https"],
    }


def check_directory(directory: Path) -> None:
    """The demo goes into a new or empty folder, never over someone's files."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise VoorzorgError("demo.exists", path=str(directory))


def _fill_circle(
    db, rng: random.Random, size: int, today: date, used: set[str]
) -> list[tuple[int, date]]:
    """Add ``size`` members; returns who leaves when (applied after the history)."""
    connectors = rng.sample(range(size), 2)
    leaving: list[tuple[int, date]] = []
    for index in range(size):
        while True:
            full_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            if full_name not in used:
                used.add(full_name)
                break
        joined = today - timedelta(days=rng.randint(0, HISTORY_DAYS))
        if index < size // 2:  # the founders joined at the start
            joined = today - timedelta(days=HISTORY_DAYS - rng.randint(0, 30))
        consents = ["matching"] if rng.random() < 0.9 else []
        if rng.random() < 0.92:
            consents.append("stats")
        if rng.random() < 0.4:
            consents.append("wellbeing")
        needs = _pick(rng, NEED_WEIGHTS, rng.randint(0, 3)) if "matching" in consents else []
        offers = _pick(rng, OFFER_WEIGHTS, rng.randint(1, 4))
        if index < size // 2:  # founders cover the common kinds of help between them
            offers = sorted(
                {*offers, FOUNDER_OFFERS[index % len(FOUNDER_OFFERS)]}, key=CATEGORIES.index
            )
            consents = consents if "matching" in consents else ["matching", *consents]
        first = full_name.split()[0].lower().replace("ö", "o").replace("ë", "e")
        member = add_member(
            db,
            full_name,
            today=joined,
            address=f"{rng.choice(STREETS)} {rng.randint(1, 140)}",
            postcode=f"13{rng.randint(23, 27)} {_letters(rng)}",
            phone=f"06-0{rng.randint(1000000, 9999999)}",
            email=f"{first}.{index}@example.org" if rng.random() < 0.6 else None,
            birth_year=rng.randint(1936, 1968),
            contact_via=rng.choice(["phone", "phone", "whatsapp", "email", "in-person", "signal"]),
            connector=index in connectors,
            offers=offers,
            needs=needs,
            consents=consents,
            recorded_by="verbinder",
            text_version="2024-1",
            at=_stamp(joined, rng),
        )
        days_in = (today - joined).days
        if "stats" not in consents and days_in > 200 and rng.random() < 0.5:
            given = joined + timedelta(days=rng.randint(30, days_in - 1))
            give_consent(db, member["id"], "stats", recorded_by="verbinder", at=_stamp(given, rng))
        if "wellbeing" in consents and days_in > 120 and rng.random() < 0.15:
            later = joined + timedelta(days=rng.randint(60, days_in - 1))
            withdraw_consent(db, member["id"], "wellbeing", at=_stamp(later, rng))
        if index not in connectors and days_in > 300 and rng.random() < 0.08:
            leaving.append((member["id"], joined + timedelta(days=rng.randint(200, days_in - 1))))
    return leaving
