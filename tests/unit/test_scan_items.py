"""The one-pass scan numbers paragraphs exactly as export's walk finds them again.

Opening takes each paragraph's element from the scan and walks only to the
paragraphs in tables (`scan_items.table_cells`); export finds paragraph N with
`body_paragraphs`. If the two disagreed, a comment would land on the wrong
paragraph: every anchor, text and table cell must match the walk's.
"""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from desktop_app.document import load
from desktop_app.document.body import body_paragraphs, find_body
from desktop_app.document.model import ParagraphKind
from desktop_app.document.text import careful_text
from tests.docx_factory import p, raw_p, table, write_docx


def _cell(*paragraphs: str) -> str:
    return f"<w:tc>{''.join(paragraphs)}</w:tc>"


NESTED_TABLE = (
    "<w:tbl><w:tr>"
    + _cell(p("Outer cell, before."),
            table([["Inner A", "Inner B"], ["Inner C", "Inner D"]]),
            p("Outer cell, after."))
    + _cell(p("Outer second cell."))
    + "</w:tr></w:tbl>"
)
BODIES = {
    "tables": p("Title", "Titel") + p("Intro text.") + table([["a", "b"], ["c", "d"]])
    + p("Between.") + NESTED_TABLE + p("End.", "berschrift1") + p("Last words."),
    "content controls": p("Before.") + "<w:sdt><w:sdtContent>" + p("In a control.")
    + table([["In a control's table"]]) + "</w:sdtContent></w:sdt>" + p("After."),
    "empty table": p("Before.") + "<w:tbl><w:tr><w:tc/></w:tr></w:tbl>" + table([["x"]])
    + p("After."),
    # A paragraph inside an element Word never puts one in, and one inside a
    # paragraph: the scan sees them, the walk does not, so the walk decides.
    "stray paragraphs": p("One.") + "<w:foo>" + p("Inside foo.") + "</w:foo>"
    + raw_p('<w:r><w:t>Outer</w:t></w:r>' + p("Inner.")) + table([["cell"]]) + p("Two."),
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_anchors_texts_and_cells_are_the_walks(tmp_path, name):
    path = write_docx(tmp_path / "d.docx", BODIES[name])
    doc = load(str(path))
    with zipfile.ZipFile(path) as zf:
        body = find_body(etree.fromstring(zf.read("word/document.xml")))
    slots = list(body_paragraphs(body))
    paragraphs = [q for s in doc.walk() for q in s.paragraphs]
    assert doc.paragraph_count == len(slots)
    assert paragraphs, name
    for q in paragraphs:
        slot = slots[q.anchor]
        assert q.text == careful_text(slot.element), (name, q)
        assert (q.row, q.cell) == (slot.row, slot.cell), (name, q)
        assert (q.kind is ParagraphKind.TABLE_CELL) == (slot.row >= 0 and q.kind is not
                                                       ParagraphKind.HEADING), (name, q)
