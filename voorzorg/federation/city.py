"""The city's stats.db: every centre's published figures, and topics pooled across them.

Per centre, the hub serves exactly what the centre published (its newest version of
each half-year). City-wide it serves:

- per circle (members, activities): the centres' own published cells, unchanged;
- every count table that is not per circle (ages, joiners and leavers, help by kind,
  help with a helper, referrals, reciprocity, and whatever count tables a later release
  adds): pooled from the centres' pooling parts. A pooled cell is decided by the very
  rules of ``stats.rules`` (``pooled_cell``): its count and cell key are the sums of the
  centres' (so a cell only one centre contributes to gets that centre's own noise and
  says nothing new), the floor counts the persons, dominance the largest share. Rule 6
  (3 circles, 50 members) holds for the city and for every single cell: the centres that
  contribute to a cell must meet it together.

Before a city release is written the auditor attacks all of it together: every version of
every centre's releases, every city version, and the published fact that a city cell is
the sum of its centres' cells (city minus the other centres is one centre). Tables tied
to a cell it can narrow are withheld city-wide; if that does not help, the new version is
not written and the report says why. Published is published: the hub's ledger keeps every
city version, and the auditor reads them all.
"""

from __future__ import annotations

import json

from voorzorg import clock
from voorzorg.federation import hubdb
from voorzorg.stats import rules
from voorzorg.stats import store as stats_store

CITY = "Hele stad"
SERIES = "city"
AGE_TOTAL = stats_store.TOTAL


def _latest_per_period(releases: list[dict]) -> dict[tuple[str, str], dict]:
    """(fingerprint, period) -> the newest version a centre sent."""
    latest = {}
    for release in releases:
        key = (release["fingerprint"], release["content"]["period"])
        version = release["content"].get("version") or 1
        if key not in latest or version >= (latest[key]["content"].get("version") or 1):
            latest[key] = release
    return latest


def pooled_tables(sources: list[dict], k: int) -> tuple[dict[str, list], dict]:
    """Pool the parts of one period's centre releases into city cells."""
    sums: dict[str, dict[tuple, list]] = {}
    circles = members = 0
    table_circles: dict[str, int] = {}
    for source in sources:
        parts = source["parts"]
        circles += parts["circles"]
        members += parts["members"]
        # Circles belong to one centre: the circles behind an outcome table add up.
        for table, n in (parts.get("table_circles") or {}).items():
            if isinstance(n, int) and n > 0:
                table_circles[table] = table_circles.get(table, 0) + n
        for table, cells in parts["tables"].items():
            if table not in stats_store.TABLES:
                continue  # a table this hub does not know yet: served per centre only
            for cell in cells:
                dims, (raw, key, persons, top) = tuple(cell[:-4]), cell[-4:]
                total = sums.setdefault(table, {}).setdefault(dims, [0, 0, 0, 0, 0, 0])
                total[0] += raw
                total[1] = (total[1] + key) % rules.KEY_MODULUS
                total[2] += persons
                total[3] = max(total[3], top)
                if raw:
                    total[4] += parts["circles"]
                    total[5] += parts["members"]
    tables = {}
    for table, cells in sums.items():
        tables[table] = []
        for dims, (n, key, persons, top, cell_circles, cell_members) in cells.items():
            cell = rules.pooled_cell(dims, n, key, persons, top, k)
            if n and not cell.suppressed and not rules.pooled(cell_circles, cell_members):
                cell.value, cell.suppressed = None, True
            tables[table].append(cell)
    return tables, {"circles": circles, "members": members, "table_circles": table_circles}


def _rule_withheld(tables: dict, members: int, table_circles: dict | None = None) -> set[str]:
    """Rules 5 and 6 city-wide: one cell holding its whole group withholds the table; an
    outcome table needs 3 circles among the people it counts and a published total of
    50 + the noise, like a centre's (``stats.builder``)."""
    from voorzorg.stats.builder import outcomes_covering_everyone, outcomes_unpooled

    found = set(outcomes_covering_everyone(tables))
    found |= outcomes_unpooled(tables, table_circles or {})
    bands = [c for c in tables.get("leeftijd", []) if c.dims != (AGE_TOTAL,)]
    if rules.covers_everyone(bands, sum(int(c.raw or 0) for c in bands)):
        found.add("leeftijd")
    for table in ("instroom_uitstroom", "wederkerig"):
        if rules.covers_everyone(tables.get(table, []), members):
            found.add(table)
    return found


