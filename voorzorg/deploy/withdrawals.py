"""The withdrawal register: which consents were withdrawn, so that a restore (or any old
copy put back) withdraws them again.

Withdrawing ``matching`` deletes a member's needs and ``wellbeing`` their check-ins:
health data. A backup made before the withdrawal still holds the consent and that data,
and restoring it would bring both back, against the member's wish. So, as with the
erasure register (``deploy/erasures.py``), every withdrawal leaves one line of JSON in
``<data_dir>/privacy-withdrawals.jsonl``: the circle id, the member's random reference
(``members.ref``, meaningless without that circle's file), the purpose, the withdrawn
consent's row id and when it had been given, and when it was withdrawn. No name, nothing
else about the person.

``restore`` keeps the register in place before it (in its journal), merges it with the
restored one and withdraws again every registered consent that a restored circle holds
as active: the withdrawn consent itself, or an older one (``reapply``). A consent given
again after the withdrawn one stands. Older means both: a row id no higher (SQLite gives a
new row a higher id than any in its file) and given no later (a file restored from an
even older backup reuses ids); together they tell a consent given again apart even within
the same second. The nightly ``purge`` does the same as a safety
net, and for the copies a restore set aside (``.voorzorg-replaced/``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from voorzorg.errors import VoorzorgError

REGISTER = "privacy-withdrawals.jsonl"
FIELDS = ("circle", "ref", "purpose", "given_at", "withdrawn_at")  # and consent_id


def register_path(data_dir: Path) -> Path:
    return Path(data_dir) / REGISTER


def read_register(data_dir: Path) -> list[dict]:
    """The entries of the register (empty when there is none); bad lines are skipped."""
    from voorzorg.deploy.erasures import read_lines

    entries = []
    for item in read_lines(register_path(data_dir)):
        fields = [item.get(k) for k in FIELDS]
        if not all(isinstance(v, str) and v for v in fields):
            continue
        try:
            datetime.fromisoformat(item["given_at"])
            datetime.fromisoformat(item["withdrawn_at"])
        except ValueError:
            continue
        consent_id = item.get("consent_id")
        if not isinstance(consent_id, int) or isinstance(consent_id, bool):
            continue
        entries.append({**dict(zip(FIELDS, fields, strict=True)), "consent_id": consent_id})
    return entries


def _write(data_dir: Path, entries: list[dict]) -> None:
    from voorzorg.deploy.erasures import write_lines

    write_lines(register_path(data_dir), entries,
                lambda item: (*(item[k] for k in FIELDS), item["consent_id"]))  # fmt: skip


def add_to_register(
    data_dir: Path,
    circle: str,
    ref: str,
    purpose: str,
    *,
    consent_id: int,
    given_at: str,
    withdrawn_at: str,
) -> dict:
    entry = {"circle": circle, "ref": ref, "purpose": purpose, "consent_id": consent_id,
             "given_at": given_at, "withdrawn_at": withdrawn_at}  # fmt: skip
    _write(data_dir, [*read_register(data_dir), entry])
    return entry


def merge_register(data_dir: Path, earlier: list[dict]) -> list[dict]:
    """The union of the register on disk and ``earlier`` (kept across a restore)."""
    merged = [*read_register(data_dir), *earlier]
    if merged:
        _write(data_dir, merged)
    return read_register(data_dir)


def _due(db, entries: list[dict]) -> list[tuple[int, str, str]]:
    """(member id, purpose, withdrawn_at) for every registered withdrawal this circle
    file does not show: the consent is still active and was given no later than the
    one withdrawn."""
    from voorzorg.domain.erasure import find_by_ref

    due = []
    for item in entries:
        member_id = find_by_ref(db, item["ref"])
        if member_id is None:
            continue
        row = db.execute(
            """SELECT id, given_at FROM consents WHERE member_id = ? AND purpose = ?
               AND withdrawn_at IS NULL""",
            [member_id, item["purpose"]],
        ).fetchone()
        if row is None:
            continue
        if row[0] > item["consent_id"]:
            continue  # given again after the withdrawn one: it stands
        try:
            if datetime.fromisoformat(row[1]) > datetime.fromisoformat(item["given_at"]):
                continue  # given again, in a file restored from before the withdrawn one
        except (TypeError, ValueError):
            pass  # an unreadable moment: withdrawing is the careful side
        due.append((member_id, item["purpose"], item["withdrawn_at"]))
    return due


def _apply(db, entries: list[dict]) -> list[dict]:
    from voorzorg.domain.departures import withdraw_consent

    done = []
    for member_id, purpose, at in _due(db, entries):
        info = withdraw_consent(db, member_id, purpose, at=at)
        done.append({"member_id": member_id, "purpose": purpose,
                     "needs_removed": len(info["needs_removed"]),
                     "checkins_removed": info["checkins_removed"]})  # fmt: skip
    return done


def reapply(config, entries: list[dict] | None = None) -> list[dict]:
    """Withdraw again every registered consent a circle still holds as given before its
    withdrawal (after a restore, or nightly). One item per consent withdrawn here."""
    from voorzorg.deploy.circles import db_path
    from voorzorg.storage.store import open_circle

    entries = read_register(config.data_dir) if entries is None else entries
    by_circle: dict[str, list[dict]] = {}
    for item in entries:
        by_circle.setdefault(item["circle"], []).append(item)
    done = []
    for circle_id, items in by_circle.items():
        entry = config.circles.get(circle_id)
        if entry is None:
            continue
        path = db_path(config, entry)
        if not path.exists():
            continue
        db = open_circle(path)
        try:
            done += [{"circle": circle_id, **d} for d in _apply(db, items)]
        finally:
            db.close()
    return done


def reapply_in_set_aside(config, entries: list[dict] | None = None) -> int:
    """The same for the circle files a restore set aside (``.voorzorg-replaced/``), so a
    withdrawal made after a restore reaches them too. Returns how many were withdrawn."""
    from voorzorg.deploy.erasures import set_aside_copies
    from voorzorg.storage.store import open_circle

    entries = read_register(config.data_dir) if entries is None else entries
    by_circle: dict[str, list[dict]] = {}
    for item in entries:
        by_circle.setdefault(item["circle"], []).append(item)
    count = 0
    for circle_id, path in set_aside_copies(config):
        if not by_circle.get(circle_id):
            continue
        try:
            db = open_circle(path, check=False)
        except VoorzorgError:
            continue  # not a circle file (any more)
        try:
            count += len(_apply(db, by_circle[circle_id]))
        finally:
            db.close()
    return count
