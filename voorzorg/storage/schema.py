"""The core schema of a circle database: migrations with their own frozen SQL.

Each step is a plain function listed in ``STEPS``; ``migration_set()`` registers them
with sqlite-utils' ``Migrations`` (set "voorzorg"), which runs each in its own
transaction with the record of it having run, in the ``_sqlite_migrations`` table.
Never edit a step that has shipped: add a new one. A step carries every text it needs
(the SQL, the first agreements card) so that later changes elsewhere never change what
an old step does.

Which steps are pending is read straight from ``_sqlite_migrations``: sqlite-utils is
imported only when there is something to apply. After migrating, the coordinators'
views are brought to their current definitions (``views.sync_views``).
"""

from __future__ import annotations

MIGRATION_SET = "voorzorg"
MIGRATIONS_TABLE = "_sqlite_migrations"


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
    from voorzorg import clock

    now = clock.stamp()
    db.execute(
        "INSERT INTO card_versions (version, text, adopted_on, adopted_at) VALUES (1, ?, ?, ?)",
        [_M002_FIRST_CARD, now[:10], now],
    )


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


def m004_coordinator_views(db) -> None:
    """Dutch read-only views for coordinators in the web interface."""
    _run(db, _M004_VIEWS)


def m005_restricted_helpers_hidden(db) -> None:
    """The coordinators' request view no longer names a restricted helper."""
    db.execute("DROP VIEW IF EXISTS hulpvragen")
    db.execute(_M005_HULPVRAGEN)


def m006_stats_record_keys(db) -> None:
    """A fixed random record key per member for the Cell Key Method (stats/rules.py).

    Filled lazily when a release is built; erased with the member. The key is random,
    says nothing about the member, and never leaves this file: only sums of keys
    (modulo 2**32) decide the noise of a published cell.
    """
    _run(db, _M006_RECORD_KEYS)


def m007_privacy_member_refs(db) -> None:
    """A reference per member for the erasure register, and who made each change.

    ``members.ref`` is what the erasure register keeps of an erased member (it says
    nothing about them without this file). New members get a random one; members who
    exist when this step runs get one derived from the record's own creation stamps,
    so that a backup made before this step gives the very same reference and an
    erasure can be applied to it again after a restore. ``member_changes.changed_by``
    records who made a change (rectification with an audit trail).
    """
    import hashlib

    db.execute("ALTER TABLE members ADD COLUMN ref TEXT")
    db.execute("ALTER TABLE member_changes ADD COLUMN changed_by TEXT")
    row = db.execute("SELECT value FROM circle_meta WHERE key = 'created_at'").fetchone()
    circle_created = row[0] if row else ""
    for member_id, created_at in db.execute("SELECT id, created_at FROM members").fetchall():
        text = f"voorzorg-member-ref|{circle_created}|{member_id}|{created_at}"
        ref = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        db.execute("UPDATE members SET ref = ? WHERE id = ?", [ref, member_id])
    db.execute("CREATE UNIQUE INDEX members_ref ON members(ref)")


def m008_privacy_erased_parties(db) -> None:
    """Requests may outlive an erased member: ``for_id`` may be NULL ("verwijderd lid")
    and ``helper_erased`` marks a helper who was erased.

    SQLite cannot drop a NOT NULL constraint, so ``requests`` is rebuilt. Its asks are
    kept aside first (dropping ``requests`` would cascade to them) and the views that
    read it are dropped (``views.sync_views`` recreates them after migrating).
    """
    import contextlib
    import re
    import sqlite3

    # Every view over the two tables goes first (the rename checks them all); the
    # coordinators' views come back through views.sync_views, any other view (one a
    # volunteer made by hand) from its own SQL when it still fits.
    reads = re.compile(r"\brequest(s|_asks)\b", re.IGNORECASE)
    dropped = [
        (name, sql)
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'view'"
        ).fetchall()
        if sql and reads.search(sql)
    ]
    for name, _sql in dropped:
        db.execute(f'DROP VIEW IF EXISTS "{name}"')
    _run(db, _M008_REBUILD)
    for name, sql in dropped:
        if name in ("hulpvragen", "deelnemers", "activiteiten", "afspraken", "opkomst"):
            continue
        # One that no longer fits the table is left out rather than stopping every command.
        with contextlib.suppress(sqlite3.Error):
            db.execute(sql)


