"""Centres publish signed bundles; a hub accepts only what verifies, and says why not.

The bundles are real (real releases of real deployments, signed with Ed25519); the S3
server is moto's server mode on loopback, spoken to by voorzorg's own Signature V4
client, whose signatures are also compared with botocore's.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_replica import MOTO, free_port
from tests.test_stats import TODAY, make_deployment
from voorzorg.deploy import config as config_mod
from voorzorg.errors import VoorzorgError
from voorzorg.federation import bundle, hubdb, keys, objectstore
from voorzorg.federation.bundle import Refused
from voorzorg.federation.hub import IDENTITY_SECRET, collect, init_hub, revoke, trust
from voorzorg.federation.publish import local_bundles, publish
from voorzorg.stats.builder import build_release

BUCKET = "voorzorg-stad"


def set_federation(config, **values):
    def change(document):
        import tomlkit

        table = document.get("federation") or tomlkit.table()
        for key, value in values.items():
            table[key] = value
        document["federation"] = table

    return config_mod.edit(config.path, change)


def set_secrets(config, **values):
    def change(document):
        for key, value in values.items():
            document[key] = value

    config_mod.edit_secrets(config.secrets_path, change)


def make_centre(directory: Path, sizes, seed: int, recipient: str, periods=("2025-H2",)):
    config, _names = make_deployment(directory, sizes, seed=seed)
    config = set_federation(config, hub_recipient=recipient)
    for period in periods:
        build_release(config, period, today=TODAY)
    return config


def fingerprint_of(config) -> str:
    return keys.fingerprint(keys.public_bytes(keys.load(config.secrets_path)))


def make_hub(directory: Path, identity: str, endpoint: str | None = None):
    init_hub(directory, "Gemeente Teststad")
    config = config_mod.load(directory / "config.toml")
    set_secrets(config, **{IDENTITY_SECRET: identity})
    if endpoint:
        config = use_store(config, endpoint)
    return config


def use_store(config, endpoint: str):
    set_secrets(config, federation_access_key_id="test", federation_secret_access_key="test")
    return set_federation(config, endpoint=endpoint, bucket=BUCKET, prefix="stad")


@pytest.fixture(scope="module")
def hub_identity():
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


@pytest.fixture(scope="module")
def centres(tmp_path_factory, hub_identity):
    """Three centres with one release each (2025-H2); A also has 2026-H1 in reserve."""
    base = tmp_path_factory.mktemp("centres")
    recipient = hub_identity[1]
    return {
        "A": make_centre(base / "a", [10, 12, 14], 11, recipient),
        "B": make_centre(base / "b", [9, 13, 11, 12], 12, recipient),
        "C": make_centre(base / "c", [12, 12, 10], 13, recipient),
    }


def drop(config, folder: Path) -> Path:
    """The centre's newest bundle onto a 'USB stick'."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(publish(config, to_file=folder, upload=False)["file"])


def reasons(report) -> list[str]:
    return [r["reason"] for r in report["refused"]]


# --- keys -------------------------------------------------------------------------------


def test_init_writes_a_signing_key_and_stats_key_reads_its_fingerprint(deployment, cli):
    secrets = config_mod.load_secrets(deployment / "secrets.toml")
    assert len(secrets["federation_signing_key"]) == 44
    first = cli("stats", "key", "--json")
    assert first.code == 0, first.err
    fingerprint = first.json["fingerprint"]
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}", fingerprint)
    assert cli("stats", "key", "--json").json["fingerprint"] == fingerprint
    shown = cli("stats", "key")
    assert fingerprint in shown.out and "telefoon" in shown.out
    # As typed after a phone call: lower case, spaces, a 0 heard for an O.
    spoken = fingerprint.lower().replace("-", " ").replace("o", "0")
    assert keys.parse_fingerprint(spoken) == fingerprint
    with pytest.raises(VoorzorgError):
        keys.parse_fingerprint("ABCD-EFGH")


def test_a_deployment_from_before_keys_gets_one_on_first_need(deployment, cli):
    path = deployment / "secrets.toml"
    text = path.read_text()
    path.write_text(re.sub(r"federation_signing_key = .*\n", "", text))
    assert "federation_signing_key" not in path.read_text()
    made = cli("stats", "key", "--json")
    assert made.code == 0, made.err
    assert "federation_signing_key" in path.read_text()
    assert path.stat().st_mode & 0o077 == 0
    assert cli("stats", "key", "--json").json == made.json


# --- the bundle -------------------------------------------------------------------------


