"""Cleaning of text a user types: one place for normalisation and limits.

Every name, address or note is NFC-normalised (so "Zoë" typed on a Mac and on a Pi
is the same string), stripped, checked for control characters (NUL and friends
would be stored invisibly and break exports) and for length.
"""

from __future__ import annotations

import unicodedata

from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _

# Control characters (a one-line field never needs tab or newline), bidirectional
# overrides and isolates (they scramble tables and can disguise a name), and
# zero-width spaces and byte-order marks (invisible, so searches would miss).
# A set, not a regex: compiling that character class cost milliseconds at start-up.
_CONTROL = frozenset(
    [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u2028", "\u2029", "\u200b", "\ufeff"]
)


def escape_control(text: str) -> str:
    """``text`` with every character of ``_CONTROL`` written as ``\\xNN`` or ``\\uNNNN``:
    for log lines, so a decoded newline (or a bidi override) in a path or message can
    neither start a line of its own nor disguise one."""
    if not any(char in _CONTROL for char in text):
        return text
    return "".join(
        (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        if char in _CONTROL
        else char
        for char in text
    )


def clean_line(value: str | None, *, field: str, max_length: int, required: bool = False):
    """Return ``value`` as clean one-line text, or None when empty and optional."""
    label = _(f"field.{field}")
    if value is None:
        if required:
            raise VoorzorgError("text.required", field=label)
        return None
    text = unicodedata.normalize("NFC", value).strip()
    if not _CONTROL.isdisjoint(text):
        raise VoorzorgError("text.control", field=label)
    text = " ".join(text.split())  # runs of whitespace (as str.isspace sees it) become one space
    if not text:
        if required:
            raise VoorzorgError("text.required", field=label)
        return None
    if len(text) > max_length:
        raise VoorzorgError("text.too_long", field=label, max=max_length, length=len(text))
    return text


def fold(text: str) -> str:
    """A key for case- and accent-insensitive matching ("zoe" finds "Zoë")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


BOM = b"\xef\xbb\xbf"


class NotUtf8(ValueError):
    """A file is not UTF-8: where its first bad byte stands (line and column from 1)."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"not UTF-8 at line {line}, column {column}")
        self.line = line
        self.column = column


def strip_bom(raw: bytes) -> bytes:
    """``raw`` without the UTF-8 byte-order mark some Windows programs write first."""
    return raw[len(BOM) :] if raw.startswith(BOM) else raw


def decode_utf8(raw: bytes) -> str:
    """A file's bytes as text: UTF-8, with or without a byte-order mark.

    Raises ``NotUtf8`` with the line and column (in characters) of the first byte that
    is not UTF-8; the caller turns that into its own message, or tries another encoding.
    """
    raw = strip_bom(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8")) + 1
        raise NotUtf8(raw.count(b"\n", 0, exc.start) + 1, column) from None


def best_name_matches(typed: str, rows):
    """``rows`` of (id, name, ...) whose name fits ``typed``, best kind of match only.

    An exact name (folded) wins; else names holding every typed word as a whole word
    ("Jan" finds "Jan de Vries", not "Marie Jansen"); else names with a word starting
    with each typed word ("Jans" finds "Marie Jansen"). Never a match inside a word.
    """
    wanted = fold(typed).split()
    if not wanted:
        return []
    exact, whole, prefix = [], [], []
    for row in rows:
        words = fold(row[1]).replace("-", " ").split()
        if fold(row[1]).split() == wanted or words == wanted:
            exact.append(row)
        elif all(w in words for w in wanted):
            whole.append(row)
        elif all(any(word.startswith(w) for word in words) for w in wanted):
            prefix.append(row)
    return exact or whole or prefix
