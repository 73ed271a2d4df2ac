"""Wellbeing check-ins for a demo circle: invented, plausible, the same for every build.

Most members agree to the half-yearly conversation (some when they join, most a little
later). Each circle holds its round of conversations in March and September; a member has
their own day in it, so their check-ins are six months apart, through the real
``record_checkin`` (consent, interval); now and then someone misses a round. Each
invented person has their own level per dimension and their own tendency to
loneliness; a conversation moves around that by a point or two, the level itself drifts
up or down from one half-year to the next, and many feel a little less lonely and take
part a little more over time (what a circle hopes for; the dashboard says why that
proves nothing). The note says plainly that the conversation is made up.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from voorzorg.domain.consents import give_consent
from voorzorg.domain.wellbeing import DIMENSIONS, EMOTIONAL, ITEMS, add_months, record_checkin

# The share of members without the consent from their intake who give it later.
LATER_CONSENT = 0.8
# The rounds: March and September; a member's day in the round is theirs for good.
ROUND_MONTHS = (3, 9)
MISSED_ROUND = 0.03
NOTES = (
    "Verzonnen voorbeeldgesprek (demo).",
    "Demo: bedacht gesprek, geen echte persoon.",
    None,
    None,
)


def build_checkins(db, rng: random.Random, *, today: date, leaving: list[tuple[int, date]]) -> int:
    """Consents and check-ins for the circle's members; returns the number of check-ins."""
    left_on = dict(leaving)
    members = db.execute(
        """SELECT m.id, m.joined_on,
                  (SELECT max(given_at) FROM consents c WHERE c.member_id = m.id
                   AND c.purpose = 'wellbeing' AND c.withdrawn_at IS NULL),
                  EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                   AND c.purpose = 'wellbeing' AND c.withdrawn_at IS NOT NULL)
           FROM members m ORDER BY m.id"""
    ).fetchall()
    made = 0
    for member_id, joined_on, given_at, withdrew in members:
        joined = date.fromisoformat(joined_on)
        later = rng.random() < LATER_CONSENT
        delay = rng.randint(7, 45)
        if given_at is None:
            if withdrew or not later or joined + timedelta(days=delay) >= today:
                continue
            since = joined + timedelta(days=delay)
            give_consent(db, member_id, "wellbeing", recorded_by="verbinder",
                         at=f"{since.isoformat()}T10:00:00+00:00")  # fmt: skip
        else:
            since = date.fromisoformat(given_at[:10])
        made += _conversations(db, rng, member_id, since, today, left_on.get(member_id))
    return made


def _first_round(since: date, rng: random.Random) -> date:
    """The member's first conversation: their own day in the first round after ``since``."""
    year = since.year
    while True:
        for month in ROUND_MONTHS:
            day = date(year, month, rng.randint(1, 20))
            if day > since:
                return day
        year += 1


def _conversations(db, rng, member_id: int, since: date, today: date, leaves: date | None) -> int:
    level = {d: rng.choice((4, 5, 6, 6, 7, 7, 7, 8, 8, 9)) for d in DIMENSIONS}
    lonely = rng.choice((0.05, 0.1, 0.2, 0.3, 0.45, 0.6))
    first = _first_round(since, rng)
    made, rounds = 0, 0
    day = first
    while day <= today - timedelta(days=3) and (leaves is None or day < leaves):
        if rng.random() >= MISSED_ROUND:
            ratings = {
                d: min(10, max(0, v + rng.choice((-2, -1, 0, 0, 1, 2)))) for d, v in level.items()
            }
            record_checkin(
                db, member_id, ratings=ratings, loneliness=_answers(rng, lonely),
                note=rng.choice(NOTES), taken_on=day, today=today, recorded_by="verbinder",
            )  # fmt: skip
            made += 1
        # Half a year on: a point up or down here and there, a little less lonely and a
        # little more taking part for many in their first year.
        for d in DIMENSIONS:
            step = rng.choice((0, 0, 1, 1, 2)) if d in ("participation", "mental") else 0
            step += rng.choice((-2, -1, 0, 0, 0, 1, 2))
            level[d] = min(10, max(1, level[d] + step))
        lonely = max(0.02, lonely - rng.choice((0.0, 0.05, 0.1)))
        rounds += 1
        day = add_months(first, 6 * rounds)
    return made


def _answers(rng: random.Random, lonely: float) -> dict[str, str | None]:
    """Six answers for a person who is lonely with the given tendency; now and then one
    is left unanswered."""
    found = {}
    for item in ITEMS:
        worse, better = ("yes", "no") if item in EMOTIONAL else ("no", "yes")
        roll = rng.random()
        if roll < 0.02:
            found[item] = None
        elif roll < 0.02 + lonely:
            found[item] = worse
        elif roll < 0.17 + lonely:
            found[item] = "more_or_less"
        else:
            found[item] = better
    return found
