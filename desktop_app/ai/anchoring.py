"""Pin each finding's quote to the passage of the section it is about. No Qt.

A model copies quotes imperfectly: curly quotes become straight, line breaks and
table joints (" | ") become spaces, a word gets paraphrased. In order of trust:

1. the quote is in the text verbatim (or the finding already carries offsets
   that select exactly its quote, as the built-in rules do);
2. it is there once whitespace, typographic quotes and dashes, table joints and
   invisible characters are normalised (and, failing that, case) - the passage as
   it stands in the text becomes the quote;
3. a passage of about the same number of words is similar enough
   (`difflib` ratio >= `FUZZY_THRESHOLD`) - it becomes the quote;
4. otherwise the finding stays unanchored.

In cases 2 and 3 the model's wording is kept in `quote_original`. Whatever
happens, an anchored finding satisfies `text[start:end] == quote`.

A finding from one part of a section analysed in parts is about that part:
it is anchored in its own part first, and only then elsewhere in the section,
at the occurrence nearest to the part (`anchor_part_findings`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop_app.review.findings import Finding, Quote

FUZZY_THRESHOLD = 0.85
_MAX_DIAGONALS = 40  # candidate alignments ranked per quote, best voted first
_REFINED = 3  # of those, how many are refined with the full ratio
_COMMON_WORD_SHARE = 0.02  # words this frequent in a long text do not vote

_SPECIAL = re.compile(
    r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000|]+"  # whitespace runs, table joints
    r"|[\u200b-\u200d\u2060\ufeff\u00ad]"  # zero-width characters, soft hyphen
    r"|[\u2018\u2019\u201a\u201b\u2032`\u00b4]"  # single quotes
    r"|[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]"  # double quotes
    r"|[\u2010-\u2015\u2212]"  # hyphens and dashes
    r"|\u2026"  # ellipsis
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'()[]{}.,;:!?-"


def _replacement(ch: str) -> str:
    if ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
        return ""
    if ch in "\u2018\u2019\u201a\u201b\u2032`\u00b4":
        return "'"
    if ch in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb":
        return '"'
    if ch == "\u2026":
        return "..."
    if "\u2010" <= ch <= "\u2015" or ch == "\u2212":
        return "-"
    return " "  # a run of whitespace and/or table joints


def normalise(text: str) -> tuple[str, list[int]]:
    """The comparable form of `text` and, per output character, its source index."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
            index.extend(range(pos, m.start()))
        rep = _replacement(m.group()[0])
        if rep:
            out.append(rep)
            index.extend([m.start()] * len(rep))
        pos = m.end()
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


def _key(token: str) -> str:
    return token.strip(_EDGE_PUNCT).lower()


@dataclass(slots=True)
class _Match:
    start: int
    end: int


