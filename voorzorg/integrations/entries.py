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
    secrets = config_mod.load_secrets(config.secrets_path)
    values = ((secrets.get("circles") or {}).get(circle_id) or {}).get(domain) or {}
    return {**entry, **values}


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

    path = config.secrets_path
    with config_mod.locked(path):
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
        circles = document.setdefault("circles", tomlkit.table(is_super_table=True))
        circle = circles.setdefault(circle_id, tomlkit.table(is_super_table=True))
        if values:
            table = tomlkit.table()
            for key, value in values.items():
                table[key] = value
            circle[domain] = table
        else:
            circle.pop(domain, None)
        config_mod.atomic_write(path, tomlkit.dumps(document).encode("utf-8"), mode=0o600)


def remove_entry(config, circle_id: str, domain: str):
    if domain not in entries(config, circle_id):
        raise VoorzorgError("integration.not_enabled", domain=domain, circle=circle_id)

    def change(document) -> None:
        document["circles"][circle_id]["integrations"].pop(domain)

    _save_secrets(config, circle_id, domain, None)
    return config_mod.edit(config.path, change)


def migrate_entries(config, registry) -> list[dict]:
    """Bring entries written for an older ``config_version`` up to date, in place."""
    migrated = []
    for circle_id in config.circles:
        for domain, entry in entries(config, circle_id).items():
            item = registry.loaded(domain)
            if item is None or entry.get("version", 1) >= item.manifest.config_version:
                continue
            migrate = getattr(item.module, "migrate_entry", None)
            old = {k: v for k, v in entry.items() if k != "version"}
            new = migrate(old, entry.get("version", 1)) if migrate else old

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


def apply_migrations(config, circle_id: str, item) -> None:
    """Create or update the tables an integration owns in the circle's database."""
    hook = getattr(item.module, "migrations", None)
    if hook is None:
        return
    from voorzorg.deploy.circles import open_db

    migration_set = hook()
    db = open_db(config, circle_id)
    try:
        full = db.sqlite_utils()
        if migration_set.pending(full):
            migration_set.apply(full)
    finally:
        db.close()
