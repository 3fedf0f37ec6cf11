"""The chat's answer in progress: one `ChatJob`, its streamed text, and how it ends.

The one part of the chat that runs against time: deltas arrive from a worker
thread's signals, are painted on a coalescing timer (adaptive: never more
often than three times the cost of the last render) and saved on another
(the first text at once, then every half second, and at the end), and the job
ends finished, failed or cancelled. An answer that is abandoned (another
conversation shown, the panel closing) ignores whatever its job still says.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.session import ChatLog, MessageRef, short_model
from desktop_app.ui.chat.conversation import Conversation
from desktop_app.ui.chat.message import ASSISTANT, MessageView
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:  # the chat's job, and the Bedrock code it runs, load with the first question
    from desktop_app.workers.chat_job import ChatJob

SAVE_INTERVAL = 0.5  # seconds between saves of a growing answer
FIRST_SAVE_MS = 50  # the first save waits for the first text to be painted
RENDER_MIN_MS, RENDER_MAX_MS = 25, 250

ChatKey = tuple[ChatLog, str | None]  # the review's chat, the section (None: the document)


class Answer(QObject):
    ended = Signal()  # finished, failed or cancelled: the panel may take a question again
    usage_recorded = Signal()  # what the answer cost was saved (the statistics follow)

    def __init__(self, key: ChatKey, question: str, user_message_id: int | None, job: ChatJob,
                 conversation: Conversation, titles: dict[str, str], *, offline: bool,
                 retry_view: MessageView | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.question = question
        self.user_message_id = user_message_id
        self.job = job
        self.stored: MessageRef | None = None  # the saved answer (a retried one, or once text came)
        self.previous_text = ""  # a retried answer's text, restored if the retry brings none
        self.text = ""
        self.saved_text = ""
        self.shown = False
        self.stale = False  # text arrived while the chat was not shown
        self.stopping = False
        self._over = False  # ended or abandoned: late signals change nothing
        self._conversation = conversation
        self._titles = titles
        self._render_ms = RENDER_MIN_MS
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self.render)
        self._save_timer = QTimer(self)  # saves a growing answer, apart from painting it
        self._save_timer.setSingleShot(True)
        self._save_timer.timeout.connect(self._save_live)
        if retry_view is not None:
            self.view: MessageView | None = retry_view
            self.previous_text = retry_view.raw_text
            if retry_view.message_id is not None:
                self.stored = MessageRef(retry_view.message_id)
        else:
            self.view = conversation.add_view(ASSISTANT)
        self.view.set_source(None, offline=offline)
        self.view.set_text("", titles)
        self.view.set_status("Writing…", complete=False)
        self.view.set_actions_enabled(False)
        signals = job.signals
        signals.delta.connect(self._on_delta)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.cancelled.connect(self._on_cancelled)

    def start(self, runner: JobRunner) -> None:
        self._conversation.follow_end()
        runner.start(self.job)

    # -- the reviewer ---------------------------------------------------------------------

    def stop(self) -> None:
        """Stop: what has arrived stays, marked stopped, once the job says so."""
        if self.stopping or self._over:
            return
        self.stopping = True
        self.job.cancel()
        self.render()
        if self.view is not None:
            self.view.set_status("Stopping…", complete=False)

    def abandon(self) -> None:
        """Leave it (its late signals are ignored); what arrived is saved, incomplete."""
        if self._over:
            return
        self._over = True
        self.job.cancel()
        if self.text:
            self._save(complete=False)
        self._render_timer.stop()
        self._save_timer.stop()

    def attach(self, view: MessageView | None) -> None:
        """Its conversation is shown (again): write into `view` (None: not shown)."""
        self.view = view
        if view is not None:
            view.set_live_text(self.text, self._titles)
            view.set_status("Writing…", complete=False)
            view.set_actions_enabled(False)

    # -- the stream -------------------------------------------------------------------------

    def _on_delta(self, text: str) -> None:
        if self._over or self.stopping:
            return
        self.text += text
        if not self.shown:  # the first text is shown at once, and saved just after
            self.shown = True
            self.render()
            self._save_timer.start(FIRST_SAVE_MS)
        elif not self._render_timer.isActive():
            self._render_timer.start(self._render_ms)

    def render(self) -> None:
        if self.view is None or self._over:
            return
        if not self.view.isVisible():
            # Behind the findings tab, laying the text out is work nobody sees (most
            # of a chat's GUI time): it is laid out once, when the chat is shown.
            self.stale = True
            return
        self.stale = False
        started = time.perf_counter()
        self.view.set_live_text(self.text, self._titles)
        spent_ms = (time.perf_counter() - started) * 1000
        self._render_ms = int(min(RENDER_MAX_MS, max(RENDER_MIN_MS, 3 * spent_ms)))

    def _save_live(self) -> None:
        if self._over or self.stopping:
            return
        if self.text != self.saved_text:
            self._save(complete=False)
        self._save_timer.start(int(SAVE_INTERVAL * 1000))

    # -- how it ends -----------------------------------------------------------------------

    def _on_finished(self, result: dict[str, Any]) -> None:
        if self._over:
            return
        text = result.get("text") or self.text
        model, usage = result.get("model"), result.get("usage")
        cut = result.get("stop_reason") == "max_tokens"
        self._record_usage(model, usage)
        self._close()
        if not text.strip():
            self._restore_or_drop()
            self._conversation.show_error(
                ProviderError(FailureKind.BAD_OUTPUT, "the model returned an empty answer"),
                self.question, self.user_message_id)
        else:
            self.text = text
            self._save(complete=not cut, model=model, citations=result.get("citations") or [])
            if (view := self.view) is not None:
                view.set_source(model, offline=bool(result.get("offline")))
                view.finish_text(text, self._titles)
                if cut:
                    view.set_status("Incomplete: the answer reached its length limit.",
                                    complete=False, retry=True)
                else:
                    view.set_status("")
                view.set_actions_enabled(True)
        self.ended.emit()

    def _on_failed(self, err: ProviderError) -> None:
        if self._over:
            return
        partial_text = getattr(err, "partial_text", "") or ""
        text = partial_text if len(partial_text) > len(self.text) else self.text
        model = getattr(err, "model", None)
        self._record_usage(model, getattr(err, "usage", None))
        self._close()
        if not text:
            self._restore_or_drop()
            self._conversation.show_error(err, self.question, self.user_message_id)
        else:
            self.text = text
            self._save(complete=False, model=model)
            if (view := self.view) is not None:
                view.set_text(text, self._titles)
                reason = str(err).replace(model, short_model(model)) if model else str(err)
                view.set_status(f"Incomplete: {reason}. Press Retry to ask again.",
                                complete=False, retry=True)
                view.set_actions_enabled(True)
        self.ended.emit()

    def _on_cancelled(self) -> None:
        if self._over:
            return
        self._close()
        if not self.text:
            showing = self.view is not None
            self._restore_or_drop()
            if showing:
                self._conversation.show_error("Stopped before any answer arrived.",
                                              self.question, self.user_message_id)
        else:
            self._save(complete=False)
            if (view := self.view) is not None:
                view.set_text(self.text, self._titles)
                view.set_status("Stopped: the answer is incomplete.", complete=False,
                                retry=True)
                view.set_actions_enabled(True)
        self.ended.emit()

    def _close(self) -> None:
        self._over = True
        self._render_timer.stop()
        self._save_timer.stop()

    def _restore_or_drop(self) -> None:
        """An answer that brought no text: a retried one gets its old text back."""
        view, self.view = self.view, None
        if view is None:
            return
        if self.previous_text:
            view.set_text(self.previous_text, self._titles)
            view.set_status("Incomplete: this answer was cut off.", complete=False, retry=False)
            view.set_actions_enabled(True)
        else:
            self._conversation.remove_view(view)

    # -- saving ------------------------------------------------------------------------------

    def _save(self, *, complete: bool, model: str | None = None,
              citations: list[str] | None = None) -> None:
        chat, section_id = self.key
        self.saved_text = self.text
        if self.stored is None:
            self.stored = chat.add(section_id, ASSISTANT, self.text, model=model,
                                   complete=complete, citations=citations or ())
            if self.view is not None:
                self.view.message_id = self.stored.id
        else:
            chat.update(self.stored, section_id, self.text, complete=complete, model=model,
                        citations=citations)

    def _record_usage(self, model: str | None, usage: Any) -> None:
        if usage is None or not getattr(usage, "requests", 0):
            return
        chat, section_id = self.key
        if chat.record_usage(section_id, model, usage):
            self.usage_recorded.emit()
