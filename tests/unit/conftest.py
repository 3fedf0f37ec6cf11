"""Fixtures the unit tests share."""

from tests.unit.session_fixtures import storage  # noqa: F401  (a fixture, found by name)
