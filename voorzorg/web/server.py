"""`voorzorg serve`: Datasette in-process, with voorzorg's plugin and settings for a Pi.

Here: the Datasette instance (``build``), its settings and metadata (titles,
canned queries, dashboards), the databases it serves (``sync_databases``, kept in
step with config.toml while serving) and the ``State`` the plugin reads. Who may
see what is decided in ``permissions`` alone.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from pathlib import Path

from voorzorg.deploy import accounts
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.config import Config

WATCH_SECONDS = 30  # how soon a circle added or archived while serving shows up
SETTINGS = {
    "suggest_facets": False,
    "allow_download": False,
    "allow_csv_stream": False,
    "default_allow_sql": False,
    "num_sql_threads": 2,
    "sql_time_limit_ms": 3000,
    "default_page_size": 50,
    "max_returned_rows": 1000,
    "allow_facet": True,
}
TEMPLATES = Path(__file__).with_name("templates")
log = logging.getLogger("voorzorg.serve")
sql_log = logging.getLogger("voorzorg.sql")
stray_log = logging.getLogger("voorzorg.stderr")


class State:
    """What the plugin needs while serving: config, accounts, feed cache.

    One per Datasette instance, as ``datasette._voorzorg`` (see ``state.state_of``); it
    also keeps the served databases in step with config.toml while serving.
    """

    def __init__(self, config: Config) -> None:
        from voorzorg.calendar.feeds import FeedCache

        self.config = config
        self.cache = FeedCache()
        self._instance = accounts.open_instance(config.data_dir)
        self._instance_identity = file_identity(accounts.instance_path(config.data_dir))
        self._lock = threading.Lock()
        self._hashing = asyncio.Semaphore(2)
        from voorzorg.web.limits import Gate

        self.gate = Gate()
        self._watcher: asyncio.Task | None = None

    # accounts, looked up live on every request
    def _with_instance(self, fn, *args):
        with self._lock:
            return fn(self._instance, *args)

    async def account(self, account_id: int):
        # A tiny indexed read, done inline: a thread hop per request would cost more.
        # (The slow password hash never holds this lock.)
        return self._with_instance(accounts.get_account, account_id)

    async def authenticate(
        self, name: str, password: str, address: str, *, known_device: bool = False
    ):
        """("ok", account), ("wrong", None), or ("refused", None) when a limit of
        ``accounts.claim_attempt`` is reached (nothing is checked then).

        The attempt is counted before its password is checked, so parallel attempts
        count against each other. The slow hash runs outside the lock, so a flood of
        logins never stalls the account lookups of every other request; at most 2
        hashes at a time.
        """
        claim = await asyncio.to_thread(
            self._with_instance,
            functools.partial(accounts.claim_attempt, known_device=known_device),
            name,
            address,
        )
        if claim is None:
            return "refused", None
        row, stored = await asyncio.to_thread(self._with_instance, accounts.stored_hash, name)
        async with self._hashing:
            ok = await asyncio.to_thread(accounts.verify_password, password, stored)
        account = await asyncio.to_thread(
            self._with_instance, accounts.settle_attempt, claim, name, address, row, ok
        )
        return ("ok" if account is not None else "wrong"), account

    async def end_sessions(self, account_id: int) -> None:
        await asyncio.to_thread(self._with_instance, accounts.end_sessions, account_id)

    def served_circles(self) -> set[str]:
        return {c.id for c in self.config.active_circles()}

    # circles added or archived while serving
    async def start(self, datasette) -> None:
        self.datasette = datasette
        if self._watcher is None:
            self._watcher = asyncio.get_running_loop().create_task(self._watch())

    async def _watch(self) -> None:
        import os

        seconds = float(os.environ.get("VOORZORG_RELOAD_SECONDS", WATCH_SECONDS))
        while True:
            await asyncio.sleep(seconds)
            try:
                self.refresh()
            except Exception as exc:  # a bad edit of config.toml must not stop serving
                log.warning("config not reloaded: %s", exc)

    def refresh(self) -> None:
        from voorzorg.deploy.restore import finish_if_pending

        finish_if_pending(self.config.path.parent)  # a restore cut off by a crash
        config = config_mod.load(self.config.path)
        self.config = config
        if sync_databases(self.datasette, config):
            from voorzorg.calendar.feeds import FeedCache

            self.cache = FeedCache()  # feeds rendered from a replaced file are stale
        self._reopen_instance_if_replaced()

    def _reopen_instance_if_replaced(self) -> None:
        """A restore replaces instance.db: log in against the new accounts, not the old."""
        path = accounts.instance_path(self.config.data_dir)
        current = file_identity(path)
        if current is None or current == self._instance_identity:
            return
        with self._lock:
            old, self._instance = self._instance, accounts.open_instance(self.config.data_dir)
            self._instance_identity = file_identity(path)
            old.close()
        log.info("instance database replaced on disk: reopened")


def metadata(config: Config) -> dict:
    from voorzorg.web.queries import TABLE_TITLES, canned_queries

    queries = canned_queries()
    databases = {}
    for entry in config.active_circles():
        databases[entry.id] = {
            "title": entry.name,
            "description": entry.neighbourhood or "",
            "queries": queries,
            "tables": {name: {"title": title} for name, title in TABLE_TITLES.items()},
        }
    from voorzorg.web.dashboards import dashboards, hub_dashboards

    databases["stats"] = {"title": "Statistieken (geanonimiseerd)"}
    hub = config.data.get("hub")
    if isinstance(hub, dict):  # a hub (voorzorg/federation): the city and its centres
        databases["stats"]["title"] = f"Stadscijfers (geanonimiseerd): {hub.get('name', '')}"
        charts = hub_dashboards(_latest_release(config), hub.get("name"))
    else:
        charts = dashboards(_latest_release(config))
    return {
        "title": "voorzorg",
        "description": "Voorzorgcirkels: alleen-lezen overzicht",
        "databases": databases,
        "plugins": {"datasette-dashboards": charts},
    }


def _latest_release(config: Config) -> str | None:
    import sqlite3

    path = config.data_dir / accounts.STATS_DB
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT max(release_id) FROM releases").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file: it changes when a restore puts another file in its place."""
    import os

    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


