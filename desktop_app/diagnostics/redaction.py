"""Scrubbing credentials out of log records: a second line of defence.

The first line is that our code never logs credentials or document text. This
filter catches what slips through anyway: a botocore message, an exception
whose text carries a signed header, a repr of a config dict.
"""

from __future__ import annotations

import logging
import os
import re

REDACTED = "[redacted]"
# A secret shorter than this is not searched for in the text: redacting a
# stand-in like "testing" would mangle ordinary words and protect nothing.
_MIN_SECRET_LENGTH = 8
_SECRET_ENV = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Access key ids: long-term (AKIA) and temporary (ASIA), plus the other IAM id prefixes.
    (re.compile(r"\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b"), REDACTED),
    # key = value, "key": "value", key: value, as in config files, reprs and JSON.
    (re.compile(r"(?i)\b(aws_secret_access_key|aws_session_token|aws_security_token"
                r"|secret_?access_?key|session_?token)(['\"]?\s*[:=]\s*b?['\"]?)"
                r"[^\s'\",}]+"), r"\1\2" + REDACTED),
    # Signed request headers; the value runs to the end of the line or the quote.
    (re.compile(r"(?i)\b(authorization|x-amz-security-token)(['\"]?\s*:\s*b?['\"]?)"
                r"[^\r\n'\"]+"), r"\1\2" + REDACTED),
    # Presigned URLs carry the same things as query parameters.
    (re.compile(r"(?i)\b(x-amz-security-token|x-amz-signature|x-amz-credential)=[^&\s'\"]+"),
     r"\1=" + REDACTED),
)


def _env_secrets() -> list[str]:
    # Read per call: a user may set credentials after start-up (Settings, a profile switch).
    values = (os.environ.get(name, "") for name in _SECRET_ENV)
    return [v for v in values if len(v) >= _MIN_SECRET_LENGTH]


def redact(text: str) -> str:
    """`text` with anything that looks like an AWS credential replaced."""
    for secret in _env_secrets():
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record's message and traceback text with credentials removed.

    Put on handlers, not loggers: a logger's filters do not see records that
    propagate up from its children.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: let the handler report it as usual
            return True
        record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set, so the traceback is scrubbed once here.
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
