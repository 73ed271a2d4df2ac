"""How the plugin's modules reach the serving state without importing the server.

``server.build`` puts one ``server.State`` on the Datasette instance; the routes, the
middleware and the hooks read it through ``state_of``. Keeping this accessor apart from
``server`` keeps the import graph one-way: server -> plugin -> routes -> state.
"""

from __future__ import annotations


def state_of(datasette):
    """The ``server.State`` that ``server.build`` gave ``datasette``."""
    return datasette._voorzorg
