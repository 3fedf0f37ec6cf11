"""Passive voice that hides who acted: "the change was approved".

Precision over recall (GW-08: "do not flag every passive mechanically"): no
finding when the actor is named ("by the reviewer"), in subordinate and relative
clauses ("until the incident was declared", "who had been told"), for
participles that read as adjectives ("is based in", "were not involved"), or
for affirmative present-tense passives, which describe how things work ("orders
are placed") rather than hide who did something; "is not validated" still counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext

RULE = RuleSpec("passive-voice", "clarity", "suggestion", 0.5, "passive")

_ADVERB = r"(?:not|never|also|then|still|already|always|often|now|just|all|both|first|" \
          r"later|since|thereby|[a-z]+ly)"
_PASSIVE = re.compile(
    rf"\b(?P<be>am|is|are|was|were|be|been|being)(?P<adv>(?:\s+{_ADVERB}){{0,3}})\s+"
    rf"(?:being\s+)?(?P<pp>[a-z]+)\b(?!-)", re.IGNORECASE)

# participle -> simple past, for the example rewrite
_IRREGULAR = {
    "beaten": "beat", "begun": "began", "bought": "bought", "brought": "brought",
    "broken": "broke", "built": "built", "caught": "caught", "chosen": "chose", "cut": "cut",
    "dealt": "dealt", "drawn": "drew", "driven": "drove", "fed": "fed", "forbidden": "forbade",
    "forgotten": "forgot", "found": "found", "frozen": "froze", "given": "gave",
    "heard": "heard", "held": "held", "hidden": "hid", "hit": "hit", "hurt": "hurt",
    "kept": "kept", "laid": "laid", "led": "led", "left": "left", "lent": "lent",
    "lost": "lost", "made": "made", "met": "met", "misled": "misled", "overridden": "overrode",
    "overseen": "oversaw", "overtaken": "overtook", "paid": "paid", "proven": "proved",
    "put": "put", "read": "read", "rebuilt": "rebuilt", "rewritten": "rewrote", "run": "ran",
    "said": "said", "seen": "saw", "sent": "sent", "set": "set", "shown": "showed",
    "shut": "shut", "sold": "sold", "sought": "sought", "spent": "spent", "split": "split",
    "spoken": "spoke", "spread": "spread", "stolen": "stole", "struck": "struck",
    "taken": "took", "taught": "taught", "thought": "thought", "thrown": "threw",
    "told": "told", "torn": "tore", "understood": "understood", "undertaken": "undertook",
    "upheld": "upheld", "withdrawn": "withdrew", "withheld": "withheld", "won": "won",
    "written": "wrote",
}
# Participles that after "be" usually describe a state, not an action.
_STATIVE = frozenset("""
    absorbed accustomed acquainted advanced aligned amazed annoyed ashamed associated based
    balanced bored complicated composed comprised concerned confused connected convinced
    committed crowded dedicated delighted designed detailed determined devoted disappointed
    embarrassed engaged entitled equipped excited exhausted expected experienced finished
    focused frightened inclined intended interested involved limited located married mixed
    needed obliged opposed pleased prepared qualified related satisfied scared situated
    skilled sophisticated supposed surprised talented tired used worried
    born bound done gone known meant mistaken stuck
