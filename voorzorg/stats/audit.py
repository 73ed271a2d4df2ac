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

The program is solved per connected component (``intervals``); a large component (a
hub's centres tied by the city's sums) series by series around a first reading, with
inner intervals from solutions of the whole and outer ones from relaxations
(``_local``). The findings are those of one program over everything; why is in
docs/federation.md ("How the audit scales").
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
        # The series (a centre, the city) each variable belongs to: the decomposed audit
        # (``_local``) moves one series at a time.
        self.owner: list[str] = []
        self.current = ""
        # Per release index: {(table, dims): variable}.
        self.per: dict[int, dict[tuple, int]] = {}
        # Series whose cells are sums of other series' cells (the city).
        self.wholes: set[str] = set()

    def var(self, lower: float = 0, upper: float = BIG) -> int:
        self.lower.append(lower)
        self.upper.append(upper)
        self.owner.append(self.current)
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
        model.current = release.get("series") or ""
        mine = model.per.setdefault(index, {})
        for table in LINEAR:
            for cell in _cells(release, table):
                dims, value, flag = tuple(cell[:-2]), cell[-2], cell[-1]
                lower, upper, soft, guarded = _bounds(release, table, value, flag)
                var = model.var(lower, upper)
                cells[(index, table, dims)] = var
                mine[(table, dims)] = var
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
        model.current = after.get("series") or ""
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
        model.wholes.add(model.owner[whole])
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
    mine = model.per.get(index, {})
    circles = [v for (t, _d), v in mine.items() if t == "leden_per_cirkel"]
    bands = [_get(cells, index, "leeftijd", (b,)) for b in AGE_BANDS]
    bands = [b for b in bands if b is not None]
    total = _get(cells, index, "leeftijd", (stats_store.TOTAL,))
    _sum_row(model, bands, total)
    if bands and circles:
        members = model.var()
        _sum_row(model, circles, members)
        _sum_row(model, bands, members)
    kinds = [
        v for (t, d), v in mine.items() if t == "hulpvragen_per_soort" and d != (stats_store.TOTAL,)
    ]
    requests = _get(cells, index, "hulpvragen_per_soort", (stats_store.TOTAL,))
    _sum_row(model, kinds, requests)
    for (t, dims), var in mine.items():
        if t == "hulp_met_helper":
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
    for (table, dims), var in model.per.get(after, {}).items():
        if (before, table, dims) not in cells:
            continue
        if published[0].get((table, dims)) == published[1].get((table, dims)):
            model.soft_equal({var: 1, cells[(before, table, dims)]: -1})


def _link(model, cells, before: int, after: int, a_release: dict) -> None:
    """Consecutive half-years: members now = members then + joiners - leavers."""
    joined = _get(cells, after, "instroom_uitstroom", ("nieuw",))
    left = _get(cells, after, "instroom_uitstroom", ("vertrokken",))
    now = {d: v for (t, d), v in model.per.get(after, {}).items() if t == "leden_per_cirkel"}
    then = {d: v for (t, d), v in model.per.get(before, {}).items() if t == "leden_per_cirkel"}
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


# Components with more variables than this are audited series by series (``_local``);
# smaller ones as one program (``_exact``). Both give the same findings (see the docstring
# of ``intervals``); only the time differs.
LOCAL_ABOVE = 4000
# Centres certified together in one sub-program (``_local``), and the other centres moved
# with them: first a few, then more; what is still open after that is solved over the
# whole component.
GROUP = 4
HELPERS = (2, 6)
WITNESS_GAP = 0.1


