"""The Dutch read-only views in every circle database, as coordinators see them.

Coordinators never see the raw tables: they see these views, with Dutch names and
column labels, and only active members who are not restricted. Notes, needs and
consents are left out (a coordinator does the matching on the command line).

Data minimisation: a referral shows as "doorverwezen" only (never to whom); members
who left, restricted and erased members are left out of every view; closed requests
show only for a recent period, ``HISTORY_MONTHS`` by default, or the number of months
in the circle's ``privacy_view_months`` setting (``voorzorg purge`` writes it there
from ``[privacy] view_months`` in config.toml).

These are the *current* definitions. Migrations carry their own frozen SQL; after
migrating, ``sync_views`` compares each view in the file with its definition here and
recreates the ones that differ, so changing a view never changes an old migration.
"""

from __future__ import annotations

from voorzorg.categories import CATEGORIES
from voorzorg.locale.nl import MESSAGES as NL

VIEWS = ("deelnemers", "hulpvragen", "activiteiten", "afspraken", "opkomst")
HISTORY_MONTHS = 12
VIEW_MONTHS_KEY = "privacy_view_months"


def case_sql(column: str, mapping: dict[str, str]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in mapping.items())
    return f"CASE {column} {whens} ELSE {column} END"


def category_label(column: str) -> str:
    return case_sql(column, {c: NL[f"category.{c}"] for c in CATEGORIES})


CONTACT = {
    "phone": "telefoon",
    "email": "e-mail",
    "signal": "Signal",
    "whatsapp": "WhatsApp",
    "in-person": "aan de deur",
}


def view_statements() -> list[str]:
    offers = (
        f"(SELECT group_concat({category_label('o.category')}, ', ') FROM member_offers o "
        "WHERE o.member_id = m.id)"
    )
    status = (
        "CASE r.status WHEN 'open' THEN CASE WHEN EXISTS (SELECT 1 FROM request_asks a "
        "WHERE a.request_id = r.id AND a.answer IS NULL) THEN 'gevraagd' ELSE 'open' END "
        "WHEN 'accepted' THEN 'toegezegd' WHEN 'done' THEN 'gedaan' "
        "WHEN 'cancelled' THEN 'vervallen' WHEN 'referred' THEN 'doorverwezen' END"
    )
    recent = (
        "(r.status IN ('open', 'accepted') OR coalesce(r.closed_at, r.created_at) >= "
        "strftime('%Y-%m-%dT%H:%M:%S', 'now', '-' || coalesce((SELECT CAST(value AS INTEGER) "
        f"FROM circle_meta WHERE key = '{VIEW_MONTHS_KEY}'), {HISTORY_MONTHS}) || ' months'))"
    )
    return [
        f"""CREATE VIEW deelnemers AS
            SELECT m.id AS nr, m.name AS naam, m.address AS adres, m.postcode AS postcode,
                   m.phone AS telefoon, m.email AS "e-mail",
                   {case_sql("m.contact_via", CONTACT)} AS contact_via,
                   CASE WHEN m.is_connector THEN 'ja' ELSE '' END AS verbinder,
                   {offers} AS biedt, m.joined_on AS lid_sinds
            FROM members m WHERE m.left_on IS NULL AND m.restricted_at IS NULL""",
        f"""CREATE VIEW hulpvragen AS
            SELECT r.id AS nr, f.name AS voor, {category_label("r.category")} AS soort_hulp,
                   r.wanted_at AS wanneer, {status} AS status,
                   CASE WHEN h.restricted_at IS NULL AND h.left_on IS NULL THEN h.name
                        WHEN r.helper_erased THEN 'verwijderd lid' END AS helper,
                   substr(r.created_at, 1, 10) AS vastgelegd,
                   substr(r.closed_at, 1, 10) AS afgesloten
            FROM requests r JOIN members f ON f.id = r.for_id
            LEFT JOIN members h ON h.id = r.helper_id
            WHERE f.restricted_at IS NULL AND f.left_on IS NULL AND {recent}""",
        """CREATE VIEW activiteiten AS
            SELECT a.id AS nr, a.title AS naam, a.kind AS soort, a.location AS plaats,
                   trim(a.start_date || ' ' || coalesce(a.start_time, '')) AS begin,
                   CASE a.freq WHEN 'weekly' THEN
                       CASE a.interval WHEN 1 THEN 'elke week' ELSE 'om de ' || a.interval
                       || ' weken' END
                     WHEN 'monthly' THEN 'maandelijks' ELSE 'eenmalig' END AS herhaling,
                   a.until_date AS tot
            FROM activities a""",
        f"""CREATE VIEW afspraken AS
            SELECT g.id AS nr, h.name AS helper, f.name AS voor,
                   {category_label("g.category")} AS soort_hulp, g.valid_from AS van,
                   g.valid_until AS tot, g.ended_on AS beeindigd
            FROM agreements g JOIN members h ON h.id = g.helper_id
            JOIN members f ON f.id = g.for_id
            WHERE h.restricted_at IS NULL AND f.restricted_at IS NULL
              AND h.left_on IS NULL AND f.left_on IS NULL""",
        """CREATE VIEW opkomst AS
            SELECT a.title AS activiteit, c.original_date AS datum, c.head_count AS aanwezig
            FROM activity_counts c JOIN activities a ON a.id = c.activity_id""",
    ]


def sync_views(db) -> list[str]:
    """Recreate every view whose definition in the file differs from the current one.

    Runs after migrations on every open; a read of ``sqlite_master`` when nothing
    changed. Returns the names of the views it recreated.
    """
    wanted = {_view_name(statement): statement.strip() for statement in view_statements()}
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall()
    present = {row[0]: (row[1] or "").strip() for row in rows}
    stale = [name for name, sql in wanted.items() if present.get(name) != sql]
    if not stale:
        return []
    with db.atomic():
        for name in stale:
            db.execute(f'DROP VIEW IF EXISTS "{name}"')
            db.execute(wanted[name])
    return stale


def _view_name(statement: str) -> str:
    return statement.split()[2]
