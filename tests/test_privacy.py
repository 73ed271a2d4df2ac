"""The rights of members over their data, each through the real CLI, on a demo circle
with two years of history and the bundled integrations (notify, csv) in use.

Erasure is checked on the raw bytes of every file of the deployment (databases, their
-wal and -journal files, secrets.toml, the register), also after restoring a backup
made before the erasure.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import local_today
from voorzorg.demo.build import build_demo
from voorzorg.privacy.export import SCHEMA, SECTIONS

CIRCLE = "zorgsaam"
# Values that identify the member under test, each unique in the whole deployment.
NAME = "Wilhelmina Zoekbaar"
PHONE = "06-98765432"
ADDRESS = "Zoekbaarstraat 99"
EMAIL = "wilhelmina.zoekbaar@example.org"
NOTE = "Zoekbaarnotitie boodschappen"
CLOSING = "Zoekbaarslot gedaan"
URL_ADDRESS = "wilhelmina-meldingen@example.org"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("privacy") / "demo"
    build_demo(directory, today=date(2026, 11, 27))
    return directory


def db_file(deployment: Path) -> Path:
    return deployment / "data" / f"{CIRCLE}.db"


def query(deployment: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db_file(deployment)}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def history(demo, tmp_path, cli, monkeypatch):
    """A copy of the demo; member under test with history on both sides, integrations on.

    Returns (deployment, member id, the id of the request they helped with)."""
    deployment = tmp_path / "demo"
    shutil.copytree(demo, deployment)
    monkeypatch.setenv("VOORZORG_CONFIG", str(deployment / "config.toml"))
    monkeypatch.setenv("VOORZORG_CIRCLE", CIRCLE)
    ok = lambda *args, **kw: _ok(cli(*args, **kw))  # noqa: E731
    ok("integration", "add", "notify", "--set", "group_url=json://127.0.0.1:9/x", "--no-test")
    ok("integration", "add", "csv")
    # The member under test: a demo member with requests on both sides and consents.
    member_id = query(deployment, """
        SELECT m.id FROM members m WHERE m.left_on IS NULL
          AND EXISTS (SELECT 1 FROM requests WHERE for_id = m.id)
          AND EXISTS (SELECT 1 FROM requests WHERE helper_id = m.id AND status = 'done')
          AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                      AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
        ORDER BY m.id LIMIT 1""")[0][0]  # fmt: skip
    ok("member", "edit", str(member_id), "--name", NAME, "--phone", PHONE, "--address",
       ADDRESS, "--email", EMAIL, "--by", "Coördinator Anna")  # fmt: skip
    helper = query(deployment, """
        SELECT m.id FROM members m WHERE m.left_on IS NULL AND m.id != ?
          AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                      AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
        ORDER BY m.id LIMIT 1""", [member_id])[0][0]  # fmt: skip
    added = ok("request", "add", "--for", str(member_id), "--category", "boodschappen",
               "--note", NOTE, "--when", "5-12-2027 10:00", "--json")  # fmt: skip
    request_id = added.json["id"]
    ok("request", "ask", str(request_id), str(helper))
    ok("request", "answer", str(request_id), str(helper), "ja")
    ok("request", "done", str(request_id), "--note", CLOSING)
    ok("notify", "member", str(member_id), f"mailto://{URL_ADDRESS}")
    ok("feed", "token", "add", "--label", "telefoon van Wilhelmina", "--member",
       str(member_id))  # fmt: skip
    conn = sqlite3.connect(db_file(deployment))
    with conn:  # a reminder the notify integration sent to them
        conn.execute(
            "INSERT INTO notify_sent (key, sent_at) VALUES (?, ?)",
            [f"request:{request_id}:for:2027-12-05 10:00", "2026-11-29T08:00:00+00:00"],
        )
    conn.close()
    helped = query(deployment, "SELECT id FROM requests WHERE helper_id = ? AND status = 'done'",
                   [member_id])[0][0]  # fmt: skip
    return deployment, member_id, helped


def _ok(result):
    assert result.code == 0, result.err + result.out
    return result


IDENTIFYING = (NAME, PHONE, ADDRESS, EMAIL, NOTE, CLOSING, URL_ADDRESS, "Zoekbaar")


def found_anywhere(deployment: Path, values=IDENTIFYING) -> list[tuple[str, str]]:
    """(file, value) for every identifying value in the raw bytes of any file."""
    hits = []
    for path in sorted(deployment.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for value in values:
            for encoded in {value.encode("utf-8"), value.encode("utf-16-le")}:
                if encoded in data:
                    hits.append((str(path.relative_to(deployment)), value))
    return hits


def test_export_holds_everything_and_validates(history, cli, tmp_path):
    deployment, member_id, _helped = history
    out = tmp_path / "export"
    out.mkdir()
    result = _ok(cli("member", "export", str(member_id), "--out", str(out), "--json"))
    document = result.json
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    written = json.loads((out / f"{CIRCLE}-{member_id}-gegevens.json").read_text())
    jsonschema.validate(written, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert (out / f"{CIRCLE}-{member_id}-gegevens.json").stat().st_mode & 0o077 == 0
    member = document["member"]
    assert (member["name"], member["phone"], member["address"]) == (NAME, PHONE, ADDRESS)
    assert document["consents"] and all(c["given_at"] for c in document["consents"])
    assert {"recorded_by", "text_version", "withdrawn_at"} <= set(document["consents"][0])
    assert {"changed_at": document["changes"][-1]["changed_at"],
            "fields": ["name", "address", "phone", "email"],
            "changed_by": "Coördinator Anna"} == document["changes"][-1]  # fmt: skip
    assert any(r["note"] == NOTE and r["closing_note"] == CLOSING
               for r in document["requests_for"])  # fmt: skip
    assert document["requests_helped"] and document["feed_tokens"][0]["active"]
    assert "token" not in json.dumps(document["feed_tokens"]).replace("feed_tokens", "")
    assert set(document["statistics"]) == {"counted_in_new_releases", "record_key_held"}
    notify = next(i for i in document["integrations"] if i["domain"] == "notify")
    assert any(item.get("request") for item in notify["items"])
    assert URL_ADDRESS not in json.dumps(document)  # a channel address may hold a token
    # Every table of the circle is either read here or holds nothing about anyone.
    from voorzorg.privacy.export import CIRCLE_TABLES, MEMBER_TABLES

    tables = {r[0] for r in query(deployment, "SELECT name FROM sqlite_master WHERE type = "
                                  "'table' AND name NOT LIKE 'sqlite_%'")}  # fmt: skip
    integration_tables = {t for t in tables if t.startswith("notify_")}
    assert tables == set(MEMBER_TABLES) | set(CIRCLE_TABLES) | integration_tables
    # The readable document: every section, in Dutch.
    text = (out / f"{CIRCLE}-{member_id}-gegevens.md").read_text(encoding="utf-8")
    from voorzorg.i18n import _

    for section in SECTIONS:
        assert f"## {_('privacy.export.section.' + section)}" in text, section
    for expected in (NAME, PHONE, NOTE, "Coördinator Anna", "koppelen", "telefoon van Wilhelmina",
                     "Meldingen en herinneringen"):  # fmt: skip
        assert expected in text, expected


def test_erase_removes_every_byte_and_a_restore_erases_again(history, cli, tmp_path):
    deployment, member_id, helped = history
    other = query(
        deployment,
        """
        SELECT m.id FROM members m WHERE m.left_on IS NULL AND m.id != ? AND EXISTS (
          SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.purpose = 'matching'
          AND c.withdrawn_at IS NULL) ORDER BY m.id DESC LIMIT 1""",
        [member_id],
    )[0][0]
    naming = _ok(cli("request", "add", "--for", str(other), "--category", "tuin", "--note",
                     f"samen met {NAME}", "--json")).json["id"]  # fmt: skip
    usb = tmp_path / "usb"
    usb.mkdir()
    _ok(cli("backup", str(usb), "--no-encrypt"))
    others_before = query(deployment, "SELECT * FROM members WHERE id != ? ORDER BY id",
                          [member_id])  # fmt: skip
    asks_before = query(deployment, "SELECT * FROM request_asks WHERE member_id != ? ORDER BY id",
                        [member_id])  # fmt: skip
    assert found_anywhere(deployment)  # the values are there to begin with
    refused = cli("member", "erase", str(member_id), input="nee\n")
    assert refused.code != 0 and query(deployment, "SELECT 1 FROM members WHERE id = ?",
                                       [member_id])  # fmt: skip
    result = _ok(cli("member", "erase", str(member_id), input="ja\n"))
    assert "gewist" in result.out
    assert found_anywhere(deployment) == []
    for table, column in (
        ("members", "id"),
        ("consents", "member_id"),
        ("request_asks", "member_id"),
        ("feed_tokens", "member_id"),
        ("member_changes", "member_id"),
        ("stats_record_keys", "member_id"),
    ):
        assert not query(deployment, f"SELECT 1 FROM {table} WHERE {column} = ?", [member_id])
    # The other side keeps its history, without the erased person.
    row = query(deployment, "SELECT helper_id, helper_erased, status FROM requests WHERE id = ?",
                [helped])[0]  # fmt: skip
    assert row == (None, 1, "done")
    # Someone else's request that named them stays, without the note.
    assert query(deployment, "SELECT for_id, note FROM requests WHERE id = ?",
                 [naming]) == [(other, None)]  # fmt: skip
    kept = _ok(cli("request", "show", str(helped)))
    assert "verwijderd lid" in kept.out
    assert query(deployment, "SELECT * FROM members ORDER BY id") == others_before
    assert query(deployment, "SELECT * FROM request_asks ORDER BY id") == asks_before
    register = (deployment / "data" / "privacy-erasures.jsonl").read_text()
    entry = json.loads(register)  # one line: a random reference, no personal data
    assert len(register.splitlines()) == 1 and set(entry) == {"circle", "ref", "erased_on"}
    assert len(entry["ref"]) == 32 and int(entry["ref"], 16) >= 0
    # Restoring the backup made before the erasure does not bring the person back.
    archive = next(usb.glob("voorzorg-backup-*.tar.gz"))
    restored = _ok(cli("restore", str(archive), "--yes"))
    assert "opnieuw gewist" in restored.err
    assert not query(deployment, "SELECT 1 FROM members WHERE phone = ?", [PHONE])
    live = [p for p in deployment.rglob("*") if ".voorzorg-replaced" not in p.parts]
    assert not [p for p in live if p.is_file() and any(
        v.encode() in p.read_bytes() for v in IDENTIFYING)]  # fmt: skip
    assert found_anywhere(deployment) == []  # the files set aside by restore too
    assert query(deployment, "SELECT count(*) FROM members")[0][0] == len(others_before)


def test_remove_a_mistake_but_not_someone_with_history(history, cli):
    deployment, member_id, _helped = history
    added = _ok(cli("member", "add", "Vergissing", "Dubbel", "--json"))
    mistake = added.json["id"]
    assert cli("member", "remove", str(mistake), input="nee\n").code != 0
    assert query(deployment, "SELECT 1 FROM members WHERE id = ?", [mistake])
    _ok(cli("member", "remove", str(mistake), input="j\n"))
    assert not query(deployment, "SELECT 1 FROM members WHERE id = ?", [mistake])
    assert found_anywhere(deployment, ["Vergissing Dubbel"]) == []
    refused = cli("member", "remove", str(member_id), "--yes")
    assert refused.code != 0
    assert "member leave" in refused.err and "member erase" in refused.err
    assert query(deployment, "SELECT left_on FROM members WHERE id = ?", [member_id]) == [(None,)]


def test_restricted_member_is_kept_but_not_processed(history, cli):
    deployment, member_id, _helped = history
    from voorzorg.deploy import config as config_mod
    from voorzorg.deploy.circles import open_db

    requester = query(deployment, """
        SELECT m.id FROM members m WHERE m.left_on IS NULL AND m.id != ?
          AND m.restricted_at IS NULL AND EXISTS (SELECT 1 FROM consents c
          WHERE c.member_id = m.id AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
        ORDER BY m.id LIMIT 1""", [member_id])[0][0]  # fmt: skip
    _ok(cli("member", "edit", str(member_id), "--offers", "vervoer"))
    request = _ok(cli("request", "add", "--for", str(requester), "--category", "vervoer",
                      "--json")).json  # fmt: skip
    before = _ok(cli("request", "suggest", str(request["id"]), "--json")).json
    assert member_id in {c["member_id"] for c in before}
    _ok(cli("member", "restrict", str(member_id), "--by", "Anna"))
    suggested = _ok(cli("request", "suggest", str(request["id"]), "--json")).json
    assert member_id not in {c["member_id"] for c in suggested}
    assert cli("request", "add", "--for", str(member_id), "--category", "tuin").code != 0
    agreement = cli("agreement", "add", "--helper", str(member_id), "--for", str(requester),
                    "--category", "vervoer")  # fmt: skip
    assert agreement.code != 0 and "beperkt" in agreement.err
    views = {v: query(deployment, f'SELECT * FROM "{v}"') for v in ("deelnemers", "afspraken")}
    assert NAME not in json.dumps(views)
    assert not query(deployment, "SELECT 1 FROM hulpvragen WHERE voor = ?", [NAME])
    # Not in feeds, not in reminders, not in new statistics.
    config = config_mod.load(deployment / "config.toml")
    db = open_db(config, CIRCLE)
    try:
        from voorzorg.calendar.feeds import render_member_feed
        from voorzorg.stats.builder import _counted_members

        feed = render_member_feed(
            db,
            member_id,
            circle_id=CIRCLE,
            name="Z",
            timezone="Europe/Amsterdam",
            today=date(2027, 12, 1),
        )
        assert b"BEGIN:VEVENT" not in feed.body
        assert member_id not in _counted_members(db)
    finally:
        db.close()
    from voorzorg.plugins.notify import reminders

    items = reminders(config, CIRCLE, {"group_url": "json://127.0.0.1:9/x"}, date(2027, 12, 4))
    assert not [i for i in items if i["key"].startswith("request:")]
    assert query(deployment, "SELECT name FROM members WHERE id = ?", [member_id]) == [(NAME,)]
    csv_file = deployment / "leden.csv"
    _ok(cli("member", "export-csv", str(csv_file)))
    shared = csv_file.read_text(encoding="utf-8-sig")
    assert NAME not in shared and len(shared.splitlines()) > 2  # others are there
    export = _ok(cli("member", "export", str(member_id), "--out", str(deployment), "--json"))
    assert export.json["member"]["restricted_at"] and not export.json["statistics"][
        "counted_in_new_releases"]  # fmt: skip
    _ok(cli("member", "unrestrict", str(member_id)))
    assert query(deployment, "SELECT restricted_at FROM members WHERE id = ?",
                 [member_id]) == [(None,)]  # fmt: skip
    changes = export.json["changes"]
    assert changes[-1]["fields"] == ["restricted"] and changes[-1]["changed_by"] == "Anna"


def test_purge_applies_the_retention_policy_and_reports_counts(history, cli):
    deployment, member_id, _helped = history
    stats = deployment / "data" / "stats.db"
    stats_before = stats.read_bytes()
    notes = (
        "SELECT count(*) FROM requests WHERE note IS NOT NULL "
        "OR closing_note IS NOT NULL OR referred_to IS NOT NULL"
    )
    notes_before = query(deployment, notes)[0][0]
    # Left 13 months ago (from the real today: purge measures from the real clock).
    left_on = (local_today() - timedelta(days=400)).isoformat()
    _ok(cli("member", "leave", str(member_id), "--on", left_on))
    dry = _ok(cli("purge", "--dry-run", "--json")).json
    assert dry["circles"][CIRCLE]["members_erased"] == 0  # 24 months have not passed
    config = deployment / "config.toml"
    config.write_text(config.read_text() + "\n[privacy]\nleft_members_months = 12\n"
                      "closed_request_notes_months = 1\nnotification_log_months = 0\n"
                      "view_months = 3\n")  # fmt: skip
    dry = _ok(cli("purge", "--dry-run", "--json")).json
    counts = dry["circles"][CIRCLE]
    assert counts["members_erased"] == 1 and counts["notes_cleared"] > 0
    assert query(deployment, "SELECT 1 FROM members WHERE id = ?", [member_id])  # dry: kept
    report = _ok(cli("purge"))
    assert NAME not in report.out and "1 vertrokken deelnemers gewist" in report.out
    assert not query(deployment, "SELECT 1 FROM members WHERE id = ?", [member_id])
    assert found_anywhere(deployment, [NAME, PHONE, ADDRESS]) == []
    notes_after = query(deployment, notes)[0][0]
    assert notes_after < notes_before
    assert query(deployment, "SELECT value FROM circle_meta WHERE key = "
                 "'privacy_view_months'") == [("3",)]  # fmt: skip
    assert stats.read_bytes() == stats_before  # published releases are never touched


def test_coordinator_views_are_minimal(history, cli):
    deployment, member_id, _helped = history
    columns = [r[1] for r in query(deployment, "PRAGMA table_info(hulpvragen)")]
    assert "doorverwezen_naar" not in columns
    referred = query(deployment, "SELECT referred_to FROM requests WHERE status = 'referred' "
                     "AND referred_to IS NOT NULL")  # fmt: skip
    shown = json.dumps(query(deployment, "SELECT * FROM hulpvragen"))
    assert referred and not any(r[0] in shown for r in referred)
    leaver = query(
        deployment,
        "SELECT for_id FROM requests WHERE status = 'done' "
        "AND for_id != ? ORDER BY closed_at DESC LIMIT 1",
        [member_id],
    )[0][0]
    _ok(cli("member", "edit", str(leaver), "--name", "Vertrokken Uniek"))
    assert "Vertrokken Uniek" in json.dumps(query(deployment, "SELECT * FROM hulpvragen"))
    _ok(cli("member", "leave", str(leaver)))
    left = query(deployment, "SELECT name FROM members WHERE left_on IS NOT NULL")
    everything = json.dumps({v: query(deployment, f'SELECT * FROM "{v}"')
                             for v in ("deelnemers", "hulpvragen", "afspraken")})  # fmt: skip
    assert left and not any(name in everything for (name,) in left)
    old = query(deployment, "SELECT count(*) FROM requests WHERE closed_at < "
                "strftime('%Y-%m-%dT%H:%M:%S', 'now', '-12 months')")[0][0]  # fmt: skip
    assert old > 0  # two years of history ...
    assert not query(
        deployment, "SELECT 1 FROM hulpvragen WHERE afgesloten < date('now', '-12 months')"
    )  # ... of which the views show one year


def test_register_of_processing_covers_every_table_and_column(history, cli):
    deployment, _member_id, _helped = history
    from voorzorg.privacy.processing import DATA, SKIP_TABLES

    text = _ok(cli("register")).out
    tables = [r[0] for r in query(deployment, "SELECT name FROM sqlite_master WHERE type = "
                                  "'table' AND name NOT LIKE 'sqlite_%'")]  # fmt: skip
    for table in tables:
        if table in SKIP_TABLES:
            continue
        assert f"### `{table}`" in text, table
        for (column,) in query(deployment, f"SELECT name FROM pragma_table_info('{table}')"):
            assert f"| `{column}` |" in text, (table, column)
            if not table.startswith("notify_"):
                assert column in DATA[table], (table, column)
    for expected in ("Meldingen en herinneringen", "group_url", "notify_members",
                     "CSV import en export",
                     "24 maanden", "6 maanden", "Coördinatoren", "secure_delete",
                     "koppelen", "statistiek"):  # fmt: skip
        assert expected in text, expected


def test_access_log_records_who_saw_what_without_queries(history, cli, tmp_path):
    from tests.serving import PASSWORD, Server

    deployment, _member_id, _helped = history
    config = deployment / "config.toml"
    _ok(cli("user", "add", "coord", "--coordinator", CIRCLE, "--password-stdin",
            input=PASSWORD + "\n"))  # fmt: skip
    server = Server(config, tmp_path / "serve.log")
    try:
        client = server.login("coord")
        assert client.get(f"/{CIRCLE}/deelnemers.json?_search=Zoekbaar").status_code == 200
        assert client.get(f"/{CIRCLE}/telefoonlijst").status_code == 200
        assert client.get("/-/versions.json").status_code in (200, 404)
    finally:
        server.stop()
    rows = _ok(cli("user", "log", "--account", "coord", "--json")).json
    pages = {(r["circle"], r["page"]) for r in rows}
    assert {(CIRCLE, "deelnemers"), (CIRCLE, "telefoonlijst")} <= pages
    assert all(r["account"] == "coord" and r["role"] == "coordinator" for r in rows)
    assert "Zoekbaar" not in json.dumps(rows)
    instance = (deployment / "data" / "instance.db").read_bytes()
    assert b"_search" not in instance and b"Zoekbaar" not in instance
    assert _ok(cli("user", "log", "-c", "anders", "--json")).json == []
    shown = _ok(cli("user", "log", "--account", "coord")).out
    assert "coördinator" in shown and "coordinator" not in shown  # the role in Dutch
    assert re.search(r"\b(ma|di|wo|do|vr|za|zo) \d{1,2} [a-z]{3} \d{4}, \d\d:\d\d", shown)
    config.write_text(config.read_text() + "\n[privacy]\naccess_log_months = 1\n")
    assert _ok(cli("purge", "--json")).json["access_log"] == 0  # all of it is recent


def test_bad_privacy_settings_and_arguments_are_refused_clearly(circle, cli, tmp_path):
    config = circle / "config.toml"
    original = config.read_text()
    for bad, expected in (
        ("left_members_months = -1", "privacy.left_members_months"),
        ("view_months = 0", "privacy.view_months"),
        ("keep_forever = 1", "keep_forever"),
        ('access_log_months = "zes"', "privacy.access_log_months"),
    ):
        config.write_text(original + f"\n[privacy]\n{bad}\n")
        result = cli("purge", "--dry-run")
        assert result.code != 0 and expected in result.err and "Traceback" not in result.err
    config.write_text(original)
    _ok(cli("member", "add", "Jan", "Proef"))
    missing = cli("member", "export", "Jan", "--out", str(tmp_path / "bestaat-niet"))
    assert missing.code != 0 and "bestaat-niet" in missing.err
    assert cli("member", "erase", "Niemand", "--yes").code != 0
    assert cli("user", "log", "--since", "gisteren?").code != 0
    _ok(cli("member", "restrict", "Jan"))
    again = cli("member", "restrict", "Jan")
    assert again.code != 0 and "al beperkt" in again.err


def test_a_restore_cut_off_by_a_crash_still_erases_again(history, cli, tmp_path):
    from tests.deployfiles import run

    deployment, member_id, _helped = history
    usb = tmp_path / "usb"
    usb.mkdir()
    _ok(cli("backup", str(usb), "--no-encrypt"))
    _ok(cli("member", "erase", str(member_id), "--yes"))
    archive = next(usb.glob("voorzorg-backup-*.tar.gz"))
    config = deployment / "config.toml"
    crashed = run(config, "restore", str(archive), "--yes",
                  env={"VOORZORG_CRASH_AT": "restore.move.0"})  # fmt: skip
    assert crashed.returncode != 0 and (deployment / ".voorzorg-restore.json").exists()
    after = run(config, "member", "list", "-c", CIRCLE, "--json")  # finishes the restore
    assert after.returncode == 0, after.stderr
    assert NAME not in after.stdout and not (deployment / ".voorzorg-restore.json").exists()
    assert not (deployment / ".voorzorg-erasures-pending.json").exists()
    assert found_anywhere(deployment) == []  # the notify address in secrets.toml too


def test_check_finds_an_erased_member_brought_back_and_purge_erases_again(history, cli):
    deployment, member_id, _helped = history
    path = db_file(deployment)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    old_copy = path.read_bytes()
    _ok(cli("member", "erase", str(member_id), "--yes"))
    assert not [f for f in cli("check", "--json").json["findings"]
                if f["code"] == "erased_present"]  # fmt: skip
    # Someone puts an old copy of the file back by hand.
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(old_copy)
    findings = cli("check", "--json").json["findings"]
    assert [f for f in findings if f["code"] == "erased_present" and f["level"] == "error"]
    assert NAME not in json.dumps(findings)
    report = _ok(cli("purge"))
    assert "opnieuw gewist" in report.out
    assert not [f for f in cli("check", "--json").json["findings"]
                if f["code"] in ("erased_present", "erasure_pending")]  # fmt: skip
    assert found_anywhere(deployment) == []


def test_an_erasure_after_a_restore_reaches_the_copies_it_set_aside(history, cli, tmp_path):
    deployment, member_id, _helped = history
    usb = tmp_path / "usb"
    usb.mkdir()
    _ok(cli("backup", str(usb), "--no-encrypt"))
    archive = next(usb.glob("voorzorg-backup-*.tar.gz"))
    _ok(cli("restore", str(archive), "--yes"))  # the files it replaced are kept aside
    aside = [p for p in deployment.rglob("*.db") if ".voorzorg-replaced" in p.parts]
    assert aside and any(NAME.encode() in p.read_bytes() for p in aside)
    _ok(cli("member", "erase", str(member_id), "--yes"))
    circle_files = [p for p in deployment.rglob("*") if p.is_file() and CIRCLE in p.name]
    assert circle_files and not [
        p for p in circle_files if any(v.encode() in p.read_bytes() for v in (NAME, PHONE, NOTE))
    ]
