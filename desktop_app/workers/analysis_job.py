"""One section's analysis as a QRunnable: call the provider, report plain data.

The job never touches widgets. It splits a section that is too long for one
request into parts, gives each request the document's shared context (and
this request's related passages, found here, off the GUI thread), merges what
the parts return (two parts reporting one problem on one passage make one
finding), anchors every quote and key fact on the section text and gives each
finding a stable id. Given a `presave`, it saves the answer too, on its own
thread, before reporting it (session/session.py: `save_answer`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal

from desktop_app.ai import parts as _parts
from desktop_app.ai.anchoring import anchor_findings, anchor_part_findings, part_starts
from desktop_app.ai.context import DocumentContext
from desktop_app.ai.document_anchoring import anchor_facts
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.parts import merge_parts
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    FailureKind,
    Provider,
    ProviderError,
    Usage,
)
from desktop_app.document.model import Section
from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding, assign_ids
from desktop_app.review.frameworks import Framework
from desktop_app.workers.jobs import JobBase, JobSignals

log = logging.getLogger(__name__)  # ids and error kinds: never section text

MAX_PART_CHARS = _parts.MAX_PART_CHARS  # ~12k tokens of section text per request


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
    """The section text in parts of at most `limit` characters, cut between blocks
    (`ai/parts.py`: the estimate counts the same requests)."""
    return _parts.split_parts(section, limit or MAX_PART_CHARS)


class AnalysisSignals(JobSignals):
    answered = Signal()  # the answer is in; `finished` follows once `presave` returned


class AnalysisJob(JobBase):
    """`finished` carries an `AnalysisResult`, `failed` a `ProviderError`.

    `context`: the document's shared context (None: the section alone);
    `facts`: ask for the section's key facts too (for the consistency pass);
    `presave(section id, result)`: called on this thread with the answer before
    `finished` carries it; what it returns is kept in `saved` (None: not saved).
    `answered` is emitted before it: the thread's requests are over.
    """

    signals_class = AnalysisSignals

    def __init__(self, task: SectionTask, provider: Provider, framework: Framework,
                 document_title: str = "", context: DocumentContext | None = None,
                 facts: bool = False,
                 presave: Callable[[str, AnalysisResult], object] | None = None) -> None:
        super().__init__()
        self.task = task
        self.provider = provider
        self.framework = framework
        self.document_title = document_title
        self.context = context
        self.facts = facts
        self.presave = presave
        self.saved: object = None

    def failure(self, exc: BaseException) -> ProviderError:
        if isinstance(exc, ProviderError):
            # Kept with the section for as long as the review is open: without its
            # traceback, whose frames would keep this job (and the section's text) alive.
            return exc.with_traceback(None)
        # A bug in one job costs its section, never the pool thread. Type and place
        # only: repr(exc) can hold the section's text.
        log_internal(log, f"section {self.task.section_id} failed", exc)
        return ProviderError(FailureKind.INTERNAL, internal_error(exc))

    def work(self) -> AnalysisResult:
        start = time.perf_counter()
        total = Usage()
        findings: list[Finding] = []
        facts: list[Fact] = []
        model = None
        n = len(self.task.parts)
        text = self.task.text
        sid = self.task.section_id
        starts = part_starts(text, self.task.parts)
        for i, part in enumerate(self.task.parts, 1):
            if self.token.cancelled:
                raise Cancelled()
            context = (self.context.for_request(sid, part, self.task.title)
                       if self.context is not None else None)
            request = AnalysisRequest(sid, self.task.title, part, self.framework,
                                      self.document_title, i, n, context, self.facts,
                                      offset=starts[i - 1])
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
            facts.extend(result.facts)
            model = result.model or model
        if n > 1:
            findings = merge_parts(sid, findings)
        assign_ids(sid, findings)  # unique across the parts
        anchor_facts(text, facts)
        for fact in facts:
            fact.section_id = sid
        result = AnalysisResult(findings, model, total, time.perf_counter() - start, facts=facts)
        if self.presave is not None:
            self.emit(self.signals.answered)
            try:
                self.saved = self.presave(sid, result)
            except Exception as exc:  # noqa: BLE001 - the answer is reported all the same
                # and saved by the thread it goes to, which reports a failure to save.
                log_internal(log, f"section {sid}: saving its answer here failed", exc)
        return result