def m009_member_away(db) -> None:
    """A member can be away (on holiday, in hospital) until a date, inclusive.

    Suggestions, reminders and notifications leave a member out while they are away;
    nothing else changes (they stay a member, their agreements stay).
    """
    db.execute("ALTER TABLE members ADD COLUMN away_until TEXT")


def m010_request_changed_at(db) -> None:
    """When a request's day or time was last changed (``request when``), so a personal
    feed's LAST-MODIFIED moves forward with it."""
    db.execute("ALTER TABLE requests ADD COLUMN changed_at TEXT")


def m011_cancellation_notes_public(db) -> None:
    """Whether a cancellation's note may be shown to members in the calendar feeds.

    Feeds now show the reason of a cancellation. Notes typed before that were internal
    (the help said "a short note, for example the reason"; some name a member or a
    health matter), so every note that exists when this step runs stays internal; notes
    recorded from now on are public (the help of ``--note`` says so).
    """
    db.execute(
        "ALTER TABLE activity_exceptions ADD COLUMN note_public INTEGER NOT NULL DEFAULT 1"
        " CHECK (note_public IN (0, 1))"
    )
    db.execute("UPDATE activity_exceptions SET note_public = 0 WHERE note IS NOT NULL")


def m012_emergency_card_consent(db) -> None:
    """A fourth consent purpose, ``emergency_card``: the member agrees that an emergency
    card (noodkaart) with their name, address and the circle's connectors is printed.

    SQLite cannot change a CHECK constraint, so ``consents`` is rebuilt with the same
    columns, rows and index; nothing references it.
    """
    _run(db, _M012_REBUILD)


def m013_activity_source(db) -> None:
    """Activities imported from another calendar keep the source's UID (``activity
    import`` updates them on a later import instead of adding them again)."""
    _run(
        db,
        """
        ALTER TABLE activities ADD COLUMN source_uid TEXT;
        CREATE UNIQUE INDEX activities_source_uid ON activities (source_uid)
            WHERE source_uid IS NOT NULL
        """,
    )


def m014_belcirkel(db) -> None:
    """The calling rota (belcirkel): who is called by whom and when, and the calls made.

    A link ends (``ended_on``) when either member leaves or withdraws consent; an erased
    caller leaves the link without a caller (NULL). The calls are a log, purged after
    ``[privacy] call_log_months``. Member ids without foreign-key actions: erasure
    (``domain/erasure.py``) removes the rows itself, in its one transaction."""
    _run(
        db,
        """
        CREATE TABLE belcirkel_links (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL,
            caller_id INTEGER,
            frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
            weekday INTEGER CHECK (weekday BETWEEN 0 AND 6),
            part TEXT NOT NULL CHECK (part IN ('morning', 'afternoon')),
            started_on TEXT NOT NULL,
            ended_on TEXT,
            created_at TEXT NOT NULL,
            CHECK ((frequency = 'weekly') = (weekday IS NOT NULL))
        );
        CREATE UNIQUE INDEX belcirkel_links_one_active ON belcirkel_links (member_id)
            WHERE ended_on IS NULL;
        CREATE INDEX belcirkel_links_caller ON belcirkel_links (caller_id);
        CREATE TABLE belcirkel_calls (
            link_id INTEGER NOT NULL,
            call_date TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'not_reached')),
            recorded_at TEXT NOT NULL,
            alerted_at TEXT,
            PRIMARY KEY (link_id, call_date)
        )
        """,
    )


def m015_wellbeing_checkins(db) -> None:
    """Wellbeing check-ins, a table of their own (only with the ``wellbeing`` consent).

    Six 0-10 self-ratings along the dimensions of Positive Health and the answers to the
    six De Jong Gierveld loneliness items (yes / more_or_less / no, NULL when not
    answered); the scores are derived by ``domain/wellbeing.py``, never stored. The
    note stays in the circle. No coordinator view reads this table; withdrawal of the
    consent and erasure delete the rows (the member id cascades as well)."""
    ratings = "".join(
        f"{name} INTEGER NOT NULL CHECK ({name} BETWEEN 0 AND 10),\n"
        for name in ("body", "mental", "meaning", "quality", "participation", "daily")
    )
    answers = "".join(
        f"lon_{name} TEXT CHECK (lon_{name} IN ('yes', 'more_or_less', 'no')),\n"
        for name in ("emptiness", "miss_people", "rejected", "lean_on", "trust", "close")
    )
    _run(
        db,
        f"""
        CREATE TABLE wellbeing_checkins (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            taken_on TEXT NOT NULL,
            {ratings}{answers}note TEXT,
            recorded_by TEXT,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX wellbeing_checkins_member ON wellbeing_checkins (member_id, taken_on)
        """,
    )


