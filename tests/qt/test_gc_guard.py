"""The collector runs on the GUI thread, on gc's own thresholds, not on workers."""

from __future__ import annotations

import gc
import threading

from desktop_app.workers.gc_guard import MainThreadGarbageCollector


class _Cycle:
    def __init__(self, log: list[str]) -> None:
        self.me = self
        self.log = log

    def __del__(self) -> None:
        self.log.append(threading.current_thread().name)


def test_cycles_are_collected_by_the_timer_on_the_gui_thread(qtbot) -> None:
    collector = MainThreadGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        died: list[str] = []
        kept: list[list[int]] = []

        def make_garbage() -> None:  # a worker allocating lots, as botocore does
            for _ in range(5):
                _Cycle(died)
            # Live allocations push gen0 past its threshold (freed ones do not count).
            kept.extend([i] for i in range(5_000))

        worker = threading.Thread(target=make_garbage, name="worker")
        worker.start()
        worker.join()
        assert died == []  # nothing collected on the worker
        qtbot.waitUntil(lambda: len(died) == 5, timeout=5_000)
        assert set(died) == {threading.main_thread().name}
    finally:
        collector.stop()
        collector.deleteLater()
