"""Adversarial deployments across two releases, the ledger, and the auditor's refusals.

Each case builds 2025-H2, changes the deployment the way the attack needs (a circle
archived, one leaver, a consent withdrawn, ...), builds 2026-H1, and then lets the
independent attacker (tests/attacker.py) read stats.db and the ledger.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.attacker import attack, narrow_cells, read_published
from tests.test_stats import TODAY, make_deployment
from voorzorg.deploy.circles import archive_circle, open_db
from voorzorg.domain.departures import leave_member, withdraw_consent
from voorzorg.domain.members import add_member
from voorzorg.domain.requests import add_request
from voorzorg.errors import VoorzorgError
from voorzorg.stats.audit import audit
from voorzorg.stats.builder import build_release
from voorzorg.stats.ledger import ledger_path, read
from voorzorg.stats.store import stats_path


def member_ids(config, circle: str, *, counted=True) -> list[int]:
    db = open_db(config, circle)
    try:
        sql = "SELECT id FROM members WHERE left_on IS NULL"
        if counted:
            sql += """ AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = members.id
                       AND c.purpose = 'stats' AND c.withdrawn_at IS NULL)"""
        return [r[0] for r in db.execute(sql + " ORDER BY id").fetchall()]
    finally:
        db.close()


def archive(config):
    config, _info = archive_circle(config, "c1")
    return config


def leave(config, circle="c0"):
    db = open_db(config, circle)
    leave_member(db, member_ids(config, circle)[0], on=date(2026, 3, 1), today=TODAY)
    db.close()
    return config


def withdraw(config, circle="c0"):
    db = open_db(config, circle)
    withdraw_consent(db, member_ids(config, circle)[-1], "stats", recorded_by="test")
    db.close()
    return config


def join(config, circle="c2"):
    db = open_db(config, circle)
    add_member(db, "Nieuwkomer", today=TODAY, joined=date(2026, 2, 1), birth_year=1950,
               consents=["matching", "stats"])  # fmt: skip
    db.close()
    return config


def withdraw_wellbeing(config, circle="c1"):
    """A member with check-ins withdraws the wellbeing consent (their check-ins go)."""
    db = open_db(config, circle)
    [member] = db.execute(
        """SELECT min(member_id) FROM consents WHERE purpose = 'wellbeing'
           AND withdrawn_at IS NULL"""
    ).fetchone()
    if member is not None:
        withdraw_consent(db, member, "wellbeing", recorded_by="test")
    db.close()
    return config


CHANGES = {"archive": archive, "leave": leave, "withdraw": withdraw, "join": join,
           "withdraw_wellbeing": withdraw_wellbeing}  # fmt: skip


def dominate(db):
    """One person asks for help with pets 40 times: more than half of that category."""
    person = db.execute("SELECT min(id) FROM members").fetchone()[0]
    now = datetime(2026, 2, 1, 9, tzinfo=UTC)
    for hour in range(40):
        add_request(db, for_id=person, category="pets", now=now + timedelta(hours=hour))


def two_releases(directory: Path, sizes, seed, changes=(), wellbeing=False, **options):
    config, _names = make_deployment(directory, sizes, seed, **options)
    if wellbeing:  # check-ins in both half-years: the outcome tables in both releases
        from tests.test_stats_outcomes import checkins

        checkins(config, seed + 1)
    build_release(config, "2025-H2", today=TODAY)
    for change in changes:
        config = CHANGES[change](config)
    summary = build_release(config, "2026-H1", today=TODAY)
    return config, summary


def assert_nothing_narrow(config) -> None:
    path = stats_path(config.data_dir)
    assert narrow_cells(path, ledger_path(config.data_dir)) == []
    conn = sqlite3.connect(path)
    try:
        assert audit(conn, config.data_dir) == []
    finally:
        conn.close()


def published(config, table: str, release="2026-H1") -> dict:
    conn = sqlite3.connect(stats_path(config.data_dir))
    try:
        found = conn.execute(f"SELECT * FROM {table} WHERE release_id = ?", [release]).fetchall()
    finally:
        conn.close()
    return {tuple(r[1:-2]): r[-2] for r in found}


FIXED = {
    "circle archived between releases": dict(sizes=[14, 12, 15, 11], changes=["archive"]),
    "a single leaver": dict(sizes=[14, 12, 15, 11], changes=["leave"]),
    "everyone in one age band": dict(sizes=[14, 12, 15, 11], years=(1950, 1955)),
    "one person dominating a category": dict(sizes=[14, 12, 15, 11], extra=dominate),
    "consent withdrawn between releases": dict(sizes=[14, 12, 15, 11], changes=["withdraw"]),
    "circles of exactly k": dict(sizes=[10, 10, 10, 10, 10], consent=1.0, changes=["withdraw"]),
    "wellbeing outcomes, consents withdrawn": dict(
        sizes=[20, 18, 22, 19], wellbeing=True, changes=["withdraw", "withdraw_wellbeing"]
    ),
    "wellbeing outcomes, a circle archived": dict(
        sizes=[20, 18, 22, 19], wellbeing=True, consent=1.0, changes=["archive", "leave"]
    ),
}


@pytest.mark.parametrize("case", list(FIXED))
def test_fixed_adversarial_case_leaves_every_protected_cell_3_wide(tmp_path, case):
    options = dict(FIXED[case])
    sizes, changes = options.pop("sizes"), options.pop("changes", ())
    config, summary = two_releases(tmp_path / "d", sizes, 5, changes, **options)
    assert_nothing_narrow(config)
    releases = read_published(stats_path(config.data_dir), ledger_path(config.data_dir))
    assert [r["period"] for r in releases] == ["2025-H2", "2026-H1"]
    if case == "everyone in one age band":
        assert "leeftijd" in summary["withheld"]
        assert set(published(config, "leeftijd").values()) == {None}  # no telling zeros
    if case == "one person dominating a category":
        assert published(config, "hulpvragen_per_soort")[("huisdier",)] is None
        assert published(config, "hulp_met_helper")[("huisdier",)] is None
    if case == "circle archived between releases":
        assert ("Cirkel 1",) not in published(config, "leden_per_cirkel")
    if case.startswith("wellbeing outcomes"):
        from voorzorg.stats.builder import OUTCOMES

        # Attacked with the rest, and (here) published, not merely shielded.
        assert {t for r in releases for t in r["tables"]} >= set(OUTCOMES)
        spread = published(config, "welbevinden_verdeling")
        assert spread[("totaal", "totaal")] is not None and "eenzaamheid" not in summary["withheld"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(8, 15), min_size=3, max_size=5),
    seed=st.integers(0, 10_000),
    changes=st.lists(st.sampled_from(sorted(CHANGES)), max_size=3, unique=True),
    one_band=st.booleans(),
    dominating=st.booleans(),
)
def test_generated_adversarial_deployments_leave_no_cell_narrower_than_3(
    sizes, seed, changes, one_band, dominating
):
    with tempfile.TemporaryDirectory() as tmp:
        options = {"years": (1950, 1955)} if one_band else {}
        if dominating:
            options["extra"] = dominate
        config, _summary = two_releases(Path(tmp) / "d", sizes, seed, changes, **options)
        assert_nothing_narrow(config)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(12, 22), min_size=3, max_size=5),
    seed=st.integers(0, 10_000),
    changes=st.lists(st.sampled_from(sorted(CHANGES)), max_size=3, unique=True),
)
def test_generated_deployments_with_check_ins_leave_no_cell_narrower_than_3(sizes, seed, changes):
    """Every draw is deterministic in its seed: the record keys, members and check-ins."""
    with tempfile.TemporaryDirectory() as tmp:
        config, _summary = two_releases(Path(tmp) / "d", sizes, seed, changes, wellbeing=True)
        assert_nothing_narrow(config)


def test_the_auditor_refuses_a_release_that_pins_a_circle_of_exactly_k(tmp_path):
    """A circle of exactly 10 loses one consent: with no joiners and no leavers published,
    the link between the releases would give its earlier size exactly."""
    config, _names = make_deployment(tmp_path / "d", [10, 14, 15, 13], 3, consent=1.0)
    build_release(config, "2025-H2", today=TODAY)
    withdraw(config)
    with pytest.raises(VoorzorgError) as refused:
        build_release(config, "2026-H1", today=TODAY, protect=False)
    assert refused.value.key == "stats.audit_failed"
    assert "leden_per_cirkel" in str(refused.value) and "Cirkel 0" in str(refused.value)
    assert [e["content"]["period"] for e in read(config.data_dir)] == ["2025-H2"]
    summary = build_release(config, "2026-H1", today=TODAY)  # protected: withheld instead
    assert "leden_per_cirkel" in summary["withheld"]
    assert_nothing_narrow(config)


def test_small_k_is_a_recorded_override_and_below_5_is_refused(tmp_path, cli, monkeypatch):
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 2)
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    refused = cli("stats", "release", "--period", "2026-H1", "--k", "5")
    assert refused.code == 1 and "--allow-small-k" in refused.err
    assert "Traceback" not in refused.err
    with pytest.raises(VoorzorgError) as too_small:
        build_release(config, "2026-H1", k=4, today=TODAY, allow_small_k=True, k_reason="x")
    assert too_small.value.key == "stats.k_too_small"
    made = cli("stats", "release", "--period", "2026-H1", "--k", "5", "--allow-small-k",
               "--k-reason", "proef met de gemeente", "--by", "ans")  # fmt: skip
    assert made.code == 0, made.err
    conn = sqlite3.connect(stats_path(config.data_dir))
    assert conn.execute("SELECT k, k_reden FROM releases").fetchone() == (
        5,
        "proef met de gemeente",
    )
    conn.close()
    [entry] = read(config.data_dir)
    assert entry["by"] == "ans" and entry["content"]["k_reason"] == "proef met de gemeente"
    assert cli("stats", "check").code == 0
    # The dashboard's release table shows the exception (its query, run on stats.db).
    from voorzorg.web.dashboards import dashboards

    query = dashboards()["welzijn"]["charts"]["publicaties"]["query"]
    conn = sqlite3.connect(stats_path(config.data_dir))
    [row] = conn.execute(query).fetchall()
    conn.close()
    assert "uitzondering: k = 5 (proef met de gemeente)" in row


def test_a_published_period_is_only_replaced_by_an_explicit_supersede(tmp_path, cli, monkeypatch):
    # Pooled, nobody new in 2026-H1: a late joiner turns a published 0 into a hidden 1.
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 4, consent=1.0)
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    assert cli("stats", "release", "--period", "2026-H1").code == 0
    join(config)  # the data changes afterwards (a late registration)
    changed = cli("stats", "release", "--period", "2026-H1")
    assert changed.code == 1 and "--supersede" in changed.err
    no_reason = cli("stats", "release", "--period", "2026-H1", "--supersede")
    assert no_reason.code == 1 and "--reason" in no_reason.err
    done = cli("stats", "release", "--period", "2026-H1", "--supersede", "--reason",
               "late aanmelding verwerkt", "--json")  # fmt: skip
    assert done.code == 0, done.err
    assert done.json["version"] == 2 and done.json["action"] == "superseded"
    entries = read(config.data_dir)
    assert [(e["action"], e["content"]["version"]) for e in entries] == [
        ("published", 1),
        ("superseded", 2),
    ]
    assert entries[0]["hash"] != entries[1]["hash"]
    # Both versions are known to the attacker and to the auditor.
    known = read_published(stats_path(config.data_dir), ledger_path(config.data_dir))
    assert [(r["period"], r["version"]) for r in known] == [("2026-H1", 1), ("2026-H1", 2)]
    assert [f for f in attack(known) if f["max"] - f["min"] < 3] == []
    assert cli("stats", "check").code == 0
    assert cli("stats", "list", "--json").json[0]["version"] == 2


def test_deleting_stats_db_does_not_rewrite_history(tmp_path):
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 6, consent=1.0)
    build_release(config, "2026-H1", today=TODAY)
    path = stats_path(config.data_dir)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    restored = build_release(config, "2026-H1", today=TODAY)  # same data: same figures back
    assert restored["action"] == "restored"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    join(config)
    with pytest.raises(VoorzorgError) as refused:
        build_release(config, "2026-H1", today=TODAY)
    assert refused.value.key == "stats.release_differs"


def test_releases_from_before_the_cell_key_method_are_kept_and_counted(tmp_path, cli, monkeypatch):
    """Migration: a stats.db made by the old builder (suppression, rounding to 5) keeps its
    releases; the ledger takes them in as published and the auditor counts them."""
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 8)
    conn = sqlite3.connect(stats_path(config.data_dir))
    conn.executescript(
        """CREATE TABLE releases (release_id TEXT PRIMARY KEY, periode_begin TEXT NOT NULL,
             periode_eind TEXT NOT NULL, gemaakt TEXT NOT NULL, k INTEGER NOT NULL,
             cirkels INTEGER NOT NULL, gepoold INTEGER NOT NULL);
           CREATE TABLE leden_per_cirkel (release_id TEXT NOT NULL, cirkel TEXT NOT NULL,
             leden REAL, niet_publiceerbaar INTEGER NOT NULL);
           INSERT INTO releases VALUES ('2025-H2', '2025-07-01', '2026-01-01',
             '2026-01-02T10:00:00+00:00', 10, 4, 1);
           INSERT INTO leden_per_cirkel VALUES ('2025-H2', 'Cirkel 0', 15, 0),
             ('2025-H2', 'Cirkel 1', 10, 0), ('2025-H2', 'Cirkel 2', 15, 0),
             ('2025-H2', 'Cirkel 3', 10, 0);"""
    )
    conn.close()
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    assert cli("stats", "release", "--period", "2026-H1").code == 0
    entries = read(config.data_dir)
    assert [(e["action"], e["content"]["method"]) for e in entries] == [
        ("imported", "onderdrukking"),
        ("published", "celsleutel"),
    ]
    listed = cli("stats", "list", "--json").json
    assert [(r["release"], r["method"]) for r in listed] == [
        ("2025-H2", "onderdrukking"),
        ("2026-H1", "celsleutel"),
    ]
    known = read_published(stats_path(config.data_dir), ledger_path(config.data_dir))
    found = attack(known)
    assert {f["release"] for f in found} == {"2025-H2", "2026-H1"}  # the old one counts
    # Its rounding may be undone (that is why the method changed); the new release must
    # neither be narrow itself nor narrow the old cells further than they already were.
    assert all(f["max"] - f["min"] >= 3 for f in found if f["release"] == "2026-H1")
    alone = {(f["table"], *f["cell"]): f for f in attack(known[:1])}
    for f in found:
        if f["release"] == "2025-H2":
            before = alone[(f["table"], *f["cell"])]
            assert f["max"] - f["min"] >= min(3, before["max"] - before["min"])


def test_check_names_a_cell_that_can_be_narrowed(tmp_path, cli, monkeypatch):
    """A stats.db whose releases claim no noise (and indeed have none): every published
    count is exact, and `stats check` names them (translated), exit code 1."""
    from voorzorg.stats import rules

    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 9)
    monkeypatch.setattr(rules, "noise", lambda *args, **kwargs: 0)
    build_release(config, "2026-H1", today=TODAY, protect=False)
    ledger_path(config.data_dir).unlink()
    conn = sqlite3.connect(stats_path(config.data_dir))
    with conn:
        conn.execute("UPDATE releases SET ruis = 0")
    conn.close()
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    result = cli("stats", "check")
    assert result.code == 1 and "te nauw te bepalen" in result.out
    assert "leden_per_cirkel" in result.out


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        ("UPDATE releases SET k = 6", "k te klein zonder vastgelegde uitzondering"),
        (
            "UPDATE leeftijd SET leden = 900 WHERE leeftijdsgroep = 'totaal'",
            "de gepubliceerde cijfers passen niet bij elkaar",
        ),
        (
            "UPDATE instroom_uitstroom SET leden = 4, niet_publiceerbaar = 0 WHERE soort = 'nieuw'",
            "onder k gepubliceerd",
        ),
    ],
)
def test_check_refuses_what_breaks_the_rules(tmp_path, cli, monkeypatch, tamper, problem):
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 12, consent=1.0)
    build_release(config, "2026-H1", today=TODAY)
    ledger_path(config.data_dir).unlink()  # judge stats.db alone, as tampered
    conn = sqlite3.connect(stats_path(config.data_dir))
    with conn:
        conn.execute(tamper)
    conn.close()
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    result = cli("stats", "check")
    assert result.code == 1 and problem in result.out, result.out


def test_superseding_needs_something_published(tmp_path):
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15, 11], 13)
    with pytest.raises(VoorzorgError) as refused:
        build_release(config, "2026-H1", today=TODAY, supersede=True, reason="x")
    assert refused.value.key == "stats.nothing_to_supersede"
    assert not ledger_path(config.data_dir).exists()


def test_members_ageing_into_the_next_band_between_releases(tmp_path):
    """From a first to a second half-year everyone is a year older: members born 1945-1947
    move from 70-79 to 80-89 between 2026-H1 and 2026-H2, while one of them leaves."""
    later = date(2027, 1, 15)
    config, _names = make_deployment(
        tmp_path / "d", [14, 12, 15, 11], 21, years=(1945, 1947), consent=1.0
    )
    build_release(config, "2026-H1", today=later)
    db = open_db(config, "c0")
    leave_member(db, member_ids(config, "c0")[0], on=date(2026, 9, 1), today=later)
    db.close()
    build_release(config, "2026-H2", today=later)
    assert_nothing_narrow(config)
    releases = read_published(stats_path(config.data_dir), ledger_path(config.data_dir))
    assert [r["period"] for r in releases] == ["2026-H1", "2026-H2"]
    before, after = published(config, "leeftijd", "2026-H1"), published(config, "leeftijd",
                                                                          "2026-H2")  # fmt: skip
    if None not in (before[("80-89",)], after[("80-89",)]):  # unless the auditor withheld
        assert after[("80-89",)] > before[("80-89",)]  # a third of them moved up a band


def test_every_kind_of_finding_reads_as_a_sentence():
    """A finding without a cell or interval is not printed as "'—': ? tot ?"."""
    from voorzorg.stats.audit import describe

    everything = {"release": "*", "version": 0, "table": "*", "cell": [], "problem": "inconsistent"}
    assert (
        describe(everything)
        == "alle publicaties samen: de gepubliceerde cijfers passen niet bij elkaar"
    )
    k = {
        "release": "2026-H1",
        "version": 1,
        "table": "releases",
        "cell": [],
        "problem": "k_too_small",
    }
    assert describe(k) == "2026-H1 (versie 1): k te klein zonder vastgelegde uitzondering"
    flag = {"release": "2026-H1", "version": 2, "table": "leden_per_cirkel", "cell": ["Cirkel 0"],
            "problem": "flag_mismatch"}  # fmt: skip
    assert describe(flag) == (
        "2026-H1 (versie 2) leden_per_cirkel 'Cirkel 0': waarde en markering spreken elkaar tegen"
    )
    narrow = {**flag, "problem": "range_too_narrow", "min": 10, "max": 11}
    assert (
        describe(narrow)
        == "2026-H1 (versie 2) leden_per_cirkel 'Cirkel 0': 10 tot 11, te nauw te bepalen"
    )
    for finding in (everything, k, flag, narrow):
        assert "?" not in describe(finding) and "—" not in describe(finding)
