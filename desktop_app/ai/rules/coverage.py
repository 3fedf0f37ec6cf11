"""Framework checkpoints the document never touches.

Reported once per document, on its first section, for checkpoints with
keywords none of which occurs anywhere (titles included). Checkpoints without
keywords are about how the text is written and are never "not addressed".
Only for documents with the structure such checkpoints are about (at least
`MIN_SECTIONS` sections and `MIN_WORDS` words): a one-page note is not
expected to have a purpose statement and conclusions; nor is a reference
written for developers (code throughout), nor a template or a formatting
test, whose sample text ("I am some text I am some text ...") argues nothing.

So it is a rule for frameworks that describe a kind of document (an
investigation report must have a timeline, a design its alternatives): their
required parts carry keywords. "General writing quality" applies to any text,
and its checkpoints carry none: "the document never addresses 'Clear purpose' /
'Conclusions and next steps'" was judged 16 times, on manuals, licences, FAQs,
specifications and templates, and never kept - an FAQ's purpose is its title, a
licence has no conclusions, and keywords cannot tell where a reader expects them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.review.frameworks import Checkpoint

RULE = RuleSpec("checkpoint-coverage", "coverage", "minor", 0.5, "coverage",
                english=True)
MIN_SECTIONS = 5
MIN_WORDS = 2000


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A keyword or phrase as whole words, any case, any whitespace between words."""
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def addressed(checkpoint: Checkpoint, lower_text: str) -> bool:
    return any(keyword_pattern(k).search(lower_text) for k in checkpoint.keywords)


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return m.group(1) if m else text


def check(ctx: SectionContext) -> Iterator[Hit]:
    index = ctx.index
    if not index.complete or ctx.part != 1 or ctx.section_id != index.first_section_id:
        return
    if len(index.sections) < MIN_SECTIONS or index.words < MIN_WORDS or index.sample_text:
        return
    if index.acronyms.developers:
        return  # a reference for developers: its purpose is its subject, no conclusions
    for cp in index.uncovered(ctx.framework):
        terms = ", ".join(f'"{k}"' for k in cp.keywords[:6])
        more = ", \u2026" if len(cp.keywords) > 6 else ""
        yield Hit(None, None,
                  issue=f'The document never addresses checkpoint {cp.id} "{cp.title}": none '
                        f"of its key terms ({terms}{more}) appears anywhere in it.",
                  suggestion=f"If the checkpoint applies to this document, add what it asks "
                             f"for: {_first_sentence(cp.look_for)}",
                  checkpoints=(cp.id,))
