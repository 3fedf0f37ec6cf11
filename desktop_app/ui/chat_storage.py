"""The chat panel's reads and writes to the review store.

A mixin of `ChatPanel`, kept apart so that every store call, and what the
panel says when one fails, sits in one place: a refused write is reported
under the conversation and the chat goes on, since losing a saved message
must not lose the answer on screen. It also gathers what the model is told
besides the question: the earlier turns and the review's findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel

from desktop_app.ai.chat_context import Turn
from desktop_app.document.model import Document
from desktop_app.review.findings import Finding
from desktop_app.store.db import StoreError
from desktop_app.store.reviews import ReviewStore

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from desktop_app.ui.chat_stream import Exchange

HISTORY_PROMPT_LIMIT = 40  # messages considered for the model's context (then budgeted)


class ChatStorageMixin:
    """Needs the attributes below, set up by `ChatPanel.__init__`."""

    _document: Document | None
    _store: ReviewStore | None
    notice: QLabel

    if TYPE_CHECKING:  # ChatPanel's
        usage_recorded: SignalInstance

    def _save(self, write: Callable[[ReviewStore], Any]) -> Any:
        """Run a store call; on failure say so under the conversation and return None."""
        if self._store is None:
            return None
        try:
            result = write(self._store)
        except StoreError as err:
            self.notice.setText(f"The chat could not be saved: {err}")
            self.notice.show()
            return None
        return result

    def _save_answer(self, ex: Exchange, *, complete: bool, model: str | None = None,
                     citations: list[str] | None = None) -> None:
        review_id, section_id = ex.key
        ex.saved_text = ex.text
        if ex.message_id is None:
            ex.message_id = self._save(lambda s: s.add_chat_message(
                review_id, "assistant", ex.text, section_id=section_id, model=model,
                complete=complete, citations=citations or ()).id)
            if ex.view is not None:
                ex.view.message_id = ex.message_id
        else:
            message_id = ex.message_id
            self._save(lambda s: s.update_chat_message(
                review_id, message_id, ex.text, complete=complete, model=model,
                citations=citations))

    def _record_usage(self, ex: Exchange, model: str | None, usage: Any) -> None:
        if usage is None or not getattr(usage, "requests", 0):
            return
        review_id, section_id = ex.key
        if self._store is None:
            return
        try:
            self._store.record_usage(review_id, model, usage, kind="chat",
                                     section_id=section_id)
        except StoreError as err:
            self.notice.setText(f"The chat's cost could not be saved: {err}")
            self.notice.show()
            return
        self.usage_recorded.emit()

    def _history_before(self, key: tuple[int, str | None],
                        user_message_id: int | None) -> tuple[Turn, ...]:
        if user_message_id is None:
            return ()
        # Only the last exchange is ever asked (again), so its question is among the
        # most recent messages.
        stored = self._save(lambda s: s.chat_history(key[0], key[1],
                                                     limit=HISTORY_PROMPT_LIMIT + 2)) or []
        earlier = [m for m in stored if m.id < user_message_id][-HISTORY_PROMPT_LIMIT:]
        return tuple(Turn(m.role, m.text, m.complete) for m in earlier)

    def _findings(self, key: tuple[int, str | None]) -> dict[str, list[Finding]]:
        """The findings the model should know about, as stored now."""
        store, review_id, document = self._store, key[0], self._document
        if store is None or document is None:
            return {}
        try:
            if key[1] is None:
                state = store.review_state(review_id)
                return {sid: list(r.findings) for sid, r in state.sections.items()
                        if r.findings}
            section = document.section(key[1])
            ids = [s.id for s in section.walk()] if section else []
            found: dict[str, list[Finding]] = {}
            for sid in ids:
                record = store.section(review_id, sid)
                if record is not None and record.findings:
                    found[sid] = list(record.findings)
            return found
        except StoreError:
            return {}