def test_publish_to_a_file_is_signed_idempotent_and_chained(tmp_path, hub_identity):
    config = make_centre(tmp_path / "centre", [10, 11, 12], 5, hub_identity[1])
    first = publish(config, to_file=tmp_path, upload=False)
    blob = Path(first["file"]).read_bytes()
    fingerprint, _public, payload = bundle.open_signed(blob)
    assert fingerprint == fingerprint_of(config) == first["fingerprint"]
    assert payload["sequence"] == 1 and payload["previous"] is None
    assert [e["content"]["period"] for e in payload["entries"]] == ["2025-H2"]
    # The operator's login name stays home; the pooling parts travel encrypted only.
    assert all("by" not in e for e in payload["entries"])
    assert "hulpvragen_per_soort" not in json.dumps(payload["pool"])
    again = publish(config, to_file=tmp_path, upload=False)
    assert not again["new"] and again["sequence"] == 1
    assert Path(again["file"]).read_bytes() == blob
    build_release(config, "2026-H1", today=TODAY)
    second = publish(config, to_file=tmp_path, upload=False)
    _fp, _pk, later = bundle.open_signed(Path(second["file"]).read_bytes())
    assert later["sequence"] == 2 and later["previous"] == payload["_hash"]
    assert [e["content"]["period"] for e in later["entries"]] == ["2025-H2", "2026-H1"]
    assert sorted(local_bundles(config.data_dir)) == [1, 2]


def test_publish_without_a_store_or_a_file_says_what_to_set(deployment, cli):
    result = cli("stats", "publish")
    assert result.code == 1
    assert "[federation]" in result.err and "--to-file" in result.err


@pytest.fixture(scope="module")
def one_bundle(centres):
    folder = centres["A"].data_dir.parent / "stick"
    return drop(centres["A"], folder).read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_bundle_altered_by_any_one_byte_is_refused(one_bundle, data):
    position = data.draw(st.integers(0, len(one_bundle) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda b: b != one_bundle[position]))
    altered = one_bundle[:position] + bytes([value]) + one_bundle[position + 1 :]
    with pytest.raises(Refused):
        bundle.open_signed(altered)


def test_every_byte_of_a_bundle_is_covered(one_bundle):
    """Not just a sample: flip one bit at every position; each is refused."""
    for position in range(len(one_bundle)):
        altered = bytearray(one_bundle)
        altered[position] ^= 0x01
        with pytest.raises(Refused):
            bundle.open_signed(bytes(altered))


# --- the hub's refusals (from a folder, as from a USB stick) ------------------------------


def test_unknown_key_is_refused_and_recorded(tmp_path, centres, hub_identity):
    hub = make_hub(tmp_path / "hub", hub_identity[0])
    drop(centres["C"], tmp_path / "stick")
    report = collect(hub, source=tmp_path / "stick")
    assert reasons(report) == ["unknown_key"] and not report["accepted"]
    conn = hubdb.connect(hub.data_dir)
    assert conn.execute("SELECT reason FROM refusals").fetchone()[0] == "unknown_key"
    conn.close()


def test_revoked_key_is_refused_and_its_figures_leave_the_city(tmp_path, centres, hub_identity):
    hub = make_hub(tmp_path / "hub", hub_identity[0])
    for name in "ABC":
        trust(hub, fingerprint_of(centres[name]), f"Buurthuis {name}")
        drop(centres[name], tmp_path / "stick")
    assert len(collect(hub, source=tmp_path / "stick")["accepted"]) == 3
    assert served_centres(hub) == {"Buurthuis A", "Buurthuis B", "Buurthuis C", "Hele stad"}
    revoke(hub, fingerprint_of(centres["B"]), "centrum gestopt")
    with pytest.raises(VoorzorgError) as again:
        trust(hub, fingerprint_of(centres["B"]), "Buurthuis B")
    assert again.value.key == "hub.trust_revoked"
    centre_b = centres["B"]
    set_federation(centre_b, centre="Buurthuis B (nieuw)")
    centres["B"] = config_mod.load(centre_b.path)
    shutil.rmtree(tmp_path / "stick")
    drop(centres["B"], tmp_path / "stick")
    report = collect(hub, source=tmp_path / "stick")
    assert reasons(report) == ["revoked_key"]
    assert served_centres(hub) == {"Buurthuis A", "Buurthuis C", "Hele stad"}


def served_centres(hub) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(hub.data_dir / "stats.db")
    try:
        return {r[0] for r in conn.execute("SELECT DISTINCT centrum FROM releases")}
    finally:
        conn.close()


