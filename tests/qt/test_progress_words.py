"""What the command line and the status bar say about progress, throttling included."""

from __future__ import annotations

import io

from desktop_app.ai.pacer import PaceState
from desktop_app.review.progress_printer import ProgressPrinter
from desktop_app.ui.window.progress_text import progress_text
from desktop_app.workers.dispatcher import Progress

THROTTLED = PaceState(model="global.anthropic.claude-sonnet-4-5-20250929-v1:0",
                      requests_per_minute=42.2, sends_per_minute=42.2, throttled=True)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_says_when_bedrock_throttles_and_the_pace():
    out = Terminal()
    printer = ProgressPrinter({"a": "A", "b": "B"}, stream=out)
    printer.progress(Progress(total=84, done=4))
    assert "throttled" not in out.getvalue()
    printer.progress(Progress(total=84, done=4, pace=THROTTLED))
    line = out.getvalue().rsplit("\r", 1)[-1]
    # 80 sections left at 42 a minute: the ETA follows the pace.
    assert "4/84 sections" in line and "throttled: 42 requests/min" in line
    assert "ETA 1m54s" in line


def test_a_log_gets_a_line_when_throttling_starts_then_at_most_once_a_minute():
    out = io.StringIO()
    clock = Clock()
    printer = ProgressPrinter({"a": "A"}, stream=out, clock=clock)
    printer.progress(Progress(total=10, done=1))
    printer.progress(Progress(total=10, done=1, pace=THROTTLED))
    slower = PaceState(model=THROTTLED.model, requests_per_minute=30, throttled=True)
    clock.now = 10
    printer.progress(Progress(total=10, done=2, pace=slower))  # changed, but too soon
    clock.now = 70
    printer.progress(Progress(total=10, done=3, pace=slower))
    clock.now = 75
    printer.progress(Progress(total=10, done=4, pace=PaceState(model=THROTTLED.model)))
    assert out.getvalue().splitlines() == [
        f"Bedrock {THROTTLED.model} throttled: 42 requests/min",
        f"Bedrock {THROTTLED.model} throttled: 30 requests/min",
        "Bedrock no longer throttling",
    ]


def test_the_status_bar_text_names_the_pace():
    text = progress_text(Progress(total=16, done=7, pace=THROTTLED))
    assert text.startswith("7 / 16 sections · ")
    assert text.endswith(" · throttled: 42 requests/min")
    assert "left" in text  # 9 left at 42 a minute: about 15 s
    assert "throttled" not in progress_text(Progress(total=16, done=7))
