"""The dispatcher: jobs per section, signals, cache, cancel, retry, fatal errors.

The provider here is a scripted test double with the real Provider interface;
end-to-end runs against the fake Bedrock server live in tests/e2e.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.ai.pacer import PaceState
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    CancelToken,
    FailureKind,
    ProviderError,
    Usage,
)
from desktop_app.document import load
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import find_framework
from desktop_app.session import SectionStatus
from desktop_app.store.db import Database
from desktop_app.store.results import ResultCache
from desktop_app.workers.dispatcher import Dispatcher
from tests.docx_factory import p, write_docx


class ScriptedProvider:
    """Quotes the first words of each section; behaviour per section title."""

    name = "scripted"

    def __init__(self) -> None:
        self.calls: list[AnalysisRequest] = []
        self.fail: dict[str, ProviderError] = {}
        self.block: dict[str, threading.Event] = {}
        self.lock = threading.Lock()

    @property
    def models(self) -> list[str]:
        return ["scripted-1"]

    def cache_identity(self) -> str:
        return "scripted/v1"

    def analyse(self, request: AnalysisRequest, cancel: CancelToken) -> AnalysisResult:
        with self.lock:
            self.calls.append(request)
        gate = self.block.get(request.title)
        if gate is not None:
            while not gate.wait(0.01):
                if cancel.cancelled:
                    raise Cancelled()
        if request.title in self.fail:
            raise self.fail[request.title]
        quote = " ".join(request.text.split()[:3])
        finding = Finding("clarity", "minor", 0.8, quote, f"issue in {request.title}", "fix")
        return AnalysisResult([finding], "scripted-1", Usage(requests=1, input_tokens=10))


def _doc(tmp_path: Path, n: int = 5):
    body = "".join(p(f"Section {i}", "berschrift1") + p(f"Text of section {i} here.")
                   for i in range(n))
    return load(str(write_docx(tmp_path / "d.docx", body)))


@pytest.fixture
def cache(tmp_path: Path):
    db = Database(tmp_path / "store")
    yield ResultCache(db)
    db.close()


@pytest.fixture
def make_dispatcher(qtbot):
    made = []

    def make(provider, cache=None, threads=4):
        d = Dispatcher(provider, find_framework(None), cache=cache, max_threads=threads)
        made.append(d)
        return d

    yield make
    for d in made:
        assert d.shutdown(10_000)


def test_every_section_finishes_with_anchored_findings(qtbot, tmp_path, make_dispatcher):
    doc = _doc(tmp_path)
    d = make_dispatcher(ScriptedProvider())
    results = {}
    d.section_finished.connect(lambda sid, r: results.__setitem__(sid, r))
    with qtbot.waitSignal(d.run_finished, timeout=10_000) as blocker:
        d.analyse(list(doc.walk()))
    progress = blocker.args[0]
    assert progress.done == 5 and progress.failed == 0 and progress.total == 5
    assert set(results) == {s.id for s in doc.walk()}
    for sid, result in results.items():
        (finding,) = result.findings
        assert finding.anchored and finding.id.startswith("f-")
        assert doc.section(sid).text[finding.start:finding.end] == finding.quote
    assert all(state is SectionStatus.DONE for state in d.states.values())


def test_states_go_queued_running_done_in_order(qtbot, tmp_path, make_dispatcher):
    doc = _doc(tmp_path, 1)
    d = make_dispatcher(ScriptedProvider())
    seen = []
    d.section_state_changed.connect(lambda sid, st: seen.append(st))
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.analyse(list(doc.walk()))
    # The one status type, carried by the signal as itself (not a string).
    assert seen == [SectionStatus.QUEUED, SectionStatus.RUNNING, SectionStatus.DONE]
    assert all(type(st) is SectionStatus for st in seen)


def test_unchanged_sections_come_from_the_cache_unless_forced(qtbot, tmp_path, make_dispatcher,
                                                              cache):
    doc = _doc(tmp_path, 3)
    provider = ScriptedProvider()
    d = make_dispatcher(provider, cache)
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.analyse(list(doc.walk()))
    assert len(provider.calls) == 3
    cached = []
    d.section_finished.connect(lambda sid, r: cached.append(r.from_cache))
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.analyse(list(doc.walk()))
    assert len(provider.calls) == 3 and cached == [True, True, True]
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.analyse(list(doc.walk()), force=True)
    assert len(provider.calls) == 6


def test_failure_is_reported_and_retry_runs_only_failed(qtbot, tmp_path, make_dispatcher):
    doc = _doc(tmp_path, 3)
    provider = ScriptedProvider()
    provider.fail["Section 1"] = ProviderError(FailureKind.THROTTLED, "still throttled")
    d = make_dispatcher(provider)
    failures = []
    d.section_failed.connect(lambda sid, err: failures.append((sid, err.message)))
    with qtbot.waitSignal(d.run_finished, timeout=10_000) as blocker:
        d.analyse(list(doc.walk()))
    assert blocker.args[0].failed == 1 and blocker.args[0].done == 2
    sid = next(s.id for s in doc.walk() if s.title == "Section 1")
    assert failures == [(sid, "still throttled")] and d.errors[sid].message == "still throttled"
    del provider.fail["Section 1"]
    calls_before = len(provider.calls)
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.retry_failed()
    assert [c.title for c in provider.calls[calls_before:]] == ["Section 1"]
    assert d.states[sid] is SectionStatus.DONE and sid not in d.errors


def test_cancel_all_stops_running_and_queued_jobs(qtbot, tmp_path, make_dispatcher):
    doc = _doc(tmp_path, 6)
    provider = ScriptedProvider()
    gate = threading.Event()
    for s in doc.walk():
        provider.block[s.title] = gate  # nothing finishes until cancelled
    d = make_dispatcher(provider, threads=2)
    with qtbot.waitSignals([d.section_state_changed] * 2, timeout=10_000):
        d.analyse(list(doc.walk()))
    qtbot.waitUntil(lambda: list(d.states.values()).count(SectionStatus.RUNNING) == 2)
    with qtbot.waitSignal(d.run_finished, timeout=10_000) as blocker:
        d.cancel_all()
    assert blocker.args[0].cancelled == 6
    assert all(st is SectionStatus.CANCELLED for st in d.states.values())
    assert len(provider.calls) == 2  # the queued four never reached the provider


def test_fatal_provider_error_cancels_the_rest(qtbot, tmp_path, make_dispatcher):
    doc = _doc(tmp_path, 4)
    sections = list(doc.walk())
    provider = ScriptedProvider()
    provider.fail[sections[0].title] = ProviderError(
        FailureKind.NO_CREDENTIALS, "no credentials", fatal=True)
    gate = threading.Event()  # never set: the others wait until cancelled
    for s in sections[1:]:
        provider.block[s.title] = gate
    d = make_dispatcher(provider, threads=1)
    with qtbot.waitSignal(d.provider_unusable, timeout=10_000) as blocker:
        d.analyse(sections)
    assert blocker.args[0].message == "no credentials"
    qtbot.waitUntil(lambda: not d.busy, timeout=10_000)
    states = [d.states[s.id] for s in sections]
    assert states == [SectionStatus.FAILED] + [SectionStatus.CANCELLED] * 3
    assert len(provider.calls) <= 2  # at most the one already running when the error came


def test_long_section_is_analysed_in_parts_and_reported_as_one(qtbot, tmp_path, make_dispatcher,
                                                               monkeypatch):
    import desktop_app.workers.analysis_job as job_module

    monkeypatch.setattr(job_module, "MAX_PART_CHARS", 200)
    body = p("Long", "berschrift1") + "".join(p(f"Paragraph {i} " + "word " * 20)
                                              for i in range(10))
    doc = load(str(write_docx(tmp_path / "long.docx", body)))
    provider = ScriptedProvider()
    d = make_dispatcher(provider)
    results = []
    d.section_finished.connect(lambda sid, r: results.append(r))
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.analyse(list(doc.walk()))
    assert len(provider.calls) > 3
    assert {c.parts for c in provider.calls} == {len(provider.calls)}
    assert [c.part for c in provider.calls] == list(range(1, len(provider.calls) + 1))
    (result,) = results
    assert len(result.findings) == len(provider.calls)
    assert result.usage.requests == len(provider.calls)
    assert all(f.anchored for f in result.findings)


def test_its_jobs_are_freed_once_they_report(qtbot, tmp_path, make_dispatcher, monkeypatch):
    """The dispatcher runs its jobs on the one JobRunner: finished, failed and cancelled
    jobs alike are let go, so a long run does not keep a job per section."""
    import gc
    import weakref

    from desktop_app.workers import dispatcher as module

    made: list[weakref.ref] = []

    class Tracked(module.AnalysisJob):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            made.append(weakref.ref(self))

    monkeypatch.setattr(module, "AnalysisJob", Tracked)
    doc = _doc(tmp_path, 6)
    provider = ScriptedProvider()
    provider.fail["Section 1"] = ProviderError(FailureKind.SERVICE, "HTTP 503")
    provider.block["Section 2"] = threading.Event()  # running until cancelled
    d = make_dispatcher(provider, threads=2)
    d.analyse(list(doc.walk()))
    qtbot.waitUntil(lambda: d.states.get(next(s.id for s in doc.walk()
                                              if s.title == "Section 2")) is
                    SectionStatus.RUNNING, timeout=10_000)
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        d.cancel_all()
    assert d.shutdown(10_000)
    gc.collect()
    assert made and [r() for r in made] == [None] * len(made)
    assert d.runner.active == 0


class PacedProvider(ScriptedProvider):
    """Reports a pace, as BedrockProvider does while Bedrock throttles."""

    def __init__(self) -> None:
        super().__init__()
        self.pace: PaceState | None = None

    def pace_state(self) -> PaceState | None:
        return self.pace


def test_progress_carries_the_pace_and_the_eta_follows_it(qtbot, tmp_path, make_dispatcher):
    doc = _doc(tmp_path, 6)
    provider = PacedProvider()
    gate = threading.Event()
    for s in list(doc.walk())[1:]:
        provider.block[s.title] = gate  # one finishes quickly, the rest wait
    d = make_dispatcher(provider, threads=2)
    seen: list = []
    d.progress_changed.connect(lambda p: seen.append((p.pace, p.eta_seconds)))
    d.analyse(list(doc.walk()))
    qtbot.waitUntil(lambda: d.progress.done == 1, timeout=10_000)
    # One section in a moment: the run's own pace says the rest take moments too.
    assert d.progress.eta_seconds < 5
    # Bedrock starts throttling at 6 requests a minute: read within a second,
    # and the five sections left now take about 50 s.
    provider.pace = PaceState(model="m", requests_per_minute=6, sends_per_minute=6,
                              throttled=True, refusals=3)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] is provider.pace, timeout=3_000)
    assert seen[-1][1] == pytest.approx(50)
    with qtbot.waitSignal(d.run_finished, timeout=10_000):
        gate.set()
    assert not d._pace_timer.isActive()  # idle: nothing polled


def test_a_job_saving_its_answer_does_not_hold_back_the_next_sections_request(
        qtbot, tmp_path) -> None:
    """One section requested at a time; the first's answer is saved on its thread
    (`presave`), slowly: the second section is asked meanwhile, and each answer is
    reported with what its save returned."""
    doc = _doc(tmp_path, 2)
    first, second = (s.id for s in doc.walk())
    provider = ScriptedProvider()
    saving = threading.Event()
    release = threading.Event()

    def presave(sid: str, result: AnalysisResult) -> object:
        if sid == first:
            saving.set()
            assert release.wait(10)
        return f"saved {sid}"

    d = Dispatcher(provider, find_framework(None), max_threads=1, presave=presave)
    reported: list[tuple[str, object]] = []
    d.section_finished.connect(lambda sid, _r: reported.append((sid, d.take_saved(sid))))
    try:
        d.analyse(list(doc.walk()))
        qtbot.waitUntil(lambda: len(provider.calls) == 2, timeout=10_000)
        assert saving.is_set() and first not in dict(reported)  # asked while it saves
        with qtbot.waitSignal(d.run_finished, timeout=10_000):
            release.set()
        assert sorted(reported) == [(first, f"saved {first}"), (second, f"saved {second}")]
    finally:
        release.set()
        assert d.shutdown(10_000)


def _same_text_docs(tmp_path: Path):
    """Two documents whose only section has the same title and text."""
    body = p("Scope", "berschrift1") + p("The same words in both documents here.")
    return [load(str(write_docx(tmp_path / f"{name}.docx", body))) for name in ("a", "b")]


def test_a_section_whose_text_is_being_asked_about_waits_for_that_answer(
        qtbot, tmp_path, cache, make_dispatcher):
    """Two documents of a folder run share the cache: a section of the same text as one
    in flight takes that answer instead of paying for the same request again."""
    from desktop_app.session.result_cache import SafeCache

    shared = SafeCache(cache)
    provider = ScriptedProvider()
    gate = provider.block["Scope"] = threading.Event()
    first, second = (make_dispatcher(provider, cache=shared) for _ in range(2))
    doc_a, doc_b = _same_text_docs(tmp_path)
    first.analyse(list(doc_a.walk()))
    qtbot.waitUntil(lambda: len(provider.calls) == 1, timeout=10_000)
    with qtbot.waitSignal(second.run_finished, timeout=10_000) as blocker:
        second.analyse(list(doc_b.walk()))  # in flight in `first`: not in the cache yet
        qtbot.wait(100)
        assert second.busy and len(provider.calls) == 1  # it waits, it does not ask
        gate.set()
    assert len(provider.calls) == 1
    assert blocker.args[0].done == 1 and blocker.args[0].cached == 1


def test_a_section_queued_before_its_twin_was_answered_takes_that_answer(
        qtbot, tmp_path, cache, make_dispatcher):
    """The twin's answer came while this section was still queued (not yet asked, so not
    waiting on it): it takes the answer from the cache instead of asking again (a
    folder run under load asked 7 times for 6 texts)."""
    from desktop_app.session.result_cache import SafeCache

    shared = SafeCache(cache)
    provider = ScriptedProvider()
    scope = provider.block["Scope"] = threading.Event()
    hold = provider.block["Hold"] = threading.Event()
    first = make_dispatcher(provider, cache=shared)
    second = make_dispatcher(provider, cache=shared, threads=1)
    doc_a, _ = _same_text_docs(tmp_path)
    body = (p("Hold", "berschrift1") + p("Another section, asked first and slowly.")
            + p("Scope", "berschrift1") + p("The same words in both documents here."))
    doc_b = load(str(write_docx(tmp_path / "held.docx", body)))
    first.analyse(list(doc_a.walk()))
    second.analyse(list(doc_b.walk()))  # "Hold" asked; "Scope" queued behind it
    qtbot.waitUntil(lambda: len(provider.calls) == 2, timeout=10_000)
    with qtbot.waitSignal(first.run_finished, timeout=10_000):
        scope.set()  # the twin is answered while "Scope" of doc b is still queued
    with qtbot.waitSignal(second.run_finished, timeout=10_000) as blocker:
        hold.set()
    assert len(provider.calls) == 2
    assert blocker.args[0].done == 2 and blocker.args[0].cached == 1


def test_a_section_waiting_for_a_request_that_failed_asks_itself(
        qtbot, tmp_path, cache, make_dispatcher):
    from desktop_app.session.result_cache import SafeCache

    shared = SafeCache(cache)
    provider = ScriptedProvider()
    gate = provider.block["Scope"] = threading.Event()
    provider.fail["Scope"] = ProviderError(FailureKind.THROTTLED, "slow down")
    first, second = (make_dispatcher(provider, cache=shared) for _ in range(2))
    doc_a, doc_b = _same_text_docs(tmp_path)
    first.analyse(list(doc_a.walk()))
    qtbot.waitUntil(lambda: len(provider.calls) == 1, timeout=10_000)
    second.analyse(list(doc_b.walk()))
    qtbot.wait(100)
    assert len(provider.calls) == 1
    with qtbot.waitSignal(second.run_finished, timeout=10_000):
        gate.set()  # the first request fails; the waiting section asks for itself
    assert len(provider.calls) == 2
