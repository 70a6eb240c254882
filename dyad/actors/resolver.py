"""Resolve noun phrases in a parsed article to CAMEO actors.

One `DocActors` per article. It walks the article in order, so that coreference ("it", "he",
"the ministry", "the official", a surname) can look back at the actors already seen.

Rules, in order, for a phrase headed by token `t`:
1. pronouns → the most recent compatible actor (person for he/she, non-person for it/they);
2. media outlets → no actor (they are the source of a report, not an actor of the event);
3. named institutions ("State Department", "Kremlin", "UN") → their fixed codes, country from the phrase;
4. people → the leaders table by the article's date, else a title or apposition
   ("the top US diplomat in Colombia, John McNamara" is American), else an earlier mention;
5. role nouns ("government", "officials", "army") → roles, with the country from the phrase's
   modifiers ("Venezuelan", "US", "Iran's"), then "of/from X", then "in X", then context
   (a definite "the ministry" → the last ministry; "officials" → an "according to" source);
6. country names, demonyms and capitals (metonymy: "Caracas and Washington") → the country.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from datetime import date

from spacy.attrs import POS, SENT_START
from spacy.parts_of_speech import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from ..models import Actor
from .gazetteer import load_gazetteer
from .leaders import LeaderTable
from .lexicon import Lexicon, RoleNoun, lexicon
from .userdict import UserDictionary  # user dictionaries

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "case", "punct", "advmod", "quantmod"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
PAST_OFFICE = {"former", "ex", "ex-", "retired"}  # "former Chinese officials", "a retired general": elites, not the state
# Modifiers that do not say whose an official is: "the senior official" may still be the one
# named before, "Western officials" may not.
NON_IDENTIFYING = {"senior", "top", "high", "ranking", "high-ranking", "-", "former", "other", "several",
                   "some", "two", "three", "many", "few", "government", "administration", "state", "said",
                   "same", "unnamed", "anonymous", "visiting", "leading"}
INTERNATIONAL_CODES = {"EUR": "IGOEUREEC"}  # leaders-table rows that are organisations, not countries
BACKED_WORDS = {"backed", "funded", "supported", "allied", "aligned", "linked", "made", "built", "inspired",
                "affiliated", "sponsored", "armed", "trained", "based", "born", "controlled", "held", "occupied",
                "proxy", "proxies"}  # "an Iranian proxy militia in Iraq" is Iraqi, backed by Iran
PERSONAL_TITLES = {"mr", "mrs", "ms", "miss", "dr", "rep", "sen", "gov", "gen", "col", "lt", "sgt", "capt",
                   "rev", "prof", "judge", "senator", "representative", "congressman", "congresswoman"}
NON_STATE_ROLES = {"REB", "OPP", "SEP", "NGO", "BUS", "MED", "EDU", "PTY", "IMG", "INS"}  # a leader of these leads no state
LEADER_TITLES = {"president", "minister", "chancellor", "premier", "king", "leader", "secretary"}
ANONYMITY_CUES = ("anonymity", "not authorized", "not authorised", "declined to be named",
                  "asked not to be named", "requested not to be identified", "unnamed", "on background")


_HEAD_POS = frozenset({NOUN, PROPN, PRON})  # the parts of speech of a phrase head DocActors resolves
_CACHES: dict[int, tuple[object, dict]] = {}  # id(gazetteer or lexicon) -> (it, {text: answer})
_CACHE_MAX = 200_000  # entries per cache; a pathological stream cannot grow it forever


def _lookup_cache(owner: object) -> dict:
    """The per-process memo of lookups in `owner` (a gazetteer or a lexicon, neither of which
    changes once loaded), emptied when it grows past _CACHE_MAX."""
    got = _CACHES.get(id(owner))
    if got is None or got[0] is not owner:
        got = _CACHES[id(owner)] = (owner, {})
    if len(got[1]) > _CACHE_MAX:
        got[1].clear()
    return got[1]


def _memo(cache: dict, key: str, compute):
    """cache[key], computed by compute(key) the first time (None is remembered too)."""
    if key in cache:
        return cache[key]
    value = cache[key] = compute(key)
    return value


def _sentence_numbers(doc: Doc) -> list[int]:
    """For each token, the index of its sentence in `doc.sents` (computed as Doc.sents does, from
    the sentence starts, when no user hook defines the sentences)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
        out = [0] * len(doc)
        for si, s in enumerate(doc.sents):
            for t in s:
                out[t.i] = si
        return out
    out = []
    si = 0
    for i, start in enumerate(doc.to_array([SENT_START]).tolist()):
        if i and start == 1:
            si += 1
        out.append(si)
    return out


REGION_WORDS = {"central", "latin", "south", "north", "east", "west", "southeast", "southern", "northern",
                "eastern", "western", "sub-saharan", "middle", "pan", "pan-arab", "pan-african"}


def _regional(ent: Span | None) -> bool:
    """A people named by a region with a country's word in it: "Central Americans", "Latin American"."""
    if ent is None:
        return False
    if len(ent) > 1 and ent[0].lower_ in REGION_WORDS:
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None  # "Central" left out of the entity
    return before is not None and before.is_title and before.lower_ in REGION_WORDS


OWNED_WORDS = {"flagged", "registered", "owned", "operated", "built", "made", "based", "run"}


def _subject(t: Token) -> bool:
    """A clause's subject, or a name in apposition to one ("the security director, Chung Eui-yong,")."""
    return t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass"))


@functools.lru_cache(maxsize=20000)
def _place_of(name: str):
    """A city or region (not a country) that geonames knows by `name`, or None; the lookup is slow
    (a few milliseconds) and the same names recur across articles, so it is remembered."""
    from ..geo import geocoder

    loc = geocoder().locate(name)
    if loc is None or not loc.country or loc.feature == "country":
        return None
    return loc


