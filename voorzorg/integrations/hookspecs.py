"""Every hook an integration may implement: the whole plugin contract, in one short list.

An integration implements a hook by defining a module-level function with the hook's
name, marked with ``@hookimpl`` (``from voorzorg.api import hookimpl``; an unmarked
function with a hook's name is accepted too, as pytest does). It may accept fewer
arguments than the spec lists, by name, in any order: pluggy passes only the ones it
asks for, and refuses (the integration fails to load) a name the spec does not have.

Hooks are called through the plugin manager by ``Registry.call`` (loader.py), one
integration at a time: whatever an implementation raises is caught there, reported
with the integration's domain, and never reaches the other integrations, the command
the volunteer ran, or a change that was already saved. Raise
``voorzorg.api.VoorzorgError`` with a key from your ``translations/`` when the user
can do something about the problem; anything else is reported by its type.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("voorzorg")
hookimpl = pluggy.HookimplMarker("voorzorg")


@hookspec
def register_commands(cli):
    """Add click commands or groups to the ``voorzorg`` command line.

    Called when one of the commands the manifest lists under ``commands`` is used (or
    help lists them), after the integration has loaded. ``cli`` is the root group: add
    top-level commands with ``cli.add_command``, subcommands to the core groups
    ``voorzorg.api.member`` / ``voorzorg.api.activity``. Build commands with the
    ``command``/``group``/``option`` decorators of ``voorzorg.api`` so their help texts
    are translation keys. Return value: ignored. If it raises, the command is reported
    as unavailable.
    """


@hookspec
def migrations():
    """Return a ``voorzorg.api.Migrations`` set for the tables the integration owns.

    Called when the integration is enabled for a circle (``integration add``); the
    pending migrations are then applied to that circle's database. Name the set and
    the tables after the domain (``notify_sent``). Return None when there are none.
    If it raises, the entry is not saved and the error is shown.
    """


@hookspec
def on_event(event, circle, entry, config):
    """React to a committed change in a circle where the integration is enabled.

    Called after a command has finished successfully, once per event, in the order
    they happened. ``event`` is a ``voorzorg.events.Event`` (``event.name`` such as
    ``request.accepted``; ``event.data`` holds ids, never personal details), ``circle``
    the circle id, ``entry`` the entry's options for that circle with its secrets,
    ``config`` the deployment's config. Return value: ignored. An exception is
    reported as a warning ("the change was saved"); the change is never undone.
    """


@hookspec
def test_entry(circle, entry, config):
    """Check a config entry's options, for example with a test connection.

    Called by ``integration add`` (unless ``--no-test``) before the entry is saved,
    and by ``integration test``. Return None when the options work, or a short text
    (translated, through ``voorzorg.api._``) saying what is wrong; the entry is then
    refused. An exception counts as a failed test, with the error as the reason.
    """


@hookspec
def migrate_entry(old, version):
    """Bring an entry written for an older ``config_version`` up to date.

    Called when the manifest's ``config_version`` is higher than the ``version`` stored
    in a circle's entry, before any other hook sees that entry. ``old`` holds the
    entry's options (without ``version``; secrets stay in secrets.toml and are not
    passed), ``version`` the version they were written for. Return the new options;
    config.toml is then updated in place, keeping the user's comments. Without an
    implementation the options are kept as they are. If it raises, the entry is left
    unchanged and the integration is reported as failed for this run.
    """


@hookspec
def notify_operator(url, title, body, config):
    """Deliver a short message to whoever runs the machine (``voorzorg check --notify``).

    ``url`` is the address the operator put in secrets.toml as ``operator_notify_url``
    (an apprise URL: mailto://, ntfy://, signal://, ...); ``title`` and ``body`` are
    already translated and hold no personal data, only what needs attention. Return
    True when delivered, False when it could not be, None when the integration does
    not deliver messages at all.
    """


@hookspec
def privacy_export(circle, member_id, requests, config):
    """Say what the integration holds about one member, for ``member export`` (GDPR
    Art. 15 and 20: access and portability).

    Called for every integration enabled in ``circle``. ``member_id`` is the member's
    id in that circle, ``requests`` the requests they were part of (dicts with ``id``
    and ``role``: "for", "helper" or "asked"). Return None when the integration holds
    nothing about people, otherwise a dict ``{"title": text, "items": [dict, ...],
    "statement": text or None}``: ``title`` names what it is (translated), ``items``
    one dict of plain values per record (no secrets, no tokens: say that they exist),
    ``statement`` a sentence for the readable export. If it raises, the export is
    refused (an export must be complete).
    """


@hookspec
def privacy_erase(circle, member_id, requests, config):
    """Remove everything the integration holds about one member (``member erase``,
    ``member remove``, and again after a restore brought an erased member back).

    Called before the member's rows leave the circle (and, after a restore, right after
    they were erased again), with the same arguments as ``privacy_export``. Delete
    rows in your tables and values in secrets.toml (``voorzorg.api.remove_secret``)
    that belong to this member; where another member's record depends on a row, keep
    it without anything that identifies this member. Return the number of records
    removed. If it raises, the erasure stops before the core rows are touched and the
    error is shown; running the command again is safe.
    """


@hookspec
def privacy_purge(circle, before, dry_run, config):
    """Apply the retention policy to the integration's log (``voorzorg purge``).

    ``before`` is an aware datetime (UTC): records older than that are removed, as
    ``[privacy] notification_log_months`` of config.toml says. With ``dry_run`` count
    without removing. Return the number of records (to be) removed.
    """
