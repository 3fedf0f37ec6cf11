"""One chat question, from plain data to a stream of answer text. No Qt.

The GUI thread copies what a question needs into a `ChatTask` (the store is
not touched off that thread); a worker calls `prepare_chat` and iterates
`PreparedChat.stream(cancel)`: Bedrock's ConverseStream when the provider has
one, otherwise the built-in reviewer's ranked search (`offline_chat`). Both
yield `StreamDelta`s and a final `StreamEnd`, and fail with `ProviderError`
(`StreamError` with `partial_text` once text has arrived).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.ai.bedrock import StreamDelta, StreamEnd
from desktop_app.ai.chat_context import Scope, Turn, build_chat_request, resolve_citations
from desktop_app.ai.offline_chat import offline_stream
from desktop_app.ai.provider import CancelToken
from desktop_app.ai.retrieval import PassageIndex
from desktop_app.document.model import Document
from desktop_app.review.findings import Finding


class IndexCache:
    """A document's passage index, built once on first use, from any thread."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._index: PassageIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> PassageIndex:
        with self._lock:
            if self._index is None:
                self._index = PassageIndex.from_document(self.document)
            return self._index


@dataclass(frozen=True, slots=True)
class ChatTask:
    """Everything one question needs, copied on the GUI thread."""

    document: Document
    question: str
    scope: Scope
    section_id: str | None = None
    history: tuple[Turn, ...] = ()
    findings: Mapping[str, Sequence[Finding]] = field(default_factory=dict)
    index: IndexCache | None = None


def is_streaming_model(provider: Any) -> bool:
    """A provider that answers chat with a model (Bedrock), not by ranked search."""
    return provider is not None and callable(getattr(provider, "converse_stream", None))


@dataclass(slots=True)
class PreparedChat:
    stream: Callable[[CancelToken], Iterator[StreamDelta | StreamEnd]]
    offered: frozenset[str]  # the sections whose text the answer could draw on
    titles: dict[str, str]  # every section id -> title, for citations
    offline: bool

    def citations(self, text: str) -> list[str]:
        return resolve_citations(text, self.titles, self.offered)


def prepare_chat(task: ChatTask, provider: Any) -> PreparedChat:
    """Build the request (selecting passages may take a moment on a big document)."""
    titles = {s.id: s.title for s in task.document.walk()}
    index_cache = task.index or IndexCache(task.document)
    if not is_streaming_model(provider):
        index = index_cache.get()
        section = task.document.section(task.section_id) if task.section_id else None
        within = ({s.id for s in section.walk()} if task.scope == "section" and section
                  else set(titles))

        def offline(cancel: CancelToken) -> Iterator[StreamDelta | StreamEnd]:
            return offline_stream(task.document, task.question, scope=task.scope,
                                  section_id=task.section_id, index=index, cancel=cancel)

        return PreparedChat(offline, frozenset(within), titles, offline=True)
    # The index is only needed when the text must be selected; building it for
    # a short document that fits in full would be wasted work.
    request = build_chat_request(task.document, task.question, scope=task.scope,
                                 section_id=task.section_id, findings=task.findings,
                                 history=task.history, index=index_cache.get)

    def online(cancel: CancelToken) -> Iterator[StreamDelta | StreamEnd]:
        return provider.converse_stream(request.messages, system=request.system, cancel=cancel)

    return PreparedChat(online, request.offered, titles, offline=False)

