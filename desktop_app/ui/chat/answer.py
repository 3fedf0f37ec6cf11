"""The chat panel's answer in progress: one `ChatJob`, its streamed text, and how it ends.

A mixin of `ChatPanel`, kept apart because it is the one part that runs
against time: deltas arrive from a worker thread's signals, are painted on a
coalescing timer and saved on another, and the job ends finished, failed or
cancelled. Each signal carries the exchange's serial, so a late signal from an
abandoned job is ignored.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from desktop_app.ai.chat import ChatTask, IndexCache, is_streaming_model
from desktop_app.ai.chat_context import Scope
from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document.model import Document
from desktop_app.session import ChatLog, MessageRef, short_model
from desktop_app.ui.chat.message import ASSISTANT, ERROR, MessageView
from desktop_app.workers.chat_job import ChatJob
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from desktop_app.ai.chat_context import Turn
    from desktop_app.review.findings import Finding

SAVE_INTERVAL = 0.5  # seconds between saves of a growing answer
FIRST_SAVE_MS = 50  # the first save waits for the first text to be painted
RENDER_MIN_MS, RENDER_MAX_MS = 25, 250


@dataclass(slots=True)
class Exchange:
    """The question being answered now, and where its answer goes."""

    serial: int
    key: tuple[ChatLog, str | None]  # the chat, section id (None: the whole document)
    question: str
    user_message_id: int | None
    job: ChatJob
    view: MessageView | None = None
    answer: MessageRef | None = None  # the stored answer (a retried one, or once text came)
    previous_text: str = ""  # a retried answer's text, restored if the retry brings none
    text: str = ""
    saved_text: str = ""
    shown: bool = False
    stopping: bool = False


class ChatStreamMixin:
    """Needs the attributes below, set up by `ChatPanel.__init__`."""

    _runner: JobRunner
    _document: Document | None
    _titles: dict[str, str]
    _index: IndexCache | None
    _factory: Callable[[], Any] | None
    _provider: Any
    _provider_made: bool
    _scope: Scope
    _exchange: Exchange | None
    _serial: int
    _stick: bool
    _render_ms: int
    _render_timer: QTimer
    _save_timer: QTimer

    if TYPE_CHECKING:  # ChatPanel's and the other mixins'
        busy_changed: SignalInstance

        def _key(self) -> tuple[ChatLog, str | None] | None: ...
        def _update_controls(self) -> None: ...
        def _add_view(self, role: str, *, message_id: int | None = None) -> MessageView: ...
        def _history_before(self, key: tuple[ChatLog, str | None],
                            user_message_id: int | None) -> tuple[Turn, ...]: ...
        def _findings(self, key: tuple[ChatLog, str | None]) -> dict[str, list[Finding]]: ...
        def _save_answer(self, ex: Exchange, *, complete: bool, model: str | None = None,
                         citations: list[str] | None = None) -> None: ...
        def _record_usage(self, ex: Exchange, model: str | None, usage: Any) -> None: ...
        def _restore_or_drop(self, ex: Exchange) -> None: ...
        def _show_error(self, err: BaseException, question: str,
                        user_message_id: int | None) -> None: ...

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
        ex = Exchange(self._serial, key, question, user_message_id, job)
        if retry_view is not None:
            ex.view, ex.previous_text = retry_view, retry_view.raw_text
            if retry_view.message_id is not None:
                ex.answer = MessageRef(retry_view.message_id)
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

    def _current(self, serial: int) -> Exchange | None:
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
