"""The chat side panel: ask about the current section or the whole document.

    panel = ChatPanel()
    panel.set_context(document, chat_log, section_id, provider_factory)  # session.chat
    panel.set_section(section_id)                  # when the reviewer selects another
    panel.section_requested.connect(window.select_section)
    panel.finding_requested.connect(window.add_finding_from_chat)   # (section id, text)
    panel.shutdown()                               # before the window closes

A question goes to a `ChatJob` on the panel's own thread pool; the answer
streams in as deltas, shown at once for the first and then coalesced by a
short timer (adaptive: never more often than three times the cost of the
last render), so a fast stream does not lay the text out on every token.

Every message is saved as it happens: the question when it is sent, the
answer as soon as its first text arrives (incomplete), again every half
second while it grows, and at its end. A conversation belongs to a section
(scope "This section") or to the whole document, and comes back when the
document is opened again. The provider factory is called at the first
question, on this thread; what it returns answers with a model when it has
`converse_stream` (Bedrock), and by the built-in ranked search otherwise
(None included). The panel does not close that provider.

The class here is the panel's API and state; its parts are mixins, one a
module: `chat_controls` (layout, scope buttons, enabling), `chat_conversation`
(the message list and history), `chat_stream` (the answer being written),
`chat_retry` (failures and Retry) and `chat_storage` (every store call).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ai.chat import IndexCache
from desktop_app.ai.chat_context import Scope, resolve_citations
from desktop_app.document.model import Document
from desktop_app.session import ChatLog, StoreError
from desktop_app.ui.chat.controls import ChatControlsMixin
from desktop_app.ui.chat.conversation import ChatConversationMixin
from desktop_app.ui.chat.message import USER, MessageView
from desktop_app.ui.chat.retry import ChatRetryMixin, explain_failure
from desktop_app.ui.chat.storage import ChatStorageMixin
from desktop_app.ui.chat.answer import RENDER_MIN_MS, ChatStreamMixin, Exchange
from desktop_app.workers.chat_job import ChatJob
from desktop_app.workers.jobs import JobRunner

# explain_failure lives in chat_retry; callers and tests keep importing it from here.
__all__ = ["ChatPanel", "explain_failure"]


class ChatPanel(QWidget, ChatControlsMixin, ChatConversationMixin, ChatStreamMixin,
                ChatRetryMixin, ChatStorageMixin):
    section_requested = Signal(str)  # a citation was clicked: show this section
    finding_requested = Signal(str, str)  # section id ("" if unknown), text for a finding
    usage_recorded = Signal()  # a chat request's cost was saved (refresh the statistics)
    busy_changed = Signal(bool)  # an answer started / ended

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chat")
        self._runner = JobRunner(self, max_threads=2)
        self._document: Document | None = None
        self._chat: ChatLog | None = None
        self._section_id: str | None = None
        self._titles: dict[str, str] = {}
        self._index: IndexCache | None = None
        self._factory: Callable[[], Any] | None = None
        self._provider: Any = None
        self._provider_made = False
        self._scope: Scope = "section"  # in effect
        self._wanted: Scope = "section"  # chosen; "section" falls back when none is selected
        self._exchange: Exchange | None = None
        self._serial = 0
        self._views: list[MessageView] = []
        self._shown_key: tuple[ChatLog, str | None] | None = None
        self._stick = True
        self._render_ms = RENDER_MIN_MS
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._render_live)
        self._save_timer = QTimer(self)  # saves a growing answer, apart from painting it
        self._save_timer.setSingleShot(True)
        self._save_timer.timeout.connect(self._save_live)
        self._build()
        self._update_controls()

    # -- public API --------------------------------------------------------------------------

    def set_context(self, document: Document | None, chat: ChatLog | None,
                    section_id: str | None = None,
                    provider_factory: Callable[[], Any] | None = None) -> None:
        """A document and its review (None: nothing open). Stops an answer in progress."""
        self._cancel_exchange()
        if document is not self._document:
            self._index = IndexCache(document) if document is not None else None
            self._titles = {s.id: s.title for s in document.walk()} if document else {}
        self._document, self._chat = document, chat
        self._section_id = section_id if section_id in self._titles else None
        self.set_provider_factory(provider_factory)
        self._shown_key = None
        self._sync_scope_buttons()
        self._reload()

    def set_provider_factory(self, factory: Callable[[], Any] | None) -> None:
        """What answers the next question (see the module docstring)."""
        self._factory = factory
        self._provider = None
        self._provider_made = False

    def set_section(self, section_id: str | None) -> None:
        """The section the window shows; "This section" follows it."""
        section_id = section_id if section_id in self._titles else None
        if section_id == self._section_id:
            return
        self._section_id = section_id
        self._sync_scope_buttons()
        self._reload()

    @property
    def scope(self) -> Scope:
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        if scope not in ("section", "document"):
            raise ValueError(f"unknown chat scope {scope!r}")
        self._wanted = scope
        self._sync_scope_buttons()
        self._reload()

    @property
    def busy(self) -> bool:
        return self._exchange is not None

    @property
    def current_job(self) -> ChatJob | None:
        return self._exchange.job if self._exchange else None

    def messages(self) -> list[MessageView]:
        """The messages shown, oldest first."""
        return list(self._views)

    def send(self) -> None:
        """Ask what is in the question box."""
        if self.ask(self.input.toPlainText()):
            self.input.clear()

    def ask(self, question: str) -> bool:
        """Ask `question` in the current conversation; False if it cannot be asked now."""
        question = question.strip()
        key = self._key()
        if not question or key is None or self.busy:
            return False
        self._hide_retries()
        user = key[0].add(key[1], "user", question)
        view = self._add_view(USER, message_id=user.id)
        view.set_text(question)
        self._start(question, user.id)
        return True

    def stop(self) -> None:
        """Stop the answer being written; what has arrived stays, marked stopped."""
        ex = self._exchange
        if ex is None or ex.stopping:
            return
        ex.stopping = True
        ex.job.cancel()
        self._render_live()
        if ex.view is not None:
            ex.view.set_status("Stopping…", complete=False)
        self.stop_button.setEnabled(False)

    def clear_history(self, *, confirm: bool = True) -> bool:
        """Delete the conversation shown (this section's, or the whole document's)."""
        key = self._key()
        if key is None:
            return False
        if confirm and QMessageBox.question(
                self, "Clear chat", "Delete this conversation? This cannot be undone.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        if self._exchange is not None and self._exchange.key == key:
            self._cancel_exchange()
        try:
            key[0].clear(key[1])
        except StoreError as err:
            self._say(f"The chat could not be cleared: {err}")
            return False
        self._shown_key = None
        self._reload()
        return True

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop any answer and wait for the job (before the window closes)."""
        self._cancel_exchange()
        self._render_timer.stop()
        return self._runner.shutdown(timeout_ms)

    # -- scope and the conversation shown ----------------------------------------------------

    def _key(self) -> tuple[ChatLog, str | None] | None:
        """The conversation shown: the review's chat, and its section (None: the whole
        document); None while there is none to show."""
        chat = self._chat
        if self._document is None or chat is None or not chat.available:
            return None
        if self._scope == "section":
            return (chat, self._section_id) if self._section_id else None
        return (chat, None)

    def _on_finding_requested(self, view: MessageView) -> None:
        key = self._key()
        section_id = key[1] if key is not None and key[1] else ""
        if not section_id:
            cited = resolve_citations(view.raw_text, self._titles)
            section_id = cited[0] if cited else ""
        self.finding_requested.emit(section_id, view.plain_text())

