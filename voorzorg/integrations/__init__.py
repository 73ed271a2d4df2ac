"""Integrations, Home Assistant style: a folder with a manifest, configured per circle.

``hookspecs`` lists what an integration may implement; ``manifest`` reads and checks
``manifest.toml``; ``loader`` finds integrations (bundled in ``plugins/``, installed
with a ``voorzorg`` entry point, or in ``custom_plugins_dir``) and loads them in
isolation; ``entries`` keeps the per-circle config entries in config.toml.
"""
