"""A coordinator logs in with a real headless Chromium and sees their circle's members."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from tests.serving import PASSWORD, Server, voorzorg
from voorzorg.demo.build import build_demo

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

if not (CHROMIUM and DRIVER) and not os.environ.get("CI"):
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
        allow_module_level=True,
    )


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="vz-chromium-")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,900", f"--user-data-dir={profile}", "--lang=nl",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_coordinator_logs_in_and_sees_the_members_table(tmp_path, browser):
    from selenium.webdriver.common.by import By

    directory = tmp_path / "demo"
    build_demo(directory, today=date(2026, 11, 27))
    config = directory / "config.toml"
    result = voorzorg(config, "user", "add", "marie", "--coordinator", "zorgsaam",
                      "--password-stdin", input=PASSWORD + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    server = Server(config, tmp_path / "serve.log")
    try:
        browser.get(f"{server.base}/zorgsaam/deelnemers")
        assert "/-/login" in browser.current_url  # sent to the login page first
        assert "Inloggen" in browser.find_element(By.TAG_NAME, "h1").text
        browser.find_element(By.ID, "vz-name").send_keys("marie")
        browser.find_element(By.ID, "vz-password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 15).until(lambda d: d.current_url.endswith("/zorgsaam/deelnemers"))
        heading = browser.find_element(By.TAG_NAME, "h1").text
        assert heading.startswith("Deelnemers")
        headers = [th.text.strip().lower() for th in browser.find_elements(By.CSS_SELECTOR, "th")]
        for column in ("naam", "telefoon", "biedt"):
            assert any(column in h for h in headers), headers
        names = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "td.col-naam")]
        assert len(names) >= 10
        assert all(any(s in n for s in ("Voorbeeld", "Verzonnen", "Fictief", "Demo", "Proef",
                                         "Oefen", "Testers", "Nepkamp", "Bedacht", "Denkbeeld",
                                         "Probeersma", "Nergens")) for n in names)  # fmt: skip
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "coordinator-deelnemers.png"
        assert browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        # The other circle stays closed to this coordinator.
        browser.get(f"{server.base}/samenspel/deelnemers")
        assert "Deelnemers" not in browser.find_element(By.TAG_NAME, "body").text[:200]
    finally:
        server.stop()


def test_welfare_dashboard_draws_its_charts(tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    directory = tmp_path / "demo"
    build_demo(directory, today=date(2026, 11, 27))
    config = directory / "config.toml"
    result = voorzorg(config, "user", "passwd", "welzijn", "--password-stdin",
                      input=PASSWORD + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    server = Server(config, tmp_path / "serve.log")
    try:
        browser.get(f"{server.base}/-/login")
        browser.find_element(By.ID, "vz-name").send_keys("welzijn")
        browser.find_element(By.ID, "vz-password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
        WebDriverWait(browser, 15).until(lambda d: "/-/login" not in d.current_url)
        browser.get(f"{server.base}/-/dashboards/welzijn")
        assert "release=2026-H1" in browser.current_url
        assert "Voorzorgcirkels in cijfers" in browser.find_element(By.TAG_NAME, "h1").text

        def drawn(driver):
            marks = driver.find_elements(
                By.CSS_SELECTOR,
                ".vega-embed svg .mark-rect path, .vega-embed svg .mark-line, .vega-embed canvas",
            )
            return marks if len(marks) >= 3 else False

        marks = WebDriverWait(browser, 20).until(drawn)
        assert len(marks) >= 3
        # Every chart of the welfare dashboard is drawn (vega renders each into its card).
        charts = ("bereik", "leden", "leeftijd", "hulp", "dagen", "hulp_tijd", "activiteiten",
                  "opkomst")  # fmt: skip

        def all_drawn(driver):
            return all(
                driver.find_elements(By.CSS_SELECTOR, f"#chart-{c} canvas, #chart-{c} svg")
                for c in charts
            )

        WebDriverWait(browser, 20).until(all_drawn)
        for chart in charts:
            [card] = browser.find_elements(By.ID, f"chart-{chart}")
            assert card.size["height"] > 50, chart
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "%" in body  # the reciprocity metric, from protected counts
        assert "niet publiceerbaar" in body  # protected cells are named, never 0
        assert "hooguit 3" in body  # the one-line explanation of the protection
        assert "1e halfjaar 2026" in body  # Dutch half-year labels (releases table)
        assert "standaard" in body  # k per release, and whether it was an exception
        errors = [
            entry
            for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
        ]
        assert errors == [], errors
        ARTIFACTS.mkdir(exist_ok=True)
        browser.set_window_size(1280, 2600)
        assert browser.save_screenshot(str(ARTIFACTS / "welzijn-dashboard.png"))
        # The outcomes have their own page, linked from this one.
        browser.find_element(By.LINK_TEXT, "Uitkomsten: welbevinden en eenzaamheid").click()
        WebDriverWait(browser, 15).until(lambda d: "/-/dashboards/uitkomsten" in d.current_url)
        assert "release=2026-H1" in browser.current_url
        check_outcome_charts(browser, directory / "data" / "stats.db")
        errors = [
            entry
            for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
        ]
        assert errors == [], errors
        browser.set_window_size(1280, 2200)
        assert browser.save_screenshot(str(ARTIFACTS / "welzijn-uitkomsten.png"))
    finally:
        server.stop()


def check_outcome_charts(browser, stats_db: Path) -> None:
    """The "Uitkomsten" charts of the demo's latest release are drawn, bar by bar with the
    published counts and the shares computed from them; what they can and cannot prove
    is said next to them; nothing withheld or unpublishable is drawn."""
    import re
    import sqlite3

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    conn = sqlite3.connect(stats_db)
    figures = {
        "welbevinden": conn.execute(
            "SELECT dimensie, score, leden FROM welbevinden_verdeling WHERE release_id = "
            "'2026-H1' AND dimensie != 'totaal' AND leden IS NOT NULL"
        ).fetchall(),
        "eenzaamheid": conn.execute(
            "SELECT categorie, leden FROM eenzaamheid WHERE release_id = '2026-H1' "
            "AND categorie != 'totaal' AND leden IS NOT NULL"
        ).fetchall(),
        "verandering": conn.execute(
            "SELECT onderwerp, verandering, leden FROM welbevinden_verandering WHERE "
            "release_id = '2026-H1' AND onderwerp != 'totaal' AND leden IS NOT NULL"
        ).fetchall(),
    }
    totals = dict(conn.execute(
        "SELECT 'welbevinden', leden FROM welbevinden_verdeling WHERE release_id = '2026-H1' "
        "AND dimensie = 'totaal' UNION ALL SELECT 'eenzaamheid', leden FROM eenzaamheid "
        "WHERE release_id = '2026-H1' AND categorie = 'totaal' UNION ALL SELECT "
        "'verandering', leden FROM welbevinden_verandering WHERE release_id = '2026-H1' "
        "AND onderwerp = 'totaal'"
    ).fetchall())  # fmt: skip
    withheld = conn.execute("SELECT tabel FROM afgeschermd WHERE release_id = '2026-H1'").fetchall()
    conn.close()
    # The demo has enough people with both consents in enough circles: nothing shielded.
    assert not {"welbevinden_verdeling", "eenzaamheid", "welbevinden_verandering"} & {
        w[0] for w in withheld
    }
    assert all(totals.values()) and len(figures["verandering"]) >= 12  # the demo publishes them

    def bars(chart):
        found = browser.find_elements(
            By.CSS_SELECTOR, f"#chart-{chart} svg [aria-roledescription='bar']"
        )
        return found if len(found) >= len(figures[chart]) else False

    for chart, rows in figures.items():
        drawn = WebDriverWait(browser, 20).until(lambda d, chart=chart: bars(chart))
        labels = [dict(part.split(": ", 1) for part in e.get_attribute("aria-label").split("; "))
                  for e in drawn]  # fmt: skip
        seen = set()
        for label in labels:
            count, share = int(label["Mensen"]), int(label["Deel (%)"])
            assert share == round(100 * min(count, totals[chart]) / totals[chart]), label
            keys = [v for k, v in label.items() if k not in ("Mensen", "Deel (%)", "volgorde")
                    and not k.startswith("Deel van")]  # fmt: skip
            seen.add((*keys, count))
        assert seen == {(*r[:-1], int(r[-1])) for r in rows}, chart
        # Each bar has its size: drawn, not an empty frame.
        assert all(e.size["width"] > 0 or e.size["height"] > 0 for e in drawn)
    # The tables beside the charts give every count, and name what is not publishable.
    for chart, rows in (("welbevinden_tabel", figures["welbevinden"]),
                        ("verandering_tabel", figures["verandering"])):  # fmt: skip
        WebDriverWait(browser, 20).until(
            lambda d, chart=chart: d.find_elements(By.CSS_SELECTOR, f"#chart-{chart} td")
        )
        header = [th.text for th in browser.find_elements(By.CSS_SELECTOR, f"#chart-{chart} th")]
        shown = {}
        for tr in browser.find_elements(By.CSS_SELECTOR, f"#chart-{chart} tbody tr"):
            cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            shown.update({(cells[0], h): v for h, v in zip(header[1:-1], cells[1:-1], strict=True)})
        for *where, value in rows:
            assert shown[tuple(where)] == str(int(value)), (chart, where)
        assert all(v.isdigit() or v in ("niet publiceerbaar", "") for v in shown.values())
    hidden = [r for r in ("niet eenzaam", "matig eenzaam", "ernstig eenzaam", "niet te bepalen")
              if r not in {f[0] for f in figures["eenzaamheid"]}]  # fmt: skip
    if hidden:  # a protected category is named on the chart, not drawn as 0
        assert "niet publiceerbaar" in browser.find_element(By.ID, "chart-eenzaamheid").text
    text = browser.find_element(By.ID, "chart-uitkomsten_uitleg").text
    for words in ("geen controlegroep", "toestemming", "regressie naar het gemiddelde",
                  "niet met cijfers van het CBS",
                  "dezelfde mensen", "geen gemiddelden"):  # fmt: skip
        assert words in text, words
    status = browser.find_element(By.ID, "chart-uitkomsten_status").text
    assert len(re.findall("gepubliceerd", status)) == 3, status
    card = browser.find_element(By.ID, "chart-verandering")
    browser.execute_script("arguments[0].scrollIntoView()", card)
    ARTIFACTS.mkdir(exist_ok=True)
    assert card.screenshot(str(ARTIFACTS / "welzijn-uitkomsten-verandering.png"))


def test_no_content_security_policy_violations_on_the_pages_users_see(tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    directory = tmp_path / "demo"
    build_demo(directory, today=date(2026, 11, 27))
    config = directory / "config.toml"
    for args in (("marie", "--coordinator", "zorgsaam"), ("wim", "--welfare")):
        result = voorzorg(config, "user", "add", *args, "--password-stdin", input=PASSWORD + "\n")
        assert result.returncode == 0, result.stderr
    server = Server(config, tmp_path / "serve.log")
    pages = {
        "marie": ["/", "/zorgsaam", "/zorgsaam/deelnemers", "/zorgsaam/deelnemers?naam__contains=a",
                  "/zorgsaam/telefoonlijst", "/zorgsaam/members", "/-/logout"],
        "wim": ["/stats", "/stats/leeftijd", "/stats?sql=select+*+from+leeftijd",
                "/-/dashboards", "/-/dashboards/welzijn", "/-/dashboards/welzijn/leeftijd",
                "/-/dashboards/uitkomsten", "/-/dashboards/uitkomsten/eenzaamheid"],
    }  # fmt: skip
    try:
        for name, paths in pages.items():
            browser.delete_all_cookies()
            browser.get(f"{server.base}/-/login")
            browser.find_element(By.ID, "vz-name").send_keys(name)
            browser.find_element(By.ID, "vz-password").send_keys(PASSWORD)
            browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
            WebDriverWait(browser, 15).until(lambda d: "/-/login" not in d.current_url)
            for path in paths:
                browser.get(server.base + path)
                WebDriverWait(browser, 15).until(
                    lambda d: d.execute_script("return document.readyState") == "complete"
                )
                if path.startswith("/stats?sql"):  # the SQL editor is drawn by a script
                    WebDriverWait(browser, 15).until(
                        lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror")
                    )
                violations = [
                    entry
                    for entry in browser.get_log("browser")
                    if "Content Security Policy" in entry["message"]
                    or entry.get("source") == "security"
                ]
                assert violations == [], (path, violations)
        # The logout button in the menu works: a POST with the CSRF token.
        browser.find_element(By.CSS_SELECTOR, "details.nav-menu summary").click()
        browser.find_element(By.CSS_SELECTOR, "form[action='/-/logout'] button").click()
        WebDriverWait(browser, 15).until(lambda d: "/-/login" in d.current_url)
        browser.get(f"{server.base}/stats")
        assert "/-/login" in browser.current_url
    finally:
        server.stop()
