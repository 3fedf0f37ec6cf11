"""The section tree's Qt model: the document's sections, their word counts and statuses.

The rows are copied into Qt's own items (see `SectionTreeModel` for why), each
row's title cell carrying its section's id (`SECTION_ID_ROLE`); the sections stay the
document's, found again by id.

With `show_whole_document`, the first top-level row is "Whole document": the
group of the findings about the document as a whole (they span sections),
with a status of its own (checked, failed, not checked yet).
"""

from __future__ import annotations

from enum import IntEnum
from html import escape

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from desktop_app.document import Document, Section
from desktop_app.session import WHOLE_DOCUMENT, SectionStatus
from desktop_app.ui.common.icons import status_pixmap_icon
from desktop_app.ui.common.theme import theme

AnyIndex = QModelIndex | QPersistentModelIndex

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
WHOLE_DOCUMENT_TITLE = "Whole document"


class Column(IntEnum):
    TITLE = 0
    WORDS = 1
    STATUS = 2


# The status column is an icon and a count wide: its header says it in a tooltip.
_HEADERS = {Column.TITLE: "Title", Column.WORDS: "Words", Column.STATUS: ""}
_HEADER_TIPS = {Column.TITLE: "The section's title", Column.WORDS: "Words in the section",
                Column.STATUS: "Status: the analysis, and the findings shown"}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_BRANCH = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF = _BRANCH | Qt.ItemFlag.ItemNeverHasChildren


