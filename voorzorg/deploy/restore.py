"""`voorzorg restore`: put a deployment back from an archive, all of it or nothing.

1. **Verify before touching anything**: decrypt, read every member, compare each file's
   sha256 with the manifest, refuse an archive from a newer voorzorg, then write every
   file into a hidden staging folder beside its destination and run
   ``PRAGMA integrity_check`` on each database there. Any failure (wrong recovery code,
   truncated archive, full disk) removes the staging folder: nothing was replaced.
2. **Switch with a journal**: the list of moves is written atomically to
   ``<deployment>/.voorzorg-restore.json``; that write is the commit point. Each move puts
   the current file (with its ``-wal``/``-shm``) aside in
   ``.voorzorg-replaced/<stamp>/`` and renames the staged file into place; every step is a
   rename that can be repeated, so whoever finds the journal (the restore itself, or the
   next voorzorg command after a ``kill -9`` or power cut, see ``finish_pending``) rolls
   it forward to the end. Before the journal exists the old deployment is untouched;
   after it, the new one is completed. config.toml moves last.
3. A restore into a new folder (moving to a new Pi) stages in a hidden sibling folder and
   renames it into place in one step.

4. **Erasures stay erased**: the erasure register in place before the restore travels in
   the journal; on finishing, it is merged with the restored one and every registered
   member an older archive still holds is erased again (``deploy/erasures.py``).

A running ``voorzorg serve`` notices replaced database files by their inode (see
``web.server.sync_databases``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
from pathlib import Path

from voorzorg import __version__, clock
from voorzorg.deploy import backup as backup_mod
from voorzorg.deploy import config as config_mod
from voorzorg.deploy import erasures, withdrawals
from voorzorg.deploy.faults import crash_point
from voorzorg.errors import VoorzorgError, os_error_text
from voorzorg.storage import store

JOURNAL = ".voorzorg-restore.json"
STAGING = ".voorzorg-restore"
REPLACED = config_mod.REPLACED
AGE_HEADER = b"age-encryption.org/v1"
SIDE = ("-wal", "-shm", "-journal")


class Archive:
    __slots__ = ("files", "manifest", "path")

    def __init__(self, path: Path, manifest: dict, files: dict[str, bytes]) -> None:
        self.path = path
        self.manifest = manifest
        self.files = files


# -- reading and verifying -------------------------------------------------------------


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError as exc:
        raise VoorzorgError("file.read_failed", path=str(path), error=os_error_text(exc)) from None


def _decrypt(path: Path, raw: bytes, code: str | None, identity: str | None) -> bytes:
    import pyrage

    if identity:
        try:
            key = pyrage.x25519.Identity.from_str(identity.strip())
        except Exception:
            raise VoorzorgError("restore.bad_identity") from None
        try:
            return pyrage.decrypt(raw, [key])
        except pyrage.DecryptError as exc:
            raise _decrypt_error(path, exc, "restore.wrong_key") from None
    if not code:
        raise VoorzorgError("restore.needs_code", path=str(path))
    try:
        return pyrage.passphrase.decrypt(raw, backup_mod.normalise_code(code))
    except pyrage.DecryptError as exc:
        raise _decrypt_error(path, exc) from None


def _decrypt_error(path: Path, exc: Exception, wrong: str = "restore.wrong_code"):
    # age reports a passphrase that does not fit as "Decryption failed" and an identity
    # that does not fit as "No matching keys found"; anything else is damage.
    if str(exc) in ("Decryption failed", "No matching keys found"):
        return VoorzorgError(wrong, path=str(path))
    return VoorzorgError("restore.damaged", path=str(path), detail=str(exc))


def read_archive(path: Path, *, code: str | None = None, identity: str | None = None) -> Archive:
    """Decrypt and unpack ``path`` in memory; every file checked against the manifest."""
    import zlib

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise VoorzorgError("file.read_failed", path=str(path), error=os_error_text(exc)) from None
    if raw.startswith(AGE_HEADER):
        raw = _decrypt(path, raw, code, identity)
    import gzip

    files: dict[str, bytes] = {}
    try:
        # The whole gzip stream first: its end marker and CRC prove nothing was cut off,
        # even where a cut would only have removed the tar's trailing padding.
        raw = gzip.decompress(raw)
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r:") as tar:
            for member in tar:
                if not member.isfile():
                    raise VoorzorgError("restore.damaged", path=str(path), detail=member.name)
                handle = tar.extractfile(member)
                files[member.name] = handle.read() if handle else b""
    except (tarfile.TarError, EOFError, zlib.error, OSError, gzip.BadGzipFile) as exc:
        raise VoorzorgError("restore.damaged", path=str(path), detail=str(exc)) from None
    if backup_mod.MANIFEST not in files:
        raise VoorzorgError("restore.damaged", path=str(path), detail="manifest.json")
    try:
        manifest = json.loads(files.pop(backup_mod.MANIFEST))
    except ValueError:
        raise VoorzorgError("restore.damaged", path=str(path), detail="manifest.json") from None
    _check_version(path, manifest)
    _check_files(path, manifest, files)
    return Archive(path, manifest, files)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for part in str(text).split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _check_version(path: Path, manifest: dict) -> None:
    from voorzorg.storage.schema import STEPS

    version = str(manifest.get("voorzorg_version", "?"))
    known = {step.__name__ for step in STEPS}
    newer_schema = any(
        name not in known
        for entry in manifest.get("files", [])
        if entry.get("circle_id")
        for name in entry.get("migrations", [])
    )
    too_new = manifest.get("format", 0) > backup_mod.FORMAT
    if too_new or newer_schema or _version_tuple(version) > _version_tuple(__version__):
        raise VoorzorgError(
            "restore.newer", path=str(path), version=version, ours=__version__,
            hint="restore.newer_hint",
        )  # fmt: skip


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        len(parts) >= 2
        and parts[0] in ("deploy", "data")
        and all(p not in ("", ".", "..") and "\x00" not in p for p in parts)
    )


def _check_files(path: Path, manifest: dict, files: dict[str, bytes]) -> None:
    listed = {entry["name"]: entry for entry in manifest.get("files", [])}
    if set(listed) != set(files):
        missing = sorted(set(listed) ^ set(files))
        raise VoorzorgError("restore.damaged", path=str(path), detail=", ".join(missing[:3]))
    if "deploy/config.toml" not in files:
        raise VoorzorgError("restore.damaged", path=str(path), detail="config.toml")
    for name, entry in listed.items():
        if not _safe_name(name):
            raise VoorzorgError("restore.damaged", path=str(path), detail=name)
        if hashlib.sha256(files[name]).hexdigest() != entry.get("sha256"):
            raise VoorzorgError("restore.damaged", path=str(path), detail=name)


# -- where each file goes ----------------------------------------------------------------


def _data_dir(deploy_dir: Path, manifest: dict, new_folder: bool) -> Path:
    data_dir = (deploy_dir / manifest.get("data_dir", "data")).resolve()
    if data_dir.is_relative_to(deploy_dir):
        return data_dir
    # Outside the deployment folder only where this deployment already keeps its data:
    # an archive never chooses by itself where on the machine files are written.
    current = None
    if not new_folder and (deploy_dir / config_mod.CONFIG_NAME).exists():
        with contextlib.suppress(VoorzorgError):
            current = config_mod.load(deploy_dir / config_mod.CONFIG_NAME).data_dir
    if current != data_dir:
        raise VoorzorgError("restore.data_dir_outside", data_dir=str(data_dir))
    return data_dir


def _target(name: str, deploy_dir: Path, data_dir: Path) -> tuple[Path, Path]:
    """(root, path) of archive member ``name``."""
    top, rest = name.split("/", 1)
    root = data_dir if top == "data" else deploy_dir
    return root, root / rest


def _order(name: str) -> tuple:
    # Databases first, then other data files, then the deployment's files, config.toml last.
    return (
        name == "deploy/config.toml",
        name.startswith("deploy/"),
        not name.endswith(".db"),
        name,
    )


def plan(archive: Archive, deploy_dir: Path, *, new_folder: bool, partial: bool = False) -> dict:
    """What a restore into ``deploy_dir`` would add, replace and set aside.

    ``partial`` (a restore from a replica, databases only): files the archive does not
    hold stay where they are.
    """
    deploy_dir = Path(deploy_dir).absolute().resolve()
    data_dir = _data_dir(deploy_dir, archive.manifest, new_folder)
    incoming = {}
    for name in archive.files:
        _root, target = _target(name, deploy_dir, data_dir)
        incoming[str(target)] = name
    current = []
    if not new_folder:
        current = [str(i.path) for i in backup_mod.collect_dirs(deploy_dir, data_dir)]
    replace = sorted(p for p in current if p in incoming)
    remove = [] if partial else sorted(p for p in current if p not in incoming)
    add = sorted(p for p in incoming if p not in current)
    return {
        "archive": str(archive.path),
        "created_at": archive.manifest.get("created_at"),
        "host": archive.manifest.get("host"),
        "voorzorg_version": archive.manifest.get("voorzorg_version"),
        "deployment": str(deploy_dir),
        "data_dir": str(data_dir),
        "new_folder": new_folder,
        "replace": replace,
        "add": add,
        "set_aside": remove,
    }


# -- staging ---------------------------------------------------------------------------------


def _owner_of(directory: Path) -> tuple[int, int] | None:
    """When root restores, files go to the folder's owner, never to root."""
    if os.geteuid() != 0:
        return None
    info = directory.stat()
    return info.st_uid, info.st_gid


