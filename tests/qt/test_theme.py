"""Light and dark: the text, the finding cards and the badges stay readable, and switch back.

The offscreen platform has no colour scheme to set, so the tests switch the
application palette, which is what a dark system scheme does to Fusion.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from desktop_app.ui.common.theme import DARK, LIGHT, Colours, contrast, dark_palette, theme
from desktop_app.ui.window.main_window import MainWindow
from desktop_app.ui.window.save_banner import SaveBanner
from tests.qt.review_doubles import make_flawed_docx
from tests.qt.theme_helpers import dark_scheme, is_dark, is_light, painted_colours
from tests.qt.window_helpers import analyse_all, new_window, open_ready, section, select

TEXT = 4.5  # WCAG AA, body text
GRAPHICS = 3.0  # WCAG AA, icons and bars


@pytest.fixture
def reviewed(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window on an analysed document, a finding of "Summary" selected."""
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, make_flawed_docx(tmp_path / "flawed.docx"))
    analyse_all(qtbot, window)
    select(window, section(doc, "Summary"))
    window.findings.select_row(0)
    assert window.view.highlighted_text
    return window


def text_colours(window: MainWindow) -> list[QColor]:
    """Every colour the section's characters are painted in: the one the HTML gave them,
    or without one the view's text colour."""
    default = window.view.palette().color(QPalette.ColorRole.Text)
    colours = []
    block = window.view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt: QTextCharFormat = it.fragment().charFormat()
            if it.fragment().text().strip():
                brush = fmt.foreground()
                colours.append(default if brush.style() == Qt.BrushStyle.NoBrush
                               else brush.color())
            it += 1
        block = block.next()
    return colours


def assert_section_readable(qtbot, window: MainWindow, dark: bool) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    page = view.viewport().palette().color(QPalette.ColorRole.Base)
    assert is_dark(page) if dark else is_light(page)
    colours = text_colours(window)
    assert colours
    for colour in colours:  # headings, body, the muted meta line, labels
        assert contrast(colour, page) >= TEXT, (colour.name(), page.name())
    # The finding's quote stays marked, and readable on its mark.
    assert view.highlighted_text
    selection = view.extraSelections()[0]
    mark = QColor(selection.format.background().color())
    text = view.palette().color(QPalette.ColorRole.Text)
    assert contrast(text, mark) >= TEXT
    # Visible on the page: a highlighter's hue, not necessarily a darker shade.
    assert max(abs(mark.red() - page.red()), abs(mark.green() - page.green()),
               abs(mark.blue() - page.blue())) >= 60
    # What was painted, not only what was asked for.
    image = view.viewport().grab().toImage()
    background, ink = painted_colours(image, QRect(0, 0, image.width(), image.height() // 2))
    assert background == page
    assert contrast(ink, background) >= TEXT


def assert_cards_readable(window: MainWindow, dark: bool) -> None:
    lst = window.findings.list
    lst.viewport().repaint()
    card = lst.visualRect(window.findings.model.index(0))
    # The body of the first card: below its header, inside its border and bar.
    body = card.adjusted(30, 40, -20, -8)
    image = lst.viewport().grab().toImage()
    background, ink = painted_colours(image, body)
    assert is_dark(background) if dark else is_light(background)
    assert contrast(ink, background) >= TEXT, (ink.name(), background.name())


def test_theme_follows_the_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not theme().is_dark()
    with dark_scheme(qtbot):
        assert theme().is_dark()
        assert theme().colours() is DARK
    assert not theme().is_dark()
    assert theme().colours() is LIGHT


def test_section_text_and_cards_switch_to_dark_and_back(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert_section_readable(qtbot, reviewed, dark=False)
    assert_cards_readable(reviewed, dark=False)
    with dark_scheme(qtbot):
        assert_section_readable(qtbot, reviewed, dark=True)
        assert_cards_readable(reviewed, dark=True)
        # The offline badge took the dark badge's colours.
        assert DARK.badge[0] in reviewed.status_bar.provider_notice.styleSheet()
    assert_section_readable(qtbot, reviewed, dark=False)
    assert_cards_readable(reviewed, dark=False)
    assert LIGHT.badge[0] in reviewed.status_bar.provider_notice.styleSheet()


def test_statistics_and_banner_follow_the_theme(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reviewed.refresh_statistics()
    assert LIGHT.accepted in reviewed.statistics.details.text()
    banner = SaveBanner()
    qtbot.addWidget(banner)
    assert LIGHT.banner[0] in banner.styleSheet()
    with dark_scheme(qtbot):
        assert DARK.accepted in reviewed.statistics.details.text()
        assert LIGHT.accepted not in reviewed.statistics.details.text()
        assert DARK.banner[0] in banner.styleSheet()
    assert LIGHT.banner[0] in banner.styleSheet()


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_added_colours_stand_out_from_the_palette(qapp, colours: Colours) -> None:  # type: ignore[no-untyped-def]
    palette = dark_palette() if colours.dark else QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    for name, fill in colours.severity.items():
        assert contrast(QColor(fill), QColor(colours.on_severity)) >= TEXT, name  # badge text
        assert contrast(QColor(fill), base) >= GRAPHICS, name  # bars and icons on a card
    for name in ("error", "warning", "accepted"):
        for background in (base, window):
            assert contrast(QColor(getattr(colours, name)), background) >= TEXT, name
    for status, (fill, outline) in colours.status.items():
        # A hollow icon is only its outline; a filled one shows its fill.
        shown = QColor(fill or outline)
        assert contrast(shown if fill else QColor(outline), base) >= (
            GRAPHICS if not fill or status in ("done", "failed") else 1.2), status
    background, border, ink = colours.banner
    assert contrast(QColor(ink), QColor(background)) >= TEXT
    background, border, ink, link = colours.badge
    assert contrast(QColor(ink), QColor(background)) >= TEXT
    assert contrast(QColor(link), QColor(background)) >= TEXT
