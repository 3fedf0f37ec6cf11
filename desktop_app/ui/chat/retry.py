"""The chat panel when an answer fails: the reason in words, and Retry.

A mixin of `ChatPanel`, kept apart from the streaming because a failure can
be shown with no job at all: a provider factory that raised, or an unanswered
question found in a conversation opened again. Retry asks the last question
again, into its old answer's place when there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ai.provider import FailureKind
from desktop_app.ui.chat.message import ASSISTANT, ERROR, USER, MessageView

if TYPE_CHECKING:
    from desktop_app.session import ChatLog
    from desktop_app.ui.chat.answer import Exchange

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


class ChatRetryMixin:
    """Needs the attributes below, set up by `ChatPanel.__init__`."""

    _titles: dict[str, str]
    _views: list[MessageView]

    if TYPE_CHECKING:  # ChatPanel's and the other mixins'
        @property
        def busy(self) -> bool: ...
        def _key(self) -> tuple[ChatLog, str | None] | None: ...
        def _update_controls(self) -> None: ...
        def _add_view(self, role: str, *, message_id: int | None = None) -> MessageView: ...
        def _remove_view(self, view: MessageView) -> None: ...
        def _start(self, question: str, user_message_id: int | None,
                   retry_view: MessageView | None = None) -> None: ...

    def _restore_or_drop(self, ex: Exchange) -> None:
        """An answer that brought no text: a retried one gets its old text back."""
        if ex.view is None:
            return
        if ex.previous_text:
            ex.view.set_text(ex.previous_text, self._titles)
            ex.view.set_status("Incomplete: this answer was cut off.", complete=False,
                               retry=False)
            ex.view.set_actions_enabled(True)
        else:
            self._remove_view(ex.view)
        ex.view = None

    def _show_error(self, err: BaseException, question: str,
                    user_message_id: int | None) -> None:
        view = self._add_view(ERROR)
        view.set_text(explain_failure(err))
        view.question, view.user_message_id = question, user_message_id
        view.set_retry(True)
        self._update_controls()

    def _on_retry_requested(self, view: MessageView) -> None:
        if self.busy or self._key() is None:
            return
        if view.role == ERROR:
            question = getattr(view, "question", None)
            user_id = getattr(view, "user_message_id", None)
            if question is None:  # an unanswered question found in the history
                last_user = next((v for v in reversed(self._views) if v.role == USER), None)
                if last_user is None:
                    return
                question, user_id = last_user.raw_text, last_user.message_id
            self._remove_view(view)
            self._start(question, user_id)
            return
        index = self._views.index(view)
        asked = next((v for v in reversed(self._views[:index]) if v.role == USER), None)
        if asked is None:
            return
        view.set_retry(False)
        self._start(asked.raw_text, asked.message_id, retry_view=view)

    def _offer_retry_on_last(self) -> None:
        if self.busy or not self._views:
            return
        last = self._views[-1]
        if last.role == ASSISTANT and not last.complete:
            last.set_retry(True)
        elif last.role == USER:
            error = self._add_view(ERROR)
            error.set_text("This question has no answer: the request failed or the app "
                           "closed while it was being answered.")
            error.set_retry(True)

    def _hide_retries(self) -> None:
        for view in list(self._views):
            if view.role == ERROR:
                self._remove_view(view)
            else:
                view.set_retry(False)
