"""Restriction of processing (GDPR Art. 18): the data is kept, nothing is done with it.

A restricted member (``members.restricted_at``) is never suggested as a helper
(``matching``), cannot be asked or get a new request (``requests``), is in no feed
(``calendar.feeds``), is in none of the coordinators' views or canned queries
(``storage.views``, ``web.queries``), is not counted in new statistics releases
(``stats.builder``) and gets no messages from integrations (they check
``get_member(...)["restricted"]``). Lifting the restriction brings it all back.
"""

from __future__ import annotations

from voorzorg import clock
from voorzorg.domain.changes import log_change
from voorzorg.domain.members import get_member
from voorzorg.errors import VoorzorgError


def restrict_member(
    db, member_id: int, *, at: str | None = None, changed_by: str | None = None
) -> dict:
    member = get_member(db, member_id)
    if member["restricted"]:
        raise VoorzorgError("privacy.already_restricted", name=member["name"])
    stamp = at or clock.stamp()
    with db.atomic():
        db.execute(
            "UPDATE members SET restricted_at = ?, updated_at = ? WHERE id = ?",
            [stamp, stamp, member_id],
        )
        log_change(db, member_id, ["restricted"], stamp, changed_by)
    return get_member(db, member_id)


def unrestrict_member(
    db, member_id: int, *, at: str | None = None, changed_by: str | None = None
) -> dict:
    member = get_member(db, member_id)
    if not member["restricted"]:
        raise VoorzorgError("privacy.not_restricted", name=member["name"])
    stamp = at or clock.stamp()
    with db.atomic():
        db.execute(
            "UPDATE members SET restricted_at = NULL, updated_at = ? WHERE id = ?",
            [stamp, member_id],
        )
        log_change(db, member_id, ["restricted"], stamp, changed_by)
    return get_member(db, member_id)
