"""One translation function; Dutch by default, English on request; every key exists."""

from __future__ import annotations

import ast
import re
import string

import pytest

from tests.conftest import ROOT
from voorzorg.locale import en, nl

PLACEHOLDER = re.compile(r"\{[^}]*\}|%\(\w+\)s")


def test_catalogues_have_the_same_keys_and_placeholders():
    assert list(nl.MESSAGES) == list(en.MESSAGES)
    for key, dutch in nl.MESSAGES.items():
        english = en.MESSAGES[key]
        assert sorted(PLACEHOLDER.findall(dutch)) == sorted(PLACEHOLDER.findall(english)), key


def _literal_keys() -> set[str]:
    """Every literal key passed to _(), VoorzorgError(), help=, hint= or empty= in the code."""
    keys: set[str] = set()
    for path in (ROOT / "voorzorg").rglob("*.py"):
        if "locale" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("_", "VoorzorgError", "ConfigError", "_fail", "echo_table") or (
                    name in ("option", "command", "group")
                ):
                    for arg in node.args:
                        if (
                            isinstance(arg, ast.Constant)
                            and isinstance(arg.value, str)
                            and re.fullmatch(r"[a-z_]+\.[a-z_.\-]+", arg.value)
                        ):
                            keys.add(arg.value)
                for kw in node.keywords:
                    if kw.arg in ("help", "hint", "empty") and isinstance(kw.value, ast.Constant):
                        keys.add(kw.value.value)
    return keys


def test_every_key_used_in_the_code_exists():
    keys = _literal_keys()
    assert len(keys) > 100
    missing = sorted(k for k in keys if k not in nl.MESSAGES)
    assert missing == []


def test_every_message_formats_with_its_own_placeholders():
    for key, text in nl.MESSAGES.items():
        if key.startswith("click."):
            continue
        names = [f for _, f, _, _ in string.Formatter().parse(text) if f]
        text.format(**{n: "x" for n in names})


def test_dutch_is_the_default(circle, cli):
    assert "Toon de deelnemers" in cli("member", "list", "--help").out
    assert "Gebruik:" in cli("member", "list", "--help").out
    assert cli("member", "show", "niemand").err.startswith("Fout:")


def test_lang_flag_env_and_config_switch_to_english(circle, cli, monkeypatch):
    assert cli("--lang", "en", "member", "show", "nobody").err.startswith("Error:")
    monkeypatch.setenv("VOORZORG_LANG", "en")
    assert "Usage:" in cli("member", "list", "--help").out
    monkeypatch.delenv("VOORZORG_LANG")
    config = circle / "config.toml"
    config.write_text(config.read_text().replace('language = "nl"', 'language = "en"'))
    assert "Show the members" in cli("member", "list", "--help").out
    assert cli("member", "show", "nobody").err.startswith("Error:")
    assert cli("--lang", "nl", "member", "show", "niemand").err.startswith("Fout:")


def test_clicks_own_errors_are_dutch(circle, cli):
    result = cli("member", "add", "Jan", "--onbekend")
    assert result.code == 2
    assert "Onbekende optie" in result.err
    assert "Gebruik:" in result.err


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_command_has_translated_help(cli, lang):
    from voorzorg.cli import COMMANDS
    from voorzorg.cli import cli as root
    from voorzorg.cli.base import Group

    def walk(command, path):
        yield path, command
        if isinstance(command, Group):
            for name in command.list_commands(None):
                yield from walk(command.get_command(None, name), [*path, name])

    assert set(COMMANDS) <= set(root.list_commands(None))
    for path, _command in walk(root, []):
        result = cli("--lang", lang, *path, "--help")
        assert result.code == 0, (path, result.err)
        assert not re.search(r"\b(help|opt|click)\.[a-z]", result.out), path
        assert ("Toon deze hulp" in result.out) == (lang == "nl"), path
