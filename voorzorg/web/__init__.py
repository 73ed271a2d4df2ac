"""The web side: `voorzorg serve` runs Datasette with voorzorg's own plugin.

Modules, one job each:

- ``server``: builds and runs the Datasette instance: settings, metadata, the
  databases served, and the ``State`` the plugin reads (config, accounts, feed cache);
- ``plugin``: the Datasette plugin, hook declarations only, each delegating below;
- ``permissions``: the one authority on who may see what (no Datasette imports);
- ``session``: the one parser of the session cookie, and the one place that makes it;
- ``login``: the login and logout routes, login CSRF, safe redirect targets;
- ``feeds``: calendar feeds over HTTP (token lookup, ETag, Last-Modified, 304);
- ``introspection``: Datasette's ``/-/`` pages, hidden from all but operators;
- ``middleware``: around every request: early refusals, security headers, access log;
- ``queries``: the canned queries and table titles of a circle database;
- ``dashboards``: the welfare dashboards on ``stats``.
"""
