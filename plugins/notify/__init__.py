"""Notifications and reminders through apprise, short, friendly and in Dutch.

When a request is accepted, the helper and the requester hear who, what and when;
when an activity is cancelled or moved, the circle's group channel hears it; when the
calling rota (belcirkel) did not reach someone twice in a row, the connectors hear it.
``voorzorg remind`` sends tomorrow's activities and commitments and records what it
sent, so running it every hour never sends anything twice; a channel that is down
is reported and the reminder is tried again next time. Never a health detail: only
the kind of help, an initial, a time and a place.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import click

from voorzorg import api

migrations_set = api.Migrations("notify")
WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@migrations_set()
def m001_sent(db) -> None:
    db.execute(
        """CREATE TABLE notify_sent (
             key TEXT PRIMARY KEY,
             sent_at TEXT NOT NULL
           )"""
    )


@api.hookimpl
def migrations():
    return migrations_set


def when_text(moment: datetime) -> str:
    """ "do 5 dec 09:30" """
    return f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment:%H:%M}"


def send(url: str, body: str) -> bool:
    import apprise

    channel = apprise.Apprise()
    if not channel.add(url):
        return False
    return bool(channel.notify(title="voorzorg", body=body))


@api.hookimpl
def notify_operator(url, title, body):
    """`voorzorg check --notify`: the operator hears what needs attention."""
    import apprise

    channel = apprise.Apprise()
    if not channel.add(url):
        return False
    return bool(channel.notify(title=title, body=body))


MEMBERS_TABLE = "notify_members"  # in secrets.toml, beside the entry's own secrets


def _member_url(config, circle: str, member_id: int) -> str | None:
    return api.read_secrets(config, circle, MEMBERS_TABLE).get(str(member_id))


def _open(config, circle: str):
    db = api.open_db(config, circle)
    api.migrate(db, migrations_set)
    return db


def _wanted(request: dict, timezone: str) -> datetime | None:
    """When the help is wanted; a request with a day but no time yet gives that day's
    start (its text then leaves the time out, see ``_when``)."""
    wanted = request["wanted_at"]
    if not wanted:
        return None
    if len(wanted) == 10:
        return api.parse_local_datetime(f"{wanted} 00:00", timezone)
    return api.parse_local_datetime(wanted, timezone)


def _when(request: dict, moment: datetime) -> str:
    if len(request["wanted_at"] or "") == 10:
        return when_text(moment)[: -len(" 00:00")]
    return when_text(moment)


def _away(db, member_id: int | None, day: date) -> bool:
    """A member who is away (``voorzorg member away``) hears nothing until they are back."""
    if member_id is None:
        return False
    until = api.get_member(db, member_id).get("away_until")
    return bool(until) and until >= day.isoformat()


@api.hookimpl
def on_event(event, circle, entry, config):
    _ = api._
    timezone = api.circle_timezone(config, circle)
    if event.name == "request.accepted":
        db = _open(config, circle)
        try:
            request = api.get_request(db, event.data["request_id"])
            today = api.today(timezone)
            away = {m for m in (request["helper_id"], request["for_id"]) if _away(db, m, today)}
        finally:
            db.close()
        moment = _wanted(request, timezone)
        when = _when(request, moment) if moment else _("notify.soon")
        kind = api.category_label(request["category"])
        if _restricted(config, circle, request):
            return  # a restricted member's data is not processed: no messages
        messages = [
            (request["helper_id"], _("notify.you_agreed", category=kind,
                                     initial=request["for_name"][:1], when=when)),
            (request["for_id"], _("notify.will_help", helper=request["helper_name"][:1],
                                  category=kind, when=when)),
        ]  # fmt: skip
        for member_id, body in messages:
            if member_id in away:
                continue
            url = _member_url(config, circle, member_id)
            if url and not send(url, body):
                raise ConnectionError("notification not delivered")
    elif event.name == "belcirkel.missed":
        _missed_call(event, circle, config)
    elif event.name in ("activity.cancelled", "activity.moved"):
        db = _open(config, circle)
        try:
            activity = api.get_activity(db, event.data["activity_id"])
        finally:
            db.close()
        day = date.fromisoformat(event.data["date"])
        key = "notify.cancelled" if event.name == "activity.cancelled" else "notify.moved"
        moved = next((e for e in activity["exceptions"] if e["original_date"] == day.isoformat()),
                     None)  # fmt: skip
        body = _(key, title=activity["title"], day=f"{WEEKDAYS[day.weekday()]} {day.day} "
                 f"{MONTHS[day.month - 1]}", to=(moved or {}).get("new_start") or "")  # fmt: skip
        if not send(entry["group_url"], body):
            raise ConnectionError("notification not delivered")


def _missed_call(event, circle: str, config) -> None:
    """The calling rota's safety net: a member not reached twice in a row. Only the
    connectors hear it, each at their own address, with the member's initial and number
    (never the full name: messages pass through other people's servers)."""
    _ = api._
    db = _open(config, circle)
    try:
        member = api.get_member(db, event.data["member_id"])
        timezone = api.circle_timezone(config, circle)
        day = date.fromisoformat(event.data["date"])
        if member["restricted"] or _away(db, member["id"], api.today(timezone)):
            return  # restricted: not processed; away: no call was due
        connectors = [
            m["id"] for m in api.list_members(db, connectors=True)
            if not m["restricted"] and not _away(db, m["id"], day) and m["id"] != member["id"]
        ]  # fmt: skip
    finally:
        db.close()
    body = _("notify.missed_call", initial=member["name"][:1], id=member["id"],
             day=f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}")  # fmt: skip
    sent = 0
    for member_id in connectors:
        url = _member_url(config, circle, member_id)
        if url:
            if not send(url, body):
                raise ConnectionError("notification not delivered")
            sent += 1
    if not sent:
        raise LookupError("no connector has an address for messages")


@api.hookimpl
def test_entry(circle, entry, config):
    import apprise

    channel = apprise.Apprise()
    if not channel.add(entry.get("group_url", "")):
        return api._("notify.test.bad_url")
    return None


def _restricted(config, circle: str, request: dict) -> bool:
    db = _open(config, circle)
    try:
        return any(
            api.get_member(db, member_id)["restricted"]
            for member_id in (request["for_id"], request["helper_id"])
            if member_id is not None
        )
    finally:
        db.close()


def _member_keys(db, requests: list[dict]) -> list[tuple[str, str]]:
    """(key, sent_at) of the reminders sent to a member, from their requests' roles."""
    found = []
    for request in requests:
        if request["role"] not in ("for", "helper"):
            continue
        prefix = f"request:{request['id']}:{request['role']}:"
        found += db.execute(
            "SELECT key, sent_at FROM notify_sent WHERE substr(key, 1, ?) = ? ORDER BY sent_at",
            [len(prefix), prefix],
        ).fetchall()
    return found


@api.hookimpl
def privacy_export(circle, member_id, requests, config):
    """What this integration holds about a member: whether an address for messages is
    set (never the address: it may hold a token) and the reminders sent to them."""
    _ = api._
    db = _open(config, circle)
    try:
        sent = _member_keys(db, requests)
    finally:
        db.close()
    url = _member_url(config, circle, member_id)
    items = []
    if url:
        items.append({"kind": _("notify.privacy.address"), "value": url.split(":", 1)[0] + ":…"})
    items += [
        {"kind": _("notify.privacy.reminder"), "request": int(key.split(":")[1]),
         "sent_at": sent_at}
        for key, sent_at in sent
    ]  # fmt: skip
    return {
        "title": _("notify.privacy.title"),
        "items": items,
        "statement": _("notify.privacy.statement"),
    }


@api.hookimpl
def privacy_erase(circle, member_id, requests, config):
    """The member's address for messages and the record of reminders sent to them."""
    db = _open(config, circle)
    try:
        keys = [key for key, _sent in _member_keys(db, requests)]
        with db.atomic():
            for key in keys:
                db.execute("DELETE FROM notify_sent WHERE key = ?", [key])
    finally:
        db.close()
    removed = api.remove_secret(config, circle, MEMBERS_TABLE, str(member_id))
    return len(keys) + int(removed)


@api.hookimpl
def privacy_purge(circle, before, dry_run, config):
    """Reminders sent before ``before`` leave the log (the retention policy)."""
    db = _open(config, circle)
    try:
        stamp = before.isoformat(timespec="seconds")
        count = db.execute("SELECT count(*) FROM notify_sent WHERE sent_at < ?", [stamp])
        count = count.fetchone()[0]
        if not dry_run and count:
            with db.atomic():
                db.execute("DELETE FROM notify_sent WHERE sent_at < ?", [stamp])
    finally:
        db.close()
    return count


def reminders(config, circle: str, entry: dict, day: date) -> list[dict]:
    """What should be sent for ``day``: (key, address, text)."""
    _ = api._
    timezone = api.circle_timezone(config, circle)
    db = _open(config, circle)
    try:
        result = []
        for row in api.occurrences(db, start=day, end=day, timezone=timezone):
            if row["status"] == "cancelled":
                continue
            time_text = "" if row["all_day"] else f" {row['start']:%H:%M}"
            place = f" ({row['location']})" if row["location"] else ""
            result.append({
                "key": f"activity:{row['activity_id']}:{row['original_date']}",
                "url": entry["group_url"],
                "text": _("notify.tomorrow", title=row["title"], time=time_text, place=place),
            })  # fmt: skip
        restricted = {m["id"] for m in api.list_members(db) if m["restricted"]}
        for request in api.list_requests(db, status="accepted"):
            if {request["for_id"], request["helper_id"]} & restricted:
                continue  # a restricted member gets no reminders and is named in none
            moment = _wanted(request, timezone)
            if moment is None or moment.date() != day:
                continue
            kind = api.category_label(request["category"])
            for member_id, role, text in (
                (request["helper_id"], "helper", _("notify.remind_helper", category=kind,
                 initial=request["for_name"][:1], when=_when(request, moment))),
                (request["for_id"], "for", _("notify.remind_for", category=kind,
                 helper=request["helper_name"][:1], when=_when(request, moment))),
            ):  # fmt: skip
                if _away(db, member_id, day):
                    continue
                url = _member_url(config, circle, member_id)
                if url:
                    key = f"request:{request['id']}:{role}:{request['wanted_at']}"
                    result.append({"key": key, "url": url, "text": text})
        already = {r[0] for r in db.execute("SELECT key FROM notify_sent")}
    finally:
        db.close()
    for item in result:
        item["already_sent"] = item["key"] in already
    return result


def record_sent(config, circle: str, key: str) -> None:
    db = _open(config, circle)
    try:
        with db.atomic():
            db.execute(
                "INSERT OR IGNORE INTO notify_sent (key, sent_at) VALUES (?, ?)",
                [key, api.now().isoformat(timespec="seconds")],
            )
    finally:
        db.close()


@api.hookimpl
def register_commands(cli):
    from voorzorg.api import (
        _,
        circle_option,
        command,
        echo_json,
        group,
        json_option,
        option,
        pass_app,
    )

    @command("remind", help="notify.help.remind")
    @option("--dry-run", is_flag=True, help="notify.opt.dry_run")
    @option("--for", "for_date", metavar="DATE", help="notify.opt.remind_for")
    @json_option
    @pass_app
    def remind(app, dry_run, for_date, as_json):
        report = {"sent": 0, "skipped": 0, "failed": 0, "messages": []}
        for circle_id, circle in app.config.circles.items():
            if circle.archived:
                continue
            options = api.entry_options(app.config, circle_id, "notify")
            if options is None:
                continue
            if for_date:
                day = api.parse_date(for_date)
            else:
                day = api.today(circle.timezone) + timedelta(days=1)
            for item in reminders(app.config, circle_id, options, day):
                if item["already_sent"]:
                    report["skipped"] += 1
                    continue
                report["messages"].append({"circle": circle_id, "text": item["text"]})
                if dry_run:
                    continue
                if send(item["url"], item["text"]):
                    record_sent(app.config, circle_id, item["key"])
                    report["sent"] += 1
                else:
                    report["failed"] += 1
        if as_json:
            echo_json(report)
        else:
            for message in report["messages"]:
                click.echo(f"{message['circle']}: {message['text']}")
            click.echo(_("notify.report", **{k: report[k] for k in ("sent", "skipped", "failed")},
                         dry=_("notify.dry") if dry_run else ""))  # fmt: skip
        if report["failed"]:
            raise api.VoorzorgError("notify.failed", n=report["failed"])

    @group("notify", help="notify.help.notify")
    def notify():
        pass

    @notify.command("member", help="notify.help.member")
    @circle_option
    @click.argument("member_ref", metavar="MEMBER")
    @click.argument("url", metavar="URL")
    @pass_app
    def notify_member(app, circle_id, member_ref, url):
        import apprise

        if not apprise.Apprise().add(url):
            raise api.VoorzorgError("notify.bad_url")
        entry, db = app.open_circle(circle_id)
        member_id = api.resolve_member(db, member_ref)
        api.set_secret(app.config, entry.id, MEMBERS_TABLE, str(member_id), url)
        click.echo(_("notify.member_set", id=member_id))

    cli.add_command(remind, "remind")
    cli.add_command(notify, "notify")
