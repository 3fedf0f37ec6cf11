"""Several documents, the pure parts: finding them, the exit code, the index, the estimate
comparison, and the store's batch jobs and batch usage."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.ai.provider import AnalysisResult, Usage
from desktop_app.document import load
from desktop_app.review.frameworks import find_framework
from desktop_app.review.index import IndexEntry, RunIndex
from desktop_app.session import ProviderIdentity, ReviewSession, Storage
from desktop_app.session.batch import CostComparison, compare_costs
from desktop_app.session.folder import find_documents, worst_exit
from desktop_app.store.db import DB_NAME, Database
from desktop_app.store.schema import MIGRATIONS
from tests.docx_factory import p, write_docx

MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"


def doc(path: Path, text: str = "The pump failed on day one. It recovered.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_docx(path, p("Part 1", "berschrift1") + p(text))


def test_folders_are_searched_recursively_and_the_rest_is_skipped_with_its_reason(tmp_path):
    root = tmp_path / "in"
    doc(root / "b.docx")
    doc(root / "A.DOCX")
    doc(root / "sub" / "b.docx")
    doc(root / "sub" / "deeper" / "c.docx")
    (root / "notes.txt").write_text("x")
    (root / "old.doc").write_bytes(b"x")
    (root / "macro.docm").write_bytes(b"x")
    (root / "~$b.docx").write_bytes(b"x")  # Word's lock file while b.docx is open
    (root / ".DS_Store").write_bytes(b"x")  # hidden, and no document: not even listed
    doc(root / "._b.docx")  # hidden (macOS's metadata copy of b.docx on a shared drive)
    doc(root / "out" / "b (reviewed).docx")  # the run's own output folder
    named = doc(tmp_path / "elsewhere" / "b.docx")
    found = find_documents([root, named, root / "sub" / "b.docx", tmp_path / "missing.docx"],
                           exclude=[root / "out"])
    assert [i.relative for i in found.items] == [
        "A.DOCX", "b.docx", "sub/b.docx", "sub/deeper/c.docx", "b-2.docx", "missing.docx"]
    assert found.items[4].path == str(named.absolute())  # the same name, another file
    reasons = {Path(path).name: reason for path, reason in found.skipped}
    assert reasons == {
        "notes.txt": "not a .docx file",
        "old.doc": "a Word 97-2003 document: save it as .docx to review it",
        "macro.docm": "not a .docx (macro-enabled): name it on the command line to review it",
        "~$b.docx": "a Word lock file (the document is open in Word)",
        "._b.docx": "a hidden file (name it on the command line to review it)"}


def test_a_missing_file_is_tried_so_that_the_loader_says_why(tmp_path):
    found = find_documents([tmp_path / "gone.docx"])
    assert [i.relative for i in found.items] == ["gone.docx"] and not found.skipped


@pytest.mark.parametrize("codes, worst", [
    ([0, 0], 0), ([0, 5], 5), ([5, 6], 6), ([6, 3], 3), ([3, 4], 4), ([4, 1], 1),
    ([5, 3, 0], 3), ([], 0)])
def test_the_run_exits_with_its_worst_documents_code(codes, worst):
    assert worst_exit(codes) == worst


def test_the_cost_comparison_says_which_is_cheaper(tmp_path):
    cheaper = CostComparison(MODEL, 100, on_demand_usd=4.0, batch_usd=3.0)
    assert cheaper.batch_cheaper and "batch is cheaper by 25 %" in cheaper.summary()
    dearer = CostComparison(MODEL, 100, on_demand_usd=2.0, batch_usd=3.0)
    assert dearer.batch_cheaper is False and "on demand is cheaper by 33 %" in dearer.summary()
    unknown = CostComparison("some.model", 3, None, None)
    assert unknown.batch_cheaper is None and "cannot be compared" in unknown.summary()
    # From real estimates: the section alone, the prompt cache on demand, half price batch.
    document = load(str(doc(tmp_path / "d.docx")))
    real = compare_costs([(document, find_framework(None), list(document.walk()))], [MODEL])
    assert real.requests == 1 and real.on_demand_usd > 0 and real.batch_usd > 0
    assert real.batch_usd < real.on_demand_usd  # one request: nothing read from the cache


def test_the_index_lists_each_document_and_the_totals():
    report = {
        "document": {"title": "A", "path": "/a.docx", "sha256": "x"},
        "sections": [
            {"id": "s1", "title": "One", "status": "done", "error": None, "findings": [
                {"severity": "major"}, {"severity": "minor"}]},
            {"id": "s2", "title": "Two", "status": "failed", "error": "too long",
             "findings": []}],
        "usage": {"requests": 2, "estimated_cost_usd": 0.5,
                  "batch": {"records": 1, "estimated_cost_usd": 0.2}}}
    index = RunIndex({"name": "bedrock", "models": [MODEL], "region": None}, "General",
                     "batch", entries=[
                         IndexEntry("/a.docx", "a.docx", "failed", 5, report=report,
                                    reports=["/o/a.json"]),
                         IndexEntry("/b.docx", "b.docx", "cannot-open", 3,
                                    reason="damaged")],
                     skipped=[("/n.txt", "not a .docx file")])
    index.exit_code = 3
    data = index.to_json()
    assert data["schema"] == "margin.index/1" and data["complete"] and data["exit_code"] == 3
    a, b = data["documents"]
    assert a["sections"] == {"total": 2, "done": 1, "failed": 1, "cancelled": 0, "skipped": 0}
    assert a["findings"] == {"critical": 0, "major": 1, "minor": 1, "suggestion": 0}
    assert a["failures"] == [{"section": "s2", "title": "Two", "status": "failed",
                              "error": "too long"}]
    assert a["estimated_cost_usd"] == 0.5 and a["exit_code"] == 5
    assert b["status"] == "cannot-open" and b["reason"] == "damaged" and b["usage"] is None
    totals = data["totals"]
    assert totals["documents"] == 2 and totals["failed"] == 1 and totals["cannot-open"] == 1
    assert totals["estimated_cost_usd"] == 0.5 and totals["batch_cost_usd"] == 0.2
    assert data["skipped"] == [{"path": "/n.txt", "reason": "not a .docx file"}]


def test_a_version_2_store_migrates_keeping_its_usage_as_on_demand(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        for script in MIGRATIONS[:2]:
            for statement in script:
                conn.execute(statement)
        conn.execute("INSERT INTO documents (id, path, sha256) VALUES (1, '/a.docx', 'x')")
        conn.execute("INSERT INTO reviews (id, document_id, framework_name, framework_identity,"
                     " provider_name, provider_identity) VALUES (1, 1, 'F', 'f', 'bedrock', 'p')")
        conn.execute("INSERT INTO usage_events (review_id, kind, model, requests, input_tokens)"
                     f" VALUES (1, 'analysis', '{MODEL}', 1, 1000)")
        conn.execute("PRAGMA user_version=2")
        conn.commit()
    db = Database(folder)
    try:
        assert db.query("PRAGMA user_version")[0][0] == len(MIGRATIONS) == 5
        assert db.query("SELECT batch FROM usage_events")[0][0] == 0
        assert db.query("SELECT COUNT(*) FROM batch_jobs")[0][0] == 0
    finally:
        db.close()


def test_batch_jobs_and_batch_usage_in_the_store(tmp_path):
    storage = Storage(lambda: tmp_path)
    document = load(str(doc(tmp_path / "d.docx")))
    session = ReviewSession(document, find_framework(None), storage,
                            ProviderIdentity("bedrock", (MODEL,), "p"))
    sid = next(document.walk()).id
    storage.save_batch_job("margin-1", '{"handle": 1}', None)
    storage.save_batch_job("margin-1", '{"handle": 2}', "arn:job/1")  # the ARN, at once
    [job] = storage.batch_jobs()
    assert (job.job_arn, job.handle, job.state, job.open) == ("arn:job/1", '{"handle": 2}',
                                                             "Prepared", True)
    storage.set_batch_state("margin-1", "InProgress")
    assert storage.batch_jobs()[0].state == "InProgress"
    session.record_batch_usage(sid, MODEL, Usage(requests=1, input_tokens=1_000_000))
    session.record_result(sid, AnalysisResult([], MODEL, Usage()), "claude")
    stats, _from_memory = session.statistics()
    assert stats.usage_by_model == {} and stats.batch_usage_by_model[MODEL].input_tokens == 10**6
    assert stats.batch_cost_by_model[MODEL] == pytest.approx(1.5)  # $3/M at half the price
    assert stats.estimated_cost_usd == pytest.approx(1.5)
    run = session.review_run("bedrock", [MODEL], None, started=session.opened)
    assert run.batch_cost() == pytest.approx(1.5) and run.cost() == pytest.approx(1.5)
    storage.set_batch_state("margin-1", "Completed", open=False)
    assert storage.batch_jobs() == [] and storage.batch_jobs(open_only=False)[0].open is False
    session.close()
    storage.close()
