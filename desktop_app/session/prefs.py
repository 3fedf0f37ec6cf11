"""What the reviewer decided about the review: the provider, its settings, what is shown.

Plain data (no Qt): the window reads and writes it in its settings file
(`ui/settings/store.py`), `margin review` builds it from its options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.ai.config import BedrockConfig

PROVIDER_CHOICES = ("auto", "bedrock", "local")
# What each section request carries of the rest of the document (`ai/context.py`);
# auto: the whole document when it is small enough, else the related passages.
CONTEXT_CHOICES = ("auto", "whole", "related", "section")
DEFAULT_FRAMEWORK = "General writing quality"
DEFAULT_ASK_ABOVE_USD = 0.0  # Analyse All with Bedrock asks first when it costs more


@dataclass(slots=True)
class ReviewPrefs:
    """What Settings decides about analysis: the provider, its config, and display."""

    provider: str = "auto"  # auto | bedrock | local
    bedrock: BedrockConfig = field(default_factory=BedrockConfig)
    min_confidence: float = 0.0  # findings below it are hidden (0-1)
    frameworks_dir: str = ""  # the user's own frameworks (*.toml); "" = none
    framework: str = DEFAULT_FRAMEWORK  # the one picked in the toolbar
    guidelines: str = ""  # path of the attached guidelines document; "" = none
    context: str = "auto"  # one of CONTEXT_CHOICES
    consistency: bool = False  # the Bedrock consistency pass after Analyse All
    # Analyse All with Bedrock shows its estimate first when it costs more than this
    ask_above_usd: float = DEFAULT_ASK_ABOVE_USD

    @property
    def context_mode(self) -> str | None:
        """The mode `ai.context.build_context` takes; None: by the document's size."""
        return None if self.context == "auto" else self.context

    @property
    def frameworks_path(self) -> Path | None:
        return Path(self.frameworks_dir) if self.frameworks_dir else None
