"""Run the voorzorg benchmarks and report each figure as a ratio against its anchors.

Usage: python bench/run.py [--runs N] [--warmup N] [--only NAME] [--json]

Run it with the project's venv interpreter: the `voorzorg` and `sqlite-utils`
console scripts are looked up beside sys.executable. The harness reports and
does not gate: it exits 0 even when a goal is missed, and 1 only when a
benchmark errors.
"""

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks import BENCHMARKS, Benchmark, Scenario
from timing import BenchError, check, measure, median

DEFAULT_RUNS = 30
DEFAULT_WARMUP = 2


@dataclass(frozen=True)
class Comparison:
    """The candidate against one anchor."""

    anchor: str
    anchor_median_s: float
    ratio: float
    goal: float | None
    passed: bool


@dataclass(frozen=True)
class Result:
    """Everything measured for one benchmark."""

    name: str
    candidate: str
    candidate_median_s: float
    comparisons: list[Comparison]
    times_s: dict[str, list[float]]
    units: dict[str, str]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed runs per command")
    parser.add_argument("--warmup", type=int, default=DEFAULT_WARMUP, help="untimed rounds first")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="run only this benchmark (repeatable)"
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    return args


def normalise(name: str) -> str:
    """'member list', 'member-list' and 'Member_List' all select the same benchmark."""
    return name.lower().replace("-", " ").replace("_", " ").strip()


def select(only: list[str] | None) -> list[Benchmark]:
    """The benchmarks named by --only, in registry order; all of them without it."""
    if not only:
        return list(BENCHMARKS)
    wanted = {normalise(name) for name in only}
    known = {normalise(bench.name) for bench in BENCHMARKS}
    unknown = sorted(wanted - known)
    if unknown:
        names = ", ".join(repr(bench.name) for bench in BENCHMARKS)
        raise SystemExit(f"unknown benchmark(s) {', '.join(unknown)}; known: {names}")
    return [bench for bench in BENCHMARKS if normalise(bench.name) in wanted]


def compare(scenario: Scenario, times: dict[str, list[float]]) -> list[Comparison]:
    """Ratio of the candidate's median to each anchor's median."""
    candidate = median(times[scenario.candidate.label])
    comparisons = []
    for anchor in scenario.anchors:
        anchor_median = median(times[anchor.command.label])
        ratio = candidate / anchor_median
        comparisons.append(
            Comparison(
                anchor=anchor.command.label,
                anchor_median_s=anchor_median,
                ratio=ratio,
                goal=anchor.goal,
                passed=anchor.goal is None or ratio <= anchor.goal,
            )
        )
    return comparisons


def run_benchmark(bench: Benchmark, runs: int, warmup: int) -> Result:
    """Prepare fixtures in a temp dir, check every command once, then time them."""
    with tempfile.TemporaryDirectory(prefix="voorzorg-bench-") as tmp:
        scenario = bench.prepare(Path(tmp))
        for command in scenario.commands():
            check(command)
        if bench.max_runs:
            runs, warmup = min(runs, bench.max_runs), min(warmup, 1)
        times = measure(scenario.commands(), runs=runs, warmup=warmup)
        units = {command.label: command.unit for command in scenario.commands()}
    return Result(
        name=bench.name,
        candidate=scenario.candidate.label,
        candidate_median_s=median(times[scenario.candidate.label]),
        comparisons=compare(scenario, times),
        times_s=times,
        units=units,
    )


def format_result(result: Result, width: int) -> str:
    """Two lines: the ratios with goals, then the medians they come from."""
    figures = "  ".join(
        f"{c.ratio:.2f}× {c.anchor} (floor, no goal)"
        if c.goal is None
        else f"{c.ratio:.2f}× {c.anchor} (goal ≤ {c.goal:.2f}×) {'PASS' if c.passed else 'MISS'}"
        for c in result.comparisons
    )
    medians = " · ".join(
        f"{label} {_shown(median(ts), result.units.get(label, 's'))}"
        for label, ts in result.times_s.items()
    )
    return f"{result.name:<{width}}  {figures}\n{'':<{width}}  medians: {medians}"


def _shown(value: float, unit: str) -> str:
    if unit == "s":
        # In-process calls such as a feed-cache hit take microseconds.
        return f"{value * 1000:.1f} ms" if value >= 0.001 else f"{value * 1e6:.1f} µs"
    return f"{value:.1f} {unit}"


def report_json(results: list[Result], errors: dict[str, str], args: argparse.Namespace) -> str:
    document: dict[str, Any] = {
        "python": sys.executable,
        "runs": args.runs,
        "warmup": args.warmup,
        "benchmarks": [asdict(result) for result in results],
        "errors": errors,
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    selected = select(args.only)
    width = max(len(bench.name) for bench in selected)
    results: list[Result] = []
    errors: dict[str, str] = {}
    for bench in selected:
        runs = min(args.runs, bench.max_runs or args.runs)
        print(f"running {bench.name} ({runs} runs)…", file=sys.stderr)
        try:
            result = run_benchmark(bench, args.runs, args.warmup)
        except BenchError as error:
            errors[bench.name] = str(error)
            print(f"{bench.name:<{width}}  ERROR: {error}", file=sys.stderr)
            continue
        results.append(result)
        if not args.json:
            print(format_result(result, width), flush=True)
    if args.json:
        print(report_json(results, errors, args))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
