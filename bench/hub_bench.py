"""City-wide figures: `hub collect` for many centres, and the hub's serve against Datasette.

Builds CENTRES signed centres with PERIODS half-year releases each, made as a real
centre makes them: the release builder's own table and protection code on generated
members and requests (so the cells, cell keys and pooling parts are real), and each
centre's own auditor before every release (tables it can narrow are withheld, a
half-year it refuses is not published), in two worker processes. One cumulative bundle
per half-year per centre goes into a real S3 server on loopback (moto's server mode).
Then, in the same run:

- ``hub collect`` (a process, as the timer starts it: list, fetch, verify every
  signature and chain, store, pool, audit across centres and versions, write stats.db)
  against copying the same bundles out of the bucket with boto3 alone (list + get, no
  checks);
- start-up time (to the first answered request) and resident memory of ``voorzorg
  serve`` on the hub against plain ``datasette serve`` of the same stats.db.

    .venv/bin/python bench/hub_bench.py [--centres 500] [--periods 8] [--runs 3]

The audit across centres is what makes collect slower than a copy; how it stays exact
at this size is in docs/federation.md ("How the audit scales").
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VOORZORG = [sys.executable, "-m", "voorzorg"]
BUCKET = "stad"
# Half-years a generated centre's own auditor refused (it publishes nothing for them).
REFUSED: list[str] = []
PERIODS = ["2023-H1", "2023-H2", "2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1",
           "2026-H2", "2027-H1", "2027-H2"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, seconds: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def centre_releases(rng: random.Random, periods: list[str]):
    """(content, pool parts) per period for one generated centre."""
    from voorzorg.categories import CATEGORIES
    from voorzorg.errors import VoorzorgError
    from voorzorg.stats import builder, ledger, rules
    from voorzorg.stats.periods import parse_period

    circles = {f"c{i}": f"Cirkel {i}" for i in range(rng.randint(3, 6))}
    members = {}
    serial = 0

    def join(cid):
        nonlocal serial
        serial += 1
        members[(cid, serial)] = {"key": rng.randrange(rules.KEY_MODULUS),
                                  "born": rng.randint(1930, 1972), "left": False}  # fmt: skip
        return (cid, serial)

    for cid in circles:
        for _ in range(rng.randint(8, 15)):
            join(cid)
    out, known = [], []
    for index, period in enumerate(periods):
        _id, _start, end = parse_period(period)
        data = builder._empty()
        new, left = set(), set()
        if index:
            for person, m in members.items():
                if not m["left"] and rng.random() < 0.05:
                    m["left"] = True
                    left.add(person)
            for cid in circles:
                for _ in range(rng.randint(0, 2)):
                    new.add(join(cid))
        for cid in circles:
            data["per_circle"][cid] = {}
        for person, m in members.items():
            if person in left:
                data["left"][person] = m["key"]
                data["pool_members"][person] = m["key"]
                continue
            if m["left"]:
                continue
            data["per_circle"][person[0]][person] = m["key"]
            data["ages"][builder._age_band(m["born"], end)][person] = m["key"]
            data["pool_members"][person] = m["key"]
            if person in new:
                data["new"][person] = m["key"]
        present = [p for p, m in members.items() if not m["left"]]
        for _ in range(rng.randint(len(present), 3 * len(present))):
            asker, helper = rng.sample(present, 2)
            category = rng.choice(CATEGORIES)
            event = (asker, members[asker]["key"])
            data["requests"][category].append(event)
            if rng.random() < 0.8:
                data["matched"][category].append(event)
                data["days"][category].append(rng.randint(0, 6))
                data["received"][asker] = members[asker]["key"]
                data["gave"][helper] = members[helper]["key"]
        tables = builder._tables(data, circles, rules.DEFAULT_K)
        size = len(data["pool_members"])
        release = {"period": period, "start": _start.isoformat(), "end": end.isoformat(),
                   "k": rules.DEFAULT_K, "circles": len(circles),
                   "pooled": rules.pooled(len(circles), size), "method": rules.METHOD,
                   "noise": rules.NOISE_MAX, "version": 1, "k_reason": None}  # fmt: skip
        withheld = set(builder._rule_withheld(tables, data))
        if not release["pooled"]:
            withheld |= set(builder.SENSITIVE)
        try:
            # The centre's own auditor, as `stats release` runs it: tables tied to a cell
            # it can narrow are withheld; a half-year it refuses is not published.
            content = builder._protected(release, tables, withheld, known, True)
        except VoorzorgError:
            REFUSED.append(period)
            continue
        known.append(content)
        digest = ledger.content_hash(content)
        parts = builder.pool_parts(release, digest, tables, len(circles), data)
        out.append((content, digest, parts))
    return out


WORKERS = 2


def _one_centre(job: tuple[int, int]):
    seed, periods = job
    REFUSED.clear()
    releases = centre_releases(random.Random(seed), PERIODS[:periods])
    return releases, list(REFUSED)


def build(work: Path, centres: int, periods: int, endpoint: str):
    """The hub (trusting every centre) and the bucket filled with every centre's bundles."""
    import boto3
    import pyrage

    from voorzorg.deploy import config as config_mod
    from voorzorg.federation import bundle, hubdb, keys
    from voorzorg.federation.hub import IDENTITY_SECRET, init_hub

    hub_dir = work / "hub"
    init_hub(hub_dir, "Gemeente Benchstad")
    config = config_mod.load(hub_dir / "config.toml")
    secret = config_mod.load_secrets(config.secrets_path)[IDENTITY_SECRET]
    recipient = str(pyrage.x25519.Identity.from_str(secret).to_public())

    def set_secrets(document):
        document["federation_access_key_id"] = "test"
        document["federation_secret_access_key"] = "test"

    config_mod.edit_secrets(config.secrets_path, set_secrets)

    def set_store(document):
        import tomlkit

        table = tomlkit.table()
        table.update({"endpoint": endpoint, "bucket": BUCKET, "prefix": "stad"})
        document["federation"] = table

    config = config_mod.edit(config.path, set_store)
    client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test",
                          aws_secret_access_key="test", region_name="us-east-1")  # fmt: skip
    client.create_bucket(Bucket=BUCKET)
    conn = hubdb.connect(config.data_dir)
    rng = random.Random(18)
    count = size = 0
    # Each centre's releases (with its own audit) in two worker processes.
    from multiprocessing import get_context

    seeds = [(rng.randrange(2**63), periods) for _ in range(centres)]
    workers = get_context("fork").Pool(WORKERS)
    made = workers.imap(_one_centre, seeds, chunksize=4)
    for number in range(centres):
        private = keys._private(rng.randbytes(32))
        fingerprint = keys.fingerprint(keys.public_bytes(private))
        hubdb.trust(conn, fingerprint, f"Buurthuis {number:03d}")
        entries, parts, previous = [], [], None
        releases, refused = next(made)
        REFUSED.extend(refused)
        for sequence, (content, digest, part) in enumerate(releases, start=1):
            entries.append({"action": "published", "at": "", "reason": None, "hash": digest,
                            "content": content})  # fmt: skip
            parts.append(part)
            pool = bundle.encrypt_pool(parts, recipient)
            payload = {"fingerprint": fingerprint, "centre": "", "sequence": sequence,
                       "previous": previous, "created": "2027-12-31T00:00:00+00:00",
                       "entries": entries, "pool": pool}  # fmt: skip
            blob = bundle.make(private, payload)
            previous = bundle.payload_hash(bundle.canonical(payload))
            client.put_object(Bucket=BUCKET, Body=blob,
                              Key=bundle.object_name("stad", fingerprint, sequence))  # fmt: skip
            count += 1
            size += len(blob)
        if number % 50 == 49:
            print(f"  {number + 1} centres", file=sys.stderr)
    workers.close()
    workers.join()
    conn.close()
    return config, client, count, size


