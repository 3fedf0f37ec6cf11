"""Typed review settings in settings.ini: defaults, round trip, broken values."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop_app.ai.config import DEFAULT_MODELS, BedrockConfig, Quota
from desktop_app.ai.prices import DEFAULT_PRICES
from desktop_app.ui.settings.store import ReviewPrefs, load_review_prefs, save_review_prefs


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_defaults_when_nothing_is_saved(tmp_path: Path) -> None:
    prefs = load_review_prefs(ini(tmp_path))
    assert prefs.provider == "auto"
    assert prefs.bedrock.models == list(DEFAULT_MODELS)
    assert prefs.bedrock.prices == DEFAULT_PRICES
    assert prefs.min_confidence == 0.0
    assert prefs.frameworks_path is None


def test_round_trip(tmp_path: Path) -> None:
    config = BedrockConfig(profile="p", region="eu-west-1", endpoint_url="http://127.0.0.1:9",
                           models=["m1"], max_tokens=2000, temperature=0.7, read_timeout=33.0,
                           max_concurrency=2, prices={"m1": (1.0, 2.0, 0.5)},
                           quotas={"m1": Quota(250, 2_000_000), "m2": Quota(None, 90_000)})
    prefs = ReviewPrefs("bedrock", config, 0.4, str(tmp_path), "Investigation report",
                        str(tmp_path / "g.md"))
    assert save_review_prefs(ini(tmp_path), prefs)
    back = load_review_prefs(ini(tmp_path))
    assert back == prefs


def test_default_prices_are_not_frozen_into_the_file(tmp_path: Path) -> None:
    save_review_prefs(ini(tmp_path), ReviewPrefs())
    assert ini(tmp_path).value("bedrock/prices") is None


def test_broken_values_fall_back_to_defaults(tmp_path: Path) -> None:
    s = ini(tmp_path)
    s.setValue("review/provider", "openai")
    s.setValue("review/min_confidence", "lots")
    s.setValue("bedrock/max_tokens", "-5")
    s.setValue("bedrock/temperature", "hot")
    s.setValue("bedrock/prices", "{not json")
    s.setValue("bedrock/quotas", '{"m1": "many"}')
    s.setValue("bedrock/profile", "kept")
    s.sync()
    prefs = load_review_prefs(ini(tmp_path))
    assert prefs.provider == "auto"
    assert prefs.min_confidence == 0.0
    assert prefs.bedrock.max_tokens == BedrockConfig().max_tokens
    assert prefs.bedrock.temperature == BedrockConfig().temperature
    assert prefs.bedrock.prices == DEFAULT_PRICES
    assert prefs.bedrock.quotas == {}  # learnt instead
    assert prefs.bedrock.profile == "kept"


def test_a_single_model_survives_the_ini_list_quirk(tmp_path: Path) -> None:
    prefs = ReviewPrefs(bedrock=BedrockConfig(models=["only-one"]))
    save_review_prefs(ini(tmp_path), prefs)
    assert load_review_prefs(ini(tmp_path)).bedrock.models == ["only-one"]


def test_saved_reviewer_settings_hold_after_a_restart(qtbot, monkeypatch, tmp_path) -> None:
    """Settings chose the built-in reviewer although credentials exist; a new window
    (Margin started again) must analyse with it, not fall back to the defaults."""
    from desktop_app.ui.settings import store as app_settings
    from tests.qt.review_doubles import make_flawed_docx
    from tests.qt.window_helpers import new_window, open_ready

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    bedrock = app_settings.ReviewPrefs().bedrock
    bedrock.models = ["global.anthropic.claude-haiku-4-5-20251001-v1:0"]
    bedrock.region = "eu-west-1"
    saved = app_settings.ReviewPrefs(provider="local", bedrock=bedrock)
    assert app_settings.save_review_prefs(app_settings.app_settings(), saved)

    window = new_window(qtbot)
    assert window.review.prefs.provider == "local"
    assert window.review.prefs.bedrock.region == "eu-west-1"
    with qtbot.waitSignal(window.review.provider_ready, timeout=10_000) as ready:
        open_ready(qtbot, window, make_flawed_docx(tmp_path / "doc.docx"))
    assert ready.args[0].offline, "credentials are there, but Settings chose the built-in one"
