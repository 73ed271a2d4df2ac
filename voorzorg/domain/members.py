"""Members (deelnemers): who they are, what they offer and need, how to reach them.

Needs are health data: they are recorded only for a member who gave ``matching``
consent. A member who leaves keeps their history (``left_on`` is set); they are
hidden from lists unless asked for.
"""

from __future__ import annotations

import re
from datetime import date

from voorzorg import clock
from voorzorg.categories import CATEGORIES
from voorzorg.dates import format_day
from voorzorg.errors import VoorzorgError
from voorzorg.text import clean_line, fold

CONTACT_VIA = ("phone", "email", "signal", "whatsapp", "in-person")
LIMITS = {"name": 100, "address": 150, "postcode": 10, "phone": 25, "email": 254}
# Patterns as strings: compiled on first use (re caches them), not at start-up.
_POSTCODE = r"([1-9]\d{3})\s*([A-Za-z]{2})"
_PHONE = r"\+?[0-9 ()\-]+"
_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s.]+"
MEMBER_COLUMNS = (
    "id",
    "name",
    "address",
    "postcode",
    "phone",
    "email",
    "birth_year",
    "contact_via",
    "is_connector",
    "joined_on",
    "left_on",
    "restricted_at",
    "away_until",
)


def _postcode(value: str | None) -> str | None:
    value = clean_line(value, field="postcode", max_length=LIMITS["postcode"])
    if value is None:
        return None
    match = re.fullmatch(_POSTCODE, value)
    if not match:
        raise VoorzorgError("member.bad_postcode", value=value)
    return f"{match[1]} {match[2].upper()}"


def _phone(value: str | None) -> str | None:
    value = clean_line(value, field="phone", max_length=LIMITS["phone"])
    if value is None:
        return None
    digits = sum(c.isdigit() for c in value)
    if not re.fullmatch(_PHONE, value) or not 6 <= digits <= 15:
        raise VoorzorgError("member.bad_phone", value=value)
    return value


def _email(value: str | None) -> str | None:
    value = clean_line(value, field="email", max_length=LIMITS["email"])
    if value is None:
        return None
    if not re.fullmatch(_EMAIL, value):
        raise VoorzorgError("member.bad_email", value=value)
    return value


def _birth_year(value: int | None, today: date) -> int | None:
    if value is None:
        return None
    if not 1900 <= value <= today.year:
        raise VoorzorgError("member.bad_birth_year", value=value, max=today.year)
    return value


