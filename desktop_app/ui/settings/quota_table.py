"""Settings' per-model quotas: requests and tokens per minute, empty to let Margin learn them.

A known quota starts the pace there (instead of learning it from the first
throttles) and caps it. One row per model of the chain, plus any other model
that has a quota.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.config import Quota

COLUMNS = ("Model id", "Requests / min", "Tokens / min")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:g}"


class QuotaPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel("Your account's on-demand quotas per model, if you know them (Service "
                       "Quotas in the AWS console). Margin starts at that pace and never goes "
                       "above it. Leave a cell empty and Margin learns the pace from "
                       "Bedrock's throttling.")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("quotaTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setAccessibleName("Quotas per model")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)

    def set_quotas(self, models: list[str], quotas: dict[str, Quota]) -> None:
        self.table.setRowCount(0)
        for model in [*models, *sorted(m for m in quotas if m not in models)]:
            quota = quotas.get(model, Quota())
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(model)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            for col, value in ((1, quota.requests_per_minute), (2, quota.tokens_per_minute)):
                item = QTableWidgetItem(_number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)

    def quotas(self) -> dict[str, Quota]:
        """The quotas entered; ValueError says which cell is wrong."""
        found: dict[str, Quota] = {}
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            model = first.text().strip() if first is not None else ""
            values: list[float | None] = []
            for col in (1, 2):
                item = self.table.item(row, col)
                text = (item.text() if item is not None else "").strip().replace(",", "")
                if not text:
                    values.append(None)
                    continue
                try:
                    value = float(text)
                except ValueError:
                    value = -1.0
                if not 0 < value < float("inf"):
                    raise ValueError(f"the {COLUMNS[col].lower()} quota for {model} must be a "
                                     f"positive number, or empty: {text!r}")
                values.append(value)
            if model and any(v is not None for v in values):
                found[model] = Quota(values[0], values[1])
        return found
