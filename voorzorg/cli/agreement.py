from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, circle_today, group, json_option, option, pass_app
from voorzorg.cli.output import echo_json, echo_table, emit
from voorzorg.i18n import _


@group("agreement", help="help.agreement")
def agreement() -> None:
    pass


def _print(rows, as_json) -> None:
    from voorzorg.categories import label

    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["category_label"] = label(row["category"])
        row["period"] = _period(row)
    echo_table(
        rows,
        [
            ("id", "col.id"),
            ("helper_name", "col.helper"),
            ("for_name", "col.for"),
            ("category_label", "col.category"),
            ("period", "col.period"),
            ("note", "col.note"),
        ],
        empty="agreement.none_found",
    )


def _period(row) -> str:
    end = row["ended_on"] or row["valid_until"]
    from voorzorg.cli.output import day_text

    text = _("agreement.period", start=day_text(row["valid_from"], short=True),
             end=day_text(end, short=True) if end else "…")  # fmt: skip
    if row["ended_on"]:
        text += " " + _("agreement.ended_mark")
    return text


@agreement.command("add", help="help.agreement.add")
@circle_option
@option("--helper", "helper", required=True, metavar="MEMBER", help="opt.helper")
@option("--for", "for_member", required=True, metavar="MEMBER", help="opt.for")
@option("--category", required=True, metavar="CAT", help="opt.category")
@option("--note", metavar="TEXT", help="opt.agreement_note")
@option("--from", "valid_from", metavar="DATE", help="opt.valid_from")
@option("--until", "valid_until", metavar="DATE", help="opt.valid_until")
@json_option
@pass_app
def add(app, circle_id, helper, for_member, category, note, valid_from, valid_until, as_json):
    from voorzorg.categories import parse_category
    from voorzorg.dates import parse_date
    from voorzorg.domain.agreements import add_agreement
    from voorzorg.domain.members import resolve_member

    code = parse_category(category)
    entry, db = app.open_circle(circle_id)
    start = parse_date(valid_from, today=circle_today(entry)) if valid_from else None
    until = parse_date(valid_until, today=circle_today(entry)) if valid_until else None
    result = add_agreement(
        db,
        helper_id=resolve_member(db, helper),
        for_id=resolve_member(db, for_member),
        category=code,
        note=note,
        valid_from=start,
        valid_until=until,
        today=circle_today(entry),
    )
    emit(
        result,
        as_json,
        "agreement.added",
        id=result["id"],
        helper=result["helper_name"],
        name=result["for_name"],
        category=_("category." + code),
    )
    if not as_json:
        click.echo(_("echo.period", period=_period(result)))


@agreement.command("list", help="help.agreement.list")
@circle_option
@option("--member", "member_ref", metavar="MEMBER", help="opt.agreement_member")
@option("--all", "include_ended", is_flag=True, help="opt.agreement_all")
@json_option
@pass_app
def list_(app, circle_id, member_ref, include_ended, as_json) -> None:
    from voorzorg.domain.agreements import list_agreements
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, member_ref) if member_ref else None
    rows = list_agreements(
        db, today=circle_today(entry), member_id=member_id, include_ended=include_ended
    )
    _print(rows, as_json)


@agreement.command("end", help="help.agreement.end")
@circle_option
@click.argument("agreement_id", metavar="AGREEMENT", type=int)
@option("--on", "on", metavar="DATE", help="opt.end_on")
@json_option
@pass_app
def end(app, circle_id, agreement_id, on, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.agreements import end_agreement

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    result = end_agreement(db, agreement_id, on=parse_date(on) if on else today, today=today)
    from voorzorg.cli.output import day_text

    emit(result, as_json, "agreement.ended", id=result["id"], on=day_text(result["ended_on"]))
