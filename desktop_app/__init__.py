"""Margin: review long Word documents section by section."""

__version__ = "0.1.0"
