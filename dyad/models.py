"""Typed records that flow through dyad: articles in; actors, events, quotes and rejects out."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any


def content_id(*parts: Any, length: int = 16) -> str:
    """A stable id derived from content: the same inputs give the same id on every run."""
    h = hashlib.sha1()
    for p in parts:
        h.update(json.dumps(p, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One news article. `published` is the publication date that relative dates resolve against."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it came from: "file.jsonl:12"

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass
class Actor:
    """A political actor as CAMEO codes it: country (ISO alpha-3) plus role codes."""

    code: str | None  # CAMEO actor code, e.g. "USAGOV"
    country: str | None  # ISO 3166-1 alpha-3, or None for IGOs/unknown
    roles: list[str] = field(default_factory=list)  # ["GOV", "DIP"]
    text: str = ""  # the words in the sentence
    name: str | None = None  # normalised name: "State Department", "Donald Trump"
    start: int | None = None  # character offsets in the article's text
    end: int | None = None
    kind: str | None = None  # "country", "person", "organisation", "group"
    anonymous: bool = False
    how: str | None = None  # what resolved it: "gazetteer", "leader-table", "apposition", "coref"…

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Location:
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str | None = None  # "city", "country", "admin1"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Event:
    """One coded event with its provenance."""

    event_id: str
    article_id: str
    source: Actor | None
    target: Actor | None
    cameo: str  # always a string: "042"
    root: str  # "04"
    cameo_name: str | None
    goldstein: float | None
    quad_class: int | None
    plover: str | None
    plover_mode: str | None
    date: str | None  # ISO date
    date_source: str  # "text" (resolved from the sentence) or "published"
    date_text: str | None
    location: Location | None
    modality: str  # "asserted", "announced", "planned", "hypothetical"
    sentence: str
    sentence_index: int
    span: tuple[int, int]  # the sentence's character offsets in the article's text
    trigger: str
    trigger_span: tuple[int, int] | None
    pattern_id: str
    confidence: float
    attribution: dict[str, Any] | None = None  # {"speaker": {...}, "verb": "said"}
    published: str | None = None
    # where the trigger sits in its sentence: "main", "complement", "adverbial", "conjunct",
    # "relative", "prepositional" (a gerund after a preposition), "nominal" or "other" (a background clause is more often wrong: see confidence.py)
    clause: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["span"] = list(self.span)
        d["trigger_span"] = list(self.trigger_span) if self.trigger_span else None
        return d


@dataclass
class Quote:
    quote_id: str
    article_id: str
    text: str  # the quoted words, without the quote marks
    speaker: Actor | None
    verb: str | None  # the reporting verb or cue: "said", "according to", ":"
    span: tuple[int, int]  # character offsets of the quoted text in the article
    sentence_index: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass
class Reject:
    """A record that could not be read, with the reason. The run goes on without it."""

    origin: str  # "file.jsonl:12"
    reason: str
    snippet: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
