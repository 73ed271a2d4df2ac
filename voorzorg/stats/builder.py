"""Build one release: gather aggregates from every circle, apply SDC-1, write stats.db.

Person identities ((circle, member id) pairs) exist only in memory while counting;
nothing but the published cells leaves this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from voorzorg import clock
from voorzorg.categories import CATEGORIES
from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _
from voorzorg.locale.nl import MESSAGES as NL
from voorzorg.stats import rules
from voorzorg.stats import store as stats_store
from voorzorg.stats.periods import parse_period
from voorzorg.stats.rules import Cell

# Wellbeing outcomes (docs/statistiek-bescherming.md, "Uitkomsten"): bands of the 0-10
# self-ratings, read like Dutch school marks (below 5 insufficient, 9-10 very good).
RATING_BANDS = (("0-4", 0, 4), ("5-6", 5, 6), ("7-8", 7, 8), ("9-10", 9, 10))
UNSCORED = "niet te bepalen"
# The scale's own categories (as ``score_loneliness`` names them), and unscored.
LONELINESS = (
    *((code, NL[f"wellbeing.category.{code}"]) for code in ("not_lonely", "moderate", "severe")),
    (None, UNSCORED),
)
LONELINESS_TOPIC = "Eenzaamheid"
CHANGES = ("beter", "gelijk", "slechter")
# A change is read between a member's latest check-in in the half-year and their latest
# check-in at least this many months before it; ratings within SAME_WITHIN points count
# as the same (a self-rating moves a point from one day to the next).
CHANGE_MONTHS = 5
SAME_WITHIN = 1
OUTCOMES = ("welbevinden_verdeling", "eenzaamheid", "welbevinden_verandering")
AGE_BANDS = ("onder 50", "50-59", "60-69", "70-79", "80-89", "90 en ouder", "onbekend")
ACTIVITY_KINDS = ("koffieochtend", "club", "bijeenkomst", "uitje", "anders")


def _age_band(birth_year: int | None, end: date) -> str:
    if birth_year is None:
        return "onbekend"
    age = end.year - 1 - birth_year
    if age < 50:
        return "onder 50"
    if age >= 90:
        return "90 en ouder"
    low = age // 10 * 10
    return f"{low}-{low + 9}"


def _counted_members(db) -> dict[int, dict]:
    """Members who count: active stats consent, not restricted; each with a record key
    (created here the first time a member counts, then fixed for good)."""
    import secrets

    rows = db.execute(
        """SELECT m.id, m.joined_on, m.left_on, m.birth_year, k.record_key FROM members m
           LEFT JOIN stats_record_keys k ON k.member_id = m.id
           WHERE m.restricted_at IS NULL AND EXISTS (
             SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.purpose = 'stats'
             AND c.withdrawn_at IS NULL)"""
    ).fetchall()
    members = {}
    missing = []
    for member_id, joined, left, birth_year, key in rows:
        if key is None:
            key = secrets.randbelow(rules.KEY_MODULUS)
            missing.append((member_id, key))
        members[member_id] = {"joined": joined, "left": left, "birth_year": birth_year, "key": key}
    if missing:
        with db.atomic():
            for member_id, key in missing:
                db.execute(
                    "INSERT INTO stats_record_keys (member_id, record_key) VALUES (?, ?)",
                    [member_id, key],
                )
    return members


def _gather(db, circle_id: str, start: date, end: date, timezone: str, data: dict) -> None:
    from voorzorg.domain.activities import occurrences

    members = _counted_members(db)
    s, e = start.isoformat(), end.isoformat()
    present = {}
    for member_id, m in members.items():
        person, key = (circle_id, member_id), m["key"]
        if m["joined"] < e and (m["left"] is None or m["left"] >= e):
            present[person] = key
            data["ages"][_age_band(m["birth_year"], end)][person] = key
        if s <= m["joined"] < e:
            data["new"][person] = key
        if m["left"] is not None and s <= m["left"] < e:
            data["left"][person] = key
        if m["joined"] < e and (m["left"] is None or m["left"] >= s):
            data["pool_members"][person] = key
    data["per_circle"][circle_id] = present
    _gather_wellbeing(db, circle_id, members, s, e, data)
    for row in occurrences(db, start=start, end=end - timedelta(days=1), timezone=timezone):
        if row["status"] == "cancelled":
            continue
        data["activity_count"][(circle_id, row["kind"])] += 1
        if row["head_count"] is not None:
            data["head_counts"][(circle_id, row["kind"])].append(row["head_count"])
    utc_s = datetime.combine(start, datetime.min.time(), tzinfo=UTC).isoformat()
    utc_e = datetime.combine(end, datetime.min.time(), tzinfo=UTC).isoformat()
    for for_id, helper_id, category, status, created, accepted in db.execute(
        """SELECT for_id, helper_id, category, status, created_at, accepted_at
           FROM requests WHERE created_at >= ? AND created_at < ?""",
        [utc_s, utc_e],
    ).fetchall():
        if for_id not in members:
            continue
        person = (circle_id, for_id)
        event = (person, members[for_id]["key"])
        data["requests"][category].append(event)
        if status in ("accepted", "done") and accepted:
            data["matched"][category].append(event)
            days = (datetime.fromisoformat(accepted) - datetime.fromisoformat(created)).days
            data["days"][category].append(days)
        if status == "referred":
            data["referrals"].append(event)
        if status == "done":
            data["received"][person] = members[for_id]["key"]
            if helper_id in members:
                data["gave"][(circle_id, helper_id)] = members[helper_id]["key"]


def _gather_wellbeing(db, circle_id: str, members: dict, s: str, e: str, data: dict) -> None:
    """Who counts: counted for statistics (stats consent, not restricted), an active
    wellbeing consent, in the circle during the half-year, with a check-in taken in it.
    Only the ratings and the loneliness answers are read, never the note."""
    from voorzorg.domain.wellbeing import DIMENSIONS, ITEMS, add_months, score_loneliness

    consenting = {
        r[0]
        for r in db.execute(
            """SELECT member_id FROM consents
               WHERE purpose = 'wellbeing' AND withdrawn_at IS NULL"""
        ).fetchall()
    }
    columns = ", ".join((*DIMENSIONS, *(f"lon_{i}" for i in ITEMS)))
    taken: dict[int, list] = defaultdict(list)
    for row in db.execute(
        f"""SELECT member_id, taken_on, {columns} FROM wellbeing_checkins
            WHERE taken_on < ? ORDER BY member_id, taken_on, id""",
        [e],
    ).fetchall():
        taken[row[0]].append(row[1:])
    for member_id, rows in taken.items():
        person = (circle_id, member_id)
        if member_id not in members or member_id not in consenting:
            continue
        if person not in data["pool_members"]:
            continue
        now = [r for r in rows if r[0] >= s]
        if not now:
            continue

        def reading(row):
            ratings = dict(zip(DIMENSIONS, row[1 : 1 + len(DIMENSIONS)], strict=True))
            answers = dict(zip(ITEMS, row[1 + len(DIMENSIONS) :], strict=True))
            return {"ratings": ratings, "category": score_loneliness(answers)["category"]}

        latest = now[-1]
        key = members[member_id]["key"]
        data["wellbeing"][person] = {"key": key, **reading(latest)}
        on = date.fromisoformat(latest[0])
        earlier = [r for r in rows if add_months(date.fromisoformat(r[0]), CHANGE_MONTHS) <= on]
        if earlier:
            data["wellbeing_pairs"][person] = {
                "key": key,
                "now": reading(latest),
                "then": reading(earlier[-1]),
            }


def _empty() -> dict:
    return {
        "ages": defaultdict(dict),
        "new": {},
        "left": {},
        "pool_members": {},
        "per_circle": {},
        "activity_count": defaultdict(int),
        "head_counts": defaultdict(list),
        "requests": defaultdict(list),
        "matched": defaultdict(list),
        "days": defaultdict(list),
        "referrals": [],
        "received": {},
        "gave": {},
        "wellbeing": {},
        "wellbeing_pairs": {},
    }


SENSITIVE = (
    "leeftijd",
    "instroom_uitstroom",
    "hulpvragen_per_soort",
    "hulp_met_helper",
    "hulp_dagen_tot_koppeling",
    "doorverwijzingen",
    "wederkerig",
)
# When the auditor finds a cell it can narrow, the candidate's tables tied to it by the
# attacker's equations are withheld, smallest step first.
LINKED = {
    "leden_per_cirkel": ("leden_per_cirkel", "leeftijd", "instroom_uitstroom"),
    "leeftijd": ("leeftijd", "instroom_uitstroom"),
    "instroom_uitstroom": ("instroom_uitstroom", "leeftijd"),
    "wederkerig": ("wederkerig",),
    "hulpvragen_per_soort": ("hulpvragen_per_soort", "hulp_met_helper", "doorverwijzingen"),
    "hulp_met_helper": ("hulp_met_helper", "hulpvragen_per_soort"),
    "doorverwijzingen": ("doorverwijzingen", "hulpvragen_per_soort"),
    "welbevinden_verdeling": OUTCOMES,
    "eenzaamheid": ("eenzaamheid", "welbevinden_verdeling", "welbevinden_verandering"),
    "welbevinden_verandering": OUTCOMES[::-1],
}
# The outcomes' total is at most the members plus the leavers: a finding on the members'
# tables may also come from there.
for _table in ("leden_per_cirkel", "leeftijd", "instroom_uitstroom"):
    LINKED[_table] += OUTCOMES
DERIVED = {
    "hulpvragen_per_soort": ("hulp_met_helper", "hulp_dagen_tot_koppeling", "doorverwijzingen"),
    "hulp_met_helper": ("hulp_dagen_tot_koppeling",),
}


def build_release(
    config,
    period: str,
    *,
    k: int = rules.DEFAULT_K,
    today: date,
    by: str = "voorzorg",
    allow_small_k: bool = False,
    k_reason: str | None = None,
    supersede: bool = False,
    reason: str | None = None,
    protect: bool = True,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Build, audit and write the release for a finished half-year; returns a summary.

    Nothing is written when the auditor still finds a cell narrower than MIN_RANGE after
    withholding the tables tied to it (``protect=False`` skips that step: for tests)."""
    from voorzorg.deploy.circles import open_db
    from voorzorg.stats import ledger

    rules.check_k(k, allow_small=allow_small_k, reason=k_reason)
    if supersede and not (reason and reason.strip()):
        raise VoorzorgError("stats.supersede_needs_reason")
    release_id, start, end = parse_period(period)
    if end > today:
        raise VoorzorgError("stats.period_not_ended", period=release_id, end=end.isoformat())
    path = stats_store.stats_path(config.data_dir)
    conn = stats_store.connect(path)
    try:
        in_db = stats_store.read_releases(conn)
        ledger.import_legacy(config.data_dir, in_db, at=clock.stamp())
        data = _empty()
        circles = config.active_circles()
        names = {}
        for entry in circles:
            if progress:
                progress(entry.name)
            db = open_db(config, entry)
            try:
                _gather(db, entry.id, start, end, entry.timezone, data)
            finally:
                db.close()
            names[entry.id] = entry.name
        tables = _tables(data, names, k)
        contributing = {person[0] for person in data["pool_members"]}
        is_pooled = rules.pooled(len(contributing), len(data["pool_members"]))
        withheld = set(_rule_withheld(tables, data)) | (set() if is_pooled else set(SENSITIVE))
        withheld |= _outcomes_unpooled(tables, data)
        release = {
            "period": release_id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "k": k,
            "circles": len(circles),
            "pooled": is_pooled,
            "method": rules.METHOD,
            "noise": rules.NOISE_MAX,
            "version": 1,
            "k_reason": k_reason.strip() if k < rules.OVERRIDE_BELOW_K and k_reason else None,
        }
        entries = ledger.read(config.data_dir)
        published = ledger.latest(entries, release_id)
        action = "published"
        if published and not supersede:
            # Already published: only the very same figures may be written back (stats.db
            # was lost); anything else is a new version and needs --supersede.
            release["version"] = published["content"].get("version") or 1
            withheld = set(published["content"]["withheld"])
            # A release published before a table existed comes back without it.
            tables = {t: c for t, c in tables.items() if t in published["content"]["tables"]}
            content = _content(release, tables, withheld)
            if published["hash"] != ledger.content_hash(content):
                raise VoorzorgError(
                    "stats.release_differs",
                    period=release_id,
                    at=published["at"],
                    by=published["by"],
                )
            if stats_store.release_exists(conn, release_id):
                raise VoorzorgError("stats.release_exists", period=release_id)
            action = "restored"
        else:
            if supersede and not published:
                raise VoorzorgError("stats.nothing_to_supersede", period=release_id)
            if published:
                release["version"] = (published["content"].get("version") or 1) + 1
                action = "superseded"
            known = ledger.known_releases(config.data_dir, in_db)
            content = _protected(release, tables, withheld, known, protect)
        created = clock.stamp()
        written = ledger.entry(content, action=action, at=created, by=by, reason=reason)
        ledger.append(config.data_dir, written)
        ledger.append_pool(
            config.data_dir,
            pool_parts(release, written["hash"], tables, len(contributing), data),
        )
        row = {
            "release_id": release_id,
            "created": created,
            "withheld": sorted(withheld),
            "supersede_reason": reason if action == "superseded" else None,
            **release,
        }
        try:
            stats_store.write_release(conn, row, tables, replace=action == "superseded")
        except FileExistsError:
            raise VoorzorgError("stats.release_exists", period=release_id) from None
    finally:
        conn.close()
    shown = sum(1 for cells in tables.values() for c in cells if not c.suppressed)
    hidden = sum(1 for cells in tables.values() for c in cells if c.suppressed)
    return {
        **row,
        "release_id": release_id,
        "published": shown,
        "suppressed": hidden,
        "action": action,
        "path": str(path),
    }


