"""What the reviewer decided about the review: the provider, its settings, what is shown.

Plain data (no Qt): the window reads and writes it in its settings file
(`ui/settings/store.py`), `margin review` builds it from its options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.ai.config import BedrockConfig

PROVIDER_CHOICES = ("auto", "bedrock", "local")
DEFAULT_FRAMEWORK = "General writing quality"


@dataclass(slots=True)
class ReviewPrefs:
    """What Settings decides about analysis: the provider, its config, and display."""

    provider: str = "auto"  # auto | bedrock | local
    bedrock: BedrockConfig = field(default_factory=BedrockConfig)
    min_confidence: float = 0.0  # findings below it are hidden (0-1)
    frameworks_dir: str = ""  # the user's own frameworks (*.toml); "" = none
    framework: str = DEFAULT_FRAMEWORK  # the one picked in the toolbar
    guidelines: str = ""  # path of the attached guidelines document; "" = none

    @property
    def frameworks_path(self) -> Path | None:
        return Path(self.frameworks_dir) if self.frameworks_dir else None
