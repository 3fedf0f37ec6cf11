"""The toolbar's framework list and guidelines button: what the next analysis reviews against.

A part of the window: it lists the frameworks (built in and the reviewer's
own), reads an attached guidelines document off the GUI thread (only the
latest attach counts), and says what was chosen (`framework_changed`,
`guidelines_attached`); the window hands both to the review and remembers them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QToolButton,
    QWidget,
)

from desktop_app.review.frameworks import (
    Framework,
    FrameworkError,
    available_frameworks,
    load_guidelines,
)
from desktop_app.workers.jobs import Job, JobRunner

log = logging.getLogger(__name__)

_NAME_CHARS = 24


def _elide(name: str, limit: int = _NAME_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class FrameworkPicker(QWidget):
    framework_changed = Signal(object)  # Framework
    guidelines_attached = Signal(str, str)  # text, path ("", "": cleared)
    message = Signal(str, int)  # for the status bar, and for how long (ms)

    def __init__(self, attach: QAction, clear: QAction, runner: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameworkPicker")
        self._runner = runner
        self._serial = 0  # only the latest attach may change the guidelines
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

    def named(self, name: str) -> Framework | None:
        """The framework of this name (case aside), among those loaded."""
        return next((fw for fw in self._frameworks if fw.name.lower() == name.lower()), None)

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

    # -- frameworks ---------------------------------------------------------------------

    def load_frameworks(self, folder: Path | None, current: str) -> Framework | None:
        """The built-in frameworks and the reviewer's own in `folder`; the current one."""
        try:
            frameworks = available_frameworks(folder)
        except FrameworkError as err:  # a built-in framework is broken: a packaging bug
            log.error("frameworks: %s", err)
            frameworks = []
        self.set_frameworks(frameworks, current)
        return self.current()

    def choose(self, name: str) -> bool:
        """Pick the framework called `name`; False if there is none by that name."""
        index = self.combo.findText(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0

    def fill_menu(self, menu: QMenu) -> None:
        """Review → Framework: the same list, for the keyboard (and a narrow toolbar)."""
        combo = self.combo
        menu.clear()
        group = QActionGroup(menu)
        for i in range(combo.count()):
            name = combo.itemText(i).replace("&", "&&")
            action = menu.addAction(f"&{i + 1} {name}" if i < 9 else name)
            action.setCheckable(True)
            action.setChecked(i == combo.currentIndex())
            action.setEnabled(self.isEnabled())  # not while a run uses it
            action.setStatusTip(str(combo.itemData(i) or "").split("\n")[0])  # its description
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, row=i: combo.setCurrentIndex(row))

    # -- guidelines ----------------------------------------------------------------------

    def choose_guidelines(self, start: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window(), "Attach guidelines", start,
            "Guidelines (*.docx *.md *.markdown *.txt);;All files (*)")
        if path:
            self.attach_guidelines(path)

    def attach_guidelines(self, path: str, quiet: bool = False) -> None:
        """Read `path` off the GUI thread; its text joins the reviewer's instructions."""
        self._serial += 1
        serial = self._serial
        job = Job(load_guidelines, Path(path))
        job.signals.finished.connect(lambda text: self._attached(serial, path, text))
        job.signals.failed.connect(lambda exc: self._failed(serial, path, exc, quiet))
        self._runner.start(job)

    def clear_guidelines(self) -> None:
        self._serial += 1
        self.set_guidelines("")
        self.guidelines_attached.emit("", "")

    def forget_pending(self) -> None:
        """The window closes: a document still being read changes nothing."""
        self._serial += 1

    def _attached(self, serial: int, path: str, text: str) -> None:
        if serial != self._serial:
            return
        self.set_guidelines(path)
        self.guidelines_attached.emit(text, path)

    def _failed(self, serial: int, path: str, exc: BaseException, quiet: bool) -> None:
        if serial != self._serial:
            return
        reason = str(exc) if isinstance(exc, FrameworkError) else (
            f"cannot read {Path(path).name}: {exc}")
        if quiet:  # the remembered file is gone: say so, do not interrupt
            self.message.emit(f"Guidelines not attached: {reason}", 10_000)
            self.clear_guidelines()
            return
        box = QMessageBox(self.window())
        box.setObjectName("guidelinesErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Cannot attach guidelines")
        box.setText(f"Margin cannot use “{Path(path).name}” as guidelines.")
        box.setInformativeText(reason[:1].upper() + reason[1:])
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
