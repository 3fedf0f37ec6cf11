"""The chat's conversation on screen: a scrolling column of messages.

A widget of the chat panel. It owns the message views: fills them from a
stored history, adds and removes them, shows a failure with Retry, and keeps
the list following new text while the reviewer has not scrolled up. What the
reviewer does on a message goes out as signals, with the message.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.ai.provider import FailureKind
from desktop_app.session import ChatMessage
from desktop_app.ui.chat.message import ASSISTANT, ERROR, USER, MessageView

HISTORY_VIEW_LIMIT = 100  # messages shown when a conversation is opened
_STICK_PX = 24  # within this of the bottom, the list follows new text

_HINTS = {
    FailureKind.NO_CREDENTIALS: "Sign in to AWS (run `aws sso login`, or `aws configure`) and "
                                "press Retry, or choose the built-in reviewer in Settings.",
    FailureKind.ACCESS_DENIED: "Enable access to the model in the AWS console (Bedrock > Model "
                               "access) and allow bedrock:InvokeModelWithResponseStream for it "
                               "in IAM, or change the model chain in Settings.",
    FailureKind.UNKNOWN_MODEL: "Check the model chain in Settings.",
    FailureKind.THROTTLED: "Bedrock is busy: wait a moment, then press Retry.",
    FailureKind.INPUT_TOO_LARGE: "Ask about one section rather than the whole document.",
}


def explain_failure(err: BaseException) -> str:
    """The reason, then what to do about it."""
    message = getattr(err, "message", None) or str(err) or type(err).__name__
    kind = getattr(err, "kind", None)
    hint = _HINTS.get(kind, "Press Retry to ask again.") if kind else "Press Retry to ask again."
    return f"{message[:1].upper()}{message[1:]}.\n{hint}".replace("..\n", ".\n")


class Conversation(QScrollArea):
    section_clicked = Signal(str)  # a citation in a message
    finding_requested = Signal(object)  # MessageView: make a finding from it
    retry_requested = Signal(object)  # MessageView: ask its question again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Conversation")
        self.views: list[MessageView] = []
        # A question's and an answer's view, made and polished ahead in idle time
        # (see warm_up): hidden children of the scroll area, not of the list.
        self._spares: dict[str, MessageView] = {}
        self._stick = True
        self._list = QWidget()
        self._layout = QVBoxLayout(self._list)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.placeholder = QLabel(self._list)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.placeholder.setAccessibleName("Chat help")
        self._layout.addWidget(self.placeholder)
        self._layout.addStretch(1)
        self.setWidget(self._list)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._on_scroll_range)
        bar.valueChanged.connect(self._on_scroll_value)

    # -- messages ---------------------------------------------------------------------

    def show_history(self, history: list[ChatMessage], titles: Mapping[str, str]) -> None:
        """Another conversation: its stored messages replace the ones shown."""
        from desktop_app.ai.offline_chat import OFFLINE_PREFIX  # with the first history

        for view in self.views:
            view.setParent(None)
            view.deleteLater()
        self.views = []
        self._stick = True
        for message in history:  # made here: the spares wait for the next question
            view = self._add(MessageView(message.role, message_id=message.id, parent=self._list))
            view.set_text(message.text, titles)
            if message.role == ASSISTANT:
                view.set_source(message.model, offline=message.text.startswith(OFFLINE_PREFIX))
                if not message.complete:
                    view.set_status("Incomplete: this answer was cut off.", complete=False)
                view.set_actions_enabled(True)

    def add_view(self, role: str, *, message_id: int | None = None) -> MessageView:
        """A new message at the end: the spare made ahead for its role, if there is one."""
        view = self._spares.pop(role, None)
        if view is None:
            return self._add(MessageView(role, message_id=message_id, parent=self._list))
        view.message_id = message_id
        view.setParent(self._list)
        self._add(view)
        view.show()  # hidden while spare (a move hides it too): the layout would not show it
        return view

    def _add(self, view: MessageView) -> MessageView:
        view.section_clicked.connect(self.section_clicked)
        view.finding_requested.connect(self.finding_requested)
        view.retry_requested.connect(self.retry_requested)
        self._layout.insertWidget(self._layout.count() - 1, view)
        self.views.append(view)
        self.placeholder.hide()
        return view

    def warm_up(self, roles: tuple[str, ...] = (USER, ASSISTANT)) -> None:
        """Make the next question's and answer's views now, off screen, one a turn, and
        keep them for `add_view`. Made when asked, each cost ~3-5 ms even with styles
        and fonts loaded: most of the question's own turn, the longest GUI stall
        (bench/window_bench.py, chat tab). Call it when the chat is idle."""
        roles = tuple(r for r in roles if r not in self._spares)
        if not roles:
            return
        view = MessageView(roles[0], parent=self)
        view.hide()
        view.ensurePolished()
        self._spares[roles[0]] = view
        if roles[1:]:
            QTimer.singleShot(0, self, lambda: self.warm_up(roles[1:]))

    def remove_view(self, view: MessageView) -> None:
        if view in self.views:
            self.views.remove(view)
        view.setParent(None)
        view.deleteLater()

    def view_of(self, message_id: int | None) -> MessageView | None:
        if message_id is None:
            return None
        return next((v for v in self.views if v.message_id == message_id), None)

    def set_hint(self, text: str) -> None:
        """What to ask, shown while there is no message."""
        self.placeholder.setText(text)
        self.placeholder.setVisible(not self.views)

    def follow_end(self) -> None:
        """Keep the newest text in view (a new answer starts)."""
        self._stick = True

    # -- failures and Retry -------------------------------------------------------------

    def show_error(self, err: BaseException | str, question: str | None,
                   user_message_id: int | None) -> MessageView:
        """A failure before any answer: the reason, what to do, and Retry."""
        view = self.add_view(ERROR)
        view.set_text(err if isinstance(err, str) else explain_failure(err))
        view.question, view.user_message_id = question, user_message_id
        view.set_retry(True)
        return view

    def offer_retry_on_last(self) -> None:
        """A conversation opened again ends in a cut-off answer or an unanswered question."""
        if not self.views:
            return
        last = self.views[-1]
        if last.role == ASSISTANT and not last.complete:
            last.set_retry(True)
        elif last.role == USER:
            self.show_error("This question has no answer: the request failed or the app "
                            "closed while it was being answered.", None, None)

    def hide_retries(self) -> None:
        for view in list(self.views):
            if view.role == ERROR:
                self.remove_view(view)
            else:
                view.set_retry(False)

    def question_before(self, view: MessageView) -> MessageView | None:
        """The question a message answers (or, for a failure found in the history, the
        last question asked)."""
        if view.role == ERROR or view not in self.views:
            return next((v for v in reversed(self.views) if v.role == USER), None)
        index = self.views.index(view)
        return next((v for v in reversed(self.views[:index]) if v.role == USER), None)

    # -- following new text ---------------------------------------------------------------

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        if self._stick:
            self.verticalScrollBar().setValue(maximum)

    def _on_scroll_value(self, value: int) -> None:
        self._stick = value >= self.verticalScrollBar().maximum() - _STICK_PX
