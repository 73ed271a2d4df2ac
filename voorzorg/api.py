"""The public API for integrations: the one voorzorg module an integration imports.

Everything named in ``__all__`` is the stable surface: within a major version it keeps
its name, its arguments and its meaning, whatever happens to the modules behind it.
Anything else under ``voorzorg`` is internal and may change in any release. The bundled
integrations (``voorzorg.plugins.csv``, ``voorzorg.plugins.notify``) import nothing from
voorzorg but this module; a test checks that, so they show what a third party can do.

What is here:

- hooks: ``hookimpl`` marks a hook implementation (the hooks are documented in
  ``voorzorg/integrations/hookspecs.py``);
- texts and errors: ``_`` translates a key (an integration's keys start with its domain
  and live in ``translations/<lang>.toml`` beside its manifest), ``language()``;
  ``VoorzorgError`` is the one exception for problems a user can fix, shown translated
  without a traceback; ``os_error_text`` explains a failed file operation;
- the command line: ``command``, ``group``, ``option`` (help texts are translation keys),
  ``circle_option``, ``json_option``, ``pass_app`` (passes the ``App``: ``app.config``,
  ``app.circle(id)``, ``app.open_circle(id)`` -> ``(circle, db)``), the core groups
  ``member`` and ``activity`` to add subcommands to, and the output helpers
  ``echo_json``, ``echo_table``, ``echo_fields``;
- the clock (``voorzorg.clock``): ``now()`` (the current instant, UTC) and
  ``today(timezone)``;
- circles and their data: ``open_db``, ``migrate``, ``circle_timezone``; members,
  activities and requests as plain dicts (``list_members``, ``get_member``,
  ``resolve_member``, ``add_member``, ``list_activities``, ``get_activity``,
  ``occurrences``, ``list_requests``, ``get_request``); ``category_label``,
  ``parse_categories``, ``parse_date``, ``parse_local_datetime``, ``fold``;
- config entries and secrets: ``entries``, ``entry_options``, ``read_secrets``,
  ``set_secret``, ``remove_secret``;
- files and tables: ``atomic_write``; ``decode_utf8`` reads UTF-8 with or without a
  byte-order mark and raises ``NotUtf8`` (with ``line`` and ``column``) otherwise;
  ``Migrations`` (sqlite-utils' migration sets, for tables an integration owns).

The ``config`` handed to hooks has ``config.path`` (config.toml) and ``config.circles``
(id -> circle with ``id``, ``name``, ``timezone``, ``archived``). Importing this module
never imports Datasette; the data functions import what they need when called.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voorzorg.cli.base import circle_option, command, group, json_option, option, pass_app
from voorzorg.cli.output import echo_fields, echo_json, echo_table
from voorzorg.errors import VoorzorgError, os_error_text
from voorzorg.i18n import _, language
from voorzorg.integrations.hookspecs import hookimpl
from voorzorg.text import NotUtf8, decode_utf8

if TYPE_CHECKING:
    from sqlite_utils import Migrations

    from voorzorg.cli.activity import activity
    from voorzorg.cli.member import member

__all__ = [
    "Migrations",
    "NotUtf8",
    "VoorzorgError",
    "_",
    "activity",
    "add_member",
    "atomic_write",
    "category_label",
    "circle_option",
    "circle_timezone",
    "command",
    "decode_utf8",
    "echo_fields",
    "echo_json",
    "echo_table",
    "entries",
    "entry_options",
    "fold",
    "get_activity",
    "get_member",
    "get_request",
    "group",
    "hookimpl",
    "json_option",
    "language",
    "list_activities",
    "list_members",
    "list_requests",
    "member",
    "migrate",
    "now",
    "occurrences",
    "open_db",
    "option",
    "os_error_text",
    "parse_categories",
    "parse_date",
    "parse_local_datetime",
    "pass_app",
    "read_secrets",
    "remove_secret",
    "resolve_member",
    "set_secret",
    "today",
]

# Names resolved when first used, so that importing the API stays light.
_LAZY = {
    "Migrations": ("sqlite_utils", "Migrations"),
    "member": ("voorzorg.cli.member", "member"),
    "activity": ("voorzorg.cli.activity", "activity"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        if module == "sqlite_utils":
            from voorzorg.storage.imports import import_sqlite_utils

            import_sqlite_utils()  # without numpy: see there
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


# The clock ----------------------------------------------------------------------------


def now() -> datetime:
    """The current instant, timezone-aware, in UTC (store instants like this)."""
    from voorzorg import clock

    return clock.now()


def today(timezone: str) -> date:
    """Today's date in ``timezone`` (a circle's IANA zone; the Pi may run on UTC)."""
    from voorzorg import clock

    return clock.today(timezone)


# Circles and their data ----------------------------------------------------------------


def open_db(config, circle: str):
    """Open a circle's database; close it when done. It has ``execute(sql, params)``,
    ``atomic()`` (a transaction; nested blocks are savepoints), ``close()``, ``conn``
    (the sqlite3 connection) and ``sqlite_utils()`` (the same connection as a
    ``sqlite_utils.Database``, for its table API)."""
    from voorzorg.deploy.circles import open_db as open_circle_db

    return open_circle_db(config, circle)


def migrate(db, migrations) -> None:
    """Apply what is pending of an integration's ``Migrations`` set to an open circle
    database (the same set its ``migrations`` hook returns)."""
    full = db.sqlite_utils()
    if migrations.pending(full):
        migrations.apply(full)


def circle_timezone(config, circle: str) -> str:
    """The circle's IANA timezone ("Europe/Amsterdam")."""
    return config.circles[circle].timezone