class _Arrays:
    """One component of the model as arrays: bounds, the rows (COO), the slack columns,
    and each column's series as an integer."""

    def __init__(self, model: _Model, columns, rows: list[int]):
        import numpy as np

        self.n = len(columns)
        local = {int(c): i for i, c in enumerate(columns)}
        self.lower = np.array([model.lower[c] for c in columns], dtype=float)
        self.upper = np.array([model.upper[c] for c in columns], dtype=float)
        slacks = set(model.slacks)
        self.slack = np.array([int(c) in slacks for c in columns], dtype=bool)
        names = sorted({model.owner[c] for c in columns})
        number = {name: i for i, name in enumerate(names)}
        self.names = names
        self.owner = np.array([number[model.owner[c]] for c in columns], dtype=np.int64)
        self.wholes = {number[w] for w in model.wholes if w in number}
        rr, cc, vv, lo, hi = [], [], [], [], []
        for r, index in enumerate(rows):
            low, high, terms = model.rows[index]
            lo.append(low)
            hi.append(high)
            for var, value in terms.items():
                rr.append(r)
                cc.append(local[var])
                vv.append(value)
        self.rr = np.array(rr, dtype=np.int64)
        self.cc = np.array(cc, dtype=np.int64)
        self.vv = np.array(vv, dtype=float)
        self.rlo = np.array(lo, dtype=float)
        self.rhi = np.array(hi, dtype=float)
        self.m = len(rows)


def _components(model: _Model):
    """Connected components of the constraint graph: (column -> component id, rows per
    component id)."""
    import numpy as np

    parent = list(range(len(model.lower)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for _lo, _hi, terms in model.rows:
        first = None
        for var in terms:
            if first is None:
                first = find(var)
                continue
            other = find(var)
            if other != first:
                parent[other] = first
    roots = np.array([find(i) for i in range(len(parent))], dtype=np.int64)
    rows: dict[int, list[int]] = {}
    for index, (_lo, _hi, terms) in enumerate(model.rows):
        if terms:
            rows.setdefault(int(roots[next(iter(terms))]), []).append(index)
    return roots, rows


def _program(lower, upper, rlo, rhi, rr, cc, vv, integer: bool):
    """A HiGHS program from arrays (rows in COO form)."""
    import highspy
    import numpy as np

    h = _quiet(highspy.Highs)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    # A solver that does not finish counts as a failed audit, never as a pass.
    h.setOptionValue("time_limit", 120.0)
    n = len(lower)
    h.addVars(n, np.asarray(lower, dtype=float), np.asarray(upper, dtype=float))
    m = len(rlo)
    if m:
        order = np.argsort(rr, kind="stable")
        starts = np.searchsorted(rr[order], np.arange(m)).astype(np.int32)
        h.addRows(m, np.asarray(rlo, dtype=float), np.asarray(rhi, dtype=float), len(order),
                  starts, cc[order].astype(np.int32), vv[order].astype(float))  # fmt: skip
    if integer and n:
        h.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n)
        )
    return h


def _least_slack_row(a, columns, w0, row: int, program: tuple) -> tuple:
    """``program`` (rlo, rhi, rr, cc, vv) with one more row, numbered ``row``: the slack
    columns among ``columns`` together no more than they are in the reading ``w0`` (the
    least total slack, kept in every sub-program)."""
    import numpy as np

    rlo, rhi, rr, cc, vv = program
    slacks = np.flatnonzero(a.slack[columns])
    if len(slacks):
        rlo, rhi = np.append(rlo, -BIG), np.append(rhi, w0[columns][slacks].sum() + 1e-6)
        rr = np.concatenate([rr, np.full(len(slacks), row)])
        cc, vv = np.concatenate([cc, slacks]), np.concatenate([vv, np.ones(len(slacks))])
    return rlo, rhi, rr, cc, vv


def _pair(lower, upper, rlo, rhi, rr, cc, vv):
    """(relaxation, integer program) of the same rows."""
    args = (lower, upper, rlo, rhi, rr, cc, vv)
    return _program(*args, integer=False), _program(*args, integer=True)


