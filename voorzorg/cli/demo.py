from __future__ import annotations

import click

from voorzorg.cli.base import command, option
from voorzorg.i18n import _


@command("demo", help="help.demo")
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@option("--no-serve", is_flag=True, help="opt.no_serve")
@option("--seed", type=int, default=2026, show_default=True, help="opt.seed")
@option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="opt.port")
def demo(directory: str, no_serve: bool, seed: int, port: int) -> None:
    from pathlib import Path

    from voorzorg.demo.build import build_demo, check_directory

    check_directory(Path(directory))
    click.echo(_("demo.building", directory=directory))
    summary = build_demo(
        Path(directory),
        seed=seed,
        progress=lambda name, count: click.echo(_("demo.circle", name=name, n=count)),
    )
    click.echo(
        _(
            "demo.done",
            circles=_("count.circles", n=len(summary["circles"])),
            members=_("count.members", n=summary["members"]),
            directory=summary["directory"],
        )
    )
    click.echo(_("demo.try", directory=directory, voorzorg=_command_name()))
    click.echo(_("demo.feeds", path=str(Path(summary["feeds"]["files"][0]).parent)))
    for account in summary["accounts"]:
        click.echo(
            _(
                "demo.account",
                role=_("role." + account["role"]),
                name=account["name"],
                password=account["password"],
            )
        )
    feed_url = summary["feeds"]["zorgsaam_url"].replace(":8001/", f":{port}/")
    click.echo(_("demo.feed_url", url=feed_url))
    if no_serve:
        return
    from voorzorg.deploy import config as config_mod
    from voorzorg.web.server import serve

    click.echo(_("demo.serving", url=f"http://127.0.0.1:{port}/"))
    serve(config_mod.load(Path(directory) / "config.toml"), "127.0.0.1", port)


def _command_name() -> str:
    """How to run voorzorg again: plain when it is on PATH, else by its full path."""
    import os
    import shutil
    import sys

    script = os.path.abspath(sys.argv[0])
    if os.path.basename(script) != "voorzorg":
        return "python3 -m voorzorg"
    found = shutil.which("voorzorg")
    if found and os.path.samefile(found, script):
        return "voorzorg"
    return script
