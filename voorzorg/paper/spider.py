"""The spider-web chart of a member's last two wellbeing check-ins (SVG, A4-printable).

Our own small drawing (no library): six axes for the six dimensions of Positive Health,
rings at 0, 2, ..., 10, the last check-in as a filled polygon and the one before as a
dashed outline, a legend with the Dutch dates. It shows only the six ratings: never the
loneliness answers or the note. Every text is escaped; each polygon carries its values
in ``data-values`` (for tests and for anyone reading the file).
"""

from __future__ import annotations

import math
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from voorzorg.dates import format_day
from voorzorg.domain.wellbeing import DIMENSIONS, list_checkins
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _

SIZE = 640
CENTRE = SIZE / 2
RADIUS = 200
COLOURS = {"last": "#1f6f8b", "before": "#9a6b00"}


def point(index: int, value: float) -> tuple[float, float]:
    """Where ``value`` (0-10) lies on axis ``index`` (0 at the top, clockwise)."""
    angle = -math.pi / 2 + index * 2 * math.pi / len(DIMENSIONS)
    r = RADIUS * value / 10
    return round(CENTRE + r * math.cos(angle), 2), round(CENTRE + r * math.sin(angle), 2)


def _points(values: list[int]) -> str:
    return " ".join(f"{x},{y}" for x, y in (point(i, v) for i, v in enumerate(values)))


def spider_svg(name: str, checkins: list[dict]) -> str:
    """The chart of the last (at most) two of ``checkins`` (oldest first)."""
    shown = checkins[-2:]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE + 80}" '
        f'viewBox="0 0 {SIZE} {SIZE + 80}" font-family="DejaVu Sans, Arial, sans-serif">',
        f'<rect width="{SIZE}" height="{SIZE + 80}" fill="#ffffff"/>',
        f'<text x="{CENTRE}" y="34" font-size="22" text-anchor="middle">'
        f"{escape(_('wellbeing.chart.title', name=name))}</text>",
    ]
    for ring in range(2, 11, 2):
        ring_points = _points([ring] * len(DIMENSIONS))
        out.append(f'<polygon points="{ring_points}" fill="none" stroke="#cccccc"/>')
        x, y = point(0, ring)
        out.append(f'<text x="{x + 4}" y="{y + 4}" font-size="11" fill="#777777">{ring}</text>')
    for index, dim in enumerate(DIMENSIONS):
        x, y = point(index, 10)
        out.append(f'<line x1="{CENTRE}" y1="{CENTRE}" x2="{x}" y2="{y}" stroke="#bbbbbb"/>')
        lx, ly = point(index, 11.8)
        anchor = "middle" if abs(lx - CENTRE) < 1 else ("start" if lx > CENTRE else "end")
        out.append(f'<text x="{lx}" y="{ly + 5}" font-size="15" text-anchor="{anchor}">'
                   f"{escape(_('wellbeing.dim.' + dim))}</text>")  # fmt: skip
    roles = ["last"] if len(shown) == 1 else ["before", "last"]
    legend_y = SIZE + 20
    for role, checkin in zip(roles, shown, strict=True):
        values = [checkin["ratings"][d] for d in DIMENSIONS]
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
        day = format_day(date.fromisoformat(checkin["taken_on"]))
        label = _("wellbeing.chart.legend_" + role, day=day)
        dash = ' stroke-dasharray="8 6"' if role == "before" else ""
        out.append(f'<line x1="60" y1="{legend_y}" x2="110" y2="{legend_y}" stroke="{colour}" '
                   f'stroke-width="3"{dash}/>')  # fmt: skip
        out.append(f'<text x="120" y="{legend_y + 5}" font-size="14" data-day={quoteattr(day)}>'
                   f"{escape(label)}</text>")  # fmt: skip
        legend_y += 26
    out.append("</svg>")
    return "\n".join(out) + "\n"


def member_chart(db, member_id: int) -> str:
    """The chart for a member (their own check-ins); refuses when there is none."""
    from voorzorg.domain.members import get_member

    name = get_member(db, member_id)["name"]
    checkins = list_checkins(db, member_id)
    if not checkins:
        raise VoorzorgError("wellbeing.chart.need_one", name=name)
    return spider_svg(name, checkins)
