"""The spider-web chart of a member's last two wellbeing check-ins, for a conversation
with the member: SVG, PNG or an A4 PDF page.

Our own small drawing: six axes for the six dimensions of Positive Health, rings at 0,
2, ..., 10, the last check-in as a filled polygon and the one before as a dashed outline,
a legend with the Dutch dates. All three formats draw the same geometry (``vertex``):
the SVG by hand (no library), the PNG with Pillow (which fpdf2 already brings) in the
DejaVu Sans the PDFs embed, so no browser or system package is needed, and the PDF
through the paper layer (``layout``: A4, large type, the footer with circle, date and
"vertrouwelijk"). Each shows only the six ratings and the dates: never the loneliness
answers or the note. Every text in the SVG is escaped; each polygon carries its values
in ``data-values`` (for tests and for anyone reading the file).
"""

from __future__ import annotations

import itertools
import math
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from voorzorg.dates import format_day
from voorzorg.domain.wellbeing import DIMENSIONS, list_checkins
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _

SIZE = 640  # the height of the web's square; the canvas is wider for the side labels
WIDTH, HEIGHT = 840, SIZE + 80
CENTRE_X, CENTRE_Y = WIDTH / 2, SIZE / 2
CENTRE = CENTRE_Y  # kept for callers that read the vertical centre
RADIUS = 200
COLOURS = {"last": "#1f6f8b", "before": "#9a6b00"}
PNG_SCALE = 2  # the PNG is drawn at twice the SVG's size: sharp when printed
FORMATS = (".svg", ".png", ".pdf")


def vertex(index: int, value: float, *, centre: tuple[float, float], radius: float):
    """Where ``value`` (0-10) lies on axis ``index`` (0 at the top, clockwise) of a web
    with this centre and radius (the radius is the value 10)."""
    angle = -math.pi / 2 + index * 2 * math.pi / len(DIMENSIONS)
    r = radius * value / 10
    return centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)


def point(index: int, value: float) -> tuple[float, float]:
    """``vertex`` on the SVG's canvas (the PNG's, times ``PNG_SCALE``)."""
    x, y = vertex(index, value, centre=(CENTRE_X, CENTRE_Y), radius=RADIUS)
    return round(x, 2), round(y, 2)


def _points(values: list[int]) -> str:
    return " ".join(f"{x},{y}" for x, y in (point(i, v) for i, v in enumerate(values)))


def _shown(checkins: list[dict]) -> list[tuple[str, dict]]:
    """(role, check-in) of the last two, the older first: ``before`` then ``last``."""
    shown = checkins[-2:]
    roles = ["last"] if len(shown) == 1 else ["before", "last"]
    return list(zip(roles, shown, strict=True))


def _values(checkin: dict) -> list[int]:
    return [int(checkin["ratings"][d]) for d in DIMENSIONS]


def _legend(role: str, checkin: dict) -> tuple[str, str]:
    day = format_day(date.fromisoformat(checkin["taken_on"]))
    return day, _("wellbeing.chart.legend_" + role, day=day)


def _anchor(x: float, centre_x: float) -> str:
    return "middle" if abs(x - centre_x) < 1 else ("start" if x > centre_x else "end")


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


# --- SVG ---------------------------------------------------------------------------------


