"""Circles (tenants): an entry in config.toml plus its own database file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from voorzorg import clock
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.config import CircleEntry, Config
from voorzorg.deploy.faults import crash_point
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store
from voorzorg.text import clean_line


def validate_timezone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = name.strip()
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ValueError
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise VoorzorgError("circle.bad_timezone", zone=name) from None
    return name


def choose_circle(config: Config, given: str | None) -> CircleEntry:
    """The circle a command works on: the one given, else the only active one."""
    active = config.active_circles()
    if given:
        given = given.strip()
        if not store.is_circle_id(given):
            if given.lower() in config.circles:
                raise VoorzorgError("circle.did_you_mean", id=given, suggestion=given.lower())
            raise VoorzorgError("circle.bad_id", id=given)
        entry = config.circles.get(given)
        if entry is None:
            raise VoorzorgError("circle.unknown", id=given, choices=_choices(active))
        if entry.archived:
            raise VoorzorgError("circle.archived", id=given)
        return entry
    if len(active) == 1:
        return active[0]
    if not active:
        raise VoorzorgError("circle.none", hint="circle.add_hint")
    raise VoorzorgError("circle.choose", choices=_choices(active))


def check_circle_ids(config: Config, ids: list[str]) -> None:
    """Refuse ids of circles the deployment does not have (archived ones it has)."""
    for circle_id in ids:
        if circle_id not in config.circles:
            choose_circle(config, circle_id)  # raises the usual "unknown circle" message


def _choices(circles: list[CircleEntry]) -> str:
    if not circles:
        return "-"
    return ", ".join(f"{c.id} ({c.name})" for c in circles)


def db_path(config: Config, circle: CircleEntry | str) -> Path:
    cid = circle if isinstance(circle, str) else circle.id
    return store.circle_path(config.data_dir, cid)


def open_db(config: Config, circle: CircleEntry | str):
    return store.open_circle(db_path(config, circle))


def add_circle(
    config: Config,
    circle_id: str,
    name: str,
    neighbourhood: str | None = None,
    timezone: str | None = None,
    *,
    adopt: bool = False,
) -> tuple[Config, dict]:
    """Create ``data/<id>.db`` and write ``[circles.<id>]`` into config.toml.

    Crash-safe: the database is built under a hidden temporary name, closed (so it is one
    file), fsynced and renamed into place; only then is the config written. A kill before
    the rename leaves nothing visible; a kill after it leaves a fresh circle file that
    names itself ``<id>`` and holds nobody, which re-running ``circle add`` adopts. With
    ``adopt`` (``voorzorg check --adopt``) an existing circle file with data is adopted too.
    """
    circle_id = circle_id.strip()
    if not store.is_circle_id(circle_id):
        raise VoorzorgError("circle.bad_id", id=circle_id)
    from voorzorg.deploy.accounts import RESERVED_IDS

    if circle_id in RESERVED_IDS:
        raise VoorzorgError("circle.reserved", id=circle_id)
    name = clean_line(name, field="name", max_length=80, required=True)
    neighbourhood = clean_line(neighbourhood, field="neighbourhood", max_length=80)
    timezone = validate_timezone(timezone or config.default_timezone)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    path = db_path(config, circle_id)
    with config_mod.locked(config.path):
        current = config_mod.load(config.path)
        if circle_id in current.circles:
            raise VoorzorgError("circle.exists", id=circle_id)
        if path.exists():
            timezone = _adoptable(path, circle_id, timezone, with_data=adopt)
        else:
            _create_in_place(path, circle_id, timezone)
        crash_point("circle.file_ready")
        new_config = config_mod._edit_locked(
            config.path, _entry_writer(circle_id, name, neighbourhood, timezone)
        )
    return new_config, circle_info(new_config, new_config.circles[circle_id])


def _entry_writer(circle_id, name, neighbourhood, timezone):
    import tomlkit

    created = clock.stamp()

    def change(document) -> None:
        circles = document.get("circles")
        if circles is None:
            circles = tomlkit.table(is_super_table=True)
            document["circles"] = circles
        entry = tomlkit.table()
        entry["name"] = name
        if neighbourhood:
            entry["neighbourhood"] = neighbourhood
        entry["timezone"] = timezone
        entry["created"] = created
        circles[circle_id] = entry

    return change


def _create_in_place(path: Path, circle_id: str, timezone: str) -> None:
    """Build the database under a hidden name, then rename it to ``path`` (atomic)."""
    import contextlib
    import os

    from voorzorg.deploy.config import _fsync_dir

    for old in path.parent.glob(f".{path.name}.creating-*"):
        store.remove_database_files(old)
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    store.remove_database_files(tmp)
    db = store.create_circle_db(tmp, circle_id, timezone)
    db.close()  # the last connection folds the WAL in: one file to rename
    try:
        crash_point("circle.tmp_ready")
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():  # the config lock is held: only someone's hand put it there
            raise VoorzorgError("store.exists", path=str(path))
        os.rename(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            store.remove_database_files(tmp)
        raise


def _adoptable(path: Path, circle_id: str, timezone: str, *, with_data: bool) -> str:
    """Adopt a circle file the config lacks, if it names itself ``circle_id``.

    Without ``with_data`` only a file a killed ``circle add`` left (nobody in it) is
    adopted, and it takes the timezone asked for now. Returns the circle's timezone.
    """
    if store.stored_circle_id(path) != circle_id:
        raise VoorzorgError("store.exists", path=str(path))
    db = store.open_circle(path)
    try:
        people = db.execute("SELECT count(*) FROM members").fetchone()[0]
        if people and not with_data:
            raise VoorzorgError(
                "circle.orphan_has_data", id=circle_id, path=str(path), hint="circle.orphan_hint"
            )
        if with_data:
            return store.circle_meta(db, "timezone") or timezone
        with db.atomic():
            db.execute("UPDATE circle_meta SET value = ? WHERE key = 'timezone'", [timezone])
        return timezone
    finally:
        db.close()


def _set_entry(config: Config, circle_id: str, **values) -> Config:
    if circle_id not in config.circles:
        raise VoorzorgError(
            "circle.unknown", id=circle_id, choices=_choices(list(config.circles.values()))
        )

    def change(document) -> None:
        entry = document["circles"][circle_id]
        for key, value in values.items():
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = value

    return config_mod.edit(config.path, change)


def rename_circle(config: Config, circle_id: str, name: str) -> tuple[Config, dict]:
    """Change the display name. The id stays: it names the file and feed addresses."""
    name = clean_line(name, field="name", max_length=80, required=True)
    new_config = _set_entry(config, circle_id, name=name)
    return new_config, circle_info(new_config, new_config.circles[circle_id])


def archive_circle(config: Config, circle_id: str, archived: bool = True) -> tuple[Config, dict]:
    """Hide a circle (or bring it back); its database file is kept as it is."""
    entry = config.circles.get(circle_id)
    if entry is not None and entry.archived == archived:
        key = "circle.already_archived" if archived else "circle.not_archived"
        raise VoorzorgError(key, id=circle_id)
    new_config = _set_entry(config, circle_id, archived=True if archived else None)
    return new_config, circle_info(new_config, new_config.circles[circle_id])


def circle_info(config: Config, entry: CircleEntry, *, counts: bool = False) -> dict:
    path = db_path(config, entry)
    info = {
        "id": entry.id,
        "name": entry.name,
        "neighbourhood": entry.neighbourhood,
        "timezone": entry.timezone,
        "archived": entry.archived,
        "created": entry.created,
        "database": str(path),
    }
    if counts:
        info["members"] = _member_count(path)
    return info


def _member_count(path: Path) -> int | None:
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM members WHERE left_on IS NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def list_circles(config: Config, include_archived: bool = False) -> list[dict]:
    entries = config.circles.values() if include_archived else config.active_circles()
    return [circle_info(config, entry, counts=True) for entry in entries]


def show_circle(config: Config, circle_id: str) -> dict:
    entry = config.circles.get(circle_id)
    if entry is None:
        raise VoorzorgError(
            "circle.unknown", id=circle_id, choices=_choices(config.active_circles())
        )
    db = open_db(config, entry)
    try:
        info = circle_info(config, entry)
        row = db.execute(
            """SELECT
                 (SELECT count(*) FROM members WHERE left_on IS NULL),
                 (SELECT count(*) FROM members WHERE left_on IS NOT NULL),
                 (SELECT count(*) FROM members WHERE left_on IS NULL AND is_connector)"""
        ).fetchone()
        info.update(members=row[0], members_left=row[1], connectors=row[2])
        info["size_bytes"] = Path(info["database"]).stat().st_size
        return info
    finally:
        db.close()
