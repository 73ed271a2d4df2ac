"""Accountability: which account looked at which page of circle data or statistics.

Called once per request by the middleware after the response went out. Only pages of
a served database (a circle or ``stats``) and the dashboards are logged, and only
when an account was served them (status 200). What is kept: the account, its role,
the circle and the page or table (the path's first segment after the database, with
its format extension dropped); never the query string, never a row id, never a token.
Stored in instance.db by ``deploy/accesslog.py`` (``voorzorg user log`` reads it).
"""

from __future__ import annotations

import asyncio
import logging

from voorzorg.web import permissions, session
from voorzorg.web.state import state_of

log = logging.getLogger("voorzorg.access")


def what(path: str, served: set[str]) -> tuple[str, str] | None:
    """(circle or "stats", page) for a path worth logging, else None."""
    parts = [p for p in path.split("/") if p]
    if not parts:
        return None
    if path.startswith(permissions.DASHBOARDS):
        return "stats", "dashboards"
    first = permissions.tilde_decode(parts[0].split(".", 1)[0])
    if first not in served and first != permissions.STATS:
        return None
    page = "-"
    if len(parts) > 1:
        page = permissions.tilde_decode(parts[1]).rsplit(".", 1)[0][:60]
        if len(page) >= 24 or not page.replace("_", "").replace("-", "").isalnum():
            page = "?"  # never anything that could be a token or a typed value
    return first, page


async def record(datasette, scope, receive, path: str, status: int) -> None:
    """Log the access if it is one (never raises: logging must not break serving)."""
    try:
        if status != 200:
            return
        state = state_of(datasette)
        found = what(path, state.served_circles() | {permissions.STATS})
        if found is None:
            return
        from datasette.utils.asgi import Request

        actor = await session.actor_from_cookies(datasette, Request(scope, receive).cookies)
        if not permissions.is_account(actor):
            return
        from voorzorg.deploy import accesslog

        circle, page = found
        await asyncio.to_thread(
            state._with_instance,
            lambda conn: accesslog.record(conn, account=actor, circle=circle, page=page),
        )
    except Exception as exc:  # the log is for accountability, never a reason to fail
        log.warning("access not logged: %s", type(exc).__name__)
