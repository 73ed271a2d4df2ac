"""Find, check and load integrations; a broken one is reported and skipped.

Sources, in order (later ones override earlier ones with a warning): the bundled
``plugins/`` folder, installed packages with a ``voorzorg`` entry point, and the
folder named by ``custom_plugins_dir`` in config.toml. Nothing is ever installed
at run time: a missing requirement is reported.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from voorzorg.errors import VoorzorgError
from voorzorg.integrations.manifest import Manifest, read_manifest

ENTRY_POINT_GROUP = "voorzorg"


@dataclass
class Integration:
    manifest: Manifest | None
    source: str
    folder: Path
    state: str = "found"  # found, loaded, failed, missing_requirement
    error: str | None = None
    module: object = None
    warnings: list[str] = field(default_factory=list)
    # The same as ``error``/``warnings`` as translation keys, for people to read.
    reason: tuple[str, dict] | None = None
    notes: list[tuple[str, dict]] = field(default_factory=list)

    def fail(self, state: str, detail: str, key: str, /, **params) -> None:
        self.state, self.error, self.reason = state, detail, (key, params)

    @property
    def domain(self) -> str:
        return self.manifest.domain if self.manifest else self.folder.name


def bundled_dir() -> Path:
    import voorzorg

    return Path(voorzorg.__file__).resolve().parent.parent / "plugins"


def _folders(config) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    base = bundled_dir()
    if base.is_dir():
        found += [("bundled", p) for p in sorted(base.iterdir()) if (p / "manifest.toml").exists()]
    try:
        from importlib.metadata import entry_points

        for point in entry_points(group=ENTRY_POINT_GROUP):
            spec = importlib.util.find_spec(point.value.split(":")[0])
            if spec and spec.origin:
                found.append(("package", Path(spec.origin).parent))
    except Exception:  # a broken installed package must not stop the CLI
        pass
    custom = config.data.get("custom_plugins_dir") if config is not None else None
    if custom:
        folder = (config.path.parent / custom).resolve()
        if folder.is_dir():
            found += [
                ("custom", p) for p in sorted(folder.iterdir()) if (p / "manifest.toml").exists()
            ]
    return found


def discover(config) -> dict[str, Integration]:
    """Every integration that can be seen, by domain, with its manifest checked."""
    result: dict[str, Integration] = {}
    for source, folder in _folders(config):
        try:
            manifest = read_manifest(folder)
            item = Integration(manifest, source, folder)
        except VoorzorgError as exc:
            item = Integration(None, source, folder)
            item.fail("failed", exc.message, "integration.reason.manifest", error=exc.message)
        previous = result.get(item.domain)
        if previous is not None:
            item.warnings.append(f"overrides the {previous.source} integration")
            item.notes.append(("integration.reason.overrides", {"source": previous.source}))
        result[item.domain] = item
    return result


def missing_requirements(manifest: Manifest) -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    missing = []
    for requirement in manifest.requirements:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(?:>=\s*([0-9][0-9.]*))?\s*", requirement)
        if not match:
            missing.append(requirement)
            continue
        try:
            installed = version(match[1])
        except PackageNotFoundError:
            missing.append(requirement)
            continue
        if match[2] and _as_tuple(installed) < _as_tuple(match[2]):
            missing.append(requirement)
    return missing


def _as_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:4])


def _order(found: dict[str, Integration], wanted: set[str]) -> list[Integration]:
    ordered: list[Integration] = []
    visiting: set[str] = set()

    def visit(domain: str, chain: tuple[str, ...]) -> None:
        item = found.get(domain)
        if item is None or item in ordered or domain in visiting:
            return
        visiting.add(domain)
        for dependency in item.manifest.dependencies if item.manifest else []:
            if dependency not in found:
                item.fail(
                    "failed",
                    f"missing dependency {dependency}",
                    "integration.reason.missing_dependency",
                    name=dependency,
                )
            visit(dependency, (*chain, domain))
        visiting.discard(domain)
        ordered.append(item)

    for domain in sorted(wanted):
        visit(domain, ())
    return ordered


class Registry:
    """Loaded integrations and the one plugin manager that calls their hooks."""

    def __init__(self) -> None:
        import pluggy

        from voorzorg.integrations import hookspecs

        self.pm = pluggy.PluginManager("voorzorg")
        self.pm.add_hookspecs(hookspecs)
        self.integrations: dict[str, Integration] = {}

    def loaded(self, domain: str) -> Integration | None:
        item = self.integrations.get(domain)
        return item if item is not None and item.state == "loaded" else None


def load(config, domains: set[str] | None = None) -> Registry:
    """Load the integrations named (or all), each isolated from the others' failures."""
    registry = Registry()
    found = discover(config)
    registry.integrations = found
    wanted = set(found) if domains is None else {d for d in domains if d in found}
    for item in _order(found, wanted):
        if item.state == "failed":
            continue
        missing = missing_requirements(item.manifest)
        if missing:
            item.fail(
                "missing_requirement",
                ", ".join(missing),
                "integration.reason.missing_requirement",
                packages=", ".join(missing),
            )
            continue
        failed_dependency = [d for d in item.manifest.dependencies if registry.loaded(d) is None]
        if failed_dependency:
            item.fail(
                "failed",
                f"dependency {failed_dependency[0]} unavailable",
                "integration.reason.dependency_unavailable",
                name=failed_dependency[0],
            )
            continue
        try:
            module_name = f"voorzorg_integration_{item.domain}"
            spec = importlib.util.spec_from_file_location(
                module_name,
                item.folder / "__init__.py",
                submodule_search_locations=[str(item.folder)],
            )
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            spec.loader.exec_module(module)
            registry.pm.register(module, name=item.domain)
            item.module, item.state = module, "loaded"
        except Exception as exc:  # an integration must never take the CLI down
            error = f"{type(exc).__name__}: {exc}"
            item.fail("failed", error, "integration.reason.setup_failed", error=error)
    return registry


def command_providers(config) -> dict[str, str]:
    """Which integration provides which command ("member import" -> "csv"), from
    manifests alone: nothing is imported until such a command is used."""
    providers = {}
    for domain, item in discover(config).items():
        if item.manifest:
            for command in item.manifest.commands:
                providers[command] = domain
    return providers
