"""Welfare dashboards (datasette-dashboards) on stats.db only, with Dutch labels.

Every chart reads the release tables. Counts carry the Cell Key Method's small noise and
are shown as whole numbers; a protected (suppressed or withheld) figure is NULL, left out
of charts and named "niet publiceerbaar" in tables, never 0. Shares are computed here
from published counts only, so a share exists only where its base is published.
"""

from __future__ import annotations

RELEASE = "release_id = :release"
# "2026-H1" -> "1e halfjaar 2026"
HALFJAAR = (
    "(CASE substr(release_id, 6) WHEN 'H1' THEN '1e halfjaar ' ELSE '2e halfjaar ' END"
    " || substr(release_id, 1, 4))"
)
HIDDEN = "'niet publiceerbaar'"
EXPLANATION = (
    "**Zo zijn de cijfers beschermd.** Elk aantal is licht verstoord (hooguit 3 erbij of "
    "eraf, steeds gelijk voor dezelfde mensen) en rust op minstens *k* deelnemers; "
    "**niet publiceerbaar** betekent: te weinig mensen of herleidbaar, dus weggelaten. "
    "Trek geen conclusies uit verschillen van een paar personen. De volledige uitleg "
    "voor privacyfunctionarissen staat in `docs/statistiek-bescherming.md`."
)


def _bar(x: str, y: str, x_title: str, y_title: str, color: str | None = None) -> dict:
    encoding = {
        "x": {"field": x, "type": "nominal", "title": x_title, "sort": "-y"},
        "y": {"field": y, "type": "quantitative", "title": y_title, "axis": {"format": "d"}},
    }
    if color:
        encoding["color"] = {"field": color, "type": "nominal", "title": "Soort"}
    return {"mark": {"type": "bar", "tooltip": True}, "encoding": encoding}


def _over_time(y: str, y_title: str, color: str, color_title: str) -> dict:
    return {
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": {
            "x": {"field": "halfjaar", "type": "ordinal", "title": "Halfjaar",
                  "sort": {"field": "release_id"}},
            "y": {"field": y, "type": "quantitative", "title": y_title, "axis": {"format": "d"}},
            "color": {"field": color, "type": "nominal", "title": color_title},
        },
    }  # fmt: skip


