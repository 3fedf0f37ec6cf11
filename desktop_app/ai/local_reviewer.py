"""The built-in reviewer: deterministic rules, no network, the model's finding format.

    provider = LocalProvider.for_document(doc)   # indexes the document once
    result = provider.analyse(request, cancel)   # any section, from any thread

Used when no AWS credentials are found or when chosen. The same input always
gives the same findings in the same order. A rule that breaks is reported as a
failure of the section (`ProviderError`), never skipped silently.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from desktop_app.ai.anchoring import anchor_findings
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    CancelToken,
    FailureKind,
    ProviderError,
    Usage,
)
from desktop_app.ai.rules import RULES, DocumentIndex, Hit, RuleSpec, SectionContext, SectionInfo
from desktop_app.ai.rules.checkpoints import checkpoints_for
from desktop_app.document.model import Document
from desktop_app.review.findings import Finding, assign_ids

log = logging.getLogger(__name__)

RULES_VERSION = 1  # bump whenever a rule changes what it reports


@dataclass(frozen=True, slots=True)
class RuleFinding:
    rule: str  # the rule id, e.g. "passive-voice"
    finding: Finding


class LocalProvider:
    name = "local"

    def __init__(self, index: DocumentIndex | None = None) -> None:
        # Without an index each request is read as a document of one section:
        # no coverage findings, and thin sections are not judged (children unknown).
        self._index = index

    @classmethod
    def for_document(cls, doc: Document) -> LocalProvider:
        return cls(DocumentIndex.from_document(doc))

    @property
    def models(self) -> list[str]:
        return []

    @property
    def index(self) -> DocumentIndex | None:
        return self._index

    def cache_identity(self) -> str:
        # Findings of one section depend on the others (acronyms, spellings).
        doc = f"/doc-{self._index.digest}" if self._index is not None else ""
        return f"local/rules-{RULES_VERSION}{doc}"

    def analyse(self, request: AnalysisRequest, cancel: CancelToken) -> AnalysisResult:
        started = time.perf_counter()
        findings = [rf.finding for rf in self.review(request, cancel)]
        return AnalysisResult(findings, model=None, usage=Usage(),
                              seconds=time.perf_counter() - started)

    def review(self, request: AnalysisRequest, cancel: CancelToken | None = None
               ) -> list[RuleFinding]:
        """The findings with the rule that made each one, in report order."""
        ctx = self._context(request)
        made: list[tuple[int, int, RuleFinding]] = []
        for order, rule in enumerate(RULES):
            if cancel is not None and cancel.cancelled:
                raise Cancelled(request.section_id)
            spec = rule.RULE
            try:
                hits = list(rule.check(ctx))
            except Exception as exc:  # a bug in a rule fails the section, visibly
                # Type and place only: the exception's words may quote the section.
                log_internal(log, f"built-in rule {spec.id} failed", exc)
                raise ProviderError(
                    FailureKind.INTERNAL,
                    f"built-in rule {spec.id} failed on this section: {internal_error(exc)}"
                ) from exc
            for hit in hits:
                made.append((hit.start if hit.start is not None else -1, order,
                             RuleFinding(spec.id, self._finding(ctx, spec, hit))))
        made.sort(key=lambda item: (item[0], item[1]))
        out = [rf for _, _, rf in made]
        findings = [rf.finding for rf in out]
        anchor_findings(request.text, findings)
        # Ids unique across the parts of a long section, not only within one part
        # (a repeated passage in two parts made the same ids).
        owner = request.section_id if request.parts <= 1 else (
            f"{request.section_id}\x00part {request.part}")
        assign_ids(owner, findings)
        return out

    def _context(self, request: AnalysisRequest) -> SectionContext:
        index, base = self._index, 0
        if index is None:
            index = DocumentIndex([SectionInfo(request.section_id, request.title, request.text)],
                                  complete=False)
        else:
            info = index.section(request.section_id)
            if info is None or info.text != request.text:
                found = info.text.find(request.text) if info and request.parts > 1 else -1
                if found >= 0 and request.text:
                    base = found  # one part of a long section
                else:  # the text changed since the document was indexed
                    index = index.with_section(request.section_id, request.title,
                                               request.text)
        return SectionContext(section_id=request.section_id, title=request.title,
                              text=request.text, framework=request.framework, index=index,
                              base=base, part=request.part, parts=request.parts)

    @staticmethod
    def _finding(ctx: SectionContext, spec: RuleSpec, hit: Hit) -> Finding:
        if hit.start is not None and hit.end is not None:
            quote = ctx.text[hit.start:hit.end]
        else:
            quote = ""
        terms = tuple(t for t in (hit.term, quote) if t)
        related = checkpoints_for(ctx.framework, spec.family, terms)
        checkpoints = list(dict.fromkeys([*hit.checkpoints, *related]))
        return Finding(
            category=spec.category,
            severity=hit.severity or spec.severity,
            confidence=hit.confidence if hit.confidence is not None else spec.confidence,
            quote=quote,
            issue=hit.issue,
            suggestion=hit.suggestion,
            checkpoints=checkpoints,
            rewrite=hit.rewrite,
            source="rules",
            start=hit.start,
            end=hit.end,
        )
