"""The auditor: attack every release ever published, as an outsider would.

It reads only published figures (stats.db and the ledger, plus a candidate release) and
the public rules, and solves, with HiGHS integer programs, the tightest interval for the
true value of every protected cell (perturbed, suppressed or withheld) consistent with
everything: all tables and margins, totals, derived counts, every version of every
release, and the links between consecutive half-years (joiners, leavers, archived
circles, members ageing into the next band). A cell narrower than MIN_RANGE is a finding.

Links between releases hold only approximately in reality (consents are given and
withdrawn, members are restricted): each link has a slack, and the attacker first finds
the smallest total slack that explains the figures, then assumes no more than that
(the most informed reading that fits). The same soft treatment applies to "a suppressed
count of persons is below k".
"""

from __future__ import annotations

from voorzorg.stats import store as stats_store
from voorzorg.stats.rules import LEGACY_METHOD, MIN_K, MIN_RANGE, OVERRIDE_BELOW_K

AGE_BANDS = ("onder 50", "50-59", "60-69", "70-79", "80-89", "90 en ouder", "onbekend")
BIG = 1_000_000
KINDS = {**stats_store.COUNTS}
# Tables whose cells the attack uses; legacy percentage tables are not linear in counts.
LINEAR = tuple(KINDS)


class _Model:
    """Variables with bounds, linear rows, and which variables are slacks."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.rows: list[tuple[float, float, dict[int, float]]] = []
        self.slacks: list[int] = []

    def var(self, lower: float = 0, upper: float = BIG) -> int:
        self.lower.append(lower)
        self.upper.append(upper)
        return len(self.lower) - 1

    def row(self, lower: float, upper: float, terms: dict[int, float]) -> None:
        self.rows.append((lower, upper, terms))

    def soft_equal(self, terms: dict[int, float]) -> None:
        plus, minus = self.var(), self.var()
        self.slacks += [plus, minus]
        self.row(0, 0, {**terms, plus: 1, minus: -1})


def _cells(release: dict, table: str) -> list:
    return release["tables"].get(table, [])


def _withheld(release: dict, table: str) -> bool:
    cells = _cells(release, table)
    if table in release.get("withheld", []):
        return True
    # Releases before the Cell Key Method withheld a table by suppressing every cell.
    return release.get("method") == LEGACY_METHOD and bool(cells) and all(c[-1] for c in cells)


def _bounds(release: dict, table: str, value, flag: int):
    """(lower, upper, soft upper, protected) for one cell, from the public rules."""
    k, noise = release["k"], release.get("noise") or 0
    legacy = release.get("method") == LEGACY_METHOD
    if _withheld(release, table):
        return 0, BIG, None, True
    if not flag:
        value = round(value)
        if value == 0:
            return 0, 0, None, False
        if legacy:
            if table == "leden_per_cirkel":  # rounded to 5
                return max(k, value - 2), value + 2, None, True
            return value, value, None, False
        return max(k, value - noise), value + noise, None, True
    if KINDS[table] == "persons":
        return 1, BIG, k - 1, True
    if KINDS[table] == "events":
        return 1, BIG, None, True
    return 0, BIG, None, True


def _next_period(period: str) -> str:
    year, half = int(period[:4]), int(period[-1])
    return f"{year}-H2" if half == 1 else f"{year + 1}-H1"


def build_model(releases: list[dict], sums: list[tuple] = ()):
    """The attacker's integer program over every known release.

    Releases of different ``series`` (the centres of a federation, and the city) are
    linked only within their series. ``sums`` are published equations across series:
    (index, table, dims, [(index, table, dims), ...]): a city cell is the sum of the
    same cell of the centres it pools (see voorzorg/federation/city.py)."""
    model = _Model()
    cells: dict[tuple, int] = {}
    protected: list[tuple] = []
    for index, release in enumerate(releases):
        for table in LINEAR:
            for cell in _cells(release, table):
                dims, value, flag = tuple(cell[:-2]), cell[-2], cell[-1]
                lower, upper, soft, guarded = _bounds(release, table, value, flag)
                var = model.var(lower, upper)
                cells[(index, table, dims)] = var
                if soft is not None:
                    over = model.var()
                    model.slacks.append(over)
                    model.row(-BIG, soft, {var: 1, over: -1})
                if guarded:
                    protected.append((index, table, dims))
        _within(model, cells, index, release)
    for index in range(1, len(releases)):
        before, after = releases[index - 1], releases[index]
        if before.get("series") != after.get("series"):
            continue
        if after["period"] == before["period"]:
            _same_period(model, cells, index - 1, index, releases)
        elif after["period"] == _next_period(before["period"]):
            _link(model, cells, index - 1, index, after)
    for index, table, dims, parts in sums:
        whole = _get(cells, index, table, dims)
        found = [_get(cells, *part) for part in parts]
        if whole is None:
            continue
        known = [v for v in found if v is not None]
        if model.upper[whole] == 0:  # a published zero: every part is zero too
            for v in known:
                model.upper[v] = min(model.upper[v], 0)
        terms = {whole: 1.0}
        for v in known:
            terms[v] = terms.get(v, 0) - 1
        # Every part known: the whole is their sum; a part not published as a cell (a
        # centre's release without that row) only makes the whole at least the rest.
        model.row(0, 0 if len(known) == len(found) else BIG, terms)
    return model, cells, protected


def _get(cells, index, table, dims=()):
    return cells.get((index, table, tuple(dims)))


def _sum_row(model, parts: list[int], whole: int | None, *, soft=False) -> None:
    if whole is None or not parts:
        return
    terms = {p: 1.0 for p in parts}
    terms[whole] = terms.get(whole, 0) - 1
    if soft:
        model.soft_equal(terms)
    else:
        model.row(0, 0, terms)


def _within(model, cells, index, release) -> None:
    circles = [v for (i, t, _d), v in cells.items() if i == index and t == "leden_per_cirkel"]
    bands = [_get(cells, index, "leeftijd", (b,)) for b in AGE_BANDS]
    bands = [b for b in bands if b is not None]
    total = _get(cells, index, "leeftijd", (stats_store.TOTAL,))
    _sum_row(model, bands, total)
    if bands and circles:
        members = model.var()
        _sum_row(model, circles, members)
        _sum_row(model, bands, members)
    kinds = [
        v
        for (i, t, d), v in cells.items()
        if i == index and t == "hulpvragen_per_soort" and d != (stats_store.TOTAL,)
    ]
    requests = _get(cells, index, "hulpvragen_per_soort", (stats_store.TOTAL,))
    _sum_row(model, kinds, requests)
    for (i, t, dims), var in list(cells.items()):
        if i == index and t == "hulp_met_helper":
            base = _get(cells, index, "hulpvragen_per_soort", dims)
            if base is not None:
                model.row(-BIG, 0, {var: 1, base: -1})
    referrals = _get(cells, index, "doorverwijzingen")
    if referrals is not None and requests is not None:
        model.row(-BIG, 0, {referrals: 1, requests: -1})
    left = _get(cells, index, "instroom_uitstroom", ("vertrokken",))
    for part in (
        _get(cells, index, "wederkerig"),
        _get(cells, index, "instroom_uitstroom", ("nieuw",)),
    ):
        if part is not None and circles and left is not None:
            model.row(-BIG, 0, {part: 1, left: -1, **{c: -1 for c in circles}})
    _outcomes(model, cells, index, circles, left)


def _outcomes(model, cells, index, circles, left) -> None:
    """The wellbeing outcomes: each dimension's bands, the loneliness categories and each
    topic's changes add up to their table's total; both distributions count the same
    people; those with a change are among them; and they are among the members at the
    end of the half-year plus the leavers."""
    total = (stats_store.TOTAL, stats_store.TOTAL)
    counted = _get(cells, index, "welbevinden_verdeling", total)
    lonely = _get(cells, index, "eenzaamheid", (stats_store.TOTAL,))
    paired = _get(cells, index, "welbevinden_verandering", total)
    for table, whole in (("welbevinden_verdeling", counted), ("welbevinden_verandering", paired)):
        groups: dict[str, list[int]] = {}
        for (i, t, dims), var in cells.items():
            if i == index and t == table and dims != total:
                groups.setdefault(dims[0], []).append(var)
        for parts in groups.values():
            _sum_row(model, parts, whole)
    categories = [
        v
        for (i, t, d), v in cells.items()
        if i == index and t == "eenzaamheid" and d != (stats_store.TOTAL,)
    ]
    _sum_row(model, categories, lonely)
    if counted is not None and lonely is not None:
        model.row(0, 0, {counted: 1, lonely: -1})
    if counted is not None and paired is not None:
        model.row(-BIG, 0, {paired: 1, counted: -1})
    if counted is not None and circles and left is not None:
        model.row(-BIG, 0, {counted: 1, left: -1, **{c: -1 for c in circles}})


def _same_period(model, cells, before: int, after: int, releases: list[dict]) -> None:
    """Two versions of one period (corrected data): a figure published alike in both is
    read as the same persons (the same record keys give the same noise)."""
    published = [
        {(t, tuple(c[:-2])): (c[-2], c[-1]) for t, cs in r["tables"].items() for c in cs}
        for r in (releases[before], releases[after])
    ]
    for (i, table, dims), var in list(cells.items()):
        if i != after or (before, table, dims) not in cells:
            continue
        if published[0].get((table, dims)) == published[1].get((table, dims)):
            model.soft_equal({var: 1, cells[(before, table, dims)]: -1})


def _link(model, cells, before: int, after: int, a_release: dict) -> None:
    """Consecutive half-years: members now = members then + joiners - leavers."""
    joined = _get(cells, after, "instroom_uitstroom", ("nieuw",))
    left = _get(cells, after, "instroom_uitstroom", ("vertrokken",))
    now = {d: v for (i, t, d), v in cells.items() if i == after and t == "leden_per_cirkel"}
    then = {d: v for (i, t, d), v in cells.items() if i == before and t == "leden_per_cirkel"}
    if joined is None or left is None or not now:
        return
    ins, outs = [], []
    for dims, var in now.items():
        j, out = model.var(), model.var()
        ins.append(j)
        outs.append(out)
        terms = {var: 1, j: -1, out: 1}
        if dims in then:
            terms[then[dims]] = -1
        model.soft_equal(terms)
    _sum_row(model, ins, joined)
    _sum_row(model, outs, left)
    archived = [v for d, v in then.items() if d not in now]
    bands_now = [_get(cells, after, "leeftijd", (b,)) for b in AGE_BANDS]
    bands_then = [_get(cells, before, "leeftijd", (b,)) for b in AGE_BANDS]
    if None in bands_now or None in bands_then:
        return
    ageing = a_release["period"].endswith("H2")  # a year older at the end of H2
    band_in = [model.var() for _ in AGE_BANDS]
    band_out = [model.var() for _ in AGE_BANDS]
    moves = [model.var(0, BIG if ageing and i < 5 else 0) for i in range(len(AGE_BANDS))]
    for i in range(len(AGE_BANDS)):
        terms = {bands_now[i]: 1, bands_then[i]: -1, band_in[i]: -1, band_out[i]: 1, moves[i]: 1}
        if 0 < i < 6:
            terms[moves[i - 1]] = terms.get(moves[i - 1], 0) - 1
        model.soft_equal(terms)
    _sum_row(model, band_in, joined)
    gone = {v: 1.0 for v in band_out}
    gone[left] = gone.get(left, 0) - 1
    for v in archived:
        gone[v] = gone.get(v, 0) - 1
    model.row(0, 0, gone)


def _quiet(make):
    """HiGHS prints a banner to the C-level stdout when a solver is made; `--json` output
    must stay clean, so the descriptor is pointed at /dev/null for that moment."""
    import os
    import sys

    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        return make()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _highs(model: _Model, integer: bool):
    import highspy
    import numpy as np

    h = _quiet(highspy.Highs)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    # A solver that does not finish counts as a failed audit, never as a pass.
    h.setOptionValue("time_limit", 120.0)
    n = len(model.lower)
    h.addVars(n, np.array(model.lower, dtype=float), np.array(model.upper, dtype=float))
    if model.rows:
        starts, index, values = [], [], []
        for _lo, _hi, terms in model.rows:
            starts.append(len(index))
            index += list(terms)
            values += list(terms.values())
        h.addRows(
            len(model.rows),
            np.array([r[0] for r in model.rows], dtype=float),
            np.array([r[1] for r in model.rows], dtype=float),
            len(index),
            np.array(starts, dtype=np.int32),
            np.array(index, dtype=np.int32),
            np.array(values, dtype=float),
        )
    if integer:
        h.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n)
        )
    return h


def _solve(h, costs, maximize: bool):
    """(objective, integral column values or None) for a cost vector; None if infeasible."""
    import highspy
    import numpy as np

    n = h.getNumCol()
    h.changeColsCost(n, np.arange(n, dtype=np.int32), costs)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None, None
    values = np.asarray(h.getSolution().col_value)
    integral = np.all(np.abs(values - np.round(values)) < 1e-6)
    return h.getInfo().objective_function_value, (np.round(values) if integral else None)


def _point(relaxed, exact, costs, maximize: bool):
    """An integer-feasible optimum: the relaxation's vertex when it is integral (these
    equations are nearly network-like, so it usually is), else the integer program's."""
    value, point = _solve(relaxed, costs, maximize)
    if value is None:
        return None, None
    if point is None:
        value, point = _solve(exact, costs, maximize)
    return value, point