def _charts() -> dict:
    return {
        "uitleg": {
            "title": "Uitleg",
            "library": "markdown",
            "display": EXPLANATION,
        },
        "bereik": {
            "title": "Bereik: deelnemers, nieuw en vertrokken, per halfjaar",
            "db": "stats",
            "query": f"SELECT release_id, {HALFJAAR} AS halfjaar, 'deelnemers' AS soort, "
            "CAST(leden AS INTEGER) AS aantal FROM leeftijd WHERE leeftijdsgroep = 'totaal' "
            "AND leden IS NOT NULL UNION ALL "
            f"SELECT release_id, {HALFJAAR}, soort, CAST(leden AS INTEGER) "
            "FROM instroom_uitstroom WHERE leden IS NOT NULL ORDER BY release_id",
            "library": "vega-lite",
            "display": _over_time("aantal", "Aantal", "soort", "Soort"),
        },
        "leden": {
            "title": "Deelnemers per cirkel, per halfjaar",
            "db": "stats",
            "query": f"SELECT release_id, {HALFJAAR} AS halfjaar, cirkel, "
            "CAST(leden AS INTEGER) AS leden FROM leden_per_cirkel "
            "WHERE leden IS NOT NULL AND ([[cirkel = :cirkel AND]] 1) ORDER BY release_id",
            "library": "vega-lite",
            "display": _over_time("leden", "Deelnemers", "cirkel", "Cirkel"),
        },
        "leeftijd": {
            "title": "Leeftijd van de deelnemers (alle cirkels samen)",
            "db": "stats",
            "query": "SELECT leeftijdsgroep, CAST(leden AS INTEGER) AS leden FROM leeftijd "
            "WHERE " + RELEASE + " AND leeftijdsgroep != 'totaal' AND leden IS NOT NULL",
            "library": "vega-lite",
            "display": {
                **_bar("leeftijdsgroep", "leden", "Leeftijd", "Deelnemers"),
                "encoding": {
                    "x": {
                        "field": "leeftijdsgroep",
                        "type": "ordinal",
                        "title": "Leeftijd",
                        "sort": None,
                    },
                    "y": {
                        "field": "leden",
                        "type": "quantitative",
                        "title": "Deelnemers",
                        "axis": {"format": "d"},
                    },
                },
            },
        },
        "hulp": {
            "title": "Hulpvragen per soort hulp (alle cirkels samen)",
            "db": "stats",
            "query": "SELECT soort_hulp, CAST(hulpvragen AS INTEGER) AS hulpvragen "
            "FROM hulpvragen_per_soort WHERE "
            + RELEASE
            + " AND soort_hulp != 'totaal' AND hulpvragen IS NOT NULL",
            "library": "vega-lite",
            "display": _bar("soort_hulp", "hulpvragen", "Soort hulp", "Hulpvragen"),
        },
        "dagen": {
            "title": "Dagen tot er een helper was (mediaan), per soort hulp",
            "db": "stats",
            "query": "SELECT soort_hulp, CAST(mediaan_dagen AS INTEGER) AS dagen "
            "FROM hulp_dagen_tot_koppeling WHERE " + RELEASE + " AND mediaan_dagen IS NOT NULL",
            "library": "vega-lite",
            "display": _bar("soort_hulp", "dagen", "Soort hulp", "Dagen (mediaan)"),
        },
        "hulp_tabel": {
            "title": "Hulpvragen: alle cijfers",
            "db": "stats",
            "query": 'SELECT h.soort_hulp AS "soort hulp", '
            f"coalesce(CAST(h.hulpvragen AS INTEGER), {HIDDEN}) AS hulpvragen, "
            f'coalesce(CAST(m.hulpvragen AS INTEGER), {HIDDEN}) AS "met helper", '
            "coalesce(CAST(round(100.0 * min(m.hulpvragen, h.hulpvragen) / "
            f"nullif(h.hulpvragen, 0)) AS INTEGER) || '%', {HIDDEN}) AS \"deel met helper\", "
            f'coalesce(CAST(d.mediaan_dagen AS INTEGER), {HIDDEN}) AS "dagen tot helper" '
            "FROM hulpvragen_per_soort h "
            "LEFT JOIN hulp_met_helper m ON m.release_id = h.release_id "
            "AND m.soort_hulp = h.soort_hulp "
            "LEFT JOIN hulp_dagen_tot_koppeling d ON d.release_id = h.release_id "
            "AND d.soort_hulp = h.soort_hulp WHERE h." + RELEASE,
            "library": "table",
        },
        "hulp_tijd": {
            "title": "Hulpvragen per halfjaar",
            "db": "stats",
            "query": f"SELECT release_id, {HALFJAAR} AS halfjaar, 'alle soorten' AS soort, "
            "CAST(hulpvragen AS INTEGER) AS hulpvragen FROM hulpvragen_per_soort "
            "WHERE soort_hulp = 'totaal' AND hulpvragen IS NOT NULL ORDER BY release_id",
            "library": "vega-lite",
            "display": _over_time("hulpvragen", "Hulpvragen", "soort", "Soort"),
        },
        "activiteiten": {
            "title": "Activiteiten: aantal keren",
            "db": "stats",
            "query": "SELECT cirkel, soort, CAST(keren AS INTEGER) AS keren FROM "
            "activiteit_keren WHERE "
            + RELEASE
            + " AND keren IS NOT NULL AND ([[cirkel = :cirkel AND]] 1)",
            "library": "vega-lite",
            "display": _bar("cirkel", "keren", "Cirkel", "Keren", color="soort"),
        },
        "opkomst": {
            "title": "Gemiddelde opkomst per soort activiteit",
            "db": "stats",
            "query": "SELECT soort, CAST(round(avg(gemiddelde_opkomst)) AS INTEGER) AS opkomst "
            "FROM activiteit_opkomst WHERE "
            + RELEASE
            + " AND gemiddelde_opkomst IS NOT NULL GROUP BY soort",
            "library": "vega-lite",
            "display": _bar("soort", "opkomst", "Soort", "Gemiddelde opkomst"),
        },
        "wederkerigheid": {
            "title": "Wederkerigheid: deel van de deelnemers dat hulp gaf én kreeg",
            "db": "stats",
            # Over everyone who took part: members at the end plus leavers; when the
            # leavers are not publishable (under k) they are left out, so the share is then
            # a little too high (see docs/statistiek-bescherming.md).
            "query": "SELECT coalesce(CAST(round(100.0 * min(w.leden, t.leden + "
            "coalesce(v.leden, 0)) / (t.leden + coalesce(v.leden, 0))) "
            f"AS INTEGER) || '%', {HIDDEN}) AS waarde FROM wederkerig w "
            "LEFT JOIN leeftijd t ON t.release_id = w.release_id "
            "AND t.leeftijdsgroep = 'totaal' "
            "LEFT JOIN instroom_uitstroom v ON v.release_id = w.release_id "
            "AND v.soort = 'vertrokken' WHERE w." + RELEASE,
            "library": "metric",
            "display": {"field": "waarde"},
        },
        "doorverwijzingen": {
            "title": "Doorverwijzingen naar professionals",
            "db": "stats",
            "query": f"SELECT coalesce(CAST(doorverwijzingen AS INTEGER), {HIDDEN}) "
            "AS waarde FROM doorverwijzingen WHERE " + RELEASE,
            "library": "metric",
            "display": {"field": "waarde"},
        },
        "publicaties": {
            "title": "Publicaties en hun bescherming",
            "db": "stats",
            "query": f"SELECT {HALFJAAR} AS halfjaar, k, "
            "CASE WHEN k_reden IS NOT NULL THEN 'uitzondering: k = ' || k || ' (' || k_reden "
            "|| ')' ELSE 'standaard' END AS \"ondergrens k\", "
            "CASE methode WHEN 'celsleutel' THEN 'celsleutel, ruis hooguit ' || ruis "
            "ELSE 'oude methode (onderdrukking)' END AS methode, versie, "
            "coalesce(vervangingsreden, '') AS \"vervangen omdat\" "
            "FROM releases ORDER BY release_id DESC",
            "library": "table",
        },
    }


