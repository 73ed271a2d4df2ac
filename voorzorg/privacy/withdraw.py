"""`consent withdraw`: the consent ends, the data resting on it goes, and the withdrawal
is registered so that no restore or old copy brings either back.

In order: the withdrawal register gets the member's random reference, the purpose and
when the consent was given and withdrawn (``deploy/withdrawals.py``); the consent is
withdrawn and its data deleted in one transaction
(``domain.departures.withdraw_consent``: needs for ``matching``, check-ins for
``wellbeing``), and the file compacted; the copies a restore set aside get the same.
Registered first, so a crash in between leaves at worst a registered withdrawal that the
next purge carries out.
"""

from __future__ import annotations

from voorzorg import clock
from voorzorg.errors import VoorzorgError


def withdraw(config, circle_id: str, db, member_id: int, purpose: str, *,
             recorded_by: str | None = None) -> dict:  # fmt: skip
    from voorzorg.deploy.withdrawals import add_to_register, reapply_in_set_aside
    from voorzorg.domain.consents import parse_purpose
    from voorzorg.domain.departures import withdraw_consent
    from voorzorg.domain.erasure import member_ref
    from voorzorg.i18n import _
    from voorzorg.text import clean_line

    purpose = parse_purpose(purpose)
    clean_line(recorded_by, field="recorded-by", max_length=80)  # refuse before registering
    row = db.execute(
        """SELECT id, given_at FROM consents WHERE member_id = ? AND purpose = ?
           AND withdrawn_at IS NULL""",
        [member_id, purpose],
    ).fetchone()
    if row is None:
        raise VoorzorgError("consent.not_given", purpose=_("purpose." + purpose))
    stamp = clock.stamp()
    entry = add_to_register(config.data_dir, circle_id, member_ref(db, member_id), purpose,
                            consent_id=row[0], given_at=row[1],
                            withdrawn_at=stamp)  # fmt: skip
    info = withdraw_consent(db, member_id, purpose, recorded_by=recorded_by, at=stamp)
    reapply_in_set_aside(config, [entry])
    return info
