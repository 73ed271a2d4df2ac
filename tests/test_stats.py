"""Statistics releases under SDC-1 (Cell Key Method), tested like an attacker would.

The attacker (tests/attacker.py) reads only what was published and solves integer
programs over all tables and releases; no protected cell may come out narrower than 3.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.attacker import narrow_cells
from voorzorg.categories import CATEGORIES
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.circles import add_circle, open_db
from voorzorg.deploy.deployment import init_deployment
from voorzorg.domain.members import add_member
from voorzorg.domain.requests import add_request, answer, ask, mark_done
from voorzorg.errors import VoorzorgError
from voorzorg.locale.nl import MESSAGES as NL
from voorzorg.stats.audit import audit
from voorzorg.stats.builder import build_release
from voorzorg.stats.ledger import ledger_path
from voorzorg.stats.store import TABLES, stats_path

TODAY = date(2026, 11, 27)
ALLOWED = {
    "releases": {"release_id", "periode_begin", "periode_eind", "gemaakt", "k", "cirkels",
                 "gepoold", "methode", "ruis", "versie", "k_reden", "vervangingsreden"},
    "afgeschermd": {"release_id", "tabel"},
    **{t: {"release_id", *dims, value, "niet_publiceerbaar"} for t, (dims, value) in
       TABLES.items()},
}  # fmt: skip


def make_deployment(
    directory: Path, circles: list[int], seed: int, *, extra=None, consent=0.9, years=None
):
    """Circles of the given sizes with consents, birth years and half a year of requests."""
    rng = random.Random(seed)
    init_deployment(directory)
    config = config_mod.load(directory / "config.toml")
    names = []
    for number, size in enumerate(circles):
        config, _ = add_circle(config, f"c{number}", f"Cirkel {number}")
        db = open_db(config, f"c{number}")
        ids = []
        with db.atomic():
            for index in range(size):
                member = add_member(
                    db, f"Persoon {number}-{index}", today=date(2026, 1, 1),
                    joined=date(2025, 12, 1), birth_year=rng.randint(*(years or (1935, 1975))),
                    offers=[rng.choice(CATEGORIES)], needs=[rng.choice(CATEGORIES)],
                    consents=["matching", "stats"] if rng.random() < consent else ["matching"],
                )  # fmt: skip
                ids.append(member["id"])
                names.append(f"Persoon {number}-{index}")
                # Record keys from the seed, not from secrets: a case then perturbs the
                # same way on every run (a random key makes a case's outcome vary).
                db.execute(
                    "INSERT INTO stats_record_keys (member_id, record_key) VALUES (?, ?)",
                    [member["id"], rng.randrange(2**32)],
                )
            now = datetime(2026, 1, 5, 9, tzinfo=UTC)
            for _ in range(rng.randint(size, 3 * size)):
                now += timedelta(hours=rng.randint(10, 40))
                for_id, helper = rng.sample(ids, 2)
                request = add_request(db, for_id=for_id, category=rng.choice(CATEGORIES), now=now)
                ask(db, request["id"], helper, now=now)
                if rng.random() < 0.8:
                    answer(db, request["id"], helper, True, now=now + timedelta(days=1))
                    mark_done(db, request["id"], now=now + timedelta(days=2))
            if extra and number == 0:
                extra(db)
        db.close()
    return config, names


def rows(path: Path, table: str, release: str = "2026-H1"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} WHERE release_id = ?", [release]).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    directory = tmp_path_factory.mktemp("stats") / "d"
    config, names = make_deployment(directory, [14, 12, 15, 11, 13], seed=7)
    summary = build_release(config, "2026-H1", today=TODAY)
    return config, names, summary


def test_release_refuses_unfinished_existing_and_small_k(released):
    config, _names, summary = released
    assert summary["pooled"] and summary["published"] > 10
    with pytest.raises(VoorzorgError) as existing:
        build_release(config, "2026-H1", today=TODAY)
    assert existing.value.key == "stats.release_exists"
    with pytest.raises(VoorzorgError) as unfinished:
        build_release(config, "2026-H2", today=TODAY)
    assert unfinished.value.key == "stats.period_not_ended"
    with pytest.raises(VoorzorgError):
        build_release(config, "2025-H2", k=4, today=TODAY)


def test_stats_db_holds_only_release_tables_and_no_names(released):
    config, names, _summary = released
    path = stats_path(config.data_dir)
    conn = sqlite3.connect(path)
    found = {
        t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    conn.close()
    assert found == ALLOWED
    blob = path.read_bytes() + (
        Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b""
    )
    for name in names:
        assert name.encode() not in blob


def test_every_published_cell_keeps_the_rules(released):
    config, _names, _summary = released
    path = stats_path(config.data_dir)
    for _rid, _circle, value, flag in rows(path, "leden_per_cirkel"):
        assert flag == 1 or value == 0 or value >= 10
    for table in ("leeftijd", "hulpvragen_per_soort", "instroom_uitstroom"):
        for row in rows(path, table):
            value, flag = row[-2], row[-1]
            assert (value is None) == (flag == 1)
            assert value is None or value == 0 or value >= 10
    conn = sqlite3.connect(path)
    assert audit(conn, config.data_dir) == []
    conn.close()


def test_the_attacker_cannot_pin_down_a_protected_cell(released):
    config, _names, _summary = released
    assert narrow_cells(stats_path(config.data_dir), ledger_path(config.data_dir)) == []


def test_sensitive_topics_need_a_pool(tmp_path):
    config, _names = make_deployment(tmp_path / "d", [14, 12], seed=3)
    summary = build_release(config, "2026-H1", today=TODAY)
    assert not summary["pooled"]
    path = stats_path(config.data_dir)
    for table in ("hulpvragen_per_soort", "hulp_met_helper", "doorverwijzingen", "wederkerig"):
        assert all(r[-1] == 1 for r in rows(path, table)), table


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(8, 30), min_size=1, max_size=6),
    seed=st.integers(0, 10_000),
    k=st.sampled_from([5, 10, 12]),
)
def test_generated_deployments_never_disclose(sizes, seed, k):
    with tempfile.TemporaryDirectory() as tmp:
        config, _names = make_deployment(Path(tmp) / "d", sizes, seed)
        summary = build_release(config, "2026-H1", k=k, today=TODAY, allow_small_k=k < 10,
                                k_reason="proef" if k < 10 else None)  # fmt: skip
        path = stats_path(config.data_dir)
        conn = sqlite3.connect(path)
        assert audit(conn, config.data_dir) == []
        conn.close()
        assert narrow_cells(path, ledger_path(config.data_dir)) == []
        for table in ("leeftijd", "hulpvragen_per_soort", "instroom_uitstroom"):
            for row in rows(path, table):
                assert row[-2] is None or row[-2] == 0 or row[-2] >= k
        if len(sizes) < 3 or sum(sizes) < 50:
            assert not summary["pooled"]
        check_against_raw_data(config, path, k, pooled=summary["pooled"])


def check_against_raw_data(config, path: Path, k: int, *, pooled: bool) -> None:
    """Recompute published cells from the circle databases and check every rule."""
    from collections import Counter

    from voorzorg.stats.builder import _age_band

    bands, requests = Counter(), {}
    for number in range(len(config.circles)):
        conn = sqlite3.connect(config.data_dir / f"c{number}.db")
        counted = {
            r[0]: r[1]
            for r in conn.execute(
                """SELECT m.id, m.birth_year FROM members m WHERE m.restricted_at IS NULL
                   AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                   AND c.purpose = 'stats' AND c.withdrawn_at IS NULL)"""
            )
        }
        for year in counted.values():
            bands[_age_band(year, date(2026, 7, 1))] += 1
        for for_id, category in conn.execute(
            "SELECT for_id, category FROM requests WHERE created_at < '2026-07-01'"
        ):
            if for_id in counted:
                requests.setdefault(category, []).append((number, for_id))
        conn.close()
    withheld = {r[0] for r in sqlite3.connect(path).execute("SELECT tabel FROM afgeschermd")}
    for band, value, flag in [r[1:] for r in rows(path, "leeftijd")]:
        true = bands.get(band, 0) if band != "totaal" else sum(bands.values())
        if flag == 0:  # a true zero stays zero; others move by at most 3, never below k
            assert (value == 0) == (true == 0) and abs(value - true) <= 3
            assert value == 0 or (value >= k and true >= k)
        elif pooled and "leeftijd" not in withheld:
            assert 0 < true < k  # zeros are always shown, never hidden
        else:
            assert value is None  # no pool, or one band holds everyone: withheld
    labels = {NL[f"category.{c}"]: c for c in CATEGORIES}
    for label, value, flag in [r[1:] for r in rows(path, "hulpvragen_per_soort")]:
        if label == "totaal" or flag == 1:
            continue
        events = requests.get(labels[label], [])
        assert abs(value - len(events)) <= 3 and (value == 0) == (not events)
        if events:
            per_person = Counter(events)
            assert len(per_person) >= k and max(per_person.values()) * 2 <= len(events)


def test_a_newcomers_need_stays_hidden(tmp_path):
    """Releases over D and over D plus one member with a need differ in no way that
    tells which need it is: every need gives the same release."""
    results = {}
    for need in [None, *CATEGORIES[:4]]:

        def newcomer(db, need=need):
            if need:
                add_member(db, "Nieuwkomer", today=date(2026, 3, 1), joined=date(2026, 2, 1),
                           needs=[need], consents=["matching", "stats"])  # fmt: skip

        directory = tmp_path / (need or "none")
        config, _names = make_deployment(directory, [14, 12, 15, 11], seed=11, extra=newcomer)
        fixed_record_keys(config)  # the same persons carry the same keys in every world
        build_release(config, "2026-H1", today=TODAY)
        path = stats_path(config.data_dir)
        results[need] = {t: rows(path, t) for t in TABLES}
    with_need = [results[n] for n in CATEGORIES[:4]]
    assert all(r == with_need[0] for r in with_need)  # at least 2 (here 4) needs fit


def test_stats_commands(released, cli, monkeypatch):
    config, _names, _summary = released
    monkeypatch.setenv("VOORZORG_CONFIG", str(config.path))
    listed = cli("stats", "list", "--json")
    assert [r["release"] for r in listed.json] == ["2026-H1"]
    shown = cli("stats", "show", "2026-h1")
    assert shown.code == 0 and "niet publiceerbaar" in shown.out
    assert "Hulpvragen per soort hulp" in shown.out
    as_json = cli("stats", "show", "2026-H1", "--json").json
    hidden = [c for c in as_json["tables"]["leeftijd"] if not c["published"]]
    assert all(c["value"] is None for c in hidden)
    assert cli("stats", "check").out.startswith("Geen bevindingen")
    ledger = cli("stats", "ledger", "--json").json
    assert [(e["release"], e["action"]) for e in ledger] == [("2026-H1", "published")]
    assert cli("stats", "show", "2024-H1").code == 1
    assert "nog niet voorbij" in cli("stats", "release", "--period", "2099-H1").err
    assert "2026H3" in cli("stats", "release", "--period", "2026H3").err


def test_check_reports_a_tampered_release(released, cli, monkeypatch, tmp_path):
    import shutil

    config, _names, _summary = released
    copy = tmp_path / "copy"
    shutil.copytree(config.path.parent, copy)
    monkeypatch.setenv("VOORZORG_CONFIG", str(copy / "config.toml"))
    conn = sqlite3.connect(copy / "data" / "stats.db")
    with conn:
        conn.execute(
            "UPDATE leeftijd SET leden = 3, niet_publiceerbaar = 0 WHERE rowid = "
            "(SELECT min(rowid) FROM leeftijd WHERE niet_publiceerbaar = 1)"
        )
    conn.close()
    result = cli("stats", "check")
    assert result.code == 1 and "onder k gepubliceerd" in result.out


def test_one_circle_publishes_no_pooled_figures(tmp_path):
    """A single circle: age bands or inflow would be that circle's own figures."""
    config, _names = make_deployment(tmp_path / "d", [27], seed=5)
    build_release(config, "2026-H1", today=TODAY)
    path = stats_path(config.data_dir)
    for table in ("leeftijd", "instroom_uitstroom", "hulpvragen_per_soort"):
        assert all(r[-1] == 1 for r in rows(path, table)), table
    [(value, flag)] = [r[-2:] for r in rows(path, "leden_per_cirkel")]
    assert flag == 0 and 20 <= value <= 30  # perturbed by at most 3, not rounded


