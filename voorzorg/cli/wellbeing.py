"""`voorzorg wellbeing`: record a check-in, show a member's own history, draw the chart."""

from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, circle_today, group, json_option, option, pass_app
from voorzorg.cli.output import day_text, echo_json
from voorzorg.i18n import _

# Option names, in the order asked.
RATING_OPTIONS = ("body", "mental", "meaning", "quality", "participation", "daily")
ITEM_OPTIONS = ("emptiness", "lean_on", "trust", "miss_people", "close", "rejected")


@group("wellbeing", help="help.wellbeing")
def wellbeing() -> None:
    pass


def _interval(app) -> int:
    from voorzorg.domain.wellbeing import DEFAULT_INTERVAL_MONTHS

    table = app.config.data.get("privacy") or {}
    return int(table.get("wellbeing_interval_months", DEFAULT_INTERVAL_MONTHS))


_REFUSE = object()


def _ask(question: str, parse, what: str, *, at_end=_REFUSE):
    """Ask until ``parse`` accepts the answer; at the end of the input, refuse clearly
    (or give ``at_end`` when the question may stay unanswered)."""
    from voorzorg.errors import VoorzorgError

    while True:
        try:
            text = click.prompt(question, default="", show_default=False, err=True)
        except click.Abort:
            click.echo("", err=True)
            if at_end is not _REFUSE:
                return at_end
            raise VoorzorgError("wellbeing.missing", what=what) from None
        try:
            return parse(text)
        except VoorzorgError as error:
            click.echo(error.message, err=True)


def _with_options(function):
    for name in reversed(ITEM_OPTIONS):
        function = option(f"--{name.replace('_', '-')}", f"lon_{name}", metavar="ANTWOORD",
                          help="opt.wellbeing.item")(function)  # fmt: skip
    for name in reversed(RATING_OPTIONS):
        function = option(f"--{name}", name, metavar="0-10", help="opt.wellbeing.rating")(function)
    return function


@wellbeing.command("record", help="help.wellbeing.record")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@_with_options
@option("--note", metavar="TEXT", help="opt.wellbeing.note")
@option("--on", "on", metavar="DATE", help="opt.wellbeing.on")
@option("--recorded-by", metavar="NAME", help="opt.recorded_by")
@option("--yes", is_flag=True, help="opt.wellbeing.yes")
@json_option
@pass_app
def record(app, circle_id, member_ref, note, on, recorded_by, yes, as_json, **values) -> None:
    from voorzorg.cli.base import recorder
    from voorzorg.cli.output import confirm
    from voorzorg.dates import parse_date
    from voorzorg.domain.members import resolve_member
    from voorzorg.domain.wellbeing import (
        DIMENSIONS,
        ITEMS,
        NOTE_MAX,
        check_day,
        parse_answer,
        parse_rating,
        record_checkin,
        require_consent,
        score_loneliness,
    )
    from voorzorg.text import clean_line

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    member = require_consent(db, member_id)  # refuse before asking anything
    today = circle_today(entry)
    day = parse_date(on, today=today, past=True) if on else today
    # Refuse an impossible day (future, before joining or the consent, too soon after
    # another check-in) and a bad note before anything is asked or echoed.
    check_day(db, member, day, today=today, timezone=entry.timezone, interval_months=_interval(app))
    if note is not None:
        note = clean_line(note, field="note", max_length=NOTE_MAX) or None
    asked = False
    ratings: dict[str, int] = {}
    for dim in DIMENSIONS:
        if values[dim] is not None:
            ratings[dim] = parse_rating(values[dim], dimension=_("wellbeing.dim." + dim))
            continue
        if not asked:
            click.echo(_("wellbeing.prompt.intro", name=member["name"]), err=True)
            asked = True
        question = _("wellbeing.prompt.rating", dimension=_("wellbeing.dim." + dim),
                     hint=_("wellbeing.dim." + dim + ".hint"))  # fmt: skip
        label = _("wellbeing.dim." + dim)
        ratings[dim] = _ask(question, lambda t, label=label: parse_rating(t, dimension=label),
                            label)  # fmt: skip
    answers: dict[str, str | None] = {}
    items_intro = False
    for n, item in enumerate(ITEMS, start=1):
        given = values["lon_" + item]
        statement = _("wellbeing.lon." + item)
        if given is not None:
            answers[item] = parse_answer(given, item=statement)
            continue
        if not items_intro:
            click.echo(_("wellbeing.prompt.items"), err=True)
            items_intro = asked = True
        answers[item] = _ask(_("wellbeing.prompt.item", n=n, item=statement),
                             lambda t, s=statement: parse_answer(t, item=s), statement)  # fmt: skip
    if note is None and asked:
        note = _ask(_("wellbeing.prompt.note"),
                    lambda t: clean_line(t, field="note", max_length=NOTE_MAX) or None,
                    _("wellbeing.col.note"), at_end=None)  # fmt: skip
    if not as_json:
        click.echo(_("wellbeing.understood", name=member["name"], day=day_text(day)))
        for line in summary_lines(ratings, answers, score_loneliness(answers), note):
            click.echo("  " + line)
    if asked and not yes and not confirm(_("wellbeing.confirm")):
        click.echo(_("wellbeing.not_recorded"))
        raise SystemExit(1)
    stored = record_checkin(
        db, member_id, ratings=ratings, loneliness=answers, note=note, taken_on=day,
        today=today, timezone=entry.timezone, interval_months=_interval(app),
        recorded_by=recorder(app, recorded_by),
    )  # fmt: skip
    if as_json:
        echo_json(stored)
    else:
        click.echo(_("wellbeing.recorded"))