def _content(release: dict, tables: dict, withheld: set) -> dict:
    from voorzorg.stats.builder import DERIVED

    hidden = set(withheld)
    for base, derived in DERIVED.items():
        if base in hidden:
            hidden |= {t for t in derived if t in tables}
    for table in hidden & set(tables):
        rules.withhold(tables[table])
    base = {c.dims: c for c in tables.get("hulpvragen_per_soort", [])}
    for cell in tables.get("hulp_met_helper", []):
        if cell.dims in base and base[cell.dims].suppressed:
            cell.value, cell.suppressed = None, True
    return {
        **release,
        "tables": {
            t: [[*c.dims, c.value, 1 if c.suppressed else 0] for c in cells]
            for t, cells in sorted(tables.items())
        },
        "withheld": sorted(hidden & set(tables)),
    }


def _candidate(period: str, version: int, sources: list[dict], k: int):
    from voorzorg.stats.periods import parse_period

    tables, size = pooled_tables(sources, k)
    release = {
        "period": period,
        "start": parse_period(period)[1].isoformat(),
        "end": parse_period(period)[2].isoformat(),
        "k": k,
        "circles": size["circles"],
        "pooled": rules.pooled(size["circles"], size["members"]),
        "method": rules.METHOD,
        "noise": rules.NOISE_MAX,
        "version": version,
        "k_reason": None,
    }
    withheld = _rule_withheld(tables, size["members"], size["table_circles"])
    if not release["pooled"]:
        withheld |= set(tables)
    return release, tables, withheld


def attack_set(all_releases: list[dict], city: list[dict], sources: dict) -> tuple:
    """The attacker's view: every centre release version (series: its fingerprint), every
    city version, and the sums that tie them (for ``audit.findings_for``)."""
    known = []
    for release in all_releases:
        known.append(
            {**release["content"], "series": release["fingerprint"], "_hash": release["hash"]}
        )
    for content in city:
        known.append({**content, "series": SERIES})
    known.sort(key=lambda r: (r["series"], r["period"], r.get("version") or 1))
    index = {(r["series"], r["_hash"]): i for i, r in enumerate(known) if "_hash" in r}
    sums = []
    for i, release in enumerate(known):
        if release["series"] != SERIES:
            continue
        used = sources.get((release["period"], release.get("version") or 1), [])
        parts = [index[(fp, digest)] for fp, digest in used if (fp, digest) in index]
        for table, cells in release["tables"].items():
            for cell in cells:
                dims = tuple(cell[:-2])
                sums.append((i, table, dims, [(j, table, dims) for j in parts]))
    return known, sums


def exact_counts(known: list[dict], all_releases: list[dict]) -> dict:
    """(index in ``known``, table, dims) -> the exact count a centre's pooling parts give
    for that cell. The auditor uses them only to find a first reading of the figures that
    fits (``audit.intervals``); which values the attacker can exclude it decides from the
    published figures alone."""
    # By centre and hash: two centres may publish the very same figures.
    parts = {(r["fingerprint"], r["hash"]): r["parts"] for r in all_releases if r.get("parts")}
    hint = {}
    for index, release in enumerate(known):
        own = parts.get((release["series"], release.get("_hash")))
        for table, cells in (own or {}).get("tables", {}).items():
            for cell in cells:
                hint[(index, table, tuple(cell[:-4]))] = cell[-4]
    return hint


def _audit(all_releases, city_known, sources, candidates: list[dict]) -> list[dict]:
    """Findings on the new city versions, all audited at once. Only the parts of the
    program that a new city version touches are solved (``appended``: a city version is
    always the newest of its half-year), each on its own (``audit.intervals``)."""
    from voorzorg.stats.audit import findings_for, intervals, release_id

    known, sums = attack_set(all_releases, [*city_known, *candidates], sources)
    targets = {release_id({**c, "series": SERIES}) for c in candidates}

    class Baseline(dict):
        """The intervals before the new versions, of the cells that come out narrow."""

        def prepare(self, keys) -> None:
            before, before_sums = attack_set(all_releases, city_known, sources)
            if keys and before:
                found, _feasible = intervals(
                    before, before_sums, wanted=set(keys), hint=exact_counts(before, all_releases)
                )
                self.update(found)

    hint = exact_counts(known, all_releases)
    return findings_for(
        known, only=targets, baseline=Baseline(), sums=sums, appended=True, hint=hint
    )


