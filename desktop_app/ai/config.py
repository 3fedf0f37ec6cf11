"""Settings of the Bedrock provider: where to call, which models, how hard to try.

Plain data so that Settings, the command line and tests build it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.ai.prices import DEFAULT_PRICES, Price

# Claude 4.x models on Bedrock are invoked through inference-profile ids; a bare
# `anthropic.…` id fails with a ValidationException about on-demand throughput.
# "global." profiles route to any commercial region and are the cheapest.
# Model ids change every few months: Settings lists what the account offers.
DEFAULT_MODELS: tuple[str, ...] = (
    "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "global.anthropic.claude-haiku-4-5-20251001-v1:0",
)


@dataclass(frozen=True, slots=True)
class Quota:
    """A model's on-demand quota, when the user knows it: the pace starts there."""

    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None


ALL_MODELS = "*"  # a quota under this key applies to every model without its own


@dataclass(slots=True)
class BedrockConfig:
    profile: str | None = None  # AWS profile name; None = the default credential chain
    region: str | None = None  # None = the profile's or environment's region
    endpoint_url: str | None = None  # None = AWS (or AWS_ENDPOINT_URL_BEDROCK_RUNTIME)
    models: list[str] = field(default_factory=lambda: list(DEFAULT_MODELS))  # primary first
    max_tokens: int = 4096
    max_tokens_cap: int = 16_384  # a `max_tokens` stop is retried once with double, up to this
    temperature: float = 0.2
    read_timeout: float = 120.0  # seconds without a byte before a call counts as timed out
    connect_timeout: float = 10.0
    # Requests in flight at most, a cap only: sends are paced to the rate the
    # account sustains (ai/pacer.py). Reaching a quota of R requests/s with
    # answers taking L s needs about R x L in flight.
    max_concurrency: int = 16
    max_attempts: int = 5  # per model, for 5xx, timeouts and network errors (not throttling)
    # The analysis of one section, retries included; time queued for a send slot
    # is not counted (the queue moves at the account's pace).
    max_section_seconds: float = 300.0
    backoff_base: float = 0.5  # full-jitter exponential backoff: base * 2**(attempt-1) ...
    backoff_cap: float = 20.0  # ... capped here
    # Throttled requests are retried at the pace, without limit, until the model
    # has refused every request for this long; then they fail (the next model of
    # the chain is tried, and sections that still fail are reported).
    throttle_patience: float = 300.0
    pace_unit: float = 1.0  # seconds a first burst is assumed to cover (the pacer's only time unit)
    quotas: dict[str, Quota] = field(default_factory=dict)  # model id (or "*") -> known quota
    request_spacing: float = 0.008  # seconds between request starts: keeps the GUI thread fed
    prices: dict[str, Price] = field(default_factory=lambda: dict(DEFAULT_PRICES))

    def __post_init__(self) -> None:
        self.models = [m.strip() for m in self.models if m and m.strip()]
        if not self.models:
            raise ValueError("the model chain is empty: give at least one Bedrock model id")
        if len(set(self.models)) != len(self.models):
            raise ValueError("the model chain names a model twice")
        for name in ("max_tokens", "max_concurrency", "max_attempts"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("read_timeout", "connect_timeout", "max_section_seconds",
                     "throttle_patience", "pace_unit"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if not 0 <= self.temperature <= 1:
            raise ValueError("temperature must be between 0 and 1")
        for model, quota in self.quotas.items():
            for value in (quota.requests_per_minute, quota.tokens_per_minute):
                if value is not None and value <= 0:
                    raise ValueError(f"the quota for {model} must be positive")
        self.max_tokens_cap = max(self.max_tokens_cap, self.max_tokens)
        self.profile = self.profile or None
        self.region = self.region or None
        self.endpoint_url = self.endpoint_url or None

    def quota(self, model: str) -> Quota:
        return self.quotas.get(model) or self.quotas.get(ALL_MODELS) or Quota()