def pool_parts(release: dict, content_hash: str, tables: dict, circles: int, data: dict) -> dict:
    """What a hub needs to pool this release with other centres' (see
    voorzorg/federation/city.py): for every count table not per circle, each cell's exact
    count, cell key, distinct persons and largest share of one person. Kept beside the
    ledger (``stats-pool.jsonl``), sent to the hub only encrypted to its key."""
    parts = {}
    for table, cells in tables.items():
        dims = stats_store.TABLES.get(table, (("cirkel",), ""))[0]
        if "cirkel" in dims or not cells or any(c.key is None for c in cells):
            continue
        parts[table] = [[*c.dims, int(c.raw or 0), c.key, c.persons, c.top] for c in cells]
    return {
        "period": release["period"],
        "version": release["version"],
        "hash": content_hash,
        "circles": circles,
        "members": len(data["pool_members"]),
        "tables": parts,
        # The outcome tables count people of their own (rule 6 per table): how many
        # circles those people come from, for the hub's city-wide rule 6.
        "table_circles": {table: len(found) for table, found in _outcome_circles(data).items()},
    }


def _protected(release, tables, withheld: set, known: list[dict], protect: bool) -> dict:
    """Audit the candidate; withhold the tables tied to what the attacker can narrow, and
    try again; refuse when that does not help."""
    from voorzorg.stats.audit import audit_candidate

    findings = []
    for _round in range(4):
        content = _content(release, tables, withheld)
        findings = audit_candidate(known, content)
        if not findings or not protect:
            break
        extra = _to_withhold(findings, withheld)
        if not extra:
            break
        withheld |= extra
    if findings:
        raise _refusal(release["period"], findings)
    return content


