"""Property: whatever the history, erasing a member leaves no identifying value of theirs
anywhere in the deployment's files, and every other member's data is unchanged (except
the documented links to the erased member: a helper who is gone, an acceptance undone).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voorzorg.calendar.tokens import add_token
from voorzorg.deploy import circles as circles_mod
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.deployment import init_deployment
from voorzorg.domain import requests as req
from voorzorg.domain.agreements import add_agreement
from voorzorg.domain.members import add_member, edit_member
from voorzorg.privacy.erase import erase_member

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
OUTCOMES = ("open", "asked", "accepted", "done", "cancelled", "referred")
CATEGORIES = ("transport", "company", "errands", "garden")


def identity(token: int) -> dict:
    """Values unique to one member (a 7-digit token), none a substring of another's."""
    return {
        "name": f"Naam Q{token}Q",
        "phone": f"06{token}",
        "address": f"Straat Q{token}Q 1",
        "email": f"q{token}q@example.org",
        "note": f"Notitie Q{token}Q",
        "url": f"mailto://q{token}q-meldingen@example.org",
    }


history = st.fixed_dictionaries({
    "tokens": st.lists(st.integers(10**6, 10**7 - 1), min_size=3, max_size=6, unique=True),
    "requests": st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(OUTCOMES),
                  st.sampled_from(CATEGORIES), st.booleans()),
        max_size=12,
    ),
    "tokens_for": st.lists(st.integers(0, 5), max_size=3),
    # (whose record, who made the change: a volunteer, or another member by name)
    "edits": st.lists(st.tuples(st.integers(0, 5), st.integers(-1, 5)), max_size=3),
    "victim": st.integers(0, 5),
    "notify": st.lists(st.integers(0, 5), max_size=4),
    "agreements": st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5),
                                     st.sampled_from(CATEGORIES)), max_size=3),
    # The calling rota: (called, caller, outcomes of the last days).
    "belcirkel": st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5),
                                    st.lists(st.booleans(), max_size=4)), max_size=3),
})  # fmt: skip


def build(directory: Path, case: dict):
    init_deployment(directory)
    config = config_mod.load(directory / "config.toml")
    config, _info = circles_mod.add_circle(config, "kring", "Kring")
    # The notify integration in use: addresses in secrets.toml, a log of reminders sent.
    from voorzorg.integrations.entries import apply_migrations, save_entry, set_secret
    from voorzorg.integrations.loader import load

    registry = load(config, {"notify"})
    manifest = registry.integrations["notify"].manifest
    config = save_entry(config, "kring", manifest, {"group_url": "json://127.0.0.1:9/x"})
    apply_migrations(config, "kring", registry, "notify")
    db = circles_mod.open_db(config, "kring")
    today = NOW.date()
    people = [identity(t) for t in case["tokens"]]
    ids = []
    for number, person in enumerate(people):
        member = add_member(
            db, person["name"], today=today, address=person["address"], phone=person["phone"],
            email=person["email"], offers=list(CATEGORIES),
            consents=["matching", "stats"] if number % 2 else ["matching"],
            recorded_by="Vrijwilliger", joined=today - timedelta(days=400),
            at=(NOW - timedelta(days=400)).isoformat(),
        )  # fmt: skip
        ids.append(member["id"])
    size = len(ids)
    for step, (who, helper, outcome, category, with_note) in enumerate(case["requests"]):
        for_id, helper_id = ids[who % size], ids[helper % size]
        if helper_id == for_id:
            helper_id = ids[(helper + 1) % size]
        moment = NOW - timedelta(days=300 - step * 20)
        note = people[who % size]["note"] if with_note else None
        request = req.add_request(db, for_id=for_id, category=category, now=moment, note=note)
        rid = request["id"]
        if outcome == "open":
            continue
        req.ask(db, rid, helper_id, now=moment)
        if outcome in ("accepted", "done"):
            req.answer(db, rid, helper_id, True, now=moment)
        if outcome == "done":
            req.mark_done(db, rid, now=moment, note=note)
        elif outcome == "cancelled":
            req.cancel(db, rid, now=moment, note=note)
        elif outcome == "referred":
            req.refer(db, rid, to=f"Huisarts Q{case['tokens'][who % size]}Q", now=moment)
    for who in case["tokens_for"]:
        add_token(db, label=f"agenda {who}", member_id=ids[who % size], now=NOW)
    for helper, who, category in case["agreements"]:
        helper_id, for_id = ids[helper % size], ids[who % size]
        if helper_id != for_id:
            add_agreement(db, helper_id=helper_id, for_id=for_id, category=category,
                          today=today, note=people[who % size]["note"])  # fmt: skip
    from voorzorg.domain.belcirkel import active_link, add_link, record_call

    for who, caller, outcomes in case["belcirkel"]:
        member_id, caller_id = ids[who % size], ids[caller % size]
        if member_id == caller_id or active_link(db, member_id):
            continue
        start = today - timedelta(days=len(outcomes))
        add_link(db, member_id, caller_id, frequency="daily", weekday=None, part="morning",
                 today=start, now=NOW)  # fmt: skip
        for day_number, reached in enumerate(outcomes):
            record_call(db, member_id, start + timedelta(days=day_number),
                        "reached" if reached else "not_reached", today=today, now=NOW)  # fmt: skip
    for who in case["notify"]:
        set_secret(config, "kring", "notify_members", str(ids[who % size]),
                   people[who % size]["url"])  # fmt: skip
        for (rid,) in db.execute("SELECT id FROM requests WHERE for_id = ?", [ids[who % size]]):
            db.execute("INSERT OR IGNORE INTO notify_sent (key, sent_at) VALUES (?, ?)",
                       [f"request:{rid}:for:x", NOW.isoformat()])  # fmt: skip
    for who, by in case["edits"]:
        by_name = "Anna" if by < 0 else people[by % size]["name"]
        edit_member(db, ids[who % size], today=today, connector=True, changed_by=by_name)
        edit_member(db, ids[who % size], today=today, connector=False, changed_by=by_name)
    return config, db, ids, people