def _spread(relaxed, exact, n: int, columns, rng, seen=None, mixes: int = 4):
    """Integer solutions pushing all ``columns`` down, up and in random mixes: per column
    the lowest and highest value seen (an inner interval: every value is attained by a
    solution). None if no solution was found."""
    import numpy as np

    k = len(columns)
    low, high = seen if seen is not None else (np.full(k, np.inf), np.full(k, -np.inf))
    directions = [np.ones(k), *rng.choice([-1.0, 1.0], (mixes, k))]
    rounds = 0
    while directions:
        direction = directions.pop(0)
        for maximize in (False, True):
            costs = np.zeros(n)
            costs[columns] = direction
            _value, point = _point(relaxed, exact, costs, maximize)
            if point is None:
                return None
            low = np.minimum(low, point[columns])
            high = np.maximum(high, point[columns])
        open_ = high - low < MIN_RANGE
        # Many series together leave more cells unproven after the first directions: push
        # only those, up and down, a few more times; each pair of solves costs what one
        # cell's own interval would.
        if not directions and rounds < 12 and open_.sum() > 4:
            rounds += 1
            directions.append(np.where(open_, rng.choice([-1.0, 1.0], k), 0.0))
    return low, high


def _extremes(relaxed, exact, n: int, column: int):
    import numpy as np

    costs = np.zeros(n)
    costs[column] = 1.0
    low, _p = _point(relaxed, exact, costs, maximize=False)
    high, _p = _point(relaxed, exact, costs, maximize=True)
    # Optima of integer programs: whole numbers up to the solver's tolerance.
    return None if low is None or high is None else (round(low), round(high))


def _with_budget(a: _Arrays, budget: float):
    """The rows of ``a`` plus: the slacks together at most ``budget``."""
    import numpy as np

    slacks = np.flatnonzero(a.slack)
    if not len(slacks):
        return a.rlo, a.rhi, a.rr, a.cc, a.vv
    return (
        np.append(a.rlo, -BIG),
        np.append(a.rhi, round(budget) + 1e-6),
        np.concatenate([a.rr, np.full(len(slacks), a.m)]),
        np.concatenate([a.cc, slacks]),
        np.concatenate([a.vv, np.ones(len(slacks))]),
    )


def _least_slack(a: _Arrays):
    """The smallest total slack that explains the figures of ``a``; None if none does."""
    exact = _program(a.lower, a.upper, a.rlo, a.rhi, a.rr, a.cc, a.vv, integer=True)
    return _solve(exact, a.slack.astype(float), maximize=False)[0]


def _exact(a: _Arrays, columns, budget=None):
    """The whole component as one program: (low, high) per column in ``columns``, exact
    where narrower than MIN_RANGE, else an inner interval already that wide."""
    import numpy as np

    if budget is None:
        budget = _least_slack(a)
        if budget is None:
            return None
    rlo, rhi, rr, cc, vv = _with_budget(a, budget)
    relaxed, exact = _pair(a.lower, a.upper, rlo, rhi, rr, cc, vv)
    columns = np.asarray(columns, dtype=np.int64)
    seen = _spread(relaxed, exact, a.n, columns, np.random.default_rng(0))
    if seen is None:
        return None
    found = []
    for index, column in enumerate(columns):
        low, high = seen[0][index], seen[1][index]
        if a.lower[column] == a.upper[column]:
            low = high = a.upper[column]  # fixed by its bounds: nothing to solve
        elif high - low < MIN_RANGE:
            both = _extremes(relaxed, exact, a.n, column)
            if both is None:
                return None
            low, high = both
        found.append((low, high))
    return found