def _run(db, script: str) -> None:
    # executescript() would COMMIT the migration's transaction half-way.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


STEPS = (
    m001_members,
    m002_help_flow,
    m003_activities,
    m004_coordinator_views,
    m005_restricted_helpers_hidden,
    m006_stats_record_keys,
    m007_privacy_member_refs,
    m008_privacy_erased_parties,
    m009_member_away,
    m010_request_changed_at,
    m011_cancellation_notes_public,
    m012_emergency_card_consent,
    m013_activity_source,
    m014_belcirkel,
    m015_wellbeing_checkins,
)


def migration_set():
    """The steps as a sqlite-utils ``Migrations`` set (imports sqlite-utils)."""
    from voorzorg.storage.imports import import_sqlite_utils

    migrations = import_sqlite_utils().Migrations(MIGRATION_SET)
    for step in STEPS:
        migrations()(step)
    return migrations


def applied(conn) -> set[str]:
    """Names of the steps this database has run, read without sqlite-utils."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchall()
    return {row[0] for row in rows}


def pending(conn) -> list[str]:
    done = applied(conn)
    return [step.__name__ for step in STEPS if step.__name__ not in done]


def migrate(db) -> None:
    """Apply pending steps, then bring the views up to date (cheap when nothing changed)."""
    from voorzorg.storage.views import sync_views

    if pending(db.conn):
        migration_set().apply(db.sqlite_utils())
    sync_views(db)


# The coordinators' views as migration 4 created them (frozen: never edit).
_M004_VIEWS = """
        CREATE VIEW deelnemers AS
        SELECT m.id AS nr, m.name AS naam, m.address AS adres, m.postcode AS postcode,
               m.phone AS telefoon, m.email AS "e-mail",
               CASE m.contact_via WHEN 'phone' THEN 'telefoon'
                   WHEN 'email' THEN 'e-mail' WHEN 'signal' THEN 'Signal'
                   WHEN 'whatsapp' THEN 'WhatsApp'
                   WHEN 'in-person' THEN 'persoonlijk langs' ELSE m.contact_via END AS
                   contact_via,
               CASE WHEN m.is_connector THEN 'ja' ELSE '' END AS verbinder,
               (SELECT group_concat(CASE o.category WHEN 'transport' THEN 'vervoer'
                   WHEN 'company' THEN 'gezelschap' WHEN 'errands' THEN 'boodschappen'
                   WHEN 'odd_jobs' THEN 'klusjes' WHEN 'garden' THEN 'tuin'
                   WHEN 'meals' THEN 'samen eten'
                   WHEN 'paperwork' THEN 'administratie'
                   WHEN 'digital' THEN 'digitale hulp' WHEN 'pets' THEN 'huisdier'
                   WHEN 'checking_in' THEN 'even langs'
                   WHEN 'other' THEN 'anders' ELSE o.category END, ', ') FROM member_offers
                   o WHERE o.member_id = m.id) AS biedt, m.joined_on AS lid_sinds
        FROM members m WHERE m.left_on IS NULL AND m.restricted_at IS NULL;
        CREATE VIEW hulpvragen AS
        SELECT r.id AS nr, f.name AS voor, CASE r.category
            WHEN 'transport' THEN 'vervoer' WHEN 'company' THEN 'gezelschap'
            WHEN 'errands' THEN 'boodschappen' WHEN 'odd_jobs' THEN 'klusjes'
            WHEN 'garden' THEN 'tuin' WHEN 'meals' THEN 'samen eten'
            WHEN 'paperwork' THEN 'administratie' WHEN 'digital' THEN 'digitale hulp'
            WHEN 'pets' THEN 'huisdier' WHEN 'checking_in' THEN 'even langs'
            WHEN 'other' THEN 'anders' ELSE r.category END AS soort_hulp,
               r.wanted_at AS wanneer, CASE r.status WHEN 'open' THEN CASE
                   WHEN EXISTS (SELECT 1 FROM request_asks a WHERE a.request_id = r.id AND
                   a.answer IS NULL) THEN 'gevraagd' ELSE 'open' END
                   WHEN 'accepted' THEN 'toegezegd' WHEN 'done' THEN 'gedaan'
                   WHEN 'cancelled' THEN 'vervallen'
                   WHEN 'referred' THEN 'doorverwezen' END AS status, h.name AS helper,
               substr(r.created_at, 1, 10) AS vastgelegd,
               substr(r.closed_at, 1, 10) AS afgesloten,
               r.referred_to AS doorverwezen_naar
        FROM requests r JOIN members f ON f.id = r.for_id
        LEFT JOIN members h ON h.id = r.helper_id
        WHERE f.restricted_at IS NULL;
        CREATE VIEW activiteiten AS
        SELECT a.id AS nr, a.title AS naam, a.kind AS soort, a.location AS plaats,
               trim(a.start_date || ' ' || coalesce(a.start_time, '')) AS begin,
               CASE a.freq WHEN 'weekly' THEN
                   CASE a.interval WHEN 1 THEN 'elke week' ELSE 'om de ' || a.interval
                   || ' weken' END
                 WHEN 'monthly' THEN 'maandelijks' ELSE 'eenmalig' END AS herhaling,
               a.until_date AS tot
        FROM activities a;
        CREATE VIEW afspraken AS
        SELECT g.id AS nr, h.name AS helper, f.name AS voor,
               CASE g.category WHEN 'transport' THEN 'vervoer'
                   WHEN 'company' THEN 'gezelschap' WHEN 'errands' THEN 'boodschappen'
                   WHEN 'odd_jobs' THEN 'klusjes' WHEN 'garden' THEN 'tuin'
                   WHEN 'meals' THEN 'samen eten'
                   WHEN 'paperwork' THEN 'administratie'
                   WHEN 'digital' THEN 'digitale hulp' WHEN 'pets' THEN 'huisdier'
                   WHEN 'checking_in' THEN 'even langs'
                   WHEN 'other' THEN 'anders' ELSE g.category END AS soort_hulp,
                   g.valid_from AS van,
               g.valid_until AS tot, g.ended_on AS beeindigd
        FROM agreements g JOIN members h ON h.id = g.helper_id
        JOIN members f ON f.id = g.for_id
        WHERE h.restricted_at IS NULL AND f.restricted_at IS NULL;
        CREATE VIEW opkomst AS
        SELECT a.title AS activiteit, c.original_date AS datum, c.head_count AS aanwezig
        FROM activity_counts c JOIN activities a ON a.id = c.activity_id
