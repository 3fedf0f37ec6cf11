"""How useful the built-in reviewer's cross-section checks are, against hand judgements.

Runs `ai.crosscheck.run_checks` over long English documents: those of the shared
corpus, the licence texts Debian ships in /usr/share/common-licenses (real legal
documents full of "section 7" and '"Licensee" means', turned into .docx with
their numbered headings as headings), and the app's sample incident report.
Every finding is matched to `tests/data/crosscheck_judgements.jsonl` (keep /
noise / wrong, each with a
one-line reason, keyed by document, check and quotes) and the figures are
printed per check and overall: findings, findings per document, keep rate,
wrong rate, and how many are not judged yet (to judge before the rates mean
anything). Then the time of the checks on the 872-page handbook, against the
time to open it, in the same run.

    python bench/crosscheck_quality.py               # the figures
    python bench/crosscheck_quality.py --unjudged    # print what is not judged yet, as JSON lines

Targets (issue 13): keep >= 70 %, wrong <= 5 %; the handbook well under a second.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ai.crosscheck import CHECKS, run_checks  # noqa: E402
from desktop_app.document import load  # noqa: E402
from tests.docx_factory import esc, write_docx  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LICENCES = Path("/usr/share/common-licenses")
JUDGEMENTS = ROOT / "tests" / "data" / "crosscheck_judgements.jsonl"
HANDBOOK = "unstructured/example-docs__handbook-872p.docx"
_SDK = "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__"
_V2 = _SDK + "TestDataStorage__v2FxTestFiles__"

# The corpus documents of 1,000 words or more that are in English prose, and the shorter
# English ones that issue 14's evaluation uses (bench/rules_quality.py on that branch).
DOCUMENTS: tuple[str, ...] = (
    HANDBOOK,
    _V2 + "bvt__complex2005_12rtm.docx",
    _V2 + "wordprocessing__hyperlink__632399964516872542 1.docx",
    "docx4j/docs__Docx4j_GettingStarted.docx",
    "docx4j/docs__headers_footers.docx",
    _V2 + "wordprocessing__footer & header__Business Plan for a Startup Business_July.docx",
    "tika/tika-grpc__src__test__resources__test-files__017091.docx",
    "docx-rs/fixtures__spec_vanish__spec_vanish.docx",
    "docx2python/tests__resources__invalid_tag_name.docx",
    "Aspose.Words-for-.NET/Examples__Data__Big document.docx",
    _SDK + "TestFiles__complex2010.docx",
    _SDK + "TestFiles__Document.docx",
    _V2 + "wordprocessing__mixed features__webappdis.docx",
    _V2 + "wordprocessing__table__2003 Consumer Confidence Report.docx",
    "docx4j/docx4j-samples-docx4j__sample-docs__decracdiscrim1.docx",
    _V2 + "wordprocessing__hyperlink__632399205748969391 Moon Tregillus.docx",
    "docx4j/docs__Creating SmartArt with docx4j.docx",
    "poi/test-data__document__IllustrativeCases.docx",
    "docx4j/legals__docx4j_IndividualContributor.docx",
    "Open-Xml-PowerTools/TestFiles__DB006-Source2.docx",
    "markitdown/packages__markitdown__tests__test_files__test_with_comment.docx",
)
LICENCE_FILES = ("GPL-2", "GPL-3", "LGPL-2.1", "LGPL-3", "Apache-2.0", "MPL-1.1", "MPL-2.0",
                 "GFDL-1.3", "Artistic")
STYLES = "".join(
    f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
    f'<w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>' for n in (1, 2, 3))
_HEADING = re.compile(r"^(?:(?:Section|SECTION|Article)\s+)?(\d+(?:\.\d+)*)\.?\s+\S.{0,70}$"
                      r"|^[A-Z][A-Z ,'-]{6,60}$")


def licence_docx(name: str, folder: Path) -> Path:
    """A licence text as a .docx: paragraphs at blank lines, numbered short ones as headings."""
    text = (LICENCES / name).read_text(encoding="utf-8", errors="replace")
    body = []
    for block in re.split(r"\n\s*\n", text):
        para = " ".join(block.split())
        if not para:
            continue
        m = _HEADING.match(para)
        if m and len(para) <= 80 and not para.endswith((",", ";")):
            level = min(3, m.group(1).count(".") + 1) if m.group(1) else 1
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>'
                        f'<w:r><w:t xml:space="preserve">{esc(para)}</w:t></w:r></w:p>')
        else:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{esc(para)}</w:t></w:r></w:p>')
    return write_docx(folder / f"{name}.docx", "".join(body), styles=STYLES)


SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"


def documents(folder: Path) -> list[tuple[str, Path]]:
    out = [(rel, CORPUS / rel) for rel in DOCUMENTS if (CORPUS / rel).exists()]
    out.append(("sample:incident investigation", SAMPLE))  # the app's own sample report
    out += [(f"licence:{n}", licence_docx(n, folder)) for n in LICENCE_FILES
            if (LICENCES / n).exists()]
    return out


def key(doc: str, check: str, quotes: list[str], issue: str) -> str:
    """What a finding is about: its document, check, quotes and subject (the issue's first
    quoted words: two missing tables can share their quotes)."""
    subject = issue.split("\u201d", 1)[0]
    return json.dumps([doc, check, sorted(" ".join(q.split()) for q in quotes), subject])


def load_judgements() -> list[dict]:
    if not JUDGEMENTS.exists():
        return []
    return [json.loads(line) for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def timing() -> str:
    path = CORPUS / HANDBOOK
    if not path.exists():
        return "handbook: not in this checkout"
    opens, checks = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        doc = load(str(path))
        t1 = time.perf_counter()
        run_checks(doc)
        t2 = time.perf_counter()
        opens.append(t1 - t0)
        checks.append(t2 - t1)
    o, c = statistics.median(opens), statistics.median(checks)
    return (f"handbook (125,614 words): checks {c:.2f} s, open {o:.2f} s, "
            f"checks / open = {c / o:.2f} (median of 3)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unjudged", action="store_true", help="print unjudged findings as JSON")
    args = ap.parse_args()
    judgements = load_judgements()
    judged = {key(j["doc"], j["check"], j["quotes"], j["issue"]): j for j in judgements}
    per_check: dict[str, Counter] = defaultdict(Counter)
    per_doc: Counter = Counter()
    unjudged: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = documents(Path(tmp))
        for name, path in docs:
            doc = load(str(path))
            for cf in run_checks(doc):
                f = cf.finding
                quotes = [q.quote for q in f.quotes]
                per_doc[name] += 1
                j = judged.get(key(name, cf.check, quotes, f.issue))
                if j is None:
                    per_check[cf.check]["unjudged"] += 1
                    unjudged.append({"doc": name, "check": cf.check, "quotes": quotes,
                                     "sections": [q.section for q in f.quotes],
                                     "issue": f.issue, "verdict": "", "reason": ""})
                else:
                    per_check[cf.check][j["verdict"]] += 1
    if args.unjudged:
        for u in unjudged:
            print(json.dumps(u, ensure_ascii=False))
        return 0
    corpus = sum(not n.startswith(("licence:", "sample:")) for n, _ in docs)
    print(f"{len(docs)} documents ({corpus} from the corpus, "
          f"{sum(n.startswith('licence:') for n, _ in docs)} licence texts, the app's sample)")
    print(f"{'check':24} {'findings':>8} {'keep':>5} {'noise':>5} {'wrong':>5} {'unjudged':>8}"
          f" {'keep %':>7} {'wrong %':>7}")
    total: Counter = Counter()
    for spec in CHECKS:
        c = per_check[spec.id]
        total.update(c)
        print(_row(spec.id, c))
    print(_row("all", total))
    found = sum(per_doc.values())
    print(f"findings per document: {found / max(1, len(docs)):.2f} "
          f"({found} in {len(docs)}; most: "
          + ", ".join(f"{n.split('/')[-1][:40]} {k}" for n, k in per_doc.most_common(3)) + ")")
    before = Counter(j["verdict"] for j in judgements if j.get("round") == "before")
    n = sum(before.values())
    if n:
        print(f"before tuning (round 'before' of the judgements): {n} findings, keep "
              f"{100 * before['keep'] / n:.0f} %, noise {100 * before['noise'] / n:.0f} %, "
              f"wrong {100 * before['wrong'] / n:.0f} %")
    print(timing())
    return 0


def _row(name: str, c: Counter) -> str:
    judged = c["keep"] + c["noise"] + c["wrong"]
    n = judged + c["unjudged"]
    keep = f"{100 * c['keep'] / judged:.0f}" if judged else "-"
    wrong = f"{100 * c['wrong'] / judged:.0f}" if judged else "-"
    return (f"{name:24} {n:>8} {c['keep']:>5} {c['noise']:>5} {c['wrong']:>5} "
            f"{c['unjudged']:>8} {keep:>7} {wrong:>7}")


if __name__ == "__main__":
    raise SystemExit(main())
