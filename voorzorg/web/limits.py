"""Limits on the SQL that accounts may write: one account can never stall the rest.

SQL is written against ``stats`` only (welfare accounts and coordinators; circles
never take SQL). Everything that runs there is bounded:

- **Its own threads.** ``stats`` runs on an executor of its own (``STATS_THREADS``
  threads at a lower CPU priority), never on the threads that serve the circles'
  pages and the feeds; a loop on the statistics costs at most those threads.
- **Per account.** ``Gate``: one request of an account on the statistics at a time;
  a few more wait their turn (the dashboards fetch their charts in parallel), any
  beyond that are refused at once (429) with a Dutch message, as are requests over
  a total bound for everyone together.
- **Per connection.** SQLite's own limits (``SQLITE_LIMITS``: the longest string or
  blob, the longest statement, expression depth ...), a small page cache, read-only,
  and an authorizer that refuses the ``pragma_*`` table-valued functions (which
  tell, for one, the file's path on disk).
- **Per query.** The time limit (``sql_time_limit_ms``) and SQLite's heap (a query
  running while it grows by more than ``MEMORY_BYTES`` is stopped), both enforced by a
  ``Watchdog`` thread, and the size of the answer (``RESULT_BYTES``), read row by row
  and never all at once.

A limit that is hit is a ``LimitReached`` with a Dutch message: Datasette shows it as
a query error (400); an interrupted query is also Datasette's ``QueryInterrupted``,
so its table pages handle it as they always have.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import re
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from voorzorg.i18n import _

STATS_THREADS = 1  # a Pi has 4 cores: the circles' pages and the feeds keep the rest
STATS_NICE = 10  # the statistics' threads yield the CPU to everything else
PER_ACCOUNT_RUNNING = 1
PER_ACCOUNT_WAITING = 16  # the dashboards fetch eight charts at once, maybe in two tabs
TOTAL_WAITING = 48
RESULT_BYTES = 8 * 1024 * 1024
MEMORY_BYTES = 64 * 1024 * 1024  # how much SQLite's heap may grow while a query runs
WATCH_SECONDS = 0.02  # how often the watchdog looks at running statistics queries
SQLITE_LIMITS = {
    "SQLITE_LIMIT_LENGTH": 1_000_000,  # no cell of the statistics comes near
    "SQLITE_LIMIT_SQL_LENGTH": 100_000,
    "SQLITE_LIMIT_COLUMN": 200,
    "SQLITE_LIMIT_EXPR_DEPTH": 200,
    "SQLITE_LIMIT_COMPOUND_SELECT": 50,
    "SQLITE_LIMIT_VDBE_OP": 250_000,
    "SQLITE_LIMIT_FUNCTION_ARG": 32,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 1_000,
    "SQLITE_LIMIT_VARIABLE_NUMBER": 100,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 10,
    "SQLITE_LIMIT_WORKER_THREADS": 0,
}
operator_log = logging.getLogger("voorzorg.sql")


def _memory_probe():
    """SQLite's ``sqlite3_memory_used`` (bytes in use by SQLite in this process), or None
    where the library does not export it."""
    try:
        import _sqlite3

        function = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    except (ImportError, OSError, AttributeError):
        return None
    function.restype = ctypes.c_int64
    function.argtypes = []
    return function


memory_used = _memory_probe()


def limit_connection(conn: sqlite3.Connection) -> None:
    """Put the per-connection limits on a connection to ``stats``."""
    for name, value in SQLITE_LIMITS.items():
        category = getattr(sqlite3, name, None)
        if category is not None:
            conn.setlimit(category, value)
    conn.execute("PRAGMA query_only = 1")
    conn.execute("PRAGMA cache_size = -2000")
    conn.set_authorizer(authorize)


def authorize(action, arg1, arg2, database, trigger):
    """Refuse reading the ``pragma_*`` table-valued functions; Datasette's own
    ``PRAGMA`` statements (table_info ...) stay allowed, and user SQL cannot run
    those (Datasette accepts only SELECT)."""
    if action == sqlite3.SQLITE_READ and (arg1 or "").lower().startswith("pragma_"):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def sql_error_text(exc: Exception) -> str:
    """A failed query's error for the operator's log, without anything the query named:
    SQLite's kind of error, quoted parts and the name after "no such ...:" replaced by
    "…" (a table or value typed into a query could be a person's name), escaped."""
    from voorzorg.text import escape_control

    text = str(exc)[:200]
    text = re.sub(r'"[^"]*"|\'[^\']*\'|\[[^\]]*\]|`[^`]*`', "…", text)
    text = re.sub(r"^(no such [a-z]+|[a-z ]+ has no column named): .*", r"\1: …", text)
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return escape_control(f"{name}: {text}")


def _limit_error_class():
    from datasette.database import QueryInterrupted

    class LimitReached(QueryInterrupted, sqlite3.OperationalError):
        """A limit hit by a query: a query error (400) to Datasette's query page, and
        an interrupted query to its table pages. ``str()`` is the Dutch message."""

        def __init__(self, message: str, sql: str = "", params=None) -> None:
            super().__init__(message, sql, params)
            self.message = message

        def __str__(self) -> str:
            return self.message

    return LimitReached


class _Watch:
    """One running query, as the watchdog sees it: when it must end, and why it was
    stopped (None while it may go on)."""

    def __init__(self, conn, time_limit_ms: float) -> None:
        self.conn = conn
        self.limit_ms = time_limit_ms
        self.deadline = time.monotonic() + time_limit_ms / 1000
        self.reason: str | None = None
        # SQLite's heap is the whole process's (every circle's page cache too): what
        # counts is how much it grew while this query ran.
        self.memory_at_start = memory_used() if memory_used is not None else 0

    def stop(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason
            self.conn.interrupt()


class Watchdog:
    """Stops statistics queries over their time or SQLite's heap over ``MEMORY_BYTES``,
    from a thread of its own with ``Connection.interrupt``.

    A progress handler would call into Python every few thousand SQLite instructions
    and so take the interpreter lock from the threads serving everyone else
    thousands of times a second while a hostile query loops; the watchdog looks
    every ``WATCH_SECONDS`` and leaves a running query alone otherwise.
    """

    def __init__(self) -> None:
        self._running: set[_Watch] = set()
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None

    def watch(self, conn, time_limit_ms: float) -> _Watch:
        watch = _Watch(conn, time_limit_ms)
        with self._lock:
            self._running.add(watch)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="voorzorg-stats-watchdog", daemon=True
                )
                self._thread.start()
            self._wake.notify()
        return watch

    def done(self, watch: _Watch) -> None:
        with self._lock:
            self._running.discard(watch)

    def _loop(self) -> None:
        while True:
            with self._lock:
                while not self._running:
                    self._wake.wait()
                running = list(self._running)
            now = time.monotonic()
            memory = memory_used() if memory_used is not None else 0
            for watch in running:
                if memory_used is not None and memory - watch.memory_at_start > MEMORY_BYTES:
                    watch.stop("memory")
                elif now >= watch.deadline:
                    watch.stop("time")
            time.sleep(WATCH_SECONDS)


def _row_bytes(row) -> int:
    size = 16
    for value in row:
        if isinstance(value, str | bytes):
            size += len(value) + 16
        else:
            size += 16
    return size


def _lower_priority() -> None:
    # Not Linux, or not allowed: the thread works all the same.
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), STATS_NICE)


