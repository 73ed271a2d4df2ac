"""Wellbeing on paper: the spider web as PNG (pixels checked at the computed vertices) and
as an A4 PDF page, the printed form in the order `wellbeing record` asks, its download
in `serve`, and the retention period of check-ins applied by `voorzorg purge`."""

from __future__ import annotations

import io
import re
import stat
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voorzorg import clock
from voorzorg.domain.wellbeing import DIMENSIONS, ITEMS, record_checkin
from voorzorg.storage import store

CIRCLE = "zorgsaam"
NOTE = "Geheim: mist haar zus"
# The oldest check-in (not drawn), the one before and the last: every axis differs
# between the last two, so each vertex shows one series' colour.
OLDEST = {"body": 10, "mental": 10, "meaning": 10, "quality": 10, "participation": 10,
          "daily": 10}  # fmt: skip
BEFORE = {"body": 3, "mental": 7, "meaning": 8, "quality": 2, "participation": 4, "daily": 9}
LAST = {"body": 8, "mental": 5, "meaning": 6, "quality": 6, "participation": 1, "daily": 7}
LONELY = dict(zip(ITEMS, ("yes", "no", "no", "yes", "no", "yes"), strict=True))
LAST_COLOUR, BEFORE_COLOUR = (0x1F, 0x6F, 0x8B), (0x9A, 0x6B, 0x00)


def _ok(result):
    assert result.code == 0, (result.out, result.err)
    return result


def text_of(pdf: Path | bytes) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                          check=True)  # fmt: skip
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


def near(rgb, want, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, want, strict=True))


def _members(cli) -> None:
    # Joined (and consented) before the oldest check-in the tests record.
    with clock.frozen(datetime(2019, 6, 3, 10, tzinfo=UTC)):
        _ok(cli("member", "add", "Zoë Ëlberg-Øster", "--consent", "wellbeing"))
        _ok(cli("member", "add", "Jan Smit"))
        _ok(cli("member", "add", "Rita Beperkt", "--consent", "wellbeing"))
    _ok(cli("member", "restrict", "Rita Beperkt"))


def _checkins(deployment: Path, days_and_ratings, *, interval: int = 6) -> None:
    db = store.open_circle(deployment / "data" / f"{CIRCLE}.db")
    try:
        for day, ratings in days_and_ratings:
            record_checkin(db, 1, ratings=ratings, loneliness=LONELY, note=NOTE, taken_on=day,
                           today=day, interval_months=interval)  # fmt: skip
    finally:
        db.close()


@pytest.fixture
def charted(circle, cli):
    _members(cli)
    _checkins(circle, [(date(2025, 1, 6), OLDEST), (date(2025, 7, 7), BEFORE),
                       (date(2026, 1, 12), LAST)])  # fmt: skip
    return circle


