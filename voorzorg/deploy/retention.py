"""The retention policy: how long each kind of data is kept, from ``[privacy]`` in
config.toml, with defaults a Dutch welfare organisation would sign.

- ``closed_request_notes_months`` (12): the note, closing note and referral of a
  request closed longer ago are cleared; the request itself stays as a count;
- ``left_members_months`` (24): a member who left longer ago is erased (as
  ``member erase`` does, erasure register included);
- ``notification_log_months`` (6): integrations' logs of messages sent;
- ``access_log_months`` (6): the web access log in instance.db;
- ``view_months`` (12): how far back coordinators see closed requests;
- ``call_log_months`` (3): the calling rota's record of calls (reached, not reached);
- ``wellbeing_months`` (60): a wellbeing check-in taken longer ago is deleted. Five
  years: enough to look back over ten half-yearly conversations with the member and for
  the outcome figures of several years; a check-in older than that says little about
  how someone is doing now. Withdrawing the consent deletes them all at once, and a
  member who left is erased after ``left_members_months`` with their check-ins.

0 keeps that kind of data (not for ``view_months``). ``voorzorg purge`` applies it
(``privacy/purge.py``), daily through the systemd timer; statistics releases already
published (stats.db) are never touched.
"""

from __future__ import annotations

from datetime import date, datetime

DEFAULTS = {
    "closed_request_notes_months": 12,
    "left_members_months": 24,
    "notification_log_months": 6,
    "access_log_months": 6,
    "view_months": 12,
    "call_log_months": 3,
    "wellbeing_months": 60,
}


def policy(config) -> dict[str, int]:
    """The policy in force: the defaults with what config.toml's ``[privacy]`` sets."""
    table = config.data.get("privacy") or {}
    return {key: int(table.get(key, value)) for key, value in DEFAULTS.items()}


def months_before(moment: datetime | date, months: int):
    """``moment`` minus whole calendar months (the last day of a shorter month)."""
    import calendar

    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
