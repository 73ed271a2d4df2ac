from __future__ import annotations

import click

from voorzorg.cli.base import command, option, pass_app
from voorzorg.i18n import _


@command("serve", help="help.serve")
@option("--host", default="127.0.0.1", show_default=True, metavar="HOST", help="opt.host")
@option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="opt.port")
@pass_app
def serve(app, host, port) -> None:
    import gc

    from voorzorg.web.server import serve as run

    # A server lives on: give what start-up froze (see cli.main) back to the collector,
    # whose thresholds assume it sees the long-lived objects.
    gc.unfreeze()
    click.echo(_("serve.starting", url=f"http://{host}:{port}/"), err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(_("serve.public_warning"), err=True)
    run(app.config, host, port)
