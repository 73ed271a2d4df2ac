"""Find, read, validate and edit a deployment's config.toml.

Reading uses the standard library's ``tomllib`` (fast: every command reads the
config). Editing uses ``tomlkit`` so the user's comments and layout survive, and
every edit is validated before it is written atomically (temp file, fsync, rename).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voorzorg.clock import DEFAULT_TIMEZONE
from voorzorg.errors import ConfigError, VoorzorgError, os_error_text
from voorzorg.storage.store import is_circle_id

CONFIG_NAME = "config.toml"
SECRETS_NAME = "secrets.toml"
# Where a restore (and `check`) puts the files it replaced, beside the deployment.
REPLACED = ".voorzorg-replaced"
DEFAULT_BASE_URL = "http://127.0.0.1:8001"
EXAMPLE = Path(__file__).with_name("config.example.toml")

# key -> (type, required); "circles" entries are checked with CIRCLE_KEYS.
TOP_KEYS: dict[str, tuple[type, bool]] = {
    "language": (str, False),
    "data_dir": (str, False),
    "base_url": (str, False),
    "timezone": (str, False),
    "circles": (dict, False),
    "custom_plugins_dir": (str, False),
    "backup": (dict, False),
    "replica": (dict, False),
    "volunteer": (str, False),
    "privacy": (dict, False),
    "federation": (dict, False),
    "hub": (dict, False),
}
# [federation]: the S3-compatible bucket where centres drop their signed statistics and
# a hub collects them (see voorzorg/federation/); credentials live in secrets.toml.
FEDERATION_KEYS: dict[str, tuple[type, bool]] = {
    "endpoint": (str, False),
    "bucket": (str, False),
    "prefix": (str, False),
    "region": (str, False),
    "centre": (str, False),
    "hub_recipient": (str, False),
}
# [hub]: this deployment collects the centres' bundles and serves the city's figures.
HUB_KEYS: dict[str, tuple[type, bool]] = {
    "name": (str, True),
    "recipient": (str, False),
}
# [privacy]: the retention policy and the coordinators' view period, in months
# (see deploy/retention.py; defaults there). 0 for a retention period: keep.
PRIVACY_KEYS: dict[str, tuple[type, bool]] = {
    "closed_request_notes_months": (int, False),
    "left_members_months": (int, False),
    "notification_log_months": (int, False),
    "access_log_months": (int, False),
    "view_months": (int, False),
    "call_log_months": (int, False),
    "wellbeing_interval_months": (int, False),
    "wellbeing_months": (int, False),
}
# [replica]: continuous replication with Litestream (see deploy/replica.py).
REPLICA_KEYS: dict[str, tuple[type, bool]] = {
    "url": (str, True),
    "endpoint": (str, False),
    "region": (str, False),
    "sync_interval": (str, False),
}
# [backup]: where archives go and how many are kept (see deploy/backup.py).
BACKUP_KEYS: dict[str, tuple[type, bool]] = {
    "dest": (str, False),
    "keep_daily": (int, False),
    "keep_weekly": (int, False),
    "recipient": (str, False),
    "max_age_hours": (int, False),
}
CIRCLE_KEYS: dict[str, tuple[type, bool]] = {
    "name": (str, True),
    "neighbourhood": (str, False),
    "timezone": (str, False),
    "archived": (bool, False),
    "created": (str, False),
    "integrations": (dict, False),
    "feed_show_cancelled": (bool, False),
    "feed_reminder_minutes": (int, False),
}
_TYPE_NAMES = {str: "type.text", bool: "type.boolean", dict: "type.table", int: "type.number"}


# Plain classes rather than dataclasses: every command reads the config, and
# dataclass creation costs milliseconds of start-up.
class CircleEntry:
    __slots__ = (
        "archived", "created", "feed_reminder_minutes", "feed_show_cancelled", "id", "name",
        "neighbourhood", "timezone",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        name: str,
        neighbourhood: str | None = None,
        timezone: str = DEFAULT_TIMEZONE,
        archived: bool = False,
        created: str | None = None,
        feed_show_cancelled: bool = True,
        feed_reminder_minutes: int | None = None,
    ) -> None:
        # Feeds: a cancelled occurrence stays in the calendar marked "Afgelast" unless
        # the circle prefers it gone; an optional reminder (VALARM) before each event.
        self.feed_show_cancelled = feed_show_cancelled
        self.feed_reminder_minutes = feed_reminder_minutes
        self.id = id
        self.name = name
        self.neighbourhood = neighbourhood
        self.timezone = timezone
        self.archived = archived
        self.created = created

    def __repr__(self) -> str:
        return f"CircleEntry({self.id!r}, {self.name!r})"


class Config:
    __slots__ = ("circles", "data", "path")

    def __init__(
        self, path: Path, data: dict[str, Any], circles: dict[str, CircleEntry] | None = None
    ) -> None:
        self.path = path
        self.data = data
        self.circles = circles or {}

    @property
    def language(self) -> str | None:
        return self.data.get("language")

    @property
    def data_dir(self) -> Path:
        return (self.path.parent / self.data.get("data_dir", "data")).resolve()

    @property
    def secrets_path(self) -> Path:
        return self.path.parent / SECRETS_NAME

    @property
    def base_url(self) -> str:
        """Public address of `voorzorg serve`, used in subscription links."""
        return self.data.get("base_url", DEFAULT_BASE_URL)

    @property
    def volunteer(self) -> str | None:
        """Who records consents by default (``volunteer = "Els"``), instead of asking."""
        return self.data.get("volunteer")

    @property
    def default_timezone(self) -> str:
        return self.data.get("timezone", DEFAULT_TIMEZONE)

    def active_circles(self) -> list[CircleEntry]:
        return [c for c in self.circles.values() if not c.archived]


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "voorzorg" / CONFIG_NAME


def find_config(explicit: str | os.PathLike | None = None) -> Path:
    """``--config``, then ``VOORZORG_CONFIG``, then ./config.toml, then the user's config dir."""
    if explicit:
        path = Path(explicit)
        if path.is_dir():
            path = path / CONFIG_NAME
        if not path.is_file():
            raise ConfigError("config.missing_given", path=str(path))
        return path.absolute()
    env = os.environ.get("VOORZORG_CONFIG")
    if env:
        path = Path(env)
        if path.is_dir():
            path = path / CONFIG_NAME
        if not path.is_file():
            raise ConfigError("config.missing_env", path=str(path))
        return path.absolute()
    candidates = [Path.cwd() / CONFIG_NAME, user_config_path()]
    for path in candidates:
        if path.is_file():
            return path.absolute()
    raise ConfigError(
        "config.not_found",
        searched="\n  ".join(str(p) for p in candidates),
        hint="config.init_hint",
    )


