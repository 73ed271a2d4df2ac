"""The hooks an integration may implement. Keep this list short."""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("voorzorg")
hookimpl = pluggy.HookimplMarker("voorzorg")


@hookspec
def register_commands(cli):
    """Add click commands or groups to the ``voorzorg`` command line."""


@hookspec
def migrations():
    """Return a ``sqlite_utils.Migrations`` set for tables the integration owns."""


@hookspec
def on_event(event, circle, entry, config):
    """React to a committed change (``voorzorg.events.Event``) in a circle where the
    integration is enabled; ``entry`` holds its options for that circle."""


@hookspec
def test_entry(circle, entry, config):
    """Check the options of a config entry (a test connection); return None when fine
    or a short message saying what is wrong."""