def test_replayed_out_of_order_broken_chain_and_rewritten_history(tmp_path, hub_identity):
    centre = make_centre(tmp_path / "centre", [10, 11, 12], 21, hub_identity[1])
    hub = make_hub(tmp_path / "hub", hub_identity[0])
    trust(hub, fingerprint_of(centre), "Buurthuis De BinnenHaven")
    stick = tmp_path / "stick"
    one = drop(centre, stick / "1")
    saved_state = (centre.data_dir / "federation" / "state.json").read_bytes()
    build_release(centre, "2026-H1", today=TODAY)
    two = drop(centre, stick / "2")
    assert len(collect(hub, source=stick)["accepted"]) == 2

    # Replayed: the old bundle again, by itself and copied under another name.
    replay = tmp_path / "replay"
    replay.mkdir()
    shutil.copy(one, replay / "00000007.json")
    assert collect(hub, source=replay)["seen"] == 1
    conn = hubdb.connect(hub.data_dir)
    with pytest.raises(Refused) as replayed:
        from voorzorg.federation.hub import accept

        accept(conn, one.read_bytes(), "stad/centres/x/00000007.json", hub_identity[0],
               folder=fingerprint_of(centre), named=7)  # fmt: skip
    assert replayed.value.reason == "replayed"
    conn.close()

    # A centre put back from an old backup makes a different bundle 2, then 3.
    (centre.data_dir / "federation" / "state.json").write_bytes(saved_state)
    set_federation(centre, centre="De BinnenHaven")
    centre = config_mod.load(centre.path)
    fork = tmp_path / "fork"
    drop(centre, fork / "2")
    report = collect(hub, source=fork / "2")
    assert reasons(report) == ["out_of_order"]
    set_federation(centre, centre="Buurthuis De BinnenHaven")
    centre = config_mod.load(centre.path)
    drop(centre, fork / "3")
    assert reasons(collect(hub, source=fork / "3")) == ["broken_chain"]

    # Validly signed, but leaving out a release the hub accepted before.
    _fp, _pk, payload = bundle.open_signed(two.read_bytes())
    forged = {k: v for k, v in payload.items() if k != "_hash"}
    forged.update(sequence=9, previous="0" * 64, entries=payload["entries"][1:])
    rewritten = tmp_path / "rewritten"
    rewritten.mkdir()
    (rewritten / "b.json").write_bytes(bundle.make(keys.load(centre.secrets_path), forged))
    assert reasons(collect(hub, source=rewritten)) == ["history_rewritten"]


def test_a_bundle_signed_by_another_key_than_it_names_is_refused(tmp_path, centres):
    _fp, _pk, payload = bundle.open_signed(drop(centres["A"], tmp_path / "s").read_bytes())
    payload = {k: v for k, v in payload.items() if k != "_hash"}
    intruder = keys._private(b"\x07" * 32)
    with pytest.raises(Refused) as refused:
        bundle.open_signed(bundle.make(intruder, payload))
    assert refused.value.reason == "wrong_fingerprint"


def test_pool_parts_that_do_not_belong_are_refused(tmp_path, centres, hub_identity):
    hub = make_hub(tmp_path / "hub", hub_identity[0])
    trust(hub, fingerprint_of(centres["A"]), "Buurthuis A")
    _fp, _pk, payload = bundle.open_signed(drop(centres["A"], tmp_path / "s").read_bytes())
    payload = {k: v for k, v in payload.items() if k != "_hash"}
    parts = bundle.decrypt_pool(payload["pool"], hub_identity[0])
    parts[0]["tables"]["leeftijd"][0][-4] = -5
    payload["pool"] = bundle.encrypt_pool(parts, hub_identity[1])
    stick = tmp_path / "forged"
    stick.mkdir()
    (stick / "x.json").write_bytes(bundle.make(keys.load(centres["A"].secrets_path), payload))
    assert reasons(collect(hub, source=stick)) == ["pool_mismatch"]


# --- S3: the client, and the whole way through a real server ---------------------------------


@pytest.mark.parametrize(
    ("method", "key", "query", "body"),
    [
        ("PUT", "stad/centres/ABCD-EFGH/00000001.json", {}, b'{"a": 1}'),
        ("GET", "", {"list-type": "2", "prefix": "stad/centres/", "continuation-token": "a/b+c="},
         b""),
        ("GET", "map met spaties/Ünïcode~(1).json", {}, b""),
    ],
)  # fmt: skip
def test_signatures_are_the_ones_botocore_makes(method, key, query, body):
    import hashlib

    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    when = datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC)
    path = f"/{BUCKET}" + (f"/{key}" if key else "")
    digest = hashlib.sha256(body).hexdigest()
    ours = objectstore.sign(
        method, "127.0.0.1:9000", path, query, digest, access_key="AKIDEXAMPLE",
        secret_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region="eu-west-1", when=when,
    )  # fmt: skip
    from urllib.parse import quote, urlencode

    url = "http://127.0.0.1:9000" + quote(path, safe="/-_.~")
    if query:
        url += "?" + urlencode(sorted(query.items()), quote_via=quote)
    request = AWSRequest(method=method, url=url, data=body)
    request.headers["x-amz-date"] = ours["x-amz-date"]
    request.headers["x-amz-content-sha256"] = digest
    request.context["timestamp"] = ours["x-amz-date"]
    credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    signer = S3SigV4Auth(credentials, "s3", "eu-west-1")
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    assert ours["authorization"].endswith(f"Signature={expected}")


