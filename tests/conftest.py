"""Shared fixtures for the model-backed tests: one Pipeline (one spaCy model load) per session."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import os

import pytest
from hypothesis import settings as hypothesis_settings

from dyad.models import Article, Event, Quote
from dyad.pipeline import ArticleResult, Pipeline

DEFAULT_PUBLISHED = "2019-03-15"  # a Friday

# In CI the property tests run the same examples every time (a failure found locally is kept in the
# .hypothesis database and replayed here; CI must not fail on a new random draw of an old bug).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def _article(text: str, published: str | date | None) -> Article:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(id="test-article", text=text, published=published)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """A Pipeline whose spaCy model is loaded once for the whole test session.

    It emits every event the patterns find (min_confidence 0, no ranker veto): these tests check the
    coder's rules; the default confidence threshold and the veto have tests of their own
    (test_confidence.py, test_ranker.py)."""
    from dyad.settings import Settings

    s = Settings()
    s.min_confidence, s.min_rank = 0.0, 0.0
    p = Pipeline(s)
    p.nlp  # force the model load now, once
    return p


def _analyse(pipeline: Pipeline, text: str, published: str | date | None) -> ArticleResult:
    results = list(pipeline.process([_article(text, published)]))
    assert len(results) == 1
    assert results[0].error is None, results[0].error
    return results[0]


@pytest.fixture(scope="session")
def code(pipeline: Pipeline) -> Callable[..., list[Event]]:
    """code(text, published="2019-03-15") -> the events coded from that text."""

    def _code(text: str, published: str | date | None = DEFAULT_PUBLISHED) -> list[Event]:
        return _analyse(pipeline, text, published).events

    return _code


@pytest.fixture(scope="session")
def quotes(pipeline: Pipeline) -> Callable[..., list[Quote]]:
    """quotes(text, published="2019-03-15") -> the quotes extracted from that text."""

    def _quotes(text: str, published: str | date | None = DEFAULT_PUBLISHED) -> list[Quote]:
        return _analyse(pipeline, text, published).quotes

    return _quotes