def rebuild(config, conn, *, progress=None) -> dict:
    """Make new city versions where the centres' figures changed, then write stats.db."""
    from voorzorg.stats import ledger
    from voorzorg.stats.audit import describe
    from voorzorg.stats.builder import LINKED

    data_dir = config.data_dir
    every = hubdb.releases_of(conn, include_revoked=True)
    active = [r for r in every if not r["revoked"]]
    latest = _latest_per_period(active)
    periods = sorted({period for _fp, period in latest})
    city_entries = ledger.read(data_dir)
    city_known = [e["content"] for e in city_entries]
    sources = _sources(conn, city_entries)
    report = {"published": [], "unchanged": [], "refused": [], "without_parts": []}
    pending = {}
    for period in periods:
        chosen = [r for (fp, p), r in sorted(latest.items()) if p == period]
        with_parts = [r for r in chosen if r["parts"]]
        report["without_parts"] += [
            {"centre": r["centre"], "period": period} for r in chosen if not r["parts"]
        ]
        if not with_parts:
            continue
        previous = ledger.latest(city_entries, period)
        version = (previous["content"]["version"] + 1) if previous else 1
        release, tables, withheld = _candidate(period, version, with_parts, rules.DEFAULT_K)
        pending[period] = {
            "release": release, "tables": tables, "withheld": withheld, "previous": previous,
            "used": sorted((r["fingerprint"], r["hash"]) for r in with_parts), "findings": [],
        }  # fmt: skip

    def unchanged(item, content) -> bool:
        previous = item["previous"]
        return bool(previous) and previous["hash"] == ledger.content_hash(content)

    contents = {}
    for _round in range(6):
        contents = {}
        for period, item in list(pending.items()):
            content = _content(item["release"], item["tables"], item["withheld"])
            if unchanged(item, content):
                report["unchanged"].append(period)
                del pending[period]
                continue
            contents[period] = content
            item["findings"] = []
        if not contents:
            break
        if progress:
            from voorzorg.i18n import _

            progress(_round + 1, 6, _("hub.progress.audit", periods=", ".join(sorted(contents))))
        trial = dict(sources)
        for period, content in contents.items():
            trial[(period, content["version"])] = pending[period]["used"]
        findings = _audit(every, city_known, trial, list(contents.values()))
        if not findings:
            break
        grew = False
        for finding in findings:
            # A finding on a centre's cell is laid at the city version of its half-year;
            # with none that half-year, at every new city version.
            blamed = [finding["release"]] if finding["release"] in pending else list(pending)
            for period in blamed:
                item = pending[period]
                item["findings"].append(finding)
                for table in LINKED.get(finding["table"], (finding["table"],)):
                    if table in item["tables"] and table not in item["withheld"]:
                        item["withheld"].add(table)
                        grew = True
                        break
        if not grew:
            break
    for period, item in sorted(pending.items()):
        if item["findings"]:
            first = item["findings"][0]
            report["refused"].append({"period": period, "first": describe(first),
                                      "findings": len(item["findings"])})  # fmt: skip
            continue
        content = contents.get(period)
        if content is None:
            continue
        previous, used, version = item["previous"], item["used"], content["version"]
        entry = ledger.entry(
            content, action="superseded" if previous else "published", at=clock.stamp(),
            by="hub", reason="centres changed" if previous else None,
        )  # fmt: skip
        # The sums that tie this version to its centres are stored before the version is
        # published: a crash in between leaves an unpublished row (replaced next time),
        # never a published version the auditor could not tie to its centres.
        conn.execute(
            "INSERT OR REPLACE INTO city VALUES (?, ?, ?, ?, ?)",
            [period, version, entry["hash"], json.dumps(used), entry["at"]],
        )
        ledger.append(data_dir, entry)
        sources[(period, version)] = used
        city_entries.append(entry)
        report["published"].append(
            {"period": period, "version": version, "centres": len(used),
             "withheld": content["withheld"]}
        )  # fmt: skip
    write_city_db(config, conn, active, city_entries)
    return report


# --- stats.db of the hub ---------------------------------------------------------------

RELEASE_COLUMNS = (
    "centrum", "release_id", "periode_begin", "periode_eind", "gemaakt", "k", "cirkels",
    "gepoold", "methode", "ruis", "versie", "k_reden", "vervangingsreden", "centra",
)  # fmt: skip


def connect_city(path):
    import sqlite3

    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        """CREATE TABLE IF NOT EXISTS releases (
             centrum TEXT NOT NULL, release_id TEXT NOT NULL, periode_begin TEXT NOT NULL,
             periode_eind TEXT NOT NULL, gemaakt TEXT NOT NULL, k INTEGER NOT NULL,
             cirkels INTEGER NOT NULL, gepoold INTEGER NOT NULL, methode TEXT NOT NULL,
             ruis INTEGER NOT NULL, versie INTEGER NOT NULL, k_reden TEXT,
             vervangingsreden TEXT, centra INTEGER, PRIMARY KEY (centrum, release_id))"""
    )
    for table, (dims, value) in stats_store.TABLES.items():
        columns = "".join(f"{d} TEXT NOT NULL, " for d in dims)
        conn.execute(
            f"""CREATE TABLE IF NOT EXISTS {table} (
                  centrum TEXT NOT NULL, release_id TEXT NOT NULL, {columns}
                  {value} REAL, {stats_store.FLAG} INTEGER NOT NULL
                  CHECK ({stats_store.FLAG} IN (0, 1)),
                  CHECK (({value} IS NULL) = ({stats_store.FLAG} = 1)))"""
        )
    conn.execute(
        f"""CREATE TABLE IF NOT EXISTS {stats_store.WITHHELD} (
              centrum TEXT NOT NULL, release_id TEXT NOT NULL, tabel TEXT NOT NULL,
              PRIMARY KEY (centrum, release_id, tabel))"""
    )
    return conn


