"""CSV import and export of members (and export of activities), as Dutch spreadsheets make them.

Import accepts ``;`` or ``,``, a UTF-8 byte-order mark, Windows-1252 (detected and
reported), Dutch dates and Dutch column headers. Every bad row is reported with its
line number and then nothing is imported; the whole import is one transaction, so an
interrupted import leaves the circle as it was. Rows that match a member already in
the circle (same name and postcode or phone) are skipped, so a re-import adds no
duplicates. Exports neutralise cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from voorzorg import api

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADERS = {
    "naam": "name", "name": "name", "volledige naam": "name",
    "adres": "address", "address": "address", "straat": "address",
    "postcode": "postcode",
    "telefoon": "phone", "telefoonnummer": "phone", "phone": "phone", "tel": "phone",
    "e-mail": "email", "email": "email", "e-mailadres": "email", "mail": "email",
    "geboortejaar": "birth_year", "birth_year": "birth_year", "birth year": "birth_year",
    "geboortedatum": "birth_date", "birth date": "birth_date",
    "contact": "contact_via", "contact via": "contact_via", "contact_via": "contact_via",
    "biedt": "offers", "aanbod": "offers", "offers": "offers",
    "verbinder": "connector", "connector": "connector",
    "lid sinds": "joined", "joined": "joined", "aangemeld": "joined",
    "member since": "joined",
}  # fmt: skip
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def decode(raw: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read in (utf-8 or cp1252)."""
    if len(raw) > MAX_BYTES:
        raise api.VoorzorgError("csv.too_big", max=MAX_BYTES // (1024 * 1024))
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise api.VoorzorgError("csv.nul", line=line)
    try:
        return api.decode_utf8(raw), "utf-8"
    except api.NotUtf8 as exc:
        # Dutch Excel saves "CSV" as Windows-1252: read it so, and say so.
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise api.VoorzorgError("csv.not_text", line=exc.line) from None


def read_rows(text: str) -> tuple[list[str], list[tuple[int, dict]]]:
    """Header fields (mapped to our names) and (line number, row) pairs."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise api.VoorzorgError("csv.empty") from None
    fields = []
    for name in header:
        key = HEADERS.get(name.strip().lower())
        if key is None and name.strip():
            known = ", ".join(sorted(k for k in HEADERS if " " not in k))
            raise api.VoorzorgError("csv.unknown_column", column=name.strip(), known=known)
        fields.append(key)
    if "name" not in fields:
        raise api.VoorzorgError("csv.no_name_column")
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            raise api.VoorzorgError("csv.too_many_rows", max=MAX_ROWS)
        rows.append((line, {f: v for f, v in zip(fields, values, strict=False) if f}))
    return fields, rows


def _birth_year(row: dict):
    if row.get("birth_year", "").strip():
        return int(row["birth_year"].strip())
    if row.get("birth_date", "").strip():
        return api.parse_date(row["birth_date"]).year  # birth year only: minimisation
    return None


def import_members(db, text: str, *, today, dry_run: bool, progress=None) -> dict:
    """Import every row or none; returns counts and the errors per line."""
    _fields, rows = read_rows(text)
    existing = {
        (api.fold(m["name"]), m["postcode"] or m["phone"] or "")
        for m in api.list_members(db, include_left=True)
    }
    errors, added, skipped = [], 0, 0
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number, (line, row) in enumerate(rows):
            if progress:
                progress(number)
            try:
                conn.execute("SAVEPOINT row")
                key = (api.fold(row.get("name", "").strip()),
                       _postcode_or_phone(row))  # fmt: skip
                if key in existing:
                    skipped += 1
                    conn.execute("RELEASE row")
                    continue
                joined = row.get("joined", "").strip()
                api.add_member(
                    db,
                    row.get("name", ""),
                    today=today,
                    joined=api.parse_date(joined) if joined else None,
                    address=row.get("address") or None,
                    postcode=row.get("postcode") or None,
                    phone=row.get("phone") or None,
                    email=row.get("email") or None,
                    birth_year=_birth_year(row),
                    contact_via=row.get("contact_via") or None,
                    connector=row.get("connector", "").strip().lower() in ("ja", "yes", "x", "1"),
                    offers=api.parse_categories(row.get("offers", "").replace(";", ",")) or [],
                )
                existing.add(key)
                added += 1
                conn.execute("RELEASE row")
            except (api.VoorzorgError, ValueError) as exc:
                conn.execute("ROLLBACK TO row")
                conn.execute("RELEASE row")
                message = exc.message if isinstance(exc, api.VoorzorgError) else str(exc)
                errors.append({"line": line, "error": message})
        if errors or dry_run:
            conn.execute("ROLLBACK")
        else:
            conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return {"rows": len(rows), "added": 0 if errors else added, "would_add": added,
            "skipped": skipped, "errors": errors, "dry_run": dry_run}  # fmt: skip


def _postcode_or_phone(row: dict) -> str:
    import re

    postcode = (row.get("postcode") or "").strip()
    match = re.fullmatch(r"([1-9]\d{3})\s*([A-Za-z]{2})", postcode)
    if match:
        return f"{match[1]} {match[2].upper()}"
    return postcode or (row.get("phone") or "").strip()


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS) else text


def write_csv(rows: list[list], header: list[str]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")  # a BOM: Excel reads UTF-8 then


def _headers(*keys: str) -> list[str]:
    return [api._("csv.header." + key) for key in keys]


def export_members(db) -> bytes:
    """Members as CSV, without restricted members; headers and values in the language
    of the moment (and read back by ``member import`` in either language)."""
    _ = api._
    header = _headers("name", "address", "postcode", "phone", "email", "birth_year",
                      "contact", "offers", "connector", "joined")  # fmt: skip
    rows = [
        [m["name"], m["address"], m["postcode"], m["phone"], m["email"], m["birth_year"],
         _("contact." + m["contact_via"]) if m["contact_via"] else "",
         ", ".join(api.category_label(c) for c in m["offers"]),
         _("word.yes") if m["connector"] else "", m["joined_on"]]
        for m in api.list_members(db)
        if not m["restricted"]  # restricted (AVG art. 18): kept, but not passed on
    ]  # fmt: skip
    return write_csv(rows, header)


def export_activities(db) -> bytes:
    _ = api._
    header = _headers("number", "name", "kind", "place", "start", "time", "repeats", "until")
    rows = [
        [a["id"], a["title"], a["kind"], a["location"], a["start_date"], a["start_time"],
         _("csv.value." + (a["freq"] or "once")), a["until_date"]]
        for a in api.list_activities(db)
    ]  # fmt: skip
    return write_csv(rows, header)


def _write(data: bytes, file: str | None) -> None:
    if file:
        api.atomic_write(Path(file), data, mode=0o600)  # member data: readable by you only
    else:
        click.echo(data.decode("utf-8-sig"), nl=False)


@api.hookimpl
def register_commands(cli):
    from voorzorg.api import _, circle_option, command, echo_json, json_option, option, pass_app

    @command("import", help="csv.help.import")
    @circle_option
    @click.argument("file", metavar="FILE")
    @option("--dry-run", is_flag=True, help="csv.opt.dry_run")
    @json_option
    @pass_app
    def member_import(app, circle_id, file, dry_run, as_json):
        try:
            with open(file, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            error = api.os_error_text(exc)
            raise api.VoorzorgError("file.read_failed", path=file, error=error) from None
        text, encoding = decode(raw)
        if encoding != "utf-8" and not as_json:
            click.echo(_("csv.read_as_cp1252"), err=True)
        entry, db = app.open_circle(circle_id)
        _fields, rows = read_rows(text)
        if len(rows) > 200 and not as_json:
            with click.progressbar(length=len(rows), label=_("csv.importing"),
                                   file=click.get_text_stream("stderr")) as bar:  # fmt: skip
                result = import_members(db, text, today=api.today(entry.timezone), dry_run=dry_run,
                                        progress=lambda n: bar.update(1))  # fmt: skip
        else:
            result = import_members(db, text, today=api.today(entry.timezone), dry_run=dry_run)
        if as_json:
            echo_json(result)
        else:
            for error in result["errors"]:
                click.echo(_("csv.row_error", line=error["line"], error=error["error"]), err=True)
            if not result["errors"]:
                key = "csv.dry_run_done" if dry_run else "csv.imported"
                already = _("csv.already", n=result["skipped"])
                click.echo(_(key, n=result["would_add"], already=already))
        if result["errors"]:
            raise api.VoorzorgError("csv.nothing_imported", n=len(result["errors"]))

    @command("export-csv", help="csv.help.export")
    @circle_option
    @click.argument("file", metavar="FILE", required=False)
    @pass_app
    def member_export(app, circle_id, file):
        _entry, db = app.open_circle(circle_id)
        _write(export_members(db), file)

    @command("export", help="csv.help.export_activities")
    @circle_option
    @click.argument("file", metavar="FILE", required=False)
    @pass_app
    def activity_export(app, circle_id, file):
        _entry, db = app.open_circle(circle_id)
        _write(export_activities(db), file)

    api.member.add_command(member_import, "import")
    api.member.add_command(member_export, "export-csv")
    api.activity.add_command(activity_export, "export")
