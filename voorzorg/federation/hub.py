"""The hub: trusted keys, collecting bundles from the bucket (or a folder), verifying.

A bundle is accepted only when all of these hold, and refused (recorded in hub.db and
reported) otherwise:

- it is a bundle, whole: the signature over its payload holds (one altered byte fails);
- its key's fingerprint is trusted and not revoked, and it sits in its own folder;
- its sequence number is the one its object name says, later than any accepted from that
  centre (an older bundle copied under a new name is a replay), and when it is the next
  one it names the previous payload's hash (a chain);
- the centre's ledger in it begins with every entry accepted before (history only grows);
- its pooling parts, if any, decrypt with the hub's key and belong to its releases.
"""

from __future__ import annotations

import base64
from contextlib import contextmanager
from pathlib import Path

from voorzorg.errors import VoorzorgError
from voorzorg.federation import bundle, hubdb, keys
from voorzorg.federation.bundle import Refused

IDENTITY_SECRET = "hub_identity"


def is_hub(config) -> bool:
    return isinstance(config.data.get("hub"), dict)


def require_hub(config) -> None:
    if not is_hub(config):
        raise VoorzorgError("hub.not_a_hub", hint="hub.init_hint")


def init_hub(directory: Path, name: str, language: str | None = None) -> dict:
    """A new deployment in hub mode: config.toml with [hub], an age identity for the
    centres' pooling parts in secrets.toml, and hub.db."""
    import pyrage

    from voorzorg.deploy import config as config_mod
    from voorzorg.deploy.deployment import init_deployment
    from voorzorg.text import clean_line

    name = clean_line(name, field="name", max_length=80, required=True)
    result = init_deployment(Path(directory), language=language)
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())

    def add_identity(document) -> None:
        document[IDENTITY_SECRET] = str(identity)

    config_mod.edit_secrets(Path(result["secrets"]), add_identity)

    def add_hub(document) -> None:
        import tomlkit

        table = tomlkit.table()
        table["name"] = name
        table["recipient"] = recipient
        document["hub"] = table

    config = config_mod.edit(Path(result["config"]), add_hub)
    hubdb.connect(config.data_dir).close()
    return {**result, "recipient": recipient, "name": name}


def identity(config) -> str | None:
    from voorzorg.deploy import config as config_mod

    return config_mod.load_secrets(config.secrets_path).get(IDENTITY_SECRET)


def trust(config, fingerprint: str, name: str) -> dict:
    from voorzorg.text import clean_line

    require_hub(config)
    fingerprint = keys.parse_fingerprint(fingerprint)
    name = clean_line(name, field="name", max_length=80, required=True)
    conn = hubdb.connect(config.data_dir)
    try:
        return hubdb.trust(conn, fingerprint, name)
    finally:
        conn.close()


def revoke(config, fingerprint: str, reason: str | None = None) -> dict:
    require_hub(config)
    fingerprint = keys.parse_fingerprint(fingerprint)
    conn = hubdb.connect(config.data_dir)
    try:
        return hubdb.revoke(conn, fingerprint, reason)
    finally:
        conn.close()


