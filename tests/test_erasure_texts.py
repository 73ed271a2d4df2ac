"""Erasure finds a member in free text as people write it, and old cancellation notes
stay out of the calendar feeds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

from voorzorg.deploy import circles as circles_mod
from voorzorg.deploy import config as config_mod
from voorzorg.deploy.deployment import init_deployment
from voorzorg.domain import requests as req
from voorzorg.domain.activities import add_activity, cancel_occurrence
from voorzorg.domain.agreements import add_agreement
from voorzorg.domain.erasure import erase_rows, name_terms
from voorzorg.domain.members import add_member
from voorzorg.domain.recurrence import Rule

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 2)


def circle(tmp_path):
    init_deployment(tmp_path / "d")
    config = config_mod.load(tmp_path / "d" / "config.toml")
    config, _ = circles_mod.add_circle(config, "c", "Cirkel")
    return config, circles_mod.open_db(config, "c")


def weekly(db) -> int:
    return add_activity(db, title="Koffieochtend", start=date(2026, 11, 5), start_time="10:00",
                        timezone="Europe/Amsterdam", now=NOW, rule=Rule("weekly", 1),
                        duration_minutes=120)["id"]  # fmt: skip


def person(db, name):
    return add_member(db, name, today=TODAY, consents=["matching"])["id"]


def test_name_terms_are_the_parts_only_this_member_carries(tmp_path):
    _config, db = circle(tmp_path)
    marie = person(db, "Marie Jansen")
    person(db, "Marie de Wit")
    strong, weak = name_terms(db, marie, "Marie Jansen")
    assert strong == ["marie jansen", "jansen"]  # "Marie" is shared: not hers alone
    assert weak == ["marie", "jansen"]
    db.close()


def test_notes_naming_her_by_a_part_of_her_name_are_cleared(tmp_path):
    _config, db = circle(tmp_path)
    marie = person(db, "Marie Jansen")
    piet, kees = person(db, "Piet Bakker"), person(db, "Kees de Wit")
    person(db, "Marie de Wit")
    helped = req.add_request(db, for_id=piet, category="transport", now=NOW,
                             note="Marie rijdt mee, zij heeft ook dialyse")["id"]  # fmt: skip
    req.ask(db, helped, marie, now=NOW)
    other = req.add_request(db, for_id=kees, category="errands", now=NOW,
                            note="Boodschappen samen met mevr. Jansen")["id"]  # fmt: skip
    shared = req.add_request(db, for_id=kees, category="company", now=NOW,
                             note="Marie de Wit komt ook")["id"]  # fmt: skip
    add_agreement(db, helper_id=piet, for_id=kees, category="garden",
                  note="Overleg met Jansen over de heg", today=TODAY)  # fmt: skip
    activity = weekly(db)
    cancel_occurrence(db, activity, date(2026, 11, 12), note="Jansen ligt in het ziekenhuis",
                      now=NOW)  # fmt: skip
    erase_rows(db, marie)
    notes = dict(db.execute("SELECT id, note FROM requests").fetchall())
    assert notes[helped] is None  # she was asked: "Marie" is her there
    assert notes[other] is None  # "Jansen" is hers alone in this circle
    assert notes[shared] == "Marie de Wit komt ook"  # another Marie: kept
    assert [tuple(r) for r in db.execute("SELECT note FROM agreements")] == [(None,)]
    assert [tuple(r) for r in db.execute("SELECT note FROM activity_exceptions")] == [(None,)]
    db.close()


def test_cancellation_notes_from_before_the_upgrade_stay_out_of_the_feed(tmp_path):
    from voorzorg.calendar.feeds import render_circle_feed

    config, db = circle(tmp_path)
    activity = weekly(db)
    cancel_occurrence(db, activity, date(2026, 11, 12), note="Oud: An is ziek", now=NOW)
    cancel_occurrence(db, activity, date(2026, 11, 19), note="Zaal bezet", now=NOW)
    db.close()
    conn = sqlite3.connect(config.data_dir / "c.db")
    with conn:  # as migration 11 leaves a note that existed before it
        conn.execute("UPDATE activity_exceptions SET note_public = 0 WHERE note LIKE 'Oud%'")
    conn.close()
    db = circles_mod.open_db(config, "c")
    feed = render_circle_feed(db, circle_id="c", name="Cirkel", timezone="Europe/Amsterdam",
                              today=TODAY)  # fmt: skip
    text = feed.body.decode()
    assert "Zaal bezet" in text and "An is ziek" not in text
    assert text.count("STATUS:CANCELLED") == 2  # both still marked as cancelled
    from voorzorg.domain.grouptexts import cancellation_text, week_text

    for day in (date(2026, 11, 12), date(2026, 11, 19)):
        group = week_text(db, today=day, timezone="Europe/Amsterdam")
        group += cancellation_text(db, activity, on=day, today=TODAY, timezone="Europe/Amsterdam")
        assert "An is ziek" not in group
    assert "Zaal bezet" in group
    db.close()


def test_a_helpers_export_leaves_out_the_note_about_the_other_member(tmp_path):
    from voorzorg.privacy.export import export_member

    config, db = circle(tmp_path)
    helper, helped = person(db, "Piet Bakker"), person(db, "Kees de Wit")
    add_agreement(db, helper_id=helper, for_id=helped, category="transport",
                  note="Kees moet na de dialyse opgehaald", today=TODAY)  # fmt: skip
    entry = config.active_circles()[0]
    as_helper = export_member(config, entry, db, helper)["agreements"]
    as_helped = export_member(config, entry, db, helped)["agreements"]
    assert [a["role"] for a in as_helper] == ["helper"] and as_helper[0]["note"] is None
    assert as_helped[0]["note"] == "Kees moet na de dialyse opgehaald"
    db.close()


def test_an_erasure_held_up_by_a_reader_is_finished_by_the_next_purge(tmp_path):
    """``serve`` reading at the moment of erasure keeps the WAL; the nightly purge empties
    it even when it has nothing else to do."""
    from voorzorg.privacy.erase import erase_member
    from voorzorg.privacy.purge import purge

    config, db = circle(tmp_path)
    victim = person(db, "Zwaantje Qwerty")
    for n in range(30):
        person(db, f"Buur {n}")
    path = config.data_dir / "c.db"
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM members").fetchone()  # a snapshot held open
    info = erase_member(config, "c", db, victim)
    assert info["compacted"] is False
    db.close()
    reader.rollback()
    reader.close()

    def found() -> list[str]:
        files = [path, path.with_name("c.db-wal"), path.with_name("c.db-journal")]
        return [f.name for f in files if f.exists() and b"Qwerty" in f.read_bytes()]

    purge(config)
    assert found() == []
