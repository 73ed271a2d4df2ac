"""The erasure register: which members were erased, so that a restore erases them again.

One line of JSON per erasure in ``<data_dir>/privacy-erasures.jsonl``: the circle id,
the member's random reference (``members.ref``, meaningless without that circle's
file) and the date. No name, no id, nothing else about the person.

An old backup still holds an erased member. ``restore`` keeps the register that was
in place before it (in its journal) and, once the files are switched, merges it with
the restored one and erases every registered member found in the restored circles
again (``reapply``), with the bytes compacted away. Integrations' own tables are
erased again by the command that ran the restore (``privacy.erase``).
"""

from __future__ import annotations

import json
from pathlib import Path

from voorzorg import clock
from voorzorg.errors import VoorzorgError

REGISTER = "privacy-erasures.jsonl"
# Beside config.toml: members erased again by a restore whose integrations' data still
# has to go (ids within the restored circle only; ``privacy.erase`` finishes it).
PENDING = ".voorzorg-erasures-pending.json"


def register_path(data_dir: Path) -> Path:
    return Path(data_dir) / REGISTER


def read_lines(path: Path) -> list[dict]:
    """The JSON objects of a register file, one a line (none when there is no file);
    lines that are not an object are skipped. Also the withdrawal register's reader."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        from voorzorg.errors import os_error_text

        raise VoorzorgError("file.read_failed", path=str(path), error=os_error_text(exc)) from None
    items = []
    for line in text.splitlines():
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(item, dict):
            items.append(item)
    return items


def write_lines(path: Path, items: list[dict], key) -> None:
    """A register file, atomically and 0600: one line per item, the first of each
    ``key(item)`` kept. Also the withdrawal register's writer."""
    from voorzorg.deploy.config import atomic_write

    seen, lines = set(), []
    for item in items:
        if key(item) in seen:
            continue
        seen.add(key(item))
        lines.append(json.dumps(item, sort_keys=True))
    body = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    atomic_write(path, body, mode=0o600)


def read_register(data_dir: Path) -> list[dict]:
    """The entries of the register (empty when there is none); bad lines are skipped."""
    return [
        {"circle": str(item.get("circle", "")), "ref": item["ref"],
         "erased_on": str(item.get("erased_on", ""))}
        for item in read_lines(register_path(data_dir))
        if isinstance(item.get("ref"), str)
    ]  # fmt: skip


def _write(data_dir: Path, entries: list[dict]) -> None:
    write_lines(register_path(data_dir), entries, lambda item: (item["circle"], item["ref"]))


def add_to_register(data_dir: Path, circle: str, ref: str) -> dict:
    entry = {"circle": circle, "ref": ref, "erased_on": clock.now().date().isoformat()}
    _write(data_dir, [*read_register(data_dir), entry])
    return entry


def merge_register(data_dir: Path, earlier: list[dict]) -> list[dict]:
    """The union of the register on disk and ``earlier`` (kept across a restore)."""
    merged = [*read_register(data_dir), *earlier]
    if merged:
        _write(data_dir, merged)
    return read_register(data_dir)


def reapply(config, entries: list[dict] | None = None) -> list[dict]:
    """Erase again every registered member still found in a circle (after a restore).

    Returns one item per member erased here: circle, member id (as it was in the
    restored file, for integrations' tables) and the requests they were part of.
    """
    from voorzorg.deploy.circles import db_path
    from voorzorg.domain.erasure import erase_rows, find_by_ref, involved_requests
    from voorzorg.storage.store import compact, open_circle

    entries = read_register(config.data_dir) if entries is None else entries
    by_circle: dict[str, list[str]] = {}
    for item in entries:
        by_circle.setdefault(item["circle"], []).append(item["ref"])
    done = []
    for circle_id, refs in by_circle.items():
        entry = config.circles.get(circle_id)
        if entry is None:
            continue
        path = db_path(config, entry)
        if not path.exists():
            continue
        db = open_circle(path)
        try:
            erased_here = False
            for ref in refs:
                member_id = find_by_ref(db, ref)
                if member_id is None:
                    continue
                requests = involved_requests(db, member_id)
                erase_rows(db, member_id)
                erased_here = True
                done.append({"circle": circle_id, "member_id": member_id, "ref": ref,
                             "requests": requests})  # fmt: skip
            if erased_here:
                compact(db)
        finally:
            db.close()
    return done


def set_aside_copies(config) -> list[tuple[str, Path]]:
    """Circle files a restore set aside (``.voorzorg-replaced/<stamp>/``): (circle, path)."""
    from voorzorg.deploy.config import REPLACED
    from voorzorg.storage.store import is_circle_id

    found = []
    for base in {config.path.parent, config.data_dir}:
        folder = base / REPLACED
        if folder.is_dir():
            found += [(p.stem, p) for p in sorted(folder.rglob("*.db")) if is_circle_id(p.stem)]
    return found


def erase_in_set_aside(config, entries: list[dict] | None = None) -> int:
    """Erase registered members from the copies a restore set aside, so that an
    erasure made after a restore reaches them too. Returns how many were erased."""
    from voorzorg.domain.erasure import erase_rows, find_by_ref
    from voorzorg.errors import VoorzorgError
    from voorzorg.storage.store import compact, open_circle

    entries = read_register(config.data_dir) if entries is None else entries
    refs: dict[str, set[str]] = {}
    for item in entries:
        refs.setdefault(item["circle"], set()).add(item["ref"])
    erased = 0
    for circle_id, path in set_aside_copies(config):
        if not refs.get(circle_id):
            continue
        try:
            db = open_circle(path, check=False)
        except VoorzorgError:
            continue  # not a circle file (any more): nothing of a member to find
        try:
            ids = [m for m in (find_by_ref(db, r) for r in sorted(refs[circle_id])) if m]
            for member_id in ids:
                erase_rows(db, member_id)
            if ids:
                compact(db)
                erased += len(ids)
        finally:
            db.close()
    return erased


def note_pending(deploy_dir: Path, reapplied: list[dict]) -> None:
    """Remember who was erased again, until their integrations' data is erased too."""
    if not reapplied:
        return
    from voorzorg.deploy.config import atomic_write

    earlier = read_pending(deploy_dir)
    body = json.dumps([*earlier, *reapplied]).encode("utf-8")
    atomic_write(Path(deploy_dir) / PENDING, body, mode=0o600)


def read_pending(deploy_dir: Path) -> list[dict]:
    try:
        items = json.loads((Path(deploy_dir) / PENDING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def clear_pending(deploy_dir: Path) -> None:
    import contextlib
    import os

    with contextlib.suppress(FileNotFoundError):
        os.unlink(Path(deploy_dir) / PENDING)
