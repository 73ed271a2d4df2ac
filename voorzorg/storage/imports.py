"""Heavy libraries the storage layer needs now and then, imported without their extras.

sqlite-utils runs migrations; Datasette serves. Both would pull in numpy (installed for
the statistics auditor) on the way, which no reading or serving path needs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def numpy_hidden() -> Iterator[None]:
    """Inside the block, ``import numpy`` (and pandas) fails as if they were not installed.

    sqlite-utils and Datasette's vendored pint import numpy and pandas whenever they are
    installed, only to accept their number types, which voorzorg never uses. numpy is
    installed for the statistics auditor (HiGHS); importing it would cost every migration,
    integration table and ``voorzorg serve`` about 100 ms and 12 MB on a Pi. Modules
    imported inside the block settle on "no numpy"; anyone importing numpy after it (the
    auditor) gets it as usual.
    """
    import sys

    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # "import numpy" raises ImportError meanwhile
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def import_sqlite_utils():
    """sqlite-utils, imported without numpy and pandas (see ``numpy_hidden``)."""
    import sys

    if "sqlite_utils" not in sys.modules:
        with numpy_hidden():
            import sqlite_utils  # noqa: F401
    return sys.modules["sqlite_utils"]
