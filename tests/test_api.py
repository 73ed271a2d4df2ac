"""``voorzorg.api`` is the whole surface an integration may use, and the bundled ones prove it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _voorzorg_imports(path) -> list[tuple[int, str]]:
    """Every import of voorzorg in a file, anywhere (module level or inside functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "voorzorg"
            ]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "voorzorg":
                found += [(node.lineno, f"voorzorg.{a.name}") for a in node.names]
            elif node.module.split(".")[0] == "voorzorg":
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            found.append((node.lineno, "." * node.level + (node.module or "")))
        elif isinstance(node, ast.Call) and (
            getattr(node.func, "attr", "") == "import_module"
            or getattr(node.func, "id", "") in ("import_module", "__import__")
        ):
            found.append((node.lineno, "import by name"))
    return found


BUNDLED = sorted(path.parent.name for path in (ROOT / "plugins").glob("*/manifest.toml"))


def test_the_bundled_integrations_are_found():
    assert {"csv", "notify"} <= set(BUNDLED)


@pytest.mark.parametrize("domain", BUNDLED)
def test_bundled_integrations_import_only_the_public_api(domain):
    files = sorted((ROOT / "plugins" / domain).rglob("*.py"))
    assert files
    offending = {
        f"{path.relative_to(ROOT)}:{line}": name
        for path in files
        for line, name in _voorzorg_imports(path)
        if name != "voorzorg.api"
    }
    assert offending == {}


def test_the_scan_sees_imports_inside_functions(tmp_path):
    path = tmp_path / "x.py"
    path.write_text(
        "from voorzorg import api\n"
        "def f():\n"
        "    from voorzorg.domain.members import list_members\n"
        "    import voorzorg.dates\n"
        "    from voorzorg import i18n\n"
    )
    names = [name for _line, name in _voorzorg_imports(path)]
    assert names == ["voorzorg.api", "voorzorg.domain.members", "voorzorg.dates", "voorzorg.i18n"]


def test_every_public_name_resolves_and_is_documented():
    from voorzorg import api

    assert api.__doc__ and "stable" in api.__doc__
    for name in api.__all__:
        value = getattr(api, name)
        assert value is not None, name
        assert name in dir(api)
        if callable(value) and getattr(value, "__module__", None) == "voorzorg.api":
            assert value.__doc__, name
    from sqlite_utils import Migrations

    assert api.Migrations is Migrations
    assert api.member.name == "member" and api.activity.name == "activity"
    with pytest.raises(AttributeError):
        api.not_there  # noqa: B018


def test_the_api_never_imports_the_web_stack():
    code = (
        "import sys, voorzorg.api\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('datasette', 'apprise', 'icalendar', 'uvicorn'))\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_data_functions_read_a_real_circle(circle, cli):
    from datetime import date

    from voorzorg import api
    from voorzorg.deploy import config as config_mod

    config = config_mod.load(circle / "config.toml")
    db = api.open_db(config, "zorgsaam")
    try:
        added = api.add_member(db, "Zoë de Vries", today=date(2026, 11, 27), offers=["transport"])
        assert api.resolve_member(db, "zoe") == added["id"]
        assert [m["name"] for m in api.list_members(db)] == ["Zoë de Vries"]
        assert api.list_activities(db) == [] and api.list_requests(db) == []
    finally:
        db.close()
    assert api.circle_timezone(config, "zorgsaam") == "Europe/Amsterdam"
    assert api.category_label("transport") == "vervoer"
    assert api.entries(config, "zorgsaam") == {}
    assert api.entry_options(config, "zorgsaam", "notify") is None
    api.set_secret(config, "zorgsaam", "proef_adressen", "1", "mailto://x")
    assert api.read_secrets(config, "zorgsaam", "proef_adressen") == {"1": "mailto://x"}
    assert api.now().utcoffset().total_seconds() == 0
