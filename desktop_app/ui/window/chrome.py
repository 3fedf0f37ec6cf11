"""The main window's actions, menus, toolbar and status bar.

A mixin of `MainWindow`: what the window offers and where, in one place. The
menus list the actions that `ReviewMixin`, `StoreMixin` and the
`DecisionController` create; Help → Keyboard Shortcuts reads them from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStyle,
    QToolBar,
)

from desktop_app.ui.settings import store as app_settings
from desktop_app.ui.settings.framework_picker import FrameworkPicker
from desktop_app.ui.window.panes import build_pane_actions, name_widgets, set_tab_order

if TYPE_CHECKING:
    from desktop_app.ui.findings.decisions import DecisionController


class ChromeMixin:
    """Needs the review and store actions (ReviewMixin, StoreMixin) built first."""

    recent: app_settings.RecentFiles
    decisions: DecisionController
    statistics_action: QAction
    reviews_action: QAction
    shortcuts_action: QAction
    framework_picker: FrameworkPicker

    if TYPE_CHECKING:  # MainWindow's and the other mixins'
        analyse_section_action: QAction
        analyse_selected_action: QAction
        analyse_all_action: QAction
        analyse_changed_action: QAction
        reanalyse_action: QAction
        cancel_section_action: QAction
        cancel_action: QAction
        retry_failed_action: QAction
        attach_guidelines_action: QAction
        clear_guidelines_action: QAction

        def choose_file(self) -> None: ...
        def switch_pane(self) -> None: ...
        def open_settings(self) -> None: ...
        def open_path(self, path: str) -> None: ...
        def recent_files(self) -> list[str]: ...
        def _on_framework_changed(self, framework: Any) -> None: ...

    def _window(self) -> QMainWindow:
        return cast(QMainWindow, self)

    def _build_actions(self) -> None:
        w = self._window()
        style = w.style()
        self.open_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), "&Open…", w
        )
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip("Open a Word document (.docx)")
        self.open_action.triggered.connect(self.choose_file)

        self.clear_recent_action = QAction("&Clear Menu", w)
        self.clear_recent_action.triggered.connect(self._clear_recent)

        self.quit_action = QAction("&Quit", w)
        # Explicit: QKeySequence.Quit is empty on Windows.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(w.close)

        # F6 / Shift+F6 between the panes, Ctrl+1/2/3 straight to one (window_access.py).
        (self.switch_pane_action, self.previous_pane_action, self.go_sections_action,
         self.go_text_action, self.go_findings_action) = build_pane_actions(cast(Any, w))

        self.settings_action = QAction("&Settings…", w)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setStatusTip("AWS profile, models, minimum confidence, prices")
        self.settings_action.triggered.connect(self.open_settings)

        self.about_action = QAction("&About Margin", w)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._show_about)

    def _build_menus(self) -> None:
        w = self._window()
        bar = w.menuBar()
        d = self.decisions
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &Recent", w)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.reviews_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export.action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([d.undo_action, d.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = bar.addMenu("&View")
        view_menu.addActions([d.next_section_action, d.previous_section_action])
        view_menu.addSeparator()
        view_menu.addActions([self.switch_pane_action, self.previous_pane_action,
                              self.go_sections_action, self.go_text_action,
                              self.go_findings_action, self.chat.action])
        view_menu.addSeparator()
        view_menu.addAction(self.statistics_action)
        findings_menu = bar.addMenu("F&indings")
        findings_menu.setObjectName("findingsMenu")
        for action in (d.next_finding_action, d.previous_finding_action, None,
                       d.accept_action, d.reject_action, d.reset_action, d.edit_action, None,
                       d.add_action, None, self.earlier.action):
            if action is None:
                findings_menu.addSeparator()
            else:
                findings_menu.addAction(action)
        review_menu = bar.addMenu("&Review")
        review_menu.setObjectName("reviewMenu")
        for action in (self.analyse_section_action, self.analyse_selected_action,
                       self.analyse_all_action, self.analyse_changed_action,
                       self.reanalyse_action, None,
                       self.cancel_section_action, self.cancel_action, self.retry_failed_action,
                       None):
            if action is None:
                review_menu.addSeparator()
            else:
                review_menu.addAction(action)
        # The toolbar's framework list, for the keyboard (and a toolbar too narrow for it).
        self.framework_menu = QMenu("&Framework", w)
        self.framework_menu.setObjectName("frameworkMenu")
        self.framework_menu.aboutToShow.connect(self._fill_framework_menu)
        review_menu.addMenu(self.framework_menu)
        review_menu.addActions([self.attach_guidelines_action, self.clear_guidelines_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> QToolBar:
        w = self._window()
        toolbar = QToolBar("Review", w)
        toolbar.setObjectName("reviewToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_action)
        toolbar.addSeparator()
        for action in (self.analyse_section_action, self.analyse_all_action,
                       self.cancel_action, self.retry_failed_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.framework_picker = FrameworkPicker(self.attach_guidelines_action,
                                                self.clear_guidelines_action)
        self.framework_picker.framework_changed.connect(self._on_framework_changed)
        toolbar.addWidget(self.framework_picker)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    def _build_access(self) -> None:
        """Last: names for screen readers and the Tab order, over everything built."""
        w = cast(Any, self)
        name_widgets(w)
        set_tab_order(w)

    def _build_status_bar(self) -> None:
        status = self._window().statusBar()
        self.summary = QLabel()
        self.summary.setObjectName("documentSummary")
        status.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: the loader reports no progress
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        status.addPermanentWidget(self.progress)
        self.analysis_label = QLabel()
        self.analysis_label.setObjectName("analysisProgressText")
        self.analysis_label.hide()
        status.addPermanentWidget(self.analysis_label)
        self.analysis_progress = QProgressBar()
        self.analysis_progress.setObjectName("analysisProgress")
        self.analysis_progress.setTextVisible(False)
        self.analysis_progress.setMaximumWidth(180)
        self.analysis_progress.hide()
        status.addPermanentWidget(self.analysis_progress)
        self.provider_notice = QLabel()
        self.provider_notice.setObjectName("providerNotice")
        self.provider_notice.setTextFormat(Qt.TextFormat.RichText)
        self.provider_notice.linkActivated.connect(lambda _link: self.open_settings())
        self.provider_notice.hide()
        status.addPermanentWidget(self.provider_notice)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for number, path in enumerate(paths, start=1):
            label = Path(path).name.replace("&", "&&")
            prefix = f"&{number} " if number < 10 else "1&0 "
            action = self.recent_menu.addAction(prefix + label)
            action.setData(path)
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            empty = self.recent_menu.addAction("No recent documents")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))

    def _fill_framework_menu(self) -> None:
        menu, combo = self.framework_menu, self.framework_picker.combo
        menu.clear()
        group = QActionGroup(menu)
        for i in range(combo.count()):
            name = combo.itemText(i).replace("&", "&&")
            action = menu.addAction(f"&{i + 1} {name}" if i < 9 else name)
            action.setCheckable(True)
            action.setChecked(i == combo.currentIndex())
            action.setEnabled(self.framework_picker.isEnabled())  # not while a run uses it
            action.setStatusTip(str(combo.itemData(i) or "").split("\n")[0])  # its description
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, row=i: combo.setCurrentIndex(row))

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._rebuild_recent_menu()

    def _show_about(self) -> None:
        from desktop_app.ui.common.about_dialog import AboutDialog  # only when asked for

        box = AboutDialog(self._window())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
