"""Qt test fixtures: no job left running after a test; a shown main window; a
small report with planted flaws.

`tests/conftest.py` already points MARGIN_DATA_DIR at a temporary folder, so
every window here reads and writes its own settings.ini.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6

from desktop_app.workers.jobs import live_runners


@pytest.fixture(autouse=True)
def drained_runners(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Fail a test that leaves jobs running, and never let one outlive it."""
    yield
    for runner in live_runners():
        if shiboken6.isValid(runner):
            assert runner.shutdown(10_000), "a job was still running at teardown"


# The offscreen platform plugin (tests only) says this whenever a top-level
# window with size constraints is shown; xcb, Windows and macOS do not.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_on_the_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As the app does: cyclic garbage holding Qt objects must not die on a worker."""
    from desktop_app.workers.gc_guard import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector()
    yield collector
    collector.stop()


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    """A shown, exposed MainWindow, closed with the test."""
    from tests.qt.window_helpers import new_window

    return new_window(qtbot)


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    """A short report whose sections the scripted and built-in reviewers find fault with."""
    from tests.qt.review_doubles import make_flawed_docx

    return make_flawed_docx(tmp_path / "flawed.docx")
