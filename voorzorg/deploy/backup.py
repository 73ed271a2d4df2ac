"""`voorzorg backup`: one dated, verified, usually encrypted archive of a whole deployment.

What goes in: every SQLite database in the data folder (found by its header, whatever its
name: circles, ``instance.db``, ``stats.db``, anything added later), each as a consistent
online snapshot through SQLite's backup API (WAL content included, while ``serve`` and
other commands go on writing); and every other regular file of the deployment folder and
the data folder (config.toml, secrets.toml, the web secret, ledgers), so a file a later
version adds is backed up without anyone remembering to list it. Left out: ``-wal``,
``-shm`` and ``-journal`` files (their content is in the snapshot), hidden files and
folders (locks, temporary files, replaced files kept by restore) and earlier archives.

The archive is a tar.gz with ``manifest.json`` last (version, migrations per database,
sha256 per file), encrypted with age (pyrage). It is written as ``<name>.tmp``, fsynced,
read back and compared, and only then renamed: a killed backup never leaves a file that
claims to be a complete archive. The archive is built in memory (age encrypts whole
buffers): 100 circles with two years of history are 20 MB of files, 2 MB compressed.

Key handling, for a volunteer: ``backup setup`` makes a *herstelcode* (recovery code) of
six groups of four letters and digits, keeps it in secrets.toml (0600) so scheduled
backups run unattended, and shows it once to be written on paper and kept away from the
Pi. Restoring on a new Pi needs only that code. An operator may instead give an age
public key (``[backup] recipient``); then the Pi cannot read its own backups at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import secrets
import tarfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from voorzorg import __version__, clock
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.config import Config
from voorzorg.deploy.faults import crash_point
from voorzorg.errors import VoorzorgError, os_error_text
from voorzorg.storage import store

FORMAT = 1
MANIFEST = "manifest.json"
PREFIX = "voorzorg-backup-"
ARCHIVE_NAME = re.compile(r"voorzorg-backup-(\d{8}T\d{6}Z)(?:-\d+)?\.tar\.gz(\.age)?")
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
LAST_BACKUP = ".voorzorg-last-backup.json"
PASSPHRASE_KEY = "backup_passphrase"
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 8
# The recovery code: no 0/o, 1/l/i, so it survives being written by hand and read back.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_GROUPS = 6

Progress = Callable[[int, int, str], None]


# -- what a backup holds ---------------------------------------------------------------


class Item:
    __slots__ = ("kind", "name", "path")

    def __init__(self, name: str, path: Path, kind: str) -> None:
        self.name = name  # "deploy/config.toml", "data/zorgsaam.db"
        self.path = path
        self.kind = kind  # "database" or "file"


def _walk(root: Path, skip: set[Path]) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            and d != "__pycache__"
            and not (here / d / "pyvenv.cfg").exists()  # a virtualenv is software, not data
            and (here / d).resolve() not in skip
        )
        for name in sorted(filenames):
            path = here / name
            if name.startswith(".") or name.endswith(SIDE_SUFFIXES) or name.endswith(".tmp"):
                continue
            if ARCHIVE_NAME.fullmatch(name) or path.is_symlink() or not path.is_file():
                continue
            found.append(path)
    return found


def collect(config: Config, exclude: Path | None = None) -> list[Item]:
    """Every file a backup of this deployment holds, in a stable order."""
    return collect_dirs(config.path.parent, config.data_dir, exclude)


def collect_dirs(deploy_dir: Path, data_dir: Path, exclude: Path | None = None) -> list[Item]:
    deploy_dir, data_dir = Path(deploy_dir).resolve(), Path(data_dir).resolve()
    skip = {data_dir}
    if exclude is not None:
        skip.add(Path(exclude).resolve())
    items: list[Item] = []
    if data_dir.is_dir():
        for path in _walk(data_dir, skip - {data_dir}):
            kind = "database" if store.is_sqlite_file(path) else "file"
            items.append(Item(f"data/{path.relative_to(data_dir).as_posix()}", path, kind))
    for path in _walk(deploy_dir, skip):
        kind = "database" if store.is_sqlite_file(path) else "file"
        items.append(Item(f"deploy/{path.relative_to(deploy_dir).as_posix()}", path, kind))
    return items


# -- keys --------------------------------------------------------------------------------


def backup_settings(config: Config) -> dict:
    table = config.data.get("backup", {})
    return {
        "dest": table.get("dest"),
        "keep_daily": table.get("keep_daily", DEFAULT_KEEP_DAILY),
        "keep_weekly": table.get("keep_weekly", DEFAULT_KEEP_WEEKLY),
        "recipient": table.get("recipient"),
    }


def new_code() -> str:
    return "-".join(
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(CODE_GROUPS)
    )


def normalise_code(text: str) -> str:
    """A code as the volunteer types it back: case, spaces and dashes do not matter."""
    letters = re.sub(r"[\s\-]", "", text.strip().lower())
    if len(letters) == 4 * CODE_GROUPS:
        return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))
    return text.strip()


def stored_code(config: Config) -> str | None:
    value = config_mod.load_secrets(config.secrets_path).get(PASSPHRASE_KEY)
    return value if isinstance(value, str) and value else None


def setup_key(config: Config, *, replace: bool = False) -> dict:
    """Make the recovery code (kept in secrets.toml, 0600), unless there is one or a recipient."""
    settings = backup_settings(config)
    if settings["recipient"]:
        return {"method": "recipient", "recipient": settings["recipient"], "created": False}
    existing = stored_code(config)
    if existing and not replace:
        return {"method": "passphrase", "code": existing, "created": False}
    code = new_code()

    def change(document) -> None:
        import tomlkit

        if PASSPHRASE_KEY not in document:
            document.add(tomlkit.nl())
            document.add(
                tomlkit.comment(
                    "Herstelcode van de back-ups (voorzorg backup setup). Ook op papier!"
                )
            )
        document[PASSPHRASE_KEY] = code

    config_mod.edit_secrets(config.secrets_path, change)
    return {"method": "passphrase", "code": code, "created": True}


def _encrypt(config: Config, plaintext: bytes) -> bytes:
    import pyrage

    settings = backup_settings(config)
    if settings["recipient"]:
        try:
            recipient = pyrage.x25519.Recipient.from_str(settings["recipient"])
        except Exception:
            raise VoorzorgError("backup.bad_recipient", value=settings["recipient"]) from None
        return pyrage.encrypt(plaintext, [recipient])
    code = stored_code(config)
    if code is None:
        raise VoorzorgError("backup.no_key", hint="backup.setup_hint")
    return pyrage.passphrase.encrypt(plaintext, code)


# -- making an archive -----------------------------------------------------------------


def _tar_add(tar: tarfile.TarFile, name: str, content: bytes, mtime: float) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(mtime)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(content))


def _read(item: Item) -> bytes:
    try:
        if item.kind == "database":
            return store.snapshot(item.path)
        return item.path.read_bytes()
    except OSError as exc:
        raise VoorzorgError(
            "file.read_failed", path=str(item.path), error=os_error_text(exc)
        ) from None


def build_archive(config: Config, *, exclude: Path | None = None, progress=None) -> tuple:
    """The plaintext tar.gz of the deployment and its manifest."""
    import gzip
    import socket

    items = collect(config, exclude)
    created = clock.stamp()
    now = clock.timestamp()
    files = []
    raw = io.BytesIO()
    with (
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3, mtime=0) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for number, item in enumerate(items, start=1):
            if progress:
                progress(number, len(items), item.name)
            content = _read(item)
            entry = {
                "name": item.name,
                "kind": item.kind,
                "mode": _mode(item.path),
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
            if item.kind == "database":
                entry["migrations"] = _migrations(content)
                circle_id = _circle_id(content)
                if circle_id:
                    entry["circle_id"] = circle_id
            files.append(entry)
            _tar_add(tar, item.name, content, now)
        manifest = {
            "format": FORMAT,
            "voorzorg_version": __version__,
            "created_at": created,
            "host": socket.gethostname(),
            "data_dir": config.data.get("data_dir", "data"),
            "files": files,
        }
        body = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        _tar_add(tar, MANIFEST, body, now)
    return raw.getvalue(), manifest


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o600


def _with_memory_db(content: bytes, query: Callable):
    import sqlite3

    conn = sqlite3.connect(":memory:")
    if content[18:20] == b"\x02\x02":  # a WAL file's header: memory databases cannot be WAL
        content = content[:18] + b"\x01\x01" + content[20:]
    try:
        conn.deserialize(content)
        return query(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _migrations(content: bytes) -> list[str]:
    """The core schema steps a database has run (restore compares them with its own;
    integrations' migration sets are their own business and not listed)."""
    rows = _with_memory_db(
        content,
        lambda c: c.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'voorzorg' ORDER BY rowid"
        ).fetchall(),
    )
    return [r[0] for r in rows or []]


