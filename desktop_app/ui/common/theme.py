"""Light or dark: the colours Margin adds to the palette, and a signal when they change.

Everything that has a palette role takes it from the palette (text, page,
selection); this module holds only what the palette has no role for: severity
and status colours, the quote highlighter, error and warning text, the red
"not saved" banner and the offline badge, each in a light and a dark variant.

    theme().colours().severity["major"]
    theme().changed.connect(self._restyle)   # scheme or palette switched

`changed` is emitted once per switch, after the event loop has delivered the
new palette to the widgets, so a slot may read either the widget's palette or
`QGuiApplication.palette()`.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop_app.review.status import SectionStatus

S = SectionStatus


@dataclass(frozen=True, slots=True)
class Colours:
    dark: bool
    severity: dict[str, str]  # bars, badges, icons
    on_severity: str  # text on a severity badge
    status: dict[SectionStatus, tuple[str | None, str]]  # (fill, outline)
    accepted: str  # an accepted finding's tick, and "accepted" counts
    error: str  # error text on the window or page colour
    warning: str  # warning text on the window colour
    highlighter: str  # behind a finding's quote in the section text
    text_box: str  # a text box's background, mixed into the page colour
    banner: tuple[str, str, str]  # "not saved": background, border, text
    badge: tuple[str, str, str, str]  # "offline": background, border, text, link


LIGHT = Colours(
    dark=False,
    # Dark enough to carry white text (WCAG AA, 4.5:1).
    severity={"critical": "#c92a2a", "major": "#c2410c", "minor": "#1971c2",
              "suggestion": "#557a60"},
    on_severity="#ffffff",
    status={S.NOT_ANALYSED: (None, "#868e96"), S.QUEUED: (None, "#4f7fd1"),
            S.RUNNING: ("#9dbcf0", "#4f7fd1"), S.DONE: ("#3c9a5f", "#2e7a4a"),
            S.FAILED: ("#d24c3f", "#a83a30"), S.CANCELLED: ("#c4c7cc", "#7d838a"),
            S.SKIPPED: ("#e6e8eb", "#868e96"),
            S.REMOVED: ("#e6e8eb", "#868e96"), S.CHANGED: ("#e5a736", "#a8741a")},
    accepted="#2b7a3b",
    error="#c92a2a",
    warning="#8a5a00",
    highlighter="#ffd43b",
    text_box="#c8b77a",
    banner=("#fff0f0", "#e03131", "#7d1414"),
    badge=("#fff3bf", "#e6b800", "#5c3c00", "#1c4f9c"),
)

DARK = Colours(
    dark=True,
    # Light enough to read on a dark page; their badges carry dark text.
    severity={"critical": "#ff6b6b", "major": "#ffa94d", "minor": "#4dabf7",
              "suggestion": "#9ec5a9"},
    on_severity="#161616",
    status={S.NOT_ANALYSED: (None, "#9aa0a6"), S.QUEUED: (None, "#74a0f0"),
            S.RUNNING: ("#34558f", "#74a0f0"), S.DONE: ("#51b777", "#7bd49a"),
            S.FAILED: ("#ef6a5d", "#ff9b90"), S.CANCELLED: ("#5c6168", "#9aa0a6"),
            S.SKIPPED: ("#3a3e43", "#9aa0a6"),
            S.REMOVED: ("#3a3e43", "#9aa0a6"), S.CHANGED: ("#f0b44a", "#ffd27f")},
    accepted="#69db7c",
    error="#ff8787",
    warning="#ffc46b",
    highlighter="#a88a00",
    text_box="#6b5e3a",
    banner=("#3b1f1f", "#e03131", "#ffc9c9"),
    badge=("#3d3300", "#a68b00", "#ffe8a3", "#9cc8ff"),
)


def mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    """`a` moved `towards_b` (0-1) of the way to `b`: shades that follow the theme."""
    t = towards_b
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; body text wants 4.5, graphics 3."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def error_style() -> str:
    """A style sheet for an error message on the window colour."""
    return f"color: {theme().colours().error};"


class Theme(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key: tuple[int, Qt.ColorScheme] | None = None
        self._dark = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # paletteChanged is deprecated in C++ but still emitted; the event it
            # names (ApplicationPaletteChange) would need an event filter on the
            # whole application, run in Python for every event. Deferred: the
            # widgets receive their new palettes from the event loop.
            app.paletteChanged.connect(self._pending.start)
            app.styleHints().colorSchemeChanged.connect(self._pending.start)

    def is_dark(self) -> bool:
        # Worked out when asked (icons ask while painting): whatever repaints
        # after a switch gets the new colours, before `changed` is emitted.
        palette = QGuiApplication.palette()
        scheme = QGuiApplication.styleHints().colorScheme()
        key = (palette.cacheKey(), scheme)
        if key != self._key:
            self._key = key
            window = palette.color(QPalette.ColorRole.Window).lightness()
            # The palette is what gets painted: when a style or the user's palette
            # disagrees with the system's scheme, our colours must still stand out
            # against its backgrounds. The scheme decides only a mid-grey window.
            if scheme != Qt.ColorScheme.Unknown and 96 <= window <= 160:
                self._dark = scheme == Qt.ColorScheme.Dark
            else:
                self._dark = window < 128
        return self._dark

    def colours(self) -> Colours:
        return DARK if self.is_dark() else LIGHT


_theme: Theme | None = None


def theme() -> Theme:
    """The application's theme (made on first use, owned by the application)."""
    global _theme
    if _theme is None or not shiboken6.isValid(_theme):
        _theme = Theme(QCoreApplication.instance())
    return _theme


def dark_palette() -> QPalette:
    """A dark Fusion palette: `--dark` screenshots, tests, and platforms without a scheme."""
    p = QPalette()
    roles = QPalette.ColorRole
    window, base, text = QColor("#2b2b2b"), QColor("#1f1f1f"), QColor("#e6e6e6")
    for role, colour in ((roles.Window, window), (roles.WindowText, text), (roles.Base, base),
                         (roles.AlternateBase, QColor("#292929")), (roles.Text, text),
                         (roles.Button, QColor("#353535")), (roles.ButtonText, text),
                         (roles.ToolTipBase, QColor("#3a3a3a")), (roles.ToolTipText, text),
                         (roles.BrightText, QColor("#ffffff")), (roles.Light, QColor("#4a4a4a")),
                         (roles.Midlight, QColor("#3e3e3e")), (roles.Mid, QColor("#262626")),
                         (roles.Dark, QColor("#1a1a1a")), (roles.Shadow, QColor("#0d0d0d")),
                         (roles.Highlight, QColor("#2f65b9")),
                         (roles.HighlightedText, QColor("#ffffff")),
                         (roles.Link, QColor("#7cb7ff")), (roles.LinkVisited, QColor("#c39bff")),
                         (roles.PlaceholderText, QColor("#8c8c8c"))):
        p.setColor(role, colour)
    off = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(off, role, QColor("#7a7a7a"))
    p.setColor(off, roles.Highlight, QColor("#474747"))
    return p