class _Restrict:
    """Sub-programs of one component with every column outside a chosen set fixed to a
    known solution ``w0`` of the whole: their solutions are solutions of the whole."""

    def __init__(self, a: _Arrays, w0):
        import numpy as np

        self.a, self.w0 = a, w0
        self.value = np.bincount(a.rr, weights=a.vv * w0[a.cc], minlength=a.m)
        order = np.argsort(a.owner[a.cc], kind="stable")
        bounds = np.searchsorted(a.owner[a.cc][order], np.arange(len(a.names) + 1))
        self.entries = [order[bounds[i] : bounds[i + 1]] for i in range(len(a.names))]

    def program(self, owners: list[int]):
        """(columns, (relaxation, integer program)) with the columns of ``owners`` free and
        the slacks of the free columns together at most what they are in w0."""
        import numpy as np

        a, w0 = self.a, self.w0
        entries = np.concatenate([self.entries[o] for o in owners])
        free = np.zeros(a.n, dtype=bool)
        free[a.cc[entries]] = True
        for o in owners:  # columns in no row (bounds only) are free too
            free[a.owner == o] = True
        columns = np.flatnonzero(free)
        local = np.full(a.n, -1, dtype=np.int64)
        local[columns] = np.arange(len(columns))
        mine = entries[free[a.cc[entries]]]
        rows = np.unique(a.rr[mine])
        row_local = np.full(a.m, -1, dtype=np.int64)
        row_local[rows] = np.arange(len(rows))
        inside = np.bincount(a.rr[mine], weights=a.vv[mine] * w0[a.cc[mine]], minlength=a.m)
        rest = (self.value - inside)[rows]
        lower, upper = a.lower[columns].copy(), a.upper[columns].copy()
        rlo, rhi = a.rlo[rows] - rest, a.rhi[rows] - rest
        rr, cc, vv = row_local[a.rr[mine]], local[a.cc[mine]], a.vv[mine]
        rlo, rhi, rr, cc, vv = _least_slack_row(a, columns, w0, len(rows), (rlo, rhi, rr, cc, vv))
        relaxed, exact = _pair(lower, upper, rlo, rhi, rr, cc, vv)
        # Any integer solution is a witness here (only inner intervals are taken from these
        # programs), so the integer search may stop near the optimum.
        exact.setOptionValue("mip_rel_gap", WITNESS_GAP)
        return columns, (relaxed, exact)


def _own(
    a: _Arrays, owners: list[int], fixed: dict, objective_owner: int, w0=None, near=None, cap=0.0
):
    """A solution for the columns of ``owners`` with the rest fixed to ``w0`` (or, without
    w0, over the rows inside those series only), ``fixed`` columns held at their value,
    the slacks of ``objective_owner`` as small as they can be. (columns, values) or None."""
    import numpy as np

    inside = np.isin(a.owner, owners)
    if w0 is None:
        rows_ok = np.ones(a.m, dtype=bool)
        np.logical_and.at(rows_ok, a.rr, inside[a.cc])
        keep = rows_ok[a.rr]
        rows = np.flatnonzero(rows_ok)
        rest = np.zeros(a.m)
    else:
        touched = np.zeros(a.m, dtype=bool)
        touched[a.rr[inside[a.cc]]] = True
        rows = np.flatnonzero(touched)
        keep = touched[a.rr] & inside[a.cc]
        outside = touched[a.rr] & ~inside[a.cc]
        rest = np.bincount(a.rr[outside], weights=a.vv[outside] * w0[a.cc[outside]],
                           minlength=a.m)  # fmt: skip
    columns = np.flatnonzero(inside)
    local = np.full(a.n, -1, dtype=np.int64)
    local[columns] = np.arange(len(columns))
    row_local = np.full(a.m, -1, dtype=np.int64)
    row_local[rows] = np.arange(len(rows))
    lower, upper = a.lower[columns].copy(), a.upper[columns].copy()
    for column, value in fixed.items():
        if local[column] >= 0 and lower[local[column]] <= value <= upper[local[column]]:
            lower[local[column]] = upper[local[column]] = value
    rlo, rhi = a.rlo[rows] - rest[rows], a.rhi[rows] - rest[rows]
    rr, cc, vv = row_local[a.rr[keep]], local[a.cc[keep]], a.vv[keep]
    mine = a.slack[columns] & (a.owner[columns] == objective_owner)
    costs = mine.astype(float)
    n = len(columns)
    if near is not None:
        # As close to ``near`` as the rows allow (|x - value| summed, with two more
        # columns per cell), the own slack at most ``cap``.
        items = [(local[c], v) for c, v in near.items() if local[c] >= 0]
        k, m = len(items), len(rows)
        lower = np.concatenate([lower, np.zeros(2 * k)])
        upper = np.concatenate([upper, np.full(2 * k, BIG)])
        at = np.array([i for i, _v in items], dtype=np.int64)
        plus, minus = n + 2 * np.arange(k), n + 2 * np.arange(k) + 1
        rr = np.concatenate([rr, np.repeat(m + np.arange(k), 3), np.full(mine.sum(), m + k)])
        cc = np.concatenate([cc, np.column_stack([at, plus, minus]).ravel(), np.flatnonzero(mine)])
        vv = np.concatenate([vv, np.tile([1.0, -1.0, 1.0], k), np.ones(mine.sum())])
        values = np.array([v for _i, v in items], dtype=float)
        rlo = np.concatenate([rlo, values, [-BIG]])
        rhi = np.concatenate([rhi, values, [cap + 1e-6]])
        costs = np.concatenate([np.zeros(n), np.ones(2 * k)])
    exact = _program(lower, upper, rlo, rhi, rr, cc, vv, integer=True)
    value, point = _solve(exact, costs, maximize=False)
    if value is None or point is None:
        return None
    return columns, point[:n]