"""

# Migration 5's hulpvragen: a restricted helper is no longer named (frozen).
_M005_HULPVRAGEN = """
        CREATE VIEW hulpvragen AS
        SELECT r.id AS nr, f.name AS voor, CASE r.category
            WHEN 'transport' THEN 'vervoer' WHEN 'company' THEN 'gezelschap'
            WHEN 'errands' THEN 'boodschappen' WHEN 'odd_jobs' THEN 'klusjes'
            WHEN 'garden' THEN 'tuin' WHEN 'meals' THEN 'samen eten'
            WHEN 'paperwork' THEN 'administratie' WHEN 'digital' THEN 'digitale hulp'
            WHEN 'pets' THEN 'huisdier' WHEN 'checking_in' THEN 'even langs'
            WHEN 'other' THEN 'anders' ELSE r.category END AS soort_hulp,
               r.wanted_at AS wanneer, CASE r.status WHEN 'open' THEN CASE
                   WHEN EXISTS (SELECT 1 FROM request_asks a WHERE a.request_id = r.id AND
                   a.answer IS NULL) THEN 'gevraagd' ELSE 'open' END
                   WHEN 'accepted' THEN 'toegezegd' WHEN 'done' THEN 'gedaan'
                   WHEN 'cancelled' THEN 'vervallen'
                   WHEN 'referred' THEN 'doorverwezen' END AS status,
               CASE WHEN h.restricted_at IS NULL THEN h.name END AS helper,
               substr(r.created_at, 1, 10) AS vastgelegd,
               substr(r.closed_at, 1, 10) AS afgesloten,
               r.referred_to AS doorverwezen_naar
        FROM requests r JOIN members f ON f.id = r.for_id
        LEFT JOIN members h ON h.id = r.helper_id
        WHERE f.restricted_at IS NULL
