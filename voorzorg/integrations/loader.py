"""Find, check and load integrations; call their hooks; a broken one is reported and skipped.

Sources, in order (later ones override earlier ones with a warning):

- bundled: the subpackages of ``voorzorg.plugins`` (the top-level ``plugins/`` folder of
  the source tree, shipped inside the distribution), found with ``importlib.resources``
  and imported as ordinary modules (``voorzorg.plugins.csv``);
- package: installed distributions with a ``voorzorg`` entry point, loaded with
  ``EntryPoint.load()`` once per process; the manifest is the one beside the module,
  found through its import spec without running it;
- custom: the folders in ``custom_plugins_dir`` (config.toml), imported from their
  ``__init__.py`` as ``voorzorg_integration_<domain>``.

Nothing is ever installed at run time: a missing requirement is reported. Every hook is
called through ``Registry.call``, the one place that isolates integrations from each
other and from the CLI.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from voorzorg.errors import VoorzorgError
from voorzorg.integrations.manifest import Manifest, read_manifest

ENTRY_POINT_GROUP = "voorzorg"
BUNDLED_PACKAGE = "voorzorg.plugins"
CUSTOM_PREFIX = "voorzorg_integration_"

# Entry points already loaded in this process: (name, value) -> loaded object.
_entry_point_cache: dict[tuple[str, str], object] = {}


@dataclass
class Integration:
    manifest: Manifest | None
    source: str  # bundled, package, custom
    folder: Traversable
    state: str = "found"  # found, loaded, failed, missing_requirement
    error: str | None = None
    module: object = None
    warnings: list[str] = field(default_factory=list)
    # The same as ``error``/``warnings`` as translation keys, for people to read.
    reason: tuple[str, dict] | None = None
    notes: list[tuple[str, dict]] = field(default_factory=list)
    # How to import it: a module name (bundled), an entry point (package), or the folder.
    module_name: str | None = None
    entry_point: object = None
    name: str = ""

    def fail(self, state: str, detail: str, key: str, /, **params) -> None:
        self.state, self.error, self.reason = state, detail, (key, params)

    @property
    def domain(self) -> str:
        return self.manifest.domain if self.manifest else (self.name or self.folder.name)


@dataclass
class Failure:
    """A hook implementation that raised: which integration, which hook, what."""

    domain: str
    hook: str
    exception: Exception

    @property
    def error(self) -> str:
        """The error for people: a user error's message, otherwise its type and text."""
        if isinstance(self.exception, VoorzorgError):
            return self.exception.message
        text = str(self.exception)
        name = type(self.exception).__name__
        return f"{name}: {text}" if text else name


@dataclass
class Outcome:
    """What ``Registry.call`` returns: a result per integration that answered, failures."""

    results: dict[str, object] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)


def bundled_folders() -> list[Traversable]:
    """The bundled integrations' folders inside the installed package."""
    from importlib.resources import files

    try:
        base = files(BUNDLED_PACKAGE)
    except ModuleNotFoundError:  # a source tree run without installing
        return []
    folders = [p for p in base.iterdir() if p.is_dir() and (p / "manifest.toml").is_file()]
    return sorted(folders, key=lambda p: p.name)


def _folder_of(spec) -> Traversable:
    """The folder beside a module, as ``importlib.resources.files`` would give it, found
    from its import spec so that discovery never runs an integration's code."""
    reader = None
    get_reader = getattr(spec.loader, "get_resource_reader", None)
    if get_reader is not None:
        reader = get_reader(spec.name)
    if reader is not None and hasattr(reader, "files"):
        folder = reader.files()
        if not spec.submodule_search_locations and isinstance(folder, Path) and folder.is_file():
            folder = folder.parent
        return folder
    return Path(spec.origin).parent


def _entry_point_items() -> list[Integration]:
    items = []
    try:
        from importlib import metadata

        points = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    except Exception:  # a broken installed distribution must not stop the CLI
        return items
    for point in points:
        try:
            spec = importlib.util.find_spec(point.module)
            if spec is None or spec.origin is None:
                raise ModuleNotFoundError(point.module)
            folder = _folder_of(spec)
        except Exception as exc:
            item = Integration(None, "package", Path(point.module), name=point.name)
            error = f"{type(exc).__name__}: {exc}"
            item.fail("failed", error, "integration.reason.setup_failed", error=error)
            items.append(item)
            continue
        items.append(Integration(None, "package", folder, entry_point=point))
    return items


def _found(config) -> list[Integration]:
    found = [
        Integration(None, "bundled", folder, module_name=f"{BUNDLED_PACKAGE}.{folder.name}")
        for folder in bundled_folders()
    ]
    found += _entry_point_items()
    custom = config.data.get("custom_plugins_dir") if config is not None else None
    if custom:
        base = (config.path.parent / custom).resolve()
        if base.is_dir():
            found += [
                Integration(None, "custom", p)
                for p in sorted(base.iterdir())
                if (p / "manifest.toml").exists()
            ]
    return found


