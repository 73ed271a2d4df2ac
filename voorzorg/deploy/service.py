"""Running for months on a Raspberry Pi: systemd units and a Caddyfile for HTTPS.

``units()`` returns the unit files as text: ``voorzorg-serve.service`` (the web view,
restarted when it fails), and a service plus timer for ``remind`` (hourly), ``backup``
(nightly, to the configured folder, usually a USB stick), ``purge`` (nightly, before
the backup: the retention policy of ``[privacy]``) and ``check`` (every morning,
telling the operator through the notify integration when something is wrong), and for
city-wide figures ``stats publish`` (nightly, a centre with a bucket) or ``hub collect``
(hourly, a hub). Each
service runs as the deployment's own user with systemd's hardening: no new privileges,
the whole file system read-only except the deployment (and the backup folder), private
/tmp and devices, no kernel tunables, a umask that keeps new files private.

``caddyfile()`` is the HTTPS front: Caddy gets a certificate by itself, forwards to
serve on 127.0.0.1 and sets ``X-Forwarded-Proto``; uvicorn trusts that header from
127.0.0.1 only (its default ``forwarded_allow_ips``), so serve sees https and marks the
session cookie ``Secure``. Caddy keeps no access log here: feed URLs hold tokens.
"""

from __future__ import annotations

import sys
from pathlib import Path

from voorzorg.deploy.config import Config
from voorzorg.errors import VoorzorgError, os_error_text

UNIT_PREFIX = "voorzorg"
DEFAULT_PORT = 8001

HARDENING = """\
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=read-only
ReadWritePaths={writable}
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictSUIDSGID=yes
RestrictRealtime=yes
RestrictNamespaces=yes
LockPersonality=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
CapabilityBoundingSet=
SystemCallArchitectures=native
UMask=0027
"""

TIMERS = {
    # name: (what it runs, when, description key text)
    "remind": ("remind", "hourly", "voorzorg remind: herinneringen voor morgen"),
    "backup": ("backup", "*-*-* 03:15:00", "voorzorg backup: nachtelijke reservekopie"),
    "check": ("check --notify", "*-*-* 07:30:00", "voorzorg check: dagelijkse controle"),
    "purge": ("purge", "*-*-* 02:45:00", "voorzorg purge: bewaartermijnen toepassen"),
}

# City-wide figures (voorzorg/federation): a centre with a bucket sends its signed
# releases every night (idempotent: nothing new, nothing sent); a hub collects hourly.
FEDERATION_TIMERS = {
    "publish": ("stats publish", "*-*-* 04:10:00", "voorzorg stats publish: cijfers naar de stad"),
    "collect": ("hub collect", "hourly", "voorzorg hub collect: cijfers van de buurthuizen"),
}


def _owner(directory: Path) -> tuple[str, str]:
    import grp
    import pwd

    info = directory.stat()
    try:
        user = pwd.getpwuid(info.st_uid).pw_name
    except KeyError:
        user = str(info.st_uid)
    try:
        group = grp.getgrgid(info.st_gid).gr_name
    except KeyError:
        group = str(info.st_gid)
    return user, group


