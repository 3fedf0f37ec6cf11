"""Anchor quotes that are not a section finding's: key facts, and document-level findings.

The same anchoring as a section finding's quote (`anchoring.py`: verbatim,
then normalised, then a close passage, else unanchored), applied to

- each key fact, in the section it came from;
- each quote of a document-level finding, in the section it names. A model
  comparing many sections sometimes names the wrong one: a quote that does
  not anchor in its section but stands verbatim (or with whitespace, quotes
  and dashes normalised) in exactly one other section is moved there. No
  fuzzy search across sections: a near match in a section the model did not
  name is a guess, and a guess is left unanchored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop_app.ai.anchoring import anchor_findings, normalise
from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding


def _probe(quote: str) -> Finding:
    return Finding(category="", severity="minor", confidence=0.0, quote=quote, issue="",
                   suggestion="")


def _anchor_quote(text: str, quote: str) -> Finding:
    probe = _probe(quote)
    anchor_findings(text, [probe])
    return probe


def anchor_facts(section_text: str, facts: Sequence[Fact]) -> None:
    """Set `anchored`, `start`, `end` (and correct `quote`) on each fact, in place."""
    for fact in facts:
        probe = _anchor_quote(section_text, fact.quote)
        if probe.anchored:
            if probe.quote != fact.quote and fact.quote_original is None:
                fact.quote_original = fact.quote
            fact.quote, fact.start, fact.end = probe.quote, probe.start, probe.end
        fact.anchored = probe.anchored
        if not probe.anchored:
            fact.start = fact.end = None


def _exact_elsewhere(quote: str, texts: Mapping[str, str],
                     skip: str) -> tuple[str, int, int] | None:
    """The one other section holding `quote` verbatim or normalised: (id, start, end)."""
    found: list[tuple[str, int, int]] = []
    quote_norm = normalise(quote)[0].strip()
    for sid, text in texts.items():
        if sid == skip:
            continue
        pos = text.find(quote)
        if pos >= 0:
            found.append((sid, pos, pos + len(quote)))
        elif quote_norm:
            norm, index = normalise(text)
            npos = norm.find(quote_norm)
            if npos >= 0:
                found.append((sid, index[npos], index[npos + len(quote_norm) - 1] + 1))
        if len(found) > 1:
            return None
    return found[0] if found else None


def anchor_document_quote(quote: DocumentQuote, texts: Mapping[str, str]) -> None:
    """Anchor one quote in its section (or the one other section that holds it verbatim)."""
    text = texts.get(quote.section)
    if text is not None:
        probe = _anchor_quote(text, quote.quote)
        if probe.anchored:
            if probe.quote != quote.quote and quote.quote_original is None:
                quote.quote_original = quote.quote
            quote.quote, quote.start, quote.end = probe.quote, probe.start, probe.end
            quote.anchored = True
            return
    moved = _exact_elsewhere(quote.quote, texts, quote.section)
    if moved is not None:
        sid, start, end = moved
        passage = texts[sid][start:end]
        if passage != quote.quote and quote.quote_original is None:
            quote.quote_original = quote.quote
        quote.section, quote.quote, quote.start, quote.end = sid, passage, start, end
        quote.anchored = True
        return
    quote.anchored = False
    quote.start = quote.end = None


def anchor_document_findings(findings: Sequence[DocumentFinding],
                             texts: Mapping[str, str]) -> None:
    """Anchor every quote of every finding; `texts`: section id -> section text."""
    for finding in findings:
        for quote in finding.quotes:
            anchor_document_quote(quote, texts)
