"""Strict Open XML parts, edited with the transitional vocabulary and written back Strict.

Strict (ISO/IEC 29500 Strict) names the same WordprocessingML elements in other
namespaces. Export reads a Strict part with its namespace *declarations*
mapped to the transitional URIs, so that every tag the export code knows
matches, and maps the declarations back when it writes the part: the copy
stays a Strict package, with comments and revisions in the document's own
namespaces. Only declarations are touched, never text that happens to
contain one of the URIs.
"""

from __future__ import annotations

import re

from desktop_app.document.package import STRICT_TO_TRANSITIONAL

_DECLARATION = rb"""(\bxmlns(?::[A-Za-z_][\w.\-]*)?\s*=\s*)(["'])%s\2"""


def _mapper(pairs: tuple[tuple[bytes, bytes], ...]):
    patterns = [(re.compile(_DECLARATION % re.escape(old)), new) for old, new in pairs]

    def apply(data: bytes) -> bytes:
        for pattern, new in patterns:
            data = pattern.sub(lambda m, new=new: m.group(1) + m.group(2) + new + m.group(2),
                               data)
        return data

    return apply


to_transitional = _mapper(STRICT_TO_TRANSITIONAL)
to_strict = _mapper(tuple((new, old) for old, new in STRICT_TO_TRANSITIONAL))