def _write_file(path: Path, content: bytes, mode: int, owner) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fchmod(fd, mode)
        if owner:
            os.fchown(fd, *owner)
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(top: Path) -> None:
    from voorzorg.deploy.config import _fsync_dir

    for dirpath, _dirs, _files in os.walk(top):
        _fsync_dir(Path(dirpath))


def _stage(archive: Archive, places: dict[str, Path], owner, progress) -> None:
    """Write every file to its staging place, then check every database there."""
    entries = {e["name"]: e for e in archive.manifest["files"]}
    names = sorted(archive.files, key=_order)
    for number, name in enumerate(names, start=1):
        if progress:
            progress(number, len(names), name)
        mode = entries[name].get("mode", 0o600) & 0o777
        _write_file(places[name], archive.files[name], mode or 0o600, owner)
        crash_point("restore.staging")
    for name in names:
        if entries[name]["kind"] == "database":
            result = store.integrity(places[name])
            if result != "ok":
                raise VoorzorgError("restore.db_damaged", name=name, detail=result)
    for top in {p.parent for p in places.values()}:
        _fsync_tree(top)


# -- restoring -------------------------------------------------------------------------------


def restore(
    archive: Archive, deploy_dir: Path, *, new_folder: bool, progress=None, partial: bool = False
) -> dict:
    """Restore ``archive`` into ``deploy_dir`` (in place, or a new folder).

    ``partial``: only the archive's files are replaced (a replica holds databases only).
    """
    deploy_dir = Path(deploy_dir).absolute()
    if new_folder:
        return _restore_new(archive, deploy_dir, progress)
    return _restore_in_place(archive, deploy_dir.resolve(), progress, partial)


