"""Ranked retrieval over a document's paragraphs: BM25 with light stemming. No Qt.

    index = PassageIndex.from_document(doc)        # once per document (~0.3 s, 8k paragraphs)
    for hit in index.search("why did the pool run out", k=5): hit.score, hit.section_id ...

A passage is one readable block of a section: a paragraph, or a table row
(`iter_blocks`). The section's title is indexed with each of its passages,
so a question naming a section's subject finds that section's paragraphs,
and very short passages are scored as if of half the average length, so that
a stray line does not outrank the paragraph that answers.

Tokens: lowercase words, English stopwords dropped, a light suffix stemmer
(plural s, -ies, -ing, -ed, a final e) applied the same way to passages and
questions, and CJK text as overlapping character bigrams, the usual trick for
scripts without spaces. Scoring is Okapi BM25 (k1 = 1.5, b = 0.75).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.document.model import Document, iter_blocks

K1 = 1.5
B = 0.75
# The section title counts as if it appeared twice in each passage (and in its
# length), so a question naming a section's subject finds that section.
TITLE_WEIGHT = 2
# Lengths below this share of the average count as this: otherwise a three-word
# line ("RCA: root cause analysis.") outranks the paragraph that answers.
LENGTH_FLOOR = 0.5
# A passage that opens with the question's terms ("Burn rate: how quickly ...")
# is usually their definition, which is what "what is a burn rate?" asks for.
LEAD_BONUS = 1.3
_LEAD_TERMS = 4

_CJK = (r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
        r"\uff66-\uff9f")
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_CJK_RUN = re.compile(rf"[{_CJK}]")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren as at be because been
before being below between both but by can cannot could couldn did didn do does doesn doing
don down during each either else ever few for from further get got had hadn has hasn have
haven having he her here hers herself him himself his how however i if in into is isn it its
itself just let ll me might more most must mustn my myself neither no nor not now of off on
once only or other ought our ours ourselves out over own per re same shall shan she should
shouldn so some such than that the their theirs them themselves then there these they this
those through thus to too under until up upon us ve very via was wasn we were weren what
when where which while who whom whose why will with within without won would wouldn yet you
your yours yourself yourselves
tell say says said please explain describe show give list section document
""".split())

_VOWELS = frozenset("aeiouy")
_NO_UNDOUBLE = frozenset("lsz")


