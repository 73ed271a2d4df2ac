from __future__ import annotations

import click

from voorzorg.cli.base import group, json_option, option, pass_app
from voorzorg.cli.output import echo_fields, echo_json, echo_table, emit
from voorzorg.i18n import _


@group("circle", help="help.circle")
def circle() -> None:
    pass


@circle.command("add", help="help.circle.add")
@click.argument("circle_id", metavar="ID")
@option("--name", required=True, help="opt.circle_name")
@option("--neighbourhood", metavar="TEXT", help="opt.neighbourhood")
@option("--timezone", metavar="ZONE", help="opt.timezone")
@json_option
@pass_app
def add(app, circle_id, name, neighbourhood, timezone, as_json) -> None:
    from voorzorg.deploy.circles import add_circle

    app.config, info = add_circle(app.config, circle_id, name, neighbourhood, timezone)
    emit(info, as_json, "circle.added", id=info["id"], name=info["name"], path=info["database"])


@circle.command("list", help="help.circle.list")
@option("--all", "include_archived", is_flag=True, help="opt.circle_all")
@json_option
@pass_app
def list_(app, include_archived, as_json) -> None:
    from voorzorg.deploy.circles import list_circles

    rows = list_circles(app.config, include_archived)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["state"] = _("circle.state_archived") if row["archived"] else ""
    echo_table(
        rows,
        [
            ("id", "col.code"),
            ("name", "col.name"),
            ("neighbourhood", "col.neighbourhood"),
            ("members", "col.members"),
            ("state", "col.state"),
        ],
        empty="circle.none_yet",
    )


@circle.command("show", help="help.circle.show")
@click.argument("circle_id", metavar="ID", required=False, envvar="VOORZORG_CIRCLE")
@json_option
@pass_app
def show(app, circle_id, as_json) -> None:
    from voorzorg.deploy.circles import show_circle

    info = show_circle(app.config, circle_id or app.circle(None).id)
    if as_json:
        echo_json(info)
        return
    echo_fields(
        [
            ("col.code", info["id"]),
            ("col.name", info["name"]),
            ("col.neighbourhood", info["neighbourhood"]),
            ("col.timezone", info["timezone"]),
            ("col.members", info["members"]),
            ("col.members_left", info["members_left"]),
            ("col.connectors", info["connectors"]),
            ("col.database", info["database"]),
            ("col.archived", info["archived"]),
        ]
    )


@circle.command("rename", help="help.circle.rename")
@click.argument("circle_id", metavar="ID")
@click.argument("name", nargs=-1, required=True)
@json_option
@pass_app
def rename(app, circle_id, name, as_json) -> None:
    from voorzorg.deploy.circles import rename_circle

    app.config, info = rename_circle(app.config, circle_id, " ".join(name))
    emit(info, as_json, "circle.renamed", id=info["id"], name=info["name"])


@circle.command("archive", help="help.circle.archive")
@click.argument("circle_id", metavar="ID")
@json_option
@pass_app
def archive(app, circle_id, as_json) -> None:
    from voorzorg.deploy.circles import archive_circle

    app.config, info = archive_circle(app.config, circle_id, True)
    emit(info, as_json, "circle.archived_done", id=info["id"], path=info["database"])


@circle.command("unarchive", help="help.circle.unarchive")
@click.argument("circle_id", metavar="ID")
@json_option
@pass_app
def unarchive(app, circle_id, as_json) -> None:
    from voorzorg.deploy.circles import archive_circle

    app.config, info = archive_circle(app.config, circle_id, False)
    emit(info, as_json, "circle.unarchived_done", id=info["id"])