""".split())
_NOT_PARTICIPLE = frozenset(
    "hundred sacred naked wicked rugged kindred hatred ragged wretched crooked beloved "
    "learned aged infrared embed shred".split())
_EED_PARTICIPLES = frozenset("agreed freed guaranteed decreed refereed disagreed".split())

_SUBORDINATORS = frozenset(
    "because since until till before after when whenever while whilst once if unless "
    "although though whereas whether that which who whom whose where how why what".split())
_COORDINATORS = frozenset("and but or nor yet so then therefore thus hence however "
                          "consequently meanwhile instead otherwise result".split())
_PRESENT = frozenset(("am", "is", "are"))
# Nobody to name: things exceed limits, the public shares posts, text is included.
_NO_ACTOR = frozenset("exceeded reached affected impacted exhausted overloaded saturated "
                      "triggered included excluded".split())
_GENERIC_ADVERBS = re.compile(r"\b(widely|generally|commonly|broadly|usually|typically|often|"
                              r"frequently|traditionally|largely|mostly)\b", re.IGNORECASE)
_DEFERRAL = re.compile(r"\bto be (?:added|completed|confirmed|determined|decided|written|"
                       r"provided|updated|agreed)\b", re.IGNORECASE)
_CLAUSE_PUNCT = re.compile(r"[,;()\u2013\u2014]|:(?=\s)|\s-\s")
_WORD = re.compile(r"[\w'-]+")
_NOT_AGENT = frozenset("default design mistake chance accident far hand then now noon midday "
                       "the end".split())
_DETERMINERS = frozenset("the a an this that these those its their our his her each every "
                         "all some no any".split())
_OBJECT_PRONOUN = {"it": "it", "they": "them", "he": "him", "she": "her", "we": "us",
                   "i": "me", "you": "you"}


def is_participle(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR:
        return True
    if w in _STATIVE or w in _NOT_PARTICIPLE or len(w) < 5 or not w.endswith("ed"):
        return False
    if w.startswith("un"):  # unaffected, unchanged, unexpected: adjectives
        return False
    return not w.endswith("eed") or w in _EED_PARTICIPLES


def _agent_follows(sentence: str, pos: int) -> bool:
    """A "by ..." naming the actor later in the same clause."""
    rest = _CLAUSE_PUNCT.split(sentence[pos:], maxsplit=1)[0]
    words = rest.split()[:10]
    for i, word in enumerate(words[:-1]):
        if word.lower() == "by":
            nxt = words[i + 1].lower().strip(".,;")
            return not nxt[:1].isdigit() and nxt not in _NOT_AGENT
    return False


def _clause_subject(sentence: str, be_pos: int) -> tuple[int, str] | None:
    """(start of the subject, subject) or None when the clause is subordinate."""
    clause_start = 0
    for m in _CLAUSE_PUNCT.finditer(sentence, 0, be_pos):
        clause_start = m.end()
    words = list(_WORD.finditer(sentence, clause_start, be_pos))
    start = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group().lower()
        if w in _SUBORDINATORS:
            return None
        if w in _COORDINATORS:
            following = words[i + 1].group() if i + 1 < len(words) else ""
            if not (w in ("and", "or") and following[:1].isdigit()):  # "items 1 and 3"
                break
        start = i
    subject_words = words[start:]
    if len(subject_words) > 6:
        subject_words = subject_words[-3:]
    if not subject_words:
        return be_pos, ""
    begin = subject_words[0].start()
    return begin, sentence[begin:be_pos].strip()


def _example(subject: str, be: str, adverbs: str, pp: str) -> str | None:
    if be.lower() not in ("was", "were") or adverbs.strip():
        return None
    past = _IRREGULAR.get(pp.lower(), pp.lower())
    words = subject.split()
    if not words or any(w.lower() in ("had", "has", "have", "will", "would", "could",
                                      "should", "must", "may", "might", "can") for w in words):
        return None
    first = words[0]
    if len(words) == 1 and first.lower() in _OBJECT_PRONOUN:
        obj = _OBJECT_PRONOUN[first.lower()]
    elif first.lower() in _DETERMINERS:
        obj = " ".join([first.lower(), *words[1:]])
    else:
        obj = subject
    return f"[who] {past} {obj}"


def check(ctx: SectionContext) -> Iterator[Hit]:
    for span in ctx.sentences:
        sentence = span.text
        for m in _PASSIVE.finditer(sentence):
            if not is_participle(m.group("pp")) or _agent_follows(sentence, m.end()):
                continue
            if m.group("pp").lower() in _NO_ACTOR or _GENERIC_ADVERBS.search(m.group("adv")):
                continue
            negated = re.search(r"\bnot\b|n't", m.group("adv")) is not None
            if m.group("be").lower() in _PRESENT and not negated:
                continue  # "orders are placed": describes how things work, no one to name
            if _DEFERRAL.match(sentence, max(0, m.start() - 3)):
                continue  # "to be added": the placeholder and thin-section rules say it
            subject = _clause_subject(sentence, m.start())
            if subject is None:
                continue
            begin, subject_text = subject
            phrase = sentence[begin:m.end()]
            example = _example(subject_text, m.group("be"), m.group("adv"), m.group("pp"))
            how = f'e.g. "{example} \u2026"' if example else "as the subject of the sentence"
            yield Hit(
                span.start + begin, span.start + m.end(),
                issue=f'Passive voice: "{phrase}" does not say who did it.',
                suggestion=f"Name the person, team or system that acted, {how}, unless the "
                           "actor is unknown or does not matter here.",
                term=m.group("pp").lower(),
            )