def stem(word: str) -> str:
    """A light, consistent suffix stripper; not a linguist's stemmer.

    What matters is that "outages", "outage" and "outaged" meet, and that
    short words ("is", "us", "bus", "news") are left alone.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    stripped = False
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            if len(base) >= 3 and _VOWELS.intersection(base):
                word, stripped = base, True
            break
    if (stripped and len(word) >= 3 and word[-1] == word[-2]
            and word[-1] not in _VOWELS and word[-1] not in _NO_UNDOUBLE):
        word = word[:-1]  # stopp(ed) -> stop, runn(ing) -> run
    if len(word) >= 4 and word.endswith("e"):
        word = word[:-1]  # configure / configured / configuring -> configur
    return word


# Words that ask for a definition; left out when matching a passage's opening terms.
_DEFINING = frozenset(stem(w) for w in ("mean", "means", "meaning", "define", "defined",
                                          "definition", "stand", "stands"))


def tokenize(text: str) -> list[str]:
    """Search terms of `text`: stemmed words without stopwords, CJK as bigrams."""
    out: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        token = match.group(0)
        if _CJK_RUN.match(token):
            if len(token) == 1:
                out.append(token)
            else:
                out.extend(token[i:i + 2] for i in range(len(token) - 1))
            continue
        if token in STOPWORDS or (len(token) == 1 and not token.isdigit()):
            continue
        out.append(stem(token))
    return out


@dataclass(frozen=True, slots=True)
class Passage:
    section_id: str
    title: str
    text: str
    position: int  # document order, over all passages
    block: int  # index of the block within its section; -1: the title of an empty section


@dataclass(frozen=True, slots=True)
class Hit:
    score: float
    section_id: str
    text: str
    passage: Passage

    def __iter__(self):  # (score, section_id, text), as callers unpack it
        return iter((self.score, self.section_id, self.text))


class PassageIndex:
    """BM25 over passages; immutable after construction, safe to share across threads."""

    def __init__(self, passages: Sequence[Passage], k1: float = K1, b: float = B) -> None:
        self.passages = list(passages)
        self.k1, self.b = k1, b
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._lengths: list[float] = []
        self._leads: list[tuple[str, ...]] = []
        title_terms: dict[str, list[str]] = {}
        for i, passage in enumerate(self.passages):
            terms = tokenize(passage.text)
            self._leads.append(tuple(terms[:_LEAD_TERMS]))
            title = title_terms.get(passage.section_id)
            if title is None:
                title = title_terms[passage.section_id] = tokenize(passage.title)
            counts = Counter(terms)
            length = len(terms)
            if passage.block >= 0:  # a title passage is the title already
                for term in title:
                    counts[term] += TITLE_WEIGHT
                length += TITLE_WEIGHT * len(title)
            self._lengths.append(max(1, length))
            for term, tf in counts.items():
                self._postings.setdefault(term, []).append((i, tf))
        n = len(self.passages)
        self._avg = (sum(self._lengths) / n) if n else 0.0
        floor = LENGTH_FLOOR * self._avg
        self._lengths = [max(length, floor) for length in self._lengths]
        self._idf = {term: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5))
                     for term, p in self._postings.items()}

    @classmethod
    def from_document(cls, document: Document) -> PassageIndex:
        return cls(document_passages(document))

    def __len__(self) -> int:
        return len(self.passages)

    def idf(self, term: str) -> float:
        """The inverse document frequency of a search term (0 for a term never seen)."""
        return self._idf.get(term, 0.0)

    def scores(self, query: str | Sequence[str], within: Iterable[str] | None = None
               ) -> dict[int, float]:
        """Passage index -> BM25 score, for passages matching at least one term.

        `query`: a question, or search terms already made by `tokenize`.
        """
        allowed = set(within) if within is not None else None
        scores: dict[int, float] = {}
        k1, b, avg = self.k1, self.b, self._avg or 1.0
        terms = tokenize(query) if isinstance(query, str) else list(query)
        for term in set(terms):
            postings = self._postings.get(term)
            if not postings:
                continue
            idf = self._idf[term]
            for i, tf in postings:
                if allowed is not None and self.passages[i].section_id not in allowed:
                    continue
                norm = k1 * (1 - b + b * self._lengths[i] / avg)
                scores[i] = scores.get(i, 0.0) + idf * tf * (k1 + 1) / (tf + norm)
        lead = tuple(t for t in terms if t not in _DEFINING)
        if 0 < len(lead) <= _LEAD_TERMS:
            for i in scores:
                if self._leads[i][:len(lead)] == lead:
                    scores[i] *= LEAD_BONUS
        return scores

    def search(self, query: str | Sequence[str], k: int = 5, within: Iterable[str] | None = None,
               *, distinct: bool = True) -> list[Hit]:
        """The `k` best passages, best first (ties in document order).

        `within`: only passages of these section ids. `distinct`: a passage
        whose text repeats a better one (boilerplate copied between chapters)
        is left out. Each hit unpacks as (score, section_id, paragraph_text).
        """
        scores = self.scores(query, within)
        hits: list[Hit] = []
        seen: set[str] = set()
        for i, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
            if len(hits) >= k:
                break
            passage = self.passages[i]
            if distinct:
                key = " ".join(passage.text.split()).lower()
                if key in seen:
                    continue
                seen.add(key)
            hits.append(Hit(score, passage.section_id, passage.text, passage))
        return hits

    def rank_sections(self, query: str, k: int = 5,
                      within: Iterable[str] | None = None) -> list[tuple[float, str]]:
        """Sections by their best passage's score, plus a little for their next two.

        Only the next two: summing every match would favour the longest
        sections, whatever they are about.
        """
        top: dict[str, list[float]] = {}
        for i, score in self.scores(query, within).items():
            scores = top.setdefault(self.passages[i].section_id, [])
            scores.append(score)
            scores.sort(reverse=True)
            del scores[3:]
        ranked = sorted(((s[0] + 0.1 * sum(s[1:]), sid) for sid, s in top.items()),
                        key=lambda item: -item[0])
        return ranked[:max(0, k)]


def document_passages(document: Document) -> list[Passage]:
    """Every readable block of every section, in document order.

    A section without body text (a chapter heading whose text is all in its
    subsections) still gets one passage, its title, so it can be found.
    """
    out: list[Passage] = []
    for section in document.walk():
        if not section.reviewable:  # a table of contents repeats the headings: no answer
            continue
        blocks = list(iter_blocks(section.paragraphs))
        if not any(block.strip() for block in blocks):
            if section.title.strip():
                out.append(Passage(section.id, section.title, section.title, len(out), -1))
            continue
        for j, block in enumerate(blocks):
            if block.strip():  # `block` keeps its index: the context packer counts on it
                out.append(Passage(section.id, section.title, block, len(out), j))
    return out
