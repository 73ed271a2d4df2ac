"""The ``voorzorg`` command line: parses, calls the core, prints."""

from __future__ import annotations

import contextlib
import sys

import click

from voorzorg import __version__
from voorzorg.cli.base import App, Group, option
from voorzorg.i18n import _, set_language

COMMANDS = {
    "init": "voorzorg.cli.init:init",
    "circle": "voorzorg.cli.circle:circle",
    "member": "voorzorg.cli.member:member",
    "consent": "voorzorg.cli.consent:consent",
    "demo": "voorzorg.cli.demo:demo",
    "card": "voorzorg.cli.card:card",
    "agreement": "voorzorg.cli.agreement:agreement",
    "request": "voorzorg.cli.request:request",
    "activity": "voorzorg.cli.activity:activity",
    "feed": "voorzorg.cli.feed:feed",
    "user": "voorzorg.cli.user:user",
    "serve": "voorzorg.cli.serve:serve",
    "stats": "voorzorg.cli.stats:stats",
    "integration": "voorzorg.cli.integration:integration",
    "backup": "voorzorg.cli.backup:backup",
    "restore": "voorzorg.cli.restore:restore",
    "check": "voorzorg.cli.check:check",
    "service": "voorzorg.cli.service:service",
    "replicate": "voorzorg.cli.replicate:replicate",
    "purge": "voorzorg.cli.privacy:purge",
    "register": "voorzorg.cli.privacy:register",
    "print": "voorzorg.cli.paper:print_",
    "belcirkel": "voorzorg.cli.belcirkel:belcirkel",
    "text": "voorzorg.cli.text:text",
    "wellbeing": "voorzorg.cli.wellbeing:wellbeing",
    "hub": "voorzorg.cli.hub:hub",
}


def _print_version(ctx, param, value):
    if value and not ctx.resilient_parsing:
        click.echo(f"voorzorg {__version__}")
        ctx.exit()


def _set_lang(ctx, param, value):
    if value:
        set_language(value)
    return value


@click.group(
    "voorzorg",
    cls=Group,
    lazy_subcommands=COMMANDS,
    help="help.root",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@option(
    "--config",
    "config_path",
    metavar="PATH",
    help="opt.config",
)
@option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    is_eager=True,
    expose_value=False,
    callback=_set_lang,
    help="opt.lang",
)
@option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_print_version,
    help="click.version",
)
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    if not isinstance(ctx.obj, App):  # made early when a command had to be looked up
        ctx.obj = App(config_path)
    if ctx.invoked_subcommand not in ("init", "demo"):
        _peek_config_language(ctx.obj)


def _peek_config_language(app: App) -> None:
    """Load config.toml early so its ``language`` applies to help texts too.

    A missing or broken config is reported by the command that needs it, not here.
    """
    import contextlib

    from voorzorg.errors import VoorzorgError

    with contextlib.suppress(VoorzorgError):
        app.config  # noqa: B018 - loading sets the configured language


def main(args: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every user error into a clean message."""
    from voorzorg.cli import clicktext
    from voorzorg.errors import VoorzorgError

    if args is None:
        _freeze_start_up()
    clicktext.install()
    try:
        rv = cli.main(args=args, prog_name="voorzorg", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort:
        click.echo(_("click.aborted"), err=True)
        code = 1
    except VoorzorgError as exc:
        show_error(exc)
        code = exc.exit_code
    except KeyboardInterrupt:
        click.echo("\n" + _("error.interrupted"), err=True)
        code = 130
    except BrokenPipeError:
        code = 1
    except Exception as exc:
        code = _handle_unexpected(exc)
    _report_handler_failures()
    if code == 0:
        _deliver_to_integrations()
    with contextlib.suppress(BrokenPipeError):
        sys.stdout.flush()
    sys.exit(code)


def _freeze_start_up() -> None:
    """Run as the program (``voorzorg ...``, ``python -m voorzorg``): move what start-up
    created (click, the stdlib, these modules; all alive until exit) out of the garbage
    collector's sight. Python's exit collections then walk only what the command itself
    made, which is still collected and finalised as before (an open database is closed).
    That saves about as much as the command's own imports cost. Not done when ``main``
    is called with arguments (tests, in-process callers): their process lives on.
    """
    import gc

    gc.freeze()


def _report_handler_failures() -> None:
    """An event handler that failed is reported; the change itself was already saved."""
    events = sys.modules.get("voorzorg.events")
    if events is None:
        return
    for failure in events.take_failures():
        click.echo(
            _(
                "events.handler_failed",
                handler=failure.handler,
                event=failure.event,
                error=failure.error,
            ),
            err=True,
        )


def _deliver_to_integrations() -> None:
    """After a successful command: committed events go to the circle's integrations."""
    events = sys.modules.get("voorzorg.events")
    app = App.current
    if events is None or app is None or app._config is None:
        return
    emitted = events.take_emitted()
    if not emitted:
        return
    from voorzorg.integrations.dispatch import deliver

    for problem in deliver(app.config, emitted):
        click.echo(_("integration.delivery_failed", **problem), err=True)


def show_error(exc) -> None:
    click.echo(_("error.prefix", message=exc.message), err=True)
    if exc.hint:
        click.echo(_(exc.hint, **exc.params), err=True)


def _handle_unexpected(exc: Exception) -> int:
    """SQLite and file-system errors get a clear message; anything else is a bug."""
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        from voorzorg.storage.store import sqlite_error

        app = App.current
        error = sqlite_error(exc, app.current_db_path if app else None)
        show_error(error)
        return error.exit_code
    if isinstance(exc, OSError) and exc.strerror:
        from voorzorg.errors import os_error_text

        message = _("error.os", path=exc.filename or "", error=os_error_text(exc))
        click.echo(_("error.prefix", message=message), err=True)
        return 1
    raise exc
