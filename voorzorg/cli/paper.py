"""`voorzorg print ...`: the printed documents as PDF files (``voorzorg.paper`` makes
them; this module parses, names the file and writes it)."""

from __future__ import annotations

from pathlib import Path

import click

from voorzorg.cli.base import circle_option, circle_today, group, option, pass_app, utc_now
from voorzorg.i18n import _

out_option = option("--out", "out", metavar="FILE", help="opt.print_out")


@group("print", help="help.print")
def print_() -> None:
    pass


def target(out: str | None, default_name: str) -> Path:
    """Where a PDF goes: ``out`` (a file, or a folder for the default name), else the
    default name in the current folder; checked before anything is made."""
    from voorzorg.errors import VoorzorgError

    path = Path(out) if out else Path.cwd() / default_name
    if path.is_dir():
        path = path / default_name
    if path.suffix.lower() != ".pdf":
        raise VoorzorgError("paper.bad_suffix", path=str(path))
    if not path.parent.is_dir():
        raise VoorzorgError("paper.no_folder", path=str(path.parent))
    return path


def write_pdf(content: bytes, out: str | None, default_name: str, *, personal: bool) -> Path:
    """Write the PDF atomically (a crash leaves the old file or the new one, whole);
    readable by you only when it holds personal data."""
    from voorzorg.deploy.config import atomic_write

    path = target(out, default_name)
    atomic_write(path, content, mode=0o600 if personal else 0o644)
    key = "paper.written_personal" if personal else "paper.written"
    click.echo(_(key, path=str(path), size=len(content) // 1024 + 1))
    return path


@print_.command("phone-list", help="help.print.phone_list")
@circle_option
@option("--contact-via", metavar="HOW", help="opt.print_contact_via")
@option("--zonder-smartphone", "--no-smartphone", "no_smartphone", is_flag=True,
        help="opt.print_no_smartphone")  # fmt: skip
@out_option
@pass_app
def phone_list(app, circle_id, contact_via, no_smartphone, out) -> None:
    from voorzorg.domain.members import check_field
    from voorzorg.paper.documents import phone_list as make

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    how = check_field("contact_via", contact_via, today=today) if contact_via else None
    content = make(db, circle=entry.name, today=today, contact_via=how,
                   no_smartphone=no_smartphone)  # fmt: skip
    write_pdf(content, out, _("paper.file.phone_list", circle=entry.id), personal=True)


@print_.command("who-does-what", help="help.print.who_does_what")
@circle_option
@out_option
@pass_app
def who_does_what(app, circle_id, out) -> None:
    from voorzorg.paper.documents import who_does_what as make

    entry, db = app.open_circle(circle_id)
    content = make(db, circle=entry.name, today=circle_today(entry))
    write_pdf(content, out, _("paper.file.who_does_what", circle=entry.id), personal=True)


@print_.command("intake-form", help="help.print.intake_form")
@circle_option
@out_option
@pass_app
def intake_form(app, circle_id, out) -> None:
    from voorzorg.paper.documents import form_version
    from voorzorg.paper.documents import intake_form as make

    entry = app.circle(circle_id)
    content = make(circle=entry.name, today=circle_today(entry))
    write_pdf(content, out, _("paper.file.intake_form", circle=entry.id), personal=False)
    click.echo(_("paper.form.written_version", version=form_version()))


@print_.command("poster", help="help.print.poster")
@circle_option
@option("--month", "month_text", metavar="MONTH", help="opt.print_month")
@option("--token", "token", metavar="KEY", help="opt.print_token")
@option("--no-qr", "no_qr", is_flag=True, help="opt.print_no_qr")
@out_option
@pass_app
def poster(app, circle_id, month_text, token, no_qr, out) -> None:
    from voorzorg.calendar.tokens import add_token, lookup, subscription_urls
    from voorzorg.dates import MONTHS
    from voorzorg.errors import VoorzorgError
    from voorzorg.paper.documents import poster as make

    entry, db = app.open_circle(circle_id)
    today = circle_today(entry)
    year, month = parse_month(month_text, today)
    month_name = MONTHS["nl"][month - 1]
    name = _("paper.file.poster", circle=entry.id, month=f"{year}-{month:02d}")
    target(out, name)  # a bad --out is refused before a calendar key is made
    link = None
    if not no_qr:
        if token:
            found = lookup(db, token.strip())
            if found is None:
                raise VoorzorgError("feed.link_unknown_token", hint="paper.poster.token_hint")
            if found["member_id"] is not None:
                raise VoorzorgError("paper.poster.personal_token")
            key = token.strip()
        else:
            made = add_token(db, label=_("paper.poster.token_label", month=month_name, year=year),
                             now=utc_now())  # fmt: skip
            key = made["token"]
            click.echo(_("paper.poster.token_made", id=made["id"], label=made["label"]))
        link = subscription_urls(app.config.base_url, entry.id, key)["webcal"]
    content = make(db, circle=entry.name, today=today, year=year, month=month,
                   timezone=entry.timezone, link=link)  # fmt: skip
    write_pdf(content, out, name, personal=False)


def parse_month(text: str | None, today) -> tuple[int, int]:
    """ "2026-12", "12-2026", "december", "december 2027", "dec", "12": the month a poster
    is for; without a year the next such month from today (this month counts). Default:
    this month."""
    import re

    from voorzorg.dates import MONTHS, SHORT_MONTHS
    from voorzorg.errors import VoorzorgError
    from voorzorg.text import fold

    if not text or not text.strip():
        return today.year, today.month
    value = fold(text).strip().replace(".", "")
    found = re.fullmatch(r"(\d{4})-(\d{1,2})", value) or None
    if found:
        year, month = int(found[1]), int(found[2])
    else:
        found = re.fullmatch(r"(\d{1,2})[-/ ](\d{4})", value)
        if found:
            month, year = int(found[1]), int(found[2])
        else:
            words = value.split()
            year = None
            if len(words) == 2 and words[1].isdigit() and len(words[1]) == 4:
                year = int(words[1])
            elif len(words) != 1:
                raise VoorzorgError("paper.bad_month", text=text)
            word = words[0]
            names = {}
            for table in (MONTHS, SHORT_MONTHS):
                for months in table.values():
                    names |= {fold(n): i + 1 for i, n in enumerate(months)}
            if word.isdigit():
                month = int(word)
            elif word in names:
                month = names[word]
            else:
                raise VoorzorgError("paper.bad_month", text=text)
            if year is None:
                year = today.year if month >= today.month else today.year + 1
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise VoorzorgError("paper.bad_month", text=text)
    return year, month


@print_.command("emergency-card", help="help.print.emergency_card")
@circle_option
@click.argument("members", nargs=-1, metavar="MEMBER...")
@option("--all", "all_members", is_flag=True, help="opt.print_all_cards")
@out_option
@pass_app
def emergency_card(app, circle_id, members, all_members, out) -> None:
    from voorzorg.domain.members import resolve_member
    from voorzorg.errors import VoorzorgError
    from voorzorg.paper.documents import emergency_card_people, emergency_cards

    entry, db = app.open_circle(circle_id)
    if bool(members) == bool(all_members):
        raise VoorzorgError("paper.card.which")
    ids = None if all_members else [resolve_member(db, m) for m in members]
    content = emergency_cards(db, circle=entry.name, today=circle_today(entry), member_ids=ids)
    if ids is not None and len(ids) == 1:
        name = _("paper.file.emergency_card_one", circle=entry.id, id=ids[0])
    else:
        name = _("paper.file.emergency_card", circle=entry.id)
    write_pdf(content, out, name, personal=True)
    count = len(emergency_card_people(db, ids))
    click.echo(_("paper.card.count", n=count))


@print_.command("wellbeing-form", help="help.print.wellbeing_form")
@circle_option
@click.argument("members", nargs=-1, metavar="[MEMBER]")
@option("--on", "on", metavar="DATE", help="opt.print_wellbeing_on")
@out_option
@pass_app
def wellbeing_form(app, circle_id, members, on, out) -> None:
    from voorzorg.dates import parse_date
    from voorzorg.domain.members import resolve_member
    from voorzorg.errors import VoorzorgError
    from voorzorg.paper.documents import wellbeing_form as make
    from voorzorg.paper.documents import wellbeing_form_member

    entry = app.circle(circle_id)
    today = circle_today(entry)
    if not members:
        if on:
            raise VoorzorgError("paper.wbform.on_without_member")
        name = _("paper.file.wellbeing_form", circle=entry.id)
        target(out, name)
        content = make(circle=entry.name, today=today)
        write_pdf(content, out, name, personal=False)
        return
    _entry, db = app.open_circle(circle_id)
    member = wellbeing_form_member(db, resolve_member(db, " ".join(members)))
    day = parse_date(on, today=today) if on else today
    name = _("paper.file.wellbeing_form_one", circle=entry.id, id=member["id"])
    target(out, name)
    content = make(circle=entry.name, today=today, name=member["name"], day=day)
    write_pdf(content, out, name, personal=True)
