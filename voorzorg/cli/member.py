from __future__ import annotations

import click

from voorzorg.cli.base import (
    circle_option,
    circle_today,
    group,
    json_option,
    local_today,
    option,
    pass_app,
    utc_now,
)
from voorzorg.cli.output import (
    confirm,
    day_text,
    echo_fields,
    echo_json,
    echo_table,
    emit,
    local_time,
)
from voorzorg.i18n import _


def recorder(name: str | None) -> str | None:
    """Who records a consent (see ``base.recorder``)."""
    from voorzorg.cli.base import App
    from voorzorg.cli.base import recorder as base_recorder

    return base_recorder(App.current, name)


def _labels(codes):
    from voorzorg.categories import label

    return [label(code) for code in codes]


def _categories(text):
    from voorzorg.categories import parse_categories

    return parse_categories(text)


def _one_category(text):
    from voorzorg.categories import parse_category

    return parse_category(text) if text else None


@group("member", help="help.member")
def member() -> None:
    pass


def _contact_options(func):
    for decorator in reversed(
        [
            option("--address", metavar="TEXT", help="opt.address"),
            option("--postcode", metavar="TEXT", help="opt.postcode"),
            option("--phone", metavar="TEXT", help="opt.phone"),
            option("--email", metavar="TEXT", help="opt.email"),
            option("--birth-year", type=int, metavar="YEAR", help="opt.birth_year"),
            option("--contact-via", metavar="HOW", help="opt.contact_via"),
            option("--offers", metavar="CAT,CAT", help="opt.offers"),
            option("--needs", metavar="CAT,CAT", help="opt.needs"),
        ]
    ):
        func = decorator(func)
    return func


@member.command("add", help="help.member.add", epilog="help.categories_epilog")
@circle_option
@click.argument("name", nargs=-1, metavar="NAME...")
@_contact_options
@option("--connector", is_flag=True, help="opt.connector")
@option("--from-form", "from_form", is_flag=True, help="opt.from_form")
@option("--joined", metavar="DATE", help="opt.joined")
@option("--consent", "consents", metavar="PURPOSE,PURPOSE", help="opt.consent_at_intake")
@option("--recorded-by", metavar="NAME", help="opt.recorded_by")
@option("--text-version", metavar="V", help="opt.text_version")
@option("--toch", "--force", "force", is_flag=True, help="opt.force_duplicate")
@json_option
@pass_app
def add(app, circle_id, name, offers, needs, consents, joined, recorded_by, force, as_json,
        from_form, **fields):  # fmt: skip
    if from_form:
        given = [name, offers, needs, consents, joined, force, *fields.values()]
        if any(value not in (None, (), False) for value in given):
            from voorzorg.errors import VoorzorgError

            raise VoorzorgError("member.form.alone")
        click.get_current_context().invoke(
            form, circle_id=circle_id, recorded_by=recorded_by, as_json=as_json
        )
        return
    if not name:
        ctx = click.get_current_context()
        param = next(p for p in ctx.command.params if p.name == "name")
        raise click.MissingParameter(ctx=ctx, param=param)
    from voorzorg.dates import parse_date
    from voorzorg.domain.members import add_member

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    info = add_member(
        db,
        " ".join(name),
        today=today,
        joined=parse_date(joined, today=today, past=True) if joined else None,
        recorded_by=recorder(recorded_by) if consents else None,
        offers=_categories(offers),
        needs=_categories(needs),
        consents=[p for p in (consents or "").split(",") if p.strip()],
        allow_duplicate=force,
        **fields,
    )
    emit(info, as_json, "member.added", id=info["id"], name=info["name"], circle=entry.name)
    if not as_json and joined:
        click.echo(_("member.joined_on_echo", day=day_text(info["joined_on"])))


MEMBER_COLUMNS = [
    ("id", "col.id"),
    ("name", "col.name"),
    ("phone", "col.phone"),
    ("postcode", "col.postcode"),
    ("offers_label", "col.offers"),
    ("connector", "col.connector"),
]


def _print_members(rows, as_json, empty) -> None:
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["offers_label"] = _labels(row["offers"])
        if row["left_on"]:
            row["name"] = _("member.left_mark", name=row["name"], on=day_text(row["left_on"]))
        elif row.get("away_until") and row["away_until"] >= local_today().isoformat():
            row["name"] = _("member.away_mark", name=row["name"],
                            until=day_text(row["away_until"], short=True))  # fmt: skip
    echo_table(rows, MEMBER_COLUMNS, empty=empty)


