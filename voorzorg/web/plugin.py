"""voorzorg's Datasette plugin: only the hook declarations; each delegates.

Registered in-process by ``voorzorg.web.server.build`` as this one module (so each
hook is registered once, and ``/-/plugins`` shows one plugin). Keep every
``@hookimpl`` here and nowhere else: pluggy registers whatever hook
implementations a registered module holds, imported ones included.
"""

from __future__ import annotations

from datasette import hookimpl

from voorzorg.web import (
    feeds,
    introspection,
    login,
    middleware,
    pages,
    paper,
    permissions,
    session,
)
from voorzorg.web.state import state_of


@hookimpl
def actor_from_request(datasette, request):
    found = session.read(datasette, request.cookies)
    if found is None:
        return None

    async def inner():
        return await session.actor(datasette, found)

    return inner


@hookimpl(trylast=True)
def permission_allowed(datasette, actor, action, resource):
    return permissions.decide(actor, action, resource)


@hookimpl
def forbidden(datasette, request, message):
    async def inner():
        return await pages.forbidden(datasette, request)

    return inner


@hookimpl
def handle_exception(datasette, request, exception):
    async def inner():
        return await pages.handle(datasette, request, exception)

    return inner


@hookimpl
def register_routes():
    return [
        (login.LOGIN, login.login),
        (login.LOGOUT, login.logout),
        (feeds.ROUTE, feeds.feed),
        (introspection.ROUTE, introspection.page),
        (paper.ROUTE, paper.download),
    ]


@hookimpl
def asgi_wrapper(datasette):
    return middleware.wrapper(datasette)


@hookimpl
def prepare_connection(conn, database, datasette):
    """A circle database's connections get the clock's today and now (see queries)."""
    from voorzorg.web.queries import register_clock

    state = getattr(datasette, "_voorzorg", None)
    circle = state.config.circles.get(database) if state is not None else None
    if circle is not None:
        register_clock(conn, circle.timezone)


@hookimpl
def startup(datasette):
    async def inner():
        await state_of(datasette).start(datasette)

    return inner
