"""`voorzorg hub`: a deployment that collects the centres' signed statistics."""

from __future__ import annotations

import click

from voorzorg.cli.base import group, json_option, option, pass_app
from voorzorg.cli.output import echo_json, echo_table
from voorzorg.i18n import _, explicit_language


@group("hub", help="help.hub")
def hub() -> None:
    pass


@hub.command("init", help="help.hub.init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@option("--name", required=True, metavar="NAME", help="opt.hub_name")
@json_option
def init(directory, name, as_json) -> None:
    from pathlib import Path

    from voorzorg.federation.hub import init_hub

    result = init_hub(Path(directory), name, language=explicit_language())
    if as_json:
        echo_json(result)
        return
    click.echo(_("hub.initialised", name=result["name"], config=result["config"]))
    click.echo(_("hub.recipient", recipient=result["recipient"]))
    click.echo(_("hub.next"))


@hub.command("trust", help="help.hub.trust")
@click.argument("fingerprint")
@option("--name", required=True, metavar="NAME", help="opt.centre_name")
@json_option
@pass_app
def trust(app, fingerprint, name, as_json) -> None:
    from voorzorg.federation.hub import trust as do_trust

    result = do_trust(app.config, fingerprint, name)
    if as_json:
        echo_json(result)
        return
    click.echo(_("hub.trusted" if result["new"] else "hub.renamed", **result))


@hub.command("revoke", help="help.hub.revoke")
@click.argument("fingerprint")
@option("--reason", metavar="TEXT", help="opt.revoke_reason")
@json_option
@pass_app
def revoke(app, fingerprint, reason, as_json) -> None:
    from voorzorg.federation.hub import revoke as do_revoke

    result = do_revoke(app.config, fingerprint, reason)
    if as_json:
        echo_json(result)
        return
    click.echo(_("hub.revoked", **result))


@hub.command("list", help="help.hub.list")
@json_option
@pass_app
def list_(app, as_json) -> None:
    from voorzorg.federation import hubdb
    from voorzorg.federation.hub import require_hub

    require_hub(app.config)
    conn = hubdb.connect(app.config.data_dir)
    try:
        rows = hubdb.centres(conn)
    finally:
        conn.close()
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["state"] = _("hub.state_revoked") if row["revoked_at"] else _("hub.state_trusted")
        row["last_bundle"] = row["last_bundle"] or "—"
    echo_table(
        rows,
        [("name", "col.name"), ("fingerprint", "col.fingerprint"), ("state", "col.state"),
         ("sequence", "col.sequence"), ("last_bundle", "col.last_bundle")],
        empty="hub.no_centres",
    )  # fmt: skip


@hub.command("collect", help="help.hub.collect")
@option("--from", "source", metavar="DIR", help="opt.collect_from")
@json_option
@pass_app
def collect(app, source, as_json) -> None:
    import sys
    from pathlib import Path

    from voorzorg.cli.output import Progress
    from voorzorg.errors import VoorzorgError
    from voorzorg.federation.hub import collect as do_collect

    # Progress on the terminal only: the hourly timer's log stays short.
    quiet = as_json or not sys.stderr.isatty()
    report = do_collect(app.config, source=Path(source) if source else None,
                        progress=Progress(quiet=quiet))  # fmt: skip
    if as_json:
        echo_json(report)
    else:
        _print_report(report)
    if report["refused"] or report.get("city", {}).get("refused"):
        raise VoorzorgError(
            "hub.collect_refusals",
            n=len(report["refused"]) + len(report.get("city", {}).get("refused", [])),
        )


def _print_report(report: dict) -> None:
    from voorzorg.text import escape_control

    accepted = _("count.new_bundles", n=len(report["accepted"]))
    click.echo(_("hub.collected", accepted=accepted, seen=report["seen"]))
    for refusal in report["refused"]:
        reason = _("hub.refusal." + refusal["reason"])
        # Names come from the bucket or a stick: shown, never obeyed by the terminal.
        source = escape_control(refusal["source"])
        click.echo(_("hub.refused_line", source=source, reason=reason))
    city = report.get("city") or {}
    for item in city.get("published", []):
        click.echo(_("hub.city_published", period=item["period"], version=item["version"],
                     centres=item["centres"]))  # fmt: skip
    for item in city.get("refused", []):
        click.echo(_("hub.city_refused", period=item["period"], first=item["first"]))
    for item in city.get("without_parts", []):
        click.echo(_("hub.without_parts", centre=item["centre"], period=item["period"]))


@hub.command("check", help="help.hub.check")
@json_option
@pass_app
def check(app, as_json) -> None:
    from voorzorg.errors import VoorzorgError
    from voorzorg.federation.city import check as audit
    from voorzorg.federation.hub import require_hub
    from voorzorg.stats.audit import describe

    require_hub(app.config)
    findings = audit(app.config)
    if as_json:
        echo_json(findings)
    elif not findings:
        click.echo(_("stats.check_ok"))
    else:
        for finding in findings:
            click.echo(f"{finding.get('series', '')} {describe(finding)}".strip())
    if findings:
        raise VoorzorgError("stats.check_failed", n=len(findings))


@hub.command("serve", help="help.hub.serve")
@option("--host", default="127.0.0.1", show_default=True, metavar="HOST", help="opt.host")
@option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="opt.port")
@click.pass_context
@pass_app
def serve(app, ctx, host, port) -> None:
    from voorzorg.cli.serve import serve as serve_command
    from voorzorg.federation.hub import require_hub

    require_hub(app.config)
    ctx.invoke(serve_command, host=host, port=port)
