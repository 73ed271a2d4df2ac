"""Integrations, Home Assistant style: a folder with a manifest, configured per circle.

- ``hookspecs``: every hook an integration may implement, each documented (when it is
  called, its arguments, its result, what an exception does).
- ``manifest``: reads and checks ``manifest.toml`` (requirements parsed with
  ``packaging``, checked against what is installed) and ``translations/<lang>.toml``.
- ``loader``: finds integrations (bundled as the package ``voorzorg.plugins``, installed
  with a ``voorzorg`` entry point, or in ``custom_plugins_dir``), loads each in isolation,
  registers its texts with ``voorzorg.i18n``, and calls hooks through ``Registry.call``,
  the one place that keeps a failing integration from breaking the CLI or the others.
- ``entries``: the per-circle config entries in config.toml and their secrets.
- ``dispatch``: hands committed events to the enabled integrations.

Integrations themselves import only ``voorzorg.api``, the stable public surface; core
code never imports an integration.
"""
