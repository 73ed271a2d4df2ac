"""The auditor across centres, decomposed: it must find exactly what one integer program
over everything finds, and still refuse a narrowing that only the sums across centres
reveal (the city minus the other centres)."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.attacker import attack
from voorzorg.categories import CATEGORIES
from voorzorg.federation import city
from voorzorg.stats import audit, builder, ledger, rules
from voorzorg.stats.periods import parse_period

PERIODS = ["2025-H1", "2025-H2", "2026-H1"]


def centre(rng: random.Random, periods: list[str]):
    """(content, hash, pooling parts) per half-year for a generated centre, made by the
    release builder's own table code (without the centre's own audit, so that narrow
    cells occur and both audits have something to find)."""
    circles = {f"c{i}": f"Cirkel {i}" for i in range(rng.randint(3, 4))}
    members, serial = {}, 0
    for cid in circles:
        for _ in range(rng.randint(8, 13)):
            serial += 1
            members[(cid, serial)] = {"key": rng.randrange(rules.KEY_MODULUS),
                                      "born": rng.randint(1930, 1972), "left": False}  # fmt: skip
    out = []
    for index, period in enumerate(periods):
        _id, start, end = parse_period(period)
        data = builder._empty()
        left = set()
        if index:
            for person, m in members.items():
                if not m["left"] and rng.random() < 0.1:
                    m["left"] = True
                    left.add(person)
        for cid in circles:
            data["per_circle"][cid] = {}
        for person, m in members.items():
            if person in left:
                data["left"][person] = data["pool_members"][person] = m["key"]
            elif not m["left"]:
                data["per_circle"][person[0]][person] = m["key"]
                data["ages"][builder._age_band(m["born"], end)][person] = m["key"]
                data["pool_members"][person] = m["key"]
        present = [p for p, m in members.items() if not m["left"]]
        for _ in range(rng.randint(len(present) // 2, 2 * len(present))):
            asker, helper = rng.sample(present, 2)
            category = rng.choice(CATEGORIES[:4])
            event = (asker, members[asker]["key"])
            data["requests"][category].append(event)
            if rng.random() < 0.7:
                data["matched"][category].append(event)
                data["received"][asker] = members[asker]["key"]
                data["gave"][helper] = members[helper]["key"]
        tables = builder._tables(data, circles, rules.DEFAULT_K)
        release = {"period": period, "start": start.isoformat(), "end": end.isoformat(),
                   "k": rules.DEFAULT_K, "circles": len(circles),
                   "pooled": rules.pooled(len(circles), len(data["pool_members"])),
                   "method": rules.METHOD, "noise": rules.NOISE_MAX, "version": 1,
                   "k_reason": None}  # fmt: skip
        withheld = set(builder._rule_withheld(tables, data))
        content = builder._content(release, tables, withheld)
        digest = ledger.content_hash(content)
        out.append((content, digest, builder.pool_parts(release, digest, tables,
                                                        len(circles), data)))  # fmt: skip
    return out


def federation(seed: int, centres: int, periods: int):
    """What a hub's auditor sees: every centre release, a city version per half-year
    pooled as the hub pools, the sums, and the hub's exact counts."""
    rng = random.Random(seed)
    every = []
    for number in range(centres):
        for content, digest, parts in centre(rng, PERIODS[:periods]):
            every.append({"fingerprint": f"FP{number}", "centre": f"B{number}",
                          "revoked": False, "hash": digest, "content": content,
                          "parts": parts})  # fmt: skip
    candidates, sources = [], {}
    for period in PERIODS[:periods]:
        chosen = [r for r in every if r["content"]["period"] == period]
        release, tables, withheld = city._candidate(period, 1, chosen, rules.DEFAULT_K)
        candidates.append(city._content(release, tables, withheld))
        sources[(period, 1)] = sorted((r["fingerprint"], r["hash"]) for r in chosen)
    known, sums = city.attack_set(every, candidates, sources)
    return known, sums, city.exact_counts(known, every)


