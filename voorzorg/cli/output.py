"""Printing: readable tables for people, stable JSON for scripts."""

from __future__ import annotations

import unicodedata

import click

from voorzorg.i18n import _


def echo_json(data) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def emit(data, as_json: bool, key: str, /, **params) -> None:
    """What a command did: ``data`` as JSON for scripts, else the message ``key`` for people."""
    if as_json:
        echo_json(data)
    else:
        click.echo(_(key, **params))


def _width(text: str) -> int:
    if text.isascii():
        return len(text)  # most cells; no per-character lookups
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("word.yes") if value else ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def echo_table(rows: list[dict], columns: list[tuple[str, str]], empty: str) -> None:
    """Print ``rows`` under translated headers; ``empty`` is a key shown when there are none."""
    if not rows:
        click.echo(_(empty))
        return
    headers = [_(label) for _key, label in columns]
    body = [[cell(row.get(key)) for key, _label in columns] for row in rows]
    # Each cell's width is measured once, for the column widths and for its padding.
    sized = [[(text, _width(text)) for text in row] for row in [headers, *body]]
    widths = [max(row[i][1] for row in sized) for i in range(len(columns))]
    lines = [
        "  ".join(
            text + " " * (w - size) for (text, size), w in zip(row, widths, strict=True)
        ).rstrip()
        for row in sized
    ]
    lines.insert(1, "  ".join("─" * w for w in widths))
    # One write: click.echo flushes (and asks isatty) on every call.
    click.echo("\n".join(lines))


def echo_fields(pairs: list[tuple[str, object]]) -> None:
    """Print ``label: value`` lines, labels translated and aligned."""
    labels = [_(label) for label, _value in pairs]
    width = max(_width(label) for label in labels) if labels else 0
    for label, (_key, value) in zip(labels, pairs, strict=True):
        text = cell(value)
        if text:
            click.echo(f"{_pad(label + ':', width + 1)} {text}")


def local_time(instant: str | None, timezone: str) -> str | None:
    """A stored UTC instant ("2026-11-27T08:51:46+00:00") as "vr 27 nov 2026, 09:51"."""
    from voorzorg.dates import show_instant

    return show_instant(instant, timezone)


def day_text(value, *, short: bool = False) -> str | None:
    """A date (or a stored "2026-12-03" / "2026-12-03 10:00") as "do 3 december 2026"."""
    from datetime import date

    from voorzorg.dates import format_day, show_stored

    if value is None or value == "":
        return None
    if isinstance(value, date):
        return format_day(value, short=short)
    return show_stored(str(value), short=short)


def note_year(text: str | None, day, today) -> None:
    """A date typed without a year that falls in another year than today's is said
    plainly ("3 mrt" typed in December is next March): on stderr, beside the echo."""
    if not text or day is None:
        return
    from voorzorg.dates import format_day, no_year_given

    if day.year != today.year and no_year_given(text):
        click.echo(_("date.other_year_note", day=format_day(day)), err=True)


YES_WORDS = frozenset({"j", "ja", "y", "yes", "jawel", "jazeker"})
NO_WORDS = frozenset({"n", "nee", "no", "neen"})


def confirm(question: str, *, default: bool = False) -> bool:
    """The one yes/no question of the CLI: j/ja or n/nee (y/yes, n/no in English).

    Enter alone takes ``default`` (no, unless said otherwise); anything else gets a
    short explanation in the user's language and the question again. At the end of
    the input (a script piping nothing), the answer is the default.
    """
    hint = _("word.yes_no_default_yes") if default else _("word.yes_no")
    while True:
        try:
            answer = click.prompt(f"{question} [{hint}]", default="", show_default=False,
                                  err=True)  # fmt: skip
        except click.Abort:
            click.echo("", err=True)
            return default
        answer = answer.strip().lower().rstrip(".!")
        if answer == "":
            return default
        if answer in YES_WORDS:
            return True
        if answer in NO_WORDS:
            return False
        click.echo(_("word.answer_yes_no"), err=True)


class Progress:
    """``[3/12] name`` lines on stderr for long work, so stdout stays clean for --json."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def __call__(self, number: int, total: int, what: str) -> None:
        if not self.quiet:
            click.echo(f"  [{number}/{total}] {what}", err=True)
