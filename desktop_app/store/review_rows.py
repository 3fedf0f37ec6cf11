"""Rows of the review tables to plain objects and back, and the usage log row."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from desktop_app.ai.provider import Usage
from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding, Quote
from desktop_app.review.status import SectionStatus
from desktop_app.store.review_state import ChatMessage, SectionRecord

# The finding as its author wrote it; `edits` holds the reviewer's changes on top.
AUTHOR_COLUMNS = ("source", "category", "severity", "confidence", "quote", "quote_original",
                  "anchored", "quote_start", "quote_end", "issue", "suggestion", "rewrite",
                  "checkpoints", "quotes")
INSERT_FINDING = (
    "INSERT INTO findings (review_id, section_id, finding_id, section_hash, position, model,"
    f" decision, created, updated, {', '.join(AUTHOR_COLUMNS)})"
    f" VALUES ({', '.join('?' * (9 + len(AUTHOR_COLUMNS)))})"
)
USAGE_COLUMNS = ("requests", "retries", "input_tokens", "output_tokens", "cache_read_tokens",
                 "cache_write_tokens")


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT made (always set after a successful INSERT)."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise TypeError("no row was inserted")
    return rowid


def now() -> str:
    """ISO 8601 in UTC with microseconds, like the SQL defaults."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def author_values(f: Finding) -> tuple[Any, ...]:
    """`f` in AUTHOR_COLUMNS order."""
    return (f.source, f.category, f.severity, float(f.confidence), f.quote, f.quote_original,
            int(bool(f.anchored)), f.start, f.end, f.issue, f.suggestion, f.rewrite,
            json.dumps(list(f.checkpoints), ensure_ascii=False),
            quotes_json(f.quotes) if f.quotes else None)


def quotes_json(quotes: Sequence[Quote]) -> str:
    """A finding's several passages (its occurrences, or a document-level finding's
    places) for a row: JSON, with their offsets."""
    return json.dumps([{"section": q.section, "quote": q.quote, "anchored": q.anchored,
                        "quote_original": q.quote_original, "start": q.start, "end": q.end}
                       for q in quotes], ensure_ascii=False)


def quotes_from_json(text: str | None) -> list[Quote]:
    return [Quote(q["section"], q["quote"], bool(q.get("anchored")), q.get("quote_original"),
                  q.get("start"), q.get("end"))
            for q in json.loads(text or "[]")]


def usage_values(usage: Usage) -> tuple[int, ...]:
    return (usage.requests, usage.retries, usage.input_tokens, usage.output_tokens,
            usage.cache_read_tokens, usage.cache_write_tokens)


def usage_from_row(row: sqlite3.Row) -> Usage:
    return Usage(*(int(row[c] or 0) for c in USAGE_COLUMNS))


def finding_from_row(row: sqlite3.Row) -> tuple[Finding, dict[str, Any] | None]:
    """The finding as the reviewer sees it (edits applied), and the author's
    values of the edited fields (None when nothing was edited)."""
    finding = Finding(
        category=row["category"], severity=row["severity"], confidence=row["confidence"],
        quote=row["quote"], issue=row["issue"], suggestion=row["suggestion"],
        checkpoints=_json_list(row["checkpoints"]), rewrite=row["rewrite"],
        source=row["source"], anchored=bool(row["anchored"]),
        quote_original=row["quote_original"], start=row["quote_start"], end=row["quote_end"],
        decision=row["decision"], id=row["finding_id"], quotes=quotes_from_json(row["quotes"]),
    )
    edits = json.loads(row["edits"]) if row["edits"] else None
    if not edits:
        return finding, None
    originals = {name: getattr(finding, name) for name in edits}
    for name, value in edits.items():
        setattr(finding, name, value)
    return finding, originals


def _json_list(text: str | None) -> list:
    return [] if not text or text == "[]" else list(json.loads(text))  # most are empty


def section_from_row(row: sqlite3.Row, framework_identity: str,
                     provider_identity: str) -> SectionRecord:
    return SectionRecord(
        section_id=row["section_id"], title=row["title"], level=row["level"],
        position=row["position"], section_hash=row["section_hash"],
        status=SectionStatus(row["status"]),
        error=row["error"], model=row["model"], usage=usage_from_row(row),
        analysed_at=row["analysed_at"],
        up_to_date=(row["framework_identity"] == framework_identity
                    and row["provider_identity"] == provider_identity),
        facts=facts_from_json(row["facts"]),
    )


def facts_json(facts: list[Fact]) -> str | None:
    """A section's key facts for its row; None (NULL) when it has none."""
    return json.dumps([f.to_dict() for f in facts], ensure_ascii=False) if facts else None


def facts_from_json(text: str | None) -> list[Fact]:
    return [Fact.from_dict(f) for f in json.loads(text)] if text else []


def chat_from_row(row: sqlite3.Row) -> ChatMessage:
    return ChatMessage(
        id=row["id"], role=row["role"], text=row["text"], section_id=row["section_id"],
        created=row["created"], complete=bool(row["complete"]), model=row["model"],
        citations=_json_list(row["citations"]), review_id=row["review_id"],
    )


def record_usage(conn: sqlite3.Connection, review_id: int, section_id: str | None, kind: str,
                 model: str | None, usage: Usage, when: str, *, batch: bool = False) -> None:
    """Append what a request cost (analysis or chat), inside the caller's transaction;
    `batch`: billed by a batch job (at batch prices), not an on-demand call."""
    conn.execute(
        "INSERT INTO usage_events (review_id, section_id, kind, model, requests, retries,"
        " input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, at, batch)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (review_id, section_id, kind, model, *usage_values(usage), when, int(batch)))
