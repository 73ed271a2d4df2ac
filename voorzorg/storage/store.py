"""The one place that opens databases.

Every circle lives in its own SQLite file ``<data_dir>/<circle-id>.db``. Files are
opened with the settings the reliability brief asks for (WAL, synchronous=FULL,
foreign keys, busy timeout, secure_delete), existing files in ``mode=rw`` so a
mistyped path never creates an empty database, and checked: a file that is not a
circle database or is damaged is refused before anything is written to it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from voorzorg import clock
from voorzorg.errors import VoorzorgError, os_error_text

# PRAGMA application_id marks a file as a voorzorg circle database ("VZRG").
APPLICATION_ID = 0x565A5247
BUSY_TIMEOUT_MS = 5000
# A circle's id names its file, ``<id>.db``: a slug, never a path. The pattern is
# documentation (and a test strategy); ``is_circle_id`` checks it without compiling it.
CIRCLE_ID = r"[a-z0-9][a-z0-9-]{0,39}"
_ID_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ID_REST = _ID_FIRST | {"-"}


def is_circle_id(text: str) -> bool:
    return (
        isinstance(text, str)
        and 0 < len(text) <= 40
        and text[0] in _ID_FIRST
        and _ID_REST.issuperset(text)
    )


def circle_meta(db, key: str, default: str | None = None) -> str | None:
    """A value the circle database keeps about itself (circle_id, timezone, created_at)."""
    row = db.execute("SELECT value FROM circle_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def circle_path(data_dir: Path, circle_id: str) -> Path:
    """The database path of a circle; never outside ``data_dir``."""
    if not is_circle_id(circle_id):
        raise VoorzorgError("circle.bad_id", id=circle_id)
    base = Path(data_dir).resolve()
    path = base / f"{circle_id}.db"
    if path.is_symlink() or path.resolve().parent != base:
        raise VoorzorgError("store.outside_data_dir", path=str(path), data_dir=str(base))
    return path


class Database:
    """A circle's open database: ``execute``, ``atomic`` and ``close``, on plain sqlite3.

    Reading commands are most of a volunteer's day, so opening a circle must not import
    sqlite-utils (about 100 ms with numpy on a Pi). This is the small part of
    ``sqlite_utils.Database`` the core uses, with the same transaction rules: a statement
    outside ``atomic()`` commits on its own, and ``atomic()`` blocks nest as savepoints.
    ``sqlite_utils()`` gives the full sqlite-utils object on the same connection, for
    migrations and integrations that want its table API.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self._savepoints = 0

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction; nested blocks are savepoints that roll back on their own."""
        if self.conn.in_transaction:
            self._savepoints += 1
            name = f"vz_{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            finally:
                self._savepoints -= 1
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def sqlite_utils(self):
        """The same connection as a ``sqlite_utils.Database`` (imports sqlite-utils)."""
        from voorzorg.storage.imports import import_sqlite_utils

        return import_sqlite_utils().Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode={mode}"
    # isolation_level=None: no implicit transactions; Database.atomic() says BEGIN.
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")


def create_circle_db(path: Path, circle_id: str, timezone: str):
    """Create and migrate a new circle database; refuse if the file exists."""
    from voorzorg.storage import schema

    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    except FileExistsError:
        raise VoorzorgError("store.exists", path=str(path)) from None
    except OSError as exc:
        raise VoorzorgError("file.write_failed", path=str(path), error=os_error_text(exc)) from None
    os.close(fd)
    try:
        conn = _connect(path, "rw")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        _configure(conn)
        db = Database(conn, path)
        schema.migrate(db)
        with db.atomic():
            db.execute(
                "INSERT INTO circle_meta (key, value) VALUES (?, ?), (?, ?), (?, ?)",
                ["circle_id", circle_id, "timezone", timezone, "created_at", clock.stamp()],
            )
        return db
    except sqlite3.Error as exc:
        remove_database_files(path)
        raise sqlite_error(exc, path) from None
    except BaseException:
        remove_database_files(path)
        raise


def remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def open_circle(path: Path, *, check: bool = True):
    """Open an existing circle database, checked and migrated."""
    from voorzorg.storage import schema

    path = Path(path)
    if not path.is_file():
        raise VoorzorgError("store.missing", path=str(path))
    try:
        conn = _connect(path, "rw")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            conn.close()
            raise VoorzorgError("store.not_circle_db", path=str(path))
        if check:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                conn.close()
                raise VoorzorgError("store.corrupt", hint="store.restore_hint", path=str(path))
        _configure(conn)
        db = Database(conn, path)
        schema.migrate(db)
        return db
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path) from None


def sqlite_error(exc: sqlite3.Error, path: Path | str | None = None) -> VoorzorgError:
    """Turn an SQLite error into a clear message for the user."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = str(path) if path else "?"
    text = str(exc).lower()
    if primary == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return VoorzorgError("store.not_circle_db", path=where)
    if primary == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return VoorzorgError("store.corrupt", hint="store.restore_hint", path=where)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return VoorzorgError("store.full", path=where)
    if primary == sqlite3.SQLITE_READONLY or "readonly" in text:
        return VoorzorgError("store.readonly", hint="store.permissions_hint", path=where)
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return VoorzorgError("store.busy", path=where)
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM) or "unable to open" in text:
        return VoorzorgError("store.cantopen", hint="store.permissions_hint", path=where)
    if primary == sqlite3.SQLITE_IOERR or "i/o" in text:
        return VoorzorgError("store.ioerr", path=where)
    return VoorzorgError("store.other", path=where, error=str(exc))


