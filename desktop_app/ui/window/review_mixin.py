"""The main window's review half: analysis actions, statuses, findings, the provider.

A mixin of `MainWindow`, kept apart so that each module stays readable: this
one routes between the toolbar and menus, the `AnalysisController`, the tree,
the section view and the findings panel. It builds no widget of its own
except the actions and message boxes.
"""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTreeView,
)

from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document import Document, Section
from desktop_app.review.findings import Finding
from desktop_app.session import (
    ProviderFactory,
    ProviderSetup,
    SectionStatus,
    visible_findings,
)
from desktop_app.ui.settings import store as app_settings
from desktop_app.ui.findings.panel import FindingsPanel
from desktop_app.ui.settings.framework_picker import FrameworkPicker
from desktop_app.ui.common.icons import action_icon
from desktop_app.ui.window.progress_text import progress_text
from desktop_app.ui.window.review_controller import ReviewController
from desktop_app.ui.sections.model import Column, SectionTreeModel
from desktop_app.ui.sections.text_view import SectionView
from desktop_app.ui.common.theme import theme
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:
    from desktop_app.ui.findings.decisions import DecisionController
    from desktop_app.ui.settings.dialog import SettingsDialog
    from desktop_app.workers.dispatcher import Progress

log = logging.getLogger(__name__)

# What to do about a provider that cannot serve at all, by failure kind.
_FIXES = {
    FailureKind.NO_CREDENTIALS: "Sign in to AWS (aws configure, or aws sso login for an SSO "
    "profile), or pick another profile in Settings. The built-in reviewer works without AWS.",
    FailureKind.ACCESS_DENIED: "Ask for access to the model in the Amazon Bedrock console "
    "(Model access) for this account and region, or change the model chain in Settings.",
    FailureKind.UNKNOWN_MODEL: "Check the model ids in Settings: Claude 4 models need an "
    "inference-profile id such as global.anthropic.…; “From my account…” lists what you can use.",
}


