"""What a centre publishes: its protected releases, signed, in the bucket or on a stick.

``publish`` is idempotent: a new bundle (the next sequence number) is made only when the
ledger or the pooling parts changed since the last one; every bundle made is kept in
``data/federation/`` and any of them missing from the bucket is uploaded again, so a
timer can run it as often as it likes and an interrupted upload is finished next time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from voorzorg import clock
from voorzorg.errors import VoorzorgError, os_error_text
from voorzorg.federation import bundle, keys
from voorzorg.i18n import _

FOLDER = "federation"
STATE = "state.json"


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def _state(data_dir: Path) -> dict:
    path = folder(data_dir) / STATE
    if not path.exists():
        return {"sequence": 0, "payload_hash": None, "digest": None}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = None
    if not (
        isinstance(state, dict)
        and isinstance(state.get("sequence"), int)
        and (state.get("payload_hash") is None or isinstance(state.get("payload_hash"), str))
    ):
        raise VoorzorgError("federation.state_bad", path=str(path))
    return state


def _entries(data_dir: Path) -> list[dict]:
    """The ledger as the hub may read it: every publication, without who made it."""
    from voorzorg.stats import ledger
    from voorzorg.stats import store as stats_store

    path = stats_store.stats_path(data_dir)
    entries = ledger.read(data_dir)
    if path.exists():  # releases made before the ledger existed count too
        conn = stats_store.connect(path)
        try:
            in_db = stats_store.read_releases(conn)
        finally:
            conn.close()
        seen = {e["hash"] for e in entries}
        for release in in_db:
            digest = ledger.content_hash(release)
            if digest not in seen:
                seen.add(digest)
                entries.append(ledger.entry(release, action="imported", at="", by=""))
    return [
        {"action": e["action"], "at": e["at"], "reason": e.get("reason"), "hash": e["hash"],
         "content": e["content"]}
        for e in entries
    ]  # fmt: skip


def _pool_parts(data_dir: Path, entries: list[dict]) -> list[dict]:
    from voorzorg.stats import ledger

    hashes = {e["hash"] for e in entries}
    latest = {}
    for parts in ledger.read_pool(data_dir):
        if parts.get("hash") in hashes:
            latest[parts["hash"]] = parts
    return list(latest.values())


def prepare(config) -> dict:
    """Make the next bundle when something changed; returns what there is to send."""
    from voorzorg.deploy.config import atomic_write

    data_dir = config.data_dir
    private = keys.load(config.secrets_path)
    fingerprint = keys.fingerprint(keys.public_bytes(private))
    table = config.data.get("federation") or {}
    entries = _entries(data_dir)
    if not entries:
        raise VoorzorgError("federation.nothing_published", hint="federation.release_first")
    recipient = (table.get("hub_recipient") or "").strip() or None
    parts = _pool_parts(data_dir, entries)
    centre = table.get("centre") or ""
    digest = hashlib.sha256(
        bundle.canonical({"entries": entries, "parts": parts, "to": recipient, "centre": centre})
    ).hexdigest()
    state = _state(data_dir)
    made = False
    if digest != state["digest"]:
        sequence = state["sequence"] + 1
        payload = {
            "fingerprint": fingerprint,
            "centre": centre,
            "sequence": sequence,
            "previous": state["payload_hash"],
            "created": clock.stamp(),
            "entries": entries,
            "pool": bundle.encrypt_pool(parts, recipient) if recipient and parts else None,
        }
        blob = bundle.make(private, payload)
        target = folder(data_dir)
        try:
            target.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise VoorzorgError(
                "file.write_failed", path=str(target), error=os_error_text(exc)
            ) from None
        atomic_write(target / f"{sequence:08d}.json", blob, mode=0o600)
        state = {
            "sequence": sequence,
            "payload_hash": bundle.payload_hash(bundle.canonical(payload)),
            "digest": digest,
        }
        atomic_write(target / STATE, json.dumps(state).encode(), mode=0o600)
        made = True
    return {
        "fingerprint": fingerprint,
        "sequence": state["sequence"],
        "new": made,
        "releases": len({e["content"]["period"] for e in entries}),
        "pooled": recipient is not None and bool(parts),
    }


def local_bundles(data_dir: Path) -> dict[int, Path]:
    found = {}
    base = folder(data_dir)
    if base.is_dir():
        for path in base.glob("*.json"):
            if path.stem.isdigit():
                found[int(path.stem)] = path
    return dict(sorted(found.items()))


def publish(config, *, to_file: Path | None = None, upload: bool = True) -> dict:
    if upload:
        _not_behind_the_bucket(config)
    summary = prepare(config)
    bundles = local_bundles(config.data_dir)
    latest = bundles[summary["sequence"]]
    summary["uploaded"] = []
    if to_file is not None:
        summary["file"] = str(write_to(Path(to_file), latest, summary))
    if upload:
        from voorzorg.federation.objectstore import from_config

        store, prefix = from_config(config)
        try:
            mine = bundle.object_name(prefix, summary["fingerprint"], 0).rsplit("/", 1)[0] + "/"
            present = {name for name, _size, _etag in store.list(mine)}
            for sequence, path in bundles.items():
                name = bundle.object_name(prefix, summary["fingerprint"], sequence)
                if name not in present:
                    store.put(name, path.read_bytes())
                    summary["uploaded"].append(name)
        finally:
            store.close()
    return summary


def _not_behind_the_bucket(config) -> None:
    """Refuse, before making anything, when the bucket holds a later bundle of this key
    than this centre knows of: a centre put back from an older backup. Its next bundle
    would take a number already used, and the hub would refuse every one after it; the
    message says what to do instead (docs/federation.md, "A centre restored")."""
    from voorzorg.federation.objectstore import from_config

    fingerprint = keys.fingerprint(keys.public_bytes(keys.load(config.secrets_path)))
    known = _state(config.data_dir)["sequence"]
    store, prefix = from_config(config)
    try:
        mine = bundle.object_name(prefix, fingerprint, 0).rsplit("/", 1)[0] + "/"
        later = sorted(
            (
                (parsed[1], name)
                for name, size, _etag in store.list(mine)
                if (parsed := bundle.parse_name(prefix, name))
                and parsed[0] == fingerprint
                and parsed[1] > known
                and size <= bundle.MAX_BYTES
            ),
            reverse=True,
        )
        # Only a bundle this key really signed, with a later number inside, counts: a
        # copy of an old bundle under a new name (which the hub refuses as a replay)
        # must not stop the centre from publishing.
        for _number, name in later[:3]:
            try:
                found, _public, payload = bundle.open_signed(store.get(name))
            except (bundle.Refused, VoorzorgError):
                continue
            if found == fingerprint and payload["sequence"] > known:
                raise VoorzorgError("federation.behind_bucket", bucket=payload["sequence"],
                                    here=known, fingerprint=fingerprint)  # fmt: skip
    finally:
        store.close()


def write_to(target: Path, latest: Path, summary: dict) -> Path:
    """The newest bundle to a file (or into a folder, e.g. a USB stick), atomically."""
    from voorzorg.deploy.config import atomic_write

    if target.is_dir():
        target = target / f"{summary['fingerprint']}-{summary['sequence']:08d}.json"
    if not target.parent.is_dir():
        raise VoorzorgError("file.write_failed", path=str(target), error=_("oserror.missing"))
    atomic_write(target, latest.read_bytes(), mode=0o644)
    return target
