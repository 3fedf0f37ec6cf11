"""Document-level findings: one issue, several places, each quote in its own section.

What the consistency pass (and, later, the built-in reviewer's cross-section
rules) report: "the outage lasted 47 minutes" in the summary against "94
minutes of disruption" in the impact section. The same fields as a section
finding, except that instead of one quote a finding carries `quotes`, each
tied to its section and anchored there like any quote (verbatim, corrected,
or marked unanchored). In the JSON report (PRODUCT.md section 2):

    {"id", "category", "severity", "confidence", "issue", "suggestion",
     "quotes": [{"section", "quote", "anchored", "quote_original"}],
     "checkpoints", "source", "decision"}
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop_app.review.findings import SEVERITIES, Quote, SchemaError

MAX_QUOTES = 8  # places per finding; more is a list, not a finding

DOCUMENT_FINDINGS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "findings": {
            "type": "array",
            "description": "Every problem that spans sections; an empty list if none.",
            "items": {
                "type": "object",
                "properties": {
                    "category": {"type": "string", "description": "Short category, e.g. "
                                 "'consistency', 'terminology', 'structure', 'completeness'."},
                    "severity": {"type": "string", "enum": list(SEVERITIES)},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "issue": {"type": "string", "description": "What is wrong, naming the "
                              "places that disagree."},
                    "suggestion": {"type": "string", "description": "How to fix it."},
                    "checkpoints": {"type": "array", "items": {"type": "string"},
                                    "description": "Ids of the framework checkpoints."},
                    "quotes": {
                        "type": "array",
                        "description": "One per place involved: the section id and the "
                                       "passage copied verbatim from that section.",
                        "items": {
                            "type": "object",
                            "properties": {
                                "section": {"type": "string",
                                            "description": "A section id from the outline."},
                                "quote": {"type": "string"},
                            },
                            "required": ["section", "quote"],
                        },
                    },
                },
                "required": ["category", "severity", "confidence", "issue", "suggestion",
                             "checkpoints", "quotes"],
            },
        }
    },
    "required": ["findings"],
}


# One place of a finding: the same type as the occurrences a section finding lists.
DocumentQuote = Quote


@dataclass(slots=True)
class DocumentFinding:
    category: str
    severity: str
    confidence: float
    issue: str
    suggestion: str
    quotes: list[DocumentQuote] = field(default_factory=list)
    checkpoints: list[str] = field(default_factory=list)
    source: str = "model"
    decision: str = "pending"
    id: str = ""

    @property
    def sections(self) -> list[str]:
        """The sections involved, in the order of the quotes, each once."""
        return list(dict.fromkeys(q.section for q in self.quotes))

    def ensure_id(self) -> None:
        """A stable id from the places and the issue (not the order of the answer)."""
        if not self.id:
            places = sorted(f"{q.section}\x00{q.quote}" for q in self.quotes)
            key = "\x01".join([*places, self.issue])
            self.id = "d-" + hashlib.blake2b(key.encode(), digest_size=5).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_report(self) -> dict[str, Any]:
        """The `document_findings` entry of the JSON report."""
        return {"id": self.id, "category": self.category, "severity": self.severity,
                "confidence": self.confidence, "issue": self.issue,
                "suggestion": self.suggestion, "quotes": [q.to_report() for q in self.quotes],
                "checkpoints": list(self.checkpoints), "source": self.source,
                "decision": self.decision}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentFinding:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        known["quotes"] = [q if isinstance(q, DocumentQuote) else DocumentQuote(
            **{k: q[k] for k in DocumentQuote.__dataclass_fields__ if k in q})
            for q in known.get("quotes", [])]
        return cls(**known)


def _text(item: dict, key: str, where: str, allow_empty: bool = False) -> str:
    value = item.get(key)
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise SchemaError(f"{where}.{key} must be a non-empty string")
    return value.strip()


def _confidence(item: dict, where: str) -> float:
    value = item.get("confidence")
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            pass
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise SchemaError(f"{where}.confidence must be a number from 0 to 1")
    return float(value)


def _quotes(item: dict, where: str, section_ids: Collection[str] | None) -> list[DocumentQuote]:
    raw = item.get("quotes", [])
    if not isinstance(raw, list):
        raise SchemaError(f"{where}.quotes must be a list of {{section, quote}}")
    quotes: list[DocumentQuote] = []
    for j, q in enumerate(raw[:MAX_QUOTES]):
        at = f"{where}.quotes[{j}]"
        if not isinstance(q, dict):
            raise SchemaError(f"{at} must be an object with a section and a quote")
        section = _text(q, "section", at).strip("[]§ ")
        if section_ids is not None and section not in section_ids:
            raise SchemaError(f"{at}.section {section!r} is not a section id of the outline")
        quotes.append(DocumentQuote(section, _text(q, "quote", at)))
    return quotes


def validate_document_findings(payload: Any, section_ids: Collection[str] | None = None,
                               source: str = "model") -> list[DocumentFinding]:
    """Check the consistency tool's input; raise `SchemaError` saying where.

    `section_ids`: the document's, so a quote cannot name a section that does
    not exist (the model is asked again instead).
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("findings"), list):
        raise SchemaError("the answer must be an object with a 'findings' array")
    out: list[DocumentFinding] = []
    for i, item in enumerate(payload["findings"]):
        where = f"findings[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where} must be an object")
        severity = _text(item, "severity", where).lower()
        if severity not in SEVERITIES:
            raise SchemaError(f"{where}.severity must be one of {', '.join(SEVERITIES)}")
        checkpoints = item.get("checkpoints", [])
        if not isinstance(checkpoints, list) or not all(isinstance(c, str) for c in checkpoints):
            raise SchemaError(f"{where}.checkpoints must be a list of checkpoint ids")
        out.append(DocumentFinding(
            category=_text(item, "category", where), severity=severity,
            confidence=_confidence(item, where), issue=_text(item, "issue", where),
            suggestion=_text(item, "suggestion", where, allow_empty=True),
            quotes=_quotes(item, where, section_ids), checkpoints=list(checkpoints),
            source=source))
    return out
