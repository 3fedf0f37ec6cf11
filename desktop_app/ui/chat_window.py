"""The chat panel in the window: a tab beside the findings, following the review."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.ui.chat_panel import ChatPanel
from desktop_app.workers.jobs import Job

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

MAX_ISSUE_FROM_CHAT = 1200  # characters of an answer put into a new finding's issue


class ChatWiring:
    """Keeps the panel's document, review, section and provider in step with the window."""

    def __init__(self, window: MainWindow, side: QWidget) -> None:
        self.window = window
        self.panel = ChatPanel()
        self.panel.setObjectName("chatPanel")
        self._setup: Any = None
        self._chat_provider: Any = None
        self._warm: Any = None  # a chat provider whose client is built ahead (see _warm_up)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(side, "Findings")
        self.tabs.addTab(self.panel, "Chat")
        self.tabs.setTabToolTip(1, "Ask about this section or the whole document")
        # The chat's controls want ~270 px; on a small window the pane may be
        # narrower, and squeezing them beats taking width from the text.
        self.tabs.setMinimumWidth(200)
        self.action = QAction("&Chat", window)
        self.action.setObjectName("chatAction")
        # Ctrl+4 too: after Ctrl+1, 2 and 3 (tree, text, findings), the fourth place.
        self.action.setShortcuts([QKeySequence("Ctrl+Shift+C"), QKeySequence("Ctrl+4")])
        self.action.setStatusTip("Ask about the current section or the whole document")
        self.action.triggered.connect(self.show_chat)

        analysis = window.analysis
        analysis.provider_ready.connect(self._on_provider)
        analysis.review_opened.connect(self._on_review)
        self.panel.section_requested.connect(self._select_section)
        self.panel.finding_requested.connect(self._finding_from_answer)
        self.panel.usage_recorded.connect(self._usage_recorded)

    def show_chat(self) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.input.setFocus()  # ready for the question

    def follow_section(self, section_id: str | None) -> None:
        self.panel.set_section(section_id)

    def _provider(self) -> Any:
        """What answers: Bedrock when the window reviews with it, else ranked search.

        The chat gets a provider (and client) of its own, with the same settings:
        it shares the model's pacer with the analysis (one quota for the account),
        and its requests take the next send slot ahead of queued analyses.
        """
        setup = self._setup
        if setup is None or setup.offline:
            return None
        if self._chat_provider is None:
            from desktop_app.ai.bedrock import BedrockProvider

            warm, self._warm = self._warm, None
            if warm is not None and warm.config == self.window.prefs.bedrock:
                self._chat_provider = warm  # the same settings, its client already built
            else:
                if warm is not None:
                    warm.close()
                self._chat_provider = BedrockProvider(self.window.prefs.bedrock)
        return self._chat_provider

    def _on_provider(self, setup: Any) -> None:
        self._setup = setup
        self._close_provider()  # Settings may have changed the models or the profile
        self.panel.set_provider_factory(self._provider)
        self._warm_up()

    def _warm_up(self) -> None:
        """Build the chat's Bedrock client now, on a worker thread, while the window is idle.

        Left to the first question, the chat job builds it (~100 ms of botocore
        loading, holding the GIL) just when an analysis may be starting beside it:
        measured as most of a 180 ms GUI stall (bench/window_bench.py). `_provider`
        takes it only if the settings are still the same; failures are left for the
        first question to report, as before.
        """
        if self._setup is None or self._setup.offline:
            return
        from desktop_app.ai.bedrock import BedrockProvider

        self._warm = BedrockProvider(self.window.prefs.bedrock)
        self.window.runner.start(Job(_prepare_quietly, self._warm))

    def _close_provider(self) -> None:
        if self._chat_provider is not None:
            self._chat_provider.close()
            self._chat_provider = None
        if self._warm is not None:
            self._warm.close()
            self._warm = None

    def _on_review(self, _state: Any) -> None:
        w = self.window
        session = w.analysis.session
        section = w.current_section()
        self.panel.set_context(w.document, session.store, session.review_id,
                               section.id if section is not None else None, self._provider)

    def _select_section(self, section_id: str) -> None:
        w = self.window
        index = w.model.index_for(section_id)
        if index.isValid():
            w.tree.setCurrentIndex(index)

    def _finding_from_answer(self, section_id: str, text: str) -> None:
        """An answer becomes the issue of an own finding on the passage selected."""
        w = self.window
        if section_id:
            current = w.current_section()
            if current is None or current.id != section_id:
                self._select_section(section_id)
        w.decisions.add_on_selection()
        dialog = w.decisions.dialog
        if dialog is not None:
            dialog.issue.setPlainText(text.strip()[:MAX_ISSUE_FROM_CHAT])

    def _usage_recorded(self) -> None:
        refresh = getattr(self.window, "refresh_statistics", None)
        if callable(refresh):
            refresh()

    def shutdown(self) -> None:
        self.panel.shutdown()
        self._close_provider()


def _prepare_quietly(provider: Any) -> None:
    try:
        provider.prepare()
    except Exception:  # noqa: BLE001 - the first question reports it, as it did before
        pass
