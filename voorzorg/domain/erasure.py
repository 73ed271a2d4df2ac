"""Erasure (GDPR Art. 17) and removal of a mistaken entry: the rows, in one transaction.

``erase_rows`` removes a member from every table of the circle. Where another member's
history depends on a row, the row stays without anything that identifies the erased
person:

- a request *for* the erased member that someone else was asked for or helped with
  stays, with ``for_id`` NULL ("verwijderd lid") and its note, closing note, referral
  and wanted time cleared; an open one is closed as cancelled. Without anyone else in
  it, it is deleted;
- a request the erased member *helped* with stays with ``helper_id`` NULL and
  ``helper_erased`` set; one they had only agreed to and not yet done opens again
  for someone else;
- the calling rota: their own links and calls are deleted; a link where they were the
  caller ends and keeps no caller;
- their asks, standing agreements (with whoever), consents, offers, needs, changes,
  card acknowledgements, feed tokens and statistics record key are deleted;
- a note or closing note of another member's request, or of a standing agreement, that
  names the erased member is cleared, and so is "recorded by", "withdrawn by", "changed
  by" or "adopted by" where that is their name (they may have been a volunteer too), a
  cancellation's note and an activity's description. "Names" (``name_terms``): the
  full name, or a part of it (first name, surname) that no other member carries; in a
  request they helped with or were asked for, any part of it. Activity titles,
  places and the agreements card are not searched (they are the circle's, not a
  person's).

The bytes leaving the file (secure_delete, checkpoint, VACUUM) are the storage layer's
``store.compact``; the erasure register, integrations and restores are above this.
"""

from __future__ import annotations

import hashlib

from voorzorg import clock
from voorzorg.errors import VoorzorgError
from voorzorg.text import fold


