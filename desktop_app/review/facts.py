"""Key facts of a section: what the consistency pass compares across sections.

A section's review may also return the figures, dates and times, names and
owners, defined terms and claims it states, each with the verbatim quote that
states it. The consistency pass then reads this table instead of the whole
text: "47 minutes" in the summary against "94 minutes" in the impact section.
Facts are optional in an answer, so answers from before they existed, and
answers to requests that did not ask for them, stay valid.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from desktop_app.review.findings import Finding, SchemaError, validate_findings

FACT_KINDS = ("figure", "date", "name", "term", "claim")
MAX_FACTS = 40  # per answer; a longer list is cut, the table must stay readable

FACT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "kind": {"type": "string", "enum": list(FACT_KINDS),
                 "description": "figure (number, amount, duration, percentage), date (date or "
                                "time), name (person, team, owner, system), term (a defined "
                                "term or acronym and its meaning), claim (a key assertion, "
                                "conclusion or recommendation)."},
        "subject": {"type": "string", "description": "What the fact is about, in a few "
                    "words, e.g. 'outage duration', 'owner of action 2'."},
        "value": {"type": "string", "description": "The value as the section states it, "
                  "e.g. '47 minutes', 'Priya Natarajan'."},
        "quote": {"type": "string", "description": "The passage of the section that states "
                  "it, copied verbatim (a phrase or one sentence)."},
    },
    "required": ["kind", "subject", "value", "quote"],
}

FACTS_PROPERTY: dict[str, Any] = {
    "type": "array",
    "description": "The section's key facts, for checking the document's consistency.",
    "items": FACT_SCHEMA,
}


class FactError(SchemaError):
    """A facts list that does not fit the schema (the message says where).

    A `SchemaError`, so a provider asks again as for malformed findings."""


@dataclass(slots=True)
class Fact:
    kind: str
    subject: str
    value: str
    quote: str
    section_id: str = ""
    anchored: bool = False
    quote_original: str | None = None  # the model's wording when the quote was corrected
    start: int | None = None  # offsets of the anchored quote in the section text
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise FactError(f"{where}.{key} must be a non-empty string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: malformed, said without quoting it
        raise FactError(f"{where}.{key} contains an invalid character (a lone UTF-16 "
                        "surrogate)") from None
    return " ".join(value.split()) if key != "quote" else value.strip()


def validate_facts(payload: Any, section_id: str = "") -> list[Fact]:
    """The `facts` list of a tool input (absent or null: no facts); `FactError` says where."""
    if payload is None:
        return []
    if not isinstance(payload, list):
        raise FactError("facts must be a list")
    facts: list[Fact] = []
    for i, item in enumerate(payload[:MAX_FACTS]):
        where = f"facts[{i}]"
        if not isinstance(item, dict):
            raise FactError(f"{where} must be an object")
        kind = _text(item, "kind", where).lower()
        if kind not in FACT_KINDS:
            raise FactError(f"{where}.kind must be one of {', '.join(FACT_KINDS)}")
        facts.append(Fact(kind, _text(item, "subject", where), _text(item, "value", where),
                          _text(item, "quote", where), section_id))
    return facts


def validate_section_answer(payload: Any, section_id: str = "", source: str = "model"
                            ) -> tuple[list[Finding], list[Fact]]:
    """A section tool's input: its findings, and its facts when it has any."""
    findings = validate_findings(payload, source)
    return findings, validate_facts(payload.get("facts"), section_id)
