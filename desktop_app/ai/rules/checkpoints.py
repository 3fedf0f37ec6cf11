"""Which checkpoints of a framework a rule's finding relates to.

By cue words in a checkpoint's title or look-for text (a "Precise claims"
checkpoint for vague wording), and by the flagged words themselves when the
look-for text gives exactly them as an example ('"as soon as possible"',
'"some customers"').
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop_app.review.frameworks import Checkpoint, Framework

_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # family: (title, look_for)
    "overlong": (("concision", "concise", "readab", "sentence length"),
                 ("sentences of more than", "long sentences", "overlong")),
    "passive": (("active voice", "passive"), ("passive",)),
    "vague": (("precise", "precision", "vague"), ("vague quantifier", "vague word")),
    "acronym": (("acronym", "defined terms", "terminology"), ("acronym",)),
    "repeat": (("proofread", "typo"), ("repeated word", "typo")),
    "placeholder": (("placeholder",), ("placeholder",)),
    "thin": (("placeholder",), ("empty or one-line", "empty section", "one-line section")),
    "spelling": (("spelling",), ("spelling", "spelled")),
    "numbers": (("number format",), ("numbers written as", "number format", "five percent")),
}
_TERM_IS_CUE = frozenset({"placeholder"})  # "TBD" named in the look-for text


def _has(text: str, cue: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)" if cue[-1:].isalnum()
                     else r"(?<!\w)" + re.escape(cue), text) is not None


def _examples(cp: Checkpoint) -> set[str]:
    return {" ".join(q.lower().split()) for q in re.findall(r'"([^"]+)"', cp.look_for)}


@lru_cache(maxsize=1024)
def checkpoints_for(framework: Framework, family: str, terms: tuple[str, ...] = ()
                    ) -> tuple[str, ...]:
    title_cues, look_cues = _CUES.get(family, ((), ()))
    words = tuple(" ".join(t.lower().split()) for t in terms if t and t.strip())
    if family in _TERM_IS_CUE:
        # a marker ("TBD", "[insert name]"), not a quoted passage: a cue is compiled
        # into a pattern, and a whole lorem ipsum paragraph would be a huge one
        look_cues = look_cues + tuple(w for w in words if 2 < len(w) <= 40)
    found = []
    for cp in framework.checkpoints:
        title, look = cp.title.lower(), cp.look_for.lower()
        if (any(_has(title, c) for c in title_cues) or any(_has(look, c) for c in look_cues)
                or _examples(cp).intersection(words)):
            found.append(cp.id)
    return tuple(found)
