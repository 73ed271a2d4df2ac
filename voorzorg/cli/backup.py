"""`voorzorg backup [DEST]` and `voorzorg backup setup`: parse, call deploy/backup.py, print."""

from __future__ import annotations

import click

from voorzorg.cli.base import Group, json_option, option, pass_app
from voorzorg.cli.output import Progress, echo_json
from voorzorg.i18n import _


class _BackupGroup(Group):
    """``voorzorg backup DEST`` runs a backup; ``voorzorg backup setup`` is a subcommand."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group("backup", cls=_BackupGroup, help="help.backup")
def backup() -> None:
    pass


@backup.command("run", help="help.backup.run")
@click.argument("dest", required=False, type=click.Path(file_okay=False, path_type=str))
@option("--no-encrypt", is_flag=True, help="opt.no_encrypt")
@json_option
@pass_app
def run(app, dest, no_encrypt, as_json) -> None:
    from pathlib import Path

    from voorzorg.deploy.backup import create_backup

    if not as_json:
        click.echo(_("backup.starting"), err=True)
    result = create_backup(
        app.config,
        Path(dest) if dest else None,
        encrypt=not no_encrypt,
        progress=Progress(quiet=as_json),
    )
    if as_json:
        echo_json(result)
        return
    click.echo(_("backup.done", path=result["archive"], n=result["files"]))
    if not result["encrypted"]:
        click.echo(_("backup.plain_warning"))
    for path in result["removed"]:
        click.echo(_("backup.removed_old", path=path))


@backup.command("setup", help="help.backup.setup")
@option("--new-code", is_flag=True, help="opt.new_code")
@json_option
@pass_app
def setup(app, new_code, as_json) -> None:
    from voorzorg.deploy.backup import setup_key

    result = setup_key(app.config, replace=new_code)
    if as_json:
        echo_json(result)
        return
    if result["method"] == "recipient":
        click.echo(_("backup.setup_recipient", recipient=result["recipient"]))
        return
    click.echo(_("backup.setup_created" if result["created"] else "backup.setup_exists"))
    click.echo("")
    click.echo(f"    {result['code']}")
    click.echo("")
    click.echo(_("backup.setup_write_down"))
