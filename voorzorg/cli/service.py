"""`voorzorg service`: systemd units and a Caddyfile (deploy/service.py), printed or written."""

from __future__ import annotations

import click

from voorzorg.cli.base import group, json_option, option, pass_app
from voorzorg.cli.output import echo_json
from voorzorg.i18n import _


@group("service", help="help.service")
def service() -> None:
    pass


def _units(app, user, port, backup_dest):
    from voorzorg.deploy.service import units

    return units(app.config, user=user, port=port, backup_dest=backup_dest)


_user = option("--user", metavar="USER", help="opt.service_user")
_port = option("--port", type=int, default=8001, show_default=True, help="opt.port")
_dest = option("--backup-dest", metavar="DIR", help="opt.backup_dest")


@service.command("show", help="help.service.show")
@_user
@_port
@_dest
@json_option
@pass_app
def show(app, user, port, backup_dest, as_json) -> None:
    files = _units(app, user, port, backup_dest)
    if as_json:
        echo_json(files)
        return
    for name, text in files.items():
        click.echo(f"# --- {name} ---")
        click.echo(text)


@service.command("install", help="help.service.install")
@_user
@_port
@_dest
@option("--target", metavar="DIR", default="/etc/systemd/system", show_default=True,
        help="opt.service_target")  # fmt: skip
@json_option
@pass_app
def install(app, user, port, backup_dest, target, as_json) -> None:
    from pathlib import Path

    from voorzorg.deploy.backup import backup_settings, stored_code
    from voorzorg.deploy.service import enable_commands
    from voorzorg.deploy.service import install as write_units

    files = _units(app, user, port, backup_dest)
    written = write_units(files, Path(target))
    commands = enable_commands(files)
    if as_json:
        echo_json({"written": written, "next": commands})
        return
    click.echo(_("service.written", target=target))
    for path in written:
        click.echo(f"    {path}")
    if not backup_settings(app.config)["recipient"] and stored_code(app.config) is None:
        click.echo(_("service.needs_code"))
    click.echo(_("service.next"))
    for line in commands:
        click.echo(f"    {line}")


@service.command("caddyfile", help="help.service.caddyfile")
@click.argument("domain")
@_port
@option("--output", metavar="FILE", help="opt.output_file")
def caddyfile(domain, port, output) -> None:
    from voorzorg.deploy.service import caddyfile as render

    text = render(domain, port)
    if output:
        from pathlib import Path

        from voorzorg.deploy.service import write_text

        write_text(Path(output), text)
        click.echo(_("service.caddy_written", path=output, domain=domain))
    else:
        click.echo(text, nl=False)
