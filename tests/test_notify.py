"""The bundled notify integration end to end: a real SMTP server and an HTTP endpoint."""

from __future__ import annotations

import json
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import local_today


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            envelope.rcpt_tos[0] + "\n" + envelope.content.decode("utf-8", "replace")
        )
        return "250 OK"


class Server:
    """An aiosmtpd server that can be taken down and brought back on the same port."""

    def __init__(self, box: Mailbox, port: int) -> None:
        self.box, self.port, self.controller = box, port, None

    def start(self) -> None:
        self.controller = Controller(self.box, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp():
    box = Mailbox()
    port = free_port()
    server = Server(box, port)
    server.start()
    yield box, port, server
    server.stop()


@pytest.fixture
def webhook():
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("content-length", 0))
            received.append(json.loads(self.rfile.read(length) or b"{}"))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield received, server.server_address[1]
    server.shutdown()


def mailto(port: int, to: str) -> str:
    return f"mailto://127.0.0.1:{port}?smtp=127.0.0.1&from=voorzorg@example.org&to={to}&secure=no"


def text_of(messages):
    import quopri

    return [quopri.decodestring(m.encode()).decode("utf-8", "replace") for m in messages]


def test_accepted_request_and_cancelled_activity_reach_people(circle, cli, smtp, webhook):
    box, port, _controller = smtp
    received, hook_port = webhook
    assert cli("integration", "add", "notify", "--set",
               f"group_url=json://127.0.0.1:{hook_port}/groep").code == 0  # fmt: skip
    cli("member", "add", "Marie", "--address", "Vioolstraat 3", "--consent", "matching")
    cli("member", "add", "Jan", "--offers", "vervoer", "--consent", "matching")
    assert cli("notify", "member", "Marie", mailto(port, "marie@example.org")).code == 0
    assert cli("notify", "member", "Jan", mailto(port, "jan@example.org")).code == 0
    when = (local_today() + timedelta(days=10)).strftime("%d-%m-%Y") + " 09:30"
    cli("request", "add", "--for", "Marie", "--category", "vervoer", "--when", when,
        "--note", "na de operatie")  # fmt: skip
    cli("request", "ask", "1", "Jan")
    result = cli("request", "answer", "1", "Jan", "ja")
    assert result.code == 0 and result.err == ""
    mails = text_of(box.messages)
    to_jan = next(m for m in mails if m.startswith("jan@"))
    to_marie = next(m for m in mails if m.startswith("marie@"))
    assert "Je hebt toegezegd: vervoer voor M. op" in to_jan and "09:30" in to_jan
    assert "J. helpt je: vervoer op" in to_marie
    assert all("operatie" not in m for m in mails)  # no health details, ever

    start = (local_today() + timedelta(days=3)).strftime("%d-%m-%Y") + " 10:00"
    cli("activity", "add", "Koffieochtend", "--start", start, "--duration", "2h", "--weekly")
    day = (local_today() + timedelta(days=10)).strftime("%d-%m-%Y")
    assert cli("activity", "cancel", "Koffieochtend", "--on", day).code == 0
    assert any("Afgelast: Koffieochtend" in r.get("message", "") for r in received), received


def test_remind_is_idempotent_and_retries_when_a_channel_is_down(circle, cli, smtp):
    box, port, controller = smtp
    cli("integration", "add", "notify", "--set", f"group_url={mailto(port, 'groep@example.org')}")
    tomorrow = local_today() + timedelta(days=1)
    cli("activity", "add", "Koffieochtend", "--start",
        tomorrow.strftime("%d-%m-%Y") + " 10:00", "--duration", "2h",
        "--location", "De BinnenHaven")  # fmt: skip
    dry = cli("remind", "--dry-run")
    assert dry.code == 0 and "Morgen: Koffieochtend 10:00 (De BinnenHaven)" in dry.out
    assert box.messages == []
    controller.stop()  # the channel is down
    down = cli("remind")
    assert down.code == 1 and "opnieuw geprobeerd" in down.err
    controller.start()
    first = cli("remind", "--json")
    assert first.json["sent"] == 1
    again = cli("remind", "--json")
    assert again.json["sent"] == 0 and again.json["skipped"] == 1
    assert len(box.messages) == 1


def test_notify_never_imported_by_commands_that_send_nothing(circle, cli):
    import subprocess
    import sys

    cli("integration", "add", "notify", "--set", "group_url=json://127.0.0.1:9/x", "--no-test")
    import os

    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "voorzorg", "member", "list"],
        capture_output=True, text=True,
        env={**os.environ, "VOORZORG_CONFIG": str(circle / "config.toml")},
    )  # fmt: skip
    assert result.returncode == 0
    assert "apprise" not in result.stderr and "voorzorg_integration" not in result.stderr
    assert "voorzorg.plugins" not in result.stderr and "voorzorg.api" not in result.stderr


def test_a_member_who_is_away_gets_no_reminders_or_messages(circle, cli, smtp):
    box, port, _controller = smtp
    cli("integration", "add", "notify", "--set", f"group_url={mailto(port, 'groep@example.org')}")
    cli("member", "add", "Marie", "--consent", "matching")
    cli("member", "add", "Jan", "--offers", "vervoer", "--consent", "matching")
    assert cli("notify", "member", "Marie", mailto(port, "marie@example.org")).code == 0
    assert cli("notify", "member", "Jan", mailto(port, "jan@example.org")).code == 0
    tomorrow = local_today() + timedelta(days=1)
    cli("request", "add", "--for", "Marie", "--category", "vervoer", "--when",
        tomorrow.strftime("%d-%m-%Y"))  # fmt: skip
    cli("request", "ask", "1", "Jan")
    assert cli("member", "away", "Jan", "--until", (tomorrow + timedelta(days=7)).isoformat(),
               ).code == 0  # fmt: skip
    assert cli("request", "answer", "1", "Jan", "ja").code == 0
    mails = text_of(box.messages)
    assert [m for m in mails if m.startswith("marie@")]  # Marie hears who helps
    assert not [m for m in mails if m.startswith("jan@")]  # Jan is away: nothing
    dry = cli("remind", "--dry-run", "--json")
    assert dry.code == 0, dry.err
    texts = [m["text"] for m in dry.json["messages"]]
    assert len(texts) == 1 and "helpt J. je" in texts[0]  # only Marie's reminder
    assert cli("member", "back", "Jan").code == 0
    assert len(cli("remind", "--dry-run", "--json").json["messages"]) == 2