def list_members(db, *, include_left: bool = False, **filters: Any) -> list[dict]:
    """The circle's members as dicts (``id``, ``name``, ``address``, ``postcode``,
    ``phone``, ``email``, ``birth_year``, ``contact_via``, ``connector``, ``offers``,
    ``joined_on``, ...); ``filters``: ``offers``, ``needs``, ``connectors``, ``search``."""
    from voorzorg.domain.members import list_members as list_

    return list_(db, include_left=include_left, **filters)


def get_member(db, member_id: int) -> dict:
    """One member by id; VoorzorgError when there is none."""
    from voorzorg.domain.members import get_member as get

    return get(db, member_id)


def resolve_member(db, text: str) -> int:
    """A member's id from what a volunteer typed (an id or a name); VoorzorgError when
    none or several match."""
    from voorzorg.domain.members import resolve_member as resolve

    return resolve(db, text)


def add_member(db, name: str, *, today: date, **fields: Any) -> dict:
    """Add a member with the same checks as ``voorzorg member add`` (VoorzorgError when a
    field is wrong) and return it as a dict. ``fields``: ``joined``, ``address``,
    ``postcode``, ``phone``, ``email``, ``birth_year``, ``contact_via``, ``connector``,
    ``offers``. Inside a transaction the caller opened, it becomes part of that."""
    from voorzorg.domain.members import add_member as add

    return add(db, name, today=today, **fields)


def list_activities(db) -> list[dict]:
    """The circle's activities as dicts (``id``, ``title``, ``kind``, ``location``,
    ``start_date``, ``start_time``, ``freq``, ``until_date``, ...)."""
    from voorzorg.domain.activities import list_activities as list_

    return list_(db)


def get_activity(db, activity_id: int) -> dict:
    """One activity with its ``exceptions`` (cancelled or moved occurrences)."""
    from voorzorg.domain.activities import get_activity as get

    return get(db, activity_id)


def occurrences(db, *, start: date, end: date, timezone: str) -> list[dict]:
    """Occurrences of every activity from ``start`` to ``end`` (inclusive), in time order,
    with ``status`` ("cancelled" and "moved" included), ``start``, ``title``, ..."""
    from voorzorg.domain.activities import occurrences as occurrences_

    return occurrences_(db, start=start, end=end, timezone=timezone)


def list_requests(db, *, status: str | None = None) -> list[dict]:
    """Requests for help as dicts (``id``, ``category``, ``status``, ``wanted_at``,
    ``for_id``, ``for_name``, ``helper_id``, ``helper_name``, ...)."""
    from voorzorg.domain.requests import list_requests as list_

    return list_(db, status=status)


def get_request(db, request_id: int) -> dict:
    """One request by id."""
    from voorzorg.domain.requests import get_request as get

    return get(db, request_id)


def category_label(code: str) -> str:
    """A kind of help in the user's language ("transport" -> "vervoer")."""
    from voorzorg.categories import label

    return label(code)


def parse_categories(text: str | None) -> list[str] | None:
    """Kinds of help as typed ("vervoer, tuin") -> codes; VoorzorgError for unknown ones."""
    from voorzorg.categories import parse_categories as parse

    return parse(text)


def parse_date(text: str) -> date:
    """A date as volunteers type it: 2026-12-03 or 3-12-2026."""
    from voorzorg.dates import parse_date as parse

    return parse(text)


def parse_local_datetime(text: str, timezone: str) -> datetime:
    """ "2026-12-05 09:30" as an aware time in ``timezone``."""
    from voorzorg.dates import parse_local_datetime as parse

    return parse(text, timezone)


def fold(text: str) -> str:
    """A key for case- and accent-insensitive comparison ("Zoë" -> "zoe")."""
    from voorzorg.text import fold as fold_

    return fold_(text)


# Config entries and secrets -----------------------------------------------------------


def entries(config, circle: str) -> dict[str, dict]:
    """The config entries of a circle: domain -> options (without secrets)."""
    from voorzorg.integrations.entries import entries as entries_

    return entries_(config, circle)


def entry_options(config, circle: str, domain: str) -> dict | None:
    """The options of ``domain``'s entry in ``circle``, secrets included; None when the
    integration is not enabled there."""
    from voorzorg.integrations.entries import with_secrets

    entry = entries(config, circle).get(domain)
    return None if entry is None else with_secrets(config, circle, domain, entry)


def read_secrets(config, circle: str, name: str) -> dict:
    """The table ``[circles.<circle>.<name>]`` of secrets.toml (mode 0600); name it after
    your domain (``notify_members``)."""
    from voorzorg.integrations.entries import read_secrets as read

    return read(config, circle, name)


def set_secret(config, circle: str, name: str, key: str, value: str) -> None:
    """Store ``value`` under ``key`` in ``[circles.<circle>.<name>]`` of secrets.toml,
    atomically and under the deployment's lock. Never print a secret."""
    from voorzorg.integrations.entries import set_secret as set_

    set_(config, circle, name, key, value)


def remove_secret(config, circle: str, name: str, key: str) -> bool:
    """Remove ``key`` from ``[circles.<circle>.<name>]`` of secrets.toml (for an erasure:
    ``privacy_erase``); returns whether it was there."""
    from voorzorg.integrations.entries import remove_secret as remove

    return remove(config, circle, name, key)


# Files ----------------------------------------------------------------------------------


def atomic_write(path: Path, content: bytes, mode: int | None = None) -> None:
    """Write ``content`` so that a crash leaves the old file or the new one, whole;
    ``mode`` 0o600 for files with personal data."""
    from voorzorg.deploy.config import atomic_write as write

    write(Path(path), content, mode=mode)
