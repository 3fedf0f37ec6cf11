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
