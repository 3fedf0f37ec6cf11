"""Every corpus tree against the baseline written before issue 18 changed how trees are cut.

`tests/data/outline_baseline.jsonl` holds each document's tree as the loader
built it before tables of contents and headings typed by hand were found
(`tools/outline_baseline.py`). A document not listed in `CHANGED` must give
exactly that tree: same ids, titles, levels and paragraph counts. A listed one
(each checked by eye, with the reason) may only have gained sections: every
section of the baseline that has a heading is still there, in order, with its
id, title and level, and the paragraphs it lost are exactly those of the
sections that now follow it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS, corpus_path

BASELINE = Path(__file__).resolve().parent.parent / "data" / "outline_baseline.jsonl"

# Checked by eye: why each of these trees changed.
CHANGED = {
    "Aspose.Words-for-.NET/Examples__Data__Rendering.docx":
        "a TOC field under 'Fields' becomes its own 'TOC' contents section",
    "Aspose.Words-for-.NET/Examples__Data__Table of contents.docx":
        "the untitled TOC field that was the whole preamble is a 'Contents' section",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__bvt__complex2005_12rtm.docx":
        "'Table of Content' and 'Table of Figures' (toc 1-3, table of figures styles) leave "
        "the preamble; the 1,028-paragraph Appendix gets its bold 'Class ...' listings",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__wordprocessing__Toc__TOC2.docx":
        "the TOC field that was the whole preamble is a 'Contents' section",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__wordprocessing__footer & header__Business Plan for a Startup "
    "Business_July.docx":
        "the styled 'Table of Contents' heading keeps only its toc-styled entries",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__wordprocessing__hyperlink__632399964516872542 1.docx":
        "'TABLE OF CONTENTS' (typed, tab and page number) no longer swallows the report: "
        "'1 INTRODUCTION' to '4.1.4 Domestic Staff' typed in bold or numbered follow it",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__wordprocessing__mixed features__webappdis.docx":
        "one styled title over a 2,000-word paper: its bold headings 'Introduction' ... "
        "'The fix' become sections",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Document.docx":
        "the TOC field (TOC Heading 'Contents', toc 1-2) leaves the preamble",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Strict01.docx":
        "the TOC field that 'Heading 2' swallowed is a 'Contents' section",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__"
    "complex2010.docx":
        "the 626-paragraph 'Arial' character sampler gets its bold 'Fields' and "
        "'Underlining' parts",
    "Open-Xml-PowerTools/TestFiles__HC022-Table-Of-Contents.docx":
        "the TOC content control that was the whole preamble is its 'Contents' section",
    "docx-rs/fixtures__toc0__toc0.docx":
        "the document is only a TOC field: one '目次' contents section instead of one part",
    "docx-rs/fixtures__toc1__toc1.docx":
        "the TOC field that was the whole preamble is a 'Contents' section",
    "docx4j/docs__Docx4j_GettingStarted.docx":
        "the 73 toc entries leave the Title section; the text after them is 'After the "
        "contents'",
    "docx4j/docx4j-samples-docx4j__sample-docs__decracdiscrim1.docx":
        "a UN declaration under one styled heading: 'Article 1' ... 'Article 11' typed "
        "in bold become its sections",
    "poi/test-data__document__drawing.docx":
        "the 2,607-word press clipping section gets its bold article titles",
    "poi/test-data__integration__stress010.docx":
        "under the styled 'المادة 1' (Article 1), the numbered paragraphs that open "
        "Articles 2 to 6 become its siblings",
    "unstructured/example-docs__handbook-872p.docx":
        "four tables of contents typed by hand become contents sections; the third and "
        "fourth copies of the handbook, plain text, get their chapters, 'A.' and '1.' "
        "headings from the numbering, at the levels the styled copies use",
}


def _baseline() -> dict[str, dict]:
    with BASELINE.open(encoding="utf-8") as fh:
        return {row["doc"]: row for row in map(json.loads, fh)}


def _docs() -> list[str]:
    return sorted(_baseline()) if CORPUS.is_dir() else ["(corpus missing)"]


def _rows(rel: str) -> list[list]:
    from desktop_app.document import load

    doc = load(str(corpus_path(rel)))
    return [[s.id, s.level, len(s.paragraphs), int(s.heading_anchor is not None), s.title]
            for s in doc.walk()]


def _span_sizes(rows: list[list], boundaries: list[str]) -> list[int]:
    """Paragraphs (headings included) from each boundary id to the next; [0] before the first."""
    sizes = [0] * (len(boundaries) + 1)
    at = 0
    for sid, _level, paragraphs, heading, _title in rows:
        if at < len(boundaries) and sid == boundaries[at]:
            at += 1
        sizes[at] += paragraphs + heading
    return sizes


@pytest.mark.corpus
@pytest.mark.parametrize("rel", _docs())
def test_tree_is_the_baseline_or_only_gained_sections(rel: str):
    old = _baseline()[rel]["sections"]
    new = _rows(rel)
    if rel not in CHANGED:
        assert new == old, f"{rel}: the tree changed; if on purpose, list it in CHANGED"
        return
    assert new != old, f"{rel} is listed in CHANGED but its tree is the baseline's"
    new_by_id = {row[0]: row for row in new}
    # A section with no heading of its own (text before the first heading, or a
    # part of a document without any) may give way to the new sections.
    kept = [row for row in old if row[3] or row[0] in new_by_id]
    for sid, level, _paragraphs, heading, title in kept:
        assert sid in new_by_id, f"{rel}: section {title!r} ({sid}) was lost"
        assert new_by_id[sid][1] == level and new_by_id[sid][4] == title, (rel, sid)
        assert new_by_id[sid][3] == heading, (rel, sid)
    order = [row[0] for row in new if row[0] in {r[0] for r in kept}]
    assert order == [row[0] for row in kept], f"{rel}: the baseline's sections moved"
    # The paragraphs between two baseline sections are the same, however cut.
    boundaries = [row[0] for row in kept]
    assert _span_sizes(new, boundaries) == _span_sizes(old, boundaries), rel


def test_changed_lists_documents_of_the_baseline():
    assert set(CHANGED) <= set(_baseline())
