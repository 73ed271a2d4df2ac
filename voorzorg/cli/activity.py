from __future__ import annotations

import click

from voorzorg.cli.base import (
    circle_option,
    circle_today,
    group,
    json_option,
    option,
    pass_app,
    utc_now,
)
from voorzorg.cli.output import (
    confirm,
    day_text,
    echo_fields,
    echo_json,
    echo_table,
    emit,
    note_year,
)
from voorzorg.i18n import _


@group("activity", help="help.activity")
def activity() -> None:
    pass


@activity.command("add", help="help.activity.add")
@circle_option
@click.argument("title", nargs=-1, required=True)
@option("--start", required=True, metavar='"DATE TIME"', help="opt.activity_start")
@option("--duration", metavar="2h", help="opt.duration")
@option("--end", "end_text", metavar="TIME", help="opt.activity_end")
@option("--all-day", is_flag=True, help="opt.all_day")
@option("--weekly", is_flag=True, help="opt.weekly")
@option("--every", metavar='"2 weeks"', help="opt.every")
@option("--monthly", metavar='"first thursday"', help="opt.monthly")
@option("--until", metavar="DATE", help="opt.until")
@option("--count", type=int, metavar="N", help="opt.count")
@option("--location", metavar="TEXT", help="opt.location")
@option("--kind", metavar="KIND", help="opt.kind")
@option("--description", metavar="TEXT", help="opt.description")
@option("--toch", "--force", "force", is_flag=True, help="opt.force_duplicate")
@json_option
@pass_app
def add(app, circle_id, title, start, duration, end_text, all_day, weekly, every, monthly,
        until, count, location, kind, description, force, as_json):  # fmt: skip
    from voorzorg.domain.activities import add_activity, parse_schedule

    schedule = parse_schedule(
        start,
        all_day=all_day,
        duration=duration,
        end=end_text,
        weekly=weekly,
        every=every,
        monthly=monthly,
        until=until,
        count=count,
    )
    entry, db = app.open_circle(circle_id)
    item = add_activity(
        db,
        title=" ".join(title),
        timezone=entry.timezone,
        now=utc_now(),
        location=location,
        kind=kind,
        description=description,
        allow_duplicate=force,
        **schedule,
    )
    if as_json:
        echo_json(item)
        return
    click.echo(_("activity.added", id=item["id"], title=item["title"]))
    first = day_text(f"{item['start_date']} {item['start_time'] or ''}".strip())
    click.echo(_("activity.added_when", first=first, repeats=_repeats(item)))


def _iso(value) -> str:
    return value.isoformat()