def dashboards(latest_release: str | None = None) -> dict:
    return {
        "welzijn": {
            "title": "Voorzorgcirkels in cijfers",
            "description": "Geanonimiseerde publicaties per halfjaar (beleid SDC-1, "
            "celsleutelmethode). Cijfers die te weinig mensen betreffen zijn niet "
            "publiceerbaar.",
            "settings": {"allow_fullscreen": True},
            "layout": [
                ["uitleg", "uitleg", "publicaties"],
                ["bereik", "bereik", "leeftijd"],
                ["leden", "leden", "wederkerigheid"],
                ["hulp", "hulp", "dagen"],
                ["hulp_tabel", "hulp_tabel", "hulp_tijd"],
                ["activiteiten", "opkomst", "doorverwijzingen"],
            ],
            "filters": {
                "release": {
                    "name": "Halfjaar",
                    "type": "select",
                    "db": "stats",
                    "query": "SELECT release_id FROM releases ORDER BY release_id DESC",
                    **({"default": latest_release} if latest_release else {}),
                },
                "cirkel": {
                    "name": "Cirkel",
                    "type": "select",
                    "db": "stats",
                    "query": "SELECT DISTINCT cirkel FROM leden_per_cirkel ORDER BY cirkel",
                },
            },
            "charts": _charts(),
        }
    }


