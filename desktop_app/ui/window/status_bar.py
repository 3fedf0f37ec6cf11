"""The window's status bar: the document's size, what is being opened, the analysis'
progress, what the stored review restored, and which reviewer is at work.

A part of the window: told what happened (`show_document`, `show_progress`,
`show_reviewer`, ...), it says when the reviewer follows one of its links.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from desktop_app.document import Document
from desktop_app.session import ReviewState
from desktop_app.ui.common.theme import theme
from desktop_app.ui.window.progress_text import progress_text

if TYPE_CHECKING:  # the dispatcher (and the anchoring it pulls in) loads on first analysis
    from desktop_app.workers.dispatcher import Progress


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


class StatusBar(QStatusBar):
    settings_requested = Signal()  # the reviewer notice's "Settings…" link
    analyse_changed_requested = Signal()  # "analyse again" after a changed document
    folder_requested = Signal()  # the folder review's "Show…" link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("documentSummary")
        self.addWidget(self.summary)
        self.review_notice = QLabel()
        self.review_notice.setObjectName("reviewNotice")
        self.review_notice.setTextFormat(Qt.TextFormat.RichText)
        self.review_notice.linkActivated.connect(
            lambda _link: self.analyse_changed_requested.emit())
        self.review_notice.hide()
        self.addWidget(self.review_notice)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: the loader reports no progress
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.addPermanentWidget(self.progress)
        self.analysis_label = QLabel()
        self.analysis_label.setObjectName("analysisProgressText")
        self.analysis_label.hide()
        self.addPermanentWidget(self.analysis_label)
        self.analysis_progress = QProgressBar()
        self.analysis_progress.setObjectName("analysisProgress")
        self.analysis_progress.setTextVisible(False)
        self.analysis_progress.setMaximumWidth(180)
        self.analysis_progress.hide()
        self.addPermanentWidget(self.analysis_progress)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("folderProgressText")
        self.folder_label.setTextFormat(Qt.TextFormat.RichText)
        self.folder_label.linkActivated.connect(lambda _link: self.folder_requested.emit())
        self.folder_label.hide()
        self.addPermanentWidget(self.folder_label)
        self.provider_notice = QLabel()
        self.provider_notice.setObjectName("providerNotice")
        self.provider_notice.setTextFormat(Qt.TextFormat.RichText)
        self.provider_notice.linkActivated.connect(lambda _link: self.settings_requested.emit())
        self.provider_notice.hide()
        self.addPermanentWidget(self.provider_notice)
        self._notice: tuple[str, str, bool] | None = None
        self._latest: Progress | None = None
        self._restyle()
        theme().changed.connect(self._restyle)

    # -- opening ------------------------------------------------------------------------

    def set_busy(self, message: str) -> None:
        self.progress.show()
        self.showMessage(message)

    def set_idle(self) -> None:
        self.progress.hide()
        self.clearMessage()

    def show_document(self, document: Document) -> None:
        count = sum(1 for _ in document.walk())
        self.summary.setText(
            f"{count:,} section{'s' if count != 1 else ''} · {document.words:,} words")

    # -- the stored review ----------------------------------------------------------------

    def show_restored(self, state: ReviewState | None) -> None:
        """What a review found again holds, and what changed since."""
        note = restore_note(state) if state is not None else ""
        link = (' — <a href="changed">analyse again</a>'
                if state is not None and state.changes.changed else "")
        self.review_notice.setText(escape(note) + link)
        self.review_notice.setToolTip(note)
        self.review_notice.setVisible(bool(note))
        if state is not None and not state.created and not state.changes.any:
            decided = sum(f.decision != "pending" for r in state.sections.values()
                          for f in r.findings)
            self.showMessage(
                f"Review restored: {state.done} of {state.total} sections done, "
                f"{_plural(decided, 'decision')}.", 8000)

    # -- the analysis ----------------------------------------------------------------------

    def show_progress(self, progress: Progress) -> None:
        # The dispatcher reports every state change, and QProgressBar.setValue
        # repaints at once: Analyse All on 100 sections made ~200 reports in one
        # turn (~130 ms, bench/window_bench.py). Only the last of a turn is drawn.
        pending = self._latest is not None
        self._latest = progress
        if not pending:
            QTimer.singleShot(0, self, self._draw_progress)  # not after the window goes

    def _draw_progress(self) -> None:
        progress, self._latest = self._latest, None
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

    def show_run_finished(self, progress: Progress) -> None:
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
        self.showMessage("Analysis finished: " + ", ".join(parts) + ".", 10_000)

    # -- the folder review ----------------------------------------------------------------

    def show_folder(self, text: str) -> None:
        """The folder review in one line (with a link to the Reviews list); "" hides it."""
        self.folder_label.setText(escape(text) + ' <a href="reviews">Show…</a>' if text else "")
        self.folder_label.setToolTip(text)
        self.folder_label.setAccessibleName("Folder review")
        self.folder_label.setAccessibleDescription(text)
        self.folder_label.setVisible(bool(text))

    # -- the reviewer ---------------------------------------------------------------------

    def show_reviewer(self, text: str, detail: str, offline: bool) -> None:
        """Which reviewer is at work; the built-in one as a badge that cannot be missed."""
        self._notice = (text, detail, offline)
        colours = theme().colours()
        background, border, ink, link_colour = colours.badge
        # On the yellow badge the link takes the badge's link colour, whatever the
        # palette's: a light theme's link blue is unreadable on a dark badge.
        style = f' style="color:{link_colour};"' if offline else ""
        link = f' <a href="settings"{style}>Settings…</a>' if text else ""
        notice = self.provider_notice
        notice.setText(escape(text) + link)
        notice.setToolTip(detail)
        notice.setAccessibleName("Reviewer")
        notice.setAccessibleDescription(text)
        if offline:
            # A badge: the reviewer must see that no model is reviewing.
            notice.setStyleSheet(
                f"QLabel#providerNotice {{ background: {background}; color: {ink};"
                f" border: 1px solid {border}; border-radius: 4px; padding: 1px 8px; }}")
        else:
            notice.setStyleSheet("QLabel#providerNotice { padding: 1px 8px; }")
        notice.setVisible(bool(text))

    def _restyle(self) -> None:
        self.review_notice.setStyleSheet(
            f"QLabel#reviewNotice {{ color: {theme().colours().warning}; }}")
        if self._notice is not None:
            self.show_reviewer(*self._notice)