def summary_lines(ratings: dict, answers: dict, scores: dict, note: str | None) -> list[str]:
    """What a check-in says, one line per value, in the user's language."""
    from voorzorg.domain.wellbeing import DIMENSIONS, ITEMS, loneliness_text

    lines = [f"{_('wellbeing.dim.' + d)}: {ratings[d]}" for d in DIMENSIONS]
    for n, item in enumerate(ITEMS, start=1):
        answer = _("wellbeing.answer." + (answers[item] or "none"))
        lines.append(f"{n}. {_('wellbeing.lon.' + item)} {answer}")

    def part(value):
        return _("wellbeing.unknown_part") if value is None else value

    lines.append(_("wellbeing.loneliness_line", text=loneliness_text(scores),
                   emotional=part(scores["emotional"]), social=part(scores["social"])))  # fmt: skip
    if note:
        lines.append(f"{_('wellbeing.col.note')}: {note}")
    return lines


@wellbeing.command("show", help="help.wellbeing.show")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@json_option
@pass_app
def show(app, circle_id, member_ref, as_json) -> None:
    from voorzorg.domain.members import get_member, resolve_member
    from voorzorg.domain.wellbeing import list_checkins

    _entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref), include_left=True)
    name = get_member(db, member_id)["name"]
    checkins = list_checkins(db, member_id)
    if as_json:
        echo_json(checkins)
        return
    if not checkins:
        click.echo(_("wellbeing.none", name=name))
        return
    click.echo(_("wellbeing.history", name=name))
    for checkin in reversed(checkins):  # the newest first
        click.echo("")
        click.echo(day_text(checkin["taken_on"]))
        for line in summary_lines(checkin["ratings"], checkin["loneliness"], checkin["scores"],
                                  checkin["note"]):  # fmt: skip
            click.echo("  " + line)
    click.echo("")
    click.echo(_("wellbeing.source"))


@wellbeing.command("delete", help="help.wellbeing.delete")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--on", "on", metavar="DATE", required=True, help="opt.wellbeing.delete_on")
@option("--recorded-by", metavar="NAME", help="opt.wellbeing.delete_by")
@option("--yes", is_flag=True, help="opt.wellbeing.delete_yes")
@json_option
@pass_app
def delete(app, circle_id, member_ref, on, recorded_by, yes, as_json) -> None:
    from voorzorg.cli.base import recorder
    from voorzorg.cli.output import confirm
    from voorzorg.dates import parse_date
    from voorzorg.domain.members import get_member, resolve_member
    from voorzorg.domain.wellbeing import delete_checkin, list_checkins
    from voorzorg.errors import VoorzorgError

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref), include_left=True)
    name = get_member(db, member_id)["name"]
    day = parse_date(on, today=circle_today(entry), past=True)
    if not any(c["taken_on"] == day.isoformat() for c in list_checkins(db, member_id)):
        raise VoorzorgError("wellbeing.delete.none_on", name=name, day=day_text(day))
    if not as_json:
        click.echo(_("wellbeing.delete.understood", name=name, day=day_text(day)))
    if not yes and not confirm(_("wellbeing.delete.confirm")):
        click.echo(_("wellbeing.delete.not_done"))
        raise SystemExit(1)
    info = delete_checkin(db, member_id, day, changed_by=recorder(app, recorded_by))
    if as_json:
        echo_json(info)
        return
    click.echo(_("wellbeing.delete.done"))
    if not info["compacted"]:
        click.echo(_("privacy.compact_busy"), err=True)


@wellbeing.command("chart", help="help.wellbeing.chart")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--out", "out", metavar="FILE", required=True, help="opt.wellbeing.out")
@pass_app
def chart(app, circle_id, member_ref, out) -> None:
    from pathlib import Path

    from voorzorg.deploy.config import atomic_write
    from voorzorg.domain.members import resolve_member
    from voorzorg.errors import VoorzorgError
    from voorzorg.paper.spider import FORMATS, member_chart

    path = Path(out)
    fmt = path.suffix.lower()
    if fmt not in FORMATS or path.is_dir():
        raise VoorzorgError("wellbeing.chart.bad_suffix", path=str(path))
    if not path.parent.is_dir():
        raise VoorzorgError("paper.no_folder", path=str(path.parent))
    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref), include_left=True)
    content = member_chart(db, member_id, fmt=fmt, circle=entry.name, today=circle_today(entry))
    # Health data of one person: readable by you only; whole or not at all.
    atomic_write(path, content, mode=0o600)
    click.echo(_("wellbeing.chart.written", path=str(path)))
