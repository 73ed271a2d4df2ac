"""`voorzorg serve` as a real process: every role against every route family."""

from __future__ import annotations

import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from itsdangerous import URLSafeSerializer

from tests.serving import PASSWORD, Server, voorzorg
from voorzorg.demo.build import build_demo

ROLES = ("anonymous", "coord_a", "coord_b", "welfare", "operator", "removed", "tampered",
         "expired")  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    directory = tmp_path_factory.mktemp("serve") / "demo"
    build_demo(directory, today=date(2026, 11, 27))
    config = directory / "config.toml"
    for args in (
        ("user", "add", "coord-a", "--coordinator", "zorgsaam"),
        ("user", "add", "coord-b", "--coordinator", "samenspel"),
        ("user", "add", "welfare", "--welfare"),
        ("user", "add", "operator", "--operator"),
        ("user", "add", "gone", "--coordinator", "zorgsaam"),
    ):
        result = voorzorg(config, *args, "--password-stdin", input=PASSWORD + "\n")
        assert result.returncode == 0, result.stderr
    tokens = {}
    for label in ("right", "revoked"):
        made = voorzorg(config, "feed", "token", "add", "-c", "zorgsaam", "--label", label,
                        "--json")  # fmt: skip
        tokens[label] = json.loads(made.stdout)
    voorzorg(config, "feed", "token", "revoke", "-c", "zorgsaam", str(tokens["revoked"]["id"]))
    server = Server(config, directory / "serve.log")
    clients = {
        "anonymous": server.client(),
        "coord_a": server.login("coord-a"),
        "coord_b": server.login("coord-b"),
        "welfare": server.login("welfare"),
        "operator": server.login("operator"),
        "removed": server.login("gone"),
    }
    assert voorzorg(config, "user", "remove", "gone").returncode == 0
    session = clients["coord_a"].cookies["vz_session"]
    tampered = server.client()
    tampered.cookies.set("vz_session", session[:-2] + ("AA" if session[-2:] != "AA" else "BB"))
    clients["tampered"] = tampered
    secret = (directory / "web-secret").read_text().strip()
    expired = server.client()
    account = json.loads(voorzorg(config, "user", "list", "--json").stdout)
    coord_a = next(a for a in account if a["name"] == "coord-a")
    expired.cookies.set(
        "vz_session",
        URLSafeSerializer(secret, "voorzorg-session").dumps(
            {"a": coord_a["id"], "e": int(time.time()) - 60}
        ),
    )
    clients["expired"] = expired
    yield server, clients, tokens, config
    server.stop()


OUT = ("anonymous", "removed", "tampered", "expired")  # all treated as not logged in
LOGIN = 302


def expect(**statuses):
    """A row of the matrix: anyone not named gets ``other``; the logged-out get 302."""
    other = statuses.pop("other")
    row = {role: statuses.get(role, other) for role in ROLES}
    for role in OUT:
        row[role] = statuses.get("out", LOGIN)
    return row


def logout(client):
    """Log out as the button does: a POST with the page's CSRF token."""
    import re

    page = client.get("/-/logout")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)[1]
    return client.post("/-/logout", data={"csrftoken": token})


def feed_path(tokens, which):
    if which == "wrong":
        return "/feeds/zorgsaam/" + "x" * 43 + ".ics"
    return "/feeds/zorgsaam/" + tokens[which]["token"] + ".ics"