def _refusal(period: str, findings: list[dict]) -> VoorzorgError:
    from voorzorg.stats.audit import describe

    return VoorzorgError(
        "stats.audit_failed",
        release=period,
        first=describe(findings[0]),
        findings=_("count.findings", n=len(findings)),
    )


def _to_withhold(findings: list[dict], withheld: set) -> set:
    extra = set()
    for finding in findings:
        for table in LINKED.get(finding["table"], ()):
            if table not in withheld:
                extra.add(table)
                break
    return extra


def _outcome_circles(data: dict) -> dict[str, set]:
    """Per outcome table, the circles of the people it counts."""
    return {
        table: {person[0] for person in data[group]}
        for table, group in (
            ("welbevinden_verdeling", "wellbeing"),
            ("eenzaamheid", "wellbeing"),
            ("welbevinden_verandering", "wellbeing_pairs"),
        )
    }


def outcomes_unpooled(tables: dict, circles: dict[str, int]) -> set[str]:
    """Rule 6 per outcome table: at least 3 circles among the people it counts, and a
    published total of at least 50 + the noise (``rules.pooled_table``). Also the hub's
    rule for the city (``federation/city.py``), with the centres' circles added up."""
    found = set()
    for table in OUTCOMES:
        if table not in tables:
            continue
        total = _total(tables[table])
        if total is None or not rules.pooled_table(circles.get(table, 0), total):
            found.add(table)
    return found


