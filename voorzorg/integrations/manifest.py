"""``manifest.toml`` and ``translations/``: what an integration is, needs, can be
configured with, and says.

A folder may be a directory on disk or a resource folder inside an installed package
(``importlib.resources``), so everything here reads through ``Traversable``.
Requirements are PEP 508 strings, parsed with ``packaging`` as pip would: a version
range, extras and environment markers all work; an unparsable one is a manifest error.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable

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
    path: Traversable
    requirements: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)
    config_version: int = 1
    options: dict[str, Option] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)
    module: str = "__init__.py"


def read_manifest(folder: Traversable) -> Manifest:
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
    for key in ("requirements", "dependencies", "commands"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise VoorzorgError("integration.manifest_key", path=str(path), key=key)
    for requirement in data.get("requirements", []):
        parse_requirement(requirement, path=str(path))
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
        if value in ("1", "true", "ja", "j", "yes", "y", "aan", "on"):
            return True
        if value in ("0", "false", "nee", "n", "no", "uit", "off"):
            return False
        raise VoorzorgError("integration.bad_boolean", option=option.name, text=text)
    return text


def parse_requirement(text: str, *, path: str = "manifest.toml"):
    """A ``packaging`` Requirement, or a manifest error naming the bad string."""
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        return Requirement(text)
    except InvalidRequirement as exc:
        raise VoorzorgError(
            "integration.bad_requirement", path=path, requirement=text, error=str(exc)
        ) from None


def requirement_met(text: str) -> bool:
    """Is ``text`` (PEP 508) satisfied by what is installed? Never installs anything.

    A requirement whose marker does not apply here (``; python_version < "3.10"``) is met;
    for ``package[extra]`` the extra's own requirements are checked as well.
    """
    requirement = parse_requirement(text)
    if requirement.marker is not None and not requirement.marker.evaluate():
        return True
    if not _installed(requirement.name, requirement.specifier):
        return False
    return all(
        _installed(dependency.name, dependency.specifier)
        for extra in sorted(requirement.extras)
        for dependency in _extra_requirements(requirement.name, extra)
    )


def _installed(name: str, specifier) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    from packaging.version import InvalidVersion

    try:
        installed = version(name)
    except PackageNotFoundError:
        return False
    if not specifier:
        return True
    try:
        return specifier.contains(installed, prereleases=True)
    except InvalidVersion:
        return False


def _extra_requirements(name: str, extra: str) -> list:
    """What ``name[extra]`` adds to ``name`` (from the installed package's metadata)."""
    from importlib.metadata import requires

    from packaging.requirements import InvalidRequirement, Requirement

    result = []
    for text in requires(name) or []:
        try:
            dependency = Requirement(text)
        except InvalidRequirement:
            continue
        marker = dependency.marker
        if (
            marker is not None
            and marker.evaluate({"extra": extra})
            and not marker.evaluate({"extra": ""})
        ):
            result.append(dependency)
    return result


def read_translations(folder: Traversable, domain: str) -> dict[str, dict]:
    """``translations/<lang>.toml`` as language -> {"<domain>.<key>": text}.

    Keys in the files are relative to the domain and may be nested:
    ``help.import = "..."`` in csv's file is ``csv.help.import``; a plural message is a
    table with ``one`` and ``other``.
    """
    from voorzorg.i18n import LANGUAGES

    result: dict[str, dict] = {}
    for lang in LANGUAGES:
        path = folder / "translations" / f"{lang}.toml"
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise VoorzorgError(
                "integration.bad_translations", path=str(path), error=str(exc)
            ) from None
        result[lang] = _flatten(data, domain + ".", str(path))
    return result


def _flatten(table: dict, prefix: str, path: str) -> dict:
    """Nested TOML tables as dotted keys. A table of exactly the plural forms
    (``one``, ``other``) is a plural message, as in the core catalogues."""
    from voorzorg.i18n import PLURAL_FORMS

    messages: dict = {}
    for key, value in table.items():
        plural = isinstance(value, dict) and tuple(sorted(value)) == tuple(sorted(PLURAL_FORMS))
        if plural and all(isinstance(v, str) for v in value.values()):
            messages[prefix + key] = {form: value[form] for form in PLURAL_FORMS}
        elif isinstance(value, dict):
            messages.update(_flatten(value, f"{prefix}{key}.", path))
        elif isinstance(value, str):
            messages[prefix + key] = value
        else:
            raise VoorzorgError("integration.translation_value", path=path, key=prefix + key)
    return messages
