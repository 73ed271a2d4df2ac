"""No English in what a Dutch volunteer reads: every message and every help text.

A heuristic, on purpose simple: a list of English words that never occur in Dutch
prose. Command names, options, placeholders, quoted examples, paths and file names
are taken out first (a volunteer types ``voorzorg member add``; that is not prose).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from voorzorg.locale import nl

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = frozenset(
    """
    required bundled attendee attendees error errors invalid input please the and with
    without not found missing cancelled canceled yes usage options option request requests
    member members activity activities default aborted abort failed unknown must should
    cannot already warning file folder calendar date time show list add remove none this
    that there are were have to for from or you your will done asked accepted declined
    referred phone email in-person person left joined since until every weekly monthly
    once first last next day days month year name address offers needs connector consent
    card version loaded enabled disabled available circle circles reason note try again
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Identifiers a volunteer types, and text that is not prose, taken out before checking.
_NOT_PROSE = (
    r"%\(\w+\)s",  # click's own placeholders
    r"\{voorzorg\}(\s+[a-z][a-z\-]*)+",  # a command line in a message
    r"\S+[./:]\S+",  # paths, file names, URLs, times
    r"\{[^}]*\}",  # placeholders
    r"'[^']*'",  # quoted examples and commands
    r'"[^"]*"',
    r"sudo(\s+\S+)+",
    r"voorzorg(\s+[a-z][a-z\-]*)+",  # a command line
    r"(?<![\w-])--?[A-Za-z][\w\-]*",  # options
)


def english_words(text: str) -> list[str]:
    for pattern in _NOT_PROSE:
        text = re.sub(pattern, " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", text)
    return sorted({w for w in words if w.lower() in ENGLISH and not w.isupper()})


def _texts(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def test_the_heuristic_catches_what_leaked_before():
    assert english_words("Opdracht:  [required]") == ["required"]
    assert english_words("csv  1.0.0  bundled  geladen") == ["bundled"]
    assert english_words("1 attendees geteld voor 3 dec.") == ["attendees"]
    assert english_words("Error: ongeldige invoer") == ["Error"]
    assert english_words("Contact via: phone, email, in-person") == ["email", "in-person", "phone"]
    # Commands, options and placeholders are not prose.
    assert english_words("Leg vast met 'voorzorg member add NAAM' of --recorded-by.") == []
    assert english_words("Probeer: voorzorg request list --open") == []


def test_every_dutch_message_is_dutch():
    leaks = {
        key: found
        for key, value in nl.MESSAGES.items()
        for text in _texts(value)
        if (found := english_words(text))
    }
    assert leaks == {}


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{key}.")
        else:
            flat[prefix + key] = value
    return flat


@pytest.mark.parametrize("domain", ["csv", "notify"])
def test_every_dutch_message_of_a_bundled_integration_is_dutch(domain):
    path = ROOT / "plugins" / domain / "translations" / "nl.toml"
    messages = _flatten(tomllib.loads(path.read_text("utf-8")))
    leaks = {k: found for k, v in messages.items() if (found := english_words(v))}
    assert leaks == {}


def _walk(command, path, ctx=None):
    """Every command, with the commands integrations add (loaded through a context)."""
    import click

    from voorzorg.cli.base import Group

    ctx = ctx or click.Context(command)
    yield path, command
    if isinstance(command, Group):
        for name in command.list_commands(ctx):
            yield from _walk(command.get_command(ctx, name), [*path, name], ctx)


def test_every_help_text_is_dutch(cli):
    """Click's own words ([required], Usage, Options, default) and ours, for every command."""
    from voorzorg.cli import cli as root

    names = {name for path, _c in _walk(root, []) for name in path}
    leaks = {}
    for path, _command in _walk(root, []):
        result = cli(*path, "--help")
        assert result.code == 0, (path, result.err)
        text = re.sub(r"-\n\s+", "-", result.out)  # click wraps after a hyphen
        for line in text.splitlines():
            # Command names in usage lines and command lists are identifiers.
            prose = " ".join(w for w in line.split() if w not in names)
            if found := english_words(prose):
                leaks.setdefault(" ".join(path) or "voorzorg", []).append((found, line))
    assert leaks == {}
    # The metavars read in Dutch too.
    usage = cli("member", "show", "--help").out
    assert "DEELNEMER" in usage and "MEMBER" not in usage
    assert "[verplicht]" in cli("request", "add", "--help").out
