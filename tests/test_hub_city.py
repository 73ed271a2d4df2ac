"""Twenty community centres publish to a real S3 server; a hub collects, pools and serves.

Each centre is a real deployment (3-6 circles of 8-15 members, two half-years released
and audited at home). The hub's stats.db must hold exactly what each centre published,
city figures per circle that add up to the centres', pooled figures decided by the same
rules as one deployment's, and nothing the auditor or the independent attacker can
narrow below 3 when everything (every centre, every version, every city version, and
the sums tying them) is put together.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests import test_browser
from tests.attacker import narrow_in_federation
from tests.test_federation import (
    BUCKET,
    fingerprint_of,
    make_centre,
    make_hub,
    set_federation,
    use_store,
)
from tests.test_stats import TODAY
from voorzorg.federation import city
from voorzorg.federation.hub import collect, revoke, trust
from voorzorg.federation.publish import publish
from voorzorg.stats import rules
from voorzorg.stats.builder import build_release
from voorzorg.stats.ledger import read_pool

CENTRES = 20
ARTIFACTS = test_browser.ARTIFACTS
browser = test_browser.browser  # the headless Chromium fixture


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    import subprocess
    import time

    import boto3
    import httpx

    from tests.test_replica import MOTO, free_port

    directory = tmp_path_factory.mktemp("moto")
    port = free_port()
    log = open(directory / "moto.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen([MOTO, "-H", "127.0.0.1", "-p", str(port)], stdout=log,
                              stderr=subprocess.STDOUT)  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.HTTPError:
            assert time.monotonic() < deadline
            time.sleep(0.2)
    boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test",
                 aws_secret_access_key="test",
                 region_name="us-east-1").create_bucket(Bucket=BUCKET)  # fmt: skip
    yield endpoint
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def federation(tmp_path_factory, s3_server):
    import pyrage

    base = tmp_path_factory.mktemp("federation")
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    hub = make_hub(base / "hub", str(identity), s3_server)
    rng = random.Random(2026)
    centres = {}
    for number in range(CENTRES):
        sizes = [rng.randint(8, 15) for _ in range(rng.randint(3, 6))]
        config = make_centre(base / f"centre{number}", sizes, 100 + number, recipient,
                             periods=("2025-H2", "2026-H1"))  # fmt: skip
        config = use_store(config, s3_server)
        name = f"Buurthuis {number:02d}"
        trust(hub, fingerprint_of(config), name)
        assert publish(config)["uploaded"]
        centres[name] = config
    report = collect(hub)
    assert len(report["accepted"]) == CENTRES and not report["refused"], report
    assert {p["period"] for p in report["city"]["published"]} == {"2025-H2", "2026-H1"}
    return hub, centres, report


def query(path: Path, sql: str, *args):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_each_centre_is_served_exactly_as_it_published(federation):
    hub, centres, _report = federation
    served = hub.data_dir / "stats.db"
    for name, config in centres.items():
        own = config.data_dir / "stats.db"
        for table in ("leden_per_cirkel", "leeftijd", "hulpvragen_per_soort", "wederkerig"):
            mine = sorted(query(own, f"SELECT * FROM {table}"), key=str)
            theirs = sorted(
                query(served, f"SELECT * FROM {table} WHERE centrum = ?", name), key=str
            )
            assert [tuple(r[1:]) for r in theirs] == mine, (name, table)


def test_city_figures_per_circle_add_up_to_the_centres(federation):
    hub, _centres, _report = federation
    served = hub.data_dir / "stats.db"
    for period in ("2025-H2", "2026-H1"):
        for table, value in (("leden_per_cirkel", "leden"), ("activiteit_keren", "keren")):
            sql = f"SELECT sum({value}) FROM {table} WHERE release_id = ? AND centrum {{}}"
            city_total = query(served, sql.format("= 'Hele stad'"), period)[0][0]
            centres_total = query(served, sql.format("!= 'Hele stad'"), period)[0][0]
            assert city_total == centres_total


def expected_pool(centres, period: str) -> dict:
    """The pooled cells, recomputed here from each centre's own pooling record."""
    sums: dict = {}
    for config in centres.values():
        (parts,) = [p for p in read_pool(config.data_dir) if p["period"] == period]
        for table, cells in parts["tables"].items():
            for cell in cells:
                total = sums.setdefault((table, tuple(cell[:-4])), [0, 0, 0, 0])
                total[0] += cell[-4]
                total[1] = (total[1] + cell[-3]) % rules.KEY_MODULUS
                total[2] += cell[-2]
                total[3] = max(total[3], cell[-1])
    return {
        key: rules.pooled_cell(key[1], n, k, persons, top, rules.DEFAULT_K)
        for key, (n, k, persons, top) in sums.items()
    }


