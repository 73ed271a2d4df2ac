"""Circles (tenants): an entry in config.toml plus its own database file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from voorzorg import clock
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.config import CircleEntry, Config
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
) -> tuple[Config, dict]:
    """Create ``data/<id>.db`` and write ``[circles.<id>]`` into config.toml."""
    import tomlkit

    circle_id = circle_id.strip()
    if not store.is_circle_id(circle_id):
        raise VoorzorgError("circle.bad_id", id=circle_id)
    if circle_id in config.circles:
        raise VoorzorgError("circle.exists", id=circle_id)
    from voorzorg.deploy.accounts import RESERVED_IDS

    if circle_id in RESERVED_IDS:
        raise VoorzorgError("circle.reserved", id=circle_id)
    name = clean_line(name, field="name", max_length=80, required=True)
    neighbourhood = clean_line(neighbourhood, field="neighbourhood", max_length=80)
    timezone = validate_timezone(timezone or config.default_timezone)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    path = db_path(config, circle_id)
    created = clock.stamp()
    db = store.create_circle_db(path, circle_id, timezone)
    db.close()

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

    try:
        new_config = config_mod.edit(config.path, change)
    except BaseException:
        store.remove_database_files(path)
        raise
    return new_config, circle_info(new_config, new_config.circles[circle_id])


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