def release_id(release: dict) -> tuple:
    """(series, period, version): a release among all the attacker knows."""
    return (release.get("series") or "", release["period"], release.get("version") or 1)


def intervals(releases: list[dict], sums=()) -> tuple[dict[tuple, tuple[int, int]], bool]:
    """The attacker's interval for the true value of every protected cell; False if no
    reading fits. Exact (min, max) for every cell that comes out narrower than MIN_RANGE;
    for the others an inner interval, spanned by integer solutions, already that wide."""
    import numpy as np

    model, cells, protected = build_model(releases, sums)
    if not protected:
        return {}, True
    n = len(model.lower)
    exact = _highs(model, integer=True)
    slack_costs = np.zeros(n)
    slack_costs[model.slacks] = 1.0
    slack, _ = _solve(exact, slack_costs, maximize=False)
    if slack is None:
        return {}, False
    model.row(-BIG, round(slack) + 1e-6, dict.fromkeys(model.slacks, 1.0))
    relaxed = _highs(model, integer=False)
    exact = _highs(model, integer=True)
    columns = np.array([cells[c] for c in protected])
    # Certify most cells at once: integer solutions that push all protected cells down,
    # up, and in a few random directions; a cell whose values across them already differ
    # by MIN_RANGE needs no interval of its own.
    rng = np.random.default_rng(0)
    seen_low = np.full(len(protected), np.inf)
    seen_high = np.full(len(protected), -np.inf)
    directions = [np.ones(len(protected)), *rng.choice([-1.0, 1.0], (4, len(protected)))]
    rounds = 0
    while directions:
        direction = directions.pop(0)
        for maximize in (False, True):
            costs = np.zeros(n)
            costs[columns] = direction
            _value, point = _point(relaxed, exact, costs, maximize)
            if point is None:
                return {}, False
            seen_low = np.minimum(seen_low, point[columns])
            seen_high = np.maximum(seen_high, point[columns])
        open_ = seen_high - seen_low < MIN_RANGE
        # Many releases together (a federation's centres) leave more cells unproven after
        # the first directions: push only those, up and down, a few more times; each
        # pair of solves costs what one cell's own interval would.
        if not directions and rounds < 12 and open_.sum() > 4:
            rounds += 1
            directions.append(np.where(open_, rng.choice([-1.0, 1.0], len(protected)), 0.0))
    found = {}
    for index, cell in enumerate(protected):
        low, high = seen_low[index], seen_high[index]
        column = cells[cell]
        if model.lower[column] == model.upper[column]:
            low = high = model.upper[column]  # fixed by its bounds: nothing to solve
        elif high - low < MIN_RANGE:
            costs = np.zeros(n)
            costs[cells[cell]] = 1.0
            low, _p = _point(relaxed, exact, costs, maximize=False)
            high, _p = _point(relaxed, exact, costs, maximize=True)
            if low is None or high is None:
                return {}, False
        found[(*release_id(releases[cell[0]]), *cell[1:])] = (round(low), round(high))
    return found, True


