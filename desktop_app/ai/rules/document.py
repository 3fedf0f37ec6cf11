"""The document-level index the built-in reviewer builds once per document. No Qt.

Some rules need the whole document: an acronym is "undefined" only if no
earlier section defines it, a spelling is inconsistent only against the rest.
The index keeps each section's text in document order and what those rules
found, keyed by section; a request then only looks its section up.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from desktop_app.ai.rules import (
    acronyms,
    coverage,
    filler_text,
    genre,
    length,
    misspellings,
    numbers,
    spelling,
)
from desktop_app.ai.rules.base import THIN_WORDS
from desktop_app.document.model import Document, SectionOrigin, count_words
from desktop_app.review.frameworks import Checkpoint, Framework


@dataclass(frozen=True, slots=True)
class SectionInfo:
    id: str
    title: str
    text: str
    level: int = 1
    has_children: bool | None = None  # None: not known (no document around the text)
    preamble: bool = False
    # Where a paragraph inside a table cell starts after another one (offsets in
    # `text`, sorted): the text joins them with a space, but no sentence crosses one.
    breaks: tuple[int, ...] = ()
    # What the document formats as code (code paragraphs and runs, see
    # document/code_spans.py), as sorted (start, end) offsets in `text`: every rule
    # leaves it alone (`Literals`, `SectionContext.in_code`).
    code: tuple[tuple[int, int], ...] = ()
    # The paragraphs the document styles as quotations (`Paragraph.quote`), as sorted
    # (start, end) offsets in `text` (see quotations.py).
    quotes: tuple[tuple[int, int], ...] = ()
    figure: bool = False  # a picture, chart or object among its paragraphs


def _thin_is_normal(sections: Sequence[SectionInfo]) -> bool:
    """More than 3 short leaf sections, and more than a fifth of them."""
    from desktop_app.ai.rules.thin import is_reference

    leaves = [s for s in sections if s.has_children is False and s.level > 0
              and not s.preamble and not is_reference(s.title)]
    short = sum(count_words(s.text) < THIN_WORDS for s in leaves)
    return short > max(3, 0.2 * len(leaves))


def first_heading(sections: Sequence[SectionInfo]) -> SectionInfo | None:
    """The document's first heading: with nothing under it, its title (see thin.py)."""
    return next((s for s in sections if s.level > 0 and not s.preamble), None)


def _empty_is_normal(sections: Sequence[SectionInfo]) -> bool:
    """Empty leaf headings used as title lines (a form, a questionnaire) are a style:
    two or more of them, or more than a twentieth of the leaves. The document's title
    is not one of them."""
    title = first_heading(sections)
    leaves = [s for s in sections if s.has_children is False and s.level > 0
              and not s.preamble and s is not title]
    # A heading over a picture alone counts: in a title block it is a title line
    # over a logo (a football league's minutes in the corpus, stress015).
    empty = sum(not s.text.strip() for s in leaves)
    return empty >= 2 or (len(leaves) >= 20 and empty > 0.05 * len(leaves))


# The commonest English words: a fifth or more of English prose (0.16-0.43 in the
# evaluation documents, software guides lowest); 0.07 or less in Arabic, Russian,
# French, German and Slovak corpus documents and in lorem ipsum.
_ENGLISH_WORDS = frozenset("the of and to in a is that for it as with was on be by this are or "
                           "at from an not which have has will can".split())
_ENGLISH_SHARE = 0.10
_LETTERS = re.compile(r"[^\W\d_]+")


def is_english(text: str, sample: int = 200_000) -> bool:
    """Whether `text` (its first `sample` characters) is English prose. The English
    rules on other languages were all noise or wrong: "KUNDE" (German for client)
    an undefined acronym, Arabic sentences "too long" by an English count, French
    names in capitals. Too few words to tell (a heading, a table of figures): yes."""
    words = _LETTERS.findall(text[:sample].lower())
    if len(words) < 30:
        return True
    return sum(w in _ENGLISH_WORDS for w in words) >= _ENGLISH_SHARE * len(words)


