"""`member export`: everything held about one member (GDPR Art. 15 and 20).

``export_member`` gathers it as one dict, the JSON document that
``member-export.schema.json`` (shipped beside this module) describes; ``readable``
renders the same data as a Dutch (or English) Markdown document a volunteer can
print or hand over. Every table of the circle is accounted for: the tables with
data about members are read here, integration-owned tables through the
``privacy_export`` hook, and ``CIRCLE_TABLES`` names the tables that hold nothing
about any person (a test fails when a new table is in neither list).
"""

from __future__ import annotations

import json
from pathlib import Path

from voorzorg import __version__, clock
from voorzorg.i18n import _

FORMAT = "voorzorg-member-export"
VERSION = 1
SCHEMA = Path(__file__).with_name("member-export.schema.json")
# Tables read for a member's export (by their member columns).
MEMBER_TABLES = (
    "members", "member_offers", "member_needs", "consents", "member_changes",
    "requests", "request_asks", "agreements", "card_acks", "feed_tokens",
    "stats_record_keys", "belcirkel_links", "belcirkel_calls", "wellbeing_checkins",
)  # fmt: skip
# Tables that hold nothing about any person.
CIRCLE_TABLES = (
    "circle_meta", "card_versions", "card_draft", "activities", "activity_exceptions",
    "activity_counts", "_sqlite_migrations",
)  # fmt: skip


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def export_member(config, circle, db, member_id: int) -> dict:
    """Everything about ``member_id`` in ``circle`` (a config circle entry)."""
    from voorzorg.domain.erasure import involved_requests
    from voorzorg.domain.members import get_member
    from voorzorg.domain.wellbeing import list_checkins
    from voorzorg.privacy.integrations import call

    get_member(db, member_id)  # unknown -> VoorzorgError
    one = lambda sql: _rows(db, sql, [member_id] * sql.count("?"))  # noqa: E731
    member = one(
        """SELECT id, name, address, postcode, phone, email, birth_year, contact_via,
                  is_connector, joined_on, left_on, restricted_at, away_until, created_at,
                  updated_at
           FROM members WHERE id = ?"""
    )[0]
    member["is_connector"] = bool(member["is_connector"])
    stats_consent = bool(one(
        "SELECT 1 FROM consents WHERE member_id = ? AND purpose = 'stats' "
        "AND withdrawn_at IS NULL"
    ))  # fmt: skip
    tokens = one(
        """SELECT id, label, created_at, revoked_at FROM feed_tokens
           WHERE member_id = ? ORDER BY id"""
    )
    for token in tokens:
        token["active"] = token["revoked_at"] is None
    requests = involved_requests(db, member_id)
    results = call(config, circle.id, "privacy_export", strict=True, member_id=member_id,
                   requests=requests)  # fmt: skip
    integrations = []
    for domain, value in sorted(results.items()):
        if value is None:
            continue
        integrations.append({
            "domain": domain,
            "title": str(value.get("title") or domain),
            "statement": value.get("statement"),
            "items": [_plain(item) for item in value.get("items") or []],
        })  # fmt: skip
    return {
        "format": FORMAT,
        "version": VERSION,
        "voorzorg_version": __version__,
        "exported_at": clock.stamp(),
        "circle": {"id": circle.id, "name": circle.name, "timezone": circle.timezone},
        "member": member,
        "offers": [
            r["category"]
            for r in one("SELECT category FROM member_offers WHERE member_id = ? ORDER BY category")
        ],
        "needs": [
            r["category"]
            for r in one("SELECT category FROM member_needs WHERE member_id = ? ORDER BY category")
        ],
        "consents": one(
            """SELECT purpose, given_at, recorded_by, text_version, withdrawn_at, withdrawn_by
               FROM consents WHERE member_id = ? ORDER BY given_at, id"""
        ),
        "changes": [
            {**row, "fields": row["fields"].split(",")}
            for row in one(
                """SELECT changed_at, fields, changed_by FROM member_changes
                   WHERE member_id = ? ORDER BY id"""
            )
        ],
        "requests_for": one(
            """SELECT id, category, wanted_at, note, status, referred_to, closing_note,
                      created_at, accepted_at, closed_at,
                      (helper_id IS NOT NULL OR helper_erased = 1) AS had_helper
               FROM requests WHERE for_id = ? ORDER BY id"""
        ),
        "requests_helped": one(
            """SELECT id, category, wanted_at, status, accepted_at, closed_at
               FROM requests WHERE helper_id = ? ORDER BY id"""
        ),
        "asks": one(
            """SELECT request_id, asked_at, answer, answered_at FROM request_asks
               WHERE member_id = ? ORDER BY asked_at, id"""
        ),
        "agreements": one(
            """SELECT id, CASE WHEN helper_id = ? THEN 'helper' ELSE 'for' END AS role,
                      category, CASE WHEN for_id = ? THEN note END AS note,
                      valid_from, valid_until, ended_on, created_at
               FROM agreements WHERE helper_id = ? OR for_id = ? ORDER BY id"""
        ),
        "card_acks": one(
            """SELECT version, acked_on, recorded_at FROM card_acks
               WHERE member_id = ? ORDER BY version"""
        ),
        "feed_tokens": tokens,
        "belcirkel": [
            {
                **link,
                "calls": _rows(
                    db,
                    """SELECT call_date, outcome, recorded_at, alerted_at FROM belcirkel_calls
                       WHERE link_id = ? ORDER BY call_date""",
                    [link["id"]],
                )
                if link["role"] == "called"
                else [],
            }
            for link in one(
                """SELECT id, CASE WHEN member_id = ? THEN 'called' ELSE 'caller' END AS role,
                          frequency, weekday, part, started_on, ended_on, created_at
                   FROM belcirkel_links WHERE member_id = ? OR caller_id = ? ORDER BY id"""
            )
        ],  # the calls are about the called member; the caller sees the arrangement
        "wellbeing": [
            {
                "taken_on": c["taken_on"],
                "ratings": c["ratings"],
                "loneliness": c["loneliness"],
                "scores": c["scores"],
                "note": c["note"],
                "recorded_by": c["recorded_by"],
                "recorded_at": c["recorded_at"],
            }
            for c in list_checkins(db, member_id)
        ],
        "statistics": {
            "counted_in_new_releases": stats_consent and member["restricted_at"] is None,
            "record_key_held": bool(one("SELECT 1 FROM stats_record_keys WHERE member_id = ?")),
        },
        "integrations": integrations,
        "tables": sorted(MEMBER_TABLES),
    }


