"""A cheap sentence prefilter: only sentences that can hold an event or a quote are parsed.

Each article is split into sentences by the rules of spaCy's ``sentencizer`` on the tokens of
the model's own tokenizer (a blank English one when no model is named; the rules are the same).
Sharing the model's tokenizer and vocabulary means the parse's own tokenization of the blanked
text finds every word in the tokenizer's cache and every lexeme made. A sentence is kept when

* it holds a trigger word (any inflection of a pattern lemma: "met", "meeting", "struck" …; a
  light verb whose patterns all need a given object — "have talks", "take hostages" — counts only
  when one of those object words is in the sentence too) **and** an actor mention (a country
  name, alias, demonym or capital, a leader's name, a role noun such as "minister" or "police",
  an institution, or a pronoun that coreference resolves: "he", "it", "they"); or
* it overlaps a quote (as :func:`dyad.quotes.extract.find_quote_spans` finds them), so a quote
  that runs over several sentences is kept whole.

Each test runs only when its output is wanted (``events=``, ``quotes=``; see
``Settings.outputs``): `dyad code` wants events only, so quote sentences are then kept only when
they pass the event test; `dyad quotes` wants quotes only, so only quote sentences are kept.

The sentence *before* each kept sentence is kept too (coreference looks back: "it", "he",
"the ministry").

Offsets stay exact without any remapping: the text that is parsed is the article's text with
every character outside the kept sentences replaced by a space (newlines are kept, so paragraphs
and quote pairing are unchanged). The blanked stretches become single whitespace tokens, which
cost the parser next to nothing, and every character offset the coder and quote extractor
report (sentence spans, trigger spans, actor start/end, quote spans) is an offset into the
article's own text. Sentence boundaries are fixed before the parser at the edges of each kept
block, so no parsed sentence runs into a blanked stretch.

Inflected forms come from the model's own rule-lemmatizer tables (``lemma_rules``,
``lemma_exc``) when it has them, else from simple English suffix rules; a word form's candidate
lemmas are computed once and cached.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy

from .actors.gazetteer import load_gazetteer
from .actors.leaders import LeaderTable
from .actors.lexicon import lexicon
from .actors.resolver import PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from .coding.patterns import PatternSet, pattern_set
from .quotes.extract import find_quote_spans

QUOTE_MARKS = frozenset('"“”«»')
_SIMPLE_RULES = {
    "verb": [("s", ""), ("ies", "y"), ("es", ""), ("es", "e"), ("ed", "e"), ("ed", ""), ("ied", "y"),
             ("ing", ""), ("ing", "e")],
    "noun": [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")],
}


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Selection:
    """What the prefilter keeps of one article."""

    sentences: list[tuple[int, int]]  # every cheap sentence (start, end) in the article
    kept: list[int]  # indices into `sentences`
    blocks: list[tuple[int, int]]  # merged kept character spans

    def sentence_index(self, char: int) -> int:
        """The index of the cheap sentence that holds character `char`."""
        starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(starts, char) - 1)


class SentenceFilter:
    def __init__(self, *, lemma_tables: dict | None = None, patterns: PatternSet | None = None,
                 keep_previous: bool = True, require_actor: bool = True, events: bool = True,
                 quotes: bool = True, tokenizer=None):
        """`tokenizer`: the model's (it shares its vocab and cache with the parse); by default a
        blank English pipeline's, which tokenizes the same."""
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")  # its rules, run by self._sentences
        self.tokenizer = tokenizer if tokenizer is not None else self.nlp.tokenizer
        vocab = self.tokenizer.vocab
        self._punct_chars = frozenset(self.nlp.get_pipe("sentencizer").punct_chars)
        self._punct: dict[int, bool] = {}
        self.keep_previous = keep_previous
        self.require_actor = require_actor
        self.events, self.quotes = events, quotes
        rules = exc = None
        if lemma_tables:
            rules, exc = lemma_tables.get("lemma_rules"), lemma_tables.get("lemma_exc")
        self._rules = {p: [tuple(r) for r in (rules or _SIMPLE_RULES).get(p) or _SIMPLE_RULES[p]]
                       for p in ("verb", "noun")}
        self._exc = {p: dict((exc or {}).get(p, {})) for p in ("verb", "noun")}
        self._lemma_cache: dict[str, frozenset[str]] = {}
        self._word_info: dict[int, tuple[frozenset[str], bool]] = {}

        ps = patterns or pattern_set()
        # trigger lemma -> None (any sentence will do) or the word sets its patterns need: a pattern
        # with `object` words needs one of them in the sentence, one with `prep` words ("go" needs
        # "to", "team" needs "with") one of those; the lemma counts when any of its patterns can.
        needs: dict[str, set[tuple[frozenset[str], ...]] | None] = {}
        for table in (ps.by_verb, ps.by_noun):
            for lemma, pats in table.items():
                head = lemma.split()[-1]  # "suicide attack" -> "attack" (permissive)
                for p in pats:
                    req = tuple(frozenset(w.split()[-1] for w in words) for words in (p.object, p.prep) if words)
                    if not req:
                        needs[head] = None
                    elif needs.get(head, set()) is not None:
                        needs.setdefault(head, set()).add(req)
        self.triggers = {k: (tuple(v) if v is not None else None) for k, v in needs.items()}

        # actor mentions
        self.role_lemmas = frozenset(lexicon().roles)
        self.pronouns = frozenset(PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS)
        self.cased = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        cased: set[str] = set()
        for form, _m in load_gazetteer().surface_forms():
            cased.update({form, form.upper(), _fold(form)})
        lower: set[str] = set()
        for inst in lexicon().institutions:
            lower.update(inst.names)
        for ld in LeaderTable.load():
            for s in ld.surfaces:
                lower.update({s.lower(), _fold(s).lower()})
        self.cased.add("C", list(self.tokenizer.pipe(sorted(f for f in cased if f.strip()))))
        self.lower.add("L", list(self.tokenizer.pipe(sorted(f for f in lower if f.strip()))))

    # ------------------------------------------------------------------ lemmas
    def lemmas(self, form: str) -> frozenset[str]:
        """Every lemma `form` (lower case) may have as a verb or a noun (over-generating)."""
        got = self._lemma_cache.get(form)
        if got is None:
            out = {form}
            for pos in ("verb", "noun"):
                out.update(self._exc[pos].get(form, ()))
                for old, new in self._rules[pos]:
                    if form.endswith(old) and len(form) > len(old):
                        stem = form[: len(form) - len(old)]
                        out.add(stem + new)
                        if new == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                            out.add(stem[:-1])  # "banned" -> "ban", "shipping" -> "ship"
            got = self._lemma_cache[form] = frozenset(out)
            if len(self._lemma_cache) > 200_000:  # bounded: a pathological stream cannot grow it forever
                self._lemma_cache.clear()
        return got

    def _sentences(self, doc):
        """`doc` split into sentences exactly as the ``sentencizer`` component does, on token
        arrays rather than Token objects (its own loop was a fifth of the prefilter's time)."""
        from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START

        n = len(doc)
        if not n:
            return doc
        punct, strings = self._punct, doc.vocab.strings
        starts = [False] * n
        starts[0] = True
        start, seen_period, paragraph, content = 0, False, False, False
        for i, (orth, is_punct, is_space) in enumerate(doc.to_array([ORTH, IS_PUNCT, IS_SPACE]).tolist()):
            if is_space:
                paragraph = paragraph or strings[orth].count("\n") >= 2
            elif paragraph:  # a blank line ends a sentence, with or without a full stop (`article_starts`)
                if content:
                    starts[start] = True
                start, seen_period, paragraph = i, False, False  # (a start on the blank line itself moves here)
            in_punct = punct.get(orth)
            if in_punct is None:
                in_punct = punct[orth] = strings[orth] in self._punct_chars
            if seen_period and not is_punct and not in_punct:
                starts[start] = True
                start, seen_period = i, False
            elif in_punct:
                seen_period = True
            content = not is_space if i == start else content or not is_space
        if start < n:
            starts[start] = True
        doc.from_array([SENT_START], numpy.array([1 if x else -1 for x in starts], dtype="int64").astype("uint64"))
        return doc

    def _words(self, doc) -> list[tuple[frozenset[str], bool]]:
        """Per token: its candidate lemmas and whether the word alone names an actor (a pronoun
        or a role noun); a quote mark has no lemmas. Computed once per distinct lower-case form."""
        from spacy.attrs import LOWER

        info = self._word_info
        strings = doc.vocab.strings
        out = []
        for h in doc.to_array([LOWER]).tolist():
            got = info.get(h)
            if got is None:
                lo = strings[h]
                if lo in QUOTE_MARKS:
                    got = (frozenset(), False)
                else:
                    ls = self.lemmas(lo)
                    got = (ls, lo in self.pronouns or not ls.isdisjoint(self.role_lemmas))
                info[h] = got
                if len(info) > 200_000:  # bounded, as the lemma cache
                    info.clear()
            out.append(got)
        return out

    # ------------------------------------------------------------------ selection
    def select(self, text: str) -> Selection:
        doc = self._sentences(self.tokenizer(text))
        sents = list(doc.sents)
        spans = [(s.start_char, s.end_char) for s in sents]
        actor_tok = set()
        if self.events and self.require_actor:
            for _, s, e in self.cased(doc):
                actor_tok.add(s)
            for _, s, e in self.lower(doc):
                actor_tok.add(s)
        quote_chars = list(find_quote_spans(text)) if self.quotes else []
        keep: set[int] = set()
        words = self._words(doc) if self.events else []
        for si, sent in enumerate(sents if self.events else ()):
            trig = False
            infos = words[sent.start:sent.end]
            lemmas: set[str] = set().union(*[ls for ls, _ in infos])
            actor = any(a for _, a in infos) or not actor_tok.isdisjoint(range(sent.start, sent.end))
            for lem in lemmas:
                reqs = self.triggers.get(lem, False)
                if reqs is None or (reqs and any(all(not words.isdisjoint(lemmas) for words in req)
                                                 for req in reqs)):
                    trig = True
                    break
            if trig and (actor or not self.require_actor):
                keep.add(si)
        # sentences that overlap a quote
        if quote_chars:
            starts = [s for s, _ in spans]
            for qs, qe in quote_chars:
                qs, qe = qs - 1, qe + 1  # with the quote marks, which the sentencizer may put apart
                i = max(0, bisect.bisect_right(starts, qs) - 1)
                while i < len(spans) and spans[i][0] < qe:
                    keep.add(i)
                    i += 1
        if self.keep_previous:
            keep |= {i - 1 for i in keep if i > 0}
        kept = sorted(keep)
        blocks: list[tuple[int, int]] = []
        for i in kept:
            s, e = spans[i]
            if blocks and (i - 1) in keep:
                blocks[-1] = (blocks[-1][0], e)
            else:
                blocks.append((s, e))
        return Selection(spans, kept, blocks)