@member.command("list", help="help.member.list")
@circle_option
@option("--offers", "offers", metavar="CAT", help="opt.filter_offers")
@option("--needs", "needs", metavar="CAT", help="opt.filter_needs")
@option("--connectors", is_flag=True, help="opt.filter_connectors")
@option("--all", "include_left", is_flag=True, help="opt.member_all")
@json_option
@pass_app
def list_(app, circle_id, offers, needs, connectors, include_left, as_json) -> None:
    from voorzorg.domain.members import list_members

    offers, needs = _one_category(offers), _one_category(needs)
    _entry, db = app.open_circle(circle_id)
    rows = list_members(
        db, offers=offers, needs=needs, connectors=connectors, include_left=include_left
    )
    _print_members(rows, as_json, "member.none_found")


@member.command("search", help="help.member.search")
@circle_option
@click.argument("text", nargs=-1, required=True)
@json_option
@pass_app
def search(app, circle_id, text, as_json) -> None:
    from voorzorg.domain.members import search_members

    _entry, db = app.open_circle(circle_id)
    _print_members(search_members(db, " ".join(text)), as_json, "member.none_found")


@member.command("show", help="help.member.show")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--all", "include_left", is_flag=True, help="opt.member_all_names")
@json_option
@pass_app
def show(app, circle_id, member_ref, include_left, as_json) -> None:
    from voorzorg.domain.members import member_details, resolve_member
    from voorzorg.domain.requests import reciprocity

    entry, db = app.open_circle(circle_id)
    ref = " ".join(member_ref)
    info = member_details(db, resolve_member(db, ref, include_left=include_left))
    info["reciprocity"] = reciprocity(db, info["id"], now=utc_now())
    if as_json:
        echo_json(info)
        return
    contact = _("contact." + info["contact_via"]) if info["contact_via"] else None
    echo_fields(
        [
            ("col.id", info["id"]),
            ("col.name", info["name"]),
            ("col.address", info["address"]),
            ("col.postcode", info["postcode"]),
            ("col.phone", info["phone"]),
            ("col.email", info["email"]),
            ("col.birth_year", info["birth_year"]),
            ("col.contact_via", contact),
            ("col.connector", info["connector"]),
            ("col.offers", _labels(info["offers"])),
            ("col.member_needs", _labels(info["needs"])),
            ("col.consents", [_("purpose." + p) for p in info["consents"]]),
            ("col.joined_on", day_text(info["joined_on"])),
            ("col.left_on", day_text(info["left_on"])),
            ("col.away_until", _away_text(info)),
            ("col.restricted", info["restricted"]),
        ]
    )
    requests = _open_requests(db, info["id"])
    if requests:
        click.echo(_("member.open_requests", requests=requests))
    given, received = info["reciprocity"]["given"], info["reciprocity"]["received"]
    click.echo(
        _(
            "member.reciprocity",
            given=_("count.times", n=given),
            received=_("count.times", n=received),
        )
    )
    if info["changes"]:
        last = info["changes"][-1]
        at = local_time(last["changed_at"], entry.timezone)
        click.echo(_("member.last_change", at=at, fields=", ".join(last["fields"])))
        if last["changed_by"]:
            click.echo(_("privacy.changed_by", by=last["changed_by"]))


@member.command("edit", help="help.member.edit", epilog="help.categories_epilog")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--name", metavar="NAME", help="opt.new_name")
@_contact_options
@option("--connector/--no-connector", default=None, help="opt.connector_edit")
@option("--by", "changed_by", metavar="NAME", help="opt.changed_by")
@json_option
@pass_app
def edit(app, circle_id, member_ref, offers, needs, changed_by, as_json, **fields) -> None:
    from voorzorg.domain.members import edit_member, resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    info = edit_member(
        db,
        member_id,
        today=circle_today(entry),
        changed_by=recorder(changed_by),
        offers=_categories(offers),
        needs=_categories(needs),
        **fields,
    )
    if as_json:
        echo_json(info)
    elif info["changed_fields"]:
        click.echo(_("member.edited", id=info["id"], name=info["name"]))
    else:
        click.echo(_("member.unchanged", name=info["name"]))