def load(path: Path) -> Config:
    """Read and validate config.toml; errors name the file, line and column."""
    import tomllib

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError("config.unreadable", path=str(path), error=os_error_text(exc)) from None
    text = _decode(raw, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, str(exc)) from None
    return _validated(path, text, data)


def _decode(raw: bytes, path: Path) -> str:
    from voorzorg.text import NotUtf8, decode_utf8

    try:
        return decode_utf8(raw)
    except NotUtf8 as exc:
        raise ConfigError(
            "config.not_utf8", path=str(path), line=exc.line, column=exc.column
        ) from None


_POSITION = r"^(?P<what>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$"
_END = r"^(?P<what>.*?)\s*\(at end of document\)$"


def _syntax_error(path: Path, message: str) -> ConfigError:
    match = re.match(_POSITION, message)
    if match:
        return ConfigError(
            "config.syntax",
            path=str(path),
            line=int(match["line"]),
            column=int(match["col"]),
            detail=match["what"],
        )
    match = re.match(_END, message)
    return ConfigError(
        "config.syntax_end", path=str(path), detail=match["what"] if match else message
    )


def _validated(path: Path, text: str, data: dict[str, Any]) -> Config:
    _check_table(path, text, data, TOP_KEYS, ())
    if "language" in data and data["language"] not in ("nl", "en"):
        _fail(path, text, ("language",), "config.bad_language", value=data["language"])
    for key in ("base_url",):
        if key in data and not data[key].startswith(("http://", "https://")):
            _fail(path, text, (key,), "config.bad_url", value=data[key])
    _check_timezone(path, text, data, ())
    if isinstance(data.get("backup"), dict):
        _check_table(path, text, data["backup"], BACKUP_KEYS, ("backup",))
        for key in ("keep_daily", "keep_weekly", "max_age_hours"):
            if data["backup"].get(key, 0) < 0:
                _fail(path, text, ("backup", key), "config.negative", key=f"backup.{key}")
    if isinstance(data.get("replica"), dict):
        _check_table(path, text, data["replica"], REPLICA_KEYS, ("replica",))
    if isinstance(data.get("federation"), dict):
        _check_table(path, text, data["federation"], FEDERATION_KEYS, ("federation",))
        endpoint = data["federation"].get("endpoint")
        if endpoint is not None and not endpoint.startswith(("http://", "https://")):
            _fail(path, text, ("federation", "endpoint"), "config.bad_url", value=endpoint)
    if isinstance(data.get("hub"), dict):
        _check_table(path, text, data["hub"], HUB_KEYS, ("hub",))
    if isinstance(data.get("privacy"), dict):
        _check_table(path, text, data["privacy"], PRIVACY_KEYS, ("privacy",))
        for key, value in data["privacy"].items():
            if not 0 <= value <= 600 or (key == "view_months" and value < 1):
                _fail(path, text, ("privacy", key), "config.privacy_months", key=f"privacy.{key}")
    circles: dict[str, CircleEntry] = {}
    for cid, entry in data.get("circles", {}).items():
        if not is_circle_id(cid):
            _fail(path, text, ("circles", cid), "config.bad_circle_id", id=cid)
        if not isinstance(entry, dict):
            _fail(path, text, ("circles", cid), "config.circle_not_table", id=cid)
        _check_table(path, text, entry, CIRCLE_KEYS, ("circles", cid))
        _check_timezone(path, text, entry, ("circles", cid))
        _check_texts(path, text, entry, ("circles", cid))
        circles[cid] = CircleEntry(
            id=cid,
            name=entry["name"],
            neighbourhood=entry.get("neighbourhood"),
            timezone=entry.get("timezone", data.get("timezone", DEFAULT_TIMEZONE)),
            archived=entry.get("archived", False),
            created=entry.get("created"),
            feed_show_cancelled=entry.get("feed_show_cancelled", True),
            feed_reminder_minutes=_reminder(path, text, entry, cid),
        )
    return Config(path=path, data=data, circles=circles)


