"""The page every printed document shares: A4, a font with the Dutch characters, large
type for older readers, and a footer with the circle, the date and the page number.

fpdf2 (pure Python) is imported here only, so the CLI starts without it. The font is
DejaVu Sans, shipped in ``fonts/`` with its licence (Bitstream Vera licence, DejaVu
changes in the public domain); it is embedded (subset) in every PDF, so a printer or
viewer without it shows "ë", "é", "ï" and "ü" all the same.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

from voorzorg.dates import format_day
from voorzorg.i18n import _, language

FONT = "DejaVu"
BODY = 13  # points: body text, never below 12 (older readers)
SMALL = 12  # footer and table headers
HEADING = 22
SUBHEADING = 16
MARGIN = 18  # millimetres


def _font_path(name: str):
    return resources.files("voorzorg.paper") / "fonts" / name


def font_file(*, bold: bool = False):
    """The shipped DejaVu Sans as a ``Traversable`` (for ``resources.as_file``); the PNG
    chart draws with the same font as the PDFs."""
    return _font_path("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def new_sheet(
    *,
    circle: str,
    today: date,
    title: str,
    confidential: bool,
    landscape: bool = False,
    title_width: float | None = None,
):
    """An empty A4 document with its footer: "<circle> · <weekday day month year> ·
    vertrouwelijk · pagina 1 van 2" ("vertrouwelijk" only where it holds personal data)."""
    from fpdf import FPDF

    footer_text = " · ".join(
        [circle, format_day(today)] + ([_("paper.confidential")] if confidential else [])
    )

    class Sheet(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font(FONT, "", SMALL)
            self.set_text_color(60, 60, 60)
            page = _("paper.page", page=self.page_no(), pages="{nb}")
            self.cell(0, 6, f"{footer_text} · {page}", align="C")
            self.set_text_color(0, 0, 0)

    sheet = Sheet(orientation="L" if landscape else "P", unit="mm", format="A4")
    with resources.as_file(_font_path("DejaVuSans.ttf")) as regular:
        sheet.add_font(FONT, "", str(regular))
    with resources.as_file(_font_path("DejaVuSans-Bold.ttf")) as bold:
        sheet.add_font(FONT, "B", str(bold))
    sheet.set_margins(MARGIN, MARGIN, MARGIN)
    sheet.set_auto_page_break(True, margin=22)
    sheet.set_title(title)
    sheet.set_subject(circle)
    sheet.set_creator("voorzorg")
    sheet.set_lang(language())
    sheet.add_page()
    heading(sheet, title, width=title_width or 0)
    return sheet


def heading(sheet, text: str, size: int = HEADING, width: float = 0) -> None:
    sheet.set_font(FONT, "B", size)
    sheet.multi_cell(width, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    sheet.ln(3)
    sheet.set_font(FONT, "", BODY)


def subheading(sheet, text: str) -> None:
    keep_room(sheet, 30)  # never a heading alone at the foot of a page
    sheet.ln(2)
    sheet.set_font(FONT, "B", SUBHEADING)
    sheet.multi_cell(0, SUBHEADING * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    sheet.ln(1)
    sheet.set_font(FONT, "", BODY)


def paragraph(sheet, text: str, *, bold: bool = False, size: int = BODY) -> None:
    sheet.set_font(FONT, "B" if bold else "", size)
    sheet.multi_cell(0, size * 0.58, text, align="L", new_x="LMARGIN", new_y="NEXT")
    sheet.set_font(FONT, "", BODY)


def table(
    sheet,
    header: list[str],
    rows: list[list[str]],
    widths: tuple[int, ...],
    size: int = BODY,
    padding: float = 1.5,
) -> None:
    """A ruled table, its header repeated on every page."""
    sheet.set_font(FONT, "", size)
    with sheet.table(
        col_widths=widths,
        line_height=size * 0.58,
        text_align="LEFT",
        first_row_as_headings=True,
        headings_style=_bold_style(size),
        padding=padding,
        repeat_headings=1,
    ) as grid:
        top = grid.row()
        for text in header:
            top.cell(text)
        for row in rows:
            line = grid.row()
            for text in row:
                line.cell(text or "")


def _bold_style(size: int):
    from fpdf.fonts import FontFace

    return FontFace(family=FONT, emphasis="BOLD", size_pt=size, fill_color=(230, 230, 230))


def keep_room(sheet, height: float) -> None:
    """Start a new page unless ``height`` millimetres still fit on this one."""
    if sheet.get_y() + height > sheet.page_break_trigger:
        sheet.add_page()


def line_to_fill(
    sheet,
    label: str,
    *,
    x: float | None = None,
    right: float | None = None,
    value: str | None = None,
):
    """ "Naam: ______" for a paper form: a label and a ruled line to write on, from ``x``
    (the left margin) to ``right`` (the right margin); ``value`` is printed on the line
    (in bold) when the form is filled in beforehand, in smaller type if it is long (and
    shortened with "…" if even 8 points would not fit)."""
    keep_room(sheet, 11)
    sheet.set_font(FONT, "", BODY)
    top = sheet.get_y()
    sheet.set_x(sheet.l_margin if x is None else x)
    sheet.cell(sheet.get_string_width(label) + 3, 10, label)
    line_y = top + 8
    start, end = sheet.get_x(), right or sheet.w - sheet.r_margin
    if value:
        room, size = max(end - start - 1, 1), BODY
        sheet.set_font(FONT, "B", size)
        while sheet.get_string_width(value) > room and size > 8:
            size -= 1
            sheet.set_font(FONT, "B", size)
        if sheet.get_string_width(value) > room:
            while value and sheet.get_string_width(value + "…") > room:
                value = value[:-1]
            value += "…"
        sheet.cell(room, 10, value)
        sheet.set_font(FONT, "", BODY)
    sheet.line(start, line_y, end, line_y)
    sheet.set_xy(sheet.l_margin, top + 11)


def number_boxes(sheet, numbers, *, size: float = 10, step: float = 14.5) -> None:
    """A row of squares to put one cross in, each with its number inside (grey, so a
    cross stays readable)."""
    keep_room(sheet, size + 3)
    top = sheet.get_y() + 1
    sheet.set_font(FONT, "", SMALL)
    sheet.set_text_color(110, 110, 110)
    for index, number in enumerate(numbers):
        x = sheet.l_margin + index * step
        sheet.rect(x, top, size, size)
        sheet.set_xy(x, top)
        sheet.cell(size, size, str(number), align="C")
    sheet.set_text_color(0, 0, 0)
    sheet.set_font(FONT, "", BODY)
    sheet.set_xy(sheet.l_margin, top + size + 2)


def lines_to_write(sheet, count: int, *, gap: float = 10) -> None:
    """Empty ruled lines across the page, for a few sentences by hand."""
    for _index in range(count):
        keep_room(sheet, gap + 1)
        y = sheet.get_y() + gap
        sheet.line(sheet.l_margin, y, sheet.w - sheet.r_margin, y)
        sheet.set_y(y)
    sheet.ln(3)


def checkbox(sheet, label: str, *, x: float | None = None) -> None:
    """An empty square to tick, then its label, on one line."""
    sheet.set_font(FONT, "", BODY)
    keep_room(sheet, 8)
    if x is not None:
        sheet.set_x(x)
    top = sheet.get_y() + 1.25
    sheet.rect(sheet.get_x(), top, 5, 5)
    sheet.set_x(sheet.get_x() + 8)
    sheet.cell(0, 7.5, label, new_x="LMARGIN", new_y="NEXT")


def finish(sheet) -> bytes:
    return bytes(sheet.output())
