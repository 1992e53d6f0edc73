"""CSTO Timeline: dated events, people and decisions from CSTO press releases."""

__version__ = "0.1.0"
