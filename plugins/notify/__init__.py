"""Notifications and reminders through apprise, short, friendly and in Dutch.

When a request is accepted, the helper and the requester hear who, what and when;
when an activity is cancelled or moved, the circle's group channel hears it.
``voorzorg remind`` sends tomorrow's activities and commitments and records what it
sent, so running it every hour never sends anything twice; a channel that is down
is reported and the reminder is tried again next time. Never a health detail: only
the kind of help, an initial, a time and a place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import click
from sqlite_utils import Migrations

from voorzorg.integrations.hookspecs import hookimpl

migrations_set = Migrations("notify")
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


@hookimpl
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


MEMBERS_TABLE = "notify_members"  # in secrets.toml, beside the entry's own secrets


def _member_url(config, circle: str, member_id: int) -> str | None:
    from voorzorg.deploy.config import load_secrets

    secrets = load_secrets(config.secrets_path)
    table = ((secrets.get("circles") or {}).get(circle) or {}).get(MEMBERS_TABLE) or {}
    return table.get(str(member_id))


def _open(config, circle: str):
    from voorzorg.deploy.circles import open_db

    db = open_db(config, circle)
    migrations_set.apply(db.sqlite_utils())
    return db


def _wanted(request: dict, timezone: str) -> datetime | None:
    from voorzorg.dates import parse_local_datetime

    if not request["wanted_at"]:
        return None
    return parse_local_datetime(request["wanted_at"], timezone)


@hookimpl
def on_event(event, circle, entry, config):
    from voorzorg.categories import label
    from voorzorg.i18n import _

    timezone = config.circles[circle].timezone
    if event.name == "request.accepted":
        from voorzorg.domain.requests import get_request

        db = _open(config, circle)
        try:
            request = get_request(db, event.data["request_id"])
        finally:
            db.close()
        moment = _wanted(request, timezone)
        when = when_text(moment) if moment else _("notify.soon")
        kind = label(request["category"])
        messages = [
            (request["helper_id"], _("notify.you_agreed", category=kind,
                                     initial=request["for_name"][:1], when=when)),
            (request["for_id"], _("notify.will_help", helper=request["helper_name"][:1],
                                  category=kind, when=when)),
        ]  # fmt: skip
        for member_id, body in messages:
            url = _member_url(config, circle, member_id)
            if url and not send(url, body):
                raise ConnectionError("notification not delivered")
    elif event.name in ("activity.cancelled", "activity.moved"):
        from voorzorg.domain.activities import get_activity

        db = _open(config, circle)
        try:
            activity = get_activity(db, event.data["activity_id"])
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


@hookimpl
def test_entry(circle, entry, config):
    import apprise

    channel = apprise.Apprise()
    if not channel.add(entry.get("group_url", "")):
        return "geen geldig apprise-adres"
    return None


def reminders(config, circle: str, entry: dict, day: date) -> list[dict]:
    """What should be sent for ``day``: (key, address, text)."""
    from voorzorg.categories import label
    from voorzorg.domain.activities import occurrences
    from voorzorg.domain.requests import list_requests
    from voorzorg.i18n import _

    timezone = config.circles[circle].timezone
    db = _open(config, circle)
    try:
        result = []
        for row in occurrences(db, start=day, end=day, timezone=timezone):
            if row["status"] == "cancelled":
                continue
            time_text = "" if row["all_day"] else f" {row['start']:%H:%M}"
            place = f" ({row['location']})" if row["location"] else ""
            result.append({
                "key": f"activity:{row['activity_id']}:{row['original_date']}",
                "url": entry["group_url"],
                "text": _("notify.tomorrow", title=row["title"], time=time_text, place=place),
            })  # fmt: skip
        for request in list_requests(db, status="accepted"):
            moment = _wanted(request, timezone)
            if moment is None or moment.date() != day:
                continue
            kind = label(request["category"])
            for member_id, role, text in (
                (request["helper_id"], "helper", _("notify.remind_helper", category=kind,
                 initial=request["for_name"][:1], when=when_text(moment))),
                (request["for_id"], "for", _("notify.remind_for", category=kind,
                 helper=request["helper_name"][:1], when=when_text(moment))),
            ):  # fmt: skip
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
                [key, datetime.now(UTC).isoformat(timespec="seconds")],
            )
    finally:
        db.close()


@hookimpl
def register_commands(cli):
    from voorzorg.cli.base import circle_option, command, group, json_option, option, pass_app
    from voorzorg.cli.output import echo_json
    from voorzorg.i18n import _

    @command("remind", help="help.remind")
    @option("--dry-run", is_flag=True, help="opt.dry_run")
    @option("--for", "for_date", metavar="DATE", help="opt.remind_for")
    @json_option
    @pass_app
    def remind(app, dry_run, for_date, as_json):
        from voorzorg.clock import today
        from voorzorg.dates import parse_date
        from voorzorg.errors import VoorzorgError
        from voorzorg.integrations.entries import entries, with_secrets

        report = {"sent": 0, "skipped": 0, "failed": 0, "messages": []}
        for circle_id, circle in app.config.circles.items():
            if circle.archived or "notify" not in entries(app.config, circle_id):
                continue
            options = with_secrets(app.config, circle_id, "notify",
                                   entries(app.config, circle_id)["notify"])  # fmt: skip
            day = parse_date(for_date) if for_date else today(circle.timezone) + timedelta(days=1)
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
            raise VoorzorgError("notify.failed", count=report["failed"])

    @group("notify", help="help.notify")
    def notify():
        pass

    @notify.command("member", help="help.notify.member")
    @circle_option
    @click.argument("member_ref", metavar="MEMBER")
    @click.argument("url", metavar="URL")
    @pass_app
    def notify_member(app, circle_id, member_ref, url):
        import apprise
        import tomlkit

        from voorzorg.deploy import config as config_mod
        from voorzorg.domain.members import resolve_member
        from voorzorg.errors import VoorzorgError

        if not apprise.Apprise().add(url):
            raise VoorzorgError("notify.bad_url")
        entry, db = app.open_circle(circle_id)
        member_id = resolve_member(db, member_ref)
        path = app.config.secrets_path
        with config_mod.locked(path):
            document = tomlkit.parse(path.read_text(encoding="utf-8") if path.exists() else "")
            circles = document.setdefault("circles", tomlkit.table(is_super_table=True))
            circle = circles.setdefault(entry.id, tomlkit.table(is_super_table=True))
            members = circle.setdefault(MEMBERS_TABLE, tomlkit.table())
            members[str(member_id)] = url
            config_mod.atomic_write(path, tomlkit.dumps(document).encode("utf-8"), mode=0o600)
        click.echo(_("notify.member_set", id=member_id))

    cli.add_command(remind, "remind")
    cli.add_command(notify, "notify")
