from __future__ import annotations

import click

from voorzorg.cli.base import circle_option, group, json_option, option, pass_app
from voorzorg.cli.output import echo_json, echo_table
from voorzorg.i18n import _


@group("integration", help="help.integration")
def integration() -> None:
    pass


def _registry(app, domains=None):
    """Load integrations and bring config entries written for older versions up to date."""
    from voorzorg.deploy import config as config_mod
    from voorzorg.integrations.entries import migrate_entries
    from voorzorg.integrations.loader import load

    registry = load(app.config, domains)
    if migrate_entries(app.config, registry):
        app.config = config_mod.load(app.config.path)
    return registry


@integration.command("list", help="help.integration.list")
@json_option
@pass_app
def list_(app, as_json) -> None:
    from voorzorg.integrations.entries import entries

    registry = _registry(app)
    enabled: dict[str, list[str]] = {}
    for circle_id in app.config.circles:
        for domain in entries(app.config, circle_id):
            enabled.setdefault(domain, []).append(circle_id)
    rows = []
    labels = {}
    for domain, item in sorted(registry.integrations.items()):
        text = _("integration.state." + item.state)
        if item.reason:
            text += f" ({_(item.reason[0], **item.reason[1])})"
        for key, params in item.notes:
            if "source" in params:
                params = {**params, "source": _source_word(params["source"])}
            text += f"; {_(key, **params)}"
        labels[domain] = text
        rows.append(
            {
                "domain": domain,
                "name": item.manifest.name if item.manifest else "",
                "version": item.manifest.version if item.manifest else "",
                "source": item.source,
                "state": item.state,
                "error": item.error,
                "warnings": item.warnings,
                "circles": enabled.get(domain, []),
            }
        )
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        row["state_label"] = labels[row["domain"]]
        row["source_label"] = _source_word(row["source"])
    echo_table(
        rows,
        [
            ("domain", "col.domain"),
            ("name", "col.name"),
            ("source_label", "col.source"),
            ("state_label", "col.state"),
            ("circles", "col.circles"),
        ],
        empty="integration.none",
    )


def _source_word(source: str) -> str:
    """ "bundled" -> "meegeleverd": where an integration comes from, in the user's language."""
    from voorzorg.i18n import catalogue, language

    key = "integration.source." + source
    return _(key) if key in catalogue(language()) else source


def _ask_options(manifest, given: dict, interactive: bool) -> dict:
    from voorzorg.errors import VoorzorgError
    from voorzorg.integrations.manifest import parse_option

    values = {}
    for text in given:
        key, sep, value = text.partition("=")
        if not sep or key not in manifest.options:
            raise VoorzorgError(
                "integration.option_unknown", option=key, known=", ".join(manifest.options) or "-"
            )
        values[key] = parse_option(manifest.options[key], value)
    if interactive:
        for name, spec in manifest.options.items():
            if name in values:
                continue
            default = spec.default if spec.default is not None else ""
            answer = click.prompt(
                f"{name} — {spec.help}" if spec.help else name,
                default=str(default) if default != "" else "",
                hide_input=spec.secret,
                show_default=not spec.secret,
            )
            if answer != "":
                values[name] = parse_option(spec, answer)
    return values


@integration.command("add", help="help.integration.add")
@circle_option
@click.argument("domain")
@option("--set", "settings", multiple=True, metavar="KEY=VALUE", help="opt.integration_set")
@option("--no-test", is_flag=True, help="opt.integration_no_test")
@pass_app
def add(app, circle_id, domain, settings, no_test) -> None:
    from voorzorg.errors import VoorzorgError
    from voorzorg.integrations.entries import apply_migrations, check_entry, entries, save_entry

    entry = app.circle(circle_id)
    registry = _registry(app, {domain})
    item = registry.loaded(domain)
    if item is None:
        found = registry.integrations.get(domain)
        raise VoorzorgError(
            "integration.unavailable", domain=domain, error=found.error if found else "?"
        )
    if domain in entries(app.config, entry.id):
        raise VoorzorgError("integration.already_enabled", domain=domain, circle=entry.id)
    interactive = not settings and bool(item.manifest.options)
    values = _ask_options(item.manifest, list(settings), interactive)
    if not no_test:
        check_entry(registry, domain, entry.id, values, app.config)
    apply_migrations(app.config, entry.id, registry, domain)  # first: a failure saves nothing
    app.config = save_entry(app.config, entry.id, item.manifest, values)
    click.echo(_("integration.added", domain=domain, circle=entry.id))


def _enabled(app, circle_id, domain):
    """The circle, its entry for ``domain`` and the registry with the integration loaded,
    or a clear error."""
    from voorzorg.errors import VoorzorgError
    from voorzorg.integrations.entries import entries

    entry = app.circle(circle_id)
    current = entries(app.config, entry.id).get(domain)
    if current is None:
        raise VoorzorgError("integration.not_enabled", domain=domain, circle=entry.id)
    registry = _registry(app, {domain})
    item = registry.loaded(domain)
    if item is None:
        found = registry.integrations.get(domain)
        raise VoorzorgError(
            "integration.unavailable", domain=domain, error=found.error if found else "?"
        )
    return entry, entries(app.config, entry.id)[domain], registry


@integration.command("configure", help="help.integration.configure")
@circle_option
@click.argument("domain")
@option("--set", "settings", multiple=True, metavar="KEY=VALUE", help="opt.integration_set")
@pass_app
def configure(app, circle_id, domain, settings) -> None:
    from voorzorg.integrations.entries import save_entry, with_secrets

    entry, current, registry = _enabled(app, circle_id, domain)
    item = registry.loaded(domain)
    old = {k: v for k, v in with_secrets(app.config, entry.id, domain, current).items()
           if k != "version"}  # fmt: skip
    values = {**old, **_ask_options(item.manifest, list(settings), not settings)}
    app.config = save_entry(app.config, entry.id, item.manifest, values)
    click.echo(_("integration.configured", domain=domain, circle=entry.id))


@integration.command("remove", help="help.integration.remove")
@circle_option
@click.argument("domain")
@pass_app
def remove(app, circle_id, domain) -> None:
    from voorzorg.integrations.entries import remove_entry

    entry = app.circle(circle_id)
    app.config = remove_entry(app.config, entry.id, domain)
    click.echo(_("integration.removed", domain=domain, circle=entry.id))


@integration.command("test", help="help.integration.test")
@circle_option
@click.argument("domain")
@pass_app
def test(app, circle_id, domain) -> None:
    from voorzorg.integrations.entries import check_entry, with_secrets

    entry, current, registry = _enabled(app, circle_id, domain)
    values = with_secrets(app.config, entry.id, domain, current)
    check_entry(registry, domain, entry.id, values, app.config)
    click.echo(_("integration.test_ok", domain=domain))
