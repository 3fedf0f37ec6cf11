"""File → Reviews…: the documents reviewed before, to open again or to forget; and, while
a folder is reviewed, that run's documents with their progress (folder_view.py).

Not modal: the reviewer opens a document of a running folder from here and works on
it while the list stays open and the folder keeps running."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.session import ReviewSummary, Storage, StoreError
from desktop_app.session.folder import DocumentEntry
from desktop_app.ui.reviews.folder_part import FolderReview
from desktop_app.ui.reviews.folder_view import FolderView

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
_NONE_YET = "No reviews yet: open a document and analyse it."


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d %b %Y %H:%M")
    except ValueError:
        return iso


class ReviewsDialog(QDialog):
    open_requested = Signal(object)  # ReviewSummary whose file exists
    open_path_requested = Signal(str)  # a document of the folder review
    deleted = Signal(int)  # review id

    def __init__(self, store: Storage | None, parent: QWidget | None = None,
                 unavailable: str = "", folder: FolderReview | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewsDialog")
        self.setWindowTitle("Reviews")
        self.resize(760, 380)
        self.store = store
        self.folder_view: FolderView | None = None
        # Documents of a running folder become reviews as they finish: the list follows,
        # at most twice a second.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(500)
        self._reload_timer.timeout.connect(self.reload)
        self.box: QMessageBox | None = None  # the open confirmation or notice
        self.table = QTreeWidget()
        self.table.setObjectName("reviewsTable")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(["Document", "Framework", "Progress", "Findings",
                                    "Last reviewed"])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(lambda _item, _col: self.open_selected())
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.note = QLabel(unavailable)
        self.note.setObjectName("reviewsNote")
        self.note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton("&Open")
        self.open_button.setObjectName("openReviewButton")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("&Delete Review Data…")
        self.delete_button.setObjectName("deleteReviewButton")
        self.delete_button.clicked.connect(self.confirm_delete)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        stored = QWidget()
        column = QVBoxLayout(stored)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.note)
        if folder is not None and folder.run is not None:
            self.resize(860, 620)
            self.folder_view = FolderView(folder)
            self.folder_view.open_requested.connect(self.open_path_requested)
            folder.document_changed.connect(self._folder_document_changed)
            split = QSplitter(Qt.Orientation.Vertical)
            split.setObjectName("reviewsSplitter")
            split.addWidget(self.folder_view)
            split.addWidget(stored)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            layout.addWidget(split, 1)
        else:
            layout.addWidget(stored, 1)
        layout.addWidget(buttons)
        self.reload()

    def _folder_document_changed(self, entry: DocumentEntry) -> None:
        if entry.state.finished and not self._reload_timer.isActive():
            self._reload_timer.start()

    def reload(self) -> None:
        current = self.selected()
        self.table.clear()
        reviews: list[ReviewSummary] = []
        if self.store is not None:
            try:
                reviews = self.store.list_reviews()
            except StoreError as err:
                self.note.setText(f"The reviews cannot be read: {err}")
        for r in reviews:
            name = Path(r.path).name
            title = r.document_title.strip()
            item = QTreeWidgetItem([
                name, r.framework_name, f"{r.sections_done} / {r.sections_total}",
                str(r.findings), local_time(r.updated)])
            item.setData(0, SUMMARY_ROLE, r)
            where = r.path + ("" if os.path.exists(r.path) else "\n(not found there)")
            item.setToolTip(0, f"{title}\n{where}" if title else where)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        first = self.table.topLevelItem(0)
        if current is not None:
            self.select_review(current.review_id)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        elif self.store is not None and not self.note.text():
            self.note.setText(_NONE_YET)
        if reviews and self.note.text() == _NONE_YET:  # a folder review's first ones came
            self.note.setText("")
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item for item in items if item is not None]

    def reviews(self) -> list[ReviewSummary]:
        return [item.data(0, SUMMARY_ROLE) for item in self._items()]

    def selected(self) -> ReviewSummary | None:
        item = self.table.currentItem()
        return item.data(0, SUMMARY_ROLE) if item is not None else None

    def select_review(self, review_id: int) -> None:
        for item in self._items():
            if item.data(0, SUMMARY_ROLE).review_id == review_id:
                self.table.setCurrentItem(item)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def open_selected(self) -> None:
        r = self.selected()
        if r is None:
            return
        if not os.path.isfile(r.path):
            self._notice("The document is not there any more.",
                         f"{r.path} was moved, renamed or deleted. Open it from where it is "
                         "now with File → Open: its review is found again by its content.")
            return
        self.open_requested.emit(r)
        self.accept()

    def confirm_delete(self) -> None:
        r = self.selected()
        if r is None:
            return
        box = QMessageBox(self)
        box.setObjectName("confirmDeleteReview")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Delete review data")
        box.setText(f"Delete the review of “{Path(r.path).name}” ({r.framework_name})?")
        box.setInformativeText("Its findings, decisions, edits and chat are deleted from this "
                               "computer. The document itself is not touched.")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self._delete(r))
        self._show_box(box)

    def _delete(self, r: ReviewSummary) -> None:
        if self.store is None:
            return
        try:
            self.store.delete_review(r.review_id)
        except StoreError as err:
            self._notice("The review could not be deleted.", str(err))
            return
        self.deleted.emit(r.review_id)
        self.reload()

    def _notice(self, text: str, detail: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("reviewsNotice")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Reviews")
        box.setText(text)
        box.setInformativeText(detail)
        self._show_box(box)

    def _show_box(self, box: QMessageBox) -> None:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: setattr(self, "box", None))
        self.box = box
        box.open()
