"""Wellbeing check-ins: the published scoring of the loneliness scale with worked
examples, consent gating, the half-year interval, withdrawal and erasure, the export."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from itertools import product
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voorzorg import clock
from voorzorg.domain.wellbeing import (
    EMOTIONAL,
    ITEMS,
    SOCIAL,
    parse_answer,
    parse_rating,
    record_checkin,
    score_loneliness,
)
from voorzorg.errors import VoorzorgError
from voorzorg.storage import store

CIRCLE = "zorgsaam"
RATINGS = {"body": 6, "mental": 7, "meaning": 8, "quality": 7, "participation": 4, "daily": 9}


def _ok(result):
    assert result.code == 0, (result.out, result.err)
    return result


def db_file(deployment: Path) -> Path:
    return deployment / "data" / f"{CIRCLE}.db"


def count(deployment: Path, member_id: int | None = None) -> int:
    conn = sqlite3.connect(f"file:{db_file(deployment)}?mode=ro", uri=True)
    try:
        if member_id is None:
            return conn.execute("SELECT count(*) FROM wellbeing_checkins").fetchone()[0]
        return conn.execute(
            "SELECT count(*) FROM wellbeing_checkins WHERE member_id = ?", [member_id]
        ).fetchone()[0]
    finally:
        conn.close()


def answers(*values) -> dict:
    return dict(zip(ITEMS, values, strict=True))


# --- scoring ---------------------------------------------------------------------------
# ITEMS order: emptiness(E), lean_on(S), trust(S), miss_people(E), close(S), rejected(E)


def test_scoring_worked_examples():
    # Nobody lonely: no to the emotional, yes to the social statements.
    assert score_loneliness(answers("no", "yes", "yes", "no", "yes", "no")) == {
        "emotional": 0, "social": 0, "total": 0, "category": "not_lonely", "missing": 0,
    }  # fmt: skip
    # The neutral answer counts as a loneliness point on both kinds of item.
    assert score_loneliness(answers("more_or_less", "more_or_less", "yes", "no", "yes", "no")) == {
        "emotional": 1, "social": 1, "total": 2, "category": "moderate", "missing": 0,
    }  # fmt: skip
    # One point is still "not lonely" (0-1).
    assert score_loneliness(answers("yes", "yes", "yes", "no", "yes", "no"))["category"] == (
        "not_lonely"
    )
    # 4 is the top of "moderately lonely"; 5 is "severely".
    four = score_loneliness(answers("yes", "no", "yes", "yes", "yes", "yes"))
    assert (four["emotional"], four["social"], four["total"], four["category"]) == (
        3, 1, 4, "moderate",
    )  # fmt: skip
    five = score_loneliness(answers("yes", "no", "more_or_less", "yes", "yes", "yes"))
    assert (five["total"], five["category"]) == (5, "severe")
    # Everything lonely: yes to the emotional, no to the social statements.
    assert score_loneliness(answers("yes", "no", "no", "yes", "no", "yes")) == {
        "emotional": 3, "social": 3, "total": 6, "category": "severe", "missing": 0,
    }  # fmt: skip
    # Missing: one missing item keeps a total (over five) but loses its subscale;
    # two missing items lose the total.
    one = score_loneliness(answers(None, "no", "no", "yes", "no", "yes"))
    assert (one["emotional"], one["social"], one["total"], one["category"]) == (
        None, 3, 5, "severe",
    )  # fmt: skip
    two = score_loneliness(answers(None, None, "no", "yes", "no", "yes"))
    assert two["total"] is None and two["category"] is None and two["missing"] == 2


@given(st.lists(st.sampled_from(["yes", "more_or_less", "no", None]), min_size=6, max_size=6))
def test_scoring_rules_hold_for_every_answer_set(values):
    given_answers = answers(*values)
    scores = score_loneliness(given_answers)
    emo = [given_answers[i] in ("yes", "more_or_less") for i in EMOTIONAL if given_answers[i]]
    soc = [given_answers[i] in ("no", "more_or_less") for i in SOCIAL if given_answers[i]]
    missing = values.count(None)
    assert scores["missing"] == missing
    if missing <= 1:
        assert scores["total"] == sum(emo) + sum(soc)
        assert scores["category"] == (
            "not_lonely" if scores["total"] <= 1 else "moderate" if scores["total"] <= 4
            else "severe"
        )  # fmt: skip
    else:
        assert scores["total"] is None and scores["category"] is None
    if all(given_answers[i] for i in EMOTIONAL):
        assert scores["emotional"] == sum(emo)
    else:
        assert scores["emotional"] is None
    if all(given_answers[i] for i in SOCIAL):
        assert scores["social"] == sum(soc)
    else:
        assert scores["social"] is None


def test_answers_and_ratings_are_read_in_dutch_and_refused_otherwise():
    for word, meant in [("ja", "yes"), ("J", "yes"), ("min of meer", "more_or_less"),
                        ("Min-of-meer", "more_or_less"), ("nee", "no"), ("-", None)]:  # fmt: skip
        assert parse_answer(word, item="x") == meant
    for bad in ["misschien", "jaa", "0"]:
        with pytest.raises(VoorzorgError):
            parse_answer(bad, item="x")
    assert [parse_rating(v, dimension="x") for v in ("0", " 10", 7)] == [0, 10, 7]
    for bad in ["11", "-1", "7.5", "zeven", "", "٣"]:
        with pytest.raises(VoorzorgError):
            parse_rating(bad, dimension="x")


# --- storage and consent ---------------------------------------------------------------


@pytest.fixture
def members(circle, cli):
    # Joined (and consented) well before the check-ins the tests record.
    with clock.frozen(datetime(2025, 1, 10, 10, tzinfo=UTC)):
        _ok(cli("member", "add", "Marie Jansen", "--consent", "wellbeing"))
        _ok(cli("member", "add", "Jan Smit"))
    return circle


def _record(db, member_id, on, *, interval=6, lon=("no", "yes", "yes", "no", "yes", "no")):
    return record_checkin(
        db, member_id, ratings=RATINGS, loneliness=answers(*lon), note="Mist haar zus",
        taken_on=on, today=on, interval_months=interval,
    )  # fmt: skip


def test_no_check_in_without_consent_and_at_most_once_per_interval(members):
    db = store.open_circle(db_file(members))
    try:
        with pytest.raises(VoorzorgError) as refused:
            _record(db, 2, date(2026, 2, 1))
        assert refused.value.key == "wellbeing.no_consent"
        first = _record(db, 1, date(2026, 2, 1))
        assert first["ratings"] == RATINGS and first["scores"]["category"] == "not_lonely"
        with pytest.raises(VoorzorgError) as refused:
            _record(db, 1, date(2026, 7, 31))  # after the last one
        assert refused.value.key == "wellbeing.too_soon"
        assert "1 augustus 2026" in refused.value.params["allowed"]
        with pytest.raises(VoorzorgError) as refused:
            _record(db, 1, date(2026, 1, 15))  # before it: no "from" date to offer
        assert refused.value.key == "wellbeing.too_close"
        _record(db, 1, date(2026, 8, 1))
        _record(db, 1, date(2026, 9, 1), interval=0)  # the limit can be switched off
        with pytest.raises(VoorzorgError) as refused:
            record_checkin(db, 1, ratings=RATINGS, loneliness={}, taken_on=date(2027, 1, 2),
                           today=date(2027, 1, 1))  # fmt: skip
        assert refused.value.key == "wellbeing.in_future"
        with pytest.raises(VoorzorgError):
            record_checkin(db, 1, ratings={**RATINGS, "body": 11}, loneliness={},
                           taken_on=date(2027, 6, 1), today=date(2027, 6, 1))  # fmt: skip
        assert count(members, 1) == 3  # nothing half-written by the refusals
    finally:
        db.close()


def test_the_database_itself_refuses_values_outside_the_scales(members):
    db = store.open_circle(db_file(members))
    try:
        columns = "member_id, taken_on, body, mental, meaning, quality, participation, daily"
        for values in ([1, "2026-01-01", 11, 0, 0, 0, 0, 0], [1, "2026-01-01", -1, 0, 0, 0, 0, 0]):
            with pytest.raises(sqlite3.IntegrityError):
                db.execute(f"INSERT INTO wellbeing_checkins ({columns}, recorded_at) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, 'x')", values)  # fmt: skip
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(f"INSERT INTO wellbeing_checkins ({columns}, lon_trust, recorded_at) "
                       "VALUES (1, '2026-01-01', 1, 1, 1, 1, 1, 1, 'misschien', 'x')")  # fmt: skip
    finally:
        db.close()


def test_withdrawal_of_the_consent_removes_the_check_ins(members, cli):
    db = store.open_circle(db_file(members))
    try:
        _record(db, 1, date(2026, 2, 1))
        _record(db, 1, date(2026, 8, 3))
    finally:
        db.close()
    assert count(members, 1) == 2
    with clock.frozen(datetime(2026, 9, 1, 10, tzinfo=UTC)):
        result = _ok(cli("consent", "withdraw", "Marie", "wellbeing"))
    assert "2 welbevinden-gesprekken verwijderd." in result.out
    assert count(members, 1) == 0


def test_export_and_erasure_cover_the_check_ins(members, cli, tmp_path):
    db = store.open_circle(db_file(members))
    try:
        _record(db, 1, date(2026, 2, 1), lon=("yes", "more_or_less", "yes", "no", "yes", None))
    finally:
        db.close()
    with clock.frozen(datetime(2026, 3, 1, 10, tzinfo=UTC)):
        _ok(cli("member", "export", "Marie", "--out", str(tmp_path)))
    document = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    (checkin,) = document["wellbeing"]
    assert checkin["taken_on"] == "2026-02-01" and checkin["ratings"] == RATINGS
    assert checkin["note"] == "Mist haar zus"
    assert checkin["scores"] == {"emotional": None, "social": 1, "total": 2,
                                 "category": "moderate", "missing": 1}  # fmt: skip
    import jsonschema

    from voorzorg.privacy.export import SCHEMA

    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    readable = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert "Welbevinden" in readable and "2 van 6 (matig eenzaam)" in readable
    with clock.frozen(datetime(2026, 3, 2, 10, tzinfo=UTC)):
        _ok(cli("member", "erase", "Marie", "--yes"))
    assert count(members) == 0


def test_every_answer_combination_is_stored_and_scored_back(members):
    db = store.open_circle(db_file(members))
    try:
        day = date(2026, 1, 1)
        for n, values in enumerate(product(["yes", "more_or_less", "no"], repeat=6)):
            if n % 97:
                continue  # a spread sample keeps this fast
            stored = record_checkin(db, 1, ratings=RATINGS, loneliness=answers(*values),
                                    taken_on=day, today=day, interval_months=0)  # fmt: skip
            assert stored["loneliness"] == answers(*values)
            assert stored["scores"] == score_loneliness(answers(*values))
    finally:
        db.close()


# --- the command line ------------------------------------------------------------------

FLAGS = ["--body", "6", "--mental", "7", "--meaning", "8", "--quality", "7",
         "--participation", "4", "--daily", "9", "--emptiness", "ja", "--lean-on", "nee",
         "--trust", "min of meer", "--miss-people", "nee", "--close", "ja",
         "--rejected", "nee"]  # fmt: skip


def test_record_by_flags_echoes_what_was_understood_and_show_lists_history(members, cli):
    with clock.frozen(datetime(2026, 2, 3, 10, tzinfo=UTC)):
        refused = cli("wellbeing", "record", "-c", CIRCLE, "Jan Smit", *FLAGS)
        assert refused.code != 0 and "geen toestemming voor welbevinden" in refused.err
        assert "Traceback" not in refused.err
        done = _ok(cli("wellbeing", "record", "-c", CIRCLE, "Marie", *FLAGS, "--note", "Fijn"))
    assert "Begrepen, gesprek van Marie Jansen op di 3 februari 2026:" in done.out
    assert "Meedoen: 4" in done.out and "Vastgelegd." in done.out
    assert "3 van 6 (matig eenzaam); emotioneel 1 van 3, sociaal 2 van 3" in done.out
    with clock.frozen(datetime(2026, 5, 3, 10, tzinfo=UTC)):
        again = cli("wellbeing", "record", "-c", CIRCLE, "Marie", *FLAGS)
    assert again.code != 0 and "het volgende kan vanaf ma 3 augustus 2026" in again.err
    bad = cli("wellbeing", "record", "-c", CIRCLE, "Marie", *FLAGS[:-1], "misschien")
    assert bad.code != 0 and "misschien" in bad.err
    assert count(members) == 1
    shown = _ok(cli("wellbeing", "show", "-c", CIRCLE, "Marie"))
    assert "di 3 februari 2026" in shown.out and "Notitie: Fijn" in shown.out
    assert "De Jong Gierveld" in shown.out
    assert "nog geen" in _ok(cli("wellbeing", "show", "-c", CIRCLE, "Jan")).out


def test_record_asks_in_dutch_in_order_and_asks_again_after_a_bad_answer(members, cli):
    # Six ratings (one wrong first), six statements (one wrong first), a note, then ja.
    typed = "6\n11\n7\n8\n7\n4\n9\nja\nweet ik veel\nnee\nmin of meer\nnee\nja\nnee\n\nja\n"
    with clock.frozen(datetime(2026, 2, 3, 10, tzinfo=UTC)):
        result = _ok(cli("wellbeing", "record", "-c", CIRCLE, "Marie", input=typed))
    asked = result.err
    order = ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven",
             "Meedoen", "Dagelijks functioneren", "1. Er is een gevoel van leegte",
             "6. Ik heb vaak het gevoel", "Notitie", "Zo vastleggen? [j/n]"]  # fmt: skip
    positions = [asked.index(text) for text in order]
    assert positions == sorted(positions)
    assert "11" in asked and "heel getal van 0" in asked
    assert "weet ik veel" in asked and "min of meer, nee" in asked
    assert "Vastgelegd." in result.out and count(members, 1) == 1
    # Saying no records nothing; input that ends half-way refuses clearly.
    with clock.frozen(datetime(2026, 9, 3, 10, tzinfo=UTC)):
        no = cli("wellbeing", "record", "-c", CIRCLE, "Marie", *FLAGS[:-2], input="ja\n\nnee\n")
        assert no.code != 0 and "Niet vastgelegd." in no.out
        short = cli("wellbeing", "record", "-c", CIRCLE, "Marie", input="5\n")
        assert short.code != 0 and "Voor Mentaal welbevinden is niets opgegeven" in short.err
    assert count(members, 1) == 1


# --- the spider-web chart --------------------------------------------------------------


def test_chart_of_the_last_two_check_ins_has_the_values_and_renders(members, cli, tmp_path):
    import subprocess
    import xml.etree.ElementTree as ET

    from PIL import Image

    from voorzorg.paper.spider import point

    out = tmp_path / "marie.svg"
    assert cli("wellbeing", "chart", "-c", CIRCLE, "Marie", "--out", str(out)).code != 0
    assert cli("wellbeing", "chart", "-c", CIRCLE, "Marie", "--out", str(tmp_path / "m.txt")
               ).code != 0  # fmt: skip
    db = store.open_circle(db_file(members))
    try:
        for day, body in [(date(2025, 6, 1), 2), (date(2026, 1, 5), 3), (date(2026, 7, 6), 8)]:
            record_checkin(db, 1, ratings={**RATINGS, "body": body}, loneliness={},
                           note="<geheim & privé>", taken_on=day, today=day)  # fmt: skip
    finally:
        db.close()
    _ok(cli("wellbeing", "chart", "-c", CIRCLE, "Marie", "--out", str(out)))
    text = out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o077 == 0
    assert "geheim" not in text  # the note never goes into the chart
    root = ET.fromstring(text)
    ns = {"s": "http://www.w3.org/2000/svg"}
    polygons = {p.get("class"): p for p in root.iterfind(".//s:polygon", ns) if p.get("class")}
    assert set(polygons) == {"checkin before", "checkin last"}  # the oldest is left out
    assert polygons["checkin before"].get("data-values") == "3,7,8,7,4,9"
    last = polygons["checkin last"]
    assert last.get("data-values") == "8,7,8,7,4,9"
    first_point = tuple(float(v) for v in last.get("points").split()[0].split(","))
    assert first_point == point(0, 8)
    assert "ma 6 juli 2026" in text and "ma 5 januari 2026" in text
    assert "Lichaamsfuncties" in text and "Dagelijks functioneren" in text
    # Drawn in headless Chromium: not blank, and both check-in colours are there.
    png = tmp_path / "marie.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--screenshot={png}", "--window-size=840,720", out.as_uri()],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    image = Image.open(png).convert("RGB")
    colours = {c for _n, c in image.getcolors(maxcolors=1_000_000)}
    assert len(colours) > 10
    near = lambda rgb, want: all(abs(a - b) < 30 for a, b in zip(rgb, want, strict=True))  # noqa: E731
    assert any(near(c, (0x1F, 0x6F, 0x8B)) for c in colours)
    assert any(near(c, (0x9A, 0x6B, 0x00)) for c in colours)


@given(st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s))
def test_chart_is_well_formed_whatever_the_name(name):
    import xml.etree.ElementTree as ET

    from voorzorg.paper.spider import spider_svg

    checkin = {"taken_on": "2026-02-01", "ratings": RATINGS}
    clean = "".join(c for c in name if c.isprintable())
    root = ET.fromstring(spider_svg(clean, [checkin]).encode("utf-8"))
    assert clean.strip() in "".join(root.itertext()) or not clean.strip()


def test_a_check_in_cannot_predate_joining_or_the_consent(circle, cli):
    with clock.frozen(datetime(2026, 1, 10, 10, tzinfo=UTC)):
        _ok(cli("member", "add", "Marie Jansen", "--joined", "2026-01-05"))
    with clock.frozen(datetime(2026, 3, 1, 10, tzinfo=UTC)):
        _ok(cli("consent", "give", "Marie", "wellbeing"))
    db = store.open_circle(db_file(circle))
    try:
        for day, key in ((date(2025, 12, 1), "wellbeing.before_joined"),
                         (date(2026, 2, 28), "wellbeing.before_consent")):  # fmt: skip
            with pytest.raises(VoorzorgError) as refused:
                record_checkin(db, 1, ratings=RATINGS, loneliness={}, taken_on=day,
                               today=date(2026, 6, 1))  # fmt: skip
            assert refused.value.key == key
        assert "zo 1 maart 2026" in refused.value.params["given"]
        record_checkin(db, 1, ratings=RATINGS, loneliness={}, taken_on=date(2026, 3, 1),
                       today=date(2026, 6, 1))  # fmt: skip
    finally:
        db.close()
    assert count(circle, 1) == 1


def test_record_refuses_an_impossible_day_and_a_bad_note_before_asking_anything(members, cli):
    with clock.frozen(datetime(2026, 3, 1, 10, tzinfo=UTC)):
        _ok(cli("wellbeing", "record", "Marie", "--on", "2026-02-01", "--note", "eerste",
                input="\n".join(["5"] * 6 + ["nee"] * 6) + "\nj\n"))  # fmt: skip
        typed = "\n".join(["5"] * 6 + ["nee"] * 6 + ["", "j"]) + "\n"
        early = cli("wellbeing", "record", "Marie", "--on", "2024-12-01", input=typed)
        assert early.code != 0 and "Traceback" not in early.err
        assert "vóór" in early.err and "Lichaamsfuncties" not in early.err  # nothing asked
        soon = cli("wellbeing", "record", "Marie", input=typed)
        assert soon.code != 0 and "al een gesprek vastgelegd" in soon.err
        assert "Lichaamsfuncties" not in soon.err
        bad = cli("wellbeing", "record", "Marie", "--on", "2026-08-01", "--note", "a\x1b[31mb",
                  input=typed)  # fmt: skip
        assert bad.code != 0 and "\x1b" not in bad.out + bad.err
    assert count(members, 1) == 1


def test_withdrawal_and_delete_leave_no_answer_in_the_file_or_its_wal(members, cli):
    """With a reader holding the file open (as serve does), the deleted note and answers
    still leave the bytes of the database and of its WAL at once."""
    db = store.open_circle(db_file(members))
    try:
        record_checkin(db, 1, ratings=RATINGS, loneliness={}, note="GEHEIMWOORD een",
                       taken_on=date(2026, 2, 1), today=date(2026, 2, 1))  # fmt: skip
        record_checkin(db, 1, ratings=RATINGS, loneliness={}, note="GEHEIMWOORD twee",
                       taken_on=date(2026, 8, 3), today=date(2026, 8, 3))  # fmt: skip
    finally:
        db.close()
    reader = sqlite3.connect(db_file(members))
    reader.execute("SELECT count(*) FROM members").fetchone()  # a reader between queries

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in db_file(members).parent.glob(f"{CIRCLE}.db*"))

    assert b"GEHEIMWOORD een" in raw()
    with clock.frozen(datetime(2026, 9, 1, 10, tzinfo=UTC)):
        missing = cli("wellbeing", "delete", "Marie", "--on", "2026-03-01", "--yes")
        assert missing.code != 0 and "geen gesprek" in missing.err
        asked = cli("wellbeing", "delete", "Marie", "--on", "1 feb", input="n\n")
        assert asked.code != 0 and "zo 1 februari 2026" in asked.out
        assert "Niet verwijderd." in asked.out and count(members, 1) == 2
        gone = _ok(cli("wellbeing", "delete", "Marie", "--on", "1 feb", input="j\n"))
        assert "Verwijderd." in gone.out and count(members, 1) == 1
        assert b"GEHEIMWOORD een" not in raw() and b"GEHEIMWOORD twee" in raw()
        shown = _ok(cli("member", "show", "Marie"))
        assert "wellbeing" in shown.out  # the history says a check-in went, not what it said
        _ok(cli("consent", "withdraw", "Marie", "wellbeing"))
    assert b"GEHEIMWOORD" not in raw()
    reader.close()


def test_a_withdrawn_consent_stays_withdrawn_when_an_older_backup_is_restored(circle, cli,
                                                                             tmp_path):  # fmt: skip
    """Withdrawing matching deletes the needs and wellbeing the check-ins; a backup made
    before still holds both, and restoring it must not bring them back."""
    from voorzorg.deploy.withdrawals import REGISTER

    _ok(cli("member", "add", "Marie Jansen", "--consent", "matching,wellbeing",
            "--needs", "boodschappen"))  # fmt: skip
    _ok(cli("wellbeing", "record", "Marie", "--note", "GEHEIMWOORD", "--yes",
            *[f"--{o.replace('_', '-')}=6" for o in ("body", "mental", "meaning", "quality",
                                                     "participation", "daily")],
            input="nee\n" * 6))  # fmt: skip
    usb = tmp_path / "usb"
    usb.mkdir()
    _ok(cli("backup", str(usb), "--no-encrypt"))
    archive = next(usb.glob("voorzorg-backup-*.tar.gz"))
    for purpose in ("wellbeing", "matching"):
        _ok(cli("consent", "withdraw", "Marie", purpose))
    register = (circle / "data" / REGISTER).read_text(encoding="utf-8")
    assert "Marie" not in register and register.count("\n") == 2

    restored = _ok(cli("restore", str(archive), "--yes"))
    assert "2 eerder ingetrokken toestemmingen" in restored.err
    shown = _ok(cli("member", "show", "Marie", "--json")).json
    assert shown["consents"] == [] and shown["needs"] == []
    assert count(circle, 1) == 0

    def live_bytes() -> bytes:
        return b"".join(p.read_bytes() for p in (circle / "data").glob(f"{CIRCLE}.db*"))

    assert b"GEHEIMWOORD" not in live_bytes()
    # Given again after the withdrawal, a consent stands, also through the nightly net.
    _ok(cli("consent", "give", "Marie", "wellbeing"))
    purged = _ok(cli("purge", "--json")).json
    assert purged["withdrawn_again"] == 0
    assert _ok(cli("member", "show", "Marie", "--json")).json["consents"] == ["wellbeing"]


def test_a_registered_withdrawal_reaches_the_withdrawn_consent_and_older_ones_only(circle, cli):
    """Told apart by row id and the moment given: the withdrawn consent and an older one
    are withdrawn again; one given again afterwards stands, also in a file restored from
    before the withdrawn one (where its id can be lower)."""
    from voorzorg.deploy.withdrawals import _due

    _ok(cli("member", "add", "Marie Jansen"))
    db = store.open_circle(db_file(circle))
    try:
        ref = db.execute("SELECT ref FROM members WHERE id = 1").fetchone()[0]

        def case(consent_id, given_at, registered_id, registered_given):
            db.execute("DELETE FROM consents")
            db.execute("INSERT INTO consents (id, member_id, purpose, given_at) "
                       "VALUES (?, 1, 'wellbeing', ?)", [consent_id, given_at])  # fmt: skip
            entry = {"circle": CIRCLE, "ref": ref, "purpose": "wellbeing",
                     "consent_id": registered_id, "given_at": registered_given,
                     "withdrawn_at": "2026-06-01T10:00:00+00:00"}  # fmt: skip
            return bool(_due(db, [entry]))

        t0, t1 = "2026-01-01T10:00:00+00:00", "2026-07-01T10:00:00+00:00"
        assert case(5, t0, 5, t0)  # the withdrawn consent itself
        assert case(3, "2025-01-01T10:00:00+00:00", 5, t0)  # an older one
        assert not case(6, t0, 5, t0)  # given again (even within the same second)
        assert not case(4, t1, 5, t0)  # given again in a file from before consent 5
    finally:
        db.close()
