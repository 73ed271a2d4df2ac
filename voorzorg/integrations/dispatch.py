"""Hand committed events to the integrations enabled in their circle.

Called by the CLI after a command has finished, so every change is committed before
any integration sees it. Integrations are loaded only when a circle with events
has entries; a failing one is reported and never undoes or blocks anything.
"""

from __future__ import annotations

from voorzorg.integrations.entries import entries, with_secrets


def deliver(config, events) -> list[dict]:
    from voorzorg.integrations.entries import migrate_entries
    from voorzorg.integrations.loader import load

    problems: list[dict] = []
    by_circle: dict[str, list] = {}
    for event in events:
        by_circle.setdefault(event.circle, []).append(event)
    for circle_id, circle_events in by_circle.items():
        enabled = entries(config, circle_id)
        if not enabled:
            continue
        registry = load(config, set(enabled))
        if migrate_entries(config, registry):
            from voorzorg.deploy import config as config_mod

            config = config_mod.load(config.path)
            enabled = entries(config, circle_id)
        for domain, entry in enabled.items():
            if registry.loaded(domain) is None:
                found = registry.integrations.get(domain)
                reason = found.error if found else "not installed"
                problems.append({"domain": domain, "event": "*", "error": reason})
                continue
            if not registry.implements(domain, "on_event"):
                continue
            options = with_secrets(config, circle_id, domain, entry)
            for event in circle_events:
                outcome = registry.call(
                    "on_event",
                    {domain},
                    event=event,
                    circle=circle_id,
                    entry=options,
                    config=config,
                )
                # never undoes the change; reported instead
                problems += [
                    {"domain": domain, "event": event.name, "error": type(f.exception).__name__}
                    for f in outcome.failures
                ]
    return problems
