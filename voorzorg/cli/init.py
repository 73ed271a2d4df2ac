from __future__ import annotations

import click

from voorzorg.cli.base import command, json_option
from voorzorg.cli.output import echo_json
from voorzorg.i18n import _, explicit_language


@command("init", help="help.init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=str), default=".")
@json_option
def init(directory: str, as_json: bool) -> None:
    from pathlib import Path

    from voorzorg.deploy.deployment import init_deployment

    result = init_deployment(Path(directory), language=explicit_language())
    if as_json:
        echo_json(result)
        return
    click.echo(_("init.done", config=result["config"]))
    click.echo(_("init.secrets", secrets=result["secrets"]))
    click.echo(_("init.data", data_dir=result["data_dir"]))
    click.echo(_("init.next", directory=directory))
    click.echo(_("init.backup_next"))
