"""`voorzorg check`: is this deployment healthy? One list of findings, fit for cron.

Each finding is ``{"level": "error"|"warning", "code": ..., "path": ..., "message": ...,
"fix": ...}``; the exit code is 0 when there is none, 1 when there are only warnings,
2 when something needs action. Checks: config validity; ``PRAGMA integrity_check`` of
every SQLite file in the data folder; circle files the config does not list (orphans)
and circles whose file is missing; files owned by another user than the deployment
folder (one ``sudo voorzorg ...`` leaves root-owned files the volunteer cannot open);
secrets readable by others; large WAL files; free disk space; the age of the last
backup; ``base_url``; a system clock behind what the files already record; a restore
that was cut off; erased members back in a circle, or still in an integration's data.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from voorzorg import clock
from voorzorg.deploy import backup as backup_mod
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.accounts import SECRET_NAME
from voorzorg.deploy.config import Config
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _
from voorzorg.storage import store

OK, WARNINGS, ERRORS = 0, 1, 2
WAL_WARN_BYTES = 64 * 1024 * 1024
FREE_WARN_BYTES = 500 * 1024 * 1024
FREE_ERROR_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_BACKUP_HOURS = 48
CLOCK_SLACK = timedelta(minutes=10)


def _finding(level: str, code: str, path: Path | str | None = None, fix: str | None = None,
             **params) -> dict:  # fmt: skip
    return {
        "level": level,
        "code": code,
        "path": str(path) if path is not None else None,
        "message": _(f"check.{code}", path=str(path) if path is not None else "", **params),
        "fix": _(f"check.fix.{fix}", path=str(path) if path is not None else "", **params)
        if fix
        else None,
    }


def run_checks(config_path: Path, *, now: datetime | None = None) -> dict:
    """Every check on the deployment whose config.toml is ``config_path``."""
    now = now or clock.now()
    findings: list[dict] = []
    try:
        config = config_mod.load(config_path)
    except VoorzorgError as exc:
        findings.append(_finding("error", "config_invalid", config_path, detail=exc.message))
        return _result(config_path, findings, [])
    deploy_dir = config.path.parent.resolve()
    data_dir = config.data_dir
    # Owners and modes first: reading a database in WAL mode makes SQLite create its
    # -wal and -shm files, with the database's own mode.
    findings += _check_owners(deploy_dir, data_dir)
    databases = _databases(data_dir)
    findings += _check_databases(databases)
    findings += _check_circles(config, databases)
    findings += _check_secrets(config)
    findings += _check_disk(data_dir)
    findings += _check_backup(config, now)
    findings += _check_base_url(config)
    findings += _check_clock(deploy_dir, data_dir, databases, now)
    findings += _check_restore(deploy_dir, data_dir)
    findings += _check_erasures(config, deploy_dir)
    return _result(config_path, findings, databases)


def _result(config_path: Path, findings: list[dict], databases: list[Path]) -> dict:
    errors = sum(1 for f in findings if f["level"] == "error")
    warnings = sum(1 for f in findings if f["level"] == "warning")
    status = "error" if errors else "warning" if warnings else "ok"
    return {
        "status": status,
        "exit_code": ERRORS if errors else WARNINGS if warnings else OK,
        "config": str(config_path),
        "databases_checked": len(databases),
        "errors": errors,
        "warnings": warnings,
        "findings": findings,
    }


def _databases(data_dir: Path) -> list[Path]:
    if not data_dir.is_dir():
        return []
    return sorted(
        p
        for p in data_dir.iterdir()
        if p.is_file() and not p.name.startswith(".") and store.is_sqlite_file(p)
    )


def _check_databases(databases: list[Path]) -> list[dict]:
    found = []
    for path in databases:
        result = store.integrity(path)
        if result != "ok":
            found.append(_finding("error", "db_corrupt", path, fix="restore", detail=result))
        size = store.wal_size(path)
        if size > WAL_WARN_BYTES:
            found.append(_finding("warning", "wal_large", path, size=_mb(size)))
    return found


def _check_circles(config: Config, databases: list[Path]) -> list[dict]:
    found = []
    for entry in config.circles.values():
        path = store.circle_path(config.data_dir, entry.id)
        if not path.exists():
            found.append(_finding("error", "circle_missing", path, fix="restore", id=entry.id))
    for path in databases:
        circle_id = store.stored_circle_id(path)
        if circle_id is None:
            continue
        if path.stem not in config.circles:
            found.append(_finding("warning", "orphan", path, fix="orphan", id=path.stem))
        elif circle_id != path.stem:
            found.append(_finding("error", "circle_mismatch", path, id=path.stem, meta=circle_id))
    return found


def _check_owners(deploy_dir: Path, data_dir: Path) -> list[dict]:
    """Files the deployment's owner may not be able to open (left by a `sudo voorzorg`)."""
    import grp
    import pwd

    try:
        owner = deploy_dir.stat()
    except OSError:
        return []
    wrong, blocked = [], []
    for root in dict.fromkeys((deploy_dir, data_dir)):
        if not root.is_dir():
            continue
        for item in [root, *sorted(root.iterdir())]:
            try:
                info = item.lstat()
            except OSError:
                continue
            if info.st_uid != owner.st_uid:
                wrong.append((item, info.st_uid))
            elif (
                item.is_file()
                and info.st_mode & 0o600 != 0o600
                # SQLite gives these the database's own mode: the database is the finding.
                and not item.name.endswith(("-wal", "-shm", "-journal"))
            ):
                blocked.append(item)
    found = [_finding("error", "mode_blocked", p, fix="chmod_user") for p in blocked]
    if not wrong:
        return found

    def name(uid: int) -> str:
        try:
            return pwd.getpwuid(uid).pw_name
        except KeyError:
            return str(uid)

    try:
        group = grp.getgrgid(owner.st_gid).gr_name
    except KeyError:
        group = str(owner.st_gid)
    user = name(owner.st_uid)
    return found + [
        _finding(
            "error",
            "wrong_owner",
            path,
            fix="chown",
            owner=name(uid),
            expected=user,
            user=user,
            group=group,
            dir=str(deploy_dir),
        )
        for path, uid in wrong
    ]


