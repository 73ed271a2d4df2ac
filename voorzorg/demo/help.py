"""Two years of plausible help-flow history for a demo circle.

The agreements card gets a second version a year in; members acknowledge it;
a few standing agreements run; and about three requests a fortnight go through
the real core functions, with the connector always asking the top suggestion:
some are declined first, most are done, a few cancelled or referred on.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from voorzorg.domain import card, requests
from voorzorg.domain.agreements import add_agreement
from voorzorg.domain.departures import leave_member
from voorzorg.domain.matching import suggest_helpers

CARD_ADDITION = """\
8. Elke donderdag om tien uur is er koffie in De BinnenHaven. Wie niet kan
   komen en dat wel wil, wordt opgehaald: vraag het een verbinder.
"""
REFERRALS = ("Sociaal wijkteam", "Wijkverpleging", "Getrainde vrijwilliger", "Huisarts")
NOTES = {
    "transport": ("naar de markt", "naar het ziekenhuis", "naar de kapper", "naar de kerk"),
    "errands": ("weekboodschappen", "apotheek ophalen", "pakketje naar het postkantoor"),
    "odd_jobs": ("lamp ophangen", "kastje in elkaar zetten", "dakgoot schoonmaken"),
    "garden": ("heg knippen", "bladeren ruimen", "gras maaien"),
    "digital": ("nieuwe telefoon instellen", "videobellen met de kleinkinderen"),
    "paperwork": ("formulier gemeente", "brief van de energieleverancier"),
    "company": ("samen een wandeling", "kopje koffie en een praatje"),
}


def _instant(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def build_help_history(
    db, rng: random.Random, *, founded: date, today: date, leaving: list[tuple[int, date]]
) -> dict:
    """Card, agreements and requests from ``founded`` to ``today``.

    ``leaving`` lists members who leave on a date: they leave at that point in the
    story, so nobody is asked for help after they have gone.
    """
    members = [
        dict(zip(("id", "joined_on", "needs"), row, strict=True))
        for row in db.execute(
            """SELECT m.id, m.joined_on,
                      (SELECT group_concat(category) FROM member_needs WHERE member_id = m.id)
               FROM members m ORDER BY m.id"""
        ).fetchall()
    ]
    leaves = sorted(leaving, key=lambda item: item[1])
    left_on = dict(leaves)
    _card_history(db, rng, members, founded, today, left_on)
    _agreements(db, rng, [m for m in members if m["id"] not in left_on], founded, today)
    count = _requests(db, rng, members, founded, today, leaves)
    return {"requests": count}


def _apply_leaves(db, leaves: list[tuple[int, date]], until: date) -> None:
    while leaves and leaves[0][1] <= until:
        member_id, day = leaves.pop(0)
        leave_member(db, member_id, on=day, today=until, at=_instant(day, 17).isoformat())


def _card_history(db, rng, members, founded: date, today: date, left_on: dict) -> None:
    db.execute(
        "UPDATE card_versions SET adopted_on = ?, adopted_at = ? WHERE version = 1",
        [founded.isoformat(), _instant(founded, 10).isoformat(timespec="seconds")],
    )
    for member in members:
        joined = date.fromisoformat(member["joined_on"])
        if rng.random() < 0.9:
            card.acknowledge(db, member["id"], on=joined, at=_instant(joined, 11).isoformat())
    second = founded + timedelta(days=365)
    first = card.get_version(db, 1)["text"]
    card.save_draft(db, first + CARD_ADDITION, at=_instant(second, 9).isoformat())
    card.adopt_draft(db, on=second, by="verbinder", at=_instant(second, 10).isoformat())
    for member in members:
        joined = date.fromisoformat(member["joined_on"])
        if rng.random() < 0.7:
            seen = max(joined, second) + timedelta(days=rng.randint(0, 60))
            if seen <= today and seen < left_on.get(member["id"], today + timedelta(days=1)):
                card.acknowledge(db, member["id"], on=seen, at=_instant(seen, 11).isoformat())


def _with_matching(db) -> set[int]:
    rows = db.execute(
        "SELECT member_id FROM consents WHERE purpose = 'matching' AND withdrawn_at IS NULL"
    ).fetchall()
    return {r[0] for r in rows}


def _agreements(db, rng, members, founded: date, today: date) -> None:
    consenting = _with_matching(db)
    helped = [m for m in members if m["id"] in consenting and m["needs"]]
    offers = db.execute("SELECT member_id, category FROM member_offers").fetchall()
    for member in rng.sample(helped, min(3, len(helped))):
        need = rng.choice(member["needs"].split(","))
        helpers = [o[0] for o in offers if o[1] == need and o[0] != member["id"]]
        if not helpers:
            continue
        start = max(date.fromisoformat(member["joined_on"]), founded) + timedelta(days=30)
        if start >= today:
            continue
        until = start + timedelta(days=rng.choice((180, 365, 900)))
        add_agreement(
            db,
            helper_id=rng.choice(helpers),
            for_id=member["id"],
            category=need,
            today=start,
            valid_from=start,
            valid_until=until,
            note=rng.choice((None, "doordeweeks, twee dagen van tevoren")),
            at=_instant(start, 12).isoformat(),
        )


def _requests(db, rng, members, founded: date, today: date, leaves: list) -> int:
    consenting = _with_matching(db)
    offers = db.execute("SELECT member_id, category FROM member_offers").fetchall()

    def offered_by_others(member_id: int) -> set[str]:
        return {category for helper, category in offers if helper != member_id}

    day = founded + timedelta(days=14)
    count = 0
    while day < today:
        day += timedelta(days=rng.randint(2, 9))
        if day >= today:
            break
        now = _instant(day, rng.randint(8, 15), rng.choice((0, 15, 30, 45)))
        _apply_leaves(db, leaves, day)
        gone = {r[0] for r in db.execute("SELECT id FROM members WHERE left_on IS NOT NULL")}
        eligible = [
            m
            for m in members
            if m["id"] in consenting and m["joined_on"] <= day.isoformat() and m["id"] not in gone
        ]
        if not eligible:
            continue
        member = rng.choice(eligible)
        needs = member["needs"].split(",") if member["needs"] else ["transport", "company"]
        offered = [n for n in needs if n in offered_by_others(member["id"])]
        category = rng.choice(offered if offered and rng.random() < 0.9 else needs)
        wanted = now + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 6))
        note = rng.choice((None, *NOTES.get(category, ())))
        request = requests.add_request(
            db, for_id=member["id"], category=category, now=now, wanted_at=wanted, note=note
        )
        count += 1
        recent = (today - day).days < 10
        _play_out(db, rng, request["id"], now, recent)
    _apply_leaves(db, leaves, today)
    return count


def _play_out(db, rng, request_id: int, now: datetime, recent: bool) -> None:
    """Ask the top suggestion until someone says yes; then close the request."""
    if rng.random() < 0.04:
        requests.cancel(db, request_id, now=now + timedelta(hours=3), note="niet meer nodig")
        return
    if rng.random() < 0.05:
        to = rng.choice(REFERRALS)
        requests.refer(db, request_id, to=to, now=now + timedelta(hours=2))
        return
    for _attempt in range(4):
        candidates = suggest_helpers(db, request_id, now=now, limit=1)["candidates"]
        if not candidates:
            break
        helper = candidates[0]["member_id"]
        requests.ask(db, request_id, helper, now=now)
        now += timedelta(hours=rng.randint(1, 20))
        if recent and rng.random() < 0.3:
            return  # still waiting for an answer
        if rng.random() < 0.75:
            requests.answer(db, request_id, helper, True, now=now)
            if recent:
                return  # accepted, not yet done
            if rng.random() < 0.95:
                requests.mark_done(db, request_id, now=now + timedelta(days=2))
            else:
                requests.cancel(db, request_id, now=now + timedelta(days=1))
            return
        requests.answer(db, request_id, helper, False, now=now)
    to = rng.choice(REFERRALS)
    requests.refer(db, request_id, to=to, now=now, note="geen helper gevonden")
