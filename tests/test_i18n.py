"""One translation function; Dutch by default, English on request; every key exists."""

from __future__ import annotations

import ast
import re
import string

import pytest

from tests.conftest import ROOT
from voorzorg import i18n
from voorzorg.i18n import PLURAL_FORMS, _, set_language
from voorzorg.locale import en, nl

PLACEHOLDER = re.compile(r"\{[^}]*\}|%\(\w+\)s")
FORMATTER = string.Formatter()


def _forms(message) -> dict[str, str]:
    """A message's texts by plural form; a plain text is its only form."""
    return message if isinstance(message, dict) else {"": message}


def _placeholders(message) -> set[str]:
    """Every placeholder of a message, over all its plural forms."""
    return {p for text in _forms(message).values() for p in PLACEHOLDER.findall(text)}


def test_catalogues_have_the_same_keys_and_placeholders():
    assert list(nl.MESSAGES) == list(en.MESSAGES)
    for key, dutch in nl.MESSAGES.items():
        english = en.MESSAGES[key]
        assert _placeholders(dutch) == _placeholders(english), key
        if isinstance(dutch, dict):
            assert isinstance(english, dict), key
            # both languages have the same forms, and every form takes the same values
            assert tuple(dutch) == tuple(english) == PLURAL_FORMS, key
            for forms in (dutch, english):
                # "other" shows the count; "one" may write it out ("once") but needs no more
                assert "{n}" in forms["other"], key
                assert set(PLACEHOLDER.findall(forms["one"])) <= {"{n}"} | set(
                    PLACEHOLDER.findall(forms["other"])
                ), key
        else:
            assert not isinstance(english, dict), key


def _literal_keys(base=ROOT / "voorzorg") -> set[str]:
    """Every literal key passed to _(), VoorzorgError(), help=, hint= or empty= in the code."""
    keys: set[str] = set()
    for path in base.rglob("*.py"):
        if "locale" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("_", "VoorzorgError", "ConfigError", "_fail", "echo_table", "emit") or (
                    name in ("option", "command", "group")
                ):
                    for arg in node.args:
                        if (
                            isinstance(arg, ast.Constant)
                            and isinstance(arg.value, str)
                            and re.fullmatch(r"[a-z_]+\.[a-z0-9_.\-]+", arg.value)
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


BUNDLED = ["csv", "notify"]


def _integration_catalogues(domain: str) -> dict[str, dict[str, str]]:
    from voorzorg.integrations.manifest import read_translations

    return read_translations(ROOT / "plugins" / domain, domain)


def test_the_core_catalogues_hold_no_integration_texts():
    for messages in (nl.MESSAGES, en.MESSAGES):
        for domain in BUNDLED:
            assert [k for k in messages if k.startswith(domain + ".") or f".{domain}." in k] == []


@pytest.mark.parametrize("domain", BUNDLED)
def test_integration_catalogues_follow_the_same_rules(domain):
    catalogues = _integration_catalogues(domain)
    assert set(catalogues) == {"nl", "en"}
    dutch, english = catalogues["nl"], catalogues["en"]
    assert list(dutch) == list(english)
    for key, message in dutch.items():
        assert key.startswith(domain + ".")
        assert _placeholders(message) == _placeholders(english[key]), key
        assert isinstance(message, dict) == isinstance(english[key], dict), key
        for forms in (message, english[key]):
            if isinstance(forms, dict):
                assert tuple(forms) == PLURAL_FORMS and "{n}" in forms["other"], key
            for text in _forms(forms).values():
                names = [f for _, f, _, _ in FORMATTER.parse(text) if f]
                text.format(**{n: "x" for n in names})
                if not key.startswith((f"{domain}.help.", f"{domain}.opt.")):
                    assert "(s)" not in text and "(en)" not in text, key


@pytest.mark.parametrize("domain", BUNDLED)
def test_every_key_an_integration_uses_exists(domain):
    keys = _literal_keys(ROOT / "plugins" / domain)
    assert any(k.startswith(domain + ".") for k in keys)
    own = _integration_catalogues(domain)["nl"]
    assert sorted(k for k in keys if k not in nl.MESSAGES and k not in own) == []


def test_an_integration_error_renders_in_the_language_of_the_moment(circle, cli, tmp_path):
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    assert "Het bestand is leeg." in cli("member", "import", empty).err
    assert "The file is empty." in cli("--lang", "en", "member", "import", empty).err
    from voorzorg.errors import VoorzorgError

    i18n.set_language("en")
    assert VoorzorgError("csv.empty").message == "The file is empty."
    i18n.set_language("nl")
    assert VoorzorgError("csv.empty").message == "Het bestand is leeg."


def test_an_integration_cannot_replace_core_texts():
    from voorzorg.i18n import _, register_catalogue

    register_catalogue("proef", {"nl": {"proef.hallo": "Hallo {naam}", "error.prefix": "gekaapt"}})
    assert _("proef.hallo", naam="Jan") == "Hallo Jan"
    assert _("error.prefix", message="x") == "Fout: x"
    i18n.set_language("en")
    assert _("proef.hallo", naam="Jan") == "Hallo Jan"  # falls back to Dutch
    assert _("proef.onbekend") == "proef.onbekend"


def test_every_message_formats_with_its_own_placeholders():
    for catalogue in (nl.MESSAGES, en.MESSAGES):
        for key, message in catalogue.items():
            if key.startswith("click."):
                continue
            for text in _forms(message).values():
                names = [f for _, f, _, _ in FORMATTER.parse(text) if f]
                text.format(**{n: "x" for n in names})


@pytest.fixture
def lang():
    yield set_language
    set_language(None)


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("nl", 0, "0 aanwezigen vastgelegd voor 2026-12-03."),
        ("nl", 1, "1 aanwezige vastgelegd voor 2026-12-03."),
        ("nl", 2, "2 aanwezigen vastgelegd voor 2026-12-03."),
        ("en", 0, "0 attendees recorded for 2026-12-03."),
        ("en", 1, "1 attendee recorded for 2026-12-03."),
        ("en", 2, "2 attendees recorded for 2026-12-03."),
    ],
)
def test_a_plural_message_is_chosen_by_n(lang, language, n, expected):
    lang(language)
    assert _("activity.counted", n=n, day="2026-12-03") == expected


def test_counts_inside_a_sentence_are_plural_messages_of_their_own(lang):
    lang("en")
    text = _("member.reciprocity", given=_("count.times", n=1), received=_("count.times", n=0))
    assert text == "Past 12 months: helped once, received help 0 times."


def test_a_missing_placeholder_raises(lang):
    lang("nl")
    with pytest.raises(KeyError):
        _("activity.added", id=3)  # the title is missing
    with pytest.raises(KeyError):
        _("activity.counted", day="2026-12-03")  # a plural message without n
    with pytest.raises(KeyError):
        _("activity.counted", n=2)  # n alone is not enough


def test_the_plural_messages_are_where_counts_are_printed():
    plural = {key for key, message in nl.MESSAGES.items() if isinstance(message, dict)}
    assert {"activity.counted", "card.missing_count", "stats.check_failed"} <= plural
    for key, message in nl.MESSAGES.items():
        for text in _forms(message).values():
            # "deelnemer(s)" is what a plural message replaces (help texts may still say it)
            if not key.startswith(("opt.", "help.", "integration.", "csv.", "notify.")):
                assert "(s)" not in text and "(en)" not in text, key


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


def test_a_missing_placeholder_raises_even_without_parameters():
    import pytest

    from voorzorg.i18n import _, template

    with pytest.raises(KeyError):
        _("error.prefix")
    assert "{message}" in template("error.prefix")
