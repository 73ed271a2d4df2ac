"""Integrations: loading in isolation, config entries, events, and the bundled csv one."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from voorzorg.deploy import config as config_mod
from voorzorg.integrations.entries import migrate_entries
from voorzorg.integrations.loader import load


def write_integration(folder: Path, domain: str, manifest_extra: str = "", code: str = ""):
    path = folder / domain
    path.mkdir(parents=True)
    (path / "manifest.toml").write_text(
        f'domain = "{domain}"\nname = "Test {domain}"\nversion = "0.1"\n{manifest_extra}\n'
    )
    (path / "__init__.py").write_text(
        "from voorzorg.integrations.hookspecs import hookimpl\n" + code
    )
    return path


@pytest.fixture
def custom(circle):
    folder = circle / "custom"
    folder.mkdir()
    config_path = circle / "config.toml"
    config_path.write_text(
        config_path.read_text().replace(
            'data_dir = "data"', 'data_dir = "data"\ncustom_plugins_dir = "custom"'
        )
    )
    return folder


def test_bundled_csv_is_found_and_loaded(circle, cli):
    listed = cli("integration", "list", "--json").json
    csv = next(i for i in listed if i["domain"] == "csv")
    assert csv["state"] == "loaded" and csv["source"] == "bundled"


def test_broken_integrations_are_reported_and_skipped(circle, cli, custom):
    write_integration(custom, "kapot", code="raise RuntimeError('setup failed')\n")
    write_integration(custom, "pakket", 'requirements = ["bestaat-niet-pakket>=1.0"]')
    write_integration(custom, "afhankelijk", 'dependencies = ["nergens"]')
    bad = custom / "slecht"
    bad.mkdir()
    (bad / "manifest.toml").write_text("domain = 5\n")
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["kapot"]["state"] == "failed" and "setup failed" in listed["kapot"]["error"]
    assert listed["pakket"]["state"] == "missing_requirement"
    assert listed["afhankelijk"]["state"] == "failed"
    assert listed["slecht"]["state"] == "failed"
    assert listed["csv"]["state"] == "loaded"
    # Every other command still works.
    assert cli("member", "add", "Jan").code == 0
    assert cli("member", "list", "--json").code == 0


def test_custom_folder_overrides_a_bundled_one_with_a_warning(circle, cli, custom):
    write_integration(custom, "csv", "commands = []")
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["csv"]["source"] == "custom"
    assert listed["csv"]["warnings"] == ["overrides the bundled integration"]


def test_entry_point_integrations_load_the_same_way(circle, monkeypatch, tmp_path):
    package = tmp_path / "site" / "voorzorg_buurtbus"
    package.mkdir(parents=True)
    (package / "manifest.toml").write_text(
        'domain = "voorzorg_buurtbus"\nname = "Buurtbus"\nversion = "1.0"\n'
    )
    (package / "__init__.py").write_text("LOADED = True\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    from importlib import metadata

    point = metadata.EntryPoint("buurtbus", "voorzorg_buurtbus", "voorzorg")
    monkeypatch.setattr(metadata, "entry_points", lambda group=None: [point])
    config = config_mod.load(circle / "config.toml")
    registry = load(config)
    item = registry.loaded("voorzorg_buurtbus")
    assert item is not None and item.source == "package" and item.module.LOADED


NOTIFY_LIKE = """
[options.url]
type = "text"
help = "Adres"
required = true
secret = true

[options.groet]
type = "text"
default = "Hallo"
"""
RECORDER = """
import json, pathlib

@hookimpl
def on_event(event, circle, entry, config):
    path = pathlib.Path(config.path.parent / "events.log")
    with path.open("a") as handle:
        handle.write(json.dumps([event.name, circle, sorted(entry)]) + "\\n")

@hookimpl
def test_entry(circle, entry, config):
    return None if entry["url"].startswith("ok:") else "adres klopt niet"
