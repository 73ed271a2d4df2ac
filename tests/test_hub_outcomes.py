"""Wellbeing outcomes across community centres: too few circles at each centre to
publish them, publishable when the hub pools them, and never narrower than 3.

Each centre has two circles: its own releases withhold the outcome tables (rule 6 asks
for people from at least 3 circles). Pooled at the hub, the people of six circles meet
the rule, and the city publishes the distributions, the loneliness categories and the
change for the same people, under the same rules and auditor as a single deployment.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests import test_browser
from tests.attacker import narrow_in_federation
from tests.test_federation import fingerprint_of, make_hub, set_federation
from tests.test_stats import TODAY, make_deployment
from tests.test_stats_outcomes import checkins, published
from voorzorg.federation import city
from voorzorg.federation.hub import collect, trust
from voorzorg.federation.publish import publish
from voorzorg.stats.builder import OUTCOMES, build_release
from voorzorg.stats.rules import NOISE_MAX, POOL_MEMBERS

browser = test_browser.browser  # the headless Chromium fixture


def query(path: Path, sql: str, *args):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def federation(base: Path, layout: dict[str, list[int]], share: float = 1.0):
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    hub = make_hub(base / "hub", str(identity))
    (base / "stick").mkdir()
    centres = {}
    for number, (name, sizes) in enumerate(layout.items()):
        config, _names = make_deployment(base / name, sizes, 500 + number, consent=1.0)
        checkins(config, 600 + number, share=share)
        config = set_federation(config, hub_recipient=str(identity.to_public()))
        build_release(config, "2025-H2", today=TODAY)
        build_release(config, "2026-H1", today=TODAY)
        trust(hub, fingerprint_of(config), name)
        publish(config, to_file=base / "stick", upload=False)
        centres[name] = config
    return hub, centres


@pytest.fixture(scope="module")
def pooled(tmp_path_factory):
    base = tmp_path_factory.mktemp("outcomes-city")
    hub, centres = federation(base, {"noord": [14, 13], "zuid": [15, 12], "west": [13, 14]})
    report = collect(hub, source=base / "stick")
    assert not report["refused"], report
    return hub, centres


def test_each_centre_withholds_its_outcomes_and_the_city_publishes_them_pooled(pooled):
    hub, centres = pooled
    for config in centres.values():  # two circles each: rule 6 withholds at home
        for table in OUTCOMES:
            assert published(config, table)["withheld"], table
    served = hub.data_dir / "stats.db"
    withheld = {r[0] for r in query(served, "SELECT tabel FROM afgeschermd WHERE centrum = "
                                            "'Hele stad' AND release_id = '2026-H1'")}  # fmt: skip
    assert not withheld & set(OUTCOMES), withheld
    totals = query(served, "SELECT leden FROM eenzaamheid WHERE centrum = 'Hele stad' AND "
                           "release_id = '2026-H1' AND categorie = 'totaal'")  # fmt: skip
    assert totals and totals[0][0] >= POOL_MEMBERS + NOISE_MAX
    # Every category and band of the city is a published count or shown as protected.
    rows = query(served, "SELECT dimensie, score, leden FROM welbevinden_verdeling WHERE "
                         "centrum = 'Hele stad' AND release_id = '2026-H1'")  # fmt: skip
    assert rows and any(r[2] for r in rows)
    changes = query(served, "SELECT leden FROM welbevinden_verandering WHERE centrum = "
                            "'Hele stad' AND release_id = '2026-H1'")  # fmt: skip
    assert changes and any(r[0] for r in changes)


def test_the_auditor_and_the_attacker_narrow_no_outcome_cell_across_centres(pooled):
    hub, _centres = pooled
    assert city.check(hub) == []
    assert narrow_in_federation(hub.data_dir) == []


def test_the_city_withholds_outcomes_of_fewer_than_53_people_though_its_pool_is_large(tmp_path):
    """81 members in six circles meet the pool rule of the release; but only about a
    third have check-ins, so each outcome table's own rule 6 (a published total of at
    least 50 + the noise) withholds it, as it would at a single deployment."""
    hub, _centres = federation(tmp_path, {"noord": [14, 13], "zuid": [15, 12],
                                          "west": [13, 14]}, share=0.3)  # fmt: skip
    report = collect(hub, source=tmp_path / "stick")
    assert not report["refused"], report
    served = hub.data_dir / "stats.db"
    withheld = {r[0] for r in query(served, "SELECT tabel FROM afgeschermd WHERE centrum = "
                                            "'Hele stad' AND release_id = '2026-H1'")}  # fmt: skip
    assert set(OUTCOMES) <= withheld
    assert "hulpvragen_per_soort" not in withheld  # the pool itself publishes


def city_only(served: Path, target: Path) -> Path:
    """The city's rows of the hub's stats.db as a single deployment's stats.db (without
    the column ``centrum``), for the checks written for one deployment."""
    conn = sqlite3.connect(target)
    conn.execute("ATTACH DATABASE ? AS hub", [f"file:{served}?mode=ro"])
    for table in (*OUTCOMES, "afgeschermd"):
        columns = [r[1] for r in conn.execute(f"PRAGMA hub.table_info({table})")]
        kept = ", ".join(c for c in columns if c != "centrum")
        conn.execute(f"CREATE TABLE {table} AS SELECT {kept} FROM hub.{table} "
                     "WHERE centrum = 'Hele stad' ORDER BY rowid")  # fmt: skip
    conn.commit()
    conn.close()
    return target


def test_the_hub_draws_the_city_outcomes_and_a_centre_shows_them_protected(tmp_path, pooled,
                                                                           browser):  # fmt: skip
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.serving import PASSWORD, Server, voorzorg
    from tests.test_browser import check_outcome_charts

    hub, _centres = pooled
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
        # From the city's welfare dashboard to its outcomes page.
        browser.get(f"{server.base}/-/dashboards/welzijn?release=2026-H1&centrum=Hele+stad")
        browser.find_element(By.LINK_TEXT, "Uitkomsten: welbevinden en eenzaamheid").click()
        WebDriverWait(browser, 15).until(lambda d: "/-/dashboards/uitkomsten" in d.current_url)
        browser.get(f"{server.base}/-/dashboards/uitkomsten?release=2026-H1&centrum=Hele+stad")
        check_outcome_charts(browser, city_only(hub.data_dir / "stats.db", tmp_path / "c.db"))
        # One centre: its two circles could not publish them; the page says so.
        browser.get(f"{server.base}/-/dashboards/uitkomsten?release=2026-H1&centrum=noord")
        WebDriverWait(browser, 30).until(
            lambda d: (
                d.find_element(By.ID, "chart-uitkomsten_status").text.count("afgeschermd") == 3
            )
        )
        errors = [e for e in browser.get_log("browser")
                  if e["level"] == "SEVERE" and "favicon" not in e["message"]]  # fmt: skip
        assert errors == [], errors
    finally:
        server.stop()
