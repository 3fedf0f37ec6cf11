"""Finding ids the review can take: a result is never refused for its ids.

The store keeps one current finding per id in a review (a UNIQUE index). An
answer whose ids clash (with another section's findings, with the reviewer's
own, or with each other) once cost the section its place in the store on every
later run: the write was refused, the section stayed unsaved for good. Such
ids are replaced here, inside the writing transaction, by ids derived the same
way with a salt; the caller reads the stored ids back.
"""

from __future__ import annotations

import logging
import sqlite3

from desktop_app.review.findings import Finding, finding_id

log = logging.getLogger(__name__)

_CHUNK = 500  # under SQLite's 999 bound variables


def unclash_ids(conn: sqlite3.Connection, review_id: int, section_id: str,
                findings: list[Finding]) -> int:
    """Re-id, in place, the findings whose id another current finding of the
    review holds (or an earlier one in `findings`); returns how many changed.
    The section's own model and rules findings do not count: they are replaced."""
    ids = list({f.id for f in findings})
    taken: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        taken.update(row[0] for row in conn.execute(
            "SELECT finding_id FROM findings WHERE review_id = ? AND superseded = 0"
            " AND (section_id != ? OR source = 'user')"
            f" AND finding_id IN ({', '.join('?' * len(chunk))})",
            (review_id, section_id, *chunk)))
    changed = 0
    for index, finding in enumerate(findings):
        salt = 0
        while finding.id in taken:
            salt += 1
            finding.id = finding_id(section_id, index, finding.quote, finding.issue, salt)
        if salt:
            changed += 1
        taken.add(finding.id)
    if changed:  # info, not warning: nothing is wrong for the user, nothing to do
        log.info("section %s: %d finding ids were taken in the review; new ids given",
                    section_id, changed)
    return changed