def _circle_id(content: bytes) -> str | None:
    def query(conn):
        if conn.execute("PRAGMA application_id").fetchone()[0] != store.APPLICATION_ID:
            return None
        return store.circle_meta(conn, "circle_id")

    return _with_memory_db(content, query)


def archive_name(moment: datetime, encrypted: bool) -> str:
    return f"{PREFIX}{moment.strftime('%Y%m%dT%H%M%SZ')}.tar.gz" + (".age" if encrypted else "")


def _free_name(dest: Path, name: str) -> Path:
    path = dest / name
    number = 1
    while path.exists():
        stem, rest = name.split(".", 1)
        path = dest / f"{stem}-{number}.{rest}"
        number += 1
    return path


def write_verified(path: Path, content: bytes) -> None:
    """``path.tmp``, fsync, read back and compare, rename, fsync the folder."""
    from voorzorg.deploy.config import _fsync_dir

    tmp = path.with_name(path.name + ".tmp")
    expected = hashlib.sha256(content).digest()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(content)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        crash_point("backup.written")
        if hashlib.sha256(tmp.read_bytes()).digest() != expected:
            raise VoorzorgError("backup.verify_failed", path=str(tmp))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise VoorzorgError(
                "backup.write_failed", path=str(path), error=os_error_text(exc)
            ) from None
        raise
    _fsync_dir(path.parent)