def stats_executor() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(
        max_workers=STATS_THREADS, thread_name_prefix="voorzorg-stats", initializer=_lower_priority
    )


def stats_database_class(base):
    """``base`` (the served database class) for ``stats``: its own executor and the
    limits above on every connection and query."""
    from datasette.database import QueryInterrupted, Results

    LimitReached = _limit_error_class()

    class StatsDatabase(base):
        def connect(self, write=False):
            conn = super().connect(write=write)
            if not write:
                limit_connection(conn)
            return conn

        def _executor(self):
            executor = getattr(self.ds, "_voorzorg_stats_executor", None)
            if executor is None:
                executor = self.ds._voorzorg_stats_executor = stats_executor()
            return executor

        def _watchdog(self):
            watchdog = getattr(self.ds, "_voorzorg_stats_watchdog", None)
            if watchdog is None:
                watchdog = self.ds._voorzorg_stats_watchdog = Watchdog()
            return watchdog

        async def execute_fn(self, fn):
            if self.ds.executor is None:
                return await super().execute_fn(fn)
            return await self._run_in(self._executor(), fn)

        async def execute(
            self,
            sql,
            params=None,
            truncate=False,
            custom_time_limit=None,
            page_size=None,
            log_sql_errors=True,
        ):
            page_size = page_size or self.ds.page_size
            time_limit_ms = self.ds.sql_time_limit_ms
            if custom_time_limit and custom_time_limit < time_limit_ms:
                time_limit_ms = custom_time_limit

            def run(conn):
                watch = self._watchdog().watch(conn, time_limit_ms)
                cursor = conn.cursor()
                try:
                    cursor.execute(sql, params if params is not None else {})
                    max_rows = self.ds.max_returned_rows
                    if max_rows == page_size:
                        max_rows += 1
                    wanted = max_rows + 1 if (max_rows and truncate) else None
                    rows, size = [], 0
                    while wanted is None or len(rows) < wanted:
                        row = cursor.fetchone()
                        if row is None:
                            break
                        size += _row_bytes(row)
                        if size > RESULT_BYTES:
                            raise LimitReached(_("web.limit_result"), sql, params)
                        rows.append(row)
                    truncated = wanted is not None and len(rows) > max_rows
                    if truncated:
                        rows = rows[:max_rows]
                    return Results(rows, truncated, cursor.description)
                except LimitReached:
                    raise
                except sqlite3.Error as exc:
                    raise self._limit_or(exc, watch, sql, params, log_sql_errors) from None
                finally:
                    cursor.close()  # no statement left pending for a late interrupt
                    self._watchdog().done(watch)

            return await self.execute_fn(run)

        def _limit_or(self, exc, watch, sql, params, log_sql_errors):
            """The exception a failed query raises: a limit in Dutch, or SQLite's own."""
            if watch.reason == "time":
                seconds = f"{watch.limit_ms / 1000:g}"
                return LimitReached(_("web.limit_time", seconds=seconds), sql, params)
            if watch.reason == "memory":
                return LimitReached(_("web.limit_memory"), sql, params)
            name = getattr(exc, "sqlite_errorname", "")
            if name == "SQLITE_TOOBIG":
                return LimitReached(_("web.limit_length"), sql, params)
            if name == "SQLITE_AUTH":
                return LimitReached(_("web.limit_denied"), sql, params)
            if exc.args == ("interrupted",):
                return QueryInterrupted(exc, sql, params)
            if log_sql_errors:
                # For the operator, without the parameters (they may name a person).
                operator_log.warning("sql error on %s: %s", self.name, sql_error_text(exc))
            return exc

    return StatsDatabase


