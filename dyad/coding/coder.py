"""Code events from a parsed article: trigger → pattern → source, target, CAMEO code, modality.

For each sentence, every verb (or noun) whose lemma triggers a pattern is tried against that
trigger's patterns in file order; the first whose conditions hold gives the event. The source is
the clause's subject (climbing through "to"-clauses, conjoined verbs and "the possibility of"
phrases to the verb that has one); the target is the first of the pattern's slots that names an
actor other than the source. Each subject or target joined by "and" gives an event of its own.

Modality: a negated trigger ("did not attack") or one under a negating verb ("refused to meet")
gives no event. A trigger with "will" is `planned`; one under an intent verb or noun ("is
exploring the possibility of …", "plans to visit") is `announced`; one with "could/might" or
under "if" is `hypothetical`. Planned, announced and hypothetical actions are coded as the
intent (03x) or threat (13x) code of the action, per `intent_code` in the patterns file.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.resolver import DocActors
from ..dates import resolve_event_date
from ..dates.resolve import MONTHS, WEEKDAYS
from ..geo import geocoder
from ..models import Actor, Article, Event, content_id
from .cameo import cameo_table
from .confidence import calibration, dyad_keys
from .known_events import known_events, retold
from .ranker import ranker
from .patterns import Pattern, PatternSet, pattern_set

OBJECT_CONTROL = {"urge", "ask", "call", "invite", "allow", "force", "persuade", "press", "push", "order",
                  "tell", "encourage", "help", "permit", "request", "pressure", "convince", "pay", "hire",
                  "recruit", "train", "instruct", "direct", "authorize", "authorise", "enlist", "arm"}
PLACE_PREPS = {"in", "at", "near", "to", "into", "outside", "from", "inside", "across", "within", "throughout",
               "around"}
SUPPORT_NOUNS = {"support", "behalf", "help", "backing", "aid", "defense", "defence", "assistance"}
DATE_LABELS = {"DATE", "TIME"}
HABITUAL = re.compile(r"\b(centuries|decades|generations|millennia)\b", re.I)
RECURRING = re.compile(r"\b(each|every) (year|month|week|summer|spring|winter|autumn|fall)\b|\bannually\b", re.I)
HABIT_ADVERBS = {"frequently", "often", "routinely", "regularly", "usually", "always", "traditionally", "habitually",
                 "customarily", "typically", "historically", "persistently", "constantly", "continually",
                 "perennially"}
THEN_TITLE = re.compile(r"\b[Tt]hen[-\u2010\u2011](?=\w)|\bthen (?=president|prime minister|secretary|minister|"
                        r"foreign minister|defen[cs]e (secretary|minister)|chancellor|ambassador|envoy|senator|director)")
LATE = re.compile(r"\bthe late\b|\bthe future (?=president|prime minister|secretary|minister|ambassador|king|queen|"
                  r"chancellor|senator|director|envoy)", re.I)  # "under the late Chavez", "the future Ambassador Stevens"
RELATIVE_PAST = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|several|many|\d+) years? (ago|earlier)\b",
                           re.I)  # "two years ago"
QUESTION_VERBS = {"find", "know", "ask", "see", "wonder", "check", "learn", "determine", "decide", "tell",
                  "discover", "question", "doubt"}  # "find out if they can agree": a question, not a condition
LAST_YEAR = re.compile(r"\blast year\b|\b(a|one) year ago\b", re.I)  # judged history, like "two years ago"
# a year told from the story's own timeline, not from the day of publication: "The following year, X met Y"
NARRATIVE_YEAR = re.compile(r"^(the )?(following|previous|same|ensuing|subsequent) year$|^(that|the next) year$", re.I)
SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
SEASON = re.compile(r"\b(spring|summer|autumn|fall|winter)\b", re.I)  # "in the summer of 2014"
PAST_POSTS = {"term", "tenure", "presidency", "campaign"}  # "during his first term": a past stretch of office
MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)  # the date module's names
YEAR = re.compile(r"\b((?:19|20)\d\d)(s)?\b")  # "2009", "the 2000s"
FUTURE_TIME = re.compile(r"\b(this|next) (week|month|weekend)|\blater (this|today|in|on)\b|^\W*later\b|\blater (monday|tuesday|"
                         r"wednesday|thursday|friday|saturday|sunday)|\btomorrow\b", re.I)
COMBAT_VERBS = {"fire", "launch", "shell", "attack", "strike", "bomb", "hit", "ambush", "clash", "fight", "storm", "raid"}
TEMPORAL_PREPS = {"during", "amid", "after", "since", "throughout", "before"}
UNCERTAIN_ADVERBS = {"probably", "perhaps", "maybe", "possibly", "presumably", "conceivably"}  # (he'll "likely
# meet Putin" is a plan announced)
OPTION_NOUNS = {"possibility", "option", "idea", "alternative", "scenario", "suggestion", "proposal"}
ORDER_VERBS = {"order", "direct", "instruct", "task", "command"}
PERMISSION_VERBS = {"authorize", "authorise", "permit", "allow", "empower", "entitle", "enable", "license"}
DURATION_NOUNS = {"time", "tenure", "presidency", "career", "term", "years", "decades", "months", "administration"}
NEGATING_NOUNS = {"refusal", "failure", "reluctance", "unwillingness", "inability", "rejection"}
VOTE_NOUNS = {"vote", "motion", "resolution", "ballot"}
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
DEPARTURE_VERBS = {"leave", "depart", "head", "set", "embark"}  # the trip has begun, not ended
PASSIVE_MEANS = {
    "195": {"strike", "airstrike", "air strike", "drone strike", "air raid", "raid", "bombardment", "bombing"},
    "194": {"shelling", "artillery", "shell", "mortar"},
    "1833": {"roadside bomb", "ied", "landmine", "mine"},
    "1832": {"car bomb"},
    "1831": {"suicide bomber", "suicide bombing", "suicide attack"},
}
STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "DIP"}
INQUIRY_NOUNS = {"investigation", "probe", "inquiry", "enquiry"}  # "of X" / "into X" is who is looked into
MOTION_VERBS = {"visit", "travel", "arrive", "fly", "go", "tour", "land", "head", "come", "return", "trip"}


@dataclass
class _Found:
    source: Actor | None
    target: Actor | None
    target_how: str
    source_tok: Token | None
    target_tok: Token | None
    cameo: str | None = None  # a code of its own, when the target was re-read ("banned firms from selling to ZTE")


class EventCoder:
    def __init__(self, patterns: PatternSet | None = None, *, keep_hypothetical: bool = False,
                 max_sentence_tokens: int = 100, rank: bool = False):
        self.ps = patterns or pattern_set()
        self.rank = rank
        self.keep_hypothetical = keep_hypothetical
        self.max_sentence_tokens = max_sentence_tokens
        self.cameo = cameo_table()

    # ------------------------------------------------------------------ entry
    def code(self, doc: Doc, article: Article, actors: DocActors) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple] = set()
        texts: set[str] = set()
        for si, sent in enumerate(doc.sents):
            raw = sent.text
            if len(sent) > self.max_sentence_tokens or any(b in raw for b in self.ps.boilerplate) \
                    or _link_run(sent) or self._after_furniture(article.text, sent.start_char):
                continue  # page furniture ("Replay More Videos ...", run-together link headlines), not a sentence
            text = " ".join(raw.split())
            if text in texts:
                continue  # a caption or pull quote repeated in the page: one report, coded once
            texts.add(text)
            for tok in sent:
                for ev in self._code_trigger(tok, sent, si, article, actors):
                    key = (ev.sentence_index, ev.cameo, ev.source and ev.source.code, ev.target and ev.target.code)
                    if key in seen:
                        continue
                    seen.add(key)
                    events.append(ev)
        cal = calibration()
        if cal is not None and cal.dyad:  # the article's other events are known now: weigh the dyad's support
            for ev, dyad in zip(events, dyad_keys(events)):
                ev.confidence = round(cal.with_dyad(ev.confidence, dyad), 2)
        rk = ranker() if self.rank else None
        if rk is not None:  # the learned last word: the sentence's words read too (dyad/coding/ranker.py)
            for ev in events:
                ev.confidence = round(rk.score(ev), 2)
        return events

    # ------------------------------------------------------------------ triggers
    def _candidates(self, tok: Token) -> list[Pattern]:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            return self.ps.by_verb.get(lemma, [])
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.i > 0:
                two = f"{tok.doc[tok.i - 1].lower_} {lemma}"
                if two in self.ps.by_noun:
                    return self.ps.by_noun[two]
            return self.ps.by_noun.get(lemma, [])
        return []

    def _after_furniture(self, text: str, start: int) -> bool:
        """Whether page furniture opens the paragraph that this sentence continues ("SEE ALSO: Kenya
        condemns Uganda": the link's headline is parsed as a sentence after "SEE ALSO:")."""
        para = text.rfind("\n\n", 0, start)
        prefix = text[para + 2 if para >= 0 else 0:start]
        return bool(prefix.strip()) and any(b in prefix for b in self.ps.boilerplate)

    def _code_trigger(self, tok: Token, sent: Span, si: int, article: Article, actors: DocActors) -> list[Event]:
        cands = self._candidates(tok)
        if not cands:
            return []
        for p in cands:
            is_noun = bool(p.nouns) and tok.pos_ in ("NOUN", "PROPN") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT")
            if not is_noun and not p.verbs:
                continue
            if is_noun and not p.nouns:
                continue
            obj = self._object(tok, nominal=is_noun)
            if not self._conditions(tok, p, obj, actors):
                continue
            chain = self._chain(tok)[0]  # the trigger and its governors, for mood and time alike
            modality = self._modality(tok, chain, article.published)
            if modality == "negated" or (modality == "hypothetical" and not self.keep_hypothetical):
                return []
            if modality == "asserted" and p.cameo[:2] < "15" and tok.dep_ == "xcomp" and \
                    tok.head.lemma_.lower() in ORDER_VERBS and any(c.dep_ == "dobj" for c in tok.head.children):
                modality = "announced"  # "directed the State Department to launch talks with Cuba": a task set
                # (an order to strike, "ordered its jets to bomb Raqqa", is reported once carried out)
            if self._past_reference(tok, article.published, chain, actors):
                return []  # "after China rejected the overtures in late 2009": history, not news of the day
            found = [f for f in self._actors(tok, p, obj, actors, nominal=is_noun)
                     if not any(a is not None and (THEN_TITLE.search(a.text or "") or LATE.search(a.text or ""))
                                for a in (f.source, f.target))]
            # ("then-President X met Y": an actor named by the post they held then is history)
            return [ev for f in found if (ev := self._event(tok, sent, si, article, actors, p, f, modality)) is not None]
        return []

    # ------------------------------------------------------------------ pattern conditions
    def _object(self, tok: Token, *, nominal: bool) -> Token | None:
        if nominal:
            obj = self._pobj(tok, "of")
        else:
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            if obj is None and self._is_passive(tok):
                obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if obj is None:  # "called for talks with India", "pushed for sanctions on Iran"
                obj = self._pobj(tok, "for")
            if obj is None:
                # the small model parses some names after a verb as an adverb or a predicate: "met …
                # Prime Minister Abiy Ahmed in Cairo" (npadvmod), "called Chinese leader Xi Jinping" (oprd)
                obj = next((c for c in tok.children if c.dep_ in ("npadvmod", "oprd") and c.i > tok.i
                            and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")), None)
        if obj is not None and obj.lemma_.lower() in self.ps.partitive_nouns:
            inner = self._pobj(obj, "of")
            if inner is not None:
                obj = inner
        return obj

    def _pobj(self, tok: Token, prep: str) -> Token | None:
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == prep:
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        return None

    def _object_words(self, tok: Token, obj: Token | None) -> set[str]:
        words: set[str] = set()
        cands = [obj] if obj is not None else []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "on", "to", "of", "with"):
                cands += [g for g in c.children if g.dep_ == "pobj"]
            if c.dep_ in ("xcomp", "dobj", "attr", "oprd"):
                cands.append(c)
        cands += [self._pobj(o, "of") for o in cands if o.lemma_.lower() in self.ps.partitive_nouns]
        # "pledged $10 million in aid", "a $3 billion loan of …": the sum stands for what it buys
        cands += [self._pobj(o, w) for o in cands if o is not None and (o.ent_type_ == "MONEY" or o.tag_ == "CD")
                  for w in ("in", "of")]
        cands = [o for o in cands if o is not None]
        for o in cands:
            lemma = o.lemma_.lower()
            words.add(lemma)
            words.add(o.lower_)
            mods = [c for c in o.lefts if c.dep_ in ("compound", "amod")]
            if mods:
                words.add(f"{mods[-1].lower_} {lemma}")
                words.add(f"{mods[-1].lower_} {o.lower_}")
            if o.i + 2 < len(o.doc) and o.doc[o.i + 1].lower_ == "of":
                words.add(f"{o.lower_} of {o.doc[o.i + 2].lower_} {o.doc[o.i + 3].lower_}" if o.i + 3 < len(o.doc) else "")
            for conj in o.conjuncts:
                words.add(conj.lemma_.lower())
        return words

    def _conditions(self, tok: Token, p: Pattern, obj: Token | None, actors: DocActors) -> bool:
        if tok.dep_ == "amod" and tok.lower_ == "alleged":
            return False  # "alleged NSA snooping" names a deed; it reports no allegation
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        if "off" in particles and "off" not in p.prep and p.cameo[:2] not in ("08", "16"):
            return False  # "called off a meeting" is not "called for a meeting"
        if particles & p.not_particles:
            return False
        if p.object:
            words = self._object_words(tok, obj)
            if "by" in p.prep:  # a pattern that asks for "by": "spoke by phone with Putin"
                words |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                          for g in c.children if g.dep_ == "pobj"}
            if not words & p.object:
                return False
        if p.not_object and obj is not None and obj.lemma_.lower() in p.not_object:
            return False  # "refusal to meet Japan's demands" is no meeting
        if p.prep:
            preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent")}
            if not preps & p.prep:
                return False
        if p.object_kind and p.object_kind != "any":
            if obj is None:
                return False
            a = actors.actor_at(obj)
            if p.object_kind == "actor" and (obj.lemma_.lower() in self.ps.non_actor_heads | self.ps.facility_nouns or (
                    a is None and not actors.is_actorish(obj))):
                return False  # "welcomed North Korea's response" hosts no one
            if p.object_kind == "person" and not (obj.ent_type_ == "PERSON" or (a is not None and a.kind == "person")):
                return False
        elif p.object_kind == "any" and obj is None and not any(
                c.dep_ == "prep" for c in tok.children):
            return False
        if p.subject:
            subj = self._subject_token(tok, p, nominal=bool(p.nouns))
            if subj is None or (subj.lemma_.lower() not in p.subject
                                and f"{subj.doc[subj.i - 1].lower_} {subj.lemma_.lower()}" not in p.subject):
                return False
        if p.requires_xcomp and not any(c.dep_ == "xcomp" for c in tok.children):
            return False
        if p.requires_no_dobj and any(c.dep_ == "dobj" for c in tok.children):
            return False
        if self._non_kinetic(p, obj):
            return False
        if p.cameo[:2] in ("18", "19", "20"):
            doer = self._subject_token(tok, p, nominal=False) if tok.pos_ in ("VERB", "AUX") else None
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            agent = self._pobj(agent, "by") if agent is not None else None
            agent = agent or next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                                   if g.dep_ == "pobj"), None)
            means = self._pobj(tok, "with")  # "Trump was hit with a blistering statement"
            if any(x is not None and x.lemma_.lower() in self.ps.non_kinetic_agents for x in (doer, agent, means)):
                return False  # "products targeted by China's tariffs": trade, not force
        if p.requires_no_xcomp and (any(c.dep_ in ("xcomp", "ccomp", "oprd") and not (obj is not None and c.i == obj.i) for c in tok.children) or (
                obj is not None and any(c.dep_ in ("oprd", "attr", "appos") for c in obj.children))
                or (obj is not None and obj.dep_ == "dobj" and obj.right_edge.i + 1 < len(obj.doc)
                    and obj.doc[obj.right_edge.i + 1].pos_ in ("DET", "ADJ", "NOUN", "PUNCT"))):
            return False
        return True

    # ------------------------------------------------------------------ modality
    def _non_kinetic(self, p: Pattern, obj: Token | None) -> bool:
        """ "a cyber operation", "a charm offensive", "a trade war": not the use of force."""
        if obj is None or p.cameo[:2] not in ("18", "19", "20"):
            return False
        return any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in self.ps.non_kinetic_modifiers
                   for c in obj.children)

    def _is_passive(self, tok: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)

    def _negated_governor(self, gov: Token) -> bool:
        """Whether the verb that a clause is the complement of is negated, itself or through the
        adjective or verb it complements ("not ready to declare that …", "did not want to say that …")."""
        for _ in range(3):
            if gov.pos_ in ("VERB", "AUX", "ADJ") and self._negated(gov):
                return True
            if gov.dep_ not in ("xcomp", "acomp") or gov.head.i == gov.i:
                return False
            gov = gov.head
        return False

    def _negated(self, tok: Token) -> bool:
        if any(c.dep_ == "dobj" and any((d.dep_ == "det" and d.lower_ == "no" and d.head.i == c.i)
                                       or d.lower_ in ("hardly", "barely", "scarcely")
                                       for d in c.subtree if d.i < c.i) for c in tok.children):
            return True  # "held hardly any talks with", "made no visit"
        if tok.pos_ == "NOUN" and any(d.lower_ in ("hardly", "barely", "scarcely") for d in tok.subtree if d.i < tok.i):
            return True  # "hardly any conversations" as the trigger itself
        if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children):
            return True  # "will no longer talk to Russia"
        if tok.dep_ == "conj" and any(c.dep_ in ("cc", "preconj") and c.lower_ == "nor" and c.i < tok.i
                                      for c in tok.head.children):
            return True  # "Beijing has not lifted its duties, nor has the US lifted its tariffs"
        return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") and c.dep_ in ("neg", "advmod")
                   for c in tok.children)

    def _chain(self, tok: Token) -> tuple[list[Token], Token | None]:
        """The trigger and the words that govern it up to the clause that has its subject.

        Climbs through "to"-clauses ("decided to initiate"), conjoined verbs, purpose and
        participle clauses, and intent nouns ("exploring the possibility of expanding").
        Returns the chain and the subject token (None when the clause has none); remembered per
        document, since mood, time, subject and fallback target all ask for it.
        """
        cache = getattr(self, "_chains", None)
        if cache is None or tok.doc is not getattr(self, "_chains_doc", None):
            cache = self._chains = {}
            self._chains_doc = tok.doc
        if tok.i not in cache:
            cache[tok.i] = self._climb(tok)
        return cache[tok.i]

    def _climb(self, tok: Token) -> tuple[list[Token], Token | None]:
        chain = [tok]
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") or (cur.pos_ == "NOUN" and cur.dep_ == "ROOT"):
                subj = next((c for c in cur.children if c.dep_ in ("nsubj", "csubj")), None)
                if subj is None and cur.i != tok.i and len(chain) > 1 and chain[-2].dep_ == "xcomp":
                    # "the minister is scheduled (expected, set) to visit …": the passive's subject
                    subj = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
                if subj is not None:
                    if subj.lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                        return chain, cur.head
                    return chain, subj
            dep, head = cur.dep_, cur.head
            if head.i == cur.i:
                return chain, None
            if dep == "xcomp" or (dep == "advcl" and head.lemma_.lower() in OBJECT_CONTROL and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
                if head.lemma_.lower() in OBJECT_CONTROL:
                    # "paying the Taliban to kill soldiers", "paying him $50,000 to investigate": the
                    # one paid (asked, ordered …) does it
                    dobj = next((c for c in head.children if c.dep_ == "dative"), None) or next(
                        (c for c in head.children if c.dep_ == "dobj"), None)
                    if dobj is not None:
                        return chain + [head], dobj
                cur = head
            elif dep == "conj" and head.pos_ in ("VERB", "AUX") and cur.pos_ in ("VERB", "AUX"):
                cur = head
            elif dep == "acomp" and cur.pos_ == "ADJ" and len(chain) > 1 and chain[-2].dep_ == "xcomp":
                cur = head  # "Kenya is due (ready, eager) to meet Uganda": the copula's subject
            elif dep == "advcl" and (cur.tag_ in ("VBG", "VBN") or any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
                cur = head
            elif dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
                gov = head.head
                if cur.tag_ == "VBG" and head.dep_ in ("dobj", "nsubj", "nsubjpass") and gov.i != head.i \
                        and gov.pos_ in ("VERB", "AUX") and any(
                            c.dep_ == "aux" and c.lower_ in self.ps.future_aux for c in gov.children):
                    # "will lead a delegation visiting Washington": the delegation's verb sets the mood
                    return chain + [head, gov], head
                return chain + [head], head
            elif dep in ("pcomp", "pobj") and head.dep_ in ("prep", "agent"):
                noun = head.head
                if noun.lemma_.lower() in self.ps.intent_nouns or noun.lemma_.lower() in self.ps.intent_verbs:
                    chain.append(head)
                    cur = noun
                else:
                    return chain, None
            elif dep == "dobj" and (cur.lemma_.lower() in self.ps.intent_nouns or (
                    cur.i == tok.i and (cur.pos_ in ("VERB", "AUX") or head.lemma_.lower() in self.ps.light_verbs))):
                # "made a visit", "launched an attack": the verb's subject did it; "negotiated the
                # release of hostages" says nothing of who released them
                cur = head
            else:
                return chain, None
            chain.append(cur)
        return chain, None

    def _modality(self, tok: Token, chain: list[Token], published=None) -> str:
        """asserted | planned | announced | hypothetical | negated (see the module docstring);
        `chain` is `self._chain(tok)[0]`."""
        sent_text = tok.sent.text.strip().rstrip("\"'”’ ")
        modality = "asserted"
        for k, node in enumerate(chain):
            if self._negated(node):
                return "negated"
            lemma = node.lemma_.lower()
            # a verb reached through "and" is a sibling, not a governor: its aux counts, its meaning not
            sibling = k > 0 and chain[k - 1].dep_ == "conj" and chain[k - 1].head.i == node.i
            dated = k > 0 and chain[k - 1].lower_ in TEMPORAL_PREPS  # "pledged … during a visit to Seoul"
            if node.i != tok.i and node.pos_ in ("VERB", "AUX") and not sibling and not dated:
                if lemma in self.ps.negating_verbs:
                    return "negated"
                if lemma in self.ps.intent_verbs and modality == "asserted":
                    modality = "announced"
            if node.i != tok.i and node.pos_ == "NOUN" and lemma in self.ps.intent_nouns and modality == "asserted":
                modality = "announced"
            if k > 0 and chain[k - 1].dep_ == "advcl" and modality == "asserted" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in VOTE_NOUNS for c in node.children):
                modality = "announced"  # "took a nonbinding vote to expel U.S. troops"
            auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            if auxes & self.ps.hypothetical_aux:
                return "hypothetical"
            if auxes & self.ps.future_aux:
                modality = "planned" if modality == "asserted" else modality
            elif auxes & self.ps.conditional_aux:
                if self._reporting_ancestor(tok) is None:
                    return "hypothetical"
                modality = "planned" if modality == "asserted" else modality
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
                return "hypothetical"
            if node.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                    for c in node.children) and auxes & (self.ps.conditional_aux | self.ps.hypothetical_aux):
                return "hypothetical"  # "would hold a summit if there were a deal"
            if node.dep_ == "xcomp" and node.head.lemma_.lower() == "be" and node.head.pos_ == "AUX" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and modality == "asserted":
                modality = "planned"  # "Zarif was to travel to New York on Friday"
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in PERMISSION_VERBS:
                return "hypothetical"  # "warplanes are authorized to attack", "allows the U.S. to shoot down"
            if node.dep_ in ("xcomp", "advcl") and node.head.lemma_.lower() == "have" and any(
                    c.dep_ == "prep" and c.lower_ == "until" for c in node.head.children):
                return "hypothetical"  # "have until March 24 to reach an agreement": a deadline
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("require", "oblige", "obligate") and any(
                    c.dep_ == "auxpass" for c in node.head.children):
                return "hypothetical"  # "Congress will be required to lift the sanctions"
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("need", "have", "ought") and node.i == tok.i:
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    return "hypothetical"  # "Israel needed to end its blockade", "has to withdraw"
            # "Hamas wants Israel to halt …", "urged China to pressure …": wished for, not done
            head_lemma = node.head.lemma_.lower()
            if node.dep_ in ("ccomp", "xcomp") and head_lemma in self.ps.appeal_verbs and not (
                    node.dep_ == "ccomp" and head_lemma in self.ps.reporting_verbs):
                return "hypothetical"
            if node.dep_ == "xcomp" and node.tag_ == "VBG" and head_lemma in ("see", "view", "regard") and any(
                    c.dep_ == "prep" and c.lower_ == "as" for c in [*node.children, *node.head.children]):
                return "hypothetical"  # "Palestinians see fighting Israel as their only hope": a view, not a fight
            if node.dep_ == "xcomp" and head_lemma == "suppose" and node.head.tag_ == "VBN":
                return "hypothetical"  # "Merkel was supposed to arrive early Friday, but her plane returned"
            if node.dep_ == "ccomp" and node.head.lower_ == "sure" and node.head.head.lemma_.lower() == "make" or (
                    node.dep_ == "ccomp" and head_lemma == "ensure"):
                return "hypothetical"  # "to make sure that the Russians and the Turks are talking": wished for
            if any(c.dep_ == "advmod" and c.lower_ in UNCERTAIN_ADVERBS for c in node.children):
                return "hypothetical"  # "Perhaps Putin will collaborate with Iran", "Iran probably planned to"
            if node.dep_ in ("ccomp", "xcomp") and head_lemma == "get" and (
                    node.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in node.head.children)):
                return "hypothetical"  # "a way to get Myanmar's generals to end the offensive": sought, not done
            if node.i != tok.i and node.pos_ == "VERB" and node.lemma_.lower() in self.ps.intent_verbs and (any(
                    c.dep_ == "aux" and c.lower_ == "had" for c in node.children) or (node.tag_ in ("VBD", "VBN") and any(
                    c.dep_ == "cc" and c.lower_ == "but" for c in node.children) and any(
                    c.dep_ == "conj" for c in node.children))) and chain[k - 1].dep_ == "xcomp":
                return "hypothetical"  # "had been scheduled to visit", "was scheduled to meet …, but the North canceled"
            if node.dep_ in ("ccomp", "xcomp") and head_lemma in self.ps.desire_verbs and (
                    node.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in node.head.children)):
                return "hypothetical"
            if any(c.dep_ == "prep" and c.lower_ in ("instead", "rather") for c in node.children) or (
                    node.dep_ == "pcomp" and node.head.lower_ in ("of", "than")
                    and node.head.head.lower_ in ("instead", "rather")):
                return "negated"
        if chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() not in self.ps.negating_verbs \
                and self._negated_governor(chain[-1].head):  # (not "did not deny that …")
            return "negated"  # "officials are not ready to declare that Russia has invaded Ukraine"
        base_noun = tok
        while base_noun.dep_ == "conj" and base_noun.head.i != base_noun.i:
            base_noun = base_noun.head  # "Such a meeting, or even a return trip by Pompeo, would be hard"
        if tok.pos_ in ("NOUN", "PROPN") and base_noun.dep_ == "nsubj" and modality == "asserted":
            auxes = {c.lower_ for c in base_noun.head.children if c.dep_ == "aux"}
            if auxes & (self.ps.hypothetical_aux | self.ps.conditional_aux):
                return "hypothetical"  # "a return trip by Pompeo to Pyongyang would be hard to agree to"
            if auxes & self.ps.future_aux:
                modality = "planned"  # "Obama's visit Friday to Hiroshima will promote …": still ahead
        if tok.pos_ in ("NOUN", "PROPN") and base_noun.dep_ == "pobj" and modality == "asserted" \
                and base_noun.head.head.pos_ in ("VERB", "AUX") and {
                c.lower_ for c in base_noun.head.head.children if c.dep_ == "aux"} & self.ps.future_aux:
            modality = "planned"  # "will be back in the spotlight this week with a visit by Juncker"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and (
                tok.head.lower_ == "before" or (tok.head.lower_ == "of" and tok.head.head.lower_ in ("ahead", "eve"))):
            modality = "planned" if modality == "asserted" else modality  # "ahead of his visit this week to the US"
        if tok.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "poss" and any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in c.children)
                for c in tok.children):
            return "hypothetical"  # "any American leader's trip to India": a generality
        if tok.pos_ in ("NOUN", "PROPN") and modality == "asserted" and any(
                c.dep_ == "amod" and c.lower_ in ("next", "upcoming", "forthcoming", "future", "coming", "scheduled")
                for c in tok.children):
            modality = "planned"  # "an agenda for Pompeo's next visit to North Korea"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj") and not (
                tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS | {"at", "on"}):
            # a noun trigger governed by a verb: "cancelled the visit", "demanded the release of"
            # (not one that only dates it: "Kerry pledged during a visit to Seoul")
            gov = tok.head if tok.dep_ != "pobj" else tok.head.head
            gl = gov.lemma_.lower()
            if gl in self.ps.negating_verbs or self._negated(gov):
                return "negated"
            if gl in self.ps.appeal_verbs or gl in self.ps.desire_verbs or gl in self.ps.appeal_nouns:
                return "hypothetical"
            if gl in self.ps.intent_verbs and modality == "asserted":
                modality = "announced"
        if any(c.dep_ in ("amod", "compound") and c.lower_ in self.ps.unrealised_modifiers for c in tok.children):
            return "hypothetical"  # "an attempted attack", "a planned strike"
        for node in chain:
            head_lemma = node.head.lemma_.lower()
            if head_lemma in self.ps.appeal_nouns and node.dep_ in ("acl", "relcl", "pcomp", "pobj"):
                return "hypothetical"  # "Hamas' demands for Israel to lift the embargo"
            if head_lemma in NEGATING_NOUNS and node.dep_ in ("acl", "pcomp", "pobj"):
                return "negated"  # "Trump's refusal to rebuke the Saudis", "failure to stop migrants"
            if head_lemma in self.ps.epistemic_nouns and node.head.pos_ == "NOUN" and \
                    node.dep_ in ("acl", "ccomp", "relcl", "pcomp", "pobj", "appos"):
                return "hypothetical"  # "concerns that Russia was preparing to ship arms"
            if node.dep_ in ("pcomp", "pobj") and node.head.dep_ == "prep" and \
                    node.head.head.lemma_.lower() in self.ps.epistemic_nouns:
                return "hypothetical"  # "the chances of the US killing Russians"
            if node.dep_ == "xcomp" and head_lemma in self.ps.attempt_verbs:
                return "hypothetical"  # "tried to storm the embassy"
            if node.dep_ in ("xcomp", "ccomp") and head_lemma in ("appear", "seem"):
                return "hypothetical"  # "the US appears to be tacitly cooperating with Iran"
            if node.pos_ == "NOUN" and node.lemma_.lower() in self.ps.intent_nouns and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in node.children):
                return "negated"  # "no intention of stopping"
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("have", "be") and any(
                    c.lower_ == "yet" for c in node.head.children):
                return "negated"  # "have yet to reach an agreement"
            if (node.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in ("whatever", "whichever", "any")
                                             for c in node.head.children)) or (
                    node.i == tok.i and any(c.lower_ in ("whatever", "whichever") for c in tok.subtree)):
                return "hypothetical"  # "whatever agreement he concludes with Iran"
            if any(c.lower_ in ("whenever", "anytime") for c in node.children) or any(
                    c.lower_ == "time" and any(d.lower_ in ("any", "every") for d in c.children) for c in node.children):
                return "hypothetical"  # "any time a Chinese leader visits …": a habit, not an event
        for node in chain:
            # "was highly unlikely to recognize": the adjective governs the clause or stands beside it
            adjs = [node.head] if node.head.pos_ == "ADJ" else [
                c for c in node.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
            for adj_tok in (adjs if node.dep_ in ("xcomp", "ccomp") else []):
                adj = adj_tok.lower_
                if adj in ("unlikely", "unable", "unwilling", "reluctant"):
                    return "negated"  # "highly unlikely to recognize the annexation"
                if adj in ("likely", "able", "ready", "willing", "eager", "prepared", "possible", "poised", "set",
                           "due", "slated", "keen"):
                    if any(c.dep_ == "cc" and c.lower_ == "but" for x in (adj_tok, adj_tok.head) for c in x.children) \
                            and any(c.dep_ == "conj" for x in (adj_tok, adj_tok.head) for c in x.children):
                        return "hypothetical"  # "were due to meet in Chile but that event was canceled"
                    return "hypothetical" if adj in ("likely", "able", "possible") else "announced"
                if adj in ("incumbent", "necessary", "important", "essential", "imperative", "vital", "time"):
                    return "hypothetical"  # "it is incumbent upon Netanyahu to apologize"
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and any((c.dep_ == "det" and c.lower_ in ("no", "neither")) or c.lower_ == "zero"
                                        for c in subj.subtree if c.i < subj.i):
                return "negated"  # "no US personnel were killed"
        last = chain[-1]
        for child, a in zip([last, *last.ancestors], list(last.ancestors)[:6]):
            if child.dep_ == "advcl" and a.lemma_.lower() not in QUESTION_VERBS and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                return "hypothetical"  # "not refunded unless the Secretary certified that it is cooperating"
            if a.lemma_ == "be" and child.dep_ in ("xcomp", "ccomp", "attr") and any(
                    x.dep_ == "nsubj" and x.lemma_.lower() in OPTION_NOUNS and x.i < a.i for x in a.subtree):
                return "hypothetical"  # "One possibility would be to have U.S. forces provide more assistance"
        if last.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "because" for m in last.children) \
                and last.head.dep_ in ("acl", "ccomp") and last.head.head.pos_ == "NOUN" \
                and last.head.head.lemma_.lower() in self.ps.epistemic_nouns:
            return "hypothetical"  # "the claim that ISIS grew because Obama withdrew troops": a cause claimed
        subj_clause = next((a for a in [last, *last.ancestors] if a.dep_ in ("csubj", "nsubj", "nsubjpass")), None)
        if subj_clause is not None and subj_clause.head.i != subj_clause.i and self._negated(subj_clause.head) \
                and subj_clause.head.lemma_.lower() in ("happen", "be", "go", "work", "occur", "come"):
            return "negated"  # "Congress rushing to lift the embargo isn't going to happen"
        if last.dep_ in ("ccomp", "xcomp") and last.head.i != last.i and self._negated(last.head):
            return "negated"  # "I don't see Israel striking Iran", "did not say it would attack"
        if last.dep_ == "ccomp" and last.head.lemma_.lower() in self.ps.negating_verbs:
            return "negated"  # "denied that he went to Prague"
        if last.dep_ == "ccomp" and any(c.dep_ == "attr" and c.lemma_.lower() in self.ps.epistemic_nouns
                                        for c in last.head.children):
            return "hypothetical"  # "it is our hope he will properly consult with Congress"
        if last.dep_ == "ccomp" and last.head.lemma_.lower() in self.ps.belief_verbs:
            return "hypothetical"  # "8 in 10 Americans believe Assad used chemical weapons"
        if last.dep_ == "ccomp" and last.head.lemma_.lower() in self.ps.verification_verbs and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in last.head.children):
            return "hypothetical"  # "more evidence is necessary to confirm the government used …"
        if any(a.lower_ == "case" and a.head.lower_ == "in" for a in [last, *last.ancestors]) or any(
                c.dep_ in ("prep", "mark") and c.lower_ == "in" and any(g.lower_ == "case" for g in c.children)
                for a in [last, *last.ancestors][:3] for c in a.children):
            return "hypothetical"  # "plans in case the U.S. does launch strikes"
        if last.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "csubj") and last.head.i != last.i:
            auxes = {c.lower_ for c in last.head.children if c.dep_ in ("aux", "auxpass")}
            if auxes & self.ps.hypothetical_aux or ("would" in auxes and self._reporting_ancestor(last) is None):
                return "hypothetical"  # "what could cause the US to fight China"
        base = last
        while base.dep_ == "conj" and base.head.i != base.i:
            base = base.head
        if base.dep_ in ("pobj", "pcomp", "acl", "appos", "dobj", "npadvmod") or base.pos_ in ("NOUN", "PROPN"):
            # a trigger inside a noun or prepositional phrase ("concessions, like the US removing
            # troops") takes the mood of the verb that governs the phrase ("the leaders might agree")
            gov = next((a for a in base.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if gov is not None and {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")} \
                    & self.ps.hypothetical_aux:
                return "hypothetical"
        top = chain[-1].head if chain[-1].dep_ in ("ccomp", "xcomp") else chain[-1]
        if top.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in top.children) and top.lemma_.lower() not in self.ps.reporting_verbs:
            return "hypothetical"  # "if this happens, it means Trump is asking Saudi Arabia …"
        if sent_text.endswith("?"):
            return "hypothetical"
        if any(c.dep_ in ("xcomp", "ccomp") and c.head.lemma_.lower() == "be" and any(
                s.dep_ == "nsubj" and s.lemma_.lower() in ("aim", "goal", "purpose", "objective", "intention", "idea",
                                                          "plan", "point", "hope", "task", "mission")
                for s in c.head.children) for c in [chain[-1], *chain[-1].ancestors][:3]):
            return "hypothetical"  # "the resolution's main aim is to get the U.S. to withdraw"
        top_verb = chain[-1]
        if modality == "asserted" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top_verb.children) and any(
                c.dep_ == "nsubj" for c in top_verb.children) and not any(
                c.dep_ == "mark" and c.lower_ == "for" for c in top_verb.children):
            return "planned"  # a headline's "Australia to deploy force against ISIS": still ahead
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and (
                tok.head.lemma_.lower() in (self.ps.appeal_verbs | self.ps.desire_verbs | {"be"})
                or tok.head.lemma_.lower() in ("time", "step", "goal", "need", "way", "moment", "obstacle", "barrier",
                                               "hurdle", "chance", "opportunity", "reason")
                or tok.head.pos_ == "ADJ"):
            return "hypothetical"  # "Erakat called for Israel to pull troops out of Gaza", "appropriate for Trump to meet"
        if tok.dep_ == "relcl" and tok.head.lemma_.lower() == "time" and any(
                c.lower_ in ("last", "next", "only") for c in tok.head.children) and tok.tag_ in ("VBZ", "VBP", "VB"):
            return "hypothetical"  # "won't be the last time he meets with Kim": said of meetings to come
        if top_verb.i != tok.i and top_verb.dep_ in ("advcl", "acl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in top_verb.children):
            return "hypothetical"  # "aid approved to help Ukraine fight separatists": a purpose, not a deed
        if modality == "asserted" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return "planned"  # "a deal was struck for Trump to meet Varadkar": arranged, not yet held
        if modality == "asserted" and any(node.tag_ in ("VBZ", "VBP") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "until", "before", "after", "whenever")
                for c in node.children) for node in chain):
            return "planned"  # "when he visits Tokyo": a present tense for what is ahead
        if modality == "asserted" and tok.pos_ in ("NOUN", "PROPN") and any(
                t.ent_type_ == "DATE" and t.lower_ in ("next", "coming", "upcoming", "tomorrow") for t in tok.subtree):
            return "planned"  # "Tillerson's trip to Moscow next week"
        if modality == "asserted" and tok.tag_ in ("VBZ", "VBP") and published is not None and any(
                e.label_ == "DATE" and _weekday_ahead(e.text, published) for e in tok.sent.ents):
            return "planned"  # "Monday, as Obama meets with Netanyahu" (published Friday): a present tense ahead
        if modality == "asserted" and tok.tag_ in ("VBZ", "VBP") and FUTURE_TIME.search(tok.sent.text):
            return "planned"  # "Tillerson meets Putin this week": a present tense for what is ahead
        if modality == "asserted" and FUTURE_TIME.search(tok.sent.text) and any(
                node.tag_ == "VBG" and node.lemma_.lower() in MOTION_VERBS | {"meet", "host", "hold", "attend"}
                and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in node.children)
                for node in chain):  # (not "Israel is urging France, ahead of talks next week": that is now)
            return "planned"  # "Hollande is going to Moscow next week (to meet Obama)"
        if modality == "asserted" and tok.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and tok.head.lemma_.lower() in DEPARTURE_VERBS and tok.head.i < tok.i:
            return "planned"  # "left Washington for Riyadh to meet the king": not met yet
        return modality

    def _past_reference(self, tok: Token, published, chain: list[Token], actors: DocActors) -> bool:
        """The trigger's own clause (or its noun) is placed by a year that ended more than a year
        before publication: "in late 2009", "the 2015 pact", "in the mid-2000s" (not "since 2006")."""
        if any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS for node in chain for c in node.children):
            return True  # "Trump has frequently urged improved relations": a habit, not an event
        governors = {t.i for t in chain}
        if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            governors.add(tok.head.i)  # "Hussein's first visit to Cuba was in 1979": the copula dates the noun
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "past" for g in c.children)
               for node in [*chain, *tok.subtree] for c in node.children):
            return True  # "In the past, the US has made efforts …", "… Trump has accused China of doing in the past"
        if any(c.dep_ == "prep" and c.lower_ == "at" and any(
                g.lower_ == "times" or (g.lower_ == "time" and any(d.lower_ == "one" for d in g.children))
                for g in c.children) for node in chain for c in node.children):
            return True  # "Moon and Trump have at times clashed", "At one time, the Houthis held Hadi": not news
        if tok.dep_ == "relcl" and tok.head.pos_ in ("PROPN", "NOUN") and any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in tok.children) and (any(
                c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children) or (
                tok.tag_ in ("VBZ", "VBP") and tok.head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))) and not any(
                x.ent_type_ == "DATE" for x in tok.subtree):
            return True  # "Macron, who has criticized Trump's policy, …", "Abbas, who accuses the U.S. of bias, …"
        trips = [tok] if tok.pos_ == "NOUN" else [c for node in chain for c in node.children if c.dep_ == "dobj"]
        if any(t.tag_ == "NNS" and t.lemma_.lower() in ("trip", "visit", "journey") and any(
                c.dep_ == "nummod" for c in t.children) for t in trips):
            return True  # "Kerry has made at least ten trips to the Mideast to broker an agreement": a tally
        perfect = [node for node in chain if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in node.children)]
        if any(c.dep_ == "advmod" and c.lower_ == "long" for node in perfect for c in node.children):
            return True  # "North Korea has long decried the U.S. troops": a standing position
        for node in chain:
            gov = node.head.head if node.dep_ in ("pcomp", "pobj") else node.head if node.dep_ in ("acl", "relcl") else None
            if gov is not None and gov.lemma_.lower() in self.ps.past_nouns:
                return True  # "memories of how foreign troops invaded China": remembered, not news
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children):
                return True  # "at war since al Qaeda killed 3,000 Americans": the start of a state of things
        if any((x.lower_ in ("years", "decades") and x.head.lower_ in ("over", "for")) or (
                x.lemma_.lower() in DURATION_NOUNS and x.head.lower_ == "throughout") and x.head.head.i in governors
               for x in tok.sent):
            return True  # "Over the years, Saudi-led airstrikes have killed Yemeni civilians": a summary
        for node in chain:
            mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in ("after", "since")), None)
            if node.dep_ == "advcl" and mark is not None and any(
                    re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+|several|many) years\b", x.text, re.I)
                    for x in [*mark.children, *node.children] if x.dep_ in ("npadvmod", "advmod")
                    for x in [tok.doc[x.left_edge.i:x.right_edge.i + 1]]):
                return True  # "came two years to the day after Trump met with Putin in Helsinki"
            when = [c for c in node.children if c.dep_ == "advcl" and c.lemma_ == "be" and any(
                m.lower_ == "when" for m in c.children)]
            if any(a.dep_ == "attr" and actors.lex.roles.get(a.lemma_.lower()) is not None for w in when for a in w.children):
                return True  # "Obama met Xi when the Chinese leader was vice president": a past tenure
            if _under_the_late(node):
                return True  # "Venezuela forged ties with Cuba under the late (President Hugo) Chavez"
            if any(c.dep_ == "prep" and c.lower_ == "during" and any(g.lemma_.lower() == "tenure" for g in c.children)
                   for c in node.children):
                return True  # "During his tenure as a senior intelligence official, Kim was accused …"
            if any(c.dep_ == "prep" and c.lower_ == "during" and any(
                    g.lemma_.lower() in PAST_POSTS and any(d.lower_ in ("first", "previous", "earlier", "former", "last")
                                                          for d in g.children) for g in c.children)
                   for c in node.children):
                return True  # "Obama met Erdogan during his first term" (in his second)
            if any(c.dep_ == "prep" and c.lower_ == "before" and any(
                    g.lemma_.lower() == "become" for g in c.children) for c in node.children):
                return True  # "toured Iraq with Hagel before becoming president"
            if any(c.dep_ == "prep" and c.lower_ == "since" and any(g.lower_ == "then" for g in c.children)
                   for c in node.children) and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in node.children):
                return True  # "Since then, Putin has invaded Ukraine …": a recap
            if node.dep_ == "ROOT" or node is chain[-1]:
                subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and _under_the_late(subj):
                    return True  # "Venezuela, under the late President Hugo Chavez, forged ties with Cuba"
        last_time = [tok.head] if tok.dep_ == "relcl" else [c for c in tok.children if c.dep_ == "npadvmod"]
        if tok.tag_ == "VBD" and any(t.lemma_.lower() == "time" and any(
                c.lower_ in ("last", "previous") for c in t.children) for t in last_time):
            return True  # "The last time the U.S. expelled Russian diplomats on this scale was in 2001"
        if tok.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ == "still" for c in tok.children):
            return True  # "Pyongyang still denies responsibility": a standing position
        if any(c.dep_ == "advmod" and c.lower_ == "increasingly" for c in tok.children):
            return True  # "Kenyans are increasingly blaming Uganda": a trend, not an act
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in ("last", "previous", "earlier", "prior")
                                                 for c in tok.children):
            return True  # "protested at his last visit to Scotland": an earlier visit
        if any(x.tag_ == "NNS" and x.head.lower_ in ("in", "over", "during") and x.head.head.i in governors and any(
                c.lower_ in ("the", "past", "last", "recent", "previous") for c in x.children)
               for x in tok.sent if x.lemma_.lower() in ("year", "decade")):
            return True  # "have signed four agreements in the five years since", "in recent years": a summary
        if any(HABITUAL.fullmatch(x.lower_) and x.head.lower_ == "for" and x.head.head.i in governors for x in tok.sent):
            return True  # "have been fighting each other for centuries" (whether or not tagged a DATE)
        if published is None:
            return False
        if tok.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in ("nummod", "compound", "amod", "nmod") and YEAR.fullmatch(c.text)
                and published.year - int(c.text) >= 2 for c in tok.children):
            return True  # "Trump's 2013 trip to Russia" in a 2018 article
        if self._told_of_an_old_year(tok, published, chain):
            return True
        for ent in tok.sent.ents:
            if ent.label_ != "DATE" and not (ent.label_ == "EVENT" and YEAR.search(ent.text)):
                continue  # (an event's name with its year counts: "during the 1967 Six-Day War")
            if ((HABITUAL.search(ent.text) and ent.start > 0 and tok.doc[ent.start - 1].lower_ == "for")
                    or RECURRING.search(ent.text)) and any(t.i in governors for t in [ent.root, *ent.root.ancestors]):
                return True  # "fighting each other for centuries", "tourists visit every year": a habit
            years = [int(y) + (9 if dec else 0) for y, dec in YEAR.findall(ent.text)]
            if not years and RELATIVE_PAST.search(ent.text):
                years = [published.year - 2]  # "in April last year", "two years ago" (not "over the past year")
            if not years and NARRATIVE_YEAR.match(ent.text.strip()) and self._dates_clause(ent.root, governors):
                return True  # "The following year, Obama was recorded … while meeting with the leader of France"
            if not years and LAST_YEAR.search(ent.text) and self._dates_clause(ent.root, governors):
                return True  # "Last year, Obama urged Hu …", "at last year's NATO summit" (not "last year's revelations")
            if years and min(years) > published.year and tok.tag_ in ("VBD", "VBN") \
                    and any(t.i in governors for t in [ent.root, *list(ent.root.ancestors)[:4]]):
                return True  # "giving a speech in April 2018, accused Iran" in a 2015 page: a caption added later
            month = MONTH.search(ent.text)
            season = SEASON.search(ent.text)
            month_no = MONTHS[month.group(1).lower()] if month else SEASONS[season.group(1).lower()] if season else None
            if years and month_no and len(years) == 1 and published.year - years[0] == 1 and \
                    12 * (published.year - years[0]) + published.month - month_no > 12:
                years = [published.year - 2]  # "In March 2014" in a November 2015 article: more than a year back
            if years and not month_no and len(years) == 1 and published.year - years[0] == 1 and published.month >= 9 \
                    and ent.text.strip().isdigit() and self._dates_clause(ent.root, governors):
                years = [published.year - 2]  # "exchanged visits in 2017" in a November 2018 article: over a year back
            if not years or published.year - max(years) < 2:
                continue
            if any(a.dep_ in ("relcl", "advcl", "acl") and (
                    ent.start <= a.head.i < ent.end
                    or (any(c.lower_ == "when" for c in a.children) and ent.root.i in {x.i for x in a.head.subtree}
                        and not (a.i <= ent.root.i <= a.right_edge.i)))
                   for a in [tok, *list(tok.ancestors)[:6]]):
                return True  # "a repeat of 2008 and 2009, when (people died as) Israeli troops invaded Gaza"
            cur = ent.root
            for _ in range(8):
                if cur.i in governors:
                    return True
                if cur.pos_ == "VERB" and cur.dep_ == "advcl" and cur.head.i in governors and cur.tag_ == "VBG" \
                        and cur.lemma_.lower() in ("begin", "start"):
                    return True  # "Starting in 2009, he visited Assad several times"
                if cur.pos_ in ("VERB", "AUX") and cur.dep_ == "advcl" and cur.head.i in governors and any(
                        c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "when", "while") for c in cur.children):
                    return True  # "As the conflict erupted in March 2011, Obama called on Assad to leave"
                if cur.pos_ in ("VERB", "AUX") and not (cur.dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ == "since" for c in cur.children)):
                    if self._clause_governs(cur, chain[-1]):
                        return True  # "In 1986, she allowed U.S. warplanes to fly … to bomb Libya"
                    if cur.dep_ == "xcomp" and cur.head.i in governors:
                        return True  # "called on Assad to step down in August of 2011"
                    break  # (a "since …" clause reaches up: "talks since the commission was formed in 1983")
                if cur.head.i == cur.i:
                    break
                cur = cur.head
        return False

    @staticmethod
    def _told_of_an_old_year(tok: Token, published, chain: list[Token]) -> bool:
        """A narrative in the simple past with no date of its own, in the paragraph of a sentence whose
        main verb is dated two or more years back: "In August 2013 hundreds were killed in a chemical
        attack near Damascus. Obama asked Congress to authorize military action." (2015)."""
        if tok.tag_ != "VBD" or any(t.ent_type_ == "DATE" for t in tok.sent) or any(
                c.dep_ == "aux" for node in chain for c in node.children):
            return False
        doc = tok.doc
        start = tok.sent.start
        for _ in range(2):  # the two sentences before, within the paragraph
            if start == 0 or "\n\n" in doc[start - 1].whitespace_ or "\n\n" in doc[start - 1].text:
                return False
            prev = doc[start - 1].sent
            for ent in prev.ents:
                years = [int(y) for y, _ in YEAR.findall(ent.text)] if ent.label_ == "DATE" else []
                if years and published.year - max(years) >= 2 and EventCoder._dates_clause(ent.root, {prev.root.i}):
                    return True
            start = prev.start
        return False

    @staticmethod
    def _dates_clause(root: Token, governors: set[int]) -> bool:
        """A date phrase (its root) dates one of `governors`: on the verb itself ("last year, X urged"),
        through a preposition ("in April last year") or as the time of a gathering the verb is at
        ("at last year's summit"), not as a modifier of some other noun ("last year's revelations")."""
        head = root.head
        if head.i in governors:
            return True
        if head.dep_ == "prep" and head.head.i in governors:
            return True
        if head.lower_ == "time" and head.dep_ == "pobj" and head.head.head.i in governors:
            return True  # "when Kim met Trump for the first time last year"
        return root.dep_ == "poss" and head.dep_ == "pobj" and head.head.lower_ in ("at", "during", "in", "on") \
            and head.head.head.i in governors

    @staticmethod
    def _clause_governs(verb: Token, top: Token) -> bool:
        """Whether `top`'s clause hangs below `verb` through complement, adverbial and conjoined
        clauses only (so that a date on `verb` places it too)."""
        cur = top
        for _ in range(6):
            if cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i == verb.i:
                return True
        return False

    # ------------------------------------------------------------------ actors
    def _subject_token(self, tok: Token, p: Pattern, *, nominal: bool) -> Token | None:
        if nominal:
            obj = self._object(tok, nominal=True)
            for slot in p.source:
                for t in self._slot(tok, slot, obj):
                    if t.pos_ in ("NOUN", "PROPN", "PRON"):
                        return t
        if not nominal and self._is_passive(tok):
            if p.passive == "source":
                return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            return self._pobj(tok, "by")
        _, subj = self._chain(tok)
        return subj

    def _pobjs(self, tok: Token, prep: str) -> list[Token]:
        # (not a "to" the small model marks "dative": tried in stop 13, the events it added were 17 of 29 right)
        return [g for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == prep
                for g in c.children if g.dep_ == "pobj"]

    def _slot(self, tok: Token, slot: str, obj: Token | None) -> list[Token]:
        """The tokens a slot names, looked for on the trigger and on its object, nearest first."""
        if slot in ("dobj", "dobj-if-actor", "dobj-country"):
            if obj is not None and obj.dep_ in ("dobj", "obj", "nsubjpass", "npadvmod", "oprd"):
                return [obj]
            return [c for c in tok.children if c.dep_ == "dobj"]
        if slot in ("iobj", "dative"):
            return [c for c in tok.children if c.dep_ in ("dative", "iobj")]
        if slot == "poss":
            return [c for c in tok.children if c.dep_ == "poss"]
        if slot == "pobj-of":
            if obj is not None and obj.head.lower_ == "of" and obj.head.head.i == tok.i:
                return [obj]  # a noun trigger's own object: "the release of prisoners"
            return self._pobjs(obj if obj is not None else tok, "of")
        if slot == "pobj-of-poss":
            if obj is None:
                return []
            return [c for c in obj.children if c.dep_ == "poss"] + self._pobjs(obj, "of")
        if slot == "object-subtree":
            # "condemned the steps taken by Egypt's government": the first actor inside the object
            if obj is None:
                return []
            # … but not the victims of a harm ("condemned the killing of the hostage", "the attack on
            # civilians"): the condemnation is aimed at whoever did it
            return [t for t in obj.subtree if t.i != obj.i and t.pos_ in ("NOUN", "PROPN")
                    and t.dep_ in ("pobj", "poss", "nsubj", "compound", "agent") and not self._victim(t)
                    and not self._in_clause_below(t, obj) and not self._where(t)
                    and not (t.dep_ == "compound" and t.head.lemma_.lower() in self.ps.non_actor_heads
                             and t.ent_type_ in ("GPE", "NORP", "LOC"))  # "the Russia investigation" (not "the FBI's")
                    and not (t.dep_ == "pobj" and t.head.lower_ in ("of", "into")
                             and t.head.head.lemma_.lower() in INQUIRY_NOUNS)]  # "the investigation of Russia"
        if slot.startswith("prep:"):
            word = slot[5:]
            out: list[Token] = []
            for host in (tok, obj, self._pobj(obj, "of") if obj is not None else None):
                if host is not None:
                    out += self._pobjs(host, word)
            return out
        return []

    @staticmethod
    def _in_clause_below(t: Token, obj: Token) -> bool:
        """Whether a verb stands between `t` and `obj` ("criticized the fact that the hearing took
        place while he negotiated with North Korea": North Korea is in a clause of its own).
        A participle modifying the object ("the steps taken by Egypt") does not count."""
        cur = t.head
        while cur.i != obj.i and cur.head.i != cur.i:
            if cur.pos_ in ("VERB", "AUX") and not (cur.dep_ == "acl" and cur.tag_ == "VBN"):
                return True
            cur = cur.head
        return False

    @staticmethod
    def _where(t: Token) -> bool:
        """A place named as where a thing happened: "(the attacks on minorities) in Iraq", "(the attack)
        in Istanbul's historic heart"."""
        places = ("GPE", "LOC", "FAC")
        if t.ent_type_ in places:
            while t.dep_ in ("poss", "compound") and t.head.i != t.i:
                t = t.head  # "Istanbul's historic heart": the place's noun
        elif not (t.pos_ == "NOUN" and any(c.dep_ in ("poss", "compound") and c.ent_type_ in places
                                           for c in t.children)):
            return False
        return t.dep_ == "pobj" and t.head.lower_ in ("in", "inside", "within", "across", "throughout")

    def _victim(self, t: Token) -> bool:
        """Whether `t` names who suffered a harm: "(the killing) of the hostage", "(attacks) on civilians"."""
        head = t
        while head.dep_ in ("conj", "compound", "amod", "nmod") and head.head.i != head.i and \
                head.head.lemma_.lower() not in self.ps.harm_nouns:
            head = head.head  # "the Ugandan hostage", "hostages and journalists"
        if head.dep_ == "pobj" and head.head.lower_ in ("of", "on", "against") and \
                head.head.head.lemma_.lower() in self.ps.harm_nouns:
            return True
        if head.dep_ in ("compound", "amod", "poss") and head.head.lemma_.lower() in self.ps.harm_nouns:
            return head.dep_ != "poss"  # "the hostage killing" (a victim); "Russia's attack" (the doer)
        return False

    def _with_conjuncts(self, tok: Token) -> list[Token]:
        out = [tok]
        for c in tok.conjuncts:
            if c.pos_ in ("NOUN", "PROPN") and c.i > tok.i:
                out.append(c)
        return out

    def _actors(self, tok: Token, p: Pattern, obj: Token | None, actors: DocActors, *, nominal: bool) -> list[_Found]:
        subj = self._subject_token(tok, p, nominal=nominal)
        if subj is None:
            return self._unknown_source(tok, p, actors, nominal=nominal)
        if subj.lemma_.lower() in self.ps.partitive_nouns:  # "thousands of protesters"
            subj = self._pobj(subj, "of") or subj
        if _dateline(subj):  # "LUCCA, Italy (AP) — U.S. Secretary of State Rex Tillerson issued …"
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), subj)
        # a city or region named as a place is where things happen, not who does them; nor is a dateline
        sources = [(s, a) for s in self._with_conjuncts(subj) for a in actors.actors_of(s)
                   if a.kind != "place" and not _dateline(s)]
        if p.symmetric and tok.pos_ in ("VERB", "AUX"):
            # "Russian Foreign Minister Sergei Lavrov and US Secretary of State Antony Blinken met": the
            # small model may give the verb two subjects instead of one joined pair
            sources += [(c, a) for c in tok.children if c.dep_ == "nsubj" and c.i != subj.i
                        and c.pos_ == "PROPN" and any(x.dep_ == "cc" or x.lower_ == "and" for x in c.doc[min(c.i, subj.i):max(c.i, subj.i)])
                        for a in actors.actors_of(c) if a.kind != "place"]
        if p.not_source_roles:
            sources = [(s, a) for s, a in sources if not p.not_source_roles & set(a.roles)]
            if not sources:
                return []
        if not sources and subj.dep_ == "pobj":
            # "shot down by Turkish F-16s": the agent's country word names the doer
            weak = actors.weak_actor(subj)
            if weak is not None and weak.country:
                sources = [(subj, weak)]
        if not sources:
            # "killed by a roadside bomb": a passive whose agent is a weapon, not an actor
            return self._unknown_source(tok, p, actors, nominal=nominal) if subj.dep_ == "pobj" else []
        targets: list[tuple[Token, Actor]] = []
        how = "slot"
        for slot in p.target:
            for t in self._slot(tok, slot, obj):
                cands = [(x, a) for x in self._with_conjuncts(t) for a in actors.actors_of(x)]
                if slot == "dobj-country":
                    cands = [(x, a) for x, a in cands if a.country]
                if cands:
                    targets = cands
                    break
            if targets:
                break
        if not targets:
            # "shelled Ukrainian positions", "seized a British tanker", "arrested opposition activists"
            targets, how = self._weak_targets(tok, p, obj, actors, sources[0][1]), "modifier"
        targets = [(x, a) for x, a in targets if self._target_ok(p, x, a, actors, sources[0][1])]
        out: list[_Found] = []
        if not targets and p.symmetric and len(sources) > 1:
            if any(c.lower_ in ("both", "each") for c in [*tok.children, *subj.children]):
                return []  # "the US and Mexican governments have both started …": each on its own
            if any(c.dep_ == "prep" and c.lower_ in ("for", "alongside", "beside") for c in tok.children):
                return []  # "Hezbollah and Iran are in Syria fighting for the Assad regime": allies, side by side
            if any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children):
                return []  # "the region where France, Germany and Luxembourg meet": geography, not a meeting
            if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
                   for c in tok.children):
                return []  # "Obama and Abe met privately with bomb survivors": together, with someone else
            if tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl") and any(
                    (actors.actor_at(x) is not None and (actors.actor_at(x).code or "").startswith("IGO"))
                    for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "during")
                    for pobj in prep.children if pobj.dep_ == "pobj" for x in pobj.subtree):
                return []  # "Britain, France and Germany, meeting in a Security Council briefing": members of a body
            # "Brazil and Argentina signed an agreement", "Indian and Chinese troops clashed"
            for s_tok, src in sources:
                for t_tok, tgt in sources:
                    if tgt.code != src.code:
                        out.append(_Found(src, tgt, "conjunct", s_tok, t_tok))
            return out
        for s_tok, src in sources:
            tgts = [(x, a) for x, a in targets if a.code != src.code]
            if not tgts:
                fb = self._fallback(tok, p, src, actors, co_sources={a.code for _, a in sources},
                                    source_np={x.i for s, _ in sources for x in _np_words(s)})
                if fb is not None:
                    out.append(_Found(src, fb[1], fb[2], s_tok, fb[0]))
                elif not targets and not p.target:
                    out.append(_Found(src, None, "none", s_tok, None))
                continue
            sub = tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text.lower().replace(" - ", "-")
            alongside = any(w in sub for w in ("alongside", "side by side", "side-by-side", "together with", "jointly"))
            for t_tok, tgt in tgts:
                if alongside and t_tok.head.lower_ == "with" and p.cameo[:2] in ("18", "19"):
                    continue  # "fighting side by side with our Iraqi partners": an ally, not a target
                if p.cameo[:2] == "13" and tgt.country == src.country and "CVL" in tgt.roles:
                    continue  # "warned Americans to defer travel": an advisory, not a threat
                if tgt.country == src.country and not tgt.roles and tgt.kind in ("country", "place", "group"):
                    continue  # a state acting on itself as a whole ("criticized the U.S. presence") is no event
                if tgt.country == src.country and not src.roles and src.kind == "country" and p.cameo[:2] < "07" \
                        and "GOV" in tgt.roles:
                    continue  # "Onto South Korea … met with President Moon": a country does not meet its own leader
                if p.not_target_roles & set(tgt.roles):
                    continue  # "Turkey is hosting 3.5 million Syrian refugees": no visit
                if "MED" in tgt.roles and p.cameo[:2] in ("01", "02", "03", "04"):
                    continue  # talking to reporters is how news is made, not an event
                if p.cameo[:2] in ("18", "19", "20") and self._figurative(src, tgt):
                    continue  # "clashed with Congress", "stabbed the president in the back"
                if p.cameo == "1722" and tgt.country == src.country and set(tgt.roles) <= {"BUS", "CVL"}:
                    # "banned American companies from selling to ZTE": a sanction on the firm they may not
                    # deal with, not a ban on the companies; no such actor named, no event
                    foreign = self._barred_party(tok, src, actors)
                    if foreign is not None:
                        out.append(_Found(src, foreign[1], how, s_tok, foreign[0], cameo="163"))
                    continue
                if p.cameo[:2] < "06" and tgt.how == "demonym" and tgt.roles == ["CVL"] and tgt.country \
                        and tgt.country != src.country:
                    # "Egypt urged Israelis and Palestinians to study the plan": a foreign people
                    # addressed in diplomacy are their side, not its civilians
                    tgt = dataclasses.replace(tgt, roles=[], code=tgt.country, kind="country")
                out.append(_Found(src, tgt, how, s_tok, t_tok))
        return out

    @staticmethod
    def _barred_party(tok: Token, src: Actor, actors: DocActors) -> tuple[Token, Actor] | None:
        """The foreign party named in the "from …ing" phrase of a ban ("from selling to Huawei")."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for x in prep.subtree:
                    if x.pos_ in ("PROPN", "NOUN") and x.dep_ not in ("amod", "compound"):
                        a = actors.actor_at(x) or actors.weak_actor(x)
                        if a is not None and a.country and a.country != src.country:
                            return x, a
        return None

    def _target_ok(self, p: Pattern, t_tok: Token, a: Actor, actors: DocActors, src: Actor | None = None) -> bool:
        """Whether an actor found in a target slot is the target, not a place, a dateline or a thing."""
        if _dateline(t_tok):
            return False  # "Washington (CNN) Russia conducted airstrikes": where the story was filed
        if any(a_.dep_ == "prep" and (a_.lower_ in ("except", "besides") or (
                a_.lower_ == "than" and tok_before(a_) in ("other", "rather")))
               for a_ in list(t_tok.ancestors)[:3]):
            return False  # "the first Western country other than the U.S. to launch an air strike": a comparison
        root = p.cameo[:2]
        if (root in ("15", "17", "18", "19", "20") and a.how in ("geonames", "capital") and a.kind == "place") or (
                root in ("15", "18", "19", "20") and a.how == "geonames"):
            return False  # "an airstrike in Kunduz", "bombardment on Raqqa": where, not whom
        if t_tok.lemma_.lower() in self.ps.harm_nouns and a.how == "modifier" and \
                not any(c.dep_ == "poss" for c in t_tok.children):
            return False  # "decries Nigerian schoolgirl kidnappings": the victims, not the target
        if actors.is_media(t_tok):
            return False  # "a visit to The Washington Times": a newspaper, not its country
        if root == "04" and t_tok.dep_ == "pobj" and t_tok.head.lower_ == "into" and t_tok.pos_ != "PROPN":
            return False  # "went into the Helsinki meeting with a strong hand" is no trip (but "flew into Hanoi")
        if p.cameo[:2] in ("03", "04") and a.how in ("capital", "geonames", "gazetteer") and t_tok.dep_ == "pobj" \
                and t_tok.head.lower_ in PLACE_PREPS \
                and self._venue(t_tok, a, actors, src):
            return False  # "arrived in Helsinki for a summit with Trump": Finland is where, not whom
        if p.cameo[:2] in ("15", "17", "18", "19", "20") and self._supported(t_tok):
            return False  # "airstrikes in support of Iraqi forces": an ally, not a target
        lemma = t_tok.lemma_.lower()
        if lemma in ("border", "frontier") and p.cameo[:2] == "15" and src is not None and a.country != src.country \
                and not any("-" in c.text for c in t_tok.lefts):
            return True  # "massed troops near the Russian border": a posture against Russia (not "the US-Mexico border")
        if root in ("15", "17", "18", "19", "20") and t_tok.dep_ in ("conj", "appos") and t_tok.i > 0 \
                and t_tok.doc[t_tok.i - 1].text == ",":
            city = actors.actor_at(t_tok.head)
            if city is not None and city.kind == "place" and city.country == a.country:
                return False  # "airstrikes have hit Raqqa, Syria, the Islamic State's capital": where, not whom
        if a.how == "modifier" and lemma in self.ps.sea_nouns and p.cameo[:2] in ("18", "19", "20"):
            return False  # "fired missiles into Japan's exclusive economic zone": a show of force at sea
        if a.how == "modifier" and lemma in self.ps.non_actor_heads and not any(
                c.dep_ == "poss" and c.pos_ != "PRON" for c in t_tok.children):
            return False  # "supports the Iranian nuclear deal": a deal, not Iran ("Ukraine's border" is Ukraine)
        return True

    def _supported(self, t_tok: Token) -> bool:
        """Inside "in support of …", "on behalf of …", "with the help of …"."""
        for anc in t_tok.ancestors:
            if anc.lemma_.lower() in SUPPORT_NOUNS and anc.dep_ == "pobj" and anc.head.lower_ in ("in", "on", "with"):
                return True
            if anc.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _venue(self, t_tok: Token, place: Actor, actors: DocActors, src: Actor | None) -> bool:
        """A city named as where a meeting with someone of a third country takes place."""
        sent = t_tok.sent
        meeting = any(t.lemma_.lower() in self.ps.meeting_nouns or (t.pos_ == "VERB" and t.lemma_.lower() in (
            "meet", "confer", "negotiate")) for t in sent)
        # "arriving behind schedule in Helsinki as the two leaders …" (Trump named before): a trip to
        # where a leader of a third country is met
        arrival = t_tok.head.head.pos_ == "VERB" and t_tok.head.head.lemma_.lower() in ("arrive", "land")
        if not meeting and not arrival:
            return False
        heads = {e.root.i for e in sent.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")}
        if arrival:  # "Uganda's president" is named by a role noun, not an entity
            heads |= {t.i for t in sent if t.pos_ == "NOUN" and actors.lex.roles.get(t.lemma_.lower()) is not None}
        p_start, p_end = _ent_span(t_tok)
        for i in sorted(heads):
            if not (p_start <= i < p_end):
                other = actors.actor_at(t_tok.doc[i])
                if other is None or other.country == place.country or (
                        src is not None and (other.country, other.code) == (src.country, src.code)):
                    continue
                if other.kind == "person" and (src is None or other.country != src.country) and (
                        meeting or other.how in ("leader-table", "title") or "GOV" in other.roles):
                    return True
                if meeting and (other.kind == "organisation" or (other.code or "").startswith("IGO")
                                or (other.how == "demonym" and not other.roles)):
                    return True  # "the Iranians relented and Kerry flew to Switzerland for a session"
        return False

    def _figurative(self, src: Actor | None, tgt: Actor | None) -> bool:
        """Violence words between two political actors of no armed role are figures of speech."""
        if src is None or tgt is None:
            return False
        pol = self.ps.political_roles

        def political(a: Actor) -> bool:
            return bool(a.roles) and set(a.roles) <= pol

        def civil_igo(a: Actor) -> bool:  # the UN, the IAEA, the EU: not NATO
            return (a.code or "").startswith("IGO") and a.code not in self.ps.armed_igos and not (
                {"MIL", "REB"} & set(a.roles))

        if political(src) and (political(tgt) or civil_igo(tgt)):
            return True
        # "Iran clashed with the IAEA": a state against a civil international body
        return not src.roles and src.kind == "country" and civil_igo(tgt)

    def _weak_targets(self, tok: Token, p: Pattern, obj: Token | None, actors: DocActors,
                      src: Actor | None) -> list[tuple[Token, Actor]]:
        """A target from a phrase that names no actor of its own: its country word ("Ukrainian
        positions"), an actor inside it ("two bases housing US troops"), or — for coercion and
        violence against people of no stated country ("civilians", "protesters") — the country
        where it happened, or for coercion the source's own country."""
        root = p.cameo[:2]
        place = self._place_country(tok) if root in ("17", "18", "19", "20") else None
        for slot in p.target:
            for t in self._slot(tok, slot, obj):
                # a government arrests, bans and releases its own people
                domestic = place or (src.country if src is not None and (root == "17" or p.cameo == "0841")
                                     and p.cameo != "174" else None)  # the deported are foreigners
                a = actors.weak_actor(t, domestic=domestic)
                if a is not None:
                    return [(t, a)]
                if not slot.startswith("prep:") or root < "15":
                    continue
                for x in t.subtree:
                    if x.dep_ == "pobj" and x.head.lower_ in PLACE_PREPS:
                        continue  # "strikes against the group within Yemen": where, not whom
                    if x.i != t.i and x.pos_ in ("NOUN", "PROPN") and x.dep_ in ("pobj", "dobj", "compound", "poss"):
                        a = actors.actor_at(x)
                        if a is not None and a.kind != "place" and (src is None or a.code != src.code):
                            return [(x, a)]
        return []

    def _place_country(self, tok: Token) -> str | None:
        """The country of a place named in the trigger's sentence with "in/at/near" (via geonames)."""
        geo = geocoder()
        for e in tok.sent.ents:
            if e.label_ == "GPE" and e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "at", "near", "outside"):
                loc = geo.locate(e.text)
                if loc is not None and loc.country:
                    return loc.country
        return None

    def _unknown_source(self, tok: Token, p: Pattern, actors: DocActors, *, nominal: bool) -> list[_Found]:
        """Violence reported in the passive with no doer named ("X was assassinated", "three
        soldiers were killed by a roadside bomb"): the event is coded with an unknown source."""
        if nominal or p.cameo[:2] not in ("18", "19", "20") or not self._is_passive(tok):
            return []
        victim = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if victim is None:
            return []
        if victim.lemma_.lower() in self.ps.partitive_nouns:
            victim = self._pobj(victim, "of") or victim
        out = []
        for x in self._with_conjuncts(victim):
            for a in actors.actors_of(x) or [actors.weak_actor(x)]:
                if a is not None:
                    out.append(_Found(None, a, "passive", None, x))
        return out

    def _passive_means(self, tok: Token) -> str | None:
        """ "were killed in an air strike", "by a roadside bomb", "with drone strikes": the weapon names
        the code."""
        for prep in tok.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "with"):
                for pobj in prep.children:
                    words = {pobj.lemma_.lower(), f"{pobj.doc[pobj.i - 1].lower_} {pobj.lemma_.lower()}"}
                    for code, means in PASSIVE_MEANS.items():
                        if words & means:
                            return code
        return None

    def _fallback(self, tok: Token, p: Pattern, src: Actor, actors: DocActors, *, co_sources: set = frozenset(),
                  source_np: set = frozenset()):
        if p.fallback == "none":
            return None
        if p.fallback == "reporter":
            rep = self._reporting_ancestor(tok)
            if rep is not None:
                speaker = self._reporter_actor(rep, actors)
                if speaker is not None and speaker[1].country and speaker[1].country != src.country:
                    return speaker[0], speaker[1], "reporter"
            return None  # an arrival with no destination and no reporting host is left uncoded
        # context: the one other country named in the sentence (none when there are several)
        found: dict[str, tuple[Token, Actor]] = {}
        chain_ids = {t.i for t in self._chain(tok)[0]}
        rep = self._reporting_ancestor(tok)
        speaker = next((c for c in rep.children if c.dep_ == "nsubj"), None) if rep is not None else None
        said_by = {x.i for x in speaker.subtree} if speaker is not None else set()
        for t in tok.sent:
            if t.pos_ not in ("PROPN", "NOUN") or t.i == tok.i or t.i in said_by:
                continue  # ("… a ceasefire," said a U.S. official: who reports it is not its party)
            a = actors.actor_at(t)
            if a is None or not a.country or a.country == src.country or actors.is_media(t):
                continue
            if (a.code in co_sources or t.i in source_np) and p.cameo[:2] in ("18", "19", "20"):
                continue  # "American and French warplanes carried out strikes": allies, not each other's target
                # (but "Israel and Hamas agreed to a ceasefire": each other's counterpart)
            if not self._target_ok(p, t, a, actors, src):
                continue
            base = t
            while base.dep_ == "conj" and base.head.i != base.i:
                base = base.head  # "in Yemen and Libya"
            if base.dep_ == "pobj" and base.head.lower_ in PLACE_PREPS and a.kind in ("country", "group", "place"):
                continue  # "at a news conference in Manila", "he added in French": a place, not a party
            if p.cameo[:2] in ("15", "17", "18", "19", "20") and not self._in_clause_of(t, chain_ids):
                continue  # "… and the Syrian army had provided artillery support": an actor of another clause
            if a.kind == "person" and (t.ent_type_ == "PERSON" or a.how in ("leader-table", "title", "apposition")):
                continue  # someone named elsewhere in the sentence ("after a request from al-Assad") is rarely the target
            found.setdefault(a.country, (t, a))
        if len(found) != 1:
            return None
        t, a = next(iter(found.values()))
        if a.roles and not set(a.roles) & STATE_ROLES and "REB" not in a.roles and a.kind != "organisation":
            # the sentence names the country only through its people ("prisoners in Venezuela"):
            # an action aimed at no one in particular is aimed at the country
            a = Actor(code=a.country, country=a.country, roles=[], text=a.text, name=a.name, start=a.start,
                      end=a.end, kind="country", how="context")
        return t, a, "context"

    @staticmethod
    def _in_clause_of(t: Token, chain_ids: set[int], *, strict: bool = False) -> bool:
        """Whether `t` hangs from the trigger's clause (its chain), directly or through adverbial and
        relative clauses ("put its forces on alert as Chinese warships encircled the island", "the
        airstrike that took out Iranian forces"), not from a clause of its own ("… and the Syrian
        army had provided artillery support", the main clause of a "while" clause)."""
        cur = t
        for _ in range(12):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i in chain_ids:
                return True
            if cur.pos_ in ("VERB", "AUX") and (strict or cur.dep_ not in ("relcl", "acl", "advcl", "xcomp", "pcomp")):
                return False  # a clause of its own: a conjunct, a complement, the main clause
        return False

    def _reporting_ancestor(self, tok: Token) -> Token | None:
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ in ("ccomp", "advcl", "conj", "xcomp", "parataxis") or cur.head.dep_ == "ROOT":
                h = cur.head
                if h.lemma_.lower() in self.ps.reporting_verbs and h.i != tok.i and cur.dep_ in ("ccomp", "parataxis", "advcl", "dobj"):
                    return h
            cur = cur.head
        return None

    def _reporter_actor(self, verb: Token, actors: DocActors):
        cur = verb
        for _ in range(3):
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                a = actors.actor_at(subj)
                return (subj, a) if a is not None else None
            if cur.dep_ in ("advcl", "conj", "xcomp") and cur.head.i != cur.i:
                cur = cur.head
            else:
                break
        return None

    def _attribution(self, tok: Token, actors: DocActors) -> dict | None:
        rep = self._reporting_ancestor(tok)
        if rep is not None:
            sp = self._reporter_actor(rep, actors)
            subj = next((c for c in rep.children if c.dep_ == "nsubj"), None)
            return {"verb": rep.lemma_.lower(),
                    "speaker": sp[1].to_dict() if sp else ({"text": subj.text} if subj is not None else None)}
        for t in tok.sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                pobj = next((g for g in t.doc[t.i + 1].children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    a = actors.actor_at(pobj)
                    return {"verb": "according to", "speaker": a.to_dict() if a else {"text": pobj.text}}
        return None

    # ------------------------------------------------------------------ the event
    def _event(self, tok: Token, sent: Span, si: int, article: Article, actors: DocActors,
               p: Pattern, f: _Found, modality: str) -> Event | None:
        cameo = f.cameo or p.cameo
        if p.person_source_cameo and f.source is not None and f.source.kind == "person" \
                and not {"MIL", "REB", "COP"} & set(f.source.roles):
            cameo = p.person_source_cameo
        if p.civilian_source_cameo and f.source is not None and set(f.source.roles) & {"CVL", "EDU", "LAB", "AGR"}:
            cameo = p.civilian_source_cameo
        if p.foreign_target_cameo and f.source is not None and f.target is not None and \
                f.target.country and f.source.country and f.target.country != f.source.country:
            cameo = p.foreign_target_cameo  # banning foreign lawmakers is a sanction, not 1722
        if cameo[:2] == "19" and f.source is not None and not set(f.source.roles) & {"MIL", "REB", "COP"} and any(
                c.dep_ == "prep" and c.lower_ == "over" and not any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.children)
                for c in tok.children):
            cameo = "111"  # "Washington and Moscow have clashed over who should judge the incident": words
        if cameo[:2] in ("18", "19") and f.source is not None and set(f.source.roles) & {"MIL", "COP", "GOV"} \
                and f.target_tok is not None and f.target_tok.lemma_.lower() in self.ps.protester_nouns:
            cameo = "175"  # "security forces shot dead forty protesters": repression, not combat
        if cameo[:2] == "18":
            cameo = self._passive_means(tok) or cameo  # "killed three commanders in an air strike"
        if cameo in ("180", "1823") and f.target is not None and "MIL" in f.target.roles and tok.tag_ == "VBG" \
                and tok.dep_ in ("advcl", "conj") and tok.head.lemma_.lower() in COMBAT_VERBS:
            cameo = "190"  # "fired 200 rockets into Israel, killing a soldier": combat, not terror against people
        date_spans = [e.text for e in sent.ents if e.label_ in DATE_LABELS]
        rd = resolve_event_date(sent.text, article.published, date_spans=date_spans,
                                future=modality in ("planned", "announced"))
        if rd.source == "text" and rd.date is not None and article.published is not None and modality == "asserted" \
                and (_as_date(article.published) - rd.date).days > 400 and any(
                    e.label_ in DATE_LABELS and rd.text and (rd.text in e.text or e.text in rd.text)
                    and self._in_clause_of(e.root, {t.i for t in self._chain(tok)[0]})
                    for e in sent.ents):
            return None  # "when it attacked Afghanistan" dated September 11, 2001 in a 2014 article: history
        if modality == "asserted" and rd.source == "text" and rd.date is not None and article.published is not None \
                and (rd.date - _as_date(article.published)).days > 300:
            return None  # "on Wednesday, November 19" (2014) on a page dated 2013: a caption from a later page
        if (modality == "asserted" or (modality == "announced" and any(n.tag_ == "VBD" for n in self._chain(tok)[0][1:]))) \
                and rd.source == "published" and retold(
                known_events(), lemma=tok.lemma_.lower(), source=f.source, target=f.target, sentence=sent.text,
                published=_as_date(article.published) if article.published else None) is not None:
            return None  # "as the United States invaded Afghanistan to our east" in 2015, "the US agreed to lift
            # sanctions on Iran" in 2017 (an intent stated in the past): a known past event retold
        if modality == "asserted" and rd.source == "text" and rd.date is not None and article.published is not None \
                and (rd.date - _as_date(article.published)).days > 1 and any(
                    e.label_ in DATE_LABELS and rd.text and (rd.text in e.text or e.text in rd.text)
                    and self._in_clause_of(e.root, {tok.i}, strict=True)
                    for e in sent.ents):
            modality = "planned"  # "Macron's April 24 state visit to Washington" in an April 3 paper
        if modality in ("planned", "announced") and p.cameo[:2] in self.ps.no_intent_roots:
            return None  # "Trump would urge North Korea …", "Kim will blame Trump": nothing done yet
        if modality in ("planned", "announced", "hypothetical") and not cameo.startswith(("03", "13")):
            cameo = self.ps.intent_of(cameo)
        code = self.cameo.get(cameo)
        conf = p.confidence
        if f.target_how in ("context", "reporter"):
            conf -= 0.15
        if f.source is None:
            conf -= 0.2
        elif f.source.how == "coref":
            conf -= 0.05
        if f.target is None:
            conf -= 0.2
        if modality == "hypothetical":
            conf -= 0.15
        conf = max(0.05, min(1.0, conf))
        clause = _clause(tok)
        cal = calibration()
        if cal is not None:  # the judged record of events like this one (dyad/coding/confidence.py)
            conf = cal.score(pattern_id=p.id, pattern_prior=conf, root=cameo[:2], modality=modality,
                             source_how=f.source.how if f.source else None,
                             target_how=f.target.how if f.target else None,
                             clause=clause, sentence_words=len(sent.text.split()),
                             prior_class=p.prior_class, hand_confidence=p.confidence,
                             date_source=rd.source)
        conf = round(conf, 2)

        location = self._location(tok, sent, f)
        src_code = f.source.code if f.source else None
        tgt_code = f.target.code if f.target else None
        eid = content_id(article.id, si, tok.i, cameo, src_code, tgt_code)
        return Event(
            event_id=eid, article_id=article.id, source=f.source, target=f.target,
            cameo=cameo, root=cameo[:2], cameo_name=code.name, goldstein=code.goldstein,
            quad_class=code.quad_class, plover=code.plover, plover_mode=code.plover_mode,
            date=rd.date.isoformat() if rd.date else None, date_source=rd.source, date_text=rd.text,
            location=location, modality=modality, sentence=sent.text, sentence_index=si,
            span=(sent.start_char, sent.end_char), trigger=tok.text,
            trigger_span=(tok.idx, tok.idx + len(tok.text)), pattern_id=p.id, confidence=conf,
            attribution=self._attribution(tok, actors),
            published=article.published.isoformat() if article.published else None, clause=clause,
        )

    def _location(self, tok: Token, sent: Span, f: _Found):
        geo = geocoder()
        prefer = [c for c in (f.source.country if f.source else None, f.target.country if f.target else None) if c]
        # a place that is the target of a visit is where the event happened
        if f.target_tok is not None and f.target is not None and f.target.how in ("capital", "gazetteer") \
                and tok.lemma_.lower() in MOTION_VERBS:
            loc = geo.locate(f.target_tok.text if not f.target_tok.ent_type_ else _ent_text(f.target_tok), prefer=prefer)
            if loc is not None:
                return loc
        places: list[str] = []
        for e in sent.ents:
            if e.label_ not in ("GPE", "LOC", "FAC"):
                continue
            root = e.root
            if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS or (
                    root.head.i == tok.i and tok.lemma_.lower() in MOTION_VERBS):
                places.append(e.text)
        if not places:
            return None
        return geo.locate_best(places, prefer=prefer)


CLAUSES = {"ROOT": "main", "ccomp": "complement", "xcomp": "complement", "advcl": "adverbial",
           "conj": "conjunct", "relcl": "relative", "acl": "relative", "pcomp": "prepositional"}


def _clause(tok: Token) -> str:
    """Where the trigger sits: its own dependency, or "nominal" for a noun trigger. A conjoined
    clause with a subject of its own ("said that …, and that he has cancelled …") sits where its
    first conjunct does; one that borrows its subject ("met X and signed …") is a "conjunct"."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "ROOT":
        return "nominal"
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
        cur = cur.head
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ != "ROOT":
        return "nominal"
    return CLAUSES.get(cur.dep_, "other")


JOINED = re.compile(r"^([A-Z][a-z]+)([A-Z][a-z]{2,})$")


def _link_run(sent: Span) -> bool:
    """A run of related-article links pasted into the text: a name glued to the next headline
    ("… Kim Jong Un Kim Jong UnTrump says he'll meet …", "… Richard PompeoProtests serve as …")."""
    words = [t.text for t in sent]
    for k, w in enumerate(words):
        m = JOINED.match(w)
        if m and m.group(1) in words[max(0, k - 8):k]:
            return True
    return False


def _as_date(d):
    return d.date() if hasattr(d, "date") and callable(d.date) else d


def _weekday_ahead(text: str, published) -> bool:
    """A weekday named with a present tense is ahead when the next one is nearer than the last
    ("meets Monday" in Friday's paper); the day of publication is today, not ahead."""
    m = WEEKDAY.search(text)
    if m is None or re.search(r"\b(last|past)\b", text, re.I):
        return False
    wd = WEEKDAYS[m.group(1).lower()]
    fwd, back = (wd - published.weekday()) % 7, (published.weekday() - wd) % 7
    return 0 < fwd < back


def _ent_span(tok: Token) -> tuple[int, int]:
    """The token range of the entity `tok` is in, or of `tok` alone."""
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    return (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)


def _np_words(t: Token) -> list[Token]:
    """The words of `t`'s own noun phrase: its modifiers and their conjuncts ("American and French
    warplanes"), not the phrases hung on it ("the ambassador to Libya", "who met …")."""
    out = [t]
    for c in t.children:
        if c.dep_ not in ("prep", "relcl", "acl", "appos", "punct", "cc"):
            out.extend(_np_words(c))
    return out


def _under_the_late(t: Token) -> bool:
    """`t` has an "under the late …" phrase: done while a dead leader lived."""
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(d.lower_ == "late" for g in c.children for d in g.subtree)
               for c in t.children)


def tok_before(t: Token) -> str:
    """The lower-case word before `t` ("" at the start of the document)."""
    return t.doc[t.i - 1].lower_ if t.i > 0 else ""


def _dateline(tok: Token) -> bool:
    """A place that opens a sentence and is followed by "(CNN)", "—" or ":" is a dateline
    ("Washington (CNN) Russia conducted …", "BEIJING — China said …"), not an actor."""
    sent, doc = tok.sent, tok.doc
    start, k = _ent_span(tok)
    name = doc[start:k]
    if (tok.ent_type_ == "GPE" or (tok.ent_type_ in ("ORG", "LOC") and len(name) >= 2)) and len(name.text) >= 4 and all(
            t.text.isupper() or not t.is_alpha for t in name) and k < sent.end \
            and doc[k].text in ("(", "—", "–", "-", "--", ":"):
        return True  # "John Fritze USA TODAY HELSINKI – President Trump met …", "UNITED NATIONS — …": a byline
    if any(not (t.is_space or t.is_punct or (t.text.isupper() and t.is_alpha)) for t in doc[sent.start:start]):
        return False  # (an upper-case city may come first: "LUCCA, Italy (AP) —")
    if k + 1 < sent.end and doc[k].text == "," and doc[k + 1].ent_type_ == "GPE":
        k = _ent_span(doc[k + 1])[1]  # "Caracas, Venezuela —"
    return k < sent.end and doc[k].text in ("(", "—", "–", "--", ":")


def _ent_text(tok: Token) -> str:
    start, end = _ent_span(tok)
    return tok.doc[start:end].text


def code_events(docs: Iterable[tuple[Doc, Article, DocActors]], coder: EventCoder | None = None) -> list[Event]:
    coder = coder or EventCoder()
    out: list[Event] = []
    for doc, art, actors in docs:
        out.extend(coder.code(doc, art, actors))
    return out
