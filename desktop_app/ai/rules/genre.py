"""Who a document is written for, from its text: signals the weak rules gate on. No Qt.

Seven rounds of patching the patterns of the acronym, vague-wording and passive
rules did not generalise to texts they had not seen (keep 0-6 % on 177 blind
findings). What separates the findings editors kept from the noise is not the
words but the kind of document: "never defined" acronyms, "most managers" and
"the image of nursing be raised" are kept in reports, plans, notices and a
handbook written for people; in manuals, specifications, release notes and FAQs
about software the same findings are noise ("KDE", "ELF", "Some changes were
necessary", "This was removed"). So those rules ask the document first.

`technical`: a text whose prose is full of code - options, paths, calls, markup -
written for readers who know its field's tools. Counted as runs of code per
1,000 words, without what only looks like code in prose for anyone: web and
e-mail addresses (the references of an essay, a job announcement's links), and
comparisons and dates in a table of results ("<0.005", "11/3/03"). Measured on
the 143 evaluation documents (rounds before .. heldout-13): reports, plans,
notices, licences, the handbook, essays 0-4.6; software manuals, specifications,
release notes, FAQs, design notes and contributor guides 5.3-135 (the developer
references of `acronyms.developers` from 22 up).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.ai.rules.text import literals_of
from desktop_app.document.model import count_words

TECHNICAL_CODE_PER_1K = 5
TECHNICAL_MIN_RUNS = 10  # code throughout, not a few options in a short note

# What only looks like code: an address, a comparison or a date in a table of figures.
_NOT_CODE = re.compile(r"://|^\(?www\.|^[\w.+-]+@[\w-]+\.|^[<>]=?\s?[\d.,]|^[\d/.,:-]+$")


def code_runs(sections: Sequence) -> int:
    """Runs of code in the sections' text (see the module docstring for what is not).

    Only what reads as code: what the document formats as code (`SectionInfo.code`)
    is left out. Counted, its inline names in a code font ("debian-devel", a role, a
    list) made 20 of the 206 evaluation documents technical, governance and history
    texts for general readers among them, and cost the planted-defect recall the
    recommendations those texts would have had raised."""
    runs = 0
    for s in sections:
        text = s.text
        runs += sum(_NOT_CODE.search(text[a:b].strip()) is None
                    for a, b in literals_of(text).code_runs)
    return runs


def is_technical(sections: Sequence, words: int | None = None) -> bool:
    """Written for readers who know its field's tools (see the module docstring)."""
    runs = code_runs(sections)
    if words is None:
        words = sum(count_words(s.text) for s in sections)
    return runs >= TECHNICAL_MIN_RUNS and runs * 1000 >= TECHNICAL_CODE_PER_1K * max(1, words)
