"""voorzorg's Datasette plugin: login, permissions, feeds, and what must stay hidden.

Registered in-process by ``voorzorg.web.server``; it reads its state (config, the
instance database, the feed cache) from ``datasette._voorzorg``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from datasette import hookimpl
from datasette.utils.asgi import Response

from voorzorg.i18n import _
from voorzorg.web import permissions

COOKIE = "vz_session"
SIGN_NAMESPACE = "voorzorg-session"
SESSION_SECONDS = 8 * 3600
INTROSPECTION = (
    r"/-/(?P<page>metadata|versions|plugins|settings|config|threads|databases|actor|"
    r"auth-token|permissions|messages|allow-debug|patterns)(\.json)?$"
)
FEED = r"^/feeds/(?P<circle>[^/]{1,60})/(?P<token>[^/]{1,100})\.ics$"
access_log = logging.getLogger("voorzorg.access")


def _state(datasette):
    return datasette._voorzorg


# --- who is asking --------------------------------------------------------------


@hookimpl
def actor_from_request(datasette, request):
    value = request.cookies.get(COOKIE)
    if not value:
        return None
    try:
        session = datasette.unsign(value, SIGN_NAMESPACE)
    except Exception:  # tampered or signed with another secret
        return None
    if not isinstance(session, dict) or not isinstance(session.get("a"), int):
        return None
    if session.get("e", 0) < time.time():
        return None

    async def inner():
        account = await _state(datasette).account(session["a"])
        if account is None:  # removed: access ends on the next request
            return None
        if session.get("v") != account.get("session_epoch", 0):
            return None  # logged out, or the password changed since

        return {
            "id": f"vz:{account['id']}",
            "vz": account["id"],
            "name": account["name"],
            "role": account["role"],
            "circles": account["circles"],
        }

    return inner


@hookimpl(trylast=True)
def permission_allowed(datasette, actor, action, resource):
    return permissions.decide(actor, action, resource)


@hookimpl
def forbidden(datasette, request, message):
    if request.actor is None:
        return Response.redirect("/-/login?next=" + _safe_next(request.path))
    return None


def _safe_target(path: str) -> str:
    """Only ever redirect within this site: a plain absolute path, nothing a browser
    could read as another host (no //, no backslash, no control or blank characters)."""
    import re
    from urllib.parse import unquote

    decoded = unquote(path or "")
    if re.fullmatch(r"/(?![/\\])[\x21-\x7e]*", decoded) and "\\" not in decoded:
        return path
    return "/"


def _safe_next(path: str) -> str:
    from urllib.parse import quote

    if not path.startswith("/") or path.startswith("//"):
        return "/"
    return quote(path, safe="/")


# --- routes ----------------------------------------------------------------------


@hookimpl
def register_routes():
    return [
        (r"^/-/login$", login),
        (r"^/-/logout$", logout),
        (FEED, feed),
        (INTROSPECTION, introspection),
    ]


async def login(request, datasette):
    state = _state(datasette)
    next_path = request.args.get("next") or "/"
    if request.method == "POST":
        if not _same_origin(request):
            return Response.text(_("web.forbidden"), status=403)
        form = await request.post_vars()
        name = (form.get("name") or "").strip()[:60]
        password = form.get("password") or ""
        next_path = form.get("next") or "/"
        failures = await state.failures(name)
        delay = state.login_delay(failures)
        if delay:
            await asyncio.sleep(delay)
        account = await state.authenticate(name, password)
        if account is not None:
            response = Response.redirect(_safe_target(next_path))
            signed = datasette.sign(
                {
                    "a": account["id"],
                    "v": account.get("session_epoch", 0),
                    "e": int(time.time()) + SESSION_SECONDS,
                },
                SIGN_NAMESPACE,
            )
            response.set_cookie(
                COOKIE,
                signed,
                max_age=SESSION_SECONDS,
                httponly=True,
                samesite="lax",
                secure=request.scheme == "https",
            )
            return response
        return await _login_page(datasette, request, next_path, error=True, status=401)
    return await _login_page(datasette, request, next_path, error=False, status=200)


async def _login_page(datasette, request, next_path, *, error: bool, status: int):
    html = await datasette.render_template(
        "vz_login.html",
        {"error": error, "next": next_path, "actor": request.actor},
        request=request,
    )
    return Response.html(html, status=status)


def _same_origin(request) -> bool:
    """Refuse a login form posted from another site (login CSRF)."""
    from urllib.parse import urlsplit

    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


async def logout(request, datasette):
    if permissions.is_account(request.actor):
        await _state(datasette).end_sessions(request.actor["vz"])
    response = Response.redirect("/-/login")
    response.set_cookie(COOKIE, "", expires=0, max_age=0)
    return response


async def introspection(request, datasette):
    actor = request.actor
    if not (permissions.is_account(actor) and actor["role"] == "operator"):
        return Response.text(_("web.not_found"), status=404)
    page = request.url_vars["page"]
    data = {
        "metadata": lambda: datasette.metadata(),
        "versions": datasette._versions,
        "plugins": lambda: datasette._plugins(request),
        "settings": lambda: datasette._settings,
        "config": lambda: datasette._settings,
        "threads": datasette._threads,
        "databases": datasette._connected_databases,
        "actor": lambda: {"actor": actor},
    }.get(page)
    if data is None:
        return Response.text(_("web.not_found"), status=404)
    return Response.json(data())


async def feed(request, datasette):
    state = _state(datasette)
    circle = request.url_vars["circle"]
    token = request.url_vars["token"]
    result = await state.feed(circle, token)
    if result is None:
        return Response.text(_("web.not_found"), status=404)
    # The window moves every day, so an event can enter it with no data changing:
    # Last-Modified is never older than the start of today, so clients that
    # revalidate with If-Modified-Since (Apple) fetch the moved window once a day.
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    last_modified = max(result.last_modified, today)
    headers = {
        "ETag": result.etag,
        "Last-Modified": format_datetime(last_modified, usegmt=True),
        "Cache-Control": "private, max-age=0, must-revalidate",
        "Referrer-Policy": "no-referrer",
    }
    if _not_modified(request, result.etag, last_modified):
        return Response("", status=304, headers=headers)
    headers["Content-Length"] = str(len(result.body))
    return Response(result.body, status=200, headers=headers, content_type=result.content_type)


def _not_modified(request, etag: str, last_modified) -> bool:
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


# --- every request ---------------------------------------------------------------


def _redact(path: str) -> str:
    """Paths as logged: no query string, and no segment that could be a token (any long
    run of token characters, wherever it stands: /feeds/, //feeds/, /Feeds/ ...)."""
    import re

    return re.sub(r"[A-Za-z0-9_\-]{24,}", "…", path)


def _refused(path: str, query: str, circles: set[str]) -> bool:
    """CSV exports and streams of circle data, which the permission hook cannot see."""
    from datasette.utils import tilde_decode

    first = path.lstrip("/").split("/", 1)[0]
    first = tilde_decode(first.rsplit(".", 1)[0] if "." in first else first)
    if first not in circles:
        return False
    wants_csv = path.endswith(".csv") or "_format=csv" in query or "_stream=" in query
    return wants_csv


@hookimpl
def asgi_wrapper(datasette):
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
                    for name, value in (
                        # same-origin: no referrer ever leaves the site, while the login
                        # form still carries its Origin (checked against login CSRF).
                        # Feeds set no-referrer themselves.
                        (b"referrer-policy", b"same-origin"),
                        (b"x-content-type-options", b"nosniff"),
                        (b"x-frame-options", b"DENY"),
                    ):
                        if name not in names:
                            headers.append((name, value))
                    message = {**message, "headers": headers}
                await send(message)

            refused = _refused(path, query, _state(datasette).served_circles())
            if not refused and path.startswith("/-/dashboards"):
                refused = not await _may_see_dashboards(datasette, scope)
            if refused:
                response = Response.text(_("web.forbidden"), status=403)
                await response.asgi_send(send_with_headers)
            else:
                await app(scope, receive, send_with_headers)
            access_log.info(
                "%s %s %s %.1fms",
                scope.get("method", "-"),
                _redact(path),
                status_holder["status"],
                (time.perf_counter() - started) * 1000,
            )

        return wrapped

    return wrap


async def _may_see_dashboards(datasette, scope) -> bool:
    """The dashboards plugin lets anyone with view-instance in; we allow only welfare
    and coordinator accounts (anonymous visitors are sent to the login page by the
    plugin's own view-instance check)."""
    from http.cookies import SimpleCookie

    cookies = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            cookies.load(value.decode("latin-1"))
    if COOKIE not in cookies:
        return True  # anonymous: view-instance is denied, which sends them to login
    try:
        session = datasette.unsign(cookies[COOKIE].value, SIGN_NAMESPACE)
        account = await _state(datasette).account(session["a"])
    except Exception:
        return True  # not a valid session: treated as anonymous further on
    return account is None or account["role"] in ("welfare", "coordinator")


@hookimpl
def startup(datasette):
    async def inner():
        await _state(datasette).start(datasette)

    return inner
