"""What each model can take: context window, prompt-cache minimum, cache points. No Qt.

Figures from the Bedrock model cards and Anthropic's prompt-caching page
(checked 2026-05): a cache checkpoint only takes effect when the prompt since
the previous checkpoint holds at least the model's minimum number of tokens,
and a request may carry at most four checkpoints. A prefix below the minimum
is simply not cached: the request still succeeds, at the full input price.

| model family        | context window | min tokens per checkpoint |
|---------------------|----------------|---------------------------|
| Claude Opus 4.5/4.6 | 200,000        | 4,096                     |
| Claude Sonnet 4.6   | 200,000        | 1,024 (2,048 observed, see below) |
| Claude Sonnet 4.5   | 200,000        | 1,024                     |
| Claude Sonnet 4     | 200,000        | 1,024                     |
| Claude Opus 4/4.1   | 200,000        | 1,024                     |
| Claude 3.7 Sonnet   | 200,000        | 1,024                     |
| Claude Haiku 4.5    | 200,000        | 4,096                     |
| Claude 3.5 Haiku    | 200,000        | 2,048                     |
| anything else       | 100,000        | 4,096 (conservative)      |

Sonnet 4.6 is documented at 1,024 but users report (anthropic-sdk-python
issue 1194) no caching below 2,048: we take 2,048, the side that never
promises a cache that does not happen. An unknown model gets the largest
minimum and a modest window, so that an estimate errs towards paying more.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.ai.prices import base_model_id

MAX_CACHE_POINTS = 4  # per request, every Claude model on Bedrock


@dataclass(frozen=True, slots=True)
class ModelLimits:
    context_window: int  # tokens of input + output
    min_cache_tokens: int  # per cache checkpoint
    max_cache_points: int = MAX_CACHE_POINTS


DEFAULT_LIMITS = ModelLimits(context_window=100_000, min_cache_tokens=4_096)

# By base model id prefix (geographic "us."/"global." prefixes are stripped first).
_LIMITS: tuple[tuple[str, ModelLimits], ...] = (
    ("anthropic.claude-opus-4-6", ModelLimits(200_000, 4_096)),
    ("anthropic.claude-opus-4-5", ModelLimits(200_000, 4_096)),
    ("anthropic.claude-opus-4-1", ModelLimits(200_000, 1_024)),
    ("anthropic.claude-opus-4", ModelLimits(200_000, 1_024)),
    ("anthropic.claude-sonnet-4-6", ModelLimits(200_000, 2_048)),
    ("anthropic.claude-sonnet-4-5", ModelLimits(200_000, 1_024)),
    ("anthropic.claude-sonnet-4", ModelLimits(200_000, 1_024)),
    ("anthropic.claude-3-7-sonnet", ModelLimits(200_000, 1_024)),
    ("anthropic.claude-haiku-4-5", ModelLimits(200_000, 4_096)),
    ("anthropic.claude-3-5-haiku", ModelLimits(200_000, 2_048)),
)


def limits_for(model: str | None) -> ModelLimits:
    """The model's limits; `DEFAULT_LIMITS` for an id the table does not know."""
    if not model:
        return DEFAULT_LIMITS
    base = base_model_id(model)
    for prefix, limits in _LIMITS:
        if base.startswith(prefix):
            return limits
    return DEFAULT_LIMITS


def chain_limits(models: list[str] | tuple[str, ...]) -> ModelLimits:
    """The tightest limits over a fallback chain: a request must fit every model."""
    if not models:
        return DEFAULT_LIMITS
    all_limits = [limits_for(m) for m in models]
    return ModelLimits(min(x.context_window for x in all_limits),
                       max(x.min_cache_tokens for x in all_limits),
                       min(x.max_cache_points for x in all_limits))
