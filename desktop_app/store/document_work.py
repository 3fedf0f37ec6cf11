"""The review of the document as a whole: document-level findings, the passes, absorption.

Part of `ReviewStore` (mixed in, as `ReviewerWork`); the same rules hold:
one short transaction per change, the caller's objects never changed, fresh
snapshots returned. The session computes what the review holds
(`review/document_merge.fold`); `save_document_findings` writes it: a finding
seen before (same id) is updated keeping the reviewer's decision and edits, a
new one is inserted with the decision the merge carried over, one no longer
there becomes history; and which section findings the document-level ones
absorbed is written afresh.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from desktop_app.ai.provider import Usage
from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.findings import DECISIONS
from desktop_app.store.db import Database
from desktop_app.store.review_rows import now, record_usage
from desktop_app.store.review_state import DocumentRecord, PassRecord
from desktop_app.store.reviewer_work import bug, checked_edits, folded_edits

DOCUMENT_EDITABLE = ("issue", "suggestion", "severity")
_AUTHOR = ("origin", "position", "source", "category", "severity", "confidence", "issue",
           "suggestion", "checkpoints", "quotes", "changed_sections", "model")
_INSERT = (
    "INSERT INTO document_findings (review_id, finding_id, decision, created, updated, "
    + ", ".join(_AUTHOR) + f") VALUES ({', '.join('?' * (5 + len(_AUTHOR)))})"
)
_UPDATE = ("UPDATE document_findings SET updated = ?, " + ", ".join(f"{c} = ?" for c in _AUTHOR)
           + " WHERE pk = ?")


def quotes_json(quotes: Sequence[DocumentQuote]) -> str:
    return json.dumps([{"section": q.section, "quote": q.quote, "anchored": q.anchored,
                        "quote_original": q.quote_original, "start": q.start, "end": q.end}
                       for q in quotes], ensure_ascii=False)


def quotes_from_json(text: str) -> list[DocumentQuote]:
    return [DocumentQuote(q["section"], q["quote"], bool(q.get("anchored")),
                          q.get("quote_original"), q.get("start"), q.get("end"))
            for q in json.loads(text or "[]")]


def _author(origin: str, position: int, f: DocumentFinding, changed: Sequence[str],
            model: str | None) -> tuple[Any, ...]:
    return (origin, position, f.source, f.category, f.severity, float(f.confidence), f.issue,
            f.suggestion, json.dumps(list(f.checkpoints), ensure_ascii=False),
            quotes_json(f.quotes), json.dumps(list(changed)), model)


def document_finding_from_row(row: Any) -> tuple[DocumentFinding, dict[str, Any] | None]:
    """The finding as the reviewer sees it (edits applied) and the author's values of the
    edited fields (None when nothing was edited)."""
    finding = DocumentFinding(
        category=row["category"], severity=row["severity"], confidence=row["confidence"],
        issue=row["issue"], suggestion=row["suggestion"], quotes=quotes_from_json(row["quotes"]),
        checkpoints=list(json.loads(row["checkpoints"] or "[]")), source=row["source"],
        decision=row["decision"], id=row["finding_id"])
    edits = json.loads(row["edits"]) if row["edits"] else None
    if not edits:
        return finding, None
    originals = {name: getattr(finding, name) for name in edits}
    for name, value in edits.items():
        setattr(finding, name, value)
    return finding, originals


class DocumentWork:
    db: Database

    def document_record(self, review_id: int) -> DocumentRecord:
        """The current document-level findings (in order), their passes and absorptions."""
        record = DocumentRecord()
        for row in self.db.query(
                "SELECT * FROM document_findings WHERE review_id = ? AND superseded = 0"
                " ORDER BY position, pk", (review_id,)):
            finding, originals = document_finding_from_row(row)
            record.findings.append(finding)
            record.origins[finding.id] = row["origin"]
            if originals:
                record.originals[finding.id] = originals
            changed = json.loads(row["changed_sections"] or "[]")
            if changed:
                record.changed[finding.id] = list(changed)
        for row in self.db.query("SELECT * FROM document_passes WHERE review_id = ?",
                                 (review_id,)):
            record.passes[row["origin"]] = PassRecord(
                row["origin"], row["status"], row["ran_at"], row["error"], row["model"],
                row["inputs"], row["document_sha256"], row["findings"])
        for row in self.db.query(
                "SELECT finding_id, absorbed_into FROM findings WHERE review_id = ?"
                " AND superseded = 0 AND absorbed_into IS NOT NULL", (review_id,)):
            record.absorbed[row["finding_id"]] = row["absorbed_into"]
        return record

    def save_document_findings(self, review_id: int,
                               findings: Sequence[tuple[str, DocumentFinding]],
                               absorbed: Mapping[str, str], *,
                               changed: Mapping[str, Sequence[str]] | None = None,
                               passes: Sequence[PassRecord] = (), usage: Usage | None = None,
                               model: str | None = None) -> DocumentRecord:
        """Write what the review holds of the document as a whole (see the module doc).

        `changed`: finding id -> sections that changed since it was made (kept on a
        finding carried over, cleared on one a pass found again). `passes`: how the
        passes that ran went; `usage` and `model`: what their calls cost.
        """
        changed = changed or {}
        when = now()
        with self.db.transaction() as conn:
            if conn.execute("SELECT 1 FROM reviews WHERE id = ?", (review_id,)).fetchone() is None:
                raise bug(f"no review {review_id}")
            current = {row["finding_id"]: row["pk"] for row in conn.execute(
                "SELECT pk, finding_id FROM document_findings WHERE review_id = ?"
                " AND superseded = 0", (review_id,))}
            for position, (origin, f) in enumerate(findings):
                if not f.id:
                    raise bug("a document finding without an id")
                values = _author(origin, position, f, changed.get(f.id, ()),
                                 model if origin == "consistency" else None)
                pk = current.pop(f.id, None)
                if pk is None:
                    if f.decision not in DECISIONS:
                        raise bug(f"decision {f.decision!r}")
                    conn.execute(_INSERT, (review_id, f.id, f.decision, when, when, *values))
                else:
                    conn.execute(_UPDATE, (when, *values, pk))
            conn.executemany(
                "UPDATE document_findings SET superseded = 1, superseded_at = ? WHERE pk = ?",
                [(when, pk) for pk in current.values()])
            conn.execute("UPDATE findings SET absorbed_into = NULL WHERE review_id = ?"
                         " AND absorbed_into IS NOT NULL", (review_id,))
            conn.executemany(
                "UPDATE findings SET absorbed_into = ? WHERE review_id = ? AND finding_id = ?"
                " AND superseded = 0 AND source != 'user'",
                [(did, review_id, fid) for fid, did in absorbed.items()])
            for p in passes:
                conn.execute(
                    "INSERT OR REPLACE INTO document_passes (review_id, origin, status, error,"
                    " model, inputs, document_sha256, findings, ran_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (review_id, p.origin, p.status, p.error, p.model, p.inputs,
                     p.document_sha256, p.findings, p.ran_at))
            if usage is not None and usage.requests:
                record_usage(conn, review_id, None, "analysis", model, usage, when)
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.document_record(review_id)

    def set_document_decision(self, review_id: int, finding_id: str,
                              decision: str) -> DocumentFinding:
        if decision not in DECISIONS:
            raise bug(f"decision {decision!r}")
        when = now()
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE document_findings SET decision = ?, updated = ? WHERE review_id = ?"
                " AND finding_id = ? AND superseded = 0", (decision, when, review_id, finding_id))
            if cur.rowcount == 0:
                raise bug(f"no current document finding {finding_id} in review {review_id}")
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.document_finding(review_id, finding_id)

    def edit_document_finding(self, review_id: int, finding_id: str,
                              **fields: Any) -> DocumentFinding:
        """Change issue, suggestion or severity; the author's values are kept, and an edit
        back to them is no edit."""
        unknown = set(fields) - set(DOCUMENT_EDITABLE)
        if unknown:
            raise bug(f"editable fields are {', '.join(DOCUMENT_EDITABLE)}, got {sorted(fields)}")
        values = checked_edits(fields)
        when = now()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT * FROM document_findings WHERE review_id = ? AND"
                               " finding_id = ? AND superseded = 0",
                               (review_id, finding_id)).fetchone()
            if row is None:
                raise bug(f"no current document finding {finding_id} in review {review_id}")
            conn.execute("UPDATE document_findings SET edits = ?, updated = ? WHERE pk = ?",
                         (folded_edits(row, values), when, row["pk"]))
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.document_finding(review_id, finding_id)

    def document_finding(self, review_id: int, finding_id: str) -> DocumentFinding:
        rows = self.db.query("SELECT * FROM document_findings WHERE review_id = ? AND"
                             " finding_id = ? AND superseded = 0", (review_id, finding_id))
        if not rows:
            raise bug(f"no current document finding {finding_id} in review {review_id}")
        return document_finding_from_row(rows[0])[0]
