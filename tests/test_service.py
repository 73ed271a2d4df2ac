"""Running for months: systemd units checked by systemd-analyze, the Caddyfile by caddy,
secure cookies behind the proxy (a real serve process), and `check --notify` reaching the
operator over real SMTP.

systemd-analyze and caddy are installed by .ci/run; locally a missing tool skips its
test, in CI it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.serving import PASSWORD, Server
from tests.test_notify import mailto, smtp  # noqa: F401 - the real SMTP server fixture


def need(tool: str) -> str:
    found = shutil.which(tool)
    if not found and not os.environ.get("CI"):
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    assert found, f"{tool} is missing: .ci/run installs it"
    return found


@pytest.fixture
def units(circle, cli, tmp_path):
    with (circle / "config.toml").open("a") as fh:  # remind comes with the notify integration
        fh.write('\n[circles.zorgsaam.integrations.notify]\nversion = 1\ngroup_url = "x"\n')
        fh.write('\n[replica]\nurl = "s3://bucket/pi"\n')  # and replicate with [replica]
    target = tmp_path / "units"
    target.mkdir()
    usb = tmp_path / "usb"
    usb.mkdir()
    result = cli("service", "install", "--target", target, "--backup-dest", usb, "--json")
    assert result.code == 0, result.err
    return target, result.json, circle, usb


def test_units_pass_systemd_analyze_verify(units):
    analyze = need("systemd-analyze")
    target, result, _deployment, _usb = units
    files = sorted(str(p) for p in target.iterdir())
    assert len(files) == 10  # serve, and a service and timer each for remind, backup, purge, check
    proc = subprocess.run([analyze, "verify", *files], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "", proc.stderr  # unknown keys are only warned about
    assert "systemctl enable --now" in result["next"][1]


def test_units_are_hardened_and_run_as_the_deployments_owner(units):
    target, _result, deployment, usb = units
    owner = deployment.stat().st_uid
    import pwd

    user = pwd.getpwuid(owner).pw_name
    for path in target.glob("*.service"):
        text = path.read_text()
        hardening = ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
                     f"User={user}", "CapabilityBoundingSet=", "ProtectHome=read-only")  # fmt: skip
        for line in hardening:
            assert line in text, (path.name, line)
        writable = re.search(r"^ReadWritePaths=(.*)$", text, re.M)[1].split()
        assert str(deployment.resolve()) in writable
        assert f"-{usb.resolve()}" in writable
    serve = (target / "voorzorg-serve.service").read_text()
    assert "--host 127.0.0.1" in serve and "Restart=on-failure" in serve
    assert f"backup {usb.resolve()}" in (target / "voorzorg-backup.service").read_text()
    assert "check --notify" in (target / "voorzorg-check.service").read_text()
    assert "OnCalendar=hourly" in (target / "voorzorg-remind.timer").read_text()
    assert "replicate" in (target / "voorzorg-replicate.service").read_text()


def test_no_remind_timer_without_the_notify_integration(circle, cli, tmp_path):
    result = cli("service", "show", "--backup-dest", tmp_path, "--json")
    assert result.code == 0, result.err
    assert "voorzorg-remind.timer" not in result.json and "voorzorg-check.timer" in result.json


def test_caddyfile_passes_caddy_validate(cli, tmp_path):
    caddy = need("caddy")
    path = tmp_path / "Caddyfile"
    result = cli("service", "caddyfile", "zorg.example.nl", "--output", path)
    assert result.code == 0, result.err
    text = path.read_text()
    directives = [line.split()[0] for line in text.splitlines() if line.strip()
                  and not line.strip().startswith("#")]  # fmt: skip
    assert "reverse_proxy" in directives and "log" not in directives  # tokens stay out of logs
    proc = subprocess.run(
        [caddy, "validate", "--config", str(path), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr
    assert cli("service", "caddyfile", "zorg example").code == 1


def test_session_cookie_is_secure_behind_the_https_proxy(circle, cli, tmp_path):
    """Caddy sends X-Forwarded-Proto from 127.0.0.1; serve then sets a Secure cookie."""
    assert cli("user", "add", "coord", "--coordinator", "zorgsaam", "--password-stdin",
               input=PASSWORD + "\n").code == 0  # fmt: skip
    server = Server(circle / "config.toml", tmp_path / "serve.log")
    try:
        cookies = {}
        for proto in ("https", None):
            client = server.client()
            headers = {"X-Forwarded-Proto": proto} if proto else {}
            page = client.get("/-/login", headers=headers)
            token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)[1]
            response = client.post(
                "/-/login",
                headers=headers,
                data={"name": "coord", "password": PASSWORD, "csrftoken": token, "next": "/"},
            )
            assert response.status_code == 302, response.text
            cookies[proto] = next(
                v for v in response.headers.get_list("set-cookie") if v.startswith("vz_session")
            )
        assert "Secure" in cookies["https"]
        assert "Secure" not in cookies[None]
    finally:
        server.stop()


def test_check_notify_tells_the_operator_by_mail(circle, cli, smtp):  # noqa: F811
    box, port, _server = smtp
    with (circle / "secrets.toml").open("a") as fh:
        fh.write(f'\noperator_notify_url = "{mailto(port, "beheer@example.org")}"\n')
    result = cli("check", "--notify")
    assert result.code == 1, result.err  # warnings: no backup yet, local base_url
    assert "beheerder is op de hoogte" in result.out
    assert len(box.messages) == 1
    message = box.messages[0]
    assert message.startswith("beheer@example.org") and "voorzorg backup" in message


def test_check_notify_without_an_address_says_so(circle, cli):
    result = cli("check", "--notify")
    assert result.code == 1 and "operator_notify_url" in result.err
