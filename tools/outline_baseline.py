"""Write the section trees of every corpus document that opens, as a regression baseline.

    python tools/outline_baseline.py [--out FILE] [--code CHECKOUT]

One JSON object a line, in corpus order: the document's path in the corpus,
whether any of its sections comes from a heading style or outline level
(`styled`), and its sections flat in document order as
`[id, level, paragraphs, has a heading paragraph (0/1), title]`.
`tests/unit/test_outline_baseline.py` compares the loader's trees today
against this file. `--code` names the checkout whose loader writes it (by
default this one), so that a baseline can come from the code before a change
(`git archive COMMIT desktop_app | tar -x -C DIR`).

The committed file was written by the loader as it stood before manual
headings and tables of contents were recognised (issue 18), so that the test
can show which trees changed and that nothing in them was lost. Write it again
only to accept a change in the trees that was checked by eye, and say so in
the commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "tests" / "data" / "outline_baseline.jsonl"


def tree_rows(doc) -> list[list]:
    return [[s.id, s.level, len(s.paragraphs), int(s.heading_anchor is not None), s.title]
            for s in doc.walk()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--code", default=str(ROOT), help="checkout whose loader to use")
    args = parser.parse_args()
    sys.path.insert(0, args.code)
    from desktop_app.document import DocumentError, SectionOrigin, load

    print(f"loader: {sys.modules['desktop_app'].__file__}")
    if not CORPUS.is_dir():
        print(f"missing corpus at {CORPUS}", file=sys.stderr)
        return 2
    lines = []
    for path in sorted(CORPUS.glob("*/*.docx")):
        try:
            doc = load(str(path))
        except DocumentError:
            continue  # refusals are test_corpus.py's business
        styled = any(s.origin is SectionOrigin.STYLE for s in doc.walk())
        lines.append(json.dumps({"doc": str(path.relative_to(CORPUS)), "styled": styled,
                                 "sections": tree_rows(doc)}, ensure_ascii=False))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