def _reminder(path, text, entry, cid) -> int | None:
    value = entry.get("feed_reminder_minutes")
    if value is not None and not 1 <= value <= 7 * 24 * 60:
        _fail(path, text, ("circles", cid, "feed_reminder_minutes"), "config.bad_reminder",
              value=value)  # fmt: skip
    return value


# The shape of an IANA zone name, r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*",
# checked without compiling a regex on every start; whether the zone exists is
# checked where it is used (zoneinfo costs milliseconds that most commands need not pay).
_ZONE_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ZONE_CHARS = _ZONE_LETTERS | frozenset("0123456789_+-")


def is_zone_name(value: str) -> bool:
    parts = value.split("/")
    return (
        value[:1] in _ZONE_LETTERS
        and all(parts[1:])
        and all(_ZONE_CHARS.issuperset(part) for part in parts)
    )


def _check_timezone(path, text, table, prefix) -> None:
    value = table.get("timezone")
    if value is not None and not is_zone_name(value):
        _fail(path, text, (*prefix, "timezone"), "config.bad_timezone", value=value)


def _check_texts(path, text, table, prefix) -> None:
    from voorzorg.text import clean_line

    for key in ("name", "neighbourhood"):
        if key in table:
            try:
                clean_line(table[key], field=key, max_length=80, required=key == "name")
            except VoorzorgError as exc:
                _fail(path, text, (*prefix, key), "config.bad_text", detail=exc.message)


def _check_table(path, text, table, schema, prefix) -> None:
    for key, value in table.items():
        if key not in schema:
            _fail(
                path,
                text,
                (*prefix, key),
                "config.unknown_key",
                key=".".join((*prefix, key)),
                known=", ".join(schema),
            )
        expected, _required = schema[key]
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            from voorzorg.i18n import _

            _fail(
                path,
                text,
                (*prefix, key),
                "config.wrong_type",
                key=".".join((*prefix, key)),
                expected=_(_TYPE_NAMES[expected]),
            )
    for key, (_type, required) in schema.items():
        if required and key not in table:
            _fail(path, text, prefix, "config.missing_key", key=".".join((*prefix, key)))


