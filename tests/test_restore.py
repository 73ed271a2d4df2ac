"""`voorzorg restore`: the round trip, kill -9 at every step, faults, and a serving process.

Real deployments, real archives, a real `voorzorg serve` over HTTP; no mocks.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from tests.deployfiles import fingerprint, run
from tests.serving import PASSWORD, Server
from tests.test_backup import code_of, newer_archive
from voorzorg.demo.build import build_demo
from voorzorg.deploy import restore as restore_mod


def names_in(db: Path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM members")}
    finally:
        conn.close()


def test_round_trip_while_serving_and_writing(tmp_path):
    """Back up the demo while serve runs and members are added; destroy; restore; use it."""
    directory = tmp_path / "demo"
    summary = build_demo(directory, today=date(2026, 11, 27))
    config = directory / "config.toml"
    added = run(config, "user", "add", "coord", "--coordinator", "zorgsaam", "--password-stdin",
                input=PASSWORD + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    made_token = run(config, "feed", "token", "add", "-c", "zorgsaam", "--label", "tel", "--json")
    token = json.loads(made_token.stdout)["token"]
    ledger = directory / "data" / "stats-ledger.jsonl"  # the release ledger (stats/ledger.py)
    assert ledger.stat().st_size > 0  # the demo's releases are in it
    ledger_bytes = ledger.read_bytes()
    assert run(config, "backup", "setup").returncode == 0
    code = code_of(directory)
    usb = tmp_path / "usb"
    usb.mkdir()

    server = Server(config, tmp_path / "serve.log")
    acknowledged: list[tuple[float, str]] = []
    stop = threading.Event()

    def writer() -> None:
        number = 0
        while not stop.is_set():
            name = f"Schrijver{number} Test"
            if run(config, "member", "add", *name.split(), "-c", "zorgsaam").returncode == 0:
                acknowledged.append((time.monotonic(), name))
            number += 1

    thread = threading.Thread(target=writer)
    try:
        server.login("coord").get("/zorgsaam/deelnemers.json")
        thread.start()
        while len(acknowledged) < 2:
            time.sleep(0.05)
        started = time.monotonic()
        made = run(config, "backup", str(usb), "--json")
        stop.set()
        thread.join()
    finally:
        stop.set()
        server.stop()
    assert made.returncode == 0, made.stderr
    archive = json.loads(made.stdout)["archive"]
    before_backup = {name for at, name in acknowledged if at < started}
    assert before_backup

    shutil.rmtree(directory)  # the SD card died
    restored = run(tmp_path / "nowhere.toml", "restore", archive, "--to", str(directory),
                   "--code-stdin", "--yes", input=code.upper() + "\n")  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert before_backup <= names_in(directory / "data" / "zorgsaam.db")
    assert ledger.read_bytes() == ledger_bytes
    assert (directory / "secrets.toml").stat().st_mode & 0o777 == 0o600
    assert (directory / "web-secret").stat().st_mode & 0o777 == 0o600

    server = Server(config, tmp_path / "serve2.log")
    try:
        coordinator = server.login("coord")
        rows = coordinator.get("/zorgsaam/deelnemers.json?_shape=array").json()
        assert before_backup <= {row["naam"] for row in rows}
        demo_account = summary["accounts"][0]
        server.login(demo_account["name"], demo_account["password"])
        feed = server.client().get(f"/feeds/zorgsaam/{token}.ics")
        assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content
        welfare = next(a for a in summary["accounts"] if a["role"] == "welfare")
        stats = server.login(welfare["name"], welfare["password"])
        releases = stats.get("/stats.json?sql=select+release_id+from+releases&_shape=array")
        assert {r["release_id"] for r in releases.json()} >= set(summary["releases"])
    finally:
        server.stop()
    assert run(config, "check", "--json").returncode in (0, 1)


@pytest.fixture
def two_states(deployment, cli, tmp_path):
    """An archive of state NEW; the deployment then changed to state OLD (kept pristine)."""
    assert cli("circle", "add", "zorgsaam", "--name", "ZorgSaam").code == 0
    for name in ("Anna de Vries", "Bert Bos"):
        assert cli("member", "add", *name.split(), "-c", "zorgsaam").code == 0
    (deployment / "web-secret").write_text("s" * 64)
    (deployment / "web-secret").chmod(0o600)
    usb = tmp_path / "usb"
    usb.mkdir()
    archive = Path(cli("backup", usb, "--no-encrypt", "--json").json["archive"])
    new = fingerprint(deployment)
    assert cli("member", "add", "Cor", "Later", "-c", "zorgsaam").code == 0
    assert cli("circle", "add", "tweede", "--name", "Tweede").code == 0
    assert cli("member", "add", "Dirk", "Dekker", "-c", "tweede").code == 0
    (deployment / "web-secret").write_text("t" * 64)
    old = fingerprint(deployment)
    assert old != new
    pristine = tmp_path / "pristine"
    shutil.copytree(deployment, pristine)
    return deployment, archive, pristine, old, new


def reset(deployment: Path, pristine: Path) -> None:
    shutil.rmtree(deployment)
    shutil.copytree(pristine, deployment)


def test_kill_9_during_restore_leaves_the_old_or_the_new_deployment(two_states, cli):
    """24 kills: at every named step and at random moments; never a mix."""
    deployment, archive, pristine, old, new = two_states
    config = deployment / "config.toml"
    points = ["restore.staging", "restore.before_commit"] + [f"restore.move.{n}" for n in range(6)]
    rng = random.Random(7)
    seen = {"old": 0, "new": 0}
    for trial in range(24):
        reset(deployment, pristine)
        env = {"VOORZORG_CONFIG": str(config)}
        if trial < len(points):
            env["VOORZORG_CRASH_AT"] = points[trial]
        proc = subprocess.Popen(
            [sys.executable, "-m", "voorzorg", "restore", str(archive), "--yes"],
            env={**__import__("os").environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if trial >= len(points):
            time.sleep(rng.uniform(0.15, 0.6))
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        # The next command of any kind finishes a restore that passed its commit point.
        listed = cli("circle", "list", "--json")
        assert listed.code == 0, listed.err
        state = fingerprint(deployment)
        assert state in (old, new), (trial, sorted(set(state.items()) ^ set(new.items())))
        seen["new" if state == new else "old"] += 1
        assert not (deployment / restore_mod.JOURNAL).exists()
    assert seen["old"] >= 2 and seen["new"] >= 2, seen


def test_restore_in_place_keeps_the_replaced_files(two_states, cli):
    deployment, archive, _pristine, old, new = two_states
    result = cli("restore", archive, input="ja\n")
    assert result.code == 0, result.err
    assert "Wordt vervangen" in result.out and "tweede.db" in result.out
    assert fingerprint(deployment) == new
    kept = next((deployment / ".voorzorg-replaced").iterdir())
    assert fingerprint(kept) == {k: v for k, v in old.items()}
    assert cli("circle", "list", "--json").json[0]["id"] == "zorgsaam"


def test_restore_asks_first_and_nee_changes_nothing(two_states, cli):
    deployment, archive, _pristine, old, _new = two_states
    result = cli("restore", archive, input="nee\n")
    assert result.code == 1
    assert fingerprint(deployment) == old
    assert not (deployment / ".voorzorg-replaced").exists()


def test_restore_faults_give_clear_messages_and_overwrite_nothing(two_states, cli, tmp_path):
    deployment, archive, _pristine, old, _new = two_states
    archive = Path(shutil.copy(archive, tmp_path / archive.name))  # retention keeps one a day
    assert cli("backup", "setup").code == 0
    encrypted = Path(cli("backup", tmp_path / "usb", "--json").json["archive"])
    config = deployment / "config.toml"
    old = fingerprint(deployment)

    wrong = run(config, "restore", str(encrypted), "--code-stdin", "--yes",
                input="aaaa-bbbb-cccc-dddd-eeee-ffff\n")  # fmt: skip
    assert wrong.returncode == 1 and "herstelcode past niet" in wrong.stderr, wrong.stderr

    truncated = tmp_path / "usb" / "afgebroken.tar.gz"
    truncated.write_bytes(archive.read_bytes()[:-100])
    cut = run(config, "restore", str(truncated), "--yes")
    assert cut.returncode == 1 and "beschadigd of onvolledig" in cut.stderr, cut.stderr

    newer = newer_archive(archive, tmp_path / "usb" / "nieuwer.tar.gz", voorzorg_version="99.1.0")
    too_new = run(config, "restore", str(newer), "--yes")
    assert too_new.returncode == 1 and "voorzorg 99.1.0" in too_new.stderr
    assert "Werk voorzorg eerst bij" in too_new.stderr

    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    full = run(config, "restore", str(archive), "--yes", preexec_fn=set_limit)
    assert full.returncode == 1 and "niets veranderd" in full.stderr, full.stderr

    for proc in (wrong, cut, too_new, full):
        assert "Traceback" not in proc.stderr
    assert fingerprint(deployment) == old
    assert not (deployment / ".voorzorg-replaced").exists()
    assert not (deployment / restore_mod.STAGING).exists()


def test_restore_to_a_new_folder_refuses_a_folder_in_use(two_states, cli, tmp_path):
    deployment, archive, _pristine, _old, new = two_states
    result = cli("restore", archive, "--to", deployment, "--yes")
    assert result.code == 1 and "niet leeg" in result.err
    target = tmp_path / "nieuwe-pi"
    result = cli("restore", archive, "--to", target, "--yes", "--json")
    assert result.code == 0, result.err
    assert fingerprint(target) == new


def test_serve_notices_restored_databases_and_accounts(deployment, cli, tmp_path, monkeypatch):
    """A served file replaced by a rename stays stale in its readers: serve must re-add it."""
    config = deployment / "config.toml"
    assert cli("circle", "add", "zorgsaam", "--name", "ZorgSaam").code == 0
    assert cli("member", "add", "Anna", "de", "Vries").code == 0
    assert cli("user", "add", "coord", "--coordinator", "zorgsaam", "--password-stdin",
               input=PASSWORD + "\n").code == 0  # fmt: skip
    usb = tmp_path / "usb"
    usb.mkdir()
    archive = cli("backup", usb, "--no-encrypt", "--json").json["archive"]
    assert cli("member", "add", "Na", "de", "Back-up").code == 0
    monkeypatch.setenv("VOORZORG_RELOAD_SECONDS", "0.3")
    server = Server(config, tmp_path / "serve.log")
    try:
        client = server.login("coord")
        assert len(client.get("/zorgsaam/deelnemers.json?_shape=array").json()) == 2
        restored = run(config, "restore", archive, "--yes")
        assert restored.returncode == 0, restored.stderr
        # Serve looks for replaced files on its reload tick: within a few ticks every
        # request is answered from the restored files, and stays so.
        deadline = time.monotonic() + 30
        counts: list[int] = []
        while time.monotonic() < deadline and counts[-5:] != [1] * 5:
            response = client.get("/zorgsaam/deelnemers.json?_shape=array")
            counts.append(len(response.json()) if response.status_code == 200 else -1)
            time.sleep(0.2)
        assert counts[-5:] == [1] * 5, (counts, server.log()[-2000:])
        server.login("coord")  # the restored instance.db is the one consulted
    finally:
        server.stop()


def test_an_archive_never_chooses_a_folder_outside_the_deployment(two_states, cli, tmp_path):
    deployment, archive, _pristine, old, _new = two_states
    outside = tmp_path / "elders"
    crafted = newer_archive(archive, tmp_path / "crafted.tar.gz", data_dir=str(outside))
    for args in ((), ("--to", tmp_path / "nieuw")):
        result = cli("restore", crafted, *args, "--yes")
        assert result.code == 1 and "buiten" in result.err, result.err
    assert not outside.exists() and not (tmp_path / "nieuw").exists()
    assert fingerprint(deployment) == old
