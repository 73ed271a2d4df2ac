"""Subscription tokens: 256 bits, stored only as a hash, shown once, revocable."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from voorzorg.calendar import tokens as feed_tokens
from voorzorg.domain.departures import leave_member
from voorzorg.domain.members import add_member
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
CIRCLE = "zorgsaam"
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def database_bytes(path: Path) -> bytes:
    """The database file and its WAL/SHM companions, as they lie on disk."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "c.db"
    store.create_circle_db(path, CIRCLE, "Europe/Amsterdam").close()
    return path


def test_token_has_256_bits_and_only_its_hash_is_stored(db_path):
    db = store.open_circle(db_path)
    made = [feed_tokens.add_token(db, label=f"Telefoon {n}", now=NOW) for n in range(20)]
    tokens = [m["token"] for m in made]
    assert len(set(tokens)) == 20
    for token in tokens:
        assert TOKEN.fullmatch(token), token
        assert len(base64.urlsafe_b64decode(token + "=")) >= 32  # 256 bits
    hashes = {r[0] for r in db.execute("SELECT token_hash FROM feed_tokens")}
    assert hashes == {hashlib.sha256(t.encode()).hexdigest() for t in tokens}
    columns = [r[1] for r in db.execute("PRAGMA table_info(feed_tokens)")]
    assert "token" not in columns
    # Nowhere in the file (nor in the WAL), not even as bytes.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    on_disk = database_bytes(db_path)
    db.close()
    on_disk += database_bytes(db_path)
    for token in tokens:
        assert token.encode() not in on_disk
    # What get_token/list_tokens return never holds the token or its hash.
    db = store.open_circle(db_path)
    listed = feed_tokens.list_tokens(db)
    text = repr(listed)
    assert all(t not in text for t in tokens) and all(h not in text for h in hashes)
    db.close()


def test_lookup_revoke_and_bad_tokens(db_path):
    db = store.open_circle(db_path)
    jan = add_member(db, "Jan", today=date(2026, 1, 1))["id"]
    circle_token = feed_tokens.add_token(db, label="Buurthuis-tablet", now=NOW)
    personal = feed_tokens.add_token(db, label="Jan z'n telefoon", member_id=jan, now=NOW)
    assert feed_tokens.lookup(db, circle_token["token"]) == {
        "id": circle_token["id"],
        "member_id": None,
    }
    assert feed_tokens.lookup(db, personal["token"]) == {"id": personal["id"], "member_id": jan}
    assert personal["member_name"] == "Jan" and personal["active"] is True

    good = circle_token["token"]
    for bad in (
        "",
        "x",
        good[:-1],
        good + "A",
        good + "\n",
        " " + good[1:],
        good[:-1] + "=",
        good[:-1] + "/",
        good[:-1] + "é",
        good.upper() if good.upper() != good else good.lower(),
        "A" * 43,  # the right shape, unknown
        good + ".ics",
        None,
        b"bytes",
        43,
    ):
        assert feed_tokens.lookup(db, bad) is None, bad

    revoked = feed_tokens.revoke_token(db, circle_token["id"], now=NOW)
    assert revoked["active"] is False and revoked["revoked_at"] is not None
    assert feed_tokens.lookup(db, good) is None
    assert feed_tokens.lookup(db, personal["token"]) is not None  # the other one still works
    assert [t["id"] for t in feed_tokens.list_tokens(db)] == [personal["id"]]
    assert len(feed_tokens.list_tokens(db, include_revoked=True)) == 2
    with pytest.raises(VoorzorgError) as again:
        feed_tokens.revoke_token(db, circle_token["id"], now=NOW)
    assert again.value.key == "feed.already_revoked"
    with pytest.raises(VoorzorgError) as unknown:
        feed_tokens.revoke_token(db, 999, now=NOW)
    assert unknown.value.key == "feed.unknown_token"
    # No token for a member who has left; no empty label.
    leave_member(db, jan, on=date(2026, 5, 1), today=date(2026, 6, 1))
    with pytest.raises(VoorzorgError):
        feed_tokens.add_token(db, label="Nieuw", member_id=jan, now=NOW)
    with pytest.raises(VoorzorgError):
        feed_tokens.add_token(db, label="  ", now=NOW)
    db.close()


