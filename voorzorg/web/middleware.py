"""What happens to every HTTP request around Datasette (the plugin's ``asgi_wrapper``).

- Requests ``permissions.request_refused`` refuses get a 403 before Datasette sees
  them (CSV exports and streams of circle data, the dashboards for the wrong role).
- Every response gets the security headers below, unless it set its own.
- Every request is logged on ``voorzorg.access`` as method, path, status and time,
  with the path redacted: no query string, and nothing that could be a feed token
  (uvicorn's own access log is off for that reason).
- Every page of circle data or statistics served to an account is recorded in the
  accountability log in instance.db (``web/accesslog.py``).
"""

from __future__ import annotations

import logging
import re
import time

from datasette.utils.asgi import Request, Response

from voorzorg.i18n import _
from voorzorg.web import accesslog, permissions, session
from voorzorg.web.state import state_of

access_log = logging.getLogger("voorzorg.access")
SECURITY_HEADERS = (
    # same-origin: no referrer ever leaves the site, while the login form still
    # carries its Origin (checked against login CSRF). Feeds set no-referrer themselves.
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
)


def redact(path: str) -> str:
    """Paths as logged: no query string, and no segment that could be a token (any long
    run of token characters, wherever it stands: /feeds/, //feeds/, /Feeds/ ...)."""
    return re.sub(r"[A-Za-z0-9_\-]{24,}", "…", path)


def wrapper(datasette):
    """The ``asgi_wrapper`` for ``datasette``: wraps its ASGI app."""

    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            started = time.perf_counter()
            path = scope.get("path", "")
            query = scope.get("query_string", b"").decode("latin-1")
            status_holder = {"status": 0}

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    status_holder["status"] = message["status"]
                    headers = list(message.get("headers", []))
                    names = {h[0].lower() for h in headers}
                    for name, value in SECURITY_HEADERS:
                        if name not in names:
                            headers.append((name, value))
                    message = {**message, "headers": headers}
                await send(message)

            actor = None
            if permissions.needs_actor(path):
                cookies = Request(scope, receive).cookies  # as Datasette reads them
                actor = await session.actor_from_cookies(datasette, cookies)
            circles = state_of(datasette).served_circles()
            if permissions.request_refused(actor, path, query, circles):
                response = Response.text(_("web.forbidden"), status=403)
                await response.asgi_send(send_with_headers)
            else:
                await app(scope, receive, send_with_headers)
            await accesslog.record(datasette, scope, receive, path, status_holder["status"])
            access_log.info(
                "%s %s %s %.1fms",
                scope.get("method", "-"),
                redact(path),
                status_holder["status"],
                (time.perf_counter() - started) * 1000,
            )

        return wrapped

    return wrap