def _contact_via(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    typed = value
    value = " ".join(value.strip().lower().replace("_", " ").split())
    value = CONTACT_ALIASES.get(value, value)
    if value not in CONTACT_VIA:
        from voorzorg.i18n import _

        choices = ", ".join(_("contact." + code) for code in CONTACT_VIA)
        raise VoorzorgError("member.bad_contact", value=typed, choices=choices)
    return value


# What a volunteer may type for a contact preference, in Dutch or English; stored in
# English (the schema's CHECK), shown in the language of the moment (contact.* keys).
CONTACT_ALIASES = {
    "telefoon": "phone", "bellen": "phone", "tel": "phone", "telefonisch": "phone",
    "mobiel": "phone", "mail": "email", "e-mail": "email", "e mail": "email",
    "aan de deur": "in-person", "deur": "in-person", "langs": "in-person",
    "persoonlijk": "in-person", "persoonlijk langs": "in-person", "in persoon": "in-person",
    "langskomen": "in-person", "in person": "in-person", "app": "whatsapp",
    "whats app": "whatsapp",
}  # fmt: skip


def check_field(field: str, value, *, today: date):
    """One field of a member as ``add_member`` would store it (cleaned), or the error it
    would give: for entry that asks field by field (``member form``)."""
    checks = {
        "name": lambda v: clean_line(v, field="name", max_length=LIMITS["name"], required=True),
        "address": lambda v: clean_line(v, field="address", max_length=LIMITS["address"]),
        "postcode": _postcode,
        "phone": _phone,
        "email": _email,
        "birth_year": lambda v: _birth_year(v, today),
        "contact_via": _contact_via,
    }
    return checks[field](value)


def _check_categories(codes: list[str]) -> list[str]:
    for code in codes:
        if code not in CATEGORIES:
            from voorzorg.categories import choices

            raise VoorzorgError("category.unknown", text=code, choices=choices())
    return list(dict.fromkeys(codes))


def add_member(
    db,
    name: str,
    *,
    today: date,
    address: str | None = None,
    postcode: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    birth_year: int | None = None,
    contact_via: str | None = None,
    connector: bool = False,
    offers: list[str] | None = None,
    needs: list[str] | None = None,
    consents: list[str] | None = None,
    recorded_by: str | None = None,
    text_version: str | None = None,
    joined: date | None = None,
    at: str | None = None,
    allow_duplicate: bool = False,
) -> dict:
    """Add a member; consents given at intake are recorded before needs are.

    ``joined`` backdates the membership (an old paper intake form); it defaults to
    ``today`` and may not lie in the future. A likely duplicate (``likely_duplicates``)
    is refused unless ``allow_duplicate``.
    """
    joined = joined or today
    if joined > today:
        raise VoorzorgError("member.joined_in_future", on=format_day(joined))
    record = {
        "name": clean_line(name, field="name", max_length=LIMITS["name"], required=True),
        "address": clean_line(address, field="address", max_length=LIMITS["address"]),
        "postcode": _postcode(postcode),
        "phone": _phone(phone),
        "email": _email(email),
        "birth_year": _birth_year(birth_year, today),
        "contact_via": _contact_via(contact_via),
        "is_connector": 1 if connector else 0,
        "joined_on": joined.isoformat(),
    }
    offers = _check_categories(offers or [])
    needs = _check_categories(needs or [])
    from voorzorg.domain import consents as consents_mod

    purposes = [consents_mod.parse_purpose(p) for p in consents or []]
    if needs and "matching" not in purposes:
        raise VoorzorgError("member.needs_without_consent", hint="member.needs_consent_hint")
    if not allow_duplicate:
        twins = likely_duplicates(
            db, record["name"], postcode=record["postcode"], birth_year=record["birth_year"]
        )
        if twins:
            raise VoorzorgError(
                "member.duplicate",
                name=record["name"],
                others=", ".join(f"{t['id']} ({t['name']})" for t in twins),
                hint="member.duplicate_hint",
            )
    stamp = at or clock.stamp()
    import secrets

    record["ref"] = secrets.token_hex(16)  # for the erasure register, see m007
    with db.atomic():
        cursor = db.execute(
            f"""INSERT INTO members ({", ".join(record)}, created_at, updated_at)
                VALUES ({", ".join("?" for _ in record)}, ?, ?)""",
            [*record.values(), stamp, stamp],
        )
        member_id = cursor.lastrowid
        for purpose in dict.fromkeys(purposes):
            consents_mod.give_consent(
                db,
                member_id,
                purpose,
                recorded_by=recorded_by,
                text_version=text_version,
                at=stamp,
            )
        _set_categories(db, "member_offers", member_id, offers)
        _set_categories(db, "member_needs", member_id, needs)
    return get_member(db, member_id)


def _set_categories(db, table: str, member_id: int, codes: list[str]) -> None:
    db.execute(f"DELETE FROM {table} WHERE member_id = ?", [member_id])
    for code in codes:
        db.execute(f"INSERT INTO {table} (member_id, category) VALUES (?, ?)", [member_id, code])


def _categories(db, table: str, member_id: int) -> list[str]:
    rows = db.execute(f"SELECT category FROM {table} WHERE member_id = ?", [member_id]).fetchall()
    found = {row[0] for row in rows}
    return [code for code in CATEGORIES if code in found]


def _member_dict(row) -> dict:
    item = dict(zip(MEMBER_COLUMNS, row, strict=False))
    item["connector"] = bool(item.pop("is_connector"))
    item["restricted"] = item.pop("restricted_at") is not None
    item["active"] = item["left_on"] is None
    return item


def get_member(db, member_id: int) -> dict:
    row = db.execute(
        f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE id = ?", [member_id]
    ).fetchone()
    if row is None:
        raise VoorzorgError("member.unknown_id", id=member_id)
    from voorzorg.domain import consents as consents_mod

    item = _member_dict(row)
    item["offers"] = _categories(db, "member_offers", member_id)
    item["needs"] = _categories(db, "member_needs", member_id)
    item["consents"] = sorted(consents_mod.active_purposes(db, member_id))
    return item


def member_details(db, member_id: int) -> dict:
    """Everything ``member show`` displays: the member, consent history, recent changes."""
    from voorzorg.domain.changes import list_changes
    from voorzorg.domain.consents import list_consents

    item = get_member(db, member_id)
    item["consent_history"] = list_consents(db, member_id)
    item["changes"] = list_changes(db, member_id)
    return item


def match_members(db, text: str, *, include_left: bool = False) -> list[tuple[int, str]]:
    """Members whose name fits ``text``, best kind of match first: ``[(id, name), ...]``.

    Only the best kind present counts: an exact name, else names holding every typed
    word as a whole word ("Jan" finds "Jan de Vries", not "Marie Jansen"), else names
    with a word starting with each typed word ("Jans" finds "Marie Jansen"). Never a
    match in the middle of a word. Members who left are left out unless
    ``include_left``.
    """
    from voorzorg.text import best_name_matches

    sql = "SELECT id, name FROM members"
    if not include_left:
        sql += " WHERE left_on IS NULL"
    rows = db.execute(sql + " ORDER BY id").fetchall()
    return [(r[0], r[1]) for r in best_name_matches(text, rows)]


def resolve_member(db, text: str, *, include_left: bool = False) -> int:
    """A MEMBER argument: an id, or a name that matches exactly one member best.

    An id always works (also for a member who left); a name looks among current
    members first, and among those who left only when no current member fits (or
    with ``include_left``).
    """
    value = text.strip().lstrip("#")
    if value.isdigit():
        row = db.execute("SELECT id FROM members WHERE id = ?", [int(value)]).fetchone()
        if row is None:
            raise VoorzorgError("member.unknown_id", id=value)
        return row[0]
    if not value:
        raise VoorzorgError("member.unknown", text=text)
    candidates = match_members(db, value, include_left=include_left)
    if not candidates and not include_left:
        # No current member fits: someone who left may (a correction to their record).
        candidates = match_members(db, value, include_left=True)
    if len(candidates) == 1:
        return candidates[0][0]
    if not candidates:
        raise VoorzorgError("member.unknown", text=text)
    raise VoorzorgError(
        "member.ambiguous",
        text=text,
        choices=", ".join(f"{r[0]} ({r[1]})" for r in candidates[:10]),
    )


def resolve_members(db, texts: list[str], *, include_left: bool = False) -> list[int]:
    """Several MEMBER arguments at once: ids, or names separated by commas.

    ``["3", "5"]``, ``["Jan de Vries,", "Marie"]`` and ``["Jan de Vries, Marie"]`` all
    work; words without a comma between them are one name ("Jan de Vries"), unless
    no member has that name and every word on its own names exactly one member
    (``card ack Henk Marie``).
    """
    joined = " ".join(texts)
    if "," in joined:
        parts = [p.strip() for p in joined.split(",") if p.strip()]
    elif all(t.strip().lstrip("#").isdigit() for t in texts):
        parts = list(texts)
    else:
        parts = [joined]
        words = joined.split()
        if len(words) > 1 and not match_members(db, joined, include_left=include_left):
            singles = [match_members(db, w, include_left=include_left) for w in words]
            if all(len(found) == 1 for found in singles):
                parts = words
    found = [resolve_member(db, p, include_left=include_left) for p in parts]
    return list(dict.fromkeys(found))


def likely_duplicates(
    db, name: str, *, postcode: str | None = None, birth_year: int | None = None
) -> list[dict]:
    """Members who are probably the same person: the same name (folded, spaces
    ignored) and the same postcode or the same birth year. Members who left count too
    (someone may come back: ``member edit`` them rather than adding them again)."""
    wanted = "".join(fold(name).split())
    code = _postcode(postcode) if postcode else None
    found = []
    for row in db.execute(
        "SELECT id, name, postcode, birth_year, left_on FROM members ORDER BY id"
    ).fetchall():
        if "".join(fold(row[1]).split()) != wanted:
            continue
        same_code = code is not None and row[2] == code
        same_year = birth_year is not None and row[3] == birth_year
        if same_code or same_year:
            found.append(
                {"id": row[0], "name": row[1], "postcode": row[2], "birth_year": row[3],
                 "left_on": row[4]}
            )  # fmt: skip
    return found


def set_away(db, member_id: int, until: date | None, *, today: date) -> dict:
    """Mark a member away (on holiday, in hospital) up to and including ``until``;
    ``None`` marks them back. Suggestions, reminders and notifications skip them."""
    from voorzorg.domain.changes import log_change

    member = get_member(db, member_id)
    if until is not None:
        if member["left_on"] is not None:
            raise VoorzorgError("member.has_left", name=member["name"], on=member["left_on"])
        if until < today:
            raise VoorzorgError("member.away_in_past", on=format_day(until))
    value = until.isoformat() if until else None
    stamp = clock.stamp()
    with db.atomic():
        db.execute(
            "UPDATE members SET away_until = ?, updated_at = ? WHERE id = ?",
            [value, stamp, member_id],
        )
        log_change(db, member_id, ["away_until"], stamp)
    return get_member(db, member_id)


def is_away(member: dict, today: date) -> bool:
    return bool(member.get("away_until")) and member["away_until"] >= today.isoformat()


def list_members(
    db,
    *,
    offers: str | None = None,
    needs: str | None = None,
    connectors: bool = False,
    include_left: bool = False,
    search: str | None = None,
) -> list[dict]:
    where, params = [], []
    if not include_left:
        where.append("m.left_on IS NULL")
    if connectors:
        where.append("m.is_connector = 1")
    if offers:
        where.append("m.id IN (SELECT member_id FROM member_offers WHERE category = ?)")
        params.append(offers)
    if needs:
        where.append("m.id IN (SELECT member_id FROM member_needs WHERE category = ?)")
        params.append(needs)
    sql = f"""
        SELECT {", ".join("m." + c for c in MEMBER_COLUMNS)},
          (SELECT group_concat(purpose) FROM consents
           WHERE member_id = m.id AND withdrawn_at IS NULL),
          (SELECT group_concat(category) FROM member_offers WHERE member_id = m.id),
          (SELECT group_concat(category) FROM member_needs WHERE member_id = m.id)
        FROM members m
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY m.name COLLATE NOCASE, m.id"""
    order = {code: i for i, code in enumerate(CATEGORIES)}
    result = []
    wanted = fold(search) if search else None
    for row in db.execute(sql, params).fetchall():
        item = _member_dict(row[: len(MEMBER_COLUMNS)])
        if wanted is not None:
            haystack = " ".join(
                str(item[k] or "") for k in ("name", "address", "postcode", "phone", "email")
            )
            if wanted not in fold(haystack) and wanted.replace(" ", "") not in fold(
                haystack
            ).replace(" ", ""):
                continue
        for key, value in (("offers", row[-2]), ("needs", row[-1])):
            item[key] = sorted(value.split(","), key=order.get) if value else []
        item["consents"] = sorted(row[-3].split(",")) if row[-3] else []
        result.append(item)
    return result


def search_members(db, text: str) -> list[dict]:
    """Members whose name, address, postcode, phone or e-mail contains ``text``."""
    text = clean_line(text, field="text", max_length=100, required=True)
    return list_members(db, include_left=True, search=text)


def edit_member(
    db,
    member_id: int,
    *,
    today: date,
    at: str | None = None,
    changed_by: str | None = None,
    **changes,
) -> dict:
    """Change fields; ``None`` leaves a field alone, ``""`` clears it.

    Which fields changed, when and by whom is kept in ``member_changes`` (the values
    are not: an audit trail must not become a second copy of personal data).
    """
    from voorzorg.domain.changes import log_change

    current = get_member(db, member_id)
    cleaners = {
        "name": lambda v: clean_line(v, field="name", max_length=LIMITS["name"], required=True),
        "address": lambda v: clean_line(v, field="address", max_length=LIMITS["address"]),
        "postcode": _postcode,
        "phone": _phone,
        "email": _email,
        "contact_via": _contact_via,
    }
    updates: dict[str, object] = {}
    for key, clean in cleaners.items():
        value = changes.get(key)
        if value is not None:
            new = clean(value)
            if new != current[key]:
                updates[key] = new
    if changes.get("birth_year") is not None:
        year = changes["birth_year"]
        new_year = None if year == 0 else _birth_year(year, today)
        if new_year != current["birth_year"]:
            updates["birth_year"] = new_year
    if changes.get("connector") is not None and changes["connector"] != current["connector"]:
        if changes["connector"] and current["left_on"] is not None:
            raise VoorzorgError("member.has_left", name=current["name"], on=current["left_on"])
        updates["is_connector"] = 1 if changes["connector"] else 0
    new_offers = changes.get("offers")
    new_needs = changes.get("needs")
    changed_fields = list(updates)
    if new_offers is not None and _check_categories(new_offers) != current["offers"]:
        changed_fields.append("offers")
    if new_needs is not None and _check_categories(new_needs) != current["needs"]:
        changed_fields.append("needs")
        if new_needs and "matching" not in current["consents"]:
            raise VoorzorgError("member.needs_without_consent", hint="member.needs_consent_hint")
    if not changed_fields:
        return {**current, "changed_fields": []}
    stamp = at or clock.stamp()
    with db.atomic():
        if updates:
            assignments = ", ".join(f"{k} = ?" for k in updates)
            db.execute(
                f"UPDATE members SET {assignments}, updated_at = ? WHERE id = ?",
                [*updates.values(), stamp, member_id],
            )
        else:
            db.execute("UPDATE members SET updated_at = ? WHERE id = ?", [stamp, member_id])
        if "offers" in changed_fields:
            _set_categories(db, "member_offers", member_id, _check_categories(new_offers))
        if "needs" in changed_fields:
            _set_categories(db, "member_needs", member_id, _check_categories(new_needs))
        fields = [f if f != "is_connector" else "connector" for f in changed_fields]
        by = clean_line(changed_by, field="by", max_length=80)
        log_change(db, member_id, fields, stamp, by)
    return {**get_member(db, member_id), "changed_fields": fields}
