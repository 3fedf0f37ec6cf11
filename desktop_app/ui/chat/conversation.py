"""The chat panel's conversation on screen: a scrolling column of messages.

A mixin of `ChatPanel`, kept apart from the streaming and the controls: it
owns the message list, fills it from the store when another conversation is
shown (re-attaching an answer still being written), and keeps the list
following new text while the reviewer has not scrolled up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.ai.offline_chat import OFFLINE_PREFIX
from desktop_app.session import ChatLog
from desktop_app.ui.chat.message import ASSISTANT, MessageView

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance

    from desktop_app.ui.chat.answer import Exchange

HISTORY_VIEW_LIMIT = 100  # messages shown when a conversation is opened
_STICK_PX = 24  # within this of the bottom, the list follows new text


class ChatConversationMixin:
    """Needs the attributes below, set up by `ChatPanel.__init__`."""

    _chat: ChatLog | None
    _titles: dict[str, str]
    _exchange: Exchange | None
    _views: list[MessageView]
    _shown_key: tuple[ChatLog, str | None] | None
    _stick: bool
    _render_timer: QTimer
    conversation: QScrollArea
    placeholder: QLabel
    _list: QWidget
    _list_layout: QVBoxLayout

    if TYPE_CHECKING:  # ChatPanel's and the other mixins'
        section_requested: SignalInstance

        def _key(self) -> tuple[ChatLog, str | None] | None: ...
        def _update_controls(self) -> None: ...
        def _read(self, read: Callable[[ChatLog], Any]) -> Any: ...
        def _offer_retry_on_last(self) -> None: ...
        def _on_retry_requested(self, view: MessageView) -> None: ...
        def _on_finding_requested(self, view: MessageView) -> None: ...

    def _build_conversation(self) -> QScrollArea:
        self.conversation = QScrollArea(cast(QWidget, self))
        self.conversation.setWidgetResizable(True)
        self.conversation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversation.setAccessibleName("Conversation")
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(6)
        self.placeholder = QLabel(self._list)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.placeholder.setAccessibleName("Chat help")
        self._list_layout.addWidget(self.placeholder)
        self._list_layout.addStretch(1)
        self.conversation.setWidget(self._list)
        bar = self.conversation.verticalScrollBar()
        bar.rangeChanged.connect(self._on_scroll_range)
        bar.valueChanged.connect(self._on_scroll_value)
        return self.conversation

    def _reload(self) -> None:
        key = self._key()
        if key == self._shown_key:
            self._update_controls()
            return
        self._shown_key = key
        self._render_timer.stop()
        for view in self._views:
            view.setParent(None)
            view.deleteLater()
        self._views = []
        if self._exchange is not None:
            self._exchange.view = None
        self._stick = True
        if key is not None:
            history = self._read(lambda c: c.history(key[1], limit=HISTORY_VIEW_LIMIT)) or []
            for message in history:
                view = self._add_view(message.role, message_id=message.id)
                view.set_text(message.text, self._titles)
                if message.role == ASSISTANT:
                    view.set_source(message.model, offline=message.text.startswith(
                        OFFLINE_PREFIX))
                    if not message.complete:
                        view.set_status("Incomplete: this answer was cut off.", complete=False)
                    view.set_actions_enabled(True)
            self._attach_exchange(key)
            self._offer_retry_on_last()
        self._update_controls()

    def _attach_exchange(self, key: tuple[ChatLog, str | None]) -> None:
        """Show the answer still being written when its conversation comes back."""
        ex = self._exchange
        if ex is None or ex.key != key:
            return
        answer_id = ex.answer.id if ex.answer is not None else None
        view = next((v for v in self._views if v.message_id is not None
                     and v.message_id == answer_id), None)
        if view is None:
            view = self._add_view(ASSISTANT, message_id=answer_id)
        ex.view = view
        view.set_live_text(ex.text, self._titles)
        view.set_status("Writing…", complete=False)
        view.set_actions_enabled(False)

    def _add_view(self, role: str, *, message_id: int | None = None) -> MessageView:
        view = MessageView(role, message_id=message_id, parent=self._list)
        view.section_clicked.connect(self.section_requested)
        view.finding_requested.connect(self._on_finding_requested)
        view.retry_requested.connect(self._on_retry_requested)
        self._list_layout.insertWidget(self._list_layout.count() - 1, view)
        self._views.append(view)
        self.placeholder.hide()
        return view

    def _remove_view(self, view: MessageView) -> None:
        if view in self._views:
            self._views.remove(view)
        view.setParent(None)
        view.deleteLater()

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        if self._stick:
            self.conversation.verticalScrollBar().setValue(maximum)

    def _on_scroll_value(self, value: int) -> None:
        self._stick = value >= self.conversation.verticalScrollBar().maximum() - _STICK_PX
