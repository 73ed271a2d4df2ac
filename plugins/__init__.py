"""The bundled integrations, installed as ``voorzorg.plugins`` (see pyproject.toml).

Each subpackage is one integration with a ``manifest.toml`` and ``translations/``; they
import nothing from voorzorg but ``voorzorg.api``, exactly like third-party integrations.
"""
