"""The coordinators' canned queries take "today" and "now" from voorzorg's one clock.

SQLite's own ``'now'`` is the Pi's clock in the Pi's zone (often UTC): around midnight
the four-week agenda would start on the wrong day, and tests could not freeze it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from voorzorg import clock
from voorzorg.web.queries import canned_queries, register_clock


def test_today_is_the_circles_date_and_now_is_the_clocks():
    conn = sqlite3.connect(":memory:")
    register_clock(conn, "Europe/Amsterdam")
    # 23:30 UTC on New Year's Eve is already New Year's Day in Amsterdam.
    with clock.frozen(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)):
        today, now = conn.execute("SELECT vz_vandaag(), vz_nu()").fetchone()
    assert today == "2027-01-01"
    assert now == "2026-12-31T23:30:00+00:00"


def test_no_canned_query_asks_sqlite_for_the_time():
    for name, query in canned_queries().items():
        sql = query["sql"].lower()
        assert "'now'" not in sql and "localtime" not in sql, name
