"""The review report as JSON, Markdown, HTML or CSV, chosen by the file extension.

Every format is rendered from the `margin.review/1` dict that `build_report`
makes, so they all say the same thing; JSON is that dict as it is.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop_app.export.atomic import write_text_atomically
from desktop_app.review.findings import SEVERITIES

REPORT_FORMATS = (".json", ".md", ".html", ".csv")
CSV_COLUMNS = ("section_id", "section_title", "finding_id", "severity", "category",
               "confidence", "decision", "anchored", "quote", "issue", "suggestion", "rewrite",
               "checkpoints", "source")


class ReportFormatError(ValueError):
    """The path's extension names no report format."""


def write_report(path: str | os.PathLike[str], report: dict[str, Any]) -> None:
    """Render `report` in the format of `path`'s extension and write it atomically."""
    render, encoding = _renderer(Path(path).suffix.lower())
    write_text_atomically(path, render(report), encoding=encoding)


def _renderer(suffix: str) -> tuple[Callable[[dict[str, Any]], str], str]:
    if suffix == ".json":
        return render_json, "utf-8"
    if suffix == ".md":
        return render_markdown, "utf-8"
    if suffix == ".html":
        from desktop_app.export.report_html import render_html

        return render_html, "utf-8"
    if suffix == ".csv":
        return render_csv, "utf-8-sig"  # the BOM makes Excel read UTF-8
    raise ReportFormatError(f"unsupported report format {suffix or '(none)'}; "
                            f"use one of {' '.join(REPORT_FORMATS)}")


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def findings(report: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(section, finding) for every section finding, in document order."""
    for section in report["sections"]:
        for finding in section["findings"]:
            yield section, finding


def document_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings about the document as a whole (a report from before them has none)."""
    return list(report.get("document_findings") or [])


def every_finding(report: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Section findings, then document-level ones: what the counts count."""
    for _, f in findings(report):
        yield f
    yield from document_findings(report)


def section_titles(report: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["title"] for s in report["sections"]}


def places(report: dict[str, Any], f: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(section title, quote) for each place of a document-level finding."""
    titles = section_titles(report)
    return [(titles.get(q["section"], q["section"]), q) for q in f["quotes"]]


def occurrences(f: dict[str, Any]) -> list[dict[str, Any]]:
    """A section finding about a pattern that recurs: each passage (the first is its
    quote); [] for a finding about one passage."""
    quotes = f.get("quotes") or []
    return quotes if len(quotes) > 1 else []


def when(iso: str) -> str:
    """'2024-03-21T09:18:05.123Z' -> '2024-03-21 09:18 UTC' for people to read."""
    return f"{iso[:10]} {iso[11:16]} UTC" if len(iso) >= 16 and iso[10:11] == "T" else iso


def severity_counts(report: dict[str, Any]) -> dict[str, int]:
    counts = Counter(f["severity"] for f in every_finding(report))
    return {s: counts.get(s, 0) for s in SEVERITIES}


# ---- CSV ----------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A cell starting like a formula is run by spreadsheets (CSV injection):
    # a leading apostrophe makes it text.
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s, f in findings(report):
        writer.writerow([_cell(v) for v in (
            s["id"], s["title"], f["id"], f["severity"], f["category"], f["confidence"],
            f["decision"], f["anchored"],
            "\n".join(q["quote"] for q in occurrences(f)) or f["quote"], f["issue"],
            f["suggestion"], f["rewrite"],
            "; ".join(f["checkpoints"]), f["source"])])
    for f in document_findings(report):  # one row each, its places joined
        where = places(report, f)
        sections = list(dict.fromkeys(q["section"] for _, q in where))
        titles = list(dict.fromkeys(title for title, _ in where))
        writer.writerow([_cell(v) for v in (
            "; ".join(sections), "Whole document: " + "; ".join(titles), f["id"], f["severity"],
            f["category"], f["confidence"], f["decision"], all(q["anchored"] for _, q in where),
            "\n".join(f"[{title}] {q['quote']}" for title, q in where), f["issue"],
            f["suggestion"], None, "; ".join(f["checkpoints"]), f["source"])])
    return out.getvalue()


# ---- Markdown -----------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as it is: no emphasis, links, HTML or block markup."""
    lines = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue  # a blank line would end the paragraph or the quote
        line = _MD_INLINE.sub(r"\\\1", line)
        lines.append(_MD_LINE_START.sub(_escape_block_marker, line))
    return "  \n".join(lines)  # two spaces: a line break inside the paragraph


def _escape_block_marker(m: re.Match[str]) -> str:
    marker = m.group(2)  # "#", "-", "12." ...: the punctuation is what gets the backslash
    return m.group(1) + marker[:-1] + "\\" + marker[-1]


def render_markdown(report: dict[str, Any]) -> str:
    doc, counts = report["document"], severity_counts(report)
    total = sum(counts.values())
    models = ", ".join(report["provider"]["models"]) or "built-in rules"
    usage, timing = report["usage"], report["timing"]
    cost = usage["estimated_cost_usd"]
    out = [f"# Review: {md_escape(doc['title'])}", "",
           f"- **Document:** {md_escape(doc['path'])}",
           f"- **Framework:** {md_escape(report['framework']['name'])}",
           f"- **Reviewer:** {md_escape(report['provider']['name'])} ({md_escape(models)})",
           f"- **Reviewed:** {when(timing['finished'])} ({timing['seconds']} s)",
           f"- **Findings:** {total} (" + ", ".join(f"{n} {s}" for s, n in counts.items()) + ")",
           f"- **Requests:** {usage['requests']}, tokens in {usage['input_tokens']}, "
           f"out {usage['output_tokens']}, from cache {usage['cache_read_tokens']}, "
           f"estimated cost " + ("unknown" if cost is None else f"${cost:.4f}"), ""]
    across = document_findings(report)
    if across:
        out += ["## Whole document", ""]
        for n, f in enumerate(across, 1):
            out += _md_document_finding(report, n, f)
    for s in report["sections"]:
        out += [f"## {md_escape(s['title'])}", ""]
        if s["status"] != "done":
            reason = f": {md_escape(s['error'])}" if s["error"] else ""
            out += [f"*Not reviewed ({s['status']}){reason}*", ""]
            continue
        if not s["findings"]:
            out += ["*No findings.*", ""]
        for n, f in enumerate(s["findings"], 1):
            out += _md_finding(n, f)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_document_finding(report: dict[str, Any], n: int, f: dict[str, Any]) -> list[str]:
    facts = [f["decision"], f"confidence {f['confidence']:.2f}", f["source"]]
    out = [f"**{n}. {f['severity'].upper()} · {md_escape(f['category'])}** ({', '.join(facts)})",
           ""]
    for title, q in places(report, f):
        missing = "" if q["anchored"] else " *(quote not found in the text)*"
        out += [f"> **{md_escape(title)}:** " + md_escape(q["quote"]).replace("  \n", "  \n> ")
                + missing, ""]
    out += [f"**Issue:** {md_escape(f['issue'])}", ""]
    if f["suggestion"]:
        out += [f"**Suggestion:** {md_escape(f['suggestion'])}", ""]
    if f["checkpoints"]:
        out += ["**Checkpoints:** " + ", ".join(md_escape(c) for c in f["checkpoints"]), ""]
    return out


def _md_finding(n: int, f: dict[str, Any]) -> list[str]:
    facts = [f["decision"], f"confidence {f['confidence']:.2f}", f["source"]]
    if not f["anchored"]:
        facts.append("quote not found in the text")
    out = [f"**{n}. {f['severity'].upper()} · {md_escape(f['category'])}** ({', '.join(facts)})",
           ""]
    for q in occurrences(f) or ([f] if f["quote"] else []):  # each place of a pattern
        missing = "" if q["anchored"] else " *(quote not found in the text)*"
        out += ["> " + md_escape(q["quote"]).replace("  \n", "  \n> ")
                + (missing if q is not f else ""), ""]
    out += [f"**Issue:** {md_escape(f['issue'])}", ""]
    if f["suggestion"]:
        out += [f"**Suggestion:** {md_escape(f['suggestion'])}", ""]
    if f["rewrite"]:
        out += [f"**Rewrite:** {md_escape(f['rewrite'])}", ""]
    if f["checkpoints"]:
        out += ["**Checkpoints:** " + ", ".join(md_escape(c) for c in f["checkpoints"]), ""]
    return out
