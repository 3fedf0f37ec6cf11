"""Why a document was refused, in words a reviewer understands."""

from __future__ import annotations

from enum import Enum


class RefusalKind(str, Enum):
    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    ENCRYPTED = "encrypted"
    LEGACY_DOC = "legacy-doc"
    NOT_WORD = "not-word"
    DAMAGED = "damaged"
    UNSAFE_XML = "unsafe-xml"
    UNSUPPORTED = "unsupported"


class DocumentError(Exception):
    """A document that cannot be opened. `str(err)` is the plain reason."""

    def __init__(self, kind: RefusalKind, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