# A document a quarter of whose words are filler text is a template or a test of
# formatting: what its text argues is nobody's point.
FILLER_SHARE = 0.25

_REQUIREMENT = re.compile(r"\b(?:shall|must|may not|should|is required to|are required to)\b",
                          re.IGNORECASE)


def _normative(sections: Sequence[SectionInfo]) -> bool:
    """Legal text, a specification or a manual of duties: at least 15 % of its
    sentences state a requirement. Its "appropriate", "substantially", "as soon
    as practicable" are deliberate standards, not vague writing."""
    total, required = _sentences_matching(sections, _REQUIREMENT)
    return total >= 10 and required >= 0.15 * total


def _sentences_matching(sections: Sequence[SectionInfo], pattern: re.Pattern[str]
                        ) -> tuple[int, int]:
    """(sentences of six words or more, how many of them `pattern` finds something in)."""
    from desktop_app.ai.rules.text import sentences_of

    total = matching = 0
    for s in sections:
        for span in sentences_of(s.text, s.breaks):
            if span.words >= 6:
                total += 1
                matching += pattern.search(span.text) is not None
    return total, matching


# A figure a reader can check: a percentage or an amount of money.
_FIGURE = re.compile(r"\d\s?%|\bper\s?cent\b|\bpercent(?:age)?\b|[$\u20ac\u00a3]\s?\d",
                     re.IGNORECASE)
_FIGURE_SHARE = 0.015
_FIGURE_SENTENCES = 2


def _reports_figures(sections: Sequence[SectionInfo]) -> bool:
    """The document states measured results in its prose: at least 1.5 % of its
    sentences (and two or more) give a percentage or an amount of money - a survey,
    a report, a plan with a budget. There a vague amount ("a substantial number of
    this workforce") stands where the reader expects the figure; in essays, tutorials,
    design notes and FAQs none gives one, and "a lot of files", "quite a number of
    projects" are their register (all 16 such findings in the evaluation were noise)."""
    total, figures = _sentences_matching(sections, _FIGURE)
    return figures >= max(_FIGURE_SENTENCES, _FIGURE_SHARE * total)


