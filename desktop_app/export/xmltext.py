"""Text that can go into XML: what XML 1.0 cannot carry is dropped."""

from __future__ import annotations

import re

# C0 controls other than tab, newline and carriage return; lone surrogates;
# the two non-characters U+FFFE and U+FFFF. lxml refuses them all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)