def accept(conn, blob: bytes, source: str, hub_identity: str | None, *, folder=None, named=None):
    """Verify one bundle against the hub's record and store it. ``folder``: the
    fingerprint of the bucket folder it came from; ``named``: the sequence its object
    name says. Returns "accepted" or "seen"; raises Refused."""
    fingerprint, public, payload = bundle.open_signed(blob)
    if folder is not None and fingerprint != folder:
        raise Refused("wrong_folder", folder=folder)
    row = hubdb.centre(conn, fingerprint)
    if row is None:
        raise Refused("unknown_key", fingerprint=fingerprint)
    if row["revoked_at"]:
        raise Refused("revoked_key", fingerprint=fingerprint, name=row["name"])
    public_text = base64.b64encode(public).decode()
    if row["public_key"] and row["public_key"] != public_text:
        raise Refused("unknown_key", fingerprint=fingerprint)
    sequence, last = payload["sequence"], row["sequence"]
    if named is not None and named != sequence:
        if sequence <= last:
            raise Refused("replayed", sequence=sequence, last=last)
        raise Refused("wrong_name", sequence=sequence, named=named)
    if sequence <= last:
        if hubdb.accepted_hash(conn, fingerprint, sequence) == payload["_hash"]:
            return "seen"
        raise Refused("out_of_order", sequence=sequence, last=last)
    if last and sequence == last + 1 and payload["previous"] != row["payload_hash"]:
        raise Refused("broken_chain", sequence=sequence)
    import json

    before = json.loads(row["entry_hashes"])
    after = [e["hash"] for e in payload["entries"]]
    if after[: len(before)] != before:
        raise Refused("history_rewritten", sequence=sequence)
    parts = []
    if payload["pool"] is not None and hub_identity:
        parts = bundle.decrypt_pool(payload["pool"], hub_identity)
        _check_parts(parts, set(after))
    hubdb.store_bundle(conn, fingerprint, public_text, payload, parts, source)
    return "accepted"


def _check_parts(parts: list[dict], hashes: set[str]) -> None:
    from voorzorg.stats.rules import KEY_MODULUS
    from voorzorg.stats.store import TABLES

    def count(v) -> bool:
        return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**62

    for part in parts:
        if (
            part.get("hash") not in hashes
            or not count(part.get("circles"))
            or not count(part.get("members"))
        ):
            raise Refused("pool_mismatch")
        tables = part.get("tables")
        if not isinstance(tables, dict):
            raise Refused("pool_mismatch")
        circles = part.get("table_circles", {})
        if not isinstance(circles, dict) or not all(
            isinstance(t, str) and count(n) for t, n in circles.items()
        ):
            raise Refused("pool_mismatch")
        for table, cells in tables.items():
            if not isinstance(cells, list):
                raise Refused("pool_mismatch")
            known = TABLES.get(table)
            for cell in cells:
                if not isinstance(cell, list) or len(cell) < 4:
                    raise Refused("pool_mismatch")
                if known is not None and len(cell) != len(known[0]) + 4:
                    raise Refused("pool_mismatch")
                if not all(isinstance(v, str) and len(v) <= 200 for v in cell[:-4]):
                    raise Refused("pool_mismatch")
                raw, key, persons, top = cell[-4:]
                if not all(count(v) for v in (raw, key, persons, top)) or key >= KEY_MODULUS:
                    raise Refused("pool_mismatch")
                if persons > raw or top > raw or (raw and not persons):
                    raise Refused("pool_mismatch")


LOCK = "hub-collect.lock"