@member.command("leave", help="help.member.leave")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--on", "on", metavar="DATE", help="opt.leave_on")
@json_option
@pass_app
def leave(app, circle_id, member_ref, on, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.departures import leave_member
    from voorzorg.domain.members import resolve_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    today = circle_today(entry)
    day = parse_date(on, today=today, past=True) if on else today
    info = leave_member(db, member_id, on=day, today=today, changed_by=recorder(None))
    emit(info, as_json, "member.left", name=info["name"], on=day_text(info["left_on"]))


def _away_text(info) -> str | None:
    if not info.get("away_until") or info["away_until"] < local_today().isoformat():
        return None
    return day_text(info["away_until"])


def _open_requests(db, member_id) -> str:
    """ "3 (vervoer), 5 (boodschappen)": the member's own open requests, for ``show``."""
    from voorzorg.categories import label
    from voorzorg.domain.requests import list_requests

    rows = [r for r in list_requests(db, open_only=True) if r["for_id"] == member_id]
    return ", ".join(f"{r['id']} ({label(r['category'])})" for r in rows)


@member.command("away", help="help.member.away")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--until", "until", required=True, metavar="DATE", help="opt.away_until")
@json_option
@pass_app
def away(app, circle_id, member_ref, until, as_json) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.members import resolve_member, set_away

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    member_id = resolve_member(db, " ".join(member_ref))
    day = parse_date(until, today=today)
    from voorzorg.cli.output import note_year

    note_year(until, day, today)
    info = set_away(db, member_id, day, today=today)
    emit(info, as_json, "member.away_set", name=info["name"], until=day_text(info["away_until"]))


@member.command("back", help="help.member.back")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@json_option
@pass_app
def back(app, circle_id, member_ref, as_json) -> None:
    from voorzorg.domain.members import resolve_member, set_away

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    info = set_away(db, member_id, None, today=circle_today(entry))
    emit(info, as_json, "member.back_msg", name=info["name"])


# -- the rights of members over their data (see voorzorg/privacy/) ------------------------


@member.command("export", help="help.member.export")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--out", "out", metavar="DIR", default=".", show_default=True, help="opt.export_out")
@json_option
@pass_app
def export(app, circle_id, member_ref, out, as_json) -> None:
    from voorzorg.domain.members import resolve_member
    from voorzorg.privacy.export import export_member, write_export

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    document = export_member(app.config, entry, db, member_id)
    paths = write_export(document, out)
    if as_json:
        echo_json(document)
        return
    click.echo(_("privacy.exported", name=document["member"]["name"]))
    click.echo(f"  {paths['json']}")
    click.echo(f"  {paths['readable']}")
    click.echo(_("privacy.exported_hint"))


def _confirm(key: str, yes: bool, **params) -> None:
    from voorzorg.cli.output import confirm

    if not yes and not confirm(_(key, **params)):
        raise click.Abort


def _report_erasure(info: dict, as_json: bool, key: str) -> None:
    if as_json:
        echo_json(info)
        return
    click.echo(_(key, name=info["name"]))
    kept = info["requests_kept_anonymous"] + info["requests_reopened"]
    if kept:
        click.echo(_("privacy.erased_kept", n=kept))
    if info["requests_reopened"]:
        click.echo(_("privacy.erased_reopened", n=info["requests_reopened"]))
    if not info["compacted"]:
        click.echo(_("privacy.compact_busy"), err=True)
    click.echo(_("privacy.erased_backup_hint"))


@member.command("erase", help="help.member.erase")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--yes", is_flag=True, help="opt.yes")
@json_option
@pass_app
def erase(app, circle_id, member_ref, yes, as_json) -> None:
    from voorzorg.domain.members import get_member, resolve_member
    from voorzorg.privacy.erase import erase_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    name = get_member(db, member_id)["name"]
    _confirm("privacy.erase_confirm", yes, name=name, id=member_id)
    _report_erasure(erase_member(app.config, entry.id, db, member_id), as_json,
                    "privacy.erased")  # fmt: skip


@member.command("remove", help="help.member.remove")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--yes", is_flag=True, help="opt.yes")
@json_option
@pass_app
def remove(app, circle_id, member_ref, yes, as_json) -> None:
    from voorzorg.domain.erasure import involvement
    from voorzorg.domain.members import get_member, resolve_member
    from voorzorg.errors import VoorzorgError
    from voorzorg.privacy.erase import remove_member

    entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    name = get_member(db, member_id)["name"]
    if any(involvement(db, member_id).values()):  # refuse before asking
        raise VoorzorgError("privacy.remove_has_history", name=name, hint="privacy.remove_hint")
    _confirm("privacy.remove_confirm", yes, name=name, id=member_id)
    _report_erasure(remove_member(app.config, entry.id, db, member_id), as_json,
                    "privacy.removed")  # fmt: skip


@member.command("restrict", help="help.member.restrict")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--by", "changed_by", metavar="NAME", help="opt.changed_by")
@json_option
@pass_app
def restrict(app, circle_id, member_ref, changed_by, as_json) -> None:
    from voorzorg.domain.members import resolve_member
    from voorzorg.domain.restriction import restrict_member

    _entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    info = restrict_member(db, member_id, changed_by=recorder(changed_by))
    emit(info, as_json, "privacy.restricted", name=info["name"])


@member.command("unrestrict", help="help.member.unrestrict")
@circle_option
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@option("--by", "changed_by", metavar="NAME", help="opt.changed_by")
@json_option
@pass_app
def unrestrict(app, circle_id, member_ref, changed_by, as_json) -> None:
    from voorzorg.domain.members import resolve_member
    from voorzorg.domain.restriction import unrestrict_member

    _entry, db = app.open_circle(circle_id)
    member_id = resolve_member(db, " ".join(member_ref))
    info = unrestrict_member(db, member_id, changed_by=recorder(changed_by))
    emit(info, as_json, "privacy.unrestricted", name=info["name"])


@member.command("form", help="help.member.form")
@circle_option
@option("--recorded-by", metavar="NAME", help="opt.recorded_by")
@json_option
@pass_app
def form(app, circle_id, recorded_by, as_json) -> None:
    """Enter a paper intake form (``voorzorg print intake-form``) question by question,
    in the form's order; a bad answer is asked again, nothing is stored before the end."""
    from voorzorg.domain.consents import PURPOSES
    from voorzorg.domain.members import add_member, check_field
    from voorzorg.paper.documents import FORM_FIELDS, form_version

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    click.echo(_("member.form.start", circle=entry.name, version=form_version()), err=True)
    record = {}
    for field in (*FORM_FIELDS, "contact_via"):
        record[field] = _ask(
            _("paper.form.field." + field),
            lambda text, field=field: check_field(field, _as_year(field, text), today=today),
            required=field == "name",
        )
    offers = _ask(_("member.form.offers"), _categories) or []
    needs = _ask(_("member.form.needs"), _categories) or []
    consents = [p for p in PURPOSES if confirm(_("member.form.consent", purpose=_("purpose." + p)))]
    if needs and "matching" not in consents:
        click.echo(_("member.form.needs_dropped"), err=True)
        needs = []
    click.echo(_("member.form.summary"), err=True)
    for field in (*FORM_FIELDS, "contact_via"):
        shown = record[field]
        if field == "contact_via" and shown:
            shown = _("contact." + shown)
        click.echo(f"  {_('paper.form.field.' + field)}: {shown or '—'}", err=True)
    click.echo(f"  {_('col.offers')}: {', '.join(_labels(offers)) or '—'}", err=True)
    click.echo(f"  {_('member.form.needs_short')}: {', '.join(_labels(needs)) or '—'}", err=True)
    shown = ", ".join(_("purpose." + p) for p in consents) or "—"
    click.echo(f"  {_('member.form.consents_short')}: {shown}", err=True)
    if not confirm(_("member.form.save"), default=True):
        from voorzorg.errors import VoorzorgError

        raise VoorzorgError("member.form.not_saved")
    info = add_member(
        db,
        record.pop("name"),
        today=today,
        offers=offers,
        needs=needs,
        consents=consents,
        recorded_by=recorder(recorded_by) if consents else None,
        text_version=form_version() if consents else None,
        **record,
    )
    emit(info, as_json, "member.added", id=info["id"], name=info["name"], circle=entry.name)


def _as_year(field, text):
    if field != "birth_year" or text is None:
        return text
    from voorzorg.errors import VoorzorgError

    if not text.strip().isdigit():
        raise VoorzorgError("member.bad_birth_year", value=text, max="")
    return int(text.strip())


def _ask(question, check, *, required=False):
    """Ask until ``check`` accepts the answer (Enter alone: nothing, unless required).
    At the end of the input, stop without storing anything."""
    from voorzorg.errors import VoorzorgError

    while True:
        try:
            answer = click.prompt(question, default="", show_default=False, err=True)
        except click.Abort:
            click.echo("", err=True)
            raise VoorzorgError("member.form.ended") from None
        answer = answer.strip()
        if not answer and not required:
            return None
        try:
            return check(answer)
        except VoorzorgError as error:
            click.echo(str(error), err=True)
