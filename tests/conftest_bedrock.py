"""Fixtures for Bedrock tests: the fake server, configs pointing at it, providers.

Registered from tests/conftest.py (`pytest_plugins`). Never reaches AWS:
dummy credentials, an explicit region, and an endpoint on 127.0.0.1.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop_app.ai import pacer
from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.ai.config import BedrockConfig
from tests.fake_bedrock import FakeBedrock

PRIMARY = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
FALLBACK = "global.anthropic.claude-haiku-4-5-20251001-v1:0"


@pytest.fixture
def fake_bedrock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBedrock]:
    """A started fake Bedrock Runtime; script it per model id (see tests/fake_bedrock.py)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    for var in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS_ENDPOINT_URL_BEDROCK",
                "AWS_ENDPOINT_URL_STS", "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.delenv(var, raising=False)
    # Pacers are shared per (account, region, endpoint, model) and held weakly: one an
    # earlier test left uncollected (the GUI tests collect cycles on a timer) would be
    # this test's if the OS gave the fake server the same port, with its refusals.
    monkeypatch.setattr(pacer, "_shared", weakref.WeakValueDictionary())
    fake = FakeBedrock().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def bedrock_config(fake_bedrock: FakeBedrock) -> Callable[..., BedrockConfig]:
    """Factory: a BedrockConfig for the fake, scaled down for fast tests; override any field."""

    def make(**overrides: Any) -> BedrockConfig:
        values: dict[str, Any] = dict(
            region="us-east-1", endpoint_url=fake_bedrock.url, models=[PRIMARY, FALLBACK],
            read_timeout=2.0, connect_timeout=1.0, max_section_seconds=10.0,
            backoff_base=0.005, backoff_cap=0.02, pace_unit=0.05, throttle_patience=1.0,
        )
        values.update(overrides)
        return BedrockConfig(**values)

    return make


@pytest.fixture
def bedrock_provider(bedrock_config: Callable[..., BedrockConfig]
                     ) -> Iterator[Callable[..., BedrockProvider]]:
    """Factory: a BedrockProvider on the fake (config overrides as keywords), closed after."""
    made: list[BedrockProvider] = []

    def make(**overrides: Any) -> BedrockProvider:
        provider = BedrockProvider(bedrock_config(**overrides))
        made.append(provider)
        return provider

    yield make
    for provider in made:
        provider.close()
