"""Where document-level and section findings meet: one finding, one place. No Qt.

    folded = fold(section_findings, prior, origin, new)
    folded.document   # [(origin, DocumentFinding)]: every document-level finding the review now has
    folded.absorbed   # section finding id -> the document finding that carries its quote now

A pass (the built-in cross-section checks, or the Bedrock consistency pass)
gives new document-level findings. They are merged with the review's other
document-level findings and with the section findings (`merge.merge_findings`:
same passage, same issue), and:

- a section finding merged into a document-level finding is *absorbed*: the
  document-level finding carries its quote, and the section no longer lists
  it (the review keeps it, so that it comes back if the document-level finding
  goes away);
- a finding of the pass that ran before (`origin`) that this run does not give
  again goes away (a rerun replaces its findings, as a section's rerun does);
  findings of the other pass stay;
- decisions carry over through the merge: a merged finding takes the decision
  its decided members agree on (an accepted finding found again stays accepted);
  members that disagree leave it pending.

Section findings of the reviewer's own are never inputs: a person's finding is
not a duplicate of a model's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.findings import Finding
from desktop_app.review.merge import merge_findings

PASSES = ("rules", "consistency")  # the built-in cross-section checks; the Bedrock pass
_PRIOR, _NEW = "p\x00", "n\x00"  # key prefixes: a finding found again has its old id


@dataclass(slots=True)
class Folded:
    document: list[tuple[str, DocumentFinding]] = field(default_factory=list)
    absorbed: dict[str, str] = field(default_factory=dict)  # section finding id -> document id


def _copy(d: DocumentFinding, fid: str) -> DocumentFinding:
    return replace(d, id=fid, quotes=[replace(q) for q in d.quotes],
                   checkpoints=list(d.checkpoints))


def fold(sections: Mapping[str, Sequence[Finding]],
         prior: Sequence[tuple[str, DocumentFinding]], origin: str | None = None,
         new: Sequence[DocumentFinding] = ()) -> Folded:
    """The review's document-level findings once `new` (from the pass `origin`) is in.

    `sections`: each section's model and rules findings, the absorbed ones
    included (they may be absorbed again, or come back). `prior`: the review's
    document-level findings with the pass that made each. `origin` None: no
    pass ran (a section's new answer meets the document-level findings).

    What the rerun pass said before is not merged in (its places may be gone:
    the new run's are the current ones); it only hands its decisions on to the
    findings that repeat it.
    """
    members: dict[str, tuple[str | None, Finding | DocumentFinding]] = {}
    section_inputs: dict[str, list[Finding]] = {}
    for sid, found in sections.items():
        for f in found:
            if f.source == "user" or not f.id:
                continue
            section_inputs.setdefault(sid, []).append(f)
            members[f.id] = (None, f)
    documents: list[DocumentFinding] = []
    rerun: list[DocumentFinding] = []  # what the pass that ran again said before
    for n, (was, d) in enumerate(prior):
        key = f"{_PRIOR}{n}\x00{d.id}"
        if origin is not None and was == origin:
            rerun.append(_copy(d, key))
            continue
        documents.append(_copy(d, key))
        members[key] = (was, d)
    for n, d in enumerate(new):
        d.ensure_id()
        key = f"{_NEW}{n}\x00{d.id}"
        documents.append(_copy(d, key))
        members[key] = (origin, d)

    merged = merge_findings(section_inputs, documents)
    groups: dict[str, list[str]] = {}
    for key, survivor in merged.absorbed.items():
        groups.setdefault(survivor, []).append(key)
    out = Folded()
    used: set[str] = set()
    for d in merged.document:
        keys = groups.get(d.id, []) + ([d.id] if d.id in members else [])
        docs = [k for k in keys if k.startswith((_PRIOR, _NEW))]
        fresh = any(k.startswith(_NEW) for k in docs)
        if not docs:
            continue  # section findings alone never make a document-level finding
        if len(keys) == 1:  # untouched: its own id and decision
            d = _copy(members[keys[0]][1], members[keys[0]][1].id)  # type: ignore[arg-type]
        else:  # merged: the id of its places and issue, the decision its members agree on
            d.decision = _carried(members[k][1].decision for k in keys)
        if d.id in used:
            continue  # two groups that came out the same: one finding
        used.add(d.id)
        was = next((members[k][0] for k in docs if k.startswith(_PRIOR)), None)
        out.document.append((origin if fresh or was is None else was, d))  # type: ignore[arg-type]
        for k in keys:
            if k in members and members[k][0] is None and not k.startswith((_PRIOR, _NEW)):
                out.absorbed[k] = d.id
    _hand_on(rerun, out.document)
    return out


def _hand_on(before: list[DocumentFinding], now: list[tuple[str, DocumentFinding]]) -> None:
    """A decision on a finding the rerun pass gives again (same places and issue, or a
    merge of them) stays with it; only an undecided finding takes one."""
    decided = [d for d in before if d.decision != "pending"]
    if not decided:
        return
    current = [_copy(d, f"{_NEW}{n}") for n, (_, d) in enumerate(now)]
    links = merge_findings({}, [*decided, *current]).absorbed
    groups: dict[str, list[str]] = {}
    for key, survivor in links.items():
        groups.setdefault(survivor, []).append(key)
    by_key = {d.id: d for d in [*decided, *current]}
    for survivor, keys in groups.items():
        group = [*keys, survivor]
        olds = [by_key[k] for k in group if k.startswith(_PRIOR) and k in by_key]
        for k in group:
            if k.startswith(_NEW) and k in by_key:
                target = now[int(k[len(_NEW):])][1]
                if target.decision == "pending":
                    target.decision = _carried(d.decision for d in olds)


def _carried(decisions: object) -> str:
    decided = {d for d in decisions if d != "pending"}  # type: ignore[attr-defined]
    return decided.pop() if len(decided) == 1 else "pending"


def touches(d: DocumentFinding, section_id: str) -> bool:
    return any(q.section == section_id for q in d.quotes)


def in_document_order(findings: Sequence[tuple[str, DocumentFinding]],
                      order: Mapping[str, int]) -> list[tuple[str, DocumentFinding]]:
    """By where their first place is in the document (then by offset)."""
    def first(item: tuple[str, DocumentFinding]) -> tuple[int, int]:
        quotes: list[DocumentQuote] = item[1].quotes
        if not quotes:
            return (len(order) + 1, 0)
        q = min(quotes, key=lambda q: (order.get(q.section, len(order)), q.start or 0))
        return (order.get(q.section, len(order)), q.start or 0)

    return sorted(findings, key=first)
