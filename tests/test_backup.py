"""`voorzorg backup`: what goes in, encryption, verification, retention, kill -9, faults.

Real deployments in tmp_path, the real CLI (in-process or as a process), real age
encryption through pyrage; no mocks.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.deployfiles import fingerprint, run
from voorzorg.deploy import backup as backup_mod
from voorzorg.deploy.restore import read_archive
from voorzorg.errors import VoorzorgError


def members(cli, *names: str) -> None:
    for name in names:
        result = cli("member", "add", *name.split())
        assert result.code == 0, result.err


def plain_archive(path: Path) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(path.read_bytes()), mode="r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar}


def code_of(deployment: Path) -> str:
    import tomllib

    return tomllib.loads((deployment / "secrets.toml").read_text())["backup_passphrase"]


@pytest.fixture
def dest(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_holds_every_database_and_deployment_file_with_a_manifest(circle, cli, dest):
    members(cli, "Zoë Jansen", "Ömer Demir")
    data = circle / "data"
    # Files voorzorg does not know by name are backed up too: another database and a ledger.
    conn = sqlite3.connect(data / "extra-store")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (42)")
    conn.commit()
    conn.close()
    (data / "stats-ledger.jsonl").write_text('{"release": "2026-H1"}\n')
    (circle / "web-secret").write_text("x" * 64)
    (circle / "web-secret").chmod(0o600)
    (circle / "venv").mkdir()  # software beside the deployment is not backed up
    (circle / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    result = cli("backup", dest, "--no-encrypt", "--json")
    assert result.code == 0, result.err
    archive = Path(result.json["archive"])
    assert archive.parent == dest and archive.name.endswith(".tar.gz")
    files = plain_archive(archive)
    assert set(files) == {
        "manifest.json",
        "data/zorgsaam.db",
        "data/extra-store",
        "data/stats-ledger.jsonl",
        "deploy/config.toml",
        "deploy/secrets.toml",
        "deploy/web-secret",
    }
    manifest = json.loads(files["manifest.json"])
    assert manifest["voorzorg_version"] and manifest["host"] and manifest["created_at"]
    by_name = {f["name"]: f for f in manifest["files"]}
    for name, content in files.items():
        if name != "manifest.json":
            assert by_name[name]["sha256"] == hashlib.sha256(content).hexdigest()
    assert by_name["data/zorgsaam.db"]["kind"] == "database"
    assert by_name["data/zorgsaam.db"]["circle_id"] == "zorgsaam"
    assert "m001_members" in by_name["data/zorgsaam.db"]["migrations"]
    assert by_name["data/extra-store"]["kind"] == "database"
    assert by_name["deploy/secrets.toml"]["mode"] == 0o600
    assert "[1/" in result.err or result.err == ""  # progress goes to stderr, never stdout


def test_backup_includes_what_sits_only_in_the_wal(circle, cli, dest):
    """The volunteer's copy of data/*.db missed every recent write; the backup does not."""
    members(cli, "Anna de Vries")
    holder = sqlite3.connect(circle / "data" / "zorgsaam.db")  # keeps the WAL from folding in
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("SELECT count(*) FROM members").fetchall()
    members(cli, "Bert Bos")
    assert Path(f"{circle}/data/zorgsaam.db-wal").stat().st_size > 0
    result = cli("backup", dest, "--no-encrypt", "--json")
    holder.close()
    files = plain_archive(Path(result.json["archive"]))
    copy = dest / "copy.db"
    copy.write_bytes(files["data/zorgsaam.db"])
    names = {r[0] for r in sqlite3.connect(copy).execute("SELECT name FROM members")}
    assert names == {"Anna de Vries", "Bert Bos"}


