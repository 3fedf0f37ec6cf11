"""Cost before you spend: the tokens and dollars a review will take, calling nothing. No Qt.

    estimate = estimate_review(doc, framework, models, context=ctx, facts=True,
                               consistency=True, prices=config.prices)
    estimate.input_tokens, .cache_write_tokens, .cache_read_tokens, .output_tokens, .cost_usd

Input is counted on the requests themselves: every section, cut into parts
as the analysis job cuts it (`parts.py`), is laid out exactly as the provider
sends it (`layout.py`: tools, system, shared context, cache points, section)
and its characters are counted (`tokens.py`, 3.5 characters a token, which
errs high), plus the tool-use preamble Anthropic adds to a request that
forces a tool (about 350 tokens). The cached prefix is written once and read
by every later request when it is large enough to be gated
(`cache_gate.py`); a smaller one is written by each of the first concurrent
requests, as the service does. Related passages are counted as filling their
budget (a long document's do: 2,965 of 3,000 tokens at most on the handbook)
unless `exact_related`, which runs the retrieval for every request (4 s on
the handbook).

Output cannot be counted before the model writes it. It is modelled per
request as a tool-call frame plus one finding (~135 tokens of JSON: a
two-line quote, issue and suggestion) per 150 words of section text, at least
one and at most 12, and, when facts are asked for, one fact (~45 tokens) per
50 words, at most 25; never more than `max_tokens`. These are assumptions,
not measurements of a model: the statistics show the actual figures beside
the estimate, and `OutputModel` is where to correct them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.ai.cache_gate import GATE_MIN_TOKENS
from desktop_app.ai.consistency import FACTS_BUDGET, consistency_layout, consistency_request
from desktop_app.ai.context import DocumentContext, build_context
from desktop_app.ai.layout import section_layout
from desktop_app.ai.parts import MAX_PART_CHARS, split_parts
from desktop_app.ai.prices import Price, estimate_cost
from desktop_app.ai.prompts import RELATED_BEGIN, RELATED_END
from desktop_app.ai.provider import AnalysisRequest, ContextMode, RequestContext, Usage
from desktop_app.ai.tokens import CHARS_PER_TOKEN, approx_tokens
from desktop_app.document.model import Document, Section
from desktop_app.review.frameworks import Framework

# The tool-use system prompt Anthropic adds when a tool is forced: 313-346
# tokens for the Claude 4 generation (Anthropic's tool-use pricing table).
TOOL_PREAMBLE_TOKENS = 350
_RELATED_INTRO_TOKENS = 40  # the line that introduces the related passages


@dataclass(frozen=True, slots=True)
class OutputModel:
    """Assumed output tokens per request (see the module doc)."""

    frame_tokens: int = 60
    finding_tokens: int = 135
    words_per_finding: int = 150
    max_findings: int = 12
    fact_tokens: int = 45
    words_per_fact: int = 50
    max_facts: int = 25
    consistency_tokens: int = 1_200  # per consistency request
    fact_line_tokens: int = 45  # a fact in the consistency table

    def findings(self, words: int) -> int:
        return min(self.max_findings, max(1, round(words / self.words_per_finding)))

    def facts(self, words: int) -> int:
        return min(self.max_facts, round(words / self.words_per_fact))

    def section(self, words: int, facts: bool, max_tokens: int) -> int:
        tokens = self.frame_tokens + self.finding_tokens * self.findings(words)
        if facts:
            tokens += self.fact_tokens * self.facts(words)
        return min(max_tokens, tokens)


@dataclass(frozen=True, slots=True)
class Assumptions:
    chars_per_token: float = CHARS_PER_TOKEN
    tool_preamble_tokens: int = TOOL_PREAMBLE_TOKENS
    output: OutputModel = field(default_factory=OutputModel)
    exact_related: bool = False
    concurrency: int = 8  # first requests in flight at once when the cache is not gated


@dataclass(slots=True)
class Estimate:
    model: str
    mode: ContextMode
    mode_note: str
    requests: int  # section requests (parts counted), no retries
    input_tokens: int  # billed at the input price
    cache_write_tokens: int
    cache_read_tokens: int
    output_tokens: int
    cost_usd: float | None  # None: the model's price is unknown
    consistency_requests: int = 0

    @property
    def usage(self) -> Usage:
        return Usage(requests=self.requests + self.consistency_requests,
                     input_tokens=self.input_tokens, output_tokens=self.output_tokens,
                     cache_read_tokens=self.cache_read_tokens,
                     cache_write_tokens=self.cache_write_tokens)

    def summary(self) -> str:
        """One paragraph for `margin review --estimate` and the Analyse All confirmation."""
        cost = "unknown (no price for this model)" if self.cost_usd is None else (
            f"about ${self.cost_usd:,.2f}")
        extra = (f" plus {self.consistency_requests} consistency request"
                 f"{'s' if self.consistency_requests != 1 else ''}"
                 if self.consistency_requests else "")
        return (f"{self.requests} section requests{extra} on {self.model}, context: "
                f"{self.mode_note}. Input ~{self.input_tokens:,} tokens, cache writes "
                f"~{self.cache_write_tokens:,}, cache reads ~{self.cache_read_tokens:,}, "
                f"output ~{self.output_tokens:,} (a guess). Cost {cost}.")


@dataclass(slots=True)
class _Tally:
    input: int = 0
    write: int = 0
    read: int = 0
    output: int = 0
    requests: int = 0

    def add(self, prefix: int, tail: int, writes: bool, output: int) -> None:
        if writes:
            self.write += prefix
        else:
            self.read += prefix
        self.input += tail
        self.output += output
        self.requests += 1


def _related_tokens(context: DocumentContext, section: Section, part: str,
                    assumptions: Assumptions, other_tokens: int) -> int:
    if assumptions.exact_related:
        block = context.related_passages(section.id, f"{section.title}\n{part}")
        return approx_tokens(block, assumptions.chars_per_token) + (
            _RELATED_INTRO_TOKENS if block else 0)
    markers = approx_tokens(f"{RELATED_BEGIN}\n\n{RELATED_END}", assumptions.chars_per_token)
    return min(context.budget.related_tokens, other_tokens + markers) + _RELATED_INTRO_TOKENS


def estimate_review(document: Document, framework: Framework, models: Sequence[str], *,
                    context: DocumentContext | None = None, mode: ContextMode | str | None = None,
                    facts: bool = False, consistency: bool = False,
                    sections: Iterable[Section] | None = None,
                    prices: Mapping[str, Price] | None = None, max_tokens: int = 4096,
                    part_chars: int = MAX_PART_CHARS,
                    assumptions: Assumptions | None = None) -> Estimate:
    """Tokens and cost of reviewing `sections` (default: all) on the chain's first model.

    `context`: the one the review will use (else built here from `mode`).
    `facts`: the section requests also ask for key facts. `consistency`: add
    the consistency pass. Retries and fallbacks are not foreseen.
    """
    a = assumptions or Assumptions()
    cpt = a.chars_per_token
    model = models[0]
    if context is None:
        context = build_context(document, mode, models)
    chosen = list(sections) if sections is not None else list(document.walk())
    total_text = sum(approx_tokens(s.text, cpt) for s in document.walk())
    tally = _Tally()
    first = True
    concurrent_writes = 0
    for section in chosen:
        parts = split_parts(section, part_chars)
        for i, part in enumerate(parts, 1):
            shared = (RequestContext(context.mode, context.shared, "", context.digest)
                      if context.mode is not ContextMode.SECTION else None)
            request = AnalysisRequest(section.id, section.title, part, framework, document.title,
                                      i, len(parts), shared, facts)
            layout = section_layout(request, part, model, chars_per_token=cpt)
            tail = layout.tail_tokens
            if context.mode is ContextMode.RELATED:
                tail += _related_tokens(context, section, part, a,
                                        total_text - approx_tokens(section.text, cpt))
            prefix = layout.prefix_tokens
            if prefix:
                prefix += a.tool_preamble_tokens  # it sits in the system prompt, in the prefix
            else:
                tail += a.tool_preamble_tokens
            if prefix >= GATE_MIN_TOKENS:
                writes = first  # the gate sends one first: one write, then reads
            else:
                writes = prefix > 0 and concurrent_writes < a.concurrency
                concurrent_writes += int(writes)
            first = False
            words = len(part.split())
            tally.add(prefix, tail, writes, a.output.section(words, facts, max_tokens))
    consistency_requests = 0
    if consistency:
        consistency_requests = _add_consistency(tally, document, framework, model, a, chosen)
        tally.requests -= consistency_requests  # counted apart
    usage = Usage(requests=tally.requests + consistency_requests, input_tokens=tally.input,
                  output_tokens=tally.output, cache_read_tokens=tally.read,
                  cache_write_tokens=tally.write)
    return Estimate(model, context.mode, context.note, tally.requests, tally.input, tally.write,
                    tally.read, tally.output, estimate_cost(model, usage, prices),
                    consistency_requests)


def _add_consistency(tally: _Tally, document: Document, framework: Framework, model: str,
                     a: Assumptions, sections: Sequence[Section]) -> int:
    """The consistency pass: batches of the facts the sections are expected to give."""
    facts = sum(a.output.facts(len(s.text.split())) for s in sections)
    table = facts * a.output.fact_line_tokens
    batches = max(1, math.ceil(table / FACTS_BUDGET))
    layout = consistency_layout(consistency_request(document, [], framework), [], model)
    prefix = layout.prefix_tokens + (a.tool_preamble_tokens if layout.prefix_tokens else 0)
    tail = layout.tail_tokens + (0 if layout.prefix_tokens else a.tool_preamble_tokens)
    for batch in range(batches):
        rows = math.ceil(table / batches)
        tally.add(prefix, tail + rows, batch == 0,  # batches go one after another
                  a.output.consistency_tokens)
    return batches
