"""Quotes: the quoted words, who said them, and whether the source is anonymous.

A quote is text between straight (") or curly (“ ”) double quote marks, of two words or more.
Its speaker is found, in order, from:
1. the reporting verb the quote depends on in the parse ("X said “…”", "“…,” the ministry added",
   "stating that officials are exploring the “…”"), whose subject — or, for a participle
   ("emphasizing that “…”"), the subject of the verb it hangs on — is the speaker;
2. a reporting verb elsewhere in the sentence outside the quote;
3. "according to X" in the sentence;
4. "X: “…”" (a colon before the quote);
5. for a quote that is a sentence on its own, the speaker of the quote just before it.
The speaker is resolved to an actor with the article's coreference ("the ministry" → the
Venezuelan Foreign Ministry), and is anonymous when the phrase says so ("who requested
anonymity", "speaking on condition of anonymity", "sources said", "an official said").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..actors.resolver import ANONYMITY_CUES, DocActors
from ..coding.patterns import pattern_set
from ..models import Actor, Article, Quote, content_id

CURLY_RE = re.compile(r"“([^”“\n]{2,}?)”|«([^»«\n]{2,}?)»")
OPENS_AFTER = set(" \t([{—–-:/") | {""}
SPEECH_EXTRA = {"stress", "add", "tell", "write", "tweet", "post", "quote", "cite", "describe", "call",
                "dismiss", "accuse", "warn", "urge", "reply", "respond", "continue", "ask", "answer"}


def _straight_quotes(text: str, offset: int) -> Iterator[tuple[int, int]]:
    """Pairs of straight double quotes in one paragraph: an opening mark follows a space or the
    start, a closing one is followed by a space, punctuation or the end."""
    pos = [i for i, ch in enumerate(text) if ch == '"']
    open_at = None
    for i in pos:
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        can_open = before in OPENS_AFTER and after not in (" ", "")
        can_close = before not in (" ", "") and (after == "" or not after.isalnum())
        if open_at is not None and can_close:
            yield offset + open_at + 1, offset + i
            open_at = None
        elif can_open:
            open_at = i


def find_quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of quoted text (without the marks), in text order.

    Curly (“…”) and guillemet quotes pair directly; straight quotes are paired within a
    paragraph by which side of a word they stand on, so that one stray mark does not shift
    every quote after it. A quote of fewer than two words is skipped.
    """
    spans = []
    for m in CURLY_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        spans.append(m.span(g))
    start = 0
    for para in text.split("\n"):
        spans.extend(_straight_quotes(para, start))
        start += len(para) + 1
    for s, e in sorted(spans):
        body = text[s:e]
        if len(body.split()) >= 2 and body.strip():
            yield s, e