def findings_for(
    releases: list[dict], *, only: set | None = None, baseline=None, sums=()
) -> list[dict]:
    """Rule checks and the interval attack. ``only``: the releases (``release_id``) to
    report on; ``baseline``: intervals before a candidate, so already-public narrow cells
    that the candidate does not narrow further are not blamed on it."""
    findings = []
    for release in releases:
        where = {"release": release["period"], "version": release.get("version") or 1}
        if release.get("series"):
            where["series"] = release["series"]
        if only is not None and release_id(release) not in only:
            continue
        k = release["k"]
        if k < MIN_K or (k < OVERRIDE_BELOW_K and not release.get("k_reason")):
            findings.append({**where, "table": "releases", "cell": [], "problem": "k_too_small"})
        for table, cells in release["tables"].items():
            for cell in cells:
                value, flag = cell[-2], cell[-1]
                if (value is None) != bool(flag):
                    findings.append(
                        {**where, "table": table, "cell": cell[:-2], "problem": "flag_mismatch"}
                    )
                elif table in KINDS and value and value < k and not flag:
                    findings.append(
                        {**where, "table": table, "cell": cell[:-2], "problem": "below_k"}
                    )
    if findings:
        return findings
    found, feasible = intervals(releases, sums)
    if not feasible:
        return [{"release": "*", "version": 0, "table": "*", "cell": [], "problem": "inconsistent"}]
    for (series, period, version, table, dims), (low, high) in sorted(found.items(), key=str):
        if high - low >= MIN_RANGE or high == 0:  # a certain zero may be shown (SDC-1)
            continue
        key = (series, period, version, table, dims)
        if only is not None and (series, period, version) not in only:
            before = (baseline if baseline is not None else {}).get(key)
            if before is not None and before[1] - before[0] <= high - low:
                continue
        findings.append(
            {
                **({"series": series} if series else {}),
                "release": period,
                "version": version,
                "table": table,
                "cell": list(dims),
                "min": low,
                "max": high,
                "problem": "range_too_narrow",
            }
        )
    return findings