def actor_code(country: str | None, roles: list[str]) -> str | None:
    if not country and not roles:
        return None
    return (country or "") + "".join(roles[:2])


@dataclass
class Mention:
    actor: Actor
    head: Token
    lemma: str
    sent_index: int


class DocActors:
    """Actors of one parsed article, resolved on demand and remembered for coreference."""

    def __init__(self, doc: Doc, published: date | None, *, lex: Lexicon | None = None,
                 user: UserDictionary | None = None):
        self.doc = doc
        self.published = published
        self.lex = lex or lexicon()
        self.user = user  # user dictionaries: their entries win over the built-in ones
        self.gaz = load_gazetteer()
        self.leaders = LeaderTable.load()
        self._cache: dict[int, Actor | None] = {}
        self._ent_of: dict[int, Span] | None = None
        self._country_mentions: dict[str, int] | None = None
        self.history: list[Mention] = []
        self._spans: dict[int, Span] = {}  # token index -> _np_span, per article
        self._leader_of: dict[str, object] = {}  # name -> leaders-table lookup, per article
        self._gaz_cache = _lookup_cache(self.gaz)
        self._inst_cache = _lookup_cache(self.lex)
        self._sent_of = _sentence_numbers(doc)  # token index -> index of its sentence in doc.sents
        # Resolve every candidate head once, in text order, so coreference sees what came before.
        # The candidates are found on the token arrays: most tokens (the blanked stretches among
        # them) are neither nouns nor pronouns, and a Token object per token costs more.
        pos = doc.to_array([POS]).tolist() if len(doc) else []
        for i, p in enumerate(pos):
            if p in _HEAD_POS:
                t = doc[i]
                if not self._inside_larger_np(t):
                    self.actor_at(t)

    # ---------------------------------------------------------------- public
    @property
    def country_mentions(self) -> dict[str, int]:
        """How often the article names each country (by name, demonym or capital): it settles
        which of two leaders of the same name is meant."""
        if self._country_mentions is None:
            counts: dict[str, int] = {}
            for ent in self.doc.ents:
                if ent.label_ in ("GPE", "NORP"):
                    m = self._gaz_lookup(ent.text)
                    if m is not None:
                        counts[m.iso3] = counts.get(m.iso3, 0) + 1
            self._country_mentions = counts
        return self._country_mentions

    def _in_context(self, country: str, *, lead: bool = False) -> bool:
        """Whether the article is about `country`: it names it (by name, demonym or capital) at least
        half as often as the country it names most (with `lead`, at least as often)."""
        counts = self.country_mentions
        return counts.get(country, 0) > 0 and (1 if lead else 2) * counts[country] >= max(counts.values())

    def _inst_country(self, inst) -> str | None:
        """An institution's own country: for a name that does not give it alone ("the Senate",
        "the House", "Republicans"), only in an article about that country (`_in_context`)."""
        if inst.needs_context and inst.country and not self._in_context(inst.country, lead=inst.lead):
            return None
        return inst.country

    def actor_at(self, t: Token) -> Actor | None:
        if t.i not in self._cache:
            self._cache[t.i] = None  # guards recursion
            actor = self._resolve(t)
            self._cache[t.i] = actor
            if actor is not None and (actor.country or actor.code):
                self.history.append(Mention(actor, t, t.lemma_.lower(), self._sent_of[t.i]))
            elif actor is None and self._is_unknown_person(t):
                # someone we cannot code ("Jose, a baker", "Senator Smith"): remembered so that a
                # later "he" or "she" refers to them and not to the last leader mentioned
                self.history.append(Mention(
                    Actor(code=None, country=None, text=t.text, kind="person", how="unresolved"),
                    t, t.lemma_.lower(), self._sent_of[t.i]))
        return self._cache[t.i]

    def _is_unknown_person(self, t: Token) -> bool:
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ != "compound":
            return True
        rn = self.lex.roles.get(t.lemma_.lower())
        return rn is not None and rn.kind == "person" and t.tag_ == "NN"

    def weak_actor(self, t: Token, *, domestic: str | None = None) -> Actor | None:
        """An actor for a target that names no actor of its own.

        "Ukrainian positions" → UKR (the country of its modifier); "opposition activists" with no
        country → the `domestic` country (the source's: a government acting at home).
        """
        a = self.actor_at(t)
        if a is not None:
            return a
        if t.pos_ not in ("NOUN", "PROPN"):
            return None
        for c in t.lefts:
            if c.dep_ == "compound" and c.pos_ == "PROPN":
                a = self.actor_at(c)  # "Islamic State targets", "Taliban positions": the group's, not a state's
                if a is not None and a.kind == "organisation" and a.code and not set(a.roles) & {"GOV", "MIL", "COP"}:
                    return self._retext(a, t, "modifier")
        rn = self._role_noun(t)
        mod_roles: list[str] = []
        for c in t.lefts:
            if c.dep_ in ("compound", "amod"):
                crn = self._role_noun(c)
                if crn is not None:
                    mod_roles += list(crn.roles)
        if rn is None and not mod_roles:
            # a thing, not a group of people: only an explicit country word counts ("Ukrainian
            # positions", "a British tanker"), never a pronoun ("his family", "its progress")
            country = None
            for c in t.lefts:
                if c.dep_ in ("compound", "amod", "nmod") and not self._backed(c):
                    country = country or self._country_of_token(c)
                    if country is None and c.lower_ in OWNED_WORDS:  # "a British-flagged tanker"
                        country = next((self._country_of_token(x) for x in c.lefts
                                        if x.dep_ in ("amod", "npadvmod", "compound")), None)
                    if country is None and c.dep_ == "compound":
                        a = self.actor_at(c)  # "Hamas targets"
                        if a is not None and (a.country or a.code):
                            return dataclasses.replace(self._retext(a, t, "modifier"))
                elif c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                    a = self.actor_at(c)  # "Ukraine's border", "Iran's oil sector"
                    if a is not None and a.country:
                        country = country or a.country
        else:
            country = self._modifier_country(t)
        roles = list(rn.roles) if rn is not None else []
        roles = list(dict.fromkeys(mod_roles + roles))
        if country:
            return self._make(t, None, country=country, roles=roles, name=None, kind="group", how="modifier")
        of = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"), None)
        group = None
        if rn is not None and of is not None:  # ("the al-Shabaab group": the name is a compound of "group")
            group = next((a for x in [of, *reversed([c for c in of.lefts if c.dep_ == "compound"])]
                          if (a := self.actor_at(x)) is not None), None)
        if group is not None and group.kind == "organisation" and group.code and set(group.roles) & NON_STATE_ROLES:
            return self._retext(group, t, "modifier")  # "the leader of the al-Shabaab group": the group's
        of_role = self._role_noun(of) if rn is not None and of is not None and group is None else None
        if of_role is not None and set(of_role.roles) & NON_STATE_ROLES:
            roles = list(of_role.roles)  # "the leader of the opposition" leads no government
        if roles and domestic and rn is not None and not any(c.dep_ == "poss" for c in t.children):
            # (people of the place or of the acting state: "opposition activists"; not a thing whose
            # modifier names a role, "Democratic Party computers")
            return self._make(t, None, country=domestic, roles=roles, name=None, kind="group", how="domestic")
        return None

    def is_actorish(self, t: Token) -> bool:
        """Names an actor, even one whose country the phrase does not give ("opposition activists");
        a thing with a country word ("a Russian navy base", "Iran's response") is not one."""
        if self.actor_at(t) is not None or t.ent_type_ == "PERSON":
            return True
        weak = self.weak_actor(t, domestic="---")
        return weak is not None and bool(weak.roles)

    def actors_of(self, t: Token) -> list[Actor]:
        """The actors a phrase names: one, or one per country when countries are joined
        ("Indian and Chinese troops", "the navies of India and Japan")."""
        a = self.actor_at(t)
        if a is None:
            return []
        countries: list[str] = []
        for c in t.lefts:
            if c.dep_ in ("amod", "compound", "nmod"):
                for x in [c, *c.conjuncts]:
                    cc = self._country_of_token(x)
                    if cc and cc not in countries:
                        countries.append(cc)
        if not countries:
            for prep in t.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            for x in [pobj, *pobj.conjuncts]:
                                cc = self._country_of_token(x)
                                if cc and cc not in countries:
                                    countries.append(cc)
        if len(countries) < 2 or a.country not in countries:
            return [a]
        return [dataclasses.replace(a, country=c, code=actor_code(c, a.roles)) for c in countries]

    def sentence_index(self, t: Token) -> int:
        return self._sent_of[t.i]

    def is_media(self, t: Token) -> bool:
        span = self._entity(t)
        return self.lex.is_media(span.text if span is not None else t.text)

    # ---------------------------------------------------------------- helpers
    def _inside_larger_np(self, t: Token) -> bool:
        return t.dep_ in ("compound",) and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i

    def _entity(self, t: Token) -> Span | None:
        if not t.ent_type_:
            return None
        if self._ent_of is None:  # token index → its entity, built once per article
            self._ent_of = {i: e for e in self.doc.ents for i in range(e.start, e.end)}
        return self._ent_of.get(t.i)

    def _gaz_lookup(self, text: str):
        """`self.gaz.lookup(text)`, remembered per process (the gazetteer does not change)."""
        return _memo(self._gaz_cache, text, self.gaz.lookup)

    def _institution_in(self, text: str):
        """`self.lex.institution_in(text)`, remembered per process (the lexicon does not change)."""
        return _memo(self._inst_cache, text, self.lex.institution_in)

    def _leader(self, name: str):
        """The leaders table's answer for `name` on the publication date, in this article's
        context (both fixed for the article), remembered per article."""
        if name in self._leader_of:
            return self._leader_of[name]
        leader = self._leader_of[name] = self.leaders.lookup(name, self.published, context=self.country_mentions)
        return leader

    def _np_span(self, t: Token) -> Span:
        """The head with its left modifiers: "the top US diplomat" for `diplomat`."""
        span = self._spans.get(t.i)
        if span is None:
            span = self._spans[t.i] = self._np_span_of(t)
        return span

    def _np_span_of(self, t: Token) -> Span:
        left = t.i
        stack = [c for c in t.lefts if c.dep_ in MODIFIER_DEPS]
        while stack:
            c = stack.pop()
            left = min(left, c.left_edge.i if c.dep_ != "det" else c.i)
        right = t.i
        ent = self._entity(t)
        if ent is not None:
            left, right = min(left, ent.start), max(right, ent.end - 1)
        while left < t.i and self.doc[left].is_punct:
            left += 1
        return self.doc[left:right + 1]

    def _make(self, t: Token, span: Span | None, *, country: str | None, roles: list[str], name: str | None,
              kind: str, how: str, code: str | None = None, anonymous: bool = False) -> Actor:
        span = span if span is not None else self._np_span(t)
        roles = list(dict.fromkeys(roles))
        return Actor(
            code=code or actor_code(country, roles), country=country, roles=roles, text=span.text,
            name=name, start=span.start_char, end=span.end_char, kind=kind, anonymous=anonymous, how=how,
        )

    def _retext(self, actor: Actor, t: Token, how: str) -> Actor:
        span = self._np_span(t)
        return dataclasses.replace(actor, text=span.text, start=span.start_char, end=span.end_char, how=how)

    def _country_of_token(self, tok: Token) -> str | None:
        """A country named by this token (or the entity it is part of)."""
        ent = self._entity(tok)
        candidates = [ent.text] if ent is not None else []
        if not _regional(ent):  # "Latin American governments" are not American ones
            candidates.append(tok.text)
        if tok.lower_.endswith("-led"):  # "the Saudi-led coalition" is led by Saudi Arabia
            candidates.append(tok.text[:-4])
        # user dictionaries: a country of the user's own ("the Sylvanian ambassador")
        if self.user is not None:
            for text in candidates:
                ua = self.user.match(text, self.published, at_end=True)
                if ua is not None and ua.country and not ua.roles:
                    return ua.country
        for text in candidates:
            m = self._gaz_lookup(text)
            if m is not None:
                return m.iso3
        return None

    def _backed(self, tok: Token) -> bool:
        """ "Iran-backed militia", "Russian-made missile", "pro-Russia separatists": the country is a
        sponsor or a cause, not the actor."""
        doc = self.doc
        k = tok.i - 1
        if k >= 0 and doc[k].text in ("-", "–"):
            k -= 1
        if k >= 0 and doc[k].lower_ in ("pro", "anti"):
            return True
        if tok.lower_.startswith(("pro-", "anti-")):
            return True
        # the token after "pro-": spaCy may keep "pro-Palestinian" whole or split it
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"):
            return True
        j = tok.i + 1
        if j < len(doc) and doc[j].text in ("-", "–"):
            j += 1
        return j < len(doc) and doc[j].lower_ in BACKED_WORDS

    def _modifier_country(self, t: Token) -> str | None:
        """Country from the phrase's own modifiers: "Venezuelan", "US", "Iran's", "the Kremlin's"."""
        ent = self._entity(t)
        if ent is not None and ent.label_ in ("ORG", "NORP", "FAC"):
            for tok in ent:
                if tok.i != t.i:
                    c = self._country_of_token(tok)
                    if c:
                        return c
        # nearest modifier first
        for c in sorted(t.lefts, key=lambda x: -x.i):
            if c.dep_ not in ("compound", "amod", "poss", "nmod", "npadvmod"):
                continue
            for tok in sorted(c.subtree, key=lambda x: -x.i):
                if tok.dep_ == "case" or self._backed(tok):
                    continue
                country = self._country_of_token(tok)
                if country:
                    return country
                if tok.pos_ in ("PROPN", "ADJ") and tok.is_title and c.dep_ in ("compound", "amod"):
                    inst = self._institution_in(tok.text)  # "Republican lawmakers", "Senate Democrats"
                    if inst is not None and inst.needs_context and (country := self._inst_country(inst)):
                        return country
                if c.dep_ == "poss":
                    a = self.actor_at(c)
                    if a is not None and a.country:
                        return a.country
        return None

    def _prep_actor(self, t: Token, preps: tuple[str, ...]) -> Actor | None:
        for prep in t.rights:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        a = self.actor_at(pobj)
                        if a is not None and (a.country or a.code):
                            return a
        return None

    def _according_to_country(self, t: Token) -> str | None:
        sent = t.sent
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                for pobj in self.doc[tok.i + 1].children:
                    if pobj.dep_ == "pobj" and pobj.i != t.i:
                        a = self.actor_at(pobj)
                        if a is not None and a.country:
                            return a.country
        return None

    def _recent(self, t: Token, pred, *, window: int | None = None) -> Mention | None:
        si = self.sentence_index(t)
        for m in reversed(self.history):
            if m.head.i >= t.i:
                continue
            if window is not None and si - m.sent_index > window:
                break
            if pred(m):
                return m
        return None

    def _role_noun(self, t: Token) -> RoleNoun | None:
        lemma = t.lemma_.lower()
        # user dictionaries: the user's agents win over the built-in role lexicon
        if self.user is not None:
            before = [x.lower_ for x in self.doc[max(0, t.i - 3):t.i]]  # "minister of war": its last words
            agent = self.user.agent_ending(before + [lemma]) or self.user.agent_ending(before + [t.lower_])
            if agent is not None:
                base = self.lex.roles.get(lemma)
                return (dataclasses.replace(base, roles=agent.roles, plural_only=False) if base is not None
                        else RoleNoun(lemma=lemma, roles=agent.roles, kind=agent.kind))
        prev = t.i - 1
        if prev >= 0:
            two = f"{self.doc[prev].lower_} {lemma}"
            if two in self.lex.roles:
                return self.lex.roles[two]
        rn = self.lex.roles.get(lemma) or self.lex.roles.get(t.lower_)
        if rn is not None and rn.plural_only and t.tag_ not in ("NNS", "NNPS"):
            return None
        return rn

    def _anonymous(self, t: Token, named: bool) -> bool:
        text = " ".join(tok.text for tok in t.subtree).lower()
        if any(cue in text for cue in ANONYMITY_CUES):
            return True
        rn = self._role_noun(t)
        if rn is not None and rn.anonymous_if_unnamed and not named:
            dets = [c.lower_ for c in t.children if c.dep_ == "det"]
            if t.lemma_.lower() == "source" or any(d in ("a", "an", "one", "another", "some") for d in dets):
                return True
        return False

    # ---------------------------------------------------------------- the rules
    def _resolve(self, t: Token) -> Actor | None:
        low = t.lower_
        if t.pos_ == "PRON":
            return self._pronoun(t, low)
        # user dictionaries: an entry of the user's own wins over every built-in rule
        if self.user is not None and t.dep_ != "amod" and t.pos_ != "ADJ":
            np = self._np_span(t)
            ua = self.user.match(self.doc[np.start:t.i + 1].text, self.published, at_end=True)
            if ua is not None and ua.code is None:  # role-only ("[~GOV]"): the country from context
                kind = "person" if t.ent_type_ == "PERSON" else "organisation"
                return self._role_actor(t, np, RoleNoun(lemma=low, roles=ua.roles, kind=kind))
            if ua is not None:
                kind = "person" if t.ent_type_ == "PERSON" else "organisation" if ua.roles else "country"
                return self._make(t, np, country=ua.country, roles=list(ua.roles), name=ua.name, kind=kind,
                                  how="user-dictionary", code=ua.code)
        if t.like_num or t.is_punct:
            return None
        ent = self._entity(t)
        if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            return None
        np = self._np_span(t)
        if self.lex.is_media(np.text) or (ent is not None and self.lex.is_media(ent.text)):
            return None

        inst = self._institution_in((ent.text if ent is not None and ent.label_ != "GPE" else np.text))
        if inst is not None and any(not c.isupper() for c in inst.cased):
            name_words = {w for n in inst.names for w in n.split()}
            if any(x.pos_ == "PROPN" and x.i < t.i and x.text not in self.lex.cased_may_follow
                   and x.lower_ not in name_words and self._country_of_token(x) is None for x in np):
                inst = None  # part of another name: "Liberal Democrats", "the Park Hwa Guest House"
        named = inst is not None and t.lower_ in " ".join(inst.names).split()
        if named:
            country = self._modifier_country(t) or self._inst_country(inst)  # "the Pakistani Taliban"
            if inst.needs_context and not country:
                if not inst.country:
                    return None  # (a council of no country said: not the UN's either)
                named = False  # the US one only in an article about the US: else an "appeals court in Nairobi"
        if named:
            if not country and not inst.code:
                a = self._prep_actor(t, ("of",))
                country = a.country if a else None
            if not country and not inst.code:
                m = self._recent(t, lambda m: m.actor.name == inst.name and m.actor.country is not None)
                if m is None:
                    return None
                return self._retext(m.actor, t, "coref")
            return self._make(t, np, country=country, roles=list(inst.roles), name=inst.name,
                              kind="organisation", how="institution", code=inst.code if not inst.country else None)

        person = self._person(t, ent)
        if person is not None:
            return person

        rn = self._role_noun(t)
        if rn is not None:
            return self._role_actor(t, np, rn)

        if ent is not None and ent.label_ == "PERSON" and len(ent) > 1 or self._after_title(t):
            return None  # "Rep. Jim Jordan", "Mr. Chad" are people, not countries (a lone "Nepal" tagged
            # PERSON by the small model is still a country)
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC") or t.pos_ == "PROPN":
            m = self._gaz_lookup(ent.text if ent is not None else t.text)
            if m is None and ent is not None and not _regional(ent):
                m = self._gaz_lookup(t.text)  # (not "Central Americans" → Americans)
            if m is None and ent is not None and ent.label_ == "GPE" and t.i == ent.root.i:
                # a city or region stands for its country as a place of action: "shelled Belgorod"
                place = self._place(ent.text)
                if place is not None:
                    return self._make(t, np, country=place.country, roles=[], name=place.name,
                                      kind="place", how="geonames")
            if m is not None:
                if m.kind == "demonym":
                    if t.dep_ == "amod" or t.pos_ == "ADJ" or self._gaz_lookup(t.text) is None:
                        return None
                    dets = {c.lower_ for c in t.children if c.dep_ == "det"}
                    if t.dep_ == "conj" and t.head.pos_ in ("PROPN", "NOUN"):
                        dets |= {c.lower_ for c in t.head.children if c.dep_ == "det"}  # "the Russians and Chinese"
                    if "the" in dets and (t.tag_ in ("NNS", "NNPS") or t.text.endswith("ese")):
                        # "the Russians said", "the Chinese announced": the nation acting as one
                        return self._make(t, np, country=m.iso3, roles=[], name=m.entry.name,
                                          kind="country", how="demonym")
                    # a bare nationality ("an American", "Venezuelans") is a civilian, not the state
                    return self._make(t, np, country=m.iso3, roles=["CVL"], name=m.entry.name,
                                      kind="group", how="demonym")
                if m.kind == "capital" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                    # "The Paris attacks alarmed …": a city named for what happened there, not its government
                    return self._make(t, np, country=m.iso3, roles=[], name=m.entry.name, kind="place",
                                      how="capital")
                return self._make(t, np, country=m.iso3, roles=[], name=m.entry.name, kind="country",
                                  how="capital" if m.kind == "capital" else "gazetteer")
        return None

    def _after_title(self, t: Token) -> bool:
        """A name after a personal title or a first name: "Rep. Jim Jordan", "Sen. Georgia"."""
        start = t.i
        while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start == 0:
            return False
        prev = self.doc[start - 1].text.rstrip(".").lower()
        return prev in PERSONAL_TITLES or (start < t.i and self.doc[start].text.rstrip(".").lower() in PERSONAL_TITLES)

    def _place(self, name: str):
        return _place_of(name)

    def _pronoun(self, t: Token, low: str) -> Actor | None:
        if low in ("his", "her") and t.dep_ == "poss" and t.head.dep_ == "conj" and t.head.head.i < t.i:
            # "congratulated Modi and his party": the person the phrase is joined to
            joined = t.head.head
            a = self.actor_at(joined)
            if a is not None and a.kind == "person" and a.country:
                return dataclasses.replace(a, text=t.text, start=t.idx, end=t.idx + len(t.text), how="coref")
            if joined.ent_type_ == "PERSON":
                return None  # someone we cannot code: not whoever was named before
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "conj" and t.head.head.dep_ != "ccomp" \
                and low in PERSON_PRONOUNS | THING_PRONOUNS:
            # "The U.S. says Assad's government did it, and it accuses Russia …", "…, Burr said, and he
            # urged Trump …": the subject of the clause this one is joined to
            first = next((c for c in t.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if first is not None and first.i < t.i and first.pos_ != "PRON":
                a = self.actor_at(first)
                kind_ok = a is not None and ((a.kind == "person") == (low in PERSON_PRONOUNS))
                if kind_ok and (a.country or a.code):
                    return dataclasses.replace(a, text=t.text, start=t.idx, end=t.idx + len(t.text), how="coref")
                if a is None and low in PERSON_PRONOUNS and first.ent_type_ == "PERSON":
                    return None  # "…, Burr said, and he urged Trump": someone we cannot code, not the last leader
        if low in PERSON_PRONOUNS:
            want = "f" if low in ("she", "her") else "m"

            def person(m: Mention) -> bool:
                return m.actor.kind == "person" and m.head.tag_ not in ("NNS", "NNPS") and \
                    m.head.lower_ not in PLURAL_PRONOUNS and self._gender(m) in (None, want)
            # the subject of the sentence before (or this one) first, then any person mentioned lately
            si = self.sentence_index(t)
            m = self._recent(t, lambda m: person(m) and _subject(m.head) and si - m.sent_index <= 1)
            if m is None:
                m = self._recent(t, person, window=2)
                if m is not None and self._rival(t, m, person):
                    return None  # two people could be meant and neither was the subject: leave it unresolved
        elif low in THING_PRONOUNS:
            m = self._recent(t, lambda m: m.actor.kind in ("organisation", "country")
                             and m.head.dep_ in ("nsubj", "nsubjpass"), window=2)
        elif low in PLURAL_PRONOUNS:
            before = self._main_subject_before(t)
            if before is not None and before.tag_ in ("NNS", "NNPS") and before.i != t.i:
                # "Critics (Ugandan officials) … insist that ISIS poses a threat. They urged Obama …": the
                # subject before, whether or not it is an actor we can code
                a = self.actor_at(before)
                if a is None or not (a.country or a.code):
                    return None
                return dataclasses.replace(a, text=t.text, start=t.idx, end=t.idx + len(t.text), how="coref")
            m = self._recent(t, lambda m: m.actor.kind in ("organisation", "group")
                             and m.head.dep_ in ("nsubj", "nsubjpass"), window=1)
        else:
            return None
        if m is None or (m.actor.country is None and m.actor.code is None):
            return None
        return dataclasses.replace(m.actor, text=t.text, start=t.idx, end=t.idx + len(t.text), how="coref")

    def _main_subject_before(self, t: Token) -> Token | None:
        """The subject of the main clause that comes before `t`: of its own sentence when it opens
        it, else of the sentence before."""
        sent = t.sent
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i < t.i:
            return subj
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        return next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    def _gender(self, m: Mention) -> str | None:
        """"m" or "f" when known: from Mr./Mrs./Ms. before the name or from the leaders table."""
        span = self._np_span(m.head)
        for x in span:
            low = x.lower_.rstrip(".")
            if low in ("mr", "sir", "king", "prince", "lord"):
                return "m"
            if low in ("mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame"):
                return "f"
        if m.actor.name and self.published is not None:
            leader = self._leader(m.actor.name)
            if leader is not None:
                return leader.gender
        return None

    def _rival(self, t: Token, chosen: Mention, pred) -> bool:
        """Another, different actor that fits `pred` mentioned between `chosen` and the pronoun's
        sentence start or in the sentence before: the pronoun is ambiguous."""
        si = self.sentence_index(t)
        for m in reversed(self.history):
            if m.head.i >= t.i or m is chosen:
                continue
            if si - m.sent_index > 1:
                break
            if pred(m) and (m.actor.code, m.actor.name) != (chosen.actor.code, chosen.actor.name):
                return True
        return False

    def _person(self, t: Token, ent: Span | None) -> Actor | None:
        if ent is None or ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
            if t.pos_ != "PROPN":
                return self._mistagged_leader(t) if ent is None else None
        span = ent if ent is not None else self._np_span(t)
        if ent is not None and ent.label_ != "PERSON" and self._gaz_lookup(ent.text) is not None:
            return None
        if self.published is not None:
            leader = self._leader(span.text)
            if leader is None and len(span) > 1:
                leader = self._leader(" ".join(x.text for x in span if x.pos_ == "PROPN"))
            if leader is not None:
                return self._leader_actor(t, self._np_span(t), leader)
        if ent is None or ent.label_ != "PERSON":
            # a surname named earlier, whatever the small model tags it now ("Psaki said")
            if t.pos_ == "PROPN" and (ent is None or ent.label_ in ("ORG", "PERSON", "NORP")):
                m = self._recent(t, lambda m: m.actor.kind == "person" and m.actor.name is not None
                                 and t.text in m.actor.name.split()[1:])
                if m is not None:
                    return self._retext(m.actor, t, "coref")
            return None
        # apposition or title: "the top US diplomat in Colombia, John McNamara" / "John McNamara, the US envoy"
        titled = self._title_before(span)
        if titled is not None:
            return titled
        role_head = self._appositive_role(span)
        if role_head is not None:
            rn = self._role_noun(role_head)
            country = self._modifier_country(role_head)
            if country:
                whole = self.doc[min(role_head.left_edge.i, span.start):max(span.end, role_head.i + 1)]
                return self._make(t, whole, country=country, roles=list(rn.roles), name=span.text,
                                  kind="person", how="apposition")
        # an earlier mention of the same person (surname)
        last = span[-1].text
        m = self._recent(t, lambda m: m.actor.kind == "person" and m.actor.name is not None
                         and last in m.actor.name.split())
        if m is not None:
            return self._retext(m.actor, t, "coref")
        return None

    def _mistagged_leader(self, t: Token) -> Actor | None:
        """A leader's surname that the small model reads as a common noun, mostly at the start of a
        sentence ("Trump thanked Kim Jong Un on Thursday": "Trump"/NN): a capitalised, unmodified noun
        standing alone as a subject or object that the leaders table knows on the article's date."""
        if (self.published is None or t.pos_ != "NOUN" or not t.text[:1].isupper() or t.text.isupper()
                or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
                or any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in t.children)):
            return None
        leader = self._leader(t.text)
        return self._leader_actor(t, self._np_span(t), leader) if leader is not None else None

    def _leader_actor(self, t: Token, span: Span, leader) -> Actor:
        """A head of state or government or a foreign minister from the leaders table. The EU's
        leaders (the table's EUR rows) carry the EU's CAMEO code, IGOEUREEC, and no country."""
        if leader.iso3 in INTERNATIONAL_CODES:
            return self._make(t, span, country=None, roles=["GOV"], name=leader.name, kind="person",
                              how="leader-table", code=INTERNATIONAL_CODES[leader.iso3])
        return self._make(t, span, country=leader.iso3, roles=["GOV"], name=leader.name, kind="person",
                          how="leader-table")

    def _title_before(self, span: Span) -> Actor | None:
        """A title written before the name: "Ethiopian Prime Minister Abiy Ahmed", "US envoy
        Zalmay Khalilzad", "Russia's foreign minister Sergei Lavrov" → the title's country and roles."""
        doc = self.doc
        start = span.start
        while start > 0 and start - span.start > -6:
            prev = doc[start - 1]
            if prev.is_punct and prev.text not in ("-", "’s", "'s") or prev.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON"):
                break
            start -= 1
        window = doc[start:span.start]
        if not len(window):
            return None
        roles: list[str] = []
        country = None
        group: list[str] = []
        for tok in window:
            rn = self._role_noun(tok)
            if rn is not None and rn.kind == "person":
                roles = list(rn.roles)
            elif rn is not None and set(rn.roles) & {"REB", "OPP"}:
                group = list(rn.roles)  # "Libyan militia leader Ahmed Khatallah" leads a militia
            if country is None:
                country = self._country_of_token(tok)
                inst = self._institution_in(tok.text) if tok.pos_ == "PROPN" else None
                if country is None and inst is not None:
                    country = self._inst_country(inst)
        named = self._institution_in(window.text)  # the body the whole title names
        if country is None and named is not None:  # "State Department spokeswoman Jen Psaki"
            country = self._inst_country(named)
        if not roles and country:  # "Senate Foreign Relations chairman Bob Corker": the body's role
            roles = list(named.roles) if named is not None and named.country == country else []
        if not roles or not country:
            return None
        if group and set(roles) <= {"GOV", "MIL"}:
            roles = group  # (a commander or a leader of rebels is a rebel)
        if any(t.lower_.strip("\"“”'‘’") in PAST_OFFICE for t in window):  # ('"Former' can be one token)
            # "Former CIA Deputy Director Mike Morell": no longer the state, as "former officials" are not
            return self._make(span.root, doc[start:span.end], country=country, roles=["ELI"], name=span.text,
                              kind="person", how="title")
        # "Republican Sen. Lindsey Graham" sits in the Senate for his party: a legislator's or a judge's
        # title keeps its role
        for inst in () if set(roles) & {"LEG", "JUD"} else self.lex.institutions:
            # "Foreign Minister", "Defense Secretary" (whole words: "Vice" holds no "ICE")
            if inst.roles and self.lex.mentions(inst, window.text):
                if inst.cased and named is not inst:
                    continue  # (a name matched only with its case: the title must name that body itself)
                if tuple(inst.roles) == ("LEG",):
                    roles = ["LEG"]  # "Senate Democratic Leader Chuck Schumer" leads legislators
                elif not set(inst.roles) & NON_STATE_ROLES or set(roles) & NON_STATE_ROLES:
                    roles = list(dict.fromkeys(list(inst.roles) + roles))
                else:  # "Al Shabab leader Ahmed Godane" leads the group, not a government
                    roles = list(inst.roles)
                break
        return self._make(span.root, doc[start:span.end], country=country, roles=roles, name=span.text,
                          kind="person", how="title")

    def _appositive_role(self, span: Span) -> Token | None:
        doc = self.doc
        for c in span.root.children:
            if c.dep_ == "appos" and self._role_noun(c) is not None:
                return c
        if span.root.dep_ == "appos" and self._role_noun(span.root.head) is not None:
            return span.root.head
        # compound title: "President Donald Trump", "US envoy John Smith"
        for c in span.root.lefts:
            if c.dep_ == "compound" and self._role_noun(c) is not None and c.i < span.start:
                return c
        if span.start >= 1 and self._role_noun(doc[span.start - 1]) is not None:
            return doc[span.start - 1]
        # "<role phrase>, NAME," — the phrase before the comma, climbing from its last word
        if span.start >= 2 and doc[span.start - 1].text == ",":
            h = doc[span.start - 2]
            for _ in range(4):
                if self._role_noun(h) is not None and h.pos_ == "NOUN":
                    return h
                if h.head.i == h.i:
                    break
                h = h.head
        # "NAME, the <role phrase>"
        if span.end + 1 < len(doc) and doc[span.end].text == ",":
            for tok in doc[span.end + 1:min(len(doc), span.end + 8)]:
                if tok.text in (",", ".", ";") or tok.pos_ == "VERB":
                    break
                if tok.pos_ == "NOUN" and self._role_noun(tok) is not None:
                    return tok
        return None

    def _role_actor(self, t: Token, np: Span, rn: RoleNoun) -> Actor | None:
        # a title before a name, whatever the parse made of it: "President Barack Obama"
        if rn.kind == "person" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].ent_type_ == "PERSON":
            ent = self._entity(self.doc[t.i + 1])
            if ent is not None and ent.start == t.i + 1 and self.published is not None:
                leader = self._leader(ent.text)
                if leader is not None:
                    return self._leader_actor(t, self.doc[np.start:ent.end], leader)
        roles = list(rn.roles)
        if rn.kind == "person" and any(c.lower_ in PAST_OFFICE for c in t.lefts):
            roles = ["ELI"]  # "former Chinese officials", "a retired general": no longer the state
        for c in t.lefts:  # "Syrian rebel commanders", "opposition fighters", "intelligence officers": the group's role wins
            if c.dep_ in ("compound", "amod"):
                crn = self._role_noun(c)
                if crn is not None and set(crn.roles) & {"REB", "OPP", "MIL", "SPY"} and not (
                        "MIL" in crn.roles and set(roles) & {"REB", "OPP", "MIL"}) and not (
                        "SPY" in crn.roles and set(roles) - {"GOV"}):  # (the Senate Intelligence Committee oversees spies)
                    roles = list(crn.roles)  # ("the top U.S. military leader", "army officials": the military)
        how = "role"
        name = None
        # "a Palestinian leader of Islamic Jihad", "a commander of the Taliban": the group's, not the state's
        a = self._prep_actor(t, ("of",))
        if a is not None and a.kind == "organisation" and a.code and set(a.roles) & {"REB", "NGO", "PTY", "OPP"}:
            return self._make(t, np, country=a.country, roles=list(a.roles), name=a.name, kind=rn.kind,
                              how="of-phrase", code=a.code)
        # the phrase's own modifiers
        country = self._modifier_country(t)
        # "the government of Venezuela", "a mission from the US State Department"
        if not country:
            a = self._prep_actor(t, ("of", "from"))
            if a is not None:
                if a.kind in ("organisation", "person") and a.roles:
                    return self._make(t, np, country=a.country, roles=list(a.roles),
                                      name=a.name, kind=rn.kind, how="of-phrase", code=a.code)
                country = a.country
        if not country:
            # "Hamas fighters", "an Islamic State suicide bomber": the group named before the noun
            for c in t.lefts:
                if c.dep_ == "compound" and c.pos_ == "PROPN":
                    a = self.actor_at(c)
                    if a is not None and (a.code or a.country) and a.kind == "organisation":
                        return dataclasses.replace(self._retext(a, t, "modifier"), kind=rn.kind)
        named = None
        # a named person in apposition: "the top US diplomat in Colombia, John McNamara"
        for tok in self.doc[t.i + 1:min(len(self.doc), t.i + 8)]:
            if tok.text in (".", ";") or (tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound")):
                break
            if tok.ent_type_ == "PERSON" and self.doc[tok.i - 1].text == ",":
                ent = self._entity(tok)
                if ent is not None and ent.end < len(self.doc) and self.doc[ent.end].text in (",", ".") :
                    named = ent
                break
        if named is not None:
            name = named.text
            np = self.doc[np.start:named.end]
        posted = t.lemma_.lower() in ("diplomat", "envoy", "ambassador", "emissary") or any(
            c.lower_ in ("world", "foreign", "international", "global", "western") for c in t.lefts)
        if not country and not rn.needs_modifier and not posted:
            # (not "diplomats in Libya", "world leaders in China": posted there or gathered there, not its own)
            a = self._prep_actor(t, ("in", "at"))
            if a is not None and a.kind in ("country",):
                country = a.country
                how = "in-phrase"
        if not country and not rn.needs_modifier:
            country = self._according_to_country(t)
            how = "according-to" if country else how
        identifying = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")
                       and c.lower_ not in NON_IDENTIFYING]
        # "the leader of the Labor Party, Jeremy Corbyn": someone's own leader, not the last one named
        owned = any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.pos_ == "PROPN" and not any(x.dep_ == "case" for x in g.children)
            for g in c.children)
                    for c in t.children)
        if not country and not rn.needs_modifier and not identifying and not owned:
            dets = {c.lower_ for c in t.children if c.dep_ == "det"}
            if "the" in dets or "this" in dets or "that" in dets or t.tag_ in ("NNS",):
                window = None if "the" in dets else 2
                lemma = t.lemma_.lower()
                title = rn.kind == "person" and lemma in LEADER_TITLES

                def same(m: Mention) -> bool:
                    if m.actor.country is None:
                        return False
                    if m.lemma == lemma or (m.actor.name or "").lower().endswith(lemma):
                        return True
                    # "the president", "the prime minister": the last leader named with that title
                    if not (title and m.actor.how == "leader-table" and m.actor.name and self.published):
                        return False
                    leader = self._leader(m.actor.name)
                    return leader is not None and lemma in leader.title.lower()
                m = self._recent(t, same, window=window)
                if m is not None and "GOV" in m.actor.roles and any(
                        c.lower_ in PAST_OFFICE for c in t.lefts):
                    m = None  # "the former president" is not the president in office named before
                if m is not None and named is not None and m.actor.kind == "person" and m.actor.name \
                        and named[-1].text not in m.actor.name.split():
                    m = None  # "the president, Uhuru Kenyatta" is not the president named before him
                if m is not None:
                    anon = m.actor.anonymous or self._anonymous(t, named is not None)
                    return dataclasses.replace(self._retext(m.actor, t, "coref"), anonymous=anon)
        if not country:
            return None
        anonymous = self._anonymous(t, named is not None)
        if rn.kind == "person" and self._role_noun(t) and t.lemma_.lower() in ("diplomat", "envoy", "ambassador"):
            roles = list(dict.fromkeys(roles))
        return self._make(t, np, country=country, roles=roles, name=name or self._role_name(np, t),
                          kind=rn.kind, how=how, anonymous=anonymous)

    def _role_name(self, np: Span, t: Token) -> str:
        words = [tok.text for tok in np if tok.dep_ not in ("det", "poss", "case") and not tok.is_punct
                 and self._country_of_token(tok) is None]
        return " ".join(words) or t.text