_NOT_SPACE = re.compile(r"\S")  # what str.isspace() says is not whitespace


def blank_outside(text: str, blocks: Iterable[tuple[int, int]]) -> str:
    """`text` with every character outside `blocks` that is not whitespace replaced by a space."""
    out = []
    pos = 0
    for s, e in blocks:
        if s > pos:
            out.append(_NOT_SPACE.sub(" ", text[pos:s]))
        out.append(text[s:e])
        pos = e
    if pos < len(text):
        out.append(_NOT_SPACE.sub(" ", text[pos:]))
    return "".join(out)


_BYLINE_LINE = re.compile(r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|and|for|to|of|de|da|van|von|der|the|[&,]))*,?")


def byline_end(text: str) -> int | None:
    """Where the article proper starts after a leading byline block of one to three short lines of
    capitalised words, each followed by a blank line ("David Jackson and Tom Vanden Brook / USA TODAY /
    The top U.S. military leader made …"), or None. Without a sentence start there, the names run into
    the first sentence and are read as its subject's apposition."""
    pos, end = 0, None
    for _ in range(3):
        nl = text.find("\n\n", pos)
        if nl < 0:
            break
        line = text[pos:nl].strip()
        if not line or len(line) > 60 or not _BYLINE_LINE.fullmatch(line):
            break
        end = pos = nl + 2
        while pos < len(text) and text[pos] in "\n ":
            pos += 1
    return end


