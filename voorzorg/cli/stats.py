from __future__ import annotations

import click

from voorzorg.cli.base import group, json_option, option, pass_app
from voorzorg.cli.output import echo_json, echo_table
from voorzorg.i18n import _


@group("stats", help="help.stats")
def stats() -> None:
    pass


def _connect(app):
    """stats.db for reading; never creates one (serve would then show an empty one)."""
    from voorzorg.errors import VoorzorgError
    from voorzorg.stats import store as stats_store

    path = stats_store.stats_path(app.config.data_dir)
    if not path.exists():
        raise VoorzorgError("stats.no_releases_yet")
    return stats_store.connect(path)


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


@stats.command("release", help="help.stats.release")
@option("--period", metavar="2026-H1", help="opt.period")
@option("--k", "k", type=int, default=10, show_default=True, help="opt.k")
@option("--allow-small-k", is_flag=True, help="opt.allow_small_k")
@option("--k-reason", metavar="TEXT", help="opt.k_reason")
@option("--supersede", is_flag=True, help="opt.supersede")
@option("--reason", metavar="TEXT", help="opt.reason")
@option("--by", metavar="NAME", help="opt.by")
@json_option
@pass_app
def release(app, period, k, allow_small_k, k_reason, supersede, reason, by, as_json) -> None:
    from voorzorg.cli.base import local_today
    from voorzorg.errors import VoorzorgError
    from voorzorg.stats.builder import build_release
    from voorzorg.stats.periods import last_finished

    if isinstance(app.config.data.get("hub"), dict):
        raise VoorzorgError("hub.no_release_on_hub", hint="hub.collect_hint")
    period = period or last_finished(local_today())
    summary = build_release(
        app.config,
        period,
        k=k,
        today=local_today(),
        by=by or _login_name(),
        allow_small_k=allow_small_k,
        k_reason=k_reason,
        supersede=supersede,
        reason=reason,
        progress=None if as_json else lambda name: click.echo(_("stats.progress", circle=name)),
    )
    if as_json:
        echo_json(summary)
    else:
        click.echo(
            _(
                "stats.superseded" if summary["action"] == "superseded" else "stats.released",
                release=summary["release_id"],
                published=_("count.figures", n=summary["published"]),
                version=summary["version"],
                suppressed=summary["suppressed"],
            )
        )


@stats.command("ledger", help="help.stats.ledger")
@json_option
@pass_app
def ledger_(app, as_json) -> None:
    from voorzorg.stats.ledger import read

    rows = [
        {
            "release": e["content"]["period"],
            "version": e["content"].get("version") or 1,
            "action": e["action"],
            "at": e["at"],
            "by": e["by"],
            "k": e["content"]["k"],
            "method": e["content"].get("method"),
            "hash": e["hash"][:16],
            "reason": e.get("reason") or e["content"].get("k_reason") or "",
        }
        for e in read(app.config.data_dir)
    ]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["action"] = _("stats.action." + row["action"])
    echo_table(
        rows,
        [
            ("release", "col.release"),
            ("version", "col.version"),
            ("action", "col.action"),
            ("at", "col.at"),
            ("by", "col.by"),
            ("k", "col.k"),
            ("method", "col.method"),
            ("hash", "col.hash"),
            ("reason", "col.reason"),
        ],
        empty="stats.ledger_empty",
    )


@stats.command("list", help="help.stats.list")
@json_option
@pass_app
def list_(app, as_json) -> None:
    from voorzorg.stats.audit import list_releases

    rows = list_releases(_connect(app))
    if as_json:
        echo_json(rows)
        return
    echo_table(
        rows,
        [
            ("release", "col.release"),
            ("start", "col.start"),
            ("end", "col.end"),
            ("k", "col.k"),
            ("circles", "col.circles"),
            ("pooled", "col.pooled"),
            ("method", "col.method"),
            ("version", "col.version"),
        ],
        empty="stats.none",
    )


@stats.command("show", help="help.stats.show")
@click.argument("release_id", metavar="RELEASE")
@json_option
@pass_app
def show(app, release_id, as_json) -> None:
    from voorzorg.stats.audit import show_release
    from voorzorg.stats.periods import parse_period

    result = show_release(_connect(app), parse_period(release_id)[0])
    if as_json:
        echo_json(result)
        return
    for table, rows in result["tables"].items():
        click.echo(f"\n{_('stats.table.' + table)}")
        for row in rows:
            label = " / ".join(str(v) for k, v in row.items() if k not in ("value", "published"))
            value = _("stats.not_publishable") if row["value"] is None else _number(row["value"])
            click.echo(f"  {label or '—'}: {value}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@stats.command("check", help="help.stats.check")
@json_option
@pass_app
def check(app, as_json) -> None:
    from voorzorg.errors import VoorzorgError
    from voorzorg.stats.audit import audit, describe

    findings = audit(_connect(app), app.config.data_dir)
    if as_json:
        echo_json(findings)
    elif not findings:
        click.echo(_("stats.check_ok"))
    else:
        for finding in findings:
            click.echo(describe(finding))
    if findings:
        raise VoorzorgError("stats.check_failed", n=len(findings))


@stats.command("key", help="help.stats.key")
@json_option
@pass_app
def key(app, as_json) -> None:
    from voorzorg.federation import keys

    private = keys.load(app.config.secrets_path)
    fingerprint = keys.fingerprint(keys.public_bytes(private))
    if as_json:
        echo_json({"fingerprint": fingerprint})
        return
    click.echo(_("federation.fingerprint", fingerprint=fingerprint))
    click.echo(_("federation.fingerprint_hint"))


@stats.command("publish", help="help.stats.publish")
@option("--to-file", "to_file", metavar="PATH", help="opt.to_file")
@json_option
@pass_app
def publish(app, to_file, as_json) -> None:
    from pathlib import Path

    from voorzorg.errors import VoorzorgError
    from voorzorg.federation.publish import publish as do_publish

    if isinstance(app.config.data.get("hub"), dict):
        raise VoorzorgError("hub.no_release_on_hub", hint="hub.collect_hint")
    has_store = bool((app.config.data.get("federation") or {}).get("endpoint"))
    if not to_file and not has_store:
        raise VoorzorgError("federation.no_store", hint="federation.store_hint")
    summary = do_publish(app.config, to_file=Path(to_file) if to_file else None, upload=has_store)
    if as_json:
        echo_json(summary)
        return
    click.echo(
        _(
            "federation.published" if summary["new"] else "federation.unchanged",
            sequence=summary["sequence"],
            fingerprint=summary["fingerprint"],
            releases=summary["releases"],
        )
    )
    if summary.get("file"):
        click.echo(_("federation.written", path=summary["file"]))
    if has_store:
        click.echo(_("federation.uploaded", n=len(summary["uploaded"])))
    if not summary["pooled"]:
        click.echo(_("federation.not_pooled"))
