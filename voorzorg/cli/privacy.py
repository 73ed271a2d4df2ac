"""`voorzorg purge` and `voorzorg register`: parse, call voorzorg/privacy/, print."""

from __future__ import annotations

import click

from voorzorg.cli.base import command, json_option, option, pass_app
from voorzorg.cli.output import echo_json
from voorzorg.i18n import _


@command("purge", help="help.purge")
@option("--dry-run", is_flag=True, help="opt.purge_dry_run")
@json_option
@pass_app
def purge(app, dry_run, as_json) -> None:
    from voorzorg.privacy.purge import purge as purge_

    report = purge_(app.config, dry_run=dry_run)
    if as_json:
        echo_json(report)
        return
    click.echo(_("privacy.purge.dry" if dry_run else "privacy.purge.done"))
    for circle_id, counts in report["circles"].items():
        click.echo(_("privacy.purge.circle", circle=circle_id,
                     notes=counts["notes_cleared"], members=counts["members_erased"],
                     log=counts["notification_log"]))  # fmt: skip
        if counts.get("wellbeing"):
            click.echo(_("privacy.purge.wellbeing", circle=circle_id, n=counts["wellbeing"],
                         months=report["policy"]["wellbeing_months"]))  # fmt: skip
    click.echo(_("privacy.purge.access_log", n=report["access_log"]))
    if report["erased_again"]:
        click.echo(_("privacy.erased_again", n=report["erased_again"]))
    if report.get("withdrawn_again"):
        click.echo(_("privacy.withdrawn_again", n=report["withdrawn_again"]))


@command("register", help="help.register")
@option("--out", "out", metavar="FILE", help="opt.register_out")
@pass_app
def register(app, out) -> None:
    from voorzorg.privacy.processing import build, render

    text = render(build(app.config))
    if out:
        from pathlib import Path

        from voorzorg.deploy.config import atomic_write

        atomic_write(Path(out), text.encode("utf-8"), mode=0o600)
        click.echo(_("privacy.register.written", path=out))
    else:
        click.echo(text)
