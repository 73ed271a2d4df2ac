"""Welfare dashboards (datasette-dashboards) on stats.db only, with Dutch labels:
"welzijn" (reach, help, activities) and "uitkomsten" (the wellbeing outcomes).

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
OUTCOMES_EXPLANATION = (
    "**Uitkomsten: wat deze cijfers wel en niet bewijzen.** Ze komen uit korte gesprekken "
    "met deelnemers die zelf toestemming gaven voor welbevinden én voor statistiek, alle "
    "cirkels samen, en alleen als er in een tabel minstens 3 cirkels en 50 mensen "
    "meetellen (anders: **afgeschermd**). Ze laten zien hoe deze mensen hun gezondheid en "
    "eenzaamheid zelf inschatten, en of het bij **dezelfde mensen** tussen twee gesprekken "
    "beter, gelijk of slechter ging (gelijk: hooguit 1 punt verschil). Ze bewijzen "
    "**niet** dat een verandering door de cirkel komt: er is geen controlegroep van "
    "vergelijkbare mensen zonder cirkel; wie meedoet en toestemming geeft, heeft zichzelf "
    "gekozen en is geen willekeurige groep; en wie het bij een gesprek slecht ging, gaat "
    "het later vaak vanzelf wat beter (regressie naar het gemiddelde). De uitspraken over "
    "eenzaamheid zijn in eigen woorden gesteld, niet de officiële vragen: vergelijk de "
    "groepen dus niet met cijfers van het CBS of de GGD. Er staan geen "
    "gemiddelden in, alleen aantallen mensen per groep, beschermd als alle cijfers hier."
)
# The outcomes have a dashboard of their own: each chart is a request on the statistics,
# and one page with all of them would ask more at once than an account may have waiting
# (``web/limits.py``: PER_ACCOUNT_RUNNING + PER_ACCOUNT_WAITING).
OUTCOMES_LINK = (
    "Hoe het de deelnemers zelf gaat (Positieve Gezondheid, eenzaamheid) en of het bij "
    "dezelfde mensen beter, gelijk of slechter ging, staat op een eigen pagina: "
    "**[Uitkomsten: welbevinden en eenzaamheid](uitkomsten)**. Lees daar ook wat die "
    "cijfers niet bewijzen: er is geen controlegroep, wie meedoet koos daar zelf voor, "
    "en lage cijfers stijgen vaak vanzelf (regressie naar het gemiddelde)."
)
# Colours that read as worse-to-better, the same in every outcome chart.
BAND_COLOURS = {"0-4": "#c0392b", "5-6": "#e6a23c", "7-8": "#8fc97c", "9-10": "#2e8b57"}
CHANGE_COLOURS = {"slechter": "#c0392b", "gelijk": "#b0b7bf", "beter": "#2e8b57",
                  "niet te bepalen": "#e5e7ea"}  # fmt: skip
LONELINESS_ORDER = ["niet eenzaam", "matig eenzaam", "ernstig eenzaam", "niet te bepalen"]
# The outcome charts draw as SVG: each bar is an element with its figures (aria-label),
# which is what a reader's screen reader announces, and what the browser test reads.
SVG = {"usermeta": {"embedOptions": {"renderer": "svg", "actions": False}}}
# A row's share of its table's published total (v: the row, t: the total), in percent.
PERCENT = "CAST(round(100.0 * min(v.leden, t.leden) / t.leden) AS INTEGER)"


def _share(table: str, dims: str, total: str) -> str:
    """Rows of ``table`` with their share of the table's published total (in percent);
    a share exists only where both counts are published ("derived figures follow their
    base")."""
    return (
        f"SELECT {dims}, CAST(v.leden AS INTEGER) AS deelnemers, {PERCENT} AS procent "
        f"FROM {table} v JOIN {table} t ON t.release_id = v.release_id AND {total} "
        "WHERE v.release_id = :release AND v.leden IS NOT NULL AND t.leden > 0 "
    )


def _pivot(table: str, rows: str, columns: str, groups: list[str]) -> str:
    """One line per dimension (or topic), one column per group, and the number of people
    the table rests on: every count, "niet publiceerbaar" where it is protected, empty
    where the group does not apply (only loneliness has "niet te bepalen")."""
    cells = ", ".join(
        f"CASE WHEN count(CASE WHEN v.{columns} = '{g}' THEN 1 END) = 0 THEN '' ELSE "
        f"coalesce(CAST(max(CASE WHEN v.{columns} = '{g}' THEN v.leden END) AS INTEGER), "
        f'{HIDDEN}) END AS "{g}"'
        for g in groups
    )
    return (
        f"SELECT v.{rows} AS {rows}, {cells}, coalesce(CAST(t.leden AS INTEGER), {HIDDEN}) "
        f"AS mensen FROM {table} v JOIN {table} t ON t.release_id = v.release_id "
        f"AND t.{rows} = 'totaal' WHERE v.release_id = :release AND v.{rows} != 'totaal' "
        f"GROUP BY v.{rows} ORDER BY min(v.rowid)"
    )


def _stacked(y: str, y_title: str, colour: str, colours: dict, colour_title: str) -> dict:
    order = list(colours)
    return {
        **SVG,
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": y, "type": "nominal", "title": y_title, "sort": None},
            "x": {"field": "procent", "type": "quantitative", "title": "Deel van de mensen (%)",
                  "stack": "zero"},
            "color": {"field": colour, "type": "nominal", "title": colour_title,
                      "scale": {"domain": order, "range": [colours[c] for c in order]}},
            "order": {"field": "volgorde", "type": "quantitative"},
            "tooltip": [
                {"field": y, "title": y_title},
                {"field": colour, "title": colour_title},
                {"field": "deelnemers", "title": "Mensen", "format": "d"},
                {"field": "procent", "title": "Deel (%)", "format": "d"},
            ],
        },
    }  # fmt: skip