def _outcomes_unpooled(tables: dict, data: dict) -> set[str]:
    return outcomes_unpooled(
        tables, {table: len(found) for table, found in _outcome_circles(data).items()}
    )


def _total(cells: list[Cell]) -> Cell | None:
    found = [c for c in cells if set(c.dims) == {stats_store.TOTAL}]
    return found[0] if found else None


def outcomes_covering_everyone(tables: dict) -> list[str]:
    """Rule 5 for the outcome tables: one cell holding everyone of its group (a
    dimension, a topic) withholds the table whole. Also the hub's rule for the city."""
    found = []
    for table in OUTCOMES:
        if table not in tables:
            continue
        total = _total(tables[table])
        groups = defaultdict(list)
        for cell in tables[table]:
            if set(cell.dims) != {stats_store.TOTAL}:
                groups[cell.dims[0] if len(cell.dims) > 1 else None].append(cell)
        if total is not None and any(rules.covers_everyone(c, total.raw) for c in groups.values()):
            found.append(table)
    return found


def _rule_withheld(tables: dict, data: dict) -> list[str]:
    """Rule 5: a table where one cell holds everyone in its group is withheld whole."""
    found = outcomes_covering_everyone(tables)
    bands = [c for c in tables["leeftijd"] if c.dims != (stats_store.TOTAL,)]
    if rules.covers_everyone(
        bands, len(set().union(*data["ages"].values()) if data["ages"] else set())
    ):
        found.append("leeftijd")
    if rules.covers_everyone(tables["instroom_uitstroom"], len(data["pool_members"])):
        found.append("instroom_uitstroom")
    if rules.covers_everyone(tables["wederkerig"], len(data["pool_members"])):
        found.append("wederkerig")
    return found


