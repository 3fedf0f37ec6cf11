"""Token counts without a tokenizer: characters divided by a ratio. No Qt.

Claude's tokenizer is not published and Bedrock's CountTokens is a network
call, so budgets and estimates count characters. Anthropic's rule of thumb is
about 3.5 characters a token for English prose; code, tables and numbers run
shorter, so 3.5 (not the 4 often quoted for GPT tokenizers) errs towards more
tokens: a budget then under-fills rather than overflows, and a cost estimate
comes out high rather than low. Callers that must match another count (the
test server that stands in for Bedrock counts 4 a token) pass their own ratio.
"""

from __future__ import annotations

import math

CHARS_PER_TOKEN = 3.5


def approx_tokens(text: str, chars_per_token: float = CHARS_PER_TOKEN) -> int:
    """Estimated tokens of `text` (0 for an empty string)."""
    return math.ceil(len(text) / chars_per_token) if text else 0


def chars_for(tokens: int, chars_per_token: float = CHARS_PER_TOKEN) -> int:
    """How many characters `tokens` tokens hold, by the same ratio."""
    return max(0, int(tokens * chars_per_token))
