"""The review's numbers under the findings: a small chart, then the details.

The chart is painted with QPainter (no chart library): the sections as one
bar split into done, failed, changed and still to do, then a horizontal bar
per severity. Below it, decisions, categories, the sections with the most
findings, tokens and estimated cost per model, and the time spent.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.prices import Price
from desktop_app.review.findings import SEVERITIES
from desktop_app.session import (
    ReviewSession,
    ReviewStatistics,
    RunEstimate,
    SectionStatus,
    short_model,
)
from desktop_app.ui.common.rich_text_block import RichTextBlock
from desktop_app.ui.common.severity import mix, severity_colour, severity_icon, severity_label
from desktop_app.ui.common.theme import theme

_BAR_H = 12
_ROW_H = 18
_ICON = 14  # a severity's icon before its label


REFRESH_DELAY_MS = 250  # at most four refreshes a second during an analysis
_BAR_STATES = (SectionStatus.DONE, SectionStatus.FAILED, SectionStatus.CHANGED)


def section_colour(state: SectionStatus) -> QColor:
    """A section state's colour in the bar, as the tree's icons fill it."""
    fill, outline = theme().colours().status[state]
    return QColor(fill or outline)


def tokens_text(n: int) -> str:
    if n < 1000:
        return str(n)
    if n < 1_000_000:
        return f"{n / 1000:.1f}k"
    return f"{n / 1_000_000:.2f}M"


def duration_text(seconds: float) -> str:
    minutes = round(seconds / 60)
    if seconds < 60:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def cost_text(cost: float | None) -> str:
    if cost is None:
        return "price unknown"
    return "$0.00" if cost == 0 else f"${cost:.2f}" if cost >= 0.01 else "under $0.01"


class StatisticsChart(QWidget):
    """Sections progress, then findings by severity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsChart")
        self.stats: ReviewStatistics | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Statistics chart")

    def set_statistics(self, stats: ReviewStatistics | None) -> None:
        self.stats = stats
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers: they cannot see a painting."""
        s = self.stats
        if s is None:
            return ""
        sections = ", ".join(f"{n} {state}" for state, n in self.segments() if n)
        findings = ", ".join(f"{s.findings_by_severity.get(sev, 0)} {severity_label(sev)}"
                             for sev in SEVERITIES)
        return f"Sections: {sections or 'none'}. Findings by severity: {findings}."

    def segments(self) -> list[tuple[str, int]]:
        """The sections bar: (what it counts, in words; count), left to right."""
        s = self.stats
        if s is None:
            return []
        rest = max(0, s.sections_total - s.sections_done - s.sections_failed - s.sections_stale)
        return [("done", s.sections_done), ("failed", s.sections_failed),
                ("changed", s.sections_stale), ("to do", rest)]

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(260, _BAR_H + 4 + line + 10 + _ROW_H * len(SEVERITIES))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        s = self.stats
        if s is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        muted = mix(text, window, 0.45)
        width = self.width()
        fm = QFontMetrics(self.font())

        # The sections: one bar, split by state.
        total = max(1, s.sections_total)
        x = 0.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(mix(window, text, 0.10))
        p.drawRoundedRect(QRectF(0, 0, width, _BAR_H), 3, 3)
        for (_label, count), state in zip(self.segments(), _BAR_STATES, strict=False):
            w = width * count / total
            if w > 0:
                p.setBrush(section_colour(state))
                p.drawRect(QRectF(x, 0, w, _BAR_H))
                x += w
        y = _BAR_H + 4
        legend = " · ".join(f"{n} {state}" for state, n in self.segments() if n or state == "done")
        p.setPen(muted)
        p.drawText(QRectF(0, y, width, fm.height()), Qt.AlignmentFlag.AlignLeft,
                   f"Sections: {legend}")
        y += fm.height() + 10

        # Findings by severity.
        label_w = (max(fm.horizontalAdvance(severity_label(sev)) for sev in SEVERITIES)
                   + _ICON + 6 + 8)
        count_w = fm.horizontalAdvance("0000") + 6
        most = max(1, max(s.findings_by_severity.values(), default=0))
        for sev in SEVERITIES:
            n = s.findings_by_severity.get(sev, 0)
            severity_icon(sev).paint(p, 0, round(y + (_ROW_H - _ICON) / 2), _ICON, _ICON)
            p.setPen(text)
            p.drawText(QRectF(_ICON + 6, y, label_w - 8 - _ICON - 6, _ROW_H),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       severity_label(sev))
            span = max(0.0, width - label_w - count_w)
            bar = span * n / most
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(severity_colour(sev))
            if n:
                p.drawRoundedRect(QRectF(label_w, y + 3, max(bar, 3), _ROW_H - 6), 2, 2)
            p.setPen(muted if not n else text)
            p.drawText(QRectF(label_w + bar + 6, y, count_w, _ROW_H),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(n))
            y += _ROW_H
        p.end()


class StatisticsPanel(QWidget):
    """The review's numbers under the findings. Told which session to `follow` and
    to `schedule` a refresh whenever the review changes: it refreshes at most a
    few times a second, and not at all while hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPanel")
        self.setAccessibleName("Statistics")
        self.stats: ReviewStatistics | None = None
        self.estimate: RunEstimate | None = None  # the last run's, shown beside its cost
        self._session: ReviewSession | None = None
        self._prices: Mapping[str, Price] | None = None
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self._stale = False
        self._shown: tuple[dict[str, str] | None, float, str] = (None, 0.0, "")
        self.title = QLabel("Statistics")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.time = QLabel()
        self.time.setObjectName("statisticsTime")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.chart = StatisticsChart()
        self.details = RichTextBlock()  # a rich-text label laid its tables out ~6 times
        self.details.setObjectName("statisticsDetails")
        self.details.setAccessibleName("Statistics details")

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(14, 4, 14, 10)
        inner.setSpacing(8)
        inner.addWidget(self.chart)
        inner.addWidget(self.details)
        inner.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        rule = QFrame()  # where the findings end and the numbers begin
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        head = QHBoxLayout()
        head.setContentsMargins(14, 8, 14, 0)
        head.addWidget(self.title)
        head.addWidget(self.time, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(rule)
        layout.addLayout(head)
        layout.addWidget(self.scroller, 1)
        theme().changed.connect(self._restyle)
        self.show_statistics(None)

    def follow(self, session: ReviewSession | None, prices: Mapping[str, Price] | None) -> None:
        """The review to count (None: no document) and the prices its cost is read at."""
        self._session, self._prices = session, prices
        self.schedule()

    def schedule(self) -> None:
        if not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def refresh(self) -> None:
        self.refresh_timer.stop()
        if not self.isVisible():  # turned off, behind the chat, or the window not shown
            self._stale = True  # counted when it is shown again
            return
        self._stale = False
        session = self._session
        if session is None:
            self.show_statistics(None)
            return
        stats, from_memory = session.statistics(self._prices)
        note = "Counted from this window: some changes are not saved yet." if from_memory else ""
        self.estimate = session.estimate
        self.show_statistics(stats, session.titles, session.unsaved_seconds, note)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.schedule()

    def show_statistics(self, stats: ReviewStatistics | None, titles: dict[str, str] | None = None,
                        extra_seconds: float = 0.0, note: str = "") -> None:
        """`titles`: section id -> title; `extra_seconds`: time not yet saved."""
        self.stats = stats
        self._shown = (titles, extra_seconds, note)
        self.chart.set_statistics(stats)
        self.chart.setVisible(stats is not None)
        if stats is None:
            self.time.setText("")
            self.details.setText("Open a document to see its review's numbers.")
            return
        self.time.setText(f"Time spent: {duration_text(stats.seconds_spent + extra_seconds)}")
        self.details.setText(self._details(stats, titles or {}, note))

    def _restyle(self) -> None:
        """Light or dark switched: the details' colours are in their HTML."""
        self.show_statistics(self.stats, *self._shown)

    def _details(self, s: ReviewStatistics, titles: dict[str, str], note: str) -> str:
        muted = mix(self.palette().color(QPalette.ColorRole.WindowText),
                    self.palette().color(QPalette.ColorRole.Window), 0.45).name()
        colours = theme().colours()
        rows: list[str] = []
        d = s.findings_by_decision
        noun = "finding" if s.findings_total == 1 else "findings"
        rows.append(f"<b>{s.findings_total}</b> {noun}: "
                    f'<span style="color:{colours.accepted};">✓ {d.get("accepted", 0)}'
                    f" accepted</span> · ✗ {d.get('rejected', 0)} rejected · "
                    f"{d.get('pending', 0)} pending")
        if s.findings_by_source.get("user"):
            rows.append(f"{s.findings_by_source['user']} written by you")
        if s.document_findings:
            rows.append(f"{s.document_findings} across sections (Whole document)")
        if s.findings_by_category:
            top = list(s.findings_by_category.items())[:5]
            more = len(s.findings_by_category) - len(top)
            rows.append("<b>Categories:</b> " + ", ".join(
                f"{escape(c)} {n}" for c, n in top) + (f", {more} more" if more > 0 else ""))
        busiest = sorted(((n, sid) for sid, n in s.findings_by_section.items() if n),
                         key=lambda t: -t[0])[:3]
        if busiest:
            rows.append("<b>Most findings:</b> " + ", ".join(
                f"{escape(titles.get(sid, sid))} {n}" for n, sid in busiest))
        rows.append(self._usage(s, muted))
        if self.estimate is not None:
            rows.append(self._estimate(s, self.estimate, muted))
        if note:
            rows.append(f'<span style="color:{colours.error};">{escape(note)}</span>')
        return "<br>".join(rows)

    @staticmethod
    def _usage(s: ReviewStatistics, muted: str) -> str:
        """Tokens and cost per model, on-demand calls and batch jobs on their own rows
        (batch tokens are billed at half the price, and read nothing from the cache)."""
        if not s.usage_by_model and not s.batch_usage_by_model:
            return f'<span style="color:{muted};">No model requests: nothing to pay.</span>'
        lines = [f'<table cellspacing="0" cellpadding="1" style="color:{muted};">'
                 "<tr><th align=left>Model</th><th align=right>&nbsp;In</th>"
                 "<th align=right>&nbsp;Out</th><th align=right>&nbsp;Cache&nbsp;w</th>"
                 "<th align=right>&nbsp;Cache&nbsp;r</th>"
                 "<th align=right>&nbsp;Cost</th></tr>"]
        rows = [(model, "", usage, s.cost_by_model.get(model))
                for model, usage in s.usage_by_model.items()]
        rows += [(model, " (batch)", usage, s.batch_cost_by_model.get(model))
                 for model, usage in s.batch_usage_by_model.items()]
        for model, kind, usage, cost in rows:
            lines.append(
                f"<tr><td title='{escape(model)}{kind}'>{escape(short_model(model))}{kind}</td>"
                f"<td align=right>&nbsp;{tokens_text(usage.input_tokens)}</td>"
                f"<td align=right>&nbsp;{tokens_text(usage.output_tokens)}</td>"
                f"<td align=right>&nbsp;{tokens_text(usage.cache_write_tokens)}</td>"
                f"<td align=right>&nbsp;{tokens_text(usage.cache_read_tokens)}</td>"
                f"<td align=right>&nbsp;{cost_text(cost)}</td></tr>")
        lines.append("</table>")
        total = cost_text(s.estimated_cost_usd)
        if s.batch_usage_by_model:
            batch = [c for c in s.batch_cost_by_model.values()]
            batch_total = None if None in batch else sum(c for c in batch if c is not None)
            total += f" (batch jobs: {cost_text(batch_total)})"
        return "".join(lines) + f"<b>Estimated cost:</b> {total}"

    @staticmethod
    def _estimate(s: ReviewStatistics, run: RunEstimate, muted: str) -> str:
        """The last Analyse All: the estimate shown before it, and what it took so far."""
        e = run.estimate
        spent, cost = run.actual(s.usage, s.estimated_cost_usd)

        def row(name: str, inp: int, write: int, read: int, out: int, money: float | None,
                guess: str = "") -> str:
            return (f"<tr><td>{name}</td><td align=right>&nbsp;{tokens_text(inp)}</td>"
                    f"<td align=right>&nbsp;{tokens_text(out)}{guess}</td>"
                    f"<td align=right>&nbsp;{tokens_text(write)}</td>"
                    f"<td align=right>&nbsp;{tokens_text(read)}</td>"
                    f"<td align=right>&nbsp;{cost_text(money)}</td></tr>")

        return (f'<b>Last Analyse All</b><table cellspacing="0" cellpadding="1" '
                f'style="color:{muted};"><tr><th></th><th align=right>&nbsp;In</th>'
                "<th align=right>&nbsp;Out</th><th align=right>&nbsp;Cache&nbsp;w</th>"
                "<th align=right>&nbsp;Cache&nbsp;r</th><th align=right>&nbsp;Cost</th></tr>"
                + row("Estimate", e.input_tokens, e.cache_write_tokens, e.cache_read_tokens,
                      e.output_tokens, e.cost_usd, "*")
                + row("Actual", spent.input_tokens, spent.cache_write_tokens,
                      spent.cache_read_tokens, spent.output_tokens, cost)
                + "</table>"
                + f'<span style="color:{muted}; font-size:small;">* output is a guess</span>')
