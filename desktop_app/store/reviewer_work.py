"""The reviewer's own work on findings: decisions, edits, own findings, history.

Part of `ReviewStore` (mixed in); the same rules hold: one short transaction
per change, the caller's objects never changed, fresh snapshots returned.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from desktop_app.review.findings import DECISIONS, SEVERITIES, Finding
from desktop_app.store.db import Database, StoreBugError
from desktop_app.store.review_rows import INSERT_FINDING, author_values, finding_from_row, now
from desktop_app.store.review_state import EDITABLE_FIELDS, PastFinding


def folded_edits(row: Any, values: dict[str, Any]) -> str | None:
    """The row's stored edits (JSON) with `values` folded in: a field set back to the
    author's wording is no longer an edit. None when nothing differs any more."""
    edits = json.loads(row["edits"]) if row["edits"] else {}
    for name, value in values.items():
        if value == row[name]:
            edits.pop(name, None)
        else:
            edits[name] = value
    return json.dumps(edits, ensure_ascii=False) if edits else None


def bug(what: str) -> StoreBugError:
    return StoreBugError(f"internal database error ({what})")


class ReviewerWork:
    db: Database

    def set_decision(self, review_id: int, finding_id: str, decision: str) -> Finding:
        if decision not in DECISIONS:
            raise bug(f"decision {decision!r}")
        when = now()
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE findings SET decision = ?, updated = ? WHERE review_id = ?"
                " AND finding_id = ? AND superseded = 0",
                (decision, when, review_id, finding_id))
            if cur.rowcount == 0:
                raise bug(f"no current finding {finding_id} in review {review_id}")
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.finding(review_id, finding_id)

    def edit_finding(self, review_id: int, finding_id: str, **fields: Any) -> Finding:
        """Change issue, suggestion, rewrite or severity. The author's values are kept
        (see `SectionRecord.originals`); setting a field back to them clears the edit."""
        values = checked_edits(fields)
        when = now()
        with self.db.transaction() as conn:
            row = self._current_row(conn, review_id, finding_id)
            if row["source"] == "user":  # the reviewer is the author: no original to keep
                conn.execute(
                    "UPDATE findings SET " + ", ".join(f"{k} = ?" for k in values)
                    + ", updated = ? WHERE pk = ?", (*values.values(), when, row["pk"]))
            else:
                conn.execute("UPDATE findings SET edits = ?, updated = ? WHERE pk = ?",
                             (folded_edits(row, values), when, row["pk"]))
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.finding(review_id, finding_id)

    def revert_edit(self, review_id: int, finding_id: str) -> Finding:
        """Back to the author's wording."""
        when = now()
        with self.db.transaction() as conn:
            row = self._current_row(conn, review_id, finding_id)
            conn.execute("UPDATE findings SET edits = NULL, updated = ? WHERE pk = ?",
                         (when, row["pk"]))
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.finding(review_id, finding_id)

    def add_user_finding(self, review_id: int, section_id: str, finding: Finding) -> Finding:
        """Store the reviewer's own finding; returns the stored copy (with its id).
        The object passed in is not changed."""
        f = copy_finding(finding)
        f.source = "user"
        f.id = f.id or "u-" + uuid.uuid4().hex[:12]
        when = now()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT section_hash, status FROM review_sections"
                               " WHERE review_id = ? AND section_id = ?",
                               (review_id, section_id)).fetchone()
            if row is None or row["status"] == "removed":
                raise bug(f"no section {section_id} in review {review_id}")
            position = conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM findings WHERE review_id = ?"
                " AND section_id = ? AND superseded = 0", (review_id, section_id)).fetchone()[0]
            conn.execute(INSERT_FINDING, (
                review_id, section_id, f.id, row["section_hash"], position, None, f.decision,
                when, when, *author_values(f)))
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.finding(review_id, f.id)

    def delete_user_finding(self, review_id: int, finding_id: str) -> None:
        with self.db.transaction() as conn:
            cur = conn.execute("DELETE FROM findings WHERE review_id = ? AND finding_id = ?"
                               " AND superseded = 0 AND source = 'user'",
                               (review_id, finding_id))
            if cur.rowcount == 0:
                raise bug(f"no finding of the reviewer's own {finding_id}")
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (now(), review_id))

    def finding(self, review_id: int, finding_id: str) -> Finding:
        """The current finding as the reviewer sees it (edits applied)."""
        rows = self.db.query("SELECT * FROM findings WHERE review_id = ? AND finding_id = ?"
                             " AND superseded = 0", (review_id, finding_id))
        if not rows:
            raise bug(f"no current finding {finding_id} in review {review_id}")
        return finding_from_row(rows[0])[0]

    def finding_history(self, review_id: int, section_id: str | None = None
                        ) -> list[PastFinding]:
        """Superseded findings, most recent first: what changed sections used to have."""
        sql = "SELECT * FROM findings WHERE review_id = ? AND superseded = 1"
        params: tuple = (review_id,)
        if section_id is not None:
            sql += " AND section_id = ?"
            params += (section_id,)
        return [PastFinding(finding_from_row(row)[0], row["section_id"], row["section_hash"],
                            row["superseded_reason"], row["superseded_at"])
                for row in self.db.query(sql + " ORDER BY superseded_at DESC, pk", params)]

    def _current_row(self, conn, review_id: int, finding_id: str):
        row = conn.execute("SELECT * FROM findings WHERE review_id = ? AND finding_id = ?"
                           " AND superseded = 0", (review_id, finding_id)).fetchone()
        if row is None:
            raise bug(f"no current finding {finding_id} in review {review_id}")
        return row


def copy_finding(finding: Finding) -> Finding:
    return Finding.from_dict(finding.to_dict())  # to_dict copies the checkpoints list too


def checked_edits(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown or not fields:
        raise bug(f"editable fields are {', '.join(EDITABLE_FIELDS)}, got {sorted(fields)}")
    values = dict(fields)
    if "severity" in values and values["severity"] not in SEVERITIES:
        raise bug(f"severity {values['severity']!r}")
    if "issue" in values and not (isinstance(values["issue"], str) and values["issue"].strip()):
        raise bug("an issue must be a non-empty text")
    if "suggestion" in values and not isinstance(values["suggestion"], str):
        raise bug("a suggestion must be a text")
    if "rewrite" in values:
        rewrite = values["rewrite"]
        if rewrite is not None and not isinstance(rewrite, str):
            raise bug("a rewrite must be a text or None")
        values["rewrite"] = rewrite if rewrite and rewrite.strip() else None
    return values
