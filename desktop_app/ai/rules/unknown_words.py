"""Typos no hand-written list holds: "precsion", "docuemnt", "presure", "robusness".

Blind judges kept listing misspellings the list in misspellings.py lacked (thirteen in
heldout-85 alone). A word is taken for a typo only when all of these hold:
- it is in lower case, 7 letters or more, and used once in the whole document (a
  project's own term comes back: "backend", "structs", "manpage");
- it is no English word of SCOWL's American or British lists (dictionary_words.py),
  nor one of those with a common prefix or suffix ("unzipping", "reportee"), nor two
  of them joined ("hostkey", "modeline");
- one edit away (a letter dropped, added, changed, or two swapped; never the first
  letter or the last, where code names differ: "systemd", "pythonw", "graphicx") there
  is an English word that the document itself uses twice or more ("precsion" in a
  manual that says "precision" 22 times); or the edit is a classic slip, a letter
  doubled or undoubled or two letters swapped ("occurences", "promissed", "hiearchy").
Capitalised words (names), code, addresses and quoted text are left alone, as for the
hand list. Over the judged set this raised about 200 typos; the words it still takes
for typos are a project's jargon that happens to sit one letter from an English word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

_MIN_LETTERS = 7
# 30 letters at most: longer runs are no words, and the checks below cost the square of
# a word's length (hostile input: a megabyte of letters, tests/unit/test_local_rules_limits)
_TOKEN = re.compile(
    r"(?<![\w'\u2019./@\\$%#&*=<>|-])[a-z]{7,30}(?![\w'\u2019@/=(<>|\\-]|\.\w)")
_WORD = re.compile(r"[a-z]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SUFFIXES = (
    "abilities", "ability", "ization", "isation", "ations", "ation", "ities", "ity", "ings",
    "ing", "izes", "ized", "izing", "ize", "ises", "ised", "ising", "ise", "ments", "ment",
    "ness", "less", "ably", "able", "ibly", "ible", "ers", "er", "ees", "ee", "ed", "ly",
    "ful", "isms", "ism", "ists", "ist", "ally", "al", "ions", "ion", "ives", "ive", "es",
    "s")
_PREFIXES = (
    "un", "re", "pre", "non", "sub", "super", "multi", "inter", "over", "under", "co", "de",
    "dis", "mis", "auto", "micro", "meta", "hyper", "pseudo", "semi", "anti", "post", "mid",
    "out", "self", "bi", "tri", "uni", "extra", "intra", "ultra", "geo", "bio", "photo",
    "tele", "poly", "mono", "counter", "cross", "up", "down", "back")
_MIN_PART = 3
# Words that begin many others without making a compound: "promissed" is no "pro" and
# "missed" but a slip for "promised".
_NO_HEADS = frozenset("pro con per com dis mis sub par pre".split())


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """SCOWL's words, loaded on first use (65,000 of them; ~10 ms)."""
    from desktop_app.ai.rules.dictionary_words import WORDS_TEXT
    return frozenset(WORDS_TEXT.split())


class Guess(NamedTuple):
    word: str  # the English word meant
    uses: int  # how often the document uses it


def _stem_known(stem: str, dictionary: frozenset[str]) -> bool:
    if len(stem) < _MIN_PART:
        return False
    return (stem in dictionary or stem + "e" in dictionary
            or (stem[-1:] == stem[-2:-1] and stem[:-1] in dictionary)  # "zipping"
            or (stem.endswith("i") and stem[:-1] + "y" in dictionary))  # "copiers"


def _with_suffix(word: str, dictionary: frozenset[str]) -> bool:
    return any(word.endswith(s) and _stem_known(word[:-len(s)], dictionary)
               for s in _SUFFIXES)


def known(word: str) -> bool:
    """An English word, or one with a common prefix or suffix, or two of them joined."""
    dictionary = words()
    if word in dictionary or _with_suffix(word, dictionary):
        return True
    for prefix in _PREFIXES:
        rest = word[len(prefix):]
        if (word.startswith(prefix) and len(rest) >= _MIN_PART + 1
                and (rest in dictionary or _with_suffix(rest, dictionary))):
            return True
    return any(word[:i] in dictionary and word[:i] not in _NO_HEADS
               and (word[i:] in dictionary or _with_suffix(word[i:], dictionary))
               for i in range(_MIN_PART, len(word) - _MIN_PART + 1))


def _edits(word: str) -> Iterator[tuple[str, bool]]:
    """(edited word, a classic slip) one edit away. The first and last letters are
    kept, and so are the two letters a name's ending or a plural change ("exportfs",
    "regexes" beside "regexps"); a doubled letter at either end is a name's, not a slip
    ("mmapping", "mahjongg")."""
    n = len(word)
    for i in range(1, n - 1):
        inner = 1 < i < n - 2
        dropped = word[:i] + word[i + 1:]  # the typo has a letter too many
        yield dropped, inner and (word[i] == word[i - 1] or word[i] == word[i + 1])
        if i < n - 2:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:], True  # two swapped
        for c in _LETTERS:
            if c != word[i] and i < n - 2:
                yield word[:i] + c + word[i + 1:], False
            added = word[:i] + c + word[i:]  # the typo lost a letter
            yield added, c == word[i] or c == word[i - 1]
    for c in _LETTERS:
        yield word[:n - 1] + c + word[n - 1:], c == word[n - 2] or c == word[n - 1]


def guess(word: str, counts: Counter[str]) -> Guess | None:
    """The English word `word` is a typo of, if it is one (see the module's rules)."""
    if len(word) < _MIN_LETTERS or counts.get(word, 0) > 1 or known(word):
        return None
    dictionary = words()
    best: tuple[int, bool, str] | None = None
    for candidate, slip in _edits(word):
        if candidate not in dictionary:
            continue
        uses = counts.get(candidate, 0)
        if uses < 2 and not slip:
            continue
        rank = (uses, len(candidate) > len(word), candidate)  # a lost letter is likeliest
        if best is None or rank > best:
            best = rank
    return Guess(best[2], best[0]) if best else None


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word in lower case occurs in `texts` (titles and text)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text.lower()))
    return counts


def tokens(text: str) -> Iterator[re.Match[str]]:
    """The words of `text` the typo check reads: lower case, 7 letters or more, not
    glued to a path, an address or code."""
    return _TOKEN.finditer(text)
