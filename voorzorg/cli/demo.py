from __future__ import annotations

import click

from voorzorg.cli.base import command, option
from voorzorg.i18n import _


@command("demo", help="help.demo")
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@option("--no-serve", is_flag=True, help="opt.no_serve")
@option("--seed", type=int, default=2026, show_default=True, help="opt.seed")
def demo(directory: str, no_serve: bool, seed: int) -> None:
    from pathlib import Path

    from voorzorg.demo import build_demo, check_directory

    check_directory(Path(directory))
    click.echo(_("demo.building", directory=directory))
    summary = build_demo(
        Path(directory),
        seed=seed,
        progress=lambda name, count: click.echo(_("demo.circle", name=name, members=count)),
    )
    click.echo(
        _(
            "demo.done",
            circles=len(summary["circles"]),
            members=summary["members"],
            directory=summary["directory"],
        )
    )
    click.echo(_("demo.try", directory=directory, voorzorg=_command_name()))
    click.echo(_("demo.feeds", path=str(Path(summary["feeds"]["files"][0]).parent)))
    click.echo(_("demo.feed_url", url=summary["feeds"]["zorgsaam_url"]))
    if not no_serve:
        click.echo(_("demo.no_server_yet"))


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
