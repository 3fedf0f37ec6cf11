"""The chat panel's reads and writes of the review's chat (the session's `ChatLog`).

A mixin of `ChatPanel`, kept apart so that every call to the chat log sits in
one place. Writes follow the session's one save policy (a refused write waits
and is said in the window's banner; the chat goes on, since losing a saved
message must not lose the answer on screen); a read that fails is said under
the conversation. It also gathers what the model is told besides the
question: the earlier turns and the review's findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel

from desktop_app.ai.chat_context import Turn
from desktop_app.review.findings import Finding
from desktop_app.session import ChatLog, StoreError

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from desktop_app.ui.chat.answer import Exchange

HISTORY_PROMPT_LIMIT = 40  # messages considered for the model's context (then budgeted)


class ChatStorageMixin:
    """Needs the attributes below, set up by `ChatPanel.__init__`."""

    _chat: ChatLog | None
    notice: QLabel

    if TYPE_CHECKING:  # ChatPanel's
        usage_recorded: SignalInstance

    def _read(self, read: Callable[[ChatLog], Any]) -> Any:
        """A read of the chat log; on failure say so under the conversation, None."""
        if self._chat is None:
            return None
        try:
            return read(self._chat)
        except StoreError as err:
            self._say(f"The chat could not be read: {err}")
            return None

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _save_answer(self, ex: Exchange, *, complete: bool, model: str | None = None,
                     citations: list[str] | None = None) -> None:
        chat, section_id = ex.key
        ex.saved_text = ex.text
        if ex.answer is None:
            ex.answer = chat.add(section_id, "assistant", ex.text, model=model,
                                 complete=complete, citations=citations or ())
            if ex.view is not None:
                ex.view.message_id = ex.answer.id
        else:
            chat.update(ex.answer, section_id, ex.text, complete=complete, model=model,
                        citations=citations)

    def _record_usage(self, ex: Exchange, model: str | None, usage: Any) -> None:
        if usage is None or not getattr(usage, "requests", 0):
            return
        chat, section_id = ex.key
        if chat.record_usage(section_id, model, usage):
            self.usage_recorded.emit()

    def _history_before(self, key: tuple[ChatLog, str | None],
                        user_message_id: int | None) -> tuple[Turn, ...]:
        if user_message_id is None:
            return ()
        # Only the last exchange is ever asked (again), so its question is among the
        # most recent messages.
        stored = self._read(lambda c: c.history(key[1], limit=HISTORY_PROMPT_LIMIT + 2)) or []
        earlier = [m for m in stored if m.id < user_message_id][-HISTORY_PROMPT_LIMIT:]
        return tuple(Turn(m.role, m.text, m.complete) for m in earlier)

    def _findings(self, key: tuple[ChatLog, str | None]) -> dict[str, list[Finding]]:
        """The findings the model should know about, as the review holds them now."""
        return key[0].findings(key[1])
