"""What the window knows about each section's analysis, Qt-free.

A plain holder, section id -> outcome, filled from the dispatcher's signals.
The SQLite review store (decisions, edits, restore on reopen) replaces it later.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework


@dataclass(slots=True)
class SectionOutcome:
    result: AnalysisResult | None = None  # the latest answer, kept while a re-run fails
    error: ProviderError | None = None  # set while the latest attempt failed
    framework: Framework | None = None  # what the result was reviewed against
    provider: str = ""  # "built-in reviewer" or the model that answered


class ReviewResults:
    def __init__(self) -> None:
        self._outcomes: dict[str, SectionOutcome] = {}

    def clear(self) -> None:
        self._outcomes.clear()

    def get(self, section_id: str) -> SectionOutcome | None:
        return self._outcomes.get(section_id)

    def set_result(self, section_id: str, result: AnalysisResult, framework: Framework,
                   provider: str) -> None:
        self._outcomes[section_id] = SectionOutcome(result, None, framework, provider)

    def set_error(self, section_id: str, error: ProviderError) -> None:
        outcome = self._outcomes.setdefault(section_id, SectionOutcome())
        outcome.error = error

    def clear_error(self, section_id: str) -> None:
        outcome = self._outcomes.get(section_id)
        if outcome is not None:
            outcome.error = None

    def failed_ids(self) -> list[str]:
        return [sid for sid, o in self._outcomes.items() if o.error is not None]

    def findings(self, section_id: str) -> list[Finding]:
        outcome = self._outcomes.get(section_id)
        if outcome is None or outcome.result is None:
            return []
        return outcome.result.findings

    def __len__(self) -> int:
        return len(self._outcomes)


def visible_findings(findings: list[Finding], min_confidence: float) -> list[Finding]:
    """Findings at or above the minimum confidence, in the order of the text.

    Unanchored findings (no position) come last, in the order they were given.
    """
    shown = [f for f in findings if f.confidence >= min_confidence - 1e-9]
    return sorted(shown, key=lambda f: (f.start is None, f.start or 0))