MATRIX = {
    "/": expect(other=200),
    "/.json": expect(other=200),
    "/zorgsaam": expect(coord_a=200, other=403),
    "/zorgsaam.json": expect(coord_a=200, other=403),
    "/zorgsaam/deelnemers": expect(coord_a=200, other=403),
    "/zorgsaam/deelnemers.json": expect(coord_a=200, other=403),
    "/zorgsaam/deelnemers.csv": expect(other=403, out=403),
    "/zorgsaam/deelnemers.json?_stream=on": expect(other=403, out=403),
    "/zorgsaam/hulpvragen?_facet=status": expect(coord_a=200, other=403),
    "/zorgsaam/deelnemers?_where=1%3D1": expect(other=403),
    "/zorgsaam/members": expect(other=403),
    "/zorgsaam/members.json": expect(other=403),
    "/zorgsaam/feed_tokens.json": expect(other=403),
    "/zorgsaam/consents": expect(other=403),
    "/zorgsaam/members/1": expect(other=403),
    "/zorgsaam?sql=select+name+from+members": expect(other=403),
    "/zorgsaam.json?sql=select+1": expect(other=403),
    "/zorgsaam/telefoonlijst": expect(coord_a=200, other=403),
    "/zorgsaam/komende_activiteiten.json": expect(coord_a=200, other=403),
    "/zorgsaam/wie_helpt_waarmee": expect(coord_a=200, other=403),
    "/zorgsaam.db": expect(other=403),
    "/samenspel/deelnemers": expect(coord_b=200, other=403),
    "/instance": expect(other=404, out=404),
    "/-/metadata.json": expect(operator=200, other=404, out=404),
    "/-/databases.json": expect(operator=200, other=404, out=404),
    "/-/plugins.json": expect(operator=200, other=404, out=404),
    "/-/settings.json": expect(operator=200, other=404, out=404),
    "/-/versions.json": expect(operator=200, other=404, out=404),
    "/-/threads.json": expect(operator=200, other=404, out=404),
    "/-/config.json": expect(operator=200, other=404, out=404),
    "/-/actor.json": expect(operator=200, other=404, out=404),
    "/-/permissions": expect(other=404, out=404),
    "/-/allow-debug": expect(other=404, out=404),
    "/-/messages": expect(other=404, out=404),
    "/-/patterns": expect(other=404, out=404),
    "/-/auth-token": expect(other=404, out=404),
    "/-/dashboards": expect(coord_a=200, coord_b=200, welfare=200, other=403),
    "/-/dashboards/welzijn?release=2026-H1": expect(
        coord_a=200, coord_b=200, welfare=200, other=403
    ),
    "/-/dashboards/uitkomsten?release=2026-H1": expect(
        coord_a=200, coord_b=200, welfare=200, other=403
    ),
    "/stats": expect(coord_a=200, coord_b=200, welfare=200, other=403),
    "/stats/leeftijd.json": expect(coord_a=200, coord_b=200, welfare=200, other=403),
    "/stats.json?sql=select+count(*)+from+releases": expect(
        coord_a=200, coord_b=200, welfare=200, other=403
    ),
    "/stats/leeftijd.csv": expect(coord_a=200, coord_b=200, welfare=200, other=403),
    "/-/static/app.css": expect(other=200, out=200),
    "/-/login": expect(other=200, out=200),
}


@pytest.mark.parametrize("path", list(MATRIX))
def test_route_matrix(served, path):
    _server, clients, _tokens, _config = served
    actual = {role: clients[role].get(path).status_code for role in ROLES}
    assert actual == MATRIX[path]


@pytest.mark.parametrize(("which", "status"), [("right", 200), ("wrong", 404), ("revoked", 404)])
def test_feeds_per_token_for_every_role(served, which, status):
    _server, clients, tokens, _config = served
    for role in ROLES:
        assert clients[role].get(feed_path(tokens, which)).status_code == status, role


def test_anonymous_visitors_are_sent_to_the_login_page(served):
    _server, clients, _tokens, _config = served
    response = clients["anonymous"].get("/zorgsaam/deelnemers")
    assert response.headers["location"] == "/-/login?next=/zorgsaam/deelnemers"
    page = clients["anonymous"].get("/-/login")
    assert "Inloggen" in page.text and "Wachtwoord" in page.text


def test_wrong_password_is_refused_and_then_throttled(served):
    server, _clients, _tokens, _config = served
    import re

    client = server.client()
    client.headers["X-Forwarded-For"] = "10.77.0.1"  # an address of its own
    statuses = []
    for _attempt in range(7):
        token = re.search(r'name="csrftoken" value="([^"]+)"', client.get("/-/login").text)[1]
        started = time.perf_counter()
        response = client.post(
            "/-/login", data={"name": "welfare", "password": "fout", "csrftoken": token}
        )
        statuses.append(response.status_code)
        assert "vz_session" not in response.cookies
        if response.status_code == 401:
            assert "klopt niet" in response.text
        else:
            assert time.perf_counter() - started < 2.0  # refused at once, not slept
    assert statuses == [401] * 5 + [429] * 2  # later attempts are refused


