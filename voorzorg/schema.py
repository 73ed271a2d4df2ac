"""The core schema of a circle database, as a sqlite-utils ``Migrations`` set.

Each migration runs in its own transaction with the record of it having run.
Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Migrations

migrations = Migrations("voorzorg")


@migrations()
def m001_members(db) -> None:
    _run(
        db,
        """
        CREATE TABLE circle_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            address TEXT,
            postcode TEXT,
            phone TEXT,
            email TEXT,
            birth_year INTEGER,
            contact_via TEXT CHECK (
                contact_via IN ('phone', 'email', 'signal', 'whatsapp', 'in-person')
            ),
            is_connector INTEGER NOT NULL DEFAULT 0 CHECK (is_connector IN (0, 1)),
            joined_on TEXT NOT NULL,
            left_on TEXT,
            restricted_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE member_offers (
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            PRIMARY KEY (member_id, category)
        );
        CREATE TABLE member_needs (
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            PRIMARY KEY (member_id, category)
        );
        CREATE INDEX member_offers_category ON member_offers(category);
        CREATE INDEX member_needs_category ON member_needs(category);
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL CHECK (purpose IN ('matching', 'stats', 'wellbeing')),
            given_at TEXT NOT NULL,
            recorded_by TEXT,
            text_version TEXT,
            withdrawn_at TEXT,
            withdrawn_by TEXT
        );
        CREATE UNIQUE INDEX consents_one_active
            ON consents(member_id, purpose) WHERE withdrawn_at IS NULL;
        CREATE TABLE member_changes (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            changed_at TEXT NOT NULL,
            fields TEXT NOT NULL
        );
        """,
    )


def _run(db, script: str) -> None:
    # executescript() would COMMIT the migration's transaction half-way.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def migrate(db) -> None:
    """Apply pending migrations (a cheap read when there are none)."""
    if migrations.pending(db):
        migrations.apply(db)