_SERVED_DATABASE = None


def _served_database_class():
    """Datasette's Database, with thread-local connections per object instead of per name.

    Datasette 0.65 keeps each executor thread's connection under the database *name*, so
    a database removed and added again under the same name would go on reading the old
    file through the old connection. Each object here gets its own key.

    Returns (the class for circles, the class for ``stats``): the second runs on an
    executor of its own, with the limits of ``limits``.
    """
    global _SERVED_DATABASE
    if _SERVED_DATABASE is not None:
        return _SERVED_DATABASE
    import itertools
    import sqlite3

    from datasette import database as ds_database

    from voorzorg.web.limits import sql_error_text

    serials = itertools.count(1)

    class ServedDatabase(ds_database.Database):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._local_key = f"voorzorg-{next(serials)}"

        async def execute(self, sql, params=None, *args, log_sql_errors=True, **kwargs):
            # Datasette prints a failed query with its parameters (a member's name from
            # a filter, say) to stderr; the operator gets the error without them.
            try:
                return await super().execute(sql, params, *args, log_sql_errors=False, **kwargs)
            except sqlite3.Error as exc:
                if log_sql_errors:
                    sql_log.warning("sql error on %s: %s", self.name, sql_error_text(exc))
                raise

        async def execute_fn(self, fn):
            if self.ds.executor is None:
                return await super().execute_fn(fn)
            return await self._run_in(self.ds.executor, fn)

        async def _run_in(self, executor, fn):
            def in_thread():
                conn = getattr(ds_database.connections, self._local_key, None)
                if not conn:
                    conn = self.connect()
                    self.ds._prepare_connection(conn, self.name)
                    setattr(ds_database.connections, self._local_key, conn)
                return fn(conn)

            return await asyncio.get_running_loop().run_in_executor(executor, in_thread)

    from voorzorg.web.limits import stats_database_class

    _SERVED_DATABASE = ServedDatabase, stats_database_class(ServedDatabase)
    return _SERVED_DATABASE


def sync_databases(datasette, config: Config) -> set[str]:
    """Serve exactly the active circles (and stats.db when it exists), from the current files.

    A database whose file was replaced (``restore`` renames new files into place) is
    removed and added again: a connection holding the old file would serve stale data
    for ever. Returns the names of the databases that were re-added.
    """
    from voorzorg.deploy.circles import db_path

    Database, StatsDatabase = _served_database_class()
    served = datasette.__dict__.setdefault("_voorzorg_files", {})
    wanted = {entry.id: db_path(config, entry) for entry in config.active_circles()}
    stats = config.data_dir / accounts.STATS_DB
    if stats.exists():
        wanted["stats"] = stats
    for name in list(datasette.databases):
        if name not in wanted and name != "_internal":
            datasette.remove_database(name)
            served.pop(name, None)
    replaced = set()
    for name, path in wanted.items():
        identity = file_identity(path)
        if identity is None:
            continue
        if name in datasette.databases and served.get(name) not in (None, identity):
            datasette.remove_database(name)
            replaced.add(name)
            log.info("database %s replaced on disk: serving the new file", name)
        if name not in datasette.databases:
            if name != "stats":
                _bring_up_to_date(name, path)
            else:
                _stats_up_to_date(path)
            kind = StatsDatabase if name == "stats" else Database
            datasette.add_database(kind(datasette, path=str(path), is_mutable=True), name=name)
            served[name] = identity
    datasette._metadata_local = metadata(config)
    return replaced


