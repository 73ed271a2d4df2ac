"""Datasette's introspection pages (``/-/metadata``, ``/-/plugins``, ``/-/actor`` ...),
hidden behind a route of our own.

They tell a visitor which versions, plugins, settings and databases the server
runs, so to anyone but an operator they do not exist (404, not 403, and no login
redirect); an operator gets the JSON of the pages ``permissions`` lists, and the
rest (permission debugging, messages, patterns, token making) to nobody.
"""

from __future__ import annotations

from datasette.utils.asgi import Response

from voorzorg.i18n import _
from voorzorg.web import permissions

ROUTE = (
    r"/-/(?P<page>metadata|versions|plugins|settings|config|threads|databases|actor|"
    r"auth-token|permissions|messages|allow-debug|patterns)(\.json)?$"
)


async def page(request, datasette):
    actor = request.actor
    name = request.url_vars["page"]
    if not permissions.may_see_introspection(actor, name):
        return Response.text(_("web.not_found"), status=404)
    data = {
        "metadata": lambda: datasette.metadata(),
        "versions": datasette._versions,
        "plugins": lambda: datasette._plugins(request),
        "settings": lambda: datasette._settings,
        "config": lambda: datasette._settings,
        "threads": datasette._threads,
        "databases": datasette._connected_databases,
        "actor": lambda: {"actor": actor},
    }.get(name)
    if data is None:
        return Response.text(_("web.not_found"), status=404)
    return Response.json(data())
