"""A document-level finding's places, side by side: each section named, the quote in its
paragraph, marked. What the text pane shows while the "Whole document" group is current.

Every piece of document text is escaped (document text is data). Each
section's name is a link ("place:N") the reader follows with a click, or Tab
and Enter, to read the quote where it stands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from desktop_app.document import Section

_AROUND = 320  # characters of the paragraph shown on each side of the quote


def _esc(text: str) -> str:
    return escape(text).replace("\t", " ").replace("\n", "<br>")


def _paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quote, after): the paragraph around text[start:end], trimmed."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    before, after = text[left:start], text[end:right]
    if len(before) > _AROUND:
        before = "…" + before[-_AROUND:].split(" ", 1)[-1]
    if len(after) > _AROUND:
        after = after[:_AROUND].rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after


def places_html(places: Sequence, sections: Mapping[str, Section], *, issue: str,
                mark_colour: str, muted: str) -> str:
    """`places`: the finding's `Place`s; `sections`: id -> Section of the document now."""
    parts = [f'<p class="meta">{_esc(issue)}</p>']
    for n, place in enumerate(places):
        parts.append(f'<h3><a href="place:{n}">{_esc(place.title)}</a>'
                     + (f' <span style="color:{muted}; font-weight:normal;">(changed since)'
                        "</span>" if place.changed else "") + "</h3>")
        section = sections.get(place.section_id)
        start, end = place.start, place.end
        if (section is not None and place.anchored and start is not None and end is not None
                and section.text[start:end] == place.quote):
            before, quote, after = _paragraph(section.text, start, end)
            parts.append(f"<p>{_esc(before)}<span style=\"background-color:{mark_colour};\">"
                         f"{_esc(quote)}</span>{_esc(after)}</p>")
        else:
            gone = "the section is gone" if section is None else "not found in the text"
            parts.append(f'<p><i>“{_esc(place.quote)}”</i> <span style="color:{muted};">'
                         f"— {gone}</span></p>")
    parts.append('<p class="empty">Follow a section\'s name (click, or Tab then Enter) or '
                 "press Ctrl+J to read each place in its section.</p>")
    return "".join(parts)
