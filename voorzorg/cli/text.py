"""``voorzorg text``: ready-made messages for the circle's WhatsApp or Signal group."""

from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, circle_today, group, option, pass_app


@group("text", help="help.text")
def text() -> None:
    pass


@text.command("week", help="help.text.week")
@circle_option
@option("--next", "next_week", is_flag=True, help="opt.text_next_week")
@pass_app
def week(app, circle_id, next_week) -> None:
    from voorzorg.domain.grouptexts import week_text

    entry, db = app.open_circle(circle_id)
    click.echo(week_text(db, today=circle_today(entry), timezone=entry.timezone,
                         next_week=next_week))  # fmt: skip


@text.command("cancellation", help="help.text.cancellation")
@circle_option
@click.argument("activity_ref", metavar="ACTIVITY")
@option("--date", "on", metavar="DATE", help="opt.text_cancellation_date")
@pass_app
def cancellation(app, circle_id, activity_ref, on) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.activities import resolve_activity
    from voorzorg.domain.grouptexts import cancellation_text

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    day = parse_date(on, today=today) if on else None
    click.echo(cancellation_text(db, resolve_activity(db, activity_ref), on=day, today=today,
                                 timezone=entry.timezone))  # fmt: skip


@text.command("welcome", help="help.text.welcome")
@circle_option
@click.argument("member_ref", metavar="MEMBER")
@option("--with-first-name", "--met-voornaam", "with_first_name", is_flag=True,
        help="opt.text_with_first_name")  # fmt: skip
@pass_app
def welcome(app, circle_id, member_ref, with_first_name) -> None:
    from voorzorg.domain.grouptexts import welcome_text
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    click.echo(welcome_text(db, resolve_member(db, member_ref), circle_name=entry.name,
                            with_first_name=with_first_name))  # fmt: skip