@contextmanager
def _only_one_collect(data_dir: Path):
    """One collect at a time (the timer and a volunteer by hand): a second one is
    refused at once with a clear message, never run alongside."""
    import fcntl
    import os

    fd = os.open(Path(data_dir) / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise VoorzorgError("hub.collect_busy") from None
        yield
    finally:
        os.close(fd)


def collect(config, *, source: Path | None = None, rebuild: bool = True, progress=None) -> dict:
    """Fetch and verify new bundles (from the bucket, or from a folder such as a USB
    stick), then rebuild the city's stats.db. Returns what was accepted and refused.
    ``progress(number, total, what)`` hears of long work (fetching, auditing)."""
    require_hub(config)
    with _only_one_collect(config.data_dir):
        conn = hubdb.connect(config.data_dir)
        report = {"accepted": [], "refused": [], "ignored": [], "seen": 0}
        secret = identity(config)
        try:
            if source is None:
                _from_store(config, conn, secret, report, progress)
            else:
                _from_folder(Path(source), conn, secret, report, progress)
            if rebuild:
                from voorzorg.federation.city import rebuild as rebuild_city

                report["city"] = rebuild_city(config, conn, progress=progress)
        finally:
            conn.close()
    return report


def _refuse(conn, report, source, fingerprint, reason, params=None) -> None:
    params = params or {}
    hubdb.record_refusal(conn, source, fingerprint, reason, repr(params))
    report["refused"].append(
        {"source": source, "fingerprint": fingerprint, "reason": reason,
         **{k: str(v) for k, v in params.items()}}
    )  # fmt: skip


def _handle(conn, report, blob, source, secret, **where) -> None:
    try:
        outcome = accept(conn, blob, source, secret, **where)
    except (RecursionError, ValueError, TypeError, KeyError):
        # Whatever slipped past the checks of bundle.open_signed: this one bundle is
        # refused; the others are still collected.
        _refuse(conn, report, source, where.get("folder"), "malformed", {"part": "payload"})
        return
    except Refused as refusal:
        fingerprint = refusal.params.get("fingerprint") or where.get("folder")
        _refuse(conn, report, source, fingerprint, refusal.reason, refusal.params)
        return
    if outcome == "seen":
        report["seen"] += 1
    else:
        report["accepted"].append({"source": source})


def _from_store(config, conn, secret, report, progress=None) -> None:
    from voorzorg.federation.objectstore import from_config

    store, prefix = from_config(config)
    try:
        listing = store.list(
            bundle.object_name(prefix, "X", 0).rsplit("centres/", 1)[0] + "centres/"
        )
        folders: dict[str, list[tuple[int, str]]] = {}
        sizes = {}
        for name, size, _etag in listing:
            parsed = bundle.parse_name(prefix, name)
            if parsed is None:
                report["ignored"].append(name)
                continue
            folders.setdefault(parsed[0], []).append((parsed[1], name))
            sizes[name] = size
        total = sum(len(objects) for objects in folders.values())
        done = 0
        for folder, objects in sorted(folders.items()):
            row = hubdb.centre(conn, folder)
            if row is None or row["revoked_at"]:
                fresh = [n for seq, n in objects if row is None or seq > row["sequence"]]
                reason = "unknown_key" if row is None else "revoked_key"
                for name in fresh:
                    hubdb.record_refusal(conn, name, folder, reason, "")
                    report["refused"].append(
                        {"source": name, "fingerprint": folder, "reason": reason}
                    )
                continue
            for sequence, name in sorted(objects):
                done += 1
                if sequence <= row["sequence"]:
                    continue
                if progress:
                    progress(done, total, name)
                if sizes[name] > bundle.MAX_BYTES:  # not even fetched
                    _refuse(conn, report, name, folder, "too_big")
                    continue
                try:
                    blob = store.get(name)
                except VoorzorgError as error:
                    _refuse(conn, report, name, folder, "unreadable", {"error": error.message})
                    continue
                _handle(conn, report, blob, name, secret, folder=folder,
                        named=sequence)  # fmt: skip
                row = hubdb.centre(conn, folder)
    finally:
        store.close()


def _from_folder(source: Path, conn, secret, report, progress=None) -> None:
    """Bundles from a folder (a USB stick), in chain order. Read twice (to order them,
    then to accept them) rather than held in memory all at once."""
    if not source.is_dir():
        raise VoorzorgError("hub.no_folder", path=str(source))
    order = []
    for path in sorted(source.rglob("*.json")):
        try:
            if path.stat().st_size > bundle.MAX_BYTES:
                _refuse(conn, report, str(path), None, "too_big")
                continue
            _fp, _public, payload = bundle.open_signed(path.read_bytes())
            key = (payload["fingerprint"], payload["sequence"])
        except OSError as error:
            from voorzorg.errors import os_error_text

            _refuse(conn, report, str(path), None, "unreadable", {"error": os_error_text(error)})
            continue
        except (Refused, RecursionError, ValueError, TypeError, KeyError):
            key = ("", 0)
        order.append((key, path))
    for number, (_key, path) in enumerate(sorted(order, key=lambda b: b[0]), start=1):
        if progress:
            progress(number, len(order), path.name)
        try:
            blob = path.read_bytes()
        except OSError as error:
            from voorzorg.errors import os_error_text

            _refuse(conn, report, str(path), None, "unreadable", {"error": os_error_text(error)})
            continue
        _handle(conn, report, blob, str(path), secret)
