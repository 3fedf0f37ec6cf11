"""The chat panel against the fake Bedrock (a real boto3 client) and the built-in search.

Streams are scripted with a delay between frames, so the tests can see an
answer grow while its job is still running; they wait on signals and
conditions, never on sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from desktop_app.ai import prompts
from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.ai.chat_context import SYSTEM_PROMPT
from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document import load
from desktop_app.document.model import Document
from desktop_app.review.frameworks import find_framework
from desktop_app.session import ChatLog, ProviderIdentity, ReviewSession, Storage, short_model
from desktop_app.store.reviews import ReviewStore
from desktop_app.ui.chat.message import ASSISTANT, ERROR, USER, MessageView
from desktop_app.ui.chat.panel import ChatPanel, explain_failure
from desktop_app.ui.chat.render import ChatTextView, _FirstTextPaint, section_url
from tests.conftest import ROOT
from tests.conftest_bedrock import FALLBACK, PRIMARY
from tests.fake_bedrock import FakeBedrock, Reply

SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"


@pytest.fixture(scope="module")
def sample() -> Document:
    return load(str(SAMPLE))


def section_id(doc: Document, title: str) -> str:
    return next(s.id for s in doc.walk() if s.title == title)


@pytest.fixture
def session(tmp_path: Path, sample: Document) -> Iterator[ReviewSession]:
    storage = Storage(lambda: tmp_path / "store")
    yield ReviewSession(sample, find_framework("General writing quality"), storage,
                        ProviderIdentity("bedrock", (PRIMARY, FALLBACK)))
    storage.close()


@pytest.fixture
def store(session: ReviewSession) -> ReviewStore:
    assert session.store is not None
    return session.store


@pytest.fixture
def review_id(session: ReviewSession) -> int:
    assert session.review_id is not None
    return session.review_id


@pytest.fixture
def chat(session: ReviewSession) -> ChatLog:
    return session.chat


@pytest.fixture
def make_panel(qtbot) -> Iterator[Callable[[], ChatPanel]]:  # type: ignore[no-untyped-def]
    made: list[ChatPanel] = []

    def make() -> ChatPanel:
        panel = ChatPanel()
        qtbot.addWidget(panel)
        panel.resize(480, 720)
        panel.show()
        made.append(panel)
        return panel

    yield make
    for panel in made:
        assert panel.shutdown(10_000)


@pytest.fixture
def bedrock(bedrock_provider: Callable[..., BedrockProvider]) -> BedrockProvider:
    return bedrock_provider()


def answers(panel: ChatPanel) -> list[MessageView]:
    return [v for v in panel.messages() if v.role == ASSISTANT]


def last_answer_text(panel: ChatPanel) -> str:
    views = answers(panel)
    return views[-1].raw_text if views else ""


def stored(store: ReviewStore, review_id: int, section: str | None):
    return store.chat_history(review_id, section)


def wait_idle(qtbot, panel: ChatPanel, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not panel.busy, timeout=timeout)


# -- streaming ------------------------------------------------------------------------------


def test_answer_text_grows_while_the_stream_is_still_running(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    chunks = ["The outage ", "began at 09:18 ", "when the pools ", "were exhausted, ",
              "and it ended ", "at 10:52."]
    fake_bedrock.model(PRIMARY).queue(Reply.stream(chunks, delay=0.15))
    timeline = section_id(sample, "Timeline")
    panel = make_panel()
    panel.set_context(sample, chat, timeline, lambda: bedrock)
    assert panel.ask("When did the outage start and end?")
    job = panel.current_job
    assert job is not None
    # An intermediate state: some text shown, the end not arrived, the job still running.
    qtbot.waitUntil(lambda: last_answer_text(panel).startswith("The outage "), timeout=5000)
    shown = last_answer_text(panel)
    assert panel.busy and "10:52" not in shown
    view = answers(panel)[-1]
    assert "The outage" in view.text_view.toPlainText() and view.status == "Writing…"
    assert not panel.send_button.isEnabled() and panel.stop_button.isEnabled()
    # While it streams the answer is already saved, incomplete.
    qtbot.waitUntil(lambda: len(stored(store, review_id, timeline)) == 2, timeout=2000)
    saved = stored(store, review_id, timeline)
    assert saved[1].role == "assistant" and not saved[1].complete and panel.busy
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as finished:
        pass
    assert finished.args[0]["text"] == "".join(chunks)
    wait_idle(qtbot, panel)
    assert view.raw_text == "".join(chunks) and view.status == "" and view.complete
    assert short_model(PRIMARY) in view.header.text()
    saved = stored(store, review_id, timeline)
    assert saved[1].text == "".join(chunks) and saved[1].complete and saved[1].model == PRIMARY
    # What the model was sent: the section text as data between the markers.
    request = fake_bedrock.requests_for(PRIMARY, "converse-stream")[0]
    assert request.system_text == SYSTEM_PROMPT
    user_turn = request.user_text(-1)
    data = user_turn[user_turn.index(prompts.BEGIN_MARK):user_turn.index(prompts.END_MARK)]
    section = sample.section(timeline)
    assert section is not None and section.text in data
    assert user_turn.rstrip().endswith("When did the outage start and end?")


def test_a_fast_stream_is_signalled_and_painted_in_batches_but_the_first_text_at_once(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample,
        monkeypatch):
    renders: list[str] = []
    original = MessageView.set_live_text

    def counting(self, text, titles=None):  # type: ignore[no-untyped-def]
        renders.append(text)
        original(self, text, titles)

    monkeypatch.setattr(MessageView, "set_live_text", counting)
    chunks = [f"Token {i} of a long answer. " + ("\n\n" if i % 7 == 6 else "")
              for i in range(150)]
    fake_bedrock.model(PRIMARY).queue(Reply.stream(chunks, delay=0.002))
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.ask("Go on.")
    job = panel.current_job
    assert job is not None
    deltas: list[str] = []
    job.signals.delta.connect(deltas.append)
    wait_idle(qtbot, panel)
    assert "".join(deltas) == "".join(chunks) == answers(panel)[-1].raw_text
    assert deltas[0] == chunks[0] and renders[0] == chunks[0]  # the first, at once
    assert len(deltas) < len(chunks) / 2  # the rest batched ...
    assert len(renders) <= len(deltas)  # ... and painted no more often
    view = answers(panel)[-1]
    # The live parts are merged into one view at the end: on the next turn, not in the one
    # that ends the answer (bench/window_bench.py), or at once when the text is read.
    qtbot.waitUntil(lambda: len(view.findChildren(ChatTextView)) == 1, timeout=2000)
    assert view.text_view.toPlainText().startswith("Token 0 of a long answer.")
    assert "Token 149 of a long answer." in view.text_view.toPlainText()


def test_an_answer_read_in_the_turn_it_ends_gives_its_whole_text(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    chunks = [f"Paragraph {i} of the answer, long enough to be laid out on its own. " * 3
              + "\n\n" for i in range(40)]
    fake_bedrock.model(PRIMARY).queue(Reply.stream(chunks, delay=0.002))
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.ask("Go on.")
    read: list[tuple[int, str, int]] = []  # views before, text, views after the read

    def on_busy(busy: bool) -> None:
        if not busy:
            view = answers(panel)[-1]
            before = len(view.findChildren(ChatTextView))
            read.append((before, view.plain_text(), len(view.findChildren(ChatTextView))))

    panel.busy_changed.connect(on_busy)
    wait_idle(qtbot, panel)
    assert read, "the end was not signalled"
    before, text, after = read[0]
    assert before > 1 and after == 1  # in parts as it streamed, merged when read
    assert text.startswith("Paragraph 0 of the answer") and "Paragraph 39 of the answer" in text


def test_a_question_shows_in_views_made_ahead_and_they_are_made_again_after_the_answer(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample,
        monkeypatch):
    """The question's and the answer's views are built while the chat is idle (building
    them was most of the question's own turn, bench/window_bench.py); what the reviewer
    sees is the same as with views built on demand."""
    fake_bedrock.model(PRIMARY).queue(Reply.stream(["The pools ", "were exhausted."]))
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.conversation.warm_up()
    qtbot.waitUntil(lambda: len(panel.conversation._spares) == 2, timeout=2000)
    spares = dict(panel.conversation._spares)
    assert not any(v.isVisible() for v in spares.values())
    built: list[str] = []
    original = MessageView.__init__

    def counting(self, role, **kwargs):  # type: ignore[no-untyped-def]
        built.append(role)
        original(self, role, **kwargs)

    monkeypatch.setattr(MessageView, "__init__", counting)
    assert panel.ask("Why did it fail?")
    question, answer = panel.messages()
    assert built == [] and (question, answer) == (spares[USER], spares[ASSISTANT])
    assert question.isVisible() and answer.isVisible() and answer.status == "Writing…"
    assert question.message_id == stored(store, review_id, None)[0].id
    assert question.text_view.toPlainText() == "Why did it fail?"
    wait_idle(qtbot, panel)
    assert answer.raw_text == "The pools were exhausted." and answer.complete
    assert answer.message_id == stored(store, review_id, None)[1].id
    # The next question's, made while the reviewer reads the answer.
    qtbot.waitUntil(lambda: len(panel.conversation._spares) == 2, timeout=2000)
    assert built == [USER, ASSISTANT] and panel.messages() == [question, answer]
    # A conversation opened again is built as before: the spares stay for the next question.
    panel.set_scope("section")
    panel.set_scope("document")
    assert [v.role for v in panel.messages()] == [USER, ASSISTANT]
    assert len(panel.conversation._spares) == 2


def test_the_first_paint_showing_text_is_stamped_after_it_and_the_view_paints_alone(qtbot):
    view = ChatTextView()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)  # painted empty: not stamped
    assert view.first_text_paint_at == 0.0
    before = time.perf_counter()
    view.show_markdown("Some **text**.")
    qtbot.waitUntil(lambda: view.first_text_paint_at > 0, timeout=2000)
    assert view.first_text_paint_at > before
    # No Python runs for its later paints (each would take the GIL from the workers).
    assert "paintEvent" not in type(view).__dict__
    qtbot.waitUntil(lambda: not view.findChildren(_FirstTextPaint), timeout=2000)  # gone
    view.show_markdown("More text.")
    view.viewport().repaint()
    assert view.toPlainText() == "More text."


def test_stop_ends_the_stream_promptly_and_keeps_what_arrived(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    chunks = [f"word{i} " for i in range(40)]
    fake_bedrock.model(PRIMARY).queue(Reply.stream(chunks, delay=0.1))
    impact = section_id(sample, "Impact")
    panel = make_panel()
    panel.set_context(sample, chat, impact, lambda: bedrock)
    panel.ask("Summarise the impact.")
    job = panel.current_job
    assert job is not None
    qtbot.waitUntil(lambda: "word1 " in last_answer_text(panel), timeout=5000)
    stopped_at = time.perf_counter()
    with qtbot.waitSignal(job.signals.cancelled, timeout=2000):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert time.perf_counter() - stopped_at < 1.0
    wait_idle(qtbot, panel)
    view = answers(panel)[-1]
    kept = view.raw_text
    assert kept.startswith("word0 word1 ") and "word39" not in kept
    assert view.status.startswith("Stopped") and not view.complete
    assert view.retry_button.isVisibleTo(panel)
    assert panel.send_button.isEnabled() and not panel.stop_button.isEnabled()
    saved = stored(store, review_id, impact)[-1]
    assert saved.role == "assistant" and saved.text == kept and not saved.complete


def test_throttled_mid_stream_keeps_the_partial_answer_and_retry_completes_it(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    fake_bedrock.model(PRIMARY).queue(
        Reply.stream(["Part one. ", "Part two. ", "Part three."], error_after=2, delay=0.02),
        Reply.stream(["The complete ", "answer."], delay=0.02))
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.ask("What happened?")
    wait_idle(qtbot, panel)
    view = answers(panel)[-1]
    assert view.raw_text == "Part one. Part two. "
    assert view.status.startswith("Incomplete") and "throttled" in view.status
    assert view.retry_button.isVisibleTo(panel) and not view.complete
    first = stored(store, review_id, None)
    assert [m.role for m in first] == ["user", "assistant"]
    assert first[1].text == "Part one. Part two. " and not first[1].complete
    qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    assert panel.busy
    wait_idle(qtbot, panel)
    assert answers(panel) == [view]  # the same answer, asked again in place
    assert view.raw_text == "The complete answer." and view.complete and view.status == ""
    saved = stored(store, review_id, None)
    assert [m.role for m in saved] == ["user", "assistant"]
    assert saved[1].id == first[1].id and saved[1].text == "The complete answer."
    assert saved[1].complete
    # The retry asked the same question, without the failed answer as history.
    retried = fake_bedrock.requests_for(PRIMARY, "converse-stream")[-1]
    assert len(retried.messages) == 1 and "What happened?" in retried.user_text(0)


def test_a_denied_first_model_falls_back_to_the_second(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    fake_bedrock.deny(PRIMARY)
    fake_bedrock.model(FALLBACK).queue(Reply.stream(["From the ", "fallback."]))
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.ask("Anything?")
    wait_idle(qtbot, panel)
    view = answers(panel)[-1]
    assert view.raw_text == "From the fallback." and view.complete
    assert short_model(FALLBACK) in view.header.text()
    assert stored(store, review_id, None)[-1].model == FALLBACK
    assert fake_bedrock.requests_for(PRIMARY) and fake_bedrock.requests_for(FALLBACK)


def test_an_error_before_any_text_says_what_to_fix_and_retry_asks_again(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    fake_bedrock.deny(PRIMARY)
    fake_bedrock.deny(FALLBACK)
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.ask("Anything?")
    wait_idle(qtbot, panel)
    assert answers(panel) == []
    error = [v for v in panel.messages() if v.role == ERROR][-1]
    assert "access denied" in error.raw_text and "Model access" in error.raw_text
    assert "InvokeModelWithResponseStream" in error.raw_text
    assert [m.role for m in stored(store, review_id, None)] == ["user"]  # no empty answer
    fake_bedrock.model(PRIMARY).always(None).queue(Reply.stream(["Now it works."]))
    qtbot.mouseClick(error.retry_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel)
    assert [v.role for v in panel.messages()] == [USER, ASSISTANT]
    assert answers(panel)[-1].raw_text == "Now it works."
    assert [m.role for m in stored(store, review_id, None)] == ["user", "assistant"]


def test_failure_messages_say_what_to_do():
    creds = explain_failure(ProviderError(FailureKind.NO_CREDENTIALS, "no AWS credentials found"))
    assert "aws sso login" in creds and creds.startswith("No AWS credentials found.")
    denied = explain_failure(ProviderError(FailureKind.ACCESS_DENIED, "m: access denied"))
    assert "Model access" in denied


# -- history and scope ------------------------------------------------------------------------


def test_the_conversation_comes_back_in_a_new_panel_and_each_scope_has_its_own(
        qtbot, make_panel, store, review_id, chat, sample):
    root_cause = section_id(sample, "Root cause")
    first = make_panel()
    first.set_context(sample, chat, root_cause, None)
    first.ask("What was the root cause?")
    wait_idle(qtbot, first)
    first.set_scope("document")
    assert first.messages() == []
    first.ask("Who prepared the report?")
    wait_idle(qtbot, first)
    section_answer = stored(store, review_id, root_cause)[-1].text
    second = make_panel()
    second.set_context(sample, chat, root_cause, None)
    assert second.scope == "section"
    assert [(v.role, v.raw_text) for v in second.messages()] == [
        (USER, "What was the root cause?"), (ASSISTANT, section_answer)]
    assert "built-in search" in second.messages()[1].header.text()
    second.set_scope("document")
    assert [v.raw_text for v in second.messages()][0] == "Who prepared the report?"
    assert second.clear_history(confirm=False)
    assert second.messages() == [] and stored(store, review_id, None) == []
    assert len(stored(store, review_id, root_cause)) == 2  # the section's chat is kept


def test_switching_sections_while_an_answer_streams_keeps_it_going(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    fake_bedrock.model(PRIMARY).queue(Reply.stream([f"w{i} " for i in range(12)], delay=0.08))
    summary, impact = section_id(sample, "Summary"), section_id(sample, "Impact")
    panel = make_panel()
    panel.set_context(sample, chat, summary, lambda: bedrock)
    panel.ask("Long answer please.")
    qtbot.waitUntil(lambda: "w1 " in last_answer_text(panel), timeout=5000)
    panel.set_section(impact)
    assert panel.messages() == [] and panel.busy
    panel.set_section(summary)  # back: the answer is shown again, still growing
    assert panel.busy and answers(panel)[-1].status == "Writing…"
    wait_idle(qtbot, panel)
    assert answers(panel)[-1].raw_text == "".join(f"w{i} " for i in range(12))
    assert stored(store, review_id, summary)[-1].complete


# -- citations, input, actions ------------------------------------------------------------------


def click_link(qtbot, view: ChatTextView, href: str) -> str:  # type: ignore[no-untyped-def]
    """Click the link to `href` with the mouse; returns the link's text."""
    block = view.document().begin()
    while block.isValid():
        for fragment_iter in block:
            fragment = fragment_iter.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                point = view.cursorRect(cursor).center()
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return fragment.text()
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_a_streamed_citation_is_a_link_titled_by_its_section_and_clicking_it_asks_for_it(
        qtbot, make_panel, fake_bedrock: FakeBedrock, bedrock, store, review_id, chat, sample):
    timeline = section_id(sample, "Timeline")
    fake_bedrock.model(PRIMARY).queue(Reply.stream(
        ["The alert fired at 09:41 ", f"[§ {timeline}", "]. An unknown one: [§ nowhere-1]."]))
    panel = make_panel()
    panel.set_context(sample, chat, None, lambda: bedrock)
    panel.ask("When did the alert fire?")
    wait_idle(qtbot, panel)
    view = answers(panel)[-1]
    qtbot.waitUntil(lambda: view.text_view.height() > 10)
    with qtbot.waitSignal(panel.section_requested, timeout=2000) as requested:
        text = click_link(qtbot, view.text_view, section_url(timeline))
    assert requested.args == [timeline]
    assert text == "§\u00a0Timeline"
    assert "nowhere-1 (no such section)" in view.text_view.toPlainText()
    assert stored(store, review_id, None)[-1].citations == [timeline]


def test_enter_sends_and_shift_enter_starts_a_new_line(qtbot, make_panel, store, review_id, chat,
                                                       sample):
    panel = make_panel()
    panel.set_context(sample, chat, section_id(sample, "Impact"), None)
    panel.input.setFocus()
    qtbot.keyClicks(panel.input, "How many customers")
    qtbot.keyClick(panel.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(panel.input, "were affected?")
    assert panel.messages() == [] and panel.input.toPlainText() == (
        "How many customers\nwere affected?")
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    assert panel.input.toPlainText() == ""
    assert panel.messages()[0].raw_text == "How many customers\nwere affected?"
    wait_idle(qtbot, panel)
    assert "not a model" in last_answer_text(panel)


def test_make_a_finding_sends_the_section_and_the_answer(qtbot, make_panel, store, review_id, chat,
                                                         sample):
    impact = section_id(sample, "Impact")
    panel = make_panel()
    panel.set_context(sample, chat, impact, None)
    panel.ask("customers")
    wait_idle(qtbot, panel)
    view = answers(panel)[-1]
    assert view.finding_button.isEnabled()
    with qtbot.waitSignal(panel.finding_requested, timeout=1000) as requested:
        qtbot.mouseClick(view.finding_button, Qt.MouseButton.LeftButton)
    sid, text = requested.args
    assert sid == impact and "not a model" in text and "§ Impact" in text
    assert "[§" not in text  # what the reviewer saw, not the markers


def test_the_panel_without_a_document_is_inert_and_every_control_has_a_name(make_panel):
    panel = make_panel()
    assert not panel.ask("anything") and not panel.send_button.isEnabled()
    assert panel.about_label.text() == "No document open."
    for widget in panel.findChildren(QWidget):
        if widget.isVisibleTo(panel) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus \
                and widget.metaObject().className() in ("QPushButton", "QToolButton",
                                                        "ChatInput", "QScrollArea"):
            assert widget.accessibleName(), widget


def test_a_search_that_found_nothing_offers_no_finding_to_make(qtbot, make_panel, chat, sample):
    panel = make_panel()
    panel.set_context(sample, chat, section_id(sample, "Impact"), None)
    panel.ask("zebra giraffe")
    wait_idle(qtbot, panel)
    view = answers(panel)[-1]
    assert "no passage" in last_answer_text(panel)
    assert view.copy_button.isEnabled() and not view.finding_button.isEnabled()
