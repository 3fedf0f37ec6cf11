"""The chat tab in the window: follows the review, answers offline, citations navigate."""

from __future__ import annotations

from pathlib import Path

from tests.qt.review_doubles import make_flawed_docx
from tests.qt.window_helpers import new_window, open_ready, section, select

TIMEOUT = 20_000


def test_chat_tab_answers_offline_and_keeps_history(qtbot, tmp_path: Path) -> None:
    source = make_flawed_docx(tmp_path / "flawed.docx")
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, source)
    summary = section(doc, "Summary")
    select(window, summary)
    window.action["chat"].trigger()
    panel = window.chat.panel
    assert window.chat.tabs.currentWidget() is panel
    with qtbot.waitSignal(panel.busy_changed, timeout=TIMEOUT,
                          check_params_cb=lambda busy: busy is False):
        assert panel.ask("Who wrote the report?")
    answer = panel.messages()[-1]
    assert answer.role == "assistant" and answer.complete
    assert "search" in answer.raw_text.lower()  # honest: a search, not a model

    # Citations move the window: a click asks for a section, the tree follows.
    other = next(s for s in doc.walk() if s.id != summary.id)
    panel.section_requested.emit(other.id)
    assert window.current_section().id == other.id

    # The conversation is kept with the review: a new window shows it again.
    window.close()
    again = new_window(qtbot)
    open_ready(qtbot, again, source)
    select(again, section(doc, "Summary"))
    qtbot.waitUntil(lambda: any(m.role == "user" and "Who wrote" in m.raw_text
                                for m in again.chat.panel.messages()), timeout=TIMEOUT)
