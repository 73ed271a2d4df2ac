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


@migrations()
def m002_help_flow(db) -> None:
    """Agreements card (versioned), standing agreements, requests and their asks."""
    _run(
        db,
        """
        CREATE TABLE card_versions (
            version INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            adopted_on TEXT NOT NULL,
            adopted_at TEXT NOT NULL,
            adopted_by TEXT
        );
        CREATE TABLE card_draft (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            text TEXT NOT NULL,
            edited_at TEXT NOT NULL
        );
        CREATE TABLE card_acks (
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            version INTEGER NOT NULL REFERENCES card_versions(version),
            acked_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (member_id, version)
        );
        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            helper_id INTEGER NOT NULL REFERENCES members(id),
            for_id INTEGER NOT NULL REFERENCES members(id),
            category TEXT NOT NULL,
            note TEXT,
            valid_from TEXT NOT NULL,
            valid_until TEXT,
            ended_on TEXT,
            created_at TEXT NOT NULL,
            CHECK (helper_id != for_id)
        );
        CREATE INDEX agreements_for ON agreements(for_id, category);
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            for_id INTEGER NOT NULL REFERENCES members(id),
            category TEXT NOT NULL,
            wanted_at TEXT,
            note TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'accepted', 'done', 'cancelled', 'referred')),
            helper_id INTEGER REFERENCES members(id),
            referred_to TEXT,
            closing_note TEXT,
            created_at TEXT NOT NULL,
            accepted_at TEXT,
            closed_at TEXT
        );
        CREATE INDEX requests_status ON requests(status);
        CREATE INDEX requests_helper ON requests(helper_id, status);
        CREATE TABLE request_asks (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES members(id),
            asked_at TEXT NOT NULL,
            answer TEXT CHECK (answer IN ('yes', 'no')),
            answered_at TEXT,
            UNIQUE (request_id, member_id)
        );
        CREATE INDEX request_asks_member ON request_asks(member_id, asked_at)
        """,
    )
    from voorzorg.domain.card import DEFAULT_CARD
    from voorzorg.storage.store import utc_now

    now = utc_now()
    db.execute(
        "INSERT INTO card_versions (version, text, adopted_on, adopted_at) VALUES (1, ?, ?, ?)",
        [DEFAULT_CARD, now[:10], now],
    )


@migrations()
def m003_activities(db) -> None:
    """Activities with recurrence, exceptions (cancelled/moved), head counts, feed tokens."""
    _run(
        db,
        """
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'anders'
                CHECK (kind IN ('koffieochtend', 'club', 'bijeenkomst', 'uitje', 'anders')),
            location TEXT,
            description TEXT,
            start_date TEXT NOT NULL,
            start_time TEXT,
            duration_minutes INTEGER CHECK (duration_minutes > 0),
            duration_days INTEGER CHECK (duration_days > 0),
            freq TEXT CHECK (freq IN ('weekly', 'monthly')),
            interval INTEGER NOT NULL DEFAULT 1 CHECK (interval BETWEEN 1 AND 52),
            monthly_week INTEGER CHECK (monthly_week IN (-1, 1, 2, 3, 4)),
            until_date TEXT,
            count INTEGER CHECK (count > 0),
            sequence INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((start_time IS NULL) = (duration_minutes IS NULL)),
            CHECK ((start_time IS NULL) = (duration_days IS NOT NULL))
        );
        CREATE TABLE activity_exceptions (
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
            original_date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('cancelled', 'moved')),
            new_start TEXT,
            new_location TEXT,
            note TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (activity_id, original_date)
        );
        CREATE TABLE activity_counts (
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
            original_date TEXT NOT NULL,
            head_count INTEGER NOT NULL CHECK (head_count BETWEEN 0 AND 10000),
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (activity_id, original_date)
        );
        CREATE TABLE feed_tokens (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        )
        """,
    )


@migrations()
def m004_coordinator_views(db) -> None:
    """Dutch read-only views for coordinators in the web interface."""
    from voorzorg.storage.views import view_statements

    for statement in view_statements():
        db.execute(statement)


@migrations()
def m005_restricted_helpers_hidden(db) -> None:
    """The coordinators' request view no longer names a restricted helper."""
    from voorzorg.storage.views import view_statements

    db.execute("DROP VIEW IF EXISTS hulpvragen")
    db.execute(next(s for s in view_statements() if "VIEW hulpvragen" in s))


def _run(db, script: str) -> None:
    # executescript() would COMMIT the migration's transaction half-way.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def migrate(db) -> None:
    """Apply pending migrations (a cheap read when there are none)."""
    if migrations.pending(db):
        migrations.apply(db)
