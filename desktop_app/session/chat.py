"""A review's chat, kept with the review: what the chat panel reads and writes.

Writes (questions, answers as they grow, what an answer cost) go through the
session's `Storage` like every other change, so a store that refuses them is
said in one place and they are written when it can take them again; an
answer's later saves follow its first in order, whatever its id turns out to
be (`MessageRef`). Reads and Clear go to the store at once and raise
`StoreError`, for the panel to say so under the conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.ai.provider import Usage
from desktop_app.review.findings import Finding
from desktop_app.store.db import StoreEnvironmentError
from desktop_app.store.review_state import ChatMessage
from desktop_app.store.reviews import ReviewStore

if TYPE_CHECKING:
    from desktop_app.session.session import ReviewSession


@dataclass(slots=True)
class MessageRef:
    """A message the log was asked to save; `id` once it is saved."""

    id: int | None = None


class ChatLog:
    def __init__(self, session: ReviewSession) -> None:
        self._session = session

    @property
    def available(self) -> bool:
        """The review is open in the store: its conversations can be shown and kept."""
        return self._session.review_id is not None

    def titles(self) -> dict[str, str]:
        return self._session.titles

    # -- writes ---------------------------------------------------------------------

    def add(self, section_id: str | None, role: str, text: str, *, model: str | None = None,
            complete: bool = True, citations: Sequence[str] = ()) -> MessageRef:
        ref = MessageRef()

        def write(s: ReviewStore, rid: int) -> int:
            ref.id = s.add_chat_message(rid, role, text, section_id=section_id, model=model,
                                        complete=complete, citations=citations).id
            return ref.id

        self._session.storage.write(self._session, self._what(role, section_id), write)
        return ref

    def update(self, ref: MessageRef, section_id: str | None, text: str, *, complete: bool,
               model: str | None = None, citations: Sequence[str] | None = None) -> None:
        """More of an answer, or its end. Saves of one answer waiting together are
        one write: only the last text counts."""
        def write(s: ReviewStore, rid: int) -> None:
            if ref.id is None:  # its first save was lost: this one starts it again
                ref.id = s.add_chat_message(rid, "assistant", text, section_id=section_id,
                                            model=model, complete=complete,
                                            citations=citations or ()).id
            else:
                s.update_chat_message(rid, ref.id, text, complete=complete, model=model,
                                      citations=citations)

        self._session.storage.write(self._session, self._what("assistant", section_id), write,
                                    key=ref)

    def record_usage(self, section_id: str | None, model: str | None, usage: Usage) -> bool:
        """What a chat request cost, for the statistics; True once it is saved."""
        saved = self._session.storage.write(
            self._session, "the cost of a chat answer",
            lambda s, rid: s.record_usage(rid, model, usage, kind="chat",
                                          section_id=section_id) or True)
        return bool(saved)

    # -- reads ---------------------------------------------------------------------------

    def history(self, section_id: str | None, limit: int | None = None) -> list[ChatMessage]:
        """The conversation, oldest first (its last `limit` messages); raises StoreError."""
        return self._store().chat_history(self._review_id(), section_id, limit=limit)

    def clear(self, section_id: str | None) -> None:
        """Delete a conversation now; raises StoreError."""
        self._store().clear_chat(self._review_id(), section_id)

    def findings(self, section_id: str | None) -> dict[str, list[Finding]]:
        """The findings the model should know about, as the review holds them now: the
        section's and its subsections' (None: the whole document's), in document order."""
        document = self._session.document
        section = document.section(section_id) if section_id is not None else None
        if section_id is not None and section is None:
            return {}
        sections = section.walk() if section is not None else document.walk()
        results = self._session.results
        return {s.id: list(results.findings(s.id)) for s in sections if results.findings(s.id)}

    # -- internals ----------------------------------------------------------------------

    def _store(self) -> ReviewStore:
        store = self._session.store
        if store is None or self._session.review_id is None:
            raise StoreEnvironmentError(self._session.storage.error
                                        or "the review store cannot be opened")
        return store

    def _review_id(self) -> int:
        rid = self._session.review_id
        assert rid is not None  # checked by _store
        return rid

    def _what(self, role: str, section_id: str | None) -> str:
        about = (f"“{self._session.titles.get(section_id, section_id)}”" if section_id
                 else "the whole document")
        return f"{'your question' if role == 'user' else 'an answer'} in the chat about {about}"