def fixed_record_keys(config) -> None:
    """Give every member a record key derived from their id (instead of a random one), so
    that two otherwise identical deployments perturb alike."""
    for entry in config.active_circles():
        conn = sqlite3.connect(config.data_dir / f"{entry.id}.db")
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO stats_record_keys SELECT id, (id * 2654435761) %"
                " 4294967296 FROM members"
            )
        conn.close()


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(0, 400),
    key=st.integers(0, 2**32 - 1),
    k=st.sampled_from([5, 10, 12, 20]),
)
def test_the_perturbation_never_leaves_a_published_count_narrower_than_3(n, key, k):
    """A published count p means a true value in [max(k, p - 3), p + 3]: never below the
    floor, never more than 3 off, and that interval is at least 3 wide on its own."""
    from voorzorg.stats.rules import NOISE_MAX, noise_support, perturbed

    cell = perturbed(("x",), n, key, k)
    if n == 0:
        assert cell.value == 0 and not cell.suppressed
    elif n < k:
        assert cell.value is None and cell.suppressed
    else:
        p = cell.value
        assert p >= k and abs(p - n) <= NOISE_MAX
        readings = [x for x in range(k, p + NOISE_MAX + 2) if p - x in noise_support(x, k)]
        assert readings == list(range(max(k, p - NOISE_MAX), p + NOISE_MAX + 1))
        assert readings[-1] - readings[0] >= 3