def voorzorg_executable() -> str:
    """The voorzorg script beside the running interpreter (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / "voorzorg"
    if beside.exists():
        return str(beside)
    import shutil

    return shutil.which("voorzorg") or str(beside)


def _quote(path: Path | str) -> str:
    text = str(path)
    if any(ch in text for ch in " \"'\\"):
        raise VoorzorgError("service.bad_path", path=text)
    return text


def units(
    config: Config,
    *,
    user: str | None = None,
    group: str | None = None,
    executable: str | None = None,
    port: int = DEFAULT_PORT,
    backup_dest: str | None = None,
) -> dict[str, str]:
    """The unit files (name -> text) for this deployment."""
    deploy_dir = config.path.parent.resolve()
    data_dir = config.data_dir
    owner_user, owner_group = _owner(deploy_dir)
    user = user or owner_user
    group = group or (owner_group if user == owner_user else user)
    executable = _quote(executable or voorzorg_executable())
    writable = [str(deploy_dir)]
    if not data_dir.is_relative_to(deploy_dir):
        writable.append(str(data_dir))
    dest = backup_dest or config.data.get("backup", {}).get("dest")
    if not dest:
        raise VoorzorgError("service.no_backup_dest", hint="backup.dest_hint")
    dest_path = (deploy_dir / dest).resolve()
    writable.append(f"-{dest_path}")  # "-": a missing USB stick does not stop the unit
    common = (
        f"User={user}\nGroup={group}\nWorkingDirectory={_quote(deploy_dir)}\n"
        f"Environment=VOORZORG_CONFIG={_quote(config.path.resolve())}\n"
        + HARDENING.format(writable=" ".join(_quote(w) for w in writable))
    )
    result = {
        f"{UNIT_PREFIX}-serve.service": (
            "[Unit]\n"
            "Description=voorzorg serve: webweergave en agenda-feeds\n"
            "After=network-online.target\nWants=network-online.target\n\n"
            "[Service]\nType=simple\n"
            f"ExecStart={executable} serve --host 127.0.0.1 --port {int(port)}\n"
            "Restart=on-failure\nRestartSec=5\nMemoryMax=400M\n"
            f"{common}\n"
            "[Install]\nWantedBy=multi-user.target\n"
        )
    }
    if config.data.get("replica"):
        result[f"{UNIT_PREFIX}-replicate.service"] = (
            "[Unit]\n"
            "Description=voorzorg replicate: doorlopende replicatie met Litestream\n"
            "After=network-online.target\nWants=network-online.target\n\n"
            "[Service]\nType=simple\n"
            f"ExecStart={executable} replicate\n"
            "Restart=always\nRestartSec=10\nMemoryMax=200M\n"
            f"{common}\n"
            "[Install]\nWantedBy=multi-user.target\n"
        )
    timers = dict(TIMERS)
    if isinstance(config.data.get("hub"), dict):
        timers["collect"] = FEDERATION_TIMERS["collect"]
    elif (config.data.get("federation") or {}).get("endpoint"):
        timers["publish"] = FEDERATION_TIMERS["publish"]
    for name, (args, when, description) in timers.items():
        if name == "remind" and not _uses_notify(config):
            continue  # `voorzorg remind` exists only with the notify integration
        command = f"backup {_quote(dest_path)}" if name == "backup" else args
        result[f"{UNIT_PREFIX}-{name}.service"] = (
            f"[Unit]\nDescription={description}\n"
            "After=network-online.target\nWants=network-online.target\n\n"
            "[Service]\nType=oneshot\n"
            f"ExecStart={executable} {command}\n"
            # check: 1 means warnings only; the unit still succeeds (errors are 2)
            + ("SuccessExitStatus=1\n" if name == "check" else "")
            + f"{common}"
        )
        result[f"{UNIT_PREFIX}-{name}.timer"] = (
            f"[Unit]\nDescription={description} (timer)\n\n"
            f"[Timer]\nOnCalendar={when}\nPersistent=true\nRandomizedDelaySec=300\n\n"
            "[Install]\nWantedBy=timers.target\n"
        )
    return result


def _uses_notify(config: Config) -> bool:
    circles = config.data.get("circles", {})
    return any("notify" in (entry.get("integrations") or {}) for entry in circles.values())


def install(files: dict[str, str], target: Path) -> list[str]:
    """Write the unit files into ``target`` (atomically, 0644); returns their paths."""
    from voorzorg.deploy.config import atomic_write

    target = Path(target)
    if not target.is_dir():
        raise VoorzorgError("service.no_target", path=str(target))
    written = []
    for name, text in files.items():
        path = target / name
        atomic_write(path, text.encode("utf-8"), mode=0o644)
        written.append(str(path))
    return written


def enable_commands(files: dict[str, str]) -> list[str]:
    names = [n for n in files if n.endswith((".timer", "serve.service", "replicate.service"))]
    return ["sudo systemctl daemon-reload", "sudo systemctl enable --now " + " ".join(names)]


def caddyfile(domain: str, port: int = DEFAULT_PORT) -> str:
    """A Caddyfile that puts HTTPS in front of ``voorzorg serve``."""
    domain = domain.strip()
    if not domain or any(ch in domain for ch in " {}\n\t/"):
        raise VoorzorgError("service.bad_domain", domain=domain)
    return (
        "# HTTPS voor voorzorg: Caddy haalt zelf een certificaat (poort 80 en 443 open).\n"
        '# Zet in config.toml: base_url = "https://' + domain + '"\n'
        f"{domain} {{\n"
        "\tencode gzip\n"
        "\theader {\n"
        '\t\tStrict-Transport-Security "max-age=31536000"\n'
        "\t\tX-Content-Type-Options nosniff\n"
        "\t\t-Server\n"
        "\t}\n"
        "\t# Caddy sets X-Forwarded-For/-Proto/-Host; serve trusts them from 127.0.0.1\n"
        "\t# only, sees https and marks its session cookie Secure. No access log here:\n"
        "\t# calendar feed addresses hold tokens.\n"
        f"\treverse_proxy 127.0.0.1:{int(port)}\n"
        "}\n"
    )


def write_text(path: Path, text: str) -> None:
    from voorzorg.deploy.config import atomic_write

    try:
        atomic_write(Path(path), text.encode("utf-8"), mode=0o644)
    except OSError as exc:
        raise VoorzorgError("file.write_failed", path=str(path), error=os_error_text(exc)) from None
