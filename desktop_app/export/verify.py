"""Check what export wrote before the copy is made: parsed again, in flat memory.

The rewritten main part and comments part go through a parser that keeps no
tree (a target that only counts), so the check costs time, not a second copy of
the document in memory. Every new comment must be in the comments part once,
with one range start, one range end and one reference in the body; a part that
no longer parses (an undeclared entity, say) fails the export before anything
is written.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from desktop_app.document.body import w
from desktop_app.export.comments_part import COMMENT
from desktop_app.export.source_package import ExportError

MARKS = (w("commentRangeStart"), w("commentRangeEnd"), w("commentReference"))
_ID = w("id")


class _Count:
    """An lxml parser target: (tag, w:id) of the elements asked for, and nothing kept."""

    def __init__(self, tags: tuple[str, ...]) -> None:
        self.tags = frozenset(tags)
        self.counts: Counter[tuple[str, str]] = Counter()

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag in self.tags:
            self.counts[(tag, attrib.get(_ID, ""))] += 1

    def end(self, tag: str) -> None: ...

    def data(self, data: str) -> None: ...

    def close(self) -> Counter[tuple[str, str]]:
        return self.counts


def _count(data: bytes, tags: tuple[str, ...], what: str) -> Counter[tuple[str, str]]:
    parser = etree.XMLParser(target=_Count(tags), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    try:
        parser.feed(data)
        return parser.close()
    except etree.XMLSyntaxError as exc:
        raise ExportError(f"the reviewed copy failed its own check ({what} does not parse: "
                          f"{exc.msg}); nothing was written") from None


def verify_parts(main: bytes, comments: bytes | None, added: list[int]) -> None:
    """Raise ExportError unless both parts parse and each id in `added` is whole."""
    marks = _count(main, MARKS, "the rewritten main document part")
    notes = _count(comments, (COMMENT,), "the rewritten comments part") if comments else Counter()
    for cid in map(str, added):
        if notes[(COMMENT, cid)] != 1 or any(marks[(tag, cid)] != 1 for tag in MARKS):
            raise ExportError(f"the reviewed copy failed its own check (comment {cid} is not "
                              "marked exactly once in the text); nothing was written")