def whole_program(known, sums):
    """The auditor before its decomposition: one program over every cell."""
    model, cells, protected = audit.build_model(known, sums)
    a = audit._Arrays(model, np.arange(len(model.lower)), list(range(len(model.rows))))
    found = audit._exact(a, [cells[c] for c in protected])
    if found is None:
        return None
    return {
        (*audit.release_id(known[c[0]]), *c[1:]): (round(lo), round(hi))
        for c, (lo, hi) in zip(protected, found, strict=True)
    }


def narrow(found: dict) -> dict:
    return {k: v for k, v in found.items() if v[1] - v[0] < rules.MIN_RANGE and v[1] != 0}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), centres=st.integers(2, 4), periods=st.integers(1, 2))
def test_the_decomposed_audit_finds_exactly_what_one_program_finds(seed, centres, periods):
    known, sums, hint = federation(seed, centres, periods)
    reference = whole_program(known, sums)
    assert reference is not None
    # As the hub runs it (small components as one program, large ones series by series),
    # and with every component forced through the series-by-series path.
    for local_above in (None, 0):
        found, feasible = audit.intervals(known, sums, hint=hint, local_above=local_above)
        assert feasible
        assert set(found) == set(reference)
        assert narrow(found) == narrow(reference), local_above
        for key, (low, high) in found.items():  # wide cells: inner intervals, truly wide
            if key not in narrow(reference):
                assert high - low >= rules.MIN_RANGE or high == 0


def cross_centre():
    """Three centres and the city, one cell (persons aged 90 and over): centre A too few
    to publish (1..9), centre B published 10 (10..13), centre C an exact 0, the city 24
    (21..27). Each alone is wide; the city minus B pins A to 8 or 9 (and with it B to
    12 or 13 and the city to 21 or 22)."""

    def release(series, value, flag):
        return {"series": series, "period": "2026-H1", "k": 10, "method": rules.METHOD,
                "noise": 3, "version": 1, "withheld": [],
                "tables": {"leeftijd": [["90 en ouder", value, flag]]}}  # fmt: skip

    known = [release("A", None, 1), release("B", 10, 0), release("C", 0, 0),
             release(city.SERIES, 24, 0)]  # fmt: skip
    cell = ("leeftijd", ("90 en ouder",))
    sums = [(3, *cell, [(0, *cell), (1, *cell), (2, *cell)])]
    hint = {(0, *cell): 9, (1, *cell): 13, (2, *cell): 0}
    return known, sums, hint


def test_a_narrowing_only_the_sum_across_centres_reveals_is_refused(monkeypatch):
    known, sums, hint = cross_centre()
    cell = ("leeftijd", ("90 en ouder",))
    alone, _ok = audit.intervals(known[:3])
    assert alone[("A", "2026-H1", 1, "leeftijd", ("90 en ouder",))] == (1, 9)
    target = {audit.release_id(known[3])}
    for local_above in (audit.LOCAL_ABOVE, 0):
        monkeypatch.setattr(audit, "LOCAL_ABOVE", local_above)
        findings = audit.findings_for(known, only=target, sums=sums, appended=True, hint=hint,
                                      baseline=dict(alone))  # fmt: skip
        assert sorted((f.get("series"), f["min"], f["max"]) for f in findings) == [
            ("A", 8, 9),
            ("B", 12, 13),
            (city.SERIES, 21, 22),
        ], local_above
    # The independent attacker agrees (its sums name the parts by index).
    (attacked,) = [f for f in attack(known, [(3, *cell, [0, 1, 2])]) if f["series"] == "A"]
    assert (attacked["min"], attacked["max"]) == (8, 9)


def test_exact_counts_follow_the_centre_when_two_centres_publish_the_same_figures():
    def parts(raw):
        return {"tables": {"leeftijd": [["90 en ouder", raw, 0, raw, 1]]}}

    every = [
        {"fingerprint": "A", "hash": "same", "parts": parts(4)},
        {"fingerprint": "B", "hash": "same", "parts": parts(7)},
    ]
    known = [{"series": "A", "_hash": "same"}, {"series": "B", "_hash": "same"}]
    assert city.exact_counts(known, every) == {
        (0, "leeftijd", ("90 en ouder",)): 4,
        (1, "leeftijd", ("90 en ouder",)): 7,
    }
