"""Severity colours: saturated enough to carry white text, readable on light and dark."""

from __future__ import annotations

from PySide6.QtGui import QColor

_COLOURS = {
    "critical": "#c92a2a",  # red
    "major": "#d9480f",  # deep orange (white text stays readable on it)
    "minor": "#1971c2",  # blue
    "suggestion": "#5c7f67",  # grey-green: worth a look, nothing wrong
}
_FALLBACK = "#6c757d"

LABELS = {
    "critical": "Critical",
    "major": "Major",
    "minor": "Minor",
    "suggestion": "Suggestion",
}


def severity_colour(severity: str) -> QColor:
    return QColor(_COLOURS.get(severity, _FALLBACK))


def severity_label(severity: str) -> str:
    return LABELS.get(severity, severity.capitalize() or "Note")


def mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    """`a` moved `towards_b` (0-1) of the way to `b`: shades that follow the theme."""
    t = towards_b
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )
