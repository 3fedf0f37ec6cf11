"""The chat side panel: ask about the current section or the whole document.

    panel = ChatPanel()
    panel.set_context(document, session.chat, section_id, provider_factory)
    panel.set_section(section_id)                  # when the reviewer selects another
    panel.section_requested.connect(...)           # a citation was clicked
    panel.finding_requested.connect(...)           # (section id, text): make a finding
    panel.shutdown()                               # before the window closes

A question goes to a `ChatJob` on the panel's own thread pool; its `Answer`
(answer.py) streams into the `Conversation` (conversation.py), saving as it
grows. Every message is kept with the review (the session's `ChatLog`): the
question when it is sent, the answer as soon as its first text arrives
(incomplete), again every half second while it grows, and at its end. A
conversation belongs to a section (scope "This section") or to the whole
document, and comes back when the document is opened again. The provider
factory is called at the first question, on this thread; what it returns
answers with a model when it has `converse_stream` (Bedrock), and by the
built-in ranked search otherwise (None included). The panel does not close
that provider. "This section" is the wanted scope; it gives way to the whole
document while no section is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.document.model import Document
from desktop_app.session import ChatLog, StoreError
from desktop_app.ui.chat.answer import Answer, ChatKey
from desktop_app.ui.chat.conversation import HISTORY_VIEW_LIMIT, Conversation, explain_failure
from desktop_app.ui.chat.message import ERROR, USER, MessageView
from desktop_app.ui.chat.render import ChatInput, short_title
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:
    # The chat's model code pulls the Bedrock provider (and the document context it
    # builds) in: ~0.3 s of a window's start for a chat nobody has used yet
    # (bench/startup_bench.py). It loads with the first document, or the first question.
    from desktop_app.ai.chat import IndexCache
    from desktop_app.ai.chat_context import Scope, Turn
    from desktop_app.workers.chat_job import ChatJob

__all__ = ["ChatPanel", "explain_failure"]

HISTORY_PROMPT_LIMIT = 40  # messages considered for the model's context (then budgeted)
SPARE_VIEWS_AFTER_MS = 200  # after an answer ends, the next question's views are made


class ChatPanel(QWidget):
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
        self._answer: Answer | None = None
        self._shown_key: ChatKey | None = None
        self._build()
        self._update_controls()

    # -- public API --------------------------------------------------------------------------

    def set_context(self, document: Document | None, chat: ChatLog | None,
                    section_id: str | None = None,
                    provider_factory: Callable[[], Any] | None = None) -> None:
        """A document and its review's chat (None: nothing open). Stops an answer."""
        self._abandon_answer()
        if document is not self._document:
            from desktop_app.ai.chat import IndexCache

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
        return self._answer is not None

    @property
    def current_job(self) -> ChatJob | None:
        return self._answer.job if self._answer else None

    def messages(self) -> list[MessageView]:
        """The messages shown, oldest first."""
        return list(self.conversation.views)

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
        self.conversation.hide_retries()
        user = key[0].add(key[1], USER, question)
        view = self.conversation.add_view(USER, message_id=user.id)
        view.set_text(question)
        self._start(key, question, user.id)
        return True

    def stop(self) -> None:
        """Stop the answer being written; what has arrived stays, marked stopped."""
        if self._answer is not None and not self._answer.stopping:
            self._answer.stop()
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
        if self._answer is not None and self._answer.key == key:
            self._abandon_answer()
        try:
            key[0].clear(key[1])
        except StoreError as err:
            self._say(f"The chat could not be cleared: {err}")
            return False
        self._shown_key = None
        self._reload()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._answer is not None and self._answer.stale:
            self._answer.render()  # what came while the chat was not shown

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop any answer and wait for the job (before the window closes)."""
        self._abandon_answer()
        return self._runner.shutdown(timeout_ms)

    # -- the layout and its controls ---------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.section_button = self._scope_button("This section", "Chat about this section")
        self.document_button = self._scope_button("Whole document",
                                                  "Chat about the whole document")
        self._scope_group = QButtonGroup(self)
        self._scope_group.setExclusive(True)
        self._scope_group.addButton(self.section_button)
        self._scope_group.addButton(self.document_button)
        self.section_button.setChecked(True)
        self.section_button.toggled.connect(self._on_scope_toggled)
        top.addWidget(self.section_button)
        top.addWidget(self.document_button)
        top.addStretch(1)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Delete this conversation")
        self.clear_button.setAccessibleName("Clear chat history")
        self.clear_button.clicked.connect(lambda: self.clear_history(confirm=True))
        top.addWidget(self.clear_button)
        layout.addLayout(top)
        self.about_label = QLabel(self)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setAccessibleName("Chat subject")
        layout.addWidget(self.about_label)
        self.conversation = Conversation(self)
        self.conversation.section_clicked.connect(self.section_requested)
        self.conversation.finding_requested.connect(self._on_finding_requested)
        self.conversation.retry_requested.connect(self._on_retry_requested)
        layout.addWidget(self.conversation, 1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAccessibleName("Chat notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        bottom = QHBoxLayout()
        self.input = ChatInput(self)
        self.input.setAccessibleName("Question")
        self.input.submitted.connect(self.send)
        bottom.addWidget(self.input, 1)
        buttons = QVBoxLayout()
        self.send_button = QPushButton("Send", self)
        self.send_button.setAccessibleName("Send question")
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.setAccessibleName("Stop the answer")
        self.stop_button.clicked.connect(self.stop)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        bottom.addLayout(buttons)
        layout.addLayout(bottom)

    def _scope_button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setAccessibleName(name)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return button

    def _on_scope_toggled(self, section: bool) -> None:
        self._wanted = "section" if section else "document"
        self._sync_scope_buttons()
        self._reload()

    def _sync_scope_buttons(self) -> None:
        has_section = self._section_id is not None
        self.section_button.setEnabled(has_section)
        self._scope = "section" if self._wanted == "section" and has_section else "document"
        for button in (self.section_button, self.document_button):
            button.blockSignals(True)
        (self.section_button if self._scope == "section" else self.document_button
         ).setChecked(True)
        for button in (self.section_button, self.document_button):
            button.blockSignals(False)

    def _update_controls(self) -> None:
        key = self._key()
        answer = self._answer
        self.send_button.setEnabled(key is not None and answer is None)
        self.stop_button.setEnabled(answer is not None and not answer.stopping)
        self.input.setEnabled(key is not None)
        self.clear_button.setEnabled(key is not None and bool(self.conversation.views))
        if self._document is None:
            about, hint = "No document open.", "Open a document to chat about it."
        elif self._scope == "section" and self._section_id:
            title = short_title(self._titles.get(self._section_id, ""))
            about = f"About: {title}"
            hint = "Ask about this section: what it says, what is missing or unclear."
        else:
            about = "About: the whole document"
            hint = "Ask about the whole document; the answer cites the sections it uses."
        self.about_label.setText(about)
        self.conversation.set_hint(hint)
        self.input.setPlaceholderText("Ask a question (Enter to send, Shift+Enter for a "
                                      "new line)")

    # -- the conversation shown -------------------------------------------------------------

    def _key(self) -> ChatKey | None:
        """The conversation shown: the review's chat, and its section (None: the whole
        document); None while there is none to show."""
        chat = self._chat
        if self._document is None or chat is None or not chat.available:
            return None
        if self._scope == "section":
            return (chat, self._section_id) if self._section_id else None
        return (chat, None)

    def _reload(self) -> None:
        key = self._key()
        if key == self._shown_key:
            self._update_controls()
            return
        self._shown_key = key
        history = []
        if key is not None:
            history = self._read(lambda c: c.history(key[1], limit=HISTORY_VIEW_LIMIT)) or []
        self.conversation.show_history(history, self._titles)
        answer = self._answer
        if answer is not None:  # still being written: shown if it is this conversation's
            view = None
            if answer.key == key:
                stored = answer.stored.id if answer.stored is not None else None
                view = self.conversation.view_of(stored) or self.conversation.add_view(
                    "assistant", message_id=stored)
            answer.attach(view)
        elif key is not None:
            self.conversation.offer_retry_on_last()
        self._update_controls()

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

    # -- asking -------------------------------------------------------------------------------

    def _chat_provider(self) -> Any:
        if not self._provider_made:
            self._provider = self._factory() if self._factory is not None else None
            self._provider_made = True
        return self._provider

    def _start(self, key: ChatKey, question: str, user_message_id: int | None,
               retry_view: MessageView | None = None) -> None:
        from desktop_app.ai.chat import ChatTask, is_streaming_model
        from desktop_app.workers.chat_job import ChatJob

        assert self._document is not None
        try:
            provider = self._chat_provider()
        except Exception as exc:  # noqa: BLE001 - a factory that cannot make a provider
            self.conversation.show_error(exc, question, user_message_id)
            self._update_controls()
            return
        task = ChatTask(self._document, question, self._scope, key[1],
                        history=self._history_before(key, user_message_id),
                        findings=key[0].findings(key[1]), index=self._index)
        answer = Answer(key, question, user_message_id, ChatJob(task, provider),
                        self.conversation, self._titles,
                        offline=not is_streaming_model(provider), retry_view=retry_view,
                        parent=self)
        answer.ended.connect(self._on_answer_ended)
        answer.usage_recorded.connect(self.usage_recorded)
        self._answer = answer
        answer.start(self._runner)
        self._update_controls()
        self.busy_changed.emit(True)

    def _history_before(self, key: ChatKey, user_message_id: int | None) -> tuple[Turn, ...]:
        from desktop_app.ai.chat_context import Turn

        if user_message_id is None:
            return ()
        # Only the last exchange is ever asked (again), so its question is among the
        # most recent messages.
        stored = self._read(lambda c: c.history(key[1], limit=HISTORY_PROMPT_LIMIT + 2)) or []
        earlier = [m for m in stored if m.id < user_message_id][-HISTORY_PROMPT_LIMIT:]
        return tuple(Turn(m.role, m.text, m.complete) for m in earlier)

    def _on_answer_ended(self) -> None:
        answer = self.sender()
        if answer is not self._answer:
            return
        self._answer = None
        answer.deleteLater()
        self._update_controls()
        self.busy_changed.emit(False)
        # The next question's views, made while the reviewer reads the answer (not in
        # this turn, which laid it out and saved it, nor in the next).
        QTimer.singleShot(SPARE_VIEWS_AFTER_MS, self.conversation, self.conversation.warm_up)

    def _abandon_answer(self) -> None:
        """Leave the answer in progress (its late signals are ignored)."""
        answer, self._answer = self._answer, None
        if answer is None:
            return
        answer.abandon()
        answer.deleteLater()
        self.busy_changed.emit(False)

    def _on_retry_requested(self, view: MessageView) -> None:
        key = self._key()
        if self.busy or key is None:
            return
        if view.role == ERROR:
            question, user_id = view.question, view.user_message_id
            if question is None:  # an unanswered question found in the history
                last_user = self.conversation.question_before(view)
                if last_user is None:
                    return
                question, user_id = last_user.raw_text, last_user.message_id
            self.conversation.remove_view(view)
            self._start(key, question, user_id)
            return
        asked = self.conversation.question_before(view)
        if asked is None:
            return
        view.set_retry(False)
        self._start(key, asked.raw_text, asked.message_id, retry_view=view)

    def _on_finding_requested(self, view: MessageView) -> None:
        from desktop_app.ai.chat_context import resolve_citations

        key = self._key()
        section_id = key[1] if key is not None and key[1] else ""
        if not section_id:
            cited = resolve_citations(view.raw_text, self._titles)
            section_id = cited[0] if cited else ""
        self.finding_requested.emit(section_id, view.plain_text())
