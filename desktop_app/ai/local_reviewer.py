"""The built-in reviewer: deterministic rules, no network, the model's finding format.

    provider = LocalProvider.for_document(doc)   # indexes the document once
    result = provider.analyse(request, cancel)   # any section, from any thread

Used when no AWS credentials are found or when chosen. The same input always
gives the same findings in the same order. A rule that breaks is reported as a
failure of the section (`ProviderError`), never skipped silently. The first
request on a document runs the rules over all of it once (`review_pass.py`),
so that per-document caps hold whichever sections are analysed, in any order.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

from desktop_app.ai.anchoring import anchor_findings
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    CancelToken,
    FailureKind,
    ProviderError,
    Usage,
)
from desktop_app.ai.rules import RULES, DocumentIndex, Hit, RuleSpec, SectionContext, SectionInfo
from desktop_app.ai.rules.checkpoints import checkpoints_for
from desktop_app.ai.rules.review_pass import PassCache, RuleFailed, RuleHit, section_hits
from desktop_app.document.model import Document
from desktop_app.review.findings import Finding, Quote, assign_ids

log = logging.getLogger(__name__)

RULES_VERSION = 106  # bump whenever a rule changes what it reports


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
        self._passes = PassCache(index) if index is not None else None

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
        # Findings of one section depend on the others (acronyms, spellings, caps).
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
        try:
            ctx, rule_hits = self._hits(request, cancel)
        except RuleFailed as err:
            # Type and place only: the exception's words may quote the section.
            log_internal(log, f"built-in rule {err.rule_id} failed", err.exc)
            raise ProviderError(
                FailureKind.INTERNAL,
                f"built-in rule {err.rule_id} failed on this section: "
                f"{internal_error(err.exc)}") from err.exc
        made: list[tuple[int, int, RuleFinding]] = []
        for rh in rule_hits:
            spec = RULES[rh.order].RULE
            made.append((rh.hit.start if rh.hit.start is not None else -1, rh.order,
                         RuleFinding(spec.id, self._finding(ctx, spec, rh.hit))))
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

    def _hits(self, request: AnalysisRequest, cancel: CancelToken | None
              ) -> tuple[SectionContext, list[RuleHit]]:
        index = self._index
        if index is None or self._passes is None:
            index = DocumentIndex([SectionInfo(request.section_id, request.title, request.text)],
                                  complete=False)
            return self._alone(request, index, cancel)
        info = index.section(request.section_id)
        base = 0
        if info is None or info.text != request.text:
            found = -1
            if info is not None and request.parts > 1:
                at = request.offset
                found = (at if at is not None and info.text.startswith(request.text, at)
                         else info.text.find(request.text))
            if found < 0 or not request.text:
                # The text changed since the document was indexed: this section alone,
                # against the rest of the document as indexed.
                return self._alone(request, index.with_section(
                    request.section_id, request.title, request.text), cancel)
            base = found  # one part of a long section
        doc_pass = self._passes.get(request.framework, cancel)
        ctx = self._context(request, index, base, cancel)
        end = base + len(request.text)
        hits = []
        for rh in doc_pass.section(request.section_id):
            hit = rh.hit
            if hit.start is None:
                if request.part == 1:
                    hits.append(rh)
            elif base <= hit.start < end:
                hits.append(RuleHit(rh.order, _shift(hit, base, end)))
        return ctx, hits

    def _alone(self, request: AnalysisRequest, index: DocumentIndex,
               cancel: CancelToken | None) -> tuple[SectionContext, list[RuleHit]]:
        ctx = self._context(request, index, 0, cancel)
        return ctx, [RuleHit(order, hit) for order, hits in enumerate(section_hits(ctx))
                     for hit in hits]

    @staticmethod
    def _context(request: AnalysisRequest, index: DocumentIndex, base: int,
                 cancel: CancelToken | None) -> SectionContext:
        return SectionContext(section_id=request.section_id, title=request.title,
                              text=request.text, framework=request.framework, index=index,
                              base=base, part=request.part, parts=request.parts, cancel=cancel)

    @staticmethod
    def _finding(ctx: SectionContext, spec: RuleSpec, hit: Hit) -> Finding:
        if hit.start is not None and hit.end is not None:
            quote = ctx.text[hit.start:hit.end]
        else:
            quote = ""
        terms = tuple(t for t in (hit.term, quote) if t)
        related = checkpoints_for(ctx.framework, spec.family, terms)
        checkpoints = list(dict.fromkeys([*hit.checkpoints, *related]))
        quotes = [Quote(ctx.section_id, ctx.text[s:e], start=s, end=e) for s, e in hit.spans]
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
            quotes=quotes if len(quotes) > 1 else [],
        )


def _shift(hit: Hit, base: int, end: int) -> Hit:
    """A hit on the whole section, in the offsets of the part [base, end)."""
    if not base and not hit.spans:
        return hit
    spans = tuple((s - base, e - base) for s, e in hit.spans if base <= s and e <= end)
    assert hit.start is not None and hit.end is not None
    return replace(hit, start=hit.start - base, end=hit.end - base, spans=spans)
