"""`voorzorg replicate`: run Litestream for every database (deploy/replica.py)."""

from __future__ import annotations

import click

from voorzorg.cli.base import command, pass_app
from voorzorg.i18n import _


@command("replicate", help="help.replicate")
@pass_app
def replicate(app) -> None:
    from voorzorg.deploy.replica import replicate as run

    def log(key: str, **params) -> None:
        click.echo(_(key, **params), err=True)

    run(app.config, log=log)
