"""A small hand-built store for the web tests: USA-VEN over twelve weeks (hostile, then a thaw), a few
other dyads, places with coordinates, named and anonymous quotes. No model."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from dyad.models import Actor, Article, Event, Location, Quote, content_id
from dyad.store import Store

CAMEO = {  # code: (root, name, goldstein, quad)
    "042": ("04", "Make a visit", 1.9, 1),
    "036": ("03", "Express intent to meet or negotiate", 4.0, 1),
    "057": ("05", "Sign formal agreement", 8.0, 1),
    "070": ("07", "Provide aid, not specified below", 7.0, 2),
    "111": ("11", "Criticize or denounce", -2.0, 3),
    "112": ("11", "Accuse, not specified below", -2.0, 3),
    "163": ("16", "Impose embargo, boycott, or sanctions", -8.0, 4),
    "190": ("19", "Use conventional military force", -10.0, 4),
}
NAMES = {"USA": "United States", "VEN": "Venezuela", "CHN": "China", "JPN": "Japan", "RUS": "Russia",
         "UKR": "Ukraine"}
PLACES = {
    "Caracas": ("VEN", 10.49, -66.88), "Washington": ("USA", 38.90, -77.04), "Beijing": ("CHN", 39.91, 116.40),
    "Kyiv": ("UKR", 50.45, 30.52), "Tokyo": ("JPN", 35.69, 139.69),
}
START = date(2025, 10, 6)  # a Monday


def _actor(code: str, start: int, text: str) -> Actor:
    return Actor(code=code, country=code[:3], roles=[code[3:6]] if len(code) > 3 else [], text=text,
                 name=NAMES[code[:3]], start=start, end=start + len(text), kind="country", how="test")


def _article(i: int, day: date, src: str, cameo: str, tgt: str, place: str | None, outlet: str,
             quote: tuple[str, str | None, bool, str | None] | None = None):
    s_name, t_name = NAMES[src[:3]], NAMES[tgt[:3]]
    verb = {"042": "visited", "036": "offered talks with", "057": "signed a deal with", "070": "sent aid to",
            "111": "criticized", "112": "accused", "163": "imposed sanctions on", "190": "attacked"}[cameo]
    where = f" in {place}" if place else ""
    s1 = f"{s_name} {verb} {t_name}{where} on {day:%A}."
    text = s1
    q = None
    if quote:
        qtext, speaker, anon, sp_code = quote
        who = speaker or "an official who asked not to be named"
        s2 = f" \u201c{qtext}\u201d said {who}."
        qstart = len(text) + 2
        text += s2
        sp_start = text.index(who)
        sp = Actor(code=sp_code, country=(sp_code or src)[:3], roles=[], text=who, name=speaker,
                   start=sp_start, end=sp_start + len(who), kind="person", anonymous=anon, how="test")
        q = (qtext, qstart, sp, len(s1) + 1)
    aid = f"art-{i:03d}"
    art = Article(id=aid, text=text, published=day + timedelta(days=1), title=f"{s_name} {verb} {t_name}",
                  source=outlet, url=f"https://example.org/{aid}", origin="web-test")
    root, name, gold, quad = CAMEO[cameo]
    loc = None
    if place:
        country, lat, lon = PLACES[place]
        loc = Location(name=place, country=country, lat=lat, lon=lon, geonameid=None, feature="city")
    trig = s1.index(verb.split()[0])
    ev = Event(
        event_id=content_id(aid, 0, cameo), article_id=aid, source=_actor(src, 0, s_name),
        target=_actor(tgt, len(s_name) + len(verb) + 2, t_name), cameo=cameo, root=root, cameo_name=name,
        goldstein=gold, quad_class=quad, plover=None, plover_mode=None, date=day.isoformat(), date_source="text",
        date_text=f"{day:%A}", location=loc, modality="asserted", sentence=s1, sentence_index=0,
        span=(0, len(s1)), trigger=verb.split()[0], trigger_span=(trig, trig + len(verb.split()[0])),
        pattern_id=f"test-{cameo}", confidence=0.75 + (i % 5) / 20, attribution=None,
        published=(day + timedelta(days=1)).isoformat(),
    )
    quotes = []
    if q:
        qtext, qstart, sp, sent_start = q
        quotes.append(Quote(quote_id=content_id(aid, "q"), article_id=aid, text=qtext, speaker=sp, verb="said",
                            span=(qstart, qstart + len(qtext)), sentence_index=1, sentence=text[sent_start:]))
    return art, [ev], quotes


def items():
    """(article, events, quotes) triples: 12 weeks of USA-VEN (6 hostile, 6 friendly), other dyads."""
    out = []
    i = 0
    hostile = ["163", "112", "163", "190", "163", "112"]
    friendly = ["036", "070", "057", "070", "057", "036"]
    for w, cameo in enumerate(hostile + friendly):
        day = START + timedelta(weeks=w, days=1)
        src, tgt = ("USAGOV", "VENGOV") if w % 2 == 0 else ("VENGOV", "USA")
        place = "Caracas" if w % 3 else "Washington"
        quote = None
        if w == 2:
            quote = ("We will not accept threats", "Yvan Gil", False, "VENGOVFRM")
        if w == 8:
            quote = ("The talks were productive", None, True, None)
        i += 1
        out.append(_article(i, day, src, cameo, tgt, place, ["Reuters", "AP", "AFP"][w % 3], quote))
    # a second report of the week-7 event (same source, target, code, date, place): dedup groups them
    i += 1
    w7 = START + timedelta(weeks=7, days=1)
    out.append(_article(i, w7, "VENGOV", "070", "USA", "Caracas", "EFE"))
    for k in range(4):
        i += 1
        out.append(_article(i, START + timedelta(days=3 + 9 * k), "CHNGOV", "042" if k % 2 else "111", "JPNGOV",
                            "Beijing" if k % 2 else "Tokyo", "Kyodo"))
    for k in range(3):
        i += 1
        out.append(_article(i, START + timedelta(days=5 + 11 * k), "RUSMIL", "190", "UKR", "Kyiv", "AP",
                            ("Strikes continued overnight", "Ukrainian officials", True, "UKRGOV") if k == 0 else None))
    i += 1
    out.append(_article(i, START + timedelta(days=20), "USAGOV", "070", "UKR", None, "AFP"))
    return out


def build(path: Path) -> Path:
    with Store(path) as st:
        st.write_batch(items())
        st.dedup()
    return path
