"""The index of several documents as one self-contained HTML page (`index.html`).

The same rules as the report page (export/report_html.py): every value
escaped, no scripts, a Content-Security-Policy that allows only the inline
style. Each document links to its own HTML report beside it, when there is one.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop_app.export.report_html import COLOURS, CSS
from desktop_app.export.reports import when

STATUS_COLOURS = {"done": "#067647", "failed": "#b54708", "not-written": "#c4320a",
                  "cannot-open": "#b42318", "not-reviewed": "#667085"}
INDEX_CSS = """
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #e4e7ec;
  border-radius: 10px; font-size: 14px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #f2f4f7;
  vertical-align: top; }
th { color: #475467; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td small { display: block; color: #667085; }
ul.skipped { color: #475467; font-size: 13px; }
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def render_index_html(index: dict[str, Any], folder: str | os.PathLike[str] | None = None
                      ) -> str:
    """`index` is the `margin.index/1` dict; `folder` where the page goes (for links)."""
    totals = index["totals"]
    cost = totals["estimated_cost_usd"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Margin: review of several documents</title>",
        f"<style>{CSS}{INDEX_CSS}</style></head><body><main>",
        "<header><h1>Review of several documents</h1>",
        f'<p class="meta"><span>{_e(index["framework"]["name"])}</span>'
        f'<span>{_e(index["provider"].get("name"))} ({_e(index["mode"])})</span>'
        f'<span>{_e(when(index["timing"]["finished"]))}</span>'
        + ("" if index["complete"] else "<span>still running, or stopped early</span>")
        + "</p></header>",
        '<div class="cards">',
        f'<div class="card"><b>{totals["documents"]}</b><span>documents</span></div>',
    ]
    parts += [f'<div class="card" style="--c:{STATUS_COLOURS[s]}"><b>{totals[s]}</b>'
              f'<span>{_e(s.replace("-", " "))}</span></div>'
              for s in STATUS_COLOURS if totals.get(s)]
    parts += [f'<div class="card" style="--c:{COLOURS[s]}"><b>{n}</b><span>{_e(s)}</span></div>'
              for s, n in totals["findings"].items()]
    sections = totals["sections"]
    parts += [
        "</div>",
        f'<p class="facts">{sections["done"]} of {sections["total"]} sections reviewed · '
        f'{sections["failed"]} failed · '
        + ("cost unknown" if cost is None else f"estimated cost ${cost:.4f}")
        + (f" (batch ${totals['batch_cost_usd']:.4f})" if totals.get("batch_cost_usd")
           else "")
        + f' · exit code {_e(index["exit_code"])}</p>',
        "<table><thead><tr><th>Document</th><th>Status</th><th>Sections</th>"
        "<th>Findings</th><th>Cost</th></tr></thead><tbody>",
    ]
    for doc in index["documents"]:
        parts.append(_row(doc, folder))
    parts.append("</tbody></table>")
    if index["skipped"]:
        parts.append(f"<h2>Skipped ({len(index['skipped'])})</h2><ul class=\"skipped\">")
        parts += [f'<li><span dir="auto">{_e(s["path"])}</span>: {_e(s["reason"])}</li>'
                  for s in index["skipped"]]
        parts.append("</ul>")
    parts.append(f"<footer>Margin index · {_e(index['schema'])}</footer></main></body></html>")
    return "\n".join(parts) + "\n"


def _row(doc: dict[str, Any], folder: str | os.PathLike[str] | None) -> str:
    name = f'<span dir="auto">{_e(doc["name"])}</span>'
    html_report = next((r for r in doc["reports"] if r.lower().endswith(".html")), None)
    if html_report and folder is not None:
        href = quote(Path(os.path.relpath(html_report, folder)).as_posix())
        name = f'<a href="{_e(href)}">{name}</a>'
    title = f'<small dir="auto">{_e(doc["title"])}</small>' if doc["title"] else ""
    colour = STATUS_COLOURS.get(doc["status"], "#667085")
    status = (f'<span class="badge" style="--c:{colour}">{_e(doc["status"])}</span>'
              f'<small>exit {_e(doc["exit_code"])}</small>')
    notes = []
    if doc["reason"]:
        notes.append(doc["reason"])
    notes += [f'{f["title"]}: {f["error"] or f["status"]}' for f in doc["failures"]]
    notes += doc["problems"]
    if doc.get("export"):
        notes += [f"copy: {n}" for n in doc["export"]["notes"]]
    status += "".join(f'<small dir="auto">{_e(n)}</small>' for n in notes)
    s = doc["sections"]
    sections = f'{s["done"]} / {s["total"]}' if s else "–"
    findings = ("–" if doc["findings"] is None else " · ".join(
        f'<span style="color:{COLOURS[k]}">{n} {_e(k)}</span>'
        for k, n in doc["findings"].items() if n) or "none")
    cost = doc["estimated_cost_usd"]
    cost_text = "–" if doc["usage"] is None else ("unknown" if cost is None else f"${cost:.4f}")
    return (f"<tr><td>{name}{title}</td><td>{status}</td><td class=\"n\">{sections}</td>"
            f"<td>{findings}</td><td class=\"n\">{cost_text}</td></tr>")
