"""`voorzorg purge`: apply the retention policy (``deploy/retention.py``) everywhere.

Per circle: notes, closing notes and referrals of requests closed longer ago than
``closed_request_notes_months`` are cleared; calls of the calling rota recorded longer
ago than ``call_log_months`` are deleted; wellbeing check-ins taken longer ago than
``wellbeing_months`` (a date in the circle's timezone) are deleted; members who left
longer ago than ``left_members_months`` are erased (as ``member erase``: integrations,
erasure register, compaction); integrations' logs older than ``notification_log_months`` go
through the ``privacy_purge`` hook; the coordinators' view period is written into the
circle. Then the web access log older than ``access_log_months``. Before all that,
every member in the erasure register still found in a circle is erased again. The
report holds counts only, never a name. stats.db (published releases) is never touched.
"""

from __future__ import annotations

from datetime import UTC


def purge(config, *, dry_run: bool = False) -> dict:
    from voorzorg import clock
    from voorzorg.deploy import accesslog, accounts, erasures, withdrawals
    from voorzorg.deploy.circles import db_path
    from voorzorg.deploy.retention import months_before, policy
    from voorzorg.privacy.erase import erase_member, finish_pending
    from voorzorg.privacy.integrations import call
    from voorzorg.storage.store import compact, open_circle
    from voorzorg.storage.views import VIEW_MONTHS_KEY

    rules = policy(config)
    now = clock.now().astimezone(UTC)
    report: dict = {"dry_run": dry_run, "policy": rules, "circles": {}, "access_log": 0,
                    "erased_again": 0}  # fmt: skip
    if not dry_run:
        # A safety net for the erasure register: whoever is in it stays erased, whatever
        # brought them back (a restore by hand, an old copy put in place).
        reapplied = erasures.reapply(config)
        erasures.note_pending(config.path.parent, reapplied)
        report["erased_again"] = len(reapplied)
        finish_pending(config)
        # And the copies a restore set aside (.voorzorg-replaced/): an erasure made after
        # that restore must reach them as well.
        report["erased_in_set_aside"] = erasures.erase_in_set_aside(config)
        # The same net for withdrawn consents: their needs and check-ins stay gone.
        report["withdrawn_again"] = len(withdrawals.reapply(config))
        report["withdrawn_in_set_aside"] = withdrawals.reapply_in_set_aside(config)
    for entry in config.circles.values():
        path = db_path(config, entry)
        if not path.exists():
            continue
        counts = {"notes_cleared": 0, "members_erased": 0, "notification_log": 0,
                  "call_log": 0, "wellbeing": 0}  # fmt: skip
        db = open_circle(path)
        try:
            months = rules["closed_request_notes_months"]
            if months:
                before = clock.stamp(months_before(now, months))
                where = """status IN ('done', 'cancelled', 'referred') AND closed_at < ?
                           AND (note IS NOT NULL OR closing_note IS NOT NULL
                                OR referred_to IS NOT NULL)"""
                counts["notes_cleared"] = db.execute(
                    f"SELECT count(*) FROM requests WHERE {where}", [before]
                ).fetchone()[0]
                if counts["notes_cleared"] and not dry_run:
                    with db.atomic():
                        db.execute(
                            f"""UPDATE requests SET note = NULL, closing_note = NULL,
                                  referred_to = NULL WHERE {where}""",
                            [before],
                        )
            months = rules["left_members_months"]
            if months:
                today = clock.today(entry.timezone)
                before_day = months_before(today, months).isoformat()
                ids = [r[0] for r in db.execute(
                    "SELECT id FROM members WHERE left_on IS NOT NULL AND left_on < ? "
                    "ORDER BY id", [before_day]).fetchall()]  # fmt: skip
                counts["members_erased"] = len(ids)
                if not dry_run:
                    for member_id in ids:
                        erase_member(config, entry.id, db, member_id)
            months = rules["call_log_months"]
            if months:
                from voorzorg.domain.belcirkel import purge_calls

                counts["call_log"] = purge_calls(
                    db, clock.stamp(months_before(now, months)), dry_run=dry_run
                )
            months = rules["wellbeing_months"]
            if months:
                from voorzorg.domain.wellbeing import purge_checkins

                before_day = months_before(clock.today(entry.timezone), months)
                counts["wellbeing"] = purge_checkins(db, before_day, dry_run=dry_run)
            months = rules["notification_log_months"]
            if months:
                results = call(config, entry.id, "privacy_purge", strict=False,
                               before=months_before(now, months), dry_run=dry_run)  # fmt: skip
                counts["notification_log"] = sum(int(v or 0) for v in results.values())
            if not dry_run:
                wanted = str(rules["view_months"])
                row = db.execute(
                    "SELECT value FROM circle_meta WHERE key = ?", [VIEW_MONTHS_KEY]
                ).fetchone()
                if row is None or row[0] != wanted:
                    db.execute(
                        "INSERT OR REPLACE INTO circle_meta (key, value) VALUES (?, ?)",
                        [VIEW_MONTHS_KEY, wanted],
                    )
                # Every night, not only after a change: an erasure whose compaction a
                # reader held up (``serve``) is finished here.
                compact(db)
        finally:
            db.close()
        report["circles"][entry.id] = counts
    months = rules["access_log_months"]
    if months and accounts.instance_path(config.data_dir).exists():
        conn = accounts.open_instance(config.data_dir)
        try:
            report["access_log"] = accesslog.purge(
                conn, months_before(now, months), dry_run=dry_run
            )
            if report["access_log"] and not dry_run:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return report
