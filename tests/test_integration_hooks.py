"""Hooks through pluggy, one integration at a time; requirements as pip reads them;
entry points loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_integrations import NOTIFY_LIKE, RECORDER, write_integration
from tests.test_integrations import custom as custom  # the fixture
from voorzorg.deploy import config as config_mod
from voorzorg.integrations.loader import Outcome, load
from voorzorg.integrations.manifest import parse_requirement, requirement_met

# Requirements ---------------------------------------------------------------------------


def fake_distribution(site: Path, name: str, version: str, extra_lines: str = "") -> None:
    """An installed distribution as importlib.metadata sees one: a *.dist-info folder."""
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{extra_lines}"
    )


@pytest.fixture
def installed(tmp_path, monkeypatch):
    site = tmp_path / "site"
    fake_distribution(
        site,
        "voorzorg-proefpakket",
        "1.7.0",
        "Requires-Dist: click>=1\n"
        "Provides-Extra: fancy\n"
        'Requires-Dist: bestaat-niet-pakket>=1; extra == "fancy"\n'
        "Provides-Extra: plain\n"
        'Requires-Dist: click>=1; extra == "plain"\n',
    )
    fake_distribution(site, "voorzorg-voorproef", "2.0rc1")
    monkeypatch.syspath_prepend(str(site))
    return site


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("voorzorg-proefpakket", True),
        ("voorzorg-proefpakket>=1.6,<2", True),
        ("voorzorg_proefpakket ~= 1.6", True),
        ("voorzorg-proefpakket~=1.8", False),
        ("voorzorg-proefpakket>=2", False),
        ("voorzorg-proefpakket==1.7.*", True),
        ("voorzorg-proefpakket[plain]>=1", True),
        ("voorzorg-proefpakket[fancy]>=1", False),
        ("voorzorg-proefpakket[onbekend]>=1", True),
        ("voorzorg-voorproef>=1.0", True),  # an installed pre-release counts
        ("voorzorg-voorproef>=2.0rc1,<3", True),
        ("bestaat-niet-pakket>=1", False),
        ('bestaat-niet-pakket>=1; python_version < "3"', True),
        ('voorzorg-proefpakket>=9; sys_platform == "geen-platform"', True),
        ('voorzorg-proefpakket>=9; python_version >= "3.11"', False),
    ],
)
def test_requirements_are_checked_as_pip_reads_them(installed, text, met):
    assert requirement_met(text) is met


@pytest.mark.parametrize(
    "text", ["apprise>=1.6,<2", "apprise~=1.6", "apprise[foo]>=1", 'apprise>=1.6; os_name == "nt"']
)
def test_the_usual_forms_parse(text):
    assert parse_requirement(text).name == "apprise"


@pytest.mark.parametrize("requirement", ["apprise >= >= 1", "apprise>=1.6 !", "[foo]"])
def test_an_unreadable_requirement_is_a_translated_manifest_error(circle, cli, custom, requirement):
    write_integration(custom, "vreemd", f"requirements = [{requirement!r}]")
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["vreemd"]["state"] == "failed"
    assert requirement in listed["vreemd"]["error"]
    assert listed["csv"]["state"] == "loaded"
    dutch = cli("integration", "list").out
    assert "onleesbaar" in dutch and requirement in dutch
    assert "unreadable" in cli("--lang", "en", "integration", "list").out


def test_requirements_that_are_not_a_list_of_text_are_refused(circle, cli, custom):
    write_integration(custom, "getal", "requirements = [5]")
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["getal"]["state"] == "failed" and "requirements" in listed["getal"]["error"]


def test_a_missing_package_is_reported_not_installed(circle, cli, custom):
    write_integration(custom, "pakket", 'requirements = ["bestaat-niet-pakket[x]>=1.0,<2"]')
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["pakket"]["state"] == "missing_requirement"
    assert listed["pakket"]["error"] == "bestaat-niet-pakket[x]>=1.0,<2"


# Hooks, one integration at a time --------------------------------------------------------

FAILING_TEST = """
@hookimpl
def test_entry(circle, entry, config):
    raise RuntimeError("stuk")
"""
ANSWERING_TEST = """
@hookimpl
def test_entry(circle, entry, config):
    return "antwoord van " + circle
