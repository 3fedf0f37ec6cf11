"""The folder review in the Reviews list: one row per document, live, and the totals.

Shows a `FolderReview` (folder_part.py): each document's state, its sections
done of all, its findings by severity and cost once finished; above them the
run's totals and, for a batch run, the job's state. Opening a row (double
click, Enter, or Open) asks for that document in the window while the run goes
on; Cancel stops the run (a batch job is stopped in Bedrock too).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.review.findings import SEVERITIES
from desktop_app.session.folder import DocumentEntry, DocumentState, FolderProgress
from desktop_app.ui.reviews.folder_part import FolderReview, progress_line

PATH_ROLE = Qt.ItemDataRole.UserRole + 2
_OPENABLE = (DocumentState.WAITING, DocumentState.BATCH, DocumentState.RUNNING,
             DocumentState.DONE, DocumentState.FAILED, DocumentState.CANCELLED)


def sections_text(e: DocumentEntry) -> str:
    if e.state in (DocumentState.QUEUED, DocumentState.OPENING, DocumentState.CANNOT_OPEN):
        return ""
    text = f"{e.done} / {e.total}"
    if e.failed:
        text += f" · {e.failed} failed"
    return text


def findings_text(e: DocumentEntry) -> str:
    if not e.findings:
        return ""
    shown = [f"{e.findings[s]} {s}" for s in SEVERITIES if e.findings.get(s)]
    return ", ".join(shown) or "none"


def cost_text(e: DocumentEntry) -> str:
    if not e.state.finished or e.state is DocumentState.CANNOT_OPEN:
        return ""
    if e.cost_usd is None:
        return "price unknown"
    return "$0.00" if e.cost_usd == 0 else f"${e.cost_usd:.2f}" if e.cost_usd >= 0.01 \
        else "< $0.01"


class FolderView(QWidget):
    open_requested = Signal(str)  # the path of a document to show in the window

    def __init__(self, folder: FolderReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderView")
        self.folder = folder
        self.title = QLabel()
        self.title.setObjectName("folderTitle")
        self.totals = QLabel()
        self.totals.setObjectName("folderTotals")
        self.totals.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("folderTable")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(["Document", "Status", "Sections", "Findings", "Cost"])
        self.table.setAccessibleName("Documents of the folder review")
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(lambda item, _c: self._open(item))
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button = QPushButton("Open &Document")
        self.open_button.setObjectName("openFolderDocumentButton")
        self.open_button.clicked.connect(lambda: self._open(self.table.currentItem()))
        self.cancel_button = QPushButton("&Cancel Folder Review")
        self.cancel_button.setObjectName("cancelFolderButton")
        self.cancel_button.clicked.connect(folder.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.totals, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._rows: dict[int, QTreeWidgetItem] = {}
        folder.document_changed.connect(self.show_entry)
        folder.status_changed.connect(lambda _t: self._show_totals())
        folder.busy_changed.connect(lambda _b: self._show_totals())
        self.reload()

    def reload(self) -> None:
        self.table.clear()
        self._rows.clear()
        for entry in self.folder.entries:
            self.show_entry(entry)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self._show_totals()

    def show_entry(self, e: DocumentEntry) -> None:
        item = self._rows.get(e.index)
        if item is None:
            item = QTreeWidgetItem([""] * 5)
            item.setData(0, PATH_ROLE, e.path)
            for column in (2, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self._rows[e.index] = item
            self.table.addTopLevelItem(item)
        status = e.state.label
        if e.reason and e.state is DocumentState.CANNOT_OPEN:
            status += f": {e.reason}"
        values = [e.name, status, sections_text(e), findings_text(e), cost_text(e)]
        for column, value in enumerate(values):
            if item.text(column) != value:
                item.setText(column, value)
        item.setToolTip(0, f"{e.title}\n{e.path}" if e.title else e.path)
        item.setToolTip(1, status)
        self._update_buttons()

    def _show_totals(self) -> None:
        f = self.folder
        mode = f" ({f.mode})" if f.mode else ""
        running = " — running" if f.busy else ""
        self.title.setText(f"<b>Folder review{mode}: {f.folder}</b>{running}")
        progress: FolderProgress | None = f.last
        self.totals.setText(progress_line(progress).removeprefix("Folder: ")
                            if progress is not None else "")
        self.cancel_button.setEnabled(f.busy)

    def _update_buttons(self) -> None:
        item = self.table.currentItem()
        entry = self._entry(item)
        self.open_button.setEnabled(entry is not None and entry.state in _OPENABLE)

    def _entry(self, item: QTreeWidgetItem | None) -> DocumentEntry | None:
        if item is None:
            return None
        path = item.data(0, PATH_ROLE)
        return next((e for e in self.folder.entries if e.path == path), None)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        entry = self._entry(item)
        if entry is not None and entry.state in _OPENABLE:
            self.open_requested.emit(entry.path)
