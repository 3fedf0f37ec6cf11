"""The Converse request body: built here once, for on-demand calls and batch records.

On-demand calls (`bedrock.py`) and batch records (`batch/records.py`) both take
their body from here, so the system prompt, the document context, the forced
tool and the inference settings cannot drift apart between the two. The body
carries no `modelId`: an on-demand call adds it, a batch job names its model
once for all its records. What goes where (and the cache points) is the
layout's business (`layout.py`).
"""

from __future__ import annotations

from typing import Any

from desktop_app.ai.layout import RequestLayout, section_layout
from desktop_app.ai.provider import AnalysisRequest


def converse_body(layout: RequestLayout, messages: list[dict[str, Any]], *, max_tokens: int,
                  temperature: float) -> dict[str, Any]:
    """A request of `layout` with these messages (its own, or a re-ask after them)."""
    return {
        "system": layout.system,
        "messages": messages,
        "toolConfig": layout.tool_config,
        "inferenceConfig": {"maxTokens": max_tokens, "temperature": temperature},
    }


def section_request(request: AnalysisRequest, model: str, text: str | None = None, *,
                    max_tokens: int, temperature: float) -> dict[str, Any]:
    """The first request for a section on `model`, or for `text`, a part of it."""
    layout = section_layout(request, text, model)
    return converse_body(layout, list(layout.messages), max_tokens=max_tokens,
                         temperature=temperature)