def spider_svg(name: str, checkins: list[dict]) -> str:
    """The chart of the last (at most) two of ``checkins`` (oldest first)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{CENTRE_X}" y="34" font-size="22" text-anchor="middle">'
        f"{escape(_('wellbeing.chart.title', name=name))}</text>",
    ]
    for ring in range(2, 11, 2):
        ring_points = _points([ring] * len(DIMENSIONS))
        out.append(f'<polygon points="{ring_points}" fill="none" stroke="#cccccc"/>')
        x, y = point(0, ring)
        out.append(f'<text x="{x + 4}" y="{y + 4}" font-size="11" fill="#777777">{ring}</text>')
    for index, dim in enumerate(DIMENSIONS):
        x, y = point(index, 10)
        out.append(f'<line x1="{CENTRE_X}" y1="{CENTRE_Y}" x2="{x}" y2="{y}" stroke="#bbbbbb"/>')
        lx, ly = point(index, 11.8)
        out.append(f'<text x="{lx}" y="{ly + 5}" font-size="15" '
                   f'text-anchor="{_anchor(lx, CENTRE_X)}">'
                   f"{escape(_('wellbeing.dim.' + dim))}</text>")  # fmt: skip
    legend_y = SIZE + 20
    for role, checkin in _shown(checkins):
        values = _values(checkin)
        colour = COLOURS[role]
        if role == "last":
            style = f'fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-width="3"'
        else:
            style = f'fill="none" stroke="{colour}" stroke-width="3" stroke-dasharray="8 6"'
        out.append(f'<polygon class="checkin {role}" data-values="{",".join(map(str, values))}" '
                   f'points="{_points(values)}" {style}/>')  # fmt: skip
        for i, v in enumerate(values):
            x, y = point(i, v)
            out.append(f'<circle cx="{x}" cy="{y}" r="5" fill="{colour}"/>')
        day, label = _legend(role, checkin)
        dash = ' stroke-dasharray="8 6"' if role == "before" else ""
        out.append(f'<line x1="60" y1="{legend_y}" x2="110" y2="{legend_y}" stroke="{colour}" '
                   f'stroke-width="3"{dash}/>')  # fmt: skip
        out.append(f'<text x="120" y="{legend_y + 5}" font-size="14" data-day={quoteattr(day)}>'
                   f"{escape(label)}</text>")  # fmt: skip
        legend_y += 26
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- PNG ---------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _dashed(draw, points: list[tuple[float, float]], *, fill, width: int, dash: float,
            gap: float) -> None:  # fmt: skip
    """A dashed polyline whose pattern runs on across the corners (as SVG's does)."""
    on, left = True, dash
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                a, b = done / length, (done + step) / length
                start = (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a)
                end = (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)
                draw.line([start, end], fill=fill, width=width)
            done += step
            left -= step
            if left <= 1e-9:
                on = not on
                left = dash if on else gap


class _Fonts:
    """DejaVu Sans (the font the PDFs embed) in pixel sizes of the SVG, scaled. The basic
    layout (no libraqm): the same picture on every machine."""

    def __init__(self, scale: int) -> None:
        from voorzorg.paper.layout import font_file

        self.scale = scale
        self.data = font_file().read_bytes()
        self.cache: dict[int, object] = {}

    def __call__(self, size: float):
        import io

        from PIL import ImageFont

        pixels = max(1, round(size * self.scale))
        if pixels not in self.cache:
            self.cache[pixels] = ImageFont.truetype(
                io.BytesIO(self.data), pixels, layout_engine=ImageFont.Layout.BASIC
            )
        return self.cache[pixels]


def _fit(text: str, fonts: _Fonts, size: float, room: float, smallest: float = 12):
    """The font (as large as ``size``, not below ``smallest``) and the text, shortened with
    "…" if need be, so that it is at most ``room`` pixels wide."""
    font = fonts(size)
    while font.getlength(text) > room and size > smallest:
        size -= 1
        font = fonts(size)
    if font.getlength(text) > room:
        while text and font.getlength(text + "…") > room:
            text = text[:-1]
        text += "…"
    return font, text


def spider_png(name: str, checkins: list[dict], *, scale: int = PNG_SCALE) -> bytes:
    """The same chart as ``spider_svg``, as a PNG of ``scale`` times its size. A vertex of
    a check-in lies at ``point(i, value)`` times ``scale``, drawn as a dot of its colour."""
    import io

    from PIL import Image, ImageDraw

    s = scale
    fonts = _Fonts(s)
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), "white")
    draw = ImageDraw.Draw(image)

    def at(index: int, value: float) -> tuple[float, float]:
        x, y = point(index, value)
        return x * s, y * s

    title = _printable(_("wellbeing.chart.title", name=name))
    font, title = _fit(title, fonts, 22, (WIDTH - 40) * s)
    draw.text((CENTRE_X * s, 34 * s), title, fill="black", font=font, anchor="ms")
    for ring in range(2, 11, 2):
        corners = [at(i, ring) for i in range(len(DIMENSIONS))]
        draw.line([*corners, corners[0]], fill="#cccccc", width=s)
        x, y = at(0, ring)
        draw.text((x + 4 * s, y + 4 * s), str(ring), fill="#777777", font=fonts(11), anchor="ls")
    for index, dim in enumerate(DIMENSIONS):
        draw.line([(CENTRE_X * s, CENTRE_Y * s), at(index, 10)], fill="#bbbbbb", width=s)
        lx, ly = at(index, 11.8)
        anchor = _anchor(lx, CENTRE_X * s)
        room = {"middle": WIDTH * s, "start": WIDTH * s - lx, "end": lx}[anchor] - 4 * s
        font, label = _fit(_("wellbeing.dim." + dim), fonts, 15, room, smallest=10)
        draw.text((lx, ly + 5 * s), label, fill="black", font=font,
                  anchor={"middle": "ms", "start": "ls", "end": "rs"}[anchor])  # fmt: skip
    shown = _shown(checkins)
    for role, checkin in shown:
        if role == "last":  # the fill first, under every line and dot (fill-opacity 0.25)
            overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
            corners = [at(i, v) for i, v in enumerate(_values(checkin))]
            ImageDraw.Draw(overlay).polygon(corners, fill=(*_rgb(COLOURS[role]), 64))
            image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
            draw = ImageDraw.Draw(image)
    for role, checkin in shown:
        corners = [at(i, v) for i, v in enumerate(_values(checkin))]
        closed = [*corners, corners[0]]
        if role == "last":
            draw.line(closed, fill=COLOURS[role], width=3 * s, joint="curve")
        else:
            _dashed(draw, closed, fill=COLOURS[role], width=3 * s, dash=8 * s, gap=6 * s)
    for role, checkin in shown:
        for x, y in (at(i, v) for i, v in enumerate(_values(checkin))):
            draw.ellipse([x - 5 * s, y - 5 * s, x + 5 * s, y + 5 * s], fill=COLOURS[role])
    legend_y = SIZE + 20
    for role, checkin in shown:
        _day, label = _legend(role, checkin)
        line = [(60 * s, legend_y * s), (110 * s, legend_y * s)]
        if role == "before":
            _dashed(draw, line, fill=COLOURS[role], width=3 * s, dash=8 * s, gap=6 * s)
        else:
            draw.line(line, fill=COLOURS[role], width=3 * s)
        draw.text((120 * s, (legend_y + 5) * s), label, fill="black", font=fonts(14), anchor="ls")
        legend_y += 26
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------

