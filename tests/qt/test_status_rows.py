"""A hundred statuses at once (Analyse All) reach the section tree a few dozen rows a
turn, the current section's first, so that the click does not hold the window."""

from __future__ import annotations

import threading
from pathlib import Path

import docx

from desktop_app.session import SectionStatus
from desktop_app.ui.window.main_window import STATUS_ROWS_A_TURN, MainWindow
from tests.qt.review_doubles import ScriptedProvider, factory_for
from tests.qt.window_helpers import TIMEOUT, open_ready, select, status_text


def _many_sections(path: Path, n: int) -> Path:
    d = docx.Document()
    for i in range(n):
        d.add_heading(f"Part {i + 1}", level=1)
        d.add_paragraph(f"Part {i + 1} says what the team decided and why it matters.")
    d.save(str(path))
    return path


def test_analyse_all_shows_the_current_row_first_and_every_row_soon(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    provider = ScriptedProvider()
    provider.gate = threading.Event()  # every call waits: the rows stay queued
    window.provider_factory = factory_for(provider, threads=1)
    count = 65
    assert STATUS_ROWS_A_TURN < count
    doc = open_ready(qtbot, window, _many_sections(tmp_path / "many.docx", count))
    sections = list(doc.walk())
    assert len(sections) == count
    current = sections[-1]  # last in document order: it would be shown last
    select(window, current)

    def queued() -> list[str]:
        return [s.id for s in sections if status_text(window, s) == "Queued"]

    first_turn: list[list[str]] = []
    # Connected after the window's own slot: runs once the window has handled the turn.
    window.review.driver.sections_changed.connect(
        lambda changed: first_turn.append(queued()) if not first_turn and len(changed) > 1
        else None)
    window.action["analyse_all"].trigger()
    qtbot.waitUntil(lambda: bool(first_turn), timeout=TIMEOUT)
    shown = first_turn[0]
    assert current.id in shown  # the row the reviewer looks at, at once
    assert len(shown) < count  # not all of them in the click's turn
    # ... and every row follows within a few turns, each with its status now.
    qtbot.waitUntil(lambda: all(
        status_text(window, s) in ("Queued", "Analysing…") for s in sections), timeout=TIMEOUT)
    assert window.review.status(sections[0].id) in (SectionStatus.QUEUED, SectionStatus.RUNNING)
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=TIMEOUT):
        window.action["cancel_all"].trigger()
    qtbot.waitUntil(lambda: all(status_text(window, s) == "Cancelled" for s in sections),
                    timeout=TIMEOUT)
