"""Run Python's cyclic garbage collector on the GUI thread only.

A reference cycle holding a Qt wrapper (a job's signals object and the
lambdas connected to it, say) may be collected by whichever thread happens
to allocate when a collection is due. If that is a worker thread, the Qt
object is destroyed on the wrong thread, and the process can crash
(seen: a segfault inside botocore's JSON loading on a pool thread during
Test connection). qutebrowser does the same: automatic collection off, and
a timer on the GUI thread running it on the usual thresholds instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 100) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose thresholds are exceeded, as gc would."""
        threshold = gc.get_threshold()
        count = gc.get_count()
        if count[0] <= threshold[0]:
            return 0
        found = gc.collect(0)
        if count[1] > threshold[1]:
            found += gc.collect(1)
            if count[2] > threshold[2]:
                found += gc.collect(2)
        return found

    def stop(self) -> None:
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
