"""`voorzorg restore ARCHIVE [--to DIR]`: parse, call deploy/restore.py, print."""

from __future__ import annotations

import click

from voorzorg.cli.base import command, json_option, option, pass_app
from voorzorg.cli.output import Progress, confirm, echo_json
from voorzorg.i18n import _


@command("restore", help="help.restore")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=str), required=False)
@option("--from-replica", is_flag=True, help="opt.from_replica")
@option("--timestamp", metavar="TIME", help="opt.timestamp")
@option("--to", "to", metavar="DIR", help="opt.restore_to")
@option("--code-stdin", is_flag=True, help="opt.code_stdin")
@option("--identity", metavar="FILE", help="opt.identity")
@option("--yes", is_flag=True, help="opt.yes")
@json_option
@pass_app
def restore(app, archive, from_replica, timestamp, to, code_stdin, identity, yes, as_json):
    from pathlib import Path

    from voorzorg.deploy import restore as restore_mod
    from voorzorg.errors import VoorzorgError

    if from_replica or timestamp:
        _from_replica(app, archive, timestamp, to, yes, as_json)
        return
    if not archive:
        raise VoorzorgError("restore.no_archive_given")
    path = Path(archive)
    if not path.is_file():
        raise VoorzorgError("restore.no_archive", path=str(path))
    deploy_dir = Path(to) if to else None
    if deploy_dir is None:
        try:
            deploy_dir = app.config.path.parent
        except VoorzorgError:
            raise VoorzorgError("restore.no_deployment", hint="restore.to_hint") from None
    key = _read_key(app, path, to, code_stdin, identity)
    archive_obj = _open(path, key)
    plan = restore_mod.plan(archive_obj, deploy_dir, new_folder=bool(to))
    if not as_json:
        _show_plan(plan)
    if not yes and not confirm(_("restore.confirm")):
        raise click.Abort
    result = restore_mod.restore(
        archive_obj, deploy_dir, new_folder=bool(to), progress=Progress(quiet=as_json)
    )
    _erase_again(deploy_dir, result)
    _withdrawn_again(result)
    if as_json:
        echo_json(result)
        return
    click.echo(_("restore.done", path=result["deployment"]))
    if result.get("replaced_kept_in") and (result["replace"] or result["set_aside"]):
        click.echo(_("restore.kept", path=result["replaced_kept_in"]))


def _from_replica(app, archive, timestamp, to, yes, as_json) -> None:
    from voorzorg.deploy import restore as restore_mod
    from voorzorg.deploy.replica import replica_archive
    from voorzorg.errors import VoorzorgError

    if archive or to:
        raise VoorzorgError("restore.replica_in_place")
    click.echo(_("restore.from_replica"), err=True)
    archive_obj = replica_archive(app.config, timestamp)
    deploy_dir = app.config.path.parent
    plan = restore_mod.plan(archive_obj, deploy_dir, new_folder=False, partial=True)
    if not as_json:
        _show_plan(plan)
    if not yes and not confirm(_("restore.confirm")):
        raise click.Abort
    result = restore_mod.restore(
        archive_obj, deploy_dir, new_folder=False, progress=Progress(quiet=as_json), partial=True
    )
    _erase_again(deploy_dir, result)
    _withdrawn_again(result)
    if as_json:
        echo_json(result)
        return
    click.echo(_("restore.done", path=result["deployment"]))
    if result["replace"]:
        click.echo(_("restore.kept", path=result["replaced_kept_in"]))


def _withdrawn_again(result: dict) -> None:
    """Consents withdrawn after the archive was made were withdrawn again (with the needs
    or check-ins resting on them): say so, with counts only."""
    done = result.get("withdrawals_reapplied") or []
    if done:
        click.echo(_("privacy.withdrawn_again", n=len(done)), err=True)


def _erase_again(deploy_dir, result: dict) -> None:
    """Members erased after the archive was made were erased again in the restored
    circles; their integrations' data goes too (the integrations are loaded here)."""
    from pathlib import Path

    if not result.get("erasures_reapplied"):
        return
    from voorzorg.deploy import config as config_mod
    from voorzorg.privacy.erase import finish_pending

    config = config_mod.load(Path(deploy_dir) / config_mod.CONFIG_NAME)
    _count, problems = finish_pending(config)
    click.echo(_("privacy.erased_again", n=len(result["erasures_reapplied"])), err=True)
    for problem in problems:
        click.echo(_("privacy.erased_again_failed", **problem), err=True)


def _read_key(app, path, to, code_stdin, identity_file) -> dict:
    import sys

    from voorzorg.deploy import restore as restore_mod

    if not restore_mod.is_encrypted(path):
        return {}
    if identity_file:
        from pathlib import Path

        return {"identity": Path(identity_file).read_text(encoding="utf-8")}
    if code_stdin:
        return {"code": sys.stdin.readline().strip()}
    if not to:
        from voorzorg.deploy.backup import stored_code

        code = stored_code(app.config)
        if code:
            return {"code": code, "stored": True}
    return {"code": click.prompt(_("restore.code_prompt"), hide_input=True, err=True)}


def _open(path, key: dict):
    from voorzorg.deploy.restore import read_archive
    from voorzorg.errors import VoorzorgError

    click.echo(_("restore.checking", path=str(path)), err=True)
    try:
        return read_archive(path, code=key.get("code"), identity=key.get("identity"))
    except VoorzorgError as exc:
        if exc.key != "restore.wrong_code" or not key.get("stored"):
            raise
    # The code in secrets.toml belongs to newer archives: ask for the one on paper.
    code = click.prompt(_("restore.code_prompt_old"), hide_input=True, err=True)
    return read_archive(path, code=code)


def _when(instant: str) -> str:
    from voorzorg.cli.output import local_time
    from voorzorg.clock import DEFAULT_TIMEZONE

    return local_time(instant, DEFAULT_TIMEZONE) or instant


def _show_plan(plan: dict) -> None:
    click.echo(
        _(
            "restore.about",
            created=_when(plan["created_at"]),
            host=plan["host"],
            version=plan["voorzorg_version"],
        )
    )
    click.echo(_("restore.target", path=plan["deployment"]))
    for key, label in (
        ("replace", "restore.will_replace"),
        ("add", "restore.will_add"),
        ("set_aside", "restore.will_set_aside"),
    ):
        if plan[key]:
            click.echo(_(label, count=len(plan[key])))
            for item in plan[key]:
                click.echo(f"    {item}")
