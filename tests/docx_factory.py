"""Build small .docx packages from raw WordprocessingML, for precise tests.

python-docx cannot write tracked changes, text boxes or content controls;
these tests need exactly those, so the XML is written out by hand.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{main}"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

# Heading styles as a localized Word writes them: German ids and names, the
# level only in the outline level. "Custom" headings are based on them.
DEFAULT_STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel (eigene)"/><w:basedOn w:val="berschrift1"/></w:style>
<w:style w:type="paragraph" w:styleId="Unterkapitel"><w:name w:val="Unterkapitel"/><w:basedOn w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/><w:basedOn w:val="Standard"/></w:style>
"""


def p(text: str = "", style: str | None = None, *, outline: int | None = None,
      bold: bool = False, extra_ppr: str = "") -> str:
    ppr = ""
    if style or outline is not None or extra_ppr:
        ppr = "<w:pPr>"
        ppr += f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr += extra_ppr
        ppr += f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        ppr += "</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def raw_p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def table(rows: list[list[str]]) -> str:
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{body}</w:tbl>"


def document_xml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NS_DECL}><w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def styles_xml(styles: str = DEFAULT_STYLES) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    )


def write_docx(path: Path, body: str, *, styles: str = DEFAULT_STYLES,
               document: str | None = None, main_type: str = WORD_MAIN,
               extra: dict[str, bytes | str] | None = None, doc_rels: str = DOC_RELS,
               content_types: str = CONTENT_TYPES, root_rels: str = ROOT_RELS,
               styles_xml_text: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types.format(main=main_type))
        zf.writestr("_rels/.rels", root_rels)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
        zf.writestr("word/document.xml", document if document is not None else document_xml(body))
        zf.writestr("word/styles.xml", styles_xml_text or styles_xml(styles))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_RELS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
TRANSITIONAL_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def strict(xml: str) -> str:
    """Transitional WordprocessingML as Word's "Strict Open XML Document" writes it."""
    return xml.replace(W_NS, STRICT_W).replace(TRANSITIONAL_RELS, STRICT_RELS)


def write_strict_docx(path: Path, body: str, *, doc_rels: str = DOC_RELS,
                      extra: dict[str, bytes | str] | None = None) -> Path:
    """`write_docx`, Strict: other namespaces and relationship types, same content types."""
    return write_docx(path, body, document=strict(document_xml(body)), doc_rels=strict(doc_rels),
                      root_rels=strict(ROOT_RELS), styles_xml_text=strict(styles_xml()),
                      extra={k: strict(v) if isinstance(v, str) else v
                             for k, v in (extra or {}).items()})
