"""Error messages that never carry document text.

Messages of failed sections go to the window, stderr, the report, the log and
the store. Three things once put section text there: `repr()` of an exception
(a UnicodeEncodeError's repr holds the whole string it could not encode), a
service message that echoes the request, and a traceback's last line. Here an
internal error is described by its type and where it happened, a service's
message is cut where it repeats the text that was sent, and the traceback is
logged without the exception's own words.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
SHARED_RUN = 16  # characters a message may share with the document before they are cut
REMOVED = "[document text removed]"


def has_lone_surrogate(text: str) -> bool:
    """True when `text` cannot be encoded: half of a UTF-16 pair, alone (JSON's
    "\\ud800" decodes to that, and nothing can send or store it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def replace_lone_surrogates(value: Any) -> Any:
    """A copy of a JSON-like value with every lone surrogate replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if has_lone_surrogate(value) else value
    if isinstance(value, list):
        return [replace_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {k: replace_lone_surrogates(v) for k, v in value.items()}
    return value


def internal_error(exc: BaseException) -> str:
    """'internal error: TypeName in file.py:123' - the type and the innermost
    frame, never `str(exc)` or `repr(exc)`, which can hold document text."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    where = f" in {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"internal error: {type(exc).__name__}{where} (details in the log)"


def log_internal(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """The traceback (file, line, code) with the exception's message left out."""
    frames = "".join(traceback.format_tb(exc.__traceback__)) if exc.__traceback__ else ""
    logger.error("%s: %s\n%s", what, type(exc).__name__, frames.rstrip())


def without_document_text(message: str, texts: Iterable[str]) -> str:
    """`message` with every run of `SHARED_RUN` or more characters that also
    occurs in one of `texts` replaced by a marker (a service error that quotes
    the request, a hostile endpoint)."""
    texts = [t for t in texts if t]
    if len(message) < SHARED_RUN or not texts:
        return message
    hit = [False] * len(message)
    for i in range(len(message) - SHARED_RUN + 1):
        window = message[i:i + SHARED_RUN]
        if any(window in t for t in texts):
            for k in range(i, i + SHARED_RUN):
                hit[k] = True
    if not any(hit):
        return message
    out, i = [], 0
    while i < len(message):
        if hit[i]:
            while i < len(message) and hit[i]:
                i += 1
            out.append(REMOVED)
        else:
            out.append(message[i])
            i += 1
    return "".join(out)


def request_texts(kwargs: dict[str, Any]) -> list[str]:
    """The text blocks of a Converse request, system prompt and messages: what
    may be echoed back (the document can be in either, as shared context)."""
    blocks = list(kwargs.get("system") or [])
    for message in kwargs.get("messages") or []:
        blocks.extend(message.get("content") or [])
    return [b["text"] for b in blocks if isinstance(b, dict) and isinstance(b.get("text"), str)]