def discover(config) -> dict[str, Integration]:
    """Every integration that can be seen, by domain, with its manifest checked."""
    result: dict[str, Integration] = {}
    for item in _found(config):
        if item.state == "found":
            try:
                item.manifest = read_manifest(item.folder)
            except VoorzorgError as exc:
                item.fail("failed", exc.message, "integration.reason.manifest", error=exc.message)
        previous = result.get(item.domain)
        if previous is not None:
            item.warnings.append(f"overrides the {previous.source} integration")
            item.notes.append(("integration.reason.overrides", {"source": previous.source}))
        result[item.domain] = item
    return result


def missing_requirements(manifest: Manifest) -> list[str]:
    """The manifest's requirements that what is installed does not satisfy."""
    from voorzorg.integrations.manifest import requirement_met

    return [text for text in manifest.requirements if not requirement_met(text)]


def _order(found: dict[str, Integration], wanted: set[str]) -> list[Integration]:
    ordered: list[Integration] = []
    visiting: set[str] = set()

    def visit(domain: str) -> None:
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
            visit(dependency)
        visiting.discard(domain)
        ordered.append(item)

    for domain in sorted(wanted):
        visit(domain)
    return ordered


def _import(item: Integration):
    """The integration's module, imported once per process."""
    if item.module_name is not None:
        return importlib.import_module(item.module_name)
    if item.entry_point is not None:
        point = item.entry_point
        key = (point.name, point.value)
        if key not in _entry_point_cache:
            _entry_point_cache[key] = point.load()
        return _entry_point_cache[key]
    return _import_folder(item.domain, Path(str(item.folder)))


def _import_folder(domain: str, folder: Path):
    name = CUSTOM_PREFIX + domain
    init = folder / "__init__.py"
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__file__", None) == str(init):
        return module
    spec = importlib.util.spec_from_file_location(
        name, init, submodule_search_locations=[str(folder)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _plugin_manager():
    """pluggy's manager with our hook specs. It also accepts an unmarked function named
    like a hook (as pytest accepts ``pytest_*`` functions), so that an integration that
    forgot ``@hookimpl`` is still called rather than silently skipped."""
    import pluggy

    from voorzorg.integrations import hookspecs

    names = {n for n, v in vars(hookspecs).items() if hasattr(v, "voorzorg_spec")}

    class PluginManager(pluggy.PluginManager):
        def parse_hookimpl_opts(self, plugin, name):
            opts = super().parse_hookimpl_opts(plugin, name)
            if opts is None and name in names and callable(getattr(plugin, name, None)):
                return {}
            return opts

    manager = PluginManager("voorzorg")
    manager.add_hookspecs(hookspecs)
    return manager


class Registry:
    """Loaded integrations and the one plugin manager that calls their hooks."""

    def __init__(self) -> None:
        self.pm = _plugin_manager()
        self.integrations: dict[str, Integration] = {}
        self.order: list[str] = []  # loaded domains, dependencies first

    def loaded(self, domain: str) -> Integration | None:
        item = self.integrations.get(domain)
        return item if item is not None and item.state == "loaded" else None

    def implements(self, domain: str, hook: str) -> bool:
        """Does the loaded integration ``domain`` implement ``hook``?"""
        return any(i.plugin_name == domain for i in getattr(self.pm.hook, hook).get_hookimpls())

    def disable(self, domain: str, detail: str, key: str, /, **params) -> None:
        """Take a loaded integration out for the rest of this run (its hook failed)."""
        item = self.integrations[domain]
        item.fail("failed", detail, key, **params)
        if self.pm.get_plugin(domain) is not None:
            self.pm.unregister(name=domain)

    def call(self, hook: str, domains=None, /, **kwargs) -> Outcome:
        """Call ``hook`` on the loaded integrations named in ``domains`` (all when None).

        Each integration is called on its own through ``pm.subset_hook_caller``, in load
        order, so that what one raises is caught and recorded as a ``Failure`` for that
        integration and the others still run. ``Outcome.results`` holds the return value
        of each integration that implements the hook (None when it returned nothing).
        """
        outcome = Outcome()
        for domain in self.order:
            if (domains is not None and domain not in domains) or self.loaded(domain) is None:
                continue
            if not self.implements(domain, hook):
                continue
            plugin = self.pm.get_plugin(domain)
            others = [p for p in self.pm.get_plugins() if p is not plugin]
            try:
                values = self.pm.subset_hook_caller(hook, remove_plugins=others)(**kwargs)
            except Exception as exc:  # an integration must never take the CLI down
                outcome.failures.append(Failure(domain, hook, exc))
                continue
            outcome.results[domain] = values[0] if values else None
        return outcome


def load(config, domains: set[str] | None = None) -> Registry:
    """Load the integrations named (or all), each isolated from the others' failures."""
    from voorzorg.i18n import register_catalogue
    from voorzorg.integrations.manifest import read_translations

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
            register_catalogue(item.domain, read_translations(item.folder, item.domain))
            module = _import(item)
            registry.pm.register(module, name=item.domain)
        except Exception as exc:  # an integration must never take the CLI down
            error = (
                exc.message if isinstance(exc, VoorzorgError) else f"{type(exc).__name__}: {exc}"
            )
            item.fail("failed", error, "integration.reason.setup_failed", error=error)
            continue
        item.module, item.state = module, "loaded"
        registry.order.append(item.domain)
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
