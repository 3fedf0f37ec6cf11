"""The chat in the window: a tab beside the findings, following the review.

A part of the window: the side pane's tabs (the findings, given as `side`, and
the chat panel), and what answers in the chat. Told the review
(`show_review`), the section shown (`follow_section`) and the reviewer
(`use_provider`), it says what the reviewer asks of the rest of the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.ai.config import BedrockConfig
from desktop_app.document import Document
from desktop_app.session import ProviderSetup, ReviewSession
from desktop_app.ui.chat.panel import ChatPanel
from desktop_app.workers.jobs import Job, JobRunner


class ChatTab(QObject):
    section_requested = Signal(str)  # a citation was clicked
    finding_requested = Signal(str, str)  # section id ("" if unknown), text for a finding
    usage_recorded = Signal()  # an answer's cost was saved

    def __init__(self, side: QWidget, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.panel = ChatPanel()
        self.panel.setObjectName("chatPanel")
        self._setup: ProviderSetup | None = None
        self._config: BedrockConfig | None = None
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
        self.panel.section_requested.connect(self.section_requested)
        self.panel.finding_requested.connect(self.finding_requested)
        self.panel.usage_recorded.connect(self.usage_recorded)

    def show_chat(self) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.input.setFocus()  # ready for the question

    def show_findings(self) -> None:
        self.tabs.setCurrentIndex(0)

    @property
    def showing_chat(self) -> bool:
        return self.tabs.currentWidget() is self.panel

    def show_review(self, document: Document | None, session: ReviewSession | None,
                    section_id: str | None) -> None:
        self.panel.set_context(document, session.chat if session is not None else None,
                               section_id, self._provider)

    def follow_section(self, section_id: str | None) -> None:
        self.panel.set_section(section_id)

    def use_provider(self, setup: ProviderSetup, config: BedrockConfig) -> None:
        """The window reviews with `setup` now; the chat answers with the same settings."""
        self._setup, self._config = setup, config
        self._close_provider()  # Settings may have changed the models or the profile
        self.panel.set_provider_factory(self._provider)
        self._warm_up()

    def _provider(self) -> Any:
        """What answers: Bedrock when the window reviews with it, else ranked search.

        The chat gets a provider (and client) of its own, with the same settings:
        it shares the model's pacer with the analysis (one quota for the account),
        and its requests take the next send slot ahead of queued analyses.
        """
        setup, config = self._setup, self._config
        if setup is None or setup.offline or config is None:
            return None
        if self._chat_provider is None:
            from desktop_app.ai.bedrock import BedrockProvider

            warm, self._warm = self._warm, None
            if warm is not None and warm.config == config:
                self._chat_provider = warm  # the same settings, its client already built
            else:
                if warm is not None:
                    warm.close()
                self._chat_provider = BedrockProvider(config)
        return self._chat_provider

    def prepare_message_views(self) -> None:
        """The next question's message views, made ahead in idle time (not the Bedrock
        client: `_warm_up`)."""
        self.panel.conversation.warm_up()

    def _warm_up(self) -> None:
        """Build the chat's Bedrock client now, on a worker thread, while the window is idle.

        Left to the first question, the chat job builds it (~100 ms of botocore
        loading, holding the GIL) just when an analysis may be starting beside it:
        measured as most of a 180 ms GUI stall (bench/window_bench.py). `_provider`
        takes it only if the settings are still the same; failures are left for the
        first question to report, as before.
        """
        if self._setup is None or self._setup.offline or self._config is None:
            return
        from desktop_app.ai.bedrock import BedrockProvider

        self._warm = BedrockProvider(self._config)
        self._runner.start(Job(_prepare_quietly, self._warm))

    def _close_provider(self) -> None:
        if self._chat_provider is not None:
            self._chat_provider.close()
            self._chat_provider = None
        if self._warm is not None:
            self._warm.close()
            self._warm = None

    def shutdown(self) -> None:
        self.panel.shutdown()
        self._close_provider()


def _prepare_quietly(provider: Any) -> None:
    try:
        provider.prepare()
    except Exception:  # noqa: BLE001 - the first question reports it, as it did before
        pass
