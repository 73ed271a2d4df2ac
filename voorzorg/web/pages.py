"""Error pages, in the user's language, and the same for what exists and what does not.

Datasette's ``handle_exception`` and ``forbidden`` hooks end here:

- **No enumeration.** A 404 for something the asker could not see if it existed (a
  circle that is not theirs, a raw table, anything at all when not logged in) is
  answered exactly as a protected page is: the login page for anyone not logged in,
  the one 403 page for an account, and a CSV export or stream the plain 403 that a
  circle's export gets from the middleware. So a stranger cannot tell which circles or
  tables exist. Names that are never served to anyone (``instance``) and Datasette's own
  ``/-/`` pages keep their 404: they tell nothing about a deployment.
- **Bad parameters are 400s.** An error raised while reading a table with ``_sort``,
  ``_next`` or ``_size`` in the query (Datasette answers a bad ``_next`` with a 500)
  is a 400 with a Dutch message.
- **Nothing leaks into the log.** Datasette's own handler prints tracebacks; it is
  unregistered (``server.build``) and this one logs one line for the operator on
  ``voorzorg.errors``: the exception's type and where it was raised, never its
  message or parameters.
"""

from __future__ import annotations

import logging
import traceback

from datasette.utils.asgi import Base400, Response

from voorzorg.i18n import _
from voorzorg.web import permissions

operator_log = logging.getLogger("voorzorg.errors")
NEVER_SERVED = ("instance",)  # never the name of any deployment's database
PAGING = ("_sort", "_sort_desc", "_next", "_size")


def _datasette_error():
    from datasette.views.base import DatasetteError

    return DatasetteError


async def handle(datasette, request, exception):
    """The response to an exception in a view (or a 404 with no route at all)."""
    DatasetteError = _datasette_error()
    status, message = 500, _("web.error_500")
    if isinstance(exception, Base400):
        status = exception.status
        message = _(f"web.error_{status}") if status in (403, 404) else _("web.error_400")
    elif isinstance(exception, DatasetteError):
        status = exception.status if exception.status in (400, 403, 404) else 500
        message = _(f"web.error_{status}") if status != 400 else _("web.error_400")
    if status == 404 and hides_existence(datasette, request):
        if looks_like_export(request):  # as the middleware refuses a circle's export
            return Response.text(_("web.forbidden"), status=403)
        return await forbidden(datasette, request)
    if status in (400, 500) and any(name in request.args for name in PAGING):
        detail = str(getattr(exception, "message", "")).lower()
        if status == 500 or any(word in detail for word in ("sort", "_next", "_size")):
            status, message = 400, _("web.error_paging")
            return await page(datasette, request, status, message)
    if status == 500:
        frame = traceback.extract_tb(exception.__traceback__)[-1:]
        where = f"{frame[0].filename.rsplit('/', 1)[-1]}:{frame[0].lineno}" if frame else "?"
        operator_log.error("error 500 (%s at %s)", type(exception).__name__, where)
    elif isinstance(exception, DatasetteError) and status == 400:
        # Datasette's own 400s (a bad filter, an invalid query) keep their detail.
        message = _("web.error_400_detail", detail=str(exception.message)[:500])
    return await page(datasette, request, status, message)


async def forbidden(datasette, request):
    """What a refused request gets: anyone not logged in is sent to the login page (and
    back afterwards); an account gets the one 403 page."""
    from voorzorg.web.login import to_login

    response = to_login(request)
    if response is not None:
        return response
    return await page(datasette, request, 403, _("web.error_403"))


async def page(datasette, request, status: int, message: str):
    if request.path.split("?")[0].endswith(".json"):
        return Response.json({"ok": False, "error": message, "status": status}, status=status)
    html = await datasette.render_template(
        "vz_error.html",
        {"status": status, "title": _(f"web.title_{status}"), "error": message},
        request=request,
    )
    return Response.html(html, status=status)


def looks_like_export(request) -> bool:
    """Whether the request would be a refused CSV export or stream if its first path
    segment named a circle (``permissions.is_circle_export``)."""
    first = request.path.lstrip("/").split("/", 1)[0]
    name = permissions.tilde_decode(first.rsplit(".", 1)[0] if "." in first else first)
    return permissions.is_circle_export(request.path, request.query_string, {name})


def hides_existence(datasette, request) -> bool:
    """Whether a 404 must look like a protected page: the asker could not see the
    database (or table) named in the path if it existed."""
    parts = request.path.lstrip("/").split("/")
    first = parts[0]
    if not first or first.startswith("-") or first in ("feeds", "favicon.ico"):
        return False
    database = permissions.tilde_decode(first.rsplit(".", 1)[0] if "." in first else first)
    if database in NEVER_SERVED:
        return False
    actor = request.actor
    if not permissions.can_see_database(actor, database):
        return True
    if len(parts) > 1 and parts[1]:
        second = parts[1]
        table = permissions.tilde_decode(second.rsplit(".", 1)[0] if "." in second else second)
        queries = (datasette.metadata("queries", database=database) or {}) if database else {}
        return not (permissions.can_see_table(actor, database, table) or table in queries)
    return False


# Datasette's filter names and its description of a filtered table, in Dutch: both
# come from Python code, not templates, so the templates pass them through these.
LOOKUPS_NL = {
    "contains": "bevat",
    "ends with": "eindigt op",
    "starts with": "begint met",
    "like": "lijkt op (like)",
    "not like": "lijkt niet op (not like)",
    "in": "is een van",
    "not in": "is geen van",
    "array contains": "lijst bevat",
    "array does not contain": "lijst bevat niet",
    "date": "datum",
    "is null": "is leeg (null)",
    "is not null": "is niet leeg (niet null)",
    "is blank": "is leeg",
    "is not blank": "is niet leeg",
}
DESCRIPTION_NL = (
    ("where ", "waar "),
    (" and ", " en "),
    ("sorted by ", "gesorteerd op "),
    (" descending", " aflopend"),
    ("search matches ", "zoekt naar "),
    *((f" {english} ", f" {dutch} ") for english, dutch in LOOKUPS_NL.items()),
)


def lookup_text(display: str) -> str:
    """A filter's name as the filter form shows it."""
    if _("web.html_lang") != "nl":
        return display
    return LOOKUPS_NL.get(display, display)


def describe(description: str) -> str:
    """Datasette's English description of a filtered table ("where naam contains "x"
    sorted by naam descending"), in the user's language."""
    if _("web.html_lang") != "nl":
        return description
    for english, dutch in DESCRIPTION_NL:
        description = description.replace(english, dutch)
    return description
