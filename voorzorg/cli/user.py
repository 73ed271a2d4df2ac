from __future__ import annotations

import sys

import click

from voorzorg.cli.base import group, json_option, option, pass_app
from voorzorg.cli.output import echo_json, echo_table, emit
from voorzorg.i18n import _


@group("user", help="help.user")
def user() -> None:
    pass


def _instance(app):
    from voorzorg.deploy.accounts import open_instance

    return open_instance(app.config.data_dir)


def _read_password(password_stdin: bool) -> str:
    from voorzorg.errors import VoorzorgError

    if password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise VoorzorgError("user.no_password")
        return line.rstrip("\r\n")
    return click.prompt(
        _("user.password_prompt"), hide_input=True, confirmation_prompt=_("user.password_again")
    )


@user.command("add", help="help.user.add")
@click.argument("name")
@option("--coordinator", "circles", metavar="ID[,ID]", help="opt.user_coordinator")
@option("--welfare", is_flag=True, help="opt.user_welfare")
@option("--operator", is_flag=True, help="opt.user_operator")
@option("--password-stdin", is_flag=True, help="opt.password_stdin")
@json_option
@pass_app
def add(app, name, circles, welfare, operator, password_stdin, as_json) -> None:
    from voorzorg.deploy.accounts import add_account, role_from_options
    from voorzorg.deploy.circles import check_circle_ids

    role, ids = role_from_options(circles, welfare, operator)
    if ids:
        check_circle_ids(app.config, ids)
    password = _read_password(password_stdin)
    conn = _instance(app)
    account = add_account(conn, name, role=role, password=password, circles=ids)
    emit(account, as_json, "user.added", name=account["name"], role=_("role." + role))


@user.command("list", help="help.user.list")
@json_option
@pass_app
def list_(app, as_json) -> None:
    from voorzorg.deploy.accounts import list_accounts

    rows = list_accounts(_instance(app))
    if as_json:
        echo_json(rows)
        return
    from voorzorg.cli.output import local_time
    from voorzorg.clock import DEFAULT_TIMEZONE

    for row in rows:
        row["role_label"] = _("role." + row["role"])
        row["created_label"] = local_time(row["created_at"], DEFAULT_TIMEZONE)
    echo_table(
        rows,
        [
            ("id", "col.id"),
            ("name", "col.name"),
            ("role_label", "col.role"),
            ("circles", "col.circles"),
            ("created_label", "col.created_at"),
        ],
        empty="user.none",
    )


@user.command("remove", help="help.user.remove")
@click.argument("name")
@json_option
@pass_app
def remove(app, name, as_json) -> None:
    from voorzorg.deploy.accounts import remove_account

    account = remove_account(_instance(app), name)
    emit(account, as_json, "user.removed", name=account["name"])


@user.command("passwd", help="help.user.passwd")
@click.argument("name")
@option("--password-stdin", is_flag=True, help="opt.password_stdin")
@pass_app
def passwd(app, name, password_stdin) -> None:
    from voorzorg.deploy.accounts import find_account, set_password

    conn = _instance(app)
    find_account(conn, name)
    account = set_password(conn, name, _read_password(password_stdin))
    click.echo(_("user.password_set", name=account["name"]))


@user.command("log", help="help.user.log")
@option("--account", metavar="NAME", help="opt.log_account")
@option("-c", "--circle", "circle_id", metavar="ID", help="opt.log_circle")
@option("--since", metavar="DATE", help="opt.log_since")
@option("--until", metavar="DATE", help="opt.log_until")
@option("--limit", type=int, default=200, show_default=True, help="opt.log_limit")
@json_option
@pass_app
def log(app, account, circle_id, since, until, limit, as_json) -> None:
    """Who looked at what in `voorzorg serve` (the access log, for accountability)."""
    from voorzorg.cli.output import echo_table
    from voorzorg.dates import parse_date
    from voorzorg.deploy import accesslog

    conn = _instance(app)
    try:
        rows = accesslog.entries(
            conn,
            account=account,
            circle=circle_id,
            since=parse_date(since).isoformat() if since else None,
            until=parse_date(until).isoformat() if until else None,
            limit=max(1, limit),
        )
    finally:
        conn.close()
    if as_json:
        echo_json(rows)
        return
    from voorzorg.dates import show_instant

    zone = app.config.default_timezone
    shown = [{**row, "at": show_instant(row["at"], zone),
              "role": _("role." + row["role"]) if row.get("role") else None}
             for row in rows]  # fmt: skip
    columns = [("at", "col.at"), ("account", "col.name"), ("role", "col.role"),
               ("circle", "col.circle"), ("page", "col.page")]  # fmt: skip
    echo_table(shown, columns, empty="user.log_empty")
