"""The printed documents: each a plain function of a circle's database that returns
the PDF as bytes (the CLI writes them to a file, ``serve`` sends them).

Who appears where (the same rules as the coordinators' views, plus consent):

- every list leaves out members who left and members whose processing is restricted;
- the phone list holds the circle's active members (as the coordinators' "deelnemers"
  view does), optionally only those with one contact preference, or only those
  **without a smartphone**: members whose preference is phone or a visit at the door
  and who have no e-mail address recorded (``no_smartphone``);
- "wie doet wat" names only members who gave consent ``matching`` (being asked for help
  is what that consent is for);
- an emergency card is printed only for a member with consent ``emergency_card``;
- the intake form and the poster hold no personal data;
- the wellbeing form is blank, or carries one member's name and the date: only for a
  member in the circle, not restricted, with an active ``wellbeing`` consent (as
  ``wellbeing record`` requires). Its questions come in exactly the order ``wellbeing
  record`` asks them (``domain.wellbeing.DIMENSIONS``, then ``ITEMS``, then the note).
"""

from __future__ import annotations

import hashlib
from datetime import date

from voorzorg.categories import CATEGORIES, label
from voorzorg.dates import MONTHS, SHORT_MONTHS, WEEKDAYS, format_day
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _, language
from voorzorg.paper import layout

DOCUMENTS = (
    "phone-list", "who-does-what", "intake-form", "poster", "emergency-card", "wellbeing-form",
)  # fmt: skip
PERSONAL = frozenset({"phone-list", "who-does-what", "emergency-card"})
# Preferences that need no smartphone (stored codes, see domain.members.CONTACT_VIA).
WITHOUT_SMARTPHONE = ("phone", "in-person")
FORM_FIELDS = ("name", "address", "postcode", "phone", "email", "birth_year")


def _people(db, where: str = "", params: tuple = ()) -> list[dict]:
    """Active, unrestricted members (name order), with their offers and consents."""
    rows = db.execute(
        f"""SELECT m.id, m.name, m.address, m.postcode, m.phone, m.email, m.contact_via,
                   m.is_connector,
                   (SELECT group_concat(category) FROM member_offers WHERE member_id = m.id),
                   (SELECT group_concat(purpose) FROM consents
                    WHERE member_id = m.id AND withdrawn_at IS NULL)
            FROM members m
            WHERE m.left_on IS NULL AND m.restricted_at IS NULL {where}
            ORDER BY m.name COLLATE NOCASE, m.id""",
        params,
    ).fetchall()
    keys = ("id", "name", "address", "postcode", "phone", "email", "contact_via", "connector")
    people = []
    for row in rows:
        item = dict(zip(keys, row[:8], strict=True))
        item["offers"] = [c for c in CATEGORIES if c in (row[8] or "").split(",")]
        item["consents"] = set((row[9] or "").split(",")) - {""}
        people.append(item)
    return people


def _address(person: dict) -> str:
    return ", ".join(p for p in (person["address"], person["postcode"]) if p)


def _contact(code: str | None) -> str:
    return _("contact." + code) if code else ""


# --- the phone list -----------------------------------------------------------------


def phone_list_people(db, *, contact_via: str | None = None, no_smartphone: bool = False):
    people = _people(db)
    if contact_via:
        people = [p for p in people if p["contact_via"] == contact_via]
    if no_smartphone:
        people = [p for p in people if p["contact_via"] in WITHOUT_SMARTPHONE and not p["email"]]
    return people


def phone_list(
    db,
    *,
    circle: str,
    today: date,
    contact_via: str | None = None,
    no_smartphone: bool = False,
) -> bytes:
    people = phone_list_people(db, contact_via=contact_via, no_smartphone=no_smartphone)
    sheet = layout.new_sheet(
        circle=circle, today=today, title=_("paper.phone_list.title", circle=circle),
        confidential=True,
    )  # fmt: skip
    if no_smartphone:
        layout.paragraph(sheet, _("paper.phone_list.no_smartphone"))
    elif contact_via:
        layout.paragraph(sheet, _("paper.phone_list.only", how=_contact(contact_via)))
    layout.paragraph(sheet, _("paper.phone_list.count", n=len(people)))
    sheet.ln(2)
    if not people:
        layout.paragraph(sheet, _("paper.phone_list.empty"), bold=True)
        return layout.finish(sheet)
    rows = [
        [p["name"] + (" *" if p["connector"] else ""), p["phone"] or "—", _address(p),
         _contact(p["contact_via"])]
        for p in people
    ]  # fmt: skip
    layout.table(
        sheet,
        [_("paper.col.name"), _("paper.col.phone"), _("paper.col.address"),
         _("paper.col.contact_via")],
        rows,
        (46, 34, 66, 28),
    )  # fmt: skip
    sheet.ln(3)
    layout.paragraph(sheet, _("paper.phone_list.connector_mark"))
    return layout.finish(sheet)


