"""One message of the chat panel: who said it, the text, and what can be done with it.

A question shows as plain text. An answer shows as Markdown with its section
citations as links, a status line while it streams or when it is incomplete,
and its actions: Copy, Make a finding from this, and Retry (incomplete or
failed answers only). A failure before any text is an "error" message: the
reason and what to do, with Retry.

While an answer streams, its finished paragraphs are laid out once, in
views of about `LIVE_CHUNK` characters, and only the paragraph still being
written is laid out again as text arrives; the finished answer is laid out
whole, in one view, on the turn after it ends (`finish_text`). A 16 kB answer
would otherwise cost ~20 ms of the GUI thread on every repaint.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.session import short_model
from desktop_app.ui.chat.render import ChatTextView, answer_markdown, block_boundary
from desktop_app.ui.common.theme import theme

USER, ASSISTANT, ERROR = "user", "assistant", "error"
LIVE_CHUNK = 1000  # characters of finished Markdown per view while streaming
MERGE_AFTER_MS = 100  # a finished answer's parts merged into one view (`finish_text`)


class MessageView(QFrame):
    """A question, an answer (possibly still streaming) or an error."""

    section_clicked = Signal(str)
    finding_requested = Signal(object)  # this MessageView
    retry_requested = Signal(object)  # this MessageView

    def __init__(self, role: str, *, message_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.message_id = message_id
        self.raw_text = ""
        self.complete = True
        self.status = ""
        # An error view remembers the question it failed, for Retry.
        self.question: str | None = None
        self.user_message_id: int | None = None
        self._cuts: list[int] = [0]  # streaming: where each view's text starts
        self._live: list[ChatTextView] = []  # streaming: the views after text_view
        self._merge_titles: Mapping[str, str] | None = None  # a merge waits for the next turn
        self.setObjectName(f"chat-{role}")
        self.setFrameShape(QFrame.Shape.NoFrame if role == USER else QFrame.Shape.StyledPanel)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)
        self.text_view = self._new_view()
        self.status_label: QLabel | None = None
        self.copy_button: QPushButton | None = None
        self.finding_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        if role == USER:
            self.setAutoFillBackground(True)
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window,
                             palette.color(QPalette.ColorRole.AlternateBase))
            self.setPalette(palette)
            self.header.setText("You")
            self.setAccessibleName("Your question")
        else:
            self._add_actions()
        if role == ERROR:
            self.header.setText("No answer")
            self.setAccessibleName("Chat error")
            self._colour_header()
            theme().changed.connect(self._colour_header)
        elif role == ASSISTANT:
            self.set_source(None, offline=False)
            self.setAccessibleName("Answer")
        self.text_view.setAccessibleName(self.accessibleName() + " text")

    def _colour_header(self) -> None:
        """The error's header in the theme's error colour (dark red is lost on dark)."""
        palette = self.header.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme().colours().error))
        self.header.setPalette(palette)

    def _new_view(self) -> ChatTextView:
        view = ChatTextView(self)
        view.section_clicked.connect(self.section_clicked)
        self._layout.insertWidget(1 + len(self._live) + (1 if hasattr(self, "text_view") else 0),
                                  view)
        return view

    def _add_actions(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName("Answer status")
        font = self.status_label.font()
        font.setItalic(True)
        self.status_label.setFont(font)
        self.status_label.hide()
        self._layout.addWidget(self.status_label)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 2, 0, 0)
        if self.role == ASSISTANT:
            self.copy_button = self._button("Copy", "Copy this answer", self.copy)
            self.finding_button = self._button("Make a finding from this",
                                               "Make a finding from this answer",
                                               self._on_finding_clicked)
            actions.addWidget(self.copy_button)
            actions.addWidget(self.finding_button)
        self.retry_button = self._button("Retry", "Ask this question again",
                                         self._on_retry_clicked)
        self.retry_button.hide()
        actions.addWidget(self.retry_button)
        actions.addStretch(1)
        self._layout.addLayout(actions)

    def _button(self, text: str, name: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    def _on_finding_clicked(self) -> None:
        self.finding_requested.emit(self)

    def _on_retry_clicked(self) -> None:
        self.retry_requested.emit(self)

    # -- content ------------------------------------------------------------------------

    def set_source(self, model: str | None, *, offline: bool) -> None:
        if self.role != ASSISTANT:
            return
        if offline:
            self.header.setText("Margin · built-in search")
        else:
            self.header.setText("Margin" + (f" · {short_model(model)}" if model else ""))

    def set_text(self, text: str, titles: Mapping[str, str] | None = None) -> None:
        """Show `text` whole: Markdown for answers, plain for questions and errors."""
        self._merge_titles = None
        self.raw_text = text
        self._drop_live()
        if self.role == ASSISTANT:
            self.text_view.show_markdown(answer_markdown(text, titles or {}))
        else:
            self.text_view.show_plain(text)

    def finish_text(self, text: str, titles: Mapping[str, str] | None = None) -> None:
        """An answer's final text. When it goes on from what streamed, only its new
        paragraphs are laid out now, and the parts are merged into one view (to select
        and copy across them) a moment later, not in the turn that ends the answer
        and saves it, nor in the next (on the same frame): laying a whole answer out
        again is ~7-8 ms of GUI work, and with the end's own (~2.5 ms) and its paint
        it made the chat tab's longest stall, 15-20 ms (bench/window_bench.py). Read
        or copied before then, it is merged at once."""
        if self.role != ASSISTANT or not self.raw_text or not text.startswith(self.raw_text):
            self.set_text(text, titles)
            return
        self.set_live_text(text, titles)
        if not self._live:
            return  # one view shows it all
        if self._merge_titles is None:
            QTimer.singleShot(MERGE_AFTER_MS, self, self._merge)
        self._merge_titles = titles or {}

    def _merge(self) -> None:
        if self._merge_titles is not None:
            self.set_text(self.raw_text, self._merge_titles)

    def set_live_text(self, text: str, titles: Mapping[str, str] | None = None) -> None:
        """Show a streaming answer that has grown to `text` (it only ever grows)."""
        if not text.startswith(self.raw_text) or self.role != ASSISTANT:
            self.set_text(text, titles)
            return
        self.raw_text = text
        titles = titles or {}
        while (cut := block_boundary(text, self._cuts[-1], LIVE_CHUNK)) is not None:
            # The paragraphs up to `cut` are finished: lay them out one last time.
            self._views()[-1].show_markdown(answer_markdown(text[self._cuts[-1]:cut], titles))
            self._cuts.append(cut)
            self._live.append(self._new_view())
        self._views()[-1].show_markdown(answer_markdown(text[self._cuts[-1]:], titles))

    def _views(self) -> list[ChatTextView]:
        return [self.text_view, *self._live]

    def _drop_live(self) -> None:
        for view in self._live:
            view.setParent(None)
            view.deleteLater()
        self._live = []
        self._cuts = [0]

    def set_status(self, status: str, *, complete: bool = True, retry: bool = False) -> None:
        """A line under the text ("Writing…", "Incomplete: …", "Stopped"); "" hides it."""
        self.status = status
        self.complete = complete
        if self.status_label is not None:
            self.status_label.setText(status)
            self.status_label.setVisible(bool(status))
        self.set_retry(retry)

    def set_retry(self, visible: bool) -> None:
        if self.retry_button is not None:
            self.retry_button.setVisible(visible)

    def set_actions_enabled(self, enabled: bool) -> None:
        """Copy and Make a finding wait until there is text to act on."""
        has_text = enabled and bool(self.raw_text.strip())
        if self.copy_button is not None:
            self.copy_button.setEnabled(has_text)
        if self.finding_button is not None:
            # "No passage contains the words of your question": no finding in that.
            from desktop_app.ai.offline_chat import found_nothing  # as render.py: lazily

            self.finding_button.setEnabled(has_text and not found_nothing(self.raw_text))

    def plain_text(self) -> str:
        """What the reviewer sees (citations as section titles), or their selection."""
        self._merge()
        return self.text_view.selected_or_all_text()

    def copy(self) -> None:
        self._merge()
        mime = QMimeData()
        mime.setText(self.text_view.toPlainText())
        if self.role == ASSISTANT:
            mime.setHtml(self.text_view.toHtml())
            mime.setData("text/markdown", self.raw_text.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(mime)
