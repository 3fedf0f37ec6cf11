"""One finding, one place: merge duplicates across sections, parts and passes.

    merged = merge_findings({section_id: [Finding, ...]}, [DocumentFinding, ...])
    merged.sections, merged.document, merged.absorbed   # absorbed: old id -> surviving id

Two findings are the same finding when they are about the same passage and
say the same thing:

- their quotes overlap: in the same section, anchored spans that share at
  least one character (touching is not overlapping), or, for an unanchored
  quote, the same text or one containing the other;
- their issues match: the content words of the two issues overlap enough
  (Jaccard >= 0.5, or >= 0.35 when the category is the same). "Passive voice"
  and "vague wording" on one sentence are two findings; "the duration is
  given as 47 minutes here but 94 in Impact" and "47 minutes contradicts the
  94 minutes of the Impact section" are one.

A group of duplicates keeps its most severe, then most confident, member's
wording, the highest severity and confidence, every checkpoint, and every
quote. A group of section findings whose quotes all lie within one of them
stays a section finding, on that widest quote; any other group becomes a
document-level finding carrying each distinct quote. Pure, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.findings import SEVERITIES, Finding

SAME_ISSUE = 0.5  # Jaccard of the issues' content words
SAME_ISSUE_SAME_CATEGORY = 0.35
MIN_CONTAINED_CHARS = 12  # an unanchored quote shorter than this matches only itself

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset("""
a about above after again all also an and any are as at be been before being below between
both but by can could did do does doing during each few for from further had has have having
here how if in into is it its itself just more most no nor not now of off on once only or other
our out over own same should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who why will
with would you your section document text here there
""".split())


def _words(text: str) -> frozenset[str]:
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOP or (len(w) < 3 and not w.isdigit()):
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(slots=True)
class _Place:
    section: str
    quote: str
    start: int | None
    end: int | None
    anchored: bool
    quote_original: str | None

    def overlaps(self, other: _Place) -> bool:
        if self.section != other.section:
            return False
        if (self.anchored and other.anchored and None not in (self.start, self.end,
                                                                 other.start, other.end)):
            return self.start < other.end and other.start < self.end  # type: ignore[operator]
        a, b = _norm(self.quote), _norm(other.quote)
        if a == b:
            return True
        short, long = (a, b) if len(a) <= len(b) else (b, a)
        return len(short) >= MIN_CONTAINED_CHARS and short in long

    def within(self, other: _Place) -> bool:
        """This place lies inside `other` (same passage or part of it)."""
        if self.section != other.section:
            return False
        if (self.anchored and other.anchored and None not in (self.start, self.end,
                                                                 other.start, other.end)):
            return other.start <= self.start and self.end <= other.end  # type: ignore[operator]
        return _norm(self.quote) in _norm(other.quote)

    def key(self) -> tuple:
        if self.anchored and self.start is not None:
            return (self.section, self.start, self.end)
        return (self.section, _norm(self.quote))


@dataclass(slots=True)
class _Item:
    finding: Finding | DocumentFinding
    places: list[_Place]
    words: frozenset[str]
    order: int

    @property
    def rank(self) -> tuple:
        f = self.finding
        severity = SEVERITIES.index(f.severity) if f.severity in SEVERITIES else len(SEVERITIES)
        return (severity, -f.confidence, self.order)


@dataclass(slots=True)
class MergeResult:
    sections: dict[str, list[Finding]] = field(default_factory=dict)
    document: list[DocumentFinding] = field(default_factory=list)
    absorbed: dict[str, str] = field(default_factory=dict)  # merged-away id -> surviving id


def same_issue(a: Finding | DocumentFinding, b: Finding | DocumentFinding) -> bool:
    wa, wb = _words(a.issue), _words(b.issue)
    if not wa or not wb:
        return _norm(a.issue) == _norm(b.issue)
    jaccard = len(wa & wb) / len(wa | wb)
    same_category = _norm(a.category) == _norm(b.category)
    return jaccard >= (SAME_ISSUE_SAME_CATEGORY if same_category else SAME_ISSUE)


def _items(sections: Mapping[str, Sequence[Finding]],
           document: Sequence[DocumentFinding]) -> list[_Item]:
    items: list[_Item] = []
    for sid, findings in sections.items():
        for f in findings:
            place = _Place(sid, f.quote, f.start, f.end, f.anchored, f.quote_original)
            items.append(_Item(f, [place], _words(f.issue), len(items)))
    for d in document:
        places = [_Place(q.section, q.quote, q.start, q.end, q.anchored, q.quote_original)
                  for q in d.quotes]
        items.append(_Item(d, places, _words(d.issue), len(items)))
    return items


def _groups(items: list[_Item]) -> list[list[_Item]]:
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_section: dict[str, list[tuple[int, _Place]]] = {}
    for i, item in enumerate(items):
        for place in item.places:
            by_section.setdefault(place.section, []).append((i, place))
    for entries in by_section.values():
        for x in range(len(entries)):
            i, p = entries[x]
            for y in range(x + 1, len(entries)):
                j, q = entries[y]
                if i == j or find(i) == find(j):
                    continue
                if p.overlaps(q) and same_issue(items[i].finding, items[j].finding):
                    parent[find(j)] = find(i)
    groups: dict[int, list[_Item]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return sorted(groups.values(), key=lambda g: min(it.order for it in g))


def _fid(item: _Item) -> str:
    return item.finding.id


def _combine(group: list[_Item], result: MergeResult) -> None:
    group = sorted(group, key=lambda it: it.rank)
    primary = group[0]
    main = primary.finding
    checkpoints = list(dict.fromkeys(c for it in group for c in it.finding.checkpoints))
    confidence = max(it.finding.confidence for it in group)
    decisions = {it.finding.decision for it in group}
    decision = decisions.pop() if len(decisions) == 1 else "pending"
    places: list[_Place] = []
    seen: set[tuple] = set()
    for it in group:
        for place in it.places:
            if place.key() not in seen:
                seen.add(place.key())
                places.append(place)
    # One passage holding every other quote: the group is still one section's finding.
    outer = next((o for o in places if all(p.within(o) for p in places)), None)
    if outer is not None and all(isinstance(it.finding, Finding) for it in group):
        kept = replace(main, confidence=confidence, checkpoints=checkpoints, decision=decision,
                       quote=outer.quote, start=outer.start, end=outer.end,
                       anchored=outer.anchored, quote_original=outer.quote_original)
        result.sections.setdefault(outer.section, []).append(kept)
        keep = kept.id
    else:
        merged = DocumentFinding(
            category=main.category, severity=main.severity, confidence=confidence,
            issue=main.issue, suggestion=main.suggestion,
            quotes=[DocumentQuote(p.section, p.quote, p.anchored, p.quote_original, p.start, p.end)
                    for p in places],
            checkpoints=checkpoints, source=main.source, decision=decision,
            id=main.id if isinstance(main, DocumentFinding) and len(group) == 1 else "")
        merged.ensure_id()
        result.document.append(merged)
        keep = merged.id
    for it in group:
        if _fid(it) and _fid(it) != keep:
            result.absorbed[_fid(it)] = keep


def merge_findings(sections: Mapping[str, Sequence[Finding]],
                   document: Sequence[DocumentFinding] = ()) -> MergeResult:
    """Merge duplicates; every section of `sections` is in the result (maybe with [])."""
    result = MergeResult(sections={sid: [] for sid in sections})
    for group in _groups(_items(sections, document)):
        if len(group) == 1 and isinstance(group[0].finding, Finding):
            result.sections[group[0].places[0].section].append(group[0].finding)
        elif len(group) == 1:
            result.document.append(group[0].finding)  # type: ignore[arg-type]
        else:
            _combine(group, result)
    return result


def merge_document_findings(findings: Sequence[DocumentFinding]) -> list[DocumentFinding]:
    """Duplicates among document-level findings (one per batch of the consistency pass)."""
    return merge_findings({}, findings).document