# -- whole-file operations for backup, restore and check -------------------------------

SQLITE_HEADER = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` is an SQLite database (by its 16-byte header), whatever its name."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def snapshot(source: Path) -> bytes:
    """A consistent copy of the database ``source`` as bytes, through SQLite's backup API.

    The copy holds one read snapshot, WAL content included, while other processes go on
    writing. The source is opened read-only, so a backup never changes what it copies,
    and no temporary file is written.
    """
    source = Path(source)
    try:
        src = _connect(source, "ro")
        try:
            src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            memory = sqlite3.connect(":memory:")
            try:
                src.backup(memory)  # pages=-1: one step, one read snapshot
                return memory.serialize()
            finally:
                memory.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise sqlite_error(exc, source) from None


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of any SQLite file, read-only: "ok" or the first problem."""
    try:
        conn = _connect(Path(path), "ro")
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return "; ".join(str(row[0]) for row in rows) or "?"


def migration_names(path: Path) -> list[str]:
    """The schema migrations recorded in an SQLite file (empty when it keeps none)."""
    try:
        conn = _connect(Path(path), "ro")
        try:
            rows = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [row[0] for row in rows]


def stored_circle_id(path: Path) -> str | None:
    """The circle id a circle database names itself with (None if it is no circle file)."""
    try:
        conn = _connect(Path(path), "ro")
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            return circle_meta(conn, "circle_id")
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def wal_size(path: Path) -> int:
    try:
        return os.stat(f"{path}-wal").st_size
    except OSError:
        return 0


def compact(db) -> bool:
    """Make deleted data leave the file's bytes: after ``secure_delete`` (on for every
    connection) zeroed the freed cells, checkpoint the WAL into the file and truncate it,
    rebuild the file with VACUUM (no freed page or slack survives) and truncate the WAL
    again. Temporary files stay in memory. Returns False when a reader (``serve``) kept
    the WAL from being emptied after a few tries; ``voorzorg purge`` (nightly) compacts
    every circle again.
    """
    conn = db.conn
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    # A reader in the middle of a query (``serve``) keeps the WAL from being emptied;
    # its queries are short, so a few tries usually finish the job.
    import time

    for attempt in range(5):
        if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0:
            return True
        time.sleep(0.2 * (attempt + 1))
    return False