def test_pooled_city_cells_follow_the_rules_of_one_deployment(federation):
    hub, centres, _report = federation
    served = hub.data_dir / "stats.db"
    for period in ("2025-H2", "2026-H1"):
        expected = expected_pool(centres, period)
        sql = "SELECT tabel FROM afgeschermd WHERE centrum = 'Hele stad' AND release_id = ?"
        withheld = {r[0] for r in query(served, sql, period)}
        compared = 0
        for (table, dims), cell in expected.items():
            if table in withheld:
                continue
            from voorzorg.stats.store import TABLES

            names, value = TABLES[table]
            where = "".join(f" AND {d} = ?" for d in names)
            (row,) = query(served, f"SELECT {value} FROM {table} WHERE centrum = 'Hele stad' "
                           f"AND release_id = ?{where}", period, *dims)  # fmt: skip
            if row[0] is not None:
                assert row[0] == cell.value, (period, table, dims)
                compared += 1
            else:
                assert cell.suppressed or cell.value is None or table == "hulp_met_helper"
        assert compared >= 10


def test_topics_too_small_per_centre_are_published_for_the_city(federation):
    hub, _centres, _report = federation
    served = hub.data_dir / "stats.db"
    small = query(
        served,
        "SELECT DISTINCT centrum FROM afgeschermd WHERE release_id = '2026-H1' "
        "AND tabel = 'hulpvragen_per_soort' AND centrum != 'Hele stad'",
    )
    assert small, "some centres are too small to publish help by kind themselves"
    (total,) = query(
        served,
        "SELECT hulpvragen FROM hulpvragen_per_soort WHERE centrum = 'Hele stad' "
        "AND release_id = '2026-H1' AND soort_hulp = 'totaal'",
    )
    assert total[0] is not None and total[0] > 100


def test_the_auditor_finds_no_narrow_cell_across_centres_and_releases(federation, cli):
    hub, _centres, _report = federation
    assert city.check(hub) == []
    result = cli("--config", hub.path, "hub", "check")
    assert result.code == 0, result.out + result.err
    assert narrow_in_federation(hub.data_dir) == []


def test_collecting_again_changes_nothing(federation):
    hub, _centres, _report = federation
    again = collect(hub)
    assert not again["accepted"] and not again["city"]["published"]
    assert sorted(again["city"]["unchanged"]) == ["2025-H2", "2026-H1"]


# --- adversarial federations, attacked by the independent attacker ------------------------


def small_federation(base: Path, layout: dict[str, list[int]], periods=("2026-H1",)):
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    hub = make_hub(base / "hub", str(identity))
    (base / "stick").mkdir()
    centres = {}
    for number, (name, sizes) in enumerate(layout.items()):
        config = make_centre(base / name, sizes, 300 + number, str(identity.to_public()),
                             periods=periods)  # fmt: skip
        trust(hub, fingerprint_of(config), name)
        publish(config, to_file=base / "stick", upload=False)
        centres[name] = config
    return hub, centres


@pytest.mark.parametrize(
    "layout",
    [
        # One centre too small to publish help by kind, the others publishing it: the city
        # minus the others' figures would be the small centre's.
        {"klein": [8, 9, 8], "groot1": [14, 15, 13, 12], "groot2": [15, 14, 13, 15]},
        # Every centre too small on its own; only the pool of three publishes.
        {"a": [8, 8, 9], "b": [9, 8, 8], "c": [8, 9, 9]},
    ],
    ids=["city-minus-the-others", "only-pooled"],
)
def test_the_attacker_narrows_nothing_across_centres(tmp_path, layout):
    hub, _centres = small_federation(tmp_path, layout)
    report = collect(hub, source=tmp_path / "stick")
    assert not report["refused"] and report["city"]["published"]
    assert city.check(hub) == []
    assert narrow_in_federation(hub.data_dir) == []


def test_a_centre_leaving_cannot_be_recovered_from_two_city_versions(tmp_path):
    layout = {"blijft1": [10, 12, 11], "blijft2": [13, 9, 12], "vertrekt": [8, 9, 10]}
    hub, centres = small_federation(tmp_path, layout)
    collect(hub, source=tmp_path / "stick")
    revoke(hub, fingerprint_of(centres["vertrekt"]), "vertrekt uit de samenwerking")
    report = collect(hub, source=tmp_path / "stick")
    versions = {(p["period"], p["version"]) for p in report["city"]["published"]}
    assert versions == {("2026-H1", 2)} or report["city"]["refused"]
    assert city.check(hub) == []
    assert narrow_in_federation(hub.data_dir) == []


