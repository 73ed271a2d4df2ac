"""Logging in and out: the login page, its form, and where a login may send you.

- The login form is refused when posted from another site (login CSRF): it needs an
  Origin (else a Referer) of this site, or, when a browser sends neither, the form's
  CSRF token matching its signed cookie. A cross-site Origin is refused either way.
- Attempts are throttled by ``accounts.claim_attempt`` (per name and address, per
  address, for everyone): counted before the password is checked, and refused at
  once (429) over a limit, never made to wait. A browser that logged in to a name
  before (``session.known_device``, valid only while the account's session epoch is
  unchanged) is throttled per device instead, within a budget for all devices of
  the name together.
- Logging out is a POST with the CSRF token (a link from another site cannot end a
  session); GET ``/-/logout`` shows the button.
- The page you are sent to afterwards is always on this site.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from urllib.parse import quote, unquote, urlsplit

from datasette.utils.asgi import Response

from voorzorg.deploy import accounts
from voorzorg.i18n import _
from voorzorg.web import permissions, session
from voorzorg.web.state import state_of

LOGIN = r"^/-/login$"
LOGOUT = r"^/-/logout$"
CSRF_COOKIE = "ds_csrftoken"
RETRY_AFTER = 15 * 60  # seconds: the throttling window


async def login(request, datasette):
    state = state_of(datasette)
    next_path = request.args.get("next") or "/"
    if request.method != "POST":
        return await _login_page(datasette, request, next_path, error=None, status=200)
    form = await request.post_vars()
    if not login_origin_ok(datasette, request, form):
        return Response.text(_("web.forbidden"), status=403)
    name = (form.get("name") or "").strip()[:60]
    password = form.get("password") or ""
    next_path = form.get("next") or "/"
    device = await session.known_device(datasette, request.cookies, name)
    where = accounts.DEVICE_PREFIX + device if device else client_address(request)
    outcome, account = await state.authenticate(name, password, where, known_device=bool(device))
    if outcome == "ok":
        response = Response.redirect(safe_target(next_path))
        secure = request.scheme == "https"
        session.begin(response, datasette, account, secure=secure)
        if not device:
            session.remember_device(response, datasette, account, secure=secure)
        return response
    if outcome == "refused":
        response = await _login_page(
            datasette, request, next_path, error="web.login_throttled", status=429
        )
        response.headers["Retry-After"] = str(RETRY_AFTER)
        return response
    return await _login_page(datasette, request, next_path, error="web.login_wrong", status=401)


async def _login_page(datasette, request, next_path, *, error: str | None, status: int):
    html = await datasette.render_template(
        "vz_login.html",
        {"error": _(error) if error else None, "next": next_path, "actor": request.actor},
        request=request,
    )
    return Response.html(html, status=status)


async def logout(request, datasette):
    if request.method != "POST":
        if not permissions.is_account(request.actor):
            return Response.redirect("/-/login")
        html = await datasette.render_template(
            "vz_logout.html", {"actor": request.actor}, request=request
        )
        return Response.html(html)
    form = await request.post_vars()
    if not csrf_token_ok(datasette, request, form):
        return Response.text(_("web.forbidden"), status=403)
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


def login_origin_ok(datasette, request, form) -> bool:
    """A login form may be posted from this site only: with an Origin (else a Referer)
    naming this host, or without either but with a valid CSRF token. An Origin or
    Referer from elsewhere (or ``null``) is refused, token or not."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin:
        return origin != "null" and urlsplit(origin).netloc == request.host
    return csrf_token_ok(datasette, request, form)


def csrf_token_ok(datasette, request, form) -> bool:
    """The form's ``csrftoken`` is the one in the signed ``ds_csrftoken`` cookie."""
    cookie = request.cookies.get(CSRF_COOKIE) or ""
    token = form.get("csrftoken") or ""
    if not cookie or not token or not hmac.compare_digest(cookie, token):
        return False
    try:
        datasette.unsign(cookie, "csrftoken")
    except Exception:  # tampered, or signed with another secret
        return False
    return True


def client_address(request) -> str:
    """Where an attempt comes from, for throttling: the client's IP address (uvicorn
    puts the one from X-Forwarded-For there when the proxy on 127.0.0.1 sends it); an
    IPv6 address counts as its /64 network, which one household usually has."""
    client = request.scope.get("client")
    host = client[0] if client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


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
