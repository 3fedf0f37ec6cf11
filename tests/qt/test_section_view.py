"""A section reads as text: headings, paragraphs, bullets, real tables, text boxes."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextTable

from desktop_app.document import Paragraph, ParagraphKind, Section, SectionOrigin
from desktop_app.ui.sections.section_html import section_html
from desktop_app.ui.sections.text_view import SectionView
from tests.qt.documents import make_tree


def _section(*paragraphs: Paragraph, title: str = "Title") -> Section:
    return Section("s", title, 1, SectionOrigin.STYLE, None, list(paragraphs))


def test_document_text_is_escaped_not_interpreted() -> None:
    html = section_html(
        _section(Paragraph(0, "<script>alert(1)</script> & &amp;"), title="A <b>bold</b> title")
    )
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp;" in html
    assert "A &lt;b&gt;bold&lt;/b&gt; title" in html


def test_table_rows_group_cells_by_row() -> None:
    cell = ParagraphKind.TABLE_CELL
    html = section_html(
        _section(
            Paragraph(0, "Alpha", cell, row=3, cell=0),
            Paragraph(1, "Beta-1", cell, row=3, cell=1),
            Paragraph(2, "Beta-2", cell, row=3, cell=1),  # two paragraphs in one cell
            Paragraph(3, "Gamma", cell, row=4, cell=0),
            Paragraph(4, "After the table."),
        )
    )
    assert html.count("<table") == 1 and html.count("<tr>") == 2
    # The short second row is padded so the grid stays rectangular.
    assert html.count("<td") == 4
    assert html.index("Alpha") < html.index("Beta-1") < html.index("Beta-2") < html.index("Gamma")
    assert html.index("Gamma") < html.index("</table>") < html.index("After")


def test_nested_list_and_text_box() -> None:
    html = section_html(
        _section(
            Paragraph(0, "one", ParagraphKind.LIST_ITEM),
            Paragraph(1, "one.a", ParagraphKind.LIST_ITEM, level=1),
            Paragraph(2, "two", ParagraphKind.LIST_ITEM),
            Paragraph(3, "boxed", ParagraphKind.TEXT_BOX),
        )
    )
    assert html.count("<ul") == 2 and html.count("</ul>") == 2
    assert html.index("one.a") < html.index("</ul>") < html.index("two")
    assert "TEXT BOX" in html and html.index("TEXT BOX") < html.index("boxed")


def test_view_shows_the_section_and_a_real_table(qtbot) -> None:
    view = SectionView()
    qtbot.addWidget(view)
    assert "Open a Word document" in view.toPlainText()
    scope = make_tree().section("scope")
    assert scope is not None
    view.show_section(scope)
    text = view.toPlainText()
    for expected in ("Scope & <limits>", "In scope:", "payments", "refunds", "Ada", "Lead",
                     "Call out: read twice", "Terms"):
        assert expected in text
    tables = [f for f in view.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    grid = tables[0]
    assert (grid.rows(), grid.columns()) == (2, 2)
    cursor: QTextCursor = grid.cellAt(1, 0).firstCursorPosition()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Ada"
    assert view.isReadOnly()
    view.show_section(None)
    assert view.section is None
    assert "Select a section" in view.toPlainText()


def test_empty_section_says_so(qtbot) -> None:
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(_section())
    assert "This section is empty." in view.toPlainText()


def _fixed_pitch_at(view: SectionView, needle: str) -> bool:
    """Whether the view draws `needle` (its first character) in a fixed-pitch font."""
    found = view.document().find(needle)
    assert not found.isNull(), needle
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 1)
    char = cursor.charFormat()
    return char.fontFixedPitch() or "mono" in " ".join(char.fontFamilies() or []).lower()


def test_what_the_document_formats_as_code_reads_as_code(qtbot) -> None:
    # What the .docx sets as code (a code style or a monospaced font; see
    # test_code_formatting.py) shows in the view's fixed-pitch font, the prose around
    # it does not, and the text the view shows (which quotes are found in) is unchanged.
    oops, inline = "Oops: 0000 [#1] SMP", "Run git log to see it, then read on."
    section = _section(
        Paragraph(0, oops, code=((0, len(oops)),)),
        Paragraph(1, inline, code=((4, 11),)),
        Paragraph(2, "rm -rf build", ParagraphKind.LIST_ITEM, code=((0, 12),)),
        Paragraph(3, "a cell with make check", ParagraphKind.TABLE_CELL, row=0, cell=0,
                  code=((12, 22),)),
    )
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(section)
    text = view.toPlainText()
    for para in section.paragraphs:
        assert para.text in text
    assert _fixed_pitch_at(view, "0000 [#1]")
    assert _fixed_pitch_at(view, "git log")
    assert not _fixed_pitch_at(view, "to see it")
    assert _fixed_pitch_at(view, "rm -rf")
    assert _fixed_pitch_at(view, "make check")
    assert not _fixed_pitch_at(view, "a cell")
    html = section_html(section)
    # the whole-paragraph sample, not the prose; it ends its block of code
    assert html.count('<p class="code') == 1 and '<p class="code-end">' in html
    # a code span is escaped like any text
    tag = "<b>x</b>"
    assert "&lt;b&gt;x&lt;/b&gt;" in section_html(_section(Paragraph(0, tag, code=((0, 8),))))


def test_a_quotation_is_set_apart_as_the_document_sets_it(qtbot) -> None:
    # A paragraph the document styles as a quotation (Paragraph.quote) is indented in the
    # view, so the reader sees what the built-in reviewer reads as another author's
    # words; the text the view shows is unchanged.
    said, quoted = "Brian Boutel writes:", "Turning off tcp timestamps restores behaviour."
    section = _section(Paragraph(0, said), Paragraph(1, quoted, quote=True))
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(section)
    assert said in view.toPlainText() and quoted in view.toPlainText()
    margins = {}
    block = view.document().begin()
    while block.isValid():
        margins[block.text()] = block.blockFormat().leftMargin()
        block = block.next()
    assert margins[quoted] > margins[said]
