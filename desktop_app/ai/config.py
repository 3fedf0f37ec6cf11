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
    max_concurrency: int = 8  # requests in flight at most; the limiter adapts below it
    max_attempts: int = 5  # per model, for throttling, 5xx, timeouts and network errors
    max_section_seconds: float = 300.0  # the whole analysis of one section, retries included
    backoff_base: float = 0.5  # full-jitter exponential backoff: base * 2**(attempt-1) ...
    backoff_cap: float = 20.0  # ... capped here
    limiter_window: float = 1.0  # throttling halves the limit at most once per window
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
        for name in ("read_timeout", "connect_timeout", "max_section_seconds"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if not 0 <= self.temperature <= 1:
            raise ValueError("temperature must be between 0 and 1")
        self.max_tokens_cap = max(self.max_tokens_cap, self.max_tokens)
        self.profile = self.profile or None
        self.region = self.region or None
        self.endpoint_url = self.endpoint_url or None
