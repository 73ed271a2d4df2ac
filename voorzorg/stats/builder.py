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
from voorzorg.locale.nl import MESSAGES as NL
from voorzorg.stats import rules
from voorzorg.stats import store as stats_store
from voorzorg.stats.periods import parse_period
from voorzorg.stats.rules import Cell

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
    """Members who count: active stats consent, not restricted."""
    rows = db.execute(
        """SELECT m.id, m.joined_on, m.left_on, m.birth_year FROM members m
           WHERE m.restricted_at IS NULL AND EXISTS (
             SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.purpose = 'stats'
             AND c.withdrawn_at IS NULL)"""
    ).fetchall()
    return {r[0]: {"joined": r[1], "left": r[2], "birth_year": r[3]} for r in rows}


def _gather(db, circle_id: str, start: date, end: date, timezone: str, data: dict) -> None:
    from voorzorg.domain.activities import occurrences

    members = _counted_members(db)
    s, e = start.isoformat(), end.isoformat()
    present = set()
    for member_id, m in members.items():
        person = (circle_id, member_id)
        if m["joined"] < e and (m["left"] is None or m["left"] >= e):
            present.add(person)
            data["ages"][_age_band(m["birth_year"], end)].add(person)
        if s <= m["joined"] < e:
            data["new"].add(person)
        if m["left"] is not None and s <= m["left"] < e:
            data["left"].add(person)
        if m["joined"] < e and (m["left"] is None or m["left"] >= s):
            data["pool_members"].add(person)
    data["per_circle"][circle_id] = present
    for row in occurrences(db, start=start, end=end - timedelta(days=1), timezone=timezone):
        if row["status"] == "cancelled":
            continue
        data["activity_count"][(circle_id, row["kind"])] += 1
        if row["head_count"] is not None:
            data["head_counts"][(circle_id, row["kind"])].append(row["head_count"])
    utc_s = datetime.combine(start, datetime.min.time(), tzinfo=UTC).isoformat()
    utc_e = datetime.combine(end, datetime.min.time(), tzinfo=UTC).isoformat()
    for rid, for_id, helper_id, category, status, created, accepted in db.execute(
        """SELECT id, for_id, helper_id, category, status, created_at, accepted_at
           FROM requests WHERE created_at >= ? AND created_at < ?""",
        [utc_s, utc_e],
    ).fetchall():
        if for_id not in members:
            continue
        person = (circle_id, for_id)
        data["requests"][category].append(person)
        data["requesters"][category].add(person)
        if status in ("accepted", "done") and accepted:
            data["matched"][category].add((circle_id, rid))
            data["matched_persons"][category].add(person)
            days = (datetime.fromisoformat(accepted) - datetime.fromisoformat(created)).days
            data["days"][category].append(days)
        data["all_requests"][category].add((circle_id, rid))
        if status == "referred":
            data["referrals"].append(person)
        if status == "done":
            data["received"].add(person)
            if helper_id in members:
                data["gave"].add((circle_id, helper_id))


def _empty() -> dict:
    return {
        "ages": defaultdict(set),
        "new": set(),
        "left": set(),
        "pool_members": set(),
        "per_circle": {},
        "activity_count": defaultdict(int),
        "head_counts": defaultdict(list),
        "requests": defaultdict(list),
        "requesters": defaultdict(set),
        "matched": defaultdict(set),
        "matched_persons": defaultdict(set),
        "days": defaultdict(list),
        "all_requests": defaultdict(set),
        "referrals": [],
        "received": set(),
        "gave": set(),
    }


def build_release(
    config,
    period: str,
    *,
    k: int = rules.DEFAULT_K,
    today: date,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Build and write the release for a finished half-year; returns a summary."""
    from voorzorg.deploy.circles import open_db

    rules.check_k(k)
    release_id, start, end = parse_period(period)
    if end > today:
        raise VoorzorgError("stats.period_not_ended", period=release_id, end=end.isoformat())
    path = stats_store.stats_path(config.data_dir)
    conn = stats_store.connect(path)
    try:
        if stats_store.release_exists(conn, release_id):
            raise VoorzorgError("stats.release_exists", period=release_id)
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
        if not is_pooled:
            # Without a pool these would be one circle's figures: only membership and
            # activity counts may be published per circle.
            for table in ("leeftijd", "instroom_uitstroom", "hulpvragen_per_soort",
                          "hulp_gekoppeld", "hulp_dagen_tot_koppeling", "doorverwijzingen",
                          "wederkerigheid"):  # fmt: skip
                for cell in tables[table]:
                    cell.value, cell.suppressed = None, True
        release = {
            "release_id": release_id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "created": clock.stamp(),
            "k": k,
            "circles": len(circles),
            "pooled": is_pooled,
        }
        try:
            stats_store.write_release(conn, release, tables)
        except FileExistsError:
            raise VoorzorgError("stats.release_exists", period=release_id) from None
    finally:
        conn.close()
    published = sum(1 for cells in tables.values() for c in cells if not c.suppressed)
    suppressed = sum(1 for cells in tables.values() for c in cells if c.suppressed)
    return {**release, "published": published, "suppressed": suppressed, "path": str(path)}


def _label(category: str) -> str:
    return NL[f"category.{category}"]


def _tables(data: dict, names: dict[str, str], k: int) -> dict[str, list[Cell]]:
    tables: dict[str, list[Cell]] = {}
    tables["leden_per_cirkel"] = [
        rules.rounded_cell((names[cid],), persons, k) for cid, persons in data["per_circle"].items()
    ]
    everyone = set().union(*data["ages"].values()) if data["ages"] else set()
    bands = [
        rules.count_cell((band,), data["ages"].get(band, set()), k, group_size=len(everyone))
        for band in AGE_BANDS
    ]
    # No total row: the exact total would undo the rounding of membership per circle and,
    # compared between releases, tell how many joined.
    tables["leeftijd"] = bands
    group = len(data["pool_members"])
    tables["instroom_uitstroom"] = [
        rules.count_cell(("nieuw",), data["new"], k, group_size=group),
        rules.count_cell(("vertrokken",), data["left"], k, group_size=group),
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
    all_events = [p for c in CATEGORIES for p in data["requests"].get(c, [])]
    request_total = rules.event_cell((stats_store.TOTAL,), all_events, k)
    rules.secondary(per_category, request_total)
    tables["hulpvragen_per_soort"] = [*per_category, request_total]
    tables["hulp_gekoppeld"] = [
        rules.share_cell(
            (_label(c),),
            data["matched"].get(c, set()),
            data["all_requests"].get(c, set()),
            k,
            part_persons=data["matched_persons"].get(c, set()),
            whole_persons=data["requesters"].get(c, set()),
        )
        for c in CATEGORIES
    ]
    tables["hulp_dagen_tot_koppeling"] = [
        rules.measure_cell(
            (_label(c),), data["days"].get(c, []), data["matched_persons"].get(c, set()), k,
            "median",
        )
        for c in CATEGORIES
    ]  # fmt: skip
    tables["doorverwijzingen"] = [rules.event_cell((), data["referrals"], k)]
    both = data["gave"] & data["received"]
    tables["wederkerigheid"] = [rules.share_cell((), both, data["pool_members"], k)]
    return tables
