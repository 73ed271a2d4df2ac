"""`voorzorg check`: parse, call deploy/check.py, print; the exit code is for cron."""

from __future__ import annotations

import click

from voorzorg.cli.base import command, json_option, option, pass_app
from voorzorg.cli.output import confirm, echo_json
from voorzorg.i18n import _


@command("check", help="help.check", epilog="help.check_epilog")
@option("--adopt", metavar="ID", help="opt.adopt")
@option("--name", metavar="NAME", help="opt.circle_name")
@option("--remove-orphan", metavar="ID", help="opt.remove_orphan")
@option("--yes", is_flag=True, help="opt.yes")
@option("--notify", is_flag=True, help="opt.notify")
@json_option
@pass_app
@click.pass_context
def check(ctx, app, adopt, name, remove_orphan, yes, notify, as_json) -> None:
    if adopt or remove_orphan:
        _fix_orphan(app, adopt, name, remove_orphan, yes, as_json)
        return
    from voorzorg.cli.base import _find_config
    from voorzorg.deploy import config as config_mod
    from voorzorg.deploy.check import run_checks

    result = run_checks(_find_config(config_mod, app.config_option))
    if notify and result["status"] != "ok":
        result["notified"] = _notify(app, result)
    if as_json:
        echo_json(result)
    else:
        for finding in result["findings"]:
            label = _("check.label_error" if finding["level"] == "error" else "check.label_warning")
            click.echo(f"{label}: {finding['message']}")
            if finding["fix"]:
                click.echo(f"    {finding['fix']}")
        counted = {"ok": "databases_checked", "warning": "warnings", "error": "errors"}
        click.echo(_(f"check.summary_{result['status']}", n=result[counted[result["status"]]]))
    if notify and result["status"] != "ok" and not as_json:
        sent = result["notified"]
        if sent["sent"]:
            click.echo(_("check.notified"))
        elif sent["reason"] == "no_url":
            click.echo(_("check.notify_missing"), err=True)
        else:
            click.echo(_("check.notify_failed", reason=sent["reason"]), err=True)
    ctx.exit(result["exit_code"])


def _notify(app, result: dict) -> dict:
    """One short message: what needs attention and how to fix it (no personal data)."""
    import socket

    from voorzorg.integrations.dispatch import notify_operator

    status = _(f"check.label_{'error' if result['status'] == 'error' else 'warning'}")
    title = _("check.notify_title", host=socket.gethostname(), status=status)
    lines = []
    for finding in result["findings"]:
        lines.append(f"- {finding['message']}")
        if finding["fix"]:
            lines.append(f"  {finding['fix']}")
    try:
        return notify_operator(app.config, title, "\n".join(lines))
    except Exception as exc:  # a broken config is a finding already; never hide the exit code
        return {"sent": False, "reason": type(exc).__name__}


def _fix_orphan(app, adopt, name, remove_orphan, yes, as_json) -> None:
    if adopt:
        from voorzorg.deploy.circles import add_circle

        question = _("check.confirm_adopt", id=adopt)
        if not yes and not confirm(question):
            raise click.Abort
        app.config, info = add_circle(app.config, adopt, name or adopt, adopt=True)
        if as_json:
            echo_json(info)
        else:
            click.echo(_("check.adopted", id=info["id"], name=info["name"]))
        return
    from voorzorg.deploy.check import remove_orphan as remove

    if not yes and not confirm(_("check.confirm_remove", id=remove_orphan)):
        raise click.Abort
    info = remove(app.config, remove_orphan)
    if as_json:
        echo_json(info)
    else:
        click.echo(_("check.removed", id=info["id"], path=info["moved_to"]))
