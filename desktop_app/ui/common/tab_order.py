"""The Tab order of a window or dialog, in one call."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def tab_chain(*widgets: QWidget) -> None:
    """Tab visits `widgets` in this order (hidden or disabled ones are skipped by Qt)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)
