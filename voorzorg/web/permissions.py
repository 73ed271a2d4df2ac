"""The one authority on who may see what in `voorzorg serve`.

Every web access question is answered here, as plain functions of who asks (an
actor, as ``session.actor`` makes it, or None) and what they ask for; the plugin
hooks, the routes and the middleware only ask and act on the answer. No Datasette
imports, so the rules can be tested on their own (``tests/test_permissions.py``).

Every Datasette permission check ends in ``decide`` (the plugin's
``permission_allowed`` runs last and always answers). The rules, by role:

- anonymous visitors: nothing (the login page, static files and feeds with a
  valid token are routes of their own);
- a coordinator: their own circles' databases, and in them only the Dutch views
  and canned queries, never the raw tables, never SQL (so no ``_where`` either),
  never a download;
- a welfare account: only ``stats``, the anonymised statistics, including SQL on it
  (the dashboards query it from the browser; it holds nothing but protected cells);
- coordinators may read ``stats`` and its dashboards too;
- an operator: the introspection pages, no data.

Two kinds of request never reach a permission check in Datasette, so they are
decided before Datasette sees them (``request_refused``): CSV exports and streams of
circle data (Datasette serves a table's CSV to whoever may view the table), and the
dashboards, which datasette-dashboards opens to anyone with ``view-instance``.
"""

from __future__ import annotations

from urllib.parse import unquote_plus

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
DASHBOARDS = "/-/dashboards"
DASHBOARD_ROLES = ("welfare", "coordinator")
# The introspection pages an operator may read; every other /-/ page that could tell
# a visitor about the server is answered "not found", to everyone.
INTROSPECTION_PAGES = (
    "metadata",
    "versions",
    "plugins",
    "settings",
    "config",
    "threads",
    "databases",
    "actor",
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


# --- requests decided before Datasette sees them ---------------------------------


def needs_actor(path: str) -> bool:
    """Whether ``request_refused`` needs to know who asks for ``path`` (so the session
    is only looked up when it matters)."""
    return path.startswith(DASHBOARDS)


def request_refused(actor, path: str, query: str, circles: set[str]) -> bool:
    """True if the request is refused (403) before Datasette sees it.

    ``path`` is the request path, ``query`` its query string, ``circles`` the ids of the
    circles being served. ``actor`` is only consulted where ``needs_actor(path)``;
    elsewhere the answer is the same whoever asks, and None may be passed.
    """
    if is_circle_export(path, query, circles):
        return True
    if needs_actor(path):
        return dashboards_refused(actor)
    return False


def is_circle_export(path: str, query: str, circles: set[str]) -> bool:
    """CSV exports and streams of circle data, which the permission hook cannot see:
    refused to everyone, whatever name spelling (``/~7Aorgsaam/...``) is used."""
    first = path.lstrip("/").split("/", 1)[0]
    first = tilde_decode(first.rsplit(".", 1)[0] if "." in first else first)
    if first not in circles:
        return False
    return path.endswith(".csv") or "_format=csv" in query or "_stream=" in query


def csv_offered(database: str) -> bool:
    """Whether a page offers CSV links: only for statistics (circle data is never
    exported over the web, see ``is_circle_export``)."""
    return database == STATS


def dashboards_refused(actor) -> bool:
    """The dashboards are for welfare and coordinator accounts. Anyone not logged in is
    not refused here: Datasette's view-instance check sends them to the login page."""
    return is_account(actor) and actor["role"] not in DASHBOARD_ROLES


def may_see_introspection(actor, page: str) -> bool:
    """Only an operator, and only the pages in INTROSPECTION_PAGES; to anyone else the
    page does not exist."""
    return is_account(actor) and actor["role"] == "operator" and page in INTROSPECTION_PAGES


def tilde_decode(text: str) -> str:
    """A database name as Datasette decodes it from a URL (``~7A`` -> ``z``); ``%`` is
    kept as it stands, as Datasette keeps it. (Datasette's own ``tilde_decode``, without
    its random placeholder for ``%``, so without importing Datasette.)"""
    return "%".join(unquote_plus(part.replace("~", "%")) for part in text.split("%"))


def may_print(actor, circle: str) -> bool:
    """The printed documents of a circle (``web/paper.py``): phone list, "wie doet wat",
    intake form, poster, emergency cards. Only a coordinator of that very circle; the
    coordinator accounts are how a circle's connectors work in ``serve``."""
    return is_account(actor) and actor["role"] == "coordinator" and circle in actor["circles"]