class DocumentIndex:
    """Immutable once built; safe to share between worker threads."""

    def __init__(self, sections: Sequence[SectionInfo], *, complete: bool = True) -> None:
        self.sections = tuple(sections)
        self.complete = complete  # False: one request's text, without its document
        self._by_id = {s.id: s for s in self.sections}
        self._order = {s.id: n for n, s in enumerate(self.sections)}
        self.words = sum(count_words(s.text) for s in self.sections)
        # Written for readers who know its field's tools (see genre.py): the acronym,
        # vague-wording and passive rules stay silent on what those readers know.
        self.technical = genre.is_technical(self.sections, self.words)
        self.acronyms = acronyms.scan(self.sections, technical=self.technical)
        self.spelling = spelling.scan(self.sections)
        self.misspellings = misspellings.scan(self.sections)
        self.numbers = numbers.scan(self.sections)
        self.thin_is_normal = _thin_is_normal(self.sections)
        self.empty_is_normal = _empty_is_normal(self.sections)
        self.sentence_limit = length.scan(self.sections)
        self.normative = _normative(self.sections)
        self._lower = "\n".join(f"{s.title}\n{s.text}" for s in self.sections).lower()
        self._uncovered: dict[Framework, tuple[Checkpoint, ...]] = {}
        self._lock = threading.Lock()
        digest = hashlib.blake2b(digest_size=8)
        for s in self.sections:
            digest.update(f"{s.id}\x00{s.title}\x00{s.text}\x00{s.code}\x01".encode())
        self.digest = digest.hexdigest()

    @classmethod
    def from_document(cls, doc: Document) -> DocumentIndex:
        # A table of contents is not text of the document.
        return cls([SectionInfo(s.id, s.title, s.text, s.level, bool(s.children),
                                s.origin == SectionOrigin.PREAMBLE, s.cell_breaks, s.code_spans,
                                s.quote_spans, doc.has_figure(s))
                    for s in doc.walk() if s.reviewable])

    @cached_property
    def english(self) -> bool:
        """Written in English: the rules that read English words run only then (see
        `is_english`)."""
        return is_english("\n".join(s.text for s in self.sections))

    @cached_property
    def reports_figures(self) -> bool:
        """States measured results (see `_reports_figures`). Computed only if asked."""
        return _reports_figures(self.sections)

    @cached_property
    def report_like(self) -> bool:
        """Reports results to readers who are not specialists of its tools: it states
        figures (`reports_figures`) and is not technical (genre.py) - a survey, a report,
        a plan, the handbook. The only documents where editors kept "most managers",
        "a lot of time" or a passive that hides who acted (see vague.py, passive.py)."""
        return self.reports_figures and not self.technical and not self.acronyms.developers

    @cached_property
    def sample_text(self) -> bool:
        """Sample text ("I am some text" x 35), or filler text for a quarter of its words
        (see filler_text.py): a template or a formatting test, whose words say nothing a
        checkpoint could be about. Computed only if asked."""
        if length.filler_share(self.sections) >= 0.02:
            return True
        filler_words = sum(filler_text.filler_words(s.text) for s in self.sections)
        return filler_words >= FILLER_SHARE * self.words

    @cached_property
    def filler_sections(self) -> tuple[str, ...]:
        """The sections with filler text the placeholder rule reports (lorem ipsum,
        Word's sample text), in document order: it reports it once, on the first."""
        return tuple(s.id for s in self.sections if filler_text.FILLER_START.search(s.text))

    @cached_property
    def shows_syntax(self) -> bool:
        """Shows code or a notation somewhere (see `placeholders.shows_syntax`): its
        angle brackets and "??" are notation, not slots or questions left open.
        Computed only if asked."""
        from desktop_app.ai.rules.placeholders import shows_syntax

        return shows_syntax(self.sections)

    @cached_property
    def marker_topics(self) -> frozenset[str]:
        """The markers ("TODO") the document is about, not gaps in it (see
        `placeholders.marker_topics`). Computed only if asked."""
        from desktop_app.ai.rules.placeholders import marker_topics

        return marker_topics(self.sections)

    @property
    def first_section_id(self) -> str | None:
        return self.sections[0].id if self.sections else None

    def text_before(self, section_id: str, chars: int) -> str:
        """The last `chars` characters of the section before this one: where a
        document without headings, cut into parts, goes on."""
        n = self._order.get(section_id, 0)
        return self.sections[n - 1].text[-chars:] if n > 0 else ""

    def section(self, section_id: str) -> SectionInfo | None:
        return self._by_id.get(section_id)

    def next_section(self, section_id: str) -> SectionInfo | None:
        """The section after this one in document order, if any."""
        n = self._order.get(section_id)
        return self.sections[n + 1] if n is not None and n + 1 < len(self.sections) else None

    def with_section(self, section_id: str, title: str, text: str) -> DocumentIndex:
        """This document with one section's text replaced (or appended, if unknown)."""
        if section_id in self._by_id:
            sections = [replace(s, title=title, text=text, breaks=(), code=())
                        if s.id == section_id
                        else s
                        for s in self.sections]
        else:
            sections = [*self.sections, SectionInfo(section_id, title, text)]
        return DocumentIndex(sections, complete=self.complete)

    def contains(self, fragment: str) -> bool:
        """Whether `fragment` (in lower case) occurs anywhere in the document's titles
        or text, ignoring case."""
        return fragment in self._lower

    def uncovered(self, framework: Framework) -> tuple[Checkpoint, ...]:
        """Checkpoints with keywords of which none occurs anywhere in the document."""
        with self._lock:
            cached = self._uncovered.get(framework)
        if cached is None:
            cached = tuple(cp for cp in framework.checkpoints
                           if cp.keywords and not coverage.addressed(cp, self._lower))
            with self._lock:
                self._uncovered[framework] = cached
        return cached
