"""The review of the document as a whole: what a session does with a pass's findings (no Qt).

Two passes look across sections: the built-in cross-section checks
(`ai/crosscheck`, origin "rules": free, run with either reviewer) and the
Bedrock consistency pass (`ai/consistency`, origin "consistency": the
sections' key facts checked against each other). A job runs them
(`workers/document_check_job.py`); this records what they gave:

- merged with the review's other findings (`review/document_merge.fold`): a
  section finding that repeats a place of a document-level one is absorbed,
  decisions carry over, a rerun replaces what its pass found before;
- saved (or kept to be saved) like everything else the review learns, with how
  the pass went, so that a failed pass says why and an unchanged one is not
  paid for twice;
- met again whenever a section's new answer arrives (`meet`).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from desktop_app.ai.provider import ProviderError, Usage
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.document_merge import fold, in_document_order, touches
from desktop_app.store.review_rows import now
from desktop_app.store.review_state import DocumentRecord, PassRecord

if TYPE_CHECKING:
    from desktop_app.session.session import ReviewSession

log = logging.getLogger(__name__)

RULES, CONSISTENCY = "rules", "consistency"
PASS_LABELS = {RULES: "cross-section checks", CONSISTENCY: "consistency pass"}
DOCUMENT_EDITABLE = ("issue", "suggestion", "severity")


@dataclass(slots=True)
class PassOutcome:
    """What one pass gave: its findings (anchored, with ids), or why it failed."""

    origin: str  # rules | consistency
    findings: list[DocumentFinding] | None  # None: the pass failed
    error: ProviderError | None = None
    usage: Usage = field(default_factory=Usage)
    model: str | None = None
    inputs: str = ""  # `DocumentPass.inputs` when it started
    batches: int = 0


def digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=10)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return h.hexdigest()


class DocumentPass:
    def __init__(self, session: ReviewSession) -> None:
        self.session = session
        self._usage: list[tuple[str | None, Usage]] = []  # this run's calls, for the report
        self.revision = 0  # counts changes to the document-level findings (for the front ends)

    # -- what a pass reads ----------------------------------------------------------------

    def inputs(self, origin: str) -> str:
        """A digest of what the pass reads: the same inputs give the same answer."""
        from desktop_app.store.results import framework_identity

        s = self.session
        framework = framework_identity(s.framework)
        if origin == RULES:
            from desktop_app.ai.crosscheck import CROSSCHECK_VERSION

            return digest(RULES, str(CROSSCHECK_VERSION), s.document.sha256, framework)
        from desktop_app.ai.consistency import CONSISTENCY_PROMPT_VERSION, facts_table

        return digest(CONSISTENCY, CONSISTENCY_PROMPT_VERSION, framework,
                      s.identity.cache_identity or s.identity.name,
                      s.document.sha256, facts_table(s.facts()))

    def up_to_date(self, origin: str) -> bool:
        """The pass ran on these very inputs and succeeded: asking again changes nothing."""
        last = self.last(origin)
        return last is not None and last.status == "done" and last.inputs == self.inputs(origin)

    def last(self, origin: str) -> PassRecord | None:
        return self.session.results.document.passes.get(origin)

    def stale(self, origin: str) -> bool:
        """The document changed since the pass last ran."""
        last = self.last(origin)
        return last is not None and last.document_sha256 != self.session.document.sha256

    def run_usage(self) -> list[tuple[str | None, Usage]]:
        return list(self._usage)

    # -- recording -----------------------------------------------------------------------

    def _authored(self) -> list[tuple[str, DocumentFinding]]:
        """The review's document-level findings in their authors' words: what a pass's new
        findings are compared with (the reviewer's edits are not the author's issue)."""
        held = self.session.results.document
        out = []
        for origin, d in held.with_origins():
            originals = held.originals.get(d.id)
            out.append((origin, replace(d, **originals) if originals else d))
        return out

    def record(self, outcome: PassOutcome) -> set[str]:
        """Save what the pass gave (or that it failed); the sections whose list changed."""
        s, held = self.session, self.session.results.document
        record = PassRecord(outcome.origin, "failed" if outcome.findings is None else "done",
                            now(), outcome.error.message if outcome.error else None,
                            outcome.model, outcome.inputs, s.document.sha256,
                            len(outcome.findings or []))
        if outcome.usage.requests:
            self._usage.append((outcome.model, outcome.usage))
        if outcome.findings is None:
            return self._save(held.with_origins(), dict(held.absorbed), dict(held.changed),
                              [record], outcome,
                              f"the failure of the {PASS_LABELS[outcome.origin]}")
        folded = fold(s.results.mergeable(), self._authored(), outcome.origin,
                      outcome.findings)
        changed = {d.id: held.changed.get(d.id, []) for origin, d in folded.document
                   if origin != outcome.origin}  # found again now: its places are current
        return self._save(folded.document, folded.absorbed, changed, [record], outcome,
                          f"the findings of the {PASS_LABELS[outcome.origin]}")

    def meet(self, section_id: str) -> set[str]:
        """A section's new answer meets the document-level findings about it: what
        repeats one of their places is absorbed."""
        held = self.session.results.document
        touching = [(o, d) for o, d in self._authored() if touches(d, section_id)]
        if not touching:
            return set()
        every = self.session.results.mergeable()
        involved = {section_id} | {q.section for _, d in touching for q in d.quotes}
        sub = {sid: every[sid] for sid in involved if sid in every}
        folded = fold(sub, touching)
        in_sub = {f.id for found in sub.values() for f in found}
        absorbed = {k: v for k, v in held.absorbed.items() if k not in in_sub}
        absorbed.update(folded.absorbed)
        ids = {d.id for _, d in touching}
        findings = [(o, d) for o, d in held.with_origins() if d.id not in ids] + folded.document
        if absorbed == held.absorbed and {d.id for _, d in folded.document} == ids:
            return set()
        return self._save(findings, absorbed, dict(held.changed), [], None,
                          "a document finding merged with a section's")

    def _save(self, findings: list[tuple[str, DocumentFinding]], absorbed: dict[str, str],
              changed: Mapping[str, list[str]], passes: list[PassRecord],
              outcome: PassOutcome | None, what: str) -> set[str]:
        s = self.session
        self.revision += 1
        order = {sec.id: i for i, sec in enumerate(s.document.walk())}
        findings = in_document_order(findings, order)
        s.results.document.set(findings, absorbed, dict(changed), passes)
        moved = s.results.apply_absorbed(absorbed)
        usage = outcome.usage if outcome is not None else None
        model = outcome.model if outcome is not None else None
        stored: DocumentRecord | None = s._write(what, lambda st, rid: st.save_document_findings(
            rid, findings, absorbed, changed=changed, passes=passes, usage=usage, model=model))
        if stored is not None:
            s.results.document.restore(stored)
            moved |= s.results.apply_absorbed(stored.absorbed)
        return moved

    # -- the reviewer's decisions ----------------------------------------------------------

    def set_decision(self, finding_id: str, decision: str) -> DocumentFinding | None:
        held = self.session.results.document
        if held.set_decision(finding_id, decision) is None:
            return None
        self.revision += 1
        stored = self.session._write("your decision on a document finding",
                                     lambda st, rid: st.set_document_decision(rid, finding_id,
                                                                              decision))
        if stored is not None:
            held.put(stored)
        return held.get(finding_id)

    def edit(self, finding_id: str, fields: dict[str, Any]) -> DocumentFinding | None:
        fields = {k: v for k, v in fields.items() if k in DOCUMENT_EDITABLE}
        held = self.session.results.document
        if not fields or held.edit(finding_id, fields) is None:
            return None
        self.revision += 1
        stored = self.session._write("your edit of a document finding",
                                     lambda st, rid: st.edit_document_finding(rid, finding_id,
                                                                              **fields))
        if stored is not None:
            held.put(stored)
        return held.get(finding_id)