# A wire dateline that opens the article: a place in capitals or in title case, with its region or
# date after a comma ("GAZA CITY, Gaza Strip", "MOSCOW, March 3"), then the agency in brackets and/or
# a dash or colon: "WASHINGTON (Reuters) -", "(CNN)", "London (CNN)", "BEIRUT (AP) —", "MILAN —".
_DATELINE = re.compile(
    r"(?:(?P<place>[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3}"
    r"(?:, ?(?:[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?|[A-Z][a-z]{2,8}\.? \d{1,2}))*) ?)?"
    r"(?:\((?P<agency>[A-Z][\w.&' -]{0,24})\) ?(?:[-—–:]|--)?|(?<=[A-Z.]) ?(?:—|–|--| - ))")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where the first sentence starts after a wire dateline at `start` ("WASHINGTON (Reuters) - The
    United States …", "(CNN) President Trump landed …"), or None. Without a sentence start there, the
    small model reads "(CNN)" or the place as the subject of the first sentence."""
    while start < len(text) and text[start] in " \n":
        start += 1
    m = _DATELINE.match(text, start, min(len(text), start + 80))
    if m is None or not m.group(0).strip():
        return None
    place = m.group("place") or ""
    city = "".join(ch for ch in place.split(",")[0] if ch.isalpha())
    if not m.group("agency") and not (len(city) >= 4 and city.isupper()):
        return None  # only a place in capitals opens a dateline without an agency ("Obama – who …", "U.S. - China" do not)
    end = m.end()
    while end < len(text) and text[end] in " \n":
        end += 1
    return end if end < len(text) and (text[end].isupper() or text[end] in "\"“‘'") else None


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def article_starts(text: str) -> list[int]:
    """The character offsets where sentences must start before parsing: after a leading byline block
    (`byline_end`), after a wire dateline (`dateline_end`) and at every paragraph (after a blank line).
    A headline, a photo credit or "Story highlights" without a full stop would otherwise run into the
    paragraph after it, and the whole would be read (or skipped as page furniture) as one sentence."""
    out = [m.end() for m in _PARAGRAPH.finditer(text) if m.end() < len(text)]
    byline = byline_end(text)
    if byline is not None:
        out.append(byline)
    dateline = dateline_end(text, byline or 0)
    if dateline is not None:
        out.append(dateline)
    return sorted(set(out))


def start_sentences_at(doc, chars: Iterable[int]) -> None:
    """Make the first token at or after each character offset in `chars` start a sentence (before
    parsing)."""
    from spacy.attrs import IDX

    starts = doc.to_array([IDX]).tolist()
    for char in chars:
        i = bisect.bisect_left(starts, char)
        if 1 <= i < len(starts):
            doc[i].is_sent_start = True


def make_doc(nlp, text: str, sel: Selection):
    """A Doc of the blanked text, with sentence starts fixed at the edges of the kept blocks:
    the first token of a block, and the first token after it (the blanked stretch), i.e. each
    token (but the first) with an edge between the previous token's start and its own; and after a
    leading byline block and a wire dateline (`article_starts`)."""
    doc = nlp.make_doc(blank_outside(text, sel.blocks))
    if len(doc) < 2:
        return doc
    start_sentences_at(doc, sorted({s for s, _ in sel.blocks} | {e for _, e in sel.blocks}
                                   | set(article_starts(text))))
    return doc


@functools.lru_cache(maxsize=4)
def sentence_filter(model_key: str = "", keep_previous: bool = True, require_actor: bool = True,
                    events: bool = True, quotes: bool = True) -> SentenceFilter:
    """A cached filter (one per process). `model_key` names the spaCy model whose lemma tables
    are used; "" uses simple suffix rules. `events`/`quotes`: keep the sentences that may hold
    an event / that overlap a quote."""
    tables = tokenizer = None
    if model_key:
        tables = lemma_tables_of(model_key)
        tokenizer = _model_tokenizer(model_key)
    return SentenceFilter(lemma_tables=tables, keep_previous=keep_previous, require_actor=require_actor,
                          events=events, quotes=quotes, tokenizer=tokenizer)


def _model_tokenizer(model: str):
    """The tokenizer of the model `dyad.pipeline.load_nlp` gives, when it tokenizes exactly as a
    blank English pipeline does (same affix rules, special cases and URL/token matches), else
    None (the filter then uses a blank one)."""
    import spacy

    from .pipeline import load_nlp

    try:
        tok = load_nlp(model).tokenizer
    except Exception:  # noqa: BLE001 - no model: the blank tokenizer
        return None
    blank = spacy.blank("en").tokenizer

    def same(a, b) -> bool:
        return getattr(a, "__self__", a) == getattr(b, "__self__", b)

    if type(tok) is not type(blank) or tok.rules != blank.rules or \
            tok.faster_heuristics != blank.faster_heuristics or \
            not all(same(getattr(tok, a), getattr(blank, a))
                    for a in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")):
        return None
    return tok


def lemma_tables_of(model: str) -> dict | None:
    from .pipeline import load_nlp

    try:
        lem = load_nlp(model).get_pipe("lemmatizer")
        lk = lem.lookups
        out = {}
        for name in ("lemma_rules", "lemma_exc"):
            if lk.has_table(name):  # a Table's keys are hashes: read it by part of speech
                table = lk.get_table(name)
                out[name] = {pos: table[pos] for pos in ("verb", "noun") if pos in table}
        return out if out.get("lemma_rules") else None
    except Exception:  # noqa: BLE001 - no lemmatizer or no tables: simple rules
        return None
