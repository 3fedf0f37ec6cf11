"""Style resolution: `basedOn` chains followed without recursion, capped, cycles closed."""

from __future__ import annotations

from pathlib import Path

from desktop_app.document import load
from desktop_app.document.styles import MAX_BASED_ON
from tests.docx_factory import p, write_docx


def chain(n: int) -> str:
    """Styles S0 .. S{n-1}, each based on the next; the last is Heading 1 by outline level."""
    out = [f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="s{i}"/>'
           f'<w:basedOn w:val="S{i + 1}"/></w:style>' for i in range(n - 1)]
    out.append(f'<w:style w:type="paragraph" w:styleId="S{n - 1}"><w:name w:val="deep"/>'
               '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')
    return "".join(out)


def test_a_chain_of_five_thousand_styles_opens_without_a_recursion_error(tmp_path: Path):
    n = 5000
    body = (p("Deep in the chain", "S0") + p("Some text.")
            + p(f"Near the heading style {n - 10}", f"S{n - 10}") + p("More text."))
    doc = load(str(write_docx(tmp_path / "chain.docx", body, styles=chain(n))))
    # Ten steps from the outline level: a heading. Five thousand: past the cap,
    # so nothing is inherited and the line is text, as Word itself gives up.
    titles = [s.title for s in doc.walk()]
    assert titles == ["Before the first heading", f"Near the heading style {n - 10}"]
    assert "Deep in the chain" in doc.sections[0].text


def test_the_cap_is_the_only_limit_on_a_chain(tmp_path: Path):
    n = MAX_BASED_ON
    body = p("Just within the cap", "S0") + p("Text.")
    doc = load(str(write_docx(tmp_path / "cap.docx", body, styles=chain(n))))
    assert [s.title for s in doc.walk()] == ["Just within the cap"]


def test_a_based_on_cycle_is_closed_not_followed(tmp_path: Path):
    styles = ('<w:style w:type="paragraph" w:styleId="A"><w:name w:val="a"/>'
              '<w:basedOn w:val="B"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="b"/>'
              '<w:basedOn w:val="A"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1"/>'
              '<w:basedOn w:val="A"/></w:style>')
    body = p("Cycle", "A") + p("Heading", "H") + p("Text.")
    doc = load(str(write_docx(tmp_path / "cycle.docx", body, styles=styles)))
    assert [s.title for s in doc.walk()] == ["Before the first heading", "Heading"]
