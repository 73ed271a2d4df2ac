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
from voorzorg.cli.output import echo_fields, echo_json, echo_table, emit, local_time
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _


@group("request", help="help.request")
def request() -> None:
    pass


def _request_id(text):
    from voorzorg.domain.requests import parse_request_id

    return parse_request_id(text)


def _member(db, parts):
    from voorzorg.domain.members import resolve_member

    return resolve_member(db, " ".join(parts))


def _state(item) -> str:
    return _("state." + item["state"])


def _print_closed(item, as_json, key) -> None:
    from voorzorg.categories import label

    emit(
        item,
        as_json,
        key,
        id=item["id"],
        name=item["for_name"],
        helper=item["helper_name"] or "",
        category=label(item["category"]),
        to=item["referred_to"] or "",
    )


def read_when(text, entry, *, past=False):
    """--when as typed ("do 3 dec 10:00", "morgen", "3-12-2026") -> an aware local time,
    or a date when no time is known yet."""
    from voorzorg.cli.output import note_year
    from voorzorg.dates import make_local, parse_when

    today = circle_today(entry)
    day, hhmm = parse_when(text, today=today, past=past)
    note_year(text, day, today)
    if hhmm is None:
        return day
    hour, minute = (int(p) for p in hhmm.split(":"))
    return make_local(day, hour, minute, entry.timezone, text=text)


@request.command("add", help="help.request.add")
@circle_option
@option("--for", "for_member", required=True, metavar="MEMBER", help="opt.request_for")
@option("--category", required=True, metavar="CAT", help="opt.category")
@option("--when", metavar='"DATE TIME"', help="opt.when")
@option("--note", metavar="TEXT", help="opt.request_note")
@option("--done", "done_by", metavar="HELPER", help="opt.request_done_by")
@json_option
@pass_app
def add(app, circle_id, for_member, category, when, note, done_by, as_json) -> None:
    from voorzorg.categories import parse_category
    from voorzorg.domain.members import resolve_member
    from voorzorg.domain.requests import add_request, log_done, looks_medical

    code = parse_category(category)
    entry, db = app.open_circle(circle_id)
    if done_by and not when:
        raise VoorzorgError("request.done_needs_when")
    wanted = read_when(when, entry, past=bool(done_by)) if when else None
    if looks_medical(note):
        click.echo(_("request.medical_warning"), err=True)
    for_id = resolve_member(db, for_member)
    if done_by:
        item = log_done(db, for_id=for_id, helper_id=resolve_member(db, done_by), category=code,
                        when=wanted, now=utc_now(), note=note)  # fmt: skip
    else:
        item = add_request(db, for_id=for_id, category=code, wanted_at=wanted, note=note,
                           now=utc_now())  # fmt: skip
    if as_json:
        echo_json({"id": item["id"], **item})
        return
    when_shown = _when_text(item["wanted_at"]) or _("request.when_open")
    if done_by:
        click.echo(_("request.logged_done", id=item["id"], name=item["for_name"],
                     helper=item["helper_name"], when=when_shown))  # fmt: skip
        return
    click.echo(_("request.added_when", id=item["id"], name=item["for_name"], when=when_shown))
    if item["wanted_at"] and len(item["wanted_at"]) == 10:
        click.echo(_("request.time_unknown_hint", id=item["id"]))
    click.echo(_("request.next_suggest", id=item["id"]))


def _is_time(text) -> bool:
    """Just a time ("9.15", "om 10:00"); "3.12" is 3 December ("om 3.12" the time)."""
    from voorzorg.dates import reads_as_time

    return reads_as_time(text)


def _when_text(wanted_at, short=False):
    from voorzorg.dates import show_stored

    return show_stored(wanted_at, short=short)


@request.command("when", help="help.request.when")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@click.argument("when", nargs=-1, required=True, metavar='"DATE TIME"')
@json_option
@pass_app
def set_when(app, circle_id, request_ref, when, as_json) -> None:
    from voorzorg.domain.requests import get_request, set_wanted

    entry, db = app.open_circle(circle_id)
    request_id = _request_id(request_ref)
    text = " ".join(when)
    current = get_request(db, request_id)["wanted_at"]
    if current and _is_time(text):  # just the time, on the day already agreed
        text = f"{current[:10]} {text}"
    wanted = read_when(text, entry)
    item = set_wanted(db, request_id, wanted, now=utc_now())
    emit(item, as_json, "request.when_set", id=item["id"], when=_when_text(item["wanted_at"]))


@request.command("suggest", help="help.request.suggest")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@option("--limit", type=click.IntRange(1, 100), default=None, metavar="N", help="opt.limit")
@json_option
@pass_app
def suggest(app, circle_id, request_ref, limit, as_json) -> None:
    from voorzorg.domain.matching import suggest_helpers

    _entry, db = app.open_circle(circle_id)
    result = suggest_helpers(db, _request_id(request_ref), now=utc_now(), limit=limit)
    if as_json:
        echo_json(result["candidates"])
        return
    for candidate in result["candidates"]:
        candidate["why"] = "; ".join(_reason_text(r) for r in candidate["reasons"])
    echo_table(
        result["candidates"],
        [
            ("rank", "col.rank"),
            ("member_id", "col.id"),
            ("name", "col.name"),
            ("phone", "col.phone"),
            ("why", "col.reasons"),
        ],
        empty="request.no_candidates",
    )
    if result["waiting"]:
        names = ", ".join(a["name"] for a in result["waiting"])
        click.echo(_("request.waiting_for", names=names))
    if result["declined"]:
        names = ", ".join(a["name"] for a in result["declined"])
        click.echo(_("request.declined_by", names=names))


