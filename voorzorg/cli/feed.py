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
    from voorzorg.calendar.feeds import options_of, render_circle_feed, render_member_feed

    day = circle_today(entry)
    options = options_of(entry)
    if member_id is None:
        return render_circle_feed(db, circle_id=entry.id, name=entry.name,
                                  timezone=entry.timezone, today=day, options=options)  # fmt: skip
    return render_member_feed(db, member_id, circle_id=entry.id, name=entry.name,
                              timezone=entry.timezone, today=day, options=options)  # fmt: skip


def check_qr_file(qr_file: str | None) -> None:
    """Refuse a QR file that cannot be written, before anything is made (a token)."""
    if not qr_file:
        return
    import os
    from pathlib import Path

    from voorzorg.errors import VoorzorgError

    path = Path(qr_file)
    if path.suffix.lower() not in (".png", ".svg"):
        raise VoorzorgError("feed.qr_bad_suffix", path=qr_file)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise VoorzorgError("feed.qr_folder", path=str(folder))


def show_qr(link: str, qr_file: str | None) -> None:
    """The subscription link as a QR code in the terminal, and in ``qr_file`` if given."""
    import io

    import segno

    code = segno.make(link, error="m")
    if qr_file:
        from pathlib import Path

        from voorzorg.errors import VoorzorgError

        path = Path(qr_file)
        if path.suffix.lower() not in (".png", ".svg"):
            raise VoorzorgError("feed.qr_bad_suffix", path=qr_file)
        buffer = io.BytesIO()
        code.save(buffer, kind=path.suffix.lower()[1:], scale=8, border=4)
        from voorzorg.deploy.config import atomic_write

        # The code holds the secret link: readable by you only (print it, hand it out).
        atomic_write(path, buffer.getvalue(), mode=0o600)
    click.echo(_("feed.qr_scan"))
    text = io.StringIO()
    code.terminal(out=text, compact=True)
    click.echo(text.getvalue(), nl=False)
    if qr_file:
        click.echo(_("feed.qr_written", path=qr_file))


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
@option("--ics", "as_ics", is_flag=True, help="opt.feed_ics")
@option("--days", type=click.IntRange(1, 366), default=28, metavar="N", help="opt.feed_days")
@option("--link", "link", is_flag=True, help="opt.feed_link")
@option("--token", "token", metavar="KEY", help="opt.feed_token")
@option("--qr", "qr_file", metavar="FILE", help="opt.feed_qr")
@pass_app
def show(app, circle_id, member_ref, as_ics, days, link, token, qr_file) -> None:
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    if link or qr_file:
        _show_link(app, entry, db, token, qr_file)
        return
    member_id = resolve_member(db, member_ref) if member_ref else None
    if as_ics:
        result = render_for(entry, db, member_id)
        click.echo(result.body.decode("utf-8").replace("\r\n", "\n"), nl=False)
        return
    from datetime import timedelta

    from voorzorg.cli.output import day_text

    first = circle_today(entry)
    last = first + timedelta(days=days - 1)
    lines = _agenda(entry, db, member_id, first, last)
    name = entry.name
    if member_id is not None:
        from voorzorg.domain.members import get_member

        name = get_member(db, member_id)["name"]
    params = {"name": name, "first": day_text(first), "last": day_text(last)}
    if not lines:
        click.echo(_("feed.agenda_empty", **params))
    else:
        click.echo(_("feed.agenda_header", **params))
        click.echo("\n".join(lines))
    click.echo(_("feed.ics_hint"))


def _agenda(entry, db, member_id, first, last) -> list[str]:
    """The feed as people read it: one line per occurrence, weekday and Dutch month."""
    from voorzorg.cli.output import day_text

    if member_id is not None:
        return _member_agenda(db, member_id, first, last)
    from voorzorg.domain.activities import occurrences

    lines = []
    for row in occurrences(db, start=first, end=last, timezone=entry.timezone):
        if row["status"] == "cancelled" and not entry.feed_show_cancelled:
            continue
        if row["all_day"]:
            when = f"{day_text(row['start'], short=True)}  {_('feed.agenda_all_day')}"
        else:
            when = (f"{day_text(row['start'].date(), short=True)}  "
                    f"{row['start']:%H:%M}–{row['end']:%H:%M}")  # fmt: skip
        text = f"{when}  {row['title']}"
        if row["location"]:
            text += f" ({row['location']})"
        if row["status"] == "cancelled":
            text += f"  — {_('feed.agenda_cancelled')}"
            if row["note"]:
                text += f"; {_('feed.agenda_reason', note=row['note'])}"
        elif row["status"] == "moved":
            original = row["original_start"]
            shown = day_text(original.date() if hasattr(original, "date") else original, short=True)
            text += f"  ({_('feed.agenda_moved', original=shown)})"
        lines.append(text)
    return lines


def _member_agenda(db, member_id, first, last) -> list[str]:
    from voorzorg.categories import label
    from voorzorg.cli.output import day_text
    from voorzorg.domain.requests import list_requests

    lines = []
    for row in list_requests(db, member_id=member_id):
        wanted = row["wanted_at"]
        if row["status"] not in ("accepted", "done") or not wanted:
            continue
        if member_id not in (row["helper_id"], row["for_id"]):
            continue
        if not first.isoformat() <= wanted[:10] <= last.isoformat():
            continue
        if row["helper_id"] == member_id:
            who = f"{label(row['category'])} — {row['for_name'][:1]}."
        else:
            who = _("feed.help_for_you", category=label(row["category"]))
        when = (
            day_text(wanted, short=True)
            if len(wanted) > 10
            else (f"{day_text(wanted, short=True)} ({_('feed.time_unknown')})")
        )
        lines.append(f"{when}  {who}")
    return sorted(lines)


def _show_link(app, entry, db, token, qr_file) -> None:
    from voorzorg.calendar.tokens import lookup, subscription_urls
    from voorzorg.errors import VoorzorgError

    if not token:
        raise VoorzorgError("feed.link_needs_token", hint="feed.link_token_hint")
    if lookup(db, token.strip()) is None:
        raise VoorzorgError("feed.link_unknown_token", hint="feed.link_needs_token")
    urls = subscription_urls(app.config.base_url, entry.id, token.strip())
    click.echo(_("feed.url_https", url=urls["https"]))
    click.echo(_("feed.url_webcal", url=urls["webcal"]))
    show_qr(urls["webcal"], qr_file)


@feed.group("token", help="help.feed.token")
def token() -> None:
    pass


@token.command("add", help="help.feed.token.add")
@circle_option
@option("--label", required=True, metavar="TEXT", help="opt.token_label")
@option("--member", "member_ref", metavar="MEMBER", help="opt.token_member")
@option("--qr", "qr_file", metavar="FILE", help="opt.feed_qr")
@option("--no-qr", "no_qr", is_flag=True, help="opt.feed_no_qr")
@json_option
@pass_app
def token_add(app, circle_id, label, member_ref, qr_file, no_qr, as_json) -> None:
    from voorzorg.calendar.tokens import add_token, subscription_urls
    from voorzorg.domain.members import resolve_member

    check_qr_file(qr_file)
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
    if not no_qr or qr_file:
        show_qr(urls["webcal"], qr_file)
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
