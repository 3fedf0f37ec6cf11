"""Switching the application to dark and back, and reading the colours a view painted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.ui.common.theme import contrast, dark_palette, theme


@contextmanager
def dark_scheme(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A dark palette, as a dark system scheme gives it (offscreen has no scheme to set),
    then the light one back."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QPalette(app.palette())
    with qtbot.waitSignal(theme().changed, timeout=2_000):
        app.setPalette(dark_palette())
    try:
        yield
    finally:
        with qtbot.waitSignal(theme().changed, timeout=2_000):
            app.setPalette(original)


def painted_colours(image: QImage, rect: QRect) -> tuple[QColor, QColor]:
    """(background, ink) inside `rect`: the commonest colour, and the pixel that stands
    out from it the most (the core of a glyph's stroke)."""
    counts: Counter[int] = Counter()
    for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
        for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    background = QColor(counts.most_common(1)[0][0])
    ink = max((QColor(rgb) for rgb in counts), key=lambda c: contrast(c, background))
    return background, ink


def is_dark(colour: QColor) -> bool:
    return colour.lightnessF() < 0.3


def is_light(colour: QColor) -> bool:
    return colour.lightnessF() > 0.7
