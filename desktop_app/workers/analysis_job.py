"""One section's analysis as a QRunnable: call the provider, report plain data.

The job never touches widgets. It splits a section that is too long for one
request into parts, merges what the parts return, anchors every quote on the
section text and gives each finding a stable id.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop_app.ai.anchoring import anchor_findings, anchor_part_findings, part_starts
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    CancelToken,
    FailureKind,
    Provider,
    ProviderError,
    Usage,
)
from desktop_app.document.model import Section, iter_blocks
from desktop_app.review.findings import assign_ids
from desktop_app.review.frameworks import Framework

log = logging.getLogger(__name__)

MAX_PART_CHARS = 48_000  # ~12k tokens of section text per request


@dataclass(frozen=True, slots=True)
class SectionTask:
    """What a job needs, copied on the GUI thread (the job never reads the tree)."""

    section_id: str
    title: str
    text: str
    parts: tuple[str, ...]

    @classmethod
    def from_section(cls, section: Section) -> SectionTask:
        return cls(section.id, section.title, section.text, split_parts(section))


def split_parts(section: Section, limit: int | None = None) -> tuple[str, ...]:
    """The section text in parts of at most `limit` characters, cut between blocks."""
    limit = limit or MAX_PART_CHARS
    text = section.text
    if len(text) <= limit:
        return (text,)
    parts, current, size = [], [], 0
    for block in iter_blocks(section.paragraphs):
        if current and size + len(block) + 1 > limit:
            parts.append("\n".join(current))
            current, size = [], 0
        current.append(block)
        size += len(block) + 1
    if current:
        parts.append("\n".join(current))
    return tuple(parts)


class AnalysisSignals(QObject):
    started = Signal(str)  # section id
    finished = Signal(str, object)  # section id, AnalysisResult
    failed = Signal(str, object)  # section id, ProviderError
    cancelled = Signal(str)


class AnalysisJob(QRunnable):
    def __init__(self, task: SectionTask, provider: Provider, framework: Framework,
                 document_title: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dispatcher owns the job until it reports
        self.task = task
        self.provider = provider
        self.framework = framework
        self.document_title = document_title
        self.token = CancelToken()
        self.signals = AnalysisSignals()
        self.submitted_at = 0.0  # perf_counter at submit; read by the dispatch benchmark
        self.started_at = 0.0
        self.reported_at = 0.0  # perf_counter just before the terminal signal

    def run(self) -> None:
        self.started_at = time.perf_counter()
        sid = self.task.section_id
        if self.token.cancelled:
            self._emit(self.signals.cancelled, sid)
            return
        self._emit(self.signals.started, sid)
        try:
            result = self._analyse()
        except Cancelled:
            self._emit(self.signals.cancelled, sid)
        except ProviderError as err:
            self._emit(self.signals.failed, sid, err)
        except Exception as exc:  # noqa: BLE001 - a bug in one job must not kill the pool thread
            # Type and place only: repr(exc) can hold the section's text.
            log_internal(log, f"section {sid} failed", exc)
            self._emit(self.signals.failed, sid,
                       ProviderError(FailureKind.INTERNAL, internal_error(exc)))
        else:
            self.reported_at = time.perf_counter()
            self._emit(self.signals.finished, sid, result)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The signals object is gone: the app quit while this call was in
            # flight and nobody is left to tell.
            pass

    def _analyse(self) -> AnalysisResult:
        start = time.perf_counter()
        total = Usage()
        findings = []
        model = None
        n = len(self.task.parts)
        text = self.task.text
        starts = part_starts(text, self.task.parts)
        for i, part in enumerate(self.task.parts, 1):
            if self.token.cancelled:
                raise Cancelled()
            request = AnalysisRequest(self.task.section_id, self.task.title, part, self.framework,
                                      self.document_title, i, n)
            try:
                result = self.provider.analyse(request, self.token)
            except ProviderError as err:
                err.usage.add(total)  # calls of earlier parts still count
                raise
            total.add(result.usage)
            if n == 1:
                anchor_findings(text, result.findings)
            else:  # a quote in part 2 that part 1 also has is part 2's
                anchor_part_findings(text, starts[i - 1], part, result.findings)
            findings.extend(result.findings)
            model = result.model or model
        assign_ids(self.task.section_id, findings)  # unique across the parts
        return AnalysisResult(findings, model, total, time.perf_counter() - start)