def _start(a: _Arrays, hint: dict):
    """A solution w0 of the whole component with the least total slack, made series by
    series: every centre on its own with its pooled cells at the exact counts the hub
    knows (``hint``), then the city (the sums) with the centres held there. It is only
    used when its slack is provably the least (each series' own least slack, a lower
    bound for the whole, adds up to it): (w0, least slack) or None."""
    import numpy as np

    w0 = np.zeros(a.n)
    bases = [o for o in range(len(a.names)) if o not in a.wholes]
    for o in bases:
        made = _own(a, [o], hint, o)
        slack = None if made is None else made[1][a.slack[made[0]]].sum()
        if made is None or slack > 0:
            # The exact counts need more slack than this centre's least (or do not fit):
            # take a reading with its least slack, as close to the exact counts as can be.
            alone = _own(a, [o], {}, o)
            if alone is None:
                return None
            least = alone[1][a.slack[alone[0]]].sum()
            if made is None or least < slack:
                made = _own(a, [o], {}, o, near=hint, cap=least) or alone
        w0[made[0]] = made[1]
    for o in sorted(a.wholes):
        made = _own(a, [o], {}, o, w0=w0)
        if made is None:
            return None
        w0[made[0]] = made[1]
    row = np.bincount(a.rr, weights=a.vv * w0[a.cc], minlength=a.m)
    if (
        np.any(row < a.rlo - 1e-6) or np.any(row > a.rhi + 1e-6)
        or np.any(w0 < a.lower - 1e-6) or np.any(w0 > a.upper + 1e-6)
    ):  # fmt: skip
        return None
    total = w0[a.slack].sum()
    least = 0.0
    for o in range(len(a.names)):
        if w0[a.slack & (a.owner == o)].sum() > 0:
            alone = _own(a, [o], {}, o)
            if alone is None:
                return None
            least += alone[1][a.slack[alone[0]]].sum()
    if least < total - 1e-6:
        return None
    return w0, total


def _outer(a: _Arrays, owner: int, w0, targets) -> list:
    """(low, high) or None per column in ``targets`` (columns of series ``owner``) over a
    relaxation of the component: the rows of ``owner`` and of the city (the sums), where
    the other series' cells in a sum count only through their bounds (one variable per
    row for all of them together). Every solution of the whole is one of this program,
    so these are outer intervals. The slacks of the free series stay at most what they
    are in w0: w0's total is the least for the whole and equals the sum of every series'
    own least, so in every reading each series keeps exactly its own least."""
    import numpy as np

    free = (a.owner == owner) | np.isin(a.owner, sorted(a.wholes))
    touched = np.zeros(a.m, dtype=bool)
    touched[a.rr[free[a.cc]]] = True
    rows = np.flatnonzero(touched)
    inside = touched[a.rr] & free[a.cc]
    outside = touched[a.rr] & ~free[a.cc]
    low_part = np.minimum(a.vv * a.lower[a.cc], a.vv * a.upper[a.cc])
    high_part = np.maximum(a.vv * a.lower[a.cc], a.vv * a.upper[a.cc])
    agg_low = np.bincount(a.rr[outside], weights=low_part[outside], minlength=a.m)[rows]
    agg_high = np.bincount(a.rr[outside], weights=high_part[outside], minlength=a.m)[rows]
    has_out = np.bincount(a.rr[outside], minlength=a.m)[rows] > 0
    columns = np.flatnonzero(free)
    local = np.full(a.n, -1, dtype=np.int64)
    local[columns] = np.arange(len(columns))
    row_local = np.full(a.m, -1, dtype=np.int64)
    row_local[rows] = np.arange(len(rows))
    with_rest = np.flatnonzero(has_out)
    n = len(columns) + len(with_rest)
    lower = np.concatenate([a.lower[columns], agg_low[with_rest]])
    upper = np.concatenate([a.upper[columns], agg_high[with_rest]])
    rr = np.concatenate([row_local[a.rr[inside]], with_rest])
    cc = np.concatenate([local[a.cc[inside]], len(columns) + np.arange(len(with_rest))])
    vv = np.concatenate([a.vv[inside], np.ones(len(with_rest))])
    rlo, rhi = a.rlo[rows], a.rhi[rows]
    rlo, rhi, rr, cc, vv = _least_slack_row(a, columns, w0, len(rows), (rlo, rhi, rr, cc, vv))
    relaxed, exact = _pair(lower, upper, rlo, rhi, rr, cc, vv)
    return [_extremes(relaxed, exact, n, local[t]) for t in targets]