@pytest.fixture
def s3(tmp_path):
    import subprocess
    import time

    import boto3
    import httpx

    port = free_port()
    log = open(tmp_path / "moto.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen([MOTO, "-H", "127.0.0.1", "-p", str(port)], stdout=log,
                              stderr=subprocess.STDOUT)  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.HTTPError:
            assert time.monotonic() < deadline, (tmp_path / "moto.log").read_text()
            time.sleep(0.2)
    client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test",
                          aws_secret_access_key="test", region_name="us-east-1")  # fmt: skip
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.terminate()
    server.wait(timeout=10)
    log.close()


def test_publish_and_collect_through_a_real_s3_server(tmp_path, s3, hub_identity, cli):
    endpoint, client = s3
    a = use_store(make_centre(tmp_path / "a", [10, 12, 13], 31, hub_identity[1]), endpoint)
    c = use_store(make_centre(tmp_path / "c", [11, 12, 9], 32, hub_identity[1]), endpoint)
    hub = make_hub(tmp_path / "hub", hub_identity[0], endpoint)
    trust(hub, fingerprint_of(a), "Buurthuis A")
    sent = publish(a)
    assert sent["uploaded"] == [f"stad/centres/{sent['fingerprint']}/00000001.json"]
    assert publish(a)["uploaded"] == []  # idempotent: nothing new, nothing sent
    publish(c)  # a centre the hub does not trust
    report = collect(hub)
    assert len(report["accepted"]) == 1 and reasons(report) == ["unknown_key"]

    # Altered by one byte in the bucket: refused; put right: accepted.
    build_release(a, "2026-H1", today=TODAY)
    second = publish(a)
    name = second["uploaded"][0]
    good = client.get_object(Bucket=BUCKET, Key=name)["Body"].read()
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x20
    client.put_object(Bucket=BUCKET, Key=name, Body=bytes(bad))
    result = cli("--config", hub.path, "hub", "collect")
    assert result.code == 1
    assert "Geweigerd" in result.out and name in result.out
    client.put_object(Bucket=BUCKET, Key=name, Body=good)
    report = collect(hub)
    assert len(report["accepted"]) == 1 and reasons(report) == ["unknown_key"]

    # The old bundle copied under the next number is a replay.
    first = sent["uploaded"][0]
    client.copy_object(Bucket=BUCKET, Key=first.replace("00000001", "00000003"),
                       CopySource={"Bucket": BUCKET, "Key": first})  # fmt: skip
    assert "replayed" in reasons(collect(hub))
    # A deleted bundle is sent again by the next publish (the timer finishes the job).
    client.delete_object(Bucket=BUCKET, Key=name)
    assert publish(a)["uploaded"] == [name]
    listing = objectstore.from_config(hub)[0].list("stad/centres/")
    assert {n for n, _s, _e in listing} >= {first, name}

    # Put back from an older backup, the centre knows of fewer bundles than the bucket
    # holds: it refuses to make one (the hub would refuse every later one) and says why.
    state = a.data_dir / "federation" / "state.json"
    saved = state.read_bytes()
    build_release(a, "2026-H1", today=TODAY, supersede=True, reason="correctie")
    publish(a)
    state.write_bytes(saved.replace(b'"sequence": 2', b'"sequence": 1'))
    behind = cli("--config", a.path, "stats", "publish")
    assert behind.code != 0 and "Traceback" not in behind.err
    assert "teruggezet van een oudere back-up" in behind.err
    state.write_text("{kapot", encoding="utf-8")
    damaged = cli("--config", a.path, "stats", "publish")
    assert damaged.code != 0 and "beschadigd" in damaged.err


def test_timers_publish_from_a_centre_and_collect_on_a_hub(tmp_path, hub_identity):
    from voorzorg.deploy.service import units

    centre = make_centre(tmp_path / "centre", [10, 11, 12], 41, hub_identity[1])
    assert "voorzorg-publish.timer" not in units(centre, backup_dest=str(tmp_path))
    centre = use_store(centre, "https://s3.gemeente.example")
    files = units(centre, backup_dest=str(tmp_path))
    assert "stats publish" in files["voorzorg-publish.service"]
    assert "04:10" in files["voorzorg-publish.timer"]
    hub = make_hub(tmp_path / "hub", hub_identity[0], "https://s3.gemeente.example")
    files = units(hub, backup_dest=str(tmp_path))
    assert "hub collect" in files["voorzorg-collect.service"]
    assert "voorzorg-publish.timer" not in files
