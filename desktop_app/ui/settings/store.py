"""The window's persisted state: one INI file in the data folder.

`ReviewPrefs` (the session's, plain data) is read and written here.

An explicit file (not QSettings' per-platform default) so that
`MARGIN_DATA_DIR` moves it with the store and tests never touch the user's.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from PySide6.QtCore import QSettings

from desktop_app import paths
from desktop_app.ai.config import DEFAULT_MODELS, BedrockConfig, Quota
from desktop_app.ai.prices import DEFAULT_PRICES, Price
from desktop_app.session.prefs import (
    CONTEXT_CHOICES,
    DEFAULT_ASK_ABOVE_USD,
    DEFAULT_FRAMEWORK,
    PROVIDER_CHOICES,
    ReviewPrefs,
)

log = logging.getLogger(__name__)

RECENT_KEY = "recent_files"
MAX_RECENT = 10


def app_settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def save(settings: QSettings) -> bool:
    """Write now; QSettings reports a failed write only through `status()`."""
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        log.error("could not write %s: %s", settings.fileName(), settings.status().name)
        return False
    return True


class RecentFiles:
    """Most recent first, at most `MAX_RECENT`, one entry per file."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        # An INI file gives back a lone string for a one-item list.
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if v]

    def add(self, path: str) -> None:
        path = os.path.abspath(path)
        self._store([path, *(p for p in self.paths() if not _same(p, path))])

    def remove(self, path: str) -> None:
        self._store([p for p in self.paths() if not _same(p, path)])

    def clear(self) -> None:
        self._store([])

    def _store(self, items: list[str]) -> None:
        self._settings.setValue(RECENT_KEY, items[:MAX_RECENT])
        save(self._settings)


def _same(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


# -- review settings ----------------------------------------------------------


def _text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return str(value) if value is not None else default


def _number(settings: QSettings, key: str, default: float, kind: type = float) -> Any:
    value = settings.value(key)
    if value is None or value == "":
        return default
    try:
        return kind(float(value)) if kind is int else kind(value)
    except (TypeError, ValueError):
        log.warning("settings: %s=%r is not a number; using %s", key, value, default)
        return default


def _string_list(settings: QSettings, key: str) -> list[str] | None:
    value = settings.value(key)
    if value is None:
        return None
    if isinstance(value, str):  # INI gives back a lone string for a one-item list
        value = [value]
    return [str(v).strip() for v in value if str(v).strip()]


def _prices(settings: QSettings) -> dict[str, Price]:
    raw = settings.value("bedrock/prices")
    if not raw:
        return dict(DEFAULT_PRICES)
    try:
        data = json.loads(str(raw))
        return {str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in data.items()}
    except (ValueError, TypeError, IndexError, AttributeError):
        log.warning("settings: the price table is unreadable; using the default prices")
        return dict(DEFAULT_PRICES)


def _quotas(settings: QSettings) -> dict[str, Quota]:
    raw = settings.value("bedrock/quotas")
    if not raw:
        return {}
    try:
        data = json.loads(str(raw))
        return {str(k): Quota(*(None if x is None else float(x) for x in v[:2]))
                for k, v in data.items()}
    except (ValueError, TypeError, AttributeError):
        log.warning("settings: the quotas are unreadable; learning the pace instead")
        return {}


def load_review_prefs(settings: QSettings) -> ReviewPrefs:
    """The saved review settings; a missing or broken value gets its default."""
    defaults = BedrockConfig()
    values: dict[str, Any] = dict(
        profile=_text(settings, "bedrock/profile") or None,
        region=_text(settings, "bedrock/region") or None,
        endpoint_url=_text(settings, "bedrock/endpoint_url") or None,
        models=_string_list(settings, "bedrock/models") or list(DEFAULT_MODELS),
        max_concurrency=_number(settings, "bedrock/max_concurrency",
                                defaults.max_concurrency, int),
        temperature=_number(settings, "bedrock/temperature", defaults.temperature),
        max_tokens=_number(settings, "bedrock/max_tokens", defaults.max_tokens, int),
        read_timeout=_number(settings, "bedrock/read_timeout", defaults.read_timeout),
        prices=_prices(settings),
        quotas=_quotas(settings),
    )
    try:
        config = BedrockConfig(**values)
    except ValueError as err:
        log.warning("settings: %s; using the default Bedrock settings", err)
        config = BedrockConfig(profile=values["profile"], region=values["region"],
                               endpoint_url=values["endpoint_url"])
    provider = _text(settings, "review/provider", "auto")
    min_confidence = _number(settings, "review/min_confidence", 0.0)
    context = _text(settings, "review/context", "auto")
    ask_above = _number(settings, "review/ask_above_usd", DEFAULT_ASK_ABOVE_USD)
    return ReviewPrefs(
        provider=provider if provider in PROVIDER_CHOICES else "auto",
        bedrock=config,
        min_confidence=min(1.0, max(0.0, min_confidence)),
        frameworks_dir=_text(settings, "review/frameworks_dir"),
        framework=_text(settings, "review/framework", DEFAULT_FRAMEWORK) or DEFAULT_FRAMEWORK,
        guidelines=_text(settings, "review/guidelines"),
        context=context if context in CONTEXT_CHOICES else "auto",
        consistency=_text(settings, "review/consistency", "false").lower() == "true",
        ask_above_usd=max(0.0, ask_above),
    )


def save_review_prefs(settings: QSettings, prefs: ReviewPrefs) -> bool:
    c = prefs.bedrock
    settings.setValue("review/provider", prefs.provider)
    settings.setValue("review/min_confidence", float(prefs.min_confidence))
    settings.setValue("review/frameworks_dir", prefs.frameworks_dir)
    settings.setValue("review/framework", prefs.framework)
    settings.setValue("review/guidelines", prefs.guidelines)
    settings.setValue("review/context", prefs.context)
    settings.setValue("review/consistency", "true" if prefs.consistency else "false")
    settings.setValue("review/ask_above_usd", float(prefs.ask_above_usd))
    settings.setValue("bedrock/profile", c.profile or "")
    settings.setValue("bedrock/region", c.region or "")
    settings.setValue("bedrock/endpoint_url", c.endpoint_url or "")
    settings.setValue("bedrock/models", list(c.models))
    settings.setValue("bedrock/max_concurrency", c.max_concurrency)
    settings.setValue("bedrock/temperature", float(c.temperature))
    settings.setValue("bedrock/max_tokens", c.max_tokens)
    settings.setValue("bedrock/read_timeout", float(c.read_timeout))
    if c.quotas:
        settings.setValue("bedrock/quotas", json.dumps(
            {k: [q.requests_per_minute, q.tokens_per_minute] for k, q in c.quotas.items()}))
    else:
        settings.remove("bedrock/quotas")
    # Only a table the user changed is stored, so that new default prices
    # (a later version of Margin) reach everyone who never edited theirs.
    if c.prices == DEFAULT_PRICES:
        settings.remove("bedrock/prices")
    else:
        settings.setValue("bedrock/prices", json.dumps({k: list(v) for k, v in c.prices.items()}))
    return save(settings)