def create_backup(
    config: Config,
    dest: Path | None = None,
    *,
    encrypt: bool = True,
    progress: Progress | None = None,
) -> dict:
    """Write one archive of the deployment into ``dest`` and apply the retention rules."""
    settings = backup_settings(config)
    if dest is None:
        if not settings["dest"]:
            raise VoorzorgError("backup.no_dest", hint="backup.dest_hint")
        dest = config.path.parent / settings["dest"]
    dest = Path(dest).absolute()
    if not dest.is_dir():
        raise VoorzorgError("backup.dest_missing", path=str(dest))
    if not encrypt and _is_removable(dest):
        raise VoorzorgError("backup.plain_not_local", path=str(dest))
    if encrypt and not settings["recipient"] and stored_code(config) is None:
        raise VoorzorgError("backup.no_key", hint="backup.setup_hint")
    moment = clock.now()
    with _dest_lock(dest):
        _remove_stale_tmp(dest)
        plaintext, manifest = build_archive(config, exclude=dest, progress=progress)
        content = _encrypt(config, plaintext) if encrypt else plaintext
        del plaintext
        path = _free_name(dest, archive_name(moment, encrypt))
        crash_point("backup.before_write")
        write_verified(path, content)
        removed = prune(dest, settings["keep_daily"], settings["keep_weekly"], keep=path)
    record = {
        "archive": str(path),
        "created_at": manifest["created_at"],
        "encrypted": encrypt,
        "size": len(content),
        "files": len(manifest["files"]),
        "databases": sum(1 for f in manifest["files"] if f["kind"] == "database"),
        "removed": [str(p) for p in removed],
    }
    _record_last(config, record)
    return record


def _is_removable(dest: Path) -> bool:
    """Plain (unencrypted) archives stay on this machine: refuse removable media."""
    resolved = dest.resolve()
    return any(resolved.is_relative_to(top) for top in ("/media", "/mnt", "/run/media"))


@contextlib.contextmanager
def _dest_lock(dest: Path):
    import fcntl

    try:
        fd = os.open(dest / ".voorzorg-backup.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise VoorzorgError(
            "backup.write_failed", path=str(dest), error=os_error_text(exc)
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _remove_stale_tmp(dest: Path) -> None:
    """Leftovers of a killed backup (never complete archives) are removed under the lock."""
    for path in dest.glob(f"{PREFIX}*.tmp"):
        with contextlib.suppress(OSError):
            path.unlink()


def _record_last(config: Config, record: dict) -> None:
    path = config.path.parent / LAST_BACKUP
    body = {k: record[k] for k in ("archive", "created_at", "encrypted", "size")}
    with contextlib.suppress(VoorzorgError):
        config_mod.atomic_write(path, json.dumps(body).encode("utf-8"), mode=0o600)


def last_backup(config: Config) -> dict | None:
    try:
        return json.loads((config.path.parent / LAST_BACKUP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# -- retention ---------------------------------------------------------------------------


def archives(dest: Path) -> list[tuple[datetime, Path]]:
    """Complete archives in ``dest``, newest first."""
    from datetime import UTC

    found = []
    for path in Path(dest).iterdir():
        match = ARCHIVE_NAME.fullmatch(path.name)
        if match and path.is_file():
            moment = datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found.append((moment, path))
    return sorted(found, key=lambda pair: (pair[0], pair[1].name), reverse=True)


def to_keep(found: list[tuple[datetime, Path]], daily: int, weekly: int) -> set[Path]:
    """The newest archive of each of the last ``daily`` days and ``weekly`` ISO weeks."""
    keep: set[Path] = set()
    days: list = []
    weeks: list = []
    for moment, path in found:  # newest first
        day = moment.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(path)
        if week not in weeks and len(weeks) < weekly:
            weeks.append(week)
            keep.add(path)
    return keep


def prune(dest: Path, daily: int, weekly: int, keep: Path | None = None) -> list[Path]:
    found = archives(dest)
    kept = to_keep(found, max(daily, 1), max(weekly, 0))
    if keep is not None:
        kept.add(keep)
    removed = []
    for _moment, path in found:
        if path not in kept:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
