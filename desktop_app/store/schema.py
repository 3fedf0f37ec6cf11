"""Schema migrations: MIGRATIONS[n] takes user_version n to n + 1. Append only."""

MIGRATIONS: list[list[str]] = [
    [
        # Analysis results, keyed by everything that decides the answer:
        # section text hash + framework (with guidelines) + provider identity.
        """CREATE TABLE results (
            cache_key TEXT PRIMARY KEY,
            section_hash TEXT NOT NULL,
            framework TEXT NOT NULL,
            provider TEXT NOT NULL,
            model TEXT,
            payload TEXT NOT NULL,
            created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )""",
    ],
]

# Migration 2: the review workflow. A document is a lineage (its path and
# content move on); a review is one document read against one framework. What
# the reviewer did (decisions, edits, own findings, chat) is never deleted
# behind their back: findings of a section that changed or went away are
# marked superseded and kept as history.
_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
MIGRATIONS.append([
    f"""CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        first_opened TEXT NOT NULL DEFAULT {_NOW},
        last_opened TEXT NOT NULL DEFAULT {_NOW}
    )""",
    "CREATE INDEX documents_by_sha256 ON documents (sha256)",
    "CREATE INDEX documents_by_path ON documents (path)",
    f"""CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        framework_name TEXT NOT NULL,
        framework_identity TEXT NOT NULL,
        provider_name TEXT NOT NULL,
        provider_identity TEXT NOT NULL,
        models TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL DEFAULT {_NOW},
        updated TEXT NOT NULL DEFAULT {_NOW},
        seconds_spent REAL NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0)
    )""",
    "CREATE INDEX reviews_by_document ON reviews (document_id, framework_name)",
    "CREATE INDEX reviews_by_updated ON reviews (updated)",
    # framework_identity / provider_identity: what the stored answer was
    # produced with, so a run with other settings knows to ask again.
    """CREATE TABLE review_sections (
        review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        section_id TEXT NOT NULL,
        title TEXT NOT NULL,
        level INTEGER NOT NULL,
        position INTEGER NOT NULL,
        section_hash TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'not-analysed'
            CHECK (status IN ('not-analysed', 'done', 'failed', 'stale', 'removed')),
        error TEXT,
        model TEXT,
        framework_identity TEXT,
        provider_identity TEXT,
        requests INTEGER NOT NULL DEFAULT 0,
        retries INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        analysed_at TEXT,
        PRIMARY KEY (review_id, section_id)
    ) WITHOUT ROWID""",
    # The finding columns hold what its author (model, rules, person) wrote;
    # `edits` is a JSON object of the reviewer's changes on top of that.
    f"""CREATE TABLE findings (
        pk INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL,
        section_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        section_hash TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL CHECK (source IN ('model', 'rules', 'user')),
        category TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'suggestion')),
        confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        quote TEXT NOT NULL,
        quote_original TEXT,
        anchored INTEGER NOT NULL DEFAULT 0 CHECK (anchored IN (0, 1)),
        quote_start INTEGER,
        quote_end INTEGER,
        issue TEXT NOT NULL,
        suggestion TEXT NOT NULL,
        rewrite TEXT,
        checkpoints TEXT NOT NULL DEFAULT '[]',
        model TEXT,
        decision TEXT NOT NULL DEFAULT 'pending'
            CHECK (decision IN ('pending', 'accepted', 'rejected')),
        edits TEXT,
        created TEXT NOT NULL DEFAULT {_NOW},
        updated TEXT NOT NULL DEFAULT {_NOW},
        superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
        superseded_reason TEXT CHECK (superseded_reason IN ('changed', 'removed', 'rerun')),
        superseded_at TEXT,
        FOREIGN KEY (review_id, section_id)
            REFERENCES review_sections (review_id, section_id) ON DELETE CASCADE
    )""",
    # One current finding per id and review; history may repeat an id.
    "CREATE UNIQUE INDEX findings_current ON findings (review_id, finding_id)"
    " WHERE superseded = 0",
    "CREATE INDEX findings_by_section ON findings (review_id, section_id, superseded, position)",
    # Chat is shown per document; a message goes with the review it was written in.
    f"""CREATE TABLE chat_messages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        review_id INTEGER REFERENCES reviews (id) ON DELETE CASCADE,
        section_id TEXT,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        text TEXT NOT NULL,
        model TEXT,
        citations TEXT NOT NULL DEFAULT '[]',
        complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1)),
        created TEXT NOT NULL DEFAULT {_NOW}
    )""",
    "CREATE INDEX chat_by_document ON chat_messages (document_id, section_id, id)",
    "CREATE INDEX chat_by_review ON chat_messages (review_id)",
    # Every request paid for, analysis or chat, re-runs included: statistics and cost.
    f"""CREATE TABLE usage_events (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        section_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('analysis', 'chat')),
        model TEXT,
        requests INTEGER NOT NULL DEFAULT 0,
        retries INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    "CREATE INDEX usage_by_review ON usage_events (review_id, model)",
])

# Migration 3: the review of the document as a whole (issue 13). Document-level
# findings (the built-in cross-section checks, the Bedrock consistency pass), each
# with its quotes in their sections, decided and edited like any finding and
# kept as history when a rerun drops them; the passes that made them (when,
# with what, how it went); each section's key facts, which the consistency pass
# reads; and, on a section finding, the document-level finding that absorbed it
# (it repeated one of its places: one finding, one place).
MIGRATIONS.append([
    "ALTER TABLE review_sections ADD COLUMN facts TEXT",  # JSON [Fact]; NULL: none asked
    "ALTER TABLE findings ADD COLUMN absorbed_into TEXT",  # a document finding's id
    f"""CREATE TABLE document_findings (
        pk INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('rules', 'consistency')),
        position INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL CHECK (source IN ('model', 'rules', 'user')),
        category TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'suggestion')),
        confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        issue TEXT NOT NULL,
        suggestion TEXT NOT NULL,
        checkpoints TEXT NOT NULL DEFAULT '[]',
        quotes TEXT NOT NULL DEFAULT '[]',
        changed_sections TEXT NOT NULL DEFAULT '[]',
        model TEXT,
        decision TEXT NOT NULL DEFAULT 'pending'
            CHECK (decision IN ('pending', 'accepted', 'rejected')),
        edits TEXT,
        created TEXT NOT NULL DEFAULT {_NOW},
        updated TEXT NOT NULL DEFAULT {_NOW},
        superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
        superseded_at TEXT
    )""",
    "CREATE UNIQUE INDEX document_findings_current ON document_findings (review_id, finding_id)"
    " WHERE superseded = 0",
    """CREATE TABLE document_passes (
        review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('rules', 'consistency')),
        status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
        error TEXT,
        model TEXT,
        inputs TEXT NOT NULL DEFAULT '',
        document_sha256 TEXT NOT NULL DEFAULT '',
        findings INTEGER NOT NULL DEFAULT 0,
        ran_at TEXT NOT NULL,
        PRIMARY KEY (review_id, origin)
    ) WITHOUT ROWID""",
])

# Migration 4: Bedrock batch inference. A batch job's handle is stored the moment
# it exists (records uploaded), again when the job is created, and its state as
# it is polled, so that a restart (or a rerun of the same command) finds the job
# again instead of paying for a second one. `open` is 1 until its answers are
# recorded, or it was stopped or failed. What a job billed is logged apart from
# on-demand calls (`usage_events.batch`), at batch prices.
MIGRATIONS.append([
    "ALTER TABLE usage_events ADD COLUMN batch INTEGER NOT NULL DEFAULT 0"
    " CHECK (batch IN (0, 1))",
    f"""CREATE TABLE batch_jobs (
        id INTEGER PRIMARY KEY,
        job_name TEXT NOT NULL UNIQUE,
        job_arn TEXT,
        state TEXT NOT NULL DEFAULT 'Prepared',
        message TEXT NOT NULL DEFAULT '',
        handle TEXT NOT NULL,
        open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
        created TEXT NOT NULL DEFAULT {_NOW},
        updated TEXT NOT NULL DEFAULT {_NOW}
    )""",
    "CREATE INDEX batch_jobs_open ON batch_jobs (open, created)",
])

# Migration 5: the occurrences of a section finding. The built-in reviewer folds the
# repeats of one pattern in a section into one finding that lists each occurrence
# (`Finding.quotes`, each anchored); without a column they were lost when the
# review was read back. JSON [{section, quote, anchored, quote_original, start,
# end}] as in document_findings.quotes; NULL for a finding about one passage.
MIGRATIONS.append([
    "ALTER TABLE findings ADD COLUMN quotes TEXT",
])
