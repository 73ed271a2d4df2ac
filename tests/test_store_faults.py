"""Storage faults: every one ends in a clear message, exit code 1, and nothing lost.

Real files, real SQLite, the real CLI (in-process, a forked child or a subprocess);
no mocks.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import textwrap
import time
import traceback
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voorzorg import i18n
from voorzorg.cli import main
from voorzorg.cli.base import App
from voorzorg.domain.members import add_member
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store
from voorzorg.storage.store import CIRCLE_ID

ROOT = Path(__file__).resolve().parent.parent
SIDE_FILES = ("-wal", "-shm", "-journal")
NOBODY = 65534


# -- helpers -------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [suffix for suffix in SIDE_FILES if Path(f"{path}{suffix}").exists()]


def db_file(deployment: Path, circle_id: str = "zorgsaam") -> Path:
    return deployment / "data" / f"{circle_id}.db"


def register_circle(deployment: Path, circle_id: str = "x", name: str = "X") -> Path:
    """Add ``[circles.<id>]`` to config.toml by hand; returns the database path it implies."""
    config = deployment / "config.toml"
    with config.open("a", encoding="utf-8") as fh:
        fh.write(f'\n[circles.{circle_id}]\nname = "{name}"\n')
    return db_file(deployment, circle_id)


def assert_clean_failure(result, *needles: str) -> None:
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err, result.err
    assert result.err.startswith("Fout: "), result.err
    for needle in needles:
        assert needle in result.err, result.err


def settle(path: Path) -> None:
    """Close what the in-process CLI left open and fold the WAL into the database file."""
    gc.collect()
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert side_files(path) == [], side_files(path)


def member_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM members ORDER BY id")]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def add_members(cli, count: int, prefix: str = "Lid", **options: str) -> list[str]:
    names = []
    extra = [part for key, value in options.items() for part in (f"--{key}", value)]
    for i in range(count):
        name = f"{prefix} {i:02d}"
        result = cli("member", "add", name, *extra)
        assert result.code == 0, result.err
        names.append(name)
    return names


# -- 1, 2: files that are not circle databases -----------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(bytes(range(256)) * 40, id="garbage"),
        pytest.param(b"Dit is een boodschappenlijst, geen database.\n" * 100, id="text"),
        pytest.param(b"", id="empty"),
    ],
)
def test_garbage_file_is_not_a_circle_database(deployment, cli, content):
    path = register_circle(deployment)
    path.write_bytes(content)
    before = sha256(path)

    result = cli("member", "list", "-c", "x")

    assert_clean_failure(result, "geen cirkeldatabase", str(path))
    assert sha256(path) == before
    assert path.stat().st_size == len(content)
    assert side_files(path) == []


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_foreign_sqlite_file_is_not_a_circle_database(deployment, cli, journal_mode):
    path = register_circle(deployment)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal_mode}")
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipes (title) VALUES ('erwtensoep')")
    conn.commit()
    conn.close()
    before = sha256(path)

    for args in (["member", "list", "-c", "x"], ["member", "add", "-c", "x", "Piet"]):
        result = cli(*args)
        assert_clean_failure(result, "geen cirkeldatabase")
        gc.collect()
        assert sha256(path) == before
        assert side_files(path) == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT title FROM recipes").fetchall() == [("erwtensoep",)]
    conn.close()


# -- 3: a damaged circle database -----------------------------------------------------


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return f"error: {exc}"
    finally:
        conn.close()


def _corrupt(path: Path, tmp_path: Path) -> None:
    """Overwrite the middle of the last b-tree page; fall back to its page header."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    assert page_count >= 10, page_count
    original = path.read_bytes()
    last = (page_count - 1) * page_size
    assert last > 100
    garbage = b"\xde\xad\xbe\xef" * 64
    middle = last + page_size // 2
    attempts = [
        (middle, garbage),
        (last, b"\xff" * 12 + garbage[: page_size // 2 - 12]),  # b-tree page header
    ]
    for offset, junk in attempts:
        data = bytearray(original)
        data[offset : offset + len(junk)] = junk
        # Try it on a copy so the check does not touch the file under test.
        trial = tmp_path / "corrupt-trial.db"
        trial.write_bytes(bytes(data))
        detected = _quick_check(trial) != "ok"
        for suffix in ("", *SIDE_FILES):
            Path(f"{trial}{suffix}").unlink(missing_ok=True)
        if detected:
            path.write_bytes(bytes(data))
            return
    pytest.fail("could not produce corruption that quick_check detects")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["member", "list"], id="list"),
        pytest.param(["member", "list", "--json"], id="list-json"),
        pytest.param(["member", "add", "Nieuw", "Lid"], id="add"),
        pytest.param(["member", "show", "1"], id="show"),
    ],
)
def test_corrupt_database_is_refused_and_left_alone(circle, cli, tmp_path, args):
    path = db_file(circle)
    add_members(cli, 30, address="Lange Laan " + "9" * 120, offers="vervoer,tuin")
    settle(path)
    _corrupt(path, tmp_path)
    before = sha256(path)

    result = cli(*args)

    assert_clean_failure(result, "beschadigd", "reservekopie", str(path))
    assert result.out == ""
    gc.collect()
    assert sha256(path) == before
    assert side_files(path) == []