def test_subscription_urls():
    token = "A" * 43
    assert feed_tokens.subscription_urls("https://zorg.example.nl/", "zorgsaam", token) == {
        "https": f"https://zorg.example.nl/feeds/zorgsaam/{token}.ics",
        "webcal": f"webcal://zorg.example.nl/feeds/zorgsaam/{token}.ics",
    }
    urls = feed_tokens.subscription_urls("http://127.0.0.1:8001", "zorgsaam", token)
    assert urls["webcal"] == f"webcal://127.0.0.1:8001/feeds/zorgsaam/{token}.ics"


def _set_base_url(deployment: Path, url: str) -> None:
    config = deployment / "config.toml"
    text = config.read_text(encoding="utf-8")
    text, replaced = re.subn(r"(?m)^base_url = .*$", f'base_url = "{url}"', text)
    if not replaced:
        text = f'base_url = "{url}"\n' + text
    config.write_text(text, encoding="utf-8")


def test_token_cli_shows_the_link_once_and_never_again(circle, cli):
    _set_base_url(circle, "https://zorg.example.nl/voorzorg")
    assert cli("member", "add", "Jan", "--consent", "matching").code == 0
    added = cli("feed", "token", "add", "-c", CIRCLE, "--label", "Telefoon Marie")
    assert added.code == 0, added.err
    tokens = set(TOKEN.findall(added.out))
    assert len(tokens) == 1
    token = tokens.pop()
    https = f"https://zorg.example.nl/voorzorg/feeds/{CIRCLE}/{token}.ics"
    webcal = f"webcal://zorg.example.nl/voorzorg/feeds/{CIRCLE}/{token}.ics"
    assert https in added.out and webcal in added.out
    assert added.out.count(token) == 2 and token not in added.err
    personal = cli("feed", "token", "add", "-c", CIRCLE, "--label", "Jan", "--member", "Jan",
                   "--json")  # fmt: skip
    assert personal.code == 0, personal.err
    assert personal.json["urls"]["webcal"].startswith("webcal://zorg.example.nl/voorzorg/feeds/")
    personal_token = personal.json["token"]
    assert TOKEN.fullmatch(personal_token)

    path = circle / "data" / f"{CIRCLE}.db"
    on_disk = database_bytes(path)
    assert token.encode() not in on_disk and personal_token.encode() not in on_disk
    db = store.open_circle(path)
    try:
        assert feed_tokens.lookup(db, token)["member_id"] is None
        assert feed_tokens.lookup(db, personal_token)["member_id"] is not None
    finally:
        db.close()

    for args in ((), ("--json",), ("--all",), ("--all", "--json")):
        listed = cli("feed", "token", "list", "-c", CIRCLE, *args)
        assert listed.code == 0, listed.err
        for secret in (token, personal_token, hashlib.sha256(token.encode()).hexdigest()):
            assert secret not in listed.out and secret not in listed.err
        assert not TOKEN.search(listed.out.replace("Telefoon Marie", ""))
    table = cli("feed", "token", "list", "-c", CIRCLE).out
    assert "Telefoon Marie" in table and "persoonlijk" in table

    first_id = str(cli("feed", "token", "list", "-c", CIRCLE, "--json").json[0]["id"])
    revoked = cli("feed", "token", "revoke", "-c", CIRCLE, first_id)
    assert revoked.code == 0, revoked.err
    assert token not in revoked.out
    db = store.open_circle(path)
    try:
        assert feed_tokens.lookup(db, token) is None
        assert feed_tokens.lookup(db, personal_token) is not None
    finally:
        db.close()
    listed = cli("feed", "token", "list", "-c", CIRCLE, "--json").json
    assert [t["label"] for t in listed] == ["Jan"]
    all_tokens = cli("feed", "token", "list", "-c", CIRCLE, "--all", "--json").json
    assert [t["active"] for t in all_tokens] == [False, True]
    again = cli("feed", "token", "revoke", "-c", CIRCLE, first_id)
    assert again.code == 1 and "Traceback" not in again.err and again.err.strip()
    unknown = cli("feed", "token", "revoke", "-c", CIRCLE, "999")
    assert unknown.code == 1 and "999" in unknown.err
