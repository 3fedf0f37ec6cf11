"""The session driver's answers: saved by the analysis threads, in the store when announced.

What the window and `margin review` both rely on: `sections_changed` says a
section is done only once its answer is in the store (a window killed right
after showing it loses nothing), and the store write is not made on the thread
that announces it (it was most of each answer's cost to the window:
bench/window_bench.py).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from desktop_app.review.frameworks import find_framework
from desktop_app.review.status import SectionStatus
from desktop_app.session import ReviewPrefs, ReviewSession, Storage, choose_provider
from desktop_app.store.db import DB_NAME
from desktop_app.store.reviews import ReviewStore
from desktop_app.workers.session_driver import SessionDriver
from tests.unit.review_store_helpers import make_doc

SECTIONS = 8


def test_every_announced_answer_is_in_the_store_and_saved_off_the_gui_thread(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    doc = make_doc(tmp_path / "report.docx", [
        (f"Part {i}", f"The the valve {i} was checked. TODO: say who checked it.")
        for i in range(SECTIONS)])
    storage = Storage(lambda: tmp_path / "data")
    setup = choose_provider(doc, ReviewPrefs(provider="local"))
    session = ReviewSession(doc, find_framework(None), storage, setup.identity)
    writers: list[threading.Thread] = []
    original = ReviewStore.record_result

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        writers.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ReviewStore, "record_result", spy)
    store = tmp_path / "data" / DB_NAME
    seen: dict[str, tuple[str | None, int]] = {}  # announced done -> (stored status, findings)

    def on_changed(changed: dict) -> None:
        for sid, status in changed.items():
            if status is SectionStatus.DONE:
                with closing(sqlite3.connect(store)) as conn:  # another process's view
                    row = conn.execute("SELECT status FROM review_sections WHERE"
                                       " section_id = ?", (sid,)).fetchone()
                    (n,) = conn.execute("SELECT COUNT(*) FROM findings WHERE section_id = ?"
                                        " AND superseded = 0", (sid,)).fetchone()
                seen[sid] = (row[0] if row else None, n)

    driver = SessionDriver()
    driver.sections_changed.connect(on_changed)
    driver.set_session(session)
    driver.set_provider(setup)
    try:
        with qtbot.waitSignal(driver.run_finished, timeout=60_000):
            driver.analyse(list(doc.walk()))
        assert set(seen) == {s.id for s in doc.walk()}
        for sid, (status, n) in seen.items():
            assert status == "done", sid
            assert n == len(session.outcome(sid).findings) > 0, sid
        assert len(writers) == SECTIONS
        assert threading.main_thread() not in writers
    finally:
        driver.shutdown()
        storage.close()
        driver.deleteLater()  # with its retired dispatcher, before the next test
        qtbot.wait(50)
