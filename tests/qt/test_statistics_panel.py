"""The statistics panel's wording (the numbers themselves: test_review_local_state.py)."""

from __future__ import annotations

import pytest

from desktop_app.store.review_state import ReviewStatistics
from desktop_app.ui.statistics.panel import StatisticsPanel


def _stats(findings: int) -> ReviewStatistics:
    return ReviewStatistics(
        findings_by_severity={"critical": 0, "major": 0, "minor": findings, "suggestion": 0},
        findings_by_category={"typo": findings} if findings else {},
        findings_by_decision={"pending": findings, "accepted": 0, "rejected": 0},
        findings_by_source={"rules": findings}, findings_by_section={"s0": findings},
        sections_total=1, sections_done=1, sections_failed=0, sections_stale=0,
        sections_not_analysed=0, sections_removed=0, usage_by_model={}, cost_by_model={},
        estimated_cost_usd=0.0, seconds_spent=0.0)


@pytest.mark.parametrize(("n", "said"), [(1, "<b>1</b> finding:"), (2, "<b>2</b> findings:"),
                                         (0, "<b>0</b> findings:")])
def test_the_count_of_findings_reads_as_english(qtbot, n, said) -> None:
    panel = StatisticsPanel()
    qtbot.addWidget(panel)
    panel.show_statistics(_stats(n), {"s0": "Reporting Bugs in GDB"})
    assert said in panel.details.text()
