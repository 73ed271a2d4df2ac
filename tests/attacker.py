"""An outside attacker on the welfare side: it reads only what was published (stats.db and,
when it has it, the release ledger with every version ever published) and the public
rules in docs/statistiek-bescherming.md, and solves integer programs (scipy's ``milp``)
for the smallest and largest true value of every protected cell.

It shares no code with voorzorg.stats: the formulation below is written from the note,
so a mistake in the auditor's model does not repeat here unseen.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np

BANDS = ["onder 50", "50-59", "60-69", "70-79", "80-89", "90 en ouder", "onbekend"]
PERSONS = {"leden_per_cirkel", "leeftijd", "instroom_uitstroom", "wederkerig",
           "welbevinden_verdeling", "eenzaamheid", "welbevinden_verandering"}  # fmt: skip
EVENTS = {"hulpvragen_per_soort", "doorverwijzingen"}
DERIVED = {"hulp_met_helper"}
HUGE = 10**6


def read_published(stats_db: Path, ledger: Path | None = None) -> list[dict]:
    """Every release version the attacker can know, oldest first."""
    conn = sqlite3.connect(f"file:{stats_db}?mode=ro", uri=True)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in conn.execute("PRAGMA table_info(releases)")}
    found = {}
    cursor = conn.execute("SELECT * FROM releases")
    header = [d[0] for d in cursor.description]
    for row in cursor.fetchall():
        info = dict(zip(header, row, strict=True))
        rid = info["release_id"]
        tables = {}
        for table in (PERSONS | EVENTS | DERIVED) & names:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT * FROM {table} WHERE release_id = ?", [rid]).fetchall()
            if rows:
                tables[table] = [list(r[1:]) for r in rows]
            assert cols[-1] == "niet_publiceerbaar"
        hidden = []
        if "afgeschermd" in names:
            hidden = [r[0] for r in conn.execute(
                "SELECT tabel FROM afgeschermd WHERE release_id = ?", [rid])]  # fmt: skip
        release = {
            "period": rid,
            "k": info["k"],
            "method": info["methode"] if "methode" in columns else "onderdrukking",
            "noise": info.get("ruis", 0) or 0,
            "version": info.get("versie", 1) or 1,
            "tables": tables,
            "withheld": hidden,
        }  # fmt: skip
        found[_fingerprint(release)] = release
    conn.close()
    if ledger is not None and ledger.exists():
        for line in ledger.read_text().splitlines():
            content = json.loads(line)["content"]
            keys = ("period", "k", "method", "noise", "version", "tables", "withheld")
            release = {key: content[key] for key in keys}
            release["tables"] = {t: c for t, c in release["tables"].items()
                                 if t in PERSONS | EVENTS | DERIVED and c}  # fmt: skip
            found.setdefault(_fingerprint(release), release)
    return sorted(found.values(), key=lambda r: (r["period"], r["version"]))


def _fingerprint(release: dict) -> str:
    def norm(v):
        return int(v) if isinstance(v, float) and v.is_integer() else v

    cells = {t: sorted([[norm(v) for v in c] for c in cells], key=str)
             for t, cells in release["tables"].items()}  # fmt: skip
    return json.dumps(
        [release["period"], release["k"], cells, sorted(release["withheld"])], sort_keys=True
    )


class Program:
    def __init__(self):
        self.lo, self.hi, self.rows, self.soft = [], [], [], []

    def new(self, lo=0.0, hi=HUGE):
        self.lo.append(lo)
        self.hi.append(hi)
        return len(self.lo) - 1

    def add(self, coefs: dict, lo: float, hi: float):
        self.rows.append((coefs, lo, hi))

    def roughly(self, coefs: dict):
        """An equation that an attacker assumes holds, up to as little slack as fits."""
        up, down = self.new(), self.new()
        self.soft += [up, down]
        self.add({**coefs, up: 1, down: -1}, 0, 0)

    def solve(self, objective: dict, sense: int, point: bool = False):
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import lil_matrix

        n = len(self.lo)
        c = np.zeros(n)
        for var, w in objective.items():
            c[var] = sense * w
        if getattr(self, "_built", (None,))[0] != (len(self.rows), n):
            a = lil_matrix((len(self.rows), n))
            for i, (coefs, _lo, _hi) in enumerate(self.rows):
                for var, w in coefs.items():
                    a[i, var] += w
            self._built = ((len(self.rows), n), a.tocsr())
        a = self._built[1]
        constraints = [LinearConstraint(a, [r[1] for r in self.rows], [r[2] for r in self.rows])]
        res = milp(c, integrality=np.ones(n), bounds=Bounds(self.lo, self.hi),
                   constraints=constraints if self.rows else [])  # fmt: skip
        if res.status != 0:
            return (None, None) if point else None
        return (sense * res.fun, np.round(res.x)) if point else sense * res.fun


def _cell_range(release, table, value, flag):
    """(lo, hi, assumed_hi, protected)."""
    k, legacy = release["k"], release["method"] == "onderdrukking"
    cells = release["tables"][table]
    withheld = table in release["withheld"] or (legacy and all(c[-1] for c in cells))
    if withheld:
        return 0, HUGE, None, True
    if not flag:
        p = round(value)
        if p == 0:
            return 0, 0, None, False
        if legacy and table == "leden_per_cirkel":
            return max(k, p - 2), p + 2, None, True
        if legacy:
            return p, p, None, False
        d = release["noise"]
        return max(k, p - d), p + d, None, True
    if table in PERSONS:
        return 1, HUGE, k - 1, True
    return (1 if table in EVENTS else 0), HUGE, None, True


def _after(period: str) -> str:
    y, h = period.split("-H")
    return f"{y}-H2" if h == "1" else f"{int(y) + 1}-H1"


def attack(releases: list[dict], sums=()) -> list[dict]:
    """For every protected cell: {release, version, table, cell, min, max}.

    Releases may carry a ``series`` (a centre of a federation, or the city): the links
    between half-years hold within a series only. ``sums``: (n, table, dims, [m, ...]):
    the cell of release n is the sum of the same cell of releases m (a city cell and
    the centres it pools)."""
    prog = Program()
    var, targets = {}, []
    for n, rel in enumerate(releases):
        for table, cells in rel["tables"].items():
            for cell in cells:
                lo, hi, assumed, protected = _cell_range(rel, table, cell[-2], cell[-1])
                x = prog.new(lo, hi)
                var[(n, table, tuple(cell[:-2]))] = x
                if assumed is not None:
                    extra = prog.new()
                    prog.soft.append(extra)
                    prog.add({x: 1, extra: -1}, -HUGE, assumed)
                if protected:
                    targets.append((n, table, tuple(cell[:-2])))
        _inside(prog, var, n)
    for n in range(1, len(releases)):
        a, b = releases[n - 1], releases[n]
        if a.get("series") != b.get("series"):
            continue
        if a["period"] == b["period"]:  # a superseded version: same figure, same persons
            shown = [{(t, tuple(c[:-2])): c[-2:] for t, cs in r["tables"].items() for c in cs}
                     for r in (a, b)]  # fmt: skip
            for (m, table, dims), x in list(var.items()):
                same = shown[0].get((table, dims)) == shown[1].get((table, dims))
                if m == n and (n - 1, table, dims) in var and same:
                    prog.roughly({x: 1, var[(n - 1, table, dims)]: -1})
        elif b["period"] == _after(a["period"]):
            _between(prog, var, n - 1, n, ageing=b["period"].endswith("H2"))
    for n, table, dims, parts in sums:
        if (n, table, dims) not in var:
            continue
        found = [var.get((m, table, dims)) for m in parts]
        if prog.hi[var[(n, table, dims)]] == 0:  # a city zero: each centre's part is zero
            for x in found:
                if x is not None:
                    prog.hi[x] = 0
        coefs = {var[(n, table, dims)]: 1.0}
        for x in found:
            if x is not None:
                coefs[x] = coefs.get(x, 0) - 1
        prog.add(coefs, 0, 0 if None not in found else HUGE)
    least = prog.solve(dict.fromkeys(prog.soft, 1.0), 1) if prog.soft else 0
    assert least is not None, "the published figures admit no explanation at all"
    if prog.soft:
        prog.add(dict.fromkeys(prog.soft, 1.0), -HUGE, round(least) + 1e-6)
    # Integer solutions pushing all targets at once (and in random mixes): a target whose
    # values across them already lie 3 apart is wide enough; only the rest are solved
    # one by one. Their min and max are then inner bounds, already 3 wide.
    columns = [var[t] for t in targets]
    seen_lo = np.full(len(columns), np.inf)
    seen_hi = np.full(len(columns), -np.inf)
    rng = np.random.default_rng(1)
    for round_ in range(8 if columns else 0):
        signs = np.ones(len(columns)) if round_ == 0 else rng.choice([-1.0, 1.0], len(columns))
        for sense in (1, -1):
            _value, x = prog.solve(dict(zip(columns, signs, strict=True)), sense, point=True)
            seen_lo = np.minimum(seen_lo, x[columns])
            seen_hi = np.maximum(seen_hi, x[columns])
    found = []
    for index, (n, table, dims) in enumerate(targets):
        x = var[(n, table, dims)]
        if prog.lo[x] == prog.hi[x]:
            low = high = prog.lo[x]
        elif seen_hi[index] - seen_lo[index] >= 3:
            low, high = seen_lo[index], seen_hi[index]
        else:
            low, high = prog.solve({x: 1.0}, 1), prog.solve({x: 1.0}, -1)
        found.append({"series": releases[n].get("series"),
                      "release": releases[n]["period"], "version": releases[n]["version"],
                      "table": table, "cell": list(dims), "min": round(low),
                      "max": round(high)})  # fmt: skip
    return found


def _of(var, n, table):
    return {dims: x for (m, t, dims), x in var.items() if m == n and t == table}


def _inside(prog, var, n):
    circles = list(_of(var, n, "leden_per_cirkel").values())
    ages = _of(var, n, "leeftijd")
    bands = [ages[(b,)] for b in BANDS if (b,) in ages]
    if ("totaal",) in ages and bands:
        prog.add({**{b: 1 for b in bands}, ages[("totaal",)]: -1}, 0, 0)
    if circles and bands:
        coefs = {b: 1.0 for b in bands}
        for c in circles:
            coefs[c] = coefs.get(c, 0) - 1
        prog.add(coefs, 0, 0)
    requests = _of(var, n, "hulpvragen_per_soort")
    kinds = [x for d, x in requests.items() if d != ("totaal",)]
    if ("totaal",) in requests and kinds:
        prog.add({**{x: 1 for x in kinds}, requests[("totaal",)]: -1}, 0, 0)
    for dims, x in _of(var, n, "hulp_met_helper").items():
        if dims in requests:
            prog.add({x: 1, requests[dims]: -1}, -HUGE, 0)
    for x in _of(var, n, "doorverwijzingen").values():
        if ("totaal",) in requests:
            prog.add({x: 1, requests[("totaal",)]: -1}, -HUGE, 0)
    flow = _of(var, n, "instroom_uitstroom")
    if circles and ("vertrokken",) in flow:
        pool = {c: -1 for c in circles}
        pool[flow[("vertrokken",)]] = -1
        for x in [*_of(var, n, "wederkerig").values(), flow.get(("nieuw",))]:
            if x is not None:
                prog.add({**pool, x: 1}, -HUGE, 0)
    _wellbeing(prog, var, n, circles, flow.get(("vertrokken",)))


def _wellbeing(prog, var, n, circles, gone):
    """The outcome tables, as the note describes them: per dimension the four bands make
    the number of people with a check-in; the loneliness categories (with "niet te
    bepalen") make the same number; per topic the changes make the number with an earlier
    check-in, who are among them; all of them are members at the end or leavers."""
    spread, lonely = _of(var, n, "welbevinden_verdeling"), _of(var, n, "eenzaamheid")
    change = _of(var, n, "welbevinden_verandering")
    people = spread.get(("totaal", "totaal"))
    again = change.get(("totaal", "totaal"))
    for table, whole in ((spread, people), (change, again)):
        if whole is None:
            continue
        for topic in {dims[0] for dims in table if dims != ("totaal", "totaal")}:
            parts = [x for dims, x in table.items() if dims[0] == topic]
            prog.add({**dict.fromkeys(parts, 1), whole: -1}, 0, 0)
    if ("totaal",) in lonely:
        parts = [x for dims, x in lonely.items() if dims != ("totaal",)]
        prog.add({**dict.fromkeys(parts, 1), lonely[("totaal",)]: -1}, 0, 0)
        if people is not None:
            prog.add({people: 1, lonely[("totaal",)]: -1}, 0, 0)
    if people is not None and again is not None:
        prog.add({again: 1, people: -1}, -HUGE, 0)
    if people is not None and circles and gone is not None:
        coefs = {c: -1 for c in circles}
        coefs[gone] = -1
        prog.add({**coefs, people: 1}, -HUGE, 0)


def _between(prog, var, a, b, *, ageing):
    flow = _of(var, b, "instroom_uitstroom")
    if ("nieuw",) not in flow or ("vertrokken",) not in flow:
        return
    new, gone = flow[("nieuw",)], flow[("vertrokken",)]
    before, after = _of(var, a, "leden_per_cirkel"), _of(var, b, "leden_per_cirkel")
    joins, leaves = {}, {}
    for dims, x in after.items():
        joins[dims], leaves[dims] = prog.new(), prog.new()
        coefs = {x: 1, joins[dims]: -1, leaves[dims]: 1}
        if dims in before:
            coefs[before[dims]] = -1
        prog.roughly(coefs)
    if after:
        prog.add({**dict.fromkeys(joins.values(), 1), new: -1}, 0, 0)
        prog.add({**dict.fromkeys(leaves.values(), 1), gone: -1}, 0, 0)
    old_ages, new_ages = _of(var, a, "leeftijd"), _of(var, b, "leeftijd")
    if not all((band,) in old_ages and (band,) in new_ages for band in BANDS):
        return
    came = [prog.new() for _ in BANDS]
    went = [prog.new() for _ in BANDS]
    up = [prog.new(0, HUGE if ageing and i < 5 else 0) for i in range(len(BANDS))]
    for i, band in enumerate(BANDS):
        coefs = {new_ages[(band,)]: 1, old_ages[(band,)]: -1, came[i]: -1, went[i]: 1, up[i]: 1}
        if 1 <= i <= 5:
            coefs[up[i - 1]] = -1
        prog.roughly(coefs)
    prog.add({**dict.fromkeys(came, 1), new: -1}, 0, 0)
    removed = dict.fromkeys(went, 1.0)
    removed[gone] = -1
    for dims, x in before.items():
        if dims not in after:  # an archived circle: its members leave every band
            removed[x] = removed.get(x, 0) - 1
    prog.add(removed, 0, 0)


def narrow_cells(stats_db: Path, ledger: Path | None = None, width: int = 3) -> list[dict]:
    """Protected cells the attacker pins to fewer than ``width`` + 1 values; a cell pinned to
    exactly 0 is not counted: zeros may be published (SDC-1 rule 2)."""
    found = attack(read_published(stats_db, ledger))
    return [f for f in found if f["max"] - f["min"] < width and f["max"] > 0]


def read_federation(hub_data: Path) -> tuple[list[dict], list[tuple]]:
    """Everything a hub ever published or received: every centre's release versions (each
    centre a series), every city version from the hub's ledger, and which centre
    releases each city version pooled (the sums). Read from the files, not through
    voorzorg's code."""
    conn = sqlite3.connect(f"file:{hub_data / 'hub.db'}?mode=ro", uri=True)
    keep = PERSONS | EVENTS | DERIVED
    releases, where = [], {}
    for fingerprint, digest, content in conn.execute(
        "SELECT fingerprint, hash, content FROM releases ORDER BY fingerprint, position"
    ):
        c = json.loads(content)
        releases.append({"series": fingerprint, "period": c["period"], "k": c["k"],
                         "method": c.get("method") or "onderdrukking",
                         "noise": c.get("noise") or 0, "version": c.get("version") or 1,
                         "withheld": c.get("withheld") or [], "_hash": digest,
                         "tables": _kept(c["tables"], keep)})  # fmt: skip
    sources = {(p, v): json.loads(s) for p, v, s in conn.execute(
        "SELECT period, version, sources FROM city")}  # fmt: skip
    conn.close()
    ledger = hub_data / "stats-ledger.jsonl"
    for line in ledger.read_text().splitlines() if ledger.exists() else []:
        c = json.loads(line)["content"]
        releases.append({"series": "~city", "period": c["period"], "k": c["k"],
                         "method": c["method"], "noise": c["noise"], "version": c["version"],
                         "withheld": c["withheld"],
                         "tables": _kept(c["tables"], keep)})  # fmt: skip
    releases.sort(key=lambda r: (r["series"], r["period"], r["version"]))
    for n, r in enumerate(releases):
        where[(r["series"], r.get("_hash"))] = n
    sums = []
    for n, r in enumerate(releases):
        if r["series"] != "~city":
            continue
        parts = [where[(fp, h)] for fp, h in sources.get((r["period"], r["version"]), [])]
        for table, cells in r["tables"].items():
            for cell in cells:
                sums.append((n, table, tuple(cell[:-2]), parts))
    return releases, sums


def narrow_in_federation(hub_data: Path, width: int = 3) -> list[dict]:
    found = attack(*read_federation(hub_data))
    return [f for f in found if f["max"] - f["min"] < width and f["max"] > 0]


def _kept(tables: dict, keep: set) -> dict:
    return {t: v for t, v in tables.items() if t in keep and v}
