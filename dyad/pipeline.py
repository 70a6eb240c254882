"""The coding pipeline: articles → spaCy (nlp.pipe, in batches) → actors → events and quotes."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors.resolver import DocActors
from .actors.userdict import UserDictionary
from .coding.coder import EventCoder
from .errors import BadRecord, ModelNotFound
from .ingest import article_from_dict
from .models import Actor, Article, Event, Quote, Reject
from .quotes.extract import QuoteExtractor
from .settings import Settings, get_settings

log = logging.getLogger("dyad")

# Components dyad does not use; disabling them saves time.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "entity_ruler_unused")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str):
    """Load a spaCy pipeline by name (cached per process)."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelNotFound(model) from exc
    return nlp


@dataclass
class ArticleResult:
    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    error: str | None = None

    @property
    def actors(self) -> list[Actor]:
        out = []
        for e in self.events:
            out += [a for a in (e.source, e.target) if a is not None]
        out += [q.speaker for q in self.quotes if q.speaker is not None]
        return out


def _as_articles(items: Iterable[Article | dict[str, Any] | str], on_reject: Callable[[Reject], None] | None
                 ) -> Iterator[Article]:
    for n, item in enumerate(items, 1):
        if isinstance(item, Article):
            yield item
            continue
        try:
            if isinstance(item, str):
                item = {"text": item}
            yield article_from_dict(item, origin=f"<item {n}>")
        except BadRecord as exc:
            rej = Reject(origin=f"<item {n}>", reason=exc.reason, snippet=str(item)[:80])
            log.warning("%s: rejected: %s", rej.origin, rej.reason)
            if on_reject:
                on_reject(rej)


class Pipeline:
    """Codes articles. Loads the spaCy model on first use, not when constructed.

    The user's actor and agent dictionaries (`settings.actors_files`, `settings.agents_files`) are
    read once, here; a missing file raises ConfigError now rather than mid-run.
    """

    def __init__(self, settings: Settings | None = None, *, nlp: Any = None,
                 user_dictionary: UserDictionary | None = None):
        self.settings = settings or get_settings()
        self._nlp = nlp
        if user_dictionary is None and (self.settings.actors_files or self.settings.agents_files):
            user_dictionary = UserDictionary.load(paths_actors=self.settings.actors_files,
                                                  paths_agents=self.settings.agents_files)
        self.user_dictionary = user_dictionary
        self.coder = EventCoder(keep_hypothetical=self.settings.keep_hypothetical,
                                max_sentence_tokens=self.settings.max_sentence_tokens)
        self.quoter = QuoteExtractor()

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    def analyse(self, doc, article: Article) -> ArticleResult:
        actors = DocActors(doc, article.published, user=self.user_dictionary)
        events = self.coder.code(doc, article, actors)
        if self.settings.min_confidence > 0:
            events = [e for e in events if e.confidence >= self.settings.min_confidence]
        quotes = self.quoter.extract(doc, article, actors)
        return ArticleResult(article, events, quotes)

    def process(self, articles: Iterable[Article | dict[str, Any] | str], *,
                on_reject: Callable[[Reject], None] | None = None) -> Iterator[ArticleResult]:
        """Yield one ArticleResult per article, streaming in batches of settings.batch_size.

        An article that fails inside the coder is reported as a Reject (reason "coding failed: …")
        and the run goes on.
        """
        stream = ((a.text, a) for a in _as_articles(articles, on_reject))
        docs = self.nlp.pipe(stream, as_tuples=True, batch_size=self.settings.batch_size,
                             n_process=self.settings.n_process)
        for doc, article in docs:
            try:
                yield self.analyse(doc, article)
            except Exception as exc:  # one bad article must not end the run
                reason = f"coding failed: {type(exc).__name__}: {exc}"
                log.warning("%s: rejected: %s", article.origin or article.id, reason)
                log.debug("coding failure", exc_info=True)
                if on_reject:
                    on_reject(Reject(origin=article.origin or article.id, reason=reason, snippet=article.text[:80]))
                yield ArticleResult(article, error=reason)


def code_articles(articles: Iterable[Article | dict[str, Any] | str], *, settings: Settings | None = None,
                  on_reject: Callable[[Reject], None] | None = None) -> Iterator[Event]:
    """Yield the events of each article (Article objects, dicts with JSONL fields, or plain texts)."""
    for res in Pipeline(settings).process(articles, on_reject=on_reject):
        yield from res.events


def extract_quotes(articles: Iterable[Article | dict[str, Any] | str], *, settings: Settings | None = None,
                   on_reject: Callable[[Reject], None] | None = None) -> Iterator[Quote]:
    """Yield the quotes of each article with their speakers."""
    for res in Pipeline(settings).process(articles, on_reject=on_reject):
        yield from res.quotes