# -- 4, 7: missing database files are never created ---------------------------------


def test_missing_database_of_configured_circle(deployment, cli):
    path = register_circle(deployment)
    assert not path.exists()

    for args in (["member", "list", "-c", "x"], ["member", "add", "-c", "x", "Piet"]):
        result = cli(*args)
        assert_clean_failure(result, "ontbreekt", str(path))
        assert not path.exists()
        assert side_files(path) == []
    assert sorted(p.name for p in path.parent.iterdir()) == []


def test_deleted_database_is_not_recreated(circle, cli):
    path = db_file(circle)
    gc.collect()
    store.remove_database_files(path)

    result = cli("member", "add", "Piet")

    assert_clean_failure(result, "ontbreekt")
    assert not path.exists()
    assert side_files(path) == []


def test_open_circle_never_creates_a_file(tmp_path):
    path = tmp_path / "nope.db"
    with pytest.raises(VoorzorgError) as info:
        store.open_circle(path)
    assert info.value.key == "store.missing"
    assert not path.exists()
    assert side_files(path) == []
    assert list(tmp_path.iterdir()) == []


def test_open_circle_refuses_a_directory(tmp_path):
    path = tmp_path / "dir.db"
    path.mkdir()
    with pytest.raises(VoorzorgError) as info:
        store.open_circle(path)
    assert info.value.key == "store.missing"
    assert side_files(path) == []


# -- 5: read-only database ----------------------------------------------------------


def _make_traversable(tmp_path: Path, basetemp: Path, deployment: Path) -> list[tuple[Path, int]]:
    """Let uid 65534 reach the deployment; returns the original modes to restore."""
    changed = []

    def chmod(path: Path, mode: int) -> None:
        changed.append((path, path.stat().st_mode & 0o7777))
        path.chmod(mode)

    for directory in (deployment / "data", deployment):
        chmod(directory, 0o755)
    for directory in (tmp_path, *tmp_path.parents):
        if directory == tmp_path or directory.is_relative_to(basetemp.parent):
            mode = directory.stat().st_mode & 0o7777
            if mode & 0o001 == 0:
                chmod(directory, mode | 0o055)
    (deployment / "config.toml").chmod(0o644)
    return changed


def _run_cli_as_nobody(args: list[str], tmp_path: Path) -> tuple[int, str, str]:
    """Fork; the child drops to uid/gid 65534 and runs the CLI in-process."""
    out_path, err_path = tmp_path / "child.out", tmp_path / "child.err"
    out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 70
        try:
            os.dup2(out_fd, 1)
            os.dup2(err_fd, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stdin = io.StringIO("")
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            i18n.set_language(None)
            i18n.set_configured_language(None)
            App.current = None
            try:
                main(args)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 71
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    os.close(out_fd)
    os.close(err_fd)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return code, out_path.read_text(encoding="utf-8"), err_path.read_text(encoding="utf-8")


def test_read_only_database(circle, cli, tmp_path, tmp_path_factory):
    path = db_file(circle)
    names = add_members(cli, 3)
    settle(path)
    before = sha256(path)

    if os.geteuid() == 0:
        # The child may not be able to read the interpreter (e.g. under /root): all `member add`
        # needs was imported in this process by add_members() above.
        restore = _make_traversable(tmp_path, tmp_path_factory.getbasetemp(), circle)
        path.chmod(0o644)
        try:
            code, out, err = _run_cli_as_nobody(["member", "add", "Nieuw", "Lid"], tmp_path)
        finally:
            for directory, mode in reversed(restore):
                directory.chmod(mode)
    else:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        try:
            result = cli("member", "add", "Nieuw", "Lid")
            code, out, err = result.code, result.out, result.err
        finally:
            path.parent.chmod(0o755)
            path.chmod(0o644)

    assert code == 1, (code, out, err)
    assert "Traceback" not in err, err
    assert err.startswith("Fout: "), err
    assert "alleen-lezen" in err or "niet openen" in err, err
    assert "rechten" in err, err  # the permissions hint
    assert member_names(path) == names
    assert sha256(path) == before
    assert side_files(path) == []


# -- 6: disk full (RLIMIT_FSIZE) ------------------------------------------------------

FULL_MESSAGES = ("De schijf is vol", "Schrijf- of leesfout")


def _limited_cli(limit: int, *args: str) -> subprocess.CompletedProcess:
    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "voorzorg", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        preexec_fn=set_limit,
        timeout=30,
        cwd=ROOT,
    )


