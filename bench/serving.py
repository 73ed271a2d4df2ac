"""Benchmarks of `voorzorg serve` with 100 demo-sized circles, against plain Datasette."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from timing import BenchError, Command, console_script

CIRCLES = 100
PASSWORD = "bench-wachtwoord-1"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hundred_circles(workdir: Path, demo: Path) -> Path:
    """A deployment of 100 circles, copies of the demo's five (demo-sized, real data)."""
    deploy = workdir / "hundred"
    (deploy / "data").mkdir(parents=True)
    sources = sorted((demo / "data").glob("*.db"))
    sources = [s for s in sources if s.stem not in ("instance", "stats")]
    lines = ['language = "nl"', 'data_dir = "data"', ""]
    for number in range(CIRCLES):
        cid = f"cirkel-{number:03d}"
        shutil.copy(sources[number % len(sources)], deploy / "data" / f"{cid}.db")
        lines += [f"[circles.{cid}]", f'name = "Cirkel {number}"', ""]
    (deploy / "config.toml").write_text("\n".join(lines))
    secrets = deploy / "secrets.toml"
    secrets.write_text("")
    secrets.chmod(0o600)
    env = {**os.environ, "VOORZORG_CONFIG": str(deploy / "config.toml")}
    subprocess.run(
        [console_script("voorzorg"), "user", "add", "coord", "--coordinator", "cirkel-000",
         "--password-stdin"],
        input=PASSWORD + "\n", text=True, env=env, check=True, capture_output=True,
    )  # fmt: skip
    made = subprocess.run(
        [console_script("voorzorg"), "feed", "token", "add", "-c", "cirkel-000", "--label",
         "bench", "--json"],
        text=True, env=env, check=True, capture_output=True,
    )  # fmt: skip
    (deploy / "token").write_text(json.loads(made.stdout)["token"])
    return deploy


class Running:
    """A server process, started and waited for until it answers."""

    def __init__(self, argv: list[str], env: dict, ready_path: str) -> None:
        self.port = _port()
        self.base = f"http://127.0.0.1:{self.port}"
        argv = [a.replace("{port}", str(self.port)) for a in argv]
        started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        import httpx

        while True:
            try:
                if httpx.get(self.base + ready_path, timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.perf_counter() - started > 60:
                raise BenchError(f"server did not start: {' '.join(argv[:3])} …")
            time.sleep(0.02)
        self.startup = time.perf_counter() - started

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]) / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def voorzorg_server(deploy: Path) -> Running:
    env = {**os.environ, "VOORZORG_CONFIG": str(deploy / "config.toml")}
    return Running([console_script("voorzorg"), "serve", "--port", "{port}"], env, "/-/login")


def datasette_server(deploy: Path) -> Running:
    files = sorted(str(p) for p in (deploy / "data").glob("cirkel-*.db"))
    argv = [console_script("datasette"), "serve", *files, "--port", "{port}"]
    return Running(argv, dict(os.environ), "/-/versions.json")


def _login(server: Running):
    import httpx

    client = httpx.Client(base_url=server.base, timeout=10)
    page = client.get("/-/login")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)[1]
    client.post("/-/login", data={"name": "coord", "password": PASSWORD, "csrftoken": token})
    return client


def startup_commands(deploy: Path) -> tuple[Command, Command]:
    def ours():
        server = voorzorg_server(deploy)
        server.stop()
        return server.startup * 1000

    def plain():
        server = datasette_server(deploy)
        server.stop()
        return server.startup * 1000

    return (
        Command(label="voorzorg serve, first response", call=ours, unit="ms"),
        Command(label="datasette serve, first response", call=plain, unit="ms"),
    )


def memory_commands(deploy: Path) -> tuple[Command, Command]:
    def measure(server: Running, paths: list[str], client) -> float:
        for path in paths:
            client.get(path)
        rss = server.rss_mb()
        server.stop()
        return rss

    def ours():
        server = voorzorg_server(deploy)
        client = _login(server)
        return measure(server, ["/cirkel-000/deelnemers.json", "/cirkel-000"], client)

    def plain():
        import httpx

        server = datasette_server(deploy)
        client = httpx.Client(base_url=server.base, timeout=10)
        return measure(server, ["/cirkel-000/deelnemers.json", "/cirkel-000"], client)

    return (
        Command(label="voorzorg serve RSS", call=ours, unit="MB"),
        Command(label="datasette serve RSS", call=plain, unit="MB"),
    )


REQUESTS = 50


def throughput_commands(deploy: Path) -> tuple[Command, Command]:
    """Time for 50 table-JSON requests: a coordinator on voorzorg, anyone on plain datasette."""
    import atexit

    import httpx

    ours = voorzorg_server(deploy)
    plain = datasette_server(deploy)
    atexit.register(ours.stop)
    atexit.register(plain.stop)
    coordinator = _login(ours)
    anyone = httpx.Client(base_url=plain.base, timeout=10)
    path = "/cirkel-000/deelnemers.json?_shape=array"

    def run(client):
        def call():
            for _ in range(REQUESTS):
                response = client.get(path)
                if response.status_code != 200:
                    raise BenchError(f"{path} answered {response.status_code}")

        return call

    return (
        Command(label=f"voorzorg, {REQUESTS} coordinator requests", call=run(coordinator)),
        Command(label=f"datasette, {REQUESTS} requests", call=run(anyone)),
    )


def feed_commands(deploy: Path) -> tuple[Command, Command]:
    """50 warm feed requests against 50 requests for a static file, same server."""
    import atexit

    import httpx

    server = voorzorg_server(deploy)
    atexit.register(server.stop)
    client = httpx.Client(base_url=server.base, timeout=10)
    token = (deploy / "token").read_text().strip()
    feed = f"/feeds/cirkel-000/{token}.ics"
    if client.get(feed).status_code != 200:
        raise BenchError("the feed did not answer 200")

    def run(path):
        def call():
            for _ in range(REQUESTS):
                client.get(path)

        return call

    return (
        Command(label=f"{REQUESTS} warm feed requests", call=run(feed)),
        Command(label=f"{REQUESTS} static-file requests", call=run("/-/static/app.css")),
    )
