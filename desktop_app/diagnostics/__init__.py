"""Diagnostics: the log file, the crash log, and where uncaught errors go.

`log_setup`, `redaction` and `crash_log` are plain Python, cheap enough to run
before Qt is imported; `error_hook` and `error_dialog` are the Qt side. Nothing
is imported here, so `margin review` pays only for what it uses.
"""