def _assert_full_message(proc: subprocess.CompletedProcess, path: Path) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("Fout: "), proc.stderr
    assert any(m in proc.stderr for m in FULL_MESSAGES), proc.stderr
    assert str(path) in proc.stderr


def test_disk_full_mid_write_loses_nothing(circle, cli):
    path = db_file(circle)
    names = add_members(cli, 3)
    settle(path)
    # A reader keeps the -shm and -wal in place, so the limited process only writes
    # WAL frames, starting at offset 0: room for the header and one frame.
    holder = sqlite3.connect(path)
    try:
        assert holder.execute("SELECT count(*) FROM members").fetchall() == [(3,)]
        proc = _limited_cli(
            8192,
            "member",
            "add",
            "Nieuw",
            "Lid",
            "--address",
            "Heel Lange Straatnaam " + "7" * 120,
            "--offers",
            "vervoer,tuin,boodschappen",
            "--consent",
            "matching,stats",
        )
        _assert_full_message(proc, path)
    finally:
        holder.close()

    assert integrity(path) == "ok"
    assert member_names(path) == names
    assert cli("member", "add", "Na", "Ruimte").code == 0
    assert member_names(path) == [*names, "Na Ruimte"]


def test_disk_full_after_some_writes_keeps_every_acknowledged_one(circle, cli):
    path = db_file(circle)
    names = add_members(cli, 2)
    settle(path)
    holder = sqlite3.connect(path)
    failure = None
    try:
        assert holder.execute("SELECT count(*) FROM members").fetchall() == [(2,)]
        for i in range(20):
            name = f"Volgend {i:02d}"
            proc = _limited_cli(
                16384, "member", "add", name, "--address", "Laan " + "5" * 140, "--json"
            )
            if proc.returncode != 0:
                failure = proc
                break
            assert json.loads(proc.stdout)["name"] == name
            names.append(name)
    finally:
        holder.close()

    assert failure is not None, "the size limit was never reached"
    assert len(names) > 2, "no write fitted under the limit"
    _assert_full_message(failure, path)
    assert integrity(path) == "ok"
    assert member_names(path) == names


# -- 8: connection settings ----------------------------------------------------------


def test_connection_settings(circle):
    db = store.open_circle(db_file(circle))
    try:

        def pragma(name: str):
            return db.execute(f"PRAGMA {name}").fetchone()[0]

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == store.BUSY_TIMEOUT_MS == 5000
        assert pragma("secure_delete") == 1
        assert pragma("application_id") == store.APPLICATION_ID
    finally:
        db.close()


