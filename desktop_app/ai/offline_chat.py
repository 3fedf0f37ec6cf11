"""Chat with the built-in reviewer: a ranked search of the document, said as such. No Qt.

There is no model offline, so the answer does not pretend to be one: it says
it is a search, then quotes the passages that best match the question (BM25,
`retrieval.py`), each under its [§ id] citation (shown as the section's title). It comes as
the same `StreamDelta`s and `StreamEnd` as a Bedrock answer, so the chat
panel has one code path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.bedrock import StreamDelta, StreamEnd
from desktop_app.ai.provider import Cancelled, CancelToken, Usage
from desktop_app.ai.retrieval import Hit, PassageIndex, tokenize
from desktop_app.document.model import Document

OFFLINE_PREFIX = "This is a search of the document, not a model"
INTRO = f"{OFFLINE_PREFIX}: the passages that best match your question are:"
NO_TERMS = ("This is a search of the document, not a model, and your question has no words "
            "to search for. Ask with the words the document would use (names, terms, figures).")
NO_MATCH = ("This is a search of the document, not a model, and no passage of {where} "
            "contains the words of your question. Try other words{hint}.")


def found_nothing(answer: str) -> bool:
    """The search's answer says no passage matched (NO_TERMS, NO_MATCH): nothing in it
    to make a finding of."""
    return answer.startswith(f"{OFFLINE_PREFIX}, and ")


TOP_K = 4
QUOTE_CHARS = 600  # a longer passage is cut to its best-matching sentences
CHUNK_CHARS = 40  # the answer is streamed in pieces of about this size

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape_markdown(text: str) -> str:
    """Quoted document text shown literally, not read as Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def best_excerpt(text: str, query_terms: set[str], limit: int = QUOTE_CHARS) -> str:
    """The passage, or its sentences around the best-matching one when it is long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sentences = [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]
    if not sentences:
        return text[:limit - 1] + "…"
    scores = [len(query_terms.intersection(tokenize(s))) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    lo = hi = best
    size = len(sentences[best])
    while True:  # grow around the best sentence, preferring the following one
        grew = False
        for j in (hi + 1, lo - 1):
            if 0 <= j < len(sentences) and (j > hi or j < lo) \
                    and size + len(sentences[j]) + 1 <= limit:
                size += len(sentences[j]) + 1
                lo, hi = min(lo, j), max(hi, j)
                grew = True
        if not grew:
            break
    excerpt = " ".join(sentences[lo:hi + 1])
    if len(excerpt) > limit:
        excerpt = excerpt[:limit - 1].rstrip()
    return ("… " if lo > 0 else "") + excerpt + (" …" if hi < len(sentences) - 1 else "")


def offline_answer(document: Document, question: str, *, scope: str = "document",
                   section_id: str | None = None, index: PassageIndex | None = None,
                   k: int = TOP_K) -> tuple[str, list[Hit]]:
    """The answer's Markdown and the passages it quotes."""
    terms = set(tokenize(question))
    if not terms:
        return NO_TERMS, []
    index = index or PassageIndex.from_document(document)
    within = None
    section = document.section(section_id) if section_id else None
    if scope == "section" and section is not None:
        within = [s.id for s in section.walk()]
    hits = index.search(question, k=k, within=within)
    if not hits:
        if within is not None:
            return NO_MATCH.format(where="this section", hint=", or ask about the whole "
                                   "document"), []
        return NO_MATCH.format(where="the document", hint=""), []
    lines = [INTRO, ""]
    for n, hit in enumerate(hits, 1):
        # The citation shows as a link titled by its section (the chat panel).
        lines.append(f"**{n}.** [§ {hit.section_id}]")
        lines.append("")
        lines.append("> " + escape_markdown(best_excerpt(hit.text, terms)))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n", hits


def offline_stream(document: Document, question: str, *, scope: str = "document",
                   section_id: str | None = None, index: PassageIndex | None = None,
                   cancel: CancelToken | None = None, chunk_chars: int = CHUNK_CHARS,
                   ) -> Iterator[StreamDelta | StreamEnd]:
    """`offline_answer` as a stream: deltas of about `chunk_chars`, cut after spaces."""
    text, _ = offline_answer(document, question, scope=scope, section_id=section_id,
                             index=index)
    start = 0
    while start < len(text):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        end = min(len(text), start + chunk_chars)
        if end < len(text):
            space = text.rfind(" ", start + 1, end + 1)
            end = space + 1 if space > start else end
        yield StreamDelta(text[start:end])
        start = end
    yield StreamEnd(text, "", "end_turn", Usage())
