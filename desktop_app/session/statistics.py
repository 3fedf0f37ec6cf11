"""Statistics from what a session holds, for while the store cannot give them.

The store's `statistics()` is the source; when some changes are waiting to
be saved, the findings and sections are counted here instead (what the
reviewer sees), and the tokens, cost and time come from the last numbers the
store gave.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from desktop_app.review.findings import DECISIONS, SEVERITIES, SOURCES
from desktop_app.review.status import SectionStatus
from desktop_app.session.results import ReviewResults
from desktop_app.store.review_state import ReviewStatistics


def _counts(values: list[str], keys: tuple[str, ...]) -> dict[str, int]:
    c = Counter(values)
    return {k: c.get(k, 0) for k in keys}


def leave_out(stats: ReviewStatistics, section_ids: list[str], results: ReviewResults
              ) -> ReviewStatistics:
    """The section counts without these sections (tables of contents, never reviewed:
    they would stay "to do" for ever)."""
    if not section_ids:
        return stats
    statuses = Counter(o.stored if (o := results.get(sid)) is not None
                       else SectionStatus.NOT_ANALYSED for sid in section_ids)
    return replace(
        stats, sections_total=stats.sections_total - len(section_ids),
        sections_done=stats.sections_done - statuses[SectionStatus.DONE],
        sections_failed=stats.sections_failed - statuses[SectionStatus.FAILED],
        sections_stale=stats.sections_stale - statuses[SectionStatus.CHANGED],
        sections_not_analysed=stats.sections_not_analysed - statuses[SectionStatus.NOT_ANALYSED])


def statistics_from_memory(results: ReviewResults, section_ids: list[str],
                           stored: ReviewStatistics | None) -> ReviewStatistics:
    findings: list = [(sid, f) for sid in section_ids for f in results.findings(sid)]
    by_section = {sid: len(results.findings(sid)) for sid in section_ids}
    findings += [("", d) for d in results.document.findings]  # counted in the totals too
    outcomes = [results.get(sid) for sid in section_ids]
    statuses = Counter(o.stored if o is not None else SectionStatus.NOT_ANALYSED
                       for o in outcomes)
    numbers = ReviewStatistics(
        findings_by_severity=_counts([f.severity for _, f in findings], SEVERITIES),
        findings_by_category=dict(Counter(f.category for _, f in findings).most_common()),
        findings_by_decision=_counts([f.decision for _, f in findings], DECISIONS),
        findings_by_source=_counts([f.source for _, f in findings], SOURCES),
        findings_by_section=by_section,
        sections_total=len(section_ids),
        sections_done=statuses[SectionStatus.DONE],
        sections_failed=statuses[SectionStatus.FAILED],
        sections_stale=statuses[SectionStatus.CHANGED],
        sections_not_analysed=statuses[SectionStatus.NOT_ANALYSED],
        sections_removed=stored.sections_removed if stored else 0,
        usage_by_model={}, cost_by_model={}, estimated_cost_usd=0.0, seconds_spent=0.0,
        document_findings=len(results.document.findings),
    )
    if stored is not None:
        numbers = replace(numbers, usage_by_model=stored.usage_by_model,
                          cost_by_model=stored.cost_by_model,
                          batch_usage_by_model=stored.batch_usage_by_model,
                          batch_cost_by_model=stored.batch_cost_by_model,
                          estimated_cost_usd=stored.estimated_cost_usd,
                          seconds_spent=stored.seconds_spent)
    return numbers
