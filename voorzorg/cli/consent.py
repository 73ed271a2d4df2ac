from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, circle_today, group, json_option, option, pass_app
from voorzorg.cli.output import echo_json, echo_table, emit, local_time
from voorzorg.i18n import _


@group("consent", help="help.consent")
def consent() -> None:
    pass


@consent.command("give", help="help.consent.give")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@click.argument("purpose", metavar="matching|stats|wellbeing|noodkaart")
@option("--recorded-by", metavar="NAME", help="opt.recorded_by")
@option("--text-version", metavar="V", help="opt.text_version")
@option("--on", "on", metavar="DATE", help="opt.consent_on")
@json_option
@pass_app
def give(app, circle_id, member_ref, purpose, recorded_by, text_version, on, as_json) -> None:
    from voorzorg.cli.member import recorder
    from voorzorg.dates import parse_date
    from voorzorg.domain.consents import give_consent, given_on, parse_purpose
    from voorzorg.domain.members import resolve_member

    purpose = parse_purpose(purpose)
    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    day = parse_date(on, today=circle_today(entry), past=True) if on else None
    info = give_consent(
        db,
        member_id,
        purpose,
        recorded_by=recorder(recorded_by),
        text_version=text_version,
        at=given_on(day, entry.timezone, today=circle_today(entry)) if day else None,
    )
    emit(info, as_json, "consent.given", name=info["member_name"], purpose=_("purpose." + purpose))
    if day and not as_json:
        from voorzorg.cli.output import day_text

        click.echo(_("echo.date", day=day_text(day)))


@consent.command("withdraw", help="help.consent.withdraw")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@click.argument("purpose", metavar="matching|stats|wellbeing|noodkaart")
@option("--recorded-by", metavar="NAME", help="opt.recorded_by")
@json_option
@pass_app
def withdraw(app, circle_id, member_ref, purpose, recorded_by, as_json) -> None:
    from voorzorg.categories import label
    from voorzorg.cli.member import recorder
    from voorzorg.domain.consents import parse_purpose
    from voorzorg.domain.members import resolve_member
    from voorzorg.privacy.withdraw import withdraw as withdraw_and_register

    purpose = parse_purpose(purpose)
    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    info = withdraw_and_register(app.config, entry.id, db, member_id, purpose,
                                 recorded_by=recorder(recorded_by))  # fmt: skip
    if as_json:
        echo_json(info)
        return
    name = info["member_name"]
    click.echo(_("consent.withdrawn", name=name, purpose=_("purpose." + purpose)))
    if info["needs_removed"]:
        labels = ", ".join(label(c) for c in info["needs_removed"])
        click.echo(_("consent.needs_removed", needs=labels))
    if info["checkins_removed"]:
        click.echo(_("consent.checkins_removed", n=info["checkins_removed"]))
    if not info["compacted"]:
        click.echo(_("privacy.compact_busy"), err=True)


@consent.command("list", help="help.consent.list")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1)
@option("--active", "active_only", is_flag=True, help="opt.consent_active")
@json_option
@pass_app
def list_(app, circle_id, member_ref, active_only, as_json) -> None:
    from voorzorg.domain.consents import list_consents
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref)) if member_ref else None
    rows = list_consents(db, member_id, active_only=active_only)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["purpose_label"] = _("purpose." + row["purpose"])
        row["state"] = _("consent.state_active") if row["active"] else _("consent.state_withdrawn")
        row["given_local"] = local_time(row["given_at"], entry.timezone)
        row["withdrawn_local"] = local_time(row["withdrawn_at"], entry.timezone)
    echo_table(
        rows,
        [
            ("member_id", "col.member_id"),
            ("member_name", "col.name"),
            ("purpose_label", "col.purpose"),
            ("given_local", "col.given_at"),
            ("recorded_by", "col.recorded_by"),
            ("text_version", "col.text_version"),
            ("withdrawn_local", "col.withdrawn_at"),
            ("state", "col.state"),
        ],
        empty="consent.none_found",
    )
