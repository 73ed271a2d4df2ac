"""Shared timing helpers for the benchmark harness.

Commands run as subprocesses, exactly as a user would start them. Candidate and
anchors are interleaved round-robin (with the starting command rotated every
round) so that machine noise such as CPU frequency changes, cache state and
background load falls on all of them alike. Each figure is then the ratio of the
median wall times measured in the same run.
"""

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class BenchError(RuntimeError):
    """A benchmark could not be set up, or one of its commands failed."""


@dataclass(frozen=True)
class Command:
    """One thing to time: a label for reports, and either a subprocess (argv and extra
    environment) or an in-process callable (`call`), for work measured inside Python."""

    label: str
    argv: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    call: Callable[[], object] | None = None
    # "s": the sample is the wall time; anything else ("MB"): `call` returns the sample.
    unit: str = "s"

    def environ(self) -> dict[str, str]:
        """The full environment: this process's environment plus `env`."""
        return {**os.environ, **self.env}


def python() -> str:
    """The interpreter running the harness; anchors use it too."""
    return sys.executable


def console_script(name: str) -> str:
    """Path of the console script `name` installed beside the running interpreter."""
    bin_dir = Path(sys.executable).parent
    found = shutil.which(name, path=str(bin_dir))
    if found is None:
        raise BenchError(
            f"console script {name!r} not found in {bin_dir}; "
            "run the harness with the project's venv interpreter"
        )
    return found


def run_checked(argv: Sequence[str], env: Mapping[str, str] | None = None) -> None:
    """Run `argv` once, untimed; raise BenchError with its output if it fails."""
    result = subprocess.run(list(argv), env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr.strip() or result.stdout.strip())[-1000:]
        raise BenchError(f"`{shlex.join(argv)}` exited {result.returncode}:\n{output}")


def check(command: Command) -> None:
    """Make sure `command` succeeds before it is timed."""
    if command.call is not None:
        command.call()
        return
    run_checked(command.argv, command.environ())


def time_command(command: Command, env: Mapping[str, str]) -> float:
    if command.call is None:
        return time_once(command.argv, env)
    start = time.perf_counter()
    value = command.call()
    elapsed = time.perf_counter() - start
    return float(value) if command.unit != "s" else elapsed


def time_once(argv: Sequence[str], env: Mapping[str, str]) -> float:
    """Wall time in seconds of one run of `argv`, with its output discarded."""
    start = time.perf_counter()
    returncode = subprocess.call(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    elapsed = time.perf_counter() - start
    if returncode != 0:
        raise BenchError(f"`{shlex.join(argv)}` exited {returncode} while being timed")
    return elapsed


def rotations(commands: Sequence[Command], rounds: int) -> Iterator[list[Command]]:
    """Round-robin orders: every round starts one command further along."""
    items = list(commands)
    for round_no in range(rounds):
        shift = round_no % len(items)
        yield items[shift:] + items[:shift]


def measure(commands: Sequence[Command], runs: int, warmup: int) -> dict[str, list[float]]:
    """Time every command `runs` times, interleaved, after `warmup` untimed rounds."""
    labels = [command.label for command in commands]
    if len(set(labels)) != len(labels):
        raise BenchError(f"command labels must be unique: {labels}")
    envs = {command.label: command.environ() for command in commands}
    for order in rotations(commands, warmup):
        for command in order:
            time_command(command, envs[command.label])
    times: dict[str, list[float]] = {label: [] for label in labels}
    for order in rotations(commands, runs):
        for command in order:
            times[command.label].append(time_command(command, envs[command.label]))
    return times


def median(samples: Sequence[float]) -> float:
    """Median of the samples, in the same unit."""
    return statistics.median(samples)
