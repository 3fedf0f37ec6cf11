"""One chat answer as a QRunnable: stream it, report plain data through signals.

    job = ChatJob(task, provider)
    job.signals.delta.connect(...)      # str, as text arrives (batched within 20 ms)
    job.signals.finished.connect(...)   # dict: text, model, usage, citations, stop_reason
    job.signals.failed.connect(...)     # ProviderError (StreamError: .partial_text)
    job.signals.cancelled.connect(...)
    runner.start(job)                   # a JobRunner holds it until it reports
    job.cancel()                        # Stop: reported within ~50 ms

The stream is read on a helper thread and handed over through a queue, so
that Stop is prompt even while the network read is blocked between two events
(a boto3 read cannot be interrupted). A stopped read is abandoned: it sees the
cancel token at its next event, closes its stream and ends; its connection's
read timeout bounds how long that can take. Nothing here touches widgets.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop_app.ai.bedrock import StreamDelta, StreamEnd, StreamError
from desktop_app.ai.chat import ChatTask, PreparedChat, prepare_chat
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.provider import Cancelled, CancelToken, FailureKind, ProviderError, Usage

_POLL = 0.05  # seconds between cancel checks while waiting for the stream
# Deltas that arrive closer together than this go to the GUI thread as one, so
# that a fast stream does not wake it for every token (the first goes at once).
EMIT_GAP = 0.02
_DONE = object()

log = logging.getLogger(__name__)


class ChatSignals(QObject):
    delta = Signal(str)
    finished = Signal(object)  # dict: text, model, usage, citations, stop_reason, offline
    failed = Signal(object)  # ProviderError; a StreamError carries partial_text
    cancelled = Signal()


class ChatJob(QRunnable):
    def __init__(self, task: ChatTask, provider: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # a JobRunner owns it and deletes it on the GUI thread
        self.task = task
        self.provider = provider
        self.token = CancelToken()
        self.signals = ChatSignals()
        self.offered: frozenset[str] = frozenset()
        self.first_delta_at = 0.0  # perf_counter when the first text was decoded (benchmarks)

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.token.cancelled

    def run(self) -> None:
        parts: list[str] = []
        try:
            if self.token.cancelled:
                raise Cancelled()
            prepared = prepare_chat(self.task, self.provider)
            self.offered = prepared.offered
            end = self._pump(prepared, parts)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except ProviderError as err:
            self._emit(self.signals.failed, err)
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the pool thread
            log_internal(log, "chat answer failed", exc)
            self._emit(self.signals.failed, StreamError(
                FailureKind.INTERNAL, internal_error(exc), partial_text="".join(parts)))
        else:
            text = end.text if end.text else "".join(parts)
            self._emit(self.signals.finished, {
                "text": text, "model": end.model or None, "usage": end.usage,
                "citations": prepared.citations(text), "stop_reason": end.stop_reason,
                "offline": prepared.offline})

    def _pump(self, prepared: PreparedChat, parts: list[str]) -> StreamEnd:
        items: queue.SimpleQueue[Any] = queue.SimpleQueue()
        token = self.token

        def read() -> None:
            try:
                for item in prepared.stream(token):
                    if not self.first_delta_at and isinstance(item, StreamDelta):
                        self.first_delta_at = time.perf_counter()
                    items.put(item)
                    if token.cancelled:
                        break
            except BaseException as exc:  # handed to the job thread
                items.put(exc)
            else:
                items.put(_DONE)

        threading.Thread(target=read, name="chat-stream", daemon=True).start()
        pending: list[str] = []  # text read but not yet signalled
        last_emit = 0.0

        def flush() -> None:
            nonlocal last_emit
            if pending:
                self._emit(self.signals.delta, "".join(pending))
                pending.clear()
                last_emit = time.perf_counter()

        while True:
            wait = _POLL
            if pending:  # hold text back at most until the batch is due
                wait = last_emit + EMIT_GAP - time.perf_counter()
            try:
                item = items.get(timeout=wait) if wait > 0 else items.get_nowait()
            except queue.Empty:
                if token.cancelled:
                    raise Cancelled() from None
                flush()
                continue
            if token.cancelled:
                raise Cancelled()
            if isinstance(item, StreamDelta):
                parts.append(item.text)
                pending.append(item.text)
                if not last_emit or time.perf_counter() - last_emit >= EMIT_GAP:
                    flush()  # the first text goes at once
                continue
            flush()
            if isinstance(item, StreamEnd):
                return item
            if item is _DONE:  # a stream that ended without a StreamEnd
                return StreamEnd("".join(parts), "", "", Usage())
            if isinstance(item, BaseException):
                raise item

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the signals object is gone: the app quit meanwhile
            pass
