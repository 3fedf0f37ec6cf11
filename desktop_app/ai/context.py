"""What each section request carries of the rest of the document. No Qt.

    context = build_context(doc, ContextMode.WHOLE or None, models)   # once per document
    AnalysisRequest(..., context=context.for_request(section_id, part_text))

Three choices (`ContextMode`):

- `whole`: the outline (every section's id, title and level), the defined
  terms and acronyms with where each is defined, and the whole text, section
  by section under "[§ id] Title" header lines. The same for every section:
  it goes before a cache point and every request after the first reads it
  from Bedrock's prompt cache at a tenth of the input price.
- `related`: the outline and terms (shared and cached, trimmed to
  `ContextBudget.shared_tokens`), then, for this request alone, the passages of
  other sections that match it best (BM25 over the document's paragraphs,
  `retrieval.py`), best first up to `ContextBudget.related_tokens`, shown in
  document order.
- `section`: the section alone, as before there was shared context.

No choice given: `whole` when the whole text fits `ContextBudget.whole_tokens`
(and the model chain's context window), else `related`. `whole` asked for on
a document too large for the context window becomes `related`, with a note
saying so. All document text goes in verbatim between the markers of
`prompts`, marker look-alikes neutralised as in the section text.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.ai import prompts
from desktop_app.ai.model_limits import chain_limits
from desktop_app.ai.provider import ContextMode, RequestContext, context_identity
from desktop_app.ai.retrieval import PassageIndex, tokenize
from desktop_app.ai.terms import DefinedTerm, defined_terms
from desktop_app.ai.tokens import CHARS_PER_TOKEN, approx_tokens
from desktop_app.document.model import Document, Section

__all__ = ["ContextBudget", "ContextMode", "DocumentContext", "OutlineEntry", "build_context",
           "context_identity", "outline", "outline_text"]

# Room a request needs besides the whole text: instructions and framework (~3k
# tokens), a section part (up to ~14k), the answer (up to max_tokens_cap, 16k).
WINDOW_HEADROOM = 40_000
MAX_PASSAGE_CHARS = 1_500  # a long paragraph is cut: its opening says what it is about
_HITS = 60  # passages ranked per request before packing
_QUERY_TERMS = 40  # a request's most distinctive terms find its related passages
_COMMON_SHARE = 0.05  # terms in more passages than this say little about relatedness


@dataclass(frozen=True, slots=True)
class ContextBudget:
    """Token budgets (estimated, `tokens.py`)."""

    whole_tokens: int = 60_000  # the default picks `whole` up to this many tokens of text
    shared_tokens: int = 6_000  # `related`: outline and terms (cached)
    related_tokens: int = 3_000  # `related`: this request's passages (not cached)
    chars_per_token: float = CHARS_PER_TOKEN


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    id: str
    title: str
    level: int  # 0 = title / preamble / part; 1..9 heading levels


def outline(document: Document) -> list[OutlineEntry]:
    return [OutlineEntry(s.id, " ".join(s.title.split()), s.level) for s in document.walk()]


def _header(section_id: str, title: str) -> str:
    return f"[§ {section_id}] {prompts.neutralise(title) or '(untitled)'}"


def _outline_lines(entries: Sequence[OutlineEntry], max_level: int | None = None) -> list[str]:
    return ["  " * e.level + _header(e.id, e.title) for e in entries
            if max_level is None or e.level <= max_level]


def _term_line(term: DefinedTerm) -> str:
    return prompts.neutralise(f"- {term.term}: {term.meaning} [§ {term.section_id}]")


def _within(lines: list[str], budget: int, cpt: float) -> tuple[list[str], int]:
    """The first lines that fit `budget` tokens, and how many were left out."""
    used = 0
    for i, line in enumerate(lines):
        used += approx_tokens(line + "\n", cpt)
        if used > budget:
            return lines[:i], len(lines) - i
    return lines, 0


def _outline_block(entries: Sequence[OutlineEntry], budget: int | None, cpt: float) -> str:
    head = ("Outline (every section: [§ id] title, indented by heading level; level 0 is the "
            "title, preamble or an untitled part):")
    lines = _outline_lines(entries)
    if budget is not None and approx_tokens("\n".join(lines), cpt) > budget:
        # Too long: the deepest levels go first, so the shape of the document stays.
        levels = sorted({e.level for e in entries}, reverse=True)
        for level in levels[1:]:
            lines = _outline_lines(entries, level)
            if approx_tokens("\n".join(lines), cpt) <= budget:
                head += f" (sections below level {level} left out for length)"
                break
        lines, cut = _within(lines, budget, cpt)
        if cut:
            lines.append(f"... and {cut} more sections")
    return "\n".join([head, *lines])


def outline_text(entries: Sequence[OutlineEntry], budget: int | None = None,
                 chars_per_token: float = CHARS_PER_TOKEN) -> str:
    """The outline as the model reads it: "[§ id] Title", indented by level."""
    return _outline_block(entries, budget, chars_per_token)


def _terms_block(terms: Sequence[DefinedTerm], budget: int | None, cpt: float) -> str:
    if not terms:
        return "Defined terms and acronyms: none found."
    lines = [_term_line(t) for t in terms]
    if budget is not None:
        lines, cut = _within(lines, budget, cpt)
        if cut:
            lines.append(f"- ... and {cut} more definitions")
    return "\n".join(["Defined terms and acronyms (term: meaning [§ where defined]):", *lines])


def _section_text_block(section: Section) -> str:
    body = section.text
    return _header(section.id, " ".join(section.title.split())) + (
        "\n" + prompts.neutralise(body) if body.strip() else "")


def _whole_text(document: Document) -> str:
    return "\n\n".join(_section_text_block(s) for s in document.walk())


def _title_line(document: Document) -> str:
    title = " ".join(document.title.split())
    return f"Document title: {prompts.neutralise(title)}" if title else ""


@dataclass(slots=True)
class DocumentContext:
    """The shared context of one document; `for_request` gives each request its part.

    Immutable after construction and safe to share between worker threads.
    """

    mode: ContextMode
    requested: ContextMode | None  # what was asked for; None: the default by size
    note: str  # why this mode, in a sentence a reviewer can read
    outline: list[OutlineEntry]
    terms: list[DefinedTerm]
    shared: str  # the data block before the cache point ("" in `section` mode)
    shared_tokens: int
    document_tokens: int  # estimated tokens of the whole text, headers included
    budget: ContextBudget
    digest: str = ""  # of mode and shared text (the prompt cache's prefix)
    # Of the mode, the outline and the defined terms: what stored answers are kept under.
    # Not of the whole text: an edit in one section does not ask every other again.
    identity: str = ""
    _document: Document | None = field(default=None, repr=False)  # `related`: for the index
    _index: PassageIndex | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def passage_index(self) -> PassageIndex | None:
        """The BM25 index of `related` mode, built on first use (~1 s on the handbook),
        so that an estimate, which does not need it, does not wait for it."""
        with self._lock:
            if self._index is None and self._document is not None:
                self._index = PassageIndex.from_document(self._document)
            return self._index

    def for_request(self, section_id: str, text: str, title: str = "") -> RequestContext | None:
        """What the request for `text` (the section or one part of it) carries; None: nothing."""
        if self.mode is ContextMode.SECTION:
            return None
        related = ""
        if self.mode is ContextMode.RELATED:
            related = self.related_passages(section_id, f"{title}\n{text}")
        return RequestContext(self.mode, self.shared, related, self.digest)

    @staticmethod
    def _query_terms(index: PassageIndex, text: str) -> list[str]:
        """The text's most distinctive terms (tf x idf), common ones left out.

        A whole section as the query walks a posting list per word (30 ms a
        request on the handbook); the 40 best terms take 13 ms, and without
        the terms found in over 5 % of passages (whose lists are the long
        ones, and whose weight is small) 8 ms.
        """
        counts = Counter(tokenize(text))
        idf = index.idf
        n = len(index)
        common = max(_COMMON_SHARE * n, 10)  # in a short document no term is common
        floor = math.log(max(1e-9, 1 + (n - common + 0.5) / (common + 0.5)))
        ranked = sorted((t for t in counts if idf(t) >= floor),
                        key=lambda t: (-math.sqrt(counts[t]) * idf(t), t))
        return ranked[:_QUERY_TERMS]

    def related_passages(self, section_id: str, query: str) -> str:
        """Passages of other sections that best match `query`, as a data block.

        Best first while they fit `budget.related_tokens` (markers and section
        header lines counted), then shown in document order under their headers.
        """
        index = self.passage_index()
        if index is None or not query.strip():
            return ""
        others = [e.id for e in self.outline if e.id != section_id]
        titles = {e.id: e.title for e in self.outline}
        cpt = self.budget.chars_per_token
        used = approx_tokens(prompts.data_block(prompts.RELATED_BEGIN, prompts.RELATED_END, ""),
                             cpt)
        chosen: list[tuple[int, str, str]] = []
        headed: set[str] = set()
        for hit in index.search(self._query_terms(index, query), k=_HITS, within=others):
            text = prompts.neutralise(hit.text if len(hit.text) <= MAX_PASSAGE_CHARS else
                                      hit.text[:MAX_PASSAGE_CHARS - 1].rstrip() + "\u2026")
            cost = approx_tokens(text, cpt) + 1
            if hit.section_id not in headed:  # counted whole: it may split a run of another's
                cost += approx_tokens(_header(hit.section_id, titles.get(hit.section_id, "")),
                                      cpt) + 1
            if used + cost > self.budget.related_tokens:
                continue  # a shorter passage further down may still fit
            chosen.append((hit.passage.position, hit.section_id, text))
            headed.add(hit.section_id)
            used += cost
        if not chosen:
            return ""
        lines: list[str] = []
        current = None
        for _, sid, text in sorted(chosen):
            if sid != current:
                lines.append(_header(sid, titles.get(sid, "")))
                current = sid
            lines.append(text)
        return prompts.data_block(prompts.RELATED_BEGIN, prompts.RELATED_END, "\n".join(lines))


def _data(document: Document, *parts: str) -> str:
    body = "\n\n".join(p for p in (_title_line(document), *parts) if p)
    return prompts.data_block(prompts.CONTEXT_BEGIN, prompts.CONTEXT_END, body)


def build_context(document: Document, mode: ContextMode | str | None = None,
                  models: Sequence[str] = (), budget: ContextBudget | None = None,
                  index: PassageIndex | None = None) -> DocumentContext:
    """The context for every request of `document`.

    `mode` None: by size (see the module doc). `models`: the chain, whose
    smallest context window bounds `whole`. `index`: a `PassageIndex` already
    built for the document (the chat has one), to save building another.
    """
    budget = budget or ContextBudget()
    requested = ContextMode(mode) if mode is not None else None
    cpt = budget.chars_per_token
    entries = outline(document)
    terms = defined_terms(document)
    whole = _whole_text(document)
    doc_tokens = approx_tokens(whole, cpt)
    window = chain_limits(tuple(models)).context_window
    hard_limit = max(0, window - WINDOW_HEADROOM)
    full_shared = _data(document, _outline_block(entries, None, cpt),
                        _terms_block(terms, None, cpt), "Full text, section by section:\n" + whole)
    full_tokens = approx_tokens(full_shared, cpt)

    if requested is ContextMode.SECTION:
        chosen, note = ContextMode.SECTION, "this section only, as asked"
    elif requested is ContextMode.WHOLE and full_tokens <= hard_limit:
        chosen, note = ContextMode.WHOLE, f"the whole document (~{full_tokens:,} tokens), as asked"
    elif requested is ContextMode.WHOLE:
        chosen = ContextMode.RELATED
        note = (f"related passages: the whole document (~{full_tokens:,} tokens) does not fit "
                f"the model's context window ({window:,} tokens) beside the section")
    elif requested is ContextMode.RELATED:
        chosen, note = ContextMode.RELATED, "related passages, as asked"
    elif full_tokens <= min(budget.whole_tokens, hard_limit):
        chosen = ContextMode.WHOLE
        note = f"the whole document: it is small enough (~{full_tokens:,} tokens)"
    else:
        chosen = ContextMode.RELATED
        note = (f"related passages: the whole document (~{full_tokens:,} tokens) is over the "
                f"{min(budget.whole_tokens, hard_limit):,}-token budget for whole-document context")

    if chosen is ContextMode.WHOLE:
        shared = full_shared
    elif chosen is ContextMode.RELATED:
        # Terms take at most a third of the shared budget; the outline the rest.
        terms_text = _terms_block(terms, budget.shared_tokens // 3, cpt)
        outline_budget = budget.shared_tokens - approx_tokens(terms_text, cpt) - 200
        shared = _data(document, _outline_block(entries, outline_budget, cpt), terms_text)
    else:
        shared = ""
    digest = hashlib.blake2b(f"{chosen.value}\x00{shared}".encode(), digest_size=8).hexdigest()
    structure = "\n".join([chosen.value, *_outline_lines(entries), *map(_term_line, terms)])
    identity = hashlib.blake2b(structure.encode("utf-8", "surrogatepass"),
                               digest_size=8).hexdigest()
    related = chosen is ContextMode.RELATED
    return DocumentContext(chosen, requested, note, entries, terms, shared,
                           approx_tokens(shared, cpt), doc_tokens, budget, digest, identity,
                           document if related else None, index if related else None)
