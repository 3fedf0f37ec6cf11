"""The built-in reviewer on hostile text: it finishes, and Cancel stops it mid-rule.

Linearity itself is measured by bench/rules_speed.py (ratios in one run); these
tests catch the failures a user sees: a section that never finishes (a 1 MB
paragraph without spaces used to; 64 KB of dots took about 50 s) and a Cancel
that does nothing while one long section is being checked.
"""

from __future__ import annotations

import time

import pytest

from desktop_app.ai.local_reviewer import LocalProvider
from desktop_app.ai.provider import AnalysisRequest, Cancelled, CancelToken
from desktop_app.ai.rules import DocumentIndex, SectionInfo
from desktop_app.review.frameworks import find_framework

# The vague-wording and passive-voice rules run only in documents that report results
# (test_rules_precision.py); these tests are about their patterns, on short texts.
pytestmark = pytest.mark.usefixtures("report_like")

GW = find_framework("General writing quality")
# Far above what these take now (well under a second each), far below what they took.
GENEROUS_CPU_SECONDS = 20


def _review(text: str, cancel: CancelToken | None = None) -> list:
    provider = LocalProvider(DocumentIndex([SectionInfo("s", "Section", text, 1, False)]))
    return provider.review(AnalysisRequest("s", "Section", text, GW), cancel or CancelToken())


HOSTILE = {
    "1 MB paragraph without spaces": lambda: "a" * (1 << 20),
    "64 KB of dots": lambda: "." * (1 << 16),
    "64 KB of exclamation marks before a word": lambda: "!" * (1 << 16) + " Next",
    "a doubled word 16,000 times": lambda: "the " * 16_000,
    "one sentence of 2,000 passives": lambda: "the change was approved and " * 2_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_reviewed_in_bounded_time(name):
    text = HOSTILE[name]()
    start = time.process_time()
    found = _review(text)
    assert time.process_time() - start < GENEROUS_CPU_SECONDS, name
    assert all(f.finding.anchored for f in found if f.finding.quote)


class CancelAfter(CancelToken):
    """Cancelled from the `n`-th time anyone asks: as if the user clicked Cancel then."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.asked = 0
        self.n = n

    @property
    def cancelled(self) -> bool:
        self.asked += 1
        return self.asked >= self.n


def test_cancel_is_checked_inside_a_rule_not_only_between_rules():
    # One section, so the ten checks between rules are not enough to see a Cancel
    # asked for the fortieth time: only the checks inside the rules' loops can.
    text = "The change was approved at nine. Some customers were charged twice. " * 1000
    token = CancelAfter(40)
    with pytest.raises(Cancelled):
        _review(text, token)
    assert token.asked == 40


def test_a_cancelled_document_pass_is_not_kept():
    text = "The change was approved at nine. " * 500
    provider = LocalProvider(DocumentIndex([SectionInfo("s", "Section", text, 1, False)]))
    request = AnalysisRequest("s", "Section", text, GW)
    with pytest.raises(Cancelled):
        provider.review(request, CancelAfter(5))
    found = provider.review(request, CancelToken())  # computed afresh, whole
    assert [rf.rule for rf in found] == ["passive-voice"]
    assert len(found[0].finding.quotes) == 500