"""

_M006_RECORD_KEYS = """
CREATE TABLE stats_record_keys (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    record_key INTEGER NOT NULL CHECK (record_key >= 0 AND record_key < 4294967296)
)
"""

# Migration 8: requests rebuilt with a nullable for_id and helper_erased (frozen).
_M008_REBUILD = """
CREATE TABLE requests_m008 (
    id INTEGER PRIMARY KEY,
    for_id INTEGER REFERENCES members(id),
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
    closed_at TEXT,
    helper_erased INTEGER NOT NULL DEFAULT 0 CHECK (helper_erased IN (0, 1))
);
INSERT INTO requests_m008 (id, for_id, category, wanted_at, note, status, helper_id,
    referred_to, closing_note, created_at, accepted_at, closed_at)
    SELECT id, for_id, category, wanted_at, note, status, helper_id, referred_to,
           closing_note, created_at, accepted_at, closed_at FROM requests;
CREATE TABLE request_asks_m008 AS SELECT * FROM request_asks;
DROP TABLE request_asks;
DROP TABLE requests;
ALTER TABLE requests_m008 RENAME TO requests;
CREATE INDEX requests_status ON requests(status);
CREATE INDEX requests_helper ON requests(helper_id, status);
CREATE INDEX requests_for ON requests(for_id);
CREATE TABLE request_asks (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id),
    asked_at TEXT NOT NULL,
    answer TEXT CHECK (answer IN ('yes', 'no')),
    answered_at TEXT,
    UNIQUE (request_id, member_id)
);
INSERT INTO request_asks (id, request_id, member_id, asked_at, answer, answered_at)
    SELECT id, request_id, member_id, asked_at, answer, answered_at FROM request_asks_m008;
DROP TABLE request_asks_m008;
CREATE INDEX request_asks_member ON request_asks(member_id, asked_at)
"""

# The agreements card a new circle starts with, as migration 2 wrote it (frozen).
_M002_FIRST_CARD = """\
Afsprakenkaart van onze voorzorgcirkel

1. Vrijwillig, maar niet vrijblijvend. We zijn er voor elkaar en komen onze
   afspraken na. Kan het toch niet, dan laten we het op tijd weten.
2. Nee zeggen mag altijd. Wie gevraagd wordt, mag zonder uitleg nee zeggen.
   Niemand houdt bij wie vaak nee zegt.
3. Geen lichaamsgebonden zorg. Wassen, aankleden, medicijnen geven of
   wondverzorging doen we niet voor elkaar: dat is werk voor professionals. De
   verbinder helpt om de juiste hulp te vinden.
4. Vraag op tijd. Vraag hulp liefst twee dagen van tevoren, via een verbinder.
   Bij spoed bellen we gewoon.
5. Kosten regelen we in redelijkheid. Wie rijdt, krijgt de benzine of
   parkeerkosten vergoed als dat is afgesproken. Verder helpen we om niet.
6. Wat je hoort, blijft binnen de cirkel. Over de gezondheid en de zorgen van
   een ander praten we niet met buitenstaanders.
7. De verbinders houden het overzicht en zorgen dat niet steeds dezelfde mensen
   gevraagd worden.
"""

_M012_REBUILD = """
CREATE TABLE consents_m012 (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL
        CHECK (purpose IN ('matching', 'stats', 'wellbeing', 'emergency_card')),
    given_at TEXT NOT NULL,
    recorded_by TEXT,
    text_version TEXT,
    withdrawn_at TEXT,
    withdrawn_by TEXT
);
INSERT INTO consents_m012 (id, member_id, purpose, given_at, recorded_by, text_version,
    withdrawn_at, withdrawn_by)
    SELECT id, member_id, purpose, given_at, recorded_by, text_version, withdrawn_at,
           withdrawn_by FROM consents;
DROP TABLE consents;
ALTER TABLE consents_m012 RENAME TO consents;
CREATE UNIQUE INDEX consents_one_active
    ON consents(member_id, purpose) WHERE withdrawn_at IS NULL
"""
