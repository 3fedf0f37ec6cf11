"""Time spent on a review: counted while Margin is the application in front."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from desktop_app.session import ReviewSession

TICK_MS = 5_000  # time spent: sampled this often while the window is active
SAVE_TIME_EVERY = 60.0  # seconds of time spent kept before they are written


class TimeSpent(QObject):
    """Counts into the session it follows (its dialogs included: a reviewer at work).
    A stalled tick (the machine asleep) counts as two at most."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._count)

    def start(self) -> None:
        self._tick.start()
        self._clock.start()

    def follow(self, session: ReviewSession | None) -> None:
        self._session = session

    def _count(self) -> None:
        session = self._session
        elapsed = min(self._clock.restart() / 1000, 2 * TICK_MS / 1000)
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if session is None:
            return
        if active:
            session.count_seconds(elapsed)
        if session.unsaved_seconds >= SAVE_TIME_EVERY and session.healthy:
            session.save_seconds()
