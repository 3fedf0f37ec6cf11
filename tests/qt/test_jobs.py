"""The worker pattern: results and errors arrive on the GUI thread, nothing is lost."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from desktop_app.ai.provider import AnalysisRequest, CancelToken, ProviderError
from desktop_app.review.frameworks import find_framework
from desktop_app.workers.analysis_job import AnalysisJob, SectionTask
from desktop_app.workers.jobs import Job, JobRunner


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = JobRunner()
    yield r
    assert r.shutdown(5_000)


def test_result_arrives_on_the_gui_thread(qtbot, runner: JobRunner) -> None:
    seen: list[tuple[object, bool]] = []
    job = Job(lambda a, b=0: (a + b, threading.current_thread() is threading.main_thread()), 2, b=3)
    job.signals.finished.connect(
        lambda result: seen.append((result, threading.current_thread() is threading.main_thread()))
    )
    with qtbot.waitSignals([job.signals.started, job.signals.finished], order="strict"):
        runner.start(job)
    # The callable ran on a pool thread; the slot ran on the GUI thread.
    assert seen == [((5, False), True)]
    qtbot.waitUntil(lambda: runner.active == 0)


def test_exception_is_reported_not_raised(qtbot, runner: JobRunner) -> None:
    def boom() -> None:
        raise ValueError("bad input")

    job = Job(boom)
    with qtbot.waitSignal(job.signals.failed) as blocker:
        runner.start(job)
    assert isinstance(blocker.args[0], ValueError)
    assert str(blocker.args[0]) == "bad input"
    qtbot.waitUntil(lambda: runner.active == 0)


def test_runner_keeps_jobs_nobody_else_holds(qtbot, runner: JobRunner) -> None:
    results: list[int] = []
    gate = threading.Event()
    for n in range(20):
        job = Job(lambda n=n: gate.wait(5) and n)
        job.signals.finished.connect(results.append)
        runner.start(job)
    del job
    gc.collect()  # the only references left are the runner's
    assert runner.active == 20
    gate.set()
    qtbot.waitUntil(lambda: len(results) == 20)
    assert sorted(results) == list(range(20))
    qtbot.waitUntil(lambda: runner.active == 0)


def test_cancel_all_reports_queued_jobs_and_lets_the_running_one_finish(qtbot) -> None:
    runner = JobRunner(max_threads=1)
    gate = threading.Event()
    first = Job(gate.wait, 5)
    queued = [Job(lambda: "never") for _ in range(3)]
    ran: list[object] = []
    cancelled: list[int] = []
    first.signals.started.connect(lambda: ran.append("first started"))
    for n, job in enumerate(queued):
        job.signals.finished.connect(ran.append)
        job.signals.cancelled.connect(lambda n=n: cancelled.append(n))
    with qtbot.waitSignal(first.signals.started):
        runner.start(first)
        for job in queued:
            runner.start(job)
    runner.cancel_all()
    assert cancelled == [0, 1, 2]
    with qtbot.waitSignal(first.signals.finished) as blocker:
        gate.set()
    assert blocker.args == [True]
    assert ran == ["first started"]
    qtbot.waitUntil(lambda: runner.active == 0)
    assert runner.shutdown(5_000)


def test_shutdown_waits_for_running_jobs(qtbot) -> None:
    runner = JobRunner(max_threads=1)
    started = threading.Event()
    release = threading.Event()
    finished_in_thread = threading.Event()

    def work() -> None:
        started.set()
        release.wait(5)
        finished_in_thread.set()

    runner.start(Job(work))
    assert started.wait(5)
    threading.Timer(0.05, release.set).start()  # frees the job while shutdown blocks
    assert runner.shutdown(5_000) is True
    assert finished_in_thread.is_set()
    assert runner.active == 0


def test_shutdown_reports_a_job_that_will_not_stop(qtbot) -> None:
    runner = JobRunner(max_threads=1)
    started = threading.Event()
    release = threading.Event()
    runner.start(Job(lambda: (started.set(), release.wait(5))))
    assert started.wait(5)
    assert runner.shutdown(10) is False
    release.set()
    assert runner.shutdown(5_000) is True


def test_jobs_are_freed_once_reported(qtbot) -> None:
    runner = JobRunner(max_threads=1)
    gate = threading.Event()
    blocker_job = Job(gate.wait, 5)
    done = [Job(lambda: 1) for _ in range(3)]
    queued = [Job(lambda: 2) for _ in range(2)]
    refs = [weakref.ref(j) for j in [blocker_job, *done, *queued]]
    for job in done:
        with qtbot.waitSignal(job.signals.finished):
            runner.start(job)
    with qtbot.waitSignal(blocker_job.signals.started):
        runner.start(blocker_job)
    for job in queued:
        runner.start(job)
    runner.cancel_all()  # the queued two are taken back and never run
    gate.set()
    assert runner.shutdown(5_000)
    del job, done, queued, blocker_job
    gc.collect()
    # Neither the pool nor a signal connection keeps a finished or cancelled job alive.
    assert [r() for r in refs] == [None] * 6


SECRET = "the QUOKKA-7F3A plant failed"


class _Exploding:
    name, models = "exploding", ["x"]

    def cache_identity(self) -> str:
        return "exploding"

    def analyse(self, request: AnalysisRequest, cancel: CancelToken):
        raise KeyError(request.text)  # a bug whose words are the section


def test_a_job_that_breaks_fails_without_the_section_text(qtbot):
    job = AnalysisJob(SectionTask("s1", "Title", SECRET, (SECRET,)), _Exploding(),
                      find_framework(None))
    got: list = []
    job.signals.failed.connect(lambda _sid, err: got.append(err))
    job.run()
    (err,) = got
    assert isinstance(err, ProviderError) and "KeyError" in err.message
    assert "QUOKKA" not in err.message
