"""The coding pipeline: articles → spaCy (nlp.pipe, in batches) → actors → events and quotes."""
from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors.resolver import DocActors
from .actors.userdict import UserDictionary
from .coding.coder import EventCoder
from .coding.ranker import vetoed
from .errors import BadRecord, ModelNotFound
from .ingest import article_from_dict
from .models import Actor, Article, Event, Quote, Reject
from .quotes.extract import QuoteExtractor
from .settings import Settings, get_settings

log = logging.getLogger("dyad")

# Components dyad does not use; disabling them saves time.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "entity_ruler_unused")


def load_nlp(model: str, fast: bool = True):
    """Load a spaCy pipeline by name (cached per process). With `fast`, the attribute_ruler and
    rule lemmatizer are replaced by stand-ins with the same output (dyad/fastpipes.py).

    `load_nlp(m)` and `load_nlp(m, True)` are the same pipeline (the cache is keyed on the
    normalised arguments; the prefilter's lemma tables and tokenizer come from it too)."""
    return _load_nlp(model, bool(fast))


@functools.lru_cache(maxsize=4)
def _load_nlp(model: str, fast: bool):
    import spacy

    try:
        nlp = spacy.load(model, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelNotFound(model) from exc
    if fast:
        from .fastpipes import speed_up

        speed_up(nlp)
    from .coding.lemmas import add_lemma_fixes

    add_lemma_fixes(nlp)  # "hopes" → hope, not "hop" (dyad/coding/lemmas.py)
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
        self._filter = None
        if user_dictionary is None and (self.settings.actors_files or self.settings.agents_files):
            user_dictionary = UserDictionary.load(paths_actors=self.settings.actors_files,
                                                  paths_agents=self.settings.agents_files)
        self.user_dictionary = user_dictionary
        self.coder = EventCoder(keep_hypothetical=self.settings.keep_hypothetical, rank=self.settings.rank,
                                max_sentence_tokens=self.settings.max_sentence_tokens)
        self.quoter = QuoteExtractor()

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.spacy_model, self.settings.fast_components)
        return self._nlp

    @property
    def sentence_filter(self):
        """The prefilter (dyad/prefilter.py), built on first use; None when settings.prefilter is off."""
        if not self.settings.prefilter:
            return None
        if self._filter is None:
            from .prefilter import sentence_filter

            # with a user dictionary, any name may be an actor: keep every sentence with a trigger.
            # Quote sentences are kept only when quotes are wanted. The event sentences are kept even
            # for quotes alone: the actors they name are what coreference resolves speakers to
            # (without them 21 of 1,954 quote speakers changed on the first 200 corpus articles).
            self._filter = sentence_filter(self.settings.spacy_model, keep_previous=self.settings.prefilter_previous,
                                           require_actor=self.user_dictionary is None,
                                           events=True, quotes=self.settings.wants_quotes)
        return self._filter

    def warm_up(self) -> None:
        """Load now what is otherwise loaded on first use: the spaCy model, the prefilter, the actor
        tables and the place-name index (about 3 s beside the model's 1 s). A worker process calls
        this once, when it starts, so its first batch is not slower than the others."""
        from .actors.gazetteer import load_gazetteer
        from .actors.leaders import LeaderTable
        from .actors.lexicon import lexicon
        from .geo import geocoder

        _ = self.nlp, self.sentence_filter
        load_gazetteer()
        LeaderTable.load()
        lexicon()
        geocoder().locate("Paris")  # builds the index

    def analyse(self, doc, article: Article, selection=None) -> ArticleResult:
        """Events and quotes of one parsed article (only those that settings.outputs wants)."""
        actors = DocActors(doc, article.published, user=self.user_dictionary)
        events: list[Event] = []
        quotes: list[Quote] = []
        if self.settings.wants_events:
            events = self.coder.code(doc, article, actors)
            if self.settings.min_confidence > 0:
                events = [e for e in events if e.confidence >= self.settings.min_confidence]
            if self.settings.min_rank > 0 and not self.settings.rank:
                events = vetoed(events, self.settings.min_rank)
        if self.settings.wants_quotes:
            quotes = self.quoter.extract(doc, article, actors)
        if selection is not None:
            # the parsed doc holds blanked stretches: number sentences as in the whole article
            for item in (*events, *quotes):
                item.sentence_index = selection.sentence_index(item.span[0])
        return ArticleResult(article, events, quotes)

    def _inputs(self, articles: Iterator[Article]) -> Iterator[tuple[Any, tuple[Article, Any]]]:
        filt = self.sentence_filter
        from .prefilter import article_starts, make_doc, start_sentences_at

        if filt is None:
            for a in articles:
                starts = article_starts(a.text)
                if not starts:
                    yield a.text, (a, None)
                    continue
                doc = self.nlp.make_doc(a.text)
                start_sentences_at(doc, starts)  # a byline or a dateline is no part of the first sentence
                yield doc, (a, None)
            return

        nlp = self.nlp
        for a in articles:
            sel = filt.select(a.text)
            yield make_doc(nlp, a.text, sel), (a, sel)

    def process(self, articles: Iterable[Article | dict[str, Any] | str], *,
                on_reject: Callable[[Reject], None] | None = None) -> Iterator[ArticleResult]:
        """Yield one ArticleResult per article, in input order, streaming in batches of
        settings.batch_size.

        With settings.n_process > 1 the batches are coded by a pool of worker processes (each
        runs the prefilter, spaCy and the coder), with at most 2 × n_process batches in flight,
        so memory does not grow with the input. An article that fails inside the coder is
        reported as a Reject (reason "coding failed: …") and the run goes on.
        """
        stream = _as_articles(articles, on_reject)
        if self.settings.n_process > 1:
            yield from self._process_pool(stream, on_reject)
            return
        yield from self._process_batch(stream, on_reject)

    def _process_batch(self, articles: Iterable[Article], on_reject: Callable[[Reject], None] | None
                       ) -> Iterator[ArticleResult]:
        docs = self.nlp.pipe(self._inputs(iter(articles)), as_tuples=True, batch_size=self.settings.batch_size)
        for doc, (article, selection) in docs:
            try:
                yield self.analyse(doc, article, selection)
            except Exception as exc:  # one bad article must not end the run
                reason = f"coding failed: {type(exc).__name__}: {exc}"
                log.warning("%s: rejected: %s", article.origin or article.id, reason)
                log.debug("coding failure", exc_info=True)
                if on_reject:
                    on_reject(Reject(origin=article.origin or article.id, reason=reason, snippet=article.text[:80]))
                yield ArticleResult(article, error=reason)

    def _process_pool(self, articles: Iterator[Article], on_reject: Callable[[Reject], None] | None
                      ) -> Iterator[ArticleResult]:
        import collections
        import itertools
        import multiprocessing as mp

        n = self.settings.n_process
        size = max(1, self.settings.batch_size)
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        pending: collections.deque = collections.deque()
        with ctx.Pool(n, initializer=_worker_init, initargs=(self.settings, self.user_dictionary)) as pool:
            batches = iter(lambda: list(itertools.islice(articles, size)), [])
            for batch in batches:
                pending.append(pool.apply_async(_worker_code, (batch,)))
                while len(pending) >= 2 * n:
                    yield from _unpack(pending.popleft().get(), on_reject)
            while pending:
                yield from _unpack(pending.popleft().get(), on_reject)


