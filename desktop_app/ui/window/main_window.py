"""The main window: the section tree, the section's text, and its findings or the chat.

The one module that knows every part. It builds them (each owns its widgets
and state and is given only what it needs: the review session, a job
runner), lays them out, and wires them in one switchboard, `_connect_signals`:
the parts never see the window, nor each other. What the reviewer can do is
declared once in `actions.py`; the menus, the toolbar and Help → Keyboard
Shortcuts read it. The review itself (session, provider, driver) is the
`ReviewController`; the window shows it.

One result, from the worker to the screen: `AnalysisJob.signals.finished` →
`Dispatcher.section_finished` → `SessionDriver` (records it in the
`ReviewSession`; `sections_changed` at the end of the turn) → here,
`_on_sections_changed`, to the tree and the findings.
"""

from __future__ import annotations

import logging
import os
from html import escape
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document import Document, Section
from desktop_app.review.findings import Finding
from desktop_app.session import (
    WHOLE_DOCUMENT,
    ProviderFactory,
    ProviderSetup,
    ReviewPrefs,
    ReviewSession,
    ReviewSummary,
    SectionStatus,
    is_document_finding,
)
from desktop_app.ui.chat.chat_tab import ChatTab
from desktop_app.ui.common.shortcuts_dialog import ShortcutsDialog
from desktop_app.ui.common.tab_order import tab_chain
from desktop_app.ui.export.export_part import ExportPart
from desktop_app.ui.export.source import snapshot_of
from desktop_app.ui.findings.decisions import Decisions
from desktop_app.ui.findings.document_cards import Place, cards, occurrences
from desktop_app.ui.findings.document_state import document_state
from desktop_app.ui.findings.earlier_findings import show_earlier_findings
from desktop_app.ui.findings.panel import FindingsPanel
from desktop_app.ui.reviews.dialog import ReviewsDialog
from desktop_app.ui.reviews.folder_part import FolderReview
from desktop_app.ui.sections.text_view import SectionView
from desktop_app.ui.sections.tree import SectionTree
from desktop_app.ui.settings import store as app_settings
from desktop_app.ui.settings.framework_picker import FrameworkPicker
from desktop_app.ui.statistics.panel import StatisticsPanel
from desktop_app.ui.window.actions import (
    FRAMEWORK_MENU,
    LIST_MENU,
    MENUS,
    RECENT_MENU,
    SELECTION_MENU,
    SPECS,
    TOOLBAR,
    make_actions,
    shortcut_rows,
)
from desktop_app.ui.window.opening import DocumentOpener
from desktop_app.ui.window.panes import Panes
from desktop_app.ui.window.review_controller import ReviewController
from desktop_app.ui.window.save_banner import SaveBanner
from desktop_app.ui.window.status_bar import StatusBar
from desktop_app.ui.window.time_spent import TimeSpent
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:
    from desktop_app.ai.batch import BatchSettings
    from desktop_app.session.folder import FolderItem
    from desktop_app.ui.reviews.folder_dialog import FolderDialog
    from desktop_app.ui.settings.dialog import SettingsDialog
    from desktop_app.ui.window.estimate_dialog import EstimateDialog

log = logging.getLogger(__name__)

_DEFAULT_SIZE = (1280, 800)
_PANE_SHARES = (0.25, 0.45, 0.30)  # tree, text, findings
_STATISTICS_HEIGHT = 250  # px under the findings, at first
_WARM_UP_MS = 100  # after a document's first paint, before a reviewer's first click
STATUS_ROWS_A_TURN = 40  # section rows whose status is shown in one turn of the event loop
# What to do about a provider that cannot serve at all, by failure kind.
_FIXES = {
    FailureKind.NO_CREDENTIALS: "Sign in to AWS (aws configure, or aws sso login for an SSO "
    "profile), or pick another profile in Settings. The built-in reviewer works without AWS.",
    FailureKind.ACCESS_DENIED: "Ask for access to the model in the Amazon Bedrock console "
    "(Model access) for this account and region, or change the model chain in Settings.",
    FailureKind.UNKNOWN_MODEL: "Check the model ids in Settings: Claude 4 models need an "
    "inference-profile id such as global.anthropic.…; “From my account…” lists what you can use.",
}