# --- a hub: the city and each community centre (voorzorg/federation/city.py) --------------

CITY = "Hele stad"


def _scope(query: str) -> str:
    """The same query on the rows of the chosen centre (or the city): every release table
    it reads becomes that table's rows for ``:centrum``. Written for whatever tables a
    chart reads, so charts added later work on a hub unchanged."""
    import re

    from voorzorg.stats.store import TABLES, WITHHELD

    names = "|".join(sorted((*TABLES, WITHHELD, "releases"), key=len, reverse=True))
    clause = re.compile(
        rf"\b(FROM|JOIN)\s+({names})\b(\s+(?!(?:WHERE|LEFT|JOIN|ON|UNION|ORDER|GROUP|INNER)\b)"
        r"([a-z_]\w*))?",
        re.IGNORECASE,
    )

    def replace(match) -> str:
        alias = match.group(4) or match.group(2)
        return (
            f"{match.group(1)} (SELECT * FROM {match.group(2)} WHERE centrum = :centrum) AS {alias}"
        )

    return clause.sub(replace, query)


def hub_dashboards(latest_release: str | None = None, title: str | None = None) -> dict:
    """The welfare dashboard for a hub: the same charts, for the whole city or one centre
    (filter "Centrum"), and a table of the centres side by side."""
    base = dashboards(latest_release)["welzijn"]
    charts = {}
    for key, chart in base["charts"].items():
        chart = dict(chart)
        if "query" in chart:
            chart["query"] = _scope(chart["query"])
        charts[key] = chart
    charts["centra"] = {
        "title": "Per buurthuis: deelnemers en activiteiten (gepubliceerde cijfers opgeteld)",
        "db": "stats",
        # Sums of published (protected) counts only; the city row is the sum of the
        # centres' rows, since per circle the city shows what each centre published.
        "query": "SELECT centrum AS buurthuis, "
        "(SELECT CAST(sum(leden) AS INTEGER) FROM leden_per_cirkel l "
        "WHERE l.centrum = r.centrum AND l.release_id = r.release_id) AS deelnemers, "
        "(SELECT count(*) FROM leden_per_cirkel l WHERE l.centrum = r.centrum "
        "AND l.release_id = r.release_id) AS cirkels, "
        "(SELECT CAST(coalesce(sum(keren), 0) AS INTEGER) FROM activiteit_keren a "
        "WHERE a.centrum = r.centrum AND a.release_id = r.release_id) AS activiteiten "
        f"FROM releases r WHERE r.release_id = :release ORDER BY r.centrum = '{CITY}', "
        "r.centrum",
        "library": "table",
    }
    layout = [["centra", "centra", "centra"], *base["layout"]]
    filters = {
        "centrum": {
            "name": "Centrum",
            "type": "select",
            "db": "stats",
            "query": f"SELECT DISTINCT centrum FROM releases ORDER BY centrum != '{CITY}', centrum",
            "default": CITY,
        },
        **base["filters"],
    }
    filters["release"] = {
        **filters["release"],
        "query": f"SELECT DISTINCT release_id FROM releases WHERE centrum = '{CITY}' "
        "ORDER BY release_id DESC",
    }
    filters["cirkel"] = {
        **filters["cirkel"],
        "query": "SELECT DISTINCT cirkel FROM leden_per_cirkel "
        f"WHERE centrum = '{CITY}' ORDER BY cirkel",
    }
    return {
        "welzijn": {
            **base,
            "title": f"Voorzorgcirkels in cijfers: {title}" if title else base["title"],
            "description": "De hele stad en elk buurthuis, uit ondertekende publicaties van "
            "de buurthuizen. Onderwerpen die per buurthuis te klein zijn, staan samengevoegd "
            "bij de hele stad. " + base["description"],
            "layout": layout,
            "filters": filters,
            "charts": charts,
        }
    }
