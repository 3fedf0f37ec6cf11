"""One section's analysis as a QRunnable: call the provider, report plain data.

The job never touches widgets. It splits a section that is too long for one
request into parts, merges what the parts return, anchors every quote on the
section text and gives each finding a stable id.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from desktop_app.ai.anchoring import anchor_findings, anchor_part_findings, part_starts
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    FailureKind,
    Provider,
    ProviderError,
    Usage,
)
from desktop_app.document.model import Section, iter_blocks
from desktop_app.review.findings import assign_ids
from desktop_app.review.frameworks import Framework
from desktop_app.workers.jobs import JobBase

log = logging.getLogger(__name__)  # ids and error kinds: never section text

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


class AnalysisJob(JobBase):
    """`finished` carries an `AnalysisResult`, `failed` a `ProviderError`."""

    def __init__(self, task: SectionTask, provider: Provider, framework: Framework,
                 document_title: str = "") -> None:
        super().__init__()
        self.task = task
        self.provider = provider
        self.framework = framework
        self.document_title = document_title

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
        findings = []
        model = None
        n = len(self.task.parts)
        text = self.task.text
        starts = part_starts(text, self.task.parts)
        for i, part in enumerate(self.task.parts, 1):
            if self.token.cancelled:
                raise Cancelled()
            request = AnalysisRequest(self.task.section_id, self.task.title, part, self.framework,
                                      self.document_title, i, n, offset=starts[i - 1])
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

