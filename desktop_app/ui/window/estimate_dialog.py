"""Cost before you spend: what Analyse All with Amazon Bedrock will take, before it is sent.

Quick to dismiss and keyboard-first: Enter analyses (the default button), Esc
cancels. The numbers are the estimate's (`ai/estimate.py`: input, cache writes,
cache reads and output tokens for the context chosen, and the cost from the
price table); output is a guess and says so. "Don't ask again below $X"
raises the threshold Settings keep (Review → Ask before Analyse All above),
so a reviewer who runs many small reviews is asked only about the big ones.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.estimate import Estimate
from desktop_app.session import short_model
from desktop_app.ui.common.tab_order import tab_chain


def suggested_threshold(cost: float) -> float:
    """A round amount above `cost`: $1, $2, $5, $10, $20, $50…"""
    step = 1.0
    while True:
        for factor in (1, 2, 5):
            if step * factor > cost:
                return step * factor
        step *= 10
        if not math.isfinite(step):
            return cost


def cost_words(cost: float | None) -> str:
    if cost is None:
        return "unknown (no price for this model in Settings → Prices)"
    return f"about ${cost:,.2f}" if cost >= 0.01 else "under $0.01"


class EstimateDialog(QDialog):
    """`threshold()` after it is accepted: the new "ask above" amount, or None."""

    def __init__(self, estimate: Estimate, sections: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("estimateDialog")
        self.setWindowTitle("Analyse All")
        self.estimate = estimate
        heading = QLabel(f"Analyse {sections} section{'s' * (sections != 1)} with "
                         f"{short_model(estimate.model)}?")
        heading.setObjectName("estimateHeading")
        bold = heading.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        heading.setFont(bold)
        context = QLabel(f"Context: {estimate.mode_note}.")
        context.setWordWrap(True)
        context.setObjectName("estimateContext")

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        extra = (f" + {estimate.consistency_requests} for the consistency pass"
                 if estimate.consistency_requests else "")
        rows = [("Requests", f"{estimate.requests}{extra}"),
                ("Input tokens", f"~{estimate.input_tokens:,}"),
                ("Cache writes", f"~{estimate.cache_write_tokens:,}"),
                ("Cache reads", f"~{estimate.cache_read_tokens:,}"),
                ("Output tokens", f"~{estimate.output_tokens:,} (a guess: the model decides)"),
                ("Estimated cost", cost_words(estimate.cost_usd))]
        self.values: dict[str, QLabel] = {}
        for row, (name, value) in enumerate(rows):
            label, shown = QLabel(name), QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if name == "Estimated cost":
                label.setFont(bold)
                shown.setFont(bold)
            grid.addWidget(label, row, 0)
            grid.addWidget(shown, row, 1)
            self.values[name] = shown

        self.dont_ask = QCheckBox("&Don't ask again for reviews under")
        self.dont_ask.setObjectName("dontAskAgain")
        self.below = QDoubleSpinBox()
        self.below.setObjectName("dontAskBelow")
        self.below.setPrefix("$ ")
        self.below.setDecimals(2)
        self.below.setRange(0.01, 10_000.0)
        self.below.setValue(suggested_threshold(estimate.cost_usd or 0.0))
        self.below.setEnabled(False)
        self.dont_ask.toggled.connect(self.below.setEnabled)
        self.below.setAccessibleName("Don't ask again for reviews under this cost")
        ask = QHBoxLayout()
        ask.addWidget(self.dont_ask)
        ask.addWidget(self.below)
        ask.addStretch(1)
        known = estimate.cost_usd is not None
        self.dont_ask.setVisible(known)  # an unknown cost cannot be compared
        self.below.setVisible(known)

        note = QLabel("Sections answered before with these settings are not sent again. "
                      "The statistics show what it actually cost beside this estimate.")
        note.setWordWrap(True)
        note.setObjectName("estimateNote")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start = self.buttons.addButton("&Analyse All", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start.setObjectName("analyseAllButton")
        self.start.setDefault(True)
        self.start.setAutoDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(context)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(ask)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        tab_chain(self.start, self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                  self.dont_ask, self.below)
        self.setMinimumWidth(440)
        self.start.setFocus()

    def threshold(self) -> float | None:
        """The "don't ask below" amount chosen, or None."""
        if not self.dont_ask.isHidden() and self.dont_ask.isChecked():
            return self.below.value()
        return None
