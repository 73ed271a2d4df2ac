"""Reading files users saved: UTF-8 with or without a byte-order mark, bad bytes located."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voorzorg.text import BOM, NotUtf8, decode_utf8, strip_bom


@given(st.text())
def test_utf8_round_trip_with_and_without_bom(text):
    assert decode_utf8(text.encode("utf-8")) == text
    assert decode_utf8(BOM + text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"\xff", 1, 1),
        (b"caf\xe9\n", 1, 4),
        (b'language = "nl"\n# caf\xe9\n', 2, 6),
        ("één\ntwee ".encode() + b"\x80", 2, 6),  # columns count characters, not bytes
        (BOM + b"a\nb\nc\xc3", 3, 2),  # a cut-off character at the very end
    ],
)
def test_the_first_bad_byte_is_located(raw, line, column):
    with pytest.raises(NotUtf8) as info:
        decode_utf8(raw)
    assert (info.value.line, info.value.column) == (line, column)


def test_strip_bom_only_strips_a_leading_bom():
    assert strip_bom(BOM + b"a" + BOM) == b"a" + BOM
    assert strip_bom(b"a") == b"a"
