"""``voorzorg belcirkel``: the calling rota (today's calls, add, remove, list, record)."""

from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, circle_today, group, json_option, option, pass_app
from voorzorg.cli.output import day_text, echo_json, echo_table, emit
from voorzorg.i18n import _


@group("belcirkel", help="help.belcirkel", invoke_without_command=True)
@circle_option
@option("--date", "on", metavar="DATE", help="opt.belcirkel_date")
@json_option
@pass_app
@click.pass_context
def belcirkel(ctx, app, circle_id, on, as_json) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from voorzorg.dates import format_day, parse_date
    from voorzorg.domain.belcirkel import due_calls

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    day = parse_date(on, today=today) if on else today
    calls = due_calls(db, day)
    if as_json:
        echo_json({"date": day.isoformat(), "calls": calls})
        return
    click.echo(_("belcirkel.today", day=format_day(day)))
    if not calls:
        click.echo(_("belcirkel.no_calls"))
        return
    for call in calls:
        call["part_text"] = _("belcirkel.part." + call["part"])
        call["caller_text"] = call["caller_name"] or _("belcirkel.stand_in")
        call["state"] = _("belcirkel.outcome." + call["outcome"]) if call["outcome"] else ""
    echo_table(
        calls,
        [
            ("part_text", "belcirkel.col.part"),
            ("member_name", "col.name"),
            ("phone", "col.phone"),
            ("caller_text", "belcirkel.col.caller"),
            ("state", "col.state"),
        ],
        empty="belcirkel.no_calls",
    )
    click.echo(_("belcirkel.record_hint"))


def _schedule(daily: bool, weekly: str | None) -> tuple[str, int | None]:
    from voorzorg.dates import parse_weekday
    from voorzorg.errors import VoorzorgError

    if daily == bool(weekly):
        raise VoorzorgError("belcirkel.daily_or_weekly")
    return ("daily", None) if daily else ("weekly", parse_weekday(weekly))


def _when(link: dict) -> str:
    from voorzorg.dates import format_weekday

    part = _("belcirkel.part." + link["part"])
    if link["frequency"] == "daily":
        return _("belcirkel.daily", part=part)
    return _("belcirkel.weekly", weekday=format_weekday(link["weekday"]), part=part)


@belcirkel.command("add", help="help.belcirkel.add")
@circle_option
@click.argument("member_ref", metavar="MEMBER")
@option("--caller", required=True, metavar="MEMBER", help="opt.belcirkel_caller")
@option("--daily", is_flag=True, help="opt.belcirkel_daily")
@option("--weekly", metavar="WEEKDAY", help="opt.belcirkel_weekly")
@option("--afternoon", is_flag=True, help="opt.belcirkel_afternoon")
@json_option
@pass_app
def add(app, circle_id, member_ref, caller, daily, weekly, afternoon, as_json) -> None:
    from voorzorg.cli.base import utc_now
    from voorzorg.domain.belcirkel import add_link
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    frequency, weekday = _schedule(daily, weekly)
    member_id, caller_id = resolve_member(db, member_ref), resolve_member(db, caller)
    link = add_link(db, member_id, caller_id, frequency=frequency, weekday=weekday,
                    part="afternoon" if afternoon else "morning", today=circle_today(entry),
                    now=utc_now())  # fmt: skip
    from voorzorg.domain.members import get_member

    emit(link, as_json, "belcirkel.added", name=get_member(db, member_id)["name"],
         caller=get_member(db, caller_id)["name"], when=_when(link))  # fmt: skip


@belcirkel.command("remove", help="help.belcirkel.remove")
@circle_option
@click.argument("member_ref", metavar="MEMBER")
@json_option
@pass_app
def remove(app, circle_id, member_ref, as_json) -> None:
    from voorzorg.domain.belcirkel import end_link
    from voorzorg.domain.members import get_member, resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, member_ref)
    link = end_link(db, member_id, today=circle_today(entry))
    emit(link, as_json, "belcirkel.removed", name=get_member(db, member_id)["name"])


@belcirkel.command("list", help="help.belcirkel.list")
@circle_option
@option("--all", "include_ended", is_flag=True, help="opt.belcirkel_all")
@json_option
@pass_app
def list_(app, circle_id, include_ended, as_json) -> None:
    from voorzorg.domain.belcirkel import list_links

    _entry, db = app.open_circle(circle_id)
    links = list_links(db, include_ended=include_ended)
    if as_json:
        echo_json(links)
        return
    for link in links:
        link["when"] = _when(link)
        link["caller_text"] = link["caller_name"] or _("belcirkel.stand_in")
        last = link["last_call"]
        link["last"] = (
            f"{day_text(last[:10], short=True)}: {_('belcirkel.outcome.' + last[11:])}"
            if last else ""
        )  # fmt: skip
        if link["ended_on"]:
            link["when"] += " " + _("belcirkel.ended", day=day_text(link["ended_on"], short=True))
        elif link["away_until"]:
            link["when"] += " " + _("belcirkel.away_mark",
                                    day=day_text(link["away_until"], short=True))  # fmt: skip
    echo_table(
        links,
        [
            ("member_name", "col.name"),
            ("phone", "col.phone"),
            ("caller_text", "belcirkel.col.caller"),
            ("when", "belcirkel.col.when"),
            ("last", "belcirkel.col.last"),
        ],
        empty="belcirkel.none",
    )


@belcirkel.command("record", help="help.belcirkel.record")
@circle_option
@click.argument("member_ref", metavar="MEMBER")
@click.argument("outcome", metavar="bereikt|niet-bereikt")
@option("--date", "on", metavar="DATE", help="opt.belcirkel_record_date")
@json_option
@pass_app
def record(app, circle_id, member_ref, outcome, on, as_json) -> None:
    from voorzorg.cli.base import utc_now
    from voorzorg.dates import parse_date
    from voorzorg.domain.belcirkel import record_call
    from voorzorg.domain.members import get_member, list_members, resolve_member

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    day = parse_date(on, today=today, past=True) if on else today
    member_id = resolve_member(db, member_ref)
    result = record_call(db, member_id, day, outcome, today=today, now=utc_now())
    name = get_member(db, member_id)["name"]
    if as_json:
        echo_json(result)
        return
    click.echo(_("belcirkel.recorded." + result["outcome"], name=name, day=day_text(day)))
    if result["alert"]:
        # The safety net does not depend on an integration: the volunteer reads it too.
        connectors = [
            m for m in list_members(db, connectors=True) if not m["restricted"]
        ]  # fmt: skip
        click.echo(_("belcirkel.alert", name=name))
        for person in connectors:
            click.echo(f"  {person['name']}" + (f": {person['phone']}" if person["phone"] else ""))
        if not connectors:
            click.echo(_("belcirkel.alert_no_connectors"))