# --- wie doet wat -------------------------------------------------------------------


def who_does_what_people(db) -> dict[str, list[dict]]:
    """Per kind of help, the members who offer it and gave consent ``matching``."""
    people = [p for p in _people(db) if "matching" in p["consents"]]
    return {code: [p for p in people if code in p["offers"]] for code in CATEGORIES}


def who_does_what(db, *, circle: str, today: date) -> bytes:
    by_kind = who_does_what_people(db)
    sheet = layout.new_sheet(
        circle=circle, today=today, title=_("paper.who.title", circle=circle), confidential=True
    )
    layout.paragraph(sheet, _("paper.who.intro"))
    for code, people in by_kind.items():
        layout.subheading(sheet, label(code).capitalize())
        if not people:
            layout.paragraph(sheet, _("paper.who.nobody"))
            continue
        layout.table(
            sheet,
            [_("paper.col.name"), _("paper.col.phone"), _("paper.col.contact_via")],
            [[p["name"], p["phone"] or "—", _contact(p["contact_via"])] for p in people],
            (75, 50, 49),
        )
    return layout.finish(sheet)


# --- the intake form ----------------------------------------------------------------


def consent_texts() -> list[tuple[str, str]]:
    """(purpose, the text the member agrees to) for every consent purpose, in the
    language of the moment."""
    from voorzorg.domain.consents import PURPOSES

    return [(p, _("paper.consent." + p)) for p in PURPOSES]


def form_version() -> str:
    """The version of the form's consent texts: "formulier-" and a short hash of the
    Dutch texts, so a new wording gets a new version by itself. Printed on the form and
    recorded with the consents by ``member add --from-form``."""
    from voorzorg.i18n import set_language

    previous = language()
    set_language("nl")
    try:
        text = "\n".join(f"{p}:{t}" for p, t in consent_texts())
    finally:
        set_language(previous)
    return "formulier-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def intake_form(*, circle: str, today: date) -> bytes:
    from voorzorg.domain.members import CONTACT_VIA

    sheet = layout.new_sheet(
        circle=circle, today=today, title=_("paper.form.title", circle=circle),
        confidential=False,
    )  # fmt: skip
    layout.paragraph(sheet, _("paper.form.intro"))
    layout.subheading(sheet, _("paper.form.about_you"))
    for field in FORM_FIELDS:
        layout.line_to_fill(sheet, _("paper.form.field." + field) + ":")
    layout.subheading(sheet, _("paper.form.reach"))
    for code in CONTACT_VIA:
        layout.checkbox(sheet, _contact(code))
    layout.subheading(sheet, _("paper.form.offers"))
    _category_boxes(sheet)
    sheet.add_page()
    layout.subheading(sheet, _("paper.form.needs"))
    layout.paragraph(sheet, _("paper.form.needs_note"))
    _category_boxes(sheet)
    layout.subheading(sheet, _("paper.form.consents"))
    layout.paragraph(sheet, _("paper.form.consents_intro"))
    for purpose, text in consent_texts():
        sheet.ln(1)
        layout.keep_room(sheet, 30)
        y = sheet.get_y()
        layout.paragraph(sheet, _("purpose." + purpose).capitalize(), bold=True)
        after = sheet.get_y()
        for offset, word in ((100, "paper.form.yes"), (130, "paper.form.no")):
            sheet.set_y(y - 1.5)
            layout.checkbox(sheet, _(word), x=sheet.l_margin + offset)
        sheet.set_y(after)
        layout.paragraph(sheet, text)
    layout.paragraph(sheet, _("paper.form.version", version=form_version()))
    layout.subheading(sheet, _("paper.form.sign"))
    layout.keep_room(sheet, 11)
    top, middle = sheet.get_y(), sheet.l_margin + sheet.epw * 0.45
    layout.line_to_fill(sheet, _("paper.form.date") + ":", right=middle - 6)
    sheet.set_y(top)
    layout.line_to_fill(sheet, _("paper.form.signature") + ":", x=middle)
    layout.line_to_fill(sheet, _("paper.form.taken_by") + ":")
    return layout.finish(sheet)


def _category_boxes(sheet) -> None:
    """The kinds of help in two columns of tick boxes."""
    half = (len(CATEGORIES) + 1) // 2
    left, right = CATEGORIES[:half], CATEGORIES[half:]
    layout.keep_room(sheet, 8 * half)
    for index, code in enumerate(left):
        layout.keep_room(sheet, 8)
        y = sheet.get_y()
        layout.checkbox(sheet, label(code))
        if index < len(right):
            after = sheet.get_y()
            sheet.set_y(y)
            layout.checkbox(sheet, label(right[index]), x=sheet.l_margin + sheet.epw / 2)
            sheet.set_y(after)


