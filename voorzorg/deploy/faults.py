"""Fault injection for the crash tests: die at a named point as ``kill -9`` would.

``VOORZORG_CRASH_AT=<point>`` makes the process kill itself with SIGKILL there (no
cleanup, no ``finally``), so tests can cut a backup, a restore or ``circle add`` at
every step deterministically. Unset (always, in real use) it costs one dict lookup.
"""

from __future__ import annotations

import os


def crash_point(name: str) -> None:
    if os.environ.get("VOORZORG_CRASH_AT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
