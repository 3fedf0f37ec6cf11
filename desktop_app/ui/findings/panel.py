"""The findings pane: the current section's findings, or why there are none yet.

A filter bar narrows the list by severity, category and decision; the
decision actions (Accept, Reject, Edit…) are added to the list's context menu
by the window. For the "Whole document" group it lists the findings about the
document as a whole, each card naming its places (`show_document`), with the
same decisions, filters and keys.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.provider import ProviderError
from desktop_app.document import Section
from desktop_app.review.findings import SEVERITIES, Finding
from desktop_app.review.frameworks import Framework
from desktop_app.session import WHOLE_DOCUMENT, SectionOutcome, SectionStatus
from desktop_app.ui.common.icons import icon_html
from desktop_app.ui.common.severity import mix, severity_icon
from desktop_app.ui.common.theme import theme
from desktop_app.ui.findings.delegate import FindingDelegate
from desktop_app.ui.findings.filter_bar import FilterBar
from desktop_app.ui.findings.model import FINDING_ROLE, FindingFilter, FindingsModel

_MESSAGES = {
    SectionStatus.NOT_ANALYSED: "Not analysed yet.",
    SectionStatus.QUEUED: "Queued for analysis…",
    SectionStatus.RUNNING: "Analysing this section…",
    SectionStatus.CANCELLED: "The analysis of this section was cancelled.",
    SectionStatus.SKIPPED: "This section was skipped.",
    SectionStatus.CHANGED: "This section changed since your last review. Its earlier "
    "findings are kept as history; re-analyse it to review the new text.",
}
_CONTENTS = "A table of contents: it repeats the headings, so it is not analysed."
_LIVE = (SectionStatus.QUEUED, SectionStatus.RUNNING)
_NO_ANSWER = (SectionStatus.NOT_ANALYSED, SectionStatus.CANCELLED, SectionStatus.CHANGED)


class FindingsList(QListView):
    """A list of cards whose heights depend on the width.

    A new width (a splitter drag, a scroll bar appearing) rewraps every card, so
    the items are laid out again; a new height changes nothing in a
    top-to-bottom list, so the view's own relayout on resize (`Adjust`) is off:
    the first answer's list, shown as the message above it went away, was laid
    out and painted twice (bench/window_bench.py, findings tab).
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def relayout(self) -> None:
        """Cards changed height (an edit): lay them out again."""
        self.scheduleDelayedItemsLayout()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class FindingsPanel(QWidget):
    finding_selected = Signal(object)  # Finding, or None when nothing is selected
    retry_requested = Signal(str)  # section id
    analyse_requested = Signal(str)  # section id
    finding_activated = Signal(object)  # Finding: double-clicked, to edit
    filter_changed = Signal(object)  # FindingFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self._section: Section | None = None
        self._whole = False  # showing the findings about the document as a whole
        self._document_note = ""  # what the passes over it did (the summary's second line)
        self._status = SectionStatus.NOT_ANALYSED
        self._outcome: SectionOutcome | None = None
        self._muted = ""  # set from the palette in _apply_colours

        self.title = QLabel()
        self.title.setObjectName("findingsTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)  # a long heading must not widen the pane
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.failure = QFrame()
        self.failure.setObjectName("failureBox")
        self.failure_text = QLabel()
        self.failure_text.setObjectName("failureText")
        self.failure_text.setWordWrap(True)
        self.failure_text.setTextFormat(Qt.TextFormat.PlainText)
        self.failure_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton("Retry")
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self._retry)
        failure_title = QLabel("Analysis failed")
        failure_title.setObjectName("failureTitle")
        bold = failure_title.font()
        bold.setBold(True)
        failure_title.setFont(bold)
        box = QVBoxLayout(self.failure)
        box.setContentsMargins(12, 10, 12, 10)
        box.addWidget(failure_title)
        box.addWidget(self.failure_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        box.addLayout(row)

        self.message = QLabel()
        self.message.setObjectName("findingsMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.analyse_button = QPushButton("Analyse this section")
        self.analyse_button.setObjectName("analyseSectionButton")
        self.analyse_button.clicked.connect(self._analyse)
        self.analyse_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        self.model = FindingsModel(self)
        self.list = FindingsList()
        self.list.setObjectName("findingsList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(FindingDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Fixed)  # FindingsList.resizeEvent
        self.list.setUniformItemSizes(False)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)  # tooltips per card
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.list.doubleClicked.connect(self._on_double_click)

        self.filters = FilterBar()
        self.filters.filter_changed.connect(self._on_filter)

        header = QVBoxLayout()
        header.setContentsMargins(14, 12, 14, 6)
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.summary)
        header.addSpacing(4)
        header.addWidget(self.filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        inset = QVBoxLayout()
        inset.setContentsMargins(10, 6, 10, 6)
        inset.setSpacing(10)
        inset.addWidget(self.failure)
        inset.addWidget(self.message)
        inset.addWidget(self.analyse_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(inset)
        layout.addWidget(self.list, 1)
        # Takes the list's place when there is no list, so that the message
        # and the failure box stay at the top instead of spreading out.
        self._filler = QWidget()
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self._filler, 1)
        self._apply_colours()
        theme().changed.connect(self._restyle)
        self.show_section(None, SectionStatus.NOT_ANALYSED, None)

    # -- public API -------------------------------------------------------------

    @property
    def section(self) -> Section | None:
        return self._section

    @property
    def group(self) -> str | None:
        """What the list shows: a section's id, WHOLE_DOCUMENT, or None."""
        if self._whole:
            return WHOLE_DOCUMENT
        return self._section.id if self._section is not None else None

    def show_document(self, cards: list[Finding], places: dict[str, list], *,
                      framework: Framework | None, edited: set[str], status: SectionStatus,
                      note: str, failure: str = "", checked: bool = False) -> None:
        """The findings about the document as a whole. `note`: how the passes went, for
        the summary; `failure`: a pass that failed, with why; `checked`: a pass ran."""
        same = self._whole
        keep = self.selected_finding() if same else None
        self._whole, self._section, self._outcome = True, None, None
        self._status, self._document_note = status, note
        self.title.setText("Whole document")
        if same and framework is self.model.framework:
            self.model.update_findings(cards, edited, places)
        else:
            self.model.set_findings(cards, framework, edited, places)
        self.failure.setVisible(bool(failure))
        if failure:
            self.failure_text.setText(failure)
            self.retry_button.setEnabled(True)
        live = status in _LIVE
        if live:
            message = "Checking the document as a whole…"
        elif not checked:
            message = ("Findings that span sections appear here: a figure, time or owner "
                       "given two ways, an acronym expanded differently, a reference to a "
                       "section, table or appendix that does not exist. Review → Check "
                       "Consistency runs the checks.")
        elif self.model.total == 0:
            message = "No findings across sections."
        elif self.model.rowCount() == 0:
            message = ("No finding here matches the filters." if self.model.filtered else
                       "Every finding here is below the minimum confidence.")
        else:
            message = ""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.analyse_button.setText("Check consistency")
        self.analyse_button.setVisible(not checked and not live and not failure)
        self._show_rows(keep)

    def set_min_confidence(self, value: float) -> None:
        self.model.set_min_confidence(value)
        self._update_summary()

    def show_section(self, section: Section | None, status: SectionStatus,
                     outcome: SectionOutcome | None) -> None:
        """Show `section`'s findings (or its state); keeps the selected finding if it stays."""
        same = section is self._section and not self._whole
        keep = self.selected_finding() if same else None
        self._section = section
        self._whole = False
        self.title.setText(section.title if section is not None else "Findings")
        result = outcome.result if outcome is not None else None
        error = outcome.error if outcome is not None else None
        framework = outcome.framework if outcome is not None else None
        findings = list(outcome.findings) if outcome is not None else []
        edited = set(outcome.originals) if outcome is not None else set()
        if same and framework is self.model.framework:
            self.model.update_findings(findings, edited)  # decisions, edits: in place
        else:
            self.model.set_findings(findings, framework, edited)
        self._outcome = outcome
        self._status = status

        failed = status is SectionStatus.FAILED and error is not None
        self.failure.setVisible(failed)
        if failed:
            assert error is not None
            self.failure_text.setText(self._failure_text(error))
            self.retry_button.setEnabled(True)
        self.message.setText(_CONTENTS if section is not None and not section.reviewable
                             else self._message(section, status, result is not None, failed))
        self.message.setVisible(bool(self.message.text()))
        self.analyse_button.setText("Re-analyse this section" if status is SectionStatus.CHANGED
                                    else "Analyse this section")
        self.analyse_button.setVisible(
            section is not None and section.reviewable
            and (result is None or status is SectionStatus.CHANGED)
            and status in _NO_ANSWER)
        self._show_rows(keep)

    def _show_rows(self, keep: Finding | None) -> None:
        """The list (or the filler when it is empty), the summary, and the finding `keep`
        selected again if it is still listed."""
        has_rows = self.model.rowCount() > 0
        self.list.setVisible(has_rows)
        self._filler.setVisible(not has_rows)
        self._update_summary()
        if keep is not None and (row := self.model.row_of(keep.id)) >= 0:
            if self.list.currentIndex().row() != row or not self.selected_finding():
                self.list.setCurrentIndex(self.model.index(row))
        elif keep is not None and self.selected_finding() is None:
            # A model reset drops the selection without a signal: say so.
            self.finding_selected.emit(None)

    def _message(self, section: Section | None, status: SectionStatus, has_result: bool,
                 failed: bool) -> str:
        if section is None:
            return "Select a section to see its findings."
        if status is SectionStatus.CHANGED or (not has_result and not failed):
            return _MESSAGES.get(status, "")
        if has_result and status in _LIVE:
            return _MESSAGES[status] + " The findings below are from the previous analysis."
        if self.model.total == 0:
            return "No findings in this section." if has_result else ""
        if self.model.rowCount() == 0:
            if self.model.filtered:
                return "No finding here matches the filters."
            return "Every finding here is below the minimum confidence."
        return ""

    def set_filter(self, flt: FindingFilter) -> None:
        self.filters.set_filter(flt)

    def set_categories(self, categories: list[str]) -> None:
        self.filters.set_categories(categories)

    def select_finding(self, finding_id: str) -> bool:
        row = self.model.row_of(finding_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def selected_finding(self) -> Finding | None:
        index = self.list.currentIndex()
        selected = self.list.selectionModel().isSelected(index) if index.isValid() else False
        return index.data(FINDING_ROLE) if selected else None

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row))
        self.list.scrollTo(self.model.index(row))

    def selected_row(self) -> int:
        return self.list.currentIndex().row() if self.selected_finding() is not None else -1

    def refresh_cards(self) -> None:
        """Card heights may have changed (an edit): lay the list out again."""
        self.list.relayout()

    # -- internals --------------------------------------------------------------

    def _failure_text(self, error: ProviderError) -> str:
        text = error.message
        if error.model:
            text += f"\n\nModel: {error.model}"
        return text

    def _icon_side(self) -> tuple[int, float]:
        return self.summary.fontMetrics().height() - 2, self.devicePixelRatioF()

    def warm_up(self) -> None:
        """Encode the severity icons the summary shows, before the first answer needs
        them: ~7-10 ms drawn and PNG-encoded on the GUI thread, in the wave of the
        first answers otherwise (bench/window_bench.py)."""
        side, scale = self._icon_side()
        icons = [icon_html(severity_icon(severity), side, scale) for severity in SEVERITIES]
        # Drawn once from rich text too: the first decode of an inline PNG (Qt's image
        # readers set up) took ~3.5 ms of the summary's first paint, in the turn that
        # shows the first answer (bench/window_bench.py, findings tab).
        doc = QTextDocument()
        doc.setHtml(" ".join(icons))
        image = QImage(max(1, side) * len(icons) * 2, max(1, side) * 2,
                       QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        doc.drawContents(painter)
        painter.end()
        QTimer.singleShot(0, self, self._warm_cards)

    def _warm_cards(self) -> None:
        """A card of each severity measured and painted off screen, and the list shown
        and hidden once: the first answer's cards took ~45 ms to show and paint (fonts,
        text layout, the list's first show), ~15 ms once this has run."""
        model = FindingsModel()
        model.set_findings([Finding("clarity", sev, 0.9, "A quoted passage of the section.",
                                    "An issue with it, said in a sentence or two.",
                                    "A suggestion.", rewrite="A rewrite.")
                            for sev in SEVERITIES])
        delegate = FindingDelegate(self.list)
        option = QStyleOptionViewItem()
        option.initFrom(self.list)
        width = max(200, self.list.viewport().width())
        image = QImage(width, 400, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        for row in range(model.rowCount()):
            index = model.index(row)
            option.rect = QRect(QPoint(0, 0), delegate.sizeHint(option, index))
            delegate.paint(painter, option, index)
        painter.end()
        delegate.deleteLater()
        if not self.list.isVisible() and self.isVisible():
            self.list.setVisible(True)  # polished and laid out once, never painted:
            self.list.setVisible(False)  # the event loop has not turned in between

    def _update_summary(self) -> None:
        if self._whole:
            self._document_summary()
            return
        outcome = self._outcome
        lines = []
        if outcome is not None and (outcome.result is not None or outcome.findings):
            shown = [self.model.finding(r) for r in range(self.model.rowCount())]
            counts = Counter(f.severity for f in shown if f is not None)
            first = _plural(len(shown), "finding")
            # The severity's icon, as on the cards: its shape as well as its colour.
            side, scale = self._icon_side()
            parts = [f"{icon_html(severity_icon(sev), side, scale)} {counts[sev]} {sev}"
                     for sev in SEVERITIES if counts[sev]]
            if parts:
                first += ": " + " &nbsp;".join(parts)
            lines.append(first)
            decided = Counter(f.decision for f in outcome.findings)
            if decided["accepted"] or decided["rejected"]:
                lines.append(f"✓ {decided['accepted']} accepted · ✗ {decided['rejected']} "
                             f"rejected · {decided['pending']} to decide")
            second = []
            if self.model.filtered:
                second.append(f"{self.model.filtered} hidden by the filters")
            if self.model.hidden:
                second.append(f"{self.model.hidden} hidden below min confidence "
                              f"{round(self.model.min_confidence * 100)} %")
            if outcome.framework is not None and outcome.result is not None:
                second.append(escape(outcome.framework.name))
            source = escape(outcome.provider) if outcome.result is not None else ""
            if outcome.result is not None and outcome.result.from_cache:
                source += " (saved result)"
            if source:
                second.append(source)
            if second:
                lines.append(f'<span style="color:{self._muted};">{" · ".join(second)}</span>')
        self.summary.setText("<br>".join(lines))
        self.summary.setVisible(bool(lines))

    def _document_summary(self) -> None:
        shown = [self.model.finding(r) for r in range(self.model.rowCount())]
        lines = []
        if self.model.total:
            counts = Counter(f.severity for f in shown if f is not None)
            side, scale = self._icon_side()
            parts = [f"{icon_html(severity_icon(sev), side, scale)} {counts[sev]} {sev}"
                     for sev in SEVERITIES if counts[sev]]
            first = _plural(len(shown), "finding") + " across sections"
            lines.append(first + (": " + " &nbsp;".join(parts) if parts else ""))
            decided = Counter(f.decision for f in self.model.findings)
            if decided["accepted"] or decided["rejected"]:
                lines.append(f"✓ {decided['accepted']} accepted · ✗ {decided['rejected']} "
                             f"rejected · {decided['pending']} to decide")
        second = []
        if self.model.filtered:
            second.append(f"{self.model.filtered} hidden by the filters")
        if self.model.hidden:
            second.append(f"{self.model.hidden} hidden below min confidence "
                          f"{round(self.model.min_confidence * 100)} %")
        if self._document_note:
            second.append(escape(self._document_note))
        if second:
            lines.append(f'<span style="color:{self._muted};">{" · ".join(second)}</span>')
        self.summary.setText("<br>".join(lines))
        self.summary.setVisible(bool(lines))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.finding_selected.emit(self.selected_finding())

    def _on_double_click(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)

    def _on_filter(self, flt: FindingFilter) -> None:
        keep = self.selected_finding()
        self.model.set_filter(flt)
        has_rows = self.model.rowCount() > 0
        self.list.setVisible(has_rows)
        self._filler.setVisible(not has_rows)
        if self._whole:
            self._document_summary()
            if keep is not None and not self.select_finding(keep.id):
                self.finding_selected.emit(None)
            self.filter_changed.emit(flt)
            return
        result = self._outcome.result if self._outcome is not None else None
        failed = self._status is SectionStatus.FAILED and self.failure.isVisible()
        self.message.setText(self._message(self._section, self._status, result is not None,
                                           failed))
        self.message.setVisible(bool(self.message.text()))
        self._update_summary()
        if keep is not None and not self.select_finding(keep.id):
            self.finding_selected.emit(None)
        self.filter_changed.emit(flt)

    def _retry(self) -> None:
        group = self.group
        if group is not None:
            self.retry_button.setEnabled(False)  # until the state changes
            self.retry_requested.emit(group)

    def _analyse(self) -> None:
        group = self.group
        if group is not None:
            self.analyse_requested.emit(group)

    def _apply_colours(self) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        red = QColor(theme().colours().error)
        muted = mix(text, window, 0.4).name()
        self._muted = muted
        self.message.setStyleSheet(f"color: {muted}; padding: 24px 8px 4px 8px;")
        self.failure.setStyleSheet(
            f"QFrame#failureBox {{ background: {mix(window, red, 0.14).name()};"
            f" border: 1px solid {mix(window, red, 0.7).name()}; border-radius: 6px; }}"
            f" QLabel#failureTitle {{ color: {mix(text, red, 0.75).name()}; }}")
        behind = QApplication.palette(self.list)
        behind.setColor(QPalette.ColorRole.Base, window)  # cards stand on the window colour
        self.list.setPalette(behind)

    def _restyle(self) -> None:
        """Light or dark switched: new shades, cards laid out and painted again."""
        self._apply_colours()
        delegate = self.list.itemDelegate()
        if isinstance(delegate, FindingDelegate):
            delegate.clear_cache()
        self._update_summary()
        self.list.viewport().update()
