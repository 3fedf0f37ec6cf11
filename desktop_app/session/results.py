"""What a session holds of its review, section by section: one `SectionOutcome` each.

The status (where the section stands now), the latest answer and failure,
and the findings as the review holds them (decisions and edits applied, the
reviewer's own included). `ReviewSession` fills it from the store's
snapshots; when the store cannot take a write, the same changes are made here
by the rules the store follows, so that nothing the reviewer did is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.ai.provider import AnalysisResult, FailureKind, ProviderError
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.review.outcome import SectionOutcome
from desktop_app.review.status import SectionStatus
from desktop_app.session.document_results import DocumentResults, keep_originals
from desktop_app.store.review_state import ReviewState, SectionRecord


def copy_finding(finding: Finding) -> Finding:
    return Finding.from_dict(finding.to_dict())



class ReviewResults:
    def __init__(self) -> None:
        self._outcomes: dict[str, SectionOutcome] = {}
        self.document = DocumentResults()  # the review of the document as a whole
        # Model and rules findings a document-level finding absorbed, by section: not
        # shown in the section, kept so that they come back if that finding goes.
        self._absorbed: dict[str, list[Finding]] = {}

    def clear(self) -> None:
        self._outcomes.clear()
        self._absorbed.clear()
        self.document.clear()

    def get(self, section_id: str) -> SectionOutcome | None:
        return self._outcomes.get(section_id)

    def outcome(self, section_id: str) -> SectionOutcome:
        return self._outcomes.setdefault(section_id, SectionOutcome())

    def items(self) -> list[tuple[str, SectionOutcome]]:
        return list(self._outcomes.items())

    def status(self, section_id: str) -> SectionStatus:
        outcome = self._outcomes.get(section_id)
        return outcome.status if outcome is not None else SectionStatus.NOT_ANALYSED

    def count(self, status: SectionStatus) -> int:
        return sum(1 for o in self._outcomes.values() if o.status is status)

    # -- from the store -----------------------------------------------------------

    def restore(self, state: ReviewState, framework: Framework | None,
                label_for: Callable[[str | None], str]) -> None:
        """Everything a stored review holds, for the sections the document still has."""
        self._outcomes.clear()
        self._absorbed.clear()
        self.document.restore(state.document)
        for sid, record in state.sections.items():
            if record.status is SectionStatus.REMOVED:
                continue
            if record.status is SectionStatus.NOT_ANALYSED and not record.findings:
                continue
            outcome = self.outcome(sid)
            self.apply_record(sid, record)
            outcome.status = record.status
            outcome.framework = framework
            if record.status is SectionStatus.DONE:
                outcome.result = AnalysisResult(list(record.findings), record.model,
                                                record.usage, from_cache=True,
                                                facts=list(record.facts))
                outcome.provider = label_for(record.model)
            elif record.status is SectionStatus.FAILED:
                outcome.error = ProviderError(FailureKind.INTERNAL,
                                              record.error or "the analysis failed",
                                              model=record.model)

    def apply_record(self, section_id: str, record: SectionRecord) -> None:
        outcome = self.outcome(section_id)
        outcome.findings = list(record.findings)
        outcome.originals = {k: dict(v) for k, v in record.originals.items()}
        outcome.stored = record.status
        self._absorbed[section_id] = list(record.absorbed)

    # -- absorbed by document-level findings -------------------------------------------

    def mergeable(self) -> dict[str, list[Finding]]:
        """Each section's model and rules findings, absorbed ones included: what
        document-level findings are merged with."""
        out: dict[str, list[Finding]] = {}
        for sid, outcome in self._outcomes.items():
            found = [f for f in outcome.findings if f.source != "user"]
            found += self._absorbed.get(sid, [])
            if found:
                out[sid] = found
        return out

    def apply_absorbed(self, absorbed: dict[str, str]) -> set[str]:
        """Hide the section findings `absorbed` names, show the others again; the
        sections whose list changed."""
        changed: set[str] = set()
        for sid, outcome in self._outcomes.items():
            hidden = self._absorbed.get(sid, [])
            if not hidden and not any(f.id in absorbed for f in outcome.findings):
                continue
            every = outcome.findings + hidden
            shown = [f for f in every if f.source == "user" or f.id not in absorbed]
            gone = [f for f in every if f.source != "user" and f.id in absorbed]
            if [f.id for f in shown] != [f.id for f in outcome.findings]:
                changed.add(sid)
            outcome.findings, self._absorbed[sid] = shown, gone
        return changed

    def absorbed_in(self, section_id: str) -> list[Finding]:
        return list(self._absorbed.get(section_id, []))

    # -- analysis -------------------------------------------------------------------

    def set_status(self, section_id: str, status: SectionStatus) -> SectionStatus:
        """Where the section stands now (from the dispatcher); returns what it became:
        a cancelled re-run leaves the verdict the review already had."""
        outcome = self.outcome(section_id)
        if status is SectionStatus.CANCELLED and outcome.stored.settled:
            status = outcome.stored
        if status is SectionStatus.QUEUED:
            outcome.error = None
        outcome.status = status
        return status

    def set_result(self, section_id: str, result: AnalysisResult, framework: Framework,
                   provider: str, record: SectionRecord | None = None) -> None:
        """The answer, and the findings the review now holds (`record`), or, when the
        store did not take it, the store's merge rules applied in memory."""
        outcome = self.outcome(section_id)
        if record is not None:
            self.apply_record(section_id, record)
        else:
            outcome.findings, outcome.originals = merge_result(section_id, outcome, result)
            outcome.stored = SectionStatus.DONE
        outcome.status = SectionStatus.DONE
        outcome.result = result
        outcome.error = None
        outcome.framework = framework
        outcome.provider = provider

    def set_error(self, section_id: str, error: ProviderError) -> None:
        outcome = self.outcome(section_id)
        outcome.error = error
        outcome.status = outcome.stored = SectionStatus.FAILED

    def ids_with(self, status: SectionStatus) -> list[str]:
        return [sid for sid, o in self._outcomes.items() if o.status is status]

    def findings(self, section_id: str) -> list[Finding]:
        outcome = self._outcomes.get(section_id)
        return outcome.findings if outcome is not None else []

    def all_findings(self) -> list[tuple[str, Finding]]:
        return [(sid, f) for sid, o in self._outcomes.items() for f in o.findings]

    def locate(self, finding_id: str) -> tuple[str, Finding] | None:
        for sid, outcome in self._outcomes.items():
            found = outcome.finding(finding_id)
            if found is not None:
                return sid, found
        return None

    # -- the reviewer's work, in memory ------------------------------------------------

    def put_finding(self, section_id: str, finding: Finding) -> None:
        """Replace the finding with this id (the store's fresh copy), or add it."""
        outcome = self.outcome(section_id)
        for i, f in enumerate(outcome.findings):
            if f.id == finding.id:
                outcome.findings[i] = finding
                return
        outcome.findings.append(finding)

    def remove_finding(self, finding_id: str) -> None:
        for outcome in self._outcomes.values():
            outcome.findings = [f for f in outcome.findings if f.id != finding_id]
            outcome.originals.pop(finding_id, None)

    def set_decision(self, finding_id: str, decision: str) -> Finding | None:
        found = self.locate(finding_id)
        if found is None:
            return None
        sid, f = found
        fresh = copy_finding(f)
        fresh.decision = decision
        self.put_finding(sid, fresh)
        return fresh

    def edit(self, finding_id: str, fields: dict[str, Any]) -> Finding | None:
        """The store's edit rules: the author's values are kept aside; an edit back
        to them is no edit at all. The reviewer's own findings are simply changed."""
        found = self.locate(finding_id)
        if found is None:
            return None
        sid, f = found
        fresh = copy_finding(f)
        outcome = self.outcome(sid)
        originals = dict(outcome.originals.get(finding_id, {}))
        if f.source != "user":
            keep_originals(originals, f, fields)
        for name, value in fields.items():
            setattr(fresh, name, value)
        if originals:
            outcome.originals[finding_id] = originals
        else:
            outcome.originals.pop(finding_id, None)
        self.put_finding(sid, fresh)
        return fresh

    def originals(self, finding_id: str) -> dict[str, Any]:
        found = self.locate(finding_id)
        if found is None:
            return {}
        return dict(self.outcome(found[0]).originals.get(finding_id, {}))

    def __len__(self) -> int:
        return len(self._outcomes)


