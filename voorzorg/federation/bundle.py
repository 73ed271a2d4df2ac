"""The signed bundle: what a centre publishes, and how a hub checks it.

A bundle is one JSON file::

    {"format": "voorzorg-stats-bundle/1",
     "key": "<the centre's Ed25519 public key, base64>",
     "payload": "<the payload's exact bytes, base64>",
     "signature": "<Ed25519 over DOMAIN + payload bytes, base64>"}

The payload (JSON) names the centre's fingerprint, a sequence number starting at 1, the
SHA-256 of the previous bundle's payload (a chain: nothing can be left out, replayed
or reordered unseen), when it was made, every ledger entry of the centre (the published
releases, every version, without the operator's name) and, when the centre knows the
hub's age recipient, the pooling parts of each release encrypted to the hub.

Every bundle is cumulative: it holds the whole ledger, so the newest one is enough to
rebuild a centre; the chain lets the hub refuse a centre whose history was rewritten.
"""

from __future__ import annotations

import base64
import hashlib
import json

from voorzorg.errors import VoorzorgError
from voorzorg.federation import keys

FORMAT = "voorzorg-stats-bundle/1"
DOMAIN = b"voorzorg-stats-bundle/1\n"
MAX_BYTES = 32 * 1024 * 1024
_TOP = {"format", "key", "payload", "signature"}
_PAYLOAD = {"fingerprint", "centre", "sequence", "previous", "created", "entries", "pool"}


class Refused(Exception):
    """A bundle the hub does not accept; ``reason`` is a translation key suffix."""

    def __init__(self, reason: str, **params) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def payload_hash(payload_bytes: bytes) -> str:
    return hashlib.sha256(payload_bytes).hexdigest()


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def make(private_key, payload: dict) -> bytes:
    """The bundle's bytes: ``payload`` signed with the centre's key."""
    raw = canonical(payload)
    public = keys.public_bytes(private_key)
    document = {
        "format": FORMAT,
        "key": base64.b64encode(public).decode(),
        "payload": base64.b64encode(raw).decode(),
        "signature": base64.b64encode(keys.sign(private_key, DOMAIN + raw)).decode(),
    }
    return _serialise(document)


def _serialise(document: dict) -> bytes:
    return json.dumps(document, sort_keys=True, indent=1).encode() + b"\n"


def _b64(text, name: str) -> bytes:
    if not isinstance(text, str):
        raise Refused("malformed", part=name)
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise Refused("malformed", part=name) from None
    if base64.b64encode(raw).decode() != text:
        # Base64 can spell the same bytes differently (the unused low bits of its last
        # character): only the one canonical spelling is a bundle.
        raise Refused("malformed", part=name)
    return raw


def open_signed(blob: bytes) -> tuple[str, bytes, dict]:
    """(fingerprint, public key, payload) of a bundle whose signature holds; Refused
    for anything else: not a bundle, altered, or signed by another key than it names."""
    if len(blob) > MAX_BYTES:
        raise Refused("too_big")
    try:
        document = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # RecursionError: JSON nested deeper than Python's parser goes ("[[[[...").
        raise Refused("malformed", part="json") from None
    if not isinstance(document, dict) or set(document) != _TOP:
        raise Refused("malformed", part="fields")
    if document["format"] != FORMAT:
        raise Refused("format", found=str(document["format"])[:40])
    if _serialise(document) != blob:
        # One exact form: not a byte may differ, not even a space the JSON would allow.
        raise Refused("malformed", part="form")
    public = _b64(document["key"], "key")
    raw = _b64(document["payload"], "payload")
    signature = _b64(document["signature"], "signature")
    if len(public) != 32 or len(signature) != 64:
        raise Refused("malformed", part="key")
    if not keys.verify(public, signature, DOMAIN + raw):
        raise Refused("bad_signature")
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused("malformed", part="payload") from None
    if not isinstance(payload, dict) or set(payload) != _PAYLOAD:
        raise Refused("malformed", part="payload")
    fingerprint = keys.fingerprint(public)
    if payload["fingerprint"] != fingerprint:
        raise Refused("wrong_fingerprint")
    _check_shape(payload)
    payload["_hash"] = payload_hash(raw)
    return fingerprint, public, payload


