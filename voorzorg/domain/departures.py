"""A member steps back: leaving the circle, or withdrawing a consent.

Both change the member's record first (one transaction), and then free what depended
on them: their own open requests are cancelled and requests they had agreed to help
with open again for someone else (``requests.close_for_member``), and their links in
the calling rota end (``belcirkel.end_links_for``). They live here,
above members, consents and requests, so that none of those imports another in a
circle.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from voorzorg import clock
from voorzorg.categories import CATEGORIES
from voorzorg.dates import format_day
from voorzorg.domain.belcirkel import end_links_for
from voorzorg.domain.changes import log_change
from voorzorg.domain.consents import get_consent, parse_purpose
from voorzorg.domain.members import get_member
from voorzorg.domain.requests import close_for_member
from voorzorg.domain.wellbeing import delete_checkins
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _
from voorzorg.text import clean_line


def leave_member(
    db,
    member_id: int,
    *,
    on: date,
    today: date,
    at: str | None = None,
    changed_by: str | None = None,
) -> dict:
    """Mark a member as having left on ``on`` (not in the future); their history stays."""
    current = get_member(db, member_id)
    if on > today:
        raise VoorzorgError("member.leave_in_future", on=format_day(on))
    if current["left_on"] is not None:
        raise VoorzorgError("member.already_left", name=current["name"],
                            on=format_day(date.fromisoformat(current["left_on"])))  # fmt: skip
    if on.isoformat() < current["joined_on"]:
        raise VoorzorgError("member.left_before_joined", joined=current["joined_on"])
    stamp = at or clock.stamp()
    with db.atomic():
        db.execute(
            "UPDATE members SET left_on = ?, is_connector = 0, updated_at = ? WHERE id = ?",
            [on.isoformat(), stamp, member_id],
        )
        fields = ["left_on", "connector"] if current["connector"] else ["left_on"]
        log_change(db, member_id, fields, stamp, changed_by)
        # Their subscription links stop working.
        db.execute(
            "UPDATE feed_tokens SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL",
            [stamp, member_id],
        )
        # The calling rota: nobody calls them any more, they call nobody.
        end_links_for(db, member_id, on=on.isoformat())
    close_for_member(
        db, member_id, now=datetime.fromisoformat(stamp).astimezone(UTC), reason="left"
    )
    return get_member(db, member_id)


def withdraw_consent(
    db, member_id: int, purpose: str, *, recorded_by: str | None = None, at: str | None = None
) -> dict:
    """Withdraw; withdrawing ``matching`` also removes the member's recorded needs,
    withdrawing ``wellbeing`` their check-ins."""
    purpose = parse_purpose(purpose)
    recorded_by = clean_line(recorded_by, field="recorded-by", max_length=80)
    stamp = at or clock.stamp()
    with db.atomic():
        row = db.execute(
            """SELECT id FROM consents
               WHERE member_id = ? AND purpose = ? AND withdrawn_at IS NULL""",
            [member_id, purpose],
        ).fetchone()
        if row is None:
            raise VoorzorgError("consent.not_given", purpose=_("purpose." + purpose))
        db.execute(
            "UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
            [stamp, recorded_by, row[0]],
        )
        removed: list[str] = []
        checkins_removed = 0
        if purpose == "wellbeing":
            # The check-ins rest on this consent alone (docs/welbevinden.md).
            checkins_removed = delete_checkins(db, member_id)
        if purpose == "matching":
            rows = db.execute(
                "SELECT category FROM member_needs WHERE member_id = ?", [member_id]
            ).fetchall()
            found = {r[0] for r in rows}
            removed = [code for code in CATEGORIES if code in found]
            db.execute("DELETE FROM member_needs WHERE member_id = ?", [member_id])
            if removed:
                log_change(db, member_id, ["needs"], stamp, recorded_by)
            # The calling rota rests on this consent too (docs/privacy.md).
            end_links_for(db, member_id, on=stamp[:10])
    result = get_consent(db, row[0])
    result["needs_removed"] = removed
    result["checkins_removed"] = checkins_removed
    # Needs and check-ins are health data: make them leave the file's bytes (and the
    # WAL) now, as an erasure does, not only at the nightly purge.
    result["compacted"] = True
    if (removed or checkins_removed) and not db.conn.in_transaction:
        from voorzorg.storage.store import compact

        result["compacted"] = compact(db)
    result["requests_closed"] = []
    if purpose == "matching":
        result["requests_closed"] = close_for_member(
            db, member_id, now=datetime.fromisoformat(stamp).astimezone(UTC), reason="consent"
        )
    return result
