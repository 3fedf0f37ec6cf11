"""Severity colours, labels and icons, following the light or dark theme."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop_app.ui.common.icons import severity_icon
from desktop_app.ui.common.theme import mix, theme

__all__ = ["LABELS", "mix", "severity_colour", "severity_icon", "severity_ink", "severity_label"]

_FALLBACK = "#868e96"

LABELS = {
    "critical": "Critical",
    "major": "Major",
    "minor": "Minor",
    "suggestion": "Suggestion",
}


def severity_colour(severity: str) -> QColor:
    return QColor(theme().colours().severity.get(severity, _FALLBACK))


def severity_ink(_severity: str = "") -> QColor:
    """Text on a severity badge: white on the light theme's deep colours, dark on the
    dark theme's light ones."""
    return QColor(theme().colours().on_severity)


def severity_label(severity: str) -> str:
    return LABELS.get(severity, severity.capitalize() or "Note")