_WORKER: Pipeline | None = None


def _worker_init(settings: Settings, user_dictionary: UserDictionary | None) -> None:
    global _WORKER
    settings = dataclasses.replace(settings, n_process=1)
    _WORKER = Pipeline(settings, user_dictionary=user_dictionary)


def _worker_code(batch: list[Article]) -> list[tuple[ArticleResult, Reject | None]]:
    assert _WORKER is not None
    out: list[tuple[ArticleResult, Reject | None]] = []
    rejects: list[Reject] = []
    for res in _WORKER._process_batch(batch, rejects.append):
        out.append((res, rejects.pop() if res.error and rejects else None))
    return out


def _unpack(results: list[tuple[ArticleResult, Reject | None]], on_reject: Callable[[Reject], None] | None
            ) -> Iterator[ArticleResult]:
    for res, rej in results:
        if rej is not None and on_reject:
            on_reject(rej)
        yield res


def code_articles(articles: Iterable[Article | dict[str, Any] | str], *, settings: Settings | None = None,
                  on_reject: Callable[[Reject], None] | None = None) -> Iterator[Event]:
    """Yield the events of each article (Article objects, dicts with JSONL fields, or plain texts)."""
    settings = dataclasses.replace(settings or get_settings(), outputs="events")
    for res in Pipeline(settings).process(articles, on_reject=on_reject):
        yield from res.events


def extract_quotes(articles: Iterable[Article | dict[str, Any] | str], *, settings: Settings | None = None,
                   on_reject: Callable[[Reject], None] | None = None) -> Iterator[Quote]:
    """Yield the quotes of each article with their speakers."""
    settings = dataclasses.replace(settings or get_settings(), outputs="quotes")
    for res in Pipeline(settings).process(articles, on_reject=on_reject):
        yield from res.quotes