"""


def test_config_flow_keeps_secrets_out_of_config_toml(circle, cli, custom):
    write_integration(custom, "melder", NOTIFY_LIKE, RECORDER)
    refused = cli("integration", "add", "melder", "--set", "url=fout:123")
    assert refused.code == 1 and "adres klopt niet" in refused.err
    assert "melder" not in (circle / "config.toml").read_text()
    added = cli("integration", "add", "melder", "--set", "url=ok:geheim-token")
    assert added.code == 0, added.err
    text = (circle / "config.toml").read_text()
    assert "[circles.zorgsaam.integrations.melder]" in text and "geheim-token" not in text
    secrets = circle / "secrets.toml"
    assert "geheim-token" in secrets.read_text()
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert cli("integration", "test", "melder").code == 0
    assert cli("integration", "configure", "melder", "--set", "groet=Dag").code == 0
    assert 'groet = "Dag"' in (circle / "config.toml").read_text()
    assert "geheim-token" in secrets.read_text()  # kept through the change
    assert cli("integration", "configure", "onbekend").code == 1
    assert cli("integration", "remove", "melder").code == 0
    assert "geheim-token" not in secrets.read_text()


def test_events_reach_enabled_integrations_after_commit(circle, cli, custom):
    write_integration(custom, "melder", NOTIFY_LIKE, RECORDER)
    cli("integration", "add", "melder", "--set", "url=ok:x")
    cli("member", "add", "Marie", "--consent", "matching")
    assert cli("request", "add", "--for", "Marie", "--category", "vervoer").code == 0
    log = (circle / "events.log").read_text().splitlines()
    assert log == ['["request.created", "zorgsaam", ["groet", "url", "version"]]']


def test_a_failing_handler_is_reported_and_the_change_kept(circle, cli, custom):
    failing = NOTIFY_LIKE + "\n"
    code = RECORDER.replace(
        "path = pathlib", "raise ConnectionError('kanaal plat')\n    path = pathlib"
    )
    write_integration(custom, "melder", failing, code)
    cli("integration", "add", "melder", "--set", "url=ok:x", "--no-test")
    cli("member", "add", "Marie", "--consent", "matching")
    result = cli("request", "add", "--for", "Marie", "--category", "vervoer")
    assert result.code == 0
    assert "melder" in result.err and "ConnectionError" in result.err
    assert len(cli("request", "list", "--json").json) == 1


def test_entries_migrate_in_place_keeping_comments(circle, custom):
    manifest = 'config_version = 2\n[options.adres]\ntype = "text"\n'
    code = "def migrate_entry(old, version):\n    return {'adres': old['oud']}\n"
    write_integration(custom, "melder", manifest, code)
    path = circle / "config.toml"
    path.write_text(
        path.read_text()
        + "\n[circles.zorgsaam.integrations.melder]\n# door Henk ingesteld\nversion = 1\n"
        'oud = "Vioolstraat"\n'
    )
    config = config_mod.load(path)
    migrated = migrate_entries(config, load(config))
    assert migrated == [{"circle": "zorgsaam", "domain": "melder"}]
    text = path.read_text()
    assert "# door Henk ingesteld" in text and 'adres = "Vioolstraat"' in text
    assert "version = 2" in text and "oud =" not in text


# The bundled csv integration --------------------------------------------------


def test_import_excel_style_file(circle, cli, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_bytes(
        "\ufeffNaam;Adres;Postcode;Telefoon;Geboortedatum;Biedt\r\n"
        "Zoë de Vries;Vioolstraat 1;1325ab;0612345678;3-12-1946;vervoer,tuin\r\n"
        "Ömer Yılmaz;Fluitstraat 2;1326 BC;;;klusjes\r\n".encode()
    )
    result = cli("member", "import", "-c", "zorgsaam", path)
    assert result.code == 0, result.err
    members = {m["name"]: m for m in cli("member", "list", "--json").json}
    assert members["Zoë de Vries"]["birth_year"] == 1946
    assert members["Zoë de Vries"]["postcode"] == "1325 AB"
    assert members["Zoë de Vries"]["offers"] == ["transport", "garden"]
    again = cli("member", "import", "-c", "zorgsaam", path)
    assert "2 stonden er al in" in again.out
    assert len(cli("member", "list", "--json").json) == 2


def test_cp1252_and_commas(circle, cli, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("naam,postcode\nRené Müller,1325 AB\n".encode("cp1252"))
    result = cli("member", "import", path)
    assert result.code == 0
    assert "Windows-1252" in result.err
    assert cli("member", "list", "--json").json[0]["name"] == "René Müller"


def test_every_bad_row_is_reported_and_nothing_imported(circle, cli, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text(
        "naam;postcode;geboortedatum;biedt\n"
        "Goed;1325 AB;;\n"
        ";1325 AB;;\n"
        "Postcode Fout;ABCD;;\n"
        "Datum Fout;1325 AB;31-02-1950;\n"
        "Zorg;1325 AB;;wassen\n"
    )
    result = cli("member", "import", path)
    assert result.code == 1
    for line in (3, 4, 5, 6):
        assert f"Regel {line}:" in result.err
    assert "Regel 2:" not in result.err
    assert cli("member", "list", "--json").json == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"naam\nJan\x00\n", "NUL"),
        (b"", "leeg"),
        (b"voornaam;leeftijd\nJan;80\n", "Onbekende kolom"),
        (b"\xff\xfe\x00n\x00a\x00a\x00m", "NUL"),
    ],
)
def test_files_that_are_not_member_lists(circle, cli, tmp_path, content, fragment):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    result = cli("member", "import", path)
    assert result.code == 1 and fragment in result.err
    assert "Traceback" not in result.err


def test_dry_run_saves_nothing(circle, cli, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("naam\nJan\nPiet\n")
    result = cli("member", "import", path, "--dry-run", "--json")
    assert result.json["would_add"] == 2 and result.json["dry_run"]
    assert cli("member", "list", "--json").json == []


def test_export_neutralises_formulas(circle, cli, tmp_path):
    cli("member", "add", '=HYPERLINK("http://x")', "--address", "+31 straat")
    cli("member", "add", "Jan", "--offers", "vervoer")
    out = tmp_path / "export.csv"
    assert cli("member", "export-csv", out).code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+31 straat" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Jan;" in text and "vervoer" in text
    assert cli("activity", "export").code == 0


@pytest.mark.parametrize("delay", [0.3, 0.5, 0.7, 0.9])
def test_kill_9_during_import_leaves_all_or_nothing(circle, tmp_path, delay):
    path = tmp_path / "groot.csv"
    rows = "".join(f"Lid {i};{1000 + i % 8999} AB\n" for i in range(5000))
    path.write_text("naam;postcode\n" + rows)
    env = {**os.environ, "VOORZORG_CONFIG": str(circle / "config.toml")}
    process = subprocess.Popen(
        [sys.executable, "-m", "voorzorg", "member", "import", "-c", "zorgsaam", str(path)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    conn = sqlite3.connect(circle / "data" / "zorgsaam.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM members").fetchone()[0] in (0, 5000)
    conn.close()


def test_an_import_interrupted_half_way_leaves_the_circle_as_it_was(circle, monkeypatch):
    """The same, deterministically: the import dies at row 300 of 1000."""
    from datetime import date

    import voorzorg.domain.members
    from voorzorg.integrations.loader import load as load_integrations
    from voorzorg.storage.store import open_circle

    config = config_mod.load(circle / "config.toml")
    module = load_integrations(config, {"csv"}).loaded("csv").module
    real = voorzorg.domain.members.add_member
    calls = {"n": 0}

    def dying(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 300:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(voorzorg.domain.members, "add_member", dying)
    db = open_circle(circle / "data" / "zorgsaam.db")
    text = "naam\n" + "".join(f"Lid {i}\n" for i in range(1000))
    with pytest.raises(KeyboardInterrupt):
        module.import_members(db, text, today=date(2026, 11, 27), dry_run=False)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 0
    db.close()
