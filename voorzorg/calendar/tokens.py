"""Subscription tokens for feeds: one per subscriber, stored only as a hash.

A token is 256 random bits (``secrets.token_urlsafe(32)``), shown once when it is
made. The database keeps its SHA-256, so a copied database or backup does not
hand out working subscription addresses. A token may be tied to a member: then it
opens that member's personal calendar instead of the circle's.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime

from voorzorg.errors import VoorzorgError
from voorzorg.text import clean_line

TOKEN_BYTES = 32
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def add_token(db, *, label: str, member_id: int | None = None, now: datetime) -> dict:
    """Make a token; the returned dict holds the token itself (shown once, never stored)."""
    label = clean_line(label, field="label", max_length=80, required=True)
    if member_id is not None:
        from voorzorg.domain.members import get_member

        member = get_member(db, member_id)
        if member["left_on"] is not None:
            raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with db.atomic():
        cursor = db.execute(
            """INSERT INTO feed_tokens (token_hash, label, member_id, created_at)
               VALUES (?, ?, ?, ?)""",
            [_hash(token), label, member_id, now.astimezone(UTC).isoformat(timespec="seconds")],
        )
    return {**get_token(db, cursor.lastrowid), "token": token}


def get_token(db, token_id: int) -> dict:
    row = db.execute(
        """SELECT t.id, t.label, t.member_id, m.name, t.created_at, t.revoked_at
           FROM feed_tokens t LEFT JOIN members m ON m.id = t.member_id WHERE t.id = ?""",
        [token_id],
    ).fetchone()
    if row is None:
        raise VoorzorgError("feed.unknown_token", id=token_id)
    keys = ("id", "label", "member_id", "member_name", "created_at", "revoked_at")
    item = dict(zip(keys, row, strict=True))
    item["active"] = item["revoked_at"] is None
    return item


def list_tokens(db, *, include_revoked: bool = False) -> list[dict]:
    ids = [r[0] for r in db.execute("SELECT id FROM feed_tokens ORDER BY id")]
    tokens = [get_token(db, i) for i in ids]
    return tokens if include_revoked else [t for t in tokens if t["active"]]


def revoke_token(db, token_id: int, *, now: datetime) -> dict:
    token = get_token(db, token_id)
    if not token["active"]:
        raise VoorzorgError("feed.already_revoked", id=token_id)
    with db.atomic():
        db.execute(
            "UPDATE feed_tokens SET revoked_at = ? WHERE id = ?",
            [now.astimezone(UTC).isoformat(timespec="seconds"), token_id],
        )
    return get_token(db, token_id)


def lookup(db, token: str) -> dict | None:
    """The active token row for ``token``, or None. Never raises on a bad token."""
    if not isinstance(token, str) or not _TOKEN_SHAPE.fullmatch(token):
        _hash("x" * 43)  # the same work as for a well-formed token
        return None
    wanted = _hash(token)
    row = db.execute(
        "SELECT id, token_hash, member_id FROM feed_tokens WHERE token_hash = ? "
        "AND revoked_at IS NULL",
        [wanted],
    ).fetchone()
    if row is None or not hmac.compare_digest(row[1], wanted):
        return None
    return {"id": row[0], "member_id": row[2]}


def subscription_urls(base_url: str, circle_id: str, token: str) -> dict:
    base = base_url.rstrip("/")
    https = f"{base}/feeds/{circle_id}/{token}.ics"
    return {"https": https, "webcal": re.sub(r"^https?://", "webcal://", https)}
