"""Every corpus document that opens is reviewed offline and exported, and the copy
reopens with one comment per accepted finding, on its quote (and one on each other
occurrence of a finding about a pattern that recurs, at most `MAX_OCCURRENCES`).

The built-in reviewer answers each section exactly as `margin review --provider
local` has it answered (the analysis job's own code: parts, anchoring, ids);
every finding is accepted, as with `--accept-all`. Each copy is then read by our
loader (same paragraphs and sections), by python-docx when it is transitional
(python-docx refuses Strict), and by an independent walk of the main part for
each comment's range. Documents run in spawned workers with a time limit each,
as test_corpus.py does, so one slow or hanging file fails alone.
"""

from __future__ import annotations

import multiprocessing
import tempfile
import time
import traceback
from pathlib import Path

import pytest

from tests.conftest import CORPUS, corpus_path

pytestmark = pytest.mark.corpus
PER_FILE_SECONDS = 180  # a hang guard: the handbook takes ~35 s on a busy machine


def review_and_export(path: str) -> dict:
    """In a worker: review `path` with the built-in reviewer, export, reopen, check."""
    import docx

    from desktop_app.ai.local_reviewer import LocalProvider
    from desktop_app.document import DocumentError, load
    from desktop_app.export.document_comments import MAX_OCCURRENCES, short_issue
    from desktop_app.export.docx_comments import export_reviewed_docx, select_for_export
    from desktop_app.review.frameworks import find_framework
    from desktop_app.workers.analysis_job import AnalysisJob, SectionTask
    from tests.docx_inspect import inspect

    start = time.perf_counter()
    try:
        doc = load(path)
    except DocumentError as err:
        return {"status": "refused", "reason": err.reason}
    try:
        provider, framework = LocalProvider.for_document(doc), find_framework(None)
        chosen = {}
        for section in doc.walk():
            job = AnalysisJob(SectionTask.from_section(section), provider, framework, doc.title)
            chosen[section.id], _ = select_for_export(job.work().findings, accept_all=True)
        findings = [f for fs in chosen.values() for f in fs]
        before = inspect(Path(path)) if _has_comments(path) else None
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "reviewed.docx"
            summary = export_reviewed_docx(path, doc, chosen, out)
            got = inspect(out)
            again = load(str(out))
            pydocx = None if got.strict else len(docx.Document(str(out)).comments)
        problems = []
        old = set(before.comments) if before else set()
        new = {cid: text for cid, text in got.comments.items() if cid not in old}
        # a finding's own comment, and one on each other anchored occurrence
        expected = sum(1 + min(MAX_OCCURRENCES - 1, sum(q.anchored for q in f.quotes[1:]))
                       for f in findings)
        if len(new) != expected or summary.comments != expected:
            problems.append(f"{len(new)} new comments, {summary.comments} said, "
                            f"{len(findings)} findings, {expected} places")
        if pydocx is not None and pydocx != len(got.comments):
            problems.append(f"python-docx reads {pydocx} comments, not {len(got.comments)}")
        if [s.title for s in again.walk()] != [s.title for s in doc.walk()] or (
                again.paragraph_count != doc.paragraph_count):
            problems.append("the copy reads as other sections or paragraphs")
        exact = 0
        for cid, text in new.items():
            if not got.ranges.get(cid) or not got.ranges[cid].closed:
                problems.append(f"comment {cid} has no closed range")
                continue
            # a comment's text holds its finding's issue verbatim (issues may span lines)
            quotes = {_plain(f.quote) for f in findings if f.anchored and f.issue in text}
            quotes |= {_plain(q.quote) for f in findings for n, q in enumerate(f.quotes, 1)
                       if n > 1 and short_issue(f, n, len(f.quotes)) in text}
            exact += _plain(got.ranges[cid].text) in quotes
        if exact < summary.on_quote:
            problems.append(f"{exact} ranges hold their quote, {summary.on_quote} said exact")
        return {"status": "exported" if not problems else "wrong", "problems": problems,
                "findings": len(findings), "on_quote": summary.on_quote,
                "widened": summary.widened, "on_heading": summary.on_heading,
                "strict": got.strict, "notes": summary.notes,
                "seconds": time.perf_counter() - start}
    except BaseException:  # noqa: BLE001 - reported back as a failure of this file
        return {"status": "crash", "error": traceback.format_exc()}


def _plain(text: str) -> str:
    """Text without layout: section text joins a cell's paragraphs with a space and
    cells with " | ", where the range reader sees paragraph breaks."""
    return " ".join(text.replace(" | ", " ").split())


def _has_comments(path: str) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return any(n.endswith("comments.xml") for n in zf.namelist())
    except zipfile.BadZipFile:
        return False


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    root = corpus_path()
    files = sorted(str(p.relative_to(root)) for p in root.glob("*/*.docx"))
    ctx = multiprocessing.get_context("spawn")
    out: dict[str, dict] = {}
    with ctx.Pool(2) as pool:
        # The largest first, so that the 872-page handbook does not finish alone at the end.
        by_size = sorted(files, key=lambda rel: -(root / rel).stat().st_size)
        pending = {rel: pool.apply_async(review_and_export, (str(root / rel),)) for rel in by_size}
        for rel, job in pending.items():
            try:
                out[rel] = job.get(timeout=PER_FILE_SECONDS)
            except multiprocessing.TimeoutError:
                out[rel] = {"status": "hang"}
        pool.terminate()
    return out


def _files() -> list[str]:
    if not CORPUS.is_dir():
        return ["(corpus missing)"]
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.docx"))


@pytest.mark.parametrize("rel", _files())
def test_every_document_that_opens_is_reviewed_and_exported(results: dict, rel: str):
    r = results[rel]
    if r["status"] == "refused":
        return  # test_corpus.py checks that it is refused for the right reason
    assert r["status"] == "exported", f"{rel}: {r}"


def test_the_corpus_numbers(results: dict):
    opened = [r for r in results.values() if r["status"] != "refused"]
    exported = [r for r in opened if r["status"] == "exported"]
    findings = sum(r["findings"] for r in exported)
    assert len(opened) >= 120 and len(exported) == len(opened)
    assert sum(r["strict"] for r in exported) == 3
    # The built-in reviewer's noise budget (issue 14) cut the corpus from ~3,000 findings
    # to ~270, and its English rules no longer run on the Arabic, Russian, French and
    # German documents (~197); gating never-defined acronyms on the document's own
    # practice (heldout-12) took 151 to 145, one comment per spelling family per document
    # (heldout-31) to 119. Still enough comments that every kind of anchoring is exercised.
    assert findings > 100
    on_quote = sum(r["on_quote"] for r in exported)
    print(f"\n{len(results)} files, {len(opened)} opened, {len(exported)} reviewed, exported and "
          f"reopened with every comment; {findings} comments: {on_quote} on their quote, "
          f"{sum(r['widened'] for r in exported)} widened, "
          f"{sum(r['on_heading'] for r in exported)} on a heading")
