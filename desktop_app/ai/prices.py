"""Estimated Bedrock prices, and the cost of a `Usage` at those prices.

Prices are USD per million tokens: (input, output, cache read), optionally
a fourth, cache write. They are an estimate the user can edit in Settings
(AWS changes them, and discounts or private offers apply), so an unknown
model gives `None`, never a guess. Cache writes (5-minute entries) are billed
at 1.25 x the input price for every Claude model on Bedrock, so the table
needs no fourth column; a price with one (another model family, a private
offer) uses it. Batch inference (model invocation jobs) is billed at half
the on-demand price, and kept apart from on-demand usage.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.ai.provider import Usage

# input, output, cache read[, cache write]; USD per million tokens
Price = tuple[float, float, float] | tuple[float, float, float, float]

CACHE_WRITE_FACTOR = 1.25
# Cross-region "global." profiles are billed at the base price; geographic
# ("us.", "eu.", ...) profiles and in-region ids of the 4.5+ generation at 10 % more.
REGIONAL_FACTOR = 1.10
GEO_PREFIXES = ("global.", "us.", "eu.", "apac.", "jp.", "au.", "ca.", "us-gov.")

# Base (global) prices of current Claude models on Bedrock, by base model id.
_BASE: dict[str, Price] = {
    "anthropic.claude-sonnet-4-5-20250929-v1:0": (3.00, 15.00, 0.30),
    "anthropic.claude-sonnet-4-6": (3.00, 15.00, 0.30),
    "anthropic.claude-haiku-4-5-20251001-v1:0": (1.00, 5.00, 0.10),
    "anthropic.claude-opus-4-5-20251101-v1:0": (5.00, 25.00, 0.50),
    "anthropic.claude-opus-4-6-v1": (5.00, 25.00, 0.50),
}
# Older models: no global profile, one price everywhere.
_FLAT: dict[str, Price] = {
    "anthropic.claude-sonnet-4-20250514-v1:0": (3.00, 15.00, 0.30),
    "anthropic.claude-3-7-sonnet-20250219-v1:0": (3.00, 15.00, 0.30),
    "anthropic.claude-opus-4-1-20250805-v1:0": (15.00, 75.00, 1.50),
    "anthropic.claude-3-5-haiku-20241022-v1:0": (0.80, 4.00, 0.08),
}


def _scaled(price: Price, factor: float) -> Price:
    return (round(price[0] * factor, 4), round(price[1] * factor, 4),
            round(price[2] * factor, 4))


def cache_prices(price: Price) -> tuple[float, float]:
    """(cache read, cache write) per million tokens of a price."""
    write = price[3] if len(price) > 3 else price[0] * CACHE_WRITE_FACTOR
    return price[2], write


def default_prices() -> dict[str, Price]:
    """Every id a user is likely to type: global, geographic and in-region ids."""
    table: dict[str, Price] = {}
    for base, price in _BASE.items():
        table["global." + base] = price
        table[base] = _scaled(price, REGIONAL_FACTOR)
        for prefix in GEO_PREFIXES[1:]:
            table[prefix + base] = _scaled(price, REGIONAL_FACTOR)
    for base, price in _FLAT.items():
        table[base] = price
        for prefix in GEO_PREFIXES[1:]:
            table[prefix + base] = price
    return table


DEFAULT_PRICES: dict[str, Price] = default_prices()

# Batch inference costs 50 % of the on-demand price, input and output alike, for
# the Claude models above (Bedrock pricing page, 2025-2026).
BATCH_FACTOR = 0.5


def batch_prices(on_demand: Mapping[str, Price] | None = None) -> dict[str, Price]:
    """Batch prices derived from an on-demand table (the user's edited one, say)."""
    table = DEFAULT_PRICES if on_demand is None else on_demand
    return {model: tuple(round(p * BATCH_FACTOR, 4) for p in price)  # type: ignore[misc]
            for model, price in table.items()}


DEFAULT_BATCH_PRICES: dict[str, Price] = batch_prices()


def base_model_id(model: str) -> str:
    """`us.anthropic.claude-…` -> `anthropic.claude-…` (an ARN keeps its last part)."""
    if model.startswith("arn:"):
        model = model.rsplit("/", 1)[-1]
    for prefix in GEO_PREFIXES:
        if model.startswith(prefix):
            return model[len(prefix):]
    return model


def price_for(model: str | None, prices: Mapping[str, Price] | None = None) -> Price | None:
    if not model:
        return None
    table = DEFAULT_PRICES if prices is None else prices
    if model in table:
        return table[model]
    # An ARN or a prefix the table lacks: the in-region price of the base model.
    return table.get(base_model_id(model))


def estimate_cost(model: str | None, usage: Usage,
                  prices: Mapping[str, Price] | None = None) -> float | None:
    """USD for `usage` on `model`; None when the price is unknown.

    Bedrock's `inputTokens` excludes the tokens read from or written to the
    prompt cache, which are reported (and billed) separately.
    """
    price = price_for(model, prices)
    if price is None:
        return None
    inp, out = price[0], price[1]
    cache_read, cache_write = cache_prices(price)
    dollars = (usage.input_tokens * inp + usage.output_tokens * out
               + usage.cache_read_tokens * cache_read
               + usage.cache_write_tokens * cache_write) / 1_000_000
    return round(dollars, 6)


def estimate_batch_cost(model: str | None, usage: Usage,
                        on_demand: Mapping[str, Price] | None = None) -> float | None:
    """USD for `usage` made by a batch job; None when the price is unknown."""
    prices = DEFAULT_BATCH_PRICES if on_demand is None else batch_prices(on_demand)
    return estimate_cost(model, usage, prices)
