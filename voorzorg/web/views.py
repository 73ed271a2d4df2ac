"""Dutch read-only views and canned queries for coordinators in Datasette.

Coordinators never see the raw tables: they see these views, with Dutch names and
column labels, and only active members who are not restricted. Notes, needs and
consents are left out (a coordinator does the matching on the command line).
"""

from __future__ import annotations

from voorzorg.categories import CATEGORIES
from voorzorg.locale.nl import MESSAGES as NL

VIEWS = ("deelnemers", "hulpvragen", "activiteiten", "afspraken", "opkomst")


def _case(column: str, mapping: dict[str, str]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in mapping.items())
    return f"CASE {column} {whens} ELSE {column} END"


def category_label(column: str) -> str:
    return _case(column, {c: NL[f"category.{c}"] for c in CATEGORIES})


CONTACT = {
    "phone": "telefoon",
    "email": "e-mail",
    "signal": "Signal",
    "whatsapp": "WhatsApp",
    "in-person": "persoonlijk langs",
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
    return [
        f"""CREATE VIEW deelnemers AS
            SELECT m.id AS nr, m.name AS naam, m.address AS adres, m.postcode AS postcode,
                   m.phone AS telefoon, m.email AS "e-mail",
                   {_case("m.contact_via", CONTACT)} AS contact_via,
                   CASE WHEN m.is_connector THEN 'ja' ELSE '' END AS verbinder,
                   {offers} AS biedt, m.joined_on AS lid_sinds
            FROM members m WHERE m.left_on IS NULL AND m.restricted_at IS NULL""",
        f"""CREATE VIEW hulpvragen AS
            SELECT r.id AS nr, f.name AS voor, {category_label("r.category")} AS soort_hulp,
                   r.wanted_at AS wanneer, {status} AS status,
                   CASE WHEN h.restricted_at IS NULL THEN h.name END AS helper,
                   substr(r.created_at, 1, 10) AS vastgelegd,
                   substr(r.closed_at, 1, 10) AS afgesloten,
                   r.referred_to AS doorverwezen_naar
            FROM requests r JOIN members f ON f.id = r.for_id
            LEFT JOIN members h ON h.id = r.helper_id
            WHERE f.restricted_at IS NULL""",
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
            WHERE h.restricted_at IS NULL AND f.restricted_at IS NULL""",
        """CREATE VIEW opkomst AS
            SELECT a.title AS activiteit, c.original_date AS datum, c.head_count AS aanwezig
            FROM activity_counts c JOIN activities a ON a.id = c.activity_id""",
    ]


_OCCURRENCES = """
WITH RECURSIVE
  bounds(first, last) AS (
    SELECT date('now', 'localtime'), date('now', 'localtime', '+27 days')
  ),
  occ(activity_id, day, n) AS (
    SELECT id, start_date, 0 FROM activities
    UNION ALL
    SELECT a.id,
      CASE a.freq
        WHEN 'weekly' THEN date(o.day, '+' || (7 * a.interval) || ' days')
        ELSE CASE WHEN a.monthly_week > 0 THEN
            date(a.start_date, 'start of month', '+' || (a.interval * (o.n + 1)) || ' months',
                 'weekday ' || strftime('%w', a.start_date),
                 '+' || (7 * (a.monthly_week - 1)) || ' days')
          ELSE
            date(a.start_date, 'start of month', '+' || (a.interval * (o.n + 1) + 1) || ' months',
                 '-7 days', 'weekday ' || strftime('%w', a.start_date))
          END
      END,
      o.n + 1
    FROM occ o JOIN activities a ON a.id = o.activity_id, bounds
    WHERE a.freq IS NOT NULL AND o.day <= bounds.last
      AND (a.count IS NULL OR o.n + 1 < a.count)
      AND o.n < 2000
  )
SELECT
  coalesce(substr(e.new_start, 1, 10), o.day) AS datum,
  CASE WHEN e.kind = 'moved' THEN substr(e.new_start, 12) ELSE a.start_time END AS tijd,
  a.title AS activiteit,
  coalesce(e.new_location, a.location) AS plaats,
  CASE e.kind WHEN 'cancelled' THEN 'afgelast' WHEN 'moved' THEN 'verplaatst' ELSE '' END
    AS bijzonderheid
FROM occ o
JOIN activities a ON a.id = o.activity_id, bounds
LEFT JOIN activity_exceptions e ON e.activity_id = o.activity_id AND e.original_date = o.day
WHERE (a.until_date IS NULL OR o.day <= a.until_date)
  AND coalesce(substr(e.new_start, 1, 10), o.day) BETWEEN bounds.first AND bounds.last
ORDER BY datum, tijd, activiteit
"""


def canned_queries() -> dict[str, dict]:
    offers_by_category = f"""
        SELECT {category_label("o.category")} AS soort_hulp,
               group_concat(m.name, ', ') AS wie, count(*) AS aantal
        FROM member_offers o JOIN members m ON m.id = o.member_id
        WHERE m.left_on IS NULL AND m.restricted_at IS NULL
          AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                      AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
        GROUP BY o.category ORDER BY soort_hulp"""
    long_not_asked = """
        SELECT m.name AS naam,
               coalesce(substr(max(a.asked_at), 1, 10), 'nooit') AS laatst_gevraagd,
               CAST(julianday('now') - julianday(max(a.asked_at)) AS INTEGER) AS dagen_geleden
        FROM members m LEFT JOIN request_asks a ON a.member_id = m.id
        WHERE m.left_on IS NULL AND m.restricted_at IS NULL
          AND EXISTS (SELECT 1 FROM member_offers o WHERE o.member_id = m.id)
          AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                      AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
        GROUP BY m.id ORDER BY max(a.asked_at) IS NOT NULL, max(a.asked_at), m.name"""
    phone_list = f"""
        SELECT m.name AS naam, {_case("m.contact_via", CONTACT)} AS bij_voorkeur,
               CASE m.contact_via
                 WHEN 'email' THEN m.email
                 WHEN 'in-person' THEN m.address
                 ELSE coalesce(m.phone, m.email, m.address) END AS bereikbaar_via
        FROM members m WHERE m.left_on IS NULL AND m.restricted_at IS NULL
        ORDER BY m.name COLLATE NOCASE"""
    head_counts = """
        SELECT a.title AS activiteit, count(c.head_count) AS keren_geteld,
               round(avg(c.head_count), 1) AS gemiddeld, max(c.original_date) AS laatst
        FROM activities a LEFT JOIN activity_counts c ON c.activity_id = a.id
        GROUP BY a.id ORDER BY a.title"""
    queries = {
        "wie_helpt_waarmee": (
            "Wie helpt waarmee",
            "Per soort hulp: wie het aanbiedt (met toestemming voor koppelen).",
            offers_by_category,
        ),
        "open_hulpvragen": (
            "Open hulpvragen",
            "Hulpvragen die nog open, gevraagd of toegezegd zijn.",
            "SELECT * FROM hulpvragen WHERE status IN ('open', 'gevraagd', 'toegezegd')",
        ),
        "lang_niet_gevraagd": (
            "Lang niet gevraagd",
            "Wie iets aanbiedt, met wie het langst niet gevraagd is bovenaan.",
            long_not_asked,
        ),
        "komende_activiteiten": (
            "Activiteiten in de komende vier weken",
            "Alle keren van de komende vier weken, met afgelaste en verplaatste keren.",
            _OCCURRENCES,
        ),
        "telefoonlijst": (
            "Telefoonlijst",
            "Hoe iedereen bereikt wil worden.",
            phone_list,
        ),
        "opkomst_per_activiteit": (
            "Opkomst per activiteit",
            "Hoe vaak er geteld is en hoeveel mensen er gemiddeld waren.",
            head_counts,
        ),
    }
    return {
        name: {"title": title, "description": description, "sql": sql, "hide_sql": True}
        for name, (title, description, sql) in queries.items()
    }


TABLE_TITLES = {
    "deelnemers": "Deelnemers",
    "hulpvragen": "Hulpvragen",
    "activiteiten": "Activiteiten",
    "afspraken": "Vaste afspraken",
    "opkomst": "Opkomst",
}
