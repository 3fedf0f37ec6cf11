"""Read-only rich text as tall as its content, for a column that scrolls as one.

It reads like a word-wrapped rich-text QLabel (`text()`, `setText()`), but
lays its text out once a change: a QLabel lays its whole document out again
for each size its layout asks about (size hint, minimum size, height for
each width tried), which for the statistics' details, tables and all, held
the GUI thread ~23 ms a refresh against ~4 ms here (bench/window_bench.py,
findings tab). Text can be selected with the mouse, as in the label.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget


class RichTextBlock(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._html = ""
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as a label: not a stop for Tab
        self.viewport().setAutoFillBackground(False)  # the panel's background, as a label's
        self.document().setDocumentMargin(0)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit(self.document().size())

    def text(self) -> str:
        """The HTML last set (a QLabel's `text()`)."""
        return self._html

    def setText(self, html: str) -> None:  # noqa: N802 - a QLabel's name, for its callers
        if html == self._html:
            return  # laid out already: a refresh that changed nothing costs nothing
        self._html = html
        self.setHtml(html)

    def _fit(self, size: QSizeF) -> None:
        self.setFixedHeight(max(1, math.ceil(size.height())) + 2 * self.frameWidth())
