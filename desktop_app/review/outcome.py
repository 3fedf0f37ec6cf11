"""One section of a review as the window, `margin review` and the report see it.

The one result type: the session keeps one per section, the section tree and
the findings pane read it, and the JSON report is built from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.review.status import SectionStatus


@dataclass(slots=True)
class SectionOutcome:
    status: SectionStatus = SectionStatus.NOT_ANALYSED  # where it stands now
    # The review's verdict, as the store holds it (done, failed, changed or not
    # analysed): what a cancelled re-run falls back to.
    stored: SectionStatus = SectionStatus.NOT_ANALYSED
    result: AnalysisResult | None = None  # the latest answer, kept while a re-run fails
    error: ProviderError | None = None  # set while the latest attempt failed
    framework: Framework | None = None  # what the result was reviewed against
    provider: str = ""  # "built-in reviewer" or the model that answered
    findings: list[Finding] = field(default_factory=list)  # as the review holds them
    originals: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> author's values

    def finding(self, finding_id: str) -> Finding | None:
        return next((f for f in self.findings if f.id == finding_id), None)
