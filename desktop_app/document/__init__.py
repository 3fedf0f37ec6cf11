"""`.docx` -> `Document`: safe opening and section extraction (no Qt)."""

from desktop_app.document.errors import DocumentError, RefusalKind
from desktop_app.document.model import (
    Document,
    Paragraph,
    ParagraphKind,
    Section,
    SectionOrigin,
    count_words,
)

__all__ = [
    "Document",
    "DocumentError",
    "Paragraph",
    "ParagraphKind",
    "RefusalKind",
    "Section",
    "SectionOrigin",
    "count_words",
    "load",
]


def load(path: str, **limits: int) -> Document:
    """Open `path` and return its section tree, or raise `DocumentError`."""
    from desktop_app.document.loader import load_document

    return load_document(path, **limits)