def copy_with_boto3(client, target: Path) -> float:
    start = time.perf_counter()
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix="stad/centres/"):
        for item in page.get("Contents", []):
            path = target / item["Key"].replace("/", "_")
            path.write_bytes(client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read())
    return time.perf_counter() - start


def fresh_hub_state(config, pristine: Path) -> None:
    """Put the hub back as it was before its first collect (trusted keys only)."""
    data = config.data_dir
    for name in ("hub.db", "hub.db-wal", "hub.db-shm", "stats.db", "stats.db-wal",
                 "stats.db-shm", "stats-ledger.jsonl"):  # fmt: skip
        (data / name).unlink(missing_ok=True)
    shutil.copy(pristine, data / "hub.db")


def serve_figures(command: list[str], url: str, env: dict) -> tuple[float, float]:
    import httpx

    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_http(url)
        up = time.perf_counter() - start
        httpx.get(url, timeout=10)
        return up, rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--centres", type=int, default=500)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    moto = str(Path(sys.executable).parent / "moto_server")
    datasette = str(Path(sys.executable).parent / "datasette")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        port = free_port()
        server = subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        endpoint = f"http://127.0.0.1:{port}"
        try:
            wait_http(endpoint)
            print(f"building {args.centres} centres x {args.periods} releases ...",
                  file=sys.stderr)  # fmt: skip
            config, client, count, size = build(work, args.centres, args.periods, endpoint)
            pristine = work / "hub-pristine.db"
            shutil.copy(config.data_dir / "hub.db", pristine)
            env = {**os.environ, "VOORZORG_CONFIG": str(config.path)}
            times = defaultdict(list)
            for run in range(args.runs):
                print(f"run {run + 1}/{args.runs}", file=sys.stderr)
                target = work / "copy"
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir()
                times["boto3"].append(copy_with_boto3(client, target))
                fresh_hub_state(config, pristine)
                start = time.perf_counter()
                done = subprocess.run([*VOORZORG, "hub", "collect", "--json"], env=env,
                                      capture_output=True, text=True)  # fmt: skip
                times["collect"].append(time.perf_counter() - start)
                if done.returncode != 0:
                    print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
                    return 1
                import json

                outcome = json.loads(done.stdout)["city"]
            stats_db = config.data_dir / "stats.db"
            for _run in range(args.runs):
                p = free_port()
                up, rss = serve_figures([*VOORZORG, "serve", "--port", str(p)],
                                        f"http://127.0.0.1:{p}/-/login", env)  # fmt: skip
                times["serve"].append(up)
                times["serve_rss"].append(rss)
                p = free_port()
                up, rss = serve_figures([datasette, "serve", str(stats_db), "-p", str(p)],
                                        f"http://127.0.0.1:{p}/", env)  # fmt: skip
                times["datasette"].append(up)
                times["datasette_rss"].append(rss)
        finally:
            server.terminate()
            server.wait(timeout=10)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"{args.centres} centres x {args.periods} half-years: {count} bundles, "
              f"{size / 1e6:.1f} MB in the bucket; city stats.db "
              f"{stats_db.stat().st_size / 1e6:.1f} MB")  # fmt: skip
        print(
            f"centres' own auditors refused {len(REFUSED)} half-years; city versions "
            f"published {len(outcome['published'])}, refused {len(outcome['refused'])}"
        )
        print(f"hub collect          {med['collect'] / med['boto3']:6.1f}x copying with boto3  "
              f"({med['collect']:.1f} s vs {med['boto3']:.1f} s)")  # fmt: skip
        print(f"hub serve start-up   {med['serve'] / med['datasette']:6.1f}x datasette serve  "
              f"({med['serve'] * 1000:.0f} ms vs {med['datasette'] * 1000:.0f} ms)")  # fmt: skip
        ratio = med["serve_rss"] / med["datasette_rss"]
        print(f"hub serve memory     {ratio:6.1f}x datasette serve  "
              f"({med['serve_rss']:.0f} MB vs {med['datasette_rss']:.0f} MB RSS)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