def _content(release: dict, tables: dict, withheld: set) -> dict:
    """What a reader will see: withheld tables (and what derives from them) all NULL."""
    hidden = set(withheld)
    for base, derived in DERIVED.items():
        if base in hidden:
            hidden |= set(derived)
    withheld.update(hidden)
    for table in hidden:
        rules.withhold(tables[table])
    _follow_base(tables)
    return {
        **release,
        "tables": {
            t: [[*c.dims, c.value, 1 if c.suppressed else 0] for c in cells]
            for t, cells in tables.items()
        },
        "withheld": sorted(hidden),
    }


def _follow_base(tables: dict) -> None:
    """Derived figures follow their base: no base published, no derived figure."""
    base = {c.dims: c for c in tables["hulpvragen_per_soort"]}
    for cell in tables["hulp_met_helper"]:
        if base[cell.dims].suppressed:
            cell.value, cell.suppressed = None, True
    matched = {c.dims: c for c in tables["hulp_met_helper"]}
    for cell in tables["hulp_dagen_tot_koppeling"]:
        if matched[cell.dims].value in (None, 0):
            cell.value, cell.suppressed = None, True


def _label(category: str) -> str:
    return NL[f"category.{category}"]


def _tables(data: dict, names: dict[str, str], k: int) -> dict[str, list[Cell]]:
    tables: dict[str, list[Cell]] = {}
    tables["leden_per_cirkel"] = [
        rules.count_cell((names[cid],), persons, k) for cid, persons in data["per_circle"].items()
    ]
    everyone = {p: key for band in data["ages"].values() for p, key in band.items()}
    tables["leeftijd"] = [
        *(rules.count_cell((band,), data["ages"].get(band, {}), k) for band in AGE_BANDS),
        rules.count_cell((stats_store.TOTAL,), everyone, k),
    ]
    tables["instroom_uitstroom"] = [
        rules.count_cell(("nieuw",), data["new"], k),
        rules.count_cell(("vertrokken",), data["left"], k),
    ]
    keren, opkomst = [], []
    for cid, name in names.items():
        for kind in ACTIVITY_KINDS:
            count = data["activity_count"].get((cid, kind), 0)
            if not count:
                continue
            keren.append(Cell((name, kind), count, raw=count))
            heads = data["head_counts"].get((cid, kind), [])
            # Head counts are anonymous: a mean is shown when at least one occurrence was
            # attended by k people (so at least k distinct persons), over 3+ occurrences.
            if heads and max(heads) >= k and len(heads) >= 3:
                opkomst.append(Cell((name, kind), round(sum(heads) / len(heads), 1)))
            else:
                opkomst.append(Cell((name, kind), None, suppressed=True))
    tables["activiteit_keren"] = keren
    tables["activiteit_opkomst"] = opkomst
    per_category = [
        rules.event_cell((_label(c),), data["requests"].get(c, []), k) for c in CATEGORIES
    ]
    all_events = [e for c in CATEGORIES for e in data["requests"].get(c, [])]
    tables["hulpvragen_per_soort"] = [
        *per_category,
        rules.event_cell((stats_store.TOTAL,), all_events, k),
    ]
    matched = [rules.event_cell((_label(c),), data["matched"].get(c, []), k) for c in CATEGORIES]
    tables["hulp_met_helper"] = matched
    tables["hulp_dagen_tot_koppeling"] = [
        rules.median_cell(
            (_label(c),),
            data["days"].get(c, []),
            [p for p, _key in data["matched"].get(c, [])],
            base,
        )
        for c, base in zip(CATEGORIES, matched, strict=True)
    ]
    tables["doorverwijzingen"] = [rules.event_cell((), data["referrals"], k)]
    # Only those who took part in the half-year: the attacker's model (and the truth) has
    # this count at most members at the end plus leavers.
    both = {
        p: key
        for p, key in data["gave"].items()
        if p in data["received"] and p in data["pool_members"]
    }
    tables["wederkerig"] = [rules.count_cell((), both, k)]
    tables.update(_outcome_tables(data, k))
    return tables