@activity.command("list", help="help.activity.list")
@circle_option
@option("--from", "from_", metavar="DATE", help="opt.list_from")
@option("--to", "to", metavar="DATE", help="opt.list_to")
@option("--activity", "activity_ref", metavar="ACTIVITY", help="opt.only_activity")
@json_option
@pass_app
def list_(app, circle_id, from_, to, activity_ref, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.activities import list_window, occurrences, resolve_activity

    entry, db = app.open_circle(circle_id)
    start, end = list_window(
        parse_date(from_) if from_ else circle_today(entry), parse_date(to) if to else None
    )
    activity_id = resolve_activity(db, activity_ref) if activity_ref else None
    rows = occurrences(db, start=start, end=end, timezone=entry.timezone, activity_id=activity_id)
    for row in rows:
        for key in ("start", "end", "original_start"):
            if row[key] is not None:
                row[key] = _iso(row[key])
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["when"] = _when(row)
        row["state"] = _("occurrence." + row["status"])
        if row["status"] == "cancelled" and row["note"]:
            row["state"] += f" ({row['note']})"  # the reason, as members see it too
    echo_table(
        rows,
        [
            ("when", "col.when"),
            ("activity_id", "col.id"),
            ("title", "col.title"),
            ("location", "col.location"),
            ("state", "col.state"),
            ("head_count", "col.head_count"),
        ],
        empty="activity.none_found",
    )


def _when(row) -> str:
    """ "do 3 dec 2026 10:00–12:00" (all day: "do 3 dec 2026")."""
    if row["all_day"]:
        return day_text(row["start"], short=True)
    return f"{day_text(row['start'][:10], short=True)} {row['start'][11:16]}–{row['end'][11:16]}"


def _resolve(db, ref):
    from voorzorg.domain.activities import resolve_activity

    return resolve_activity(db, ref)


@activity.command("show", help="help.activity.show")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@json_option
@pass_app
def show(app, circle_id, activity_ref, as_json) -> None:
    from voorzorg.domain.activities import get_activity

    _entry, db = app.open_circle(circle_id)
    item = get_activity(db, _resolve(db, activity_ref))
    if as_json:
        echo_json(item)
        return
    echo_fields(
        [
            ("col.id", item["id"]),
            ("col.title", item["title"]),
            ("col.kind", item["kind"]),
            ("col.location", item["location"]),
            ("col.description", item["description"]),
            ("col.start", day_text(f"{item['start_date']} {item['start_time'] or ''}".strip())),
            ("col.repeats", _repeats(item)),
            ("col.last_date", day_text(item["last_date"])),
        ]
    )
    for exception in item["exceptions"]:
        day = day_text(exception["original_date"])
        if exception["kind"] == "cancelled":
            click.echo(_("activity.line_cancelled", day=day))
            if exception["note"]:
                click.echo(_("activity.line_reason", note=exception["note"]))
        else:
            click.echo(_("activity.line_moved", day=day, to=day_text(exception["new_start"])))


def _repeats(item) -> str:
    from datetime import date

    from voorzorg.domain.recurrence import WEEKDAYS

    if not item["freq"]:
        return _("repeat.once")
    weekday = _("weekday." + WEEKDAYS[date.fromisoformat(item["start_date"]).weekday()])
    if item["freq"] == "weekly":
        text = (
            _("repeat.weekly", weekday=weekday)
            if item["interval"] == 1
            else _("repeat.every", n=item["interval"], weekday=weekday)
        )
    else:
        text = _("repeat.monthly", nth=_(f"ordinal.{item['monthly_week']}"), weekday=weekday)
    if item["until_date"]:
        text += " " + _("repeat.until", day=day_text(item["until_date"]))
    elif item["count"]:
        text += " " + _("repeat.count", n=item["count"])
    return text


@activity.command("cancel", help="help.activity.cancel")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@option("--on", "on", required=True, metavar="DATE", help="opt.occurrence_on")
@option("--note", metavar="TEXT", help="opt.activity_note")
@json_option
@pass_app
def cancel(app, circle_id, activity_ref, on, note, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.activities import cancel_occurrence

    entry, db = app.open_circle(circle_id)
    day = parse_date(on, today=circle_today(entry))
    note_year(on, day, circle_today(entry))
    item = cancel_occurrence(db, _resolve(db, activity_ref), day, now=utc_now(), note=note)
    emit(item, as_json, "activity.cancelled", title=item["title"], day=day_text(day))
    if not as_json:
        click.echo(_("activity.cancelled_feed" if entry.feed_show_cancelled
                     else "activity.cancelled_feed_hidden"))  # fmt: skip


@activity.command("move", help="help.activity.move")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@option("--on", "on", required=True, metavar="DATE", help="opt.occurrence_on")
@option("--to", "to", required=True, metavar='"DATE TIME"', help="opt.move_to")
@option("--location", metavar="TEXT", help="opt.move_location")
@json_option
@pass_app
def move(app, circle_id, activity_ref, on, to, location, as_json) -> None:
    from voorzorg.dates import parse_date, parse_day_and_time
    from voorzorg.domain.activities import move_occurrence

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    day = parse_date(on, today=today)
    to_day, to_time = parse_day_and_time(to, today=today)
    item = move_occurrence(db, _resolve(db, activity_ref), day, to_day=to_day, to_time=to_time,
                           timezone=entry.timezone, now=utc_now(), location=location)  # fmt: skip
    new_start = {e["original_date"]: e for e in item["exceptions"]}[day.isoformat()]["new_start"]
    emit(item, as_json, "activity.moved", title=item["title"], day=day_text(day),
         to=day_text(new_start))  # fmt: skip


@activity.command("edit", help="help.activity.edit")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@option("--title", metavar="TEXT", help="opt.new_title")
@option("--location", metavar="TEXT", help="opt.location")
@option("--kind", metavar="KIND", help="opt.kind")
@option("--description", metavar="TEXT", help="opt.description")
@option("--time", "start_time", metavar="HH:MM", help="opt.new_time")
@option("--duration", metavar="2h", help="opt.duration")
@json_option
@pass_app
def edit(app, circle_id, activity_ref, title, location, kind, description, start_time,
         duration, as_json):  # fmt: skip
    from voorzorg.dates import parse_duration, parse_hhmm
    from voorzorg.domain.activities import edit_activity

    start_time = parse_hhmm(start_time) if start_time else None
    entry, db = app.open_circle(circle_id)
    item = edit_activity(
        db,
        _resolve(db, activity_ref),
        timezone=entry.timezone,
        now=utc_now(),
        title=title,
        location=location,
        kind=kind,
        description=description,
        start_time=start_time,
        duration_minutes=parse_duration(duration) if duration else None,
    )
    if as_json:
        echo_json(item)
    elif item["changed_fields"]:
        click.echo(_("activity.edited", title=item["title"]))
    else:
        click.echo(_("activity.unchanged", title=item["title"]))


@activity.command("end", help="help.activity.end")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@option("--after", required=True, metavar="DATE", help="opt.end_after")
@json_option
@pass_app
def end(app, circle_id, activity_ref, after, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.activities import end_activity

    entry, db = app.open_circle(circle_id)
    after_day = parse_date(after, today=circle_today(entry))
    item = end_activity(db, _resolve(db, activity_ref), after=after_day, now=utc_now())
    emit(item, as_json, "activity.ended", title=item["title"], day=day_text(item["last_date"]))


@activity.command("remove", help="help.activity.remove")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@option("--yes", is_flag=True, help="opt.yes")
@json_option
@pass_app
def remove(app, circle_id, activity_ref, yes, as_json) -> None:
    from voorzorg.domain.activities import get_activity, remove_activity

    _entry, db = app.open_circle(circle_id)
    activity_id = _resolve(db, activity_ref)
    title = get_activity(db, activity_id)["title"]
    if not yes and not confirm(_("activity.confirm_remove", title=title)):
        raise click.Abort
    item = remove_activity(db, activity_id)
    emit(item, as_json, "activity.removed", title=title)


@activity.command("count", help="help.activity.count")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@click.argument("head_count", metavar="N", type=click.IntRange(0, 10000))
@option("--on", "on", required=True, metavar="DATE", help="opt.occurrence_on")
@json_option
@pass_app
def count(app, circle_id, activity_ref, head_count, on, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.activities import record_count

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    result = record_count(db, _resolve(db, activity_ref), parse_date(on, today=today, past=True),
                          head_count, today=today, now=utc_now())  # fmt: skip
    emit(result, as_json, "activity.counted", n=head_count, day=day_text(result["date"]))


@activity.command("import", help="help.activity.import")
@circle_option
@click.argument("source", metavar="FILE|URL")
@option("--window", type=click.IntRange(1, 24), default=6, show_default=True, metavar="N",
        help="opt.import_window")  # fmt: skip
@option("--dry-run", is_flag=True, help="opt.import_dry_run")
@json_option
@pass_app
def import_(app, circle_id, source, window, dry_run, as_json) -> None:
    from voorzorg.calendar.importer import apply_import, plan_import, read_source

    entry, db = app.open_circle(circle_id)
    body = read_source(source)
    plan = plan_import(body, timezone=entry.timezone, today=circle_today(entry),
                       window_months=window)  # fmt: skip
    report = apply_import(db, plan, timezone=entry.timezone, now=utc_now(), dry_run=dry_run)
    report.pop("dry_run")
    if as_json:
        echo_json({**report, "dry_run": dry_run})
        return
    if dry_run:
        click.echo(_("import.dry_run"))
    for key in ("added", "updated", "unchanged"):
        click.echo(_(f"import.{key}", n=len(report[key])))
        if key != "unchanged":
            for item in report[key]:
                click.echo(f"  {item['title']}")
    if report["old"]:
        click.echo(_("import.old", n=report["old"], days=30))
    for item in report["notes"]:
        click.echo(_("import.note_line", title=item["title"], reason=item["reason"]))
    problems = report["problems"] + report["failed"]
    if problems:
        click.echo(_("import.problems", n=len(problems)))
        for item in problems:
            click.echo(_("import.problem_line", title=item["title"], reason=item["reason"]))
    if report["not_in_source"]:
        click.echo(_("import.not_in_source", ids=", ".join(map(str, report["not_in_source"]))))
