"""The chat panel's layout and controls: scope, Clear, subject line, notice, question box.

A mixin of `ChatPanel`, kept apart so that the panel's class reads as its
API: this module builds the widgets around the conversation and keeps them
in step with the state (what the chat is about, whether a question can be
sent or an answer stopped). "This section" is the wanted scope; it gives way
to the whole document while no section is selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.chat_context import Scope
from desktop_app.document.model import Document
from desktop_app.ui.chat.message import MessageView
from desktop_app.ui.chat.render import ChatInput, short_title

if TYPE_CHECKING:
    from desktop_app.session import ChatLog
    from desktop_app.ui.chat.answer import Exchange


class ChatControlsMixin:
    """Needs the attributes below, set up by `ChatPanel.__init__`."""

    _document: Document | None
    _section_id: str | None
    _titles: dict[str, str]
    _scope: Scope
    _wanted: Scope
    _exchange: Exchange | None
    _views: list[MessageView]
    placeholder: QLabel

    if TYPE_CHECKING:  # ChatPanel's and the other mixins'
        @property
        def busy(self) -> bool: ...
        def send(self) -> None: ...
        def stop(self) -> None: ...
        def clear_history(self, *, confirm: bool = True) -> bool: ...
        def _key(self) -> tuple[ChatLog, str | None] | None: ...
        def _reload(self) -> None: ...
        def _build_conversation(self) -> QScrollArea: ...

    def _build(self) -> None:
        panel = cast(QWidget, self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.section_button = self._scope_button("This section", "Chat about this section")
        self.document_button = self._scope_button("Whole document",
                                                  "Chat about the whole document")
        self._scope_group = QButtonGroup(panel)
        self._scope_group.setExclusive(True)
        self._scope_group.addButton(self.section_button)
        self._scope_group.addButton(self.document_button)
        self.section_button.setChecked(True)
        self.section_button.toggled.connect(self._on_scope_toggled)
        top.addWidget(self.section_button)
        top.addWidget(self.document_button)
        top.addStretch(1)
        self.clear_button = QToolButton(panel)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Delete this conversation")
        self.clear_button.setAccessibleName("Clear chat history")
        self.clear_button.clicked.connect(self._on_clear_clicked)
        top.addWidget(self.clear_button)
        layout.addLayout(top)
        self.about_label = QLabel(panel)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setAccessibleName("Chat subject")
        layout.addWidget(self.about_label)
        layout.addWidget(self._build_conversation(), 1)
        self.notice = QLabel(panel)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAccessibleName("Chat notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        bottom = QHBoxLayout()
        self.input = ChatInput(panel)
        self.input.setAccessibleName("Question")
        self.input.submitted.connect(self.send)
        bottom.addWidget(self.input, 1)
        buttons = QVBoxLayout()
        self.send_button = QPushButton("Send", panel)
        self.send_button.setAccessibleName("Send question")
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton("Stop", panel)
        self.stop_button.setAccessibleName("Stop the answer")
        self.stop_button.clicked.connect(self.stop)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        bottom.addLayout(buttons)
        layout.addLayout(bottom)

    def _scope_button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(cast(QWidget, self))
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setAccessibleName(name)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return button

    def _on_scope_toggled(self, section: bool) -> None:
        self._wanted = "section" if section else "document"
        self._sync_scope_buttons()
        self._reload()

    def _sync_scope_buttons(self) -> None:
        has_section = self._section_id is not None
        self.section_button.setEnabled(has_section)
        self._scope = "section" if self._wanted == "section" and has_section else "document"
        self.section_button.blockSignals(True)
        self.document_button.blockSignals(True)
        (self.section_button if self._scope == "section" else self.document_button
         ).setChecked(True)
        self.section_button.blockSignals(False)
        self.document_button.blockSignals(False)

    def _update_controls(self) -> None:
        key = self._key()
        busy = self.busy
        self.send_button.setEnabled(key is not None and not busy)
        self.stop_button.setEnabled(self._exchange is not None and not self._exchange.stopping)
        self.input.setEnabled(key is not None)
        self.clear_button.setEnabled(key is not None and bool(self._views))
        if self._document is None:
            about, hint = "No document open.", "Open a document to chat about it."
        elif self._scope == "section" and self._section_id:
            title = short_title(self._titles.get(self._section_id, ""))
            about = f"About: {title}"
            hint = "Ask about this section: what it says, what is missing or unclear."
        else:
            about = "About: the whole document"
            hint = "Ask about the whole document; the answer cites the sections it uses."
        self.about_label.setText(about)
        self.placeholder.setText(hint)
        self.placeholder.setVisible(not self._views)
        self.input.setPlaceholderText("Ask a question (Enter to send, Shift+Enter for a "
                                      "new line)")

    def _on_clear_clicked(self) -> None:
        self.clear_history(confirm=True)