class SectionTreeModel(QStandardItemModel):
    """The rows live in C++ items: painting the tree calls no Python.

    A Python item model answers every role of every visible cell through a call
    into Python: ~12 calls a cell, ~1,000 for one repaint of 30 rows, each taking
    the GIL from the analysis threads that are building requests at that moment.
    Measured in bench/window_bench.py: one tree repaint took 9-25 ms during a
    wave of answers. Stored in QStandardItems (a few thousand for the 653
    sections of the 872-page handbook), a repaint is C++ only; Python runs when a
    status changes, once per changed cell.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self._document: Document | None = None
        self._whole_row = False  # the "Whole document" row first (`show_whole_document`)
        self._items: dict[str, QStandardItem] = {}  # section id -> its title cell
        self._by_id: dict[str, Section | None] = {}  # None: the "Whole document" row
        self._status: dict[str, SectionStatus] = {}
        self._notes: dict[str, tuple[str, str]] = {}  # section id -> (shown note, tooltip)
        # Status cells changed since the views last heard: told once per event-loop
        # turn, one dataChanged per run of adjacent siblings. Analyse All queues a
        # hundred sections in one turn, and a dataChanged each cost ~0.3 ms of view
        # work; but one range from the first changed row to the last makes the view
        # measure every row between (answers for rows 5 and 95: ~27 ms, not 0.4 ms).
        self._dirty: set[str] = set()
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._announce_statuses)
        for column, title in _HEADERS.items():
            header = QStandardItem(title)
            header.setToolTip(_HEADER_TIPS[column])
            header.setData(_HEADER_TIPS[column], Qt.ItemDataRole.AccessibleTextRole)
            header.setTextAlignment(_RIGHT if column == Column.WORDS else _LEFT)
            self.setHorizontalHeaderItem(column, header)
        theme().changed.connect(self._restyle)  # the status icons are drawn per theme

    # -- the document -----------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    def show_whole_document(self, shown: bool = True) -> None:
        """A "Whole document" row before the sections (from the next document on)."""
        self._whole_row = shown

    def set_document(self, document: Document | None) -> None:
        """Show `document`'s tree (or nothing); every status resets."""
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the views, not a signal per row
        try:
            self.removeRows(0, self.rowCount())
            self._document = document
            self._items.clear()
            self._by_id.clear()
            self._status.clear()
            self._notes.clear()
            self._dirty.clear()
            if document is not None:
                root = self.invisibleRootItem()
                if self._whole_row:
                    root.appendRow(self._whole_cells())
                totals: dict[str, int] = {}
                for section in document.sections:
                    root.appendRow(self._cells(section, totals))
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _whole_cells(self) -> list[QStandardItem]:
        title, words, status = QStandardItem(WHOLE_DOCUMENT_TITLE), QStandardItem(), QStandardItem()
        font = QFont()
        font.setItalic(True)
        title.setFont(font)
        title.setData(WHOLE_DOCUMENT, SECTION_ID_ROLE)
        for cell in (title, words, status):
            cell.setFlags(_LEAF)
        self._items[WHOLE_DOCUMENT] = title
        self._by_id[WHOLE_DOCUMENT] = None
        self._paint_whole(title, words, status)
        return [title, words, status]

    def _cells(self, section: Section, totals: dict[str, int]) -> list[QStandardItem]:
        """A section's row, its subsections' rows under it (depth first). Each call
        into Qt costs ~6 us, so only what differs from a default cell is set (the
        handbook's 653 sections: ~45 ms, and its first paint ~17 ms, not ~50 ms)."""
        flags = _LEAF if not section.children else _BRANCH
        title, words, status = (QStandardItem(section.title),
                                QStandardItem(f"{section.words:,}"), QStandardItem())
        title.setData(section.id, SECTION_ID_ROLE)
        words.setTextAlignment(_RIGHT)
        for cell in (title, words, status):
            cell.setFlags(flags)
        self._items[section.id] = title
        self._by_id[section.id] = section
        for child in section.children:
            title.appendRow(self._cells(child, totals))
        total = section.words + sum(totals[c.id] for c in section.children)
        totals[section.id] = total
        # Rich text, escaped: a title such as "<b>" must not turn into markup.
        where = "Top level" if section.level == 0 else f"Heading level {section.level}"
        title.setToolTip(f"<b>{escape(section.title)}</b><br>{where} · {section.words:,} words")
        own = f"{section.words:,} words in this section"
        words.setToolTip(own if not section.children else f"{own}, {total:,} with its subsections")
        self._paint_status(section.id, status)
        return [title, words, status]

    def is_whole_document(self, index: AnyIndex) -> bool:
        return (index.isValid() and index.model() is self
                and index.siblingAtColumn(Column.TITLE).data(SECTION_ID_ROLE) == WHOLE_DOCUMENT)

    def status_for(self, section_id: str) -> SectionStatus:
        return self._status.get(section_id, SectionStatus.NOT_ANALYSED)

    def set_status(self, section_id: str, status: SectionStatus | str, note: str = "",
                   tooltip: str = "") -> None:
        """`note` follows the label ("Done · 4"); `tooltip` explains it (a failure's reason)."""
        status = SectionStatus(status)
        if section_id not in self._by_id:
            return
        if self.status_for(section_id) == status and self._notes.get(section_id, ("", "")) == (
            note, tooltip
        ):
            return
        self._status[section_id] = status
        if note or tooltip:
            self._notes[section_id] = (note, tooltip)
        else:
            self._notes.pop(section_id, None)
        self.blockSignals(True)  # the cell reads right at once; the views hear below
        try:
            self._repaint(section_id)
        finally:
            self.blockSignals(False)
        self._dirty.add(section_id)
        if not self._flush.isActive():
            self._flush.start()

    def _status_cell(self, section_id: str) -> QStandardItem:
        title = self._items[section_id]
        parent = title.parent() or self.invisibleRootItem()
        cell = parent.child(title.row(), Column.STATUS)
        assert cell is not None
        return cell

    def _paint_status(self, section_id: str, cell: QStandardItem) -> None:
        """The status cell's roles, from the status and note kept for it."""
        status = self.status_for(section_id)
        note, tip = self._notes.get(section_id, ("", ""))
        # Compact: the icon says the state, the number how many findings it shows;
        # the title gets the room (the words are in the tooltip and read aloud).
        cell.setText(note)
        cell.setIcon(status_pixmap_icon(status))
        cell.setData(f"{status.label} · {note}" if note else status.label,
                     Qt.ItemDataRole.AccessibleTextRole)
        cell.setToolTip(f"{status.label}: {tip}" if tip else status.label)

    def _paint_whole(self, *cells: QStandardItem) -> None:
        note, tip = self._notes.get(WHOLE_DOCUMENT, ("", ""))
        status = self.status_for(WHOLE_DOCUMENT)
        tooltip = ("<b>Whole document</b><br>Findings that span sections: the cross-section "
                   "checks and the consistency pass" + (f"<br>{escape(tip)}" if tip else ""))
        for cell in cells:
            cell.setToolTip(tooltip)
        cell = cells[Column.STATUS]
        cell.setText(note)
        cell.setIcon(status_pixmap_icon(status))
        cell.setData(tip or status.label, Qt.ItemDataRole.AccessibleTextRole)

    def _repaint(self, section_id: str) -> None:
        if section_id == WHOLE_DOCUMENT:
            title = self._items[WHOLE_DOCUMENT]
            row = title.row()
            root = self.invisibleRootItem()
            self._paint_whole(*(root.child(row, c) for c in Column))
        else:
            self._paint_status(section_id, self._status_cell(section_id))

    def _announce_statuses(self) -> None:
        rows: dict[int, tuple[QModelIndex, list[int]]] = {}  # parent -> its changed rows
        for sid in self._dirty:
            title = self._items.get(sid)  # gone if another document came meanwhile
            if title is not None:
                parent = title.parent()
                entry = rows.setdefault(id(parent) if parent is not None else 0, (
                    parent.index() if parent is not None else QModelIndex(), []))
                entry[1].append(title.row())
        self._dirty.clear()
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole]
        for parent, changed in rows.values():
            for first, last in _runs(changed):
                self.dataChanged.emit(self.index(first, Column.STATUS, parent),
                                      self.index(last, Column.STATUS, parent), roles)

    def _restyle(self) -> None:
        """Every status icon again, in the new theme's colours."""
        self.blockSignals(True)
        try:
            for sid in self._items:
                self._repaint(sid)
        finally:
            self.blockSignals(False)
        self._dirty.update(self._items)
        if not self._flush.isActive():
            self._flush.start()

    def section_for(self, index: AnyIndex) -> Section | None:
        if not index.isValid() or index.model() is not self:
            return None
        return self._by_id.get(index.siblingAtColumn(Column.TITLE).data(SECTION_ID_ROLE))

    def index_for(self, section_id: str, column: int = Column.TITLE) -> QModelIndex:
        title = self._items.get(section_id)
        if title is None:
            return QModelIndex()
        index = title.index()
        return index if column == Column.TITLE else index.siblingAtColumn(column)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Rows as runs of adjacent ones, first and last: [7, 1, 2, 3] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
