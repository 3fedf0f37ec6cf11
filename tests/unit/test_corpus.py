"""Every real-world file in the shared corpus opens or is refused for the right reason.

Each file is loaded in a worker process with a time limit, so a hang shows as
a failure of that file rather than a stuck test run; stderr and warnings are
captured there so that a traceback printed anywhere fails the file too.
"""

from __future__ import annotations

import io
import multiprocessing
import time
import traceback
import warnings
from contextlib import redirect_stderr

import pytest

from tests.conftest import CORPUS, corpus_path

PER_FILE_SECONDS = 20

# Checked by hand: what each of these files is, and so why it must be refused.
EXPECTED_REFUSALS = {
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__wordprocessing__protected__document with password.docx": "encrypted",
    "poi/test-data__poifs__protected_agile.docx": "encrypted",
    "tika/tika-parsers__tika-parsers-standard__tika-parsers-standard-modules__tika-parser-"
    "microsoft-module__src__test__resources__test-documents__testWORD_protected_passtika.docx":
        "encrypted",
    "poi/test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx":
        "damaged",
    "poi/test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-5166796835258368.docx":
        "damaged",
    "poi/test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-5569740188549120.docx":
        "damaged",
    "poi/test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-6120975439364096.docx":
        "damaged",
    "poi/test-data__document__crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx": "damaged",
    "poi/test-data__document__truncated62886.docx": "damaged",
    "tika/tika-parsers__tika-parsers-standard__tika-parsers-standard-modules__tika-parser-"
    "microsoft-module__src__test__resources__test-documents__testWORD_truncated.docx": "damaged",
    "poi/test-data__document__ExternalEntityInText.docx": "unsafe-xml",
    "poi/test-data__integration__stress025.docx": "not-word",  # an Office theme package
    "unstructured/scripts__performance__docs__handbook-1p.docx": "not-word",  # a text stub
    # Bodies with no text at all: images only, empty paragraphs, a lone footnote mark.
    "Aspose.Words-for-.NET/Examples__Data__Corrupted image.docx": "empty",
    "Aspose.Words-for-.NET/Examples__Data__Heading pairs and titles of parts.docx": "empty",
    "Aspose.Words-for-.NET/Examples__Data__Master document.docx": "empty",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "O14ISOStrict__Word__isLgl-Display All Levels Using Arabic Numerals.docx": "empty",
    "docx2python/tests__resources__has_pict.docx": "empty",
    "docx2python/tests__resources__nested_paragraphs_in_header3b.docx": "empty",
    "mammoth.js/test__test-data__footnote-hyperlink.docx": "empty",
    "poi/test-data__document__zero-length.docx": "empty",
    "python-docx/features__steps__test_files__doc-word-default-blank.docx": "empty",
    "python-docx/tests__test_files__having-images.docx": "empty",
    "tika/tika-parsers__tika-parsers-standard__tika-parsers-standard-modules__tika-parser-"
    "microsoft-module__src__test__resources__test-documents__testAltChunkHTML.docx":
        "unsupported",  # its text is an HTML altChunk
}

# Outlines checked by eye against the documents opened in LibreOffice.
EXPECTED_TITLES = {
    "docling/tests__data__docx__unit_test_headers.docx": [
        "Test Document", "Section 1", "Section 1.1", "Section 1.2", "Section 1.2.3",
        "Section 2", "Section 2.1.1", "Section 2.1",
    ],
    "poi/test-data__document__bug65738.docx": [
        "Sample Word Document Title", "Heading Level 1", "Heading Level 2", "Heading Level 3",
    ],
    "unstructured/example-docs__handbook-1p.docx": [
        "Before the first heading", "A. PURPOSE", "B. ROLE OF THE UNITED STATES TRUSTEE",
        "C. STATUTORY DUTIES OF A STANDING TRUSTEE",
    ],
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Strict01.docx": [
        "Before the first heading", "Heading 1", "This is Heading 2", "Second Heading 1",
        "More Info", "Heading1", "Heading 2", "Contents", "Heading 1", "Heading 2",
        "Heading 1 again", "Heading 2 again",
    ],
    "Aspose.Words-for-.NET/Examples__Data__Big document.docx": [
        "Getting Started", "Introducing Aspose.Words for .NET", "Rich Set of Features",
        "No Microsoft Word Automation", "Platform Independence", "Performance and Scalability",
        "Minimal Learning Curve", "Aspose.Words Features",
    ],
}


