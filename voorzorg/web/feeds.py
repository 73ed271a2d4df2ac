"""Feeds over HTTP: ``/feeds/<circle>/<token>.ics`` for calendar apps.

No login: the token in the path is the key (``calendar.tokens``), so an unknown,
revoked or mistyped token, an unknown circle and an archived one all get the same
404, after the same hashing work. Rendering and its cache are ``calendar.feeds``;
this module finds the feed and answers with HTTP caching (ETag, Last-Modified,
304 for a conditional GET), since calendar apps poll often.
"""

from __future__ import annotations

from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime

from datasette.utils.asgi import Response

from voorzorg import clock
from voorzorg.i18n import _
from voorzorg.web.state import state_of

ROUTE = r"^/feeds/(?P<circle>[^/]{1,60})/(?P<token>[^/]{1,100})\.ics$"


async def feed(request, datasette):
    circle = request.url_vars["circle"]
    token = request.url_vars["token"]
    result = await find(state_of(datasette), circle, token)
    if result is None:
        return Response.text(_("web.not_found"), status=404)
    # The window moves every day, so an event can enter it with no data changing:
    # Last-Modified is never older than the start of today, so clients that
    # revalidate with If-Modified-Since (Apple) fetch the moved window once a day.
    today = clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    last_modified = max(result.last_modified, today)
    headers = {
        "ETag": result.etag,
        "Last-Modified": format_datetime(last_modified, usegmt=True),
        "Cache-Control": "private, max-age=0, must-revalidate",
        "Referrer-Policy": "no-referrer",
    }
    if not_modified(request, result.etag, last_modified):
        return Response("", status=304, headers=headers)
    headers["Content-Length"] = str(len(result.body))
    return Response(result.body, status=200, headers=headers, content_type=result.content_type)


def not_modified(request, etag: str, last_modified) -> bool:
    """A conditional GET the client's copy still answers: If-None-Match when sent
    (it wins), else If-Modified-Since."""
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = [t.strip() for t in match.split(",")]
        return etag in tags or "*" in tags
    since = request.headers.get("if-modified-since")
    if since:
        try:
            moment = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return last_modified <= moment
    return False


async def find(state, circle_id: str, token: str):
    """The rendered feed (``calendar.feeds``) a token opens, or None."""
    from voorzorg.calendar.tokens import lookup

    entry = state.config.circles.get(circle_id)
    database = state.datasette.databases.get(circle_id) if entry else None
    if entry is None or entry.archived or database is None:
        lookup(None, "")  # the same hashing work as a real lookup
        return None

    def work(conn):
        from voorzorg.calendar.feeds import options_of, render_circle_feed, render_member_feed
        from voorzorg.clock import today

        db = _Db(conn)
        row = lookup(db, token)
        if row is None:
            return None
        day = today(entry.timezone)
        key = (circle_id, row["member_id"], day, id(conn))

        def render():
            if row["member_id"] is None:
                return render_circle_feed(
                    db, circle_id=entry.id, name=entry.name, timezone=entry.timezone, today=day,
                    options=options_of(entry),
                )  # fmt: skip
            return render_member_feed(
                db, row["member_id"], circle_id=entry.id, name=entry.name,
                timezone=entry.timezone, today=day, options=options_of(entry),
            )  # fmt: skip

        return state.cache.get(db, key, render)

    return await database.execute_fn(work)


class _Db:
    """The small part of sqlite_utils.Database that rendering uses, on Datasette's connection."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def execute(self, sql, params=()):
        return self.conn.execute(sql, params)