class MainWindow(QMainWindow):
    document_loaded = Signal(object)  # the Document now shown
    document_refused = Signal(str)  # the reason, as shown to the reviewer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Margin")
        self.setAcceptDrops(True)
        # Loading, provider preparation, guidelines, Settings' background work.
        self.runner = JobRunner(self, max_threads=4)
        self._closed = False
        self._document: Document | None = None
        self._settings = app_settings.app_settings()
        self.recent = app_settings.RecentFiles(self._settings)
        self.prefs = app_settings.load_review_prefs(self._settings)
        self.review = ReviewController(self.runner, self)
        # The saved provider, models, region and endpoint: not only once Settings
        # has been opened in this run.
        self.review.set_prefs(self.prefs)
        # A folder review shares the window's store; a document of it opens into the
        # very session the folder runs.
        self.folder = FolderReview(self.review.storage, self)
        self.review.session_source = self.folder
        self.settings_dialog: SettingsDialog | None = None
        self.folder_dialog: FolderDialog | None = None
        self.reviews_dialog: ReviewsDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self._fatal_box: QMessageBox | None = None
        self.estimate_dialog: EstimateDialog | None = None
        self._all_pending = False  # Analyse All waits for the reviewer to be ready
        self._after_all = False  # the running analysis is an Analyse All: check the document
        self._place: tuple[str, list[Place], int] | None = None  # Ctrl+J: finding, places, at
        self.action = make_actions(self)
        self._build_parts()
        self._build_layout()
        self._build_menus()
        self.review_toolbar = self._build_toolbar()
        self._name_widgets()  # screen-reader names and the Tab order, over all of it
        self._set_tab_order()
        self._restore_state()
        self._rebuild_recent_menu()
        self._connect_signals()
        self._load_frameworks()
        if self.prefs.guidelines:
            self.framework_picker.attach_guidelines(self.prefs.guidelines, quiet=True)
        self.time_spent.start()
        self._update_actions()
        # Batch jobs a closed window left running are collected now.
        QTimer.singleShot(0, self, self._resume_batch_jobs)
        self._findings_later = QTimer(self)  # `_on_answers`
        self._findings_later.setSingleShot(True)
        self._findings_later.setInterval(0)
        self._findings_later.timeout.connect(self._show_findings)
        # Tree rows whose status is still to be shown (`_on_sections_changed`).
        self._statuses_due: dict[str, None] = {}
        self._statuses_later = QTimer(self)
        self._statuses_later.setSingleShot(True)
        self._statuses_later.setInterval(0)
        self._statuses_later.timeout.connect(self._show_due_statuses)
        # Once the first document is shown, what its first answers would draw otherwise.
        self._warmed = False
        self.document_loaded.connect(self._schedule_warm_up)

    # -- public API ---------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def provider_factory(self) -> ProviderFactory:
        """Builds the reviewer for a document and settings (a seam for tests)."""
        return self.review.provider_factory

    @provider_factory.setter
    def provider_factory(self, factory: ProviderFactory) -> None:
        self.review.provider_factory = factory
        self.review.refresh_provider()

    def recent_files(self) -> list[str]:
        return self.recent.paths()

    def open_path(self, path: str | os.PathLike[str]) -> None:
        """Load `path` off the GUI thread; `document_loaded` or `document_refused` follows."""
        self.opener.open(path)

    def current_section(self) -> Section | None:
        return self.tree.current_section()

    def selected_sections(self) -> list[Section]:
        return self.tree.selected_sections()

    def select_section(self, section_id: str) -> None:
        self.tree.select_section(section_id)

    def choose_file(self) -> None:
        recent = self.recent_files()
        start = str(Path(recent[0]).parent) if recent else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Word document", start, "Word documents (*.docx);;All files (*)"
        )
        if path:
            self.open_path(path)

    def attach_guidelines(self, path: str) -> None:
        self.framework_picker.attach_guidelines(path)

    def refresh_statistics(self) -> None:
        self.statistics.refresh()

    # -- building -------------------------------------------------------------

    def _build_parts(self) -> None:
        a = self.action
        self.opener = DocumentOpener(self.runner, self)
        self.tree = SectionTree()
        self.model = self.tree.sections
        self.model.show_whole_document(True)  # the findings that span sections, first
        self.view = SectionView()
        self.view.selection_actions = [a[key] for key in SELECTION_MENU]
        self.findings = FindingsPanel()
        self.findings.set_min_confidence(self.prefs.min_confidence)
        self.findings.list.addActions([a[key] for key in LIST_MENU])
        self.statistics = StatisticsPanel()
        self.banner = SaveBanner()  # hidden unless the review cannot be saved
        self.decisions = Decisions(self.findings, self.view, self)
        self.framework_picker = FrameworkPicker(a["attach_guidelines"], a["clear_guidelines"],
                                                self.runner)
        self.export = ExportPart(self, self.runner, self._settings)
        self.status_bar = StatusBar()
        self.setStatusBar(self.status_bar)
        self.time_spent = TimeSpent(self)
        # The findings, with the statistics under them; the chat shares the third pane.
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("sideSplitter")
        self.side.addWidget(self.findings)
        self.side.addWidget(self.statistics)
        self.side.setCollapsible(0, False)
        self.side.setStretchFactor(0, 1)
        self.side.setStretchFactor(1, 0)
        self.chat = ChatTab(self.side, self.runner, self)
        self.panes = Panes(self.tree, self.view, self.findings, self.chat)

    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.view)
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
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for title, name, items in MENUS:
            menu = bar.addMenu(title)
            menu.setObjectName(name)
            for key in items:
                if key is None:
                    menu.addSeparator()
                elif key == "@recent":
                    self.recent_menu = QMenu(RECENT_MENU[0], self)
                    self.recent_menu.setObjectName(RECENT_MENU[1])
                    menu.addMenu(self.recent_menu)
                elif key == "@framework":
                    # The toolbar's framework list, for the keyboard (and a narrow toolbar).
                    self.framework_menu = QMenu(FRAMEWORK_MENU[0], self)
                    self.framework_menu.setObjectName(FRAMEWORK_MENU[1])
                    self.framework_menu.aboutToShow.connect(
                        lambda: self.framework_picker.fill_menu(self.framework_menu))
                    menu.addMenu(self.framework_menu)
                else:
                    menu.addAction(self.action[key])
        # Every key works wherever the focus is; Delete only where its context says.
        self.addActions([a for key, a in self.action.items() if SPECS[key].keys])

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Review", self)
        toolbar.setObjectName("reviewToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in TOOLBAR:
            if key is None:
                toolbar.addSeparator()
            elif key == "@framework":
                toolbar.addWidget(self.framework_picker)
            else:
                toolbar.addAction(self.action[key])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    def _name_widgets(self) -> None:
        """Names (and, where the name is not enough, descriptions) for assistive technology."""
        f, chat, bar = self.findings, self.chat, self.status_bar
        named: list[tuple[QWidget, str, str]] = [
            (self.tree, "Sections", "The document's sections with their word counts and "
             "analysis status. Ctrl+R analyses the current one."),
            (f.list, "Findings", "The current section's findings. Ctrl+Enter accepts, "
             "Ctrl+Backspace rejects, F2 edits, Alt+Down and Alt+Up move between findings."),
            (f.retry_button, "Retry the analysis", ""),
            (f.analyse_button, "Analyse this section", ""),
            (chat.tabs, "Findings and chat", ""),
            (chat.panel.conversation, "Chat transcript", ""),
            (chat.panel.input, "Question", "Enter sends the question; Shift+Enter starts a "
             "new line."),
            (self.statistics.scroller, "Statistics", "The review's numbers: sections done, "
             "findings by severity, decisions, categories, tokens and estimated cost."),
            (bar.progress, "Opening the document", ""),
            (bar.analysis_progress, "Analysis progress", ""),
            (bar.analysis_label, "Analysis progress text", ""),
            (bar.summary, "Document summary", ""),
            (bar.review_notice, "Review notice", ""),
            (self.framework_picker.combo, "Review framework", ""),
            (self.framework_picker.guidelines, "Guidelines", ""),
            (self.framework_picker.clear, "Clear the guidelines", ""),
            (self.review_toolbar, "Review toolbar", ""),
            (self.banner.retry, "Retry saving now", ""),
        ]
        for widget, name, description in named:
            widget.setAccessibleName(name)
            if description:
                widget.setAccessibleDescription(description)

    def _set_tab_order(self) -> None:
        """Tab follows the screen: the toolbar's framework controls, the banner, the tree,
        the text, then the side pane (its tabs, the filters, the findings, the statistics;
        or the chat). The tab widget stands in the chain for its bar (focus proxy)."""
        p, f, chat = self.framework_picker, self.findings, self.chat.panel
        tab_chain(p.combo, p.guidelines, p.clear, self.banner.retry, self.tree, self.view,
                  self.chat.tabs, f.filters.severity, f.filters.category, f.filters.decision,
                  f.filters.clear, f.retry_button, f.analyse_button, f.list,
                  self.statistics.scroller, chat.section_button, chat.document_button,
                  chat.clear_button, chat.conversation, chat.input, chat.send_button,
                  chat.stop_button)

    # -- the switchboard ------------------------------------------------------------

    def _connect_signals(self) -> None:  # noqa: PLR0915 - one list, read top to bottom
        a, d, review, driver = self.action, self.decisions, self.review, self.review.driver

        def on(key: str, slot) -> None:  # type: ignore[no-untyped-def]
            a[key].triggered.connect(lambda _checked=False: slot())

        # What the reviewer asks for: the action table's entries, to the parts that do it.
        on("open", self.choose_file)
        on("clear_recent", self._clear_recent)
        on("reviews", self.show_reviews)
        on("review_folder", self.choose_folder)
        on("cancel_folder", self.folder.cancel)
        on("export", self._export)
        on("quit", self.close)
        on("undo", d.undo_stack.undo)
        on("redo", d.undo_stack.redo)
        on("settings", self.open_settings)
        on("next_section", lambda: d.move_section(1))
        on("previous_section", lambda: d.move_section(-1))
        on("next_pane", lambda: self.panes.cycle(1, self.focusWidget()))
        on("previous_pane", lambda: self.panes.cycle(-1, self.focusWidget()))
        on("go_sections", self.panes.go_tree)
        on("go_text", self.panes.go_text)
        on("go_findings", self.panes.go_findings)
        on("chat", self.chat.show_chat)
        a["statistics"].setChecked(True)  # shown at first; the remembered choice follows
        a["statistics"].toggled.connect(self._show_statistics_pane)
        on("next_finding", lambda: d.move_finding(1))
        on("previous_finding", lambda: d.move_finding(-1))
        on("accept", lambda: d.decide("accepted"))
        on("reject", lambda: d.decide("rejected"))
        on("reset", lambda: d.decide("pending"))
        on("edit", d.edit)
        on("add", d.add_on_selection)
        on("delete", d.delete)
        on("earlier_findings", self._show_earlier_findings)
        on("analyse_section", lambda: self._analyse(self.tree.current_section()))
        on("analyse_selected", lambda: self._analyse(*self.tree.selected_sections()))
        on("analyse_all", self._analyse_all)
        on("check_consistency", lambda: self._check_document(force=True))
        on("next_place", self._next_place)
        on("analyse_changed", self._analyse_changed)
        on("reanalyse", lambda: self._analyse(*self.tree.selected_sections(), force=True))
        on("cancel_section", lambda: review.cancel([s.id for s in
                                                    self.tree.selected_sections()]))
        on("cancel_all", review.cancel_all)
        on("retry_failed", review.retry_failed)
        on("attach_guidelines", self._choose_guidelines)
        on("clear_guidelines", self.framework_picker.clear_guidelines)
        on("shortcuts", self.show_shortcuts)
        on("about", self._show_about)
        # Bound methods, not lambdas: the stack says it is empty while the window goes,
        # and Qt drops a method's connection with its object first.
        d.undo_stack.canUndoChanged.connect(self._on_undo_changed)
        d.undo_stack.canRedoChanged.connect(self._on_undo_changed)
        d.undo_stack.undoTextChanged.connect(self._on_undo_changed)
        d.undo_stack.redoTextChanged.connect(self._on_undo_changed)

        # Opening documents.
        self.opener.opening.connect(lambda name: self.status_bar.set_busy(f"Opening {name}…"))
        self.opener.opened.connect(self._on_opened)
        self.opener.refused.connect(self._on_refused)
        self.opener.missing.connect(self._forget_recent)

        # The parts, to each other.
        self.tree.current_changed.connect(self._on_current_changed)
        self.tree.whole_document_chosen.connect(self._on_whole_document)
        self.tree.selection_changed.connect(self._update_actions)
        self.view.place_activated.connect(self._go_to_place)
        self.findings.finding_selected.connect(self._on_finding_selected)
        self.findings.filter_changed.connect(lambda _f: self._update_actions())
        self.findings.retry_requested.connect(self._retry_group)
        self.findings.analyse_requested.connect(self._analyse_group)
        self.findings.finding_activated.connect(lambda _f: d.edit())
        d.section_wanted.connect(self.tree.select_section)
        d.finding_changed.connect(self._refresh_section)
        d.message.connect(self.status_bar.showMessage)
        self.chat.section_requested.connect(self.tree.select_section)
        self.chat.finding_requested.connect(self._finding_from_chat)
        # Counted with the next refresh, not in the turn that ends the answer (~4 ms).
        self.chat.usage_recorded.connect(self.statistics.schedule)
        self.banner.retry_requested.connect(self._retry_saving)
        self.banner.dismissed.connect(lambda: setattr(review.storage, "notice", ""))
        self.banner.close_anyway.connect(self._close_without_saving)
        self.banner.close_again.connect(self.close)
        self.framework_picker.framework_changed.connect(self._on_framework_changed)
        self.framework_picker.guidelines_attached.connect(self._on_guidelines)
        self.framework_picker.message.connect(self.status_bar.showMessage)
        self.status_bar.settings_requested.connect(self.open_settings)
        self.status_bar.folder_requested.connect(self.show_reviews)
        self.status_bar.analyse_changed_requested.connect(self._analyse_changed)

        # The review: its session, its provider, and each section's outcome.
        review.session_opened.connect(self._on_session_opened)
        review.save_state_changed.connect(self._on_save_state)
        review.provider_preparing.connect(
            lambda: self.status_bar.show_reviewer("Preparing the reviewer…", "", False))
        review.provider_ready.connect(self._on_provider_ready)
        review.provider_failed.connect(self._on_provider_failed)
        driver.sections_changed.connect(self._on_answers)
        driver.progress_changed.connect(self.status_bar.show_progress)
        driver.run_finished.connect(self.status_bar.show_run_finished)
        driver.busy_changed.connect(self._on_busy_changed)
        driver.provider_unusable.connect(self._on_provider_unusable)
        driver.run_finished.connect(self._on_run_finished)
        driver.document_check_started.connect(self._show_document_state)
        driver.document_check_progress.connect(self.status_bar.showMessage)
        driver.document_changed.connect(self._on_document_changed)
        driver.document_check_finished.connect(self._on_document_checked)
        review.estimate_ready.connect(self._on_estimate)
        review.estimate_failed.connect(self._on_estimate_failed)

        # The folder review: its documents' results reach the tree when one is shown.
        folder = self.folder
        folder.sections_changed.connect(self._on_folder_sections)
        folder.status_changed.connect(self.status_bar.show_folder)
        folder.message.connect(lambda text: self.status_bar.showMessage(text, 15_000))
        folder.busy_changed.connect(lambda _busy: self._update_actions())
        folder.started.connect(self.show_reviews)

        shown = self._settings.value("window/statistics", True)
        a["statistics"].setChecked(shown not in (False, "false"))

    # -- documents ----------------------------------------------------------------------

    def _on_opened(self, doc: Document, path: str) -> None:
        self.status_bar.set_idle()
        self._document = doc
        self.review.set_document(doc)  # first: the old run's last updates hit the old tree
        self.tree.show_document(doc)
        self.tree.show_statuses(self.review.session, self.prefs.min_confidence)
        self._show_document_state()  # the "Whole document" row, now that the tree has it
        name = Path(path).name
        title = doc.title.strip()
        self.setWindowTitle(f"{title} — {name}" if title and title != Path(path).stem else name)
        self.status_bar.show_document(doc)
        if self.tree.current_section() is None:
            self.view.show_placeholder("This document has no text to show.")
            self._show_findings()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_actions()
        self.recent.add(path)
        self._rebuild_recent_menu()
        self.export.check(doc)  # whether a reviewed copy can be made: said before the work
        self.document_loaded.emit(doc)

    def _on_refused(self, text: str, reason: str, _path: str) -> None:
        self.status_bar.set_idle()
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
        self.document_refused.emit(reason)

    def _forget_recent(self, path: str) -> None:
        self.recent.remove(path)
        self._rebuild_recent_menu()

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for number, path in enumerate(paths, start=1):
            label = Path(path).name.replace("&", "&&")
            prefix = f"&{number} " if number < 10 else "1&0 "
            action = self.recent_menu.addAction(prefix + label)
            action.setData(path)
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            empty = self.recent_menu.addAction("No recent documents")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.action["clear_recent"])
        self.action["clear_recent"].setEnabled(bool(paths))

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

    # -- the reviewer's place ---------------------------------------------------------

    def _on_current_changed(self, section: Section | None) -> None:
        self.view.show_section(section)
        self.chat.follow_section(section.id if section is not None else None)
        self._show_findings()
        self._update_actions()

    def _flush_findings(self) -> None:
        if self._findings_later.isActive():
            self._findings_later.stop()
            self._show_findings()

    def _show_findings(self) -> None:
        self._findings_later.stop()  # shown now: a refresh still due would repeat it
        if self.tree.whole_document_current():
            self._show_document_findings()
            return
        section, session = self.tree.current_section(), self.review.session
        if section is None:
            self.findings.show_section(None, SectionStatus.NOT_ANALYSED, None)
            return
        self.findings.show_section(section, self.review.status(section.id),
                                   session.outcome(section.id) if session else None)

    def _on_finding_selected(self, finding: Finding | None) -> None:
        if self.findings.group == WHOLE_DOCUMENT:
            self._show_places(finding)
            self._update_actions()
            return
        if finding is None:
            self.view.clear_highlight()
        elif finding.quotes:  # a pattern that recurs: every occurrence marked, the first shown
            self._place = (finding.id, self._occurrences(finding), -1)
            self._go_to_place(0)
        elif not self.view.highlight(finding.start, finding.end, finding.quote,
                                     finding.severity) and finding.quote:
            self.status_bar.showMessage("This finding's quote is not in the section text.",
                                        5000)
        self._update_actions()

    def _occurrences(self, finding: Finding) -> list[Place]:
        section = self.tree.current_section()
        return occurrences(finding, section.title if section is not None else "")

    def _finding_from_chat(self, section_id: str, text: str) -> None:
        """An answer becomes the issue of an own finding on the passage selected."""
        current = self.tree.current_section()
        if section_id and (current is None or current.id != section_id):
            self.tree.select_section(section_id)
        self.decisions.add_on_selection(issue=text)

    def _show_earlier_findings(self) -> None:
        note = show_earlier_findings(self, self.view.section, self.review.session)
        if note:
            self.status_bar.showMessage(note, 10_000 if "cannot" in note else 8_000)

    # -- the document as a whole ---------------------------------------------------------

    def _on_whole_document(self) -> None:
        """The "Whole document" row is current: its findings, and their places."""
        self.chat.follow_section(None)
        self._show_document_findings()
        self._show_places(self.findings.selected_finding())
        self._update_actions()

    def _show_document_findings(self) -> None:
        session = self.review.session
        state = document_state(session, self.review.driver.checking, self.prefs.min_confidence)
        found = session.document_findings() if session is not None else []
        shown, places = cards(found, session.titles if session else {},
                              session.results.document.changed if session else {})
        self.findings.show_document(
            shown, places, framework=session.framework if session else None,
            edited=set(session.results.document.originals) if session else set(),
            status=state.status, note=state.summary, failure=state.failure,
            checked=state.checked)

    def _show_document_state(self) -> None:
        """The tree's row (and the pane, if it shows the whole document)."""
        state = document_state(self.review.session, self.review.driver.checking,
                               self.prefs.min_confidence)
        self.tree.show_document_status(state.status, state.note, state.tooltip)
        if self.tree.whole_document_current():
            self._show_document_findings()
            self._show_places(self.findings.selected_finding())
        self._update_actions()

    def _show_places(self, finding: Finding | None) -> None:
        """The text pane, while the whole document is current: the finding's places."""
        doc = self._document
        if finding is None or doc is None:
            session = self.review.session
            count = len(session.document_findings()) if session is not None else 0
            self.view.show_placeholder(
                "Findings about the document as a whole: each is about several places." if count
                else "Nothing found across sections yet.",
                "Select one to read its places side by side; Ctrl+J goes to each in its "
                "section." if count else "Review → Check Consistency (Ctrl+Shift+K) checks the "
                "document as a whole.")
            return
        places = self.findings.model.places(finding.id)
        self._place = (finding.id, places, -1)
        self.view.show_places(places, {s.id: s for s in doc.walk()}, finding.issue,
                              finding.severity)

    def _next_place(self) -> None:
        """Ctrl+J: the next place of the finding selected (or last shown): a whole-document
        finding's places, or the occurrences of a pattern in a section."""
        finding = self.findings.selected_finding()
        if finding is not None and (self._place is None or self._place[0] != finding.id):
            if is_document_finding(finding.id):
                self._place = (finding.id, self.findings.model.places(finding.id), -1)
            elif finding.quotes:
                self._place = (finding.id, self._occurrences(finding), -1)
        if self._place is None or not self._place[1]:
            self.status_bar.showMessage("Select a finding about several places first: one of "
                                        "the Whole document, or one listing its occurrences.",
                                        4000)
            return
        fid, places, at = self._place
        self._go_to_place((at + 1) % len(places))

    def _go_to_place(self, number: int) -> None:
        """Show place `number` of the finding in its section, the quote marked."""
        if self._place is None or not 0 <= number < len(self._place[1]):
            return
        fid, places, _ = self._place
        self._place = (fid, places, number)
        place = places[number]
        session = self.review.session
        found = session.locate(fid) if session is not None else None
        severity = found[1].severity if found is not None else ""
        self.tree.select_section(place.section_id)
        current = self.tree.current_section()
        if current is None or current.id != place.section_id:
            self.status_bar.showMessage(f"“{place.title}” is no longer in the document.", 5000)
            return
        others = [(p.start, p.end, p.quote) for p in places
                  if p is not place and p.section_id == place.section_id]
        marked = self.view.highlight(place.start, place.end, place.quote, severity, others)
        where = f"Place {number + 1} of {len(places)}: “{place.title}”"
        self.status_bar.showMessage(
            (where if marked else f"{where}: the quote is not in the text any more")
            + (" · Ctrl+J for the next" if len(places) > 1 else ""), 8000)

    def _check_document(self, force: bool = False) -> None:
        if self.review.session is None or self.review.busy:
            return
        why = self.review.check_document(force=force)
        if why:
            self.status_bar.showMessage(why[:1].upper() + why[1:] + ".", 10_000)

    def _on_document_changed(self) -> None:
        self._show_document_state()
        self._update_categories()
        self.statistics.schedule()

    def _on_document_checked(self, outcomes: object) -> None:
        self.status_bar.clearMessage()
        self._show_document_state()
        if outcomes is None:
            self.status_bar.showMessage("The document check was cancelled.", 6000)
            return
        failed = [o for o in outcomes if o.findings is None]  # type: ignore[attr-defined]
        session = self.review.session
        count = len(session.document_findings()) if session is not None else 0
        if failed:
            self.status_bar.showMessage("The check of the document as a whole failed: see "
                                        "Whole document.", 10_000)
        elif outcomes:
            self.status_bar.showMessage(
                f"Whole document checked: {count} finding{'s' * (count != 1)} across "
                "sections.", 8000)
        self.statistics.schedule()

    def _retry_group(self, group: str) -> None:
        if group == WHOLE_DOCUMENT:
            self._check_document(force=True)
        else:
            self._analyse_ids([group], force=True)

    def _analyse_group(self, group: str) -> None:
        if group == WHOLE_DOCUMENT:
            self._check_document()
        else:
            self._analyse_ids([group])

    # -- Analyse All: the estimate first, then the passes over the whole document ----------

    def _analyse_all(self) -> None:
        sections = self._all_sections()
        if not sections or self.review.session is None:
            return
        review = self.review
        if review.setup is None and self.prefs.provider != "local":
            self._all_pending = True  # asked again once the reviewer is ready
            self.status_bar.showMessage("Preparing the reviewer…", 5000)
            review.ensure_provider()
            return
        if not review.costs_money:
            self._start_all(sections)
            return
        self.status_bar.showMessage("Estimating the cost…", 10_000)
        review.estimate(sections, consistency=self.prefs.consistency)

    def _on_estimate(self, estimate: object, to_ask: object) -> None:
        sections = self._all_sections()
        if not to_ask:  # every section answered before: nothing to pay
            self._start_all(sections)
            return
        cost = estimate.cost_usd  # type: ignore[attr-defined]
        if cost is not None and cost <= self.prefs.ask_above_usd:
            self._start_all(sections, estimate)
            return
        self.status_bar.clearMessage()
        if self.estimate_dialog is not None:
            return
        from desktop_app.ui.window.estimate_dialog import EstimateDialog  # when first asked

        dialog = EstimateDialog(estimate, len(to_ask), self)  # type: ignore[arg-type]
        dialog.accepted.connect(lambda: self._estimate_accepted(dialog, estimate))
        dialog.finished.connect(lambda _r: self._estimate_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.estimate_dialog = dialog
        dialog.open()

    def _estimate_accepted(self, dialog: EstimateDialog, estimate: object) -> None:
        threshold = dialog.threshold()
        if threshold is not None:
            self.prefs.ask_above_usd = threshold
            app_settings.save_review_prefs(self._settings, self.prefs)
        self._start_all(self._all_sections(), estimate)

    def _estimate_closed(self, dialog: EstimateDialog) -> None:
        if self.estimate_dialog is dialog:
            self.estimate_dialog = None
        dialog.deleteLater()

    def _on_estimate_failed(self, reason: str) -> None:
        self.status_bar.showMessage(f"No estimate: {reason}; nothing was sent.", 8000)

    def _start_all(self, sections: list[Section], estimate: object = None) -> None:
        session = self.review.session
        if session is None:
            return
        if estimate is not None:
            session.remember_estimate(estimate, self.prefs.bedrock.prices)  # type: ignore[arg-type]
        self._after_all = True
        self._analyse(*sections)

    def _on_run_finished(self, progress: object) -> None:
        """After Analyse All: the document as a whole (the free cross-section checks, and the
        consistency pass when Settings ask for it); not after a cancelled run."""
        self._flush_findings()  # the run's last answer is on screen when it is said done
        if not self._after_all:
            return
        self._after_all = False
        if getattr(progress, "cancelled", 0) or self._document is None:
            return
        self.review.check_document()

    # -- the review ---------------------------------------------------------------------

    def _all_sections(self) -> list[Section]:
        return list(self._document.walk()) if self._document is not None else []

    def _analyse(self, *sections: Section | None, force: bool = False) -> None:
        chosen = [s for s in sections if s is not None]
        if chosen:
            self.review.analyse(chosen, force)

    def _analyse_ids(self, section_ids: list[str], force: bool = False) -> None:
        self._analyse(*(s for s in self._all_sections() if s.id in section_ids), force=force)

    def _analyse_changed(self) -> None:
        session = self.review.session
        if session is not None:
            self._analyse(*session.sections_with(SectionStatus.CHANGED))

    def _on_session_opened(self, session: ReviewSession | None) -> None:
        self.folder.shown = session  # a folder review keeps it open when its document ends
        self.decisions.set_session(session)
        self.tree.show_statuses(session, self.prefs.min_confidence)
        open_review = session is not None and session.review_id is not None
        self.status_bar.show_restored(session.state if open_review and session else None)
        self._update_categories()
        self._show_findings()
        self.statistics.follow(session, self.prefs.bedrock.prices)
        current = self.tree.current_section()
        self.chat.show_review(self._document, session, current.id if current else None)
        self.time_spent.follow(session)
        self._place = None
        self._show_document_state()
        self._on_save_state()
        self._update_actions()

    def _on_answers(self, changed: dict[str, SectionStatus]) -> None:
        """The analysis's changes: the current section's findings a turn later, so
        that an answer's save and tree update and the findings' layout are two
        short turns, not one long one (bench/window_bench.py: the first answer's
        ~17 ms of GUI work was one stall)."""
        self._on_sections_changed(changed, findings_later=True)

    def _on_sections_changed(self, changed: dict[str, SectionStatus],
                             findings_later: bool = False) -> None:
        """Sections whose status or outcome changed this turn (a hundred, at Analyse All)."""
        current = self.tree.current_section()
        # The tree shows STATUS_ROWS_A_TURN rows now (the current one first), the rest in
        # the next turns: a row costs ~60 us, and Analyse All's hundred "queued" rows
        # were ~6 ms of the click's ~14 ms stall (bench/window_bench.py; the handbook's
        # 653 rows, ~40 ms). Each row reads the session when shown: never out of date.
        if current is not None and current.id in changed:
            self._statuses_due = {current.id: None, **self._statuses_due}
        self._statuses_due.update(dict.fromkeys(changed))
        self._show_due_statuses()
        if current is not None and current.id in changed:
            if findings_later:
                self._findings_later.start()
            else:
                self._show_findings()
        # Queued and running change what can be done only for the sections selected.
        if any(not status.live or self.tree.is_selected(sid) for sid, status in
               changed.items()):
            self._update_actions()
        self.statistics.schedule()

    def _show_due_statuses(self) -> None:
        session, confidence = self.review.session, self.prefs.min_confidence
        due = self._statuses_due
        for _ in range(min(len(due), STATUS_ROWS_A_TURN)):
            section_id = next(iter(due))
            del due[section_id]
            self.tree.show_status(section_id, session, confidence)
        if due:
            self._statuses_later.start()

    def _refresh_section(self, section_id: str) -> None:
        """A finding of this section changed (a decision, an edit): show it everywhere."""
        if section_id == WHOLE_DOCUMENT:
            self._show_document_state()
            self.statistics.schedule()
        else:
            self._on_sections_changed({section_id: self.review.status(section_id)})
        self._update_categories()

    def _update_categories(self) -> None:
        session = self.review.session
        found = session.results.all_findings() if session is not None else []
        across = session.document_findings() if session is not None else []
        self.findings.set_categories([f.category for _sid, f in found]
                                     + [d.category for d in across])

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            self.status_bar.clearMessage()  # the last run's summary is out of date
        self._update_actions()

    def _on_provider_ready(self, setup: ProviderSetup) -> None:
        self.status_bar.show_reviewer(setup.notice, setup.detail, setup.offline)
        self.chat.use_provider(setup, self.prefs.bedrock)
        if self._all_pending:
            self._all_pending = False
            self._analyse_all()

    def _on_provider_failed(self, reason: str) -> None:
        self._all_pending = False
        self.status_bar.show_reviewer("No reviewer: " + reason, "", False)
        self._show_fatal("The reviewer could not be prepared.", reason,
                         "Check the settings, then try again.")

    def _on_provider_unusable(self, error: ProviderError) -> None:
        fix = _FIXES.get(error.kind, "Check the settings, then retry the failed sections.")
        self._show_fatal("Amazon Bedrock cannot review this document.", error.message, fix)

    def _show_fatal(self, text: str, reason: str, fix: str) -> None:
        if self._fatal_box is not None and self._fatal_box.isVisible():
            return  # parallel jobs fail alike: one box is enough
        box = QMessageBox(self)
        box.setObjectName("providerErrorBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Reviewer unavailable")
        box.setText(text)
        box.setInformativeText(f"{escape(reason)}<br><br><b>What to do:</b> {escape(fix)}")
        settings = box.addButton("Settings…", QMessageBox.ButtonRole.ActionRole)
        settings.clicked.connect(self.open_settings)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self._fatal_box = box
        box.open()

    def action_state(self) -> dict[str, bool]:
        """What each action's `when` asks of the window now (actions.py)."""
        doc, review = self._document, self.review
        has_doc = doc is not None and bool(doc.sections)
        busy = review.busy
        f = self.findings.selected_finding()
        stack = self.decisions.undo_stack
        whole = self.tree.whole_document_current()
        return {
            "opened": doc is not None,
            "can_check": has_doc and not busy and review.session is not None,
            "places": has_doc and (self._place is not None or (
                f is not None and (is_document_finding(f.id) or bool(f.quotes)))),
            "document": has_doc,
            "section": has_doc and self.tree.current_section() is not None,
            "changed": has_doc and review.count(SectionStatus.CHANGED) > 0,
            "failed": has_doc and review.count(SectionStatus.FAILED) > 0,
            "live_selected": has_doc and any(review.status(sid).live
                                             for sid in self.tree.selected_ids()),
            "busy": busy,
            "idle": not busy,
            "folder_busy": self.folder.busy,
            "folder_idle": not self.folder.busy,
            "guidelines": not busy and bool(self.prefs.guidelines),
            "finding": f is not None,
            "can_accept": f is not None and f.decision != "accepted",
            "can_reject": f is not None and f.decision != "rejected",
            "can_reset": f is not None and f.decision != "pending",
            "own_finding": f is not None and f.source == "user" and not whole,
            "text_shown": has_doc and self.view.section is not None,
            "can_undo": stack.canUndo(),
            "can_redo": stack.canRedo(),
        }

    def _on_undo_changed(self, *_state: object) -> None:
        stack, a = self.decisions.undo_stack, self.action
        a["undo"].setText(f"&Undo {stack.undoText()}".rstrip())  # "Undo Accept Finding"
        a["redo"].setText(f"&Redo {stack.redoText()}".rstrip())
        self._update_actions()

    def _update_actions(self) -> None:
        state = self.action_state()
        for key, action in self.action.items():
            when = SPECS[key].when
            if when:
                action.setEnabled(state[when])
        # The framework stays as it is while a run uses it.
        busy = state["busy"]
        self.framework_picker.setEnabled(not busy)
        self.framework_picker.setToolTip(
            "Cancel the analysis to change the framework" if busy else "")

    # -- saving ------------------------------------------------------------------------

    def _on_save_state(self) -> None:
        session = self.review.session
        self.banner.show_state(self.review.storage,
                               session is not None and session.review_id is not None,
                               self._document is not None)
        self.statistics.schedule()

    def _retry_saving(self) -> None:
        if self.review.retry_saving():
            self.status_bar.showMessage("Everything is saved.", 5000)

    def _close_without_saving(self) -> None:
        lost = self.review.storage.discard_pending()
        log.error("closed with %d unsaved changes: %s", len(lost), "; ".join(lost))
        QTimer.singleShot(0, self.close)

    def _show_statistics_pane(self, shown: bool) -> None:
        self.statistics.setVisible(shown)
        self._settings.setValue("window/statistics", shown)
        if shown:
            self.statistics.refresh()

    # -- frameworks, guidelines, Settings -------------------------------------------------

    def _load_frameworks(self) -> None:
        current = self.framework_picker.load_frameworks(self.prefs.frameworks_path,
                                                        self.prefs.framework)
        if current is not None:
            self.review.set_framework(current)

    def _on_framework_changed(self, framework: object) -> None:
        self.prefs.framework = framework.name  # type: ignore[attr-defined]
        app_settings.save_review_prefs(self._settings, self.prefs)
        self.review.set_framework(framework)  # type: ignore[arg-type]

    def _choose_guidelines(self) -> None:
        start = self.prefs.guidelines
        self.framework_picker.choose_guidelines(
            str(Path(start).parent) if start else str(Path.home()))

    def _on_guidelines(self, text: str, path: str) -> None:
        self.review.set_guidelines(text)
        if self.prefs.guidelines != path:
            self.prefs.guidelines = path
            app_settings.save_review_prefs(self._settings, self.prefs)
        self._update_actions()

    def open_settings(self) -> None:
        from desktop_app.ui.settings.dialog import SettingsDialog  # only when asked for

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        dialog = SettingsDialog(self.prefs, self.runner, self)
        dialog.prefs_accepted.connect(self.apply_prefs)
        dialog.finished.connect(self._on_settings_closed)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.settings_dialog = dialog
        dialog.open()

    def _on_settings_closed(self, _result: int) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def apply_prefs(self, prefs: ReviewPrefs) -> None:
        """Save new settings and use them (the reviewer after the running analysis)."""
        old = self.prefs
        prefs.framework, prefs.guidelines = old.framework, old.guidelines  # toolbar-owned
        self.prefs = prefs
        if not app_settings.save_review_prefs(self._settings, prefs):
            self.status_bar.showMessage("Settings could not be saved.", 10_000)
        self.findings.set_min_confidence(prefs.min_confidence)
        if prefs.min_confidence != old.min_confidence:
            session = self.review.session
            done = session.sections_with(SectionStatus.DONE) if session else []
            self._on_sections_changed(dict.fromkeys((s.id for s in done), SectionStatus.DONE))
        self.statistics.follow(self.review.session, prefs.bedrock.prices)
        if prefs.frameworks_dir != old.frameworks_dir:
            self._load_frameworks()
        if not self.review.set_prefs(prefs):
            self.status_bar.showMessage(
                "The new reviewer settings apply when the running analysis ends.", 10_000)

    # -- dialogs ------------------------------------------------------------------------

    def _export(self) -> None:
        session, doc = self.review.session, self._document
        if session is None or doc is None:
            return
        self.export.open(doc, lambda: snapshot_of(session, self.prefs, self.review.setup),
                         self.prefs)

    def show_reviews(self) -> None:
        if self.reviews_dialog is not None:
            self.reviews_dialog.raise_()
            return
        storage, session = self.review.storage, self.review.session
        storage.open()
        dialog = ReviewsDialog(storage, self, "" if storage.store is not None else
                               f"The reviews cannot be read: {storage.error}",
                               folder=self.folder if self.folder.run is not None else None)
        if session is not None and session.review_id is not None:
            dialog.select_review(session.review_id)
        dialog.open_requested.connect(self._open_review)
        dialog.open_path_requested.connect(self.open_path)
        dialog.deleted.connect(self.review.forget_review)
        dialog.finished.connect(lambda _r: self._reviews_closed(dialog))
        # Not modal: a document of a running folder is worked on with the list open.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.reviews_dialog = dialog
        dialog.show()

    def choose_folder(self) -> None:
        """File → Review Folder…: the dialog, then the run (the Reviews list shows it)."""
        from desktop_app.ui.reviews.folder_dialog import FolderDialog  # only when asked for

        if self.folder_dialog is not None:
            self.folder_dialog.raise_()
            return
        dialog = FolderDialog(self.prefs, self.review.framework, self.runner, self._settings,
                              self)
        dialog.start_requested.connect(self._start_folder)
        dialog.finished.connect(lambda _r: self._folder_dialog_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.folder_dialog = dialog
        dialog.open()

    def _folder_dialog_closed(self, dialog: FolderDialog) -> None:
        if self.folder_dialog is dialog:
            self.folder_dialog = None
        dialog.deleteLater()

    def _start_folder(self, items: list[FolderItem], batch: BatchSettings | None,
                      folder: str) -> None:
        framework = self.review.framework
        if framework is None:
            return
        if self.reviews_dialog is not None:  # it shows the new run when it opens again
            self.reviews_dialog.close()
        self.folder.start(items, framework, self.prefs, self.review.provider_factory, batch,
                          folder=Path(folder).name or folder)

    def _schedule_warm_up(self) -> None:
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(_WARM_UP_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        """The icons the first answers show and the chat's first messages, drawn and
        built in idle time, one part a turn: in the wave of the first ten answers the
        icons were ~20 ms of its longest stall, the first question's messages ~33 ms
        (bench/window_bench.py)."""
        if not self._closed:
            self.tree.warm_up()
            QTimer.singleShot(0, self, self.findings.warm_up)
            QTimer.singleShot(0, self, self.chat.prepare_message_views)
            # Jobs imported when first used otherwise: the whole-document check's when
            # Analyse All ends, the chat's in the first question's turn, where the
            # import (and PySide's hook reading each new module's source) was ~3 ms.
            for module in ("desktop_app.workers.document_check_job",
                           "desktop_app.workers.chat_job"):
                QTimer.singleShot(0, self, lambda m=module: import_module(m))

    def _resume_batch_jobs(self) -> None:
        if not self._closed:
            self.folder.resume_stored(self.framework_picker.named, self.prefs,
                                      self.review.provider_factory)

    def _on_folder_sections(self, session: ReviewSession,
                            changed: dict[str, SectionStatus]) -> None:
        """A folder's results for the document shown: the tree and findings follow."""
        if session is self.review.session:
            self._on_sections_changed(changed)

    def _reviews_closed(self, dialog: ReviewsDialog) -> None:
        if self.reviews_dialog is dialog:
            self.reviews_dialog = None
        dialog.deleteLater()

    def _open_review(self, review: ReviewSummary) -> None:
        if not self.framework_picker.choose(review.framework_name):
            self.status_bar.showMessage(
                f"The framework “{review.framework_name}” is not available any more; "
                "the document opens with the current one.", 10_000)
        self.open_path(review.path)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "shortcuts_dialog", None))
        self.shortcuts_dialog = dialog
        dialog.open()

    def _show_about(self) -> None:
        from desktop_app.ui.common.about_dialog import AboutDialog  # only when asked for

        box = AboutDialog(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    # -- persistence and closing ------------------------------------------------------------

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
        self._default_panes = not restored or len(sizes) != len(_PANE_SHARES) or min(sizes) <= 0
        if self._default_panes:
            self._share_panes()
        side = s.value("window/side")
        if not (isinstance(side, QByteArray) and self.side.restoreState(side)):
            height = self.height()
            self.side.setSizes([height - _STATISTICS_HEIGHT, _STATISTICS_HEIGHT])

    def _share_panes(self) -> None:
        width = self.splitter.width() if self.splitter.isVisible() else self.width()
        self.splitter.setSizes([round(width * share) for share in _PANE_SHARES])

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
        if self._default_panes:
            # Once more, now that the splitter has its real width: set before the
            # window is laid out, the shares shrink to the panes' size hints when it
            # is shown (the tree got 180 of 1280 px, and its titles "CHAPTER 1 – IN…").
            self._default_panes = False
            self._share_panes()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and self._document is not None and not self._may_close(event):
            return  # changes that cannot be saved: the reviewer decides
        if not self._closed:
            self.save_state()
            self._closed = True
            self.opener.stop()  # results still on their way are now stale
            self.framework_picker.forget_pending()
            if self.settings_dialog is not None:
                self.settings_dialog.reject()
            self.export.shutdown()
            self.chat.shutdown()
            self.folder.shutdown()  # what is done is kept; a batch job runs on
            self.review.shutdown()  # cancels and drains the analysis, closes the store
            self.runner.shutdown()
        super().closeEvent(event)

    def _may_close(self, event: QCloseEvent) -> bool:
        """Last write of the time spent; if changes still cannot be saved, ask."""
        session, storage = self.review.session, self.review.storage
        if session is not None:
            session.save_seconds()
        if not storage.unsaved or self.review.retry_saving():
            return True
        event.ignore()
        self.banner.ask_to_close(storage)
        return False

