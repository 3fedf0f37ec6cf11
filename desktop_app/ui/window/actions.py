"""Everything the window offers, declared once: the menus, the toolbar, the findings
list's own menu and Help → Keyboard Shortcuts all read this table.

napari's habit (`_qt/_qapp_model/qactions/`): actions as data. Each
`ActionSpec` says what the reviewer reads and presses and when the action can
be used (`when`: a name the window's `action_state()` answers); the window
connects each one to the part that does it, in its one `_connect_signals`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from desktop_app.ui.common.icons import action_icon

_ROLES = {"quit": QAction.MenuRole.QuitRole, "preferences": QAction.MenuRole.PreferencesRole,
          "about": QAction.MenuRole.AboutRole}


@dataclass(frozen=True, slots=True)
class ActionSpec:
    key: str  # the window's name for it: window.action[key]
    text: str  # as in a menu, with its mnemonic
    tip: str = ""  # the status tip, and the tooltip (with its first key)
    keys: tuple[str, ...] = ()  # its shortcuts, the first one shown
    icon: str = ""  # a painted toolbar icon (common/icons.py), or "open"
    icon_text: str = ""  # a shorter label under a toolbar icon
    when: str = ""  # enabled while the window's action_state() says so ("": always)
    checkable: bool = False
    role: str = ""  # a platform menu role: quit, preferences, about
    list_only: bool = False  # its key works only in the findings list (Delete)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open", "&Open…", "Open a Word document (.docx)", ("Ctrl+O",), icon="open"),
    ActionSpec("clear_recent", "&Clear Menu", "Forget the recent documents"),
    ActionSpec("reviews", "Re&views…", "The documents you reviewed before, and the folder "
               "review's progress", ("Ctrl+Shift+O",)),
    ActionSpec("review_folder", "Review &Folder…", "Review every .docx in a folder, on demand "
               "or as an Amazon Bedrock batch job", when="folder_idle"),
    ActionSpec("export", "&Export Reviewed Copy…", "Write a copy of the document with the "
               "findings as Word comments, and reports", ("Ctrl+E",), when="opened"),
    ActionSpec("quit", "&Quit", "Close Margin", ("Ctrl+Q",), role="quit"),
    # Edit
    ActionSpec("undo", "&Undo", "Undo the last decision or edit", ("Ctrl+Z",), when="can_undo"),
    ActionSpec("redo", "&Redo", "Redo what was undone", ("Ctrl+Shift+Z", "Ctrl+Y"),
               when="can_redo"),
    ActionSpec("settings", "&Settings…", "AWS profile, models, minimum confidence, prices",
               ("Ctrl+,",), role="preferences"),
    # View
    ActionSpec("next_section", "Next &Section", "Show the next section", ("Ctrl+Down",),
               when="document"),
    ActionSpec("previous_section", "Previous S&ection", "Show the previous section",
               ("Ctrl+Up",), when="document"),
    ActionSpec("next_pane", "Ne&xt Pane", "Move to the next pane", ("F6",)),
    ActionSpec("previous_pane", "Previous Pa&ne", "Move to the previous pane", ("Shift+F6",)),
    ActionSpec("go_sections", "Go to Secti&ons", "Move to the section tree", ("Ctrl+1",)),
    ActionSpec("go_text", "Go to &Text", "Move to the section text", ("Ctrl+2",)),
    ActionSpec("go_findings", "Go to &Findings", "Move to the findings", ("Ctrl+3",)),
    # Ctrl+4 too: after Ctrl+1, 2 and 3 (tree, text, findings), the fourth place.
    ActionSpec("chat", "&Chat", "Ask about the current section or the whole document",
               ("Ctrl+Shift+C", "Ctrl+4")),
    ActionSpec("statistics", "Stat&istics", "Show the review's numbers under the findings",
               ("Ctrl+I",), checkable=True),
    # Findings
    ActionSpec("next_finding", "&Next Finding", "Select the next finding, into the next section",
               ("Alt+Down",), when="document"),
    ActionSpec("previous_finding", "Pre&vious Finding", "Select the previous finding",
               ("Alt+Up",), when="document"),
    ActionSpec("accept", "&Accept", "Accept the selected finding", ("Ctrl+Return", "Ctrl+Enter"),
               when="can_accept"),
    ActionSpec("reject", "&Reject", "Reject the selected finding", ("Ctrl+Backspace",),
               when="can_reject"),
    ActionSpec("reset", "Reset to &Pending", "Undecide the selected finding",
               ("Ctrl+Shift+Backspace",), when="can_reset"),
    ActionSpec("edit", "&Edit…", "Change the selected finding's words or severity", ("F2",),
               when="finding"),
    ActionSpec("add", "Add Finding on &Selection…",
               "Write your own finding on the text selected in the section", ("Ctrl+Alt+M",),
               when="text_shown"),
    # Delete only where it cannot surprise: in the findings list.
    ActionSpec("delete", "&Delete My Finding", "Delete a finding you wrote", ("Delete",),
               when="own_finding", list_only=True),
    ActionSpec("earlier_findings", "Ear&lier Findings…", "Show the findings this section had "
               "before it was analysed again or changed", ("Ctrl+H",), when="opened"),
    ActionSpec("next_place", "Go to Next Pla&ce",
               "Show the next place of the selected finding: a whole-document finding's, "
               "in its section, or the next occurrence of a pattern in a section",
               ("Ctrl+J",), when="places"),
    # Review
    ActionSpec("analyse_section", "Analyse &Section", "Analyse the section shown", ("Ctrl+R",),
               icon="analyse", when="section"),
    ActionSpec("analyse_selected", "Analyse Se&lected",
               "Analyse the sections selected in the tree", when="document"),
    ActionSpec("analyse_all", "Analyse &All", "Analyse every section of the document",
               ("Ctrl+Shift+R",), icon="analyse-all", when="document"),
    ActionSpec("analyse_changed", "Analyse C&hanged Sections",
               "Analyse the sections whose text changed since your last review",
               when="changed"),
    ActionSpec("reanalyse", "Re-analyse Selected (&Ignore Cache)",
               "Ask the reviewer again, even for sections answered before", when="document"),
    ActionSpec("cancel_section", "Cancel Sec&tion", "Stop analysing the selected sections",
               when="live_selected"),
    ActionSpec("cancel_all", "&Cancel All", "Stop the analysis", ("Esc",), icon="cancel",
               icon_text="Cancel", when="busy"),
    ActionSpec("retry_failed", "&Retry Failed", "Analyse the failed sections again",
               icon="retry", when="failed"),
    ActionSpec("cancel_folder", "Cancel F&older Review",
               "Stop the folder review (a batch job is stopped in Bedrock too); what is "
               "done is kept", when="folder_busy"),
    ActionSpec("check_consistency", "Check Co&nsistency",
               "Check the document as a whole: figures, times, owners, acronyms and "
               "references that disagree across sections", ("Ctrl+Shift+K",),
               when="can_check"),
    ActionSpec("attach_guidelines", "Attach &Guidelines…",
               "Add a guidelines document (.docx, .md, .txt) to the reviewer's instructions",
               when="idle"),
    ActionSpec("clear_guidelines", "Clear G&uidelines", "Stop using the attached guidelines",
               when="guidelines"),
    # Help
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "Every key Margin answers to", ("F1",)),
    ActionSpec("about", "&About Margin", "Version, licences and where your data lives",
               role="about"),
)
SPECS = {spec.key: spec for spec in ACTIONS}

# Where each appears. None: a separator; "@name": a submenu or widget the window fills.
MENUS: tuple[tuple[str, str, tuple[str | None, ...]], ...] = (
    ("&File", "fileMenu", ("open", "@recent", "reviews", "review_folder", None, "export", None,
                           "quit")),
    ("&Edit", "editMenu", ("undo", "redo", None, "settings")),
    ("&View", "viewMenu", ("next_section", "previous_section", None, "next_pane",
                           "previous_pane", "go_sections", "go_text", "go_findings", "chat",
                           None, "statistics")),
    ("F&indings", "findingsMenu", ("next_finding", "previous_finding", "next_place", None,
                                   "accept", "reject", "reset", "edit", None, "add", None,
                                   "earlier_findings")),
    ("&Review", "reviewMenu", ("analyse_section", "analyse_selected", "analyse_all",
                               "analyse_changed", "reanalyse", None, "check_consistency", None,
                               "cancel_section", "cancel_all", "retry_failed", "cancel_folder",
                               None, "@framework", "attach_guidelines", "clear_guidelines")),
    ("&Help", "helpMenu", ("shortcuts", "about")),
)
RECENT_MENU = ("Open &Recent", "recentMenu")
FRAMEWORK_MENU = ("&Framework", "frameworkMenu")
TOOLBAR = ("open", None, "analyse_section", "analyse_all", "cancel_all", "retry_failed", None,
           "@framework")
LIST_MENU = ("accept", "reject", "reset", "edit", "delete")  # the findings list's own menu
SELECTION_MENU = ("add",)  # first in the section text's context menu, over a selection


def make_actions(parent: QWidget) -> dict[str, QAction]:
    """One QAction per spec, owned by `parent` (the window)."""
    made: dict[str, QAction] = {}
    native = QKeySequence.SequenceFormat.NativeText
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(_camel(spec.key) + "Action")
        action.setStatusTip(spec.tip)
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            first = QKeySequence(spec.keys[0]).toString(native)
            action.setToolTip(f"{spec.tip} ({first})" if spec.tip else first)
        elif spec.tip:
            action.setToolTip(spec.tip)
        if spec.icon == "open":
            action.setIcon(parent.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        elif spec.icon:
            action.setIcon(action_icon(spec.icon))
        if spec.icon_text:
            action.setIconText(spec.icon_text)
        if spec.checkable:
            action.setCheckable(True)
        if spec.role:
            action.setMenuRole(_ROLES[spec.role])
        if spec.list_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        made[spec.key] = action
    return made


def _camel(key: str) -> str:
    first, *rest = key.split("_")
    return first + "".join(word.capitalize() for word in rest)


def clean(text: str) -> str:
    """A menu text as read aloud: no mnemonic, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def keys_text(spec: ActionSpec) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(k).toString(native) for k in spec.keys)


def shortcut_rows() -> Iterator[tuple[str, str, str]]:
    """(group, action, keys) for every action with a key: the menus in menu-bar order,
    then those that live in the findings list only."""
    seen: set[str] = set()
    for title, _name, items in MENUS:
        for key in items:
            if key is not None and not key.startswith("@") and SPECS[key].keys:
                seen.add(key)
                yield clean(title), clean(SPECS[key].text), keys_text(SPECS[key])
    for key in LIST_MENU:
        if key not in seen and SPECS[key].keys:
            yield "Findings list", clean(SPECS[key].text), keys_text(SPECS[key])
