"""Findings: what a reviewer (model, rules or person) says about a passage.

The same shape comes from Bedrock (validated tool input), from the built-in
reviewer and from the person reviewing; `FINDINGS_SCHEMA` is the JSON schema
the model is forced to fill in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("critical", "major", "minor", "suggestion")
DECISIONS = ("pending", "accepted", "rejected")
SOURCES = ("model", "rules", "user")

FINDINGS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "findings": {
            "type": "array",
            "description": "Every problem found in the section; an empty list if none.",
            "items": {
                "type": "object",
                "properties": {
                    "category": {"type": "string", "description": "Short category, e.g. "
                                 "'clarity', 'consistency', 'evidence', 'structure'."},
                    "severity": {"type": "string", "enum": list(SEVERITIES)},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "quote": {"type": "string", "description": "The exact passage of the "
                              "section the finding is about, copied verbatim (at most a "
                              "sentence or two)."},
                    "issue": {"type": "string", "description": "What is wrong, specifically."},
                    "suggestion": {"type": "string", "description": "How to fix it."},
                    "rewrite": {"type": ["string", "null"], "description": "Optional "
                                "replacement text for the quote."},
                    "checkpoints": {"type": "array", "items": {"type": "string"},
                                    "description": "Ids of the framework checkpoints."},
                },
                "required": ["category", "severity", "confidence", "quote", "issue",
                             "suggestion", "checkpoints"],
            },
        }
    },
    "required": ["findings"],
}


@dataclass(slots=True)
class Quote:
    """One of several passages a finding is about (PRODUCT.md §2: `quotes`).

    A section finding about a pattern that recurs lists each occurrence here
    (the first is also the finding's own quote); a document-level finding
    (`review/document_findings.py`, where it is also `DocumentQuote`) lists one
    per place involved, each in its own section.
    """

    section: str  # the section id
    quote: str
    anchored: bool = False
    quote_original: str | None = None
    start: int | None = None  # offsets in that section's text, when anchored
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """`dataclasses.asdict(self)` (Finding.to_dict says why not asdict)."""
        return {"section": self.section, "quote": self.quote, "anchored": self.anchored,
                "quote_original": self.quote_original, "start": self.start, "end": self.end}

    def to_report(self) -> dict[str, Any]:
        """The report's shape: section, quote, anchored, quote_original."""
        return {"section": self.section, "quote": self.quote, "anchored": self.anchored,
                "quote_original": self.quote_original}


class SchemaError(ValueError):
    """Model output that does not fit the findings schema (the message says where)."""


@dataclass(slots=True)
class Finding:
    category: str
    severity: str
    confidence: float
    quote: str
    issue: str
    suggestion: str
    checkpoints: list[str] = field(default_factory=list)
    rewrite: str | None = None
    source: str = "model"
    anchored: bool = False
    quote_original: str | None = None  # the model's wording when the quote was corrected
    start: int | None = None  # character offsets of the anchored quote in the section text
    end: int | None = None
    decision: str = "pending"
    id: str = ""
    # Every passage, when the finding is about several (the first one is `quote`);
    # empty for a finding about one passage.
    quotes: list[Quote] = field(default_factory=list)

    def ensure_id(self, section_id: str, index: int) -> None:
        """A stable id from the section, the content and its position in the answer."""
        if not self.id:
            self.id = finding_id(section_id, index, self.quote, self.issue)

    def to_dict(self) -> dict[str, Any]:
        """What `dataclasses.asdict` gives, built directly: asdict deep-copies field by
        field (60-100 us a finding), and every answer's findings are turned into dicts
        on the GUI thread as they are saved (bench/window_bench.py)."""
        data = {name: getattr(self, name) for name in _FINDING_FIELDS}  # asdict's order
        data["checkpoints"] = list(self.checkpoints)
        data["quotes"] = [q.to_dict() for q in self.quotes]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        if known.get("quotes"):
            known["quotes"] = [q if isinstance(q, Quote) else Quote(
                **{k: q[k] for k in Quote.__dataclass_fields__ if k in q})
                for q in known["quotes"]]
        return cls(**known)


# Every field, in order; to_dict replaces the two lists by copies (the other values
# are immutable).
_FINDING_FIELDS = tuple(Finding.__dataclass_fields__)


def finding_id(section_id: str, index: int, quote: str, issue: str, salt: int = 0) -> str:
    key = f"{section_id}\x00{index}\x00{quote}\x00{issue}"
    if salt:
        key += f"\x00{salt}"
    # surrogatepass: an id is never the place a stray surrogate fails a section
    return "f-" + hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def assign_ids(section_id: str, findings: list[Finding]) -> None:
    """Give a section's model or rules findings their ids, in place, afresh.

    The id depends on the section, the finding's place in the section's whole
    answer and its content, never on where the answer came from: a section
    answered from the result cache (an answer first made for a twin section of
    the same text) or analysed in parts gets ids of its own, unique in the
    section, and an unchanged section gets the ids it had before (so stored
    decisions stay attached). The store refuses two current findings with one id.
    A finding's occurrences (`quotes`) are all in its section: they are given the
    section too (an answer made for a twin section named the twin).
    """
    seen: set[str] = set()
    for index, finding in enumerate(findings):
        for quote in finding.quotes:
            quote.section = section_id
        salt = 0
        new = finding_id(section_id, index, finding.quote, finding.issue)
        while new in seen:  # a 40-bit clash: rare, but it must not cost the section
            salt += 1
            new = finding_id(section_id, index, finding.quote, finding.issue, salt)
        seen.add(new)
        finding.id = new


def _require_str(item: dict, key: str, where: str, allow_empty: bool = False) -> str:
    value = item.get(key)
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise SchemaError(f"{where}.{key} must be a non-empty string")
    _check_encodable(value, f"{where}.{key}")
    return value.strip()


def _check_encodable(value: str, where: str) -> None:
    """A lone surrogate (JSON "\\ud800") can be neither stored nor sent: the answer is
    malformed, and the message says where without quoting it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise SchemaError(f"{where} contains an invalid character (a lone UTF-16 surrogate)"
                          ) from None


def validate_findings(payload: Any, source: str = "model") -> list[Finding]:
    """Check a tool input against the schema; raise `SchemaError` saying where."""
    if not isinstance(payload, dict) or not isinstance(payload.get("findings"), list):
        raise SchemaError("the answer must be an object with a 'findings' array")
    findings = []
    for i, item in enumerate(payload["findings"]):
        where = f"findings[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where} must be an object")
        severity = _require_str(item, "severity", where).lower()
        if severity not in SEVERITIES:
            raise SchemaError(f"{where}.severity must be one of {', '.join(SEVERITIES)}")
        confidence = item.get("confidence")
        if isinstance(confidence, str):
            try:
                confidence = float(confidence)
            except ValueError:
                pass
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not (
            0 <= confidence <= 1
        ):
            raise SchemaError(f"{where}.confidence must be a number from 0 to 1")
        checkpoints = item.get("checkpoints", [])
        if not isinstance(checkpoints, list) or not all(isinstance(c, str) for c in checkpoints):
            raise SchemaError(f"{where}.checkpoints must be a list of checkpoint ids")
        for k, checkpoint in enumerate(checkpoints):
            _check_encodable(checkpoint, f"{where}.checkpoints[{k}]")
        rewrite = item.get("rewrite")
        if rewrite is not None and not isinstance(rewrite, str):
            raise SchemaError(f"{where}.rewrite must be a string or null")
        if isinstance(rewrite, str):
            _check_encodable(rewrite, f"{where}.rewrite")
        findings.append(
            Finding(
                category=_require_str(item, "category", where),
                severity=severity,
                confidence=float(confidence),
                quote=_require_str(item, "quote", where),
                issue=_require_str(item, "issue", where),
                suggestion=_require_str(item, "suggestion", where, allow_empty=True),
                checkpoints=list(checkpoints),
                rewrite=rewrite.strip() or None if isinstance(rewrite, str) else None,
                source=source,
            )
        )
    return findings
