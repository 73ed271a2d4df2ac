"""A real `voorzorg serve` process on a free loopback port, for tests that need one."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

PASSWORD = "een-lang-wachtwoord"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def voorzorg(config: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "VOORZORG_CONFIG": str(config)}
    return subprocess.run(
        [sys.executable, "-m", "voorzorg", *args],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        check=False,
    )


class Server:
    def __init__(self, config: Path, log: Path) -> None:
        self.config = config
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self._log = open(log, "w")  # noqa: SIM115 - closed in stop()
        env = {**os.environ, "VOORZORG_CONFIG": str(config)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "voorzorg", "serve", "--port", str(self.port)],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/-/login", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("voorzorg serve did not start:\n" + log.read_text())

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, follow_redirects=False, timeout=20)

    def login(self, name: str, password: str = PASSWORD) -> httpx.Client:
        client = self.client()
        page = client.get("/-/login")
        token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)[1]
        response = client.post(
            "/-/login",
            data={"name": name, "password": password, "csrftoken": token, "next": "/"},
        )
        assert response.status_code == 302, response.text
        return client

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()