def other_data(db, victim: int, linked: list[int]) -> dict:
    """Every row about other members, with the links to ``victim`` (the requests in
    ``linked``, that the victim was the helper of) masked."""

    def rows(sql, params=()):
        return [tuple(r) for r in db.execute(sql, params).fetchall()]

    snapshot = {
        table: rows(f"SELECT * FROM {table} WHERE {column} != ? ORDER BY 1, 2", [victim])
        for table, column in (
            ("members", "id"), ("member_offers", "member_id"), ("member_needs", "member_id"),
            ("consents", "member_id"),
            ("feed_tokens", "member_id"), ("request_asks", "member_id"),
        )
    }  # fmt: skip
    # Requests for others: all columns but the helper link, where the helper is the victim.
    # Changes of others keep everything; "changed by" goes where it was the victim's name.
    snapshot["member_changes"] = rows(
        """SELECT id, member_id, changed_at, fields,
                  CASE WHEN changed_by = (SELECT name FROM members WHERE id = ?)
                       OR changed_by IS NULL THEN 'gone' ELSE changed_by END
           FROM member_changes WHERE member_id != ? ORDER BY id""",
        [victim, victim],
    )
    snapshot["agreements"] = rows(
        "SELECT * FROM agreements WHERE helper_id != ? AND for_id != ? ORDER BY id",
        [victim, victim],
    )
    # The rota: others' links stay; where the victim called, the link ends without caller.
    snapshot["belcirkel_links"] = rows(
        """SELECT id, member_id,
                  CASE WHEN caller_id = ? OR caller_id IS NULL THEN 'gone' ELSE caller_id END,
                  frequency, weekday, part, started_on,
                  CASE WHEN caller_id = ? OR caller_id IS NULL THEN 'gone' ELSE ended_on END
           FROM belcirkel_links WHERE member_id != ? ORDER BY id""",
        [victim, victim, victim],
    )
    snapshot["belcirkel_calls"] = rows(
        """SELECT k.* FROM belcirkel_calls k JOIN belcirkel_links l ON l.id = k.link_id
           WHERE l.member_id != ? ORDER BY 1, 2""",
        [victim],
    )
    masked = ",".join(str(i) for i in linked) or "NULL"
    snapshot["requests"] = rows(
        f"""SELECT id, for_id, category, wanted_at, note, referred_to, closing_note,
                   created_at,
                   CASE WHEN id IN ({masked}) THEN 'gone' ELSE helper_id END,
                   CASE WHEN id IN ({masked}) THEN 'gone' ELSE status END,
                   CASE WHEN id IN ({masked}) THEN 'gone' ELSE accepted_at END,
                   CASE WHEN id IN ({masked}) THEN 'gone' ELSE closed_at END
            FROM requests WHERE for_id != ? ORDER BY id""",
        [victim],
    )
    return snapshot


def db_rows_of(directory: Path, victim: int) -> list:
    """The victim's own rows left in the calling rota (there must be none)."""
    import sqlite3

    conn = sqlite3.connect(directory / "data" / "kring.db")
    try:
        return conn.execute(
            """SELECT id FROM belcirkel_links WHERE member_id = ? OR caller_id = ?
               UNION ALL SELECT link_id FROM belcirkel_calls
               WHERE link_id NOT IN (SELECT id FROM belcirkel_links)""",
            [victim, victim],
        ).fetchall()
    finally:
        conn.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=history)
def test_erasure_leaves_nothing_and_changes_no_one_else(case):
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder) / "deployment"
        config, db, ids, people = build(directory, case)
        index = case["victim"] % len(ids)
        victim = ids[index]
        linked = [r[0] for r in db.execute("SELECT id FROM requests WHERE helper_id = ?",
                                           [victim]).fetchall()]  # fmt: skip
        before = other_data(db, victim, linked)
        try:
            erase_member(config, "kring", db, victim)
            after = other_data(db, victim, linked)
            # What changed there is only the link: the helper is gone or the request open.
            for rid in linked:
                status, helper, erased = db.execute(
                    "SELECT status, helper_id, helper_erased FROM requests WHERE id = ?", [rid]
                ).fetchone()
                assert helper is None and (erased or status == "open")
        finally:
            db.close()
        assert after == before
        assert not db_rows_of(directory, victim)
        values = [v.encode("utf-8") for v in people[index].values()]
        values.append(f"Q{case['tokens'][index]}Q".encode())
        for path in directory.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not [v for v in values if v in data], path.name
        # Everyone else's values are all still there.
        raw = b"".join(p.read_bytes() for p in directory.rglob("*.db"))
        secrets = (directory / "secrets.toml").read_text()
        notified = {who % len(ids) for who in case["notify"]}
        for number, person in enumerate(people):
            if number != index:
                assert person["name"].encode() in raw
                assert (person["url"] in secrets) == (number in notified)
