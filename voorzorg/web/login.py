"""Logging in and out: the login page, its form, and where a login may send you.

The login form is refused when posted from another site (login CSRF: it checks the
Origin, else the Referer), failed attempts are slowed down per account name, and
the page you are sent to afterwards is always on this site.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import quote, unquote, urlsplit

from datasette.utils.asgi import Response

from voorzorg.i18n import _
from voorzorg.web import permissions, session
from voorzorg.web.state import state_of

LOGIN = r"^/-/login$"
LOGOUT = r"^/-/logout$"


async def login(request, datasette):
    state = state_of(datasette)
    next_path = request.args.get("next") or "/"
    if request.method == "POST":
        if not same_origin(request):
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
            response = Response.redirect(safe_target(next_path))
            session.begin(response, datasette, account, secure=request.scheme == "https")
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


async def logout(request, datasette):
    if permissions.is_account(request.actor):
        await state_of(datasette).end_sessions(request.actor["vz"])
    response = Response.redirect("/-/login")
    session.end(response)
    return response


def to_login(request):
    """What a refused request gets: anyone not logged in is sent to the login page
    (and back afterwards); a logged-in account gets Datasette's own 403 (None)."""
    if request.actor is None:
        return Response.redirect("/-/login?next=" + safe_next(request.path))
    return None


def same_origin(request) -> bool:
    """Refuse a login form posted from another site (login CSRF)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


def safe_target(path: str) -> str:
    """Only ever redirect within this site: a plain absolute path, nothing a browser
    could read as another host (no //, no backslash, no control or blank characters)."""
    decoded = unquote(path or "")
    if re.fullmatch(r"/(?![/\\])[\x21-\x7e]*", decoded) and "\\" not in decoded:
        return path
    return "/"


def safe_next(path: str) -> str:
    """The ``next=`` of a login link: the path asked for, quoted, or ``/``."""
    if not path.startswith("/") or path.startswith("//"):
        return "/"
    return quote(path, safe="/")