class ReviewMixin:
    """Needs the attributes below, set up by `MainWindow.__init__`."""

    runner: JobRunner
    review: ReviewController
    prefs: app_settings.ReviewPrefs
    model: SectionTreeModel
    tree: QTreeView
    view: SectionView
    findings: FindingsPanel
    framework_picker: FrameworkPicker
    decisions: DecisionController
    provider_notice: QLabel
    analysis_label: QLabel
    analysis_progress: QProgressBar
    settings_dialog: SettingsDialog | None
    _settings: QSettings
    _document: Document | None
    _closed: bool
    _guidelines_serial: int
    _fatal_box: QMessageBox | None

    if TYPE_CHECKING:  # QMainWindow's, through MainWindow
        def statusBar(self) -> Any: ...  # noqa: N802
        def style(self) -> Any: ...
        def schedule_statistics(self) -> None: ...
        def choose_guidelines(self) -> None: ...  # SettingsMixin's
        def clear_guidelines(self) -> None: ...
        def open_settings(self) -> None: ...
        def analyse_changed(self) -> None: ...  # StoreMixin's

    def _window(self) -> QMainWindow:
        return cast(QMainWindow, self)

    # -- public API ---------------------------------------------------------------

    @property
    def provider_factory(self) -> ProviderFactory:
        """Builds the reviewer for a document and settings (a seam for tests)."""
        return self.review.provider_factory

    @provider_factory.setter
    def provider_factory(self, factory: ProviderFactory) -> None:
        self.review.provider_factory = factory
        self.review.refresh_provider()

    def current_section(self) -> Section | None:
        return self.model.section_for(self.tree.currentIndex())

    def selected_sections(self) -> list[Section]:
        """The selected sections in document order; the current one if none is selected."""
        rows = self.tree.selectionModel().selectedRows(Column.TITLE)
        chosen = {id(s) for s in (self.model.section_for(i) for i in rows) if s is not None}
        if self._document is None:
            return []
        sections = [s for s in self._document.walk() if id(s) in chosen]
        if not sections and (current := self.current_section()) is not None:
            sections = [current]
        return sections


    # -- actions ------------------------------------------------------------------

    def _build_review_actions(self) -> None:
        def action(text: str, slot: Any, tip: str, icon: str = "",
                   shortcut: str = "") -> QAction:
            act = QAction(text, self._window())
            if icon:
                act.setIcon(action_icon(icon))
            act.setStatusTip(tip)
            act.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.analyse_section_action = action(
            "Analyse &Section", self.analyse_current, "Analyse the section shown",
            "analyse", "Ctrl+R")
        self.analyse_selected_action = action(
            "Analyse Se&lected", self.analyse_selected, "Analyse the sections selected in the tree")
        self.analyse_all_action = action(
            "Analyse &All", self.analyse_all, "Analyse every section of the document",
            "analyse-all", "Ctrl+Shift+R")
        self.analyse_changed_action = action(
            "Analyse C&hanged Sections", self.analyse_changed,
            "Analyse the sections whose text changed since your last review")
        self.reanalyse_action = action(
            "Re-analyse Selected (&Ignore Cache)", lambda: self.analyse_selected(force=True),
            "Ask the reviewer again, even for sections answered before")
        self.cancel_action = action(
            "&Cancel All", self.review.cancel_all, "Stop the analysis", "cancel", "Esc")
        self.cancel_action.setIconText("Cancel")
        self.cancel_section_action = action(
            "Cancel Sec&tion", self.cancel_selected, "Stop analysing the selected sections")
        self.retry_failed_action = action(
            "&Retry Failed", self.review.retry_failed, "Analyse the failed sections again",
            "retry")
        self.attach_guidelines_action = action(
            "Attach &Guidelines…", self.choose_guidelines,
            "Add a guidelines document (.docx, .md, .txt) to the reviewer's instructions")
        self.clear_guidelines_action = action(
            "Clear G&uidelines", self.clear_guidelines, "Stop using the attached guidelines")

    # -- analysis -------------------------------------------------------------

    def analyse_current(self) -> None:
        section = self.current_section()
        if section is not None:
            self.review.analyse([section])

    def analyse_selected(self, force: bool = False) -> None:
        self.review.analyse(self.selected_sections(), force)

    def analyse_all(self) -> None:
        if self._document is not None:
            self.review.analyse(list(self._document.walk()))

    def cancel_selected(self) -> None:
        self.review.cancel([s.id for s in self.selected_sections()])

    def _section(self, section_id: str) -> Section | None:
        index = self.model.index_for(section_id)
        return self.model.section_for(index)

    def _connect_analysis(self) -> None:
        a, d = self.review, self.review.driver
        d.section_changed.connect(self._on_section_changed)
        d.progress_changed.connect(self._on_progress)
        d.run_finished.connect(self._on_run_finished)
        d.busy_changed.connect(self._on_busy_changed)
        d.provider_unusable.connect(self._on_provider_unusable)
        a.provider_preparing.connect(self._on_provider_preparing)
        a.provider_ready.connect(self._on_provider_ready)
        a.provider_failed.connect(self._on_provider_failed)
        self.findings.finding_selected.connect(self._on_finding_selected)
        self.findings.retry_requested.connect(self._retry_section)
        self.findings.analyse_requested.connect(self._analyse_section_id)
        theme().changed.connect(self._restyle_notice)

    def _retry_section(self, section_id: str) -> None:
        if (section := self._section(section_id)) is not None:
            self.review.analyse([section], force=True)

    def _analyse_section_id(self, section_id: str) -> None:
        if (section := self._section(section_id)) is not None:
            self.review.analyse([section])

    def _on_section_changed(self, section_id: str, _status: object = None) -> None:
        self.model.set_status(section_id, *self._status_note(section_id))
        current = self.current_section()
        if current is not None and current.id == section_id:
            self._show_findings()
        # Cheap checks first: this runs for every state change of a long run.
        status = self.review.status(section_id)
        if not status.live or self.tree.selectionModel().isSelected(
            self.model.index_for(section_id)
        ):
            self._update_actions()
        self.schedule_statistics()

    def _status_note(self, section_id: str) -> tuple[SectionStatus, str, str]:
        """The tree's status, the note after it ("Done · 4") and its tooltip."""
        status = self.review.status(section_id)
        session = self.review.session
        outcome = session.outcome(section_id) if session is not None else None
        note = tooltip = ""
        found = outcome.findings if outcome is not None else []
        if status is SectionStatus.DONE and outcome is not None:
            shown = visible_findings(found, self.prefs.min_confidence)
            note = str(len(shown))
            tooltip = f"{len(shown)} finding{'s' if len(shown) != 1 else ''}"
            if len(found) > len(shown):
                tooltip += f" ({len(found) - len(shown)} more below the minimum confidence)"
            decided = [f for f in shown if f.decision != "pending"]
            if decided:
                accepted = sum(f.decision == "accepted" for f in decided)
                tooltip += (f"; {accepted} accepted, {len(decided) - accepted} rejected, "
                            f"{len(shown) - len(decided)} to decide")
        elif status is SectionStatus.FAILED and outcome is not None and outcome.error is not None:
            tooltip = outcome.error.message
        elif status is SectionStatus.CHANGED:
            tooltip = ("The text changed since your last review; its earlier findings are "
                       "kept as history. Analyse it again.")
        if status is not SectionStatus.DONE and found:  # the reviewer's own, say
            note = str(len(visible_findings(found, self.prefs.min_confidence)))
        return status, note, tooltip

    def _show_findings(self) -> None:
        section = self.current_section()
        if section is None:
            self.findings.show_section(None, SectionStatus.NOT_ANALYSED, None)
            return
        session = self.review.session
        self.findings.show_section(section, self.review.status(section.id),
                                   session.outcome(section.id) if session else None)

    def _on_finding_selected(self, finding: Finding | None) -> None:
        if finding is None:
            self.view.clear_highlight()
            return
        if not self.view.highlight(finding.start, finding.end, finding.quote,
                                   finding.severity) and finding.quote:
            self.statusBar().showMessage("This finding's quote is not in the section text.", 5000)

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            self.statusBar().clearMessage()  # the last run's summary is out of date
        self._update_actions()

    def _on_progress(self, progress: Progress) -> None:
        # The dispatcher reports every state change, and QProgressBar.setValue
        # repaints at once: Analyse All on 100 sections made ~200 reports in one
        # turn (~130 ms, bench/window_bench.py). Only the last of a turn is drawn.
        pending = getattr(self, "_latest_progress", None) is not None
        self._latest_progress: Progress | None = progress
        if not pending:
            QTimer.singleShot(0, self, self._show_progress)  # not after the window goes

    def _show_progress(self) -> None:
        progress, self._latest_progress = self._latest_progress, None
        if progress is None or progress.total <= 0:
            return
        bar = self.analysis_progress
        # setValue repaints at once, and a synchronous repaint paints everything
        # else pending in the window too (the tree's changed rows): with updates
        # off it only marks the bar dirty, painted with the rest on the next turn.
        bar.setUpdatesEnabled(False)
        bar.setRange(0, progress.total)
        bar.setValue(progress.finished)
        bar.setUpdatesEnabled(True)  # schedules the bar's repaint
        self.analysis_label.setText(progress_text(progress))
        busy = progress.finished < progress.total
        self.analysis_progress.setVisible(busy)
        self.analysis_label.setVisible(busy)

    def _on_run_finished(self, progress: Progress) -> None:
        self.analysis_progress.hide()
        self.analysis_label.hide()
        if progress.total <= 0:
            return
        parts = [f"{progress.done} of {progress.total} analysed"]
        if progress.cached:
            parts.append(f"{progress.cached} from saved results")
        if progress.failed:
            parts.append(f"{progress.failed} failed")
        if progress.cancelled:
            parts.append(f"{progress.cancelled} cancelled")
        self.statusBar().showMessage("Analysis finished: " + ", ".join(parts) + ".", 10_000)

    def _on_provider_preparing(self) -> None:
        self._set_notice("Preparing the reviewer…", "", offline=False)

    def _on_provider_ready(self, setup: ProviderSetup) -> None:
        self._set_notice(setup.notice, setup.detail, offline=setup.offline)

    def _set_notice(self, text: str, detail: str, offline: bool) -> None:
        self._notice = (text, detail, offline)
        colours = theme().colours()
        background, border, ink, link_colour = colours.badge
        # On the yellow badge the link takes the badge's link colour, whatever the
        # palette's: a light theme's link blue is unreadable on a dark badge.
        style = f' style="color:{link_colour};"' if offline else ""
        link = f' <a href="settings"{style}>Settings…</a>' if text else ""
        self.provider_notice.setText(escape(text) + link)
        self.provider_notice.setToolTip(detail)
        self.provider_notice.setAccessibleName("Reviewer")
        self.provider_notice.setAccessibleDescription(text)
        if offline:
            # A badge: the reviewer must see that no model is reviewing.
            self.provider_notice.setStyleSheet(
                f"QLabel#providerNotice {{ background: {background}; color: {ink};"
                f" border: 1px solid {border}; border-radius: 4px; padding: 1px 8px; }}")
        else:
            self.provider_notice.setStyleSheet("QLabel#providerNotice { padding: 1px 8px; }")
        self.provider_notice.setVisible(bool(text))

    def _restyle_notice(self) -> None:
        notice = getattr(self, "_notice", None)
        if notice is not None:
            self._set_notice(*notice)

    def _on_provider_failed(self, reason: str) -> None:
        self._set_notice("No reviewer: " + reason, "", offline=False)
        self._show_fatal("The reviewer could not be prepared.", reason,
                         "Check the settings, then try again.")

    def _on_provider_unusable(self, error: ProviderError) -> None:
        fix = _FIXES.get(error.kind, "Check the settings, then retry the failed sections.")
        self._show_fatal("Amazon Bedrock cannot review this document.", error.message, fix)

    def _show_fatal(self, text: str, reason: str, fix: str) -> None:
        if self._fatal_box is not None and self._fatal_box.isVisible():
            return  # parallel jobs fail alike: one box is enough
        box = QMessageBox(self._window())
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

    def _update_actions(self) -> None:
        has_doc = self._document is not None and bool(self._document.sections)
        busy = self.review.busy
        current = self.current_section()
        self.analyse_section_action.setEnabled(has_doc and current is not None)
        self.analyse_selected_action.setEnabled(has_doc)
        self.analyse_all_action.setEnabled(has_doc)
        self.reanalyse_action.setEnabled(has_doc)
        self.analyse_changed_action.setEnabled(
            has_doc and self.review.count(SectionStatus.CHANGED) > 0)
        self.cancel_action.setEnabled(busy)
        live = has_doc and any(self.review.status(s.id).live
                               for s in self.selected_sections())
        self.cancel_section_action.setEnabled(live)
        self.retry_failed_action.setEnabled(
            has_doc and self.review.count(SectionStatus.FAILED) > 0)
        # The framework stays as it is while a run uses it.
        self.framework_picker.setEnabled(not busy)
        self.attach_guidelines_action.setEnabled(not busy)
        self.clear_guidelines_action.setEnabled(not busy and bool(self.prefs.guidelines))
        self.framework_picker.setToolTip(
            "Cancel the analysis to change the framework" if busy else "")
        self.decisions.update_actions()