def _bring_up_to_date(name: str, path) -> None:
    """A circle file is migrated before it is served (after an upgrade, or a restore of
    an older archive, the pages and feeds read columns that later steps add). A file
    that cannot be migrated (read-only, damaged) is still served as it is, with a line
    in the log; `voorzorg check` names the problem."""
    from voorzorg.errors import VoorzorgError
    from voorzorg.storage import store

    try:
        store.open_circle(path, check=False).close()
    except VoorzorgError as exc:
        log.warning("circle %s served without migrating: %s", name, exc.key)


def _stats_up_to_date(path) -> None:
    """A stats.db made by an older version gets the release tables added since (empty)
    before it is served: the dashboards query them. Published rows are not touched."""
    import sqlite3

    from voorzorg.stats import store as stats_store

    try:
        stats_store.connect(path).close()
    except sqlite3.Error as exc:
        log.warning("stats served without its newer tables: %s", exc)


def build(config: Config):
    """A configured Datasette instance with voorzorg's plugin registered."""
    from voorzorg.storage.imports import import_sqlite_utils, numpy_hidden

    import_sqlite_utils()
    with numpy_hidden():  # Datasette and its vendored pint would import it (see there)
        from datasette.app import Datasette
        from datasette.plugins import pm

    from voorzorg.web import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="voorzorg")
    # Datasette's own error handler prints tracebacks (and their values) to stderr;
    # pages.handle answers every error and logs one line without data instead.
    default_errors = pm.get_plugin("datasette.handle_exception")
    if default_errors is not None:
        pm.unregister(default_errors)
    secret = accounts.session_secret(config.path.parent)
    datasette = Datasette(
        files=[],
        settings=SETTINGS,
        metadata=metadata(config),
        secret=secret,
        template_dir=str(TEMPLATES),
    )
    from voorzorg.i18n import _
    from voorzorg.web.pages import describe, lookup_text

    # The templates' texts, in the user's language (templates/ overrides Datasette's).
    from voorzorg.web.permissions import csv_offered

    datasette.jinja_env.globals.update(
        t=_, t_lookup=lookup_text, t_description=describe, csv_offered=csv_offered
    )
    state = State(config)
    state.datasette = datasette
    datasette._voorzorg = state
    sync_databases(datasette, config)
    return datasette


class StrayOutput:
    """``sys.stderr`` while serving: whatever a library prints there itself (Datasette
    prints some errors with their SQL and parameters, uvicorn its warnings) becomes
    one line per line on ``voorzorg.stderr``, escaped, without quoted parts and cut
    before any parameters. So every line of serve's output is one of the log's own."""

    def __init__(self, real) -> None:
        self.real = real
        self._pending = ""
        self._writing = False

    def write(self, text: str) -> int:
        if self._writing:  # logging reporting its own trouble: straight through
            return self.real.write(text)
        self._pending += text
        while "\n" in self._pending:
            line, self._pending = self._pending.split("\n", 1)
            if line.strip():
                self._writing = True
                try:
                    stray_log.warning("%s", scrub(line))
                finally:
                    self._writing = False
        return len(text)

    def flush(self) -> None:
        self.real.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.real.fileno()


def scrub(line: str) -> str:
    """A stray line as logged: cut before any parameters, quoted parts as "…",
    control characters escaped, at most 300 characters."""
    import re

    from voorzorg.text import escape_control

    line = re.split(r"(?i)\bparams\b", line, maxsplit=1)[0]
    line = re.sub(r'"[^"]*"|\'[^\']*\'', "…", line)
    line = re.sub(r"(no such [a-z]+|has no column named): \S+", r"\1: …", line)
    return escape_control(line[:300])


def serve(config: Config, host: str, port: int) -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    import sys

    sys.stderr = StrayOutput(sys.stderr)  # the log handler above keeps the real stream
    datasette = build(config)
    uvicorn.run(
        datasette.app(),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # uvicorn's log prints full URLs, feed tokens included
        lifespan="on",
    )
