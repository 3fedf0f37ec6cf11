"""What every reviewer (Bedrock or built-in) takes and gives back. No Qt.

A provider is called from worker threads, one section (or part) per call, and
must be safe to call concurrently. It never invents findings: a failure is
raised as `ProviderError` with a plain reason.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Protocol

from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework


class CancelToken:
    """Set from any thread; long calls check it between steps and while waiting."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True if cancelled meanwhile."""
        return self._event.wait(seconds)


class Cancelled(Exception):
    """The request was cancelled by the user."""


class FailureKind(str, Enum):
    NO_CREDENTIALS = "no-credentials"  # fatal: nothing can run
    ACCESS_DENIED = "access-denied"
    UNKNOWN_MODEL = "unknown-model"
    MODEL_NOT_READY = "model-not-ready"
    THROTTLED = "throttled"
    TIMEOUT = "timeout"
    SERVICE = "service-error"
    NETWORK = "network"
    INPUT_TOO_LARGE = "input-too-large"
    BAD_OUTPUT = "bad-output"
    INTERNAL = "internal"


@dataclass(slots=True)
class Usage:
    requests: int = 0
    retries: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0

    def add(self, other: Usage) -> None:
        self.requests += other.requests
        self.retries += other.retries
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens
        self.cache_read_tokens += other.cache_read_tokens
        self.cache_write_tokens += other.cache_write_tokens


class ProviderError(Exception):
    """A request that failed for good. `fatal`: the provider cannot serve at all."""

    def __init__(self, kind: FailureKind, message: str, *, fatal: bool = False,
                 usage: Usage | None = None, model: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.fatal = fatal
        self.usage = usage or Usage()
        self.model = model


class ContextMode(StrEnum):
    """What a section request carries of the rest of the document (`ai/context.py`)."""

    WHOLE = "whole"  # outline, defined terms and the whole text
    RELATED = "related"  # outline, defined terms and the passages most related to the section
    SECTION = "section"  # the section alone, as before shared context existed


@dataclass(frozen=True, slots=True)
class RequestContext:
    """The rest of the document, as one request carries it.

    `shared` is the same for every request of a document (it goes before a
    cache point, so Bedrock reads it from its prompt cache after the first
    request); `related` belongs to this request alone and comes after it.
    Both are data blocks built by `ai/context.py`, already neutralised.
    """

    mode: ContextMode
    shared: str
    related: str = ""
    digest: str = ""  # of mode and shared text: part of the answer's identity


def context_identity(identity: str | None, context: object | None) -> str | None:
    """A provider's answer identity with the shared context its requests carry (an
    `ai.context.DocumentContext`): answers made with another context mode, outline or
    set of defined terms are not reused. An edit of another section's text is not one:
    every section would be asked again for a changed word elsewhere (and what spans
    sections is the consistency pass's). The section alone adds nothing."""
    mode = getattr(context, "mode", None)
    if identity is None or context is None or mode is ContextMode.SECTION:
        return identity
    return f"{identity}|context:{context.identity}"  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class AnalysisRequest:
    section_id: str
    title: str
    text: str
    framework: Framework
    document_title: str = ""
    part: int = 1  # 1-based part number when a long section is analysed in parts
    parts: int = 1
    context: RequestContext | None = None  # None: the section alone
    facts: bool = False  # also ask for the section's key facts (for the consistency pass)
    # Where this part starts in the section text, when the caller knows: a part whose
    # text recurs in the section (a repeated block) cannot be told apart by its text.
    offset: int | None = None


@dataclass(slots=True)
class AnalysisResult:
    findings: list[Finding]
    model: str | None  # the model that answered; None for the built-in reviewer
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    from_cache: bool = False  # answered from the local store, no request made
    facts: list[Fact] = field(default_factory=list)  # when the request asked for them


class Provider(Protocol):
    name: str  # "bedrock" | "local"

    @property
    def models(self) -> list[str]: ...

    def analyse(self, request: AnalysisRequest, cancel: CancelToken) -> AnalysisResult: ...

    def cache_identity(self) -> str:
        """What, besides the text and framework, decides the answer (models, prompt version)."""
        ...