def _dimension(name: str) -> str:
    return NL[f"wellbeing.dim.{name}"]


def _change(now, then, *, scale: bool) -> str:
    """How it went from ``then`` to ``now`` ("beter", "gelijk", "slechter"): for a rating
    higher is better (within SAME_WITHIN is the same); for loneliness a lower category is
    better, and without a category on either side it is UNSCORED."""
    if scale:
        if now is None or then is None:
            return UNSCORED
        order = [code for code, _label in LONELINESS if code]
        now, then = -order.index(now), -order.index(then)
    if abs(now - then) <= (0 if scale else SAME_WITHIN):
        return "gelijk"
    return "beter" if now > then else "slechter"


def _outcome_tables(data: dict, k: int) -> dict[str, list[Cell]]:
    """Counts of people only (bands and categories, never a mean): the six dimensions,
    loneliness, and change for the same people between two of their check-ins."""
    from voorzorg.domain.wellbeing import DIMENSIONS

    now = data["wellbeing"]
    everyone = {p: v["key"] for p, v in now.items()}
    total = (stats_store.TOTAL, stats_store.TOTAL)
    spread = [
        rules.count_cell(
            (_dimension(d), band),
            {p: v["key"] for p, v in now.items() if low <= v["ratings"][d] <= high},
            k,
        )
        for d in DIMENSIONS
        for band, low, high in RATING_BANDS
    ]
    lonely = [
        rules.count_cell(
            (label,), {p: v["key"] for p, v in now.items() if v["category"] == code}, k
        )
        for code, label in LONELINESS
    ]
    pairs = data["wellbeing_pairs"]
    moved = defaultdict(dict)
    for person, pair in pairs.items():
        for d in DIMENSIONS:
            way = _change(pair["now"]["ratings"][d], pair["then"]["ratings"][d], scale=False)
            moved[(_dimension(d), way)][person] = pair["key"]
        way = _change(pair["now"]["category"], pair["then"]["category"], scale=True)
        moved[(LONELINESS_TOPIC, way)][person] = pair["key"]
    topics = [(_dimension(d), CHANGES) for d in DIMENSIONS]
    topics.append((LONELINESS_TOPIC, (*CHANGES, UNSCORED)))
    change = [
        rules.count_cell((topic, way), moved.get((topic, way), {}), k)
        for topic, ways in topics
        for way in ways
    ]
    return {
        "welbevinden_verdeling": [*spread, rules.count_cell(total, everyone, k)],
        "eenzaamheid": [*lonely, rules.count_cell((stats_store.TOTAL,), everyone, k)],
        "welbevinden_verandering": [
            *change,
            rules.count_cell(total, {p: v["key"] for p, v in pairs.items()}, k),
        ],
    }
