"""Config entries: which integrations a circle uses, with their options.

They live in config.toml as ``[circles.<id>.integrations.<domain>]`` with a
``version``; secret options (passwords, notification addresses with tokens) go to
secrets.toml (mode 0600) under ``[circles.<id>.<domain>]`` and never into
config.toml, a log or the screen.
"""

from __future__ import annotations

from voorzorg.deploy import config as config_mod
from voorzorg.errors import VoorzorgError
from voorzorg.integrations.manifest import Manifest


def entries(config, circle_id: str) -> dict[str, dict]:
    circle = (config.data.get("circles") or {}).get(circle_id) or {}
    return dict(circle.get("integrations") or {})


def with_secrets(config, circle_id: str, domain: str, entry: dict) -> dict:
    return {**entry, **read_secrets(config, circle_id, domain)}


def _validate(manifest: Manifest, values: dict) -> dict:
    result = {}
    for name, option in manifest.options.items():
        value = values.get(name, option.default)
        if value is None or value == "":
            if option.required:
                raise VoorzorgError("integration.option_required", option=name)
            continue
        expected = {"text": str, "number": int, "boolean": bool}[option.type]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise VoorzorgError("integration.option_type", option=name, type=option.type)
        result[name] = value
    unknown = set(values) - set(manifest.options)
    if unknown:
        raise VoorzorgError(
            "integration.option_unknown", option=", ".join(sorted(unknown)),
            known=", ".join(manifest.options) or "-",
        )  # fmt: skip
    return result


def save_entry(config, circle_id: str, manifest: Manifest, values: dict):
    """Write (or replace) a circle's entry; secrets go to secrets.toml."""
    import tomlkit

    values = _validate(manifest, values)
    plain = {k: v for k, v in values.items() if not manifest.options[k].secret}
    secret = {k: v for k, v in values.items() if manifest.options[k].secret}

    def change(document) -> None:
        circle = document["circles"][circle_id]
        if "integrations" not in circle:
            circle["integrations"] = tomlkit.table(is_super_table=True)
        entry = tomlkit.table()
        entry["version"] = manifest.config_version
        for key, value in plain.items():
            entry[key] = value
        circle["integrations"][manifest.domain] = entry

    _save_secrets(config, circle_id, manifest.domain, secret)
    return config_mod.edit(config.path, change)


def _save_secrets(config, circle_id: str, domain: str, values: dict | None) -> None:
    """Replace the secrets of one entry (None removes them)."""
    import tomlkit

    def change(circle) -> None:
        if values:
            table = tomlkit.table()
            for key, value in values.items():
                table[key] = value
            circle[domain] = table
        else:
            circle.pop(domain, None)

    _edit_secrets(config, circle_id, change)


def _edit_secrets(config, circle_id: str, change) -> None:
    """Change a circle's table in secrets.toml (locked, atomic, mode 0600, comments kept)."""
    import tomlkit

    def edit(document) -> None:
        circles = document.setdefault("circles", tomlkit.table(is_super_table=True))
        change(circles.setdefault(circle_id, tomlkit.table(is_super_table=True)))

    config_mod.edit_secrets(config.secrets_path, edit)


def read_secrets(config, circle_id: str, name: str) -> dict:
    """The table ``[circles.<id>.<name>]`` of secrets.toml (empty when there is none)."""
    secrets = config_mod.load_secrets(config.secrets_path)
    return dict(((secrets.get("circles") or {}).get(circle_id) or {}).get(name) or {})


def set_secret(config, circle_id: str, name: str, key: str, value: str) -> None:
    """Store one value in ``[circles.<id>.<name>]`` of secrets.toml."""
    import tomlkit

    def change(circle) -> None:
        table = circle.setdefault(name, tomlkit.table())
        table[key] = value

    _edit_secrets(config, circle_id, change)


def remove_secret(config, circle_id: str, name: str, key: str) -> bool:
    """Remove one value from ``[circles.<id>.<name>]`` of secrets.toml (an erasure);
    whether there was one."""
    if key not in read_secrets(config, circle_id, name):
        return False

    def change(circle) -> None:
        table = circle.get(name)
        if table is not None and key in table:
            del table[key]

    _edit_secrets(config, circle_id, change)
    return True


def remove_entry(config, circle_id: str, domain: str):
    if domain not in entries(config, circle_id):
        raise VoorzorgError("integration.not_enabled", domain=domain, circle=circle_id)

    def change(document) -> None:
        document["circles"][circle_id]["integrations"].pop(domain)

    _save_secrets(config, circle_id, domain, None)
    return config_mod.edit(config.path, change)


def migrate_entries(config, registry) -> list[dict]:
    """Bring entries written for an older ``config_version`` up to date, in place.

    An integration whose ``migrate_entry`` fails keeps its entry unchanged and is taken
    out of the registry for this run (reported in ``integration list``).
    """
    migrated = []
    for circle_id in config.circles:
        for domain, entry in entries(config, circle_id).items():
            item = registry.loaded(domain)
            if item is None or entry.get("version", 1) >= item.manifest.config_version:
                continue
            old = {k: v for k, v in entry.items() if k != "version"}
            outcome = registry.call(
                "migrate_entry", {domain}, old=old, version=entry.get("version", 1)
            )
            if outcome.failures:
                error = outcome.failures[0].error
                registry.disable(domain, error, "integration.reason.migrate_failed", error=error)
                continue
            new = outcome.results.get(domain)
            if new is None:
                new = old

            def change(document, circle_id=circle_id, domain=domain, new=new, item=item):
                table = document["circles"][circle_id]["integrations"][domain]
                for key in [k for k in table if k != "version" and k not in new]:
                    del table[key]
                for key, value in new.items():
                    table[key] = value
                table["version"] = item.manifest.config_version

            config = config_mod.edit(config.path, change)
            migrated.append({"circle": circle_id, "domain": domain})
    return migrated


def apply_migrations(config, circle_id: str, registry, domain: str) -> None:
    """Create or update the tables an integration owns in the circle's database."""
    outcome = registry.call("migrations", {domain})
    if outcome.failures:
        failure = outcome.failures[0]
        raise VoorzorgError(
            "integration.hook_failed", domain=domain, hook=failure.hook, error=failure.error
        )
    migration_set = outcome.results.get(domain)
    if migration_set is None:
        return
    from voorzorg.deploy.circles import open_db

    db = open_db(config, circle_id)
    try:
        full = db.sqlite_utils()
        if migration_set.pending(full):
            migration_set.apply(full)
    finally:
        db.close()


def check_entry(registry, domain: str, circle_id: str, values: dict, config) -> None:
    """Run the integration's ``test_entry`` hook; a problem (or a crash) refuses the entry."""
    outcome = registry.call("test_entry", {domain}, circle=circle_id, entry=values, config=config)
    problem = outcome.failures[0].error if outcome.failures else outcome.results.get(domain)
    if problem:
        raise VoorzorgError("integration.test_failed", domain=domain, problem=problem)
