"""Batch records: one per section part, with the very body an on-demand call sends.

Each record's `modelInput` is `converse_request.section_request` for its part,
written in the job's invocation type (see `native.py`). A digest of every
`modelInput` goes into the job handle, so that results are only applied to
the same request: a document or framework that changed between submission
and collection fails those records instead of mislabelling their answers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.ai.batch import native
from desktop_app.ai.batch.settings import InvocationType
from desktop_app.ai.converse_request import section_request
from desktop_app.ai.provider import AnalysisRequest
from desktop_app.review.frameworks import Framework

if TYPE_CHECKING:  # not at start-up: the context module pulls in every rule (~0.2 s)
    from desktop_app.ai.context import DocumentContext

INPUT_FILE = "records.jsonl"


@dataclass(frozen=True, slots=True)
class BatchSection:
    """A section to review: its text, and the parts it is sent in (one unless long)."""

    section_id: str
    title: str
    text: str
    parts: tuple[str, ...]

    @classmethod
    def whole(cls, section_id: str, title: str, text: str) -> BatchSection:
        return cls(section_id, title, text, (text,))


@dataclass(frozen=True, slots=True)
class BatchDocument:
    """One document of a batch run. `key` is the caller's identity for it (a store id,
    a content hash ...): results come back under it. `context` and `facts` are what
    the on-demand requests of this document carry (`ai/context.py`, the key facts
    for the consistency pass)."""

    key: str
    title: str
    framework: Framework
    sections: Sequence[BatchSection]
    context: DocumentContext | None = None
    facts: bool = False


@dataclass(frozen=True, slots=True)
class RecordRef:
    """Where a record's answer belongs. Serialised in the job handle."""

    document: str
    section_id: str
    part: int  # 1-based
    parts: int
    digest: str  # of the modelInput sent

    def to_list(self) -> list[Any]:
        return [self.document, self.section_id, self.part, self.parts, self.digest]

    @classmethod
    def from_list(cls, item: list[Any]) -> RecordRef:
        document, section_id, part, parts, digest = item
        return cls(str(document), str(section_id), int(part), int(parts), str(digest))


@dataclass(frozen=True, slots=True)
class Record:
    record_id: str
    ref: RecordRef
    request: AnalysisRequest
    model_input: dict[str, Any]

    def line(self) -> str:
        return json.dumps({"recordId": self.record_id, "modelInput": self.model_input},
                          ensure_ascii=False, separators=(",", ":"))


def record_id(index: int) -> str:
    # Eleven alphanumeric characters: the form Bedrock's own examples use.
    return f"R{index:010d}"


def digest(model_input: dict[str, Any]) -> str:
    canonical = json.dumps(model_input, sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:20]


def model_input(request: AnalysisRequest, model: str, invocation_type: InvocationType, *,
                max_tokens: int, temperature: float, cache_points: bool = False
                ) -> dict[str, Any]:
    """The record body: the on-demand request on `model`, in the job's invocation type."""
    body = section_request(request, model, max_tokens=max_tokens, temperature=temperature)
    if invocation_type is InvocationType.CONVERSE:
        return body if cache_points else native.without_cache_points(body)
    return native.to_native(body, cache_points)


def requests(documents: Sequence[BatchDocument]
             ) -> Iterator[tuple[BatchDocument, BatchSection, AnalysisRequest]]:
    """Every section part as the request an on-demand review would make for it."""
    for document in documents:
        for section in document.sections:
            n = len(section.parts)
            for index, part in enumerate(section.parts, 1):
                context = (document.context.for_request(section.section_id, part, section.title)
                           if document.context is not None else None)
                yield document, section, AnalysisRequest(
                    section.section_id, section.title, part, document.framework,
                    document.title, index, n, context=context, facts=document.facts)


def build_records(documents: Sequence[BatchDocument], model: str,
                  invocation_type: InvocationType, *, max_tokens: int, temperature: float,
                  cache_points: bool = False) -> list[Record]:
    records = []
    for index, (document, _section, request) in enumerate(requests(documents), 1):
        body = model_input(request, model, invocation_type, max_tokens=max_tokens,
                           temperature=temperature, cache_points=cache_points)
        ref = RecordRef(document.key, request.section_id, request.part, request.parts,
                        digest(body))
        records.append(Record(record_id(index), ref, request, body))
    return records


def check_unique(documents: Sequence[BatchDocument]) -> None:
    """Results are matched by document key and section id: both must be unique."""
    keys = [d.key for d in documents]
    if len(set(keys)) != len(keys):
        raise ValueError("two documents of the batch have the same key")
    for document in documents:
        ids = [s.section_id for s in document.sections]
        if len(set(ids)) != len(ids):
            raise ValueError(f"document {document.key!r} has two sections with the same id")
        if any(not s.parts for s in document.sections):
            raise ValueError(f"document {document.key!r} has a section with no text part")
