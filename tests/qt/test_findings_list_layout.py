"""The findings list's layout: cards rewrap with the width, and the first answer's list is
laid out and painted once (bench/window_bench.py: its first show was two of each)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop_app.ai.provider import AnalysisResult
from desktop_app.document.model import Section, SectionOrigin
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import find_framework
from desktop_app.session import SectionOutcome, SectionStatus
from desktop_app.ui.findings.panel import FindingsPanel


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def answered(n: int) -> SectionOutcome:
    findings = [Finding("clarity", "major", 0.9, f"Quoted passage {i}.",
                        "An issue with the passage, said in a sentence that takes some room "
                        "so that it wraps on a narrow pane.", "Say it plainly.")
                for i in range(n)]
    outcome = SectionOutcome()
    outcome.findings = findings
    outcome.result = AnalysisResult(findings, "model")
    outcome.framework = find_framework(None)
    outcome.provider = "model"
    outcome.status = outcome.stored = SectionStatus.DONE
    return outcome


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_the_first_answers_list_is_painted_once_and_cards_rewrap_with_the_width(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 760)
    panel.show()
    qtbot.waitExposed(panel)
    section = Section("s1", "Scope", 1, SectionOrigin.STYLE, None)
    panel.show_section(section, SectionStatus.RUNNING, None)
    settle()
    assert not panel.list.isVisible() and panel.message.isVisible()
    paints = Paints()
    panel.list.viewport().installEventFilter(paints)
    panel.show_section(section, SectionStatus.DONE, answered(2))
    settle()
    assert panel.list.isVisible() and not panel.message.isVisible()
    assert paints.count == 1
    wide = panel.list.visualRect(panel.model.index(0)).height()
    panel.resize(260, 760)
    qtbot.waitUntil(lambda: panel.list.visualRect(panel.model.index(0)).height() > wide)
    narrow = panel.list.visualRect(panel.model.index(0))
    assert narrow.width() <= panel.list.viewport().width()
    second = panel.list.visualRect(panel.model.index(1))
    assert second.top() >= narrow.bottom()  # laid out again, not overlapping