class QuoteExtractor:
    def __init__(self):
        ps = pattern_set()
        self.reporting = set(ps.reporting_verbs) | SPEECH_EXTRA

    def extract(self, doc: Doc, article: Article, actors: DocActors) -> list[Quote]:
        out: list[Quote] = []
        sents = list(doc.sents)
        prev: tuple[Actor | None, str | None, int] | None = None
        text = doc.text  # built anew from the tokens on every access: read it once
        for start, end in find_quote_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            sent = span[0].sent
            si = sents.index(sent) if sent in sents else 0
            speaker, verb = self._speaker(span, sent, actors)
            if speaker is None and prev is not None and si - prev[2] <= 1 and self._stands_alone(span, sent):
                speaker, verb = prev[0], prev[1]
            quote = Quote(
                quote_id=content_id(article.id, start, end), article_id=article.id,
                text=text[start:end].strip(), speaker=speaker, verb=verb, span=(start, end),
                sentence_index=si, sentence=sent.text,
            )
            out.append(quote)
            prev = (speaker, verb, si)
        return out

    # ------------------------------------------------------------------
    def _stands_alone(self, span: Span, sent: Span) -> bool:
        return span.start - sent.start <= 1 and sent.end - span.end <= 2

    def _inside(self, tok: Token, span: Span) -> bool:
        return span.start <= tok.i < span.end

    def _speaker(self, span: Span, sent: Span, actors: DocActors) -> tuple[Actor | None, str | None]:
        doc = span.doc
        # 0. a reporting verb right after the quote, before any other quote: "“…,” the ministry added"
        for t in doc[span.end:min(len(doc), span.end + 16)]:
            if t.text in ("“", "”", '"', "«", "»") and t.i > span.end + 1 or t.sent != sent:
                break
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.reporting:
                found = self._subject_actor(t, actors)
                if found is None:
                    # a misparsed inversion: "“…,” a diplomat, speaking on condition of anonymity, said"
                    head = next((x for x in doc[span.end:t.i] if x.pos_ in ("NOUN", "PROPN")
                                 and x.dep_ not in ("pobj", "compound", "poss")), None)
                    found = self._as_speaker(head, actors, upto=t.i) if head is not None else None
                if found is not None:
                    return found, t.lemma_.lower()
                break
        # 1. climb from the quote's attachment points to a reporting verb
        for tok in span:
            if self._inside(tok.head, span) and tok.head.i != tok.i:
                continue
            cur = tok
            for _ in range(6):
                if not self._inside(cur, span) and cur.lemma_.lower() in self.reporting and cur.pos_ in ("VERB", "AUX"):
                    found = self._subject_actor(cur, actors)
                    if found is not None:
                        return found, cur.lemma_.lower()
                if cur.head.i == cur.i:
                    break
                cur = cur.head
        # 2. a reporting verb in the sentence, outside the quote, nearest first
        verbs = [t for t in sent if not self._inside(t, span) and t.pos_ in ("VERB", "AUX")
                 and t.lemma_.lower() in self.reporting]
        verbs.sort(key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
        for v in verbs:
            found = self._subject_actor(v, actors)
            if found is not None:
                return found, v.lemma_.lower()
        # 3. according to X
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                pobj = next((g for g in t.doc[t.i + 1].children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._as_speaker(pobj, actors), "according to"
        # 4. "X: “…”"
        before = span.start - 2
        if before >= sent.start and span.doc[before].text == ":" or (
                before + 1 >= sent.start and span.doc[before + 1].text == ":"):
            head = next((t for t in sent if t.dep_ in ("nsubj", "ROOT") and t.i < span.start
                         and t.pos_ in ("PROPN", "NOUN")), None)
            if head is not None:
                return self._as_speaker(head, actors), ":"
        return None, None

    def _subject_actor(self, verb: Token, actors: DocActors) -> Actor | None:
        cur = verb
        for _ in range(3):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                if subj.lower_ in ("who", "that", "which") and cur.dep_ == "relcl":
                    subj = cur.head
                return self._as_speaker(subj, actors)
            if cur.dep_ in ("advcl", "conj", "xcomp") and cur.head.i != cur.i:
                cur = cur.head
            else:
                break
        return None

    def _as_speaker(self, tok: Token, actors: DocActors, *, upto: int | None = None) -> Actor:
        a = actors.actor_at(tok)
        phrase = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
        if upto is not None:  # the words from the head up to the verb: "a diplomat, speaking on …"
            phrase = tok.doc[tok.left_edge.i:upto]
            while len(phrase) and phrase[-1].is_punct:
                phrase = phrase[:-1]
        if tok.dep_ == "ROOT" or len(phrase) > 25:
            phrase = tok.doc[tok.left_edge.i:tok.i + 1]
        anon = any(cue in phrase.text.lower() for cue in ANONYMITY_CUES)
        if a is None:
            named = tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN"
            anon = anon or (tok.lemma_.lower() in ("source", "official", "diplomat", "aide") and not named)
            return Actor(code=None, country=None, roles=[], text=phrase.text, name=None,
                         start=phrase.start_char, end=phrase.end_char, kind=None, anonymous=anon, how="unresolved")
        return Actor(**{**a.to_dict(), "text": phrase.text, "start": phrase.start_char, "end": phrase.end_char,
                        "anonymous": a.anonymous or anon})