# -- 9: concurrency ------------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from datetime import date
    from pathlib import Path

    from voorzorg.domain.members import add_member, list_members
    from voorzorg.storage.store import open_circle

    role, path, go, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    deadline = time.monotonic() + 8
    db = open_circle(path)
    Path(f"{go}.{role}.ready").touch()
    while not go.exists():
        if time.monotonic() > deadline:
            sys.exit("no start signal")
        time.sleep(0.002)
    start = float(go.read_text())
    while time.time() < start:  # all three begin at the same instant
        pass
    if role.startswith("writer"):
        ids = []
        for i in range(15):
            info = add_member(db, f"{role} {i:02d}", today=date(2024, 5, 1))
            ids.append(info["id"])
        print(json.dumps(ids))
    else:
        counts = []
        while not stop.exists() and time.monotonic() < deadline:
            counts.append(len(list_members(db, include_left=True)))
        counts.append(len(list_members(db, include_left=True)))
        assert counts == sorted(counts), counts
        print(json.dumps(counts))
    db.close()
    """
)


def test_concurrent_writers_and_reader(circle, tmp_path):
    path = db_file(circle)
    gc.collect()
    go, stop = tmp_path / "go", tmp_path / "stop"
    roles = ["writer-a", "writer-b", "reader"]
    procs = {
        role: subprocess.Popen(
            [sys.executable, "-c", WORKER, role, str(path), str(go), str(stop)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for role in roles
    }
    try:
        deadline = time.monotonic() + 8
        while not all(Path(f"{go}.{role}.ready").exists() for role in roles):
            assert all(p.poll() is None for p in procs.values()), "a worker died early"
            assert time.monotonic() < deadline, "workers did not start"
            time.sleep(0.01)
        signal = tmp_path / "go.tmp"
        signal.write_text(str(time.time() + 0.1))
        signal.rename(go)  # atomically: the workers never see it half written
        results = {}
        for role in ("writer-a", "writer-b"):
            out, err = procs[role].communicate(timeout=8)
            assert procs[role].returncode == 0, err
            assert err == "", err
            results[role] = json.loads(out)
        stop.touch()
        out, err = procs["reader"].communicate(timeout=8)
        assert procs["reader"].returncode == 0, err
        counts = json.loads(out)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    all_ids = results["writer-a"] + results["writer-b"]
    assert len(set(all_ids)) == 30
    assert len(counts) > 1
    assert counts[-1] == 30
    names = member_names(path)
    assert sorted(names) == sorted(
        f"{w} {i:02d}" for w in ("writer-a", "writer-b") for i in range(15)
    )
    assert integrity(path) == "ok"


# -- 10: circle_path stays inside data_dir ----------------------------------------------


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(), st.from_regex(CIRCLE_ID, fullmatch=True)))
def test_circle_path_is_contained(tmp_path, text):
    data_dir = tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    try:
        path = store.circle_path(data_dir, text)
    except VoorzorgError as exc:
        assert exc.key in ("circle.bad_id", "store.outside_data_dir")
        return
    assert path.parent == data_dir.resolve()
    assert path.name == f"{text}.db"
    assert not path.exists()


@pytest.mark.parametrize(
    "text",
    [
        "../x",
        "/etc/passwd",
        "a/../../b",
        "x\x00y",
        "-x",
        "A",
        "a" * 41,
        "",
        ".",
        "..",
        "x.db",
        "x\n",
    ],
)
def test_circle_path_refuses_bad_ids(tmp_path, text):
    with pytest.raises(VoorzorgError) as info:
        store.circle_path(tmp_path, text)
    assert info.value.key == "circle.bad_id"


@pytest.mark.parametrize("text", ["../x", "/etc/passwd", "a/../../b", "A", "a" * 41])
def test_cli_refuses_bad_circle_ids(deployment, cli, text):
    before = sorted(p.name for p in deployment.rglob("*"))
    result = cli("member", "add", "-c", text, "Piet")
    assert_clean_failure(result)
    assert sorted(p.name for p in deployment.rglob("*")) == before


def test_circle_path_accepts_good_ids(tmp_path):
    for text in ("a", "zorgsaam", "0", "a-b", "a" * 40):
        assert store.circle_path(tmp_path, text) == tmp_path.resolve() / f"{text}.db"


@pytest.mark.parametrize("target", ["/tmp/elsewhere.db", "outside", "inside"])
def test_circle_path_refuses_symlinks(tmp_path, target):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    targets = {
        "/tmp/elsewhere.db": Path("/tmp/elsewhere.db"),
        "outside": tmp_path / "elsewhere.db",
        "inside": data_dir / "real.db",
    }
    (data_dir / "evil.db").symlink_to(targets[target])
    with pytest.raises(VoorzorgError) as info:
        store.circle_path(data_dir, "evil")
    assert info.value.key == "store.outside_data_dir"
    if target != "/tmp/elsewhere.db":
        assert not targets[target].exists()


def test_cli_refuses_symlinked_circle_database(deployment, cli, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outside = elsewhere / "evil.db"
    store.create_circle_db(outside, "evil", "Europe/Amsterdam").close()
    before = sha256(outside)
    link = register_circle(deployment, "evil", "Evil")
    link.symlink_to(outside)

    result = cli("member", "add", "-c", "evil", "Piet")

    assert_clean_failure(result, "buiten de gegevensmap")
    assert sha256(outside) == before
    assert side_files(outside) == []


def test_add_member_core_api_round_trip(circle):
    """Sanity check for the API the concurrency workers use."""
    db = store.open_circle(db_file(circle))
    try:
        info = add_member(db, "Kern Lid", today=date(2024, 5, 1))
    finally:
        db.close()
    assert member_names(db_file(circle)) == ["Kern Lid"]
    assert info["name"] == "Kern Lid"