def _restore_new(archive: Archive, target: Path, progress) -> dict:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise VoorzorgError("restore.not_empty", path=str(target))
    parent = target.parent.resolve()
    if not parent.is_dir():
        raise VoorzorgError("restore.no_parent", path=str(parent))
    final = parent / target.name
    result = plan(archive, final, new_folder=True)
    for old in parent.glob(f".{target.name}.voorzorg-restore-*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = parent / f".{target.name}.voorzorg-restore-{_stamp()}"
    data_dir = Path(result["data_dir"])
    places = {}
    for name in archive.files:
        _root, path = _target(name, final, data_dir)
        places[name] = staging / path.relative_to(final)
    try:
        staging.mkdir()
        _stage(archive, places, _owner_of(parent), progress)
        crash_point("restore.before_switch")
        if final.exists():
            final.rmdir()
        os.rename(staging, final)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _failed(exc, staging) from None
    from voorzorg.deploy.config import _fsync_dir

    _fsync_dir(parent)
    result["erasures_reapplied"] = _reapply_erasures(final, [])
    result["withdrawals_reapplied"] = _reapply_withdrawals(final, [])
    return result


def _stamp() -> str:
    return clock.now().strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}"


def _failed(exc: BaseException, where: Path) -> BaseException:
    if isinstance(exc, VoorzorgError):
        return exc
    if isinstance(exc, OSError):
        return VoorzorgError("restore.write_failed", path=str(where), error=os_error_text(exc))
    return exc


def _restore_in_place(archive: Archive, deploy_dir: Path, progress, partial: bool) -> dict:
    result = plan(archive, deploy_dir, new_folder=False, partial=partial)
    data_dir = Path(result["data_dir"])
    with config_mod.locked(deploy_dir / config_mod.CONFIG_NAME):
        finish_pending(deploy_dir)
        stamp = _stamp()
        # Staged and replaced files live under the folder they belong to, so every move
        # is a rename within one file system (the data folder may be elsewhere).
        bases = [deploy_dir] if data_dir.is_relative_to(deploy_dir) else [deploy_dir, data_dir]
        staging = {base: base / STAGING for base in bases}

        def base_of(path: Path) -> Path:
            return deploy_dir if path.is_relative_to(deploy_dir) else data_dir

        places, moves = {}, []
        for name in sorted(archive.files, key=_order):
            _root, target = _target(name, deploy_dir, data_dir)
            base = base_of(target)
            rest = target.relative_to(base)
            places[name] = staging[base] / rest
            moves.append([str(target), str(places[name]), str(base / REPLACED / stamp / rest)])
        for path in result["set_aside"]:
            base = base_of(Path(path))
            rest = Path(path).relative_to(base)
            moves.insert(0, [path, None, str(base / REPLACED / stamp / rest)])
        try:
            for folder in staging.values():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True, exist_ok=True)
            _stage(archive, places, _owner_of(deploy_dir), progress)
            crash_point("restore.before_commit")
            journal = {
                "stamp": stamp,
                "moves": moves,
                "staging": [str(s) for s in staging.values()],
                # The erasure register as it stands now: an older archive must not
                # bring an erased member back (merged and applied again on finishing).
                "erasures": erasures.read_register(data_dir),
                # The same for withdrawn consents (needs, check-ins).
                "withdrawals": withdrawals.read_register(data_dir),
            }
            config_mod.atomic_write(
                deploy_dir / JOURNAL, json.dumps(journal).encode("utf-8"), mode=0o600
            )
        except BaseException as exc:
            for folder in staging.values():
                shutil.rmtree(folder, ignore_errors=True)
            raise _failed(exc, staging[deploy_dir]) from None
        finished = _finish(deploy_dir) or ([], [])
        result["erasures_reapplied"], result["withdrawals_reapplied"] = finished
    result["replaced_kept_in"] = str(deploy_dir / REPLACED / stamp)
    return result


