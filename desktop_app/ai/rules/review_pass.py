"""Every rule over every section of a document, once, within the noise budget. No Qt.

A per-document cap needs the findings of the sections before: so the first
request on a document runs the rules over all its sections (the handbook's
295 in about a second) and keeps the result; every later request, from any
thread, only picks its section's findings (and, for a part of a long section,
those inside the part). Cancel is checked between sections and inside the
rules; a cancelled pass is not kept.

Document-wide rules (checks across sections) can be added here: they see
every section at once. A finding on a paragraph repeated in a later section
is reported once (`repeated_paragraphs`), before the caps count it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from desktop_app.ai.provider import Cancelled, CancelToken
from desktop_app.ai.rules import RULES
from desktop_app.ai.rules.base import Hit, Rule, SectionContext
from desktop_app.ai.rules.budget import cap_document, cap_section, merge_repeats
from desktop_app.ai.rules.document import DocumentIndex, SectionInfo
from desktop_app.ai.rules.repeated_paragraphs import report_once
from desktop_app.review.frameworks import Framework


@dataclass(frozen=True, slots=True)
class RuleHit:
    order: int  # the rule's position in RULES
    hit: Hit  # offsets in the whole section text


def section_hits(ctx: SectionContext) -> list[list[Hit]]:
    """Each rule's hits on one section (or request) text, merged and capped per section."""
    out = []
    english = ctx.index.english
    for rule in RULES:
        ctx.checkpoint()
        out.append(_checked(rule, ctx) if english or not rule.RULE.english else [])
    return out


class RuleFailed(Exception):
    def __init__(self, rule_id: str, exc: Exception) -> None:
        super().__init__(rule_id)  # never the exception's words: they may quote the text
        self.rule_id = rule_id
        self.exc = exc


def _checked(rule: Rule, ctx: SectionContext) -> list[Hit]:
    try:
        hits = list(rule.check(ctx))
    except Cancelled:
        raise
    except Exception as exc:  # a bug in a rule fails the section, visibly
        raise RuleFailed(rule.RULE.id, exc) from exc
    if rule.RULE.id != "placeholder":
        # Inside filler text only the filler text itself is a finding (see filler_text.py).
        hits = [h for h in hits if h.start is None or not ctx.in_filler_text(h.start)]
    # Nothing inside a line of code pasted into the prose: "# initialize a stream" is
    # not a spelling, "|  ____^" of a compiler's output not a blank to fill; nor inside
    # what the document formats as code ("Oops: 0000 [#1] SMP" is no acronym to define).
    hits = [h for h in hits if h.start is None or not ctx.in_code(h.start, h.end)]
    merge = getattr(rule, "merge", None)
    return cap_section(rule.RULE, merge_repeats(hits, ctx.text, merge))


class DocumentPass:
    """The budgeted hits of every section of one indexed document, for one framework."""

    def __init__(self, index: DocumentIndex, framework: Framework,
                 cancel: CancelToken | None) -> None:
        per_rule: list[list[list[Hit]]] = [[] for _ in RULES]  # rule -> section -> hits
        for info in index.sections:
            ctx = _context(index, info, framework, cancel)
            for order, hits in enumerate(section_hits(ctx)):
                per_rule[order].append(hits)
        self._by_section: dict[str, list[RuleHit]] = {s.id: [] for s in index.sections}
        for order, rule in enumerate(RULES):
            capped = cap_document(rule.RULE, report_once(index.sections, per_rule[order]))
            for info, hits in zip(index.sections, capped, strict=True):
                self._by_section[info.id].extend(RuleHit(order, h) for h in hits)

    def section(self, section_id: str) -> list[RuleHit]:
        return self._by_section.get(section_id, [])


def _context(index: DocumentIndex, info: SectionInfo, framework: Framework,
             cancel: CancelToken | None) -> SectionContext:
    return SectionContext(section_id=info.id, title=info.title, text=info.text,
                          framework=framework, index=index, base=0, cancel=cancel)


class PassCache:
    """One `DocumentPass` per framework, computed once, shared between threads."""

    def __init__(self, index: DocumentIndex) -> None:
        self.index = index
        self._passes: dict[Framework, DocumentPass] = {}
        self._lock = threading.Lock()

    def get(self, framework: Framework, cancel: CancelToken | None) -> DocumentPass:
        # Wait for a pass another thread is computing, but stay cancellable meanwhile.
        while not self._lock.acquire(timeout=0.05):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
        try:
            found = self._passes.get(framework)
            if found is None:
                found = DocumentPass(self.index, framework, cancel)
                self._passes[framework] = found
            return found
        finally:
            self._lock.release()