def test_encrypted_by_default_and_needs_setup_first(circle, cli, dest):
    refused = cli("backup", dest)
    assert refused.code == 1 and "voorzorg backup setup" in refused.err
    assert list(dest.iterdir()) == []
    setup = cli("backup", "setup")
    assert setup.code == 0 and code_of(circle) in setup.out
    assert (circle / "secrets.toml").stat().st_mode & 0o077 == 0
    again = cli("backup", "setup", "--json")
    assert again.json["created"] is False and again.json["code"] == code_of(circle)
    result = cli("backup", dest, "--json")
    assert result.code == 0, result.err
    archive = Path(result.json["archive"])
    assert archive.name.endswith(".tar.gz.age")
    assert archive.read_bytes().startswith(b"age-encryption.org/v1")
    assert b"zorgsaam" not in archive.read_bytes()
    # The code as written on paper: capitals, spaces instead of dashes.
    typed = code_of(circle).upper().replace("-", " ")
    assert read_archive(archive, code=typed).manifest["files"]


def test_plain_backups_are_refused_on_removable_media(circle, cli):
    result = cli("backup", "/media", "--no-encrypt")
    assert result.code == 1 and "verwisselbare" in result.err
    assert not list(Path("/media").glob("voorzorg-backup-*"))


def test_retention_keeps_daily_and_weekly_archives(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    start = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)
    from datetime import timedelta

    for day in range(60):
        for hour in (3, 15):
            moment = start + timedelta(days=day, hours=hour - 3)
            (folder / backup_mod.archive_name(moment, True)).write_bytes(b"x")
    (folder / "voorzorg-backup-20260301T030000Z.tar.gz.age.tmp").write_bytes(b"x")
    removed = backup_mod.prune(folder, daily=7, weekly=4)
    kept = sorted(p.name for _m, p in backup_mod.archives(folder))
    days = {name[16:24] for name in kept}
    assert len(kept) == len(days)  # one per day: the newest of it
    assert {f"202603{d:02d}" for d in range(1, 2)} <= days
    assert len(days) <= 7 + 4 and len(days) >= 7
    assert all(name.endswith("T150000Z.tar.gz.age") for name in kept)
    assert removed and all(not p.exists() for p in removed)


def test_a_full_destination_leaves_no_archive_and_old_ones_intact(circle, cli, dest):
    members(cli, "Anna de Vries")
    first = cli("backup", dest, "--no-encrypt", "--json")
    old = Path(first.json["archive"])
    old_bytes = old.read_bytes()
    time.sleep(1.1)  # a new name
    members(cli, *(f"Lid{i} Achternaam" for i in range(3)))
    limit = len(old_bytes) // 2

    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = run(circle / "config.toml", "backup", str(dest), "--no-encrypt", preexec_fn=set_limit)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "De schijf is vol" in proc.stderr or "te groot" in proc.stderr, proc.stderr
    assert sorted(p.name for p in dest.iterdir() if not p.name.startswith(".")) == [old.name]
    assert old.read_bytes() == old_bytes


def _complete_archives(folder: Path) -> list[Path]:
    return [p for _m, p in backup_mod.archives(folder)]


