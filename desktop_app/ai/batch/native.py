"""Converse body <-> Anthropic Messages body, for batch jobs of the InvokeModel type.

Bedrock's batch inference rejects `toolConfig` in records of the Converse
invocation type (each such record fails with a 400); tool use works in the
model's native request format under the InvokeModel type. So a batch record
carries the on-demand Converse body translated block by block, and its answer
is translated back into a Converse response, which then takes the on-demand
validation path unchanged.

Cache points are dropped unless asked for (`cache_points=True`, where they
become `cache_control` on the block before): batch jobs process records
independently, no cache discount is documented for them, and a marker the
job refused would fail every record. A block this module cannot translate
raises ValueError, so
a new kind of content in the on-demand body fails loudly in tests instead of
being lost from batch records.
"""

from __future__ import annotations

from typing import Any

ANTHROPIC_VERSION = "bedrock-2023-05-31"

# Anthropic stop reasons that Converse spells differently.
_STOP_REASONS = {"refusal": "content_filtered"}


def _block_to_native(block: dict[str, Any]) -> dict[str, Any] | None:
    if "cachePoint" in block:
        return None
    if "text" in block:
        return {"type": "text", "text": block["text"]}
    if "toolUse" in block:
        use = block["toolUse"]
        return {"type": "tool_use", "id": use["toolUseId"], "name": use["name"],
                "input": use.get("input", {})}
    if "toolResult" in block:
        result = block["toolResult"]
        native: dict[str, Any] = {
            "type": "tool_result", "tool_use_id": result["toolUseId"],
            "content": [_block_to_native(b) for b in result.get("content", [])]}
        if result.get("status") == "error":
            native["is_error"] = True
        return native
    raise ValueError(f"no Anthropic form for the Converse block {sorted(block)}")


def _blocks_to_native(blocks: list[dict[str, Any]], cache_points: bool = False
                      ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in blocks:
        if "cachePoint" in block:
            if cache_points and out:
                out[-1] = {**out[-1], "cache_control": {"type": "ephemeral"}}
            continue
        native = _block_to_native(block)
        if native is not None:
            out.append(native)
    return out


def to_native(body: dict[str, Any], cache_points: bool = False) -> dict[str, Any]:
    """The Anthropic Messages body (InvokeModel) equivalent to a Converse body."""
    unknown = set(body) - {"system", "messages", "toolConfig", "inferenceConfig"}
    if unknown:
        raise ValueError(f"no Anthropic form for the Converse fields {sorted(unknown)}")
    inference = body.get("inferenceConfig") or {}
    native: dict[str, Any] = {"anthropic_version": ANTHROPIC_VERSION,
                              "max_tokens": inference["maxTokens"]}
    if "temperature" in inference:
        native["temperature"] = inference["temperature"]
    system = _blocks_to_native(body.get("system") or [], cache_points)
    if system:
        native["system"] = system
    native["messages"] = [{"role": m["role"],
                           "content": _blocks_to_native(m["content"], cache_points)}
                          for m in body["messages"]]
    tools = body.get("toolConfig")
    if tools:
        native["tools"] = [{"name": t["toolSpec"]["name"],
                            "description": t["toolSpec"].get("description", ""),
                            "input_schema": t["toolSpec"]["inputSchema"]["json"]}
                           for t in tools["tools"]]
        choice = tools.get("toolChoice") or {}
        if "tool" in choice:
            native["tool_choice"] = {"type": "tool", "name": choice["tool"]["name"]}
        elif "any" in choice:
            native["tool_choice"] = {"type": "any"}
        elif "auto" in choice:
            native["tool_choice"] = {"type": "auto"}
    return native


def without_cache_points(body: dict[str, Any]) -> dict[str, Any]:
    """A Converse body without its cache points (batch records of the Converse type)."""
    def strip(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [b for b in blocks if "cachePoint" not in b]

    out = dict(body)
    if "system" in out:
        out["system"] = strip(out["system"])
    out["messages"] = [{**m, "content": strip(m["content"])} for m in body["messages"]]
    return out


def _block_from_native(block: Any) -> dict[str, Any] | None:
    if not isinstance(block, dict):
        raise ValueError("a content block of the answer is not an object")
    kind = block.get("type")
    if kind == "text" and str(block.get("text") or "").strip():
        return {"text": str(block["text"])}
    if kind == "tool_use":
        return {"toolUse": {"toolUseId": str(block.get("id", "")),
                            "name": str(block.get("name", "")), "input": block.get("input")}}
    # Thinking and other blocks carry nothing the findings path reads, and an empty
    # text block would make Converse refuse the conversation when it is re-asked.
    return None


def from_native(answer: Any) -> dict[str, Any]:
    """A Converse response equivalent to an Anthropic Messages answer (raises ValueError)."""
    if not isinstance(answer, dict) or not isinstance(answer.get("content"), list):
        raise ValueError("the answer has no content list")
    usage = answer.get("usage") if isinstance(answer.get("usage"), dict) else {}
    stop = str(answer.get("stop_reason") or "")
    return {
        "output": {"message": {"role": "assistant",
                               "content": [block for block in map(_block_from_native,
                                                                   answer["content"])
                                           if block is not None]}},
        "stopReason": _STOP_REASONS.get(stop, stop),
        "usage": {"inputTokens": int(usage.get("input_tokens") or 0),
                  "outputTokens": int(usage.get("output_tokens") or 0),
                  "cacheReadInputTokens": int(usage.get("cache_read_input_tokens") or 0),
                  "cacheWriteInputTokens": int(usage.get("cache_creation_input_tokens") or 0)},
    }