def _rows(centre: str, content: dict, made: str, centres: int | None, reason=None):
    release = [
        centre, content["period"], content.get("start") or "", content.get("end") or "",
        made, content["k"], content.get("circles") or 0, 1 if content.get("pooled") else 0,
        content.get("method") or rules.LEGACY_METHOD, content.get("noise") or 0,
        content.get("version") or 1, content.get("k_reason"), reason, centres,
    ]  # fmt: skip
    cells = []
    for table, found in content["tables"].items():
        if table not in stats_store.TABLES:
            continue
        dims, _value = stats_store.TABLES[table]
        for cell in found:
            if len(cell) == len(dims) + 2:
                cells.append((table, [centre, content["period"], *cell]))
    withheld = [[centre, content["period"], t] for t in content.get("withheld") or []]
    return release, cells, withheld


def write_city_db(config, conn, active: list[dict], city_entries: list[dict]) -> None:
    """stats.db in one transaction, in place (a running serve reads it on)."""
    latest = _latest_per_period(active)
    rows = []
    for (_fp, _period), release in sorted(latest.items()):
        rows.append(_rows(release["centre"], release["content"], "", None))
    city = {}
    for entry in city_entries:
        city[entry["content"]["period"]] = entry
    per_circle = [t for t, (dims, _v) in stats_store.TABLES.items() if "cirkel" in dims]
    for period, entry in sorted(city.items()):
        content = json.loads(json.dumps(entry["content"]))
        # Per circle, the city shows the centres' own published cells, named by centre.
        for table in per_circle:
            content["tables"][table] = [
                [f"{r['centre']}: {cell[0]}", *cell[1:]]
                for (_fp, p), r in sorted(latest.items())
                if p == period
                for cell in r["content"]["tables"].get(table, [])
            ]
        used = conn.execute(
            "SELECT sources FROM city WHERE period = ? AND version = ?",
            [period, content.get("version") or 1],
        ).fetchone()
        count = len(json.loads(used[0])) if used else None
        rows.append(_rows(CITY, content, entry["at"], count, entry.get("reason")))
    path = stats_store.stats_path(config.data_dir)
    db = connect_city(path)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            for table in (*stats_store.TABLES, stats_store.WITHHELD, "releases"):
                db.execute(f"DELETE FROM {table}")
            marks = ", ".join("?" for _ in RELEASE_COLUMNS)
            for release, cells, withheld in rows:
                db.execute(f"INSERT INTO releases VALUES ({marks})", release)
                for table, values in cells:
                    db.execute(
                        f"INSERT INTO {table} VALUES ({', '.join('?' for _ in values)})", values
                    )
                for values in withheld:
                    db.execute(f"INSERT INTO {stats_store.WITHHELD} VALUES (?, ?, ?)", values)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()


def check(config) -> list[dict]:
    """`hub check`: the auditor over everything the hub ever received and published."""
    from voorzorg.errors import VoorzorgError
    from voorzorg.stats import ledger
    from voorzorg.stats.audit import findings_for

    entries = ledger.read(config.data_dir)
    conn = hubdb.connect(config.data_dir)
    try:
        every = hubdb.releases_of(conn, include_revoked=True)
        sources = _sources(conn, entries)
    finally:
        conn.close()
    untied = sorted(
        f"{e['content']['period']} v{e['content']['version']}"
        for e in entries
        if (e["content"]["period"], e["content"]["version"]) not in sources
    )
    if untied:  # the attacker would know sums the audit cannot: never say "all clear"
        raise VoorzorgError("hub.city_untied", n=len(untied), versions=", ".join(untied))
    city_known = [e["content"] for e in entries]
    known, sums = attack_set(every, city_known, sources)
    return findings_for(known, sums=sums, hint=exact_counts(known, every)) if known else []


def _sources(conn, city_entries: list[dict]) -> dict:
    """The centres behind every published city version (rows of versions a crash kept
    from being published are left out)."""
    published = {(e["content"]["period"], e["content"]["version"], e["hash"]) for e in city_entries}
    return {
        (r[0], r[1]): [tuple(s) for s in json.loads(r[3])]
        for r in conn.execute("SELECT period, version, hash, sources FROM city")
        if (r[0], r[1], r[2]) in published
    }
