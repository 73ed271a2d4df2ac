"""`voorzorg register`: the register of processing activities (GDPR Art. 30), generated.

Everything in it comes from this deployment: the purposes and their consents, every
table and column of a circle database (from the schema itself; ``DATA`` describes
each column, and a test fails when a column is not described), who has access by
role (``web/permissions.py``'s rules and the accounts in instance.db), the
integrations enabled per circle and where they send data (their manifests and
options), the retention policy in force (``deploy/retention.py``) and the security
measures that are on. Markdown, in the user's language; a PDF is not made (print the
Markdown, or convert it with any Markdown tool).
"""

from __future__ import annotations

from voorzorg.i18n import _

# table -> column -> kind of data (a key under privacy.register.kind.*)
DATA: dict[str, dict[str, str]] = {
    "members": {
        "id": "id", "name": "identity", "address": "contact", "postcode": "contact",
        "phone": "contact", "email": "contact", "birth_year": "identity",
        "contact_via": "contact", "is_connector": "role", "joined_on": "membership",
        "left_on": "membership", "restricted_at": "rights", "created_at": "meta",
        "updated_at": "meta", "ref": "rights", "away_until": "membership",
    },
    "member_offers": {"member_id": "id", "category": "offers"},
    "member_needs": {"member_id": "id", "category": "health"},
    "consents": {
        "id": "id", "member_id": "id", "purpose": "consent", "given_at": "consent",
        "recorded_by": "consent", "text_version": "consent", "withdrawn_at": "consent",
        "withdrawn_by": "consent",
    },
    "member_changes": {
        "id": "id", "member_id": "id", "changed_at": "audit", "fields": "audit",
        "changed_by": "audit",
    },
    "card_versions": {
        "version": "none", "text": "none", "adopted_on": "none", "adopted_at": "none",
        "adopted_by": "none",
    },
    "card_draft": {"id": "none", "text": "none", "edited_at": "none"},
    "card_acks": {
        "member_id": "id", "version": "membership", "acked_on": "membership",
        "recorded_at": "meta",
    },
    "agreements": {
        "id": "id", "helper_id": "id", "for_id": "id", "category": "health",
        "note": "free_text", "valid_from": "help", "valid_until": "help",
        "ended_on": "help", "created_at": "meta",
    },
    "requests": {
        "id": "id", "for_id": "id", "category": "health", "wanted_at": "help",
        "note": "free_text", "status": "help", "helper_id": "id", "referred_to": "health",
        "closing_note": "free_text", "created_at": "help", "accepted_at": "help",
        "closed_at": "help", "helper_erased": "rights", "changed_at": "help",
    },
    "request_asks": {
        "id": "id", "request_id": "id", "member_id": "id", "asked_at": "help",
        "answer": "help", "answered_at": "help",
    },
    "activities": {
        column: "none" for column in (
            "id", "title", "kind", "location", "description", "start_date", "start_time",
            "duration_minutes", "duration_days", "freq", "interval", "monthly_week",
            "until_date", "count", "sequence", "created_at", "updated_at", "source_uid")
    },
    "activity_exceptions": {
        column: "none" for column in (
            "activity_id", "original_date", "kind", "new_start", "new_location", "note",
            "updated_at", "note_public")
    },
    "activity_counts": {
        "activity_id": "none", "original_date": "none", "head_count": "none",
        "recorded_at": "none",
    },
    "feed_tokens": {
        "id": "id", "token_hash": "token", "label": "token", "member_id": "id",
        "created_at": "token", "revoked_at": "token",
    },
    "stats_record_keys": {"member_id": "id", "record_key": "stats"},
    "circle_meta": {"key": "none", "value": "none"},
    "belcirkel_links": {
        "id": "id", "member_id": "id", "caller_id": "id", "frequency": "belcirkel",
        "weekday": "belcirkel", "part": "belcirkel", "started_on": "belcirkel",
        "ended_on": "belcirkel", "created_at": "meta",
    },
    "belcirkel_calls": {
        "link_id": "id", "call_date": "belcirkel", "outcome": "belcirkel",
        "recorded_at": "belcirkel", "alerted_at": "belcirkel",
    },
    "wellbeing_checkins": {
        "id": "id", "member_id": "id", "taken_on": "wellbeing", "body": "wellbeing",
        "mental": "wellbeing", "meaning": "wellbeing", "quality": "wellbeing",
        "participation": "wellbeing", "daily": "wellbeing", "lon_emptiness": "wellbeing",
        "lon_lean_on": "wellbeing", "lon_trust": "wellbeing", "lon_miss_people": "wellbeing",
        "lon_close": "wellbeing", "lon_rejected": "wellbeing", "note": "wellbeing_note",
        "recorded_by": "consent", "recorded_at": "meta",
    },
}  # fmt: skip
SKIP_TABLES = ("_sqlite_migrations",)
PURPOSES = ("matching", "stats", "wellbeing", "emergency_card")
ROLES = ("coordinator", "welfare", "operator")


def schema_tables(db) -> dict[str, list[str]]:
    """The circle's tables and their columns, from the file itself."""
    tables = {}
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall():
        if name in SKIP_TABLES:
            continue
        tables[name] = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")').fetchall()]
    return tables