def test_coordinator_sees_dutch_views_only(served):
    _server, clients, _tokens, _config = served
    page = clients["coord_a"].get("/zorgsaam").text
    for text in ("<h1>ZorgSaam", "deelnemers", "hulpvragen", "Telefoonlijst", "Wie helpt waarmee"):
        assert text in page
    assert "<h1>Deelnemers" in clients["coord_a"].get("/zorgsaam/deelnemers").text
    assert "member_offers" not in page and "feed_tokens" not in page
    rows = clients["coord_a"].get("/zorgsaam/deelnemers.json?_shape=array").json()
    assert rows and set(rows[0]) >= {"naam", "telefoon", "biedt", "verbinder"}
    home = clients["coord_a"].get("/.json").json()
    assert set(home) == {"zorgsaam", "stats"}  # their circle and the statistics


def test_feed_http_semantics(served):
    _server, clients, tokens, _config = served
    client = clients["anonymous"]
    path = feed_path(tokens, "right")
    first = client.get(path)
    assert first.headers["content-type"] == "text/calendar; charset=utf-8"
    assert first.headers["cache-control"].startswith("private")
    assert first.headers["referrer-policy"] == "no-referrer"
    assert int(first.headers["content-length"]) == len(first.content)
    assert first.content.startswith(b"BEGIN:VCALENDAR\r\n")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(path, headers={"If-Modified-Since": older}).status_code == 200


def test_no_token_or_password_in_the_log(served):
    server, clients, tokens, _config = served
    clients["anonymous"].get(feed_path(tokens, "right"))
    clients["anonymous"].get(feed_path(tokens, "revoked"))
    log = server.log()
    assert "/feeds/zorgsaam/" in log
    for token in (tokens["right"]["token"], tokens["revoked"]["token"]):
        assert token not in log
    assert PASSWORD not in log


def test_removed_account_loses_access_at_once(served):
    server, _clients, _tokens, config = served
    client = server.login("coord-a")
    assert client.get("/zorgsaam").status_code == 200
    voorzorg(config, "user", "add", "temp", "--coordinator", "zorgsaam", "--password-stdin",
             input=PASSWORD + "\n")  # fmt: skip
    temp = server.login("temp")
    assert temp.get("/zorgsaam").status_code == 200
    assert voorzorg(config, "user", "remove", "temp").returncode == 0
    assert temp.get("/zorgsaam").status_code == 302


def test_logout_and_a_new_password_end_sessions_on_the_server(served):
    server, _clients, _tokens, config = served
    client = server.login("welfare")
    cookie = client.cookies["vz_session"]
    assert client.get("/").status_code == 200
    assert logout(client).status_code == 302
    replay = server.client()
    replay.cookies.set("vz_session", cookie)
    assert replay.get("/").status_code == 302  # the old cookie no longer works
    again = server.login("welfare")
    assert again.get("/").status_code == 200
    voorzorg(config, "user", "passwd", "welfare", "--password-stdin", input=PASSWORD + "\n")
    assert again.get("/").status_code == 302


def test_a_removed_accounts_cookie_never_opens_a_new_account(served):
    server, _clients, _tokens, config = served
    voorzorg(config, "user", "add", "kort", "--coordinator", "samenspel", "--password-stdin",
             input=PASSWORD + "\n")  # fmt: skip
    client = server.login("kort")
    assert voorzorg(config, "user", "remove", "kort").returncode == 0
    voorzorg(config, "user", "add", "nieuw", "--coordinator", "zorgsaam", "--password-stdin",
             input=PASSWORD + "\n")  # fmt: skip
    assert client.get("/zorgsaam/deelnemers.json").status_code == 302


@pytest.mark.parametrize("target", ["/\t/evil.example", "//evil.example", "/\\evil.example",
                                    "https://evil.example", "/%0d%0aSet-Cookie:x=1"])  # fmt: skip
def test_login_never_redirects_off_site(served, target):
    import re

    server, _clients, _tokens, _config = served
    client = server.client()
    token = re.search(r'name="csrftoken" value="([^"]+)"', client.get("/-/login").text)[1]
    response = client.post(
        "/-/login",
        data={"name": "coord-a", "password": PASSWORD, "csrftoken": token, "next": target},
    )
    assert response.status_code == 302
    assert response.headers["location"] == "/"