# --- the month poster ---------------------------------------------------------------


def month_occurrences(db, *, year: int, month: int, timezone: str) -> list[dict]:
    """The month's occurrences, recurrences expanded, cancelled ones included."""
    from calendar import monthrange

    from voorzorg.domain.activities import occurrences

    first = date(year, month, 1)
    last = date(year, month, monthrange(year, month)[1])
    return occurrences(db, start=first, end=last, timezone=timezone)


def poster(
    db, *, circle: str, today: date, year: int, month: int, timezone: str, link: str | None
) -> bytes:
    """The month's activities for a notice board, one line each, with a QR code of
    ``link`` (the circle's calendar subscription) beside the title when given."""
    lang = language() if language() in MONTHS else "nl"
    month_name = MONTHS[lang][month - 1]
    items = month_occurrences(db, year=year, month=month, timezone=timezone)
    sheet = layout.new_sheet(
        circle=circle, today=today,
        title=_("paper.poster.title", circle=circle, month=month_name, year=year),
        confidential=False, title_width=None if not link else 120,
    )  # fmt: skip
    if link:
        _qr_block(sheet, link)
    if not items:
        layout.paragraph(sheet, _("paper.poster.empty"), size=layout.SUBHEADING)
        return layout.finish(sheet)
    rows = []
    for item in items:
        start = item["start"]
        day = start.date() if hasattr(start, "date") else start
        if item["all_day"]:
            when = _("paper.poster.all_day")
        else:
            when = f"{start:%H:%M}–{item['end']:%H:%M}"
        what = item["title"]
        if item["location"]:
            what += f" ({item['location']})"
        if item["status"] == "cancelled":
            what += "\n" + _("paper.poster.cancelled")
            if item["public_note"]:
                what += ": " + item["public_note"]
        elif item["status"] == "moved":
            original = item["original_start"]
            moved_from = original.date() if hasattr(original, "date") else original
            what += "\n" + _("paper.poster.moved", day=format_day(moved_from, short=True))
        weekday = WEEKDAYS[lang][day.weekday()]
        rows.append([f"{weekday} {day.day} {SHORT_MONTHS[lang][day.month - 1]}", when, what])
    layout.table(
        sheet,
        [_("paper.col.day"), _("paper.col.time"), _("paper.col.activity")],
        rows,
        (48, 38, 88),
        size=14,
    )
    return layout.finish(sheet)


def _qr_block(sheet, link: str) -> None:
    """The QR code in the top right corner of the first page, its caption beneath."""
    import io

    import segno

    size = 42
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=2)
    buffer.seek(0)
    x = sheet.w - sheet.r_margin - size
    top = layout.MARGIN
    sheet.image(buffer, x=x, y=top, w=size, h=size)
    below = sheet.get_y()
    sheet.set_xy(x - 6, top + size + 1)
    sheet.set_font(layout.FONT, "B", layout.SMALL)
    sheet.multi_cell(size + 6, 5, _("paper.poster.qr"), align="C")
    sheet.set_y(max(below, sheet.get_y()) + 4)
    sheet.set_font(layout.FONT, "", layout.BODY)


# --- emergency cards ----------------------------------------------------------------


def emergency_card_people(db, member_ids: list[int] | None = None) -> list[dict]:
    """The members an emergency card may be printed for: active, unrestricted, with
    consent ``emergency_card``. Asked by id, a member without it is refused."""
    people = {p["id"]: p for p in _people(db)}
    if member_ids is None:
        return [p for p in people.values() if "emergency_card" in p["consents"]]
    chosen = []
    for member_id in member_ids:
        person = people.get(member_id)
        if person is None:
            row = db.execute("SELECT name FROM members WHERE id = ?", [member_id]).fetchone()
            raise VoorzorgError("paper.card.not_active", name=row[0] if row else member_id)
        if "emergency_card" not in person["consents"]:
            raise VoorzorgError(
                "paper.card.no_consent", name=person["name"], hint="paper.card.no_consent_hint",
                id=member_id,
            )  # fmt: skip
        chosen.append(person)
    return chosen


