"""The one translation function for every user-facing text.

Messages are looked up by key in a per-language catalogue (``voorzorg.locale.nl``,
``voorzorg.locale.en``). Dutch is the default; English is chosen with ``--lang en``,
``VOORZORG_LANG=en`` or ``language = "en"`` in config.toml, in that order.
"""

from __future__ import annotations

import importlib
import os

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_explicit: str | None = None
_configured: str | None = None
_catalogues: dict[str, dict[str, str]] = {}


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


def catalogue(lang: str) -> dict[str, str]:
    if lang not in _catalogues:
        module = importlib.import_module(f"voorzorg.locale.{lang}")
        _catalogues[lang] = module.MESSAGES
    return _catalogues[lang]


def _(key: str, /, **params: object) -> str:
    """Translate ``key`` into the current language and fill in ``params``."""
    lang = language()
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE).get(key, key)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