def test_login_from_another_site_is_refused(served):
    server, _clients, _tokens, _config = served
    response = server.client().post(
        "/-/login",
        data={"name": "coord-a", "password": PASSWORD},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 403


def test_encoded_database_names_do_not_open_csv(served):
    _server, clients, _tokens, _config = served
    for path in ("/~7Aorgsaam/deelnemers.csv", "/~7Aorgsaam/telefoonlijst.csv"):
        assert clients["coord_a"].get(path).status_code == 403


def test_odd_feed_paths_never_log_the_token(served):
    server, clients, tokens, _config = served
    token = tokens["right"]["token"]
    for path in (f"//feeds/zorgsaam/{token}.ics", f"/Feeds/zorgsaam/{token}.ics",
                 f"/feeds//zorgsaam/{token}.ics"):  # fmt: skip
        clients["anonymous"].get(path)
    assert token not in server.log()


def test_writes_while_serving_are_seen_and_no_request_fails(served):
    server, _clients, _tokens, config = served
    reader = server.login("coord-a")
    statuses: list[int] = []
    done = False

    def read():
        while not done:
            statuses.append(reader.get("/zorgsaam/deelnemers.json?_shape=array").status_code)

    def write(worker: int):
        for number in range(4):
            result = voorzorg(
                config, "member", "add", "-c", "zorgsaam", f"Schrijver {worker}-{number}"
            )
            assert result.returncode == 0, result.stderr

    with ThreadPoolExecutor(max_workers=4) as pool:
        reading = pool.submit(read)
        writers = [pool.submit(write, w) for w in range(3)]
        for future in writers:
            future.result()
        done = True
        reading.result()
    assert statuses and set(statuses) == {200}
    names = {
        r["naam"] for r in reader.get("/zorgsaam/deelnemers.json?_shape=array&_size=max").json()
    }
    assert {f"Schrijver {w}-{n}" for w in range(3) for n in range(4)} <= names


def test_circles_added_or_archived_while_serving_are_picked_up(tmp_path, monkeypatch):
    directory = tmp_path / "deploy"
    config = directory / "config.toml"
    assert voorzorg(config.parent, "init", str(directory)).returncode == 0
    assert voorzorg(config, "circle", "add", "eerste", "--name", "Eerste").returncode == 0
    voorzorg(config, "user", "add", "c", "--coordinator", "eerste", "--password-stdin",
             input=PASSWORD + "\n")  # fmt: skip
    monkeypatch.setenv("VOORZORG_RELOAD_SECONDS", "0.5")
    server = Server(config, tmp_path / "serve.log")
    try:
        operator_view = server.login("c")
        assert operator_view.get("/eerste").status_code == 200
        assert voorzorg(config, "circle", "add", "tweede", "--name", "Tweede").returncode == 0
        connection = sqlite3.connect(directory / "data" / "instance.db")
        with connection:
            connection.execute("UPDATE accounts SET circles = 'eerste,tweede' WHERE name = 'c'")
        connection.close()
        deadline = time.monotonic() + 10
        while operator_view.get("/tweede").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert operator_view.get("/tweede").status_code == 200
        assert voorzorg(config, "circle", "archive", "eerste").returncode == 0
        deadline = time.monotonic() + 10
        while operator_view.get("/eerste").status_code != 404 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert operator_view.get("/eerste").status_code == 404
    finally:
        server.stop()


def test_a_personal_feed_over_http(served):
    server, clients, _tokens, config = served
    made = voorzorg(config, "feed", "token", "add", "-c", "zorgsaam", "--label", "eigen",
                    "--member", "1", "--json")  # fmt: skip
    token = json.loads(made.stdout)["token"]
    response = clients["anonymous"].get(f"/feeds/zorgsaam/{token}.ics")
    assert response.status_code == 200
    assert "mijn afspraken" in response.text
    assert token not in server.log()


def test_an_ended_session_is_not_logged_in_on_the_dashboards_either(served):
    server, _clients, _tokens, config = served
    voorzorg(config, "user", "add", "beheer", "--operator", "--password-stdin",
             input=PASSWORD + "\n")  # fmt: skip
    client = server.login("beheer")
    cookie = client.cookies["vz_session"]
    assert client.get("/-/dashboards").status_code == 403  # logged in, the wrong role
    assert logout(client).status_code == 302
    replay = server.client()
    replay.cookies.set("vz_session", cookie)
    response = replay.get("/-/dashboards")
    assert response.status_code == 302  # the one session check: logged out is logged out
    assert response.headers["location"] == "/-/login?next=/-/dashboards"
