"""Finding offsets (into Section.text) land on the same words in the rendered view."""

from __future__ import annotations

import pytest

from desktop_app.document import Document, Paragraph, ParagraphKind, Section, SectionOrigin
from desktop_app.ui.sections.quote_locator import QuoteLocator, paragraph_spans
from desktop_app.ui.sections.text_view import SectionView
from tests.qt.documents import make_tree


def _section(paragraphs: list[Paragraph]) -> Section:
    return Section("s", "A <title> & more", 1, SectionOrigin.STYLE, None, paragraphs)


TRICKY = _section([
    Paragraph(0, "Intro  with   double spaces\tand a tab."),
    Paragraph(1, "   "),  # whitespace only: in Section.text, not rendered
    Paragraph(2, "Name", ParagraphKind.TABLE_CELL, row=0, cell=0),
    Paragraph(3, "Role", ParagraphKind.TABLE_CELL, row=0, cell=1),
    Paragraph(4, "Ada", ParagraphKind.TABLE_CELL, row=1, cell=0),
    Paragraph(5, "lead", ParagraphKind.TABLE_CELL, row=1, cell=1),
    Paragraph(6, "and owner", ParagraphKind.TABLE_CELL, row=1, cell=1),
    Paragraph(7, "", ParagraphKind.TABLE_CELL, row=2, cell=0),
    Paragraph(8, "Boxed <b>text</b> & co", ParagraphKind.TEXT_BOX),
    Paragraph(9, "first item", ParagraphKind.LIST_ITEM),
    Paragraph(10, "nested item", ParagraphKind.LIST_ITEM, level=1),
    Paragraph(11, "Intro again: double spaces"),
])


def test_spans_match_section_text() -> None:
    sections = [TRICKY, *make_tree().walk()]
    for s in sections:
        for index, start, end in paragraph_spans(s.paragraphs):
            assert s.text[start:end] == s.paragraphs[index].text


@pytest.fixture
def view(qtbot) -> SectionView:  # type: ignore[no-untyped-def]
    v = SectionView()
    qtbot.addWidget(v)
    v.resize(600, 400)
    return v


@pytest.mark.parametrize("quote", [
    "double spaces\tand",  # collapsed whitespace in the view
    "Role",  # a table cell
    "lead and owner",  # two paragraphs of one cell, joined by a space in Section.text
    "Boxed <b>text</b> & co",  # markup characters stay text
    "nested item",
    "Intro again: double spaces",
])
def test_offsets_map_onto_the_rendered_text(view: SectionView, quote: str) -> None:
    view.show_section(TRICKY)
    start = TRICKY.text.rindex(quote) if quote.startswith("Intro again") else (
        TRICKY.text.index(quote))
    assert view.highlight(start, start + len(quote), quote)
    shown = view.highlighted_text
    assert " ".join(shown.split()) == " ".join(quote.split())
    if quote == "Intro again: double spaces":  # the second occurrence, not the first
        mark = view.extraSelections()[0]
        assert mark.cursor.block().text().startswith("Intro again")


def test_a_quote_across_table_cells(view: SectionView) -> None:
    view.show_section(TRICKY)
    quote = "Ada | lead"
    start = TRICKY.text.index(quote)
    assert view.highlight(start, start + len(quote), quote)
    # A selection across table cells takes whole cells (Qt's cell selection).
    shown = view.highlighted_text
    assert shown.startswith("Ada") and "lead" in shown and "Name" not in shown


def test_without_offsets_the_quote_is_searched(view: SectionView) -> None:
    view.show_section(TRICKY)
    assert view.highlight(None, None, "first item")
    assert view.highlighted_text == "first item"
    assert not view.highlight(None, None, "not in this section")
    assert view.highlighted_text == ""
    # The heading is not part of the section's text.
    assert not view.highlight(None, None, "A <title> & more")


def test_locator_on_an_empty_section(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SectionView()
    qtbot.addWidget(view)
    empty = _section([])
    view.show_section(empty)
    assert QuoteLocator(empty, view.document()).cursor(0, 3, "abc") is None
    doc = Document("/x.docx", "0" * 64, "t", [empty], 0)
    assert doc.sections[0] is empty