PDF_RADIUS = 50  # millimetres, unless the title needs more room


def pdf_centre(sheet_width: float, top: float, radius: float) -> tuple[float, float]:
    """Where the web's centre lies on the PDF page when the labels start at ``top``."""
    return sheet_width / 2, top + radius * 1.14 + 8


def spider_pdf(name: str, checkins: list[dict], *, circle: str, today: date) -> bytes:
    """An A4 page for the conversation: the web, the legend, the ratings as a table (for
    whoever reads numbers more easily than a picture) and the source line. One page: a
    title long enough to need more room gets a smaller web."""
    from voorzorg.paper import layout

    for radius in (PDF_RADIUS, 44, 38, 32):
        sheet = _spider_sheet(name, checkins, circle=circle, today=today, radius=radius)
        if sheet.page == 1:
            break
    return layout.finish(sheet)


def _spider_sheet(name: str, checkins: list[dict], *, circle: str, today: date, radius: float):
    from voorzorg.paper import layout

    sheet = layout.new_sheet(
        circle=circle, today=today, title=_("wellbeing.chart.title", name=name),
        confidential=True,
    )  # fmt: skip
    centre = pdf_centre(sheet.w, sheet.get_y(), radius)

    def at(index: int, value: float) -> tuple[float, float]:
        return vertex(index, value, centre=centre, radius=radius)

    sheet.set_line_width(0.3)
    sheet.set_draw_color(204, 204, 204)
    sheet.set_text_color(119, 119, 119)
    sheet.set_font(layout.FONT, "", layout.SMALL)
    for ring in range(2, 11, 2):
        sheet.polygon([at(i, ring) for i in range(len(DIMENSIONS))], style="D")
        x, y = at(0, ring)
        sheet.text(x + 1.2, y + 1.6, str(ring))
    sheet.set_draw_color(187, 187, 187)
    sheet.set_text_color(0, 0, 0)
    for index, dim in enumerate(DIMENSIONS):
        sheet.line(*centre, *at(index, 10))
        _pdf_label(sheet, layout, _("wellbeing.dim." + dim), at(index, 11.4), centre)
    shown = _shown(checkins)
    for role, checkin in shown:
        corners = [at(i, v) for i, v in enumerate(_values(checkin))]
        sheet.set_draw_color(*_rgb(COLOURS[role]))
        sheet.set_line_width(0.9)
        if role == "last":
            sheet.set_fill_color(*_rgb(COLOURS[role]))
            with sheet.local_context(fill_opacity=0.25):
                sheet.polygon(corners, style="F")
            sheet.polygon(corners, style="D")
        else:
            sheet.set_dash_pattern(dash=2.6, gap=1.8)
            sheet.polygon(corners, style="D")
            sheet.set_dash_pattern()
    for role, checkin in shown:
        sheet.set_fill_color(*_rgb(COLOURS[role]))
        for x, y in (at(i, v) for i, v in enumerate(_values(checkin))):
            sheet.ellipse(x - 1.4, y - 1.4, 2.8, 2.8, style="F")
    sheet.set_fill_color(255, 255, 255)
    sheet.set_y(centre[1] + radius * 1.14 + 8)
    for role, checkin in shown:
        _day, label = _legend(role, checkin)
        y = sheet.get_y() + 3.5
        sheet.set_draw_color(*_rgb(COLOURS[role]))
        sheet.set_line_width(0.9)
        if role == "before":
            sheet.set_dash_pattern(dash=2.6, gap=1.8)
        sheet.line(sheet.l_margin, y, sheet.l_margin + 14, y)
        sheet.set_dash_pattern()
        sheet.set_x(sheet.l_margin + 18)
        sheet.set_font(layout.FONT, "", layout.BODY)
        sheet.cell(0, 7, label, new_x="LMARGIN", new_y="NEXT")
    sheet.set_draw_color(0, 0, 0)
    sheet.set_line_width(0.2)
    sheet.ln(1)
    layout.paragraph(sheet, _("wellbeing.chart.pdf_intro"), size=layout.SMALL)
    sheet.ln(2)
    header = [_("wellbeing.chart.col.dimension")]
    header += [format_day(date.fromisoformat(c["taken_on"]), short=True) for _r, c in shown]
    rows = [
        [_("wellbeing.dim." + dim)] + [str(_values(c)[i]) for _r, c in shown]
        for i, dim in enumerate(DIMENSIONS)
    ]
    widths = (84, 45, 45) if len(shown) == 2 else (124, 50)
    layout.table(sheet, header, rows, widths, size=layout.SMALL, padding=1)
    sheet.ln(2)
    layout.paragraph(sheet, _("wellbeing.chart.source"), size=layout.SMALL)
    return sheet


