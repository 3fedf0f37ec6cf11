"""The review store: results, decisions, edits, own findings and chat, saved as they happen.

Used from one thread at a time, like the Database under it: the GUI or CLI main
thread's, and a second one the analysis threads take turns on (session/storage.py).
Every write is one short transaction made when the event happens, so a crash
or a power cut loses at most the requests still in flight. A write that fails
raises `StoreEnvironmentError` (disk full, read-only, locked, damaged) or
`StoreBugError`, and changes neither the database nor the caller's objects:
the store copies what it is given and hands back fresh snapshots.

A review is one document read against one framework. It is found again by
the document's content (sha256) or, when the content changed, by its path,
and then reconciled section by section (see reconcile.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from desktop_app.ai.prices import Price
from desktop_app.ai.provider import AnalysisResult, ProviderError, Usage
from desktop_app.document.model import Document
from desktop_app.store import chat
from desktop_app.store.db import Database
from desktop_app.store.document_reconcile import reconcile_document_findings
from desktop_app.store.document_work import DocumentWork
from desktop_app.store.finding_ids import unclash_ids
from desktop_app.store.reconcile import insert_sections, reconcile
from desktop_app.store.results import section_hash
from desktop_app.store.review_rows import (
    AUTHOR_COLUMNS,
    INSERT_FINDING,
    author_values,
    facts_json,
    finding_from_row,
    inserted_id,
    now,
    record_usage,
    section_from_row,
    usage_values,
)
from desktop_app.store.review_state import (
    ChatMessage,
    ReviewState,
    ReviewStatistics,
    ReviewSummary,
    SectionChanges,
    SectionRecord,
)
from desktop_app.store.reviewer_work import ReviewerWork, bug, copy_finding
from desktop_app.store.statistics import review_statistics

_UPDATE_FINDING = (
    "UPDATE findings SET section_hash = ?, position = ?, model = ?, updated = ?, "
    + ", ".join(f"{c} = ?" for c in AUTHOR_COLUMNS) + " WHERE pk = ?"
)
_SUMMARY = (
    "SELECT r.*, d.title AS document_title, d.path, d.sha256,"
    " (SELECT COUNT(*) FROM review_sections s WHERE s.review_id = r.id"
    "  AND s.status = 'done') AS done,"
    " (SELECT COUNT(*) FROM review_sections s WHERE s.review_id = r.id"
    "  AND s.status != 'removed') AS total,"
    " (SELECT COUNT(*) FROM findings f WHERE f.review_id = r.id"
    "  AND f.superseded = 0 AND f.absorbed_into IS NULL)"
    " + (SELECT COUNT(*) FROM document_findings g WHERE g.review_id = r.id"
    "  AND g.superseded = 0) AS findings"
    " FROM reviews r JOIN documents d ON d.id = r.document_id"
)


def default_provider_identity(provider_name: str, models: Sequence[str]) -> str:
    return json.dumps({"provider": provider_name, "models": list(models)})


class ReviewStore(ReviewerWork, DocumentWork):
    """The review store API; the reviewer's own work is in reviewer_work.py, the review
    of the document as a whole in document_work.py."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reviews ---------------------------------------------------------------

    def open_or_create_review(self, document: Document, framework_identity: str,
                              framework_name: str, provider_name: str, models: Sequence[str],
                              *, provider_identity: str | None = None) -> ReviewState:
        """The review of this document and framework, reconciled with the document
        as it is now; a new one when there is none.

        `provider_identity` says what, besides the text and the framework, decides
        an answer (the provider's `cache_identity()`); a section answered with
        other settings is kept but not `up_to_date`.
        """
        provider_identity = provider_identity or default_provider_identity(provider_name,
                                                                           models)
        models_json = json.dumps(list(models))
        hashes = {s.id: section_hash(s.title, s.text) for s in document.walk()}
        when = now()
        with self.db.transaction() as conn:
            found = conn.execute(
                "SELECT r.id AS review_id, d.id AS document_id, d.path, d.sha256"
                " FROM reviews r JOIN documents d ON d.id = r.document_id"
                " WHERE r.framework_name = ? AND (d.sha256 = ? OR d.path = ?)"
                " ORDER BY d.sha256 = ? DESC, r.updated DESC, r.id DESC LIMIT 1",
                (framework_name, document.sha256, document.path, document.sha256)).fetchone()
            if found is None:
                document_id = self._document_row(conn, document, when)
                review_id = inserted_id(conn.execute(
                    "INSERT INTO reviews (document_id, framework_name, framework_identity,"
                    " provider_name, provider_identity, models, created, updated)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (document_id, framework_name, framework_identity, provider_name,
                     provider_identity, models_json, when, when)))
                insert_sections(conn, review_id, document, hashes)
                snapshot: dict[str, Any] = {"created": True}
            else:
                review_id, document_id = found["review_id"], found["document_id"]
                conn.execute(
                    "UPDATE documents SET path = ?, sha256 = ?, title = ?, last_opened = ?"
                    " WHERE id = ?",
                    (document.path, document.sha256, document.title, when, document_id))
                conn.execute(
                    "UPDATE reviews SET framework_identity = ?, provider_name = ?,"
                    " provider_identity = ?, models = ?, updated = ? WHERE id = ?",
                    (framework_identity, provider_name, provider_identity, models_json, when,
                     review_id))
                changes = reconcile(conn, review_id, document, hashes, when)
                reconcile_document_findings(conn, review_id, document, changes, when)
                snapshot = {
                    "created": False,
                    "changes": changes,
                    "content_changed": found["sha256"] != document.sha256,
                    "previous_path": found["path"] if found["path"] != document.path else None,
                }
        return self.review_state(review_id, **snapshot)

    @staticmethod
    def _document_row(conn, document: Document, when: str) -> int:
        """The document's row (same content first, then same path), brought up to date."""
        row = conn.execute(
            "SELECT id FROM documents WHERE sha256 = ? OR path = ?"
            " ORDER BY sha256 = ? DESC, last_opened DESC LIMIT 1",
            (document.sha256, document.path, document.sha256)).fetchone()
        if row is None:
            return inserted_id(conn.execute(
                "INSERT INTO documents (path, sha256, title, first_opened, last_opened)"
                " VALUES (?, ?, ?, ?, ?)",
                (document.path, document.sha256, document.title, when, when)))
        conn.execute(
            "UPDATE documents SET path = ?, sha256 = ?, title = ?, last_opened = ? WHERE id = ?",
            (document.path, document.sha256, document.title, when, row["id"]))
        return int(row["id"])

    def review_state(self, review_id: int, *, created: bool = False,
                     changes: SectionChanges | None = None, content_changed: bool = False,
                     previous_path: str | None = None) -> ReviewState:
        """A fresh snapshot of the review as stored."""
        review = self._review_row(review_id)
        fw_id, prov_id = review["framework_identity"], review["provider_identity"]
        sections = {row["section_id"]: section_from_row(row, fw_id, prov_id)
                    for row in self.db.query(
                        "SELECT * FROM review_sections WHERE review_id = ?"
                        " ORDER BY status = 'removed', position", (review_id,))}
        for row in self.db.query(
                "SELECT * FROM findings WHERE review_id = ? AND superseded = 0"
                " ORDER BY source = 'user', position, pk", (review_id,)):
            record = sections.get(row["section_id"])
            if record is not None:
                self._attach(record, row)
        return ReviewState(
            review_id=review_id, document_id=review["document_id"], created=created,
            framework_name=review["framework_name"], framework_identity=fw_id,
            provider_name=review["provider_name"], provider_identity=prov_id,
            models=list(json.loads(review["models"])),
            seconds_spent=float(review["seconds_spent"]),
            sections=sections, changes=changes or SectionChanges(),
            content_changed=content_changed, previous_path=previous_path,
            document=self.document_record(review_id))

    def section(self, review_id: int, section_id: str) -> SectionRecord | None:
        review = self._review_row(review_id)
        rows = self.db.query("SELECT * FROM review_sections WHERE review_id = ? AND"
                             " section_id = ?", (review_id, section_id))
        if not rows:
            return None
        record = section_from_row(rows[0], review["framework_identity"],
                                  review["provider_identity"])
        for row in self.db.query(
                "SELECT * FROM findings WHERE review_id = ? AND section_id = ? AND superseded = 0"
                " ORDER BY source = 'user', position, pk", (review_id, section_id)):
            self._attach(record, row)
        return record

    @staticmethod
    def _attach(record: SectionRecord, row) -> None:
        finding, originals = finding_from_row(row)
        if row["absorbed_into"] is not None:  # a document-level finding carries its quote
            record.absorbed.append(finding)
        else:
            record.findings.append(finding)
        if originals:
            record.originals[finding.id] = originals

    def _review_row(self, review_id: int):
        rows = self.db.query("SELECT * FROM reviews WHERE id = ?", (review_id,))
        if not rows:
            raise bug(f"no review {review_id}")
        return rows[0]

    def latest_review(self, document: Document) -> ReviewSummary | None:
        """The most recently used review of this document (by content, then path)."""
        rows = self.db.query(
            _SUMMARY + " WHERE d.sha256 = ? OR d.path = ?"
            " ORDER BY d.sha256 = ? DESC, r.updated DESC, r.id DESC LIMIT 1",
            (document.sha256, document.path, document.sha256))
        return _summary(rows[0]) if rows else None

    def list_reviews(self) -> list[ReviewSummary]:
        """Every review, most recently updated first."""
        return [_summary(row) for row in
                self.db.query(_SUMMARY + " ORDER BY r.updated DESC, r.id DESC")]

    def delete_review(self, review_id: int) -> bool:
        """Delete the review with everything in it; the document too if it was its last."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT document_id FROM reviews WHERE id = ?",
                               (review_id,)).fetchone()
            if row is None:
                return False
            conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            conn.execute("DELETE FROM documents WHERE id = ? AND NOT EXISTS"
                         " (SELECT 1 FROM reviews WHERE document_id = ?)",
                         (row["document_id"], row["document_id"]))
        return True

    def add_seconds(self, review_id: int, seconds: float) -> None:
        """Count time spent on the review (the window's active time, a CLI run)."""
        if seconds <= 0:
            return
        with self.db.transaction() as conn:
            cur = conn.execute("UPDATE reviews SET seconds_spent = seconds_spent + ?"
                               " WHERE id = ?", (float(seconds), review_id))
            if cur.rowcount == 0:
                raise bug(f"no review {review_id}")

    # -- analysis results ---------------------------------------------------------

    def record_result(self, review_id: int, section_id: str, sec_hash: str,
                      result: AnalysisResult) -> SectionRecord | None:
        """Store a section's answer: its model or rules findings replace the
        section's current ones (a finding id seen before is updated, keeping the
        reviewer's decision and edits; one no longer reported becomes history);
        the reviewer's own findings stay. None, and nothing written, when the
        answer is for a text the review no longer has."""
        findings = [copy_finding(f) for f in result.findings]
        for index, finding in enumerate(findings):
            finding.ensure_id(section_id, index)
        when = now()
        with self.db.transaction() as conn:
            review = conn.execute("SELECT framework_identity, provider_identity FROM reviews"
                                  " WHERE id = ?", (review_id,)).fetchone()
            if review is None:
                raise bug(f"no review {review_id}")
            if not self._accepts(conn, review_id, section_id, sec_hash):
                return None
            unclash_ids(conn, review_id, section_id, findings)
            current = {row["finding_id"]: row for row in conn.execute(
                "SELECT pk, finding_id, source FROM findings WHERE review_id = ?"
                " AND section_id = ? AND superseded = 0", (review_id, section_id))}
            for position, f in enumerate(findings):
                row = current.pop(f.id, None)
                if row is None:
                    conn.execute(INSERT_FINDING, (
                        review_id, section_id, f.id, sec_hash, position, result.model,
                        f.decision, when, when, *author_values(f)))
                elif row["source"] == "user":
                    raise bug(f"finding id {f.id} is a reviewer's own finding")
                else:
                    conn.execute(_UPDATE_FINDING, (sec_hash, position, result.model, when,
                                                   *author_values(f), row["pk"]))
            gone = [row["pk"] for row in current.values() if row["source"] != "user"]
            conn.executemany(
                "UPDATE findings SET superseded = 1, superseded_reason = 'rerun',"
                " superseded_at = ? WHERE pk = ?", [(when, pk) for pk in gone])
            conn.execute(
                "UPDATE review_sections SET status = 'done', error = NULL, model = ?,"
                " framework_identity = ?, provider_identity = ?, requests = ?, retries = ?,"
                " input_tokens = ?, output_tokens = ?, cache_read_tokens = ?,"
                " cache_write_tokens = ?, analysed_at = ?, facts = ?"
                " WHERE review_id = ? AND section_id = ?",
                (result.model, review["framework_identity"], review["provider_identity"],
                 *usage_values(result.usage), when, facts_json(result.facts), review_id,
                 section_id))
            if not result.from_cache and result.usage.requests:
                record_usage(conn, review_id, section_id, "analysis", result.model,
                             result.usage, when)
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.section(review_id, section_id)

    def record_failure(self, review_id: int, section_id: str, sec_hash: str,
                       error: ProviderError | str) -> SectionRecord | None:
        """Mark the section failed with the reason. Findings of an earlier answer
        stay (a failed re-run loses nothing); what the attempt cost is counted."""
        message = error.message if isinstance(error, ProviderError) else str(error)
        usage = error.usage if isinstance(error, ProviderError) else Usage()
        model = error.model if isinstance(error, ProviderError) else None
        when = now()
        with self.db.transaction() as conn:
            self._review_row(review_id)
            if not self._accepts(conn, review_id, section_id, sec_hash):
                return None
            conn.execute("UPDATE review_sections SET status = 'failed', error = ?"
                         " WHERE review_id = ? AND section_id = ?",
                         (message, review_id, section_id))
            if usage.requests:
                record_usage(conn, review_id, section_id, "analysis", model, usage, when)
            conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
        return self.section(review_id, section_id)

    @staticmethod
    def _accepts(conn, review_id: int, section_id: str, sec_hash: str) -> bool:
        row = conn.execute("SELECT section_hash, status FROM review_sections"
                           " WHERE review_id = ? AND section_id = ?",
                           (review_id, section_id)).fetchone()
        if row is None:
            raise bug(f"no section {section_id} in review {review_id}")
        return row["status"] != "removed" and row["section_hash"] == sec_hash

    # -- chat, usage, statistics ---------------------------------------------------------

    def add_chat_message(self, review_id: int, role: str, text: str, *,
                         section_id: str | None = None, model: str | None = None,
                         complete: bool = True, citations: Sequence[str] = (),
                         usage: Usage | None = None) -> ChatMessage:
        """Append a message to the document's chat (`section_id` None: the whole
        document). `usage`: what the answer cost, counted in the statistics."""
        return chat.add_message(self.db, review_id, role, text, section_id=section_id,
                                model=model, complete=complete, citations=citations,
                                usage=usage)

    def update_chat_message(self, review_id: int, message_id: int, text: str, *,
                            complete: bool = True, model: str | None = None,
                            citations: Sequence[str] | None = None) -> ChatMessage:
        """Save more of an answer that is still streaming, or its end."""
        return chat.update_message(self.db, review_id, message_id, text, complete=complete,
                                   model=model, citations=citations)

    def chat_history(self, review_id: int, section_id: str | None = None,
                     limit: int | None = None) -> list[ChatMessage]:
        return chat.history(self.db, review_id, section_id, limit)

    def clear_chat(self, review_id: int, section_id: str | None = None, *,
                   everything: bool = False) -> int:
        """Delete the chat about one section (None: the whole-document chat), or
        every chat of the document; returns how many messages went."""
        return chat.clear(self.db, review_id, section_id, everything)

    def record_usage(self, review_id: int, model: str | None, usage: Usage, *,
                     kind: str = "chat", section_id: str | None = None) -> None:
        """Count requests made outside `record_result` (a chat answer saved without usage)."""
        when = now()
        with self.db.transaction() as conn:
            self._review_row(review_id)
            record_usage(conn, review_id, section_id, kind, model, usage, when)

    def record_batch_usage(self, review_id: int, section_id: str, model: str | None,
                           usage: Usage) -> None:
        """What a batch job billed for a section's records (kept apart: batch prices)."""
        when = now()
        with self.db.transaction() as conn:
            self._review_row(review_id)
            record_usage(conn, review_id, section_id, "analysis", model, usage, when,
                         batch=True)

    def statistics(self, review_id: int,
                   prices: Mapping[str, Price] | None = None) -> ReviewStatistics:
        return review_statistics(self.db, review_id, prices)


def _summary(row) -> ReviewSummary:
    return ReviewSummary(
        review_id=row["id"], document_id=row["document_id"],
        document_title=row["document_title"], path=row["path"], sha256=row["sha256"],
        framework_name=row["framework_name"], provider_name=row["provider_name"],
        models=list(json.loads(row["models"])), created=row["created"], updated=row["updated"],
        sections_done=row["done"], sections_total=row["total"], findings=row["findings"],
        seconds_spent=float(row["seconds_spent"]))