def _fail(path: Path, text: str, keypath: tuple[str, ...], message: str, **params) -> None:
    line, column = locate(text, keypath)
    raise ConfigError(message, path=str(path), line=line, column=column, **params)


def locate(text: str, keypath: tuple[str, ...]) -> tuple[int, int]:
    """Best-effort line and column of ``keypath`` (a table or a key) in TOML ``text``."""
    table: tuple[str, ...] = ()
    header = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
    keyline = re.compile(r"^(\s*)(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\s*=")
    fallback = (1, 1)
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            table = tuple(part.strip().strip("\"'") for part in match[1].split("."))
            if table == keypath:
                return number, line.index("[") + 1
            if keypath[: len(table)] == table and fallback == (1, 1):
                fallback = (number, 1)
            continue
        match = keyline.match(line)
        if match:
            dotted = tuple(p.strip().strip("\"'") for p in match[2].split("."))
            if (*table, *dotted) == keypath:
                return number, len(match[1]) + 1
    return fallback


@contextlib.contextmanager
def locked(path: Path):
    """Hold an exclusive lock on the deployment's config while changing it.

    Two volunteers adding a circle at the same moment must not overwrite each
    other's entry: every edit takes the lock, then reads the file afresh.
    """
    import fcntl

    lock_path = path.resolve().parent / f".{path.name}.lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise VoorzorgError(
            "file.write_failed", path=str(lock_path), error=os_error_text(exc)
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def edit(path: Path, change: Callable[[Any], None]) -> Config:
    """Apply ``change`` to the tomlkit document of ``path``, validate, write atomically.

    Comments and layout the user wrote are kept. Nothing is written if the result
    would not be a valid config. Call it inside ``locked(path)`` when the change
    depends on what the file held (``edit`` takes the lock itself otherwise).
    """
    with locked(path):
        return _edit_locked(path, change)


def _edit_locked(path: Path, change: Callable[[Any], None]) -> Config:
    import tomlkit

    document = _document(path, _decode(path.read_bytes(), path))
    change(document)
    new_text = tomlkit.dumps(document)
    config = _validated(path, new_text, document.unwrap())
    atomic_write(path, new_text.encode("utf-8"))
    return config


def edit_secrets(path: Path, change: Callable[[Any], None]) -> None:
    """Apply ``change`` to the tomlkit document of secrets.toml and write it back.

    Like ``edit``: under the lock, read afresh (a missing file is an empty one),
    written atomically; the file is only ever readable by its owner (0600).
    """
    import tomlkit

    with locked(path):
        text = _decode(path.read_bytes(), path) if path.exists() else ""
        document = _document(path, text)
        change(document)
        atomic_write(path, tomlkit.dumps(document).encode("utf-8"), mode=0o600)


def _document(path: Path, text: str):
    """The tomlkit document of ``text`` (read from ``path``), for editing."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        return tomlkit.parse(text)
    except ParseError as exc:
        raise ConfigError(
            "config.syntax", path=str(path), line=exc.line, column=exc.col, detail=""
        ) from None


def atomic_write(path: Path, content: bytes, mode: int | None = None) -> None:
    """Write ``content`` to ``path`` so that a crash leaves the old or the new file, whole."""
    import tempfile

    path = Path(path).resolve()  # a symlinked config.toml stays a symlink
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = 0o644
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise VoorzorgError("file.write_failed", path=str(path), error=os_error_text(exc)) from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise VoorzorgError(
                "file.write_failed", path=str(path), error=os_error_text(exc)
            ) from None
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_secrets_mode(path: Path) -> None:
    """Refuse, as ssh does, a secrets file that others can read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_mode & 0o077:
        raise ConfigError(
            "secrets.too_open", path=str(path), mode=oct(stat.S_IMODE(info.st_mode))[2:]
        )


def load_secrets(path: Path) -> dict[str, Any]:
    """Read secrets.toml, refusing (as ssh does) a file that others can read."""
    import tomllib

    if not path.exists():
        return {}
    check_secrets_mode(path)
    text = _decode(path.read_bytes(), path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, str(exc)) from None