def emergency_cards(db, *, circle: str, today: date, member_ids: list[int] | None = None) -> bytes:
    """One page per member: who they are, 112, and the circle's connectors to call."""
    people = emergency_card_people(db, member_ids)
    if not people:
        raise VoorzorgError("paper.card.nobody", hint="paper.card.no_consent_hint", id="NR")
    connectors = [p for p in _people(db) if p["connector"]]
    sheet = None
    for person in people:
        if sheet is None:
            sheet = layout.new_sheet(
                circle=circle, today=today, title=_("paper.card.title"), confidential=True
            )
        else:
            sheet.add_page()
            layout.heading(sheet, _("paper.card.title"))
        layout.paragraph(sheet, person["name"], bold=True, size=layout.SUBHEADING)
        if _address(person):
            layout.paragraph(sheet, _address(person))
        if person["phone"]:
            layout.paragraph(sheet, _("paper.card.own_phone", phone=person["phone"]))
        sheet.ln(3)
        layout.paragraph(sheet, _("paper.card.emergency"), bold=True, size=layout.SUBHEADING)
        layout.subheading(sheet, _("paper.card.call", circle=circle))
        others = [c for c in connectors if c["id"] != person["id"]]
        if others:
            layout.table(
                sheet,
                [_("paper.col.name"), _("paper.col.phone")],
                [[c["name"], c["phone"] or "—"] for c in others],
                (100, 74),
            )
        else:
            layout.paragraph(sheet, _("paper.card.no_connectors"))
        layout.subheading(sheet, _("paper.card.by_hand"))
        for field in ("doctor", "family", "notes"):
            layout.line_to_fill(sheet, _("paper.card.field." + field) + ":")
    return layout.finish(sheet)


# --- the wellbeing form -------------------------------------------------------------


def wellbeing_form_member(db, member_id: int) -> dict:
    """The member a named wellbeing form may be printed for (refuses as ``wellbeing
    record`` does: left, restricted or without the ``wellbeing`` consent)."""
    from voorzorg.domain.wellbeing import require_consent

    return require_consent(db, member_id)


def wellbeing_form(
    *, circle: str, today: date, name: str | None = None, day: date | None = None
) -> bytes:
    """The paper form of a wellbeing check-in: the six dimensions with 0-10 boxes and
    their hints, the six loneliness statements (our own paraphrases) with ja / min of
    meer / nee, room for the note, the consent reminder and the source. Blank, or with
    ``name`` and ``day`` filled in. "vertrouwelijk" in the footer either way: once filled
    in, it holds health data."""
    from voorzorg.domain.wellbeing import DIMENSIONS, ITEMS

    sheet = layout.new_sheet(
        circle=circle, today=today, title=_("paper.wbform.title"), confidential=True
    )
    layout.paragraph(sheet, _("paper.wbform.subtitle", circle=circle), bold=True)
    layout.paragraph(sheet, _("paper.wbform.consent"))
    sheet.ln(2)
    layout.line_to_fill(sheet, _("paper.wbform.name") + ":", value=name)
    layout.line_to_fill(sheet, _("paper.wbform.date") + ":",
                        value=format_day(day) if day else None)  # fmt: skip
    layout.line_to_fill(sheet, _("paper.wbform.by") + ":")
    layout.subheading(sheet, _("paper.wbform.ratings"))
    layout.paragraph(sheet, _("paper.wbform.ratings_intro"))
    for dim in DIMENSIONS:
        layout.keep_room(sheet, 26)
        sheet.ln(2)
        sheet.set_font(layout.FONT, "B", layout.BODY)
        sheet.write(layout.BODY * 0.58, _("wellbeing.dim." + dim))
        sheet.set_font(layout.FONT, "", layout.BODY)
        sheet.write(layout.BODY * 0.58, " – " + _("wellbeing.dim." + dim + ".hint"))
        sheet.ln(layout.BODY * 0.58)
        layout.number_boxes(sheet, range(11))
    sheet.add_page()
    layout.subheading(sheet, _("paper.wbform.items"))
    layout.paragraph(sheet, _("paper.wbform.items_intro"))
    for n, item in enumerate(ITEMS, start=1):
        layout.keep_room(sheet, 24)
        sheet.ln(2)
        layout.paragraph(sheet, f"{n}. {_('wellbeing.lon.' + item)}")
        y = sheet.get_y()
        for offset, answer in ((8, "yes"), (42, "more_or_less"), (96, "no")):
            sheet.set_y(y)
            layout.checkbox(sheet, _("wellbeing.answer." + answer), x=sheet.l_margin + offset)
    layout.subheading(sheet, _("paper.wbform.note"))
    layout.paragraph(sheet, _("paper.wbform.note_hint"))
    layout.lines_to_write(sheet, 6)
    layout.paragraph(sheet, _("wellbeing.source"), size=layout.SMALL)
    sheet.ln(1)
    layout.paragraph(sheet, _("paper.wbform.enter"), size=layout.SMALL)
    return layout.finish(sheet)