def derived_ref(db, member_id: int) -> str | None:
    """The reference migration 7 gives a member that existed before it (see there)."""
    row = db.execute("SELECT created_at FROM members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        return None
    meta = db.execute("SELECT value FROM circle_meta WHERE key = 'created_at'").fetchone()
    text = f"voorzorg-member-ref|{meta[0] if meta else ''}|{member_id}|{row[0]}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def member_ref(db, member_id: int) -> str:
    """The member's reference for the erasure register (given one if it has none)."""
    row = db.execute("SELECT ref FROM members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        raise VoorzorgError("member.unknown_id", id=member_id)
    if row[0]:
        return row[0]
    ref = derived_ref(db, member_id)
    db.execute("UPDATE members SET ref = ? WHERE id = ?", [ref, member_id])
    return ref


def find_by_ref(db, ref: str) -> int | None:
    """The member with this reference (stored, or derived for an older record)."""
    row = db.execute("SELECT id FROM members WHERE ref = ?", [ref]).fetchone()
    if row is not None:
        return row[0]
    for (member_id,) in db.execute("SELECT id FROM members WHERE ref IS NULL").fetchall():
        if derived_ref(db, member_id) == ref:
            return member_id
    return None


def involvement(db, member_id: int) -> dict:
    """How much history a member has: counts per kind (for ``remove`` and reports)."""
    one = lambda sql: db.execute(sql, [member_id] * sql.count("?")).fetchone()[0]  # noqa: E731
    return {
        "requests_for": one("SELECT count(*) FROM requests WHERE for_id = ?"),
        "requests_helped": one("SELECT count(*) FROM requests WHERE helper_id = ?"),
        "asks": one("SELECT count(*) FROM request_asks WHERE member_id = ?"),
        "agreements": one("SELECT count(*) FROM agreements WHERE helper_id = ? OR for_id = ?"),
        "card_acks": one("SELECT count(*) FROM card_acks WHERE member_id = ?"),
        "feed_tokens": one("SELECT count(*) FROM feed_tokens WHERE member_id = ?"),
        "changes": one("SELECT count(*) FROM member_changes WHERE member_id = ?"),
        "left": one("SELECT count(*) FROM members WHERE id = ? AND left_on IS NOT NULL"),
    }


def involved_requests(db, member_id: int) -> list[dict]:
    """The requests a member was part of, with their role (for integrations' logs)."""
    rows = db.execute(
        """SELECT id, 'for' FROM requests WHERE for_id = ?
           UNION SELECT id, 'helper' FROM requests WHERE helper_id = ?
           UNION SELECT request_id, 'asked' FROM request_asks WHERE member_id = ?
           ORDER BY 1, 2""",
        [member_id] * 3,
    ).fetchall()
    return [{"id": r[0], "role": r[1]} for r in rows]


# Words of a name that say nothing on their own (Dutch particles, forms of address).
_PARTICLES = frozenset((
    "van", "der", "den", "het", "ten", "ter", "von", "des", "dos", "del",
    "mevr", "mevrouw", "meneer", "heer", "dhr",
))  # fmt: skip


def _words(name: str) -> list[str]:
    import re

    return [w for w in re.findall(r"\w+", fold(name)) if len(w) >= 3 and w not in _PARTICLES]


def name_terms(db, member_id: int, name: str) -> tuple[list[str], list[str]]:
    """What names the member in free text: (strong, weak). Strong: the full name, and
    each part of it (first name, surname) that no other member of the circle carries;
    weak: every part. Notes often say "Marie" or "mevr. Jansen", not the full name."""
    others = db.execute("SELECT name FROM members WHERE id != ?", [member_id]).fetchall()
    taken = {w for (other,) in others for w in _words(other)}
    parts = _words(name)
    strong = [fold(name), *(w for w in parts if w not in taken)]
    return strong, parts


def _names_member(text: str | None, terms) -> bool:
    """Whether ``text`` holds any of ``terms`` as words ("Jan" not in "januari")."""
    import re

    if not text:
        return False
    if isinstance(terms, str):
        terms = [fold(terms)]
    folded = fold(text)
    return any(
        term and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", folded) is not None for term in terms
    )


def erase_rows(db, member_id: int, *, now_stamp: str | None = None) -> dict:
    """Remove the member from every core table (one transaction); returns counts."""
    stamp = now_stamp or clock.stamp()
    row = db.execute("SELECT name FROM members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        raise VoorzorgError("member.unknown_id", id=member_id)
    name = row[0]
    strong, weak = name_terms(db, member_id, name)
    counts = {"requests_deleted": 0, "requests_kept_anonymous": 0, "requests_reopened": 0}
    with db.atomic():
        # Requests they took part in as helper or asked: any part of their name there
        # is them; elsewhere only what names them alone (``name_terms``).
        took_part = {
            r[0]
            for r in db.execute(
                """SELECT id FROM requests WHERE helper_id = ?
                   UNION SELECT request_id FROM request_asks WHERE member_id = ?""",
                [member_id, member_id],
            ).fetchall()
        }
        own = db.execute("SELECT id, status FROM requests WHERE for_id = ?", [member_id]).fetchall()
        for request_id, status in own:
            others = db.execute(
                """SELECT EXISTS (SELECT 1 FROM requests WHERE id = ? AND helper_id IS NOT NULL
                                  AND helper_id != ?)
                       OR EXISTS (SELECT 1 FROM request_asks WHERE request_id = ?
                                  AND member_id != ?)""",
                [request_id, member_id, request_id, member_id],
            ).fetchone()[0]
            if not others:
                db.execute("DELETE FROM requests WHERE id = ?", [request_id])
                counts["requests_deleted"] += 1
                continue
            closing = status in ("open", "accepted")
            db.execute(
                f"""UPDATE requests SET for_id = NULL, note = NULL, closing_note = NULL,
                      referred_to = NULL, wanted_at = NULL
                      {", status = 'cancelled', closed_at = ?" if closing else ""}
                    WHERE id = ?""",
                [stamp, request_id] if closing else [request_id],
            )
            counts["requests_kept_anonymous"] += 1
        reopened = db.execute(
            """UPDATE requests SET status = 'open', helper_id = NULL, accepted_at = NULL
               WHERE helper_id = ? AND status = 'accepted'""",
            [member_id],
        ).rowcount
        counts["requests_reopened"] = reopened
        db.execute(
            "UPDATE requests SET helper_id = NULL, helper_erased = 1 WHERE helper_id = ?",
            [member_id],
        )
        db.execute("DELETE FROM request_asks WHERE member_id = ?", [member_id])
        db.execute(
            "DELETE FROM agreements WHERE helper_id = ? OR for_id = ?", [member_id, member_id]
        )
        # Free text elsewhere that names the erased member.
        for request_id, note, closing_note in db.execute(
            "SELECT id, note, closing_note FROM requests WHERE note IS NOT NULL "
            "OR closing_note IS NOT NULL"
        ).fetchall():
            terms = weak + strong if request_id in took_part else strong
            if _names_member(note, terms):
                db.execute("UPDATE requests SET note = NULL WHERE id = ?", [request_id])
            if _names_member(closing_note, terms):
                db.execute("UPDATE requests SET closing_note = NULL WHERE id = ?", [request_id])
        for agreement_id, note in db.execute(
            "SELECT id, note FROM agreements WHERE note IS NOT NULL"
        ).fetchall():
            if _names_member(note, strong):
                db.execute("UPDATE agreements SET note = NULL WHERE id = ?", [agreement_id])
        # The circle's own texts: a cancellation's note, an activity's description.
        for rowid, note in db.execute(
            "SELECT rowid, note FROM activity_exceptions WHERE note IS NOT NULL"
        ).fetchall():
            if _names_member(note, strong):
                db.execute("UPDATE activity_exceptions SET note = NULL WHERE rowid = ?", [rowid])
        for activity_id, description in db.execute(
            "SELECT id, description FROM activities WHERE description IS NOT NULL"
        ).fetchall():
            if _names_member(description, strong):
                db.execute("UPDATE activities SET description = NULL WHERE id = ?", [activity_id])
        # Who recorded or changed something for someone else, where that is their name.
        for table, column in (("consents", "recorded_by"), ("consents", "withdrawn_by"),
                              ("member_changes", "changed_by"),
                              ("card_versions", "adopted_by")):  # fmt: skip
            for rowid, value in db.execute(
                f"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
            ).fetchall():
                if _names_member(value, strong):
                    db.execute(f"UPDATE {table} SET {column} = NULL WHERE rowid = ?", [rowid])
        # The calling rota: their own links and calls are deleted; where they called,
        # the link ends without a caller (the tables hold ids without foreign-key
        # actions: erasure is the one place that removes them).
        db.execute(
            """UPDATE belcirkel_links SET ended_on = coalesce(ended_on, ?), caller_id = NULL
               WHERE caller_id = ?""",
            [stamp[:10], member_id],
        )
        db.execute(
            """DELETE FROM belcirkel_calls WHERE link_id IN
                 (SELECT id FROM belcirkel_links WHERE member_id = ?)""",
            [member_id],
        )
        db.execute("DELETE FROM belcirkel_links WHERE member_id = ?", [member_id])
        db.execute("DELETE FROM wellbeing_checkins WHERE member_id = ?", [member_id])
        # Everything else goes with the member row (ON DELETE CASCADE): consents,
        # offers, needs, changes, card acknowledgements, feed tokens, record key.
        db.execute("DELETE FROM members WHERE id = ?", [member_id])
    return counts
