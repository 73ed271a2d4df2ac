"""The one authority on who may see what in `voorzorg serve`.

Every Datasette permission check ends here (the plugin's ``permission_allowed``
runs last and always answers). The rules, by role:

- anonymous visitors: nothing (the login page, static files and feeds with a
  valid token are routes of their own);
- a coordinator: their own circles' databases, and in them only the Dutch views
  and canned queries, never the raw tables, never SQL, never a download;
- a welfare account: only ``stats``, the anonymised statistics, including SQL on it
  (the dashboards query it from the browser; it holds nothing but protected cells);
- coordinators may read ``stats`` and its dashboards too;
- an operator: the introspection pages, no data.
"""

from __future__ import annotations

from voorzorg.storage.views import VIEWS

STATS = "stats"
OPERATOR_ONLY = ("permissions-debug", "debug-menu")
NEVER = (
    "view-database-download",
    "insert-row",
    "delete-row",
    "update-row",
    "create-table",
    "alter-table",
    "drop-table",
)


def is_account(actor) -> bool:
    return isinstance(actor, dict) and isinstance(actor.get("vz"), int)


def can_see_database(actor, database: str) -> bool:
    if not is_account(actor):
        return False
    if actor["role"] == "coordinator":
        return database in actor["circles"] or database == STATS
    if actor["role"] == "welfare":
        return database == STATS
    return False


def can_see_table(actor, database: str, table: str) -> bool:
    if not can_see_database(actor, database):
        return False
    if database == STATS:
        return not table.startswith(("_", "sqlite_"))
    return table in VIEWS


def decide(actor, action: str, resource) -> bool:
    """True if ``actor`` may do ``action`` on ``resource``; False otherwise, always."""
    if not is_account(actor) or action in NEVER:
        return False
    if action == "view-instance":
        return True
    if action == "execute-sql":
        return resource == STATS and can_see_database(actor, STATS)
    if action in OPERATOR_ONLY:
        return actor["role"] == "operator"
    if action == "view-database":
        return isinstance(resource, str) and can_see_database(actor, resource)
    if action == "view-table" and isinstance(resource, tuple | list) and len(resource) == 2:
        return can_see_table(actor, resource[0], resource[1])
    if action == "view-query" and isinstance(resource, tuple | list) and len(resource) == 2:
        return can_see_database(actor, resource[0])
    return False
