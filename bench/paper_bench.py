"""Printing for a 15-member circle: the month poster and the phone list, against
fpdf2's minimal example (``add_page`` + ``multi_cell``) writing the same text.

The circle is written with the core functions into a real circle database (a fixture):
15 members with Dutch names, three weekly activities and one monthly, one cancellation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

TODAY = date(2026, 11, 27)
ZONE = "Europe/Amsterdam"
NAMES = (
    "Zoë Ëlberg", "José Müller", "Loïs Óndermaat", "Anneke de Vries", "Bart Jansen",
    "Chloë van Dijk", "Daan Bakker", "Eefje Visser", "Frits Smit", "Geertje Meijer",
    "Henk de Boer", "Ilse Mulder", "Joost de Groot", "Karin Bos", "Lotte Vos",
)  # fmt: skip


def circle(workdir: Path):
    from voorzorg.domain.activities import add_activity, cancel_occurrence, parse_schedule
    from voorzorg.domain.members import add_member
    from voorzorg.storage.store import create_circle_db

    db = create_circle_db(workdir / "print.db", "print", ZONE)
    for number, name in enumerate(NAMES):
        add_member(
            db, name, today=TODAY, phone=f"06-{12345600 + number}",
            address=f"Muziekplein {number + 1}", postcode="1325 AB",
            contact_via=("phone", "in-person", "whatsapp", "email")[number % 4],
            offers=[("transport", "garden", "errands")[number % 3]],
            consents=["matching"], connector=number < 2,
        )  # fmt: skip
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    for title, start, repeat in (
        ("Koffieochtend", "2026-12-03 10:00", {"weekly": True}),
        ("Samen koken", "2026-12-01 17:00", {"weekly": True}),
        ("Wandelen", "2026-12-05 14:00", {"every": "2 weeks"}),
        ("Muziekclub", "2026-12-07 19:30", {"monthly": "first monday"}),
    ):
        schedule = parse_schedule(start, duration="2h", **repeat)
        made = add_activity(db, title=title, timezone=ZONE, now=now, location="De Binnenhaven",
                            **schedule)  # fmt: skip
        if title == "Koffieochtend":
            cancel_occurrence(db, made["id"], date(2026, 12, 24), now=now, note="Kerstvakantie")
    return db


def commands(workdir: Path):
    """(ours, anchor with the same TTF font, anchor with fpdf2's core Helvetica)."""
    from importlib import resources

    from fpdf import FPDF

    from voorzorg.paper.documents import month_occurrences, phone_list, phone_list_people, poster

    db = circle(workdir)

    def ours():
        poster(db, circle="Bench", today=TODAY, year=2026, month=12, timezone=ZONE,
               link="webcal://example.org/feeds/print/" + "x" * 43 + ".ics")  # fmt: skip
        phone_list(db, circle="Bench", today=TODAY)

    people = phone_list_people(db)
    lines_phone = [f"{p['name']}  {p['phone']}  {p['address']}, {p['postcode']}" for p in people]
    lines_poster = [
        f"{o['start']:%a %d %b %H:%M}–{o['end']:%H:%M}  {o['title']} ({o['location']})"
        + ("  Afgelast" if o["status"] == "cancelled" else "")
        for o in month_occurrences(db, year=2026, month=12, timezone=ZONE)
    ]
    texts = ["\n".join(lines_poster), "\n".join(lines_phone)]
    font = resources.files("voorzorg.paper") / "fonts" / "DejaVuSans.ttf"

    def minimal(ttf: bool):
        def call():
            for text in texts:
                pdf = FPDF()
                pdf.add_page()
                if ttf:
                    pdf.add_font("DejaVu", "", str(font))
                    pdf.set_font("DejaVu", size=13)
                    body = text
                else:
                    pdf.set_font("helvetica", size=13)
                    body = text.replace("–", "-")
                pdf.multi_cell(0, 7, body)
                bytes(pdf.output())

        return call

    return ours, minimal(True), minimal(False)
