"""Wellbeing outcomes in the statistics releases: who counts, what is counted, when the
tables are shielded, and that the attacker cannot narrow them (docs/statistiek-bescherming.md).

Every deployment here draws its record keys and check-ins from a seed: a test never
depends on a random draw.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import date

import pytest

from tests.attacker import narrow_cells, read_published
from tests.test_stats import TODAY, make_deployment
from voorzorg.deploy.circles import open_db
from voorzorg.domain.consents import give_consent
from voorzorg.domain.departures import leave_member, withdraw_consent
from voorzorg.domain.restriction import restrict_member
from voorzorg.domain.wellbeing import DIMENSIONS, ITEMS, record_checkin, score_loneliness
from voorzorg.locale.nl import MESSAGES as NL
from voorzorg.stats.audit import audit
from voorzorg.stats.builder import OUTCOMES, build_release
from voorzorg.stats.ledger import ledger_path
from voorzorg.stats.store import stats_path

BEFORE, AFTER = date(2025, 12, 15), date(2026, 6, 20)  # in 2025-H2 and 2026-H1
# The wellbeing consent is given on the day the members join (a check-in cannot be older).
GIVEN = "2025-11-30T23:00:00+00:00"
NOTE = "Notitie-die-nooit-in-een-publicatie-mag-komen"


def counted_ids(config, circle: str) -> list[int]:
    db = open_db(config, circle)
    try:
        return [
            r[0]
            for r in db.execute(
                """SELECT id FROM members m WHERE left_on IS NULL AND EXISTS (
                     SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.purpose = 'stats'
                     AND c.withdrawn_at IS NULL) ORDER BY id"""
            ).fetchall()
        ]
    finally:
        db.close()


def answers(rng: random.Random, lonely: float) -> dict:
    """Six answers for a person who is lonely with the given propensity."""
    found = {}
    for item in ITEMS:
        bad = "yes" if item in ("emptiness", "miss_people", "rejected") else "no"
        good = "no" if bad == "yes" else "yes"
        roll = rng.random()
        found[item] = (
            None if roll < 0.03 else bad if roll < lonely else
            "more_or_less" if roll < lonely + 0.15 else good
        )  # fmt: skip
    return found


def checkins(config, seed: int, *, share=0.9, days=(BEFORE, AFTER), limits=None) -> dict:
    """Give a share of the counted members (at most ``limits[circle]``) the wellbeing
    consent and a check-in on each of ``days``; returns {(circle, member id): [check-ins]}
    of those who got them."""
    rng = random.Random(seed)
    made = {}
    for entry in config.active_circles():
        db = open_db(config, entry.id)
        ids = counted_ids(config, entry.id)
        chosen = [m for m in ids if rng.random() < share][: (limits or {}).get(entry.id)]
        for member_id in chosen:
            give_consent(db, member_id, "wellbeing", recorded_by="test", at=GIVEN)
            base = {d: rng.randint(3, 9) for d in DIMENSIONS}
            lonely = rng.choice((0.05, 0.2, 0.5))
            made[(entry.id, member_id)] = []
            for day in days:
                ratings = {d: min(10, max(0, v + rng.randint(-2, 2))) for d, v in base.items()}
                made[(entry.id, member_id)].append(
                    record_checkin(db, member_id, ratings=ratings, loneliness=answers(rng, lonely),
                                   note=NOTE, taken_on=day, today=TODAY, recorded_by="test")
                )  # fmt: skip
        db.close()
    return made


def published(config, table: str, release: str = "2026-H1") -> dict:
    conn = sqlite3.connect(stats_path(config.data_dir))
    try:
        rows = conn.execute(f"SELECT * FROM {table} WHERE release_id = ?", [release]).fetchall()
        withheld = {r[0] for r in conn.execute("SELECT tabel FROM afgeschermd WHERE release_id = ?",
                                               [release])}  # fmt: skip
    finally:
        conn.close()
    return {"cells": {tuple(r[1:-2]): r[-2] for r in rows}, "withheld": table in withheld}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    directory = tmp_path_factory.mktemp("outcomes") / "d"
    config, _names = make_deployment(directory, [20, 18, 22, 19], 31, consent=0.95)
    made = checkins(config, 32)
    build_release(config, "2025-H2", today=TODAY)
    summary = build_release(config, "2026-H1", today=TODAY)
    return config, made, summary


def band(value: int) -> str:
    return "0-4" if value <= 4 else "5-6" if value <= 6 else "7-8" if value <= 8 else "9-10"


def test_outcomes_are_published_as_protected_counts_of_bands_and_categories(outcomes):
    """Recomputed from the check-ins: every published count is the true count of people
    plus at most 3, never below k; a count of 1 to 9 is not published; no means."""
    config, made, summary = outcomes
    assert not set(OUTCOMES) & set(summary["withheld"])
    latest = {p: c[-1] for p, c in made.items()}
    truth = Counter()
    for checkin in latest.values():
        for d in DIMENSIONS:
            truth[(NL[f"wellbeing.dim.{d}"], band(checkin["ratings"][d]))] += 1
        category = score_loneliness(checkin["loneliness"])["category"]
        label = NL[f"wellbeing.category.{category}"] if category else "niet te bepalen"
        truth[(label,)] += 1
    truth[("totaal", "totaal")] = truth[("totaal",)] = len(latest)
    for table in ("welbevinden_verdeling", "eenzaamheid"):
        cells = published(config, table)["cells"]
        assert len(cells) == (25 if table == "welbevinden_verdeling" else 5)
        for dims, value in cells.items():
            true = truth[dims]
            if value is None:
                assert 0 < true < 10, (dims, true)
            else:
                assert (value == 0) == (true == 0) and abs(value - true) <= 3, (dims, true)
                assert value == 0 or value >= 10
    # The same people, the same record keys: both totals carry the same noise.
    assert (published(config, "welbevinden_verdeling")["cells"][("totaal", "totaal")]
            == published(config, "eenzaamheid")["cells"][("totaal",)])  # fmt: skip
    conn = sqlite3.connect(stats_path(config.data_dir))
    columns = {r[1] for t in OUTCOMES for r in conn.execute(f"PRAGMA table_info({t})")}
    conn.close()
    assert not {"gemiddelde", "mediaan", "notitie", "note"} & columns


def test_change_is_counted_for_the_same_people_between_their_check_ins(outcomes):
    config, made, _summary = outcomes
    cells = published(config, "welbevinden_verandering")["cells"]
    truth = Counter()
    for then, now in made.values():
        for d in DIMENSIONS:
            step = now["ratings"][d] - then["ratings"][d]
            way = "gelijk" if abs(step) <= 1 else "beter" if step > 0 else "slechter"
            truth[(NL[f"wellbeing.dim.{d}"], way)] += 1
        order = ["severe", "moderate", "not_lonely"]
        a, b = then["scores"]["category"], now["scores"]["category"]
        if a is None or b is None:
            truth[("Eenzaamheid", "niet te bepalen")] += 1
        else:
            step = order.index(b) - order.index(a)
            truth[
                ("Eenzaamheid", "gelijk" if not step else "beter" if step > 0 else "slechter")
            ] += 1
    truth[("totaal", "totaal")] = len(made)
    assert len(cells) == 6 * 3 + 4 + 1
    for dims, value in cells.items():
        true = truth[dims]
        if value is None:
            assert 0 < true < 10, (dims, true)
        else:
            assert (value == 0) == (true == 0) and abs(value - true) <= 3, (dims, true)


def gathered(config, period="2026-H1") -> tuple[dict, dict]:
    """Who the builder counts (person -> reading), straight from its gathering step."""
    from voorzorg.stats.builder import _empty, _gather
    from voorzorg.stats.periods import parse_period

    _rid, start, end = parse_period(period)
    data = _empty()
    for entry in config.active_circles():
        db = open_db(config, entry.id)
        try:
            _gather(db, entry.id, start, end, entry.timezone, data)
        finally:
            db.close()
    return data["wellbeing"], data["wellbeing_pairs"]


def test_only_members_with_both_consents_not_restricted_and_present_are_counted(tmp_path):
    config, _names = make_deployment(tmp_path / "d", [12, 12, 12], 41, consent=1.0)
    made = checkins(config, 42, share=1.0)
    ids = counted_ids(config, "c0")
    db = open_db(config, "c0")
    no_stats, no_wellbeing, restricted, control = ids[:4]
    withdraw_consent(db, no_stats, "stats", recorded_by="test")
    # Check-ins without an active wellbeing consent (as after a restore of an old file):
    # the builder itself refuses them, not only the withdrawal that deletes them.
    db.execute("UPDATE consents SET withdrawn_at = '2026-07-01T10:00:00+00:00' "
               "WHERE member_id = ? AND purpose = 'wellbeing'", [no_wellbeing])  # fmt: skip
    restrict_member(db, restricted)
    db.close()
    db = open_db(config, "c1")
    left = counted_ids(config, "c1")[0]
    leave_member(db, left, on=date(2025, 12, 20), today=TODAY)  # left before 2026-H1
    db.close()
    now, pairs = gathered(config)
    for member_id in (no_stats, no_wellbeing, restricted):
        assert ("c0", member_id) not in now and ("c0", member_id) not in pairs
    assert ("c1", left) not in now
    assert ("c0", control) in now and ("c0", control) in pairs  # the control: both consents
    assert set(now) == set(made) - {("c0", no_stats), ("c0", no_wellbeing),
                                    ("c0", restricted), ("c1", left)}  # fmt: skip


def test_change_needs_two_check_ins_of_one_person_months_apart(tmp_path):
    config, _names = make_deployment(tmp_path / "d", [12, 12, 12], 43, consent=1.0)
    ids = counted_ids(config, "c0")
    db = open_db(config, "c0")
    ratings = dict.fromkeys(DIMENSIONS, 5)
    lon = dict.fromkeys(ITEMS, "no")
    plan = {
        ids[0]: [date(2025, 12, 1), date(2026, 6, 1)],  # a pair over two half-years
        ids[1]: [date(2025, 12, 1)],  # only before: not in 2026-H1 at all
        ids[2]: [date(2026, 6, 1)],  # only now: nobody to compare with
        ids[3]: [date(2026, 1, 5), date(2026, 6, 10)],  # both in 2026-H1, 5 months apart
        ids[4]: [date(2026, 3, 1), date(2026, 6, 1)],  # 3 months apart: too close
        ids[5]: [date(2025, 12, 1), date(2026, 4, 1), date(2026, 6, 1)],  # vs December
    }
    for member_id, days in plan.items():
        give_consent(db, member_id, "wellbeing", recorded_by="test", at=GIVEN)
        for number, day in enumerate(days):
            record_checkin(db, member_id, ratings={**ratings, "body": 2 + 3 * number},
                           loneliness=lon, taken_on=day, today=TODAY,
                           interval_months=0)  # fmt: skip
    db.close()
    now, pairs = gathered(config)
    assert set(now) == {("c0", i) for i in (ids[0], ids[2], ids[3], ids[4], ids[5])}
    assert set(pairs) == {("c0", i) for i in (ids[0], ids[3], ids[5])}
    # ids[5]: the latest (body 8) against the one 5+ months earlier (December: body 2), not
    # against April (body 5), which is too close.
    assert pairs[("c0", ids[5])]["then"]["ratings"]["body"] == 2
    assert pairs[("c0", ids[5])]["now"]["ratings"]["body"] == 8
    from voorzorg.stats.builder import _outcome_tables

    data = {"wellbeing": now, "wellbeing_pairs": pairs}
    raw = {c.dims: c.raw for c in _outcome_tables(data, 1)["welbevinden_verandering"]}
    assert raw[("Lichaamsfuncties", "beter")] == 3  # +3 (2 to 5) and +6 (2 to 8)
    assert raw[("Mentaal welbevinden", "gelijk")] == 3 and raw[("totaal", "totaal")] == 3


@pytest.mark.parametrize(
    ("sizes", "per_circle", "shielded"),
    [
        ([40, 40], None, True),  # 80 people with check-ins in 2 circles
        ([20, 20, 20], [17, 16, 16], True),  # 3 circles, 49 people
        ([20, 20, 20], None, False),  # 3 circles, 60 people: published
    ],
)
def test_two_circles_or_49_people_shield_the_outcome_tables(tmp_path, sizes, per_circle, shielded):
    config, _names = make_deployment(tmp_path / "d", sizes, 44, consent=1.0)
    limits = dict(zip(("c0", "c1", "c2"), per_circle, strict=True)) if per_circle else None
    made = checkins(config, 45, share=1.0, limits=limits)
    assert len(made) == (49 if per_circle else sum(sizes))
    summary = build_release(config, "2026-H1", today=TODAY)
    for table in OUTCOMES:
        found = published(config, table)
        if shielded:
            assert found["withheld"] and set(found["cells"].values()) == {None}, table
        else:
            assert not found["withheld"] and found["cells"][next(iter(found["cells"]))] is not None
    if shielded:
        assert set(OUTCOMES) <= set(summary["withheld"])


def test_the_note_is_never_read(tmp_path, monkeypatch):
    """The builder's connections refuse any read of the note column (SQLite's
    authorizer): the release is still made, and the note is in none of its files."""
    from voorzorg.deploy import circles

    config, _names = make_deployment(tmp_path / "d", [20, 20, 20], 46, consent=1.0)
    checkins(config, 47, share=1.0)
    seen = []
    opened = circles.open_db

    def guard(action, table, column, _db, _trigger):
        if action == sqlite3.SQLITE_READ and table == "wellbeing_checkins":
            seen.append(column)
            if column == "note":
                return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    def open_guarded(*args, **kwargs):
        db = opened(*args, **kwargs)
        db.conn.set_authorizer(guard)
        return db

    monkeypatch.setattr(circles, "open_db", open_guarded)
    summary = build_release(config, "2026-H1", today=TODAY)
    assert not set(OUTCOMES) & set(summary["withheld"])
    assert {"body", "lon_emptiness", "taken_on"} <= set(seen) and "note" not in seen
    for path in (stats_path(config.data_dir), ledger_path(config.data_dir)):
        assert NOTE.encode() not in path.read_bytes()


def test_the_attacker_cannot_narrow_the_outcome_tables(outcomes):
    config, _made, _summary = outcomes
    path, ledger = stats_path(config.data_dir), ledger_path(config.data_dir)
    releases = read_published(path, ledger)
    assert set(OUTCOMES) <= set(releases[-1]["tables"])  # the attacker reads them too
    assert narrow_cells(path, ledger) == []
    conn = sqlite3.connect(path)
    try:
        assert audit(conn, config.data_dir) == []
    finally:
        conn.close()


def test_stats_show_names_the_outcome_tables(outcomes, cli, monkeypatch):
    config, _made, _summary = outcomes
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    shown = cli("stats", "show", "2026-H1")
    assert shown.code == 0, shown.err
    assert "Eenzaamheid (De Jong Gierveld, alle cirkels)" in shown.out
    assert "Welbevinden: verandering bij dezelfde mensen" in shown.out
    assert "Zingeving / 7-8:" in shown.out and "stats.table" not in shown.out
    english = cli("--lang", "en", "stats", "show", "2026-H1")
    assert "Loneliness (De Jong Gierveld, all circles)" in english.out


@pytest.mark.parametrize("missing", ["stats", "wellbeing", "nothing"])
def test_a_member_without_either_consent_changes_no_published_outcome(tmp_path, missing):
    """The same deployment with and without one more member who has check-ins but lacks
    the stats or the wellbeing consent: the outcome tables come out identical. (The
    control: with both consents, the same member does change them.)"""
    worlds = {}
    for world in ("without", "with"):
        config, _names = make_deployment(tmp_path / world, [20, 20, 20], 48, consent=1.0)
        checkins(config, 49, share=1.0)
        if world == "with":
            from voorzorg.domain.members import add_member

            db = open_db(config, "c1")
            consents = ["matching", "wellbeing"] + (["stats"] if missing != "stats" else [])
            extra = add_member(db, "Extra Persoon", today=date(2025, 11, 1),
                               joined=date(2025, 11, 1), consents=consents,
                               at=GIVEN)["id"]  # fmt: skip
            db.execute("INSERT INTO stats_record_keys (member_id, record_key) VALUES (?, ?)",
                       [extra, 123_456_789])  # fmt: skip
            for day in (BEFORE, AFTER):
                record_checkin(db, extra, ratings=dict.fromkeys(DIMENSIONS, 1),
                               loneliness=dict.fromkeys(ITEMS, "yes"), taken_on=day,
                               today=TODAY)  # fmt: skip
            if missing == "wellbeing":  # check-ins left behind (a restored old file)
                db.execute("UPDATE consents SET withdrawn_at = '2026-07-02T09:00:00+00:00' "
                           "WHERE member_id = ? AND purpose = 'wellbeing'", [extra])  # fmt: skip
            db.close()
        build_release(config, "2026-H1", today=TODAY)
        worlds[world] = {t: published(config, t) for t in OUTCOMES}
    assert (worlds["with"] == worlds["without"]) == (missing != "nothing")
    assert not any(found["withheld"] for found in worlds["with"].values())


def test_an_older_stats_db_is_served_with_the_outcome_tables(tmp_path):
    """After an upgrade, before the next release: the outcome dashboard's queries answer
    (empty) instead of failing on a missing table; the old releases stay as they were."""
    from tests.serving import PASSWORD, Server, voorzorg
    from voorzorg.web.dashboards import dashboards

    config, _names = make_deployment(tmp_path / "d", [12, 12, 12], 50)
    conn = sqlite3.connect(stats_path(config.data_dir))
    conn.executescript(
        """CREATE TABLE releases (release_id TEXT PRIMARY KEY, periode_begin TEXT NOT NULL,
             periode_eind TEXT NOT NULL, gemaakt TEXT NOT NULL, k INTEGER NOT NULL,
             cirkels INTEGER NOT NULL, gepoold INTEGER NOT NULL);
           INSERT INTO releases VALUES ('2025-H2', '2025-07-01', '2026-01-01',
             '2026-01-02T10:00:00+00:00', 10, 3, 1);"""
    )
    conn.close()
    made = voorzorg(config.path, "user", "add", "wim", "--welfare", "--password-stdin",
                    input=PASSWORD + "\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    server = Server(config.path, tmp_path / "serve.log")
    try:
        client = server.login("wim")
        for name, chart in dashboards("2025-H2")["uitkomsten"]["charts"].items():
            if "query" not in chart:
                continue
            answer = client.get("/stats.json", params={"sql": chart["query"],
                                                       "release": "2025-H2"})  # fmt: skip
            assert answer.status_code == 200, (name, answer.text[:300])
            assert answer.json()["rows"] == [], name
    finally:
        server.stop()
    conn = sqlite3.connect(stats_path(config.data_dir))
    assert conn.execute("SELECT release_id, k FROM releases").fetchall() == [("2025-H2", 10)]
    conn.close()


def test_everyone_in_one_band_withholds_that_table_and_the_zeros_beside_it(tmp_path):
    """Everyone rates meaning 8, twice: the zeros beside 7-8 would tell each person's
    rating, and everyone's "gelijk" their change; both tables are withheld whole, the
    loneliness table (not all in one category) is still published."""
    config, _names = make_deployment(tmp_path / "d", [20, 20, 20], 51, consent=1.0)
    checkins(config, 52, share=1.0)
    for entry in config.active_circles():
        conn = sqlite3.connect(config.data_dir / f"{entry.id}.db")
        with conn:
            conn.execute("UPDATE wellbeing_checkins SET meaning = 8")
        conn.close()
    summary = build_release(config, "2026-H1", today=TODAY)
    assert {"welbevinden_verdeling", "welbevinden_verandering"} <= set(summary["withheld"])
    assert set(published(config, "welbevinden_verdeling")["cells"].values()) == {None}
    assert not published(config, "eenzaamheid")["withheld"]
    path, ledger = stats_path(config.data_dir), ledger_path(config.data_dir)
    assert narrow_cells(path, ledger) == []
