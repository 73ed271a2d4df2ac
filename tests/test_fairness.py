"""Fair-load suggestions, simulated: a year of requests where connectors ask the top one."""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from voorzorg.domain.matching import suggest_helpers
from voorzorg.domain.members import add_member
from voorzorg.domain.requests import add_request, answer, ask, cancel, mark_done
from voorzorg.storage import store

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def build_circle(directory: Path, helpers: int, requesters: int, helpers_request: bool):
    db = store.create_circle_db(directory / "sim.db", "sim", "Europe/Amsterdam")
    joined = date(2025, 12, 1)
    helper_ids = [
        add_member(db, f"Helper {i}", today=joined, offers=["transport"], consents=["matching"])[
            "id"
        ]
        for i in range(helpers)
    ]
    requester_ids = [
        add_member(db, f"Vrager {i}", today=joined, consents=["matching"])["id"]
        for i in range(requesters)
    ]
    if helpers_request:
        requester_ids += helper_ids[:2]
    return db, helper_ids, requester_ids


@settings(max_examples=25, deadline=None)
@given(
    helpers=st.integers(3, 10),
    requesters=st.integers(1, 5),
    helpers_request=st.booleans(),
    yes_chance=st.floats(0.15, 0.95),
    requests_per_week=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
)
def test_a_year_of_requests_spreads_the_load(
    helpers, requesters, helpers_request, yes_chance, requests_per_week, seed
):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        db, helper_ids, requester_ids = build_circle(
            Path(tmp), helpers, requesters, helpers_request
        )
        asks = dict.fromkeys(helper_ids, 0)
        now = START
        for _week in range(52):
            for _ in range(requests_per_week):
                now += timedelta(hours=rng.randint(1, 30))
                for_id = rng.choice(requester_ids)
                request = add_request(db, for_id=for_id, category="transport", now=now)
                said_no: set[int] = set()
                while True:
                    result = suggest_helpers(db, request["id"], now=now)
                    candidates = result["candidates"]
                    suggested = {c["member_id"] for c in candidates}
                    # Never the requester, never someone who said no to this request.
                    assert for_id not in suggested
                    assert not (said_no & suggested)
                    if not candidates:
                        cancel(db, request["id"], now=now)
                        break
                    top = candidates[0]
                    # Recently asked members are not asked again before others.
                    if top["recently_asked"]:
                        assert all(c["recently_asked"] for c in candidates)
                    ask(db, request["id"], top["member_id"], now=now)
                    asks[top["member_id"]] += 1
                    now += timedelta(minutes=rng.randint(5, 240))
                    if rng.random() < yes_chance:
                        answer(db, request["id"], top["member_id"], True, now=now)
                        mark_done(db, request["id"], now=now)
                        break
                    answer(db, request["id"], top["member_id"], False, now=now)
                    said_no.add(top["member_id"])
            now = START + timedelta(weeks=_week + 1)
        db.close()
    mean = sum(asks.values()) / len(asks)
    assert max(asks.values()) <= 2 * mean, asks
