"""``manifest.toml``: what an integration is, needs and can be configured with."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from voorzorg.errors import VoorzorgError

OPTION_TYPES = {"text": str, "number": int, "boolean": bool}
_DOMAIN = re.compile(r"[a-z][a-z0-9_]{0,39}")


@dataclass
class Option:
    name: str
    type: str = "text"
    default: object = None
    help: str = ""
    required: bool = False
    secret: bool = False


@dataclass
class Manifest:
    domain: str
    name: str
    version: str
    path: Path
    requirements: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)
    config_version: int = 1
    options: dict[str, Option] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)
    module: str = "__init__.py"


def read_manifest(folder: Path) -> Manifest:
    """Read and check ``folder/manifest.toml``; the domain must equal the folder name."""
    path = folder / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise VoorzorgError("integration.bad_manifest", path=str(path), error=str(exc)) from None

    def need(key, kind):
        value = data.get(key)
        if not isinstance(value, kind):
            raise VoorzorgError("integration.manifest_key", path=str(path), key=key)
        return value

    domain = need("domain", str)
    if not _DOMAIN.fullmatch(domain) or domain != folder.name:
        raise VoorzorgError("integration.bad_domain", path=str(path), domain=domain)
    options = {}
    for name, spec in (data.get("options") or {}).items():
        if not isinstance(spec, dict) or spec.get("type", "text") not in OPTION_TYPES:
            raise VoorzorgError("integration.manifest_key", path=str(path), key=f"options.{name}")
        options[name] = Option(
            name=name,
            type=spec.get("type", "text"),
            default=spec.get("default"),
            help=str(spec.get("help", "")),
            required=bool(spec.get("required", False)),
            secret=bool(spec.get("secret", False)),
        )
    return Manifest(
        domain=domain,
        name=need("name", str),
        version=need("version", str),
        path=folder,
        requirements=list(data.get("requirements", [])),
        dependencies=list(data.get("dependencies", [])),
        config_version=int(data.get("config_version", 1)),
        options=options,
        commands=list(data.get("commands", [])),
    )


def parse_option(option: Option, text: str):
    """A value typed for an option ("--set key=value" or at a prompt)."""
    if option.type == "number":
        try:
            return int(text)
        except ValueError:
            raise VoorzorgError("integration.bad_number", option=option.name, text=text) from None
    if option.type == "boolean":
        value = text.strip().lower()
        if value in ("1", "true", "ja", "yes", "aan", "on"):
            return True
        if value in ("0", "false", "nee", "no", "uit", "off"):
            return False
        raise VoorzorgError("integration.bad_boolean", option=option.name, text=text)
    return text
