"""The main window: section tree, the section's text, and its findings.

This module builds the window and handles documents (open, drop, recent
files, state); `ReviewMixin` (review_window.py) wires the analysis,
`StoreMixin` (store_window.py) the stored review, saving and statistics,
`DecisionController` (decisions.py) the decisions and keyboard navigation,
`SettingsMixin` (settings_window.py) frameworks, guidelines and Settings,
`ChromeMixin` (window_chrome.py) the menus, toolbar and status bar, and
`AnalysisController` owns the provider, dispatcher and review session.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import desktop_app.document as document_api
from desktop_app.document import Document, DocumentError, RefusalKind
from desktop_app.ui.settings import store as app_settings
from desktop_app.ui.chat.chat_tab import ChatWiring
from desktop_app.ui.export.export_part import ExportAction
from desktop_app.ui.findings.panel import FindingsPanel
from desktop_app.ui.findings.earlier_findings import EarlierFindingsAction
from desktop_app.ui.window.review_controller import ReviewController
from desktop_app.ui.window.review_mixin import ReviewMixin
from desktop_app.ui.sections.model import Column, SectionTreeModel
from desktop_app.ui.sections.text_view import SectionView
from desktop_app.ui.settings.frameworks import SettingsMixin
from desktop_app.ui.window.store_mixin import StoreMixin
from desktop_app.ui.window.panes import cycle_panes
from desktop_app.ui.window.chrome import ChromeMixin
from desktop_app.workers.jobs import Job, JobRunner

if TYPE_CHECKING:
    from desktop_app.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)

_DEFAULT_SIZE = (1280, 800)
_PANE_SHARES = (0.25, 0.45, 0.30)  # tree, text, findings
_STATISTICS_HEIGHT = 250  # px under the findings, at first
_EXPAND_ALL_UP_TO = 300  # sections; bigger trees open with only the top levels expanded


def _load_document(path: str) -> Document:
    # Looked up at call time, so tests can replace `desktop_app.document.load`.
    return document_api.load(path)


class MainWindow(QMainWindow, ReviewMixin, SettingsMixin, StoreMixin, ChromeMixin):
    document_loaded = Signal(object)  # the Document now shown
    document_refused = Signal(str)  # the reason, as shown to the reviewer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Margin")
        self.setAcceptDrops(True)

        # Loading, provider preparation, guidelines, Settings' background work.
        self.runner = JobRunner(self, max_threads=4)
        self._load_serial = 0  # only the latest open_path may change the window
        self._guidelines_serial = 0
        self._closed = False
        self._document: Document | None = None
        self._settings = app_settings.app_settings()
        self.recent = app_settings.RecentFiles(self._settings)
        self.prefs = app_settings.load_review_prefs(self._settings)
        self.review = ReviewController(self.runner, self)
        # The saved provider, models, region and endpoint: not only once Settings
        # has been opened in this run.
        self.review.set_prefs(self.prefs)
        self.settings_dialog: SettingsDialog | None = None
        self._fatal_box: QMessageBox | None = None

        self.model = SectionTreeModel(self)
        self.tree = self._build_tree()
        self.view = SectionView()
        self.findings = FindingsPanel()
        self.findings.set_min_confidence(self.prefs.min_confidence)
        self._build_store_parts()
        # The findings, with the statistics under them.
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("sideSplitter")
        self.side.addWidget(self.findings)
        self.side.addWidget(self.statistics)
        self.side.setCollapsible(0, False)
        self.side.setStretchFactor(0, 1)
        self.side.setStretchFactor(1, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.view)
        self.chat = ChatWiring(self, self.side)  # findings and chat share the third pane
        self.splitter.addWidget(self.chat.tabs)
        self.splitter.setCollapsible(1, False)
        self.splitter.setCollapsible(2, False)
        # The tree and findings keep their widths; the text takes the rest.
        for pane, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(pane, stretch)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)  # hidden unless the review cannot be saved
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_review_actions()
        self.export = ExportAction(self)
        self.earlier = EarlierFindingsAction(self)
        self._build_menus()
        self.review_toolbar = self._build_toolbar()
        self._build_status_bar()
        self._build_access()  # screen-reader names and the Tab order, over all of it
        self._restore_state()
        self._rebuild_recent_menu()
        self._connect_analysis()
        self._connect_store()
        self._load_frameworks()
        if self.prefs.guidelines:
            self.attach_guidelines(self.prefs.guidelines, quiet=True)
        self._update_actions()

    # -- public API ---------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    def recent_files(self) -> list[str]:
        return self.recent.paths()

    def open_path(self, path: str | os.PathLike[str]) -> None:
        """Load `path` off the GUI thread; `document_loaded` or `document_refused` follows."""
        full = os.path.abspath(os.fspath(path))
        self._load_serial += 1
        serial = self._load_serial
        job = Job(_load_document, full)
        job.signals.finished.connect(lambda doc: self._on_loaded(serial, full, doc))
        job.signals.failed.connect(lambda exc: self._on_failed(serial, full, exc))
        self._set_busy(f"Opening {Path(full).name}…")
        self.runner.start(job)

    def choose_file(self) -> None:
        recent = self.recent_files()
        start = str(Path(recent[0]).parent) if recent else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Word document", start, "Word documents (*.docx);;All files (*)"
        )
        if path:
            self.open_path(path)

    def switch_pane(self) -> None:
        """F6: tree, text, findings (or chat), and round again (window_access.py)."""
        cycle_panes(self, 1)

    # -- loading ------------------------------------------------------------

    def _on_loaded(self, serial: int, path: str, doc: Document) -> None:
        if serial != self._load_serial or self._closed:
            return  # a newer open_path superseded this one, or the window is gone
        self._set_idle()
        # The file's name only: folders can name people, and the text never goes to the log.
        log.info("opened %s: %d sections, %d words", Path(path).name,
                 sum(1 for _ in doc.walk()), doc.words)
        self._show_document(doc, path)
        self.recent.add(path)
        self._rebuild_recent_menu()
        self.document_loaded.emit(doc)

    def _on_failed(self, serial: int, path: str, exc: BaseException) -> None:
        if serial != self._load_serial or self._closed:
            return
        self._set_idle()
        name = Path(path).name
        if isinstance(exc, DocumentError):
            log.info("refused %s: %s", name, exc.kind.name)
            reason = exc.reason
            text = f"Margin cannot open “{name}”."
            if exc.kind is RefusalKind.NOT_FOUND:
                self.recent.remove(path)
                self._rebuild_recent_menu()
        else:
            log.error("opening %s failed", name, exc_info=exc)
            reason = f"Margin could not open {name}: {str(exc) or type(exc).__name__}"
            text = f"Margin could not open “{name}”."
        self._show_refusal(text, reason)
        self.document_refused.emit(reason)

    def _show_refusal(self, text: str, reason: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("refusalBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Cannot open document")
        box.setText(text)
        box.setInformativeText(reason)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()  # never exec(): the event loop, and the loads in flight, keep running

    def _show_document(self, doc: Document, path: str) -> None:
        self._document = doc
        self.review.set_document(doc)  # first: the old run's last updates hit the old tree
        self.model.set_document(doc)
        self._refresh_all_statuses()  # what the stored review restored
        count = sum(1 for _ in doc.walk())
        if count <= _EXPAND_ALL_UP_TO:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        name = Path(path).name
        title = doc.title.strip()
        self.setWindowTitle(f"{title} — {name}" if title and title != Path(path).stem else name)
        self.summary.setText(
            f"{count:,} section{'s' if count != 1 else ''} · {doc.words:,} words"
        )
        first = self.model.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)
        else:
            self.view.show_placeholder("This document has no text to show.")
            self._show_findings()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_actions()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section = self.model.section_for(current)
        self.view.show_section(section)
        self.chat.follow_section(section.id if section is not None else None)
        self._show_findings()
        self._update_actions()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _set_busy(self, message: str) -> None:
        self.progress.show()
        self.statusBar().showMessage(message)

    def _set_idle(self) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()

    # -- drag and drop --------------------------------------------------------

    @staticmethod
    def _dropped_path(mime: QMimeData) -> str | None:
        """The first local file dropped, a .docx preferred.

        Other files are accepted too: the loader then says *why* a .doc or a
        PDF cannot be opened, which helps more than a refused drop.
        """
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]
        files = [f for f in files if os.path.isfile(f)]
        docx = [f for f in files if f.lower().endswith(".docx")]
        return (docx or files or [None])[0]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_path(path)

    # -- building -------------------------------------------------------------

    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("sectionTree")
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)  # keeps thousand-section trees fast
        tree.setAllColumnsShowFocus(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        tree.setAnimated(False)
        tree.setIndentation(16)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setFrameShape(QTreeView.Shape.NoFrame)
        tree.setStyleSheet("QTreeView::item { padding: 3px 0px; }")  # room to read a long list
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths, not ResizeToContents: that would measure every row of a long document.
        fm = tree.fontMetrics()
        pad = 3 * fm.averageCharWidth()
        header.setSectionResizeMode(Column.WORDS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.WORDS, fm.horizontalAdvance("00,000") + pad)
        header.resizeSection(
            Column.STATUS, fm.horizontalAdvance("Not analysed") + 16 + pad  # 16: the dot
        )
        header.setMinimumSectionSize(fm.horizontalAdvance("Words") + pad)
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        return tree

    # -- persistence ----------------------------------------------------------

    def _restore_state(self) -> None:
        s = self._settings
        geometry = s.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._default_geometry()
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("window/splitter")
        restored = isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)
        sizes = self.splitter.sizes()
        if not restored or len(sizes) != len(_PANE_SHARES) or min(sizes) <= 0:
            width = self.width()
            self.splitter.setSizes([round(width * share) for share in _PANE_SHARES])
        side = s.value("window/side")
        if not (isinstance(side, QByteArray) and self.side.restoreState(side)):
            height = self.height()
            self.side.setSizes([height - _STATISTICS_HEIGHT, _STATISTICS_HEIGHT])

    def _default_geometry(self) -> None:
        width, height = _DEFAULT_SIZE
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, round(available.width() * 0.9))
            height = min(height, round(available.height() * 0.9))
        self.resize(width, height)

    def save_state(self) -> bool:
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/side", self.side.saveState())
        return app_settings.save(s)

    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False  # shown again after a close: loads count again
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and self._document is not None and not self._may_close(event):
            return  # changes that cannot be saved: the reviewer decides
        if not self._closed:
            self.save_state()
            self._closed = True
            self._load_serial += 1  # results still on their way are now stale
            self._guidelines_serial += 1
            if self.settings_dialog is not None:
                self.settings_dialog.reject()
            self.export.shutdown()
            self.chat.shutdown()
            self.review.shutdown()  # cancels and drains the analysis, closes the store
            self.runner.shutdown()
        super().closeEvent(event)
