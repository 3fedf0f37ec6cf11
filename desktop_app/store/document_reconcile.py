"""Document-level findings when the document changed: each quote anchored again in its section.

Runs inside the transaction that opens the review, after the sections are
reconciled (reconcile.py). A quote in an unchanged section stays as it is. A
quote in a section whose text changed is looked up again there: the
occurrence nearest where it was, else the closest passage as any quote is
anchored (`ai/document_anchoring`, in that section only), else it is marked
unanchored; a quote in a section that went away is unanchored. Either way the
finding records the section as changed since it was made, so the reviewer
sees that its places moved and can run the pass again. The finding, its
decision and its edits stay.
"""

from __future__ import annotations

import json
import sqlite3

from desktop_app.ai.document_anchoring import anchor_document_quote
from desktop_app.document.model import Document
from desktop_app.review.document_findings import DocumentQuote
from desktop_app.store.reconcile import nearest
from desktop_app.store.review_rows import quotes_from_json, quotes_json
from desktop_app.store.review_state import SectionChanges


def reanchor(quote: DocumentQuote, text: str | None) -> None:
    """Anchor `quote` again in its section's new `text` (None: the section went away)."""
    if text is None:
        quote.anchored, quote.start, quote.end = False, None, None
        return
    at = nearest(text, quote.quote, quote.start or 0) if quote.quote else -1
    if at >= 0:
        quote.anchored, quote.start, quote.end = True, at, at + len(quote.quote)
        return
    quote.anchored, quote.start, quote.end = False, None, None
    anchor_document_quote(quote, {quote.section: text})  # in its own section only


def reconcile_document_findings(conn: sqlite3.Connection, review_id: int, document: Document,
                                changes: SectionChanges, when: str) -> int:
    """Re-anchor the quotes in changed sections; returns how many findings were touched."""
    moved = set(changes.changed) | set(changes.removed) | set(changes.added)
    if not moved:
        return 0
    texts = {s.id: s.text for s in document.walk()}
    touched = 0
    for row in conn.execute(
            "SELECT pk, quotes, changed_sections FROM document_findings WHERE review_id = ?"
            " AND superseded = 0", (review_id,)).fetchall():
        quotes = quotes_from_json(row["quotes"])
        hit = [q for q in quotes if q.section in moved]
        if not hit:
            continue
        for quote in hit:
            reanchor(quote, texts.get(quote.section))
        changed = list(dict.fromkeys([*json.loads(row["changed_sections"] or "[]"),
                                      *(q.section for q in hit)]))
        conn.execute("UPDATE document_findings SET quotes = ?, changed_sections = ?,"
                     " updated = ? WHERE pk = ?",
                     (quotes_json(quotes), json.dumps(changed), when, row["pk"]))
        touched += 1
    return touched
