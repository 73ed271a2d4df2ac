"""Web accounts in the instance database (``<data_dir>/instance.db``).

An account is a coordinator of one or more circles, a welfare account (sees only
the anonymised statistics) or an operator (sees the server's introspection pages,
no data). Passwords are stored with scrypt, a slow salted hash.

Login attempts are throttled (``claim_attempt``): every attempt is counted as a failure
*before* its password is checked, so attempts sent in parallel see each other, and an
attempt over a limit is refused at once, without checking anything. The limits count
failures in the last ``THROTTLE_WINDOW`` per (name, address), per address, and for
everyone together; only the first is about one name, and it is tied to the address,
so a stranger guessing a name never locks its rightful user out elsewhere. A success
clears the failures of that name from that address.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
from datetime import timedelta
from pathlib import Path

from voorzorg import clock
from voorzorg.errors import VoorzorgError
from voorzorg.text import clean_line

ROLES = ("coordinator", "welfare", "operator")
INSTANCE_DB = "instance.db"
STATS_DB = "stats.db"
RESERVED_IDS = ("instance", "stats")
MIN_PASSWORD = 10
# scrypt: 16 MiB and ~50 ms per check on a small machine.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
THROTTLE_WINDOW = timedelta(minutes=15)
THROTTLE_PER_NAME_ADDRESS = 5  # wrong passwords for one name from one address
THROTTLE_PER_ADDRESS = 20  # wrong passwords from one address, any names
THROTTLE_GLOBAL = 200  # wrong passwords from everyone together
THROTTLE_PER_NAME_DEVICES = 10  # wrong passwords for one name from all known devices
DEVICE_PREFIX = "device:"  # the address key of an attempt from a known device
THROTTLE_KEEP = timedelta(days=1)


def instance_path(data_dir: Path) -> Path:
    return Path(data_dir) / INSTANCE_DB


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Shared between threads by serve, which serialises its use with a lock.
    conn = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS accounts (
            -- AUTOINCREMENT: a removed account's id (and so its cookie) is never reused
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('coordinator', 'welfare', 'operator')),
            circles TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL,
            session_epoch INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS failed_logins (
            name TEXT NOT NULL COLLATE NOCASE,
            at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS failed_logins_name ON failed_logins(name, at);
        """
    )
    columns = {r[1] for r in conn.execute("PRAGMA table_info(accounts)")}
    if "session_epoch" not in columns:
        conn.execute("ALTER TABLE accounts ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0")
    _add_throttle_address(conn)
    os.chmod(path, 0o600)
    return conn


def _add_throttle_address(conn) -> None:
    """Instance database step "throttle by address": failed logins record the address
    they came from (older rows keep an empty address), indexed for the per-address and
    global counts."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(failed_logins)")}
    if "address" not in columns:
        conn.execute("ALTER TABLE failed_logins ADD COLUMN address TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX IF NOT EXISTS failed_logins_address ON failed_logins(address, at)")
    conn.execute("CREATE INDEX IF NOT EXISTS failed_logins_at ON failed_logins(at)")


def open_instance(data_dir: Path) -> sqlite3.Connection:
    try:
        return _connect(instance_path(data_dir))
    except sqlite3.Error as exc:
        from voorzorg.storage.store import sqlite_error

        raise sqlite_error(exc, instance_path(data_dir)) from None


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    params = f"{SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}"
    return f"scrypt${params}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        candidate = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=32,
            n=int(n), r=int(r), p=int(p),
        )  # fmt: skip
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


# A hash to check against when the account does not exist, so both take as long.
_DUMMY = None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_hex(16))
    return _DUMMY


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise VoorzorgError("user.password_short", min=MIN_PASSWORD)
    if "\x00" in password:
        raise VoorzorgError("user.password_bad")


def _now() -> str:
    return clock.now().isoformat(timespec="seconds")


def _row(row) -> dict:
    item = {
        "id": row[0],
        "name": row[1],
        "role": row[2],
        "circles": [c for c in row[3].split(",") if c],
        "created_at": row[4],
    }
    if len(row) > 5 and isinstance(row[5], int):
        item["session_epoch"] = row[5]
    return item


def role_from_options(
    coordinator: str | None, welfare: bool, operator: bool
) -> tuple[str, list[str]]:
    """The role ``user add`` gives, and a coordinator's circles ("a,b"): exactly one role."""
    if sum(bool(x) for x in (coordinator, welfare, operator)) != 1:
        raise VoorzorgError("user.one_role")
    ids = [c.strip() for c in (coordinator or "").split(",") if c.strip()]
    role = "coordinator" if ids else "welfare" if welfare else "operator"
    return role, ids


def add_account(
    conn, name: str, *, role: str, password: str, circles: list[str] | None = None
) -> dict:
    name = clean_line(name, field="name", max_length=60, required=True)
    if role not in ROLES:
        raise VoorzorgError("user.bad_role", role=role)
    circles = circles or []
    if role == "coordinator" and not circles:
        raise VoorzorgError("user.coordinator_needs_circle")
    check_password_rules(password)
    stamp = _now()
    try:
        cursor = conn.execute(
            """INSERT INTO accounts (name, role, circles, password_hash, created_at,
                 password_changed_at) VALUES (?, ?, ?, ?, ?, ?)""",
            [name, role, ",".join(circles), hash_password(password), stamp, stamp],
        )
    except sqlite3.IntegrityError:
        raise VoorzorgError("user.exists", name=name) from None
    return get_account(conn, cursor.lastrowid)


