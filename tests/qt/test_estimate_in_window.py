"""Cost before you spend, in the window: Analyse All with Amazon Bedrock (the fake) shows the
estimate first, Esc sends nothing, Enter analyses, "don't ask again below $X" is kept, and
the statistics show what the run cost beside what was estimated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.ai.config import BedrockConfig
from desktop_app.session import ProviderSetup
from desktop_app.ui.settings.store import load_review_prefs
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.window_helpers import TIMEOUT, new_window, open_ready, wait_for_check


def write_doc(path: Path, sections: int = 4) -> Path:
    d = docx.Document()
    d.add_heading("Quarterly review", level=0)
    for i in range(sections):
        d.add_heading(f"Part {i + 1}", level=1)
        d.add_paragraph(f"The system failed on day {i + 1}. It recovered after an hour. " * 6)
    d.save(str(path))
    return path


def bedrock_window(qtbot, config: Callable[..., BedrockConfig]) -> MainWindow:  # type: ignore[no-untyped-def]
    made: list[BedrockProvider] = []

    def factory(_doc, _prefs) -> ProviderSetup:  # type: ignore[no-untyped-def]
        made.append(BedrockProvider(config()))
        return ProviderSetup(made[-1], False, "Amazon Bedrock (fake)", threads=4)

    window = new_window(qtbot)
    window.prefs.provider = "bedrock"
    window.provider_factory = factory
    return window


def dialog_of(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.estimate_dialog is not None
                    and window.estimate_dialog.isVisible(), timeout=TIMEOUT)
    return window.estimate_dialog


def test_analyse_all_shows_the_estimate_first_and_the_statistics_the_actual_beside_it(
        qtbot, tmp_path, bedrock_config, fake_bedrock) -> None:
    window = bedrock_window(qtbot, bedrock_config)
    doc = open_ready(qtbot, window, write_doc(tmp_path / "q.docx"))
    sections = len(list(doc.walk()))

    window.action["analyse_all"].trigger()
    dialog = dialog_of(qtbot, window)
    for name in ("Input tokens", "Cache writes", "Cache reads", "Output tokens"):
        assert dialog.values[name].text().startswith("~")
    assert "$" in dialog.values["Estimated cost"].text()
    assert dialog.values["Requests"].text() == str(sections)
    assert dialog.start.isDefault()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # quick to dismiss: nothing is sent
    qtbot.waitUntil(lambda: window.estimate_dialog is None, timeout=TIMEOUT)
    assert fake_bedrock.requests == []

    window.action["analyse_all"].trigger()
    dialog = dialog_of(qtbot, window)
    dialog.dont_ask.setChecked(True)
    dialog.below.setValue(50.0)
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=TIMEOUT):
        QTest.keyClick(dialog.start, Qt.Key.Key_Return)  # Enter analyses
    wait_for_check(qtbot, window)
    sent = [r for r in fake_bedrock.requests if r.tool_name]
    assert len(sent) == sections
    for record in sent:  # the window's requests carry the outline and the whole text too
        assert all(f"[§ {s.id}]" in (record.context_text or "") for s in doc.walk())
        assert "It recovered after an hour." in record.context_text
    assert window.prefs.ask_above_usd == 50.0
    assert load_review_prefs(window._settings).ask_above_usd == 50.0  # kept in Settings

    window.refresh_statistics()
    details = window.statistics.details.text()
    assert "Last Analyse All" in details and "Estimate" in details and "Actual" in details
    run = window.review.session.estimate
    spent, cost = run.actual(window.statistics.stats.usage, window.statistics.stats.
                             estimated_cost_usd)
    assert spent.requests == sections and spent.input_tokens > 0 and cost is not None and cost > 0

    # Below the amount chosen: no question, the analysis starts at once.
    open_ready(qtbot, window, write_doc(tmp_path / "other.docx", 3))
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=TIMEOUT):
        window.action["analyse_all"].trigger()
    assert window.estimate_dialog is None
    wait_for_check(qtbot, window)
