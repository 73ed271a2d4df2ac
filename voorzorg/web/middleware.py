"""What happens to every HTTP request around Datasette (the plugin's ``asgi_wrapper``).

- Requests ``permissions.request_refused`` refuses get a 403 before Datasette sees
  them (CSV exports and streams of circle data, the dashboards for the wrong role).
- Requests that read ``stats`` pass ``limits.Gate``: one at a time per account, a
  few waiting, more refused at once (429).
- Every response gets the security headers below, unless it set its own; HTML gets
  a Content-Security-Policy with a fresh nonce, which every inline ``<script>`` of
  the page is given (Datasette's and the dashboards' templates are our own or escape
  what they show, so the only script tags in a page are the templates'); HTTPS
  responses (directly, or from the proxy on 127.0.0.1, or with an https base_url)
  get Strict-Transport-Security.
- Every request is logged on ``voorzorg.access`` as method, path, status and time,
  with the path redacted: no query string, nothing that could be a feed token, and
  control characters escaped, so no path can write a line of its own (uvicorn's own
  access log is off for that reason).
- Every page of circle data or statistics served to an account is recorded in the
  accountability log in instance.db (``web/accesslog.py``).
"""

from __future__ import annotations

import logging
import re
import secrets
import time

from datasette.utils.asgi import Request, Response

from voorzorg.i18n import _
from voorzorg.text import escape_control as escape
from voorzorg.web import accesslog, limits, permissions, session
from voorzorg.web.state import state_of

access_log = logging.getLogger("voorzorg.access")
SECURITY_HEADERS = (
    # same-origin: no referrer ever leaves the site, while the login form still
    # carries its Origin (checked against login CSRF). Feeds set no-referrer themselves.
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
)
HSTS = (b"strict-transport-security", b"max-age=31536000")
# Inline styles stay allowed: Datasette's and vega's style attributes cannot carry a
# nonce, and a style cannot run code. The dashboards' charts are compiled by vega with
# new Function(), so those pages (only) allow eval; their scripts still need the nonce.
CSP = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'{eval}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
CSP_OTHER = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SCRIPT_TAG = re.compile(rb"<script(?![^>]*\bnonce=)(?=[\s>])", re.IGNORECASE)


def redact(path: str) -> str:
    """Paths as logged: no query string, no segment that could be a token (any long
    run of token characters, wherever it stands: /feeds/, //feeds/, /Feeds/ ...), and
    every control character (a decoded newline, say) escaped as \\xNN."""
    path = re.sub(r"[A-Za-z0-9_\-]{24,}", "…", path)
    return escape(path[:300])


def is_https(datasette, scope) -> bool:
    if scope.get("scheme") == "https":  # uvicorn sets it from the trusted proxy, too
        return True
    return state_of(datasette).config.base_url.startswith("https://")


def with_nonce(body: bytes, nonce: str) -> bytes:
    return SCRIPT_TAG.sub(b'<script nonce="' + nonce.encode("ascii") + b'"', body)


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
            nonce = secrets.token_urlsafe(18)
            https = is_https(datasette, scope)
            pending: dict = {}

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    status_holder["status"] = message["status"]
                    headers = list(message.get("headers", []))
                    names = {h[0].lower() for h in headers}
                    for name, value in SECURITY_HEADERS:
                        if name not in names:
                            headers.append((name, value))
                    if https and HSTS[0] not in names:
                        headers.append(HSTS)
                    content_type = next(
                        (v for k, v in headers if k.lower() == b"content-type"), b""
                    )
                    html = content_type.startswith(b"text/html")
                    if b"content-security-policy" not in names:
                        policy = CSP_OTHER
                        if html:
                            dashboards = path.startswith(permissions.DASHBOARDS)
                            policy = CSP.format(
                                nonce=nonce, eval=" 'unsafe-eval'" if dashboards else ""
                            )
                        headers.append((b"content-security-policy", policy.encode("ascii")))
                    message = {**message, "headers": headers}
                    if html:  # held back until the body is complete, for the nonces
                        pending["start"] = message
                        pending["body"] = []
                        return
                elif message["type"] == "http.response.body" and "start" in pending:
                    pending["body"].append(message.get("body", b""))
                    if message.get("more_body"):
                        return
                    body = with_nonce(b"".join(pending["body"]), nonce)
                    start = pending.pop("start")
                    headers = [h for h in start["headers"] if h[0].lower() != b"content-length"]
                    headers.append((b"content-length", str(len(body)).encode("ascii")))
                    await send({**start, "headers": headers})
                    message = {"type": "http.response.body", "body": body}
                await send(message)

            actor = None
            stats = limits.is_stats_request(path)
            if permissions.needs_actor(path) or stats:
                cookies = Request(scope, receive).cookies  # as Datasette reads them
                actor = await session.actor_from_cookies(datasette, cookies)
            circles = state_of(datasette).served_circles()
            if permissions.request_refused(actor, path, query, circles):
                response = Response.text(_("web.forbidden"), status=403)
                await response.asgi_send(send_with_headers)
            elif stats and permissions.is_account(actor):
                await _gated(datasette, actor["vz"], app, scope, receive, send_with_headers)
            else:
                await app(scope, receive, send_with_headers)
            await accesslog.record(datasette, scope, receive, path, status_holder["status"])
            access_log.info(
                "%s %s %s %.1fms",
                escape(scope.get("method", "-")[:16]),
                redact(path),
                status_holder["status"],
                (time.perf_counter() - started) * 1000,
            )

        return wrapped

    return wrap


async def _gated(datasette, account_id: int, app, scope, receive, send) -> None:
    gate = state_of(datasette).gate
    semaphore = gate.admit(account_id)
    if semaphore is None:
        busy = _("web.limit_busy") if gate.account_busy(account_id) else _("web.limit_busy_all")
        response = Response.text(busy, status=429, headers={"Retry-After": "5"})
        await response.asgi_send(send)
        return
    try:
        async with semaphore:
            await app(scope, receive, send)
    finally:
        gate.leave(account_id)