def test_kill_9_during_backup_never_leaves_an_incomplete_archive(circle, cli, dest, tmp_path):
    """25 kills at random moments and at the named steps: what claims to be whole is whole."""
    members(cli, *(f"Lid{i} Achternaam" for i in range(8)))
    for extra in ("samenspel", "harmonie"):
        assert cli("circle", "add", extra, "--name", extra.title()).code == 0
    assert cli("backup", "setup").code == 0
    code = code_of(circle)
    config = circle / "config.toml"
    rng = random.Random(12)
    points = ["backup.before_write", "backup.written"]
    outcomes = {"killed": 0, "finished": 0}
    for trial in range(25):
        encrypt = trial % 8 == 0  # scrypt costs a second; most trials run plain
        args = ["-m", "voorzorg", "backup", str(dest)] + ([] if encrypt else ["--no-encrypt"])
        env = {"VOORZORG_CONFIG": str(config)}
        if trial < len(points):
            env["VOORZORG_CRASH_AT"] = points[trial]
        proc = subprocess.Popen(
            [sys.executable, *args],
            env={**__import__("os").environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if trial >= len(points):
            time.sleep(rng.uniform(0.05, 0.7 if not encrypt else 1.8))
            proc.send_signal(signal.SIGKILL)
        rc = proc.wait()
        outcomes["finished" if rc == 0 else "killed"] += 1
        for archive in _complete_archives(dest):
            key = code if archive.name.endswith(".age") else None
            checked = read_archive(archive, code=key)  # raises on anything incomplete
            assert any(f["name"] == "data/zorgsaam.db" for f in checked.manifest["files"])
    assert outcomes["killed"] >= 5, outcomes
    # The next backup clears what killed ones left behind.
    assert cli("backup", dest, "--no-encrypt").code == 0
    assert not list(dest.glob("*.tmp"))


def test_backup_does_not_change_the_deployment(circle, cli, dest):
    members(cli, "Anna de Vries")
    before = fingerprint(circle)
    assert cli("backup", dest, "--no-encrypt").code == 0
    after = fingerprint(circle)
    assert before == after


def test_backup_refuses_a_missing_destination(circle, cli, tmp_path):
    result = cli("backup", tmp_path / "nowhere")
    assert result.code == 1 and "USB-stick" in result.err
    result = cli("backup")
    assert result.code == 1 and "[backup]" in result.err


def test_wrong_code_and_truncated_archives_are_told_apart(circle, cli, dest):
    assert cli("backup", "setup").code == 0
    archive = Path(cli("backup", dest, "--json").json["archive"])
    with pytest.raises(VoorzorgError) as wrong:
        read_archive(archive, code="aaaa-bbbb-cccc-dddd-eeee-ffff")
    assert wrong.value.key == "restore.wrong_code"
    raw = archive.read_bytes()
    for cut in (len(raw) - 20, 300):
        broken = dest / f"cut-{cut}.tar.gz.age"
        broken.write_bytes(raw[:cut])
        with pytest.raises(VoorzorgError) as damaged:
            read_archive(broken, code=code_of(circle))
        assert damaged.value.key == "restore.damaged", (cut, damaged.value.message)
    plain = Path(cli("backup", dest, "--no-encrypt", "--json").json["archive"])
    raw = plain.read_bytes()
    for cut in (1, 8, 50, len(raw) // 2):  # a cut in the trailer or the padding counts too
        (dest / "cut.tar.gz").write_bytes(raw[: len(raw) - cut])
        with pytest.raises(VoorzorgError) as damaged:
            read_archive(dest / "cut.tar.gz")
        assert damaged.value.key == "restore.damaged", cut


def newer_archive(source: Path, target: Path, **changes) -> Path:
    """A copy of a plain archive whose manifest claims a newer voorzorg."""
    files = plain_archive(source)
    manifest = json.loads(files.pop("manifest.json"))
    manifest.update(changes)
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb") as gz, tarfile.open(fileobj=gz, mode="w") as tar:
        for name, content in [*files.items(), ("manifest.json", json.dumps(manifest).encode())]:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    target.write_bytes(raw.getvalue())
    return target


def test_an_operator_key_instead_of_the_recovery_code(circle, cli, dest, tmp_path):
    """With [backup] recipient the Pi holds only the public key: it cannot read its backups."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    with (circle / "config.toml").open("a") as fh:
        fh.write(f'\n[backup]\nrecipient = "{identity.to_public()}"\n')
    assert cli("backup", "setup", "--json").json["method"] == "recipient"
    archive = Path(cli("backup", dest, "--json").json["archive"])
    assert archive.read_bytes().startswith(b"age-encryption.org/v1")
    key = tmp_path / "sleutel.txt"
    key.write_text(str(identity))
    result = cli("restore", archive, "--to", tmp_path / "nieuw", "--identity", key, "--yes")
    assert result.code == 0, result.err
    assert (tmp_path / "nieuw" / "data" / "zorgsaam.db").exists()
    other = tmp_path / "ander.txt"
    other.write_text(str(pyrage.x25519.Identity.generate()))
    wrong = cli("restore", archive, "--to", tmp_path / "nog", "--identity", other, "--yes")
    assert wrong.code == 1 and "past niet" in wrong.err
