"""Drawn icons: section states, finding severities, the toolbar's actions.

Painted by `PaintedIconEngine` (icon_engine.py) at whatever size and pixel
ratio Qt asks for, in the current theme's colours. Severity icons differ by shape
and glyph as well as colour, so they read in greyscale and for colour-blind
reviewers: critical a filled octagon with "!", major a triangle with "!", minor
a ring with "i", suggestion a diamond.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen

from desktop_app.review.status import SectionStatus
from desktop_app.ui.common.icon_engine import Draw, PaintedIconEngine, app_icon, icon_html
from desktop_app.ui.common.theme import Colours, contrast, theme

# app_icon and icon_html live with the engine; imported from here too.
__all__ = ["action_icon", "app_icon", "icon_html", "ink_on", "status_icon", "status_pixmap_icon",
           "severity_icon"]

_INK_LIGHT, _INK_DARK = QColor("#ffffff"), QColor("#161616")


def ink_on(fill: QColor) -> QColor:
    """A glyph's colour on `fill`: white where it stands out (3:1, the WCAG figure
    for graphics), else near-black."""
    return _INK_LIGHT if contrast(fill, _INK_LIGHT) >= 3.0 else _INK_DARK


def _bar(p: QPainter, cx: float, top: float, bottom: float, width: float) -> None:
    p.drawRoundedRect(QRectF(cx - width / 2, top, width, bottom - top), width / 2, width / 2)


def _exclamation(p: QPainter, cx: float, top: float, bottom: float, width: float) -> None:
    _bar(p, cx, top, bottom - 1.9 * width, width)
    p.drawEllipse(QPointF(cx, bottom - width / 2), width / 1.8, width / 1.8)


def _polygon(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*points[0])
    for x, y in points[1:]:
        path.lineTo(x, y)
    path.closeSubpath()
    return path


# -- severities ----------------------------------------------------------------------------


def _severity_draw(severity: str) -> Draw:
    def draw(p: QPainter, s: float, c: Colours, _ink: QColor) -> None:
        fill = QColor(c.severity.get(severity, "#868e96"))
        ink = ink_on(fill)
        m, mid, w = s * 0.06, s / 2, max(1.2, s * 0.13)  # margin, centre, glyph stroke
        if severity == "critical":  # a stop sign
            r, k = s / 2 - m, (s / 2 - m) * 0.414
            shape = _polygon([(mid - k, m), (mid + k, m), (s - m, mid - k), (s - m, mid + k),
                              (mid + k, s - m), (mid - k, s - m), (m, mid + k), (m, mid - k)])
            glyph = (mid - r * 0.62, mid + r * 0.62)
        elif severity == "major":  # a warning triangle
            shape = _polygon([(mid, m), (s - m, s - m * 1.5), (m, s - m * 1.5)])
            glyph = (s * 0.36, s * 0.84)
        elif severity == "minor":  # an information ring: lighter, as the matter is
            ring = max(1.2, s * 0.1)
            shape = QPainterPath()
            shape.addEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
            hole = QPainterPath()
            hole.addEllipse(QRectF(m + ring, m + ring, s - 2 * (m + ring), s - 2 * (m + ring)))
            shape = shape.subtracted(hole)
            ink = fill  # the "i" in the ring's colour, on the page
            glyph = None
        else:  # a suggestion: a diamond
            shape = _polygon([(mid, m * 0.5), (s - m * 0.5, mid), (mid, s - m * 0.5),
                              (m * 0.5, mid)])
            glyph = None
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawPath(shape)
        p.setBrush(ink)
        if glyph is not None:
            _exclamation(p, mid, glyph[0], glyph[1], w)
        elif severity == "minor":  # "i": the dot above the stem
            p.drawEllipse(QPointF(mid, s * 0.3), w / 1.8, w / 1.8)
            _bar(p, mid, s * 0.43, s * 0.76, w)
        else:
            p.drawEllipse(QPointF(mid, mid), s * 0.1, s * 0.1)
    return draw


def _cached(cache: dict[str, QIcon], key: str, draw: Callable[[str], Draw]) -> QIcon:
    """One QIcon per key: its engine repaints it per size and per theme."""
    icon = cache.get(key)
    if icon is None:
        icon = cache[key] = QIcon(PaintedIconEngine(draw(key)))
    return icon


_severity_icons: dict[str, QIcon] = {}


def severity_icon(severity: str) -> QIcon:
    return _cached(_severity_icons, severity, _severity_draw)


# -- section states ------------------------------------------------------------------------


def _status_draw(status: SectionStatus) -> Draw:
    def draw(p: QPainter, s: float, c: Colours, _ink: QColor) -> None:
        fill_name, outline_name = c.status[status]
        outline = QColor(outline_name)
        pen = QPen(outline, max(1.0, s / 12))
        inset = s * 0.16 + pen.widthF() / 2
        disc = QRectF(inset, inset, s - 2 * inset, s - 2 * inset)
        p.setPen(pen)
        p.setBrush(QColor(fill_name) if fill_name else Qt.BrushStyle.NoBrush)
        p.drawEllipse(disc)
        mid, w = s / 2, max(1.0, s / 11)
        ink = ink_on(QColor(fill_name)) if fill_name else outline
        glyph = QPen(ink, w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                     Qt.PenJoinStyle.RoundJoin)
        r = disc.width() / 2
        if status is SectionStatus.RUNNING:  # the filled half of a pie: under way
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(outline)
            p.drawPie(disc, 90 * 16, -180 * 16)
        elif status is SectionStatus.QUEUED:  # a dot: waiting its turn
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(outline)
            p.drawEllipse(QPointF(mid, mid), r * 0.32, r * 0.32)
        elif status is SectionStatus.DONE:  # a tick
            p.setPen(glyph)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline([QPointF(mid - r * 0.48, mid + r * 0.02),
                            QPointF(mid - r * 0.12, mid + r * 0.38),
                            QPointF(mid + r * 0.5, mid - r * 0.36)])
        elif status is SectionStatus.FAILED:  # a cross
            p.setPen(glyph)
            d = r * 0.4
            p.drawLine(QPointF(mid - d, mid - d), QPointF(mid + d, mid + d))
            p.drawLine(QPointF(mid - d, mid + d), QPointF(mid + d, mid - d))
        elif status is SectionStatus.CHANGED:  # "!": look again
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ink)
            _exclamation(p, mid, mid - r * 0.62, mid + r * 0.62, w * 1.1)
        elif status is not SectionStatus.NOT_ANALYSED:  # cancelled, skipped: a dash
            p.setPen(glyph)
            p.drawLine(QPointF(mid - r * 0.45, mid), QPointF(mid + r * 0.45, mid))
    return draw


_status_icons: dict[str, QIcon] = {}


def status_icon(status: SectionStatus) -> QIcon:
    """A section's state as a small drawn disc whose glyph (tick, cross, dash...) says it
    without colour; one QIcon per state, repainted per theme."""
    return _cached(_status_icons, status, _status_draw)  # type: ignore[arg-type]


_status_pixmap_icons: dict[tuple[SectionStatus, bool, int], QIcon] = {}


def status_pixmap_icon(status: SectionStatus) -> QIcon:
    """`status_icon` drawn once at the sizes a list or tree shows it, as plain pixmaps.

    For views that paint hundreds of them: Qt paints a pixmap icon without
    calling back into Python, where the drawn icon's engine costs a Python call
    (and a palette copy) per icon per repaint. Drawn again for another theme or
    pixel ratio."""
    app = QGuiApplication.instance()
    ratio = round(app.devicePixelRatio() * 100) if isinstance(app, QGuiApplication) else 100
    key = (status, theme().is_dark(), ratio)
    icon = _status_pixmap_icons.get(key)
    if icon is None:
        drawn, icon = status_icon(status), QIcon()
        for side in (16, 20, 24, 32):
            icon.addPixmap(drawn.pixmap(QSize(side, side), ratio / 100))
        _status_pixmap_icons[key] = icon
    return icon


# -- toolbar actions -------------------------------------------------------------------------
# Drawn in the palette's button-text colour: the style's standard media icons
# are black bitmaps, lost on a dark toolbar.


def _play(p: QPainter, s: float, left: float, width: float) -> None:
    p.drawPath(_polygon([(left, s * 0.2), (left + width, s / 2), (left, s * 0.8)]))


def _action_draw(name: str) -> Draw:
    def draw(p: QPainter, s: float, c: Colours, ink: QColor) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        if name == "analyse":
            _play(p, s, s * 0.26, s * 0.56)
        elif name == "analyse-all":
            _play(p, s, s * 0.08, s * 0.42)
            _play(p, s, s * 0.5, s * 0.42)
        elif name == "cancel":
            p.drawRoundedRect(QRectF(s * 0.24, s * 0.24, s * 0.52, s * 0.52), s * 0.06, s * 0.06)
        elif name == "retry":  # ↻: an arc, clockwise, with the arrow at its end
            width = max(1.2, s * 0.11)
            p.setPen(QPen(ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            p.setBrush(Qt.BrushStyle.NoBrush)
            r, end = s * 0.3, math.radians(120)
            p.drawArc(QRectF(s / 2 - r, s / 2 - r, 2 * r, 2 * r), 60 * 16, -300 * 16)
            ex, ey = s / 2 + r * math.cos(end), s / 2 - r * math.sin(end)
            tx, ty = math.sin(end), math.cos(end)  # the way the arc runs, clockwise
            head, half = s * 0.2, s * 0.17
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ink)
            p.drawPath(_polygon([(ex + tx * head, ey + ty * head),
                                 (ex - ty * half, ey + tx * half),
                                 (ex + ty * half, ey - tx * half)]))
    return draw


_action_icons: dict[str, QIcon] = {}


def action_icon(name: str) -> QIcon:
    """"analyse", "analyse-all", "cancel" or "retry"."""
    return _cached(_action_icons, name, _action_draw)