def _move_aside(target: str, aside: str) -> None:
    for suffix in ("", *SIDE):
        source = target + suffix
        if os.path.lexists(source) and not os.path.lexists(aside + suffix):
            os.makedirs(os.path.dirname(aside), exist_ok=True)
            os.rename(source, aside + suffix)


def _apply(moves: list) -> None:
    from voorzorg.deploy.config import _fsync_dir

    for number, (target, staged, aside) in enumerate(moves):
        if staged is None:
            _move_aside(target, aside)
        elif os.path.lexists(staged):
            _move_aside(target, aside)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.rename(staged, target)
            _fsync_dir(Path(target).parent)
        crash_point(f"restore.move.{number}")


def _reapply_erasures(deploy_dir: Path, earlier: list[dict]) -> list[dict]:
    """Merge the erasure register kept from before the restore into the restored one,
    and erase every registered member the restored circles still hold."""
    config = config_mod.load(Path(deploy_dir) / config_mod.CONFIG_NAME)
    entries = erasures.merge_register(config.data_dir, earlier)
    reapplied = erasures.reapply(config, entries) if entries else []
    # Their integrations' data goes next (privacy.erase, run by the next command).
    erasures.note_pending(deploy_dir, reapplied)
    return reapplied


def _reapply_withdrawals(deploy_dir: Path, earlier: list[dict]) -> list[dict]:
    """Merge the withdrawal register kept from before the restore into the restored one,
    and withdraw again every registered consent the restored circles hold as given
    before its withdrawal (with the needs or check-ins resting on it)."""
    config = config_mod.load(Path(deploy_dir) / config_mod.CONFIG_NAME)
    entries = withdrawals.merge_register(config.data_dir, earlier)
    return withdrawals.reapply(config, entries) if entries else []


def finish_pending(deploy_dir: Path) -> bool:
    """Roll forward a restore that was cut off after its commit; clear aborted staging.

    Called by every voorzorg command that finds a journal beside config.toml, and by
    restore itself. Returns whether a restore was finished here.
    """
    return _finish(deploy_dir) is not None


def _finish(deploy_dir: Path) -> tuple[list[dict], list[dict]] | None:
    """``finish_pending``; the members erased again and the consents withdrawn again
    (None when there was no journal)."""
    deploy_dir = Path(deploy_dir)
    journal_path = deploy_dir / JOURNAL
    finished = None
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise VoorzorgError("restore.journal_bad", path=str(journal_path)) from None
        try:
            _apply(journal["moves"])
        except OSError as exc:
            raise VoorzorgError(
                "restore.finish_failed", path=str(journal_path), error=os_error_text(exc)
            ) from None
        # Before the journal goes: a crash here erases again on the next command.
        finished = (_reapply_erasures(deploy_dir, journal.get("erasures", [])),
                    _reapply_withdrawals(deploy_dir, journal.get("withdrawals", [])))  # fmt: skip
        os.unlink(journal_path)
        from voorzorg.deploy.config import _fsync_dir

        _fsync_dir(deploy_dir)
        for folder in journal.get("staging", []):
            shutil.rmtree(folder, ignore_errors=True)
    # Staging without a journal is an aborted restore (the old deployment stands); the
    # next restore clears it, under the config lock, and `check` reports it.
    return finished


def finish_if_pending(deploy_dir: Path) -> bool:
    """For every command: finish a cut-off restore under the config lock (cheap otherwise)."""
    if not (Path(deploy_dir) / JOURNAL).exists():
        return False
    with config_mod.locked(Path(deploy_dir) / config_mod.CONFIG_NAME):
        return finish_pending(deploy_dir)
