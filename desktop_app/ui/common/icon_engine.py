"""A QIconEngine that draws its icon at the exact size and pixel ratio asked for.

Crisp at 100, 125, 150 or 200 % (never a bitmap scaled up or down), and in
the current theme's colours: the pixmaps are cached per size, ratio, mode and
theme, so a switch to dark draws them again. Also Margin's own mark, and
icons as inline images for rich-text labels.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from desktop_app import paths
from desktop_app.ui.common.theme import Colours, theme

# painter, side in device pixels, theme colours, ink (the palette's button text)
Draw = Callable[[QPainter, float, Colours, QColor], None]


class PaintedIconEngine(QIconEngine):
    """Calls `draw` at the exact pixel size; caches the pixmaps per size and theme."""

    def __init__(self, draw: Draw) -> None:
        super().__init__()
        self._draw = draw
        self._cache: dict[tuple[int, int, QIcon.Mode, bool, int], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return PaintedIconEngine(self._draw)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        side = max(1, math.ceil(min(size.width(), size.height()) * scale))
        colours = theme().colours()
        ink = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText)
        key = (side, round(scale * 100), mode, colours.dark, ink.rgba())
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode == QIcon.Mode.Disabled:
            p.setOpacity(0.4)
        self._draw(p, float(side), colours, ink)
        p.end()
        pixmap.setDevicePixelRatio(scale)
        if len(self._cache) > 64:
            self._cache.clear()
        self._cache[key] = pixmap
        return pixmap


def icon_html(icon: QIcon, side: int, scale: float) -> str:
    """`icon` as an inline image for rich text (labels, QTextDocument), drawn at the
    screen's pixel ratio and shown `side` logical pixels wide."""
    key = (icon.cacheKey(), side, round(scale * 100), theme().is_dark())
    html = _html_cache.get(key)
    if html is None:
        html = _html_cache[key] = _encode(icon, side, scale)
    return html


_html_cache: dict[tuple[int, int, int, bool], str] = {}


def _encode(icon: QIcon, side: int, scale: float) -> str:
    pixmap = icon.pixmap(QSize(side, side), scale)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.toImage().save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes
    encoded = base64.b64encode(bytes(data.data())).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" width="{side}" height="{side}"'
            ' style="vertical-align: middle;">')


# -- the application -----------------------------------------------------------------------

_app_icon: QIcon | None = None


def app_icon() -> QIcon:
    """Margin's mark: the SVG, drawn at any size; the 256 px PNG where SVG cannot be drawn."""
    global _app_icon
    if _app_icon is None:
        folder = paths.resources_dir() / "icons"
        icon = QIcon()
        for name in ("margin.svg", "margin.png"):  # the first file picks the engine
            if (folder / name).is_file():
                icon.addFile(str(folder / name))
        _app_icon = icon
    return _app_icon
