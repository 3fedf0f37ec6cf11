"""Hostile packages for the export tests and benches: small files, big parts.

Each part stays under the zip-bomb check that opening applies (over 50 MB at
a ratio over 200), yet the package unpacks to hundreds of MB of XML that only
a reader of every part would build into a tree.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.docx_factory import CONTENT_TYPES, NS_DECL, ROOT_RELS, WORD_MAIN, p, styles_xml

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
MB = 1024 * 1024


def heavy_headers_docx(path: Path, parts: int = 4, part_mb: int = 45) -> Path:
    """A one-section document whose `parts` headers each unpack to `part_mb` MB of `<w:p/>`.

    The default is the issue's 166 KB file that made export use 2 GB.
    """
    refs = "".join(f'<w:headerReference w:type="default" r:id="rIdH{i}"/>'
                   for i in range(parts))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document {NS_DECL}><w:body>{p("Heavy headers", "berschrift1")}'
                f'{p("A body with a few words to review.")}<w:sectPr>{refs}</w:sectPr>'
                '</w:body></w:document>')
    rels = "".join(f'<Relationship Id="rIdH{i}" Type="{R_NS}/header" Target="header{i}.xml"/>'
                   for i in range(parts))
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
                '"http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/>{rels}'
                '</Relationships>')
    overrides = "".join(f'<Override PartName="/word/header{i}.xml" ContentType="{HEADER_TYPE}"/>'
                        for i in range(parts))
    types = CONTENT_TYPES.format(main=WORD_MAIN).replace("</Types>", overrides + "</Types>")
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {NS_DECL}>'.encode()
    tail = b"</w:hdr>"
    filler = b"<w:p/>" * ((part_mb * MB - len(head) - len(tail)) // 6)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/styles.xml", styles_xml())
        for i in range(parts):
            zf.writestr(f"word/header{i}.xml", head + filler + tail)
    return path