def _plain(item) -> dict:
    if not isinstance(item, dict):
        return {"value": str(item)}
    return {
        str(k): v if isinstance(v, str | int | float | bool) or v is None else str(v)
        for k, v in item.items()
    }


# -- the readable document -----------------------------------------------------------------


SECTIONS = (
    "person", "offers_needs", "consents", "changes", "requests_for", "requests_helped",
    "asks", "agreements", "card", "feeds", "statistics", "integrations", "rights",
)  # fmt: skip


def _table(headers: list[str], rows: list[list]) -> list[str]:
    if not rows:
        return [_("privacy.export.none"), ""]

    def cell(value) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("answer.yes") if value else _("answer.no")
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _when(value, timezone: str):
    """A stored day, wall time or UTC instant as people read it ("do 3 dec 2026, 10:00")."""
    from voorzorg.dates import show_instant, show_stored

    if not isinstance(value, str) or len(value) < 10 or value[4:5] != "-":
        return value
    if "T" in value:
        return show_instant(value, timezone)
    return show_stored(value, short=True)


def _belcirkel_when(link: dict) -> str:
    from voorzorg.dates import format_weekday

    part = _("belcirkel.part." + link["part"])
    if link["frequency"] == "daily":
        return _("belcirkel.daily", part=part)
    return _("belcirkel.weekly", weekday=format_weekday(link["weekday"]), part=part)


