"""The main window's local state: the stored review, saving, statistics, reviews list.

A mixin of `MainWindow`, like `ReviewMixin`. It shows what a reopened review
restores (and what changed since), keeps the red banner up while the store
refuses writes (retrying every 30 s), refreshes the statistics at most a few
times a second, counts the time spent, and runs File → Reviews… and
Help → Keyboard Shortcuts.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTreeView

from desktop_app.document import Document, Section
from desktop_app.store.review_state import ReviewState, ReviewSummary
from desktop_app.ui import settings as app_settings
from desktop_app.ui.analysis import AnalysisController
from desktop_app.ui.decisions import DecisionController
from desktop_app.ui.findings_panel import FindingsPanel
from desktop_app.ui.memory_stats import statistics_from_memory
from desktop_app.ui.reviews_dialog import ReviewsDialog
from desktop_app.ui.section_model import SectionTreeModel
from desktop_app.ui.section_status import SectionStatus
from desktop_app.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from desktop_app.ui.statistics_panel import StatisticsPanel
from desktop_app.ui.store_banner import RETRY_SECONDS, StoreBanner
from desktop_app.ui.theme import theme

if TYPE_CHECKING:
    from desktop_app.store.review_state import ReviewStatistics

log = logging.getLogger(__name__)

STATISTICS_DELAY_MS = 250  # at most four refreshes a second during an analysis
TICK_MS = 5_000  # time spent: sampled this often while the window is active
SAVE_TIME_EVERY = 60.0  # seconds of time spent kept before they are written


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def restore_note(state: ReviewState) -> str:
    """What the status bar says about a review found again."""
    if state.created:
        return ""
    ch = state.changes
    parts = []
    if ch.changed:
        parts.append(f"{_plural(len(ch.changed), 'section')} changed since your last review")
    if ch.added:
        parts.append(f"{len(ch.added)} new")
    if ch.removed:
        parts.append(f"{len(ch.removed)} removed (their findings are kept as history)")
    if state.previous_path:
        parts.append(f"review found again from {Path(state.previous_path).name}")
    return "; ".join(parts)


class StoreMixin:
    """Needs the attributes below, set up by `MainWindow.__init__`."""

    analysis: AnalysisController
    model: SectionTreeModel
    tree: QTreeView
    findings: FindingsPanel
    prefs: app_settings.ReviewPrefs
    _settings: QSettings
    _document: Document | None
    _closed: bool

    if TYPE_CHECKING:
        def statusBar(self) -> Any: ...  # noqa: N802
        def current_section(self) -> Section | None: ...
        def _show_findings(self) -> None: ...
        def _update_actions(self) -> None: ...
        def _on_section_changed(self, section_id: str) -> None: ...
        def _status_note(self, section_id: str) -> Any: ...
        def open_path(self, path: str) -> None: ...

    def _window(self) -> QMainWindow:
        return cast(QMainWindow, self)

    # -- building -----------------------------------------------------------------

    def _build_store_parts(self) -> None:
        w = self._window()
        self.banner = StoreBanner()
        self.banner.retry_requested.connect(self.retry_saving)
        self.banner.dismissed.connect(lambda: setattr(self.analysis.session, "notice", ""))
        self.statistics = StatisticsPanel()
        self.decisions = DecisionController(cast(Any, self))
        self.review_notice = QLabel()
        self.review_notice.setObjectName("reviewNotice")
        self._style_review_notice()
        theme().changed.connect(self._style_review_notice)
        self.review_notice.setTextFormat(Qt.TextFormat.RichText)
        self.review_notice.hide()
        self.reviews_dialog: ReviewsDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self._close_box: QMessageBox | None = None
        self._statistics_timer = QTimer(w)
        self._statistics_timer.setSingleShot(True)
        self._statistics_timer.setInterval(STATISTICS_DELAY_MS)
        self._statistics_timer.timeout.connect(self.refresh_statistics)
        self._retry_timer = QTimer(w)
        self._retry_timer.setInterval(RETRY_SECONDS * 1000)
        self._retry_timer.timeout.connect(self.retry_saving)
        self._tick = QTimer(w)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._count_time)
        self._clock = QElapsedTimer()

        self.reviews_action = QAction("Re&views…", w)
        self.reviews_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.reviews_action.setStatusTip("The documents you reviewed before")
        self.reviews_action.triggered.connect(self.show_reviews)
        self.shortcuts_action = QAction("&Keyboard Shortcuts", w)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.statistics_action = QAction("Stat&istics", w)
        self.statistics_action.setCheckable(True)
        self.statistics_action.setChecked(True)
        self.statistics_action.setShortcut(QKeySequence("Ctrl+I"))
        self.statistics_action.setStatusTip("Show the review's numbers under the findings")
        self.statistics_action.toggled.connect(self._show_statistics_pane)

    def _style_review_notice(self) -> None:
        self.review_notice.setStyleSheet(
            f"QLabel#reviewNotice {{ color: {theme().colours().warning}; }}")

    def _connect_store(self) -> None:
        a = self.analysis
        a.review_opened.connect(self._on_review_opened)
        a.save_state_changed.connect(self._on_save_state)
        self.findings.finding_selected.connect(lambda _f: self.decisions.update_actions())
        self.findings.filter_changed.connect(lambda _f: self.decisions.update_actions())
        self.statusBar().addWidget(self.review_notice)
        shown = self._settings.value("window/statistics", True)
        self.statistics_action.setChecked(shown not in (False, "false"))
        self.review_notice.linkActivated.connect(lambda _link: self.analyse_changed())
        self._tick.start()
        self._clock.start()

    def _show_statistics_pane(self, shown: bool) -> None:
        self.statistics.setVisible(shown)
        self._settings.setValue("window/statistics", shown)
        if shown:
            self.refresh_statistics()

    # -- the stored review ------------------------------------------------------------

    def _on_review_opened(self, state: ReviewState | None) -> None:
        self.decisions.clear()
        self._refresh_all_statuses()
        note = restore_note(state) if state is not None else ""
        link = (' — <a href="changed">analyse again</a>'
                if state is not None and state.changes.changed else "")
        self.review_notice.setText(escape(note) + link)
        self.review_notice.setToolTip(note)
        self.review_notice.setVisible(bool(note))
        if state is not None and not state.created and not state.changes.any:
            decided = sum(f.decision != "pending" for r in state.sections.values()
                          for f in r.findings)
            self.statusBar().showMessage(
                f"Review restored: {state.done} of {state.total} sections done, "
                f"{_plural(decided, 'decision')}.", 8000)
        self._update_categories()
        self._show_findings()
        self.schedule_statistics()
        self._on_save_state()

    def _refresh_all_statuses(self) -> None:
        """Every section's tree status at once (a restore): one pass, one update."""
        if self._document is None or self.model.document is not self._document:
            return  # the tree is still the previous document's: it follows
        for section in self._document.walk():
            self.model.set_status(section.id, *self._status_note(section.id))
        self._update_actions()

    def changed_sections(self) -> list[Section]:
        if self._document is None:
            return []
        return [s for s in self._document.walk()
                if self.analysis.status(s.id) is SectionStatus.CHANGED]

    def analyse_changed(self) -> None:
        self.analysis.analyse(self.changed_sections())

    def select_section(self, section_id: str) -> None:
        index = self.model.index_for(section_id)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def refresh_section(self, section_id: str) -> None:
        """A finding of this section changed (a decision, an edit): show it everywhere."""
        self._on_section_changed(section_id)
        self._update_categories()

    def _update_categories(self) -> None:
        self.findings.set_categories(
            [f.category for _sid, f in self.analysis.results.all_findings()])

    # -- saving ------------------------------------------------------------------------

    def _on_save_state(self) -> None:
        session = self.analysis.session
        problem = bool(session.unsaved or session.lost or (
            session.error and self._document is not None and session.review_id is None))
        if problem:
            self.banner.show_problem(session.error, session.unsaved, session.lost,
                                     session.review_id is not None)
            if session.unsaved and not self._retry_timer.isActive():
                self._retry_timer.start()
        else:
            self._retry_timer.stop()
            if session.notice:
                self.banner.show_notice(session.notice)
            else:
                self.banner.hide()
        self.schedule_statistics()

    def retry_saving(self) -> None:
        session = self.analysis.session
        had_review = session.review_id is not None
        if not session.retry():
            return
        if not had_review:
            # The review could not be opened before: everything done since is in
            # it now, with what earlier sessions saved. Show all of it.
            self.analysis.reopen_review()
        self.statusBar().showMessage("Everything is saved.", 5000)

    # -- statistics ----------------------------------------------------------------------

    def schedule_statistics(self) -> None:
        if not self._statistics_timer.isActive():
            self._statistics_timer.start()

    def refresh_statistics(self) -> None:
        self._statistics_timer.stop()
        if not self.statistics_action.isChecked():
            return  # hidden: nothing to count
        doc = self._document
        if doc is None:
            self.statistics.show_statistics(None)
            return
        session = self.analysis.session
        stats: ReviewStatistics | None = session.statistics(self.prefs.bedrock.prices)
        note = ""
        if stats is None or session.unsaved:
            ids = [s.id for s in doc.walk()]
            stats = statistics_from_memory(self.analysis.results, ids, stats)
            note = "Counted from this window: some changes are not saved yet."
        self.statistics.show_statistics(stats, {s.id: s.title for s in doc.walk()},
                                         session.unsaved_seconds, note)

    # -- time spent ---------------------------------------------------------------------

    def _count_time(self) -> None:
        """Time counts while Margin is the application in front (its dialogs
        included): a reviewer at work. A stalled tick (the machine asleep)
        counts as two at most."""
        session = self.analysis.session
        elapsed = min(self._clock.restart() / 1000, 2 * TICK_MS / 1000)
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if self._document is not None and active:
            session.count_seconds(elapsed)
        if session.unsaved_seconds >= SAVE_TIME_EVERY and session.healthy:
            session.save_seconds()

    # -- dialogs -----------------------------------------------------------------------

    def show_reviews(self) -> None:
        if self.reviews_dialog is not None:
            self.reviews_dialog.raise_()
            return
        session = self.analysis.session
        session.database()
        dialog = ReviewsDialog(session.store, self._window(),
                               "" if session.store is not None else
                               f"The reviews cannot be read: {session.error}")
        if session.review_id is not None:
            dialog.select_review(session.review_id)
        dialog.open_requested.connect(self._open_review)
        dialog.deleted.connect(self._on_review_deleted)
        dialog.finished.connect(lambda _r: self._reviews_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.reviews_dialog = dialog
        dialog.open()

    def _reviews_closed(self, dialog: ReviewsDialog) -> None:
        if self.reviews_dialog is dialog:
            self.reviews_dialog = None
        dialog.deleteLater()

    def _open_review(self, review: ReviewSummary) -> None:
        picker = getattr(self, "framework_picker", None)
        if picker is not None:
            combo = picker.combo
            index = combo.findText(review.framework_name)
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                self.statusBar().showMessage(
                    f"The framework “{review.framework_name}” is not available any more; "
                    "the document opens with the current one.", 10_000)
        self.open_path(review.path)

    def _on_review_deleted(self, review_id: int) -> None:
        session = self.analysis.session
        current = review_id == session.review_id
        session.forget_review(review_id)
        if current:
            self.analysis.reopen_review()  # the document stays open, with a fresh review

    def show_shortcuts(self) -> None:
        extra = {"Findings list": self.findings.list.actions()}
        dialog = ShortcutsDialog(shortcut_rows(self._window(), extra), self._window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "shortcuts_dialog", None))
        self.shortcuts_dialog = dialog
        dialog.open()

    # -- closing ---------------------------------------------------------------------------

    def _may_close(self, event: QCloseEvent) -> bool:
        """Last write of the time spent; if changes still cannot be saved, ask."""
        session = self.analysis.session
        session.save_seconds()
        if not session.unsaved or session.retry():
            return True
        event.ignore()
        if self._close_box is not None:
            return False
        box = QMessageBox(self._window())
        box.setObjectName("unsavedCloseBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Changes not saved")
        box.setText(f"{_plural(len(session.unsaved), 'change')} to this review could not be "
                    "saved.")
        box.setInformativeText(f"{session.error}.\n\nIf you close now, they are lost. Free some "
                               "space (or fix what the message says), then try again.")
        retry = box.addButton("Try Again", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton("Close Without Saving", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        # After the box is gone: closing again may need to ask again.
        retry.clicked.connect(lambda: QTimer.singleShot(0, self._window().close))
        close.clicked.connect(self._close_without_saving)
        box.finished.connect(lambda _r: setattr(self, "_close_box", None))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self._close_box = box
        box.open()
        return False

    def _close_without_saving(self) -> None:
        lost = self.analysis.session.discard_pending()
        log.error("closed with %d unsaved changes: %s", len(lost), "; ".join(lost))
        QTimer.singleShot(0, self._window().close)