def get_account(conn, account_id: int) -> dict | None:
    row = conn.execute(
        "SELECT id, name, role, circles, created_at, session_epoch FROM accounts WHERE id = ?",
        [account_id],
    ).fetchone()
    return _row(row) if row else None


def find_account(conn, name: str) -> dict:
    row = conn.execute(
        "SELECT id, name, role, circles, created_at FROM accounts WHERE name = ?", [name.strip()]
    ).fetchone()
    if row is None:
        raise VoorzorgError("user.unknown", name=name)
    return _row(row)


def list_accounts(conn) -> list[dict]:
    rows = conn.execute(
        "SELECT id, name, role, circles, created_at FROM accounts ORDER BY name"
    ).fetchall()
    return [_row(r) for r in rows]


def remove_account(conn, name: str) -> dict:
    account = find_account(conn, name)
    conn.execute("DELETE FROM accounts WHERE id = ?", [account["id"]])
    return account


def set_password(conn, name: str, password: str) -> dict:
    account = find_account(conn, name)
    check_password_rules(password)
    conn.execute(
        """UPDATE accounts SET password_hash = ?, password_changed_at = ?,
             session_epoch = session_epoch + 1 WHERE id = ?""",
        [hash_password(password), _now(), account["id"]],
    )
    return account


def end_sessions(conn, account_id: int) -> None:
    """Make every session cookie of this account invalid (logout, new password)."""
    conn.execute("UPDATE accounts SET session_epoch = session_epoch + 1 WHERE id = ?", [account_id])


def claim_attempt(conn, name: str, address: str, *, known_device: bool = False) -> int | None:
    """Count a login attempt as a failure before anything is checked: the id of the
    failure it was counted as (``settle_attempt`` clears it on success), or None when a
    limit is reached and the attempt must be refused at once.

    ``known_device``: the attempt comes from a browser that logged in to this name
    before (its signed device cookie, still valid; ``address`` is then that device's
    key, ``DEVICE_PREFIX`` + its id). The limit for the name from that device applies
    to it, and the budget for the name from all its known devices together
    (``THROTTLE_PER_NAME_DEVICES``), so holding many device cookies gains nothing; the
    per-address limit and the global budget do not, so neither strangers guessing from
    the same network nor a flood of guesses from everywhere lock its rightful user
    out."""
    name = (name or "").strip()[:60]
    now = clock.now()
    since = (now - THROTTLE_WINDOW).isoformat(timespec="seconds")
    conn.execute("BEGIN IMMEDIATE")
    try:
        pair, from_address, total, from_devices = conn.execute(
            """SELECT
                 (SELECT count(*) FROM failed_logins WHERE name = ? AND address = ? AND at >= ?),
                 (SELECT count(*) FROM failed_logins WHERE address = ? AND at >= ?),
                 (SELECT count(*) FROM failed_logins WHERE at >= ?),
                 (SELECT count(*) FROM failed_logins
                   WHERE name = ? AND substr(address, 1, ?) = ? AND at >= ?)""",
            [
                *(name, address, since, address, since, since),
                *(name, len(DEVICE_PREFIX), DEVICE_PREFIX, since),
            ],
        ).fetchone()
        if known_device:
            over = from_devices >= THROTTLE_PER_NAME_DEVICES
        else:
            over = from_address >= THROTTLE_PER_ADDRESS or total >= THROTTLE_GLOBAL
        if pair >= THROTTLE_PER_NAME_ADDRESS or over:
            conn.execute("COMMIT")
            return None
        cursor = conn.execute(
            "INSERT INTO failed_logins (name, address, at) VALUES (?, ?, ?)",
            [name, address, now.isoformat(timespec="seconds")],
        )
        conn.execute(
            "DELETE FROM failed_logins WHERE at < ?",
            [(now - THROTTLE_KEEP).isoformat(timespec="seconds")],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return cursor.lastrowid


def stored_hash(conn, name: str):
    """(account row, password hash) for a name; a dummy hash when there is no such account,
    so checking takes as long either way."""
    row = conn.execute(
        """SELECT id, name, role, circles, created_at, session_epoch, password_hash
           FROM accounts WHERE name = ?""",
        [(name or "").strip()[:60]],
    ).fetchone()
    return (row, row[6]) if row else (None, _dummy_hash())


def settle_attempt(conn, claim: int, name: str, address: str, row, ok: bool) -> dict | None:
    """The account a claimed attempt logs in to, or None. A success clears the failures
    of this name from this address (the claim among them); a failure stays counted."""
    if row is not None and ok:
        name = (name or "").strip()[:60]
        conn.execute(
            "DELETE FROM failed_logins WHERE (name = ? AND address = ?) OR rowid = ?",
            [name, address, claim],
        )
        return _row(row)
    return None


SECRET_NAME = "web-secret"


def session_secret(config_dir: Path) -> str:
    """The persistent secret that signs session cookies (created once, mode 0600)."""
    from voorzorg.deploy.config import atomic_write, check_secrets_mode

    path = Path(config_dir) / SECRET_NAME
    if not path.exists():
        atomic_write(path, secrets.token_hex(32).encode("ascii"), mode=0o600)
    check_secrets_mode(path)
    value = path.read_text(encoding="ascii").strip()
    if len(value) < 32:
        raise VoorzorgError("user.bad_secret", path=str(path))
    return value
