"""The window's review as the Export dialog needs it: a `ReviewSnapshot`, copied now.

Read from what the window shows (`ReviewResults`: decisions, edits and the
reviewer's own findings, saved or still waiting to be saved), not from the
store, so that the export has exactly what the reviewer sees.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Protocol

from desktop_app.ai.provider import Usage
from desktop_app.document.model import Document
from desktop_app.export.selection import ReviewSnapshot, SectionReview
from desktop_app.review.frameworks import Framework
from desktop_app.ui.providers import ProviderSetup
from desktop_app.ui.review_results import SectionOutcome, copy_finding
from desktop_app.ui.settings import ReviewPrefs


class _Results(Protocol):
    def items(self) -> Iterable[tuple[str, SectionOutcome]]: ...


class _Analysis(Protocol):
    """What `AnalysisController` offers that the export reads."""

    @property
    def results(self) -> _Results: ...

    @property
    def setup(self) -> ProviderSetup | None: ...

    @property
    def prefs(self) -> ReviewPrefs: ...

    @property
    def framework(self) -> Framework | None: ...


def snapshot_from_results(document: Document, results: _Results, *, framework_name: str = "",
                          provider_name: str = "local", models: Iterable[str] = (),
                          region: str | None = None, min_confidence: float = 0.0,
                          prices: dict | None = None) -> ReviewSnapshot:
    """Copies of every section's findings, with how its analysis went."""
    sections: dict[str, SectionReview] = {}
    for sid, outcome in results.items():
        result = outcome.result
        status = "failed" if outcome.error is not None and result is None else outcome.stored
        if result is not None and status == "not-analysed":
            status = "done"  # an answer the store did not take yet
        sections[sid] = SectionReview(
            findings=[copy_finding(f) for f in outcome.findings], status=status,
            model=result.model if result is not None else None,
            usage=copy.copy(result.usage) if result is not None else Usage(),
            error=outcome.error.message if outcome.error is not None else None)
    return ReviewSnapshot(document, sections, framework_name, provider_name, list(models),
                          region, min_confidence, prices=prices)


def snapshot_from_analysis(document: Document, analysis: _Analysis) -> ReviewSnapshot:
    """What the window's `AnalysisController` holds of the review of `document`."""
    prefs, setup, framework = analysis.prefs, analysis.setup, analysis.framework
    if setup is not None:
        provider_name, models = setup.provider.name, list(setup.provider.models)
    else:
        provider_name, models = prefs.provider, list(prefs.bedrock.models)
    bedrock = provider_name == "bedrock"
    return snapshot_from_results(
        document, analysis.results,
        framework_name=framework.name if framework is not None else prefs.framework,
        provider_name=provider_name, models=models if bedrock else [],
        region=prefs.bedrock.region if bedrock else None,
        min_confidence=prefs.min_confidence,
        prices=dict(prefs.bedrock.prices) if bedrock else None)