def is_stats_request(path: str) -> bool:
    """Whether a request reads ``stats`` (its pages, its SQL, the dashboards on it)."""
    from voorzorg.web.permissions import DASHBOARDS, STATS, tilde_decode

    if path.startswith(DASHBOARDS):
        return True
    first = path.lstrip("/").split("/", 1)[0]
    first = first.rsplit(".", 1)[0] if "." in first else first
    return tilde_decode(first) == STATS


class Gate:
    """How many requests on the statistics each account has going: one runs, a few
    wait, more are refused at once (and more than ``TOTAL_WAITING`` for everyone)."""

    def __init__(self) -> None:
        self._accounts: dict[int, tuple[asyncio.Semaphore, int]] = {}
        self._total = 0

    def admit(self, account_id: int) -> asyncio.Semaphore | None:
        """Count a request in: its account's semaphore to run under, or None (refuse)."""
        semaphore, count = self._accounts.get(account_id, (None, 0))
        if count >= PER_ACCOUNT_RUNNING + PER_ACCOUNT_WAITING or self._total >= TOTAL_WAITING:
            return None
        if semaphore is None:
            semaphore = asyncio.Semaphore(PER_ACCOUNT_RUNNING)
        self._accounts[account_id] = (semaphore, count + 1)
        self._total += 1
        return semaphore

    def account_busy(self, account_id: int) -> bool:
        """Whether it is this account's own requests that fill its turn (else everyone's)."""
        _semaphore, count = self._accounts.get(account_id, (None, 0))
        return count >= PER_ACCOUNT_RUNNING + PER_ACCOUNT_WAITING

    def leave(self, account_id: int) -> None:
        semaphore, count = self._accounts[account_id]
        self._total -= 1
        if count <= 1:
            del self._accounts[account_id]
        else:
            self._accounts[account_id] = (semaphore, count - 1)