def _outcome_charts() -> dict:
    bands = "CASE v.score " + " ".join(
        f"WHEN '{b}' THEN {i}" for i, b in enumerate(BAND_COLOURS)
    ) + " END"  # fmt: skip
    ways = "CASE v.verandering " + " ".join(
        f"WHEN '{w}' THEN {i}" for i, w in enumerate(CHANGE_COLOURS)
    ) + " END"  # fmt: skip
    status = (
        "CASE WHEN EXISTS (SELECT 1 FROM afgeschermd a WHERE a.release_id = x.release_id "
        "AND a.tabel = '{table}') THEN 'afgeschermd' ELSE 'gepubliceerd' END"
    )
    parts = []
    for label, table, where in (
        ("verdeling over de zes dimensies", "welbevinden_verdeling", "dimensie = 'totaal'"),
        ("eenzaamheid", "eenzaamheid", "categorie = 'totaal'"),
        ("verandering bij dezelfde mensen", "welbevinden_verandering", "onderwerp = 'totaal'"),
    ):
        parts.append(
            f"SELECT '{label}' AS uitkomst, "
            f"coalesce(CAST(x.leden AS INTEGER), {HIDDEN}) AS mensen, "
            f"{status.format(table=table)} AS status FROM {table} x "
            f"WHERE x.release_id = :release AND x.{where}"
        )
    return {
        "uitkomsten_uitleg": {
            "title": "Uitkomsten: wat ze wel en niet bewijzen",
            "library": "markdown",
            "display": OUTCOMES_EXPLANATION,
        },
        "uitkomsten_status": {
            "title": "Uitkomsten: gepubliceerd of afgeschermd",
            "db": "stats",
            "query": " UNION ALL ".join(parts),
            "library": "table",
        },
        "welbevinden": {
            "title": "Hoe gaat het? Eigen cijfer (0-10) per dimensie van Positieve Gezondheid",
            "db": "stats",
            "query": _share("welbevinden_verdeling",
                            f"v.dimensie AS dimensie, v.score AS score, {bands} AS volgorde",
                            "t.dimensie = 'totaal'")
            + "AND v.dimensie != 'totaal' ORDER BY v.rowid",
            "library": "vega-lite",
            "display": _stacked("dimensie", "Dimensie", "score", BAND_COLOURS, "Cijfer"),
        },
        "eenzaamheid": {
            "title": "Eenzaamheid (De Jong Gierveld, 6 vragen)",
            "db": "stats",
            # Every category, also one that is not publishable: it is named, never drawn.
            "query": "SELECT v.categorie AS categorie, CAST(v.leden AS INTEGER) AS deelnemers, "
            f"{PERCENT} AS procent, coalesce({PERCENT} || '%', {HIDDEN}) AS label, "
            f"coalesce({PERCENT}, 0) AS hoogte FROM eenzaamheid v JOIN eenzaamheid t "
            "ON t.release_id = v.release_id AND t.categorie = 'totaal' "
            "WHERE v.release_id = :release AND t.leden > 0 AND v.categorie != 'totaal' "
            "ORDER BY v.rowid",
            "library": "vega-lite",
            "display": {
                **SVG,
                "encoding": {
                    "x": {"field": "categorie", "type": "nominal", "title": "Eenzaamheid",
                          "sort": LONELINESS_ORDER, "axis": {"labelAngle": 0}},
                },
                "layer": [
                    {
                        "transform": [{"filter": "datum.deelnemers != null"}],
                        "mark": {"type": "bar", "tooltip": True},
                        "encoding": {
                            "y": {"field": "procent", "type": "quantitative",
                                  "title": "Deel van de mensen (%)"},
                            "tooltip": [
                                {"field": "categorie", "title": "Eenzaamheid"},
                                {"field": "deelnemers", "title": "Mensen", "format": "d"},
                                {"field": "procent", "title": "Deel (%)", "format": "d"},
                            ],
                        },
                    },
                    {
                        "mark": {"type": "text", "dy": -8},
                        "encoding": {
                            "y": {"field": "hoogte", "type": "quantitative"},
                            "text": {"field": "label"},
                        },
                    },
                ],
            },
        },
        "welbevinden_tabel": {
            "title": "Eigen cijfer per dimensie: alle aantallen",
            "db": "stats",
            "query": _pivot("welbevinden_verdeling", "dimensie", "score", list(BAND_COLOURS)),
            "library": "table",
        },
        "verandering_tabel": {
            "title": "Verandering bij dezelfde mensen: alle aantallen",
            "db": "stats",
            "query": _pivot("welbevinden_verandering", "onderwerp", "verandering",
                            ["beter", "gelijk", "slechter", "niet te bepalen"]),
            "library": "table",
        },
        "verandering": {
            "title": "Verandering bij dezelfde mensen sinds hun vorige gesprek",
            "db": "stats",
            "query": _share("welbevinden_verandering",
                            f"v.onderwerp AS onderwerp, v.verandering AS verandering, "
                            f"{ways} AS volgorde", "t.onderwerp = 'totaal'")
            + "AND v.onderwerp != 'totaal' ORDER BY v.rowid",
            "library": "vega-lite",
            "display": _stacked("onderwerp", "Onderwerp", "verandering", CHANGE_COLOURS,
                                "Verandering"),
        },
    }  # fmt: skip


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
        "uitkomsten": {
            "title": "Uitkomsten: welbevinden en eenzaamheid",
            "library": "markdown",
            "display": OUTCOMES_LINK,
        },
    }