def _check_shape(payload: dict) -> None:
    from voorzorg.stats.ledger import content_hash

    sequence = payload["sequence"]
    if not _whole(sequence, 1, MAX_SEQUENCE):
        raise Refused("malformed", part="sequence")
    previous = payload["previous"]
    if (sequence == 1) != (previous is None) or not (
        previous is None or (isinstance(previous, str) and len(previous) == 64)
    ):
        raise Refused("malformed", part="previous")
    entries = payload["entries"]
    if not isinstance(entries, list):
        raise Refused("malformed", part="entries")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("content"), dict):
            raise Refused("malformed", part="entries")
        content = entry["content"]
        if not valid_content(content):
            raise Refused("malformed", part="entries")
        try:
            digest = content_hash(content)
        except (TypeError, AttributeError, ValueError):
            raise Refused("malformed", part="entries") from None
        if entry.get("hash") != digest:
            raise Refused("entry_hash", period=content["period"])
    pool = payload["pool"]
    if pool is not None and not (isinstance(pool, dict) and isinstance(pool.get("data"), str)):
        raise Refused("malformed", part="pool")


MAX_SEQUENCE = 10**12
MAX_LABEL = 200


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _label(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_LABEL


def valid_content(content) -> bool:
    """Whether a release's content has the shape every later step relies on: a real
    half-year, bounded whole numbers, known tables as lists of cells of labels, a count
    or nothing and the withheld flag. Checked when a bundle is accepted, so that nothing
    a centre signed can make the hub's rebuild of the city fail later."""
    import math

    from voorzorg.errors import VoorzorgError as _Error
    from voorzorg.stats import store as stats_store
    from voorzorg.stats.periods import parse_period

    if not isinstance(content, dict) or not _label(content.get("period")):
        return False
    try:
        if parse_period(content["period"])[0] != content["period"]:
            return False  # only the one spelling ("2026-H1") the builder writes
    except (_Error, ValueError, TypeError):
        return False
    if not _whole(content.get("k"), 1, 1000):
        return False
    for name in ("version", "circles", "noise"):
        if content.get(name) is not None and not _whole(content[name], 0, 10**9):
            return False
    for name in ("start", "end", "method", "k_reason"):
        if content.get(name) is not None and not (
            isinstance(content[name], str) and len(content[name]) <= 2000
        ):
            return False
    withheld = content.get("withheld") or []
    if not isinstance(withheld, list) or not all(_label(t) for t in withheld):
        return False
    tables = content.get("tables")
    if not isinstance(tables, dict):
        return False
    for table, cells in tables.items():
        if not _label(table) or not isinstance(cells, list):
            return False
        known = stats_store.TABLES.get(table)
        for cell in cells:
            if not isinstance(cell, list) or len(cell) < 2:
                return False
            if known is not None and len(cell) != len(known[0]) + 2:
                return False
            *labels, value, flag = cell
            if not all(_label(v) for v in labels) or flag not in (0, 1) or isinstance(flag, bool):
                return False
            if value is None:
                if flag != 1:
                    return False
            elif (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or abs(value) > 10**9
                or flag != 0
            ):
                return False
    return True


def object_name(prefix: str, fingerprint: str, sequence: int) -> str:
    """Where a bundle lives in the bucket: one folder per centre, by fingerprint."""
    head = f"{prefix.strip('/')}/" if prefix.strip("/") else ""
    return f"{head}centres/{fingerprint}/{sequence:08d}.json"


def parse_name(prefix: str, name: str) -> tuple[str, int] | None:
    """(fingerprint, sequence) from an object name, None when it is not one of ours."""
    head = f"{prefix.strip('/')}/" if prefix.strip("/") else ""
    if not name.startswith(head + "centres/"):
        return None
    import re

    parts = name[len(head) + len("centres/") :].split("/")
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
    if len(parts) != 2 or not re.fullmatch(r"[0-9]{1,12}\.json", parts[1]):
        return None
    return parts[0], int(parts[1][:-5])


def encrypt_pool(parts: list[dict], recipient: str) -> dict:
    import pyrage

    try:
        target = pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception:
        raise VoorzorgError("federation.bad_recipient", recipient=recipient) from None
    data = pyrage.encrypt(canonical({"releases": parts}), [target])
    return {"recipient": recipient.strip(), "data": base64.b64encode(data).decode()}


def decrypt_pool(pool: dict | None, identity: str) -> list[dict]:
    if pool is None:
        return []
    import pyrage

    try:
        plain = pyrage.decrypt(
            _b64(pool["data"], "pool"), [pyrage.x25519.Identity.from_str(identity)]
        )
        releases = json.loads(plain.decode("utf-8"))["releases"]
    except Refused:
        raise
    except Exception:
        raise Refused("pool_unreadable") from None
    if not isinstance(releases, list) or not all(isinstance(r, dict) for r in releases):
        raise Refused("pool_unreadable")
    return releases
