"""The toolbar's framework list and guidelines button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from desktop_app.review.frameworks import Framework

_NAME_CHARS = 24


def _elide(name: str, limit: int = _NAME_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class FrameworkPicker(QWidget):
    framework_changed = Signal(object)  # Framework

    def __init__(self, attach: QAction, clear: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameworkPicker")
        self._frameworks: list[Framework] = []
        label = QLabel("Fra&mework:")  # Alt+F opens the File menu
        self.combo = QComboBox()
        self.combo.setObjectName("frameworkCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(16)
        self.combo.setToolTip("The checklist sections are reviewed against")
        label.setBuddy(self.combo)
        self.combo.currentIndexChanged.connect(self._on_index)

        self.guidelines = QToolButton()
        self.guidelines.setObjectName("guidelinesButton")
        self.guidelines.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guidelines.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.guidelines.clicked.connect(attach.trigger)
        attach.changed.connect(lambda: self.guidelines.setEnabled(attach.isEnabled()))
        self.clear = QToolButton()
        self.clear.setObjectName("clearGuidelinesButton")
        self.clear.setText("✕")
        self.clear.setToolTip("Clear the guidelines")
        self.clear.setAutoRaise(True)
        self.clear.clicked.connect(clear.trigger)
        clear.changed.connect(lambda: self.clear.setEnabled(clear.isEnabled()))
        self.set_guidelines("")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.guidelines)
        layout.addWidget(self.clear)

    def set_frameworks(self, frameworks: list[Framework], current: str) -> None:
        self._frameworks = list(frameworks)
        self.combo.blockSignals(True)
        self.combo.clear()
        for fw in self._frameworks:
            self.combo.addItem(fw.name)
            tip = fw.description or fw.name
            if fw.path:
                tip += f"\n{fw.path}"
            self.combo.setItemData(self.combo.count() - 1, tip)
        names = [fw.name.lower() for fw in self._frameworks]
        index = names.index(current.lower()) if current.lower() in names else 0
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def current(self) -> Framework | None:
        i = self.combo.currentIndex()
        return self._frameworks[i] if 0 <= i < len(self._frameworks) else None

    def set_guidelines(self, path: str) -> None:
        if path:
            self.guidelines.setText(f"Guidelines: {_elide(Path(path).name)}")
            self.guidelines.setToolTip(f"Guidelines attached to the reviewer's instructions:"
                                       f"\n{path}\n\nClick to attach another document.")
        else:
            self.guidelines.setText("Guidelines…")
            self.guidelines.setToolTip("Attach a guidelines document (.docx, .md or .txt) "
                                       "whose text goes into the reviewer's instructions")
        self.clear.setVisible(bool(path))

    def _on_index(self, index: int) -> None:
        fw = self.current()
        if fw is not None:
            self.framework_changed.emit(fw)