def check_vertices(image, scale: int, *, last=LAST, before=BEFORE) -> None:
    """Each vertex of both series has its series' colour; the area inside the last
    check-in is tinted with its colour; outside the web the page is white."""
    from voorzorg.paper.spider import point

    assert image.getpixel((3, image.height // 2)) == (255, 255, 255)

    def pixel(index, value):
        x, y = point(index, value)
        return image.getpixel((round(x * scale), round(y * scale)))

    for index, dim in enumerate(DIMENSIONS):
        assert near(pixel(index, last[dim]), LAST_COLOUR), (dim, pixel(index, last[dim]))
        if before is not None:
            assert near(pixel(index, before[dim]), BEFORE_COLOUR), dim
    # Inside the last polygon, between two axes: white mixed with a quarter of its colour
    # (a ring line may cross there, so look at a few pixels around the spot).
    from voorzorg.paper.spider import CENTRE_X, CENTRE_Y

    if min(last["body"], last["mental"]) < 3:
        return  # too small a triangle to find its inside away from the lines
    (ax, ay), (bx, by) = point(0, last["body"]), point(1, last["mental"])
    cx, cy = (CENTRE_X + ax + bx) / 3 * scale, (CENTRE_Y + ay + by) / 3 * scale
    tint = tuple(round(255 * 0.75 + c * 0.25) for c in LAST_COLOUR)
    spots = [image.getpixel((round(cx) + dx, round(cy) + dy))
             for dx in range(-3, 4) for dy in range(-3, 4)]  # fmt: skip
    assert any(near(s, tint, 6) for s in spots), spots[:5]


def test_png_chart_draws_the_last_two_check_ins_at_their_vertices(charted, cli, tmp_path):
    from PIL import Image, ImageStat

    from voorzorg.paper.spider import HEIGHT, PNG_SCALE, WIDTH, point

    out = tmp_path / "zoë.PNG"
    done = _ok(cli("wellbeing", "chart", "-c", CIRCLE, "Zoë", "--out", out))
    assert str(out) in done.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert b"Geheim" not in data and b"zus" not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == (WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE)
    image = image.convert("RGB")
    assert ImageStat.Stat(image.convert("L")).var[0] > 50  # not blank
    check_vertices(image, PNG_SCALE)
    # The oldest check-in is not drawn: where its vertices would be, no series colour.
    x, y = point(0, OLDEST["body"])
    oldest = image.getpixel((round(x * PNG_SCALE), round(y * PNG_SCALE)))
    assert not near(oldest, LAST_COLOUR, 40) and not near(oldest, BEFORE_COLOUR, 40)
    # The same picture as the SVG: the SVG's canvas, its polygons at the same points.
    svg = tmp_path / "zoe.svg"
    _ok(cli("wellbeing", "chart", "-c", CIRCLE, "Zoë", "--out", svg))
    assert f'width="{WIDTH}" height="{HEIGHT}"' in svg.read_text(encoding="utf-8")


@settings(max_examples=25, deadline=None)
@given(
    st.text(min_size=1, max_size=60),
    st.lists(st.integers(0, 10), min_size=6, max_size=6),
)
def test_png_chart_for_any_name_and_any_ratings(name, values):
    from PIL import Image

    from voorzorg.paper.spider import spider_png

    name = "".join(c for c in name if c.isprintable()) or "x"  # as stored (one clean line)

    last = dict(zip(DIMENSIONS, values, strict=True))
    # Differs on every axis and is never 0 (where all the last's zero dots would cover it).
    before = {d: v % 10 + 1 for d, v in last.items()}
    checkins = [{"taken_on": "2025-07-07", "ratings": before},
                {"taken_on": "2026-01-12", "ratings": last}]  # fmt: skip
    image = Image.open(io.BytesIO(spider_png(name, checkins, scale=1)))
    assert image.format == "PNG"
    check_vertices(image.convert("RGB"), 1, last=last, before=before)
    # With one check-in only that one is drawn.
    image = Image.open(io.BytesIO(spider_png(name, checkins[1:], scale=1))).convert("RGB")
    check_vertices(image, 1, last=last, before=None)
    colours = {c for _n, c in image.getcolors(maxcolors=1_000_000)}
    assert not any(near(c, BEFORE_COLOUR, 20) for c in colours)


@settings(max_examples=8, deadline=None)
@given(st.text(min_size=1, max_size=100))
def test_pdf_chart_and_named_form_for_any_name_stay_whole(name):
    from voorzorg.paper.documents import wellbeing_form
    from voorzorg.paper.spider import spider_pdf

    name = "".join(c for c in name if c.isprintable()).strip() or "x"
    checkins = [{"taken_on": "2025-07-07", "ratings": BEFORE},
                {"taken_on": "2026-01-12", "ratings": LAST}]  # fmt: skip
    chart = spider_pdf(name, checkins, circle="ZorgSaam", today=date(2026, 1, 12))
    form = wellbeing_form(circle="ZorgSaam", today=date(2026, 1, 12), name=name,
                          day=date(2026, 1, 13))  # fmt: skip
    for pdf, pages in ((chart, 1), (form, 2)):
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
        assert re.search(rb"Pages:\s+%d\n" % pages, info.stdout), info.stdout
    assert "pagina 1 van 1" in text_of(chart) and "ma 12 jan 2026" in flat(text_of(chart))


def test_pdf_chart_is_one_confidential_a4_page_with_ratings_and_dates_only(charted, cli, tmp_path):
    from PIL import Image

    out = tmp_path / "zoe.pdf"
    _ok(cli("wellbeing", "chart", "-c", CIRCLE, "Zoë", "--out", out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = flat(text_of(out))
    assert "Welbevinden van Zoë Ëlberg-Øster" in text
    assert "ZorgSaam" in text and "vertrouwelijk" in text and "pagina 1 van 1" in text
    assert "gesprek daarvoor (ma 7 juli 2025)" in text
    assert "laatste gesprek (ma 12 januari 2026)" in text
    assert "Onderwerp ma 7 jul 2025 ma 12 jan 2026" in text
    for dim, label in zip(DIMENSIONS, ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving",
                                       "Kwaliteit van leven", "Meedoen",
                                       "Dagelijks functioneren"], strict=True):  # fmt: skip
        assert f"{label} {BEFORE[dim]} {LAST[dim]}" in text, label
    assert "Positieve Gezondheid (Huber, 2011)" in text  # the source line
    assert "6 jan" not in text and "2025-01-06" not in text  # the oldest is left out
    for never in ("Geheim", "zus", "leegte", "eenzaam", "min of meer", "afwijzen"):
        assert never not in text, never  # no note, no loneliness statements or answers
    page = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(out), str(page)],
                   check=True)  # fmt: skip
    colours = Image.open(f"{page}.png").convert("RGB").getcolors(maxcolors=1_000_000)
    assert any(near(c, LAST_COLOUR, 20) for _n, c in colours)
    assert any(near(c, BEFORE_COLOUR, 20) for _n, c in colours)
    english = tmp_path / "zoe-en.pdf"
    _ok(cli("--lang", "en", "wellbeing", "chart", "-c", CIRCLE, "Zoë", "--out", english))
    assert "Wellbeing of Zoë" in text_of(english) and "confidential" in text_of(english)


@pytest.mark.parametrize("name", ["x.txt", "x.svg.bak", "x", "nergens/x.png"])
def test_chart_refuses_other_files_in_dutch_and_writes_nothing(charted, cli, tmp_path, name):
    folder = tmp_path / "out"
    folder.mkdir()
    result = cli("wellbeing", "chart", "-c", CIRCLE, "Zoë", "--out", folder / name)
    assert result.code == 1 and "Traceback" not in result.err
    assert ".png" in result.err or "bestaat niet" in result.err
    assert list(folder.iterdir()) == []


# --- the printed form ------------------------------------------------------------------


def _labels() -> list[str]:
    from voorzorg.i18n import _

    return [_("wellbeing.dim." + d) for d in DIMENSIONS] + [
        _("wellbeing.lon." + i) for i in ITEMS
    ] + ["Notitie"]  # fmt: skip


def _order(text: str, labels: list[str]) -> list[str]:
    text = flat(text)
    for label in labels:
        assert text.count(label) >= 1, label
    return sorted(labels, key=text.index)


def test_blank_form_asks_in_the_order_record_prompts(charted, cli, tmp_path):
    done = _ok(cli("print", "wellbeing-form", "-c", CIRCLE, cwd=tmp_path))
    pdf = tmp_path / "welbevinden-formulier-zorgsaam.pdf"
    assert str(pdf) in done.out
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o644  # blank: no personal data
    raw = text_of(pdf)
    text = flat(raw)
    for words in ("Hoe gaat het met u?", "Welbevinden – ZorgSaam", "toestemming 'welbevinden'",
                  "stoppen kan altijd", "hoe uw lichaam het doet: fit zijn, slapen, pijn",
                  "0 1 2 3 4 5 6 7 8 9 10", "ja min of meer nee", "blijft in de cirkel",
                  "Huber, 2011", "De Jong Gierveld & Van Tilburg (2006)",
                  "voorzorg wellbeing record", "vertrouwelijk", "Naam:",
                  "Datum van het gesprek:"):  # fmt: skip
        assert words in text, words
    assert text.count("0 1 2 3 4 5 6 7 8 9 10") == 6
    assert text.count("ja min of meer nee") == 6
    # The prompts of `wellbeing record`, typed one by one, come in the form's order.
    typed = "\n".join(["5"] * 6 + ["nee"] * 6 + ["", "nee"]) + "\n"
    with clock.frozen(datetime(2026, 9, 1, 10, tzinfo=UTC)):
        asked = cli("wellbeing", "record", "-c", CIRCLE, "Zoë", input=typed)
    assert "Niet vastgelegd." in asked.out
    assert _order(raw, _labels()) == _order(asked.err, _labels()) == _labels()
    numbered = [f"{n}. {label}" for n, label in enumerate(_labels()[6:12], start=1)]
    assert _order(raw, numbered) == _order(asked.err, numbered) == numbered
    # The hint in the help of `wellbeing record`.
    helped = _ok(cli("wellbeing", "record", "--help"))
    assert "voorzorg print wellbeing-form" in flat(helped.out)


def test_named_form_only_for_a_member_with_the_consent(charted, cli, tmp_path):
    with clock.frozen(datetime(2026, 2, 1, 10, tzinfo=UTC)):
        done = _ok(cli("print", "wellbeing-form", "-c", CIRCLE, "Zoë", "--on", "3-2",
                       cwd=tmp_path))  # fmt: skip
    pdf = tmp_path / "welbevinden-formulier-zorgsaam-1.pdf"
    assert str(pdf) in done.out and "Vertrouwelijk" in done.out
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    text = flat(text_of(pdf))
    assert "Naam: Zoë Ëlberg-Øster" in text
    assert "Datum van het gesprek: di 3 februari 2026" in text
    for never in (NOTE, "Geheim", "Jan Smit", "Rita"):
        assert never not in text  # nothing recorded and nobody else is on it
    refusals = [
        (("Jan Smit",), "geen toestemming voor welbevinden"),
        (("Rita Beperkt",), "beperkt"),
        (("--on", "morgen"), "--on"),
        (("Niemand Bekend",), "Niemand Bekend"),
        (("Zoë", "--out", "nergens/f.pdf"), "bestaat niet"),
        (("Zoë", "--out", "f.txt"), ".pdf"),
    ]
    for args, message in refusals:
        result = cli("print", "wellbeing-form", "-c", CIRCLE, *args, cwd=tmp_path)
        assert result.code == 1 and message in result.err, (args, result.err)
        assert "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [pdf.name]
    english = _ok(cli("--lang", "en", "print", "wellbeing-form", "-c", CIRCLE,
                      "--out", tmp_path / "en.pdf"))  # fmt: skip
    assert "en.pdf" in english.out
    text = flat(text_of(tmp_path / "en.pdf"))
    assert "How are you doing?" in text and "yes more or less no" in text


def test_restricted_member_gets_no_new_check_in(charted, cli):
    args = [f"--{d}" for d in ("body", "mental", "meaning", "quality", "participation",
                               "daily")]  # fmt: skip
    flags = [x for a in args for x in (a, "5")]
    flags += [x for i in ("emptiness", "lean-on", "trust", "miss-people", "close", "rejected")
              for x in (f"--{i}", "nee")]  # fmt: skip
    result = cli("wellbeing", "record", "-c", CIRCLE, "Rita Beperkt", *flags)
    assert result.code == 1 and "beperkt" in result.err


# --- retention ---------------------------------------------------------------------------


def _dates(deployment: Path) -> list[str]:
    db = store.open_circle(deployment / "data" / f"{CIRCLE}.db")
    try:
        rows = db.execute("SELECT taken_on FROM wellbeing_checkins ORDER BY taken_on")
        return [r[0] for r in rows.fetchall()]
    finally:
        db.close()


def test_purge_deletes_check_ins_older_than_the_retention_period(circle, cli):
    _members(cli)
    _checkins(circle, [(date(2020, 1, 6), BEFORE), (date(2021, 2, 9), BEFORE),
                       (date(2021, 2, 10), LAST), (date(2025, 6, 2), LAST)],
              interval=0)  # fmt: skip
    config = circle / "config.toml"
    with clock.frozen(datetime(2026, 2, 10, 10, tzinfo=UTC)):
        dry = _ok(cli("purge", "--dry-run", "--json")).json
        assert dry["policy"]["wellbeing_months"] == 60
        assert dry["circles"][CIRCLE]["wellbeing"] == 2  # taken before 10 February 2021
        assert len(_dates(circle)) == 4  # a dry run deletes nothing
        done = _ok(cli("purge"))
        assert "2 welbevinden-gesprekken ouder dan 60 maanden verwijderd" in done.out
        assert "Zoë" not in done.out
        assert _dates(circle) == ["2021-02-10", "2025-06-02"]
        config.write_text(config.read_text() + "\n[privacy]\nwellbeing_months = 12\n")
        assert _ok(cli("purge", "--json")).json["circles"][CIRCLE]["wellbeing"] == 1
        assert _dates(circle) == ["2025-06-02"]
        register = flat(_ok(cli("register")).out)
        config.write_text(config.read_text().replace("wellbeing_months = 12",
                                                      "wellbeing_months = 0"))  # fmt: skip
        assert _ok(cli("purge", "--json")).json["circles"][CIRCLE]["wellbeing"] == 0
        assert _dates(circle) == ["2025-06-02"]
    assert "welbevinden-gesprekken (gerekend vanaf de datum van het gesprek): 12 maanden" in (
        register
    )
    assert "art. 9 lid 2a" in register and "Ontvangers: geen" in register
    for bad in ("601", "-1", '"vijf jaar"'):
        config.write_text(re.sub(r"wellbeing_months = \S+", f"wellbeing_months = {bad}",
                                 config.read_text()))  # fmt: skip
        refused = cli("purge", "--dry-run")
        assert refused.code != 0 and "wellbeing_months" in refused.err, refused.err


# --- the download in serve ---------------------------------------------------------------


def test_form_download_for_a_coordinator_of_that_circle_only(circle, cli):
    from tests.serving import PASSWORD, Server, voorzorg

    _ok(cli("circle", "add", "samenspel", "--name", "SamenSpel"))
    config = circle / "config.toml"
    for args in (("coord-a", "--coordinator", CIRCLE), ("coord-b", "--coordinator", "samenspel"),
                 ("welfare", "--welfare"), ("operator", "--operator")):  # fmt: skip
        made = voorzorg(config, "user", "add", *args, "--password-stdin", input=PASSWORD + "\n")
        assert made.returncode == 0, made.stderr
    server = Server(config, circle / "serve.log")
    try:
        path = f"/{CIRCLE}/-/afdrukken/welbevinden-formulier.pdf"
        response = server.login("coord-a").get(path)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        assert "no-store" in response.headers["cache-control"]
        text = flat(text_of(response.content))
        assert "Welbevinden – ZorgSaam" in text and "Naam:" in text
        assert text.count("0 1 2 3 4 5 6 7 8 9 10") == 6
        assert server.login("coord-b").get(path).status_code == 403
        assert server.login("welfare").get(path).status_code == 403
        assert server.login("operator").get(path).status_code == 403
        anonymous = server.client().get(path)
        assert anonymous.status_code == 302
        assert anonymous.headers["location"].startswith("/-/login")
    finally:
        server.stop()
