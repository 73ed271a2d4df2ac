"""The printed documents as downloads: ``/<circle>/-/afdrukken/<document>.pdf``.

Only a coordinator of that circle (``permissions.may_print``); anyone else is refused as
any protected page refuses them (Datasette's ``Forbidden``: the login page for someone
not logged in, 403 for another account). The PDFs are made by ``voorzorg.paper`` on
Datasette's connection to the circle, as the CLI makes them.

The poster is served without a QR code: subscription tokens are stored only as a hash,
so the server cannot put an existing one on it, and a download (a GET) never makes a new
secret. ``voorzorg print poster`` makes the poster with its QR code.

The wellbeing form is served blank only (a form with a member's name is made by
``voorzorg print wellbeing-form``, which checks that member's consent).
"""

from __future__ import annotations

from datasette.utils.asgi import Forbidden, Response

from voorzorg.i18n import _
from voorzorg.web import permissions
from voorzorg.web.state import state_of

ROUTE = r"^/(?P<circle>[^/.]{1,60})/-/afdrukken/(?P<document>[a-z-]{1,40})\.pdf$"
# URL name -> (document, file name key)
DOCUMENTS = {
    "telefoonlijst": "phone-list",
    "wie-doet-wat": "who-does-what",
    "aanmeldformulier": "intake-form",
    "affiche": "poster",
    "noodkaarten": "emergency-card",
    "welbevinden-formulier": "wellbeing-form",
}


async def download(request, datasette):
    circle = permissions.tilde_decode(request.url_vars["circle"])
    if not permissions.may_print(request.actor, circle):
        raise Forbidden(_("web.forbidden"))
    state = state_of(datasette)
    entry = state.config.circles.get(circle)
    database = datasette.databases.get(circle) if entry is not None else None
    document = DOCUMENTS.get(request.url_vars["document"])
    if entry is None or entry.archived or database is None or document is None:
        return Response.text(_("web.not_found"), status=404)

    def work(conn):
        from voorzorg.clock import today
        from voorzorg.errors import VoorzorgError
        from voorzorg.paper import documents

        db = _Db(conn)
        day = today(entry.timezone)
        name = entry.name
        if document == "phone-list":
            return documents.phone_list(db, circle=name, today=day)
        if document == "who-does-what":
            return documents.who_does_what(db, circle=name, today=day)
        if document == "intake-form":
            return documents.intake_form(circle=name, today=day)
        if document == "wellbeing-form":
            return documents.wellbeing_form(circle=name, today=day)
        if document == "poster":
            return documents.poster(db, circle=name, today=day, year=day.year, month=day.month,
                                    timezone=entry.timezone, link=None)  # fmt: skip
        try:
            return documents.emergency_cards(db, circle=name, today=day)
        except VoorzorgError:
            return None  # nobody gave consent for an emergency card

    body = await database.execute_fn(work)
    if body is None:
        return Response.text(_("paper.card.nobody_web"), status=404)
    headers = {
        "Content-Disposition": f'attachment; filename="{request.url_vars["document"]}.pdf"',
        "Cache-Control": "no-store",
    }
    return Response(body, status=200, headers=headers, content_type="application/pdf")


class _Db:
    """The small part of sqlite_utils.Database the documents use, on Datasette's connection."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def execute(self, sql, params=()):
        return self.conn.execute(sql, params)
