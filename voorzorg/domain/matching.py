"""Fair-load helper suggestions: who to ask next for a request.

Candidates are active members with ``matching`` consent, not restricted, not the
requester, who offer the request's category or have a standing agreement to
help the requester with it. Members who said no to this request, or were asked
and have not answered yet, are left out.

Ranking, most important first:
1. a standing agreement with the requester for this category (they agreed to it);
2. not asked in the last ``RECENT_DAYS`` days (no one is asked again before others);
3. fewest asks in the last ``LOAD_DAYS`` days (spreads the load);
4. fewest times helped in the last ``LOAD_DAYS`` days;
5. same street, then same postcode (short trips);
6. longest since last asked; then the lowest member id (a stable order).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from voorzorg.errors import VoorzorgError
from voorzorg.text import fold

RECENT_DAYS = 14
LOAD_DAYS = 90


def street_of(address: str | None) -> str | None:
    """ "Vioolstraat 12a" -> "vioolstraat" (folded), for the same-street reason."""
    if not address:
        return None
    match = re.match(r"^(.*?\D)\s*\d", address)
    street = match[1] if match else address
    return fold(street).strip(" ,") or None


def suggest_helpers(db, request_id: int, *, now: datetime, limit: int | None = None) -> dict:
    """Ranked candidates for a request, each with the facts behind its place."""
    from voorzorg.domain.agreements import agreement_partners
    from voorzorg.domain.requests import check_requester, get_request

    request = get_request(db, request_id)
    if request["status"] != "open":
        from voorzorg.i18n import _

        status = _("state." + request["state"])
        raise VoorzorgError("request.cannot_suggest", id=request_id, status=status)
    check_requester(db, request)
    requester = db.execute(
        "SELECT address, postcode FROM members WHERE id = ?", [request["for_id"]]
    ).fetchone()
    today = now.astimezone(_circle_zone(db)).date()
    partners = agreement_partners(db, request["for_id"], request["category"], today)
    excluded = {a["member_id"] for a in request["asks"]}
    since = (now - timedelta(days=LOAD_DAYS)).astimezone(UTC).isoformat(timespec="seconds")
    rows = db.execute(
        f"""
        SELECT m.id, m.name, m.phone, m.contact_via, m.address, m.postcode,
               EXISTS (SELECT 1 FROM member_offers o
                       WHERE o.member_id = m.id AND o.category = ?) AS offers,
               (SELECT max(asked_at) FROM request_asks WHERE member_id = m.id) AS last_asked,
               (SELECT count(*) FROM request_asks
                WHERE member_id = m.id AND asked_at >= ?) AS asked_recent,
               (SELECT count(*) FROM requests
                WHERE helper_id = m.id AND status IN ('accepted', 'done')
                  AND accepted_at >= ?) AS helped_recent
        FROM members m
        WHERE m.left_on IS NULL AND m.restricted_at IS NULL AND m.id != ?
          AND m.joined_on <= ?
          AND (m.away_until IS NULL OR m.away_until < ?)
          AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                      AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
          AND (m.id IN (SELECT member_id FROM member_offers WHERE category = ?)
               OR m.id IN ({",".join("?" * len(partners)) or "NULL"}))
        """,
        [
            request["category"],
            since,
            since,
            request["for_id"],
            today.isoformat(),
            today.isoformat(),
            request["category"],
            *partners,
        ],
    ).fetchall()
    home_street = street_of(requester[0])
    home_postcode = requester[1]
    candidates = []
    for row in rows:
        member_id, name, phone, contact_via, address, postcode = row[:6]
        if member_id in excluded:
            continue
        last_asked = row[7]
        days_since = None
        if last_asked:
            days_since = (now - datetime.fromisoformat(last_asked)).days
        candidate = {
            "member_id": member_id,
            "name": name,
            "phone": phone,
            "contact_via": contact_via,
            "agreement": member_id in partners,
            "offers_category": bool(row[6]),
            "last_asked": last_asked,
            "days_since_asked": days_since,
            "recently_asked": days_since is not None and days_since < RECENT_DAYS,
            "asked_recent": row[8],
            "helped_recent": row[9],
            "same_street": home_street is not None and street_of(address) == home_street,
            "same_postcode": bool(home_postcode) and postcode == home_postcode,
        }
        candidates.append(candidate)
    candidates.sort(key=_rank_key)
    for rank, candidate in enumerate(candidates, start=1):
        candidate["rank"] = rank
        candidate["reasons"] = _reasons(candidate)
    return {
        "request": request,
        "candidates": candidates[:limit] if limit else candidates,
        "declined": [a for a in request["asks"] if a["answer"] == "no"],
        "waiting": [a for a in request["asks"] if a["answer"] is None],
        "recent_days": RECENT_DAYS,
        "load_days": LOAD_DAYS,
    }


def _circle_zone(db):
    from voorzorg.dates import DEFAULT_TIMEZONE, zone
    from voorzorg.storage.store import circle_meta

    return zone(circle_meta(db, "timezone", DEFAULT_TIMEZONE))


def _rank_key(c: dict) -> tuple:
    return (
        not c["agreement"],
        c["recently_asked"],
        # among the recently asked, whoever was asked longest ago comes first
        (c["last_asked"] or "") if c["recently_asked"] else "",
        c["asked_recent"],
        c["helped_recent"],
        not c["same_street"],
        not c["same_postcode"],
        c["last_asked"] or "",
        c["member_id"],
    )


def _reasons(c: dict) -> list[dict]:
    """Why a candidate is where they are, as codes with numbers (translated by the CLI)."""
    reasons: list[dict] = []
    if c["agreement"]:
        reasons.append({"code": "agreement"})
    if c["offers_category"]:
        reasons.append({"code": "offers"})
    if c["days_since_asked"] is None:
        reasons.append({"code": "never_asked"})
    elif c["days_since_asked"] == 0:
        reasons.append({"code": "asked_today"})
    elif c["recently_asked"]:
        reasons.append({"code": "asked_recently", "days": c["days_since_asked"]})
    else:
        reasons.append({"code": "not_asked_recently", "days": c["days_since_asked"]})
    reasons.append(
        {"code": "load", "asked": c["asked_recent"], "helped": c["helped_recent"],
         "period": LOAD_DAYS}
    )  # fmt: skip
    if c["same_street"]:
        reasons.append({"code": "same_street"})
    elif c["same_postcode"]:
        reasons.append({"code": "same_postcode"})
    return reasons