def merge_result(section_id: str, old: SectionOutcome, result: AnalysisResult
                 ) -> tuple[list[Finding], dict[str, dict[str, Any]]]:
    """What `ReviewStore.record_result` would make of `result`: a finding seen before
    keeps its decision and edits, the reviewer's own findings stay."""
    before = {f.id: f for f in old.findings}
    findings: list[Finding] = []
    originals: dict[str, dict[str, Any]] = {}
    for index, source in enumerate(result.findings):
        f = copy_finding(source)
        f.ensure_id(section_id, index)
        prev = before.get(f.id)
        if prev is not None and prev.source != "user":
            f.decision = prev.decision
            edited = old.originals.get(f.id, {})
            if edited:
                originals[f.id] = {name: getattr(f, name) for name in edited}
                for name in edited:
                    setattr(f, name, getattr(prev, name))
        findings.append(f)
    findings += [f for f in old.findings if f.source == "user"]
    return findings, originals


def visible_findings(findings: list[Finding], min_confidence: float) -> list[Finding]:
    """Findings at or above the minimum confidence, in the order of the text.

    Unanchored findings (no position) come last, in the order they were given.
    """
    shown = [f for f in findings if f.confidence >= min_confidence - 1e-9]
    return sorted(shown, key=lambda f: (f.start is None, f.start or 0))
