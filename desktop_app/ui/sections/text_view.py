"""The selected section's text, read-only, set for comfortable reading."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from desktop_app.document import Section
from desktop_app.ui.common.severity import severity_colour
from desktop_app.ui.common.theme import mix, theme
from desktop_app.ui.sections.places_html import places_html
from desktop_app.ui.sections.quote_locator import QuoteLocator
from desktop_app.ui.sections.section_html import Palette, section_html, stylesheet

# Lines of about 75 characters read best; wider windows get side margins.
_LINE_CHARS = 78
_MIN_SIDE_MARGIN = 28
_TOP_MARGIN = 20


Passage = tuple[int | None, int | None, str]  # start, end, quote in `Section.text`


def _mix(a: QColor, b: QColor, towards_b: float) -> str:
    return mix(a, b, towards_b).name()


def _selection(cursor: QTextCursor, background: str, underline: QColor
               ) -> QTextEdit.ExtraSelection:
    mark = QTextCharFormat()
    mark.setBackground(QColor(background))
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    mark.setUnderlineColor(underline)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = mark
    return selection


_READING = (Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
_PLACES = (_READING | Qt.TextInteractionFlag.LinksAccessibleByMouse
           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)


class SectionView(QTextBrowser):
    place_activated = Signal(int)  # a place of the finding shown (`show_places`), to go to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._section: Section | None = None
        self._locator: QuoteLocator | None = None  # built on the first highlight
        # What is marked, to mark again when the theme switches.
        self._mark: tuple[int | None, int | None, str, str, tuple[Passage, ...]] | None = None
        self._placeholder = ("", "")
        self.selection_actions: list[QAction] = []  # first in the context menu
        self.setObjectName("sectionView")
        self.setAccessibleName("Section text")
        self.setAccessibleDescription(
            "The selected section's text, read-only. Select a passage to add a finding on it.")
        self.setReadOnly(True)
        self.setOpenLinks(False)  # document text is data; never follow anything
        # A file dropped on the text opens it: let the drop reach the window.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(_READING)
        self.anchorClicked.connect(self._on_anchor)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(0)
        self._apply_stylesheet()
        theme().changed.connect(self._restyle)
        self.show_placeholder(
            "Open a Word document to review it section by section.",
            "File → Open… (Ctrl+O), or drop a .docx file on this window.",
        )

    @property
    def section(self) -> Section | None:
        return self._section

    def show_section(self, section: Section | None) -> None:
        if section is None:
            self.show_placeholder("Select a section in the tree to read it here.")
            return
        self._section = section
        self.setTextInteractionFlags(_READING)
        self._render()
        self.verticalScrollBar().setValue(0)

    def show_places(self, places: list, sections: dict[str, Section], issue: str,
                    severity: str = "") -> None:
        """A document-level finding's places, each quote marked in its paragraph; each
        section's name is a link (`place_activated`)."""
        self._section = None
        self._placeholder = ("", "")
        self.clear_highlight()
        base = self.palette().color(QPalette.ColorRole.Base)
        text = self.palette().color(QPalette.ColorRole.Text)
        mark = _mix(base, QColor(theme().colours().highlighter), 0.55)
        self.setTextInteractionFlags(_PLACES)
        self.setHtml(places_html(places, sections, issue=issue, mark_colour=mark,
                                 muted=_mix(text, base, 0.42)))
        self._fit_margins()
        self.verticalScrollBar().setValue(0)

    def _on_anchor(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("place:") and target[6:].isdigit():
            self.place_activated.emit(int(target[6:]))

    def _render(self) -> None:
        assert self._section is not None
        self._mark = None
        self.setExtraSelections([])
        self._locator = None
        self.setHtml(section_html(self._section))
        self._fit_margins()

    # -- quotes -------------------------------------------------------------

    def highlight(self, start: int | None, end: int | None, quote: str = "",
                  severity: str = "", others: Sequence[Passage] = ()) -> bool:
        """Mark the passage at `start:end` of the section text (or `quote`) and show it,
        underlined in `severity`'s colour; `others` (start, end, quote): the finding's
        other passages in this section (a pattern's occurrences), marked more lightly.

        False, and nothing marked, when the passage cannot be found.
        """
        self.clear_highlight()
        if self._section is None:
            return False
        locator = self._quote_locator()
        cursor = locator.cursor(start, end, quote)
        if cursor is None:
            return False
        self._mark = (start, end, quote, severity, tuple(others))
        # A highlighter mark (unmistakable for a selection), underlined in the
        # finding's severity colour; mixed into the page colour so that the
        # text keeps its contrast on a dark theme too. The other occurrences get a
        # paler mark: the one shown (Ctrl+J steps through them) stands out.
        colours = theme().colours()
        base = self.palette().color(QPalette.ColorRole.Base)
        highlighter = QColor(colours.highlighter)
        underline = severity_colour(severity) if severity else highlighter
        marks = [_selection(cursor, _mix(base, highlighter, 0.55), underline)]
        for passage in others:
            other = locator.cursor(*passage)
            if other is not None:
                marks.append(_selection(other, _mix(base, highlighter, 0.3), underline))
        self.setExtraSelections(marks)
        self._scroll_to(cursor)
        return True

    def _quote_locator(self) -> QuoteLocator:
        assert self._section is not None
        if self._locator is None:
            self._locator = QuoteLocator(self._section, self.document())
        return self._locator

    def selected_passage(self) -> tuple[int, int, str] | None:
        """The selected text as (start, end, text) of `Section.text`; None without one."""
        cursor = self.textCursor()
        if self._section is None or not cursor.hasSelection():
            return None
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        table = cursor.currentTable()
        if cursor.hasComplexSelection() and table is not None:
            # Cells selected across a table: from the first cell to the last.
            cells: tuple[int, int, int, int] = cursor.selectedTableCells()  # type: ignore[assignment]
            row, rows, column, columns = cells
            first = table.cellAt(row, column).firstCursorPosition().position()
            last = table.cellAt(row + rows - 1,
                                column + columns - 1).lastCursorPosition().position()
        span = self._quote_locator().offsets(first, last)
        if span is None:
            return None
        start, end = span
        return start, end, self._section.text[start:end]

    def select_passage(self, start: int, end: int) -> bool:
        """Select `Section.text[start:end]` as a reader would (tests, scripts)."""
        if self._section is None:
            return False
        cursor = self._quote_locator().cursor(start, end)
        if cursor is None:
            return False
        self.setTextCursor(cursor)
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.selection_actions and menu.actions():
            first = menu.actions()[0]
            menu.insertActions(first, self.selection_actions)
            menu.insertSeparator(first)
        elif self.selection_actions:
            menu.addActions(self.selection_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def clear_highlight(self) -> None:
        self._mark = None
        if self.extraSelections():
            self.setExtraSelections([])

    @property
    def highlighted_text(self) -> str:
        """The marked passage (the one shown, when several are marked); paragraph
        breaks as newlines."""
        texts = self.highlighted_texts
        return texts[0] if texts else ""

    @property
    def highlighted_texts(self) -> list[str]:
        """Every marked passage, the one shown first (if it was found)."""
        return [m.cursor.selectedText().replace("\u2029", "\n") for m in self.extraSelections()]

    def _scroll_to(self, cursor: QTextCursor) -> None:
        # Put the passage about a third of the way down, not at the very edge
        # where ensureCursorVisible leaves it.
        caret = QTextCursor(cursor)
        caret.setPosition(cursor.selectionStart())
        self.setTextCursor(caret)
        top = self.cursorRect(caret).top()
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        if not view // 6 <= top <= view * 2 // 3:
            bar.setValue(bar.value() + top - view // 3)

    def show_placeholder(self, message: str, hint: str = "") -> None:
        self._section = None
        self._placeholder = (message, hint)
        self.setTextInteractionFlags(_READING)
        hint_html = f'<p class="empty" align="center">{escape(hint)}</p>' if hint else ""
        self.setHtml(
            f'<p>&nbsp;</p><p>&nbsp;</p><p align="center" class="placeholder">{escape(message)}</p>'
            + hint_html
        )
        self._fit_margins()

    def _apply_stylesheet(self) -> None:
        # Shades mixed from the text and page colours: they follow a dark theme,
        # and QTextDocument CSS has no alpha (PlaceholderText is text at 50 %).
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        colours = Palette(
            text=text.name(),
            muted=_mix(text, base, 0.42),
            rule=_mix(text, base, 0.72),
            box=_mix(base, QColor(theme().colours().text_box), 0.14),
        )
        self.document().setDefaultStyleSheet(stylesheet(colours))

    def _restyle(self) -> None:
        """Light or dark switched: the CSS is rebuilt and the text rendered again."""
        self._apply_stylesheet()
        if self._section is not None:
            mark, scroll = self._mark, self.verticalScrollBar().value()
            self._render()
            if mark is not None:
                self.highlight(*mark)
            self.verticalScrollBar().setValue(scroll)
        else:
            self.show_placeholder(*self._placeholder)  # in the new colours

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_margins()

    def _fit_margins(self) -> None:
        # Centre a column of readable width instead of running lines edge to
        # edge. Root-frame margins, not viewport margins: those resize the
        # viewport, which calls resizeEvent again.
        text_width = _LINE_CHARS * self.fontMetrics().averageCharWidth()
        side = max(_MIN_SIDE_MARGIN, (self.viewport().width() - text_width) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() != side or fmt.topMargin() != _TOP_MARGIN:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(_TOP_MARGIN)
            fmt.setBottomMargin(_TOP_MARGIN)
            root.setFrameFormat(fmt)
