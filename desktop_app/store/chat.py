"""Chat messages, kept per document: each belongs to the review it was written in."""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop_app.ai.provider import Usage
from desktop_app.store.db import Database, StoreBugError
from desktop_app.store.review_rows import chat_from_row, inserted_id, now, record_usage
from desktop_app.store.review_state import CHAT_ROLES, ChatMessage


def _document_id(db: Database, review_id: int) -> int:
    rows = db.query("SELECT document_id FROM reviews WHERE id = ?", (review_id,))
    if not rows:
        raise StoreBugError(f"internal database error (no review {review_id})")
    return int(rows[0]["document_id"])


def add_message(db: Database, review_id: int, role: str, text: str, *,
                section_id: str | None, model: str | None, complete: bool,
                citations: Sequence[str], usage: Usage | None) -> ChatMessage:
    if role not in CHAT_ROLES:
        raise StoreBugError(f"internal database error (chat role {role!r})")
    when = now()
    with db.transaction() as conn:
        document_id = _document_id(db, review_id)
        cur = conn.execute(
            "INSERT INTO chat_messages (document_id, review_id, section_id, role, text, model,"
            " citations, complete, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, review_id, section_id, role, text, model,
             json.dumps(list(citations), ensure_ascii=False), int(complete), when))
        message_id = inserted_id(cur)
        if usage is not None and usage.requests:
            record_usage(conn, review_id, section_id, "chat", model, usage, when)
        conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
    return message(db, message_id)


def update_message(db: Database, review_id: int, message_id: int, text: str, *,
                   complete: bool, model: str | None,
                   citations: Sequence[str] | None) -> ChatMessage:
    when = now()
    with db.transaction() as conn:
        cur = conn.execute(
            "UPDATE chat_messages SET text = ?, complete = ?, model = COALESCE(?, model),"
            " citations = COALESCE(?, citations) WHERE id = ? AND review_id = ?",
            (text, int(complete), model,
             None if citations is None else json.dumps(list(citations), ensure_ascii=False),
             message_id, review_id))
        if cur.rowcount == 0:
            raise StoreBugError(f"internal database error (no chat message {message_id})")
        conn.execute("UPDATE reviews SET updated = ? WHERE id = ?", (when, review_id))
    return message(db, message_id)


def message(db: Database, message_id: int) -> ChatMessage:
    rows = db.query("SELECT * FROM chat_messages WHERE id = ?", (message_id,))
    if not rows:
        raise StoreBugError(f"internal database error (no chat message {message_id})")
    return chat_from_row(rows[0])


def history(db: Database, review_id: int, section_id: str | None,
            limit: int | None) -> list[ChatMessage]:
    """Oldest first; with `limit`, the most recent `limit` messages."""
    document_id = _document_id(db, review_id)
    sql = ("SELECT * FROM chat_messages WHERE document_id = ? AND section_id IS ?"
           " ORDER BY id DESC")
    params: tuple = (document_id, section_id)
    if limit is not None:
        sql += " LIMIT ?"
        params += (max(0, int(limit)),)
    return [chat_from_row(row) for row in reversed(db.query(sql, params))]


def clear(db: Database, review_id: int, section_id: str | None, everything: bool) -> int:
    document_id = _document_id(db, review_id)
    with db.transaction() as conn:
        if everything:
            cur = conn.execute("DELETE FROM chat_messages WHERE document_id = ?",
                               (document_id,))
        else:
            cur = conn.execute(
                "DELETE FROM chat_messages WHERE document_id = ? AND section_id IS ?",
                (document_id, section_id))
        return cur.rowcount

