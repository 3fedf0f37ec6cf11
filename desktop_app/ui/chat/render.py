"""Chat text on screen: Markdown with section citations as links, sized to fit.

`answer_markdown` turns "[§ section-id]" markers into links that show the
section's title (`margin-section:` URLs); `ChatTextView` is a read-only,
frameless QTextBrowser whose height follows its content, so a column of them
scrolls as one list; `ChatInput` sends on Enter and breaks the line on
Shift+Enter.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, QObject, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QTextBrowser, QWidget

SECTION_SCHEME = "margin-section"
TITLE_CHARS = 48
_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
             | QTextDocument.MarkdownFeature.MarkdownNoHTML)  # "<ledger>" stays text


def section_url(section_id: str) -> str:
    return f"{SECTION_SCHEME}:{quote(section_id, safe='-_.~')}"


def section_from_url(url: QUrl | str) -> str | None:
    text = url.toString() if isinstance(url, QUrl) else url
    prefix = SECTION_SCHEME + ":"
    if not text.startswith(prefix):
        return None
    return unquote(text[len(prefix):]) or None


def short_title(title: str, limit: int = TITLE_CHARS) -> str:
    title = " ".join(title.split()) or "(untitled)"
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


def answer_markdown(text: str, titles: Mapping[str, str]) -> str:
    """The answer's Markdown with each citation marker as a link titled by its section.

    A marker naming no known section is kept as plain text, so that the
    reviewer sees it cannot be followed.
    """
    # Imported here: the chat's model code pulls the Bedrock provider in, which the
    # window has no need for until the first answer (bench/startup_bench.py).
    from desktop_app.ai.chat_context import CITATION_RE
    from desktop_app.ai.offline_chat import escape_markdown

    def link(match) -> str:
        out = []
        for raw in match.group(1).replace(";", ",").split(","):
            sid = raw.strip().lstrip("§").strip()
            if not sid:
                continue
            if sid in titles:
                out.append(f"[§\u00a0{escape_markdown(short_title(titles[sid]))}]"
                           f"({section_url(sid)})")
            else:
                out.append(f"§\u00a0{escape_markdown(sid)} (no such section)")
        return ", ".join(out) if out else match.group(0)

    return CITATION_RE.sub(link, text)


_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_CONTINUES = re.compile(r"[ \t]|[-*+|>]|\d+[.)]")  # a list, table or quote going on


def block_boundary(text: str, start: int, min_length: int) -> int | None:
    """Where finished Markdown ends: the last paragraph break at least `min_length`
    after `start`, outside code fences, before text that starts a new block.

    Text on either side of it renders the same apart as together (near enough:
    a list interrupted there would restart), so it can be laid out once.
    """
    pos = text.rfind("\n\n", start + min_length)
    while pos >= 0:
        after = pos + 2
        while after < len(text) and text[after] == "\n":
            after += 1
        fences = len(_FENCE.findall(text, start, pos))
        if after < len(text) and fences % 2 == 0 and not _CONTINUES.match(text, after):
            return after
        pos = text.rfind("\n\n", start + min_length, pos)
    return None


def set_markdown(document: QTextDocument, markdown: str) -> None:
    document.setMarkdown(markdown, _FEATURES)


class ChatTextView(QTextBrowser):
    """Read-only rich text, as tall as its content; section links are signalled."""

    section_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.viewport().setAutoFillBackground(False)
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        # A wide table or code line brings up the horizontal scroll bar: make room.
        self.horizontalScrollBar().rangeChanged.connect(self._on_scroll_range)
        self.anchorClicked.connect(self._on_anchor)
        self.first_text_paint_at = 0.0  # perf_counter of the first paint showing text
        _FirstTextPaint(self)
        self._fit(self.document().size())

    def show_markdown(self, markdown: str) -> None:
        set_markdown(self.document(), markdown)

    def show_plain(self, text: str) -> None:
        self.setPlainText(text)

    def selected_or_all_text(self) -> str:
        selected = self.textCursor().selectedText().replace("\u2029", "\n").strip()
        return selected or self.toPlainText().strip()

    def _on_scroll_range(self, _minimum: int, _maximum: int) -> None:
        self._fit(self.document().size())

    def _fit(self, size: QSizeF) -> None:
        scroll = self.horizontalScrollBar()
        extra = scroll.sizeHint().height() if scroll.maximum() > 0 else 0
        self.setFixedHeight(max(1, math.ceil(size.height())) + 2 * self.frameWidth() + extra)

    def _on_anchor(self, url: QUrl) -> None:
        section_id = section_from_url(url)
        if section_id:
            self.section_clicked.emit(section_id)


class _FirstTextPaint(QObject):
    """Stamps a ChatTextView's first paint that shows text (after it), then goes.

    Not a paintEvent override: Qt would call into Python, taking the GIL from
    the analysis threads, on every repaint of every message while an answer
    streams (bench/window_bench.py, chat tab); this filter runs until the first
    text is painted, then no Python runs for the view's paints.
    """

    def __init__(self, view: ChatTextView) -> None:
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        view = self._view
        if event.type() != QEvent.Type.Paint or view.document().isEmpty():
            return False
        watched.removeEventFilter(self)
        view.viewportEvent(event)  # painted here (what the scroll area would do next) ...
        view.first_text_paint_at = time.perf_counter()  # ... so that this stamp follows it
        self.deleteLater()
        return True


class ChatInput(QPlainTextEdit):
    """The question box: Enter sends, Shift+Enter starts a new line."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(2 * lines + 12)
        self.setMaximumHeight(6 * lines + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)