def _local(a: _Arrays, columns, hint: dict):
    """The component series by series: a solution w0 of the whole (``_start``); then, per
    series, its cells pushed down and up with that series, the city and a few other
    centres free and everything else held at w0. Every solution of such a sub-program is
    a solution of the whole, so the values seen are an inner interval; a cell that still
    comes out narrower than MIN_RANGE is solved over the whole component, exactly."""
    import numpy as np

    started = _start(a, hint)
    if started is None:
        return _exact(a, columns)
    w0, budget = started
    columns = np.asarray(columns, dtype=np.int64)
    low = w0[columns].copy()
    high = w0[columns].copy()
    fixed = a.lower[columns] == a.upper[columns]
    restrict = _Restrict(a, w0)
    bases = [o for o in range(len(a.names)) if o not in a.wholes]
    rng = np.random.default_rng(0)
    settled = np.zeros(len(columns), dtype=bool)
    groups = [bases[i : i + GROUP] for i in range(0, len(bases), GROUP)]
    groups += [[whole] for whole in sorted(a.wholes)]
    for number, group in enumerate(groups):
        mine = np.flatnonzero(np.isin(a.owner[columns], group) & ~fixed)
        for stage, helpers in enumerate(HELPERS):
            mine = mine[(high[mine] - low[mine] < MIN_RANGE) & ~settled[mine]]
            if not len(mine):
                break
            # The next centres after the group (the bases are in a fixed order) help.
            others = [b for b in bases if b not in group]
            start = number * GROUP if group[0] in bases else 0
            count = min(helpers, len(others))
            chosen = [others[(start + i) % len(others)] for i in range(count)]
            free, (relaxed, exact) = restrict.program(sorted({*group, *a.wholes, *chosen}))
            where = np.searchsorted(free, columns[mine])
            seen = _spread(relaxed, exact, len(free), where, rng, (low[mine], high[mine]), 2)
            if seen is None:
                return None
            low[mine], high[mine] = seen
            for i, index in enumerate(mine):
                if high[index] - low[index] < MIN_RANGE:
                    both = _extremes(relaxed, exact, len(free), where[i])
                    if both is None:
                        return None
                    low[index] = min(low[index], both[0])
                    high[index] = max(high[index], both[1])
            narrow = mine[high[mine] - low[mine] < MIN_RANGE]
            for o in group if stage == 0 else ():
                # An outer interval from a relaxation (this series and the city, the
                # other centres only through the bounds of their cells): where it is
                # the inner one, the cell's interval is known exactly.
                hers = narrow[a.owner[columns[narrow]] == o]
                if not len(hers):
                    continue
                for index, outer in zip(hers, _outer(a, o, w0, columns[hers]), strict=True):
                    if outer is not None and outer[0] >= low[index] and outer[1] <= high[index]:
                        settled[index] = True
    low[fixed] = high[fixed] = a.upper[columns[fixed]]
    rest = np.flatnonzero((high - low < MIN_RANGE) & ~fixed & ~settled)
    if len(rest):
        found = _exact(a, columns[rest], budget=budget)
        if found is None:
            return None
        for index, (lo, hi) in zip(rest, found, strict=True):
            low[index], high[index] = lo, hi
    return list(zip(low, high, strict=True))


