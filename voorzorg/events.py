"""One small event mechanism: core code announces what changed, after it is committed.

Handlers (integrations, later) subscribe to event names. Core functions call
``emit()`` only after their transaction has committed, so a handler can never
undo or block a change; a handler that fails is caught and reported in the
returned list, and the others still run.

Events carry ids and codes only (circle id, request id, member ids, category),
never names, notes or needs: a handler that wants more reads it with the same
rights as any other part of voorzorg.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Handler = Callable[["Event"], None]


@dataclass(frozen=True)
class Event:
    name: str
    circle: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class HandlerFailure:
    event: str
    handler: str
    error: str


_handlers: list[tuple[str, Handler]] = []
_failures: list[HandlerFailure] = []
_emitted: list[Event] = []


def subscribe(pattern: str, handler: Handler) -> Callable[[], None]:
    """Call ``handler`` for events named ``pattern`` ("request.done", "request.*" or "*").

    Returns a function that unsubscribes again.
    """
    entry = (pattern, handler)
    _handlers.append(entry)

    def unsubscribe() -> None:
        if entry in _handlers:
            _handlers.remove(entry)

    return unsubscribe


def _matches(pattern: str, name: str) -> bool:
    if pattern in ("*", name):
        return True
    return pattern.endswith(".*") and name.startswith(pattern[:-1])


def emit(event: Event) -> list[HandlerFailure]:
    """Deliver ``event`` to every matching handler; failures are returned, not raised."""
    _emitted.append(event)
    failures: list[HandlerFailure] = []
    for pattern, handler in list(_handlers):
        if not _matches(pattern, event.name):
            continue
        try:
            handler(event)
        except Exception as exc:  # a failing handler must never break the change
            name = getattr(handler, "__qualname__", repr(handler))
            failures.append(HandlerFailure(event.name, name, type(exc).__name__))
    _failures.extend(failures)
    return failures


def take_failures() -> list[HandlerFailure]:
    """Failures since the last call (the CLI reports them after a command)."""
    taken = list(_failures)
    _failures.clear()
    return taken


def take_emitted() -> list[Event]:
    """Events since the last call (the CLI hands them to integrations after a command)."""
    taken = list(_emitted)
    _emitted.clear()
    return taken
