"""Welfare dashboards (datasette-dashboards) on stats.db only, with Dutch titles.

Every chart reads the release tables; suppressed cells are NULL and are left out
of charts, and the tables next to them say "niet publiceerbaar", never 0.
"""

from __future__ import annotations

RELEASE = "release_id = :release"


def _bar(x: str, y: str, x_title: str, y_title: str, color: str | None = None) -> dict:
    encoding = {
        "x": {"field": x, "type": "nominal", "title": x_title, "sort": "-y"},
        "y": {"field": y, "type": "quantitative", "title": y_title},
    }
    if color:
        encoding["color"] = {"field": color, "type": "nominal", "title": "Soort"}
    return {"mark": {"type": "bar", "tooltip": True}, "encoding": encoding}


def dashboards(latest_release: str | None = None) -> dict:
    charts = {
        "leden": {
            "title": "Deelnemers per cirkel, per halfjaar",
            "db": "stats",
            "query": "SELECT release_id, cirkel, leden FROM leden_per_cirkel "
            "WHERE leden IS NOT NULL AND ([[cirkel = :cirkel AND]] 1) ORDER BY release_id",
            "library": "vega-lite",
            "display": {
                "mark": {"type": "line", "point": True, "tooltip": True},
                "encoding": {
                    "x": {"field": "release_id", "type": "ordinal", "title": "Halfjaar"},
                    "y": {"field": "leden", "type": "quantitative", "title": "Deelnemers"},
                    "color": {"field": "cirkel", "type": "nominal", "title": "Cirkel"},
                },
            },
        },
        "activiteiten": {
            "title": "Activiteiten: aantal keren",
            "db": "stats",
            "query": "SELECT cirkel, soort, keren FROM activiteit_keren WHERE "
            + RELEASE
            + " AND keren IS NOT NULL AND ([[cirkel = :cirkel AND]] 1)",
            "library": "vega-lite",
            "display": _bar("cirkel", "keren", "Cirkel", "Keren", color="soort"),
        },
        "opkomst": {
            "title": "Gemiddelde opkomst per soort activiteit",
            "db": "stats",
            "query": "SELECT soort, round(avg(gemiddelde_opkomst), 1) AS opkomst "
            "FROM activiteit_opkomst WHERE "
            + RELEASE
            + " AND gemiddelde_opkomst IS NOT NULL GROUP BY soort",
            "library": "vega-lite",
            "display": _bar("soort", "opkomst", "Soort", "Gemiddelde opkomst"),
        },
        "hulp": {
            "title": "Hulpvragen per soort hulp (alle cirkels samen)",
            "db": "stats",
            "query": "SELECT soort_hulp, hulpvragen FROM hulpvragen_per_soort WHERE "
            + RELEASE
            + " AND soort_hulp != 'totaal' AND hulpvragen IS NOT NULL",
            "library": "vega-lite",
            "display": _bar("soort_hulp", "hulpvragen", "Soort hulp", "Hulpvragen"),
        },
        "hulp_tabel": {
            "title": "Hulpvragen: alle cijfers",
            "db": "stats",
            "query": 'SELECT h.soort_hulp AS "soort hulp", '
            "coalesce(CAST(h.hulpvragen AS INTEGER), 'niet publiceerbaar') AS hulpvragen, "
            "coalesce(g.percentage_gekoppeld || '%', 'niet publiceerbaar') AS \"met helper\" "
            "FROM hulpvragen_per_soort h LEFT JOIN hulp_gekoppeld g "
            "ON g.release_id = h.release_id AND g.soort_hulp = h.soort_hulp "
            "WHERE h." + RELEASE,
            "library": "table",
        },
        "wederkerigheid": {
            "title": "Wederkerigheid: gaf én kreeg hulp",
            "db": "stats",
            "query": "SELECT coalesce(percentage || '%', 'niet publiceerbaar') AS waarde "
            "FROM wederkerigheid WHERE " + RELEASE,
            "library": "metric",
            "display": {"field": "waarde"},
        },
        "doorverwijzingen": {
            "title": "Doorverwijzingen naar professionals",
            "db": "stats",
            "query": "SELECT coalesce(CAST(doorverwijzingen AS INTEGER), 'niet publiceerbaar') "
            "AS waarde FROM doorverwijzingen WHERE " + RELEASE,
            "library": "metric",
            "display": {"field": "waarde"},
        },
    }
    return {
        "welzijn": {
            "title": "Voorzorgcirkels in cijfers",
            "description": "Geanonimiseerde publicaties per halfjaar (beleid SDC-1). "
            "Cijfers die te weinig mensen betreffen zijn niet publiceerbaar.",
            "settings": {"allow_fullscreen": True},
            "layout": [
                ["leden", "leden", "activiteiten"],
                ["hulp", "hulp", "opkomst"],
                ["hulp_tabel", "wederkerigheid", "doorverwijzingen"],
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
            "charts": charts,
        }
    }