def build(config) -> dict:
    """The register's content as data (``render`` makes the Markdown)."""
    from voorzorg.deploy import accounts, retention
    from voorzorg.deploy.backup import backup_settings
    from voorzorg.deploy.circles import db_path
    from voorzorg.deploy.config import load_secrets
    from voorzorg.integrations.entries import entries
    from voorzorg.integrations.loader import discover
    from voorzorg.storage.store import open_circle

    tables: dict[str, list[str]] = {}
    for entry in config.active_circles():
        path = db_path(config, entry)
        if path.exists():
            db = open_circle(path)
            try:
                for name, columns in schema_tables(db).items():
                    tables.setdefault(name, columns)
            finally:
                db.close()
    roles = {role: 0 for role in ROLES}
    if accounts.instance_path(config.data_dir).exists():
        conn = accounts.open_instance(config.data_dir)
        try:
            for account in accounts.list_accounts(conn):
                roles[account["role"]] = roles.get(account["role"], 0) + 1
        finally:
            conn.close()
    found = discover(config)
    secrets = load_secrets(config.secrets_path)
    integrations: dict[str, dict] = {}
    for entry in config.circles.values():
        for domain in entries(config, entry.id):
            item = found.get(domain)
            manifest = item.manifest if item else None
            info = integrations.setdefault(domain, {
                "domain": domain,
                "name": manifest.name if manifest else domain,
                "version": manifest.version if manifest else "?",
                "circles": [],
                "destinations": sorted(
                    name for name, option in (manifest.options if manifest else {}).items()
                    if option.secret or "url" in name
                ),
                "tables": sorted(t for t in tables if t.startswith(domain + "_")),
            })  # fmt: skip
            info["circles"].append(entry.id)
            # Secret tables the integration keeps per circle (notify_members: addresses).
            kept = (secrets.get("circles") or {}).get(entry.id) or {}
            for name in kept:
                if name.startswith(domain + "_") and name not in info["destinations"]:
                    info["destinations"].append(name)
    backup = backup_settings(config)
    return {
        "circles": [{"id": e.id, "name": e.name} for e in config.active_circles()],
        "purposes": list(PURPOSES),
        "tables": tables,
        "roles": roles,
        "integrations": sorted(integrations.values(), key=lambda i: i["domain"]),
        "retention": retention.policy(config),
        "security": {
            "backup_dest": bool(backup["dest"]),
            "https": config.base_url.startswith("https://"),
        },
    }


def render(content: dict) -> str:
    out = ["# " + _("privacy.register.title"), "", _("privacy.register.intro"), ""]
    out += [_("privacy.register.circles", circles=", ".join(
        f"{c['name']} ({c['id']})" for c in content["circles"]) or "—"), ""]  # fmt: skip
    out += ["## " + _("privacy.register.purposes"), ""]
    for purpose in content["purposes"]:
        out.append(f"- **{_('purpose.' + purpose)}**: {_('privacy.register.purpose.' + purpose)}")
    out += ["", _("privacy.register.basis"), ""]
    out += ["## " + _("privacy.register.data"), "", _("privacy.register.data_intro"), ""]
    for table, columns in content["tables"].items():
        described = DATA.get(table)
        if described is None and not any(
            table.startswith(i["domain"] + "_") for i in content["integrations"]
        ):
            continue
        out += [f"### `{table}`", ""]
        out += ["| " + _("privacy.register.column") + " | " + _("privacy.register.kind") + " |",
                "|---|---|"]  # fmt: skip
        for column in columns:
            kind = (described or {}).get(column, "integration")
            out.append(f"| `{column}` | {_('privacy.register.kind.' + kind)} |")
        out.append("")
    out += ["## " + _("privacy.register.access"), ""]
    for role in ROLES:
        out.append(f"- **{_('privacy.register.role.' + role)}** "
                   f"({_('privacy.register.accounts', n=content['roles'].get(role, 0))}): "
                   f"{_('privacy.register.access.' + role)}")  # fmt: skip
    out += ["- " + _("privacy.register.access.volunteer"), ""]
    out += ["## " + _("privacy.register.integrations"), ""]
    if not content["integrations"]:
        out += [_("privacy.register.no_integrations"), ""]
    for item in content["integrations"]:
        out.append(
            f"- **{item['name']}** (`{item['domain']}` {item['version']}), "
            + _("privacy.register.in_circles", circles=", ".join(item["circles"]))
        )
        if item["destinations"]:
            out.append("  " + _("privacy.register.sends_to",
                                options=", ".join(item["destinations"])))  # fmt: skip
        else:
            out.append("  " + _("privacy.register.sends_nothing"))
        if item["tables"]:
            out.append("  " + _("privacy.register.own_tables", tables=", ".join(item["tables"])))
    out += ["", "## " + _("privacy.register.retention"), ""]
    for key, months in content["retention"].items():
        value = (
            _("privacy.register.keep") if months == 0 else _("privacy.register.months", n=months)
        )
        out.append(f"- {_('privacy.register.retention.' + key)}: {value}")
    out += ["", _("privacy.register.retention_stats"), ""]
    out += ["## " + _("privacy.register.security"), ""]
    for key in ("files", "secrets", "passwords", "delete", "backups", "web", "log", "stats"):
        out.append("- " + _("privacy.register.security." + key))
    https = "privacy.register.security.https" if content["security"]["https"] else (
        "privacy.register.security.no_https")  # fmt: skip
    out += ["- " + _(https), ""]
    out += ["## " + _("privacy.register.rights"), "", _("privacy.register.rights_text"), ""]
    return "\n".join(out)