class _SectionIndex:
    """The section text normalised once, with a word index for the fuzzy search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self.map = normalise(text)
        lower = self.norm.lower()
        self.lower = lower if len(lower) == len(self.norm) else None  # rare: İ and friends
        self._tokens: list[tuple[int, int]] | None = None
        self._keys: list[str] = []
        self._postings: dict[str, list[int]] = {}

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Normalised [nstart, nend) -> original [start, end), whole characters."""
        return self.map[nstart], self.map[nend - 1] + 1

    def find_normalised(self, quote_norm: str) -> _Match | None:
        pos = self.norm.find(quote_norm)
        if pos < 0 and self.lower is not None:
            pos = self.lower.find(quote_norm.lower())
        if pos < 0:
            return None
        return _Match(*self.span(pos, pos + len(quote_norm)))

    def find_elided(self, quote_norm: str) -> _Match | None:
        """A quote that skips words with "..." matched part by part, in order."""
        parts = [p for p in _ELLIPSIS.split(quote_norm) if p.strip()]
        if not parts or parts == [quote_norm] or sum(len(p.split()) for p in parts) < 4:
            return None
        hay = self.norm
        if self.lower is not None:
            hay, parts = self.lower, [p.lower() for p in parts]
        limit = max(400, 3 * len(quote_norm))  # the skipped text stays quote-sized
        first = hay.find(parts[0])
        while first >= 0:
            pos = first + len(parts[0])
            for part in parts[1:]:
                nxt = hay.find(part, pos)
                if nxt < 0 or nxt - first > limit:
                    break
                pos = nxt + len(part)
            else:
                return _Match(*self.span(first, pos))
            first = hay.find(parts[0], first + 1)
        return None

    def _build_words(self) -> None:
        self._tokens = [(m.start(), m.end()) for m in _WORD.finditer(self.norm)]
        self._keys = [_key(self.norm[s:e]) for s, e in self._tokens]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self._keys):
            postings[key].append(i)
        self._postings = dict(postings)

    def find_similar(self, quote_norm: str) -> _Match | None:
        """The best passage of about the quote's length whose ratio clears the bar.

        Candidates are word-aligned windows on "diagonals" (text word index minus
        quote word index) that enough of the quote's words vote for. The best
        voted diagonals are ranked by `quick_ratio` and only the top few are
        refined (start, then length) with the full `ratio`, so the cost does not
        grow with the length of the section or the number of similar passages.
        """
        if self._tokens is None:
            self._build_words()
        tokens = self._tokens
        assert tokens is not None
        qwords = [_key(w) for w in quote_norm.split()]
        n = len(qwords)
        if n == 0 or not tokens:
            return None
        common = max(50, int(len(tokens) * _COMMON_WORD_SHARE))
        voters = [(i, self._postings.get(w, ())) for i, w in enumerate(qwords)]
        rare = [(i, ps) for i, ps in voters if 0 < len(ps) <= common]
        votes: dict[int, int] = defaultdict(int)
        for i, positions in rare or [(i, ps) for i, ps in voters if ps]:
            for p in positions:
                votes[p - i] += 1
        if not votes:
            return None
        # An inserted or dropped word shifts the diagonal: pool neighbours, keep peaks.
        pooled = {d: sum(votes.get(d + k, 0) for k in (-2, -1, 0, 1, 2)) for d in votes}
        need = max(1, math.ceil(0.4 * (len(rare) if rare else n)))
        peaks = [d for d, v in pooled.items() if v >= need
                 and v >= pooled.get(d - 1, 0) and v >= pooled.get(d + 1, 0)]
        peaks.sort(key=lambda d: (-pooled[d], d))
        hay = self.lower if self.lower is not None else self.norm
        quote_cmp = quote_norm.lower() if self.lower is not None else quote_norm
        chars = SequenceMatcher(None, autojunk=False)
        chars.set_seq2(quote_cmp)
        words = SequenceMatcher(None, autojunk=False)
        words.set_seq2(qwords)
        keys = self._keys
        last_token = len(tokens) - 1

        def window(start: int, length: int) -> str:
            end = min(start + length - 1, last_token)
            return hay[tokens[start][0]:tokens[end][1]]

        def by_start(start: int) -> tuple[float, bool, int]:
            """Word ratio at the quote's length; on a tie, the window that starts alike."""
            words.set_seq1(keys[start:start + n])
            return words.ratio(), keys[start] == qwords[0], -start

        def by_length(length: int) -> tuple[float, bool, int]:
            words.set_seq1(keys[start:start + length])
            return words.ratio(), keys[min(start + length, len(keys)) - 1] == qwords[-1], -length

        ranked = []
        for d in peaks[:_MAX_DIAGONALS]:
            start = min(max(0, d), last_token)
            chars.set_seq1(window(start, n))
            ranked.append((chars.quick_ratio(), -start, start))
        ranked.sort(reverse=True)
        # Of the best few alignments, the best at the quote's length, then its start and
        # length refined word by word (cheap); the character ratio decides (once).
        top = [start for quick, _, start in ranked[:_REFINED] if quick >= FUZZY_THRESHOLD]
        if not top:
            return None
        d = -max(by_start(s) for s in top)[2]
        start = -max(by_start(s) for s in range(max(0, d - 2), min(last_token, d + 2) + 1))[2]
        length = -max(by_length(k) for k in range(max(1, n - 3), n + 4))[2]
        chars.set_seq1(window(start, length))
        if (chars.real_quick_ratio() < FUZZY_THRESHOLD or chars.quick_ratio() < FUZZY_THRESHOLD
                or chars.ratio() < FUZZY_THRESHOLD):
            return None
        last = min(start + length - 1, last_token)
        nstart, nend = tokens[start][0], tokens[last][1]
        # Punctuation the window picked up at its edges but the quote does not have.
        while nend - nstart > 1 and hay[nend - 1] in ",;:.!?" and quote_cmp[-1] != hay[nend - 1]:
            nend -= 1
        while nend - nstart > 1 and hay[nstart] in "(['\"" and quote_cmp[0] != hay[nstart]:
            nstart += 1
        return _Match(*self.span(nstart, nend))


