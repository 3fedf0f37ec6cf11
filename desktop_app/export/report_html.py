"""The report as one self-contained HTML page a manager can open: no scripts, no links out.

Every value from the document or the model is escaped; `dir="auto"` lets
right-to-left quotes read the right way round. A Content-Security-Policy that
allows nothing but the inline style keeps the page inert even if a value
somehow escaped escaping.
"""

from __future__ import annotations

from html import escape
from typing import Any

from desktop_app.export.reports import (
    document_findings,
    every_finding,
    occurrences,
    places,
    severity_counts,
    when,
)

COLOURS = {"critical": "#b42318", "major": "#c4320a", "minor": "#b54708",
           "suggestion": "#175cd3"}
DECISION_COLOURS = {"accepted": "#067647", "pending": "#667085", "rejected": "#98a2b3"}

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f6f8; color: #1d2939;
  font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
.meta { color: #475467; font-size: 13px; margin: 0; }
.meta span + span::before { content: " · "; color: #98a2b3; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 24px 0 8px; }
.card { flex: 1 1 120px; background: #fff; border: 1px solid #e4e7ec; border-radius: 10px;
  padding: 12px 14px; border-top: 4px solid var(--c, #98a2b3); }
.card b { display: block; font-size: 26px; line-height: 1.2; }
.card span { color: #475467; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.facts { color: #475467; font-size: 13px; margin: 8px 0 28px; }
section.sec { background: #fff; border: 1px solid #e4e7ec; border-radius: 12px;
  padding: 18px 20px; margin: 0 0 16px; }
section.sec h2 { font-size: 18px; margin: 0 0 10px; display: flex; gap: 10px;
  align-items: baseline; flex-wrap: wrap; }
section.sec h2 small { color: #667085; font-weight: normal; font-size: 13px; }
.none { color: #667085; font-style: italic; margin: 0; }
.failed { color: #b42318; margin: 0; }
article { border-left: 4px solid var(--c); padding: 10px 0 10px 14px; margin: 12px 0; }
article + article { border-top: 1px solid #f2f4f7; }
.badges { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; font-size: 12px; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-weight: 600;
  color: #fff; background: var(--c); letter-spacing: .03em; }
.badge.soft { background: #fff; color: var(--c); border: 1px solid var(--c); }
.badge.status { background: #fee4e2; color: #b42318; }
.muted { color: #667085; }
blockquote { margin: 8px 0; padding: 6px 12px; background: #f9fafb; border-radius: 6px;
  color: #344054; white-space: pre-wrap; }
blockquote.unanchored { border: 1px dashed #d0d5dd; }
p.field { margin: 6px 0; white-space: pre-wrap; }
p.field b { color: #344054; }
ins { background: #ecfdf3; text-decoration: none; padding: 0 2px; border-radius: 3px; }
.chip { display: inline-block; background: #f2f4f7; border-radius: 4px; padding: 0 6px;
  margin-right: 4px; font-size: 12px; color: #344054; }
footer { color: #98a2b3; font-size: 12px; margin-top: 32px; }
@media print {
  body { background: #fff; }
  section.sec { break-inside: avoid-page; border-color: #d0d5dd; }
  article { break-inside: avoid; }
}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def render_html(report: dict[str, Any]) -> str:
    doc, provider, usage, timing = (report["document"], report["provider"], report["usage"],
                                    report["timing"])
    counts = severity_counts(report)
    decisions = {"accepted": 0, "pending": 0, "rejected": 0}
    for f in every_finding(report):
        decisions[f["decision"]] = decisions.get(f["decision"], 0) + 1
    sections = report["sections"]
    done = sum(1 for s in sections if s["status"] == "done")
    cost = usage["estimated_cost_usd"]
    models = ", ".join(provider["models"]) or "built-in rules"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Review: {_e(doc['title'])}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f'<header><h1 dir="auto">Review: {_e(doc["title"])}</h1>',
        f'<p class="meta"><span dir="auto">{_e(doc["path"])}</span>'
        f"<span>{_e(report['framework']['name'])}</span>"
        f"<span>{_e(provider['name'])} ({_e(models)})</span>"
        f"<span>{_e(when(timing['finished']))}</span></p></header>",
        '<div class="cards">',
        f'<div class="card"><b>{sum(counts.values())}</b><span>findings</span></div>',
    ]
    parts += [f'<div class="card" style="--c:{COLOURS[s]}"><b>{n}</b><span>{_e(s)}</span></div>'
              for s, n in counts.items()]
    parts += [
        "</div>",
        f'<p class="facts">{done} of {len(sections)} sections reviewed · '
        + " · ".join(f"{n} {_e(d)}" for d, n in decisions.items())
        + f" · {usage['requests']} requests · "
        + ("cost unknown" if cost is None else f"estimated cost ${cost:.4f}")
        + f" · {_e(timing['seconds'])} s</p>",
    ]
    across = document_findings(report)
    if across:
        parts.append(f'<section class="sec"><h2><span>Whole document</span><small>'
                     f'{len(across)} finding{"" if len(across) == 1 else "s"} across sections'
                     "</small></h2>"
                     + "".join(_finding(f, places(report, f)) for f in across) + "</section>")
    for s in sections:
        parts.append(_section(s))
    parts.append(f"<footer>Margin report · {_e(report['schema'])} · document sha256 "
                 f"{_e(doc['sha256'])}</footer></main></body></html>")
    return "\n".join(parts) + "\n"


def _section(s: dict[str, Any]) -> str:
    level = f"<small>level {s['level']}</small>" if s["level"] else ""
    head = f'<h2><span dir="auto">{_e(s["title"])}</span>{level}'
    if s["status"] != "done":
        head += f'<span class="badge status">{_e(s["status"])}</span></h2>'
        reason = f'<p class="failed">{_e(s["error"])}</p>' if s["error"] else ""
        return f'<section class="sec">{head}{reason}</section>'
    head += f'<small>{len(s["findings"])} finding{"" if len(s["findings"]) == 1 else "s"}' \
            "</small></h2>"
    if not s["findings"]:
        return f'<section class="sec">{head}<p class="none">No findings.</p></section>'
    return f'<section class="sec">{head}' + "".join(_finding(f) for f in s["findings"]) \
        + "</section>"


def _finding(f: dict[str, Any], where: list[tuple[str, dict[str, Any]]] | None = None) -> str:
    colour = COLOURS.get(f["severity"], "#667085")
    decision = DECISION_COLOURS.get(f["decision"], "#667085")
    out = [f'<article style="--c:{colour}"><div class="badges">',
           f'<span class="badge">{_e(f["severity"].upper())}</span>',
           f'<span class="badge soft">{_e(f["category"])}</span>',
           f'<span class="badge soft" style="--c:{decision}">{_e(f["decision"])}</span>',
           f'<span class="muted">confidence {float(f["confidence"]):.2f} · '
           f'{_e(f["source"])}</span></div>']
    for title, q in where or ():  # a document-level finding: each place, named
        cls = "" if q["anchored"] else ' class="unanchored" title="not found in the text"'
        out.append(f'<blockquote dir="auto"{cls}><b>{_e(title)}:</b> {_e(q["quote"])}'
                   "</blockquote>")
    if where is None:  # a section finding: its quote, or each place of a pattern
        for q in occurrences(f) or ([f] if f["quote"] else []):
            cls = "" if q["anchored"] else ' class="unanchored" title="not found in the text"'
            out.append(f'<blockquote dir="auto"{cls}>{_e(q["quote"])}</blockquote>')
    out.append(f'<p class="field" dir="auto"><b>Issue:</b> {_e(f["issue"])}</p>')
    if f["suggestion"]:
        out.append(f'<p class="field" dir="auto"><b>Suggestion:</b> {_e(f["suggestion"])}</p>')
    if f.get("rewrite"):
        out.append(f'<p class="field" dir="auto"><b>Rewrite:</b> <ins>{_e(f["rewrite"])}</ins></p>')
    if f["checkpoints"]:
        out.append('<p class="field"><b>Checkpoints:</b> '
                   + "".join(f'<span class="chip">{_e(c)}</span>' for c in f["checkpoints"])
                   + "</p>")
    out.append("</article>")
    return "".join(out)