"""


def test_one_failing_implementation_never_hides_the_others(circle, custom):
    write_integration(custom, "eerste", code=FAILING_TEST)
    write_integration(custom, "tweede", code=ANSWERING_TEST)
    config = config_mod.load(circle / "config.toml")
    registry = load(config)
    both = {"eerste", "tweede", "csv"}
    outcome = registry.call("test_entry", both, circle="zorgsaam", entry={}, config=config)
    assert outcome.results == {"tweede": "antwoord van zorgsaam"}
    assert [(f.domain, f.hook, f.error) for f in outcome.failures] == [
        ("eerste", "test_entry", "RuntimeError: stuk")
    ]
    only = registry.call("test_entry", {"tweede"}, circle="x", entry={}, config=config)
    assert only.results == {"tweede": "antwoord van x"} and only.failures == []
    assert registry.call("on_event", both, event=None, circle="x", entry={}, config=config) == (
        Outcome()
    )


def test_a_crashing_test_entry_refuses_the_entry_cleanly(circle, cli, custom):
    write_integration(custom, "eerste", code=FAILING_TEST)
    result = cli("integration", "add", "eerste")
    assert result.code == 1
    assert "RuntimeError: stuk" in result.err and "Traceback" not in result.err
    assert "eerste" not in (circle / "config.toml").read_text()


def test_a_crashing_command_registration_is_reported(circle, cli, custom):
    write_integration(
        custom,
        "kapot",
        'commands = ["kapot"]',
        "@hookimpl\ndef register_commands(cli):\n    raise ValueError('geen commando')\n",
    )
    result = cli("kapot")
    assert result.code == 1
    assert "register_commands" in result.err and "geen commando" in result.err
    assert "Traceback" not in result.err
    assert cli("member", "list").code == 0
    assert cli("member", "import", "--help").code == 0  # csv is unaffected


def test_events_reach_the_other_integrations_when_one_fails(circle, cli, custom):
    failing = RECORDER.replace(
        "path = pathlib", "raise ConnectionError('plat')\n    path = pathlib"
    )
    write_integration(custom, "melder", NOTIFY_LIKE, RECORDER)
    write_integration(custom, "kapot", NOTIFY_LIKE, failing)
    for domain in ("kapot", "melder"):
        assert cli("integration", "add", domain, "--set", "url=ok:x").code == 0
    cli("member", "add", "Marie", "--consent", "matching")
    result = cli("request", "add", "--for", "Marie", "--category", "vervoer")
    assert result.code == 0 and "kapot" in result.err and "ConnectionError" in result.err
    assert "request.created" in (circle / "events.log").read_text()


def test_a_failing_entry_migration_keeps_the_entry(circle, cli, custom):
    manifest = 'config_version = 2\n[options.adres]\ntype = "text"\n'
    code = "@hookimpl\ndef migrate_entry(old, version):\n    return old['bestaat-niet']\n"
    write_integration(custom, "melder", manifest, code)
    path = circle / "config.toml"
    path.write_text(
        path.read_text() + '\n[circles.zorgsaam.integrations.melder]\nversion = 1\noud = "x"\n'
    )
    before = path.read_text()
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["melder"]["state"] == "failed" and "KeyError" in listed["melder"]["error"]
    assert path.read_text() == before
    assert "instellingen niet bij te werken" in cli("integration", "list").out


def test_a_hook_with_an_argument_the_spec_lacks_fails_to_load(circle, cli, custom):
    write_integration(custom, "fout", code="@hookimpl\ndef on_event(event, onbekend):\n    pass\n")
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["fout"]["state"] == "failed" and "onbekend" in listed["fout"]["error"]


def test_integration_hooks_are_all_declared():
    from voorzorg.integrations import hookspecs

    declared = {n for n, v in vars(hookspecs).items() if hasattr(v, "voorzorg_spec")}
    assert declared == {
        "register_commands",
        "migrations",
        "on_event",
        "test_entry",
        "migrate_entry",
        "notify_operator",
        "privacy_export",
        "privacy_erase",
        "privacy_purge",
    }
    for name in declared:
        assert len(getattr(hookspecs, name).__doc__) > 200, name  # documented, not just named


# Entry points -------------------------------------------------------------------------------


def test_an_entry_point_is_loaded_once_with_its_manifest_and_texts(circle, monkeypatch, tmp_path):
    package = tmp_path / "site" / "voorzorg_telpakket"
    (package / "translations").mkdir(parents=True)
    (package / "manifest.toml").write_text(
        'domain = "voorzorg_telpakket"\nname = "Teller"\nversion = "1.0"\n'
    )
    (package / "translations" / "nl.toml").write_text('groet = "Hallo {naam}"\n')
    (package / "translations" / "en.toml").write_text('groet = "Hello {naam}"\n')
    (package / "__init__.py").write_text(
        "import pathlib\n"
        "count = pathlib.Path(__file__).with_name('count')\n"
        "count.write_text(str(int(count.read_text()) + 1) if count.exists() else '1')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    from importlib import metadata

    point = metadata.EntryPoint("teller", "voorzorg_telpakket", "voorzorg")
    monkeypatch.setattr(metadata, "entry_points", lambda group=None: [point])
    config = config_mod.load(circle / "config.toml")
    first = load(config).loaded("voorzorg_telpakket")
    second = load(config).loaded("voorzorg_telpakket")
    assert first is not None and second is not None
    assert (package / "count").read_text() == "1"
    assert first.module is second.module and first.module.__name__ == "voorzorg_telpakket"
    assert Path(str(first.folder)) == package and first.source == "package"
    from voorzorg.i18n import _

    assert _("voorzorg_telpakket.groet", naam="Jan") == "Hallo Jan"


def test_a_broken_entry_point_is_reported(circle, cli, monkeypatch):
    from importlib import metadata

    point = metadata.EntryPoint("weg", "voorzorg_bestaat_niet", "voorzorg")
    monkeypatch.setattr(metadata, "entry_points", lambda group=None: [point])
    listed = {i["domain"]: i for i in cli("integration", "list", "--json").json}
    assert listed["weg"]["state"] == "failed" and listed["weg"]["source"] == "package"
    assert listed["csv"]["state"] == "loaded"


def test_failing_migrations_refuse_the_entry(circle, cli, custom):
    code = "@hookimpl\ndef migrations():\n    raise RuntimeError('geen tabellen')\n"
    write_integration(custom, "tabellen", code=code)
    result = cli("integration", "add", "tabellen")
    assert result.code == 1 and "Traceback" not in result.err
    assert "tabellen" in result.err and "migrations" in result.err and "geen tabellen" in result.err
    assert "tabellen" not in (circle / "config.toml").read_text()
