from __future__ import annotations

import click

from voorzorg.cli.base import (
    circle_option,
    circle_today,
    group,
    json_option,
    option,
    pass_app,
    utc_now,
)
from voorzorg.cli.output import echo_json, echo_table, emit, local_time
from voorzorg.i18n import _


@group("feed", help="help.feed")
def feed() -> None:
    pass


def render_for(entry, db, member_id=None):
    """The circle's feed, or a member's personal feed, as of today."""
    from voorzorg.calendar.feeds import render_circle_feed, render_member_feed

    day = circle_today(entry)
    if member_id is None:
        return render_circle_feed(
            db, circle_id=entry.id, name=entry.name, timezone=entry.timezone, today=day
        )
    return render_member_feed(
        db, member_id, circle_id=entry.id, name=entry.name, timezone=entry.timezone, today=day
    )


@feed.command("build", help="help.feed.build")
@option("--out", "out_dir", metavar="DIR", help="opt.feed_out")
@json_option
@pass_app
def build(app, out_dir, as_json) -> None:
    from voorzorg.calendar.publish import write_circle_feeds

    written = write_circle_feeds(app.config, out_dir)
    if as_json:
        echo_json(written)
        return
    for item in written:
        click.echo(_("feed.written", path=item["path"], size=item["bytes"]))


@feed.command("show", help="help.feed.show")
@circle_option
@option("--member", "member_ref", metavar="MEMBER", help="opt.feed_member")
@pass_app
def show(app, circle_id, member_ref) -> None:
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, member_ref) if member_ref else None
    result = render_for(entry, db, member_id)
    click.echo(result.body.decode("utf-8").replace("\r\n", "\n"), nl=False)


@feed.group("token", help="help.feed.token")
def token() -> None:
    pass


@token.command("add", help="help.feed.token.add")
@circle_option
@option("--label", required=True, metavar="TEXT", help="opt.token_label")
@option("--member", "member_ref", metavar="MEMBER", help="opt.token_member")
@json_option
@pass_app
def token_add(app, circle_id, label, member_ref, as_json) -> None:
    from voorzorg.calendar.tokens import add_token, subscription_urls
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, member_ref) if member_ref else None
    item = add_token(db, label=label, member_id=member_id, now=utc_now())
    base = app.config.base_url
    urls = subscription_urls(base, entry.id, item["token"])
    if as_json:
        echo_json({**item, "urls": urls})
        return
    click.echo(_("feed.token_added", id=item["id"], label=item["label"]))
    click.echo(_("feed.url_https", url=urls["https"]))
    click.echo(_("feed.url_webcal", url=urls["webcal"]))
    click.echo(_("feed.shown_once"))


@token.command("list", help="help.feed.token.list")
@circle_option
@option("--all", "include_revoked", is_flag=True, help="opt.token_all")
@json_option
@pass_app
def token_list(app, circle_id, include_revoked, as_json) -> None:
    from voorzorg.calendar.tokens import list_tokens

    entry, db = app.open_circle(circle_id)
    rows = list_tokens(db, include_revoked=include_revoked)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["kind"] = _("feed.personal") if row["member_id"] else _("feed.circle")
        row["created"] = local_time(row["created_at"], entry.timezone)
        row["revoked"] = local_time(row["revoked_at"], entry.timezone)
    echo_table(
        rows,
        [
            ("id", "col.id"),
            ("label", "col.label"),
            ("kind", "col.kind"),
            ("member_name", "col.name"),
            ("created", "col.created_at"),
            ("revoked", "col.revoked_at"),
        ],
        empty="feed.no_tokens",
    )


@token.command("revoke", help="help.feed.token.revoke")
@circle_option
@click.argument("token_id", metavar="ID", type=int)
@json_option
@pass_app
def token_revoke(app, circle_id, token_id, as_json) -> None:
    from voorzorg.calendar.tokens import revoke_token

    _entry, db = app.open_circle(circle_id)
    item = revoke_token(db, token_id, now=utc_now())
    emit(item, as_json, "feed.revoked", id=item["id"], label=item["label"])
