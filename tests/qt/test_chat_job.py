"""ChatJob on its own: signals, prompt cancelling, failures carrying partial text."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from desktop_app.ai.bedrock import BedrockProvider, StreamDelta, StreamEnd, StreamError
from desktop_app.ai.chat import ChatTask
from desktop_app.ai.provider import CancelToken, FailureKind, Usage
from desktop_app.document.model import Document, Paragraph, Section, SectionOrigin
from desktop_app.workers.chat_job import ChatJob
from desktop_app.workers.jobs import JobRunner
from tests.conftest_bedrock import PRIMARY
from tests.fake_bedrock import FakeBedrock, Reply


def tiny_doc() -> Document:
    section = Section("s1", "Pumps", 1, SectionOrigin.STYLE, None,
                      [Paragraph(0, "The pump failed at night.")])
    return Document("/tmp/t.docx", "0" * 64, "T", [section], 1)


@pytest.fixture
def runner(qtbot) -> Iterator[JobRunner]:  # type: ignore[no-untyped-def]
    runner = JobRunner(max_threads=2)
    yield runner
    assert runner.shutdown(10_000)


class Scripted:
    """A provider whose stream is a Python generator."""

    def __init__(self, items) -> None:  # type: ignore[no-untyped-def]
        self.items = items

    def converse_stream(self, messages, *, system=None, cancel=None, **_):  # type: ignore[no-untyped-def]
        yield from self.items(cancel)


def test_deltas_then_finished_with_citations(qtbot, runner: JobRunner):
    def items(cancel: CancelToken):
        yield StreamDelta("See ")
        yield StreamDelta("[§ s1].")
        yield StreamEnd("See [§ s1].", "model-x", "end_turn", Usage(requests=1))

    job = ChatJob(ChatTask(tiny_doc(), "q", "document"), Scripted(items))
    deltas: list[str] = []
    job.signals.delta.connect(deltas.append)
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as finished:
        runner.start(job)  # type: ignore[arg-type]
    result = finished.args[0]
    assert "".join(deltas) == "See [§ s1]." and deltas[0] == "See "
    assert result["text"] == "See [§ s1]." and result["model"] == "model-x"
    assert result["citations"] == ["s1"] and result["usage"].requests == 1
    assert not result["offline"] and job.first_delta_at > 0


def test_a_bug_mid_stream_fails_with_the_partial_text(qtbot, runner: JobRunner):
    def items(cancel: CancelToken):
        yield StreamDelta("Half an ")
        raise KeyError("boom")

    job = ChatJob(ChatTask(tiny_doc(), "q", "document"), Scripted(items))
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as failed:
        runner.start(job)  # type: ignore[arg-type]
    err = failed.args[0]
    assert isinstance(err, StreamError) and err.kind is FailureKind.INTERNAL
    assert err.partial_text == "Half an " and "KeyError" in err.message
    assert "boom" not in err.message  # an exception's words may be document text


def test_a_job_cancelled_before_it_runs_reports_cancelled(qtbot, runner: JobRunner):
    job = ChatJob(ChatTask(tiny_doc(), "q", "document"), None)
    job.cancel()
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        runner.start(job)  # type: ignore[arg-type]


def test_cancel_is_prompt_even_while_the_stream_waits_for_its_next_event(
        qtbot, runner: JobRunner, fake_bedrock: FakeBedrock, bedrock_provider):
    # Two seconds between events: a read blocked in boto3 cannot be interrupted,
    # so the job must stop waiting for it rather than wait it out.
    fake_bedrock.model(PRIMARY).queue(Reply.stream(["one ", "two ", "three"], delay=2.0))
    provider: BedrockProvider = bedrock_provider(read_timeout=10.0)
    job = ChatJob(ChatTask(tiny_doc(), "q", "document"), provider)
    deltas: list[str] = []
    job.signals.delta.connect(deltas.append)
    runner.start(job)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: deltas == ["one "], timeout=8000)
    started = time.perf_counter()
    with qtbot.waitSignal(job.signals.cancelled, timeout=2000):
        job.cancel()
    assert time.perf_counter() - started < 0.5


def test_offline_answers_come_from_the_search(qtbot, runner: JobRunner):
    job = ChatJob(ChatTask(tiny_doc(), "Why did the pump fail?", "document"), None)
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as finished:
        runner.start(job)  # type: ignore[arg-type]
    result = finished.args[0]
    assert result["offline"] and result["model"] is None
    assert "not a model" in result["text"] and result["citations"] == ["s1"]
