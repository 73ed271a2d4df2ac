"""Whatever a centre signs, or anyone puts in the bucket or on a stick, the hub refuses
what it cannot use, reports it, and goes on collecting the rest: no traceback, no city
that cannot be rebuilt, no second collect at the same time, no readable hub.db."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_federation import (
    drop,
    fingerprint_of,
    make_centre,
    make_hub,
    reasons,
)
from voorzorg.federation import bundle, city, hubdb, keys
from voorzorg.federation.hub import _only_one_collect, collect, trust
from voorzorg.stats import ledger


@pytest.fixture(scope="module")
def hub_key():
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


@pytest.fixture
def pair(tmp_path, hub_key):
    centre = make_centre(tmp_path / "centre", [10, 11, 12], 41, hub_key[1])
    hub = make_hub(tmp_path / "hub", hub_key[0])
    trust(hub, fingerprint_of(centre), "Buurthuis De Schakel")
    return centre, hub


def signed(centre, change) -> bytes:
    """The centre's own next bundle, its first release's content changed by ``change``
    and the entry's hash made to match: a bundle the centre really signed."""
    _fp, _pk, payload = bundle.open_signed(drop(centre, centre.path.parent / "t").read_bytes())
    payload = {k: v for k, v in payload.items() if k != "_hash"}
    entry = payload["entries"][0]
    change(entry["content"])
    entry["hash"] = ledger.content_hash(entry["content"])
    return bundle.make(keys.load(centre.secrets_path), payload)


def test_deep_json_and_odd_names_are_refused_and_the_rest_is_collected(pair, tmp_path):
    centre, hub = pair
    stick = tmp_path / "stick"
    good = drop(centre, stick)
    (stick / "diep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    report = collect(hub, source=stick)
    assert len(report["accepted"]) == 1 and reasons(report) == ["malformed"]
    assert good.exists()
    assert bundle.parse_name("stad", "stad/centres/X/\u00b2.json") is None
    assert bundle.parse_name("stad", "stad/centres/X/00000001.json") == ("X", 1)


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.pop("k"),
        lambda c: c.update(version="twee"),
        lambda c: c.update(period="2026-H3"),
        lambda c: c.update(period="\u0662\u0660\u0662\u0666-H1"),  # digits, not ASCII
        lambda c: c["tables"]["leeftijd"].append([["a"], 3, 0]),
        lambda c: c["tables"]["leeftijd"].append(["70-79", 3]),
        lambda c: c["tables"]["leeftijd"].append(["70-79", None, 0]),
        lambda c: c["tables"]["leeftijd"].append(["70-79", float("nan"), 0]),
    ],
    ids=[
        "no-k",
        "version-text",
        "no-half-year",
        "arabic-digits",
        "label-list",
        "short-cell",
        "empty-unflagged",
        "nan",
    ],
)
def test_a_signed_release_the_city_could_not_use_is_refused_at_the_door(pair, tmp_path,
                                                                         change):  # fmt: skip
    centre, hub = pair
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "b.json").write_bytes(signed(centre, change))
    report = collect(hub, source=stick)
    assert reasons(report) == ["malformed"]
    # The city is rebuilt on the next collect as before, and is whole.
    drop(centre, tmp_path / "good")
    again = collect(hub, source=tmp_path / "good")
    assert len(again["accepted"]) == 1 and not again["refused"]
    assert city.check(hub) == []


@settings(max_examples=40, deadline=None)
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=8,
))  # fmt: skip
def test_valid_content_never_raises_whatever_the_shape(value):
    for content in (value, {"period": "2026-H1", "k": 10, "tables": {"leeftijd": value}},
                    {"period": "2026-H1", "k": 10, "tables": value}):  # fmt: skip
        assert bundle.valid_content(content) in (True, False)


def test_hub_db_is_readable_by_the_hub_only(pair):
    _centre, hub = pair
    for suffix in ("", "-wal"):
        file = Path(f"{hubdb.path(hub.data_dir)}{suffix}")
        if file.exists():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, suffix
    file = hubdb.path(hub.data_dir)
    os.chmod(file, 0o644)  # an older hub
    hubdb.connect(hub.data_dir).close()
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


def test_a_second_collect_at_the_same_time_is_refused_in_dutch(pair, cli, tmp_path):
    _centre, hub = pair
    with _only_one_collect(hub.data_dir):
        busy = cli("--config", str(hub.path), "hub", "collect", "--from", str(tmp_path))
    assert busy.code != 0 and "Traceback" not in busy.err
    assert "Er loopt al een hub collect" in busy.err


def test_a_city_version_is_tied_to_its_centres_before_it_is_published(pair, tmp_path,
                                                                      monkeypatch):  # fmt: skip
    """A crash between storing the sums and publishing leaves nothing published; the next
    collect publishes the version with its sums, and the audit sees all of it."""
    centre, hub = pair
    drop(centre, tmp_path / "stick")

    def crash(*_args, **_kwargs):
        raise OSError("power cut")

    with monkeypatch.context() as patched:
        patched.setattr(ledger, "append", crash)
        with pytest.raises(OSError):
            collect(hub, source=tmp_path / "stick")
    assert ledger.read(hub.data_dir) == []
    report = collect(hub, source=tmp_path / "stick")
    assert [p["period"] for p in report["city"]["published"]] == ["2025-H2"]
    assert city.check(hub) == []


def test_hub_check_never_says_all_clear_without_the_sums_of_a_published_version(pair, tmp_path):
    from voorzorg.errors import VoorzorgError

    centre, hub = pair
    drop(centre, tmp_path / "stick")
    collect(hub, source=tmp_path / "stick")
    conn = hubdb.connect(hub.data_dir)
    conn.execute("DELETE FROM city")
    conn.close()
    with pytest.raises(VoorzorgError) as untied:
        city.check(hub)
    assert untied.value.key == "hub.city_untied" and "2025-H2 v1" in untied.value.message
