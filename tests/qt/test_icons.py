"""Icons: drawn at the screen's pixel ratio, told apart without colour, in the theme's colours;
and Margin's own icon files, as the build and the window use them."""

from __future__ import annotations

import importlib.util
import struct
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop_app.app import create_application
from desktop_app.review.findings import SEVERITIES
from desktop_app.session import SectionStatus
from desktop_app.ui.common.icons import action_icon, app_icon, severity_icon, status_icon
from desktop_app.ui.common.theme import contrast
from tests.qt.theme_helpers import dark_scheme

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def build_icons():  # type: ignore[no-untyped-def]
    """resources/icons/build_icons.py, a script rather than a package module."""
    spec = importlib.util.spec_from_file_location("build_icons", ICONS / "build_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def image(icon: QIcon, side: int, scale: float = 1.0) -> QImage:
    return icon.pixmap(QSize(side, side), scale).toImage().convertToFormat(
        QImage.Format.Format_ARGB32)


def grey_print(icon: QIcon) -> list[int]:
    """The icon as a greyscale print shows it: lightness where opaque, -1 elsewhere."""
    img = image(icon, 32)
    pixels = (QColor.fromRgba(img.pixel(x, y)) for y in range(32) for x in range(32))
    return [c.lightness() if c.alpha() > 128 else -1 for c in pixels]


def unlike(a: list[int], b: list[int]) -> float:
    """The share of the two icons' pixels that a reader without colour sees differ."""
    differ = sum(1 for p, q in zip(a, b, strict=True) if (p < 0) != (q < 0) or abs(p - q) > 64)
    return differ / sum(1 for p, q in zip(a, b, strict=True) if p >= 0 or q >= 0)


def opaque_colours(img: QImage) -> list[QColor]:
    return [QColor(img.pixel(x, y)) for y in range(img.height()) for x in range(img.width())
            if QColor.fromRgba(img.pixel(x, y)).alpha() > 200]


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_icons_are_drawn_at_the_device_pixel_size(qapp, scale: float) -> None:  # type: ignore[no-untyped-def]
    for icon in (severity_icon("major"), status_icon(SectionStatus.DONE), action_icon("retry")):
        hidpi = icon.pixmap(QSize(16, 16), scale)
        side = round(16 * scale)
        assert hidpi.devicePixelRatio() == scale
        assert (hidpi.width(), hidpi.height()) == (side, side)
        # Drawn at 24 or 32 px, not the 16 px drawing blown up.
        native = image(icon, side)
        blown_up = image(icon, 16).scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation)
        drawn = hidpi.toImage().convertToFormat(QImage.Format.Format_ARGB32)
        drawn.setDevicePixelRatio(1.0)
        assert drawn == native
        assert drawn != blown_up


def test_severities_differ_in_shape_not_only_colour(qapp) -> None:  # type: ignore[no-untyped-def]
    prints = {s: grey_print(severity_icon(s)) for s in SEVERITIES}
    for a, b in combinations(SEVERITIES, 2):
        assert unlike(prints[a], prints[b]) > 0.25, f"{a} and {b} look alike in greyscale"


def test_section_states_differ_without_colour(qapp) -> None:  # type: ignore[no-untyped-def]
    """Waiting, running, done, failed and changed: their glyphs differ in greyscale."""
    shown = [SectionStatus.NOT_ANALYSED, SectionStatus.QUEUED, SectionStatus.RUNNING,
             SectionStatus.DONE, SectionStatus.FAILED, SectionStatus.CHANGED]
    prints = {s: grey_print(status_icon(s)) for s in shown}
    for a, b in combinations(shown, 2):
        assert unlike(prints[a], prints[b]) > 0.05, (a, b)


def test_icons_take_the_dark_colours_and_stand_out_on_the_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    def check() -> list[QColor]:
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        outline = opaque_colours(image(status_icon(SectionStatus.NOT_ANALYSED), 32))
        # The hollow "not analysed" ring is all outline: it must show on the page.
        assert outline and max(contrast(c, base) for c in outline) >= 3.0
        fills = opaque_colours(image(severity_icon("critical"), 32))
        assert max(contrast(c, base) for c in fills) >= 3.0
        return fills

    light = check()
    with dark_scheme(qtbot):
        dark = check()
    assert {c.name() for c in light} != {c.name() for c in dark}
    assert {c.name() for c in check()} == {c.name() for c in light}


def test_app_icon_files_are_what_the_build_script_makes(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert QSvgRenderer(str(ICONS / "margin.svg")).isValid()
    png = QImage(str(ICONS / "margin.png"))
    assert (png.width(), png.height()) == (256, 256) and png.hasAlphaChannel()

    script = build_icons()
    data = (ICONS / "margin.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count == len(script.ICO_SIZES)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data,
                                                                          6 + 16 * i)
        entry = QImage.fromData(data[offset:offset + length])
        side = w or 256
        assert (w, h) == (w, w) and (entry.width(), entry.height()) == (side, side)
        sizes.append(side)
    assert {16, 24, 32, 48, 256} <= set(sizes)

    # Regenerated from the SVG, the files come out the same: they were not edited apart.
    script.build(ICONS / "margin.svg", tmp_path)
    fresh = QImage(str(tmp_path / "margin.png")).convertToFormat(QImage.Format.Format_ARGB32)
    kept = png.convertToFormat(QImage.Format.Format_ARGB32)
    worst = max(abs(QColor.fromRgba(fresh.pixel(x, y)).alpha()
                    - QColor.fromRgba(kept.pixel(x, y)).alpha())
                for y in range(0, 256, 4) for x in range(0, 256, 4))
    assert worst <= 16


def test_the_application_and_its_windows_carry_the_icon(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.window.main_window import MainWindow

    app = create_application()
    assert not app_icon().isNull()
    assert app.windowIcon().cacheKey() == app_icon().cacheKey()
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert image(window.windowIcon(), 32) == image(app_icon(), 32)


def test_findings_carry_their_severity_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.review.findings import Finding
    from desktop_app.ui.findings.model import FindingsModel

    model = FindingsModel()
    model.set_findings([Finding("clarity", s, 0.9, "", f"issue {s}", "") for s in SEVERITIES],
                       None, set())
    for row, severity in enumerate(SEVERITIES):
        icon = model.index(row).data(Qt.ItemDataRole.DecorationRole)
        assert icon.cacheKey() == severity_icon(severity).cacheKey()
