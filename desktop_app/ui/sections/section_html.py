"""A section as the HTML subset QTextDocument renders well.

Every piece of document text goes through `_esc`: a section that contains
"<script>" or "&amp;" must show exactly that, not markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from desktop_app.document import Paragraph, ParagraphKind, Section
from desktop_app.document.model import all_code


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours taken from the widget's palette and the theme, so dark themes stay readable."""

    text: str
    muted: str
    rule: str
    box: str  # text box background


def _esc(text: str) -> str:
    return escape(text).replace("\t", " ").replace("\n", "<br>")


def _para_html(para: Paragraph) -> str:
    """A paragraph's text, what the document formats as code (`Paragraph.code`) in
    the view's fixed-pitch font, as the reader of the .docx sees it. Markup only: the
    text the view shows stays exactly the paragraph's, for the quote locator."""
    if not para.code:
        return _esc(para.text)
    out: list[str] = []
    pos = 0
    for start, end in para.code:
        out.append(_esc(para.text[pos:start]))
        out.append(f"<code>{_esc(para.text[start:end])}</code>")
        pos = end
    out.append(_esc(para.text[pos:]))
    return "".join(out)


def stylesheet(p: Palette) -> str:
    # QTextDocument understands only part of CSS: margins, font-size,
    # line-height in %, colours, and the table attributes used below.
    return f"""
        body {{ color: {p.text}; }}
        h1 {{ font-size: 140%; font-weight: 600; margin-top: 0px; margin-bottom: 4px; }}
        h2 {{ font-size: 125%; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }}
        h3 {{ font-size: 110%; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
        p {{ margin-top: 0px; margin-bottom: 10px; line-height: 145%; }}
        p.meta {{ color: {p.muted}; margin-bottom: 20px; }}
        p.empty {{ color: {p.muted}; font-style: italic; }}
        p.label {{ color: {p.muted}; font-size: 80%; font-weight: 600; margin-bottom: 4px; }}
        p.cell {{ margin-bottom: 0px; line-height: 125%; }}
        li {{ margin-bottom: 4px; line-height: 145%; }}
        table.grid {{ border-collapse: collapse; margin-top: 4px; margin-bottom: 14px; }}
        td.cell {{ border-width: 1px; border-style: solid; border-color: {p.rule};
                   padding: 6px; }}
        table.box {{ border-width: 1px; border-style: solid; border-color: {p.rule};
                     background-color: {p.box}; margin-top: 4px; margin-bottom: 14px; }}
        p.sub {{ color: {p.muted}; font-weight: 600; margin-top: 22px; margin-bottom: 2px; }}
        p.placeholder {{ color: {p.muted}; font-size: 125%; margin-bottom: 6px; }}
        p.quote {{ margin-left: 28px; margin-right: 16px; color: {p.muted}; }}
        p.code {{ background-color: {p.box}; line-height: 125%; margin-bottom: 0px; }}
        p.code-end {{ background-color: {p.box}; line-height: 125%; margin-bottom: 12px; }}
    """


# Blocks before the section's own text: the <h1> title and the meta line.
# `quote_locator` skips them when it maps quotes onto the rendered text.
HEADER_BLOCKS = 2


def section_html(section: Section) -> str:
    """The body HTML; pair it with `stylesheet()` as the document's default CSS."""
    where = "Top level" if section.level == 0 else f"Heading level {section.level}"
    words = f"{section.words:,} word{'s' if section.words != 1 else ''}"
    out = [f"<h1>{_esc(section.title)}</h1>", f'<p class="meta">{where} · {words}</p>']
    body = _body(section.paragraphs)
    if body:
        out.extend(body)
    elif section.children:
        out.append('<p class="empty">This section has no text of its own.</p>')
    else:
        out.append('<p class="empty">This section is empty.</p>')
    if section.children:
        out.append('<p class="sub">Subsections</p><ul>')
        out.extend(f"<li>{_esc(child.title)}</li>" for child in section.children)
        out.append("</ul>")
    return "\n".join(out)


