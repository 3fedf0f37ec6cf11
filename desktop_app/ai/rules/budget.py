"""The noise budget: what a careful editor would write, not every match. No Qt.

1. Repeats of one pattern in a section (hits of a rule with the same `key`)
   become one finding that lists every occurrence, each with its offsets, so
   each is still anchored.
2. Per rule, at most `section_cap` findings per section and `document_cap`
   per document, in document order; the last one shown says how many more
   like it there are ("and 12 more like this ..."), so nothing is dropped
   silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from desktop_app.ai.rules.base import Hit, RuleSpec

Merger = Callable[[list[Hit], str], Hit]
_SHOWN = 4  # occurrences quoted in a merged finding's issue


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def default_merge(hits: list[Hit], text: str) -> Hit:
    """The first hit, naming the other places where the same pattern occurs."""
    first = hits[0]
    others = hits[1:]
    shown = ", ".join(f'"{_short(text[h.start:h.end])}"' for h in others[:_SHOWN]
                      if h.start is not None and h.end is not None)
    more = f", and {len(others) - _SHOWN} more" if len(others) > _SHOWN else ""
    return replace(first, issue=f"{first.issue} The same in {len(others)} more "
                               f"place{'s' if len(others) > 1 else ''} of this section: "
                               f"{shown}{more}.")


def named_sections(places: Sequence[str], shown: int = 3) -> str:
    """'"A"', '"A" and "B"', '"A", "B", "C" and 2 more sections': the other sections a
    once-per-document finding names (its later places are not findings of their own)."""
    named = list(places[:shown])
    rest = len(places) - shown
    if rest > 0:
        named.append(f"{rest} more section{'s' if rest > 1 else ''}")
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + f" and {named[-1]}"


def spans_of(hit: Hit) -> tuple[tuple[int, int], ...]:
    if hit.spans:
        return hit.spans
    if hit.start is None or hit.end is None:
        return ()
    return ((hit.start, hit.end),)


def occurrences(hit: Hit) -> int:
    return max(1, len(spans_of(hit)))


def merge_repeats(hits: Sequence[Hit], text: str, merge: Merger | None = None) -> list[Hit]:
    """Hits that share a key become one hit with every occurrence in `spans`."""
    merge = merge or default_merge
    out: list[Hit] = []
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        if hit.key is None or hit.start is None:
            out.append(hit)
        else:
            groups.setdefault(hit.key, []).append(hit)
    for group in groups.values():
        group.sort(key=lambda h: h.start or 0)
        if len(group) == 1:
            out.append(group[0])
            continue
        merged = merge(group, text)
        spans = tuple(s for h in group for s in spans_of(h))
        out.append(replace(merged, start=group[0].start, end=group[0].end, spans=spans))
    out.sort(key=lambda h: -1 if h.start is None else h.start)
    return out


def _more(hit: Hit, n: int, where: str) -> Hit:
    return replace(hit, issue=f"{hit.issue} (And {n} more like this {where}.)")


def cap_section(spec: RuleSpec, hits: list[Hit]) -> list[Hit]:
    """At most `spec.section_cap` hits, the last one counting the rest."""
    cap = spec.section_cap
    if cap is None or len(hits) <= cap:
        return hits
    rest = sum(occurrences(h) for h in hits[cap:])
    kept = hits[:cap]
    kept[-1] = _more(kept[-1], rest, "in this section")
    return kept


def cap_document(spec: RuleSpec, per_section: list[list[Hit]]) -> list[list[Hit]]:
    """At most `spec.document_cap` hits over the sections (in document order)."""
    cap = spec.document_cap
    if cap is None or sum(len(h) for h in per_section) <= cap:
        return per_section
    out: list[list[Hit]] = []
    shown = 0
    last: tuple[int, int] | None = None  # (section index, hit index) of the last one shown
    rest = 0
    for i, hits in enumerate(per_section):
        room = max(0, cap - shown)
        kept = hits[:room]
        rest += sum(occurrences(h) for h in hits[room:])
        if kept:
            last = (i, len(kept) - 1)
        shown += len(kept)
        out.append(list(kept))
    if last is not None and rest:
        i, j = last
        out[i][j] = _more(out[i][j], rest, "further on in the document, not listed")
    return out