@settings(max_examples=100, deadline=None)
@given(
    keys=st.dictionaries(st.integers(1, 10_000), st.integers(0, 2**32 - 1), min_size=10),
    k=st.sampled_from([5, 10]),
)
def test_the_same_persons_get_the_same_noise_in_every_table(keys, k):
    """The cell key depends on who is in a cell, not on the table, the order or the
    release; and the noise is unbiased away from the floor."""
    from voorzorg.stats.rules import count_cell, noise_support

    forward = count_cell(("a",), keys, k)
    backward = count_cell(("b",), dict(reversed(list(keys.items()))), k)
    assert forward.value == backward.value
    assert sum(noise_support(k + 3, k)) == 0  # symmetric: zero mean, each equally likely


def test_record_keys_are_made_once_and_leave_with_the_member(tmp_path):
    config, _names = make_deployment(tmp_path / "d", [14, 12, 15], seed=4, consent=1.0)
    db = open_db(config, "c0")
    lone = add_member(db, "Zonder hulpvragen", today=date(2026, 1, 1), joined=date(2025, 12, 1),
                      consents=["stats"])["id"]  # fmt: skip
    db.close()
    build_release(config, "2025-H2", today=TODAY)
    conn = sqlite3.connect(config.data_dir / "c0.db")
    first = dict(conn.execute("SELECT member_id, record_key FROM stats_record_keys"))
    conn.close()
    assert lone in first and len(first) == 15
    build_release(config, "2026-H1", today=TODAY)
    db = open_db(config, "c0")
    again = dict(db.execute("SELECT member_id, record_key FROM stats_record_keys").fetchall())
    assert again == first  # fixed for good: the same persons, the same noise
    with db.atomic():
        db.execute("DELETE FROM consents WHERE member_id = ?", [lone])
        db.execute("DELETE FROM members WHERE id = ?", [lone])
    left = db.execute("SELECT 1 FROM stats_record_keys WHERE member_id = ?", [lone]).fetchall()
    db.close()
    assert left == []  # erased with the member
