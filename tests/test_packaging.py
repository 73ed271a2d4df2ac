"""What a plain install carries: every package, every dependency, the bundled integrations.

The wheel itself is built, installed into a fresh environment and exercised by
``.ci/wheel-smoke`` (too slow for the test suite); these tests keep pyproject.toml
honest so that the wheel cannot silently lose a part.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _package_folders() -> set[str]:
    """Every package in the source tree, named as it is installed."""
    found = set()
    for init in (ROOT / "voorzorg").rglob("__init__.py"):
        found.add(".".join(init.parent.relative_to(ROOT).parts))
    for init in (ROOT / "plugins").rglob("__init__.py"):
        found.add(".".join(("voorzorg", *init.parent.relative_to(ROOT).parts)))
    return found


def test_every_package_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert _package_folders() == listed


def _imported_top_level_names() -> set[str]:
    names = set()
    for base in ("voorzorg", "plugins"):
        for path in (ROOT / base).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"voorzorg", "__future__"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_package_is_a_declared_dependency():
    declared = {
        _normalise(re.split(r"[<>=~!;\[ ]", requirement, maxsplit=1)[0])
        for requirement in PYPROJECT["project"]["dependencies"]
    }
    distributions = metadata.packages_distributions()
    undeclared = {}
    for name in sorted(_imported_top_level_names()):
        providers = {_normalise(d) for d in distributions.get(name, [name])}
        if not providers & declared:
            undeclared[name] = sorted(providers)
    assert undeclared == {}


def test_bundled_integrations_are_package_resources():
    """Found inside the installed package (editable here), not beside the checkout."""
    import voorzorg.plugins
    from voorzorg.integrations.loader import bundled_folders

    assert [folder.name for folder in bundled_folders()] == ["csv", "notify"]
    assert voorzorg.plugins.__name__ == "voorzorg.plugins"
    for folder in bundled_folders():
        assert (folder / "manifest.toml").is_file()
        assert (folder / "translations" / "nl.toml").is_file()
        assert (folder / "translations" / "en.toml").is_file()


def test_package_data_covers_the_files_integrations_and_the_web_need():
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    assert {"*/manifest.toml", "*/translations/*.toml"} <= set(data["voorzorg.plugins"])
    assert {"deploy/*.toml", "web/templates/*.html"} <= set(data["voorzorg"])