def describe(finding: dict) -> str:
    """One finding as a line of text: the cell and its interval where there is one."""
    from voorzorg.i18n import _

    problem = _("stats.problem." + finding["problem"])
    if finding["release"] == "*":
        return _("stats.finding_all", problem=problem)
    where = {"release": finding["release"], "version": finding["version"] or 1}
    if not finding.get("cell") and finding["table"] == "releases":
        return _("stats.finding_release", problem=problem, **where)
    cell = " / ".join(str(c) for c in finding.get("cell", [])) or "—"
    if "min" in finding:
        return _("stats.finding_range", table=finding["table"], cell=cell,
                 low=finding["min"], high=finding["max"], problem=problem, **where)  # fmt: skip
    return _("stats.finding_cell", table=finding["table"], cell=cell, problem=problem, **where)


def audit_candidate(known: list[dict], candidate: dict) -> list[dict]:
    """The gate before a release is written: what the candidate adds to what is known."""
    releases = sorted([*known, candidate], key=lambda r: (r["period"], r.get("version") or 1))
    only = {release_id(candidate)}
    findings = findings_for(releases, only=only, baseline=_Lazy(known))
    return findings


class _Lazy(dict):
    """The intervals before the candidate, computed only if an older cell comes out narrow
    (most releases never need them)."""

    def __init__(self, known: list[dict]) -> None:
        super().__init__()
        self.known, self.done = known, False

    def get(self, key, default=None):
        if not self.done:
            self.done = True
            if self.known:
                self.update(intervals(self.known)[0])
        return super().get(key, default)