def _release_filter(latest_release: str | None) -> dict:
    return {
        "name": "Halfjaar",
        "type": "select",
        "db": "stats",
        "query": "SELECT release_id FROM releases ORDER BY release_id DESC",
        **({"default": latest_release} if latest_release else {}),
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
                ["uitkomsten", "uitkomsten", "uitkomsten"],
            ],
            "filters": {
                "release": _release_filter(latest_release),
                "cirkel": {
                    "name": "Cirkel",
                    "type": "select",
                    "db": "stats",
                    "query": "SELECT DISTINCT cirkel FROM leden_per_cirkel ORDER BY cirkel",
                },
            },
            "charts": _charts(),
        },
        "uitkomsten": {
            "title": "Uitkomsten: welbevinden en eenzaamheid",
            "description": "Alle cirkels samen, alleen deelnemers met toestemming voor "
            "welbevinden én statistiek; aantallen mensen, beschermd als alle publicaties "
            "(beleid SDC-1, celsleutelmethode). Nooit een gemiddelde.",
            "settings": {"allow_fullscreen": True},
            "layout": [
                ["uitkomsten_uitleg", "uitkomsten_uitleg", "uitkomsten_status"],
                ["welbevinden", "welbevinden", "eenzaamheid"],
                ["welbevinden_tabel", "welbevinden_tabel", "eenzaamheid"],
                ["verandering", "verandering", "verandering"],
                ["verandering_tabel", "verandering_tabel", "verandering_tabel"],
            ],
            "filters": {"release": _release_filter(latest_release)},
            "charts": _outcome_charts(),
        },
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
        # rowid carried along: charts keep the order the rows were written in.
        alias = match.group(4) or match.group(2)
        return (
            f"{match.group(1)} (SELECT rowid AS rowid, * FROM {match.group(2)} "
            f"WHERE centrum = :centrum) AS {alias}"
        )

    return clause.sub(replace, query)


def _scoped(charts: dict) -> dict:
    found = {}
    for key, chart in charts.items():
        chart = dict(chart)
        if "query" in chart:
            chart["query"] = _scope(chart["query"])
        found[key] = chart
    return found


def hub_dashboards(latest_release: str | None = None, title: str | None = None) -> dict:
    """The welfare dashboards for a hub: the same charts, for the whole city or one centre
    (filter "Centrum"), a table of the centres side by side, and the outcomes page."""
    every = dashboards(latest_release)
    base = every["welzijn"]
    charts = _scoped(base["charts"])
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
    outcomes = every["uitkomsten"]
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
        },
        "uitkomsten": {
            **outcomes,
            "description": "De hele stad (alle buurthuizen samen) of één buurthuis (filter "
            "Centrum); alleen deelnemers met toestemming voor welbevinden én statistiek; "
            "aantallen mensen, beschermd als alle publicaties. Per buurthuis zijn ze vaak "
            "afgeschermd (te weinig cirkels of mensen); samengevoegd voor de hele stad "
            "kunnen ze wel gepubliceerd worden. Nooit een gemiddelde.",
            "filters": {"centrum": filters["centrum"], "release": filters["release"]},
            "charts": _scoped(outcomes["charts"]),
        },
    }
