"""Calling the integrations' privacy hooks for one circle (through ``Registry.call``)."""

from __future__ import annotations

from voorzorg.errors import VoorzorgError


def call(config, circle_id: str, hook: str, *, strict: bool, **kwargs) -> dict:
    """Call ``hook`` on every integration enabled in ``circle_id``: domain -> result.

    ``strict``: an integration that cannot be loaded or whose hook fails stops the
    operation (an export or erasure must be complete); otherwise it is left out.
    """
    from voorzorg.integrations.entries import entries
    from voorzorg.integrations.loader import load

    enabled = entries(config, circle_id)
    if not enabled:
        return {}
    registry = load(config, set(enabled))
    if strict:
        for domain in enabled:
            if registry.loaded(domain) is None:
                found = registry.integrations.get(domain)
                raise VoorzorgError(
                    "privacy.integration_failed",
                    domain=domain,
                    error=found.error if found and found.error else "?",
                )
    outcome = registry.call(hook, set(enabled), config=config, circle=circle_id, **kwargs)
    if strict and outcome.failures:
        failure = outcome.failures[0]
        raise VoorzorgError("privacy.integration_failed", domain=failure.domain,
                            error=failure.error)  # fmt: skip
    return outcome.results