def _body(paragraphs: list[Paragraph]) -> list[str]:
    out: list[str] = []
    i, n = 0, len(paragraphs)
    while i < n:
        para = paragraphs[i]
        if para.row >= 0:
            j = _run_end(paragraphs, i, lambda q: q.row >= 0)
            out.append(_table(paragraphs[i:j]))
        elif para.kind is ParagraphKind.TEXT_BOX:
            j = _run_end(paragraphs, i, lambda q: q.kind is ParagraphKind.TEXT_BOX and q.row < 0)
            out.append(_text_box(paragraphs[i:j]))
        elif para.kind is ParagraphKind.LIST_ITEM:
            j = _run_end(paragraphs, i, lambda q: q.kind is ParagraphKind.LIST_ITEM and q.row < 0)
            out.append(_list(paragraphs[i:j]))
        else:
            j = i + 1
            if para.text.strip():
                if para.kind is ParagraphKind.HEADING:
                    tag = "h2" if para.level <= 1 else "h3"
                    out.append(f"<{tag}>{_esc(para.text)}</{tag}>")
                elif all_code(para):
                    # a sample's lines read as one block; space after its last line
                    last = i + 1 == n or not all_code(paragraphs[i + 1]) or (
                        paragraphs[i + 1].kind is not ParagraphKind.BODY)
                    style = "code-end" if last else "code"
                    out.append(f'<p class="{style}">{_para_html(para)}</p>')
                elif para.quote:  # set apart as the document sets it (Paragraph.quote)
                    out.append(f'<p class="quote">{_para_html(para)}</p>')
                else:
                    out.append(f"<p>{_para_html(para)}</p>")
        i = j
    return out


def _run_end(paragraphs: list[Paragraph], i: int, same: Callable[[Paragraph], bool]) -> int:
    while i < len(paragraphs) and same(paragraphs[i]):
        i += 1
    return i


def _table(cells: list[Paragraph]) -> str:
    """Consecutive table paragraphs: one <tr> per `row`, one <td> per `cell`."""
    rows: list[dict[int, list[str]]] = []
    current_row: int | None = None
    for para in cells:
        if para.row != current_row:
            rows.append({})
            current_row = para.row
        texts = rows[-1].setdefault(para.cell, [])
        if para.text.strip():
            texts.append(_para_html(para))
    width = max((max(r, default=-1) + 1 for r in rows), default=0)
    html = ['<table class="grid" cellspacing="0" cellpadding="6" width="100%">']
    for row in rows:
        html.append("<tr>")
        for cell in range(width):
            texts = row.get(cell, [])
            inner = "".join(f'<p class="cell">{t}</p>' for t in texts) or "&nbsp;"
            html.append(f'<td class="cell" valign="top">{inner}</td>')
        html.append("</tr>")
    html.append("</table>")
    return "".join(html)


def _text_box(paras: list[Paragraph]) -> str:
    inner = "".join(f"<p>{_para_html(q)}</p>" for q in paras if q.text.strip())
    return (
        '<table class="box" cellspacing="0" cellpadding="10" width="100%">'
        f'<tr><td><p class="label">TEXT BOX</p>{inner or "&nbsp;"}</td></tr></table>'
    )


def _list(items: list[Paragraph]) -> str:
    """Bullets, nested by `level`; a jump of several levels opens one list."""
    html: list[str] = []
    depth: list[int] = []
    for item in items:
        while depth and depth[-1] > item.level:
            html.append("</ul>")
            depth.pop()
        if not depth or depth[-1] < item.level:
            style = ("disc", "circle", "square")[len(depth) % 3]
            html.append(f'<ul style="list-style-type: {style};">')
            depth.append(item.level)
        html.append(f"<li>{_para_html(item)}</li>")
    html.extend("</ul>" for _ in depth)
    return "".join(html)
