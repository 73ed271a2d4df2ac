"""`voorzorg serve` under abuse: four hostile welfare sessions against everyone else.

Four welfare accounts loop on SQL against ``stats`` that is as expensive as they can
make it (an endless recursive CTE, sorting megabyte blobs, a blob of a gigabyte,
growing strings). Meanwhile a coordinator opens their members page and a calendar
app fetches a feed. The figures compare the same requests on the same server with
the hostile sessions running and paused, and the server's memory under the load
with an idle server's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

from serving import PASSWORD, Running, voorzorg_server
from timing import BenchError, Command, console_script

HOSTILE = 4
HOSTILE_SQL = (
    "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r",
    "with recursive r(i) as (select 1 union all select i + 1 from r where i < 5000) "
    "select i, randomblob(900000) as b from r order by b limit 1",
    "select length(randomblob(999999999))",
    "with recursive r(i, s) as (select 1, '' union all select i + 1, s || hex(randomblob(999)) "
    "from r) select max(length(s)) from r",
)


def abuse_deployment(deploy: Path, demo: Path) -> Path:
    """The hundred circles plus the demo's statistics and four welfare accounts."""
    shutil.copy(demo / "data" / "stats.db", deploy / "data" / "stats.db")
    env = {**os.environ, "VOORZORG_CONFIG": str(deploy / "config.toml")}
    for number in range(HOSTILE):
        subprocess.run(
            [console_script("voorzorg"), "user", "add", f"welzijn-{number}", "--welfare",
             "--password-stdin"],
            input=PASSWORD + "\n", text=True, env=env, check=True, capture_output=True,
        )  # fmt: skip
    return deploy


def _login(server: Running, name: str):
    import httpx

    client = httpx.Client(base_url=server.base, timeout=60)
    page = client.get("/-/login")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)[1]
    response = client.post(
        "/-/login", data={"name": name, "password": PASSWORD, "csrftoken": token}
    )
    if response.status_code != 302:
        raise BenchError(f"{name} could not log in ({response.status_code})")
    return client


class Hostile:
    """Four sessions that send hostile SQL while ``on`` is set; ``pause`` waits until
    none of their requests is still being answered."""

    def __init__(self, server: Running) -> None:
        self.on = threading.Event()
        self.stopping = False
        self.busy = [False] * HOSTILE
        self.answers: dict[int, int] = {}
        self.threads = []
        for number in range(HOSTILE):
            client = _login(server, f"welzijn-{number}")
            thread = threading.Thread(target=self._loop, args=(number, client), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _loop(self, number: int, client) -> None:
        turn = number
        while not self.stopping:
            if not self.on.wait(0.05):
                continue
            self.busy[number] = True
            try:
                sql = HOSTILE_SQL[turn % len(HOSTILE_SQL)]
                status = client.get("/stats.json", params={"sql": sql}).status_code
                self.answers[status] = self.answers.get(status, 0) + 1
            except Exception:  # a refused or cut-off request: try again
                self.answers[0] = self.answers.get(0, 0) + 1
            finally:
                self.busy[number] = False
            turn += 1

    def start(self) -> None:
        if not self.on.is_set():
            self.on.set()
            time.sleep(0.5)  # their queries are running when the timing starts

    def pause(self) -> None:
        if self.on.is_set():
            self.on.clear()
            while any(self.busy):
                time.sleep(0.02)
            time.sleep(0.5)  # settled, as long as start() lets the load settle

    def stop(self) -> None:
        self.stopping = True
        self.on.clear()


def response_commands(deploy: Path, which: str) -> tuple[Command, Command]:
    """The coordinator's members page (or a feed) under abuse, and on the idle server."""
    import atexit

    import httpx

    server = voorzorg_server(deploy)
    atexit.register(server.stop)
    hostile = Hostile(server)
    atexit.register(hostile.stop)
    if which == "members":
        client = _login(server, "coord")
        path = "/cirkel-000/deelnemers"
    else:
        client = httpx.Client(base_url=server.base, timeout=60)
        path = "/feeds/cirkel-000/" + (deploy / "token").read_text().strip() + ".ics"
    requests = 5

    def timed() -> float:
        started = time.perf_counter()
        for _ in range(requests):
            response = client.get(path)
            if response.status_code != 200:
                raise BenchError(f"{path} answered {response.status_code}")
        return (time.perf_counter() - started) * 1000 / requests

    def abused() -> float:
        hostile.start()
        return timed()

    def idle() -> float:
        hostile.pause()
        return timed()

    label = "members page" if which == "members" else "feed"
    return (
        Command(label=f"{label}, 4 hostile sessions", call=abused, unit="ms"),
        Command(label=f"{label}, idle server", call=idle, unit="ms"),
    )


def memory_commands(deploy: Path) -> tuple[Command, Command]:
    """Peak RSS over 6 s of hostile load against an idle server's RSS (fresh servers,
    the same warm-up requests)."""

    def warm(server: Running):
        client = _login(server, "coord")
        for path in ("/cirkel-000/deelnemers", "/stats/leeftijd", "/cirkel-000"):
            client.get(path)

    def abused() -> float:
        server = voorzorg_server(deploy)
        try:
            warm(server)
            hostile = Hostile(server)
            hostile.start()
            peak = 0.0
            ends = time.monotonic() + 6
            while time.monotonic() < ends:
                peak = max(peak, server.rss_mb())
                time.sleep(0.05)
            hostile.stop()
            return peak
        finally:
            server.stop()

    def idle() -> float:
        server = voorzorg_server(deploy)
        try:
            warm(server)
            _login(server, "welzijn-0").get("/stats.json", params={"sql": "select 1"})
            time.sleep(0.5)
            return server.rss_mb()
        finally:
            server.stop()

    return (
        Command(label="serve RSS, 4 hostile sessions", call=abused, unit="MB"),
        Command(label="serve RSS, idle", call=idle, unit="MB"),
    )
