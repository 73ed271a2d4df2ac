"""The one translation function for every user-facing text.

Messages are looked up by key in a per-language catalogue (``voorzorg.locale.nl``,
``voorzorg.locale.en``). Dutch is the default; English is chosen with ``--lang en``,
``VOORZORG_LANG=en`` or ``language = "en"`` in config.toml, in that order.

A message is a text with ``{placeholders}``, or a plural message: a dict of forms,
``{"one": "1 deelnemer", "other": "{n} deelnemers"}``, chosen by the parameter ``n``
(Dutch and English both have just these two forms; 0 takes "other"). A count inside a
longer sentence with more than one number is a plural message of its own
(``count.times``), filled in first and passed as a parameter.

A placeholder without a value is a bug and raises, so tests find it.

Integrations bring their own texts (``translations/<lang>.toml`` beside their manifest,
as Home Assistant integrations do). The loader registers them with
``register_catalogue``; a key that starts with ``<domain>.`` and is not in the core
catalogue is looked up there, so an integration's ``VoorzorgError`` renders in the
language of the moment like any other.
"""

from __future__ import annotations

import importlib
import os

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_explicit: str | None = None
_configured: str | None = None
PLURAL_FORMS = ("one", "other")

Message = str | dict[str, str]

_catalogues: dict[str, dict[str, Message]] = {}
# Integration domain -> language -> messages (keys start with "<domain>.").
_domains: dict[str, dict[str, dict[str, Message]]] = {}


def set_language(lang: str | None) -> None:
    """Set the language chosen on the command line (highest priority)."""
    global _explicit
    _explicit = _normalise(lang)


def set_configured_language(lang: str | None) -> None:
    """Set the language from config.toml (used when no flag or env var chooses one)."""
    global _configured
    _configured = _normalise(lang)


def _normalise(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.strip().lower().replace("_", "-").split("-")[0]
    return lang if lang in LANGUAGES else None


def explicit_language() -> str | None:
    """The language chosen with --lang, if any (written into a new config.toml)."""
    return _explicit


def language() -> str:
    if _explicit:
        return _explicit
    env = os.environ.get("VOORZORG_LANG")  # asked for every text: skip the work when unset
    return (env and _normalise(env)) or _configured or DEFAULT_LANGUAGE


def catalogue(lang: str) -> dict[str, Message]:
    if lang not in _catalogues:
        module = importlib.import_module(f"voorzorg.locale.{lang}")
        _catalogues[lang] = module.MESSAGES
    return _catalogues[lang]


def plural_form(n: int) -> str:
    """The plural form for the count ``n``: "one" for exactly 1, else "other"."""
    return "one" if n == 1 else "other"


def register_catalogue(domain: str, catalogues: dict[str, dict[str, Message]]) -> None:
    """Make an integration's texts available; replaces what ``domain`` registered before.

    ``catalogues`` maps a language to messages whose keys start with ``<domain>.``;
    other keys are ignored, so an integration cannot change the core's texts.
    """
    prefix = domain + "."
    _domains[domain] = {
        lang: {k: v for k, v in messages.items() if k.startswith(prefix)}
        for lang, messages in catalogues.items()
    }


def _lookup(key: str, lang: str) -> Message | None:
    text = catalogue(lang).get(key)
    if text is None and _domains:
        text = _domains.get(key.partition(".")[0], {}).get(lang, {}).get(key)
    return text


def template(key: str, /) -> Message:
    """The message for ``key`` in the current language, unfilled (for click, which fills
    its own texts in); a plural message stays a dict of forms."""
    text = _lookup(key, language())
    if text is None:
        text = _lookup(key, DEFAULT_LANGUAGE)
    return key if text is None else text


def _(key: str, /, **params: object) -> str:
    """Translate ``key`` into the current language and fill in ``params``.

    A plural message needs ``n``; a placeholder without a value raises KeyError, also
    when no parameters were given at all.
    """
    text = template(key)
    if isinstance(text, dict):
        if "n" not in params:
            raise KeyError(f"{key} is a plural message and needs n")
        text = text[plural_form(params["n"])]
    return text.format(**params)
