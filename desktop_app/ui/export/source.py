"""The window's review as the Export dialog needs it: a `ReviewSnapshot`, copied now.

Read from what the window shows (the session: decisions, edits and the
reviewer's own findings, saved or still waiting to be saved), not from the
store, so that the export has exactly what the reviewer sees.
"""

from __future__ import annotations

from desktop_app.export.selection import ReviewSnapshot
from desktop_app.session import ProviderSetup, ReviewPrefs, ReviewSession


def snapshot_of(session: ReviewSession, prefs: ReviewPrefs,
                setup: ProviderSetup | None) -> ReviewSnapshot:
    """What `session` holds now, with the provider that made it (or the settings'
    while it is being prepared)."""
    if setup is not None:
        provider_name, models = setup.provider.name, list(setup.provider.models)
    else:
        provider_name, models = prefs.provider, list(prefs.bedrock.models)
    bedrock = provider_name == "bedrock"
    return session.snapshot(
        provider_name=provider_name, models=models if bedrock else [],
        region=prefs.bedrock.region if bedrock else None, min_confidence=prefs.min_confidence,
        prices=dict(prefs.bedrock.prices) if bedrock else None)
