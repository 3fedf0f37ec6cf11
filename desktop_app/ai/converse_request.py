"""The Converse request body for one section: built here once, for every path.

On-demand calls (`bedrock.py`) and batch records (`batch/records.py`) both take
their body from `section_request`, so the system prompt, the context, the
forced tool and the inference settings cannot drift apart between the two.
The body carries no `modelId`: an on-demand call adds it, a batch job names
its model once for all its records.
"""

from __future__ import annotations

from typing import Any

from desktop_app.ai import prompts
from desktop_app.ai.provider import AnalysisRequest


def section_request(request: AnalysisRequest, text: str | None = None, *, max_tokens: int,
                    temperature: float) -> dict[str, Any]:
    """The first request for a section, or for `text`, a part of it."""
    return {
        "system": prompts.system_blocks(request.framework),
        "messages": [prompts.user_message(request, text)],
        "toolConfig": prompts.tool_config(),
        "inferenceConfig": {"maxTokens": max_tokens, "temperature": temperature},
    }


def with_max_tokens(body: dict[str, Any], max_tokens: int) -> dict[str, Any]:
    """The same request with another output limit (after a `max_tokens` stop)."""
    return {**body, "inferenceConfig": {**body["inferenceConfig"], "maxTokens": max_tokens}}


def with_reask(body: dict[str, Any], answer: list[dict[str, Any]], problem: str,
               tool_use_ids: list[str]) -> dict[str, Any]:
    """The request once more, after the unusable `answer`, saying what was wrong with it."""
    messages = [*body["messages"],
                {"role": "assistant", "content": answer or [{"text": "(no answer)"}]},
                prompts.reask_message(problem, tool_use_ids)]
    return {**body, "messages": messages}
