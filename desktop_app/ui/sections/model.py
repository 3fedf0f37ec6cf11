"""One Qt item model over the pure section tree (napari's adapter-model habit).

The model never copies the tree: each index points at its `Section`, and the
tree structure comes from `Section.children` / `Section.parent`. The document
is kept referenced here, which keeps every pointed-at section alive.

With `show_whole_document`, the first top-level row is "Whole document": the
group of the findings about the document as a whole (they span sections),
with a status of its own (checked, failed, not checked yet).
"""

from __future__ import annotations

from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from desktop_app.document import Document, Section
from desktop_app.session import WHOLE_DOCUMENT, SectionStatus
from desktop_app.ui.common.icons import status_pixmap_icon

AnyIndex = QModelIndex | QPersistentModelIndex

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
WHOLE_DOCUMENT_TITLE = "Whole document"


class _WholeDocument:
    """The first row's pointer: no section, the document as a whole."""

    id = WHOLE_DOCUMENT
    children: list[Section] = []
    parent = None


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


class SectionTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._whole_row = False  # the "Whole document" row first (`show_whole_document`)
        self._whole = _WholeDocument()
        self._roots: list[Section] = []
        self._row: dict[str, int] = {}  # section id -> row among its siblings
        self._by_id: dict[str, Section] = {}
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
        self._document = document
        self._roots = list(document.sections) if document is not None else []
        self._row.clear()
        self._by_id.clear()
        self._status.clear()
        self._notes.clear()
        if document is not None:
            first = 1 if self._whole_row else 0
            for siblings in [self._roots, *(s.children for s in document.walk())]:
                offset = first if siblings is self._roots else 0
                for row, section in enumerate(siblings):
                    self._row[section.id] = row + offset
                    self._by_id[section.id] = section
            if self._whole_row:
                self._row[WHOLE_DOCUMENT] = 0
                self._by_id[WHOLE_DOCUMENT] = self._whole  # type: ignore[assignment]
        self.endResetModel()

    def is_whole_document(self, index: AnyIndex) -> bool:
        return index.isValid() and index.model() is self and (
            index.internalPointer() is self._whole)

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
        self._dirty.add(section_id)
        if not self._flush.isActive():
            self._flush.start()

    def _announce_statuses(self) -> None:
        rows: dict[str | None, list[int]] = {}  # parent id -> changed rows under it
        for sid in self._dirty:
            section = self._by_id.get(sid)  # gone if another document came meanwhile
            if section is not None:
                parent = section.parent.id if section.parent is not None else None
                rows.setdefault(parent, []).append(self._row[sid])
        self._dirty.clear()
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole]
        for parent_id, changed in rows.items():
            parent = self.index_for(parent_id) if parent_id is not None else QModelIndex()
            for first, last in _runs(changed):
                self.dataChanged.emit(self.index(first, Column.STATUS, parent),
                                      self.index(last, Column.STATUS, parent), roles)

    def section_for(self, index: AnyIndex) -> Section | None:
        if not index.isValid() or index.model() is not self:
            return None
        section: Section = index.internalPointer()
        return None if section is self._whole else section  # type: ignore[comparison-overlap]

    def index_for(self, section_id: str, column: int = Column.TITLE) -> QModelIndex:
        section = self._by_id.get(section_id)
        if section is None:
            return QModelIndex()
        return self.createIndex(self._row[section_id], column, section)

    # -- structure ----------------------------------------------------------

    def _children(self, parent: AnyIndex) -> list[Section]:
        if not parent.isValid():
            if self._whole_row and self._document is not None:
                return [self._whole, *self._roots]  # type: ignore[list-item]
            return self._roots
        section: Section = parent.internalPointer()
        return section.children

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._children(parent)[row])

    def parent(self, child: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        section: Section = child.internalPointer()
        up = section.parent
        if up is None:
            return QModelIndex()
        return self.createIndex(self._row[up.id], 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        # Only the first column has children (QAbstractItemModelTester checks this).
        if parent.column() > 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(Column)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        section: Section = index.internalPointer()
        if section is self._whole:  # type: ignore[comparison-overlap]
            return flags | Qt.ItemFlag.ItemNeverHasChildren
        if not section.children:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    # -- contents -----------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section: Section = index.internalPointer()
        column = index.column()
        if section is self._whole:  # type: ignore[comparison-overlap]
            return self._whole_data(column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.TITLE:
                return section.title
            if column == Column.WORDS:
                return f"{section.words:,}"
            # Compact: the icon says the state, the number how many findings it shows;
            # the title gets the room (the words are in the tooltip and read aloud).
            return self._notes.get(section.id, ("", ""))[0]
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.STATUS:
            note = self._notes.get(section.id, ("", ""))[0]
            label = self.status_for(section.id).label
            return f"{label} · {note}" if note else label
        if role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS:
            return status_pixmap_icon(self.status_for(section.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(section, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == Column.WORDS else _LEFT
        if role == SECTION_ID_ROLE:
            return section.id
        return None

    def _whole_data(self, column: int, role: int) -> Any:
        note, tip = self._notes.get(WHOLE_DOCUMENT, ("", ""))
        label = self.status_for(WHOLE_DOCUMENT).label
        if role == Qt.ItemDataRole.DisplayRole:
            return {Column.TITLE: WHOLE_DOCUMENT_TITLE, Column.WORDS: "",
                    Column.STATUS: note}.get(Column(column))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.STATUS:
            return tip or label
        if role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS:
            return status_pixmap_icon(self.status_for(WHOLE_DOCUMENT))
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("<b>Whole document</b><br>Findings that span sections: the cross-section "
                    "checks and the consistency pass" + (f"<br>{escape(tip)}" if tip else ""))
        if role == Qt.ItemDataRole.FontRole and column == Column.TITLE:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == SECTION_ID_ROLE:
            return WHOLE_DOCUMENT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[Column(section)]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _HEADER_TIPS[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == Column.WORDS else _LEFT
        return None

    def _tooltip(self, section: Section, column: int) -> str:
        if column == Column.STATUS:
            label = self.status_for(section.id).label
            tip = self._notes.get(section.id, ("", ""))[1]
            return f"{label}: {tip}" if tip else label
        if column == Column.WORDS:
            total = sum(s.words for s in section.walk())
            own = f"{section.words:,} words in this section"
            return own if not section.children else f"{own}, {total:,} with its subsections"
        # Rich text, escaped: a title such as "<b>" must not turn into markup.
        where = "Top level" if section.level == 0 else f"Heading level {section.level}"
        return f"<b>{escape(section.title)}</b><br>{where} · {section.words:,} words"


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Rows as runs of adjacent ones, first and last: [7, 1, 2, 3] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
