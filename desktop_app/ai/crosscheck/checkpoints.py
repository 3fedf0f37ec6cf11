"""Which framework checkpoints a cross-section finding relates to, by cue words. No Qt.

The per-section rules have their own table (`ai/rules/checkpoints.py`); these
are the cues for what only the whole document shows: "Structure and
signposting" for a reference to nothing, "Defined terms and acronyms" for an
acronym spelled out two ways, "Accuracy of numbers" and "Summary consistent
with the body" for one time given two values.
"""

from __future__ import annotations

from functools import lru_cache

from desktop_app.review.frameworks import Framework

_TITLE_CUES: dict[str, tuple[str, ...]] = {
    "missing-reference": ("signposting", "cross-reference", "references", "navigation"),
    "acronym-expansion": ("acronym", "defined terms", "terminology", "consistency of terms"),
    "conflicting-values": ("accuracy of numbers", "consistent with the body", "consistency",
                           "timeline", "figures"),
    "term-before-definition": ("defined terms", "terminology"),
}


@lru_cache(maxsize=256)
def checkpoints_for(framework: Framework, check: str) -> tuple[str, ...]:
    cues = _TITLE_CUES.get(check, ())
    return tuple(cp.id for cp in framework.checkpoints
                 if any(c in cp.title.lower() for c in cues))