def _load_one(path: str) -> dict:
    from desktop_app.document import DocumentError, load

    err = io.StringIO()
    start = time.perf_counter()
    result: dict = {}
    with redirect_stderr(err), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            doc = load(path)
            sections = list(doc.walk())
            result = {"status": "ok", "sections": len(sections),
                      "titles": [s.title for s in sections][:40]}
        except DocumentError as exc:
            result = {"status": "refused", "kind": exc.kind.value, "reason": exc.reason}
        except BaseException:  # noqa: BLE001 - reported back as a failure of this file
            result = {"status": "crash", "error": traceback.format_exc()}
    result["seconds"] = time.perf_counter() - start
    result["stderr"] = err.getvalue()
    result["warnings"] = [str(w.message) for w in caught]
    return result


@pytest.fixture(scope="module")
def corpus_results() -> dict[str, dict]:
    root = corpus_path()
    files = sorted(str(p.relative_to(root)) for p in root.glob("*/*.docx"))
    ctx = multiprocessing.get_context("spawn")  # no forked Qt state in the workers
    results: dict[str, dict] = {}
    with ctx.Pool(2) as pool:
        pending = {rel: pool.apply_async(_load_one, (str(root / rel),)) for rel in files}
        for rel, job in pending.items():
            try:
                results[rel] = job.get(timeout=PER_FILE_SECONDS)
            except multiprocessing.TimeoutError:
                results[rel] = {"status": "hang"}
        pool.terminate()
    return results


def _corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return ["(corpus missing)"]
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.docx"))


@pytest.mark.corpus
@pytest.mark.parametrize("rel", _corpus_files())
def test_corpus_file_opens_or_is_refused_cleanly(corpus_results: dict, rel: str):
    r = corpus_results[rel]
    assert r["status"] in ("ok", "refused"), f"{rel}: {r.get('status')}\n{r.get('error', '')}"
    assert r["seconds"] < PER_FILE_SECONDS
    assert r["stderr"] == "", f"{rel} printed to stderr:\n{r['stderr']}"
    assert r["warnings"] == []
    if rel in EXPECTED_REFUSALS:
        assert r["status"] == "refused", f"{rel} should be refused, opened with {r}"
        assert r["kind"] == EXPECTED_REFUSALS[rel], r["reason"]
        assert r["reason"] and "Traceback" not in r["reason"]
    else:
        assert r["status"] == "ok", f"{rel} was refused: {r.get('reason')}"
        assert r["sections"] >= 1


@pytest.mark.corpus
@pytest.mark.parametrize("rel", sorted(EXPECTED_TITLES))
def test_heading_styled_documents_have_the_titles_checked_by_eye(corpus_results, rel):
    assert corpus_results[rel]["titles"][: len(EXPECTED_TITLES[rel])] == EXPECTED_TITLES[rel]


@pytest.mark.corpus
def test_the_872_page_handbook_has_its_chapters(corpus_results):
    r = corpus_results["unstructured/example-docs__handbook-872p.docx"]
    chapters = [t for t in r["titles"] if t.startswith("CHAPTER")]
    assert chapters[:3] == [
        "CHAPTER 1 – INTRODUCTION",
        "CHAPTER 2 – APPOINTMENT, QUALIFICATIONS, PERCENTAGE FEE AND COMPENSATION OF THE "
        "STANDING TRUSTEE",
        "CHAPTER 3 - ADMINISTRATION OF CHAPTER 13 CASES",
    ]
    assert r["sections"] > 250


def test_expected_lists_name_real_corpus_files():
    root = corpus_path()
    for rel in list(EXPECTED_REFUSALS) + list(EXPECTED_TITLES):
        assert (root / rel).exists(), rel


def _outline_both_ways(path: str) -> tuple[list, list]:
    from desktop_app.document import DocumentError, loader

    def outline() -> list:
        try:
            doc = loader.load_document(path)
        except DocumentError as err:
            return [err.kind]
        return [(s.id, s.title, s.level, [(q.anchor, q.text, q.kind, q.level, q.row, q.cell)
                                          for q in s.paragraphs]) for s in doc.walk()]

    fast = outline()
    original = loader.can_scan
    loader.can_scan = lambda data: False
    try:
        slow = outline()
    finally:
        loader.can_scan = original
    return fast, slow


@pytest.mark.corpus
def test_one_pass_scan_agrees_with_the_paragraph_walk_on_every_corpus_file():
    root = corpus_path()
    for path in sorted(root.glob("*/*.docx")):
        fast, slow = _outline_both_ways(str(path))
        assert fast == slow, path.name