def _check_secrets(config: Config) -> list[dict]:
    found = []
    for path in (config.secrets_path, config.path.parent / SECRET_NAME):
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            continue
        if mode & 0o077:
            found.append(_finding("error", "secret_open", path, fix="chmod", mode=oct(mode)[2:]))
    return found


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _check_disk(data_dir: Path) -> list[dict]:
    try:
        free = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent).free
    except OSError:
        return []
    if free < FREE_ERROR_BYTES:
        return [_finding("error", "disk_full", data_dir, free=_mb(free))]
    if free < FREE_WARN_BYTES:
        return [_finding("warning", "disk_low", data_dir, free=_mb(free))]
    return []


def _check_backup(config: Config, now: datetime) -> list[dict]:
    limit = config.data.get("backup", {}).get("max_age_hours", DEFAULT_MAX_BACKUP_HOURS)
    record = backup_mod.last_backup(config)
    if record is None:
        return [_finding("warning", "backup_never", fix="backup")]
    try:
        made = datetime.fromisoformat(record["created_at"])
    except (KeyError, TypeError, ValueError):
        return [_finding("warning", "backup_never", fix="backup")]
    hours = (now - made).total_seconds() / 3600
    if hours > limit:
        return [
            _finding(
                "warning",
                "backup_old",
                record.get("archive"),
                fix="backup",
                hours=int(hours),
                limit=limit,
            )
        ]
    return []


def _check_base_url(config: Config) -> list[dict]:
    url = urlsplit(config.base_url)
    host = (url.hostname or "").lower()
    if host in ("127.0.0.1", "localhost", "::1", ""):
        return [_finding("warning", "base_url_local", config.path, url=config.base_url)]
    if url.scheme != "https":
        return [_finding("warning", "base_url_http", config.path, url=config.base_url)]
    if url.path not in ("", "/") or url.query:
        return [_finding("warning", "base_url_path", config.path, url=config.base_url)]
    return []


def _check_clock(deploy_dir: Path, data_dir: Path, databases: list[Path], now: datetime) -> list:
    """The Pi has no battery clock: after a power cut without network it may think it is 1970."""
    from datetime import UTC

    newest = None
    for root in dict.fromkeys((deploy_dir, data_dir)):
        if not root.is_dir():
            continue
        for path in root.iterdir():
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            moment = datetime.fromtimestamp(mtime, UTC)
            if newest is None or moment > newest[0]:
                newest = (moment, path)
    if newest and newest[0] > now + CLOCK_SLACK:
        return [
            _finding(
                "error",
                "clock_behind",
                newest[1],
                fix="clock",
                now=clock.stamp(now),
                seen=clock.stamp(newest[0]),
            )
        ]
    return []


def _check_restore(deploy_dir: Path, data_dir: Path) -> list[dict]:
    from voorzorg.deploy.restore import JOURNAL, STAGING

    found = []
    if (deploy_dir / JOURNAL).exists():
        found.append(_finding("error", "restore_pending", deploy_dir / JOURNAL))
    for root in dict.fromkeys((deploy_dir, data_dir)):
        if (root / STAGING).exists() and not (deploy_dir / JOURNAL).exists():
            found.append(_finding("warning", "restore_leftover", root / STAGING))
    return found


def _check_erasures(config: Config, deploy_dir: Path) -> list[dict]:
    """Erased members must stay erased: none of the erasure register may be in a circle
    (read-only here; ``voorzorg purge`` erases them again), and no integration may still
    hold data of a member a restore erased again."""
    import sqlite3

    from voorzorg.deploy.circles import db_path
    from voorzorg.deploy.erasures import PENDING, read_register

    found = []
    if (deploy_dir / PENDING).exists():
        found.append(_finding("error", "erasure_pending", deploy_dir / PENDING, fix="purge"))
    try:
        entries = read_register(config.data_dir)
    except VoorzorgError:
        return found
    refs: dict[str, list[str]] = {}
    for item in entries:
        refs.setdefault(item["circle"], []).append(item["ref"])
    for circle_id, wanted in refs.items():
        entry = config.circles.get(circle_id)
        path = db_path(config, entry) if entry else None
        if path is None or not path.exists():
            continue
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                marks = ",".join("?" for _ in wanted)
                present = conn.execute(
                    f"SELECT count(*) FROM members WHERE ref IN ({marks})", wanted
                ).fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            continue  # an old or damaged file: the integrity check reports it
        if present:
            found.append(_finding("error", "erased_present", path, fix="purge", n=present))
    return found


# -- fixing orphans ----------------------------------------------------------------------


def remove_orphan(config: Config, circle_id: str) -> dict:
    """Set an orphaned circle file aside (never deleted: it may hold the only copy)."""
    path = store.circle_path(config.data_dir, circle_id)
    if circle_id in config.circles:
        raise VoorzorgError("check.not_orphan", id=circle_id)
    if not path.exists() or store.stored_circle_id(path) is None:
        raise VoorzorgError("check.no_orphan", id=circle_id, path=str(path))
    from voorzorg.deploy.restore import REPLACED

    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    aside = config.data_dir / REPLACED / f"orphan-{stamp}"
    aside.mkdir(parents=True, exist_ok=True)
    moved = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.rename(source, aside / source.name)
            moved.append(str(aside / source.name))
    return {"id": circle_id, "moved_to": str(aside), "files": moved}