def audit(conn, data_dir) -> list[dict]:
    """`stats check`: everything ever published (stats.db and the ledger)."""
    from voorzorg.stats import ledger

    releases = ledger.known_releases(data_dir, stats_store.read_releases(conn))
    return findings_for(releases)


def list_releases(conn) -> list[dict]:
    rows = conn.execute(
        """SELECT release_id, periode_begin, periode_eind, gemaakt, k, cirkels, gepoold,
                  methode, versie FROM releases ORDER BY release_id"""
    ).fetchall()
    keys = ("release", "start", "end", "created", "k", "circles", "pooled", "method", "version")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def show_release(conn, release_id: str) -> dict:
    from voorzorg.errors import VoorzorgError

    known = [r["release"] for r in list_releases(conn)]
    if release_id not in known:
        raise VoorzorgError("stats.unknown_release", release=release_id, known=", ".join(known))
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    tables = {}
    for table, (dims, value) in {**stats_store.TABLES, **stats_store.LEGACY_TABLES}.items():
        if table not in present:
            continue
        rows = conn.execute(
            f"SELECT {', '.join((*dims, value))} FROM {table} WHERE release_id = ?",
            [release_id],
        ).fetchall()
        if rows:
            tables[table] = [
                {
                    **dict(zip(dims, r[:-1], strict=True)),
                    "value": r[-1],
                    "published": r[-1] is not None,
                }
                for r in rows
            ]
    return {"release": release_id, "tables": tables}
