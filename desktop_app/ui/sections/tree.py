"""The section tree: the document's sections with their word counts and where each
analysis stands, and the reviewer's place in the document.

A part of the window: it owns its model and says what the reviewer does
(`current_changed`, `selection_changed`); it is told about the review through
`show_statuses` / `show_status`, which read the session.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView, QWidget

from desktop_app.document import Document, Section
from desktop_app.session import WHOLE_DOCUMENT, ReviewSession, SectionStatus
from desktop_app.ui.common.icons import status_pixmap_icon
from desktop_app.ui.sections.model import Column, SectionTreeModel
from desktop_app.ui.sections.status_note import status_note

EXPAND_ALL_UP_TO = 300  # sections; bigger trees open with only the top levels expanded


class SectionTree(QTreeView):
    current_changed = Signal(object)  # the Section now current, or None
    whole_document_chosen = Signal()  # the "Whole document" row is current now
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionTree")
        self.sections = SectionTreeModel(self)
        self.setModel(self.sections)
        self.setUniformRowHeights(True)  # keeps thousand-section trees fast
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAnimated(False)
        self.setIndentation(16)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.setStyleSheet("QTreeView::item { padding: 3px 0px; }")  # room to read a long list
        # The title takes the room: the word count is as wide as its widest number and
        # the status as its icon and finding count (its words are in its tooltip and
        # read aloud). Fixed widths, not ResizeToContents: that would measure every
        # row of a long document.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        pad = 2 * fm.averageCharWidth()
        header.setSectionResizeMode(Column.WORDS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(fm.horizontalAdvance("00") + pad)
        header.resizeSection(Column.WORDS, max(fm.horizontalAdvance("00,000"),
                                               fm.horizontalAdvance("Words")) + pad)
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        header.resizeSection(Column.STATUS, icon + 4 + fm.horizontalAdvance("000") + pad)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # -- the document -----------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self.sections.document

    def show_document(self, document: Document | None) -> None:
        """Its tree, expanded as far as stays quick to read; the first section current."""
        self.sections.set_document(document)
        if document is None:
            return
        if sum(1 for _ in document.walk()) <= EXPAND_ALL_UP_TO:
            self.expandAll()
        else:
            self.expandToDepth(0)
        # The first section (not the "Whole document" row above it): the reading starts there.
        first = (self.sections.index_for(document.sections[0].id) if document.sections
                 else self.sections.index(0, 0))
        if first.isValid():
            self.setCurrentIndex(first)

    def current_section(self) -> Section | None:
        return self.sections.section_for(self.currentIndex())

    def whole_document_current(self) -> bool:
        """The "Whole document" row is the current one."""
        return self.sections.is_whole_document(self.currentIndex())

    def current_group(self) -> str | None:
        """The current row's id: a section's, WHOLE_DOCUMENT, or None."""
        if self.whole_document_current():
            return WHOLE_DOCUMENT
        section = self.current_section()
        return section.id if section is not None else None

    def selected_sections(self) -> list[Section]:
        """The selected sections in document order; the current one if none is selected."""
        document = self.document
        if document is None:
            return []
        rows = self.selectionModel().selectedRows(Column.TITLE)
        chosen = {id(s) for s in (self.sections.section_for(i) for i in rows) if s is not None}
        sections = [s for s in document.walk() if id(s) in chosen]
        if not sections and (current := self.current_section()) is not None:
            sections = [current]
        return sections

    def selected_ids(self) -> list[str]:
        """The selected sections' ids in selection order (the current one if none is):
        what `selected_sections` orders, without walking the document."""
        rows = self.selectionModel().selectedRows(Column.TITLE)
        ids = [s.id for s in (self.sections.section_for(i) for i in rows) if s is not None]
        if not ids and (current := self.current_section()) is not None:
            ids = [current.id]
        return ids

    def is_selected(self, section_id: str) -> bool:
        return self.selectionModel().isSelected(self.sections.index_for(section_id))

    def select_section(self, section_id: str) -> None:
        """Make it current, its parents expanded, scrolled into view."""
        index = self.sections.index_for(section_id)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def warm_up(self) -> None:
        """Draw every status icon now, not in the wave of the first answers (~9 ms)."""
        for status in SectionStatus:
            status_pixmap_icon(status)

    # -- the review -----------------------------------------------------------------------

    def show_status(self, section_id: str, session: ReviewSession | None,
                    min_confidence: float) -> None:
        status = session.status(section_id) if session else SectionStatus.NOT_ANALYSED
        outcome = session.outcome(section_id) if session else None
        self.sections.set_status(section_id, *status_note(status, outcome, min_confidence))

    def show_document_status(self, status: SectionStatus, note: str, tooltip: str) -> None:
        """The "Whole document" row: how the passes over it went, what they found."""
        self.sections.set_status(WHOLE_DOCUMENT, status, note, tooltip)

    def show_statuses(self, session: ReviewSession | None, min_confidence: float) -> None:
        """Every section's status at once (a review restored): one pass, one update."""
        document = self.document
        if document is None or (session is not None and session.document is not document):
            return  # the tree is still the previous document's: it follows
        for section in document.walk():
            self.show_status(section.id, session, min_confidence)

    # -- signals ----------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.sections.is_whole_document(current):
            self.whole_document_chosen.emit()
            return
        self.current_changed.emit(self.sections.section_for(current))

    def _on_selection_changed(self, _selected: QItemSelection,
                              _deselected: QItemSelection) -> None:
        self.selection_changed.emit()
