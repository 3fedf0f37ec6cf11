"""How many real defects the built-in reviewer finds: defects planted in real documents.

bench/rules_quality.py measures precision (are the findings worth keeping?); this
measures recall. Into each evaluation document (the corpus and held-out sets of
rules_quality.py) it plants defects an editor would want raised, each as one new
sentence after a prose sentence of a section: a doubled word, a wrong article ("a
error"), a TODO note, an
"[Insert ...]" slot, a 70-word sentence without structure, an abbreviation used
sections before its definition (more than `SPELLED_SOON` words before: one spelled out
a moment later is no defect, and such a pair is not counted), a vague amount in a
claim ("a significant number of customers"), and a recommendation without an owner
("should be reviewed", in a section of recommendations added at the end). Then it
runs the reviewer over the changed document and counts a defect found when a finding
of the rule meant for it quotes a passage overlapping the planted sentence.

The planted sentences are written by us, as are the rules, so the figures are an upper
bound on what a real defect of each kind gets; what they show is where the rules'
gates, caps and exemptions silence a true defect: by design (vague wording and passive
voice are reported only in documents that report results; never-defined abbreviations
not in technical documents) or not. Figures are printed per kind, overall and by the
kind of document the gates tell apart: reports results (`DocumentIndex.report_like`),
technical (`genre.is_technical`, or a developers' reference), other.

    python bench/rules_recall.py            # every evaluation document that is built
    python bench/rules_recall.py --per-doc 3 --seed 2
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import rules_quality  # noqa: E402

from desktop_app.ai.local_reviewer import LocalProvider  # noqa: E402
from desktop_app.ai.provider import AnalysisRequest, CancelToken  # noqa: E402
from desktop_app.ai.rules import DocumentIndex, SectionInfo  # noqa: E402
from desktop_app.ai.rules.acronyms import SPELLED_SOON  # noqa: E402
from desktop_app.ai.rules.text import code_lines, sentences_of  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.document.model import count_words  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402

# Each kind: the rule meant to find it, and sentences to plant (one per planting, in
# turn, so that no two plantings in a document are the same sentence).
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "doubled word": ("repeated-word", (
        "The auditors checked the the totals before the board met.",
        "We sent the revised plan to to every regional office.",
        "Each team lead signed off on their their budget in March.",
    )),
    "wrong article": ("a-or-an", (
        "The auditors found a error in the totals before the board met.",
        "We sent an revised plan to every regional office.",
        "Each team lead wrote a estimate of their budget in March.",
    )),
    "TODO note": ("placeholder", (
        "TODO: confirm the delivery dates with the warehouse manager.",
        "TODO: add the figures for the second quarter.",
        "TODO: check this paragraph against the signed contract.",
    )),
    "[Insert] slot": ("placeholder", (
        "The agreement is signed by [Insert name of signatory] on behalf of the company.",
        "Payments are due on [insert date] each month.",
        "Questions go to [Insert contact email] during office hours.",
    )),
    "70-word sentence": ("overlong-sentence", (
        "The review that the regional managers carried out over the spring found that the "
        "delays which customers had reported to the call centre in the months after the new "
        "ordering system went live were caused less by the system itself than by the way the "
        "warehouses had been told to batch their shipments before the transport contract was "
        "renegotiated at the end of the previous financial year by the central purchasing team.",
        "When the committee met in the autumn to consider whether the programme that the "
        "previous board had approved without a full costing should continue into its third "
        "year the members who had visited the pilot sites argued that the savings reported "
        "by the project office had been measured against a baseline that nobody outside that "
        "office had ever checked or agreed to in writing before the money was spent.",
    )),
    "abbreviation before definition": ("undefined-acronym", ()),  # planted in pairs
    "vague amount": ("vague-wording", (
        "A significant number of customers reported late deliveries.",
        "Most managers said the new process took a lot of time.",
        "A large number of staff had not completed the training.",
    )),
    "recommendation without owner": ("passive-voice", (
        "The budget should be reviewed before the next meeting.",
        "The complaints procedure must be revised before the end of the year.",
        "The supplier contracts should be renegotiated as soon as they expire.",
    )),
}
# Made-up abbreviations, so that no document defines them already.
ABBREVIATIONS = (("QRMT", "Quality Review Management Team"),
                 ("FPCB", "Facilities Planning and Coordination Board"),
                 ("RSOG", "Regional Service Oversight Group"))


@dataclass(frozen=True)
class Planted:
    kind: str
    rule: str
    section_id: str
    start: int  # the planted sentence in the section's new text
    end: int


def _prose_ends(info: SectionInfo) -> list[int]:
    """Offsets after prose sentences of a section (of 8+ words, not on a code line nor in
    what the document formats as code)."""
    code = code_lines(info.text) + list(info.code)
    out = []
    for span in sentences_of(info.text, info.breaks):
        if len(span.text.split()) < 8 or not span.text.endswith("."):
            continue
        if any(a <= span.start < b for a, b in code):
            continue
        out.append(span.end)
    return out


def _words_between(sections: list[SectionInfo], a: tuple[int, int], b: tuple[int, int]
                   ) -> int:
    """Words from place `a` to place `b` (section index, offset in its text)."""
    (na, oa), (nb, ob) = a, b
    if na == nb:
        return count_words(sections[na].text[oa:ob])
    return (count_words(sections[na].text[oa:]) + count_words(sections[nb].text[:ob])
            + sum(count_words(s.text) for s in sections[na + 1:nb]))


def _plant(info: SectionInfo, at: int, sentence: str) -> tuple[SectionInfo, int, int]:
    text = info.text[:at] + " " + sentence + info.text[at:]
    shift = len(sentence) + 1
    breaks = tuple(b + shift if b >= at else b for b in info.breaks)
    # (a span ending where the sentence goes in does not take it in)
    code = tuple((a + shift if a >= at else a, b + shift if b > at else b)
                 for a, b in info.code)
    return (replace(info, text=text, breaks=breaks, code=code), at + 1,
            at + 1 + len(sentence))


def plant_document(sections: list[SectionInfo], kind: str, per_doc: int,
                   rng: random.Random) -> tuple[list[SectionInfo], list[Planted]]:
    """`per_doc` defects of one kind, each in a different section (two for an
    abbreviation: its use, then its definition in a later section)."""
    rule, pool = KINDS[kind]
    if kind == "recommendation without owner":
        # What the rule is for: a recommendation, so a section of them at the end.
        return _plant_recommendations(sections, pool, per_doc)
    candidates = [n for n, s in enumerate(sections) if _prose_ends(s)]
    if kind == "abbreviation before definition":
        pairs = sorted(rng.sample(candidates, min(len(candidates), 2 * per_doc)))
        plans = [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
    else:
        plans = [(n, None) for n in sorted(rng.sample(candidates, min(len(candidates), per_doc)))]
    out = list(sections)
    planted = []
    for i, (n, later) in enumerate(plans):
        if kind == "abbreviation before definition":
            short, long_form = ABBREVIATIONS[i % len(ABBREVIATIONS)]
            sentence = f"The {short} approved the plan in May."
            definition = f"The {long_form} ({short}) meets every quarter."
            info = out[later]
            info, def_start, _ = _plant(info, rng.choice(_prose_ends(info)), definition)
            out[later] = info
        else:
            sentence = pool[i % len(pool)]
        info = out[n]
        info, start, end = _plant(info, rng.choice(_prose_ends(info)), sentence)
        out[n] = info
        if later is not None and _words_between(out, (n, start), (later, def_start)) <= \
                SPELLED_SOON:
            continue  # spelled out a moment later: no defect (see acronyms.SPELLED_SOON)
        planted.append(Planted(kind, rule, info.id, start, end))
    return out, planted


def _plant_recommendations(sections: list[SectionInfo], pool: tuple[str, ...], per_doc: int
                           ) -> tuple[list[SectionInfo], list[Planted]]:
    out, planted = list(sections), []
    for i in range(per_doc):
        lead = "The review team discussed these points with the board in the spring."
        sentence = pool[i % len(pool)]
        info = SectionInfo(f"planted-recommendations-{i}", "Recommendations",
                           f"{lead} {sentence}", level=1, has_children=False)
        out.append(info)
        start = len(lead) + 1
        planted.append(Planted("recommendation without owner", "passive-voice", info.id,
                               start, start + len(sentence)))
    return out, planted


def found(index: DocumentIndex, planted: list[Planted]) -> list[bool]:
    framework = find_framework("General writing quality")
    provider = LocalProvider(index)
    by_section: dict[str, list] = {}
    for p in planted:
        if p.section_id not in by_section:
            info = index.section(p.section_id)
            request = AnalysisRequest(info.id, info.title, info.text, framework)
            by_section[p.section_id] = provider.review(request, CancelToken())
    out = []
    for p in planted:
        hit = False
        for rf in by_section[p.section_id]:
            if rf.rule != p.rule:
                continue
            f = rf.finding
            spans = [(q.start, q.end) for q in (getattr(f, "quotes", None) or ())
                     if q.start is not None and q.section == p.section_id]
            if f.start is not None:
                spans.append((f.start, f.end))
            # Overlapping will do: a sentence the splitter ran together with the one
            # before it is still quoted, and the reader still sees the planted one.
            if any(s < p.end and p.start < e for s, e in spans):
                hit = True
                break
        out.append(hit)
    return out


def _kind_of_document(index: DocumentIndex) -> str:
    """The kinds the rules' gates tell apart (genre.py, DocumentIndex.report_like)."""
    if index.technical or index.acronyms.developers:
        return "technical"
    if index.report_like:
        return "reports results"
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--per-doc", type=int, default=2, help="defects of each kind a document")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--misses", action="store_true", help="list each defect not found")
    ap.add_argument("--kind", choices=list(KINDS), help="plant only this kind")
    ap.add_argument("--doc", help="only documents whose path contains this")
    args = ap.parse_args()
    docs = [rel for rel, _genre in rules_quality.DOCUMENTS
            if rel != rules_quality.HANDBOOK and rules_quality._path(rel).is_file()
            and (args.doc is None or args.doc in rel)]
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    by_doc_kind: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    used = 0
    for rel in docs:
        doc = load(str(rules_quality._path(rel)))
        base = DocumentIndex.from_document(doc)
        if not base.english or base.sample_text or base.words < 300:
            continue  # the English rules do not run, or a formatting test
        used += 1
        doc_kind = _kind_of_document(base)
        for kind in KINDS:
            if args.kind and kind != args.kind:
                continue
            rng = random.Random(f"{args.seed}/{rel}/{kind}")
            sections, planted = plant_document(list(base.sections), kind, args.per_doc, rng)
            if not planted:
                continue
            hits = found(DocumentIndex(sections), planted)
            if args.misses:
                for p, hit in zip(planted, hits, strict=True):
                    if not hit:
                        print(f"missed {kind!r} in {rel} [{p.section_id}]: "
                              f"{_around(sections, p)}")
            totals[kind]["planted"] += len(hits)
            totals[kind]["found"] += sum(hits)
            by_doc_kind[(kind, doc_kind)]["planted"] += len(hits)
            by_doc_kind[(kind, doc_kind)]["found"] += sum(hits)
    print(f"defects planted in {used} evaluation documents (English prose, 300+ words; "
          f"{args.per_doc} of each kind a document, seed {args.seed})")
    doc_kinds = ("reports results", "other", "technical")
    print(f"{'kind':32} {'found':>11}  " + "  ".join(f"{k:>16}" for k in doc_kinds))
    all_found = all_planted = 0
    for kind in KINDS:
        t = totals[kind]
        if not t["planted"]:
            continue
        all_found += t["found"]
        all_planted += t["planted"]
        cells = []
        for dk in doc_kinds:
            c = by_doc_kind[(kind, dk)]
            cells.append(f"{c['found']:>4}/{c['planted']:<4} {_pct(c):>6}" if c["planted"]
                         else f"{'-':>16}")
        print(f"{kind:32} {t['found']:>4}/{t['planted']:<4} {_pct(t):>6}  "
              + "  ".join(f"{c:>16}" for c in cells))
    print(f"{'all kinds':32} {all_found:>4}/{all_planted:<4} "
          f"{100 * all_found / max(1, all_planted):5.1f}%")
    return 0


def _around(sections: list[SectionInfo], p: Planted) -> str:
    text = next(s.text for s in sections if s.id == p.section_id)
    return repr(text[max(0, p.start - 60):p.end + 30])


def _pct(c: Counter[str]) -> str:
    return f"{100 * c['found'] / c['planted']:5.1f}%"


if __name__ == "__main__":
    raise SystemExit(main())
