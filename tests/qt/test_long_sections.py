"""A section too long for one request is analysed in parts and still reported
as one section: finding ids unique across its parts, every quote anchored in
the part it came from, and the whole answer saved in the review store."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.ai.local_reviewer import LocalProvider
from desktop_app.ai.provider import AnalysisRequest, AnalysisResult, CancelToken, Usage
from desktop_app.document import load
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import find_framework
from desktop_app.store.db import Database
from desktop_app.store.results import framework_identity, section_hash
from desktop_app.store.reviews import ReviewStore
from desktop_app.workers import analysis_job
from desktop_app.workers.analysis_job import AnalysisJob, SectionTask
from tests.docx_factory import p, write_docx

REPEATED = "TODO: the figures are missing. It was decided that the pump is replaced."


def _long_doc(tmp_path: Path, paragraphs: list[str]):
    body = p("Operations", "berschrift1") + "".join(p(t) for t in paragraphs)
    return load(str(write_docx(tmp_path / "long.docx", body)))


def _run(job: AnalysisJob) -> AnalysisResult:
    """The job's run() on this thread, its result caught as the dispatcher would."""
    got: list = []
    job.signals.finished.connect(got.append)  # the one job base: finished(result)
    job.signals.failed.connect(got.append)
    job.run()
    (result,) = got
    assert isinstance(result, AnalysisResult), result
    return result


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr(analysis_job, "MAX_PART_CHARS", 400)
    # Every repeat reported on its own, in every part: the built-in reviewer's noise
    # budget (merged repeats, caps) would otherwise keep the first few, all in part 1.
    from desktop_app.ai.rules import review_pass

    monkeypatch.setattr(review_pass, "merge_repeats", lambda hits, text, merge=None: list(hits))
    monkeypatch.setattr(review_pass, "cap_section", lambda spec, hits: hits)
    monkeypatch.setattr(review_pass, "cap_document", lambda spec, per_section: per_section)


@pytest.mark.usefixtures("report_like")  # its passive is raised: two findings per part
def test_built_in_reviewer_gives_ids_unique_across_parts_and_all_are_saved(
        qtbot, tmp_path, small_parts):
    doc = _long_doc(tmp_path, [REPEATED] * 40)  # the same findings in every part
    (section,) = doc.walk()
    task = SectionTask.from_section(section)
    assert len(task.parts) >= 8
    framework = find_framework(None)
    result = _run(AnalysisJob(task, LocalProvider.for_document(doc), framework))
    ids = [f.id for f in result.findings]
    assert len(ids) >= 80 and len(set(ids)) == len(ids)

    db = Database(tmp_path / "store")
    try:
        store = ReviewStore(db)
        state = store.open_or_create_review(doc, framework_identity(framework), framework.name,
                                            "local", [])
        record = store.record_result(state.review_id, section.id,
                                     section_hash(section.title, section.text), result)
        assert record is not None and record.status == "done"
        assert len(record.findings) == len(result.findings)
    finally:
        db.close()


def test_built_in_reviewer_anchors_each_part_finding_in_its_own_part(
        qtbot, tmp_path, small_parts):
    doc = _long_doc(tmp_path, [REPEATED] * 40)
    (section,) = doc.walk()
    result = _run(AnalysisJob(SectionTask.from_section(section),
                              LocalProvider.for_document(doc), find_framework(None)))
    todo = [f for f in result.findings if f.quote.startswith("TODO")]
    assert len(todo) == 40
    starts = [f.start for f in todo]
    assert starts == sorted(set(starts)), "two parts' findings on one occurrence"
    for f in todo:
        assert section.text[f.start:f.end] == f.quote


class QuotingProvider:
    """A model that, in the last part, quotes a sentence every part contains."""

    name = "quoting"
    models = ["quoting-1"]

    def cache_identity(self) -> str:
        return "quoting/1"

    def analyse(self, request: AnalysisRequest, cancel: CancelToken) -> AnalysisResult:
        if request.part != request.parts:
            return AnalysisResult([], "quoting-1", Usage(requests=1))
        quote = "The valve was closed"
        return AnalysisResult([Finding("clarity", "minor", 0.9, quote, "Which valve?", "Name it.")],
                              "quoting-1", Usage(requests=1))


def test_model_quote_in_a_later_part_anchors_there_not_at_the_first_occurrence(
        qtbot, tmp_path, small_parts):
    paragraphs = [f"Line {i}: the pressure was checked. The valve was closed." for i in range(30)]
    doc = _long_doc(tmp_path, paragraphs)
    (section,) = doc.walk()
    task = SectionTask.from_section(section)
    last_start = section.text.rfind(task.parts[-1])
    result = _run(AnalysisJob(task, QuotingProvider(), find_framework(None)))
    (finding,) = result.findings
    assert finding.anchored
    assert finding.start >= last_start, (
        f"anchored at {finding.start}, in the first part, not in the last ({last_start})")
    assert section.text[finding.start:finding.end] == "The valve was closed"
