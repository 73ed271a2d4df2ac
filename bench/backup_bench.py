"""Backup and restore of 100 circles, as ratios against `cp` of the same files.

The deployment is the statistics benchmark's (100 circles × 30 members with two years
of history, written straight into real circle databases). Every command runs as a
process, as the volunteer or a systemd timer would start it; each figure is the median
of ``--runs`` wall times divided by the median of the anchor measured in the same run.

    .venv/bin/python bench/backup_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from stats_bench import deployment

VOORZORG = [sys.executable, "-m", "voorzorg"]


def timed(argv: list[str], env: dict, stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, input=stdin, text=True, check=True, capture_output=True)
    return time.perf_counter() - start


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("building 100 circles ...", file=sys.stderr)
        directory = deployment(work, 2).path.parent
        config = directory / "config.toml"
        env = {**os.environ, "VOORZORG_CONFIG": str(config)}
        subprocess.run([*VOORZORG, "backup", "setup"], env=env, check=True, capture_output=True)
        code = next(
            line.split('"')[1]
            for line in (directory / "secrets.toml").read_text().splitlines()
            if line.startswith("backup_passphrase")
        )
        size = sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())
        files = [str(p) for p in directory.iterdir() if not p.name.startswith(".")]
        keys = ("cp", "backup", "backup_encrypted", "cp_back", "restore", "restore_encrypted",
                "startup")  # fmt: skip
        times: dict[str, list[float]] = {k: [] for k in keys}
        for run in range(args.runs):
            print(f"run {run + 1}/{args.runs}", file=sys.stderr)
            times["startup"].append(timed([*VOORZORG, "--version"], env))
            copy = fresh(work / "cp")
            times["cp"].append(timed(["cp", "-a", *files, str(copy)], env))
            plain_dest = fresh(work / "plain")
            times["backup"].append(
                timed([*VOORZORG, "backup", str(plain_dest), "--no-encrypt"], env)
            )
            enc_dest = fresh(work / "enc")
            times["backup_encrypted"].append(timed([*VOORZORG, "backup", str(enc_dest)], env))
            back = work / "cp-back"
            shutil.rmtree(back, ignore_errors=True)
            times["cp_back"].append(timed(["cp", "-a", str(copy), str(back)], env))
            archive = next(plain_dest.glob("voorzorg-backup-*"))
            target = work / "restored"
            shutil.rmtree(target, ignore_errors=True)
            times["restore"].append(
                timed([*VOORZORG, "restore", str(archive), "--to", str(target), "--yes"], env)
            )
            archive = next(enc_dest.glob("voorzorg-backup-*"))
            shutil.rmtree(target, ignore_errors=True)
            times["restore_encrypted"].append(timed(
                [*VOORZORG, "restore", str(archive), "--to", str(target), "--yes", "--code-stdin"],
                env, stdin=code + "\n"))  # fmt: skip
        med = {k: statistics.median(v) for k, v in times.items()}
        archive_size = next(plain_dest.glob("voorzorg-backup-*")).stat().st_size
        print(
            f"100 circles, {size / 1e6:.1f} MB of files; plain archive {archive_size / 1e6:.1f} MB;"
            f" voorzorg start-up alone {med['startup'] * 1000:.0f} ms"
        )
        for label, key, anchor in (
            ("backup (plain)", "backup", "cp"),
            ("backup (encrypted)", "backup_encrypted", "cp"),
            ("restore --to (plain)", "restore", "cp_back"),
            ("restore --to (encrypted)", "restore_encrypted", "cp_back"),
        ):
            print(f"{label:26} {med[key] / med[anchor]:6.1f}× cp   "
                  f"({med[key] * 1000:.0f} ms vs {med[anchor] * 1000:.0f} ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