def _pdf_label(sheet, layout, text: str, where, centre) -> None:
    """A dimension's name beyond the end of its axis: centred above the top and below the
    bottom axis, wrapped into the room beside the web for the side axes (in bold, or in
    regular type or a point smaller when a word would not fit whole)."""
    x, y = where
    if abs(x - centre[0]) < 1:
        room = sheet.epw
    elif x > centre[0]:
        room = sheet.w - sheet.r_margin - x - 1
    else:
        room = x - 1 - sheet.l_margin
    for style, size in (("B", layout.SMALL), ("", layout.SMALL), ("", 11), ("", 10)):
        sheet.set_font(layout.FONT, style, size)
        if max(sheet.get_string_width(word) for word in text.split() or [""]) <= room - 1:
            break
    line = size * 0.5
    if abs(x - centre[0]) < 1:
        sheet.set_xy(sheet.l_margin, y - line - 1 if y < centre[1] else y + 1)
        sheet.multi_cell(room, line, text, align="C")
    elif x > centre[0]:
        sheet.set_xy(x + 1, y - line)
        sheet.multi_cell(room, line, text, align="L")
    else:
        sheet.set_xy(sheet.l_margin, y - line)
        sheet.multi_cell(room, line, text, align="R")
    sheet.set_font(layout.FONT, "", layout.BODY)


# --- for the CLI -------------------------------------------------------------------------


def member_chart(db, member_id: int, *, fmt: str, circle: str, today: date) -> bytes:
    """The chart of a member (their own check-ins) as ``fmt`` (.svg, .png or .pdf; the
    PDF's footer names ``circle`` and ``today``); refuses when there is none."""
    from voorzorg.domain.members import get_member

    member = get_member(db, member_id)
    name = member["name"]
    if member["restricted"]:  # Art. 18: kept, not processed further
        raise VoorzorgError("member.restricted", name=name)
    checkins = list_checkins(db, member_id)
    if not checkins:
        raise VoorzorgError("wellbeing.chart.need_one", name=name)
    if fmt == ".png":
        return spider_png(name, checkins)
    if fmt == ".pdf":
        return spider_pdf(name, checkins, circle=circle, today=today)
    return spider_svg(name, checkins).encode("utf-8")
