from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, circle_today, group, json_option, option, pass_app
from voorzorg.cli.output import day_text, echo_json, echo_table, local_time
from voorzorg.i18n import _


@group("card", help="help.card")
def card() -> None:
    pass


@card.command("show", help="help.card.show")
@circle_option
@option("--version", "version", type=int, metavar="N", help="opt.card_version")
@option("--draft", is_flag=True, help="opt.card_draft")
@json_option
@pass_app
def show(app, circle_id, version, draft, as_json) -> None:
    from voorzorg.domain import card as card_mod

    entry, db = app.open_circle(circle_id)
    if draft:
        found = card_mod.get_draft(db)
        if found is None:
            click.echo(_("card.no_draft_yet"))
            return
        if as_json:
            echo_json(found)
        else:
            click.echo(_("card.draft_header", at=local_time(found["edited_at"], entry.timezone)))
            click.echo()
            click.echo(found["text"], nl=False)
        return
    shown = card_mod.get_version(db, version)
    if as_json:
        echo_json(shown)
        return
    latest = card_mod.current_version(db)["version"]
    click.echo(
        _(
            "card.header",
            circle=entry.name,
            version=shown["version"],
            on=day_text(shown["adopted_on"]),
        )
    )
    if shown["version"] != latest:
        click.echo(_("card.old_version", latest=latest))
    click.echo()
    click.echo(shown["text"], nl=False)
    if card_mod.get_draft(db) is not None and version is None:
        click.echo()
        click.echo(_("card.draft_waiting"))


@card.command("versions", help="help.card.versions")
@circle_option
@json_option
@pass_app
def versions(app, circle_id, as_json) -> None:
    from voorzorg.domain.card import list_versions

    _entry, db = app.open_circle(circle_id)
    rows = list_versions(db)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["adopted_label"] = day_text(row["adopted_on"], short=True)
    echo_table(
        rows,
        [
            ("version", "col.version"),
            ("adopted_label", "col.adopted_on"),
            ("adopted_by", "col.recorded_by"),
            ("acknowledgements", "col.acknowledgements"),
        ],
        empty="card.no_versions",
    )


@card.command("edit", help="help.card.edit")
@circle_option
@option("--file", "file_path", metavar="PATH", help="opt.card_file")
@pass_app
def edit(app, circle_id, file_path) -> None:
    from voorzorg.domain import card as card_mod
    from voorzorg.errors import VoorzorgError

    _entry, db = app.open_circle(circle_id)
    if file_path:
        text = card_mod.read_card_file(file_path)
    else:
        draft = card_mod.get_draft(db)
        start = draft["text"] if draft else card_mod.current_version(db)["text"]
        try:
            text = click.edit(start, extension=".txt", require_save=True)
        except click.ClickException:
            raise VoorzorgError("card.no_editor") from None
        if text is None:
            click.echo(_("card.unchanged"))
            return
    result = card_mod.save_draft(db, text)
    if not result["changed"]:
        click.echo(_("card.unchanged"))
    elif result["same_as_current"]:
        click.echo(_("card.draft_dropped"))
    else:
        click.echo(_("card.draft_saved"))


@card.command("adopt", help="help.card.adopt")
@circle_option
@option("--on", "on", metavar="DATE", help="opt.card_adopt_on")
@option("--by", "by", metavar="NAME", help="opt.card_by")
@json_option
@pass_app
def adopt(app, circle_id, on, by, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.card import adopt_draft

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    day = parse_date(on, today=today, past=True) if on else today
    version = adopt_draft(db, on=day, by=by, today=today)
    if as_json:
        echo_json(version)
    else:
        click.echo(_("card.adopted", version=version["version"],
                     on=day_text(version["adopted_on"])))  # fmt: skip
        click.echo(_("card.ack_reminder"))


@card.command("ack", help="help.card.ack")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--on", "on", metavar="DATE", help="opt.ack_on")
@json_option
@pass_app
def ack(app, circle_id, member_ref, on, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.card import acknowledge, check_can_acknowledge
    from voorzorg.domain.members import resolve_members

    entry, db = app.open_circle(circle_id)
    # Every name is checked before anything is recorded: a typo in the third name
    # leaves the first two unrecorded too, and the command can simply be run again.
    member_ids = resolve_members(db, list(member_ref))
    check_can_acknowledge(db, member_ids)
    today = circle_today(entry)
    day = parse_date(on, today=today, past=True) if on else today
    results = [acknowledge(db, member_id, on=day, today=today) for member_id in member_ids]
    if as_json:
        echo_json(results[0] if len(results) == 1 else results)
        return
    for result in results:
        click.echo(_("card.acked", name=result["name"], version=result["version"]))
    if on:
        click.echo(_("echo.date", day=day_text(day)))


@card.command("status", help="help.card.status")
@circle_option
@json_option
@pass_app
def status(app, circle_id, as_json) -> None:
    from voorzorg.domain.card import card_status

    _entry, db = app.open_circle(circle_id)
    result = card_status(db)
    if as_json:
        echo_json(result)
        return
    click.echo(_("card.status_header", version=result["current_version"]))
    for member in result["members"]:
        member["seen"] = _("card.seen_current") if member["current"] else _("card.seen_not_current")
        member["acked_label"] = day_text(member["acked_on"], short=True)
    echo_table(
        result["members"],
        [
            ("id", "col.id"),
            ("name", "col.name"),
            ("acknowledged_version", "col.version"),
            ("acked_label", "col.acked_on"),
            ("seen", "col.state"),
        ],
        empty="member.none_found",
    )
    click.echo(_("card.missing_count", n=len(result["missing"])))
