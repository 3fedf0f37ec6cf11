"""Small documents for the Qt tests: a real .docx and a hand-built tree."""

from __future__ import annotations

from pathlib import Path

import docx

from desktop_app.document import (
    Document,
    Paragraph,
    ParagraphKind,
    Section,
    SectionOrigin,
)


def make_docx(path: Path) -> Path:
    """A python-docx document: Heading 1/2 styles, paragraphs, a list and a table."""
    d = docx.Document()
    d.add_heading("Quarterly review", level=0)
    d.add_heading("Scope", level=1)
    d.add_paragraph("This review covers the payment service & its <ledger>.")
    d.add_heading("Method", level=2)
    d.add_paragraph("We read every incident ticket.")
    d.add_paragraph("Interviews with on-call staff", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Owner"
    table.cell(0, 1).text = "Due"
    table.cell(1, 0).text = "Platform team"
    table.cell(1, 1).text = "June"
    d.add_heading("Findings", level=1)
    d.add_paragraph("Alerts fired late.")
    d.save(str(path))
    return path


def make_tree() -> Document:
    """A small pure Document: two roots, nesting two deep, every paragraph kind."""

    def section(sid: str, title: str, level: int, paragraphs: list[Paragraph]) -> Section:
        return Section(sid, title, level, SectionOrigin.STYLE, None, paragraphs)

    intro = section("intro", "Introduction", 1, [Paragraph(0, "Why we wrote this.")])
    scope = section(
        "scope",
        "Scope & <limits>",
        2,
        [
            Paragraph(1, "In scope:"),
            Paragraph(2, "payments", ParagraphKind.LIST_ITEM),
            Paragraph(3, "refunds", ParagraphKind.LIST_ITEM, level=1),
            Paragraph(4, "Name", ParagraphKind.TABLE_CELL, row=0, cell=0),
            Paragraph(5, "Role", ParagraphKind.TABLE_CELL, row=0, cell=1),
            Paragraph(6, "Ada", ParagraphKind.TABLE_CELL, row=1, cell=0),
            Paragraph(7, "Lead", ParagraphKind.TABLE_CELL, row=1, cell=1),
            Paragraph(8, "Call out: read twice", ParagraphKind.TEXT_BOX),
        ],
    )
    terms = section("terms", "Terms", 3, [Paragraph(9, "SLA means service level.")])
    results = section("results", "Results", 1, [Paragraph(10, "All good.")])
    intro.children = [scope]
    scope.parent = intro
    scope.children = [terms]
    terms.parent = scope
    return Document("/tmp/fake.docx", "0" * 64, "Fake report", [intro, results], 11)