def test_a_centre_superseding_its_release_makes_a_new_audited_city_version(tmp_path):
    layout = {"a": [10, 12, 11], "b": [13, 9, 12], "c": [12, 11, 10]}
    hub, centres = small_federation(tmp_path, layout)
    collect(hub, source=tmp_path / "stick")
    config = centres["a"]
    from voorzorg.deploy.circles import open_db
    from voorzorg.domain.members import add_member

    db = open_db(config, "c0")
    add_member(db, "Laat Aangemeld", today=TODAY, joined=date(2026, 2, 1), birth_year=1950,
               consents=["matching", "stats"])  # fmt: skip
    db.close()
    build_release(config, "2026-H1", today=TODAY, supersede=True, reason="late aanmelding")
    set_federation(config, centre="a")
    publish(config, to_file=tmp_path / "stick", upload=False)
    report = collect(hub, source=tmp_path / "stick")
    assert len(report["accepted"]) == 1
    assert report["city"]["published"] or report["city"]["unchanged"]
    assert city.check(hub) == []
    assert narrow_in_federation(hub.data_dir) == []
    ledger = [json.loads(line) for line in (hub.data_dir / "stats-ledger.jsonl").read_text()
              .splitlines()]  # fmt: skip
    assert [e["content"]["period"] for e in ledger].count("2026-H1") >= 1


# --- served: the dashboards in headless Chromium ------------------------------------------


def test_the_hub_serves_city_and_centres_on_the_welfare_dashboard(tmp_path, federation, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.serving import PASSWORD, Server, voorzorg

    hub, centres, _report = federation
    result = voorzorg(hub.path, "user", "add", "gemeente", "--welfare", "--password-stdin",
                      input=PASSWORD + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    server = Server(hub.path, tmp_path / "serve.log")
    try:
        browser.get(f"{server.base}/-/login")
        browser.find_element(By.ID, "vz-name").send_keys("gemeente")
        browser.find_element(By.ID, "vz-password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
        WebDriverWait(browser, 15).until(lambda d: "/-/login" not in d.current_url)
        browser.get(f"{server.base}/-/dashboards/welzijn?release=2026-H1&centrum=Hele+stad")
        assert "Gemeente Teststad" in browser.find_element(By.TAG_NAME, "h1").text

        def table_rows(driver):
            rows = driver.find_elements(By.CSS_SELECTOR, "#chart-centra tbody tr")
            return rows if len(rows) == CENTRES + 1 else False

        rows = WebDriverWait(browser, 30).until(table_rows)
        shown = {}
        for row in rows:
            cells = [td.text.strip() for td in row.find_elements(By.TAG_NAME, "td")]
            shown[cells[0]] = (int(cells[1]), int(cells[3]))
        # The city's totals are the sums of the centres' own published (protected) figures.
        expected = {}
        for name, config in centres.items():
            own = config.data_dir / "stats.db"
            members = query(own, "SELECT sum(leden) FROM leden_per_cirkel "
                            "WHERE release_id = '2026-H1'")[0][0]  # fmt: skip
            times = query(own, "SELECT sum(keren) FROM activiteit_keren "
                          "WHERE release_id = '2026-H1'")[0][0]  # fmt: skip
            expected[name] = (int(members), int(times or 0))
            assert shown[name] == expected[name], name
        assert shown["Hele stad"] == (
            sum(m for m, _t in expected.values()),
            sum(t for _m, t in expected.values()),
        )

        def drawn(driver):
            return all(
                driver.find_elements(By.CSS_SELECTOR, f"#chart-{c} canvas, #chart-{c} svg")
                for c in ("leeftijd", "hulp", "leden", "bereik")
            )

        WebDriverWait(browser, 30).until(drawn)
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "niet publiceerbaar" in body or "%" in body
        ARTIFACTS.mkdir(exist_ok=True)
        browser.set_window_size(1280, 2600)
        assert browser.save_screenshot(str(ARTIFACTS / "hub-stad.png"))

        # One centre: its own figures; a topic it could not publish says so.
        small = query(hub.data_dir / "stats.db", "SELECT centrum FROM afgeschermd WHERE "
                      "release_id = '2026-H1' AND tabel = 'hulpvragen_per_soort' "
                      "AND centrum != 'Hele stad' LIMIT 1")[0][0]  # fmt: skip
        browser.get(f"{server.base}/-/dashboards/welzijn?release=2026-H1&centrum="
                    + small.replace(" ", "+"))  # fmt: skip
        WebDriverWait(browser, 30).until(
            lambda d: "niet publiceerbaar" in d.find_element(By.ID, "chart-hulp_tabel").text
        )
        errors = [e for e in browser.get_log("browser")
                  if e["level"] == "SEVERE" and "favicon" not in e["message"]]  # fmt: skip
        assert errors == [], errors
    finally:
        server.stop()
