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


OPERATOR_URL = "operator_notify_url"


def notify_operator(config, title: str, body: str) -> dict:
    """Tell the operator through whichever integration delivers messages (notify).

    The address is deployment-wide, in secrets.toml as ``operator_notify_url``; no
    integration needs to be enabled for a circle. Returns ``{"sent": bool, "reason"}``.
    """
    from voorzorg.deploy import config as config_mod
    from voorzorg.integrations.loader import load

    url = config_mod.load_secrets(config.secrets_path).get(OPERATOR_URL)
    if not isinstance(url, str) or not url:
        return {"sent": False, "reason": "no_url"}
    registry = load(config)
    outcome = registry.call("notify_operator", None, url=url, title=title, body=body,
                            config=config)  # fmt: skip
    if any(value for value in outcome.results.values()):
        return {"sent": True, "reason": None}
    if outcome.failures:
        failure = outcome.failures[0]
        return {"sent": False, "reason": f"{failure.domain}: {type(failure.exception).__name__}"}
    if not outcome.results:
        return {"sent": False, "reason": "no_integration"}
    return {"sent": False, "reason": "not_delivered"}
