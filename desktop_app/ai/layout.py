"""A Bedrock request laid out for the prompt cache: what goes where, where the points are.

    layout = section_layout(request, text, model)
    client.converse(modelId=model, system=layout.system, messages=layout.messages,
                    toolConfig=layout.tool_config, ...)

Bedrock caches a request's prefix in the order tools, system, messages, up to
each `cachePoint` block. So a section request is laid out as: the tool, the
reviewer instructions and the framework (the same for every document), a
point; the document context (the same for every section of the document), a
point; then what belongs to this request alone (related passages, the section
text). A point goes in only when the prompt since the previous point reaches
the model's minimum (`model_limits.py`): a point below it caches nothing, and
a request that expects a cache it will not get would be held back for nothing
by the provider's first-request gate. At most `max_cache_points` per request.

Token counts are estimates (`tokens.py`); the same layout backs the estimate
(`estimate.py`), so what is estimated is what is sent.

What is the same for every request of a framework (the tool, the system
blocks, their tokens and the prefix's cache key) is made once and kept
(`_shared_prefix`): ~0.3 ms of pure Python a request, on the analysis threads
whose share of the GIL the window's thread waits for (bench/window_bench.py).
The blocks kept are never changed: every layout builds its own lists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from threading import Lock
from typing import Any

from desktop_app.ai import prompts
from desktop_app.ai.model_limits import limits_for
from desktop_app.ai.provider import AnalysisRequest
from desktop_app.ai.tokens import CHARS_PER_TOKEN, approx_tokens

CACHE_POINT: dict[str, Any] = {"cachePoint": {"type": "default"}}

Block = dict[str, Any]

_KEPT = 32  # frameworks (with their guidelines) and models kept at once
_memo_lock = Lock()
_blocks: dict[tuple[Any, ...], tuple[Block, list[Block]]] = {}
_prefixes: dict[tuple[Any, ...], tuple[Block, Sequence[Block], int, dict[bool, str]]] = {}


def _framework_blocks(request: AnalysisRequest) -> tuple[Block, list[Block]]:
    """The tool and the system blocks of this framework (guidelines included: the
    framework's equality leaves them out), made once."""
    fw = request.framework
    key = (fw, fw.guidelines, request.facts)
    with _memo_lock:
        found = _blocks.get(key)
    if found is None:
        found = (prompts.tool_config(request.facts),
                 prompts.system_text_blocks(fw, request.facts))
        with _memo_lock:
            if len(_blocks) >= _KEPT:
                _blocks.clear()
            found = _blocks.setdefault(key, found)
    return found


def _shared_prefix(model: str, tool_config: Block, system: Sequence[Block],
                   chars_per_token: float) -> tuple[int, dict[bool, str]]:
    """Tokens of the tools and system blocks, and the cache keys of a prefix that ends
    there (by whether a point follows the system), for these very objects."""
    key = (model, id(tool_config), id(system), chars_per_token)
    with _memo_lock:
        found = _prefixes.get(key)
    if found is not None and found[0] is tool_config and found[1] is system:
        return found[2], found[3]
    tokens = tools_tokens(tool_config, chars_per_token) + _text_tokens(system, chars_per_token)
    entry = (tool_config, system, tokens, {})
    with _memo_lock:
        if len(_prefixes) >= _KEPT:
            _prefixes.clear()
        _prefixes[key] = entry
    return tokens, entry[3]


def _prefix_key(prefix: list[Any]) -> str:
    return hashlib.blake2b(json.dumps(prefix, sort_keys=True).encode(),
                           digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class RequestLayout:
    system: list[Block]
    messages: list[dict[str, Any]]
    tool_config: dict[str, Any]
    # What identifies the cached prefix (model, tools, system, context up to the
    # last point); None when nothing is expected to be cached.
    cache_key: str | None
    cached_tokens: tuple[int, ...]  # estimated tokens of each cached stretch, one per point
    tail_tokens: int  # estimated tokens after the last point: billed as plain input

    @property
    def prefix_tokens(self) -> int:
        return sum(self.cached_tokens)

    @property
    def input_tokens(self) -> int:
        return self.prefix_tokens + self.tail_tokens


def place_points(stretches: Sequence[int], min_tokens: int, max_points: int) -> list[bool]:
    """Which stretches end with a cache point.

    A point needs `min_tokens` since the previous point (or the start); a
    stretch too short for one is carried into the next.
    """
    points: list[bool] = []
    since = 0
    for tokens in stretches:
        since += tokens
        place = since >= min_tokens and sum(points) < max_points
        points.append(place)
        if place:
            since = 0
    return points


def tools_tokens(tool_config: dict[str, Any], chars_per_token: float = CHARS_PER_TOKEN) -> int:
    """The tool definitions as the prompt counts them (they come first in the prefix)."""
    return approx_tokens(json.dumps(tool_config.get("tools", [])), chars_per_token)


def _text_tokens(blocks: Sequence[Block], chars_per_token: float) -> int:
    return sum(approx_tokens(b.get("text", ""), chars_per_token) for b in blocks)


def build_layout(model: str, tool_config: dict[str, Any], system: Sequence[Block],
                 shared: Sequence[Block], tail: Sequence[Block], *,
                 chars_per_token: float = CHARS_PER_TOKEN) -> RequestLayout:
    """A one-turn request: tools + system, then the user turn's shared blocks, then its tail.

    Cache points may follow the system prompt and the shared blocks.
    """
    limits = limits_for(model)
    first, keys = _shared_prefix(model, tool_config, system, chars_per_token)
    stretches = [first]
    if shared:
        stretches.append(_text_tokens(shared, chars_per_token))
    points = place_points(stretches, limits.min_cache_tokens, limits.max_cache_points)
    system_out = [*system, CACHE_POINT] if points[0] else list(system)
    content: list[Block] = list(shared)
    if shared and points[1]:
        content.append(CACHE_POINT)
    content.extend(tail)
    cached: list[int] = []
    since = 0
    for tokens, point in zip(stretches, points, strict=True):
        since += tokens
        if point:
            cached.append(since)
            since = 0
    tail_tokens = since + _text_tokens(tail, chars_per_token)
    key = None
    if cached and shared and points[1]:
        key = _prefix_key([model, tool_config, system_out, list(shared)])
    elif cached:  # the same for every request of the framework
        key = keys.get(points[0])
        if key is None:
            key = keys[points[0]] = _prefix_key([model, tool_config, system_out])
    return RequestLayout(system_out, [{"role": "user", "content": content}], tool_config,
                         key, tuple(cached), tail_tokens)


def section_layout(request: AnalysisRequest, text: str | None, model: str, *,
                   chars_per_token: float = CHARS_PER_TOKEN) -> RequestLayout:
    """The request for one section (or `text`, a part of it) on `model`."""
    shared: list[Block] = []
    tail: list[Block] = []
    if request.context is not None:
        if request.context.shared:
            shared.append({"text": prompts.context_text(request.context)})
        related = prompts.related_text(request.context)
        if related:
            tail.append({"text": related})
    tail.append({"text": prompts.section_prompt(request, text)})
    tool_config, system = _framework_blocks(request)
    return build_layout(model, tool_config, system, shared, tail,
                        chars_per_token=chars_per_token)
