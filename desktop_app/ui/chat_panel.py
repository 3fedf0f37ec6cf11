"""The chat side panel: ask about the current section or the whole document.

    panel = ChatPanel()
    panel.set_context(document, review_store, review_id, section_id, provider_factory)
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
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.chat import ChatTask, IndexCache, is_streaming_model
from desktop_app.ai.chat_context import Scope, Turn, resolve_citations
from desktop_app.ai.offline_chat import OFFLINE_PREFIX
from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document.model import Document
from desktop_app.review.findings import Finding
from desktop_app.store.db import StoreError
from desktop_app.store.reviews import ReviewStore
from desktop_app.ui.chat_message import ASSISTANT, ERROR, USER, MessageView
from desktop_app.ui.chat_render import ChatInput, short_title
from desktop_app.ui.providers import short_model
from desktop_app.workers.chat_job import ChatJob
from desktop_app.workers.jobs import JobRunner

HISTORY_VIEW_LIMIT = 100  # messages shown when a conversation is opened
HISTORY_PROMPT_LIMIT = 40  # messages considered for the model's context (then budgeted)
SAVE_INTERVAL = 0.5  # seconds between saves of a growing answer
FIRST_SAVE_MS = 50  # the first save waits for the first text to be painted
RENDER_MIN_MS, RENDER_MAX_MS = 25, 250
_STICK_PX = 24  # within this of the bottom, the list follows new text

_HINTS = {
    FailureKind.NO_CREDENTIALS: "Sign in to AWS (run `aws sso login`, or `aws configure`) and "
                                "press Retry, or choose the built-in reviewer in Settings.",
    FailureKind.ACCESS_DENIED: "Enable access to the model in the AWS console (Bedrock > Model "
                               "access) and allow bedrock:InvokeModelWithResponseStream for it "
                               "in IAM, or change the model chain in Settings.",
    FailureKind.UNKNOWN_MODEL: "Check the model chain in Settings.",
    FailureKind.THROTTLED: "Bedrock is busy: wait a moment, then press Retry.",
    FailureKind.INPUT_TOO_LARGE: "Ask about one section rather than the whole document.",
}


def explain_failure(err: BaseException) -> str:
    """The reason, then what to do about it."""
    message = getattr(err, "message", None) or str(err) or type(err).__name__
    kind = getattr(err, "kind", None)
    hint = _HINTS.get(kind, "Press Retry to ask again.") if kind else "Press Retry to ask again."
    return f"{message[:1].upper()}{message[1:]}.\n{hint}".replace("..\n", ".\n")


@dataclass(slots=True)
class _Exchange:
    """The question being answered now, and where its answer goes."""

    serial: int
    key: tuple[int, str | None]  # review id, section id (None: the whole document)
    question: str
    user_message_id: int | None
    job: ChatJob
    view: MessageView | None = None
    message_id: int | None = None  # the stored answer (a retried one, or once text arrived)
    previous_text: str = ""  # a retried answer's text, restored if the retry brings none
    text: str = ""
    saved_text: str = ""
    shown: bool = False
    stopping: bool = False


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
        self._store: ReviewStore | None = None
        self._review_id: int | None = None
        self._section_id: str | None = None
        self._titles: dict[str, str] = {}
        self._index: IndexCache | None = None
        self._factory: Callable[[], Any] | None = None
        self._provider: Any = None
        self._provider_made = False
        self._scope: Scope = "section"  # in effect
        self._wanted: Scope = "section"  # chosen; "section" falls back when none is selected
        self._exchange: _Exchange | None = None
        self._serial = 0
        self._views: list[MessageView] = []
        self._shown_key: tuple[int, str | None] | None = None
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

    # -- layout ----------------------------------------------------------------------------

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
        self.clear_button.clicked.connect(self._on_clear_clicked)
        top.addWidget(self.clear_button)
        layout.addLayout(top)
        self.about_label = QLabel(self)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setAccessibleName("Chat subject")
        layout.addWidget(self.about_label)
        self.conversation = QScrollArea(self)
        self.conversation.setWidgetResizable(True)
        self.conversation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversation.setAccessibleName("Conversation")
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(6)
        self.placeholder = QLabel(self._list)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.placeholder.setAccessibleName("Chat help")
        self._list_layout.addWidget(self.placeholder)
        self._list_layout.addStretch(1)
        self.conversation.setWidget(self._list)
        bar = self.conversation.verticalScrollBar()
        bar.rangeChanged.connect(self._on_scroll_range)
        bar.valueChanged.connect(self._on_scroll_value)
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

    # -- public API --------------------------------------------------------------------------

    def set_context(self, document: Document | None, store: ReviewStore | None,
                    review_id: int | None, section_id: str | None = None,
                    provider_factory: Callable[[], Any] | None = None) -> None:
        """A document and its review (None: nothing open). Stops an answer in progress."""
        self._cancel_exchange()
        if document is not self._document:
            self._index = IndexCache(document) if document is not None else None
            self._titles = {s.id: s.title for s in document.walk()} if document else {}
        self._document, self._store, self._review_id = document, store, review_id
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
        user_id = self._save(lambda s: s.add_chat_message(key[0], "user", question,
                                                          section_id=key[1]).id)
        view = self._add_view(USER, message_id=user_id)
        view.set_text(question)
        self._start(question, user_id)
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
        if key is None or self._store is None:
            return False
        if confirm and QMessageBox.question(
                self, "Clear chat", "Delete this conversation? This cannot be undone.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        if self._exchange is not None and self._exchange.key == key:
            self._cancel_exchange()
        if self._save(lambda s: s.clear_chat(key[0], key[1])) is None:
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

    def _key(self) -> tuple[int, str | None] | None:
        if self._document is None or self._store is None or self._review_id is None:
            return None
        if self._scope == "section":
            return (self._review_id, self._section_id) if self._section_id else None
        return (self._review_id, None)

    def _on_scope_toggled(self, section: bool) -> None:
        self._wanted = "section" if section else "document"
        self._sync_scope_buttons()
        self._reload()

    def _sync_scope_buttons(self) -> None:
        has_section = self._section_id is not None
        self.section_button.setEnabled(has_section)
        self._scope = "section" if self._wanted == "section" and has_section else "document"
        self.section_button.blockSignals(True)
        self.document_button.blockSignals(True)
        (self.section_button if self._scope == "section" else self.document_button
         ).setChecked(True)
        self.section_button.blockSignals(False)
        self.document_button.blockSignals(False)

    def _reload(self) -> None:
        key = self._key()
        if key == self._shown_key:
            self._update_controls()
            return
        self._shown_key = key
        self._render_timer.stop()
        for view in self._views:
            view.setParent(None)
            view.deleteLater()
        self._views = []
        if self._exchange is not None:
            self._exchange.view = None
        self._stick = True
        if key is not None and self._store is not None:
            history = self._save(lambda s: s.chat_history(key[0], key[1],
                                                          limit=HISTORY_VIEW_LIMIT)) or []
            for message in history:
                view = self._add_view(message.role, message_id=message.id)
                view.set_text(message.text, self._titles)
                if message.role == ASSISTANT:
                    view.set_source(message.model, offline=message.text.startswith(
                        OFFLINE_PREFIX))
                    if not message.complete:
                        view.set_status("Incomplete: this answer was cut off.", complete=False)
                    view.set_actions_enabled(True)
            self._attach_exchange(key)
            self._offer_retry_on_last()
        self._update_controls()

    def _attach_exchange(self, key: tuple[int, str | None]) -> None:
        """Show the answer still being written when its conversation comes back."""
        ex = self._exchange
        if ex is None or ex.key != key:
            return
        view = next((v for v in self._views if v.message_id is not None
                     and v.message_id == ex.message_id), None)
        if view is None:
            view = self._add_view(ASSISTANT, message_id=ex.message_id)
        ex.view = view
        view.set_live_text(ex.text, self._titles)
        view.set_status("Writing…", complete=False)
        view.set_actions_enabled(False)

    def _offer_retry_on_last(self) -> None:
        if self.busy or not self._views:
            return
        last = self._views[-1]
        if last.role == ASSISTANT and not last.complete:
            last.set_retry(True)
        elif last.role == USER:
            error = self._add_view(ERROR)
            error.set_text("This question has no answer: the request failed or the app "
                           "closed while it was being answered.")
            error.set_retry(True)

    def _hide_retries(self) -> None:
        for view in list(self._views):
            if view.role == ERROR:
                self._remove_view(view)
            else:
                view.set_retry(False)

    def _update_controls(self) -> None:
        key = self._key()
        busy = self.busy
        self.send_button.setEnabled(key is not None and not busy)
        self.stop_button.setEnabled(self._exchange is not None and not self._exchange.stopping)
        self.input.setEnabled(key is not None)
        self.clear_button.setEnabled(key is not None and bool(self._views))
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
        self.placeholder.setText(hint)
        self.placeholder.setVisible(not self._views)
        self.input.setPlaceholderText("Ask a question (Enter to send, Shift+Enter for a "
                                      "new line)")

    # -- views ---------------------------------------------------------------------------------

    def _add_view(self, role: str, *, message_id: int | None = None) -> MessageView:
        view = MessageView(role, message_id=message_id, parent=self._list)
        view.section_clicked.connect(self.section_requested)
        view.finding_requested.connect(self._on_finding_requested)
        view.retry_requested.connect(self._on_retry_requested)
        self._list_layout.insertWidget(self._list_layout.count() - 1, view)
        self._views.append(view)
        self.placeholder.hide()
        return view

    def _remove_view(self, view: MessageView) -> None:
        if view in self._views:
            self._views.remove(view)
        view.setParent(None)
        view.deleteLater()

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        if self._stick:
            self.conversation.verticalScrollBar().setValue(maximum)

    def _on_scroll_value(self, value: int) -> None:
        self._stick = value >= self.conversation.verticalScrollBar().maximum() - _STICK_PX

    # -- asking ----------------------------------------------------------------------------------

    def _chat_provider(self) -> Any:
        if not self._provider_made:
            self._provider = self._factory() if self._factory is not None else None
            self._provider_made = True
        return self._provider

    def _start(self, question: str, user_message_id: int | None,
               retry_view: MessageView | None = None) -> None:
        key = self._key()
        assert key is not None and self._document is not None
        try:
            provider = self._chat_provider()
        except Exception as exc:  # noqa: BLE001 - a factory that cannot make a provider
            self._show_error(exc, question, user_message_id)
            return
        task = ChatTask(self._document, question, self._scope, key[1],
                        history=self._history_before(key, user_message_id),
                        findings=self._findings(key), index=self._index)
        job = ChatJob(task, provider)
        self._serial += 1
        ex = _Exchange(self._serial, key, question, user_message_id, job)
        if retry_view is not None:
            ex.view, ex.message_id, ex.previous_text = (retry_view, retry_view.message_id,
                                                        retry_view.raw_text)
        else:
            ex.view = self._add_view(ASSISTANT)
        ex.view.set_source(None, offline=not is_streaming_model(provider))
        ex.view.set_text("", self._titles)
        ex.view.set_status("Writing…", complete=False)
        ex.view.set_actions_enabled(False)
        self._exchange = ex
        signals = job.signals
        signals.delta.connect(partial(self._on_delta, ex.serial))
        signals.finished.connect(partial(self._on_finished, ex.serial))
        signals.failed.connect(partial(self._on_failed, ex.serial))
        signals.cancelled.connect(partial(self._on_cancelled, ex.serial))
        self._stick = True
        self._runner.start(job)  # type: ignore[arg-type]  # a Job-shaped runnable
        self._update_controls()
        self.busy_changed.emit(True)

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

    def _current(self, serial: int) -> _Exchange | None:
        ex = self._exchange
        return ex if ex is not None and ex.serial == serial else None

    def _on_delta(self, serial: int, text: str) -> None:
        ex = self._current(serial)
        if ex is None or ex.stopping:
            return
        ex.text += text
        if not ex.shown:  # the first text is shown at once, and saved just after
            ex.shown = True
            self._render_live()
            self._save_timer.start(FIRST_SAVE_MS)
        elif not self._render_timer.isActive():
            self._render_timer.start(self._render_ms)

    def _render_live(self) -> None:
        ex = self._exchange
        if ex is None or ex.view is None:
            return
        started = time.perf_counter()
        ex.view.set_live_text(ex.text, self._titles)
        spent_ms = (time.perf_counter() - started) * 1000
        self._render_ms = int(min(RENDER_MAX_MS, max(RENDER_MIN_MS, 3 * spent_ms)))

    def _save_live(self) -> None:
        ex = self._exchange
        if ex is None or ex.stopping:
            return
        if ex.text != ex.saved_text:
            self._save_answer(ex, complete=False)
        self._save_timer.start(int(SAVE_INTERVAL * 1000))

    def _on_finished(self, serial: int, result: dict[str, Any]) -> None:
        ex = self._current(serial)
        if ex is None:
            return
        self._render_timer.stop()
        text = result.get("text") or ex.text
        model, usage = result.get("model"), result.get("usage")
        cut = result.get("stop_reason") == "max_tokens"
        self._record_usage(ex, model, usage)
        if not text.strip():
            self._close_exchange()
            self._restore_or_drop(ex)
            self._show_error(ProviderError(FailureKind.BAD_OUTPUT,
                                           "the model returned an empty answer"),
                             ex.question, ex.user_message_id)
            return
        ex.text = text
        self._save_answer(ex, complete=not cut, model=model,
                          citations=result.get("citations") or [])
        view = ex.view
        self._close_exchange()
        if view is not None:
            view.set_source(model, offline=bool(result.get("offline")))
            view.set_text(text, self._titles)
            if cut:
                view.set_status("Incomplete: the answer reached its length limit.",
                                complete=False, retry=True)
            else:
                view.set_status("")
            view.set_actions_enabled(True)

    def _on_failed(self, serial: int, err: ProviderError) -> None:
        ex = self._current(serial)
        if ex is None:
            return
        self._render_timer.stop()
        partial_text = getattr(err, "partial_text", "") or ""
        text = partial_text if len(partial_text) > len(ex.text) else ex.text
        self._record_usage(ex, getattr(err, "model", None), getattr(err, "usage", None))
        self._close_exchange()
        if not text:
            self._restore_or_drop(ex)
            self._show_error(err, ex.question, ex.user_message_id)
            return
        ex.text = text
        self._save_answer(ex, complete=False, model=getattr(err, "model", None))
        if ex.view is not None:
            ex.view.set_text(text, self._titles)
            model = getattr(err, "model", None)
            reason = str(err).replace(model, short_model(model)) if model else str(err)
            ex.view.set_status(f"Incomplete: {reason}. Press Retry to ask again.",
                               complete=False, retry=True)
            ex.view.set_actions_enabled(True)

    def _on_cancelled(self, serial: int) -> None:
        ex = self._current(serial)
        if ex is None:
            return
        self._render_timer.stop()
        self._close_exchange()
        if not ex.text:
            showing = ex.view is not None
            self._restore_or_drop(ex)
            if showing:
                error = self._add_view(ERROR)
                error.set_text("Stopped before any answer arrived.")
                error.question, error.user_message_id = ex.question, ex.user_message_id
                error.set_retry(True)
                self._update_controls()
            return
        self._save_answer(ex, complete=False)
        if ex.view is not None:
            ex.view.set_text(ex.text, self._titles)
            ex.view.set_status("Stopped: the answer is incomplete.", complete=False, retry=True)
            ex.view.set_actions_enabled(True)

    def _close_exchange(self) -> None:
        self._save_timer.stop()
        self._exchange = None
        self._update_controls()
        self.busy_changed.emit(False)

    def _cancel_exchange(self) -> None:
        """Abandon the answer in progress (its late signals are ignored)."""
        ex = self._exchange
        if ex is None:
            return
        ex.job.cancel()
        if ex.text:
            self._save_answer(ex, complete=False)
        self._exchange = None
        self._render_timer.stop()
        self._save_timer.stop()
        self.busy_changed.emit(False)

    def _restore_or_drop(self, ex: _Exchange) -> None:
        """An answer that brought no text: a retried one gets its old text back."""
        if ex.view is None:
            return
        if ex.previous_text:
            ex.view.set_text(ex.previous_text, self._titles)
            ex.view.set_status("Incomplete: this answer was cut off.", complete=False,
                               retry=False)
            ex.view.set_actions_enabled(True)
        else:
            self._remove_view(ex.view)
        ex.view = None

    def _show_error(self, err: BaseException, question: str,
                    user_message_id: int | None) -> None:
        view = self._add_view(ERROR)
        view.set_text(explain_failure(err))
        view.question, view.user_message_id = question, user_message_id
        view.set_retry(True)
        self._update_controls()

    # -- answer actions ------------------------------------------------------------------------

    def _on_retry_requested(self, view: MessageView) -> None:
        if self.busy or self._key() is None:
            return
        if view.role == ERROR:
            question = getattr(view, "question", None)
            user_id = getattr(view, "user_message_id", None)
            if question is None:  # an unanswered question found in the history
                last_user = next((v for v in reversed(self._views) if v.role == USER), None)
                if last_user is None:
                    return
                question, user_id = last_user.raw_text, last_user.message_id
            self._remove_view(view)
            self._start(question, user_id)
            return
        index = self._views.index(view)
        asked = next((v for v in reversed(self._views[:index]) if v.role == USER), None)
        if asked is None:
            return
        view.set_retry(False)
        self._start(asked.raw_text, asked.message_id, retry_view=view)

    def _on_finding_requested(self, view: MessageView) -> None:
        key = self._key()
        section_id = key[1] if key is not None and key[1] else ""
        if not section_id:
            cited = resolve_citations(view.raw_text, self._titles)
            section_id = cited[0] if cited else ""
        self.finding_requested.emit(section_id, view.plain_text())

    def _on_clear_clicked(self) -> None:
        self.clear_history(confirm=True)

    # -- saving -----------------------------------------------------------------------------------

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

    def _save_answer(self, ex: _Exchange, *, complete: bool, model: str | None = None,
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

    def _record_usage(self, ex: _Exchange, model: str | None, usage: Any) -> None:
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