def readable(document: dict) -> str:
    """The export as a Markdown document, in the user's language; dates with weekday."""
    from voorzorg.categories import label
    from voorzorg.clock import DEFAULT_TIMEZONE
    from voorzorg.domain.wellbeing import DIMENSIONS, loneliness_text

    tz = document["circle"].get("timezone") or DEFAULT_TIMEZONE
    when = lambda value: _when(value, tz)  # noqa: E731
    m = document["member"]
    status = lambda code: _("state." + code) if code else None  # noqa: E731
    out = [
        "# " + _("privacy.export.title", name=m["name"]),
        "",
        _(
            "privacy.export.intro",
            circle=document["circle"]["name"],
            at=when(document["exported_at"]),
        ),
        "",
    ]

    def section(key: str) -> None:
        out.extend([f"## {_('privacy.export.section.' + key)}", ""])

    section("person")
    fields = [
        ("col.name", m["name"]), ("col.address", m["address"]),
        ("col.postcode", m["postcode"]), ("col.phone", m["phone"]),
        ("col.email", m["email"]), ("col.birth_year", m["birth_year"]),
        ("col.contact_via", _("contact." + m["contact_via"]) if m["contact_via"] else None),
        ("col.connector", m["is_connector"]), ("col.joined_on", when(m["joined_on"])),
        ("col.left_on", when(m["left_on"])), ("col.restricted", when(m["restricted_at"])),
        ("col.away_until", when(m.get("away_until"))),
        ("privacy.export.created_at", when(m["created_at"])),
        ("privacy.export.updated_at", when(m["updated_at"])),
    ]  # fmt: skip
    out += _table([_("privacy.export.field"), _("privacy.export.value")],
                  [[_(k), v] for k, v in fields])  # fmt: skip
    section("offers_needs")
    out += _table(
        [_("col.offers"), _("col.needs")],
        [[", ".join(label(c) for c in document["offers"]) or None,
          ", ".join(label(c) for c in document["needs"]) or None]],
    )  # fmt: skip
    section("consents")
    out += _table(
        [_("privacy.export.purpose"), _("privacy.export.given_at"),
         _("privacy.export.text_version"), _("privacy.export.recorded_by"),
         _("privacy.export.withdrawn_at"), _("privacy.export.withdrawn_by")],
        [[_("purpose." + c["purpose"]), when(c["given_at"]), c["text_version"],
          c["recorded_by"], when(c["withdrawn_at"]), c["withdrawn_by"]]
         for c in document["consents"]],
    )  # fmt: skip
    section("changes")
    out += _table(
        [_("privacy.export.when"), _("privacy.export.fields"), _("privacy.export.by")],
        [[when(c["changed_at"]), ", ".join(c["fields"]), c["changed_by"]]
         for c in document["changes"]],
    )  # fmt: skip
    section("requests_for")
    out += _table(
        [_("col.id"), _("privacy.export.kind"), _("privacy.export.wanted"),
         _("privacy.export.status"), _("privacy.export.note"), _("privacy.export.referred_to"),
         _("privacy.export.closing_note"), _("privacy.export.created_at"),
         _("privacy.export.closed_at")],
        [[r["id"], label(r["category"]), when(r["wanted_at"]), status(r["status"]), r["note"],
          r["referred_to"], r["closing_note"], when(r["created_at"]), when(r["closed_at"])]
         for r in document["requests_for"]],
    )  # fmt: skip
    section("requests_helped")
    out += _table(
        [_("col.id"), _("privacy.export.kind"), _("privacy.export.wanted"),
         _("privacy.export.status"), _("privacy.export.accepted_at"),
         _("privacy.export.closed_at")],
        [[r["id"], label(r["category"]), when(r["wanted_at"]), status(r["status"]),
          when(r["accepted_at"]), when(r["closed_at"])] for r in document["requests_helped"]],
    )  # fmt: skip
    section("asks")
    out += _table(
        [_("privacy.export.request"), _("privacy.export.asked_at"),
         _("privacy.export.answer"), _("privacy.export.answered_at")],
        [[a["request_id"], when(a["asked_at"]), a["answer"] and _("answer." + a["answer"]),
          when(a["answered_at"])] for a in document["asks"]],
    )  # fmt: skip
    section("agreements")
    out += _table(
        [_("col.id"), _("privacy.export.role"), _("privacy.export.kind"),
         _("privacy.export.note"), _("privacy.export.from"), _("privacy.export.until"),
         _("privacy.export.ended")],
        [[a["id"], _("privacy.export.role." + a["role"]), label(a["category"]), a["note"],
          when(a["valid_from"]), when(a["valid_until"]), when(a["ended_on"])]
         for a in document["agreements"]],
    )  # fmt: skip
    section("card")
    out += _table(
        [_("privacy.export.card_version"), _("privacy.export.acked_on")],
        [[c["version"], when(c["acked_on"])] for c in document["card_acks"]],
    )  # fmt: skip
    section("feeds")
    out += [_("privacy.export.feeds_statement"), ""]
    out += _table(
        [_("col.id"), _("privacy.export.label"), _("privacy.export.created_at"),
         _("privacy.export.revoked_at")],
        [[t["id"], t["label"], when(t["created_at"]), when(t["revoked_at"])]
         for t in document["feed_tokens"]],
    )  # fmt: skip
    section("belcirkel")
    out += _table(
        [_("col.id"), _("privacy.export.role"), _("belcirkel.col.when"),
         _("privacy.export.from"), _("privacy.export.ended"), _("belcirkel.col.calls")],
        [[b["id"], _("belcirkel.role." + b["role"]), _belcirkel_when(b),
          when(b["started_on"]), when(b["ended_on"]),
          ", ".join(f"{when(c['call_date'])}: {_('belcirkel.outcome.' + c['outcome'])}"
                    for c in b["calls"]) or None]
         for b in document.get("belcirkel", [])],
    )  # fmt: skip
    section("wellbeing")
    out += _table(
        [_("wellbeing.col.date"), *(_("wellbeing.dim." + d) for d in DIMENSIONS),
         _("wellbeing.col.loneliness"), _("wellbeing.col.note")],
        [[when(c["taken_on"]), *(c["ratings"][d] for d in DIMENSIONS),
          loneliness_text(c["scores"]), c["note"]]
         for c in document.get("wellbeing", [])],
    )  # fmt: skip
    section("statistics")
    counted = document["statistics"]["counted_in_new_releases"]
    out += [_("privacy.export.stats_counted" if counted else "privacy.export.stats_not_counted"),
            ""]  # fmt: skip
    section("integrations")
    if not document["integrations"]:
        out += [_("privacy.export.no_integrations"), ""]
    for item in document["integrations"]:
        out += [f"### {item['title']}", ""]
        if item.get("statement"):
            out += [item["statement"], ""]
        keys = sorted({k for row in item["items"] for k in row})
        out += _table(keys, [[row.get(k) for k in keys] for row in item["items"]])
    section("rights")
    out += [_("privacy.export.rights"), ""]
    return "\n".join(out)


def write_export(document: dict, directory: Path) -> dict:
    """Write ``<circle>-<id>-gegevens.json`` and ``.md`` (mode 0600) into ``directory``."""
    from voorzorg.deploy.config import atomic_write
    from voorzorg.errors import VoorzorgError

    directory = Path(directory)
    if not directory.is_dir():
        raise VoorzorgError("privacy.export_dir_missing", path=str(directory))
    stem = f"{document['circle']['id']}-{document['member']['id']}-{_('privacy.export.stem')}"
    json_path, md_path = directory / f"{stem}.json", directory / f"{stem}.md"
    body = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    atomic_write(json_path, body.encode("utf-8"), mode=0o600)
    atomic_write(md_path, readable(document).encode("utf-8"), mode=0o600)
    return {"json": str(json_path), "readable": str(md_path)}
