"""Error messages never carry document text."""

from __future__ import annotations

import logging

from desktop_app.ai.error_text import (
    REMOVED,
    internal_error,
    log_internal,
    without_document_text,
)
from desktop_app.review.findings import SchemaError, validate_findings

SECRET = "the QUOKKA-7F3A plant failed"


def test_an_internal_error_names_its_type_and_place_not_its_words():
    try:
        (SECRET + "\ud800").encode("utf-8")
    except UnicodeEncodeError as exc:
        message = internal_error(exc)
    assert "UnicodeEncodeError" in message and "test_error_text.py" in message
    assert "QUOKKA" not in message


def test_the_logged_traceback_leaves_the_exception_words_out(caplog):
    try:
        raise ValueError(SECRET)
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            log_internal(logging.getLogger("t"), "section s1 failed", exc)
    assert "ValueError" in caplog.text and "test_error_text.py" in caplog.text
    assert "QUOKKA" not in caplog.text


def test_a_service_message_echoing_the_request_is_cut():
    text = f"Intro. {SECRET} at noon. More text follows here."
    message = f"model-x: Bedrock rejected the request (bad input near '{SECRET} at noon')"
    cut = without_document_text(message, [text])
    assert "QUOKKA" not in cut and REMOVED in cut and cut.startswith("model-x: Bedrock")
    assert without_document_text("model-x: throttled", [text]) == "model-x: throttled"


def test_a_lone_surrogate_is_a_schema_error_that_does_not_quote():
    for field in ("quote", "issue", "category", "suggestion"):
        item = {"category": "c", "severity": "minor", "confidence": 0.5, "quote": "q",
                "issue": "i", "suggestion": "s", "checkpoints": []}
        item[field] = SECRET + "\udc80"
        try:
            validate_findings({"findings": [item]})
        except SchemaError as err:
            assert f"findings[0].{field}" in str(err) and "QUOKKA" not in str(err)
        else:
            raise AssertionError(f"a surrogate in {field} was accepted")