def _unanchor(finding: Finding | Quote) -> None:
    finding.anchored = False
    finding.start = finding.end = None


class _LazyIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self._index: _SectionIndex | None = None

    def get(self) -> _SectionIndex:
        if self._index is None:
            self._index = _SectionIndex(self.text)
        return self._index


def _anchor_one(lazy: _LazyIndex, finding: Finding | Quote) -> None:
    text, quote = lazy.text, finding.quote
    if not quote or not quote.strip():
        _unanchor(finding)
        return
    s, e = finding.start, finding.end
    if s is not None and e is not None and 0 <= s < e <= len(text) and text[s:e] == quote:
        finding.anchored = True  # offsets set by whoever made it (the rules) and true
        return
    pos = text.find(quote)
    if pos >= 0:
        finding.anchored, finding.start, finding.end = True, pos, pos + len(quote)
        return
    quote_norm = normalise(quote)[0].strip()
    match = None
    if quote_norm:
        index = lazy.get()
        match = (index.find_normalised(quote_norm) or index.find_elided(quote_norm)
                 or index.find_similar(quote_norm))
    if match is None:
        _unanchor(finding)
        return
    passage = text[match.start:match.end]
    if finding.quote_original is None and passage != quote:
        finding.quote_original = quote
    finding.quote = passage
    finding.anchored, finding.start, finding.end = True, match.start, match.end


def anchor_findings(section_text: str, findings: list[Finding]) -> None:
    """Set `anchored`, `start`, `end` (and correct `quote`) on each finding, in place,
    and on each of its `quotes` (a section finding's quotes are all in its section)."""
    lazy = _LazyIndex(section_text)  # built only if some quote is not verbatim
    for finding in findings:
        _anchor_one(lazy, finding)
        for quote in finding.quotes:
            _anchor_one(lazy, quote)


def anchor_part_findings(section_text: str, part_start: int, part_text: str,
                         findings: list[Finding]) -> None:
    """Anchor the findings of the part of `section_text` that starts at
    `part_start`, in place, with offsets in the whole section text.

    Offsets a provider set are read as offsets in the part (what it was shown).
    A quote the part does not hold (the model quoted a neighbour) goes to the
    verbatim occurrence nearest to the part, then to the usual search.
    """
    part_end = part_start + len(part_text)
    lazy_part = _LazyIndex(part_text)
    lazy_whole: _LazyIndex | None = None
    for finding in findings:
        for quote in finding.quotes:  # a pattern's occurrences: all in this part
            _anchor_one(lazy_part, quote)
            if quote.anchored and quote.start is not None and quote.end is not None:
                quote.start += part_start
                quote.end += part_start
        _anchor_one(lazy_part, finding)
        if finding.anchored and finding.start is not None and finding.end is not None:
            finding.start += part_start
            finding.end += part_start
            continue
        pos = _nearest(section_text, finding.quote, part_start, part_end)
        if pos is not None:
            finding.anchored, finding.start, finding.end = True, pos, pos + len(finding.quote)
            continue
        if lazy_whole is None:
            lazy_whole = _LazyIndex(section_text)
        _anchor_one(lazy_whole, finding)


def _nearest(text: str, quote: str, start: int, end: int) -> int | None:
    """Where `quote` occurs verbatim in `text` nearest to [start, end), or None."""
    if not quote or not quote.strip():
        return None
    before = text.rfind(quote, 0, min(len(text), end + len(quote)))
    after = text.find(quote, start)
    candidates = [(max(0, start - before), before)] if before >= 0 else []
    if after >= 0:
        candidates.append((max(0, after - end), after))
    return min(candidates)[1] if candidates else None


def part_starts(text: str, parts: tuple[str, ...] | list[str]) -> list[int]:
    """Where each part begins in the section text (parts are cut between its lines)."""
    starts, at = [], 0
    for part in parts:
        found = text.find(part, at)
        starts.append(found if found >= 0 else at)
        at = (found if found >= 0 else at) + len(part)
    return starts


def anchor_parts(section_text: str, parts: tuple[str, ...] | list[str],
                 findings_by_part: list[list[Finding]]) -> None:
    """Anchor each part's findings on the section text, in their own part first."""
    if len(parts) <= 1:
        for findings in findings_by_part:
            anchor_findings(section_text, findings)
        return
    for start, part, findings in zip(part_starts(section_text, parts), parts, findings_by_part,
                                     strict=True):
        anchor_part_findings(section_text, start, part, findings)
