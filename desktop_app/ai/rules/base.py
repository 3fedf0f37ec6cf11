"""What a rule sees (`SectionContext`) and what it reports (`Hit`). No Qt.

A rule is a module with a `RULE` (`RuleSpec`) and a `check(ctx)` generator of
hits. Offsets in a hit are in `ctx.text`, the text of the request, so the
provider can anchor each finding exactly where the rule saw the problem.

A rule that loops over a long text calls `ctx.checkpoint()` now and then, so
that Cancel stops it inside a long section, not only between rules; and it
keeps every step bounded (a window around the match, never "the rest of the
text"), so its time stays linear in the length of the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from desktop_app.ai.provider import Cancelled, CancelToken
from desktop_app.ai.rules.filler_text import filler_lines
from desktop_app.ai.rules.text import (
    Literals,
    Span,
    code_lines,
    literals_of,
    sentence_at,
    sentences_of,
)
from desktop_app.document.model import count_words
from desktop_app.review.frameworks import Framework

if TYPE_CHECKING:
    from desktop_app.ai.rules.document import DocumentIndex, SectionInfo


@dataclass(frozen=True, slots=True)
class RuleSpec:
    id: str  # e.g. "passive-voice"
    category: str
    severity: str
    confidence: float  # fixed: how often a hit of this rule is worth the reader's time
    family: str  # which checkpoints it relates to (see checkpoints.py)
    # The noise budget (see budget.py): findings of this rule shown per section and per
    # document, after repeats of one pattern were merged; None: no cap.
    section_cap: int | None = None
    document_cap: int | None = None
    # Reads English (its words, grammar or keywords): run only on a document in English.
    english: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    start: int | None  # in ctx.text; None: about the section or document as a whole
    end: int | None
    issue: str
    suggestion: str
    rewrite: str | None = None
    term: str | None = None  # the flagged word or phrase, for checkpoint mapping
    severity: str | None = None  # overrides the rule's default
    confidence: float | None = None
    checkpoints: tuple[str, ...] = ()  # added to the family's checkpoints
    # Hits of one rule with the same key in a section are one pattern: they become one
    # finding listing every occurrence (None: never merged, e.g. each typo has its fix).
    key: str | None = None
    # For a merged hit: every occurrence, the first one being (start, end).
    spans: tuple[tuple[int, int], ...] = ()


class Rule(Protocol):
    RULE: RuleSpec

    def check(self, ctx: SectionContext) -> Iterator[Hit]: ...


class SectionContext:
    """One request's text, with the document around it."""

    def __init__(self, *, section_id: str, title: str, text: str, framework: Framework,
                 index: DocumentIndex, base: int, part: int = 1, parts: int = 1,
                 cancel: CancelToken | None = None) -> None:
        self.section_id = section_id
        self.title = title
        self.text = text
        self.framework = framework
        self.index = index
        self.base = base  # where `text` starts in the indexed section text
        self.part = part
        self.parts = parts
        self.cancel = cancel

    def checkpoint(self) -> None:
        """Raise `Cancelled` if the user cancelled: rules call it inside long loops."""
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled(self.section_id)

    def sentence_at(self, offset: int) -> Span | None:
        return sentence_at(self.sentences, offset)

    @property
    def info(self) -> SectionInfo | None:
        return self.index.section(self.section_id)

    @cached_property
    def breaks(self) -> tuple[int, ...]:
        """Paragraph boundaries inside table cells in `text` (see `SectionInfo.breaks`),
        if the indexed section holds this text at `base`."""
        info = self.info
        if info is None or not info.breaks or not info.text.startswith(self.text, self.base):
            return ()
        lo = bisect_right(info.breaks, self.base)
        hi = bisect_left(info.breaks, self.base + len(self.text))
        return tuple(b - self.base for b in info.breaks[lo:hi])

    @cached_property
    def document_code(self) -> tuple[tuple[int, int], ...]:
        """What the document formats as code (see `SectionInfo.code`), as offsets in
        `text`, if the indexed section holds this text at `base`; () for text without
        a document around it (an edited section, the chat)."""
        info = self.info
        if info is None or not info.code or not info.text.startswith(self.text, self.base):
            return ()
        end = self.base + len(self.text)
        return tuple((max(a, self.base) - self.base, min(b, end) - self.base)
                     for a, b in info.code if a < end and b > self.base)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences_of(self.text, self.breaks)

    @cached_property
    def literals(self) -> Literals:
        """Code, URLs, field codes and quoted literals: not the author's prose."""
        return literals_of(self.text, self.document_code)

    @cached_property
    def filler_text(self) -> list[tuple[int, int]]:
        """The paragraphs that are filler text (lorem ipsum, Word's sample text)."""
        return filler_lines(self.text)

    def in_filler_text(self, offset: int) -> bool:
        return _in_spans(self.filler_text, offset)

    @cached_property
    def code(self) -> list[tuple[int, int]]:
        """Lines of code pasted into the prose (see `text.is_code_line`)."""
        return code_lines(self.text)

    def in_code(self, offset: int, end: int | None = None) -> bool:
        """Whether a hit at [offset, end) is in code: it starts in a line of code, or
        lies inside what the document formats as code (a prose sentence that starts
        with an inline command is still prose)."""
        if _in_spans(self.code, offset):
            return True
        end = offset + 1 if end is None or end <= offset else end
        return within(self.document_code, offset, end)

    def in_prose(self, hits: Iterable[Hit]) -> Iterator[Hit]:
        """`hits` in the order of the text, without those in code (a line of it, or what
        the document formats as code), an address or a quoted literal: there the writer
        is not the author."""
        for hit in sorted(hits, key=lambda h: h.start or 0):
            start = hit.start or 0
            if not self.literals.covers(start, hit.end) and not _in_spans(self.code, start):
                yield hit

    @cached_property
    def words(self) -> int:
        return count_words(self.text)

    @cached_property
    def thin(self) -> bool:
        """Too short to do its job (see the thin-section rule), children excluded."""
        info = self.info
        return (self.parts == 1 and info is not None and info.has_children is False
                and not info.preamble and info.level > 0 and self.words < THIN_WORDS)

    def local(self, offset: int, length: int) -> tuple[int, int] | None:
        """A span found by the document index (section offsets) in this request's text."""
        start = offset - self.base
        if start < 0 or start + length > len(self.text):
            return None  # in another part of the section
        return start, start + length


THIN_WORDS = 25


def within(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` is inside one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
