"""Deterministic cross-section checks of the built-in reviewer. No Qt, no network.

    findings = check_document(doc, framework, cancel)   # list[DocumentFinding]

Four checks, each a small module, each reading the whole document once:

- `references`: "see Section 7.3", "Table 4", "Appendix C" where the document
  has no such section, table or appendix;
- `acronyms`: an acronym spelled out two different ways;
- `values`: the same named time, amount, duration or identifier given two
  different values in two sections;
- `definitions`: a defined term ('"Service Date" means ...', '(the
  "Agreement")') used in a section before the one that defines it.

Every finding is a `DocumentFinding` with `source="rules"`, a quote per place
involved, each verbatim from its section's text with its offsets (anchored by
construction), and an issue that names the sections. A check reports at most
`MAX_PER_CHECK` findings per document; the last one shown counts the rest
("And 4 more like this: ..."). The same document gives the same findings,
with the same ids, in the same order. Cancelling raises `Cancelled`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_app.ai.crosscheck import acronyms, definitions, references, values
from desktop_app.ai.crosscheck.base import CheckInput, Flag, clip
from desktop_app.ai.crosscheck.checkpoints import checkpoints_for
from desktop_app.ai.provider import CancelToken
from desktop_app.document.model import Document
from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.frameworks import Framework

CROSSCHECK_VERSION = 1  # bump whenever a check changes what it reports
MAX_PER_CHECK = 5
_MORE_SHOWN = 4  # labels named in "And N more like this: ..."


@dataclass(frozen=True, slots=True)
class CheckSpec:
    id: str
    category: str
    severity: str
    confidence: float
    run: Callable[[CheckInput], list[Flag]]


CHECKS: tuple[CheckSpec, ...] = (
    CheckSpec(references.CHECK, "structure", "major", 0.9, references.check),
    CheckSpec(acronyms.CHECK, "terminology", "minor", 0.85, acronyms.check),
    CheckSpec(values.CHECK, "consistency", "major", 0.8, values.check),
    CheckSpec(definitions.CHECK, "terminology", "minor", 0.75, definitions.check),
)


@dataclass(frozen=True, slots=True)
class CrossFinding:
    check: str  # the check's id, e.g. "missing-reference"
    finding: DocumentFinding


def _capped(flags: list[Flag]) -> list[Flag]:
    flags = sorted(flags, key=lambda f: f.order)
    if len(flags) <= MAX_PER_CHECK:
        return flags
    shown, rest = flags[:MAX_PER_CHECK], flags[MAX_PER_CHECK:]
    names = ", ".join(clip(f.label, 40) for f in rest[:_MORE_SHOWN])
    more = ", \u2026" if len(rest) > _MORE_SHOWN else ""
    last = shown[-1]
    last.issue = f"{last.issue} (And {len(rest)} more like this: {names}{more}.)"
    return shown


def _finding(spec: CheckSpec, flag: Flag, framework: Framework | None) -> DocumentFinding:
    quotes = [DocumentQuote(p.section.id, p.quote, anchored=True, start=p.start, end=p.end)
              for p in flag.places]
    finding = DocumentFinding(
        category=spec.category,
        severity=flag.severity or spec.severity,
        confidence=flag.confidence if flag.confidence is not None else spec.confidence,
        issue=flag.issue, suggestion=flag.suggestion, quotes=quotes,
        checkpoints=list(checkpoints_for(framework, spec.id)) if framework else [],
        source="rules")
    finding.ensure_id()
    return finding


def run_checks(doc: Document | CheckInput, framework: Framework | None = None,
               cancel: CancelToken | None = None,
               checks: Sequence[CheckSpec] = CHECKS) -> list[CrossFinding]:
    """Every check's findings with the check that made each, in check then document order."""
    data = doc if isinstance(doc, CheckInput) else CheckInput.from_document(doc, cancel)
    if cancel is not None:
        data.cancel = cancel
    out: list[CrossFinding] = []
    for spec in checks:
        data.checkpoint()
        for flag in _capped(spec.run(data)):
            out.append(CrossFinding(spec.id, _finding(spec, flag, framework)))
    return out


def check_document(doc: Document, framework: Framework | None = None,
                   cancel: CancelToken | None = None) -> list[DocumentFinding]:
    """The built-in reviewer's document-level findings for `doc`."""
    return [cf.finding for cf in run_checks(doc, framework, cancel)]
