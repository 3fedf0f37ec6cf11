"""Reports in four formats from one `margin.review/1` dict, everything escaped."""

from __future__ import annotations

import csv
import html.parser
import io
import json
from pathlib import Path

import pytest

from desktop_app.ai.provider import AnalysisResult, FailureKind, ProviderError
from desktop_app.document import load
from desktop_app.export.report_html import render_html
from desktop_app.export.reports import (
    CSV_COLUMNS,
    REPORT_FORMATS,
    ReportFormatError,
    md_escape,
    render_csv,
    render_markdown,
    write_report,
)
from desktop_app.review.findings import Finding
from desktop_app.review.outcome import SectionOutcome
from desktop_app.review.report import ReviewRun, build_report
from desktop_app.review.status import SectionStatus
from tests.docx_factory import p, write_docx

NASTY = "Fees & <script>alert('x')</script> \"q\" 🦊 مرحبا 你好"


@pytest.fixture
def report(tmp_path: Path) -> dict:
    body = "".join(p(t, "berschrift1") + p(f"Body of {t} & more.") for t in
                   ("Summary", "Method <draft>", "Appendix"))
    doc = load(str(write_docx(tmp_path / "r.docx", body)))
    summary, method, appendix = doc.walk()
    findings = [
        Finding("clarity", "major", 0.82, "Body of Summary", NASTY, "Say *what* & why",
                ["IR-03", "IR-05"], rewrite="=SUM(A1:A9)", anchored=True, start=0, end=15,
                decision="accepted", id="f-1"),
        Finding("evidence", "critical", 0.5, "made up", "# not a heading\n1. nor a list", "",
                source="user", id="f-2"),
        Finding("style", "suggestion", 0.95, "", "-minus first", "", decision="rejected",
                id="f-3"),
    ]
    run = ReviewRun(doc, "bedrock", ["model-a"], "eu-west-1", "Investigation report")
    run.outcomes[summary.id] = SectionOutcome(
        SectionStatus.DONE, result=AnalysisResult(findings, "model-a"), findings=findings)
    run.outcomes[method.id] = SectionOutcome(
        SectionStatus.FAILED,
        error=ProviderError(FailureKind.THROTTLED, "throttled <for good> & gave up"))
    run.outcomes[appendix.id] = SectionOutcome(SectionStatus.DONE,
                                               result=AnalysisResult([], "model-a"))
    return build_report(run)


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_escaped_and_counts_by_severity(report):
    page = render_html(report)
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    text = "".join(parser.text)
    assert NASTY in text  # shown as text, intact
    assert "throttled <for good> & gave up" in text and "Method <draft>" in text
    assert "<script>" not in page and "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    cards = {lab: n for n, lab in __import__("re").findall(
        r'<div class="card"[^>]*><b>(\d+)</b><span>([a-z]+)</span>', page)}
    assert cards == {"findings": "3", "critical": "1", "major": "1", "minor": "0",
                     "suggestion": "1"}
    assert 'dir="auto"' in page and "#b42318" in page


def test_markdown_escapes_markup_and_keeps_the_text(report):
    md = render_markdown(report)
    assert "# Review: " in md and "## Summary" in md and "## Method \\<draft\\>" in md
    assert "\\<script\\>" in md and "<script>" not in md
    assert "**Issue:** \\# not a heading  \n1\\. nor a list" in md
    assert "\\-minus first" in md and "*Not reviewed (failed): throttled" in md
    assert "> Body of Summary" in md and "*No findings.*" in md
    assert "3 findings" not in md and "**Findings:** 3 (1 critical, 1 major, 0 minor, " \
        "1 suggestion)" in md


def test_md_escape_multiline_and_block_markers():
    assert md_escape("a\n\n  > b\n+ c\n10) d") == "a  \n  \\> b  \n\\+ c  \n10\\) d"
    assert md_escape("[link](x) `code` a_b *c* |t| ~s~ &amp;") == (
        "\\[link\\](x) \\`code\\` a\\_b \\*c\\* \\|t\\| \\~s\\~ \\&amp;")


def test_csv_one_row_per_finding_and_formula_cells_defused(report):
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [r["finding_id"] for r in body] == ["f-1", "f-2", "f-3"]
    first = body[0]
    assert first["section_title"] == "Summary" and first["issue"] == NASTY
    assert first["rewrite"] == "'=SUM(A1:A9)" and first["checkpoints"] == "IR-03; IR-05"
    assert first["anchored"] == "true" and first["confidence"] == "0.82"
    assert body[1]["decision"] == "pending" and body[1]["source"] == "user"
    assert body[2]["issue"] == "'-minus first"


@pytest.mark.parametrize("suffix", REPORT_FORMATS)
def test_write_report_by_extension_atomically(report, tmp_path: Path, suffix: str):
    path = tmp_path / "out" / f"review{suffix.upper() if suffix == '.md' else suffix}"
    write_report(path, report)
    data = path.read_bytes()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left
    if suffix == ".json":
        assert json.loads(data) == report
    elif suffix == ".csv":
        assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[1][CSV_COLUMNS.index("issue")] == NASTY
    elif suffix == ".md":
        assert "Fees \\& \\<script\\>" in data.decode("utf-8")
    else:
        assert "Fees &amp; &lt;script&gt;" in data.decode("utf-8")


def test_unknown_extension_is_refused(report, tmp_path: Path):
    with pytest.raises(ReportFormatError, match=r"\.json \.md \.html \.csv"):
        write_report(tmp_path / "r.txt", report)
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]  # the fixture's, nothing else


def test_every_occurrence_of_a_pattern_is_listed_in_each_format(tmp_path: Path) -> None:
    """A section finding about a pattern that recurs lists each passage, not only the
    first: in Markdown and HTML as quotes, in CSV in its quote cell."""
    from desktop_app.review.findings import Quote

    doc = load(str(write_docx(tmp_path / "o.docx", p("Timeline", "berschrift1") + p(
        "The change was approved. The alert was acknowledged. The fix was deployed."))))
    [timeline] = doc.walk()
    places = ["The change was approved", "The alert was acknowledged", "The fix was deployed"]
    quotes = [Quote(timeline.id, q, anchored=True, start=timeline.text.index(q),
                    end=timeline.text.index(q) + len(q)) for q in places]
    finding = Finding("clarity", "suggestion", 0.55, places[0], "3 passive constructions",
                      "Name who acted", anchored=True, start=0, end=len(places[0]), id="f-1",
                      quotes=quotes)
    run = ReviewRun(doc, "local", [], None, "General writing quality")
    run.outcomes[timeline.id] = SectionOutcome(
        SectionStatus.DONE, result=AnalysisResult([finding], None), findings=[finding])
    report = build_report(run)
    md = render_markdown(report)
    assert all(f"> {q}" in md for q in places)
    page = _Collector()
    page.feed(render_html(report))
    assert page.tags.count("blockquote") == 3 and all(q in "".join(page.text) for q in places)
    [row] = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert row["quote"].split("\n") == places
