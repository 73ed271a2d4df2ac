"""Canned queries and table titles for coordinators in Datasette (``voorzorg serve``).

The queries read the Dutch views and tables of a circle database; SQL is hidden from
the coordinator, who sees a title, a description and the result.

"Today" and "now" come from voorzorg's one clock, not from SQLite's ``'now'`` (the Pi's
own zone, often UTC): ``register_clock`` gives every connection to a circle database
``vz_vandaag()``, the circle's date, and ``vz_nu()``, the current instant in UTC.
"""

from __future__ import annotations

from voorzorg import clock
from voorzorg.storage.views import CONTACT, case_sql, category_label


def register_clock(conn, timezone: str) -> None:
    """``vz_vandaag()`` (the date in ``timezone``) and ``vz_nu()`` on ``conn``."""
    conn.create_function("vz_vandaag", 0, lambda: clock.today(timezone).isoformat())
    conn.create_function("vz_nu", 0, lambda: clock.stamp())


_OCCURRENCES = """
WITH RECURSIVE
  bounds(first, last) AS (
    SELECT vz_vandaag(), date(vz_vandaag(), '+27 days')
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
    AS bijzonderheid,
  CASE e.kind WHEN 'cancelled' THEN e.note END AS reden
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
               CAST(julianday(vz_nu()) - julianday(max(a.asked_at)) AS INTEGER) AS dagen_geleden
        FROM members m LEFT JOIN request_asks a ON a.member_id = m.id
        WHERE m.left_on IS NULL AND m.restricted_at IS NULL
          AND EXISTS (SELECT 1 FROM member_offers o WHERE o.member_id = m.id)
          AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id
                      AND c.purpose = 'matching' AND c.withdrawn_at IS NULL)
        GROUP BY m.id ORDER BY max(a.asked_at) IS NOT NULL, max(a.asked_at), m.name"""
    # Every known way to reach someone, the preferred one first: a member who prefers
    # e-mail but only gave a phone number is still reachable by phone.
    phone_list = f"""
        SELECT m.name AS naam, {case_sql("m.contact_via", CONTACT)} AS bij_voorkeur,
               (SELECT group_concat(way, ' · ') FROM (
                  SELECT m.phone AS way,
                         CASE WHEN m.contact_via IN ('phone', 'signal', 'whatsapp')
                              THEN 0 ELSE 1 END AS rank
                  WHERE m.phone IS NOT NULL AND m.phone != ''
                  UNION ALL
                  SELECT m.email, CASE WHEN m.contact_via = 'email' THEN 0 ELSE 2 END
                  WHERE m.email IS NOT NULL AND m.email != ''
                  UNION ALL
                  SELECT m.address, CASE WHEN m.contact_via = 'in-person' THEN 0 ELSE 3 END
                  WHERE m.address IS NOT NULL AND m.address != ''
                  ORDER BY rank)) AS bereikbaar_via
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