def intervals(
    releases: list[dict],
    sums=(),
    *,
    targets: set | None = None,
    wanted: set | None = None,
    hint: dict | None = None,
    local_above: int | None = None,
) -> tuple[dict[tuple, tuple[int, int]], bool]:
    """The attacker's interval for the true value of every protected cell; False if no
    reading fits. Exact (min, max) for every cell that comes out narrower than MIN_RANGE;
    for the others an inner interval, spanned by integer solutions, already that wide.

    The program falls apart into connected components (cells tied by no chain of
    equations); each is solved on its own. That is exact: the only row shared by all
    of them, "the slacks together are the least that explains the figures", splits into
    one such row per component, because the least total is the sum of the least per
    component. ``targets`` (release_ids) or ``wanted`` ((release_id, table, dims)) limit
    the work to the components that hold them; a component that holds neither is left
    out of the answer. ``hint``: (release index, table, dims) -> a value known to fit
    (the hub's exact counts), used only to find a first solution of a large component
    (``_local``); it never decides an interval.
    """
    import numpy as np

    model, cells, protected = build_model(releases, sums)
    if not protected:
        return {}, True
    limit = LOCAL_ABOVE if local_above is None else local_above
    roots, rows = _components(model)
    chosen = None
    if targets is not None or wanted is not None:
        chosen = set()
        indices = {i for i, r in enumerate(releases) if release_id(r) in (targets or set())}
        for (index, table, dims), var in cells.items():
            key = (*release_id(releases[index]), table, dims)
            if index in indices or key in (wanted or set()):
                chosen.add(int(roots[var]))
    groups: dict[int, list[tuple]] = {
        root: [] for root in (rows if chosen is None else chosen) if root in rows
    }
    for cell in protected:
        root = int(roots[cells[cell]])
        if chosen is None or root in chosen:
            groups.setdefault(root, []).append(cell)
    found = {}
    for root, group in groups.items():
        columns = np.flatnonzero(roots == root)
        a = _Arrays(model, columns, rows.get(root, []))
        if not group:  # nothing to protect: only that its figures fit together
            if _least_slack(a) is None:
                return {}, False
            continue
        where = np.searchsorted(columns, [cells[c] for c in group])
        known = {}
        for key, value in (hint or {}).items():
            var = cells.get(key)
            if var is not None and roots[var] == root:
                known[int(np.searchsorted(columns, var))] = float(value)
        if a.n > limit and known and len(a.names) > 1:
            result = _local(a, where, known)
        else:
            result = _exact(a, where)
        if result is None:
            return {}, False
        for cell, (low, high) in zip(group, result, strict=True):
            found[(*release_id(releases[cell[0]]), *cell[1:])] = (round(low), round(high))
    return found, True


def findings_for(
    releases: list[dict],
    *,
    only: set | None = None,
    baseline=None,
    sums=(),
    appended: bool = False,
    hint: dict | None = None,
) -> list[dict]:
    """Rule checks and the interval attack. ``only``: the releases (``release_id``) to
    report on; ``baseline``: intervals before a candidate, so already-public narrow cells
    that the candidate does not narrow further are not blamed on it (if it has
    ``prepare``, it is first told every cell it will be asked about). ``appended``: the
    candidates only add releases after the known ones of their series (the hub's city
    versions), so every equation of the known releases is still there and a component of
    the program that holds no candidate is the very one audited before: it is left out.
    ``hint``: see ``intervals``."""
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
    targets = only if appended else None
    found, feasible = intervals(releases, sums, targets=targets, hint=hint)
    if not feasible:
        return [{"release": "*", "version": 0, "table": "*", "cell": [], "problem": "inconsistent"}]
    if only is not None and hasattr(baseline, "prepare"):
        baseline.prepare({
            key for key, (low, high) in found.items()
            if high - low < MIN_RANGE and high != 0 and key[:3] not in only
        })  # fmt: skip
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