def _reason_text(reason: dict) -> str:
    params = {k: v for k, v in reason.items() if k != "code"}
    if "days" in params:  # "asked 3 days ago": a plural message, counted by n
        params["n"] = params.pop("days")
    return _("reason." + reason["code"], **params)


@request.command("ask", help="help.request.ask")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@json_option
@pass_app
def ask(app, circle_id, request_ref, member_ref, as_json) -> None:
    from voorzorg.domain.requests import ask as ask_member

    entry, db = app.open_circle(circle_id)
    member_id = _member(db, member_ref)
    _warn_if_away(db, member_id, entry)
    item = ask_member(db, _request_id(request_ref), member_id, now=utc_now())
    name = next(a["name"] for a in item["asks"] if a["member_id"] == member_id)
    emit(item, as_json, "request.asked", id=item["id"], name=name)


def _warn_if_away(db, member_id, entry) -> None:
    from voorzorg.cli.base import circle_today
    from voorzorg.domain.members import get_member, is_away

    member = get_member(db, member_id)
    if is_away(member, circle_today(entry)):
        from voorzorg.dates import show_stored

        click.echo(_("request.helper_is_away", name=member["name"],
                     until=show_stored(member["away_until"])), err=True)  # fmt: skip


@request.command("answer", help="help.request.answer")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@click.argument("member_ref", metavar="MEMBER", nargs=-1, required=True)
@click.argument("reply", metavar="YES|NO")
@json_option
@pass_app
def answer(app, circle_id, request_ref, member_ref, reply, as_json) -> None:
    from voorzorg.domain.requests import answer as record_answer
    from voorzorg.domain.requests import parse_answer

    yes = parse_answer(reply)
    _entry, db = app.open_circle(circle_id)
    member_id = _member(db, member_ref)
    item = record_answer(db, _request_id(request_ref), member_id, yes, now=utc_now())
    name = next(a["name"] for a in item["asks"] if a["member_id"] == member_id)
    emit(item, as_json, "request.accepted" if yes else "request.declined", id=item["id"], name=name)


@request.command("done", help="help.request.done")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@option("--note", metavar="TEXT", help="opt.closing_note")
@json_option
@pass_app
def done(app, circle_id, request_ref, note, as_json) -> None:
    from voorzorg.domain.requests import mark_done

    _entry, db = app.open_circle(circle_id)
    item = mark_done(db, _request_id(request_ref), now=utc_now(), note=note)
    _print_closed(item, as_json, "request.done_msg")


@request.command("cancel", help="help.request.cancel")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@option("--note", metavar="TEXT", help="opt.closing_note")
@json_option
@pass_app
def cancel(app, circle_id, request_ref, note, as_json) -> None:
    from voorzorg.domain.requests import cancel as cancel_request

    _entry, db = app.open_circle(circle_id)
    item = cancel_request(db, _request_id(request_ref), now=utc_now(), note=note)
    _print_closed(item, as_json, "request.cancelled_msg")


@request.command("refer", help="help.request.refer")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@option("--to", "to", required=True, metavar="ORGANISATION", help="opt.refer_to")
@option("--note", metavar="TEXT", help="opt.closing_note")
@json_option
@pass_app
def refer(app, circle_id, request_ref, to, note, as_json) -> None:
    from voorzorg.domain.requests import refer as refer_request

    _entry, db = app.open_circle(circle_id)
    item = refer_request(db, _request_id(request_ref), to=to, now=utc_now(), note=note)
    _print_closed(item, as_json, "request.referred_msg")


@request.command("list", help="help.request.list")
@circle_option
@option("--open", "open_only", is_flag=True, help="opt.request_open")
@option("--member", "member_ref", metavar="MEMBER", help="opt.request_member")
@json_option
@pass_app
def list_(app, circle_id, open_only, member_ref, as_json) -> None:
    from voorzorg.categories import label
    from voorzorg.domain.requests import list_requests

    _entry, db = app.open_circle(circle_id)
    member_id = _member(db, [member_ref]) if member_ref else None
    rows = list_requests(db, open_only=open_only, member_id=member_id)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["category_label"] = label(row["category"])
        row["state_label"] = _state(row)
        row["when_label"] = _when_text(row["wanted_at"], short=True)
    echo_table(
        rows,
        [
            ("id", "col.id"),
            ("for_name", "col.for"),
            ("category_label", "col.category"),
            ("when_label", "col.when"),
            ("state_label", "col.state"),
            ("helper_name", "col.helper"),
        ],
        empty="request.none_found",
    )


@request.command("show", help="help.request.show")
@circle_option
@click.argument("request_ref", metavar="REQUEST")
@json_option
@pass_app
def show(app, circle_id, request_ref, as_json) -> None:
    from voorzorg.categories import label
    from voorzorg.domain.requests import get_request

    entry, db = app.open_circle(circle_id)
    item = get_request(db, _request_id(request_ref))
    if as_json:
        echo_json(item)
        return
    zone = entry.timezone
    echo_fields(
        [
            ("col.id", item["id"]),
            ("col.for", item["for_name"]),
            ("col.category", label(item["category"])),
            ("col.when", _when_text(item["wanted_at"])),
            ("col.note", item["note"]),
            ("col.state", _state(item)),
            ("col.helper", item["helper_name"]),
            ("col.referred_to", item["referred_to"]),
            ("col.closing_note", item["closing_note"]),
            ("col.created_at", local_time(item["created_at"], zone)),
            ("col.closed_at", local_time(item["closed_at"], zone)),
        ]
    )
    for asked in item["asks"]:
        answer_text = _("answer." + (asked["answer"] or "none"))
        at = local_time(asked["asked_at"], zone)
        click.echo(_("request.ask_line", name=asked["name"], at=at, answer=answer_text))
